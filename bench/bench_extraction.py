"""Extraction speed: the full pipeline against spaCy's bare blank("en") tokenizer, same texts, same run.

    python bench/bench_extraction.py [--papers 3000] [--repeat 3] [--json out.json]

The bundled corpus (670 papers) is repeated to --papers papers. Both runs process the same title
and abstract texts in the same process; the figure to compare across machines is the ratio.
Start-up (importing spaCy as the extractors do, loading the gazetteers and building the pipeline) is
measured in fresh interpreters, so nothing is cached; a plain `import spacy` (which brings spaCy's CLI
with it) is timed beside it as the baseline.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reporting import report, use_cached_bytecode  # noqa: E402

STARTUP = """
import time
t0 = time.perf_counter()
from paperkg.extractors.spacy_runtime import spacy  # as the extractors import it: without spaCy's CLI
t1 = time.perf_counter()
from paperkg.extractors.pipeline import load_pipeline
from paperkg.extractors.gazetteer import default_gazetteer
t2 = time.perf_counter()
nlp = load_pipeline()
default_gazetteer()
nlp("Warm: we fine-tune Llama-2-7B on MMLU.")
t3 = time.perf_counter()
print(t1 - t0, t3 - t1)
"""
# The baseline: spaCy imported the plain way, its CLI with it.
PLAIN_SPACY_IMPORT = """
import time
t0 = time.perf_counter()
import spacy
print(time.perf_counter() - t0)
"""
STARTUP_ROUNDS = 3


def startup_seconds() -> tuple[float, float, float]:
    """(import spaCy as paperkg does, load gazetteers and patterns and build the pipeline, import spaCy
    plainly) in fresh processes, each the median of three rounds after one that compiles paperkg's
    modules, as an installed copy has them already."""

    def run(script: str) -> list[float]:
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
        return [float(value) for value in out.stdout.split()]

    with tempfile.TemporaryDirectory(prefix="kg-bench-pycache-") as folder:
        use_cached_bytecode(Path(folder))
        run(STARTUP)
        rounds = [run(STARTUP) for _ in range(STARTUP_ROUNDS)]
        plain = [run(PLAIN_SPACY_IMPORT)[0] for _ in range(STARTUP_ROUNDS)]
    return statistics.median([r[0] for r in rounds]), statistics.median([r[1] for r in rounds]), statistics.median(plain)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds; the best is reported")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    import spacy

    from paperkg.extractors.pipeline import extract_papers, load_pipeline
    from paperkg.identity import merge_records
    from paperkg.sources import read_bundled_samples

    corpus = merge_records(read_bundled_samples().papers)
    papers = [corpus[i % len(corpus)] for i in range(args.papers)]
    texts = [t for p in papers for t in (p.title, p.abstract)]
    blank = spacy.blank("en")
    nlp = load_pipeline()
    list(extract_papers(papers[:50], nlp=nlp))  # warm caches on both sides alike
    list(blank.pipe(texts[:100]))

    def best(action) -> float:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        return min(times)

    tokenizer_s = best(lambda: sum(1 for _ in blank.pipe(texts, batch_size=256)))
    extraction_s = best(lambda: sum(1 for _ in extract_papers(papers, nlp=nlp)))
    entities = sum(len(x.mentions) for x in extract_papers(corpus, nlp=nlp))
    spacy_import_s, pipeline_s, plain_spacy_import_s = startup_seconds()
    result = {
        "papers": len(papers),
        "tokenizer_papers_per_s": len(papers) / tokenizer_s,
        "extraction_papers_per_s": len(papers) / extraction_s,
        "extraction_over_tokenizer_time": extraction_s / tokenizer_s,
        "startup_spacy_import_s": spacy_import_s,
        "startup_pipeline_s": pipeline_s,
        "startup_s": spacy_import_s + pipeline_s,
        "baseline_plain_spacy_import_s": plain_spacy_import_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "entities_in_bundled_corpus": entities,
    }
    from rich.table import Table

    table = Table(title=f"extraction over {len(papers):,} papers (title + abstract), best of {args.repeat}")
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("spaCy blank('en') tokenizer", f"{result['tokenizer_papers_per_s']:,.0f} papers/s")
    table.add_row("full extraction pipeline", f"{result['extraction_papers_per_s']:,.0f} papers/s")
    table.add_row("extraction time / tokenizer time", f"{result['extraction_over_tokenizer_time']:.2f}x")
    table.add_row("start-up: import spaCy (without its CLI)", f"{spacy_import_s:.2f} s")
    table.add_row("start-up: gazetteers + patterns + pipeline", f"{pipeline_s:.2f} s")
    table.add_row("start-up in all", f"{result['startup_s']:.2f} s")
    table.add_row("baseline: plain `import spacy` (with its CLI)", f"{plain_spacy_import_s:.2f} s")
    table.add_row("peak memory (RSS)", f"{result['peak_rss_mb']:.0f} MB")
    return report(table, result, args.json, width=160)


if __name__ == "__main__":
    sys.exit(main())
