"""Graph storage: one interface, one module per engine, every query a named file in `cypher/`."""
