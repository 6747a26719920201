#!/usr/bin/env python3
"""Build the extractors' gazetteer files from shared/gazetteer-sources, keeping source and licence.

    python tools/build_gazetteers.py [--sources ../shared/gazetteer-sources] [--pypi-cache build/gazetteer-pypi]

Writes one TSV per source into extractors/data/ (each with a header naming its source and
licence) and extractors/data/NOTICE.md. Besides shared/, it reads pinned PyPI wheels of the ML
ecosystem's own registries (tools/pypi_gazetteers.py: transformers, timm, torchvision,
evalscope, lmms-eval, crfm-helm, lm-eval, mteb), downloaded once into the cache folder and read without installing them.
The hand-written lists (extractors/data/curated_*.tsv) are general knowledge of the field;
nothing is taken from the bundled corpus or the gold files.
Re-run it when the sources change; the outputs are committed so that paperkg needs no network
and no shared/ folder at run time.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "extractors" / "data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the PyPI readers use the gazetteer's own word rules

import pypi_gazetteers  # noqa: E402  (beside this script; needs ROOT on the path)

# Papers with Code collections of low-level building blocks: names like "Linear Layer" or
# "Dense Connections" are everywhere in abstracts without naming a technique a reader looks up.
PWC_SKIPPED_COLLECTIONS = {
    "Activation Functions",
    "Adaptive Activation Functions",
    "Feedforward Networks",
    "Pooling Operations",
    "Output Functions",
    "Convolutions",
    "Skip Connections",
    "Skip Connection Blocks",
    "Image Model Blocks",
    "Initialization",
    "Learning Rate Schedules",
    "Miscellaneous Components",
    "Position Embeddings",
    "Attention Mechanisms",
    "Attention Modules",
    "Attention Patterns",
    "Normalization",
    "Regularization",
    "Parameter Norm Penalties",
    "Loss Functions",
    "Proposal Filtering",
    "Image Data Augmentation",
}
# Collections whose members are trained models rather than techniques.
PWC_MODEL_COLLECTIONS = {
    "Language Models",
    "Autoencoding Transformers",
    "Autoregressive Transformers",
    "Vision and Language Pre-Trained Models",
    "Convolutional Neural Networks",
    "Image Models",
    "Object Detection Models",
    "One-Stage Object Detection Models",
    "Vision Transformers",
    "Semantic Segmentation Models",
    "Instance Segmentation Models",
    "Text-to-Speech Models",
    "Speech Recognition Models",
    "Generative Audio Models",
    "Image Generation Models",
    "Light-weight neural networks",
    "Backbone Architectures",
}
_TITLE_WORD = re.compile(r"^[A-Z][a-z]+$")
_PHRASE_WORD = re.compile(r"^[A-Z]?[a-z]+$")
PWC_PHRASE_MIN_PAPERS = 20
# Entries that are ordinary descriptions rather than names of techniques.
PWC_DENYLIST = {
    "Low-resolution input",
    "High-resolution input",
    "Causal inference",
    "Visual Analytics",
    "Feature Selection",
    "Visual Attention",
    "Class Attention",
    "Self-Learning",
    "Grid Sensitive",
    "Low-level backbone",
    "High-level backbone",
    "Cross-resolution features",
}


def is_phrase(name: str) -> bool:
    """True for names spelled like ordinary words, which the matcher compares case-blind."""
    return all(_PHRASE_WORD.match(word) for word in re.split(r"[\s-]+", name) if word)


LM_EVAL_DISTINCT = re.compile(r"\d|(qa|mmlu|bench|glue)$")


def read_curated(kind: str) -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in (OUT / f"curated_{kind}s.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, aliases = line.partition("\t")
        rows.append((kind, name.strip(), [a.strip() for a in aliases.split("|") if a.strip()]))
    return rows


def pwc_methods(sources: Path) -> list[tuple[str, str, list[str]]]:
    methods = json.loads((sources / "pwc_methods" / "methods.json").read_text(encoding="utf-8"))
    rows = []
    for method in methods:
        name = (method.get("name") or "").strip()
        collections = {c["collection"] for c in method.get("collections") or []}
        if not name or name in PWC_DENYLIST or len(name) < 2 or (collections and collections <= PWC_SKIPPED_COLLECTIONS):
            continue
        if _TITLE_WORD.match(name) or name.islower() and " " not in name or name.startswith("("):
            continue  # one ordinary word ("Focus", "Diffusion"): too often just the word
        if is_phrase(name) and (method.get("num_papers") or 0) < PWC_PHRASE_MIN_PAPERS:
            continue  # a rare entry spelled as an ordinary phrase ("High-level backbone")
        full = (method.get("full_name") or "").strip()
        aliases = [full] if full and full != name and len(full.split()) <= 6 else []
        kind = "model" if collections & PWC_MODEL_COLLECTIONS and name != "Transformer" else "method"
        rows.append((kind, name, aliases))
    return rows


def opencompass(sources: Path) -> list[tuple[str, str, list[str]]]:
    rows = []
    with open(sources / "opencompass" / "datasets.tsv", encoding="utf-8") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            raw = record["name"].replace("(Deprecated)", "").strip()
            raw = raw.split(" / ")[-1].strip()
            match = re.match(r"^(.*?)\s*\((.+)\)$", raw)
            name, aliases = (match.group(1).strip(), [match.group(2).strip()]) if match else (raw, [])
            if len(name) < 3 or "_" in name:
                continue
            rows.append(("dataset", name, aliases))
    with open(sources / "opencompass" / "model_hf_ids.tsv", encoding="utf-8") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            name = record["model_name"].strip()
            if name and "_" not in name and re.search(r"[A-Za-z]", name) and not name.islower():
                rows.append(("model", name, []))
    return rows


def lm_eval(sources: Path) -> list[tuple[str, str, list[str]]]:
    rows = []
    with open(sources / "lm_eval_harness" / "task_families.tsv", encoding="utf-8") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            family = record["task_family"].strip()
            if "_" in family or "/" in family or len(family) < 4 or not LM_EVAL_DISTINCT.search(family):
                continue
            rows.append(("dataset", family, []))
    return rows


OUTPUTS = {
    "gazetteer_curated.tsv": ("paperkg maintainers, general knowledge of the field", "MIT", None),
    "gazetteer_pwc_methods.tsv": (
        "Papers with Code methods dump via GitHub kuefmz/pow_categories (shared/gazetteer-sources/pwc_methods)",
        "CC-BY-SA-4.0 (derived data, shared alike)",
        pwc_methods,
    ),
    "gazetteer_opencompass.tsv": (
        "GitHub open-compass/opencompass datasets and model configs (shared/gazetteer-sources/opencompass)",
        "Apache-2.0",
        opencompass,
    ),
    "gazetteer_lm_eval.tsv": (
        "GitHub EleutherAI/lm-evaluation-harness task families (shared/gazetteer-sources/lm_eval_harness)",
        "MIT",
        lm_eval,
    ),
}

# Files written by other scripts, listed in NOTICE.md beside the ones built here.
OTHER_OUTPUTS = {
    "gazetteer_mined.tsv": (
        "names and types mined from the Hugging Face daily-papers corpus (GitHub "
        "2404589803/hf-daily-paper-newsletter-chinese, shared/corpus/hf_daily) by tools/mine_corpus_names.py: "
        "names typed by their contexts in at least two distinct papers",
        "Apache-2.0 (corpus; the names and types are derived data under the same licence)",
    ),
}


def write(path: Path, source: str, licence: str, rows: list[tuple[str, str, list[str]]]) -> None:
    seen = set()
    lines = [f"# source: {source}", f"# licence: {licence}", "type\tname\taliases"]
    for kind, name, aliases in rows:
        if (kind, name) in seen:
            continue
        seen.add((kind, name))
        lines.append(f"{kind}\t{name}\t{'|'.join(aliases)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(seen)} entries", file=sys.stderr)


def pypi_origin(pin: pypi_gazetteers.Pin) -> str:
    return f"PyPI {pin.package}=={pin.version} ({pin.read})"


# Acronyms spelled like English words (SELECT, WARP, MOSAIC) are coined again and again by
# unrelated papers; the citation inference needs to know them. Zipf 3.5 keeps about 15,000 words.
COMMON_WORDS_ZIPF = 3.5


def write_common_words(cache: Path) -> None:
    """extractors/data/common_words.txt: frequent English words (lower case, letters only)."""
    wheel = pypi_gazetteers.fetch(pypi_gazetteers.WORDFREQ, cache)
    words = sorted(w for w in pypi_gazetteers.common_words(wheel, zipf=COMMON_WORDS_ZIPF) if w.isalpha() and w.isascii())
    header = [
        f"# source: PyPI wordfreq=={pypi_gazetteers.WORDFREQ.version} (data/large_en): "
        f"English words at Zipf >= {COMMON_WORDS_ZIPF}",
        "# licence: CC-BY-SA-4.0 (wordfreq's data; derived data, shared alike)",
    ]
    (OUT / "common_words.txt").write_text("\n".join(header + words) + "\n", encoding="utf-8")
    print(f"extractors/data/common_words.txt: {len(words)} words")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "gazetteer-sources")
    parser.add_argument("--pypi-cache", type=Path, default=ROOT / "build" / "gazetteer-pypi")
    args = parser.parse_args()
    for filename, (source, licence, reader) in OUTPUTS.items():
        if reader is None:
            rows = [row for kind in ("model", "dataset", "method") for row in read_curated(kind)]
        else:
            rows = reader(args.sources)
        write(OUT / filename, source, licence, rows)
    pypi_rows = pypi_gazetteers.build_all(args.pypi_cache, OUT / "not_entities.tsv")
    write_common_words(args.pypi_cache)
    for filename, pypi_source in pypi_gazetteers.SOURCES.items():
        write(OUT / filename, pypi_origin(pypi_source.pin), pypi_source.pin.licence, pypi_rows[filename])
    notice = ["# Gazetteer sources and licences", ""]
    notice += [f"- `{name}`: {source}; licence {licence}." for name, (source, licence, _) in OUTPUTS.items()]
    notice += [f"- `{name}`: {source}; licence {licence}." for name, (source, licence) in OTHER_OUTPUTS.items()]
    notice += [f"- `{name}`: {pypi_origin(s.pin)}; licence {s.pin.licence}." for name, s in pypi_gazetteers.SOURCES.items()]
    notice += [
        "",
        "`gazetteer_pwc_methods.tsv` is derived from the Papers with Code methods data (CC-BY-SA-4.0):",
        "it is shared under the same licence, with attribution to Papers with Code and its contributors.",
        "The curated lists (`curated_*.tsv`) are the project's own, written from general knowledge.",
        "Names that are common English words are left out of the PyPI-derived files, judged by",
        f"{pypi_origin(pypi_gazetteers.WORDFREQ)}. `common_words.txt` lists English words at Zipf >= {COMMON_WORDS_ZIPF}",
        "from the same data (CC-BY-SA-4.0, shared alike); the citation inference uses it to tell acronyms",
        "spelled like words (SELECT, WARP) from coined names.",
    ]
    (OUT / "NOTICE.md").write_text("\n".join(notice) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
