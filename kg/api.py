"""The Python API: the questions the ``kg`` command answers, asked from a notebook or a script.

``KnowledgeGraph`` is to paperkg what sqlite-utils' ``Database`` is to its CLI: open a store, call
a method, get plain records back (dicts of str, numbers and lists; a few dataclasses where the
answer has parts). The CLI is a thin layer over these methods. For example::

    from paperkg import KnowledgeGraph

    kg = KnowledgeGraph(".kg")                           # the embedded store `kg build` writes
    kg.build()                                           # the bundled sample corpus
    kg.papers_by_entity("AIME 2024", role="evaluates_on")[0]["title"]   # 'AM-Thinking-v1: ...'
    kg.related("RoBERTa: A Robustly").paper["key"]       # the paper the reference named
    kg.view(entity="MMLU")                               # drawn inline in Jupyter

Each call opens the store, answers and closes it again, so a notebook always sees the latest
build (``kg build`` in a terminal included) and holds no file lock or Neo4j session between cells.
Everything goes through the store protocol and the query catalog, so both stores give the same
records. Unknown or ambiguous names raise ``paperkg.errors.QueryError`` naming the candidates.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paperkg.store import StoreConfig

if TYPE_CHECKING:
    from paperkg.build import BuildProgress, BuildSummary, Extractor
    from paperkg.results import Leaderboard
    from paperkg.store.base import GraphStore
    from paperkg.trends import Trends
    from paperkg.views import GraphView

Row = dict[str, Any]


class PaperRows(list):
    """Rows about one paper (``related``, ``cites``, ``cited_by``, ``results``): a plain list of
    dicts, with ``paper`` the paper the reference named (``paper_details``' fields: key, title,
    arxiv_id, ids, published, authors, sources, abstract, repos, entities)."""

    def __init__(self, paper: Row, rows: Iterable[Row]) -> None:
        super().__init__(rows)
        self.paper = paper


class GraphPage(str):
    """A drawn view: the whole self-contained HTML page (it *is* that string), shown inline by
    Jupyter (``_repr_html_``: the page in a sandboxed iframe, so its scripts and styles stay apart
    from the notebook's) and counted (``nodes``, ``edges`` drawn; ``total_nodes`` in the answer)."""

    nodes: int
    edges: int
    total_nodes: int
    heading: str
    height: int

    def __new__(cls, page: str, *, nodes: int, edges: int, total_nodes: int, heading: str, height: int = 650) -> GraphPage:
        made = super().__new__(cls, page)
        made.nodes, made.edges, made.total_nodes, made.heading, made.height = nodes, edges, total_nodes, heading, height
        return made

    def _repr_html_(self) -> str:
        # srcdoc keeps the page's own Content-Security-Policy; the sandbox lets its scripts run
        # without reaching the notebook, and its links open in a new tab. (html is imported here:
        # only a notebook shows a page, and every command imports this module.)
        import html

        return (
            f'<iframe title="{html.escape(self.heading)}" srcdoc="{html.escape(str(self))}" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd;"></iframe>'
        )

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` (the same file `kg viz -o` writes) and return the path.

        Written complete or not at all, never through a link or into a device (paperkg.safe_files).
        """
        from paperkg.safe_files import write_text

        target = Path(path)
        write_text(target, str(self))
        return target


class KnowledgeGraph:
    """A paperkg graph in the embedded store (a folder, ``.kg`` by default) or in Neo4j.

    Args:
        db: the embedded store's folder (or its ``.sqlite`` file), as ``kg --db`` takes it.

    Use ``KnowledgeGraph.neo4j(uri, ...)`` for Neo4j. Methods return lists of dicts whose keys are
    the columns ``kg ... --json`` prints.
    """

    def __init__(self, db: str | os.PathLike[str] = ".kg", *, config: StoreConfig | None = None) -> None:
        self.config = config or StoreConfig(db=Path(db))
        # How the store names itself ("embedded graph .kg/...", "Neo4j bolt://..."), as of the
        # last time it was opened.
        self.description = f"Neo4j {self.config.neo4j_uri}" if self.config.uses_neo4j else f"embedded store {self.config.db}"

    @classmethod
    def neo4j(
        cls,
        uri: str,
        *,
        user: str = "neo4j",
        password: str | None = None,
        database: str | None = None,
        batch_size: int = 10_000,
    ) -> KnowledgeGraph:
        """The graph in Neo4j at ``uri`` (``bolt://localhost:7687``); the password defaults to
        ``KG_NEO4J_PASSWORD`` from the environment, so it need not be written in a notebook."""
        if password is None:
            password = os.environ.get("KG_NEO4J_PASSWORD") or None
        return cls(config=StoreConfig(neo4j_uri=uri, neo4j_user=user, neo4j_password=password, neo4j_database=database,
                                      neo4j_batch_size=batch_size))

    def __repr__(self) -> str:
        where = self.config.neo4j_uri if self.config.uses_neo4j else str(self.config.db)
        return f"KnowledgeGraph({where!r})"

    @contextmanager
    def store(self, *, for_writing: bool = False) -> Iterator[GraphStore]:
        """The store, opened for one piece of work and closed after it."""
        from paperkg.store import open_store

        with open_store(self.config, for_writing=for_writing) as opened:
            self.description = opened.description
            yield opened

    # -----------------------------------------------------------------------------------------
    # Writing
    # -----------------------------------------------------------------------------------------

    def build(
        self,
        paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str] = (),
        *,
        format: str | None = None,  # the name `kg build --format` uses
        strict: bool = False,
        extractor: Extractor | None = None,
        categories: Iterable[str] = (),
        jobs: int | None = 1,
        chunk_size: int | None = None,
        progress: BuildProgress | None = None,
    ) -> BuildSummary:
        """Read files and folders (the bundled sample corpus when none), extract, write the graph.

        Records are read lazily and written a chunk at a time (memory stays bounded); the graph is
        committed once, at the end.

        Args:
            paths: files or folders of paper listings (``.gz`` too); format detected per file.
            format: force one format (``hf-text``, ``hf-api``, ``arxiv-atom``, ``arxiv-snapshot``,
                ``openalex``, ``jsonl``).
            strict: fail, writing nothing, if any record would be skipped.
            extractor: papers -> extractions in this process (default: the spaCy pipeline); with
                ``jobs`` > 1 the workers run the spaCy pipeline.
            categories: keep only papers in one of these arXiv categories (``cs.LG``, ``cs.*``).
            jobs: extraction processes (None: one per core, or this process for a small input).
            chunk_size: papers read, extracted and written together (default 5,000).
            progress: called as papers are extracted: ``(papers, bytes_read, bytes_total)``.

        Returns:
            The summary `kg build` prints: ``read``, ``distinct``, ``new``, ``updated``,
            ``unchanged``, ``skipped`` (records and why), ``filtered``, ``citations``, ``counts``.
        """
        from paperkg.build import DEFAULT_CHUNK_SIZE
        from paperkg.build import build as run_build
        from paperkg.sources import open_bundled_samples, open_sources

        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        read = (
            open_sources([Path(p) for p in paths], fmt=format, categories=categories)
            if paths
            else open_bundled_samples(categories=categories)
        )
        with self.store(for_writing=True) as store:
            return run_build(
                store,
                read,
                strict=strict,
                extractor=extractor,
                jobs=jobs,
                chunk_size=chunk_size or DEFAULT_CHUNK_SIZE,
                progress=progress,
            )

    # -----------------------------------------------------------------------------------------
    # Questions
    # -----------------------------------------------------------------------------------------

    def stats(self) -> list[Row]:
        """Rows of ``what``, ``name``, ``count``: papers, entities by type, authors, repos by kind,
        relationships by type, papers per source file."""
        from paperkg.stats import graph_stats

        with self.store() as store:
            return graph_stats(store)

    def paper(self, reference: str) -> Row:
        """One paper by key, arXiv id, a source's own id (JSON Lines ``id``, DOI, OpenReview id),
        title or a unique part of it: key, title, arxiv_id, ids, published, authors, sources,
        abstract, repos, entities (key, name, type, role)."""
        from paperkg.lookup import resolve_paper

        with self.store() as store:
            return resolve_paper(store, reference)

    def papers(self, *words: str, limit: int = 1000) -> list[Row]:
        """Papers whose title holds every word (all papers without words), by title: key, title,
        arxiv_id, published, sources, repos."""
        return self.query("papers_by_title", words=list(words), limit=limit)

    def papers_by_entity(
        self,
        name: str,
        *,
        type: str | None = None,  # model, dataset or method
        role: str | Sequence[str] = (),
        family: bool = False,
        limit: int = 1000,
    ) -> list[Row]:
        """Papers linked to an entity (name, alias or key; ``type`` narrows it to model, dataset or
        method), with ``family`` its variants too, optionally only in ``role`` (one or several of
        introduces, uses, evaluates_on, compares, mentions). Rows: paper (key), title, entity
        (key), name, role, evidence (the sentence), confidence."""
        from paperkg.answers import papers_for_entity

        roles = [role] if isinstance(role, str) else list(role)
        with self.store() as store:
            return papers_for_entity(store, name, entity_type=type, roles=roles, family=family, limit=limit)

    def papers_by_repo(self, url: str) -> list[Row]:
        """Papers that link to a repository or page (scheme, ``www.`` and ``.git`` do not matter)."""
        from paperkg.answers import papers_for_repo

        with self.store() as store:
            return papers_for_repo(store, url)

    def papers_by_author(self, name: str, *, limit: int = 1000) -> list[Row]:
        """Papers by authors whose name holds every word of ``name``."""
        from paperkg.answers import papers_for_author

        with self.store() as store:
            return papers_for_author(store, name, limit=limit)

    def entity(self, name: str, *, type: str | None = None, limit: int = 10) -> Row:
        """What `kg entity` reports: key, name, type, aliases, papers, roles (papers per role),
        introduced_by, family_key, variants and the ``limit`` entities it appears_with most."""
        from paperkg.answers import entity_report

        with self.store() as store:
            return entity_report(store, name, type, limit=limit)

    def related(self, paper: str, *, limit: int = 20) -> PaperRows:
        """Papers sharing models, datasets, methods, repos and citations with ``paper``, best first:
        key, title, score, shared (what they share)."""
        from paperkg.answers import related_papers

        with self.store() as store:
            return PaperRows(*related_papers(store, paper, limit=limit))

    def cites(self, paper: str, *, limit: int = 100) -> PaperRows:
        """Papers ``paper`` cites: key, title, stub, source (explicit: s2, openalex), inferred, via
        (the entity an inferred citation goes through), evidence, confidence, how."""
        return self._citations(paper, "cites", limit)

    def cited_by(self, paper: str, *, limit: int = 100) -> PaperRows:
        """Papers that cite ``paper`` (the same fields as ``cites``)."""
        return self._citations(paper, "cited_by", limit)

    def _citations(self, paper: str, direction: str, limit: int) -> PaperRows:
        from paperkg.answers import citations

        with self.store() as store:
            return PaperRows(*citations(store, paper, direction=direction, limit=limit))

    def search(self, text: str, *, limit: int = 20) -> list[Row]:
        """Full-text search of titles and abstracts, best first: key, title, score."""
        from paperkg.answers import search_papers

        with self.store() as store:
            return search_papers(store, text, limit=limit)

    def top(self, type: str, *, by: str = "papers", limit: int = 20) -> list[Row]:
        """The most linked models, datasets or methods (``by`` papers or pagerank), or with
        ``type="paper"`` the most cited papers (citations or pagerank)."""
        from paperkg.answers import top_entities

        with self.store() as store:
            return top_entities(store, type, limit=limit, by=by)

    def path(self, source: str, target: str, *, citations: bool = False) -> list[Row]:
        """Every hop (hop, from, relationship, to) of the shortest path between two papers or
        entities; with ``citations`` the shortest chain of papers each citing the next."""
        from paperkg.answers import citation_path, shortest_path

        with self.store() as store:
            return citation_path(store, source, target) if citations else shortest_path(store, source, target)

    def communities(self) -> list[Row]:
        """Groups of papers that share models, datasets and methods (Louvain), with what they share."""
        from paperkg.analytics import paper_communities

        with self.store() as store:
            return paper_communities(store)

    def results(self, paper: str) -> PaperRows:
        """The results ``paper`` reports: subject, own, dataset, metric, value, unit, setting, evidence."""
        from paperkg.results import paper_results

        with self.store() as store:
            return PaperRows(*paper_results(store, paper))

    def leaderboard(self, dataset: str, *, metric: str | None = None, family: bool = False, limit: int = 50) -> Leaderboard:
        """The best reported value per subject on ``dataset`` (``rows``: rank, subject, own, dataset,
        metric, better, value, unit, setting, paper, title, month, evidence), ``datasets`` the
        datasets it covers."""
        from paperkg.results import leaderboard

        with self.store() as store:
            return leaderboard(store, dataset, metric=metric, family=family, limit=limit)

    def trends(self, *names: str, since: str = "") -> Trends:
        """Papers per month mentioning each entity (``series``; ``months``, ``undated``)."""
        from paperkg.trends import entity_trends

        with self.store() as store:
            return entity_trends(store, list(names), since=since)

    def rising(self, type: str, *, since: str = "", limit: int = 20, min_papers: int = 5) -> Trends:
        """The entities of a type whose share of papers grows fastest (as `kg trends --rising`)."""
        from paperkg.trends import rising

        with self.store() as store:
            return rising(store, type, since=since, limit=limit, min_papers=min_papers)

    def queries(self) -> list[Row]:
        """The named query catalog: name, parameters (name:type, ...), answers (what it answers)."""
        from paperkg.catalog import load_catalog

        return [
            {"name": q.name, "parameters": ", ".join(f"{p.name}:{p.type}" for p in q.params), "answers": q.description}
            for q in load_catalog().values()
        ]

    def query(self, name: str, params: dict[str, Any] | None = None, /, **values: Any) -> list[Row]:
        """Rows of the catalog query ``name`` (see ``queries()``), with its parameters as a dict
        and/or keywords: ``kg.query("top_entities", type="model", limit=5)``. Values may be typed
        or text as on the command line ("5", "a,b,c")."""
        from paperkg.catalog import run_query

        with self.store() as store:
            return run_query(store, name, {**(params or {}), **values})

    def cypher(self, text: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[Row]:
        """Rows of raw Cypher on Neo4j (parameters as values, never formatted into the text); a
        query that would write is refused before it runs unless ``write``."""
        from paperkg.answers import raw_cypher
        from paperkg.errors import QueryError

        if not self.config.uses_neo4j:
            raise QueryError("raw Cypher needs Neo4j (KnowledgeGraph.neo4j(uri)); the embedded store answers the named queries")
        with self.store() as store:
            return raw_cypher(store, text, dict(params or {}), write=write)

    # -----------------------------------------------------------------------------------------
    # Drawing
    # -----------------------------------------------------------------------------------------

    def graph_view(
        self,
        *,
        paper: str | None = None,
        entity: str | None = None,
        query: str | None = None,
        params: dict[str, Any] | None = None,
        whole: bool = False,
        neighbourhood: bool = False,
        with_entities: bool = False,
        with_authors: bool = False,
        min_shared: int = 2,
        depth: int = 1,
        types: Sequence[str] = (),
        roles: Sequence[str] = (),
        min_degree: int = 0,
        limit: int | None = None,
    ) -> GraphView:
        """The subgraph `kg viz` draws, as data (``nodes``, ``edges``, ``heading``, ...): the
        overview by default; ``paper`` among its most related papers (or its ``neighbourhood``);
        ``entity``'s papers by role (or its neighbourhood); the nodes a catalog ``query`` names;
        or the best linked nodes of the ``whole`` graph. Options as `kg viz` takes them."""
        from paperkg import views

        chosen = [name for name, value in (("paper", paper), ("entity", entity), ("query", query), ("whole", whole)) if value]
        if len(chosen) > 1:
            raise ValueError(f"give one view at a time, not {' and '.join(chosen)}")
        with self.store() as store:
            if paper and neighbourhood:
                return views.paper_neighbourhood_view(store, paper, depth=depth, limit=limit or 300)
            if paper:
                return views.related_view(store, paper, limit=limit or 40, with_entities=with_entities)
            if entity and neighbourhood:
                return views.entity_neighbourhood_view(store, entity, depth=depth, limit=limit or 300)
            if entity:
                return views.entity_view(store, entity, per_role=limit or 12)
            if query:
                return views.query_view(store, query, dict(params or {}), limit=limit or 300)
            if whole:
                return views.whole_graph_view(store, types=list(types), roles=list(roles), min_degree=min_degree,
                                              limit=limit or 300)
            return views.overview_view(store, types=list(types), with_authors=with_authors, limit=limit or 150,
                                       min_shared=min_shared)

    def view(self, *, height: int = 650, **options: Any) -> GraphPage:
        """The view ``graph_view(**options)`` describes, drawn as the page `kg viz` writes.

        The result is that page's HTML (a ``str``); in Jupyter it shows inline, interactive, as
        the cell's value. ``page.save("graph.html")`` writes it to a file::

            kg.view(paper="RoBERTa: A Robustly", with_entities=True)
            kg.view(entity="MMLU").save("mmlu.html")
        """
        from paperkg.render import render_page

        drawn = self.graph_view(**options)
        page = render_page(drawn)
        return GraphPage(page.html, nodes=page.nodes, edges=page.edges, total_nodes=drawn.total_nodes,
                         heading=drawn.heading, height=height)


__all__ = ["GraphPage", "KnowledgeGraph", "PaperRows"]
