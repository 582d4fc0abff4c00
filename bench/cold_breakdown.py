"""Where a text answer's time goes when the CPU caches are cold, part by part, in one process.

Why: bench/slack_bench.py interleaves three servers, so each request reaches a server whose caches the
others have just used (as between a reporter's sporadic questions). Measured hot, in a loop, the parts
look three times cheaper than they are there. Here every sample is taken after walking a 32 MB buffer
(evicting the caches), and the same parts are timed hot for comparison:

  the bare Bolt app's request (guards + Bolt + a fixed ack: the floor any Bolt app pays)
  ours: the whole request (guards + Bolt + our listener + the answer), and with a fixed answer
  a DuckDB query: SELECT 1, and the figure lookup (queries/place_years.sql)
  parsing a question, the per-request check for changed data files, the audit line, the reply's blocks

    .venv/bin/python bench/cold_breakdown.py [--samples 200]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # fake_slack lives with the tests
sys.path.insert(0, str(ROOT / "bench"))

from fake_slack import FakeSlack, signed_headers, slash_command_body  # noqa: E402

SECRET = "bench-signing-secret"
_junk = bytearray(32 * 1024 * 1024)


def evict() -> None:
    """Touch one byte per cache line of 32 MB: what another process's work does to our caches."""
    for i in range(0, len(_junk), 64):
        _junk[i] = (_junk[i] + 1) & 255


def median_ms(step, samples: int, cold: bool) -> float:
    for i in range(50):
        step(i)
    times = []
    for i in range(samples):
        if cold:
            evict()
        started = time.perf_counter()
        step(i)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()

    import slack_bench
    from slack_bench import QUESTIONS

    with FakeSlack() as slack:
        os.environ.update(SLACK_BOT_TOKEN=slack_bench.TOKEN, SLACK_SIGNING_SECRET=SECRET,
                          SLACK_API_BASE_URL=slack.api_url, OFFENCES_RATE_LIMIT="0", AUDIT_LOG=os.devnull,
                          LOG_LEVEL="WARNING")
        from bot import audit, server, web
        from bot.answer import answer, get_answerer
        from bot.parse import parse
        from bot.replies import prepare
        from bot.settings import from_env
        from bot.store import default_data_dir, signature

        answerer = get_answerer()
        store = answerer.store
        fixed = answer("durham 2016-17")

        class FixedAnswer:
            def answer(self, text):
                return fixed

        slack_bench.SECRET = SECRET
        ours = server.asgi_app(from_env()).front
        ours_fixed = server.asgi_app(from_env(), answerer=FixedAnswer()).front
        bare = web.Front(slack_bench.bare_app(True), SECRET)

        def request(front, question: str | None = None):
            def step(i: int) -> None:
                body = slash_command_body(question or QUESTIONS[i % len(QUESTIONS)], slack.response_url("cold"))
                body = body.encode() if isinstance(body, str) else body
                headers = {k.lower(): [v] for k, v in signed_headers(SECRET, body).items()}
                reply = front.handle("", headers, body, "bench")
                if reply.status != 200:
                    raise SystemExit(f"unexpected {reply.status}: {reply.body[:200]!r}")
            return step

        durham = dict(geography="Durham", geography_type="force", measure="cyber_flagged_child_sex_offences")
        trail = audit.Trail(os.devnull, [SECRET])
        command = {"team_id": "T1", "user_id": "U1", "channel_id": "C1", "text": "durham 2016-17"}
        reply = prepare(answer, "durham 2016-17")

        def audit_line(i: int) -> None:
            trail.start(audit.SLASH, command).question("durham 2016-17", reply.answer).done()

        parts = [
            ("bare Bolt app: one request (fixed ack)", request(bare, "durham 2016-17")),
            ("ours: one request, 20 questions in turn", request(ours)),
            ("ours: one request, a fixed answer", request(ours_fixed, "durham 2016-17")),
            ("  DuckDB: SELECT 1", lambda i: store.cursor().execute("SELECT 1").fetchall()),
            ("  DuckDB: the figure lookup (place_years)", lambda i: store.rows("place_years", **durham)),
            ("  the answer alone, 20 questions", lambda i: answer(QUESTIONS[i % len(QUESTIONS)])),
            ("  parsing a question", lambda i: parse(QUESTIONS[i % len(QUESTIONS)], answerer.gazetteer)),
            ("  the check for changed data files", lambda i: signature(default_data_dir())),
            ("  the audit line", audit_line),
            ("  the reply's blocks as JSON", lambda i: json.dumps(reply.blocks(share_text="durham 2016-17"))),
        ]
        print(f"{'part':46} {'cold':>8} {'hot':>8}   (median ms of {args.samples})")
        for name, step in parts:
            cold = median_ms(step, args.samples, cold=True)
            hot = median_ms(step, args.samples, cold=False)
            print(f"{name:46} {cold:8.3f} {hot:8.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
