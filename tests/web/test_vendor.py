"""The committed graph library is the version web/vendor-build/package.json pins, and the page loads it."""

import json
import re

from tests.conftest import REPO

BUNDLE = REPO / "web" / "vendor" / "cytoscape.esm.min.js"


def test_vendored_cytoscape_is_the_pinned_version() -> None:
    build = REPO / "web" / "vendor-build"
    pinned = json.loads((build / "package.json").read_text("utf-8"))["dependencies"]["cytoscape"]
    lock = json.loads((build / "package-lock.json").read_text("utf-8"))
    assert lock["packages"]["node_modules/cytoscape"]["version"] == pinned
    versions = set(re.findall(r'\.version="(\d+\.\d+\.\d+)"', BUNDLE.read_text("utf-8")))
    assert versions == {pinned}
    assert (REPO / "web" / "vendor" / "cytoscape.LICENSE.txt").read_text("utf-8").startswith("Copyright")


def test_the_graph_module_imports_the_vendored_bundle_and_nothing_remote() -> None:
    sources = {
        path.name: path.read_text("utf-8")
        for path in (REPO / "web").rglob("*.js")
        if "vendor" not in path.parts
    }
    assert 'from "../vendor/cytoscape.esm.min.js"' in sources["graph.js"]
    for name, text in [*sources.items(), ("index.html", (REPO / "web" / "index.html").read_text("utf-8"))]:
        assert not re.search(r"""(src|href|from)\s*=?\s*["']https?://""", text), name
