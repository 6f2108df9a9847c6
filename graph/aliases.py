"""Identical text under several file names: one Document, the other names its `aliases`.

The Document keeps the file it was first loaded from (its evidence cites that file); a later
file read from the same format with exactly the same text (same sha256) is recorded in the
Document's `aliases` instead of being extracted and stored again. Rules:

- ingesting an alias again with the same text is `unchanged`; with other text it leaves the
  alias list and is loaded as a document of its own;
- deleting a document by an alias name removes the alias only (the text is still loaded under
  its other names); deleting it by its own id or file retracts it, aliases included;
- a document replaced by other text loses its aliases (their files held the old text; ingest
  them again to load them).
"""

from __future__ import annotations

import contextlib
from typing import Any

from graph.store import GraphStore, IngestOutcome

Step = tuple[str, dict[str, Any]]


def release_alias_steps(files: list[str]) -> list[Step]:
    """Take `files` off any document's aliases (they are about to be written as documents of
    their own): one write for them all, since each call reads every Document."""
    return [("remove_document_alias", {"files": files})] if files else []


def document_with_text(
    store: GraphStore, sha256: str, file_format: str, other_than: str
) -> dict[str, Any] | None:
    """A complete document (id, file) of this format whose text has this sha256, stored under
    another name."""
    rows = store.backend.read("document_with_sha256", {"sha256": sha256, "format": file_format})
    return rows[0] if rows and rows[0]["file"] != other_than else None


def alias_owner(store: GraphStore, file: str) -> dict[str, Any] | None:
    rows = store.backend.read("document_with_alias", {"file": file})
    return rows[0] if rows else None


class StoredDocuments:
    """Every document's fingerprint, read once when an ingest plans (one query, not three per
    file); the writes it leads to check again under the documents' locks."""

    def __init__(self, store: GraphStore) -> None:
        self.by_file: dict[str, dict[str, Any]] = {}
        self.owner_of_alias: dict[str, dict[str, Any]] = {}
        self.by_content: dict[tuple[str, str], str] = {}
        for row in store.backend.read("document_fingerprints"):
            self.by_file[row["file"]] = row
            for alias in row["aliases"]:
                self.owner_of_alias[alias] = row
            if row["complete"] and row["has_text"]:
                self.by_content.setdefault((row["sha256"], row["format"]), row["file"])

    def unchanged(self, file: str, sha256: str) -> bool:
        """This exact text is already stored under this name, as a document or as an alias."""
        own = self.by_file.get(file)
        if own and own["complete"] and own["has_text"] and own["sha256"] == sha256:
            return True
        owner = self.owner_of_alias.get(file)
        return bool(owner and owner["complete"] and owner["sha256"] == sha256)

    def twin(self, sha256: str, file_format: str, file: str) -> str | None:
        """Another complete document holding this text read from this format."""
        twin = self.by_content.get((sha256, file_format))
        return twin if twin != file else None


def record_duplicate(store: GraphStore, file: str, sha256: str, file_format: str) -> IngestOutcome | None:
    """Record `file` as an alias of the complete document holding the same text; None when there
    is none (any more), so the caller loads it as a document of its own."""
    owner = document_with_text(store, sha256, file_format, other_than=file)
    if owner is None:
        return None
    backend = store.backend
    with contextlib.ExitStack() as locks:
        for name in sorted({file, owner["file"]}):
            locks.enter_context(backend.document_lock(name))
        owner = document_with_text(
            store, sha256, file_format, other_than=file
        )  # still there under the locks?
        if owner is None:
            return None
        steps = release_alias_steps([file])
        if state := store.document_state(file):
            steps = store.retract_steps(file, state) + steps  # the name held other text before
        steps.append(("add_document_alias", {"id": owner["id"], "file": file}))
        backend.write_all(steps)
    return IngestOutcome(file, "duplicate", 0, 0, duplicate_of=owner["file"])


def remove_alias(store: GraphStore, file: str) -> dict[str, Any] | None:
    """Delete by an alias name: the alias goes, the document stays. The document (id, file), or
    None when no document has this alias."""
    owner = alias_owner(store, file)
    if owner is None:
        return None
    with store.backend.document_lock(owner["file"]):
        rows = store.backend.run("remove_document_alias", {"files": [file]})
    return rows[0] if rows else None
