"""OpenAlex works as JSON Lines (a snapshot's ``works`` part files, or saved API pages flattened
one work per line): ``title`` / ``display_name``, ``abstract_inverted_index``, ``publication_date``,
``authorships``, ``ids``, ``locations`` and ``referenced_works``.

OpenAlex does not ship abstracts as text: ``abstract_inverted_index`` maps each word to the
positions it holds, and the text is those words put back in order. The arXiv id comes from an
arXiv DOI (10.48550/arXiv.X) or an arxiv.org location; the OpenAlex id (``openalex:W...``) and the
DOI stay with the paper as its ``ids``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from paperkg.model import Paper, Skip, SourceRef, own_ids, parse_arxiv_id
from paperkg.sources.jsonl import first_value, numbered_lines, papers_of_objects
from paperkg.sources.text import one_line

OPENALEX_WORK_PREFIX = "https://openalex.org/W"


def sniff(text: str) -> bool:
    """True when the first non-blank line is an OpenAlex work."""
    record = first_value(text.split("\n"))
    return isinstance(record, dict) and is_work(record)


def is_work(record: Mapping[str, Any]) -> bool:
    work_id = record.get("id")
    return (isinstance(work_id, str) and work_id.startswith(OPENALEX_WORK_PREFIX)) or "abstract_inverted_index" in record


def read_openalex(text: str, name: str) -> Iterator[Paper | Skip]:
    """Papers (and skipped records) of works held in memory."""
    return read_openalex_lines(numbered_lines(text), name)


def read_openalex_lines(lines: Iterable[tuple[int, str]], name: str) -> Iterator[Paper | Skip]:
    """Papers (and skipped records) of works read line by line, in file order."""
    return papers_of_objects(lines, name, paper_from_work)


def paper_from_work(work: Mapping[str, Any], source: SourceRef) -> Paper | Skip:
    """A Paper from one work, or the reason it is unusable."""
    title = one_line(work.get("title") or work.get("display_name"))
    if not title:
        return Skip(source, f"empty title (work {work.get('id')!r})")
    abstract = abstract_text(work.get("abstract_inverted_index"))
    if not abstract:
        return Skip(source, f"abstract missing for title {title[:60]!r}")
    work_id = work.get("id") if isinstance(work.get("id"), str) else ""
    return Paper(
        title=title,
        abstract=abstract,
        sources=(source,),
        arxiv_id=arxiv_id_of(work),
        authors=_authors(work.get("authorships")),
        published=one_line(work.get("publication_date")) or None,
        url=one_line(work.get("doi")) or work_id or None,
        ids=own_ids(f"openalex:{work_id.rsplit('/', 1)[-1].upper()}" if work_id else None, one_line(work.get("doi"))),
    )


def abstract_text(index: object) -> str:
    """The abstract from OpenAlex's inverted index ({"We": [0], "propose": [1], ...})."""
    if not isinstance(index, dict) or not index:
        return ""
    placed: dict[int, str] = {}
    for word, positions in index.items():
        if isinstance(positions, list):
            for position in positions:
                if isinstance(position, int):
                    placed[position] = word
    return one_line(" ".join(placed[p] for p in sorted(placed)))


def arxiv_id_of(work: Mapping[str, Any]) -> str | None:
    """The arXiv id from the DOI (10.48550/arXiv.X), the ids, or an arxiv.org location."""
    ids = work.get("ids") if isinstance(work.get("ids"), dict) else {}
    candidates: list[object] = [ids.get("arxiv"), ids.get("doi"), work.get("doi")]
    for location in [work.get("primary_location"), *(work.get("locations") or ())]:
        if isinstance(location, dict):
            candidates += [location.get("landing_page_url"), location.get("pdf_url")]
    for candidate in candidates:
        if not isinstance(candidate, str):
            continue
        lowered = candidate.lower()
        if "10.48550/arxiv." in lowered:
            found = parse_arxiv_id(lowered.rsplit("arxiv.", 1)[1])
        elif "arxiv.org/" in lowered:
            found = parse_arxiv_id(candidate)
        else:
            continue
        if found:
            return found
    return None


def referenced_works(work: Mapping[str, Any]) -> list[str]:
    """The OpenAlex ids (W...) of the works this one cites."""
    cited = work.get("referenced_works") or ()
    return [w.rstrip("/").rsplit("/", 1)[-1].upper() for w in cited if isinstance(w, str) and w.strip()]


def _authors(authorships: object) -> tuple[str, ...]:
    names = []
    for authorship in authorships if isinstance(authorships, list) else ():
        author = authorship.get("author") if isinstance(authorship, dict) else None
        name = one_line(author.get("display_name")) if isinstance(author, dict) else ""
        if not name and isinstance(authorship, dict):
            name = one_line(authorship.get("raw_author_name"))
        if name:
            names.append(name)
    return tuple(dict.fromkeys(names))
