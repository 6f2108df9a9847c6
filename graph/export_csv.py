"""The export JSON as CSV files for `neo4j-admin database import full`, Neo4j's bulk loader.

One node file per label (`nodes_<Label>.csv`) and one relationship file per type
(`rels_<TYPE>.csv`), plus `import.sh` holding the exact neo4j-admin command line.

Fed with `GraphStore.stored_graph()` (as `healthkg export --format csv` does), the files carry
everything ingest stores: the nodes' `docs`, `evidence`, the Documents' `complete` and `text`, the
edges' `docs`; a bulk-loaded graph then searches, shows texts and retracts like an ingested one
(tests/graph/test_neo4j_bulk_import.py loads them with Neo4j's own import tool to prove it).
The contract's export JSON (no bookkeeping) is accepted too.

Format choices, all matched by the flags in that command:
- Array elements are joined by U+001F (`--array-delimiter=U+001F`): quotes from the reports
  contain `;` (neo4j-admin's default) and `,`, the unit separator never occurs in text.
- Every present value is a quoted field (quotes doubled by the csv module); a missing value is
  an unquoted empty field, which neo4j-admin reads as "no property", while `""` stays an empty
  string. An empty list is written as missing: the graph's queries `coalesce()` lists anyway.
- `--multiline-fields=true` only when some field holds a line break (document texts do): it
  makes neo4j-admin read files in one thread. A backslash is an ordinary character
  (`--legacy-style-quoting=false`), since the evidence JSON holds `\"`.
- Nodes keep the graph's keying: labels `<Label>` and `Entity` in the `:LABEL` column, the
  node id in `id:ID` (stored as property `id`), and the `label` property the queries filter on.
- Relationship evidence is stored like graph writes store it: compact JSON strings with the
  keys in the order doc, start, end, quote, plus `docs`, the sorted distinct files.
"""

from __future__ import annotations

import csv
import json
import re
import shlex
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from graph.property_types import scalar_type
from graph.rows import evidence_to_json
from loaders.models import Evidence

ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_FLAG = "U+001F"
ENTITY_LABEL = "Entity"
# Properties whose neo4j-admin type is fixed by the schema (loaders/models.py), not guessed.
DECLARED_PROPERTY_TYPES: Mapping[str, str] = {"value": "double", "year": "int", "chars": "int"}
RELATIONSHIP_HEADER = (":START_ID", ":END_ID", ":TYPE", "evidence:string[]", "docs:string[]")
# Labels and types become file names and neo4j-admin arguments: identifiers only.
SCHEMA_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
NODE_KEYS_NOT_PROPERTIES = frozenset({"id"})


class _Missing:
    """Written as an unquoted empty field under QUOTE_NONNUMERIC, which quotes everything else.

    csv.QUOTE_NONNUMERIC leaves objects that look like numbers unquoted; Python 3.11's csv has
    no other way to tell an absent value from an empty string.
    """

    def __float__(self) -> float:
        return 0.0

    def __str__(self) -> str:
        return ""


MISSING = _Missing()


def write_neo4j_admin_csv(export: dict[str, Any], out_dir: Path) -> list[Path]:
    """Write `export` (CONTRACT.md's export JSON) as neo4j-admin CSV files into `out_dir`.

    Returns the files written: node files by label, relationship files by type, then import.sh.
    Raises ValueError on duplicate node ids, edges whose ends are not nodes, names that are not
    identifiers, or text holding the array delimiter.
    """
    nodes_by_label = _nodes_by_label(export.get("nodes", []))
    node_ids = {node["id"] for nodes in nodes_by_label.values() for node in nodes}
    edges_by_type = _edges_by_type(export.get("edges", []), node_ids)

    out_dir.mkdir(parents=True, exist_ok=True)
    nodes_written = [
        _write_node_file(out_dir / f"nodes_{label}.csv", label, nodes)
        for label, nodes in sorted(nodes_by_label.items())
    ]
    rels_written = [
        _write_relationship_file(out_dir / f"rels_{edge_type}.csv", edges)
        for edge_type, edges in sorted(edges_by_type.items())
    ]
    node_files = [path for path, _ in nodes_written]
    rel_files = [path for path, _ in rels_written]
    multiline = any(breaks for _, breaks in (*nodes_written, *rels_written))
    script = out_dir / "import.sh"
    script.write_text(import_script(node_files, rel_files, multiline), encoding="utf-8")
    script.chmod(0o755)
    return [*node_files, *rel_files, script]


def neo4j_admin_import_command(
    node_files: Iterable[Path],
    rel_files: Iterable[Path],
    import_dir: str = "/import",
    database: str = "neo4j",
    multiline: bool = True,
) -> list[str]:
    """The neo4j-admin 5 command that loads these files, as seen from `import_dir`."""
    return [
        "neo4j-admin",
        "database",
        "import",
        "full",
        database,  # since 5.19 the database name must come before the options
        "--overwrite-destination=true",
        f"--array-delimiter={ARRAY_DELIMITER_FLAG}",
        *(["--multiline-fields=true"] if multiline else []),
        # Evidence JSON escapes quotes as \" : only a doubled quote may end up a literal quote.
        "--legacy-style-quoting=false",
        *[f"--nodes={import_dir}/{path.name}" for path in node_files],
        *[f"--relationships={import_dir}/{path.name}" for path in rel_files],
    ]


def import_script(node_files: list[Path], rel_files: list[Path], multiline: bool = True) -> str:
    command = neo4j_admin_import_command(node_files, rel_files, multiline=multiline)
    lines = [f"  {shlex.join(command[:5])}"] + [f"    {shlex.quote(arg)}" for arg in command[5:]]
    return "\n".join(
        [
            "#!/bin/sh",
            "# Generated by graph/export_csv.py. Bulk-loads the CSV files beside this script into",
            "# the Neo4j of docker-compose.yml, replacing the database `neo4j` (indexes are made by",
            "# healthkg when it next starts). neo4j-admin needs the database stopped. From the",
            "# directory holding docker-compose.yml:",
            "#   docker compose stop neo4j api && sh path/to/import.sh && docker compose up -d",
            "# Without Docker, run the neo4j-admin command below with /import replaced by this folder.",
            "set -eu",
            'here=$(cd "$(dirname "$0")" && pwd)',
            'docker compose run --rm --no-deps -v "$here:/import:ro" neo4j \\',
            " \\\n".join(lines),
            "",
        ]
    )


def _nodes_by_label(nodes: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    seen: set[str] = set()
    for node in nodes:
        if node["id"] in seen:
            raise ValueError(f"node id {node['id']!r} appears twice")
        seen.add(node["id"])
        by_label[_checked_name(node["label"], "node label")].append(node)
    return {label: sorted(found, key=lambda n: n["id"]) for label, found in by_label.items()}


def _edges_by_type(edges: Iterable[dict[str, Any]], node_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for edge in edges:
        for end in ("source", "target"):
            if edge[end] not in node_ids:
                raise ValueError(f"{edge['type']} edge {end} {edge[end]!r} is not a node of the export")
        by_type[_checked_name(edge["type"], "relationship type")].append(edge)
    return {t: sorted(found, key=lambda e: (e["source"], e["target"])) for t, found in by_type.items()}


def _checked_name(name: str, what: str) -> str:
    if not SCHEMA_NAME.match(name):
        raise ValueError(f"{what} {name!r} is not an identifier")
    return name


def _write_node_file(path: Path, label: str, nodes: list[dict[str, Any]]) -> tuple[Path, bool]:
    keys = sorted({key for node in nodes for key in node} - NODE_KEYS_NOT_PROPERTIES)
    # The columns a reader looks for first, then the rest alphabetically.
    leading = [key for key in ("name", "aliases") if key in keys]
    keys = leading + [key for key in keys if key not in leading]
    types = {key: _column_type(key, [node.get(key) for node in nodes]) for key in keys}
    header = ["id:ID", *[_header_field(key, types[key]) for key in keys], ":LABEL"]
    rows = [
        [
            node["id"],
            *[_field(node.get(key), types[key], f"{node['id']}.{key}") for key in keys],
            _joined([label, ENTITY_LABEL], f"{node['id']}:LABEL"),
        ]
        for node in nodes
    ]
    return _write_csv(path, header, rows)


def _write_relationship_file(path: Path, edges: list[dict[str, Any]]) -> tuple[Path, bool]:
    rows = []
    for edge in edges:
        where = f"{edge['type']} {edge['source']} -> {edge['target']}"
        # Stored evidence is already JSON text; either form is written as graph writes store it.
        items = [json.loads(ev) if isinstance(ev, str) else ev for ev in edge.get("evidence") or []]
        evidence = [evidence_to_json(Evidence(**ev)) for ev in items]
        docs = edge.get("docs") or sorted({ev["doc"] for ev in items})
        rows.append(
            [
                edge["source"],
                edge["target"],
                edge["type"],
                _field(evidence, "string[]", f"{where} evidence"),
                _field(docs, "string[]", f"{where} docs"),
            ]
        )
    return _write_csv(path, list(RELATIONSHIP_HEADER), rows)


def _column_type(key: str, values: list[Any]) -> str:
    """neo4j-admin's type for one property column: declared, else from the values present."""
    if key in DECLARED_PROPERTY_TYPES:
        return DECLARED_PROPERTY_TYPES[key]
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, list) for v in present):
        return "string[]"
    return scalar_type(values)


def _header_field(key: str, column_type: str) -> str:
    return key if column_type == "string" else f"{key}:{column_type}"


def _field(value: Any, column_type: str, where: str) -> str | _Missing:
    if value is None or value == []:
        return MISSING
    try:
        if column_type == "string[]":
            return _joined([_as_text(item) for item in value], where)
        if column_type == "double":
            return repr(float(value))
        if column_type in ("int", "long"):
            if isinstance(value, float) and not value.is_integer():
                raise ValueError(f"{value!r} is not a whole number")
            return str(int(value))
        if column_type == "boolean":
            return "true" if value else "false"
    except (TypeError, ValueError) as err:
        raise ValueError(f"{where}: cannot write {value!r} as {column_type}: {err}") from err
    return _as_text(value)


def _as_text(value: Any) -> str:
    """Strings as they are; anything else (maps, nested lists) as compact JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _joined(items: list[str], where: str) -> str:
    for item in items:
        if ARRAY_DELIMITER in item:
            raise ValueError(f"{where}: {item!r} holds the array delimiter U+001F")
    return ARRAY_DELIMITER.join(items)


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> tuple[Path, bool]:
    """Writes the file; says whether any field holds a line break."""
    with path.open("w", encoding="utf-8", newline="") as out:
        # Header names never need quotes; values are all quoted but MISSING (see _Missing).
        csv.writer(out, lineterminator="\n").writerow(header)
        csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n").writerows(rows)
    breaks = any(isinstance(f, str) and ("\n" in f or "\r" in f) for row in rows for f in row)
    return path, breaks
