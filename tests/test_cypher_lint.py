"""Every shared and Neo4j-only query in cypher/ must pass Neo4j's own Cypher linter.

The linter is `tests/tools/cypher-lint/lint.mjs` over npm `@neo4j-cypher/language-support`.
All files are linted by one Node process (the package takes a second to load and a fraction of
a second per query), including the deliberately bad queries that prove the linter can fail.
Files under `cypher/falkordb/` are FalkorDB's own dialect and are not Neo4j's business.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
CYPHER_DIR = REPO_ROOT / "cypher"
FALKORDB_ONLY_DIR = CYPHER_DIR / "falkordb"
LINT_TOOL_DIR = REPO_ROOT / "tests" / "tools" / "cypher-lint"
LINT_SCRIPT = LINT_TOOL_DIR / "lint.mjs"
FIXTURES_DIR = LINT_TOOL_DIR / "fixtures"
PARSER_PACKAGE = "@neo4j-cypher/language-support"

# Each bad query, and a fragment of the diagnostic Neo4j's parser must report for it.
BAD_QUERIES: dict[str, tuple[str, str, str]] = {
    "misspelled_keyword": ("MATCH (n) RETRUN n", "error", "Invalid input 'RETRUN'"),
    "deprecated_id_function": ("MATCH (n:Entity {id: $id}) RETURN id(n)", "warning", "deprecated function"),
    "cartesian_product": (
        "MATCH (a:Entity {id: $a}), (b:Entity {id: $b}) RETURN a, b",
        "warning",
        "cartesian product",
    ),
}
# Cypher before any header, a repeated name, a header with nothing under it, and a name
# graph/queries.py would not read as a header.
BAD_LAYOUT = (
    "RETURN 0\n// name: twice\nRETURN 1\n// name: twice\nRETURN 2\n// name: empty\n// only a comment\n"
    "// name: getUser\nRETURN 3\n"
)
# Uses only parameters, which the linter must not report.
PARAMETER_ONLY_QUERY = "MATCH (n:Entity {id: $id}) WHERE n.name CONTAINS $q RETURN n LIMIT $limit"


def cypher_files_for_neo4j() -> list[Path]:
    """The repository's query files that Neo4j must accept: all but the FalkorDB dialect."""
    return sorted(p for p in CYPHER_DIR.rglob("*.cypher") if not p.is_relative_to(FALKORDB_ONLY_DIR))


def pinned_parser_version() -> str:
    package = json.loads((LINT_TOOL_DIR / "package.json").read_text("utf-8"))
    return package["dependencies"][PARSER_PACKAGE]


def installed_parser_version() -> str | None:
    installed = LINT_TOOL_DIR / "node_modules" / PARSER_PACKAGE / "package.json"
    return json.loads(installed.read_text("utf-8"))["version"] if installed.is_file() else None


def ensure_lint_tool_installed() -> None:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node and npm are needed to run Neo4j's Cypher linter (tests/tools/cypher-lint)")
    if installed_parser_version() == pinned_parser_version():
        return
    # Missing or another version: `npm ci` installs exactly what package-lock.json pins (and
    # fails if package.json and the lock disagree).
    installed = subprocess.run(
        ["npm", "ci", "--prefix", str(LINT_TOOL_DIR), "--no-audit", "--no-fund"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if installed.returncode != 0:
        pytest.fail(f"npm ci failed in {LINT_TOOL_DIR}:\n{installed.stderr}")


def write_named_queries(path: Path, queries: dict[str, str]) -> Path:
    path.write_text("".join(f"// name: {name}\n{text}\n\n" for name, text in queries.items()), "utf-8")
    return path


def run_lint(files: list[Path]) -> dict[str, Any]:
    """Lint `files` in one Node process; the report keyed by absolute file path."""
    done = subprocess.run(
        ["node", str(LINT_SCRIPT), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode not in (0, 1):
        pytest.fail(f"lint.mjs exited {done.returncode}:\n{done.stderr}")
    report = json.loads(done.stdout)
    return {str(Path(f["file"]).resolve()): f for f in report["files"]}


def problems_in(file_report: dict[str, Any]) -> list[str]:
    """One readable line per diagnostic: `path:line:column severity [query] message`."""
    where = file_report["file"]
    lines = [
        f"{where}:{d['line']}:{d['column']} {d['severity']} {d['message']}"
        for d in file_report["diagnostics"]
    ]
    for query in file_report["queries"]:
        lines += [
            f"{where}:{d['line']}:{d['column']} {d['severity']} [{query['name']}] {d['message']}"
            for d in query["diagnostics"]
        ]
    return lines


@pytest.fixture(scope="module")
def lint_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    ensure_lint_tool_installed()
    samples = tmp_path_factory.mktemp("cypher-lint")
    bad = write_named_queries(samples / "bad.cypher", {name: q for name, (q, _, _) in BAD_QUERIES.items()})
    clean = write_named_queries(samples / "parameters_only.cypher", {"parameters_only": PARAMETER_ONLY_QUERY})
    layout = samples / "layout.cypher"
    layout.write_text(BAD_LAYOUT, "utf-8")
    fixtures = sorted(FIXTURES_DIR.rglob("*.cypher"))
    return run_lint([*cypher_files_for_neo4j(), *fixtures, bad, clean, layout])


def report_for(reports: dict[str, Any], path: Path) -> dict[str, Any]:
    return reports[str(path.resolve())]


def test_lint_tool_pins_one_exact_parser_version() -> None:
    lock = json.loads((LINT_TOOL_DIR / "package-lock.json").read_text("utf-8"))
    assert pinned_parser_version() == "2.0.0-next.38"
    assert lock["packages"][f"node_modules/{PARSER_PACKAGE}"]["version"] == pinned_parser_version()


def test_repository_cypher_files_pass_neo4j_lint(lint_reports: dict[str, Any]) -> None:
    files = cypher_files_for_neo4j()
    if not files:
        pytest.skip("no cypher/**/*.cypher files outside cypher/falkordb/ yet")
    problems = [line for f in files for line in problems_in(report_for(lint_reports, f))]
    assert problems == [], "Neo4j's linter reports:\n" + "\n".join(problems)


def test_development_fixtures_pass_neo4j_lint(lint_reports: dict[str, Any]) -> None:
    fixtures = sorted(FIXTURES_DIR.rglob("*.cypher"))
    assert {f.parent.name for f in fixtures} == {"shared", "neo4j"}
    problems = [line for f in fixtures for line in problems_in(report_for(lint_reports, f))]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", BAD_QUERIES)
def test_linter_reports_bad_query(lint_reports: dict[str, Any], name: str) -> None:
    _, severity, fragment = BAD_QUERIES[name]
    bad_file = next(r for path, r in lint_reports.items() if path.endswith("bad.cypher"))
    query = next(q for q in bad_file["queries"] if q["name"] == name)
    assert any(d["severity"] == severity and fragment in d["message"] for d in query["diagnostics"]), query


def test_linter_ignores_undefined_parameters(lint_reports: dict[str, Any]) -> None:
    clean = next(r for path, r in lint_reports.items() if path.endswith("parameters_only.cypher"))
    assert [q["name"] for q in clean["queries"]] == ["parameters_only"]
    assert problems_in(clean) == []


def test_linter_reports_file_layout_problems(lint_reports: dict[str, Any]) -> None:
    layout = next(r for path, r in lint_reports.items() if path.endswith("layout.cypher"))
    messages = [line.split(" ", 2)[2] for line in problems_in(layout)]
    assert messages == [
        "Cypher outside any `// name:` query (before the first header)",
        "query name 'twice' repeats the one on line 2",
        "query name 'getUser' is not lower_snake_case",
        "[empty] query 'empty' has no Cypher under its header",
    ]
