"""The named query catalog: ``.cypher`` files in the ``queries`` package, each with an embedded twin.

A file starts with ``//`` lines: the first says what the query answers, then one
``// param NAME: TYPE -- what it is`` line per ``$NAME`` the query uses (TYPE: str, int, float,
bool, list). Neo4j runs the file's text with the values as parameters; the embedded store runs
the SQL twin registered under the same name in ``kg.sqlite_queries``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from paperkg.errors import QueryError

_PARAM_LINE = re.compile(r"^//\s*param\s+(\w+)\s*:\s*(\w+)\s*(?:--\s*(.*))?$")
_USED_PARAM = re.compile(r"\$([A-Za-z_]\w*)")
PARAM_TYPES = ("str", "int", "float", "bool", "list")
_QUERY_NAME = re.compile(r"\w+")  # a file name in queries/, never a path


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: str
    help: str


@dataclass(frozen=True, slots=True)
class CatalogQuery:
    """One named query: its description, declared parameters and Cypher text."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str

    @property
    def used_params(self) -> set[str]:
        """The ``$names`` the Cypher body uses (comments excluded)."""
        body = "\n".join(line for line in self.text.splitlines() if not line.lstrip().startswith("//"))
        return set(_USED_PARAM.findall(body))


def parse_query(name: str, text: str) -> CatalogQuery:
    """A CatalogQuery from a file's text; a malformed header raises ValueError."""
    lines = text.splitlines()
    if not lines or not lines[0].startswith("//"):
        raise ValueError(f"query {name}: the first line must be a // comment saying what it answers")
    params = []
    for line in lines[1:]:
        if not line.startswith("//"):
            break
        match = _PARAM_LINE.match(line)
        if match:
            if match.group(2) not in PARAM_TYPES:
                raise ValueError(f"query {name}: parameter {match.group(1)} has unknown type {match.group(2)}")
            params.append(Param(match.group(1), match.group(2), (match.group(3) or "").strip()))
    return CatalogQuery(name, lines[0].lstrip("/ ").strip(), tuple(params), text)


@cache
def load_catalog() -> dict[str, CatalogQuery]:
    """Every query in the catalog, by name."""
    folder = resources.files("paperkg.queries")
    catalog = {}
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".cypher"):
            name = item.name.removesuffix(".cypher")
            catalog[name] = parse_query(name, item.read_text(encoding="utf-8"))
    return catalog


@cache
def get_query(name: str) -> CatalogQuery:
    # Its own file only, not the whole catalog: a command asks one or two queries, and listing and
    # parsing the 35 files was part of every command's start.
    item = resources.files("paperkg.queries").joinpath(f"{name}.cypher")
    if not _QUERY_NAME.fullmatch(name) or not item.is_file():
        raise QueryError(f"no query named {name!r}; `kg queries` lists them")
    return parse_query(name, item.read_text(encoding="utf-8"))


def coerce_params(query: CatalogQuery, raw: dict[str, Any]) -> dict[str, Any]:
    """Typed parameter values from command-line strings (or values already typed)."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(raw) - set(declared))
    if unknown:
        raise QueryError(
            f"query {query.name} has no parameter {unknown[0]!r}; it takes: " + (", ".join(declared) or "no parameters")
        )
    values = {}
    for name, param in declared.items():
        if name not in raw:
            raise QueryError(f"query {query.name} needs --param {name}=... ({param.type}: {param.help})")
        values[name] = _coerce(query.name, param, raw[name])
    return values


def _coerce(query_name: str, param: Param, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        if param.type == "int":
            number = int(value)
            if not -(2**63) <= number < 2**63 or (param.name == "limit" and number < 1):
                raise QueryError(f"query {query_name}: --param {param.name}={value} is out of range"
                                 f"{' (a limit is at least 1)' if param.name == 'limit' else ''}")
            return number
        if param.type == "float":
            return float(value)
        if param.type == "bool":
            if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError(value)
            return value.lower() in ("true", "1", "yes")
        if param.type == "list":
            return [part.strip() for part in value.split(",") if part.strip()]
    except ValueError:
        raise QueryError(f"query {query_name}: --param {param.name}={value!r} is not a {param.type}") from None
    return value


def run_query(store: Any, name: str, raw_params: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of a named query on either store (Neo4j runs the Cypher, the embedded store the twin)."""
    query = get_query(name)
    params = coerce_params(query, raw_params)
    if hasattr(store, "run_cypher"):
        return store.run_cypher(query.text, params)
    from paperkg.sqlite_queries import TWINS

    return TWINS[name](store, params)
