"""Deterministic extraction of health-work report facts (no network, no model).

Entry points: `loaders.readers.read_path` / `read_bytes` to read a file of any supported format
(`loaders.decode.read_document` / `iter_document_paths` for text and folders), and
`loaders.pipeline.extract_document` for one document's nodes and edges; `loaders.merge.
export_from_extractions` merges extractions into the export JSON of CONTRACT.md.
"""
