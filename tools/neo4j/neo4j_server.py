#!/usr/bin/env python3
"""Run the real Neo4j 5.26 Community DBMS for tests and CI, without Docker.

Fetches the Neo4j jars from Maven Central once (``mvn`` with tools/neo4j/pom.xml; cached in
build/neo4j/lib and ~/.m2), then starts ``Neo4jLauncher.java`` in a JVM with Bolt on a free
127.0.0.1 port and waits for its ready line. Used by the pytest fixture in tests/conftest.py and
from the shell:

    python tools/neo4j/neo4j_server.py fetch          # download the jars only
    python tools/neo4j/neo4j_server.py run            # start, print the Bolt URI, wait for Ctrl-C
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LIB = ROOT / "build" / "neo4j" / "lib"
LAUNCHER = HERE / "Neo4jLauncher.java"
CLASSES = ROOT / "build" / "neo4j" / "classes"
READY = "NEO4J_READY"
JVM_FLAGS = [
    "-Xms256m",
    "-Xmx2g",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.nio.maxCachedBufferSize=1024",
]


class Neo4jUnavailable(RuntimeError):
    """Neo4j could not be fetched or started; the message carries the launcher's output."""


def java_available() -> bool:
    return shutil.which("java") is not None


def fetch_jars() -> Path:
    """The lib/ folder with Neo4j's jars, fetched with Maven if it is not there yet."""
    marker = LIB / ".complete"
    if marker.exists():
        return LIB
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jUnavailable("Maven (mvn) is not installed: it fetches the Neo4j jars from Maven Central")
    LIB.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [mvn, "-q", "-B", "-f", str(HERE / "pom.xml"), "package", f"-Dlib.dir={LIB}"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not any(LIB.glob("neo4j-kernel-*.jar")):
        raise Neo4jUnavailable(f"fetching Neo4j jars failed:\n{result.stdout}\n{result.stderr}")
    marker.write_text("ok\n")
    return LIB


def compile_launcher(lib: Path) -> Path:
    """Compile the launcher once (running the .java file directly recompiles it at every start)."""
    compiled = CLASSES / "Neo4jLauncher.class"
    if compiled.exists() and compiled.stat().st_mtime >= LAUNCHER.stat().st_mtime:
        return CLASSES
    javac = shutil.which("javac")
    if javac is None:
        raise Neo4jUnavailable("javac is not installed: the Neo4j launcher needs a JDK 17")
    CLASSES.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([javac, "-cp", f"{lib}/*", "-d", str(CLASSES), str(LAUNCHER)], capture_output=True, text=True)
    if result.returncode != 0:
        raise Neo4jUnavailable(f"compiling {LAUNCHER.name} failed:\n{result.stdout}\n{result.stderr}")
    return CLASSES


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Neo4jServer:
    """A running launcher process; ``stop()`` shuts the DBMS down cleanly (SIGTERM, then wait)."""

    uri: str
    home: Path
    process: subprocess.Popen
    output: list[str] = field(default_factory=list)
    _owns_home: bool = False

    def stop(self, timeout: float = 60) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._owns_home:
            shutil.rmtree(self.home, ignore_errors=True)

    def kill(self) -> None:
        """Stop at once, as a crash would (for tests of interrupted loads)."""
        self.process.kill()
        self.process.wait()

    def log_tail(self, lines: int = 60) -> str:
        debug_log = self.home / "logs" / "debug.log"
        text = "\n".join(self.output[-lines:])
        if debug_log.exists():
            text += "\n--- debug.log ---\n" + "\n".join(debug_log.read_text(errors="replace").splitlines()[-lines:])
        return text


def start(home: Path | None = None, port: int | None = None, *, password: str | None = None, timeout: float = 180) -> Neo4jServer:
    """Start Neo4j on 127.0.0.1 and return once Bolt answers; raise Neo4jUnavailable otherwise.

    With ``password`` auth is on and the ``neo4j`` user has that password (passed to the JVM in
    an environment variable, never on its command line).
    """
    if not java_available():
        raise Neo4jUnavailable("Java is not installed: Neo4j 5.26 needs Java 17")
    lib = fetch_jars()
    owns_home = home is None
    home = Path(home or tempfile.mkdtemp(prefix="kg-neo4j-"))
    port = port or free_port()
    classes = compile_launcher(lib)
    command = ["java", *JVM_FLAGS, "-cp", f"{classes}:{lib}/*", "Neo4jLauncher", str(home), "127.0.0.1", str(port)]
    env = dict(os.environ)
    if password is not None:
        command.append("KG_LAUNCHER_PASSWORD")
        env["KG_LAUNCHER_PASSWORD"] = password
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1, env=env)
    server = Neo4jServer(f"bolt://127.0.0.1:{port}", home, process, _owns_home=owns_home)
    ready = threading.Event()

    def pump() -> None:
        for line in process.stdout:  # type: ignore[union-attr]
            server.output.append(line.rstrip())
            if line.startswith(READY):
                ready.set()

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + timeout
    while not ready.wait(0.2):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop(timeout=10)
            raise Neo4jUnavailable(f"Neo4j did not start (exit {process.poll()}):\n{server.log_tail()}")
    return server


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "run"
    try:
        if command == "fetch":
            print(fetch_jars())
            return 0
        if command == "run":
            server = start()
            print(server.uri, flush=True)
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
            try:
                signal.sigwait({signal.SIGINT, signal.SIGTERM})
            finally:
                server.stop()
            return 0
    except Neo4jUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv))
