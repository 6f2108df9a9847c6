"""GraphStore keeps each document's text on its Document node, and leaves it out of the export."""

from graph.store import GraphStore
from tests.api.facts import FILE_A, TEXT_A, report_a


def test_text_is_stored_and_not_exported(empty_store: GraphStore) -> None:
    assert empty_store.ingest(report_a()).status == "loaded"
    (row,) = empty_store.backend.read("get_document", {"ref": FILE_A})
    assert row["document"]["text"] == TEXT_A
    documents = [n for n in empty_store.export()["nodes"] if n["label"] == "Document"]
    assert [d["file"] for d in documents] == [FILE_A] and "text" not in documents[0]
    assert empty_store.ingest(report_a()).status == "unchanged"


def test_a_document_stored_without_text_is_written_again(empty_store: GraphStore) -> None:
    empty_store.ingest(report_a())
    empty_store.backend.execute("MATCH (d:Document) REMOVE d.text", {}, read_only=False)
    assert empty_store.document_state(FILE_A)["has_text"] is False
    assert empty_store.ingest(report_a()).status == "replaced"
    (row,) = empty_store.backend.read("get_document", {"ref": FILE_A})
    assert row["document"]["text"] == TEXT_A
    assert empty_store.counts()["edges"]["SETS_TARGET"] == 4
