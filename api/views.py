"""Stored rows to response models: evidence strings parsed, document metadata joined in."""

from __future__ import annotations

import json
from typing import Any

from api.schemas import CommitmentPublic, DocumentRefPublic, EntityRefPublic, EvidencePublic, FactPublic
from graph.rows import evidence_from_json
from graph.store import GraphStore


def evidence_list(items: list[str] | None) -> list[EvidencePublic]:
    return [EvidencePublic(**ev) for ev in evidence_from_json(items)]


def documents_by_file(store: GraphStore, files: list[str]) -> dict[str, DocumentRefPublic]:
    rows = store.backend.read("documents_by_file", {"files": sorted(set(files))}) if files else []
    return {row["file"]: DocumentRefPublic(**row) for row in rows}


def commitment_views(
    store: GraphStore, rows: list[dict[str, Any]], model: type[CommitmentPublic] = CommitmentPublic
) -> list[Any]:
    """Rows of the `commitments` / `metric_timeline` queries (one evidence string each) as models."""
    evidence = [json.loads(row["evidence"]) for row in rows]
    documents = documents_by_file(store, [ev["doc"] for ev in evidence])
    views = []
    for row, ev in zip(rows, evidence, strict=True):
        document = documents.get(ev["doc"])
        fields = {k: v for k, v in row.items() if k != "evidence"}
        views.append(
            model(
                **fields,
                doc=ev["doc"],
                document_id=document.id if document else None,
                date=document.date if document else None,
                quote=ev["quote"],
                start=ev["start"],
                end=ev["end"],
                page=ev.get("page"),
                basis=ev.get("basis"),
            )
        )
    return views


def fact_view(row: dict[str, Any]) -> FactPublic:
    """A row with `type`, `source`/`target` maps {id, label, name} and `evidence` strings."""
    return FactPublic(
        type=row["type"],
        source=EntityRefPublic(**row["source"]),
        target=EntityRefPublic(**row["target"]),
        evidence=evidence_list(row["evidence"]),
    )
