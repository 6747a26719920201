"""`kg export`: the graph as files other tools read.

- ``graphml`` (Gephi, Cytoscape, networkx, yEd) and ``gexf`` (Gephi): one XML file each;
- ``csv`` (pandas, spreadsheets): a folder with ``nodes_<Label>.csv`` and ``edges_<TYPE>.csv``;
- ``neo4j-import``: a folder of CSV files with neo4j-admin headers, ``import.sh`` running the
  exact ``neo4j-admin database import full`` command, and ``schema.cypher`` (constraints,
  indexes and the schema version, run once the server is up).

Every format is written as it is read: the store is read twice, label by label and type by type
(``iter_nodes`` / ``iter_edges``), first for the property names and types the headers need, then
for the rows, so memory does not grow with the graph. Files appear under their final name only
when complete (written to a temporary name, then renamed).

Property values: lists become JSON text in GraphML, GEXF and plain CSV (``["a", "b"]``), and
native arrays in the Neo4j import; text loses the control characters XML cannot hold.
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import os
import re
import shlex
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from paperkg.errors import InputError
from paperkg.model import SCHEMA, SCHEMA_VERSION
from paperkg.safe_files import atomic_output
from paperkg.store.base import EdgeRow, GraphStore

EXPORT_FORMATS = ("graphml", "gexf", "csv", "neo4j-import")
# Between the elements of an array in the Neo4j import files: a control character no property
# holds (it is removed from values), so names and paths may contain ";" and ",".
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_ARG = "U+001F"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# What a node is called in Gephi/Cytoscape: the first of these properties it has, else its key.
_DISPLAY_PROPS = ("title", "name", "url", "metric")


@dataclass
class ExportSummary:
    """What an export wrote."""

    format: str
    path: Path
    nodes: int = 0
    relationships: int = 0
    files: list[Path] = field(default_factory=list)
    command: str | None = None  # neo4j-import: the import command (also in import.sh)


# ---------------------------------------------------------------------------------------------
# Reading the store: label by label, type by type, lazily
# ---------------------------------------------------------------------------------------------


def _labels() -> list[str]:
    return sorted(SCHEMA.labels)


def _rel_types() -> list[str]:
    return sorted(SCHEMA.rel_types)


def _nodes(store: GraphStore, label: str) -> Iterator[tuple[str, dict[str, Any]]]:
    return store.iter_nodes(label)


def _edges(store: GraphStore, rel_type: str) -> Iterator[EdgeRow]:
    return store.iter_edges(rel_type)


_TYPE_ORDER = ("boolean", "long", "double", "string")


def _kind(value: Any) -> tuple[str, bool]:
    """(scalar type, is a list) of a property value, in Neo4j import's type names."""
    if isinstance(value, (list, tuple)):
        kinds = {_kind(v)[0] for v in value} or {"string"}
        return (kinds.pop() if len(kinds) == 1 else "string"), True
    if isinstance(value, bool):
        return "boolean", False
    if isinstance(value, int):
        return "long", False
    if isinstance(value, float):
        return "double", False
    return "string", False


def _widen(old: tuple[str, bool] | None, new: tuple[str, bool]) -> tuple[str, bool]:
    """One type for a property seen with several: long + double is double, anything else string."""
    if old is None or old == new:
        return new
    if {old[0], new[0]} == {"long", "double"} and old[1] == new[1]:
        return "double", old[1]
    return "string", old[1] or new[1]


@dataclass
class _Columns:
    """Property names and types per label (or relationship type), and the row counts."""

    props: dict[str, dict[str, tuple[str, bool]]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, group: str, props: dict[str, Any]) -> None:
        found = self.props.setdefault(group, {})
        for name, value in props.items():
            if value is not None:
                found[name] = _widen(found.get(name), _kind(value))
        self.counts[group] = self.counts.get(group, 0) + 1

    def names(self, group: str) -> list[str]:
        return sorted(self.props.get(group, {}))

    def merged(self) -> dict[str, tuple[str, bool]]:
        """Every property of every group with one type (for formats with one attribute table)."""
        merged: dict[str, tuple[str, bool]] = {}
        for found in self.props.values():
            for name, kind in found.items():
                merged[name] = _widen(merged.get(name), kind)
        return dict(sorted(merged.items()))


def _scan(store: GraphStore) -> tuple[_Columns, _Columns]:
    nodes, edges = _Columns(), _Columns()
    for label in _labels():
        for _, props in _nodes(store, label):
            nodes.add(label, props)
    for rel_type in _rel_types():
        for _, _, _, props in _edges(store, rel_type):
            edges.add(rel_type, props)
    return nodes, edges


# ---------------------------------------------------------------------------------------------
# Writing files safely
# ---------------------------------------------------------------------------------------------


def _atomic_text(path: Path) -> contextlib.AbstractContextManager[IO[str]]:
    """A text file that appears under ``path`` only once it is complete, never written through a
    link or into a device planted there (paperkg.safe_files)."""
    return atomic_output(path, mode="w")


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _text_value(value: Any) -> str:
    """A property as text for XML and plain CSV: lists as JSON, numbers as Python writes them."""
    if isinstance(value, (list, tuple)):
        return _clean(json.dumps(list(value), ensure_ascii=False))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value)
    return _clean(str(value))


def _display(key: str, props: dict[str, Any]) -> str:
    return next((str(props[name]) for name in _DISPLAY_PROPS if props.get(name)), key)


# ---------------------------------------------------------------------------------------------
# GraphML and GEXF
# ---------------------------------------------------------------------------------------------

_GRAPHML_TYPES = {"boolean": "boolean", "long": "long", "double": "double", "string": "string"}


def _xml_type(kind: tuple[str, bool], table: dict[str, str]) -> str:
    return "string" if kind[1] else table[kind[0]]


def _graphml_data(ids: dict[str, str], values: dict[str, Any]) -> str:
    return "".join(f'<data key="{ids[name]}">{escape(_text_value(value))}</data>' for name, value in values.items())


def _gexf_values(ids: dict[str, str], values: dict[str, Any]) -> str:
    return "".join(f'<attvalue for="{ids[name]}" value={quoteattr(_text_value(value))}/>' for name, value in values.items())


def write_graphml(store: GraphStore, path: Path) -> ExportSummary:
    """One GraphML file: node attributes ``kind`` (the label), ``label`` (title or name) and every
    property; edge attributes ``type`` and every property."""
    nodes, edges = _scan(store)
    node_attrs = {"kind": ("string", False), "label": ("string", False), **nodes.merged()}
    edge_attrs = {"type": ("string", False), **edges.merged()}
    node_ids = {name: f"n{i}" for i, name in enumerate(node_attrs)}
    edge_ids = {name: f"e{i}" for i, name in enumerate(edge_attrs)}
    summary = ExportSummary("graphml", path, files=[path])
    with _atomic_text(path) as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
        )
        for target, attrs, ids in (("node", node_attrs, node_ids), ("edge", edge_attrs, edge_ids)):
            for name, kind in attrs.items():
                out.write(
                    f'  <key id="{ids[name]}" for="{target}" attr.name={quoteattr(name)} '
                    f'attr.type="{_xml_type(kind, _GRAPHML_TYPES)}"/>\n'
                )
        out.write('  <graph id="paperkg" edgedefault="directed">\n')
        for label in _labels():
            for key, props in _nodes(store, label):
                values = {"kind": label, "label": _display(key, props), **props}
                out.write(f"    <node id={quoteattr(_clean(key))}>")
                out.write(_graphml_data(node_ids, values))
                out.write("</node>\n")
                summary.nodes += 1
        for rel_type in _rel_types():
            for _, source, target, props in _edges(store, rel_type):
                ends = f"source={quoteattr(_clean(source))} target={quoteattr(_clean(target))}"
                out.write(f'    <edge id="e{summary.relationships}" {ends}>')
                values = {"type": rel_type, **props}
                out.write(_graphml_data(edge_ids, values))
                out.write("</edge>\n")
                summary.relationships += 1
        out.write("  </graph>\n</graphml>\n")
    return summary


_GEXF_TYPES = {"boolean": "boolean", "long": "long", "double": "double", "string": "string"}


def write_gexf(store: GraphStore, path: Path) -> ExportSummary:
    """One GEXF 1.3 file: each node's label is its title or name; attributes ``kind`` and every
    property; each edge's label is its type."""
    nodes, edges = _scan(store)
    node_attrs = {"kind": ("string", False), **nodes.merged()}
    edge_attrs = {"type": ("string", False), **edges.merged()}
    node_ids = {name: str(i) for i, name in enumerate(node_attrs)}
    edge_ids = {name: str(i) for i, name in enumerate(edge_attrs)}
    summary = ExportSummary("gexf", path, files=[path])
    with _atomic_text(path) as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<gexf xmlns="http://gexf.net/1.3" version="1.3">\n')
        out.write("  <meta><creator>paperkg</creator><description>papers, entities, repos, authors</description></meta>\n")
        out.write('  <graph defaultedgetype="directed" mode="static">\n')
        for cls, attrs, ids in (("node", node_attrs, node_ids), ("edge", edge_attrs, edge_ids)):
            out.write(f'    <attributes class="{cls}">\n')
            for name, kind in attrs.items():
                out.write(f'      <attribute id="{ids[name]}" title={quoteattr(name)} type="{_xml_type(kind, _GEXF_TYPES)}"/>\n')
            out.write("    </attributes>\n")
        out.write("    <nodes>\n")
        for label in _labels():
            for key, props in _nodes(store, label):
                values = {"kind": label, **props}
                out.write(f"      <node id={quoteattr(_clean(key))} label={quoteattr(_clean(_display(key, props)))}><attvalues>")
                out.write(_gexf_values(node_ids, values))
                out.write("</attvalues></node>\n")
                summary.nodes += 1
        out.write("    </nodes>\n    <edges>\n")
        for rel_type in _rel_types():
            for _, source, target, props in _edges(store, rel_type):
                out.write(
                    f'      <edge id="{summary.relationships}" source={quoteattr(_clean(source))} '
                    f'target={quoteattr(_clean(target))} label="{rel_type}"><attvalues>'
                )
                values = {"type": rel_type, **props}
                out.write(_gexf_values(edge_ids, values))
                out.write("</attvalues></edge>\n")
                summary.relationships += 1
        out.write("    </edges>\n  </graph>\n</gexf>\n")
    return summary


# ---------------------------------------------------------------------------------------------
# CSV for pandas and spreadsheets
# ---------------------------------------------------------------------------------------------


def write_csv(store: GraphStore, folder: Path) -> ExportSummary:
    """``nodes_<Label>.csv`` (key, then the label's properties) and ``edges_<TYPE>.csv`` (source,
    target, then the type's properties); lists as JSON text, empty cells for missing values."""
    nodes, edges = _scan(store)
    summary = ExportSummary("csv", folder)
    for label in _labels():
        if not nodes.counts.get(label):
            continue
        columns = nodes.names(label)
        path = folder / f"nodes_{label}.csv"
        with _atomic_text(path) as out:
            writer = csv.writer(out)
            writer.writerow(["key", *columns])
            for key, props in _nodes(store, label):
                writer.writerow([key, *(_csv_cell(props.get(c)) for c in columns)])
                summary.nodes += 1
        summary.files.append(path)
    for rel_type in _rel_types():
        if not edges.counts.get(rel_type):
            continue
        columns = edges.names(rel_type)
        path = folder / f"edges_{rel_type}.csv"
        with _atomic_text(path) as out:
            writer = csv.writer(out)
            writer.writerow(["source", "target", *columns])
            for _, source, target, props in _edges(store, rel_type):
                writer.writerow([source, target, *(_csv_cell(props.get(c)) for c in columns)])
                summary.relationships += 1
        summary.files.append(path)
    return summary


def _csv_cell(value: Any) -> str:
    return "" if value is None else _text_value(value)


# ---------------------------------------------------------------------------------------------
# neo4j-admin database import full
# ---------------------------------------------------------------------------------------------


def _neo4j_header(name: str, kind: tuple[str, bool]) -> str:
    return f"{name}:{kind[0]}{'[]' if kind[1] else ''}"


def _neo4j_cell(value: Any, kind: tuple[str, bool]) -> str:
    if value is None:
        return ""
    if kind[1]:
        items = value if isinstance(value, (list, tuple)) else [value]
        return ARRAY_DELIMITER.join(_neo4j_scalar(v, kind[0]) for v in items)
    return _neo4j_scalar(value, kind[0])


def _neo4j_scalar(value: Any, kind: str) -> str:
    if kind == "string" and not isinstance(value, str):
        value = json.dumps(value) if isinstance(value, (list, dict)) else str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value).replace(ARRAY_DELIMITER, "")


def import_command(files: list[tuple[str, str]], *, database: str = "neo4j", admin: str = "neo4j-admin") -> str:
    """The ``neo4j-admin database import full`` command for (``nodes``|``relationships``, file as a
    shell word) pairs."""
    # The database comes first: --nodes and --relationships take one or more files, so a name
    # after the last of them would be read as one more file.
    parts = [admin, "database import full", database, "--overwrite-destination", f"--array-delimiter={ARRAY_DELIMITER_ARG}"]
    parts.append("--multiline-fields=true")
    parts += [f"--{kind}={word}" for kind, word in files]
    return " ".join(parts)


def schema_cypher() -> str:
    """Constraints, indexes and the schema version the online writer would create, for after import."""
    from paperkg.store.neo4j_store import META_LABEL, schema_statements

    lines = ["// Run once after `neo4j-admin database import full`: cypher-shell -f schema.cypher"]
    lines += [f"{statement};" for statement in schema_statements()]
    lines.append("CALL db.awaitIndexes(300);")
    lines.append(f"MERGE (m:{META_LABEL} {{key: 'schema'}}) SET m.version = {SCHEMA_VERSION};")
    return "\n".join(lines) + "\n"


IMPORT_SCRIPT = """#!/usr/bin/env bash
# Written by `kg export --format neo4j-import`: loads the CSV files beside this script into an empty
# (or to be replaced) Neo4j database with neo4j-admin, much faster than writing over Bolt.
#
#   bash import.sh [DATABASE]            # neo4j-admin on PATH, the Neo4j server stopped
#   NEO4J_ADMIN="/path/to/neo4j-admin" bash import.sh
#   docker compose run --rm neo4j bash /import/import.sh     # with the project's docker-compose.yml
#
# Then start the server and run schema.cypher once (constraints, indexes, schema version):
#   cypher-shell -u neo4j -p "$KG_NEO4J_PASSWORD" -f schema.cypher
# The database named is replaced (--overwrite-destination).
set -euo pipefail
DIR="$(cd "$(dirname "${{BASH_SOURCE[0]}}")" && pwd)"
DATABASE="${{1:-neo4j}}"
# shellcheck disable=SC2086  # NEO4J_ADMIN may be a command with arguments
{command}
"""


def write_neo4j_import(store: GraphStore, folder: Path) -> ExportSummary:
    """CSV files with neo4j-admin headers (``key:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``,
    ``:TYPE``, typed properties, arrays split by U+001F), ``import.sh`` and ``schema.cypher``."""
    nodes, edges = _scan(store)
    summary = ExportSummary("neo4j-import", folder)
    listed: list[tuple[str, Path]] = []
    for label in _labels():
        if not nodes.counts.get(label):
            continue
        kinds = nodes.props[label]
        columns = nodes.names(label)
        path = folder / f"nodes_{label}.csv"
        with _atomic_text(path) as out:
            writer = csv.writer(out)
            writer.writerow(["key:ID", *(_neo4j_header(c, kinds[c]) for c in columns), ":LABEL"])
            for key, props in _nodes(store, label):
                writer.writerow([key, *(_neo4j_cell(props.get(c), kinds[c]) for c in columns), label])
                summary.nodes += 1
        listed.append(("nodes", path))
    for rel_type in _rel_types():
        if not edges.counts.get(rel_type):
            continue
        kinds = edges.props[rel_type]
        columns = edges.names(rel_type)
        path = folder / f"relationships_{rel_type}.csv"
        with _atomic_text(path) as out:
            writer = csv.writer(out)
            writer.writerow([":START_ID", ":END_ID", ":TYPE", *(_neo4j_header(c, kinds[c]) for c in columns)])
            for _, source, target, props in _edges(store, rel_type):
                writer.writerow([source, target, rel_type, *(_neo4j_cell(props.get(c), kinds[c]) for c in columns)])
                summary.relationships += 1
        listed.append(("relationships", path))
    schema_path = folder / "schema.cypher"
    with _atomic_text(schema_path) as out:
        out.write(schema_cypher())
    script_path = folder / "import.sh"
    in_script = [(kind, f'"$DIR/{path.name}"') for kind, path in listed]
    command = import_command(in_script, database='"$DATABASE"', admin="${NEO4J_ADMIN:-neo4j-admin}")
    with _atomic_text(script_path) as out:
        out.write(IMPORT_SCRIPT.format(command=command.replace(" --", " \\\n  --")))
    os.chmod(script_path, 0o755)
    summary.files = [path for _, path in listed] + [schema_path, script_path]
    summary.command = import_command([(kind, shlex.quote(str(path.resolve()))) for kind, path in listed])
    return summary


WRITERS: dict[str, Callable[[GraphStore, Path], ExportSummary]] = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "csv": write_csv,
    "neo4j-import": write_neo4j_import,
}


def export_graph(store: GraphStore, fmt: str, path: Path) -> ExportSummary:
    """Write the store's graph as ``fmt`` to ``path`` (a file for graphml/gexf, else a folder)."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}") from None
    if fmt in ("csv", "neo4j-import"):
        if path.exists() and not path.is_dir():
            raise InputError(f"{path}: is a file; --format {fmt} writes a folder, give a folder path")
    elif path.is_dir():
        raise InputError(f"{path}: is a folder; --format {fmt} writes one file, give a file path")
    return writer(store, path)
