"""Two instances, one Redis, many reporters: the scale-out load figure.

Starts a real redis-server and two `offences serve` (gunicorn + uvicorn) with the same REDIS_URL, as
two dynos behind one load balancer, then 20 reporters each send 25 requests (answers, chart answers,
fact-checks, @mentions), alternating between the instances. Every @mention is also delivered again
to the *other* instance as Slack's retry, so the run checks the shared event dedupe under load.

Prints requests, errors (a non-200 acknowledgement, an answer that never reached FakeSlack),
acknowledgement latency median and p95 per instance and overall, and mentions answered twice or not
at all (targets: 0 errors, 0 doubles, p95 < 1 s). No assertion: it prints figures.

    .venv/bin/python bench/shared_bench.py [--reporters 20] [--requests 25]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fake_slack import (FakeSlack, app_mention_event, event_body, post, signed_headers,  # noqa: E402
                        slash_command_body)
from support import free_tcp_port, running_redis, running_serve  # noqa: E402

TOKEN = "xoxb-bench-token"
SECRET = "bench-signing-secret"
KENT = "Kent Police recorded 361 offences in 2016/17, up from 63, a rise of 573%."
ANSWERS = ["durham 2016-17", "northumbria 2016/17", "kent 2015/16", "gmp 2017/18", "england and wales 2016/17",
           "top 5 2018/19 rate", "sussex 2016/17", "narnia 2016/17"]
CHARTS = ["northumbria", "durham 2015/16 vs 2016/17", "compare durham, cleveland and northumbria 2016/17"]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))] * 1000 if ordered else float("nan")


def run(instances, slack: FakeSlack, reporters: int, per_reporter: int) -> dict:
    latencies: dict[int, list[float]] = {0: [], 1: []}
    errors: list[str] = []
    mention_texts: list[str] = []
    expected_posts = [0]
    lock = threading.Lock()

    def send(which: int, body: str, headers: dict) -> None:
        t0 = time.perf_counter()
        try:
            status, _, _ = post(instances[which].url, body, headers, timeout=10)
        except OSError as err:
            status = type(err).__name__
        with lock:
            latencies[which].append(time.perf_counter() - t0)
            if status != 200:
                errors.append(f"instance {'AB'[which]}: {status}")

    def one(reporter: int, i: int) -> None:
        n = reporter * per_reporter + i
        which = n % 2
        kind = ("answer", "answer", "chart", "check", "mention")[n % 5]
        if kind == "mention":
            marker = f"m{n}x{uuid.uuid4().hex[:6]}"
            event = app_mention_event(f"<@UBOT> {ANSWERS[n % len(ANSWERS)]}", f"C{marker}", f"{1700000000 + n}.000100")
            body = event_body(event, event_id="EvShared" + uuid.uuid4().hex)  # never reused across runs
            send(which, body, signed_headers(SECRET, body))
            retry = dict(signed_headers(SECRET, body, timestamp=int(time.time()) + 1),
                         **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
            send(1 - which, body, retry)  # Slack's retry, landing on the other instance
            with lock:
                mention_texts.append(f"C{marker}")
                expected_posts[0] += 1
            return
        text = {"answer": ANSWERS[n % len(ANSWERS)], "chart": CHARTS[n % len(CHARTS)], "check": "check " + KENT}[kind]
        body = slash_command_body(text, slack.response_url(f"shared{n}"), channel_id=f"C{n % 7}",
                                  user_id=f"U{reporter:03d}")
        send(which, body, signed_headers(SECRET, body))

    def reporter(r: int) -> None:
        for i in range(per_reporter):
            one(r, i)

    started = time.monotonic()
    threads = [threading.Thread(target=reporter, args=(r,)) for r in range(reporters)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sent_for = time.monotonic() - started
    # wait for every mention's reply (each mention has its own channel; an unknown place is told ephemerally), as long as replies keep coming
    def replies() -> Counter:
        return Counter(c.params.get("channel") for c in slack.calls
                       if c.api_method in ("chat.postMessage", "chat.postEphemeral") and str(c.params.get("channel", "")).startswith("Cm"))
    last, seen = time.monotonic(), 0
    while sum(replies().values()) < expected_posts[0] and time.monotonic() - last < 20:
        time.sleep(0.2)
        if sum(replies().values()) > seen:
            seen, last = sum(replies().values()), time.monotonic()
    time.sleep(1)  # a double would arrive about now
    got = replies()
    doubles = sum(1 for ch in mention_texts if got[ch] > 1)
    missing = sum(1 for ch in mention_texts if got[ch] == 0)
    return {"latencies": latencies, "errors": errors, "doubles": doubles, "missing": missing,
            "mentions": len(mention_texts), "sent_s": sent_for}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reporters", type=int, default=20)
    parser.add_argument("--requests", type=int, default=25, help="requests per reporter")
    args = parser.parse_args()
    logs = Path(tempfile.mkdtemp(prefix="shared_bench_"))
    print(f"server logs: {logs}", flush=True)
    with FakeSlack() as slack, running_redis() as redis_server, \
            running_serve(slack, free_tcp_port(), logs / "a.log", token=TOKEN, secret=SECRET,
                          REDIS_URL=redis_server.url, LOG_LEVEL="ERROR") as a, \
            running_serve(slack, free_tcp_port(), logs / "b.log", token=TOKEN, secret=SECRET,
                          REDIS_URL=redis_server.url, LOG_LEVEL="ERROR") as b:
        run((a, b), slack, 3, 5)  # warm-up, not counted: fonts, matplotlib, each query's first run
        time.sleep(2)
        slack.reset()
        result = run((a, b), slack, args.reporters, args.requests)
    every = result["latencies"][0] + result["latencies"][1]
    print(f"two instances, one Redis: {len(every)} requests ({args.reporters} reporters x {args.requests}, "
          f"plus each of the {result['mentions']} mentions' retry on the other instance) in {result['sent_s']:.1f} s")
    print(f"  errors {len(result['errors'])}; ack median {statistics.median(every) * 1000:.1f} ms, "
          f"p95 {p95(every):.1f} ms (target < 1000)")
    for which in (0, 1):
        lat = result["latencies"][which]
        print(f"  instance {'AB'[which]}: {len(lat)} requests, median {statistics.median(lat) * 1000:.1f} ms, "
              f"p95 {p95(lat):.1f} ms")
    print(f"  mentions answered twice: {result['doubles']}; never answered: {result['missing']} "
          f"(of {result['mentions']}; target 0 and 0)")
    for err in result["errors"][:5]:
        print("   ", err)
    return 0


if __name__ == "__main__":
    sys.exit(main())
