"""Score extraction on the dev golds: gold_dev.json, and gold_dev_hf.json split in two halves.

Keys ending in an even digit are the tuning half (read its misses for ideas); keys ending in an
odd digit are the check half (scored, never read: this script prints no misses for it).

    python tools/eval_splits.py [--shared ../shared] [--misses tune.json] [--json]

tests/data/corpus_sample_80.json (80 unlabeled corpus papers annotated here by the guidelines,
none of them a dev gold paper), corpus_sample_100_recent.json (100 more, published from
2025-07), corpus_sample_100_2026.json (100 published in 2026) and corpus_sample_100_late.json (100
more from 2025-07, drawn after the others) are scored too, as "corpus80", "recent100", "y2026_100"
and "late100"; they are read for ideas like the tuning half, each only after its first score.
corpus_sample_100_fresh.json (100 more from 2025-10) is a second check set, "fresh100": scored,
never read. corpus_sample_100_new.json (100 more from 2025-10, "new100") and seed_sample_100.json
(100 papers of the bundled seed sample outside gold_dev.json, "seed100") and
corpus_sample_100_early.json (100 more published before 2025-07, "early100") and corpus_sample_100_any.json
(100 more of any date, "any100") and corpus_sample_100_rich.json (100 whose abstracts name many models,
"rich100") and corpus_sample_100_more.json (100 more of any date, "more100") are read like late100.
seed_sample_100_b.json (100 more bundled seed papers, "seed2_100") is kept unread like fresh100 until
a stop reads it after its first score; seed_sample_100_c.json (100 more, "seed3_100") is read like late100;
seed_sample_100_d.json (100 more, "seed4_100") is kept unread like seed2_100.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from paperkg.evaluation import gold_papers, pooled_results, prediction_record, score, score_results, with_results
from paperkg.extractors.pipeline import extract_papers

SAMPLES = {
    "corpus80": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_80.json",
    "recent100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_recent.json",
    "y2026_100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_2026.json",
    "late100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_late.json",
    "fresh100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_fresh.json",
    "new100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_new.json",
    "seed100": Path(__file__).resolve().parents[1] / "tests" / "data" / "seed_sample_100.json",
    "early100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_early.json",
    "any100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_any.json",
    "rich100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_rich.json",
    "more100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_more.json",
    "next100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_next.json",
    "later100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_later.json",
    "last100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_last.json",
    "extra100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_extra.json",
    "plus100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_plus.json",
    "dec100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_dec.json",
    "uv100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_uv.json",
    "wx100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_wx.json",
    "yz100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_yz.json",
    "ab100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_ab.json",
    "cd100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_cd.json",
    "ef100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_ef.json",
    "gh100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_gh.json",
    "ij100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_ij.json",
    "kl100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_kl.json",
    "mn100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_mn.json",
    "op100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_op.json",
    "qr100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_qr.json",
    "st100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_st.json",
    "za100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_za.json",
    "zb100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zb.json",
    "zc100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zc.json",
    "zd100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zd.json",
    "ze100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_ze.json",
    "zf100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zf.json",
    "zg100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zg.json",
    "zh100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zh.json",
    "zi100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zi.json",
    "zj100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zj.json",
    "zk100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zk.json",
    "zl100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zl.json",
    "zm100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zm.json",
    "zn100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zn.json",
    "zo100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zo.json",
    "zp100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zp.json",
    "zq100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zq.json",
    "zr100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zr.json",
    "zs100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zs.json",
    "zt100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zt.json",
    "zu100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zu.json",
    "zv100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zv.json",
    "zw100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zw.json",
    "zx100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zx.json",
    "zy100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zy.json",
    "zz100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_zz.json",
    "aa100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_aa.json",
    "ba100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_ba.json",
    "bb100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_bb.json",
    "ha100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_ha.json",
    "hb100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_hb.json",
    "hc100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_hc.json",
    "hd100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_hd.json",
    "ia100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_ia.json",
    "ib100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_ib.json",
    "ic100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_ic.json",
    "id100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_id.json",
    "ie100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_ie.json",
    "if100": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_100_if.json",
    "ig95": Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_sample_95_ig.json",
    "seed2_100": Path(__file__).resolve().parents[1] / "tests" / "data" / "seed_sample_100_b.json",
    "seed3_100": Path(__file__).resolve().parents[1] / "tests" / "data" / "seed_sample_100_c.json",
    "seed4_100": Path(__file__).resolve().parents[1] / "tests" / "data" / "seed_sample_100_d.json",
}
ROWS = ("model", "dataset", "method", "any", "introduces", "repos")


def split_hf(gold: list[dict]) -> tuple[list[dict], list[dict]]:
    """(tuning half, check half) by the last digit of each paper's key."""
    tune = [p for p in gold if p["key"][-1].isdigit() and int(p["key"][-1]) % 2 == 0]
    check = [p for p in gold if not (p["key"][-1].isdigit() and int(p["key"][-1]) % 2 == 0)]
    return tune, check


def run(gold: list[dict], path: Path):
    papers = gold_papers(gold, path)
    predictions = [prediction_record(p, x) for p, x in zip(papers, extract_papers(papers), strict=True)]
    return score(gold, predictions), score_results(gold, predictions)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--misses", type=Path, help="write the tuning half's misses and false positives here")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    dev_path = args.shared / "eval" / "gold_dev.json"
    hf_path = args.shared / "eval" / "gold_dev_hf.json"
    results_gold = json.loads((args.shared / "eval" / "gold_results_dev.json").read_text(encoding="utf-8"))
    tune, check = split_hf(with_results(json.loads(hf_path.read_text(encoding="utf-8")), results_gold))
    sets = {
        "gold_dev": (with_results(json.loads(dev_path.read_text(encoding="utf-8")), results_gold), dev_path),
        "hf_tune": (tune, hf_path),
        "hf_check": (check, hf_path),
    }
    for name, sample in SAMPLES.items():
        if sample.exists():
            sets[name] = (json.loads(sample.read_text(encoding="utf-8")), sample)
    scored = {name: run(gold, path) for name, (gold, path) in sets.items()}
    results = {name: pair[0] for name, pair in scored.items()}
    table = {name: {k: r.counts[k].as_dict() for k in ROWS} for name, r in results.items()}
    for name, (_, reported) in scored.items():
        if name not in SAMPLES:  # the corpus samples are annotated for entities only
            table[name]["results"] = reported.as_dict()
    # Every dev paper at once: tp/fp/fn summed over the three sets (counts only, so the check
    # half's misses stay unread here too).
    pooled = {"results": pooled_results(reported for name, (_, reported) in scored.items() if name not in SAMPLES).as_dict()}
    if args.misses:
        tuned, tuned_results = scored["hf_tune"]
        document = {
            "misses": tuned.misses, "false_positives": tuned.false_positives,
            "result_misses": tuned_results.misses, "result_false_positives": tuned_results.false_positives,
            "result_wrong_subjects": tuned_results.wrong_subjects,
        }
        args.misses.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.json:
        print(json.dumps({**table, "all": pooled}, indent=2))
        return 0
    print(f"{'set':10} " + " ".join(f"{k:>22}" for k in ROWS))
    for name, row in table.items():
        cells = [f"{row[k]['f1']:.3f} (P{row[k]['precision']:.2f} R{row[k]['recall']:.2f})" for k in ROWS]
        print(f"{name:10} " + " ".join(f"{c:>22}" for c in cells))
    rows = [(name, row["results"]) for name, row in table.items() if name not in SAMPLES]  # samples: entities only
    rows.append((f"all {sum(len(gold) for name, (gold, _) in sets.items() if name not in SAMPLES)}", pooled["results"]))
    print(f"{'results':10} " + " ".join(
        f"{name}: P{r['precision']:.3f} R{r['recall']:.3f} subject {r['subject_accuracy']:.3f}"
        f" (tp{r['tp']} fp{r['fp']} fn{r['fn']})"
        for name, r in rows
    ))
    return 0


if __name__ == "__main__":
    sys.exit(main())
