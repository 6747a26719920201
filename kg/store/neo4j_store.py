"""The Neo4j store: the same graph as the embedded store, written with batched UNWIND ... MERGE.

Every value travels as a query parameter. Labels and relationship types are the only names put
into query text, and they come from the schema (never from input), checked before use.
Schema statements run in their own auto-commit transactions before the first write.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from paperkg.errors import QueryError, StoreError
from paperkg.graph import METADATA_SOURCE
from paperkg.model import SCHEMA, SCHEMA_VERSION, TITLE_KEY_PREFIX, Edge, GraphBatch, Node
from paperkg.store.base import (
    ENTITY_NODE_LABELS,
    EXTRACTED_NODE_LABELS,
    EXTRACTED_REL_TYPES,
    INFERRED_CITATION_PROPS,
    EdgeRow,
    GraphCounts,
    GraphDump,
)

log = logging.getLogger(__name__)

BATCH_SIZE = 10_000
META_LABEL = "KGMeta"
T = TypeVar("T")


def _lucene_phrase(word: str) -> str:
    """A word as a quoted Lucene phrase; quotes and backslashes escaped (the phrase keeps the rest)."""
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _name(value: str, allowed: Iterable[str]) -> str:
    """A label or type from the schema, quoted for query text; anything else is refused."""
    if value not in allowed:
        raise ValueError(f"{value!r} is not in the schema")
    return f"`{value}`"


def _union_cypher(target: str, props: Iterable[str], base: str, addition: str) -> str:
    """SET clauses: ``target.p`` = ``base.p`` plus the items of ``addition.p`` not in it, as
    ``merge_props`` does for list properties that accumulate."""
    return ", ".join(
        f"{target}.{p} = CASE WHEN {addition}.{p} IS NULL THEN {base}.{p} "
        f"ELSE coalesce({base}.{p}, []) + [x IN {addition}.{p} WHERE NOT x IN coalesce({base}.{p}, [])] END"
        for p in sorted(props)
    )


_PROPERTY_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def _merge_sets(var: str, names: Iterable[str], union_names: Iterable[str]) -> str:
    """ON CREATE / ON MATCH clauses that write each property by name.

    Naming every property (instead of ``SET n += row.props``) lets the planner see that the
    writes never touch ``key``, the property the MERGE looks up; with ``+=`` it has to assume
    they might and materialises every row first (an Eager operator), which halves the speed.
    Absent values (null) keep what is stored, as ``merge_props`` does.
    """
    names, union_names = sorted(names), sorted(union_names)
    for name in (*names, *union_names):
        if not _PROPERTY_NAME.match(name):
            raise ValueError(f"property name {name!r} is not allowed")
    on_create = [f"{var}.`{p}` = row.props.`{p}`" for p in names]
    on_create += [f"{var}.`{p}` = row.lists.`{p}`" for p in union_names]
    on_match = [f"{var}.`{p}` = coalesce(row.props.`{p}`, {var}.`{p}`)" for p in names]
    if union_names:
        on_match.append(_union_cypher(var, union_names, var, "row.lists"))
    if not on_create:
        return ""
    return f"ON CREATE SET {', '.join(on_create)} ON MATCH SET {', '.join(on_match)}"


def _split_props(props: Mapping[str, Any], union: frozenset[str]) -> tuple[dict[str, Any], dict[str, list]]:
    plain = {k: v for k, v in props.items() if k not in union}
    lists = {k: list(v) for k, v in props.items() if k in union}
    return plain, lists


def schema_statements() -> list[str]:
    """Constraints and indexes, each idempotent (IF NOT EXISTS)."""
    statements = [
        f"CREATE CONSTRAINT {label.lower()}_key IF NOT EXISTS FOR (n:{label}) REQUIRE n.key IS UNIQUE" for label in SCHEMA.labels
    ]
    statements.append(f"CREATE CONSTRAINT kgmeta_key IF NOT EXISTS FOR (n:{META_LABEL}) REQUIRE n.key IS UNIQUE")
    statements.append("CREATE INDEX paper_norm_title IF NOT EXISTS FOR (n:Paper) ON (n.norm_title)")
    statements.append("CREATE INDEX paper_arxiv_id IF NOT EXISTS FOR (n:Paper) ON (n.arxiv_id)")
    for label in ENTITY_NODE_LABELS:
        statements.append(f"CREATE INDEX {label.lower()}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)")
        statements.append(f"CREATE INDEX {label.lower()}_family IF NOT EXISTS FOR (n:{label}) ON (n.family)")
    statements.append("CREATE INDEX repo_url IF NOT EXISTS FOR (n:Repo) ON (n.url)")
    statements.append("CREATE INDEX paper_month IF NOT EXISTS FOR (n:Paper) ON (n.month)")
    statements.append("CREATE INDEX author_name IF NOT EXISTS FOR (n:Author) ON (n.name)")
    statements.append("CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract]")
    statements.append("CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Model|Dataset|Method) ON EACH [n.name, n.aliases]")
    return statements


class Neo4jStore:
    """A graph in a Neo4j 5 database reached over Bolt.

    Args:
        uri: Bolt URI, e.g. ``bolt://localhost:7687``.
        user, password: credentials (``password=None`` for a server without auth).
        database: database name, or None for the server's default.
        batch_size: rows per write transaction.
        check_schema: refuse a graph of another schema version (off only to wipe one).
    """

    rolls_back = False  # each chunk of a build is written in its own transactions

    def __init__(
        self,
        uri: str,
        *,
        user: str = "neo4j",
        password: str | None = None,
        database: str | None = None,
        batch_size: int = BATCH_SIZE,
        check_schema: bool = True,
    ) -> None:
        import neo4j
        from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

        self.uri = uri
        self.description = f"Neo4j {uri}"
        self.database = database
        self.batch_size = batch_size
        self._neo4j = neo4j
        try:
            auth = (user, password) if password else None
            # Retries of transient failures are bounded so that a stopped server is reported soon.
            self.driver = neo4j.GraphDatabase.driver(
                uri, auth=auth, connection_timeout=10, max_transaction_retry_time=10, notifications_min_severity="OFF"
            )
            self.driver.verify_connectivity()
        except AuthError:
            raise StoreError(
                f"Neo4j at {uri} refused the credentials of user {user!r}: "
                "set KG_NEO4J_USER and KG_NEO4J_PASSWORD to the server's"
            ) from None
        except (ServiceUnavailable, OSError) as exc:
            raise StoreError(
                f"Neo4j is not reachable at {uri} ({type(exc).__name__}): "
                "start it with `docker compose up -d` or drop --neo4j to use the embedded store"
            ) from None
        except (ConfigurationError, ValueError) as exc:
            raise StoreError(f"cannot use Neo4j URI {uri!r}: {exc}") from None
        except Neo4jError as exc:
            raise StoreError(f"Neo4j at {uri} answered with an error: {exc.message}") from None
        self._schema_ready = False
        if check_schema:
            self._check_schema_version()

    # -- plumbing ------------------------------------------------------------------------------

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.driver.close()

    def _session(self, write: bool = False):
        mode = self._neo4j.WRITE_ACCESS if write else self._neo4j.READ_ACCESS
        return self.driver.session(database=self.database, default_access_mode=mode)

    def _guard(self, action: Callable[[], T]) -> T:
        """Run ``action``, turning lost connections into one-line StoreErrors."""
        from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

        try:
            return action()
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise StoreError(
                f"lost the connection to Neo4j at {self.uri} ({type(exc).__name__}): start it again and re-run "
                "the command; writes are idempotent, so a re-run load ends with the same graph"
            ) from None
        except Neo4jError as exc:
            if (exc.code or "").startswith("Neo.ClientError.Statement"):
                raise QueryError(f"Neo4j rejected the query: {exc.message}") from None
            raise StoreError(f"Neo4j at {self.uri} refused the request: {exc.code}: {exc.message}") from None

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        def work() -> list[dict[str, Any]]:
            with self._session() as session:
                return session.execute_read(lambda tx: [r.data() for r in tx.run(query, params)])

        return self._guard(work)

    def _write(self, query: str, **params: Any) -> list[dict[str, Any]]:
        def work() -> list[dict[str, Any]]:
            with self._session(write=True) as session:
                return session.execute_write(lambda tx: [r.data() for r in tx.run(query, params)])

        return self._guard(work)

    # -- schema --------------------------------------------------------------------------------

    def _check_schema_version(self) -> None:
        rows = self._read(f"MATCH (m:{META_LABEL} {{key: 'schema'}}) RETURN m.version AS version")
        if rows and rows[0]["version"] != SCHEMA_VERSION:
            raise StoreError(
                f"the graph in Neo4j at {self.uri} has schema version {rows[0]['version']}, this kg writes "
                f"version {SCHEMA_VERSION}: clear the database (MATCH (n) DETACH DELETE n) and build again"
            )

    def ensure_schema(self) -> None:
        """Constraints, indexes and the schema version, before the first write."""
        if self._schema_ready:
            return

        def work() -> None:
            with self._session(write=True) as session:
                for statement in schema_statements():
                    session.run(statement).consume()  # auto-commit: schema and data never mix
                session.run("CALL db.awaitIndexes(300)").consume()

        self._guard(work)
        self._write(f"MERGE (m:{META_LABEL} {{key: 'schema'}}) SET m.version = $version", version=SCHEMA_VERSION)
        self._schema_ready = True

    # -- reads ---------------------------------------------------------------------------------

    def nodes(self, label: str, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        query = (
            f"UNWIND $keys AS k MATCH (n:{_name(label, SCHEMA.labels)} {{key: k}}) RETURN n.key AS key, properties(n) AS props"
        )
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(keys), 10_000):
            for row in self._read(query, keys=list(chunk)):
                found[row["key"]] = {k: v for k, v in row["props"].items() if k != "key"}
        return found

    def node_keys(self, label: str, keys: Iterable[str]) -> set[str]:
        query = f"UNWIND $keys AS k MATCH (n:{_name(label, SCHEMA.labels)} {{key: k}}) RETURN n.key AS key"
        found: set[str] = set()
        for chunk in _chunks(list(keys), 10_000):
            found.update(row["key"] for row in self._read(query, keys=list(chunk)))
        return found

    def paper_keys_by_norm_title(self, norm_titles: Iterable[str], *, title_keyed: bool = False) -> dict[str, list[str]]:
        query = (
            "UNWIND $titles AS t MATCH (p:Paper {norm_title: t}) WHERE p.key STARTS WITH $prefix "
            "WITH t, p.key AS key ORDER BY key RETURN t, collect(key) AS keys"
        )
        prefix = TITLE_KEY_PREFIX if title_keyed else ""
        found: dict[str, list[str]] = {}
        for chunk in _chunks(sorted(set(norm_titles)), 10_000):
            for row in self._read(query, titles=list(chunk), prefix=prefix):
                found[row["t"]] = row["keys"]
        return found

    def counts(self) -> GraphCounts:
        labels = {}
        for label in sorted(SCHEMA.labels):
            n = self._read(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]
            if n:
                labels[label] = n
        rels = {}
        for rel_type in sorted(SCHEMA.rel_types):
            n = self._read(f"MATCH ()-[r:{rel_type}]->() RETURN count(r) AS n")[0]["n"]
            if n:
                rels[rel_type] = n
        return GraphCounts(labels, rels)

    def dump(self) -> GraphDump:
        """Every node and relationship with its properties (for parity checks and export)."""
        nodes = {
            row["key"]: (row["label"], {k: v for k, v in row["props"].items() if k != "key"})
            for row in self._read(
                f"MATCH (n) WHERE NOT n:{META_LABEL} RETURN labels(n)[0] AS label, n.key AS key, properties(n) AS props"
            )
        }
        edges = {
            (row["type"], row["source"], row["target"]): row["props"]
            for row in self._read(
                "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS source, b.key AS target, properties(r) AS props"
            )
        }
        return GraphDump(nodes, edges)

    def iter_nodes(self, label: str) -> Iterator[tuple[str, dict[str, Any]]]:
        query = f"MATCH (n:{_name(label, SCHEMA.labels)}) RETURN n.key AS key, properties(n) AS props ORDER BY key"
        for row in self._stream(query):
            yield row["key"], {k: v for k, v in row["props"].items() if k != "key"}

    def iter_edges(self, rel_type: str) -> Iterator[EdgeRow]:
        query = (
            f"MATCH (a)-[r:{_name(rel_type, SCHEMA.rel_types)}]->(b) "
            "RETURN a.key AS source, b.key AS target, properties(r) AS props"
        )
        for row in self._stream(query):
            yield rel_type, row["source"], row["target"], row["props"]

    def _stream(self, query: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Rows of a read query as the server sends them (the driver fetches in batches), so a
        whole label never sits in memory at once."""
        from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

        try:
            with self._session() as session:
                for record in session.run(query, params):
                    yield record.data()
        except (ServiceUnavailable, SessionExpired, OSError, Neo4jError) as exc:
            failure = exc

            def reraise() -> None:
                raise failure

            self._guard(reraise)  # turns it into the same one-line StoreError as every other read
            raise

    def query_type(self, query: str, params: Mapping[str, Any] | None = None) -> str:
        """What a query does, from its plan (EXPLAIN runs nothing): r, rw, w or s (schema)."""

        def work() -> str:
            with self._session() as session:
                return session.run("EXPLAIN " + query, dict(params or {})).consume().query_type

        return self._guard(work)

    def run_cypher(self, query: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> list[dict]:
        """Rows of a Cypher query; read-only unless ``write``."""
        run = self._write if write else self._read
        return run(query, **dict(params or {}))

    # -- writes --------------------------------------------------------------------------------

    def upsert(self, batch: GraphBatch) -> None:
        self.ensure_schema()
        SCHEMA.check_batch(batch.nodes, batch.edges)
        by_label: dict[str, list[Node]] = defaultdict(list)
        for node in batch.nodes:
            by_label[node.label].append(node)
        for label, nodes in by_label.items():
            self._upsert_nodes(label, nodes)
        by_route: dict[tuple[str, str, str], list[Edge]] = defaultdict(list)
        for edge in batch.edges:
            by_route[(SCHEMA.label_of(edge.source), edge.type, SCHEMA.label_of(edge.target))].append(edge)
        for route, edges in by_route.items():
            self._upsert_edges(route, edges)

    def _upsert_nodes(self, label: str, nodes: list[Node]) -> None:
        for chunk in _chunks(nodes, self.batch_size):
            rows, names, union_names = self._rows(chunk, lambda n: {"key": n.key})
            query = f"UNWIND $rows AS row MERGE (n:{_name(label, SCHEMA.labels)} {{key: row.key}}) " + _merge_sets(
                "n", names, union_names
            )
            self._write(query, rows=rows)

    def _upsert_edges(self, route: tuple[str, str, str], edges: list[Edge]) -> None:
        source_label, rel_type, target_label = route
        for chunk in _chunks(edges, self.batch_size):
            rows, names, union_names = self._rows(chunk, lambda e: {"source": e.source, "target": e.target})
            query = (
                f"UNWIND $rows AS row "
                f"MATCH (a:{_name(source_label, SCHEMA.labels)} {{key: row.source}}) "
                f"MATCH (b:{_name(target_label, SCHEMA.labels)} {{key: row.target}}) "
                f"MERGE (a)-[r:{_name(rel_type, SCHEMA.rel_types)}]->(b) "
                + _merge_sets("r", names, union_names)
                + " RETURN count(r) AS written"
            )
            written = self._write(query, rows=rows)[0]["written"]
            if written != len(rows):
                raise StoreError(f"{len(rows) - written} {rel_type} relationship(s) point at nodes missing from Neo4j")

    @staticmethod
    def _rows(items: Sequence[Node | Edge], ident: Callable[[Any], dict[str, Any]]) -> tuple[list[dict], set[str], set[str]]:
        """Parameter rows for a chunk, and the plain and list property names they carry."""
        rows, names, union_names = [], set(), set()
        for item in items:
            plain, lists = _split_props(item.props, SCHEMA.union_props)
            names.update(plain)
            union_names.update(lists)
            rows.append({**ident(item), "props": plain, "lists": lists})
        return rows, names, union_names

    def merge_nodes(self, renames: Mapping[str, str]) -> None:
        if not renames:
            return
        self.ensure_schema()
        for old, new in renames.items():
            if old == new:
                continue
            label = _name(SCHEMA.label_of(old), SCHEMA.labels)
            self._write(
                f"MATCH (o:{label} {{key: $old}}) MERGE (n:{label} {{key: $new}}) "
                "WITH o, n, properties(n) AS kept "
                "SET n += o {.*, key: $new} SET n += kept "
                f"SET {_union_cypher('n', SCHEMA.union_props, 'o', 'kept')}",
                old=old,
                new=new,
            )
            for rel_type in SCHEMA.rel_types:
                rel = _name(rel_type, SCHEMA.rel_types)
                moved = (
                    "WITH r, r2, properties(r2) AS before SET r2 += properties(r) "
                    f"SET {_union_cypher('r2', SCHEMA.union_props, 'before', 'r')} DELETE r"
                )
                self._write(
                    f"MATCH (o:{label} {{key: $old}})-[r:{rel}]->(x) WHERE x <> o "
                    f"MATCH (n:{label} {{key: $new}}) MERGE (n)-[r2:{rel}]->(x) {moved}",
                    old=old,
                    new=new,
                )
                self._write(
                    f"MATCH (x)-[r:{rel}]->(o:{label} {{key: $old}}) WHERE x <> o "
                    f"MATCH (n:{label} {{key: $new}}) MERGE (x)-[r2:{rel}]->(n) {moved}",
                    old=old,
                    new=new,
                )
            self._write(f"MATCH (o:{label} {{key: $old}}) DETACH DELETE o", old=old)

    def edges_of(self, types: Iterable[str], targets: Iterable[str] | None = None, *,
                 fields: Sequence[str] | None = None) -> list[EdgeRow]:
        pattern = "|".join(_name(t, SCHEMA.rel_types) for t in types)
        # With fields, the names go in as a parameter and are read with r[name].
        props = "properties(r)" if fields is None else "[name IN $fields | [name, r[name]]]"
        returned = f"RETURN type(r) AS type, a.key AS source, b.key AS target, {props} AS props"
        if targets is None:
            rows = self._read(f"MATCH (a)-[r:{pattern}]->(b) {returned}", fields=list(fields or ()))
        else:
            # Each key through its label's index: a label-less key match would scan every node.
            anchors = " UNION ".join(f"MATCH (b:{label} {{key: k}}) RETURN b" for label in SCHEMA.labels)
            query = f"UNWIND $keys AS k CALL (k) {{ {anchors} }} MATCH (a)-[r:{pattern}]->(b) {returned}"
            rows = [row for chunk in _chunks(sorted(set(targets)), 10_000)
                    for row in self._read(query, keys=list(chunk), fields=list(fields or ()))]
        if fields is not None:
            return [(row["type"], row["source"], row["target"], {k: v for k, v in row["props"] if v is not None}) for row in rows]
        return [(row["type"], row["source"], row["target"], row["props"]) for row in rows]

    def paper_texts(self, keys: Iterable[str] | None = None) -> list[tuple[str, str, str, str | None]]:
        returned = "RETURN p.key AS key, p.title AS title, coalesce(p.abstract, '') AS abstract, p.published AS published"
        if keys is None:
            rows = self._read(f"MATCH (p:Paper) WHERE coalesce(p.stub, false) = false {returned}")
        else:
            query = f"UNWIND $keys AS k MATCH (p:Paper {{key: k}}) WHERE coalesce(p.stub, false) = false {returned}"
            rows = [row for chunk in _chunks(sorted(set(keys)), 10_000) for row in self._read(query, keys=list(chunk))]
        return [(r["key"], r["title"] or "", r["abstract"], r["published"]) for r in rows]

    def paper_texts_after(self, key: str | None, limit: int) -> list[tuple[str, str, str, str | None]]:
        rows = self._read(
            "MATCH (p:Paper) WHERE p.key > $after AND coalesce(p.stub, false) = false "
            "RETURN p.key AS key, p.title AS title, coalesce(p.abstract, '') AS abstract, p.published AS published "
            "ORDER BY p.key LIMIT $limit",
            after=key or "", limit=limit,
        )
        return [(r["key"], r["title"] or "", r["abstract"], r["published"]) for r in rows]

    def papers_with_names(self, names: Iterable[str]) -> set[str]:
        # The full-text index: each name becomes a quoted phrase (Lucene's analyser splits
        # "GPT-4o" into "gpt" and "4o" on both sides), every special character escaped.
        phrases = sorted({_lucene_phrase(n) for n in names if n and any(ch.isalnum() for ch in n)})
        found: set[str] = set()
        query = "CALL db.index.fulltext.queryNodes('paper_text', $text) YIELD node RETURN node.key AS key"
        for chunk in _chunks(phrases, 500):  # Lucene's clause limit is 1,024
            found.update(row["key"] for row in self._read(query, text=" OR ".join(chunk)))
        return found

    def inferred_citations_from(self, citing: Iterable[str]) -> list[EdgeRow]:
        query = (
            "UNWIND $keys AS k MATCH (a:Paper {key: k})-[r:CITES]->(b:Paper) WHERE r.inferred "
            "RETURN type(r) AS type, a.key AS source, b.key AS target, properties(r) AS props"
        )
        rows = [row for chunk in _chunks(sorted(set(citing)), 10_000) for row in self._read(query, keys=list(chunk))]
        return [(row["type"], row["source"], row["target"], row["props"]) for row in rows]

    def inferred_citations_without_text(self) -> list[EdgeRow]:
        query = (
            "MATCH (a)-[r:CITES]->(b) WHERE r.inferred AND NOT (a:Paper AND coalesce(a.stub, false) = false) "
            "RETURN type(r) AS type, a.key AS source, b.key AS target, properties(r) AS props"
        )
        return [(row["type"], row["source"], row["target"], row["props"]) for row in self._read(query)]

    def count_papers(self) -> int:
        return self._read("MATCH (p:Paper) RETURN count(p) AS n")[0]["n"]

    def count_inferred_citations(self) -> int:
        return self._read("MATCH (:Paper)-[r:CITES]->(:Paper) WHERE r.inferred RETURN count(r) AS n")[0]["n"]

    def remove_inferred_citations(self, pairs: Iterable[tuple[str, str]]) -> None:
        match = "UNWIND $pairs AS pair MATCH (:Paper {key: pair[0]})-[r:CITES]->(:Paper {key: pair[1]}) WHERE r.inferred "
        strip = ", ".join(f"r.{name}" for name in INFERRED_CITATION_PROPS)
        for chunk in _chunks([list(pair) for pair in pairs], self.batch_size):
            self._write(match + "AND r.source IS NULL DELETE r", pairs=chunk)
            self._write(match + f"AND r.source IS NOT NULL REMOVE {strip}", pairs=chunk)

    def clear_extracted(self, paper_keys: Iterable[str]) -> None:
        self.ensure_schema()
        types = "|".join(EXTRACTED_REL_TYPES)
        orphan_labels = " OR ".join(f"x:{label}" for label in (*ENTITY_NODE_LABELS, "Repo"))
        query = (
            f"UNWIND $keys AS k MATCH (:Paper {{key: k}})-[r:{types}]->(x) "
            "WHERE r.source IS NULL OR r.source <> $kept_source "
            "WITH collect(r) AS rels, collect(DISTINCT x) AS targets "
            "FOREACH (r IN rels | DELETE r) "
            f"WITH targets UNWIND targets AS x WITH x WHERE ({orphan_labels}) AND NOT (x)--() DELETE x"
        )
        extracted_nodes = " OR ".join(f"x:{label}" for label in EXTRACTED_NODE_LABELS)
        # A paper's results go first, with their links; entities they alone held are orphans then.
        results = (
            f"UNWIND $keys AS k MATCH (:Paper {{key: k}})-[:REPORTS]->(x) WHERE {extracted_nodes} "
            "OPTIONAL MATCH (x)-->(e) WITH collect(DISTINCT x) AS found, collect(DISTINCT e) AS linked "
            "FOREACH (x IN found | DETACH DELETE x) "
            f"WITH linked UNWIND linked AS x WITH x WHERE ({orphan_labels}) AND NOT (x)--() DELETE x"
        )
        for chunk in _chunks(list(paper_keys), self.batch_size):
            self._write(results, keys=list(chunk))
            self._write(query, keys=list(chunk), kept_source=METADATA_SOURCE)

    def commit(self) -> None:
        """Nothing to do: every batch was committed as it was written."""

    def delete_all(self) -> None:
        """Empty the database (tests and `kg build --rebuild`), in batches to bound memory."""
        self._schema_ready = False
        while self._write("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(n) AS deleted")[0]["deleted"]:
            pass
