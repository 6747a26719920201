"""Golden output of the extraction pipeline: every field of every PaperExtraction, canonically.

    python tools/extraction_digest.py [--out-dir DIR] [--corpus ../shared/corpus/hf_daily] [--no-corpus]

Runs extraction (one process) over the bundled corpus and, when it is there, every record of the
hf_daily corpus (read with the project's own readers, not merged: 7,009 records), and writes one
JSON line per paper (mentions with entity, role and evidence; repo links; results; keys sorted)
to DIR/bundled.jsonl and DIR/hf_daily.jsonl, then prints each file's SHA-256 and the extraction
time. A change meant only to make extraction faster must leave both digests unchanged:

    python tools/extraction_digest.py --out-dir /tmp/before   # on main
    python tools/extraction_digest.py --out-dir /tmp/after    # on the branch
    diff /tmp/before/hf_daily.jsonl /tmp/after/hf_daily.jsonl
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from pathlib import Path

from paperkg.extractors.pipeline import extract_papers, load_pipeline
from paperkg.model import Paper, PaperExtraction
from paperkg.sources import expand_paths, read_bundled_samples, read_sources

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "hf_daily"


def canonical_line(extraction: PaperExtraction) -> str:
    """One paper's extraction as JSON with sorted keys; floats keep their repr (exact)."""
    return json.dumps(dataclasses.asdict(extraction), sort_keys=True, ensure_ascii=False)


def write_golden(papers: list[Paper], out: Path) -> tuple[str, float]:
    """Extract ``papers`` into ``out`` (JSON lines); (SHA-256 of the file, extraction seconds)."""
    nlp = load_pipeline()
    digest = hashlib.sha256()
    seconds = 0.0
    with out.open("w", encoding="utf-8") as handle:
        extractions = extract_papers(papers, nlp=nlp)
        while True:
            start = time.perf_counter()
            extraction = next(extractions, None)
            seconds += time.perf_counter() - start
            if extraction is None:
                break
            line = canonical_line(extraction) + "\n"
            digest.update(line.encode("utf-8"))
            handle.write(line)
    return digest.hexdigest(), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=Path("extraction-golden"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-corpus", action="store_true", help="only the bundled corpus")
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)

    sets = {"bundled": read_bundled_samples().papers}
    if not args.no_corpus:
        if not args.corpus.is_dir():
            print(f"{args.corpus} is not a folder: give --corpus or --no-corpus", file=sys.stderr)
            return 2
        sets["hf_daily"] = read_sources(expand_paths([args.corpus])).papers
    for name, papers in sets.items():
        digest, seconds = write_golden(papers, args.out_dir / f"{name}.jsonl")
        print(f"{name}: {len(papers)} papers, sha256 {digest}, extraction {seconds:.2f} s ({len(papers) / seconds:.0f} papers/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
