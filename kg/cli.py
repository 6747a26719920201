"""The `kg` command line. Each command parses options, calls one library function, prints rows.

Heavy libraries (spaCy, neo4j, pyvis, networkx) are imported inside commands so that `kg --help`
answers at once.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from paperkg import __version__

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class KGGroup(click.Group):
    """Turns every failure into one line on stderr and a non-zero exit, no traceback; gives every
    command the shared value checks (paperkg.cli_safety)."""

    group_class = type  # subgroups (kg fetch ...) get the same treatment

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        from paperkg.cli_safety import harden

        super().add_command(harden(cmd), name)

    def invoke(self, ctx: click.Context) -> Any:
        from paperkg.cli_safety import run_guarded

        return run_guarded(ctx, lambda: super(KGGroup, self).invoke(ctx))


@click.group(cls=KGGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(version=__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """paperkg: a knowledge graph of machine-learning papers, queried offline.

    Build the graph from paper listings (the bundled sample corpus by default), then ask which
    papers use a dataset, build on a model or propose a method, and where their code is.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # The driver logs each dropped connection; the store reports what matters in one line.
    logging.getLogger("neo4j").setLevel(logging.DEBUG if verbose >= 2 else logging.CRITICAL)


# ---------------------------------------------------------------------------------------------
# Shared options
# ---------------------------------------------------------------------------------------------


def store_options(func: Callable) -> Callable:
    """--db / --neo4j and credentials, also read from KG_DB and KG_NEO4J_* variables."""

    @click.option(
        "--db",
        type=click.Path(path_type=str),
        default=".kg",
        envvar="KG_DB",
        show_default=True,
        help="Embedded store folder (or its .sqlite file). [env KG_DB]",
    )
    @click.option("--neo4j", "neo4j_uri", envvar="KG_NEO4J_URI", help="Use Neo4j at this Bolt URI. [env KG_NEO4J_URI]")
    @click.option("--neo4j-user", envvar="KG_NEO4J_USER", default="neo4j", show_default=True, help="[env KG_NEO4J_USER]")
    @click.option("--neo4j-database", envvar="KG_NEO4J_DATABASE", default=None, help="Database name (default: the server's).")
    @click.option(
        "--neo4j-batch-size",
        envvar="KG_NEO4J_BATCH_SIZE",
        type=click.IntRange(1, 100_000),
        default=10_000,
        show_default=True,
        help="Rows per Neo4j write transaction.",
    )
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        db: str,
        neo4j_uri: str | None,
        neo4j_user: str,
        neo4j_database: str | None,
        neo4j_batch_size: int,
        **kwargs: Any,
    ):
        from paperkg.store import StoreConfig

        config = StoreConfig(
            db=db,
            neo4j_uri=neo4j_uri,
            neo4j_user=neo4j_user,
            neo4j_password=_neo4j_password() if neo4j_uri else None,
            neo4j_database=neo4j_database,
            neo4j_batch_size=neo4j_batch_size,
        )
        return func(*args, store_config=config, **kwargs)

    return wrapper


def _neo4j_password() -> str | None:
    """The password from KG_NEO4J_PASSWORD, or a prompt on a terminal; never from a flag or a log."""
    import os

    password = os.environ.get("KG_NEO4J_PASSWORD")
    if password is None and sys.stdin.isatty():
        password = click.prompt("Neo4j password (empty for none)", hide_input=True, default="", show_default=False)
    return password or None


def _graph(store_config: Any):
    """The library's KnowledgeGraph over the store the options name: every read command asks it."""
    from paperkg.api import KnowledgeGraph

    return KnowledgeGraph(config=store_config)


def output_options(func: Callable) -> Callable:
    """--json / --csv: machine formats for pipes; a table otherwise."""

    @click.option("--json", "as_json", is_flag=True, help="Print JSON.")
    @click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
    @functools.wraps(func)
    def wrapper(*args: Any, as_json: bool, as_csv: bool, **kwargs: Any):
        from paperkg.present import CSV, JSON, TABLE

        if as_json and as_csv:
            raise click.UsageError("give --json or --csv, not both")
        return func(*args, fmt=JSON if as_json else CSV if as_csv else TABLE, **kwargs)

    return wrapper


# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    default=None,
    help="Force the input format (hf-text, hf-api, arxiv-atom, arxiv-snapshot, openalex, jsonl).",
)
@click.option("--strict", is_flag=True, help="Fail, writing nothing, if any record would be skipped.")
@click.option(
    "--category",
    "categories",
    multiple=True,
    help="Only papers in this arXiv category (cs.LG; cs.* or cs for all of cs); repeatable.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    envvar="KG_JOBS",
    help="Extraction processes (default: one per core, one for a small input; 1 = in this process). [env KG_JOBS]",
)
@click.option("--chunk-size", type=click.IntRange(min=1), default=None, hidden=True, help="Papers per chunk.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; the summary only.")
@store_options
def build(
    sources: tuple[Path, ...],
    fmt: str | None,
    strict: bool,
    categories: tuple[str, ...],
    jobs: int | None,
    chunk_size: int | None,
    quiet: bool,
    store_config: Any,
) -> None:
    """Read SOURCES (files or folders, .gz too; the bundled samples if none), extract, write the graph.

    Records are read, extracted and written in chunks, so memory stays bounded however big the
    input; the graph is committed once at the end.
    """
    from paperkg.build import DEFAULT_CHUNK_SIZE

    graph = _graph(store_config)
    with _build_progress(quiet) as progress:
        summary = graph.build(
            sources,
            format=fmt,
            strict=strict,
            categories=categories,
            jobs=jobs,
            chunk_size=chunk_size or DEFAULT_CHUNK_SIZE,
            progress=progress,
        )
    _print_build_summary(summary, graph.description)


@contextlib.contextmanager
def _build_progress(quiet: bool):
    """A progress bar on a terminal (papers, papers/s, share of the input read, ETA); None when
    piped or --quiet."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("building"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[papers]:,} papers, {task.fields[rate]} papers/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("build", total=None, papers=0, rate="-")
    started = time.monotonic()

    def show(papers: int, bytes_read: int, bytes_total: int) -> None:
        elapsed = max(time.monotonic() - started, 1e-6)
        bar.update(task, total=bytes_total or None, completed=bytes_read, papers=papers, rate=f"{papers / elapsed:,.0f}")

    with bar:
        yield show


def _print_build_summary(summary: Any, description: str) -> None:
    from paperkg.safe_text import for_terminal

    def echo(line: str) -> None:  # skip reasons quote titles and file names: terminal-safe
        click.echo(for_terminal(line))

    echo(f"read {summary.read} records from {len(summary.files)} file(s): {summary.distinct} distinct papers")
    echo(f"  new {summary.new}, updated {summary.updated}, unchanged {summary.unchanged}, skipped {len(summary.skipped)}")
    if getattr(summary, "filtered", 0):
        echo(f"  left out {summary.filtered} paper(s) outside --category")
    for skip in summary.skipped[:20]:
        echo(f"  skipped {skip}")
    if len(summary.skipped) > 20:
        echo(f"  ... and {len(summary.skipped) - 20} more skipped")
    if summary.citations:
        c = summary.citations
        echo(f"  inferred citations: {c.total} (added {c.added}, removed {c.removed})")
    if summary.counts:
        labels = ", ".join(f"{k} {v}" for k, v in summary.counts.labels.items())
        echo(f"graph ({description}): {summary.counts.nodes} nodes ({labels}), {summary.counts.relationships} relationships")


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf", "csv", "neo4j-import"]),
    required=True,
    help="graphml / gexf: one file (Gephi, Cytoscape); csv: a folder of nodes_*.csv and edges_*.csv "
    "(pandas); neo4j-import: a folder of neo4j-admin CSV files with import.sh and schema.cypher.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="File (graphml, gexf) or folder.")
@store_options
def export(fmt: str, output: Path, store_config: Any) -> None:
    """Write the graph for other tools: GraphML, GEXF, CSV, or files for neo4j-admin import."""
    from paperkg.export import export_graph
    from paperkg.store import open_store

    with open_store(store_config) as store:
        summary = export_graph(store, fmt, output)
    click.echo(f"wrote {summary.nodes} nodes and {summary.relationships} relationships as {fmt} to {output}")
    if summary.command:
        click.echo("load them into a stopped Neo4j with (also in import.sh):")
        click.echo(f"  {summary.command}")
        click.echo(f"then start Neo4j and run once: cypher-shell -f {output / 'schema.cypher'}")


@main.command()
@store_options
@output_options
def stats(store_config: Any, fmt: str) -> None:
    """Counts: papers, entities by type, repos, relationships by type, sources."""
    from paperkg.present import emit_rows

    rows = _graph(store_config).stats()
    emit_rows(rows, columns=["what", "name", "count"], fmt=fmt, title="paperkg graph")


ROLE_CHOICE = click.Choice(["introduces", "uses", "evaluates_on", "compares", "mentions"])
TYPE_CHOICE = click.Choice(["model", "dataset", "method"])
TABLE_ROWS = 100  # rows a table shows by default: reading and drawing more costs a person time for nothing
RANKED_TYPE_CHOICE = click.Choice(["model", "dataset", "method", "paper"])


@main.command()
@click.argument("words", nargs=-1)
@click.option("--model", help="Papers linked to this model (name, alias or key).")
@click.option("--dataset", help="Papers linked to this dataset or benchmark.")
@click.option("--method", help="Papers linked to this method.")
@click.option("--entity", help="Papers linked to this entity, whatever its type.")
@click.option("--repo", help="Papers that link to this repository or page URL.")
@click.option("--author", help="Papers by authors whose name holds these words (\"hinton\", \"Geoffrey Hinton\").")
@click.option("--role", "roles", multiple=True, type=ROLE_CHOICE, help="Only these roles (repeatable).")
@click.option("--family", is_flag=True, help="Include the model's variants (Qwen2.5 -> Qwen2.5-32B, ...).")
@click.option("--limit", type=int, help="At most this many rows [default: 100 in a table, 1000 with --json or --csv].")
@store_options
@output_options
def papers(words, model, dataset, method, entity, repo, author, roles, family, limit, store_config: Any, fmt: str) -> None:
    """List papers: by title WORDS, or linked to an entity or a repo, with role and evidence.

    \b
    kg papers mixture experts
    kg papers --dataset "AIME 2024" --role evaluates_on
    kg papers --model Qwen2.5 --family
    kg papers --author "Jinheon Baek"
    """
    from paperkg.present import TABLE, emit_rows

    chosen = [(t, n) for t, n in (("model", model), ("dataset", dataset), ("method", method), (None, entity)) if n]
    if len(chosen) + bool(repo) + bool(author) > 1:
        raise click.UsageError("give one of --model, --dataset, --method, --entity, --repo, --author")
    graph = _graph(store_config)
    # A big graph links thousands of papers to a common benchmark: a table shows the first ones.
    asked = limit or (TABLE_ROWS if fmt == TABLE else 1000)
    limit = asked + 1  # one more row than shown tells whether there are more
    if chosen:
        kind, name = chosen[0]
        rows = graph.papers_by_entity(name, type=kind, role=roles, family=family, limit=limit)
        columns = ["paper", "title", "name", "role", "evidence"] if fmt == TABLE else None
    elif repo:
        rows = graph.papers_by_repo(repo)
        columns = ["paper", "title", "url", "evidence"] if fmt == TABLE else None
    elif author:
        rows = graph.papers_by_author(author, limit=limit)
        columns = ["author", "paper", "title", "published"] if fmt == TABLE else None
    else:
        rows = graph.papers(*words, limit=limit)
        columns = ["key", "title", "arxiv_id", "repos"] if fmt == TABLE else None
    more = len(rows) > asked
    rows = rows[:asked]
    title = f"the first {asked} papers (more with --limit)" if more else f"{len(rows)} papers"
    emit_rows(rows, columns=columns, fmt=fmt, title=title)


@main.command()
@click.argument("name")
@click.option("--type", "entity_type", type=TYPE_CHOICE, help="Only entities of this type.")
@click.option("--limit", default=10, show_default=True, help="How many co-occurring entities to show.")
@store_options
@output_options
def entity(name: str, entity_type: str | None, limit: int, store_config: Any, fmt: str) -> None:
    """An entity: type, aliases, family and variants, who introduced it, how papers use it, and
    the entities it most often appears with."""
    from paperkg.present import JSON, emit_report

    report = _graph(store_config).entity(name, type=entity_type, limit=limit)
    if fmt == JSON:
        click.echo(json_text(report))
    else:
        emit_report(report, fmt=fmt)


@main.command()
@click.argument("paper")
@click.option("--limit", default=20, show_default=True, help="At most this many papers.")
@store_options
@output_options
def related(paper: str, limit: int, store_config: Any, fmt: str) -> None:
    """Papers linked to PAPER (key, arXiv id, a source's own id such as a DOI, title or a unique part
    of it) through shared models, datasets, methods, repos and citations, ranked by weighted overlap
    (see queries/related_papers.cypher)."""
    from paperkg.present import emit_rows

    rows = _graph(store_config).related(paper, limit=limit)
    emit_rows(rows, columns=["key", "title", "score", "shared"], fmt=fmt, title=f"related to {rows.paper['title'][:80]}")


@main.command()
@click.option("--type", "entity_type", type=RANKED_TYPE_CHOICE, required=True, help="Entity type, or paper.")
@click.option("--by", type=click.Choice(["papers", "pagerank"]), default="papers", show_default=True,
              help="Entities: paper count or PageRank; papers: citation count or PageRank over citations.")
@click.option("--limit", default=20, show_default=True)
@store_options
@output_options
def top(entity_type: str, by: str, limit: int, store_config: Any, fmt: str) -> None:
    """The most linked models, datasets or methods (by paper count, or PageRank over the graph),
    or the most cited papers (explicit and inferred citations, or PageRank over them)."""
    from paperkg.present import emit_rows

    rows = _graph(store_config).top(entity_type, limit=limit, by=by)
    what = "citations" if entity_type == "paper" and by == "papers" else by
    emit_rows(rows, fmt=fmt, title=f"top {entity_type}s by {what}")


@main.command()
@click.argument("source")
@click.argument("target")
@click.option("--citations", "by_citations", is_flag=True, help="Only follow citations, from SOURCE (citing) to TARGET.")
@store_options
@output_options
def path(source: str, target: str, by_citations: bool, store_config: Any, fmt: str) -> None:
    """The shortest path between two papers or entities (names, titles or keys), every hop shown;
    with --citations, the shortest chain of papers each citing the next."""
    from paperkg.present import emit_rows

    rows = _graph(store_config).path(source, target, citations=by_citations)
    emit_rows(rows, columns=["hop", "from", "relationship", "to"], fmt=fmt, title=f"{len(rows)} hops")


def _citation_command(direction: str, doc: str) -> Callable:
    @click.argument("paper")
    @click.option("--limit", default=100, show_default=True, help="At most this many papers.")
    @store_options
    @output_options
    def command(paper: str, limit: int, store_config: Any, fmt: str) -> None:
        from paperkg.present import TABLE, emit_rows

        graph = _graph(store_config)
        rows = graph.cites(paper, limit=limit) if direction == "cites" else graph.cited_by(paper, limit=limit)
        found = rows.paper
        columns = ["key", "title", "how", "evidence"] if fmt == TABLE else None
        verb = "cited by" if direction == "cites" else "citing"
        emit_rows(rows, columns=columns, fmt=fmt, title=f"{len(rows)} papers {verb} {(found['title'] or found['key'])[:70]}")

    command.__doc__ = doc
    return command


main.command(name="cites")(_citation_command(
    "cites", "Papers PAPER cites: explicit (the source that states it) or inferred (via an entity the cited paper introduces)."
))
main.command(name="cited-by")(_citation_command(
    "cited_by", "Papers that cite PAPER: explicit (the source that states it) or inferred (via an entity PAPER introduces)."
))


@main.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True)
@store_options
@output_options
def search(text: tuple[str, ...], limit: int, store_config: Any, fmt: str) -> None:
    """Full-text search over titles and abstracts, best first (Neo4j's index or the embedded one)."""
    from paperkg.present import emit_rows

    rows = _graph(store_config).search(" ".join(text), limit=limit)
    emit_rows(rows, columns=["key", "title", "score"], fmt=fmt, title=f"{len(rows)} papers")


@main.command()
@click.argument("dataset")
@click.option("--metric", help="Only results in this metric (\"accuracy\", \"FID\", \"pass@1\").")
@click.option("--family", is_flag=True, help="Include the dataset's variants (ImageNet -> ImageNet-1K, ImageNet 256).")
@click.option("--limit", default=50, show_default=True, help="At most this many rows.")
@store_options
@output_options
def leaderboard(dataset: str, metric: str | None, family: bool, limit: int, store_config: Any, fmt: str) -> None:
    """Best reported value per subject on DATASET, which paper reports it and its sentence.

    Ranked per metric in the metric's direction (accuracy up; FID, PPL, WER down); a result whose
    text names no metric counts as a higher-better "score"; metrics of unknown direction unranked.
    """
    from paperkg.present import TABLE, emit_rows

    found = _graph(store_config).leaderboard(dataset, metric=metric, family=family, limit=limit)
    columns = ["rank", "subject", "own", "dataset", "metric", "value", "unit", "title", "evidence"] if fmt == TABLE else None
    emit_rows(list(found.rows), columns=columns, fmt=fmt, title=f"{', '.join(found.datasets)}: {len(found.rows)} results")


@main.command()
@click.argument("paper")
@store_options
@output_options
def results(paper: str, store_config: Any, fmt: str) -> None:
    """The results PAPER (key, arXiv id, a source's own id, title or a unique part of it) reports:
    subject, dataset, metric, value and the sentence."""
    from paperkg.present import TABLE, emit_rows

    rows = _graph(store_config).results(paper)
    found = rows.paper
    columns = ["subject", "own", "dataset", "metric", "value", "unit", "setting", "evidence"] if fmt == TABLE else None
    emit_rows(rows, columns=columns, fmt=fmt, title=f"{len(rows)} results in {(found['title'] or found['key'])[:70]}")


@main.command()
@click.argument("names", nargs=-1)
@click.option("--rising", is_flag=True, help="Entities whose share of papers grows fastest (needs --type).")
@click.option("--type", "entity_type", type=TYPE_CHOICE, help="With --rising: models, datasets or methods.")
@click.option("--since", default="", metavar="YYYY-MM", help="Only months from this one on.")
@click.option("--limit", default=20, show_default=True, help="With --rising: at most this many entities.")
@click.option("--min-papers", default=5, show_default=True, help="With --rising: papers needed in the later half.")
@click.option("--html", "html_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write the chart as one offline page.")
@store_options
@output_options
def trends(names, rising, entity_type, since, limit, min_papers, html_path, store_config: Any, fmt: str) -> None:
    """Papers per month mentioning each of NAMES, or with --rising the entities of a type whose
    share of papers grows fastest (later half of the months against the earlier half).

    \b
    kg trends MMLU GSM8K --since 2024-06
    kg trends --rising --type dataset --since 2025-01 --html rising.html
    """
    import re

    from paperkg.present import CSV, JSON, emit_rows
    from paperkg.trends import as_json, long_rows, trend_rows

    if since and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", since):
        raise click.BadParameter(f"{since!r} is not a month YYYY-MM", param_hint="--since")
    if rising == bool(names):
        raise click.UsageError("give entity NAMES, or --rising --type TYPE")
    if rising and not entity_type:
        raise click.UsageError("--rising needs --type model|dataset|method")
    graph = _graph(store_config)
    if rising:
        found = graph.rising(entity_type, since=since, limit=limit, min_papers=min_papers)
    else:
        found = graph.trends(*names, since=since)
    if html_path:
        from paperkg.trends_page import write_trends_page

        write_trends_page(found, html_path)
    if fmt == JSON:
        click.echo(json_text(as_json(found)))
    elif fmt == CSV:
        emit_rows(long_rows(found), fmt=fmt)
    else:
        emit_rows(trend_rows(found), fmt=fmt, title=f"{found.title}, {found.months[0]}..{found.months[-1]}")
    if found.undated:
        click.echo(f"note: {found.undated:,} papers with no known month (no date, no arXiv id) are left out", err=True)
    if html_path:
        click.echo(f"wrote {html_path}", err=True)


@main.command()
@store_options
@output_options
def communities(store_config: Any, fmt: str) -> None:
    """Groups of papers that share models, datasets and methods (Louvain), with what they share."""
    from paperkg.present import emit_rows

    rows = _graph(store_config).communities()
    emit_rows(rows, fmt=fmt, title=f"{len(rows)} communities")


@main.command()
@output_options
def queries(fmt: str) -> None:
    """The named query catalog: each query, what it answers and its parameters."""
    from paperkg.api import KnowledgeGraph
    from paperkg.present import emit_rows

    emit_rows(KnowledgeGraph().queries(), fmt=fmt, title="kg query NAME --param key=value")


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="--param")
        values[name.strip()] = value
    return values


@main.command()
@click.argument("name")
@click.option("--param", "params", multiple=True, help="key=value (lists: a,b,c). Repeatable.")
@store_options
@output_options
def query(name: str, params: tuple[str, ...], store_config: Any, fmt: str) -> None:
    """Run the catalog query NAME (see `kg queries`) on either store."""
    from paperkg.present import emit_rows

    rows = _graph(store_config).query(name, _params(params))
    emit_rows(rows, fmt=fmt, title=f"{name}: {len(rows)} rows")


@main.command()
@click.argument("text")
@click.option("--param", "params", multiple=True, help="key=value, passed as a query parameter. Repeatable.")
@click.option("--write", is_flag=True, help="Allow a query that writes.")
@store_options
@output_options
def cypher(text: str, params: tuple[str, ...], write: bool, store_config: Any, fmt: str) -> None:
    """Raw Cypher against Neo4j: read-only unless --write (a write is refused before it runs)."""
    from paperkg.present import emit_rows

    if not store_config.uses_neo4j:
        raise click.UsageError(
            "raw Cypher needs Neo4j: start it with `docker compose up -d` and pass --neo4j bolt://localhost:7687 "
            "(or set KG_NEO4J_URI); the embedded store answers the named queries: `kg queries`"
        )
    rows = _graph(store_config).cypher(text, _params(params), write=write)
    emit_rows(rows, fmt=fmt, title=f"{len(rows)} rows")


@main.command()
@click.option("--paper", "paper_ref", metavar="REF",
              help="A paper (key, arXiv id, a source's own id, title) among its most related papers.")
@click.option("--entity", "entity_name", metavar="NAME", help="An entity: its papers by role, co-used entities, family.")
@click.option("--query", "query_name", metavar="NAME", help="The nodes a catalog query returns (see `kg queries`).")
@click.option("--param", "params", multiple=True, help="key=value for --query (lists: a,b,c). Repeatable.")
@click.option("--whole", is_flag=True, help="The best linked nodes of the whole graph (filters: --type, --role, --min-degree).")
@click.option("--neighbourhood", is_flag=True, help="With --paper/--entity: every node within --depth hops instead.")
@click.option("--with-entities", is_flag=True, help="With --paper: also the models, datasets, methods, repos shared.")
@click.option("--with-authors", is_flag=True, help="Overview: also the authors of the most papers.")
@click.option("--min-shared", type=click.IntRange(1), default=2, show_default=True,
              help="Overview: papers two entities need in common to be linked.")
@click.option("--depth", type=click.IntRange(1, 2), default=1, show_default=True, help="Hops out, with --neighbourhood.")
@click.option("--type", "types", multiple=True,
              help="Overview: only these entity types (model, dataset, method); --whole: these node types. Repeatable.")
@click.option("--role", "roles", multiple=True, type=ROLE_CHOICE, help="--whole: only these paper-entity roles. Repeatable.")
@click.option("--min-degree", type=click.IntRange(0), default=0, show_default=True, help="--whole: fewer links, left out.")
@click.option("--limit", type=click.IntRange(1),
              help="How many: overview entities (150), related papers (40), papers per role (12), other views' nodes (300).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="HTML file to write.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a web browser.")
@store_options
def viz(paper_ref, entity_name, query_name, params, whole, neighbourhood, with_entities, with_authors, min_shared, depth,
        types, roles, min_degree, limit, output, open_browser, store_config: Any) -> None:
    """Draw part of the graph as one interactive HTML page that works offline.

    With no view option, the overview: the most used models, datasets and methods, sized by their
    papers and linked by how many papers use them together. --paper draws a paper among its most
    related papers (`kg related`'s score; colour by year, size by citations), --entity an entity's
    papers grouped by role. Click a node for its details; hover an edge for what it stands for.
    """
    from paperkg.render import write_page

    chosen = [name for name, value in (("--paper", paper_ref), ("--entity", entity_name), ("--query", query_name),
                                       ("--whole", whole)) if value]
    if len(chosen) > 1:
        raise click.UsageError(f"give one view at a time, not {' and '.join(chosen)}")
    if params and not query_name:
        raise click.UsageError("--param goes with --query NAME")
    if (roles or min_degree) and not whole:
        raise click.UsageError("--role and --min-degree filter the whole-graph view: add --whole")
    if types and chosen and not whole:
        raise click.UsageError("--type filters the overview (no view option) or --whole; drop it or the view option")
    if neighbourhood and not (paper_ref or entity_name):
        raise click.UsageError("--neighbourhood goes with --paper or --entity")
    if with_entities and (not paper_ref or neighbourhood):
        raise click.UsageError("--with-entities goes with --paper (the related-papers view)")
    if with_authors and chosen:
        raise click.UsageError("--with-authors goes with the overview (no view option)")
    view = _graph(store_config).graph_view(
        paper=paper_ref, entity=entity_name, query=query_name, params=_params(params), whole=whole,
        neighbourhood=neighbourhood, with_entities=with_entities, with_authors=with_authors, min_shared=min_shared,
        depth=depth, types=types, roles=roles, min_degree=min_degree, limit=limit,
    )
    if paper_ref:
        name = f"kg-paper-{_slug(view.heading)}.html"
    elif entity_name:
        name = f"kg-entity-{_slug(view.focus or entity_name)}.html"
    elif query_name:
        name = f"kg-query-{_slug(query_name)}.html"
    else:
        name = "kg-graph.html"
    target = output or Path(name)
    page = write_page(view, target)
    click.echo(f"wrote {target} ({page.nodes:,} of {view.total_nodes:,} nodes, {page.edges:,} relationships)")
    if open_browser:
        import webbrowser

        webbrowser.open(target.resolve().as_uri())


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower())[:50].strip("-") or "view"


@main.command(name="import-citations")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--paper", "paper_ref", metavar="REF",
              help="The paper a Semantic Scholar references/citations response is about (key, arXiv id, own id, title).")
@store_options
def import_citations_command(files: tuple[Path, ...], paper_ref: str | None, store_config: Any) -> None:
    """Explicit citations from saved Semantic Scholar or OpenAlex responses, as CITES {source}.

    Papers the graph does not hold become stubs, completed when a later build reads them.
    Every file is read before anything is written.
    """
    from paperkg.citation_import import import_citations
    from paperkg.sources.citation_responses import PaperRef, read_citations
    from paperkg.sources.files import read_text_file
    from paperkg.store import open_store

    with open_store(store_config, for_writing=True) as store:
        subject = None
        if paper_ref:
            from paperkg.lookup import resolve_paper

            found = resolve_paper(store, paper_ref)
            subject = PaperRef(title=found["title"], arxiv_id=found.get("arxiv_id"), key=found["key"])
        records = []
        for path in files:
            text_file = read_text_file(path)
            records.extend(read_citations(text_file.text, text_file.name, subject=subject))
        summary = import_citations(store, records)
    sources = ", ".join(f"{name} {count}" for name, count in sorted(summary.by_source.items())) or "none"
    click.echo(
        f"read {summary.citations} citations from {len(files)} file(s) ({sources}): {summary.new_citations} new; "
        f"{summary.stubs} stub papers added, {summary.completed} stubs completed"
        + (f"; {summary.skipped} item(s) of the wrong shape skipped" if summary.skipped else "")
    )


@main.group()
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=Path(".kg/cache"), show_default=True,
              envvar="KG_CACHE_DIR", help="Where answers are saved (a cached answer is not fetched again). [env KG_CACHE_DIR]")
@click.option("--refresh", is_flag=True, help="Fetch again even when an answer is cached.")
@click.option("--no-build", is_flag=True, help="Only download; do not add what was fetched to the graph.")
@click.pass_context
def fetch(ctx: click.Context, cache_dir: Path, refresh: bool, no_build: bool) -> None:
    """Fetch listings or citations from the real APIs (paced, retried, cached), then add them.

    Base URLs: KG_HF_BASE_URL, KG_ARXIV_BASE_URL, KG_S2_BASE_URL, KG_OPENALEX_BASE_URL; keys:
    S2_API_KEY (Semantic Scholar), OPENALEX_MAILTO (OpenAlex's polite pool).
    """
    from paperkg.fetch import Fetcher

    ctx.obj = {"fetcher": Fetcher(cache_dir=cache_dir, refresh=refresh), "build": not no_build}


def _build_fetched(paths: list[Path], store_config: Any) -> None:
    graph = _graph(store_config)
    summary = graph.build(paths)
    _print_build_summary(summary, graph.description)


@fetch.command(name="hf-daily")
@click.option("--date", required=True, help="The day's listing, YYYY-MM-DD.")
@store_options
@click.pass_obj
def fetch_hf_daily(obj: dict, date: str, store_config: Any) -> None:
    """Hugging Face daily papers of one day (/api/daily_papers?date=...)."""
    from paperkg.fetch import hf_daily

    paths = hf_daily(obj["fetcher"], date)
    click.echo(f"saved {', '.join(map(str, paths))} ({obj['fetcher'].requests_made} request(s))")
    if obj["build"]:
        _build_fetched(paths, store_config)


@fetch.command(name="arxiv")
@click.option("--query", required=True, help="arXiv API search_query, e.g. 'all:\"mixture of experts\"' or 'cat:cs.CL'.")
@click.option("--max", "max_results", type=click.IntRange(1, 10_000), default=100, show_default=True)
@store_options
@click.pass_obj
def fetch_arxiv(obj: dict, query: str, max_results: int, store_config: Any) -> None:
    """arXiv API search results (Atom), 100 per request, one request per 3 s."""
    from paperkg.fetch import arxiv_query

    paths = arxiv_query(obj["fetcher"], query, max_results)
    click.echo(f"saved {len(paths)} page(s) under {obj['fetcher'].cache_dir} ({obj['fetcher'].requests_made} request(s))")
    if obj["build"]:
        _build_fetched(paths, store_config)


@fetch.command(name="citations")
@click.argument("papers", nargs=-1, required=True)
@click.option("--source", type=click.Choice(["s2", "openalex"]), default="s2", show_default=True)
@store_options
@click.pass_obj
def fetch_citations(obj: dict, papers: tuple[str, ...], source: str, store_config: Any) -> None:
    """References of PAPERS (arXiv ids, or papers of the graph that have one) from Semantic
    Scholar or OpenAlex, imported as explicit citations."""
    from paperkg.citation_import import import_citations
    from paperkg.fetch import citations as fetch_references
    from paperkg.lookup import resolve_paper
    from paperkg.model import parse_arxiv_id
    from paperkg.sources.citation_responses import PaperRef, read_citations
    from paperkg.store import open_store

    with open_store(store_config, for_writing=True) as store:
        subjects = []
        for reference in papers:
            arxiv_id = parse_arxiv_id(reference)
            found = None if arxiv_id and not reference.startswith("paper:") else resolve_paper(store, reference)
            if found is not None:
                arxiv_id = found.get("arxiv_id")
                if not arxiv_id:
                    raise click.UsageError(f"{found['key']} ({found['title'][:60]!r}) has no arXiv id to look it up by")
            subjects.append((PaperRef(title=found["title"] if found else "", arxiv_id=arxiv_id,
                                      key=found["key"] if found else None), arxiv_id))
        records, saved = [], 0
        for subject, arxiv_id in subjects:
            for path in fetch_references(obj["fetcher"], arxiv_id, source):
                saved += 1
                records.extend(read_citations(path.read_text(encoding="utf-8"), str(path), subject=subject))
        click.echo(f"saved {saved} answer(s) under {obj['fetcher'].cache_dir} ({obj['fetcher'].requests_made} request(s))")
        if obj["build"]:
            summary = import_citations(store, records)
            click.echo(f"{summary.citations} citations: {summary.new_citations} new; {summary.stubs} stub papers added")


def json_text(value: Any) -> str:
    import json

    from paperkg.safe_text import json_for_terminal

    return json_for_terminal(json.dumps(value, ensure_ascii=False, indent=2, default=str))


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", default=None, help="Force the input format (hf-text, hf-api, arxiv-atom, jsonl).")
@click.option("--jsonl", "out", type=click.Path(path_type=Path), help="Write here instead of stdout.")
def extract(sources: tuple[Path, ...], fmt: str | None, out: Path | None) -> None:
    """Extract models, datasets, methods and repos from SOURCES: one JSON line per paper.

    The format is shared/eval/FORMAT.md's, with each entity's key, family, evidence sentence,
    offsets, rule and confidence added. The bundled samples are read if no SOURCES are given.
    """
    import json

    from paperkg.evaluation import prediction_record
    from paperkg.extractors.pipeline import extract_papers
    from paperkg.identity import merge_records
    from paperkg.safe_files import atomic_output
    from paperkg.safe_text import for_terminal, json_for_terminal
    from paperkg.sources import read_bundled_samples, read_sources

    read = read_sources(sources, fmt=fmt) if sources else read_bundled_samples()
    read.require_papers()
    papers = merge_records(read.papers)
    # --jsonl OUT is replaced only once every paper is extracted: a failed run leaves it as it was.
    with atomic_output(out) if out else contextlib.nullcontext(sys.stdout) as handle:
        for paper, extraction in zip(papers, extract_papers(papers), strict=True):
            handle.write(json_for_terminal(json.dumps(prediction_record(paper, extraction), ensure_ascii=False)) + "\n")
    if read.skipped:
        shown = "; ".join(str(skip) for skip in read.skipped[:3])
        more = f"; ... and {len(read.skipped) - 3} more" if len(read.skipped) > 3 else ""
        click.echo(for_terminal(f"skipped {len(read.skipped)} record(s): {shown}{more}"), err=True)


@main.command(name="eval")
@click.option("--gold", "gold_path", type=click.Path(path_type=Path), required=True,
              help="Gold file (FORMAT.md), or `dev`: the dev gold shipped with paperkg (the bundled corpus's seed papers).")
@click.option("--pred", "pred_path", type=click.Path(path_type=Path), help="Predictions (JSONL); default: extract now.")
@click.option("--json", "as_json", is_flag=True, help="Print scores, misses and false positives as JSON.")
@click.option("--show", default=30, show_default=True, help="How many misses and false positives to list.")
@click.option("--results", "results_path", type=click.Path(path_type=Path),
              help="Results gold (RESULTS.md) for the same papers, joined by key or title.")
def evaluate(gold_path: Path, pred_path: Path | None, as_json: bool, show: int, results_path: Path | None) -> None:
    """Score extraction against a gold file: P/R/F1 per type, any, introduces, repos; and results
    (precision, recall, subject accuracy) when the gold has them or --results gives them."""
    import json

    from paperkg.evaluation import (
        gold_papers,
        has_results,
        load_gold,
        load_predictions,
        prediction_record,
        resolve_gold,
        score,
        score_results,
        with_results,
    )
    from paperkg.present import emit_rows

    gold_path = resolve_gold(gold_path)
    gold = load_gold(gold_path)
    if results_path:
        gold = with_results(gold, load_gold(results_path))
    if pred_path:
        predictions = load_predictions(pred_path)
    else:
        from paperkg.extractors.pipeline import extract_papers

        papers = gold_papers(gold, gold_path)
        predictions = [prediction_record(p, x) for p, x in zip(papers, extract_papers(papers), strict=True)]
    result = score(gold, predictions)
    scored_results = score_results([p for p in gold if "results" in p], predictions) if has_results(gold) else None
    if as_json:
        document = result.as_dict()
        if scored_results is not None:
            document["results"] = {
                "scores": scored_results.as_dict(), "misses": scored_results.misses,
                "false_positives": scored_results.false_positives, "wrong_subjects": scored_results.wrong_subjects,
            }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    rows = [{"category": k, **c.as_dict()} for k, c in result.counts.items() if any(p.get("model") for p in gold)]
    if scored_results is not None:
        rows.append({"category": "results", **scored_results.as_dict()})
    emit_rows(
        rows,
        columns=["category", "precision", "recall", "f1", "tp", "fp", "fn", *(["subject_accuracy"] if scored_results else [])],
        title=f"{gold_path.name}: {len(gold)} papers",
    )
    for label, items in (("misses", result.misses), ("false positives", result.false_positives)):
        click.echo(f"{label} ({len(items)}):")
        for item in items[:show]:
            click.echo(f"  [{item['type']}] {item['name']!r} in {item['title'][:70]!r}")
    if scored_results is not None:
        listed = (("result misses", scored_results.misses), ("result false positives", scored_results.false_positives))
        for label, found in listed:
            click.echo(f"{label} ({len(found)}):")
            for item in found[:show]:
                click.echo(f"  {item['subject']!r} {item['value']} on {item['dataset']!r} in {item['title'][:60]!r}")


if __name__ == "__main__":  # pragma: no cover
    main()
