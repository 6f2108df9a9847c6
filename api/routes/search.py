from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.params import Limit, Offset
from api.schemas import EntityPublic, FactPublic, SearchHitPublic, SearchPublic
from api.text_spans import find_all, sentence_around
from api.views import fact_view
from graph.rows import evidence_prefix, public_node

router = APIRouter(prefix="/api/search", tags=["search"])

ENTITY_HITS = 20


def _page_windows(counts: list[dict[str, Any]], offset: int, limit: int) -> dict[str, tuple[int, int]]:
    """file -> which of its hits (first, past last) fall in hits[offset : offset + limit], walking
    the documents' hit counts in file order."""
    windows: dict[str, tuple[int, int]] = {}
    before, stop = 0, offset + limit
    for row in counts:
        first, last = max(offset - before, 0), min(stop - before, row["hits"])
        if first < last:
            windows[row["file"]] = (first, last)
        before += row["hits"]
        if before >= stop:
            break
    return windows


def _covering(facts: list[FactPublic], doc: str, start: int, end: int) -> list[FactPublic]:
    """Facts with a quote in `doc` that covers [start, end), each cut down to those quotes."""
    found = []
    for fact in facts:
        quotes = [ev for ev in fact.evidence if ev.doc == doc and ev.start <= start and end <= ev.end]
        if quotes:
            found.append(fact.model_copy(update={"evidence": quotes}))
    return found


@router.get(
    "",
    response_model=SearchPublic,
    summary="Full-text search in the documents (Chinese substrings), with the facts quoting each match",
    description=(
        "Finds `q` anywhere in the stored document texts (南昌 matches inside 南昌市), hits ordered by "
        "document file then offset; only the page's documents are read. Each hit gives "
        "the match's offsets in its document, the sentence around it, and the facts whose quote covers "
        "it; `entities` lists entities whose name or alias contains `q`."
    ),
)
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="text to find", examples=["南昌"])],
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchPublic:
    counts = store.backend.read("documents_containing", {"q": q})
    windows = _page_windows(counts, offset, limit)
    texts = store.backend.read("documents_text", {"files": sorted(windows)}) if windows else []
    page = [
        (doc, start)
        for doc in texts
        for start in find_all(doc["text"], q)[windows[doc["file"]][0] : windows[doc["file"]][1]]
    ]
    facts_of: dict[str, list[FactPublic]] = {}
    data = []
    for doc, start in page:
        file, end = doc["file"], start + len(q)
        if file not in facts_of:
            params = {"file": file, "evidence_prefix": evidence_prefix(file)}
            facts_of[file] = [fact_view(row) for row in store.backend.read("document_facts", params)]
        left, right = sentence_around(doc["text"], start, end)
        data.append(
            SearchHitPublic(
                doc=file,
                document_id=doc["id"],
                title=doc["title"],
                date=doc["date"],
                start=start,
                end=end,
                match=doc["text"][start:end],
                sentence=doc["text"][left:right],
                sentence_start=left,
                sentence_end=right,
                facts=_covering(facts_of[file], file, start, end),
            )
        )
    entity_rows = store.backend.read(
        "search_entities", {"q": q, "label": None, "limit": ENTITY_HITS, "offset": 0}
    )
    entities = [EntityPublic(**public_node(row["node"])) for row in entity_rows]
    total = sum(row["hits"] for row in counts)
    return SearchPublic(q=q, data=data, entities=entities, total=total, limit=limit, offset=offset)
