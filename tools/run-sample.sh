#!/usr/bin/env bash
# The main job on a fresh machine: install paperkg, build the bundled sample corpus into the
# embedded store (.kg/ in the current folder), and print what the graph holds.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/tools/setup.sh"
KG="$ROOT/.venv/bin/kg"
"$KG" build
"$KG" stats
