"""Many reporters at once: `offences serve` under 20 concurrent reporters sending a mix of questions,
chart answers, fact-checks and mentions, then the same with 12 slow clients connected throughout.

Prints, for each run (after a warm-up that is not counted): requests, errors (a non-200 acknowledgement, or an answer that never reached
FakeSlack), ack latency median and p95, and the worker's RSS before and after. Targets (the issue's):
0 errors, p95 < 1 s, RSS growth < 10 MB over 5,000 requests. No assertion: it prints figures.

    .venv/bin/python bench/load_bench.py [--reporters 20] [--requests 25] [--rounds 10] [--slow 12]
"""

from __future__ import annotations

import argparse
import itertools
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fake_slack import (FakeSlack, app_mention_event, event_body, post, signed_headers,  # noqa: E402
                        slash_command_body)

TOKEN = "xoxb-bench-token"
SECRET = "bench-signing-secret"
KENT = "Kent Police recorded 361 offences in 2016/17, up from 63, a rise of 573%."
ANSWERS = ["durham 2016-17", "northumbria 2016/17", "kent 2015/16", "gmp 2017/18", "england and wales 2016/17",
           "top 5 2018/19 rate", "sussex 2016/17", "narnia 2016/17"]
CHARTS = ["northumbria", "durham 2015/16 vs 2016/17", "compare durham, cleveland and northumbria 2016/17",
          "north east 2016/17"]
TIME_BUDGET = 540.0
COUNTER = itertools.count()  # across runs: event ids and response_url names are never reused


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def worker_rss_kb(master: int) -> int:
    """RSS of gunicorn's worker (the master's child), in kB."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        pid = int(children[0])
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return 0


class SlowClients:
    """`n` connections that each promise a 100-byte body and send 2 bytes; reopened when the server
    cuts them off, so n are connected throughout."""

    def __init__(self, port: int, n: int):
        self.port, self.n, self.stop = port, n, threading.Event()
        self.cut_off = 0
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(n)]

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
                    sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nab")
                    while sock.recv(4096):
                        pass
                self.cut_off += 1
            except OSError:
                time.sleep(0.1)

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()


def run_load(url: str, slack: FakeSlack, reporters: int, per_reporter: int, rounds: int, master: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    expected_posts = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + TIME_BUDGET

    def one(i: int) -> None:
        kind = ("answer", "answer", "chart", "check", "mention")[i % 5]
        n = next(COUNTER)
        if kind == "mention":
            event = app_mention_event(f"<@UBOT> {ANSWERS[n % len(ANSWERS)]}", f"C{n % 7}", f"{1700000000 + n}.000100")
            body = event_body(event, event_id=f"EvLoad{n}")
        else:
            text = {"answer": ANSWERS[n % len(ANSWERS)], "chart": CHARTS[n % len(CHARTS)],
                    "check": "check " + KENT}[kind]
            body = slash_command_body(text, slack.response_url(f"load{n}"), channel_id=f"C{n % 7}")
        t0 = time.perf_counter()
        try:
            status, _, _ = post(url, body, signed_headers(SECRET, body), timeout=10)
        except OSError as err:
            status = f"{type(err).__name__}"
        elapsed = time.perf_counter() - t0
        with lock:
            latencies.append(elapsed)
            if status != 200:
                errors.append(f"{kind}: {status}")
            if kind in ("chart", "mention"):
                expected_posts[0] += 1

    def reporter(r: int) -> None:
        for i in range(per_reporter):
            if time.monotonic() > deadline:
                return
            one(r + i)

    for r in range(min(reporters, 5)):  # warm-up, not counted: matplotlib, fonts, every query's first run
        reporter(r)
    time.sleep(1)
    latencies.clear()
    errors.clear()
    def posted() -> int:
        return len([c for c in slack.calls if c.api_method in ("chat.postMessage", "chat.postEphemeral")])

    def settle() -> float:
        """Wait for every chart answer and mention to reach Slack (a message, or an ephemeral for an
        error), as long as they keep arriving; the seconds it took."""
        start, last, seen = time.monotonic(), time.monotonic(), posted()
        while seen < expected_posts[0] and time.monotonic() - last < 20:
            time.sleep(0.2)
            if posted() > seen:
                seen, last = posted(), time.monotonic()
        return time.monotonic() - start

    settle()
    expected_posts[0] = posted()
    rss_before = worker_rss_kb(master)
    rss = [rss_before]
    started = time.monotonic()
    for _ in range(rounds):
        threads = [threading.Thread(target=reporter, args=(r,)) for r in range(reporters)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        rss.append(worker_rss_kb(master))
    sent_for = time.monotonic() - started
    backlog = settle()
    if posted() < expected_posts[0]:
        errors.append(f"{expected_posts[0] - posted()} answers never reached Slack")
    rss_after = worker_rss_kb(master)
    ordered = sorted(latencies)
    return {"requests": len(latencies), "errors": errors, "median_ms": statistics.median(ordered) * 1000,
            "p95_ms": ordered[int(0.95 * (len(ordered) - 1))] * 1000, "rss_mb": (rss_before / 1024, rss_after / 1024),
            "rss_rounds_mb": [round(r / 1024) for r in rss], "sent_s": sent_for, "backlog_s": backlog}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reporters", type=int, default=20)
    parser.add_argument("--requests", type=int, default=25, help="requests per reporter per round")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--slow", type=int, default=12, help="slow clients for the second run (0: skip)")
    args = parser.parse_args()
    with FakeSlack() as slack:
        port = free_port()
        env = dict(os.environ, SLACK_BOT_TOKEN=TOKEN, SLACK_SIGNING_SECRET=SECRET, SLACK_API_BASE_URL=slack.api_url,
                   LOG_LEVEL="ERROR", OFFENCES_RATE_LIMIT="0", AUDIT_LOG=os.devnull)  # capacity, not the limit
        log_path = Path(tempfile.mkdtemp(prefix="load_bench_")) / "serve.log"
        proc = subprocess.Popen([str(Path(sys.executable).with_name("offences")), "serve", "--host", "127.0.0.1",
                                 "--port", str(port)], env=env, stdout=open(log_path, "wb"), stderr=subprocess.STDOUT)
        print(f"server log: {log_path}", flush=True)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            runs = [("no slow clients", 0)] + ([(f"{args.slow} slow clients connected", args.slow)] if args.slow else [])
            for label, slow in runs:
                slack.reset()
                if slow:
                    with SlowClients(port, slow) as clients:
                        time.sleep(1)
                        result = run_load(base + "/slack/events", slack, args.reporters, args.requests, args.rounds,
                                          proc.pid)
                    extra = f", slow clients cut off {clients.cut_off} times"
                else:
                    result = run_load(base + "/slack/events", slack, args.reporters, args.requests, args.rounds,
                                      proc.pid)
                    extra = ""
                before, after = result["rss_mb"]
                print(f"{label}: {result['requests']} requests from {args.reporters} reporters, "
                      f"{len(result['errors'])} errors, ack median {result['median_ms']:.1f} ms, "
                      f"p95 {result['p95_ms']:.1f} ms (target < 1000), worker RSS {before:.1f} -> {after:.1f} MB "
                      f"(+{after - before:.1f}; target < 10){extra}", flush=True)
                print(f"    sent in {result['sent_s']:.0f} s; the posted answers (charts, mentions) all reached Slack "
                      f"{result['backlog_s']:.0f} s after the last request; worker RSS per round (MB): "
                      f"{result['rss_rounds_mb']}", flush=True)
                for err in result["errors"][:5]:
                    print("   ", err)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
