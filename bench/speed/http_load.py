"""Requests per second and p50/p99 per main endpoint beside `/health` of the same server.

The graph holds `--reports` reports (the corpus and renamed copies of it citing the same
entities, as a real corpus keeps citing its regions); `healthkg serve` runs in its own process
and `wrk` (Debian package) drives it over loopback for a bounded time per endpoint.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, unquote

import httpx

from api.ingest import extract_paths
from bench.speed.common import REPO, as_copy, corpus_files, table
from graph.backend import GraphSettings, connect
from graph.store import GraphStore

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_graph(data_dir: Path, reports: int) -> tuple[str, str]:
    """Ingest `reports` documents; returns the busiest entity's id and one document's file."""
    extractions = extract_paths(corpus_files())
    settings = GraphSettings(url="embedded", data_dir=data_dir, graph_name="healthkg")
    with connect(settings) as backend:
        store = GraphStore(backend)
        store.ensure_schema()
        written, index = 0, 0
        started = time.perf_counter()
        while written < reports:
            for extraction in extractions:
                if written >= reports:
                    break
                store.ingest(as_copy(extraction, index, rename_entities=False))
                written += 1
            index += 1
        print(f"(graph of {written} reports written in {time.perf_counter() - started:.0f} s)", flush=True)
        busiest = backend.execute(
            "MATCH (n:Entity)-[e]-() WHERE NOT n:Document RETURN n.id AS id, count(e) AS c "
            "ORDER BY c DESC LIMIT 1", {}, read_only=True,
        )[0]["id"]  # fmt: skip
    return busiest, extractions[0].document.file


def _wrk(url: str, seconds: int, connections: int) -> tuple[float, float, float]:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(name: str) -> float:
        value, unit = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * UNITS_MS[unit]

    return rps, percentile("50"), percentile("99")


def _paged_endpoints(base: str, busy: str) -> list[str]:
    """The busy entity's next page of its biggest edge group, its most-quoted edge's quotes, every
    edge at once (the opt-in), and paths between two of its neighbours (when the API has pages)."""
    entity = "/api/entities/" + quote(busy, safe="")
    detail = httpx.get(base + entity, timeout=60).json()
    groups = detail.get("edge_counts")
    if not groups:
        return []
    biggest = max(groups, key=lambda group: group["total"])
    edges = [edge for page in detail["edges"].values() for edge in page]
    quoted = max(edges, key=lambda edge: edge["quotes"])
    others = [edge["other"]["id"] for edge in detail["edges"][biggest["type"]]]
    found = [entity + "?edges=all"]
    if biggest["next"]:
        found.append(biggest["next"])
    found.append(
        f"{entity}/quotes?type={quoted['type']}&direction={quoted['direction']}"
        f"&other={quote(quoted['other']['id'], safe='')}"
    )
    found.append(f"{entity}/neighbors?depth=2")
    if len(others) > 1:
        found.append(f"/api/paths?from={quote(others[0], safe='')}&to={quote(others[-1], safe='')}")
    return found


def main(reports: int = 300, seconds: int = 5, connections: tuple[int, ...] = (1, 8)) -> None:
    if not shutil.which("wrk"):
        print("## HTTP: skipped, `wrk` is not installed (apt-get install -y wrk)\n")
        return
    with tempfile.TemporaryDirectory(prefix="bench-http-") as folder:
        data_dir = Path(folder)
        busy, file = build_graph(data_dir, reports)
        port = _free_port()
        env = {**os.environ, "HEALTHKG_DATA_DIR": str(data_dir), "HEALTHKG_GRAPH_URL": "embedded"}
        server = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--port", str(port)],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            endpoints = [
                "/health",
                "/api/entities?q=" + quote("南昌"),
                "/api/entities/" + quote(busy, safe=""),
                "/api/commitments",
                "/api/entities/" + quote(busy, safe="") + "/neighbors",
                "/api/search?q=" + quote("家庭医生"),
                *_paged_endpoints(base, busy),
            ]
            rows, floors = [], {}
            for path in endpoints:
                size = len(httpx.get(base + path, timeout=60).content)
                cells: list[object] = [f"`{unquote(path)}`", f"{size / 1000:.1f}"]
                for count in connections:
                    rps, p50, p99 = _wrk(base + path, seconds, count)
                    floors.setdefault(count, rps)  # /health comes first
                    cells += [f"{rps:.1f}", f"{rps / floors[count]:.3f}", f"{p50:.1f}", f"{p99:.1f}"]
                rows.append(cells)
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
    print(f"## HTTP on {reports} reports (`wrk -t1 -d{seconds}s`, loopback; busiest entity `{busy}`)\n")
    header = ["endpoint", "answer KB"]
    for count in connections:
        header += [f"req/s c={count}", "× /health", f"p50 ms c={count}", f"p99 ms c={count}"]
    table(header, rows)
