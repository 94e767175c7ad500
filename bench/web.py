"""HTTP API under load: `bilateral serve` against Datasette on the same SQLite file.

The whole prose corpus of the shared folder (the reference article, the
"Foreign relations of X" wikitext pages and the RDCR articles' paragraphs,
chosen as bench/corpus_ingest.py chooses them) is ingested into a temporary
SQLite file; with --quick only the reference article is. Then `bilateral serve`
and `datasette serve` are started on free 127.0.0.1 ports over that file, and a
load generator on 127.0.0.1 drives each URL for a fixed time at a fixed
concurrency, after a short warm-up that is not counted:

- profile: bilateral's /api/dyads/PE/US (the whole dyad profile) against
  Datasette's JSON for every fact of the dyad (facts filtered by dyad_a and
  dyad_b, all rows in one response);
- timeline: bilateral's /api/dyads/PE/US/timeline (the first page of dated
  events) against Datasette's JSON for the dyad's facts of kind "event".

The load generator is wrk (Debian package `wrk`) when it is on the PATH, else a
small asyncio client on httpx that times every request (slower: the client
itself costs CPU, so its figures are lower bounds). Each server keeps its own
defaults (one uvicorn process, access log on). Prints requests/s, p50 and p99
latency and errors per endpoint and server, side by side.

Run: python -m bench.web --shared ../shared [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bilateral.kb import KnowledgeBase

DURATION = 10.0  # seconds of load per URL
WARM_UP = 2.0  # seconds of load per URL before measuring, not counted
CONCURRENCY = 8  # connections kept open by the load generator
DYAD = ("PE", "US")
HOST = "127.0.0.1"

# wrk prints one line from its `done` hook: requests, duration (µs), p50 and p99
# latency (µs), and errors (connect, read, write, timeout, HTTP status >= 400).
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %.0f %.0f %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


@dataclass(frozen=True)
class Target:
    endpoint: str
    server: str
    path: str


@dataclass(frozen=True)
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _inputs(shared: Path, folder: Path, quick: bool) -> list[Path]:
    corpus = shared / "corpus"
    if quick:
        return [corpus / "seed"]
    from bench.corpus_ingest import _rdcr_articles

    rdcr = _rdcr_articles(shared, folder)
    return [corpus / "seed", corpus / "wikitext" / "foreign-relations", *rdcr]


def _ingest(shared: Path, folder: Path, db: Path, quick: bool) -> str:
    inputs = _inputs(shared, folder, quick)
    started = time.perf_counter()
    with KnowledgeBase(str(db)) as kb:
        report = kb.ingest(inputs)
    elapsed = time.perf_counter() - started
    scope = "the reference article only (--quick)" if quick else "the whole shared prose corpus"
    return (
        f"{report.count('added')} documents, {sum(report.facts.values())} facts from {scope},"
        f" ingested in {elapsed:.0f} s"
    )


def _bilateral_command() -> list[str]:
    script = Path(sys.executable).with_name("bilateral")
    found = str(script) if script.exists() else shutil.which("bilateral")
    if found is None:
        raise RuntimeError("the `bilateral` command is not installed")
    return [found, "serve"]


@contextlib.contextmanager
def _server(name: str, command: list[str], base: str, ready: str, log: Path) -> Iterator[str]:
    """Run ``command`` until the block ends; yields ``base`` once ``base + ready`` answers 200."""
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                if process.poll() is not None:
                    tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
                    raise RuntimeError(f"{name} exited with {process.returncode}:\n{tail}")
                try:
                    with urllib.request.urlopen(base + ready, timeout=5) as answer:
                        if answer.status == 200:
                            break
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{name} did not answer {ready} within 120 s")
                time.sleep(0.2)
            yield base
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _probe(url: str) -> str:
    """Status, size and item count of one response, to show the two sides answer alike."""
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            body = answer.read()
            status = answer.status
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    payload = json.loads(body)
    if isinstance(payload, list):
        items = f"{len(payload)} rows"
    elif isinstance(payload, dict) and isinstance(payload.get("items"), list):
        items = f"{len(payload['items'])} items"
    else:
        items = "one object"
    return f"HTTP {status}, {len(body):,} bytes, {items}"


def _wrk(url: str, seconds: float, script: Path) -> Result:
    threads = max(1, min(CONCURRENCY, os.cpu_count() or 1))
    command = ["wrk", f"-t{threads}", f"-c{CONCURRENCY}", f"-d{max(1, round(seconds))}s"]
    command += ["--timeout", "10s", "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    for line in output.splitlines():
        if line.startswith("BENCH "):
            requests, micros, p50, p99, errors = (int(float(v)) for v in line.split()[1:])
            return Result(requests, micros / 1e6, p50 / 1000, p99 / 1000, errors)
    raise RuntimeError(f"wrk printed no result:\n{output}")


async def _drive(url: str, seconds: float) -> Result:
    import httpx

    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(limits=limits, timeout=10.0) as client:
        began = time.perf_counter()
        deadline = began + seconds

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    answer = await client.get(url)
                    ok = answer.status_code < 400
                except httpx.HTTPError:
                    ok = False
                if ok:
                    latencies.append(time.perf_counter() - started)
                else:
                    errors += 1

        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        elapsed = time.perf_counter() - began
    latencies.sort()

    def percentile(share: float) -> float:
        if not latencies:
            return 0.0
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] * 1000

    return Result(len(latencies) + errors, elapsed, percentile(0.50), percentile(0.99), errors)


def _load(url: str, seconds: float, script: Path | None) -> Result:
    if script is not None:
        return _wrk(url, seconds, script)
    return asyncio.run(_drive(url, seconds))


def _generator() -> str | None:
    """wrk's version line, or None when wrk is not installed."""
    if shutil.which("wrk") is None:
        return None
    shown = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)
    words = (shown.stdout + shown.stderr).split()
    return " ".join(words[:2]) if words else "wrk"


def _targets(db_name: str) -> list[Target]:
    a, b = DYAD
    facts = f"/{db_name}/facts.json?dyad_a={a}&dyad_b={b}"
    return [
        Target("profile", "bilateral", f"/api/dyads/{a}/{b}"),
        Target("profile", "datasette", f"{facts}&_shape=array&_size=max"),
        Target("timeline", "bilateral", f"/api/dyads/{a}/{b}/timeline"),
        Target("timeline", "datasette", f"{facts}&kind=event&_shape=array&_size=max"),
    ]


def _measure(targets: list[Target], bases: dict[str, str], script: Path | None) -> None:
    header = (
        f"  {'endpoint':<9} {'server':<10} {'requests/s':>10} {'p50 ms':>8} {'p99 ms':>8}"
        f" {'errors':>7}  response"
    )
    print(header)
    for target in targets:
        base = bases.get(target.server)
        if base is None:
            print(f"  {target.endpoint:<9} {target.server:<10} {'(not installed)':>10}")
            continue
        url = base + target.path
        shape = _probe(url)
        _load(url, WARM_UP, script)
        result = _load(url, DURATION, script)
        print(
            f"  {target.endpoint:<9} {target.server:<10} {result.rate:10.1f}"
            f" {result.p50_ms:8.1f} {result.p99_ms:8.1f} {result.errors:7d}  {shape}"
        )
    for target in targets:
        print(f"  {target.endpoint:<9} {target.server:<10} GET {target.path}")


def bench_web(shared: Path, quick: bool = False) -> None:
    """requests/s and p50/p99 latency of the profile and timeline endpoints, beside Datasette."""
    generator = _generator()
    with tempfile.TemporaryDirectory(prefix="bilateral-bench-web-") as folder:
        root = Path(folder)
        db = root / "bilateral.sqlite"
        ingested = _ingest(shared, root, db, quick)
        script: Path | None = None
        if generator is not None:
            script = root / "report.lua"
            script.write_text(WRK_SCRIPT, encoding="utf-8")
        load = generator or "asyncio + httpx client in bench/web.py (wrk not installed)"
        print(
            f"web API under load: {load}, {CONCURRENCY} connections, {DURATION:.0f} s per row"
            f" after {WARM_UP:.0f} s of warm-up, all on {HOST}; {ingested}"
        )
        targets = _targets(db.stem)
        a, b = DYAD
        with contextlib.ExitStack() as servers:
            port = _free_port()
            bases = {
                "bilateral": servers.enter_context(
                    _server(
                        "bilateral serve",
                        [
                            *_bilateral_command(),
                            "--host",
                            HOST,
                            "--port",
                            str(port),
                            "--db",
                            str(db),
                        ],
                        f"http://{HOST}:{port}",
                        f"/api/dyads/{a}/{b}",
                        root / "bilateral.log",
                    )
                )
            }
            if importlib.util.find_spec("datasette") is not None:
                port = _free_port()
                bases["datasette"] = servers.enter_context(
                    _server(
                        "datasette",
                        [
                            sys.executable,
                            "-m",
                            "datasette",
                            "serve",
                            str(db),
                            "-h",
                            HOST,
                            "-p",
                            str(port),
                        ],
                        f"http://{HOST}:{port}",
                        f"/{db.stem}/facts.json?_size=1",
                        root / "datasette.log",
                    )
                )
            _measure(targets, bases, script)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--quick", action="store_true", help="ingest the reference article only")
    args = parser.parse_args()
    bench_web(args.shared, quick=args.quick)


if __name__ == "__main__":
    main()
