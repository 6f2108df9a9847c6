"""`bench/run`: ingest speed, HTTP throughput, scale, restart and memory figures (prints, never asserts)."""
