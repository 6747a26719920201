"""`kg leaderboard`, `kg results`, `kg trends` (terminal, JSON, CSV, the offline HTML chart) and
result scoring in `kg eval`, on the bundled corpus and a small dated fixture (tests/data/dated_papers.jsonl)."""

from __future__ import annotations

import json

import pytest

from paperkg.trends import month_range, sparkline
from tests.conftest import DATA, run_kg

DATED = DATA / "dated_papers.jsonl"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from click.testing import CliRunner

    db = tmp_path_factory.mktemp("results") / "store"
    runner = CliRunner()
    run_kg(runner, "build", "--db", str(db), "-q")
    run_kg(runner, "build", str(DATED), "--db", str(db), "-q")
    return str(db)


def _json(runner, *args, expect: int = 0):
    return json.loads(run_kg(runner, *args, "--json", expect=expect).stdout)


def test_leaderboard_ranks_best_value_per_subject_with_its_paper(runner, built):
    rows = _json(runner, "leaderboard", "GSM8K", "--db", built)
    by_subject = {r["subject"]: r for r in rows}
    assert by_subject["GPT-4"]["value"] == 92.0 and by_subject["GPT-4"]["rank"] == 1
    assert by_subject["ChainRL"]["value"] == 68.9 and by_subject["ChainRL"]["own"] is True
    assert by_subject["Mistral-7B"]["value"] == 52.2
    ranks = [r["rank"] for r in rows if r["metric"] == "score"]
    assert ranks == sorted(ranks)
    assert all(r["evidence"] and r["paper"].startswith("paper:") for r in rows)


def test_lower_is_better_metrics_rank_upwards(runner, built):
    rows = _json(runner, "leaderboard", "ImageNet", "--family", "--metric", "FID", "--db", built)
    values = [r["value"] for r in rows]
    assert values == sorted(values) and 1.34 in values and rows[0]["better"] == "lower"


def test_leaderboard_csv_and_unknown_dataset(runner, built):
    out = run_kg(runner, "leaderboard", "MMLU", "--db", built, "--csv").output
    assert out.splitlines()[0].startswith("rank,subject,own,dataset,metric,better,value")
    failed = run_kg(runner, "leaderboard", "NoSuchBench", "--db", built, expect=4)
    assert failed.output.count("\n") == 1 and failed.output.startswith("error: no dataset named")


def test_results_of_a_paper(runner, built):
    rows = _json(runner, "results", "Qwen2 Technical Report", "--db", built)
    assert ("MMLU", 84.2) in [(r["dataset"], r["value"]) for r in rows]
    table = run_kg(runner, "results", "2403.00404", "--db", built).output
    assert "ChainRL" in table and "68.9" in table


def test_trends_of_named_entities(runner, built):
    document = _json(runner, "trends", "GSM8K", "MMLU", "--db", built)
    assert document["months"] == month_range("2024-01", "2024-06")
    gsm = document["entities"][0]
    assert gsm["name"] == "GSM8K" and gsm["counts"] == [1, 1, 1, 1, 0, 2] and gsm["papers"] == 6
    assert document["undated_papers_left_out"] == 670
    result = run_kg(runner, "trends", "GSM8K", "--db", built)
    assert "▅" in result.output or "█" in result.output
    assert "670 papers with no known month" in result.output
    csv_rows = run_kg(runner, "trends", "GSM8K", "--db", built, "--csv").stdout.splitlines()
    assert csv_rows[0] == "key,name,month,papers,month_papers,share" and len(csv_rows) == 7


def test_rising_entities_with_counts(runner, built):
    document = _json(runner, "trends", "--rising", "--type", "dataset", "--min-papers", "1", "--db", built)
    names = [e["name"] for e in document["entities"]]
    assert "AIME 2024" in names
    aime = document["entities"][names.index("AIME 2024")]
    assert aime["early_papers"] == 0 and aime["late_papers"] == 2 and aime["growth"] > 1


def test_trends_usage_errors(runner, built):
    assert run_kg(runner, "trends", "--rising", "--db", built, expect=2).exit_code == 2
    assert "YYYY-MM" in run_kg(runner, "trends", "GSM8K", "--since", "2024-13", "--db", built, expect=2).output


def test_sparkline():
    assert sparkline([0, 1, 2, 4]) == "▁▃▅█" and sparkline([0, 0]) == "▁▁"


def test_trends_page_is_offline_and_escaped(runner, built, tmp_path):
    page = tmp_path / "trends.html"
    run_kg(runner, "trends", "GSM8K", "MMLU", "--html", str(page), "--db", built)
    html = page.read_text()
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "default-src 'none'" in html and html.count('class="series"') == 2


@pytest.mark.browser
def test_trends_page_opens_in_chromium_without_errors_or_requests(browser, runner, built, tmp_path):
    page = tmp_path / "rising.html"
    run_kg(runner, "trends", "--rising", "--type", "dataset", "--min-papers", "1", "--html", str(page), "--db", built)
    report = browser.open_static(
        page,
        "() => ({lines: document.querySelectorAll('#chart polyline').length, "
        "width: document.getElementById('chart').getBoundingClientRect().width})",
    )
    assert report.console_errors == [] and report.requests == [] and report.dialogs == []
    assert report.state["lines"] >= 1 and report.state["width"] > 500
    assert report.screenshot[:8] == b"\x89PNG\r\n\x1a\n"


def test_eval_scores_results_when_the_gold_has_them(runner, tmp_path):
    gold = [
        {
            "key": "x",
            "title": "ChainRL: Reinforcement Learning for Chains of Thought",
            "abstract": "We propose ChainRL, which improves Mistral-7B from 52.2% to 68.9% on GSM8K.",
            "results": [
                {"subject": "Mistral-7B", "own": False, "dataset": "GSM8K", "value": 52.2},
                {"subject": "ChainRL", "own": True, "dataset": "GSM8K", "value": 68.9},
                {"subject": "ChainRL", "own": True, "dataset": "MATH", "value": 40.0},
            ],
        }
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold))
    scores = json.loads(run_kg(runner, "eval", "--gold", str(path), "--json").output)["results"]["scores"]
    assert (scores["tp"], scores["fp"], scores["fn"], scores["subject_accuracy"]) == (2, 0, 1, 1.0)
