"""The Slack app's settings, read from the environment once, with a one-line fix for each missing one.

Tokens and secrets are kept out of logs two ways: Settings never prints them (repr hides them), and
`install_log_masking()` puts a filter on the log handlers that blanks anything shaped like a Slack
token (xoxb-, xoxp-, xapp-, ...), a slash-command `token=` field, and the literal secret values.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from typing import Mapping
from urllib.parse import urlsplit

SLACK_API_DEFAULT = "https://slack.com/api/"
DEFAULT_PORT = 3000
DEFAULT_RATE_LIMIT = 20  # commands a minute per Slack user (OFFENCES_RATE_LIMIT; 0 turns it off)

# What to do about each missing setting, in the words a reporter setting the bot up needs.
HOW_TO_GET = {
    "SLACK_BOT_TOKEN": "copy the Bot User OAuth Token (xoxb-...) from your app's OAuth & Permissions page "
                       "after installing it",
    "SLACK_SIGNING_SECRET": "copy it from your app's Basic Information page (App Credentials, Signing Secret)",
    "SLACK_APP_TOKEN": "create an app-level token with the connections:write scope on your app's Basic "
                       "Information page (App-Level Tokens) and copy it (xapp-...)",
}


class SettingsError(Exception):
    """A setting that is missing or malformed; the message is one line naming it and the fix."""


class SlackUnavailable(Exception):
    """Slack could not be reached or answered with a server error: nobody's settings are wrong (exit 1)."""


@dataclass(frozen=True)
class Settings:
    bot_token: str = field(repr=False)
    signing_secret: str = field(default="", repr=False)
    app_token: str | None = field(default=None, repr=False)
    api_base_url: str = SLACK_API_DEFAULT
    port: int = DEFAULT_PORT
    log_level: str = "WARNING"
    # Seconds between retries of a Web API call that failed with a 5xx or a dropped connection;
    # None means slack_sdk's exponential backoff with jitter (about 0.5-1.5 s, then 1-2 s).
    retry_interval: float | None = None
    # Shared state for several instances (replays, retries, shares, rate limits); None: this process's memory.
    redis_url: str | None = field(default=None, repr=False)  # may carry a password
    rate_limit: int = DEFAULT_RATE_LIMIT
    audit_log: str | None = None  # a file to append the audit trail to; None: standard output

    def secrets(self) -> list[str]:
        password = urlsplit(self.redis_url).password if self.redis_url else None
        return [s for s in (self.bot_token, self.signing_secret, self.app_token, password) if s]


def _port(value: str | None) -> int:
    if value in (None, ""):
        return DEFAULT_PORT
    try:
        port = int(value)
    except ValueError:
        raise SettingsError(f"PORT is {value!r}: set it to a TCP port number such as 3000") from None
    if not 0 < port < 65536:
        raise SettingsError(f"PORT is {port}: set it to a TCP port number between 1 and 65535")
    return port


def _rate_limit(value: str) -> int:
    if value == "":
        return DEFAULT_RATE_LIMIT
    if not value.isdigit():
        raise SettingsError(f"OFFENCES_RATE_LIMIT is {value!r}: set it to the commands a minute one reporter may "
                            f"send (default {DEFAULT_RATE_LIMIT}), or 0 for no limit")
    return int(value)


def _redis_url(value: str) -> str | None:
    if value and not re.match(r"^(redis|rediss|unix)://", value):
        raise SettingsError("REDIS_URL does not start with redis://, rediss:// or unix://: set it to your Redis, "
                            "e.g. redis://localhost:6379/0, or unset it to run one instance on its own memory")
    return value or None


def log_level(environ: Mapping[str, str] | None = None) -> str:
    """LOG_LEVEL, checked: every command reads it before anything else, so a typo is one line, not a traceback."""
    env = os.environ if environ is None else environ
    level = (env.get("LOG_LEVEL") or "").strip().upper() or "WARNING"
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise SettingsError(f"LOG_LEVEL is {level!r}: use DEBUG, INFO, WARNING or ERROR (or leave it unset)")
    return level


def from_env(environ: Mapping[str, str] | None = None, *, socket_mode: bool = False) -> Settings:
    """Settings from the environment; SettingsError names the first missing one and how to get it.

    HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; Socket Mode needs SLACK_BOT_TOKEN and
    SLACK_APP_TOKEN (requests arrive over the app's own websocket, so there is nothing to sign).
    """
    env = os.environ if environ is None else environ

    def get(name: str) -> str:
        return (env.get(name) or "").strip()

    required = ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN" if socket_mode else "SLACK_SIGNING_SECRET"]
    for name in required:
        if not get(name):
            raise SettingsError(f"{name} is not set: {HOW_TO_GET[name]}")
    bot_token = get("SLACK_BOT_TOKEN")
    if not bot_token.startswith("xoxb-"):
        raise SettingsError("SLACK_BOT_TOKEN does not start with xoxb-: " + HOW_TO_GET["SLACK_BOT_TOKEN"])
    app_token = get("SLACK_APP_TOKEN") or None
    if socket_mode and not app_token.startswith("xapp-"):
        raise SettingsError("SLACK_APP_TOKEN does not start with xapp-: " + HOW_TO_GET["SLACK_APP_TOKEN"])
    base_url = get("SLACK_API_BASE_URL") or SLACK_API_DEFAULT
    if not re.match(r"^https?://", base_url):
        raise SettingsError(f"SLACK_API_BASE_URL is {base_url!r}: set it to the Web API root, "
                            f"such as {SLACK_API_DEFAULT} (or leave it unset)")
    if not base_url.endswith("/"):
        base_url += "/"  # slack_sdk joins base_url + method name
    level = log_level(env)
    return Settings(bot_token=bot_token, signing_secret=get("SLACK_SIGNING_SECRET"), app_token=app_token,
                    api_base_url=base_url, port=_port(get("PORT") or None), log_level=level,
                    redis_url=_redis_url(get("REDIS_URL")), rate_limit=_rate_limit(get("OFFENCES_RATE_LIMIT")),
                    audit_log=get("AUDIT_LOG") or None)


# -- keeping secrets out of logs ------------------------------------------------------------------

TOKEN_PATTERN = re.compile(r"\b(xox[abposre]|xapp)-[A-Za-z0-9-]+")
FORM_TOKEN_PATTERN = re.compile(r"(\btoken=)[^&\s'\"]+")


def mask(text: str, secrets: list[str] = ()) -> str:
    text = TOKEN_PATTERN.sub(lambda m: m.group(1) + "-***", text)
    text = FORM_TOKEN_PATTERN.sub(r"\1***", text)
    for secret in secrets:
        if secret and len(secret) >= 6:
            text = text.replace(secret, "***")
    return text


class MaskSecretsFilter(logging.Filter):
    """Blanks Slack tokens and the configured secrets in every record a handler emits."""

    def __init__(self, secrets: list[str] = ()):
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to logging's own error handling
            return True
        masked = mask(message, self.secrets)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text, self.secrets)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def install_log_masking(secrets: list[str] = (), loggers: tuple[str, ...] = ("", "gunicorn.error",
                                                                            "gunicorn.access")) -> None:
    """Attach MaskSecretsFilter to every handler of the given loggers (filters on handlers see records
    propagated from any logger, which a filter on a logger would not)."""
    for name in loggers:
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, MaskSecretsFilter) for f in handler.filters):
                handler.addFilter(MaskSecretsFilter(list(secrets)))
