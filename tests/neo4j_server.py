"""A real Neo4j 5 Community for the tests, fetched from Maven Central and run by our launcher.

`tests/tools/neo4j/` holds a pinned Maven project (pom.xml) and a small Java main that opens
Neo4j's embedded DBMS with Bolt on a free loopback port. Maven compiles it and resolves the
Neo4j jars into ~/.m2 (kept between runs, so only the first run downloads). One JVM serves every
store the session asks for (Community allows one user database per DBMS, so each store is its own
DBMS in that JVM) and runs Neo4j's own bulk import tool. Closing the launcher's standard input
shuts every DBMS down cleanly, and so does the end of the test process, however it ends.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import threading
from pathlib import Path

from graph.backend import GraphSettings

LAUNCHER_DIR = Path(__file__).resolve().parent / "tools" / "neo4j"
CLASSPATH_FILE = LAUNCHER_DIR / "target" / "classpath.txt"
CLASSES_DIR = LAUNCHER_DIR / "target" / "classes"
# Holds `@`, `/` and `:` on purpose: it must reach the server through NEO4J_PASSWORD, not a URL.
PASSWORD = "hk@test/pw:1"
START_TIMEOUT_S = 300.0
MAVEN_TIMEOUT_S = 900.0


class Neo4jLauncherError(RuntimeError):
    """The launcher could not be built or did not answer as expected."""


def missing_tools() -> str | None:
    """Why the Neo4j leg cannot run here, or None when Java and Maven are both installed."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        return f"{' and '.join(missing)} not installed: the Neo4j leg needs Java 17 and Maven"
    return None


def _sources() -> list[Path]:
    return [LAUNCHER_DIR / "pom.xml", *sorted((LAUNCHER_DIR / "src").rglob("*.java"))]


def build_classpath() -> str:
    """Compile the launcher and resolve Neo4j's jars (Maven's cache makes a rebuild quick)."""
    built = CLASSPATH_FILE.exists() and all(
        CLASSPATH_FILE.stat().st_mtime >= source.stat().st_mtime for source in _sources()
    )
    if not built:
        command = ["mvn", "-B", "-q", "-f", str(LAUNCHER_DIR / "pom.xml"), "compile",
                   "dependency:build-classpath", f"-Dmdep.outputFile={CLASSPATH_FILE}"]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=MAVEN_TIMEOUT_S)
        if done.returncode != 0:
            raise Neo4jLauncherError(
                f"Maven could not build the Neo4j launcher ({' '.join(command)}):\n"
                f"{done.stdout[-3000:]}{done.stderr[-3000:]}"
            )
    return f"{CLASSES_DIR}{os.pathsep}{CLASSPATH_FILE.read_text(encoding='utf-8').strip()}"


class Neo4jLauncher:
    """One launcher JVM; `url(name)` starts (once) the DBMS holding store `name`."""

    def __init__(self, work_dir: Path, heap: str = "1g") -> None:
        self.work_dir = work_dir
        self.password = PASSWORD
        self._ports: dict[str, int] = {}
        self._answers: queue.Queue[str | None] = queue.Queue()
        self._lock = threading.Lock()
        classpath = build_classpath()
        self.log_path = work_dir / "launcher.log"
        self._log = self.log_path.open("w", encoding="utf-8")
        self._process = subprocess.Popen(
            ["java", f"-Xmx{heap}", "-XX:+UseSerialGC", "-cp", classpath, "healthkg.neo4j.Launcher",
             self.password],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log, text=True, encoding="utf-8",
        )  # fmt: skip
        threading.Thread(target=self._read_answers, daemon=True).start()

    def _read_answers(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self._answers.put(line.rstrip("\n"))
        self._answers.put(None)

    def _ask(self, *words: str, timeout: float = START_TIMEOUT_S) -> str:
        with self._lock:
            assert self._process.stdin is not None
            self._process.stdin.write("\t".join(words) + "\n")
            self._process.stdin.flush()
            try:
                answer = self._answers.get(timeout=timeout)
            except queue.Empty:
                answer = None
        if answer is None or answer.startswith("FAILED"):
            raise Neo4jLauncherError(
                f"Neo4j launcher: {' '.join(words[:2])} gave {answer!r}; log: {self.log_path}"
            )
        return answer

    def home(self, name: str) -> Path:
        return self.work_dir / name

    def port(self, name: str) -> int:
        if name not in self._ports:
            answer = self._ask("start", str(self.home(name)))
            self._ports[name] = int(answer.split()[1])
        return self._ports[name]

    def url(self, name: str) -> str:
        """A password-less URL for store `name`; the password goes separately (NEO4J_PASSWORD)."""
        return f"neo4j://neo4j@127.0.0.1:{self.port(name)}"

    def settings(self, name: str) -> GraphSettings:
        """Graph settings for store `name`, the password passed apart from the URL."""
        return GraphSettings(url=self.url(name), neo4j_password=self.password)

    def stop(self, name: str) -> None:
        """Shut store `name`'s DBMS down, as a graph that goes away under its clients."""
        self._ask("stop", str(self.home(name)))
        del self._ports[name]

    def bulk_import(self, name: str, arguments: list[str]) -> None:
        """`neo4j-admin database import full neo4j ARGUMENTS` into store `name`, not started yet."""
        if name in self._ports:
            raise Neo4jLauncherError(f"store {name} is running: neo4j-admin imports into a stopped one")
        self._ask("import", str(self.home(name)), *arguments)

    def close(self) -> None:
        if self._process.stdin:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()

    def __enter__(self) -> Neo4jLauncher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
