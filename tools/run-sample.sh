#!/usr/bin/env bash
# The main job on a fresh machine: install paperkg, build the bundled sample corpus into the
# embedded store (.kg/ in the current folder), print what the graph holds, and draw its best
# linked 300 nodes as one offline HTML page (kg-graph.html, open it in any browser).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/tools/setup.sh"
KG="$ROOT/.venv/bin/kg"
"$KG" build
"$KG" stats
"$KG" viz -o kg-graph.html
