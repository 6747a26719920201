#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs paperkg with its test tools, fetches the
# Neo4j 5.26 jars from Maven Central (needs Java 17 and Maven) and Debian's Chromium (the HTML
# pages are tested in it, driven by Playwright), then runs pytest. The Neo4j tests start a real
# Neo4j in-process launcher; with CI set, a skipped Neo4j or browser test fails the run.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
bash tools/setup.sh test
.venv/bin/python tools/neo4j/neo4j_server.py fetch >/dev/null
bash tools/install-chromium.sh
exec .venv/bin/python -m pytest "$@"
