"""The export JSON as GraphML, for Gephi, yEd and networkx (`networkx.read_graphml`).

Every node attribute of the export becomes a declared GraphML key with a type (double, long,
boolean or string); lists and maps are written as JSON strings, since GraphML has no arrays.
Edges carry their `type`, `evidence_count`, the first evidence's `first_quote` and
`first_doc`, and all evidence as one JSON string.

Characters XML 1.0 cannot carry (control characters such as a form feed from a PDF
conversion) are written as U+FFFD: the GraphML is for looking at the graph, the export JSON
stays the record of exact quotes.

Gephi shows the attribute called `label` as a node's caption; here that is the node's kind
(Region, Hospital, ...) as in the export, so choose `name` in Gephi's label settings.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any

from graph.property_types import scalar_type

GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
# Fixed edge attributes and their GraphML types.
EDGE_KEYS: tuple[tuple[str, str], ...] = (
    ("type", "string"),
    ("evidence_count", "int"),
    ("first_quote", "string"),
    ("first_doc", "string"),
    ("evidence", "string"),
)
NOT_XML_CHARACTER = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Types fixed by the schema (loaders/models.py) rather than guessed from the values present.
DECLARED_NODE_KEY_TYPES = {"value": "double", "year": "long", "chars": "long"}


def write_graphml(export: dict[str, Any]) -> str:
    """`export` (CONTRACT.md's export JSON) as a GraphML document."""
    nodes = sorted(export.get("nodes", []), key=lambda n: n["id"])
    edges = export.get("edges", [])
    node_key_types = _node_key_types(nodes)

    ET.register_namespace("", GRAPHML_NAMESPACE)
    root = ET.Element(_tag("graphml"))
    for name, attr_type in node_key_types.items():
        _declare_key(root, f"n_{name}", "node", name, attr_type)
    for name, attr_type in EDGE_KEYS:
        _declare_key(root, f"e_{name}", "edge", name, attr_type)

    graph = ET.SubElement(root, _tag("graph"), {"id": "healthkg", "edgedefault": "directed"})
    for node in nodes:
        element = ET.SubElement(graph, _tag("node"), {"id": node["id"]})
        for name, attr_type in node_key_types.items():
            if node.get(name) is not None:
                _data(element, f"n_{name}", _graphml_value(node[name], attr_type))
    for index, edge in enumerate(edges):
        element = ET.SubElement(
            graph, _tag("edge"), {"id": f"e{index}", "source": edge["source"], "target": edge["target"]}
        )
        for name, value in _edge_attributes(edge).items():
            if value is not None:
                _data(element, f"e_{name}", value)

    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _tag(name: str) -> str:
    return f"{{{GRAPHML_NAMESPACE}}}{name}"


def _declare_key(root: ET.Element, key_id: str, domain: str, name: str, attr_type: str) -> None:
    ET.SubElement(root, _tag("key"), {"id": key_id, "for": domain, "attr.name": name, "attr.type": attr_type})


def _data(element: ET.Element, key_id: str, text: str) -> None:
    ET.SubElement(element, _tag("data"), {"key": key_id}).text = NOT_XML_CHARACTER.sub("\ufffd", text)


def _node_key_types(nodes: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Each node attribute (but `id`, which is the node's own id) and its GraphML type."""
    values: dict[str, list[Any]] = {}
    for node in nodes:
        for name, value in node.items():
            if name != "id":
                values.setdefault(name, []).append(value)
    return {name: _attr_type(name, found) for name, found in sorted(values.items())}


def _attr_type(name: str, values: list[Any]) -> str:
    if name in DECLARED_NODE_KEY_TYPES:
        return DECLARED_NODE_KEY_TYPES[name]
    return scalar_type(values)


def _graphml_value(value: Any, attr_type: str) -> str:
    if attr_type == "boolean":
        return "true" if value else "false"
    if attr_type == "double":
        return repr(float(value))
    if attr_type == "long":
        return str(int(value))
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _edge_attributes(edge: dict[str, Any]) -> dict[str, str | None]:
    evidence = edge.get("evidence", [])
    first = evidence[0] if evidence else {}
    return {
        "type": edge["type"],
        "evidence_count": str(len(evidence)),
        "first_quote": first.get("quote"),
        "first_doc": first.get("doc"),
        "evidence": json.dumps(evidence, ensure_ascii=False),
    }
