"""Deterministic extraction of health-work report facts (no network, no model).

Entry points: `loaders.decode.read_document` / `iter_document_paths` to read files, and
`loaders.pipeline.extract_document` for one document's nodes and edges; `loaders.merge.
export_from_extractions` merges extractions into the export JSON of CONTRACT.md.
"""
