"""Accumulating one document's nodes and edges: nodes merge by id (aliases and evidence
joined), edges by (type, source, target) with one evidence entry per supporting sentence."""

from __future__ import annotations

from loaders.models import Edge, Evidence, NodeBase, Official, Region
from loaders.regions import Division, division_index
from loaders.sentences import Sentence


class ExtractionBuilder:
    """Nodes merged by id and edges by (type, source, target), each keeping all its evidence."""

    def __init__(self, file_name: str, text: str) -> None:
        self.file_name, self.text = file_name, text
        self.nodes: dict[str, NodeBase] = {}
        self.edges: dict[tuple[str, str, str], Edge] = {}
        # Name → id of the officials named with a title, the later of a name winning: kept as nodes
        # are added (nodes are never replaced) instead of rescanning every node at every sentence.
        self.titled_officials: dict[str, str] = {}
        # Kept the same way for the per-sentence look-ups that used to scan every node: the label
        # of each body name (Organization or Hospital; the later node of a name wins, the name
        # keeps its first place), the organizations' names, and the first official of each name.
        self.body_labels: dict[str, str] = {}
        self.organization_names: set[str] = set()
        self.officials_by_name: dict[str, str] = {}
        self.first_official: str | None = None

    def evidence(self, sentence: Sentence) -> Evidence:
        return Evidence.from_text(self.file_name, self.text, sentence.start, sentence.end)

    def add(self, node: NodeBase, ev: Evidence | None, aliases: tuple[str, ...] = ()) -> str:
        known = self.nodes.get(node.id)
        if known is None:
            self.nodes[node.id] = known = node
            self._index(node)
        for alias in [*node.aliases, *aliases]:
            if alias and alias != known.name and alias not in known.aliases:
                known.aliases.append(alias)
        if ev is not None and all(e.key() != ev.key() for e in known.evidence):
            known.evidence.append(ev)
        return known.id

    def _index(self, node: NodeBase) -> None:
        if node.label in ("Organization", "Hospital"):
            self.body_labels[node.name] = node.label
            if node.label == "Organization":
                self.organization_names.add(node.name)
        elif node.label == "Official":
            self.officials_by_name.setdefault(node.name, node.id)
            self.first_official = self.first_official or node.id
            if isinstance(node, Official) and node.title:
                self.titled_officials[node.name] = node.id

    def edge(self, kind: str, source: str, target: str, ev: Evidence, basis: str | None = None) -> None:
        if source == target:
            return
        if basis is not None:
            ev = ev.model_copy(update={"basis": basis})
        key = (kind, source, target)
        edge = self.edges.get(key)
        if edge is None:
            self.edges[key] = edge = Edge(type=kind, source=source, target=target)  # type: ignore[arg-type]
        if all(e.key() != ev.key() for e in edge.evidence):
            edge.evidence.append(ev)

    def region(self, div: Division, ev: Evidence | None, alias: str | None = None) -> str:
        index = division_index()
        chain = index.chain(div.code)
        for child, parent in zip(chain, chain[1:], strict=False):
            self.add(Region(id=parent.id, name=parent.name, level=parent.level, code=parent.code), None)
            if ev is not None:
                self.edge("PART_OF", child.id, parent.id, ev)
        return self.add(
            Region(id=div.id, name=div.name, level=div.level, code=div.code), ev, (alias,) if alias else ()
        )
