"""Scale benchmark: `kg build` and every kind of question at 1x, 10x, 100x (and 1,000x) the bundled
corpus size, through the CLI as a user runs it, on whatever embedded store the checkout has.

    python bench/bench_scale.py [--scales 1,10,100] [--with-1000x] [--jobs N] [--json out.json]
                                [--corpus ../shared/corpus/hf_daily] [--work DIR] [--keep]

Papers: N distinct, realistic papers made from the real Hugging Face daily corpus (7,007
papers), deterministically. Paper i is base paper i mod B (the corpus in a fixed shuffled order)
in copy i div B; copy 0 is the real paper, later copies get their own arXiv-like id and their
text perturbed so that no cache or dictionary can help: the paper's own name (its title prefix)
takes a per-copy suffix everywhere it is written (so each copy introduces names of its own, as
new papers do), ordinary words are replaced by synonyms, two words are swapped, and decimal
numbers are renumbered. Paper i is the same in every run and at every N, so the papers of a
smaller run are the first papers of a larger one.

Figures per scale: build wall time and CPU time (all its processes), papers/s, peak RSS (the largest process, and the sum over
the build's processes sampled every 0.2 s), store size on disk, and the wall time of each
question from process start to exit (best of 3, with its CPU time, which a busy machine
disturbs less): `kg papers --dataset X`, `kg entity X`,
`kg related P`, `kg cites P`, `kg cited-by P`, `kg stats`, `kg search TEXT`, with X and P
chosen on the 1x graph (its most used dataset and model, its most cited paper) and asked at every
scale; then the time and peak RSS of adding 1,000 new papers to the scale's store (an
incremental build, citation refresh included). Each figure is also given as a ratio to the 1x
run of the same invocation. The commands run as a user's Python runs them: paperkg's modules are
compiled once and read compiled after that (``reporting.use_cached_bytecode``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from processes import process_tree, run_sampled  # noqa: E402
from reporting import report, use_cached_bytecode  # noqa: E402

BUNDLED_PAPERS = 670
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "hf_daily"
KG = [sys.executable, "-m", "paperkg"]
PAPERS_PER_FILE = 50_000
ADDED_PAPERS = 1_000  # an incremental build into the scale's store, after its questions

# Swaps that keep an abstract readable; applied per copy, each with probability one half.
SYNONYMS = {
    "propose": "present", "present": "introduce", "novel": "new", "method": "approach", "approach": "technique",
    "significantly": "substantially", "improves": "boosts", "performance": "results", "demonstrate": "show",
    "show": "demonstrate", "achieves": "attains", "existing": "prior", "framework": "pipeline", "efficient": "fast",
    "large": "big", "challenging": "hard", "results": "findings", "experiments": "evaluations", "model": "model",
    "robust": "reliable", "simple": "plain", "effective": "strong", "task": "problem", "tasks": "problems",
    "however": "yet", "extensive": "broad", "remains": "stays", "paper": "work", "enables": "allows",
}
_WORD = re.compile(r"\b[a-z]{4,}\b")
_DECIMAL = re.compile(r"(?<![\w.\-])(\d{1,3})\.(\d{1,2})(?![\w.\-])")
_TITLE_NAME = re.compile(r"^([^:]{2,40}):\s")


# ---------------------------------------------------------------------------------------------
# The papers
# ---------------------------------------------------------------------------------------------


def base_papers(corpus: Path) -> list[dict]:
    """The corpus's distinct papers in a fixed order spread over its dates (by a hash of the key)."""
    from paperkg.identity import merge_records
    from paperkg.sources import read_sources

    papers = merge_records(read_sources([corpus]).papers)
    rows = [
        {"id": p.arxiv_id or "", "title": p.title, "abstract": p.abstract, "authors": list(p.authors),
         "published": p.published or ""}
        for p in papers
    ]
    return sorted(rows, key=lambda r: hashlib.sha1((r["id"] or r["title"]).encode()).hexdigest())


def perturbed(paper: dict, copy: int, index: int) -> dict:
    """Copy ``copy`` (>= 1) of a base paper: its own id, its own name, reworded and renumbered."""
    rng = random.Random(f"{copy}:{index}")
    title, abstract = paper["title"], paper["abstract"]
    named = _TITLE_NAME.match(title)
    if named and len(named.group(1).split()) <= 4:
        name = named.group(1).strip()
        pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w])")
        title = pattern.sub(f"{name}Q{copy}", title)
        abstract = pattern.sub(f"{name}Q{copy}", abstract)
    chosen = {word: swap for word, swap in SYNONYMS.items() if rng.random() < 0.5}
    reword = lambda m: chosen.get(m.group(0), m.group(0))  # noqa: E731
    title, abstract = _WORD.sub(reword, title), _WORD.sub(reword, abstract)
    words = abstract.split(" ")
    plain = [i for i in range(len(words) - 1) if words[i].isalpha() and words[i + 1].isalpha() and words[i].islower()]
    if plain:
        i = rng.choice(plain)
        words[i], words[i + 1] = words[i + 1], words[i]
    abstract = " ".join(words)

    def renumber(match: re.Match) -> str:
        whole, decimals = int(match.group(1)), match.group(2)
        value = max(0.0, whole + int(decimals) / 10 ** len(decimals) + rng.uniform(-2.0, 2.0))
        return f"{value:.{len(decimals)}f}"

    abstract = _DECIMAL.sub(renumber, abstract)
    # yymm.nnnnn with yy from 30: never a real id, unique for 840 copies of < 100,000 papers
    arxiv_id = f"{30 + copy // 12:02d}{1 + copy % 12:02d}.{index:05d}"
    return {"id": arxiv_id, "title": title, "abstract": abstract, "authors": paper["authors"], "published": paper["published"]}


def paper_at(base: list[dict], i: int) -> dict:
    copy, index = divmod(i, len(base))
    return dict(base[index]) if copy == 0 else perturbed(base[index], copy, index)


def write_corpus(base: list[dict], papers: int, folder: Path, *, first: int = 0) -> list[Path]:
    """``papers`` papers (paper ``first`` on) as JSON Lines files of up to PAPERS_PER_FILE papers each."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for start in range(first, first + papers, PAPERS_PER_FILE):
        path = folder / f"papers_{start // PAPERS_PER_FILE:03d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(start, min(first + papers, start + PAPERS_PER_FILE)):
                out.write(json.dumps(paper_at(base, i), ensure_ascii=False) + "\n")
        files.append(path)
    return files


# ---------------------------------------------------------------------------------------------
# Measuring commands
# ---------------------------------------------------------------------------------------------


def run_measured(args: list[str], *, cwd: Path) -> dict:
    """Run a command: wall time; CPU time of the command (and what it waited for) plus that of its
    other descendants (extraction workers, sampled); the largest process's peak RSS; and the peak
    RSS summed over the process tree (sampled every 0.2 s)."""
    wrapper = (
        "import resource, subprocess, sys\n"
        "code = subprocess.run(sys.argv[1:]).returncode\n"
        "used = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(used.ru_maxrss, used.ru_utime + used.ru_stime, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    peak_tree = 0
    cpu_seen: dict[int, float] = {}
    parents: dict[int, int] = {}
    roots: set[int] = set()

    def sample(root: int) -> None:
        nonlocal peak_tree
        roots.add(root)
        tree = process_tree(root)
        peak_tree = max(peak_tree, sum(rss for rss, _, _ in tree.values()))
        for pid, (_, cpu, parent) in tree.items():
            cpu_seen[pid] = max(cpu_seen.get(pid, 0.0), cpu)
            parents[pid] = parent

    out, err, wall = run_sampled([sys.executable, "-c", wrapper, *args], sample, interval=0.2, cwd=cwd)
    max_rss_kb, cpu_s = err.strip().splitlines()[-1].split()
    # The command itself and the wrapper are in cpu_s (the wrapper's own share is tiny); worker
    # processes that the command does not wait for are only in the samples.
    waited = roots | {pid for pid, parent in parents.items() if parent in roots}
    others = sum(cpu for pid, cpu in cpu_seen.items() if pid not in waited)
    return {"wall_s": wall, "cpu_s": float(cpu_s) + others, "peak_rss_mb": int(max_rss_kb) / 1024,
            "peak_tree_rss_mb": peak_tree / 2**20, "stdout": out}


def best_of(args: list[str], *, cwd: Path, runs: int = 3) -> tuple[float, float, float]:
    """Process start to exit: best wall time and best CPU time (user + system) of ``runs``, and
    the largest peak RSS."""
    measured = [run_measured(args, cwd=cwd) for _ in range(runs)]
    return min(m["wall_s"] for m in measured), min(m["cpu_s"] for m in measured), max(m["peak_rss_mb"] for m in measured)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def pick_questions(db: Path, cwd: Path) -> dict[str, str]:
    """A dataset, a model and a paper to ask about at every scale, chosen on the 1x graph."""

    def rows(*args: str) -> list[dict]:
        out = subprocess.run([*KG, *args, "--db", str(db), "--json"], cwd=cwd, check=True, capture_output=True, text=True)
        return json.loads(out.stdout)

    dataset = rows("top", "--type", "dataset")[0]["name"]
    model = rows("top", "--type", "model")[0]["name"]
    cited = rows("top", "--type", "paper")
    paper = cited[0]["key"] if cited else rows("papers")[0]["key"]
    return {"dataset": dataset, "model": model, "paper": paper}


def questions(picked: dict[str, str]) -> dict[str, list[str]]:
    return {
        "papers --dataset": ["papers", "--dataset", picked["dataset"]],
        "entity": ["entity", picked["model"]],
        "related": ["related", picked["paper"]],
        "cites": ["cites", picked["paper"]],
        "cited-by": ["cited-by", picked["paper"]],
        "stats": ["stats"],
        "search": ["search", "reinforcement", "learning", "reasoning"],
    }


def measure_scale(base: list[dict], scale: int, work: Path, jobs: int | None, picked: dict[str, str] | None) -> dict:
    papers = BUNDLED_PAPERS * scale
    corpus = work / f"corpus_{scale}x"
    db = work / f"db_{scale}x"
    shutil.rmtree(db, ignore_errors=True)
    started = time.perf_counter()
    if not corpus.exists():
        write_corpus(base, papers, corpus)
    generate_s = time.perf_counter() - started
    build_args = [*KG, "build", str(corpus), "--db", str(db), "-q"] + (["--jobs", str(jobs)] if jobs else [])
    built = run_measured(build_args, cwd=work)
    print(f"{scale}x: built {papers} papers in {built['wall_s']:.1f} s", file=sys.stderr, flush=True)
    picked = picked or pick_questions(db, work)
    asked = {name: best_of([*KG, *args, "--db", str(db)], cwd=work) for name, args in questions(picked).items()}
    store_bytes = folder_bytes(db)
    # New papers into the big store: the next ADDED_PAPERS of the same sequence (distinct from all
    # the store holds), extracted, written and the inferred citations refreshed.
    extra = work / f"added_{scale}x"
    shutil.rmtree(extra, ignore_errors=True)
    write_corpus(base, ADDED_PAPERS, extra, first=papers)
    added = run_measured([*KG, "build", str(extra), "--db", str(db), "-q"] + (["--jobs", str(jobs)] if jobs else []), cwd=work)
    print(f"{scale}x: added {ADDED_PAPERS} papers in {added['wall_s']:.1f} s", file=sys.stderr, flush=True)
    return {
        "scale": scale,
        "papers": papers,
        "generate_s": round(generate_s, 2),
        "build_s": round(built["wall_s"], 2),
        "build_cpu_s": round(built["cpu_s"], 2),
        "papers_per_s": round(papers / built["wall_s"], 1),
        "build_peak_rss_mb": round(built["peak_rss_mb"], 1),
        "build_peak_tree_rss_mb": round(built["peak_tree_rss_mb"], 1),
        "store_mb": round(store_bytes / 2**20, 2),
        "add_1000_s": round(added["wall_s"], 2),
        "add_1000_peak_rss_mb": round(added["peak_rss_mb"], 1),
        "build_summary": built["stdout"].strip().splitlines()[-1],
        "questions_s": {name: round(wall, 3) for name, (wall, _, _) in asked.items()},
        "questions_cpu_s": {name: round(cpu, 3) for name, (_, cpu, _) in asked.items()},
        "questions_peak_rss_mb": {name: round(rss, 1) for name, (_, _, rss) in asked.items()},
        "picked": picked,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100", help="multiples of the bundled corpus (670 papers)")
    parser.add_argument("--with-1000x", action="store_true", help="also 1,000x (670,000 papers)")
    parser.add_argument("--jobs", type=int, default=None, help="kg build --jobs (default: kg's own default)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--work", type=Path, default=None, help="folder for corpora and stores (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    if args.with_1000x and 1000 not in scales:
        scales.append(1000)
    if scales[0] != 1:
        scales.insert(0, 1)  # the baseline every ratio is taken against

    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    use_cached_bytecode(work / "pycache")
    base = base_papers(args.corpus)
    results: list[dict] = []
    try:
        picked = None
        for scale in scales:
            row = measure_scale(base, scale, work, args.jobs, picked)
            picked = picked or row["picked"]
            results.append(row)
            if args.json:  # each scale as it is done: a long 1,000x run stopped early keeps the others
                args.json.with_suffix(".partial.json").write_text(json.dumps({"jobs": args.jobs, "runs": results}, indent=2))
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)

    from rich.table import Table

    one = results[0]
    figures = [
        ("build_s", "build s"),
        ("build_cpu_s", "build CPU s (user+sys, all its processes)"),
        ("papers_per_s", "papers/s"),
        ("build_peak_rss_mb", "peak RSS MB (largest process)"),
        ("build_peak_tree_rss_mb", "peak RSS MB (all build processes)"),
        ("store_mb", "store MB"),
        ("add_1000_s", f"+{ADDED_PAPERS:,} papers into the store s"),
        ("add_1000_peak_rss_mb", f"+{ADDED_PAPERS:,} papers peak RSS MB"),
    ]

    def cell(value: float, baseline: float, digits: int = 2) -> str:
        return f"{value:,.{digits}f} ({value / max(baseline, 1e-9):.1f}x)"

    table = Table(title=f"kg at scale (ratio to 1x in brackets); base corpus {len(base)} papers, jobs {args.jobs or 'default'}")
    table.add_column("figure")
    for row in results:
        table.add_column(f"{row['scale']}x ({row['papers']:,} papers)", justify="right")
    for key, title in figures:
        table.add_row(title, *(cell(row[key], one[key], 1) for row in results))
    for name in one["questions_s"]:
        table.add_row(f"kg {name} (s, best of 3)", *(cell(row["questions_s"][name], one["questions_s"][name]) for row in results))
        table.add_row("  CPU s", *(cell(row["questions_cpu_s"][name], one["questions_cpu_s"][name]) for row in results))
    for row in results:
        for key, _ in figures:
            row[f"{key}_vs_1x"] = round(row[key] / max(one[key], 1e-9), 2)
        row["questions_vs_1x"] = {n: round(s / max(one["questions_s"][n], 1e-9), 2) for n, s in row["questions_s"].items()}
        row["questions_cpu_vs_1x"] = {
            n: round(s / max(one["questions_cpu_s"][n], 1e-9), 2) for n, s in row["questions_cpu_s"].items()
        }
    result = {"jobs": args.jobs, "base_papers": len(base), "cores": os.cpu_count(), "runs": results,
              "python_bytecode": "compiled on first use and cached (PYTHONPYCACHEPREFIX under the work folder)",
              "bench_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    return report(table, result, args.json, width=220)


if __name__ == "__main__":
    sys.exit(main())
