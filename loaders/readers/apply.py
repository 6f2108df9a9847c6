"""What a reading adds to a document's extraction: the page of every evidence, and the title and
publication date the file states (an HTML page's) over the ones guessed from the text."""

from __future__ import annotations

from loaders.models import DocumentExtraction
from loaders.readers.reading import Reading


def apply_reading(extraction: DocumentExtraction, reading: Reading) -> DocumentExtraction:
    document = extraction.document
    document.format = reading.format
    document.pages = reading.page_count
    if reading.pages:
        for item in [*extraction.nodes, *extraction.edges]:
            for evidence in item.evidence:
                if evidence.doc == document.file:
                    evidence.page = reading.page_at(evidence.start)
    if reading.title:
        document.title = document.name = reading.title
    if reading.date:
        document.date = reading.date
    return extraction
