"""Ingest throughput, API latency and memory on the embedded default.

    .venv/bin/python bench/ingest.py [--copies 20] [--requests 200]

Extracts the sample reports, then writes `--copies` renamed copies of them into a fresh
embedded graph (each copy is a distinct document, so nodes merge and edges gain evidence, as
in a real corpus that keeps citing the same regions), then times API requests through a real
uvicorn. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
import redis

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from api.ingest import extract_paths  # noqa: E402
from graph.backend import GraphSettings, connect  # noqa: E402
from graph.store import GraphStore  # noqa: E402
from loaders.decode import read_document  # noqa: E402
from loaders.models import DocumentExtraction  # noqa: E402
from loaders.pipeline import extract_document  # noqa: E402

SAMPLES = REPO / "data" / "samples"
ENDPOINTS = (
    "/api/entities?q=南昌",
    "/api/entities/region:360112",
    "/api/commitments?metric=率",
    "/api/commitments?by=新建区",
)


def _as_copy(extraction: DocumentExtraction, index: int) -> DocumentExtraction:
    """The same facts as if a distinct document had stated them (copy 0 is the original)."""
    if index == 0:
        return extraction
    data = extraction.model_dump()
    original = data["document"]["file"]
    renamed = f"copy{index}_{original}"
    data["document"].update(file=renamed, id=f"doc:{renamed}")
    for item in [*data["nodes"], *data["edges"]]:
        for evidence in item["evidence"]:
            evidence["doc"] = renamed
    return DocumentExtraction.model_validate(data)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    paths = sorted(SAMPLES.glob("*.txt"))
    texts = [read_document(path) for path in paths]
    chars = sum(len(text) for _, text in texts)
    started = time.perf_counter()
    extract_paths([SAMPLES])
    cold = time.perf_counter() - started
    started = time.perf_counter()
    extractions = [extract_document(name, text) for name, text in texts]
    warm = time.perf_counter() - started
    print(f"extraction: {len(paths)} documents, {chars} chars: cold {cold:.2f} s, warm {warm:.2f} s "
          f"({chars / warm / 1000:.0f}k chars/s)")  # fmt: skip

    with tempfile.TemporaryDirectory() as data_dir:
        settings = GraphSettings(url="embedded", data_dir=Path(data_dir), graph_name="bench")
        with connect(settings) as backend:
            store = GraphStore(backend)
            store.ensure_schema()
            copies = [_as_copy(e, i) for i in range(args.copies) for e in extractions]
            rows = sum(len(e.nodes) + len(e.edges) for e in copies)
            started = time.perf_counter()
            for extraction in copies:
                store.ingest(extraction)
            seconds = time.perf_counter() - started
            counts = store.counts()
            nodes, edges = sum(counts["nodes"].values()), sum(counts["edges"].values())
            print(f"ingest: {len(copies)} documents, {rows} node+edge rows in {seconds:.2f} s: "
                  f"{len(copies) / seconds:.1f} docs/s, {rows / seconds:.0f} rows/s; "
                  f"graph now {nodes} nodes, {edges} edges")  # fmt: skip
            memory = redis.Redis(host="127.0.0.1", port=backend.port).info("memory")
            print(f"memory: FalkorDB used_memory {memory['used_memory'] / 1e6:.1f} MB, "
                  f"rss {memory['used_memory_rss'] / 1e6:.1f} MB")  # fmt: skip
            started = time.perf_counter()
            store.ingest(copies[0])
            print(f"re-ingest of an unchanged document: {(time.perf_counter() - started) * 1000:.1f} ms")
            _api_latency(settings, args.requests)


def _api_latency(settings: GraphSettings, requests: int) -> None:
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import LiveServer

    from api.app import create_app
    from api.settings import ServiceSettings

    with (
        LiveServer(create_app(ServiceSettings(graph=settings))) as server,
        httpx.Client(base_url=server.url) as http,
    ):
        for endpoint in ENDPOINTS:
            http.get(endpoint).raise_for_status()
            timings = []
            for _ in range(requests):
                started = time.perf_counter()
                http.get(endpoint)
                timings.append((time.perf_counter() - started) * 1000)
            print(f"GET {endpoint}: p50 {statistics.median(timings):.1f} ms, "
                  f"p95 {_percentile(timings, 0.95):.1f} ms over {requests} requests")  # fmt: skip


if __name__ == "__main__":
    main()
