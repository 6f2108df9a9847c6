"""The healthkg service: CLI, ingest service and FastAPI app over the graph."""
