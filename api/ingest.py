"""Documents on disk (or uploaded) to the graph: the checks every file passes, the summary of a run,
and `ingest_paths`, which streams files into the graph (api/ingest_stream.py). `extract_paths`
and `ingest_extractions` keep the older two-phase path (everything extracted, then written) for
callers that want the extractions themselves. Each file is capped in size, refused when it opens with
an image or executable signature, refused when its text holds a NUL (the engines end strings
there), and extracted in a child process under a time budget (api/extract_worker.py).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from api.extract_worker import ExtractionWorker
from graph.store import GraphStore, IngestOutcome
from loaders.decode import iter_document_paths
from loaders.errors import DocumentError
from loaders.models import DocumentExtraction
from loaders.readers import read_path
from loaders.readers.apply import apply_reading

if TYPE_CHECKING:
    from api.ingest_progress import Progress

MAX_BYTES_ENV = "HEALTHKG_MAX_DOCUMENT_BYTES"
DEFAULT_MAX_BYTES = 20_000_000
# Signatures of files that are never reports, however much text follows them (a PNG whose
# chunks happen to be base64 decodes as ASCII).
BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image", b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image",
    b"\x7fELF": "an executable", b"MZ": "a Windows executable", b"\x1f\x8b": "a gzip archive",
    b"BZh": "a bzip2 archive", b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive", b"Rar!\x1a\x07": "a RAR archive",
}  # fmt: skip


def max_document_bytes() -> int:
    try:
        return int(os.environ.get(MAX_BYTES_ENV, DEFAULT_MAX_BYTES))
    except ValueError:
        return DEFAULT_MAX_BYTES


def binary_kind(head: bytes) -> str | None:
    """What a file's first bytes say it is, when that is something no reader handles."""
    return next((kind for magic, kind in BINARY_SIGNATURES.items() if head.startswith(magic)), None)


def check_document_file(path: Path, max_bytes: int | None = None) -> None:
    """Size cap and signature sniffing, before the file is read whole."""
    max_bytes = max_document_bytes() if max_bytes is None else max_bytes
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror})") from None
    if size > max_bytes:
        raise DocumentError(f"{path}: {size} bytes, documents are limited to {max_bytes} ({MAX_BYTES_ENV})")
    kind = binary_kind(head)
    if kind:
        raise DocumentError(f"{path}: {kind}, not a report")


def check_text(file_name: str, text: str) -> None:
    if "\x00" in text:
        raise DocumentError(
            f"{file_name}: a NUL character at offset {text.index(chr(0))}; not a text document"
        )


@dataclass
class IngestSummary:
    outcomes: list[IngestOutcome] = field(default_factory=list)
    seconds: float = 0.0  # graph writes only, or the whole run when streamed (extract_seconds None)
    extract_seconds: float | None = None
    workers: int | None = None  # extraction processes at once, when streamed
    bytes: int = 0  # of the files read, when streamed
    batches: int = 0

    @property
    def documents(self) -> int:
        return len(self.outcomes)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def nodes(self) -> int:
        return sum(outcome.nodes for outcome in self.outcomes)

    @property
    def edges(self) -> int:
        return sum(outcome.edges for outcome in self.outcomes)

    def describe(self) -> str:
        named = (("repaired", "repaired"), ("duplicate", "duplicates of already loaded documents"))
        extra = "".join(f", {self.count(s)} {words}" for s, words in named if self.count(s))
        counts = (
            f"{self.documents} documents ({self.count('loaded')} loaded, {self.count('replaced')} replaced, "
            f"{self.count('unchanged')} unchanged{extra}), {self.nodes} nodes, {self.edges} edges"
        )
        if self.extract_seconds is not None:
            return f"{counts} written in {self.seconds:.2f} s; extraction took {self.extract_seconds:.2f} s"
        rate = self.bytes / 1e6 / self.seconds if self.seconds else 0.0
        return f"{counts} in {self.seconds:.2f} s ({rate:.2f} MB/s, {self.workers} extraction workers)"


def extract_paths(paths: list[Path], cancelled: Callable[[], bool] | None = None) -> list[DocumentExtraction]:
    """Raises `loaders.errors.DocumentError` naming the first bad file."""
    extractions = []
    worker = ExtractionWorker()  # one process for every file, killed at the end
    try:
        for path in iter_document_paths(paths):
            check_document_file(path)
            reading = read_path(path)  # .txt, .html/.htm, .pdf or .docx, sniffed from the content
            check_text(reading.file, reading.text)
            extraction = worker.extract(reading.file, reading.text, cancelled=cancelled)
            extractions.append(apply_reading(extraction, reading))
    finally:
        worker.close()
    return extractions


def ingest_extractions(store: GraphStore, extractions: list[DocumentExtraction]) -> IngestSummary:
    started = time.perf_counter()
    summary = IngestSummary()
    for extraction in extractions:
        summary.outcomes.append(store.ingest(extraction))
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_paths(
    store: GraphStore, paths: list[Path], workers: int | None = None, progress: Progress | None = None
) -> IngestSummary:
    """Stream the files into the graph (api/ingest_stream.py)."""
    from api.ingest_stream import ingest_stream

    return ingest_stream(store, paths, workers=workers, progress=progress)
