"""Reaching Slack before serving (auth.test; apps.connections.open in Socket Mode). Why a module:
Slack being down must never be blamed on a token. A 5xx, a rate limit or an unreachable Slack is
said as such and retried with a doubling pause; only Slack's own refusal (invalid_auth, a revoked
token, ...) is the setting's fault."""

from __future__ import annotations

import sys
import time
from typing import Callable, TypeVar

from slack_sdk.errors import SlackApiError, SlackClientError

from .delivery import slack_error
from .settings import SlackUnavailable

START_ATTEMPTS = 6         # tries before giving up: about 30 s with the pauses doubling
START_RETRY_PAUSE = 1.0    # seconds before the second try
SLACK_DOWN = {"internal_error", "fatal_error", "service_unavailable", "ratelimited", "request_timeout"}

T = TypeVar("T")


def until_available(call: Callable[[], T], where: str, refused: Callable[[str], Exception]) -> T:
    """call(), retried while Slack is unavailable; refused(code) is raised when Slack says no."""
    pause = START_RETRY_PAUSE
    for attempt in range(1, START_ATTEMPTS + 1):
        try:
            return call()
        except SlackApiError as err:
            code = slack_error(err)
            if not (code.startswith("HTTP ") or code in SLACK_DOWN):
                raise refused(code) from None
            problem = f"Slack is unavailable ({code})"
        except (SlackClientError, OSError) as err:
            problem = (f"cannot reach Slack's Web API at {where} ({type(err).__name__}): check the network, "
                       "or SLACK_API_BASE_URL if you set it")
        if attempt == START_ATTEMPTS:
            raise SlackUnavailable(f"{problem}; gave up after {attempt} tries. Try again later (Slack's status: "
                                   "https://slack-status.com)")
        print(f"offences: {problem}; trying again in {pause:g} s", file=sys.stderr, flush=True)
        time.sleep(pause)
        pause *= 2
    raise AssertionError("unreachable")
