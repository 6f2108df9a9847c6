"""The export JSON written as neo4j-admin CSV and as GraphML, read back the way those tools read."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.export_csv import write_neo4j_admin_csv
from graph.export_graphml import write_graphml

US = "\x1f"  # the array delimiter the CSV files use
TRICKY_QUOTE = '新建区与南昌大学第一附属医院签约，共建"医联体"；\n覆盖全区'
TARGET_QUOTE = "到2025年，全区孕产妇死亡率控制在12/10万以下"


def sample_export() -> dict[str, Any]:
    return {
        "nodes": [
            {
                "id": "region:新建区",
                "label": "Region",
                "name": "新建区",
                "aliases": ["新建"],
                "level": "county",
            },
            {"id": "region:江西省", "label": "Region", "name": "江西省", "aliases": [], "level": "province"},
            {
                "id": "hospital:南大一附院",
                "label": "Hospital",
                "name": "南昌大学第一附属医院",
                "aliases": ["南大一附院", "一附院"],
            },
            {
                "id": "target:新建区:孕产妇死亡率:2025",
                "label": "Target",
                "name": "孕产妇死亡率",
                "aliases": [],
                "metric": "孕产妇死亡率",
                "value": 12,
                "unit": "",
                "comparator": "<=",
                "year": None,
                "kind": "goal",
            },
        ],
        "edges": [
            {
                "type": "PARTNERS_WITH",
                "source": "region:新建区",
                "target": "hospital:南大一附院",
                "evidence": [
                    {"doc": "002_a.txt", "start": 10, "end": 10 + len(TRICKY_QUOTE), "quote": TRICKY_QUOTE},
                    {"doc": "001_b.txt", "start": 5, "end": 9, "quote": "对口支援"},
                ],
            },
            {"type": "PART_OF", "source": "region:新建区", "target": "region:江西省", "evidence": []},
            {
                "type": "SETS_TARGET",
                "source": "region:新建区",
                "target": "target:新建区:孕产妇死亡率:2025",
                "evidence": [
                    {"doc": "001_b.txt", "start": 40, "end": 40 + len(TARGET_QUOTE), "quote": TARGET_QUOTE}
                ],
            },
            {
                "type": "LOCATED_IN",
                "source": "hospital:南大一附院",
                "target": "region:新建区",
                "evidence": [],
            },
        ],
    }


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def written(tmp_path: Path) -> dict[str, Path]:
    return {path.name: path for path in write_neo4j_admin_csv(sample_export(), tmp_path / "import")}


def test_one_file_per_label_and_type_then_the_script(written: dict[str, Path]) -> None:
    assert list(written) == [
        "nodes_Hospital.csv",
        "nodes_Region.csv",
        "nodes_Target.csv",
        "rels_LOCATED_IN.csv",
        "rels_PARTNERS_WITH.csv",
        "rels_PART_OF.csv",
        "rels_SETS_TARGET.csv",
        "import.sh",
    ]


def test_node_file_keys_entities_by_id_with_two_labels(written: dict[str, Path]) -> None:
    header, rows = read_csv(written["nodes_Region.csv"])
    assert header == ["id:ID", "name", "aliases:string[]", "label", "level", ":LABEL"]
    assert rows == [
        {
            "id:ID": "region:新建区",
            "name": "新建区",
            "aliases:string[]": "新建",
            "label": "Region",
            "level": "county",
            ":LABEL": f"Region{US}Entity",
        },
        {
            "id:ID": "region:江西省",
            "name": "江西省",
            "aliases:string[]": "",
            "label": "Region",
            "level": "province",
            ":LABEL": f"Region{US}Entity",
        },
    ]
    _, [hospital] = read_csv(written["nodes_Hospital.csv"])
    assert hospital["aliases:string[]"].split(US) == ["南大一附院", "一附院"]


def test_target_numbers_are_typed_and_missing_differs_from_empty(written: dict[str, Path]) -> None:
    header, [target] = read_csv(written["nodes_Target.csv"])
    assert header == [
        "id:ID",
        "name",
        "aliases:string[]",
        "comparator",
        "kind",
        "label",
        "metric",
        "unit",
        "value:double",
        "year:int",
        ":LABEL",
    ]
    assert (target["value:double"], target["comparator"], target["kind"]) == ("12.0", "<=", "goal")
    # neo4j-admin: an unquoted empty field is no property, a quoted one an empty string.
    raw_row = written["nodes_Target.csv"].read_text("utf-8").splitlines()[1]
    assert raw_row == (
        '"target:新建区:孕产妇死亡率:2025","孕产妇死亡率",,"<=","goal","Target","孕产妇死亡率","","12.0",,'
        f'"Target{US}Entity"'
    )


def test_relationship_evidence_round_trips_through_quoting(written: dict[str, Path]) -> None:
    header, [edge] = read_csv(written["rels_PARTNERS_WITH.csv"])
    assert header == [":START_ID", ":END_ID", ":TYPE", "evidence:string[]", "docs:string[]"]
    assert (edge[":START_ID"], edge[":END_ID"], edge[":TYPE"]) == (
        "region:新建区",
        "hospital:南大一附院",
        "PARTNERS_WITH",
    )
    evidence = [json.loads(item) for item in edge["evidence:string[]"].split(US)]
    assert evidence == sample_export()["edges"][0]["evidence"]
    assert edge["docs:string[]"].split(US) == ["001_b.txt", "002_a.txt"]
    raw = written["rels_PARTNERS_WITH.csv"].read_text("utf-8")
    # The stored form graph writes use (fixed key order, no spaces), with the CSV's doubled quotes.
    assert '""doc"":""002_a.txt"",""start"":10,' in raw
    assert '共建\\""医联体\\""；\\n覆盖全区' in raw


def test_relationship_without_evidence_has_no_lists(written: dict[str, Path]) -> None:
    raw = written["rels_PART_OF.csv"].read_text("utf-8").splitlines()
    assert raw == [
        ":START_ID,:END_ID,:TYPE,evidence:string[],docs:string[]",
        '"region:新建区","region:江西省","PART_OF",,',
    ]


def test_import_script_holds_the_neo4j_admin_command(written: dict[str, Path]) -> None:
    script = written["import.sh"].read_text("utf-8")
    command = script[script.index("neo4j-admin database") :].replace("\\\n", " ").split()
    assert command == [
        "neo4j-admin",
        "database",
        "import",
        "full",
        "neo4j",
        "--overwrite-destination=true",
        "--array-delimiter=U+001F",
        "--legacy-style-quoting=false",
        "--nodes=/import/nodes_Hospital.csv",
        "--nodes=/import/nodes_Region.csv",
        "--nodes=/import/nodes_Target.csv",
        "--relationships=/import/rels_LOCATED_IN.csv",
        "--relationships=/import/rels_PARTNERS_WITH.csv",
        "--relationships=/import/rels_PART_OF.csv",
        "--relationships=/import/rels_SETS_TARGET.csv",
    ]
    assert 'docker compose run --rm --no-deps -v "$here:/import:ro" neo4j \\\n' in script
    assert subprocess.run(["sh", "-n", str(written["import.sh"])]).returncode == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda e: e["edges"].append(
                {"type": "PART_OF", "source": "region:新建区", "target": "region:无"}
            ),
            "not a node",
        ),
        (lambda e: e["nodes"].append(dict(e["nodes"][0])), "appears twice"),
        (lambda e: e["nodes"][0].update(label="../Region"), "not an identifier"),
        (lambda e: e["nodes"][0].update(aliases=["新\x1f建"]), "array delimiter"),
        (lambda e: e["nodes"][3].update(value="十二"), "cannot write '十二' as double"),
    ],
)
def test_export_that_neo4j_admin_would_misread_is_refused(tmp_path: Path, change: Any, message: str) -> None:
    export = sample_export()
    change(export)
    with pytest.raises(ValueError, match=message):
        write_neo4j_admin_csv(export, tmp_path)


def read_graphml(export: dict[str, Any]) -> nx.MultiDiGraph:
    return nx.read_graphml(io.BytesIO(write_graphml(export).encode("utf-8")))


def test_graphml_opens_in_networkx_with_typed_node_attributes() -> None:
    graph = read_graphml(sample_export())
    assert graph.number_of_nodes() == 4
    assert graph.number_of_edges() == 4
    assert graph.nodes["hospital:南大一附院"]["name"] == "南昌大学第一附属医院"
    assert json.loads(graph.nodes["hospital:南大一附院"]["aliases"]) == ["南大一附院", "一附院"]
    target = graph.nodes["target:新建区:孕产妇死亡率:2025"]
    assert (target["value"], target["label"], target["unit"]) == (12.0, "Target", "")
    assert isinstance(target["value"], float)
    assert "year" not in target  # null in the export: no data element


def test_graphml_edges_carry_type_evidence_count_and_first_quote() -> None:
    graph = read_graphml(sample_export())
    [(source, target, partners)] = [e for e in graph.edges(data=True) if e[2]["type"] == "PARTNERS_WITH"]
    assert (source, target) == ("region:新建区", "hospital:南大一附院")
    assert (partners["evidence_count"], partners["first_quote"], partners["first_doc"]) == (
        2,
        TRICKY_QUOTE,
        "002_a.txt",
    )
    assert json.loads(partners["evidence"]) == sample_export()["edges"][0]["evidence"]
    part_of = next(d for _, _, d in graph.edges(data=True) if d["type"] == "PART_OF")
    assert part_of["evidence_count"] == 0 and "first_quote" not in part_of


def test_graphml_replaces_characters_xml_cannot_hold() -> None:
    export = sample_export()
    export["nodes"][0]["name"] = "新建\x0c区"
    assert read_graphml(export).nodes["region:新建区"]["name"] == "新建\ufffd区"


def test_multiline_flag_only_when_a_field_breaks_lines(tmp_path: Path) -> None:
    export = sample_export()
    export["nodes"][0]["text"] = "第一行\n第二行"
    files = write_neo4j_admin_csv(export, tmp_path)
    assert "--multiline-fields=true" in files[-1].read_text("utf-8")


def test_stored_evidence_strings_and_docs_are_kept(tmp_path: Path) -> None:
    export = sample_export()
    edge = next(e for e in export["edges"] if e["evidence"])
    edge["evidence"] = [json.dumps(ev, ensure_ascii=False) for ev in edge["evidence"]]
    edge["docs"] = ["b.txt", "a.txt"]
    write_neo4j_admin_csv(export, tmp_path)
    _, rows = read_csv(tmp_path / f"rels_{edge['type']}.csv")
    (row,) = [r for r in rows if (r[":START_ID"], r[":END_ID"]) == (edge["source"], edge["target"])]
    assert row["docs:string[]"].split(US) == ["b.txt", "a.txt"]
    first = json.loads(row["evidence:string[]"].split(US)[0])
    assert list(first) == ["doc", "start", "end", "quote"]
