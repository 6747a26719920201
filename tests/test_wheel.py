"""The package as a user gets it: a wheel built from the source, installed (not editable) into a
fresh virtual environment, run from an empty folder far from the repository.

The new environment installs paperkg's dependencies the ordinary way, from pip's cache when it
holds them (fast) or from PyPI on a fresh machine; nothing of the test environment is reused.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import paperkg

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ("kg", "extractors", "queries", "pyproject.toml", "README.md", "LICENSE")
LICENCE_FILES = {"LICENSE", "extractors/data/NOTICE.md", "kg/data/NOTICE.md"}

pytestmark = pytest.mark.slow


def _run(args: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(map(str, args))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """The wheel, the fresh environment it is installed into, and an empty folder to run in."""
    base = tmp_path_factory.mktemp("wheel")
    # A clean environment: no PYTHONPATH to the repository, no KG_* store settings of the caller.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KG_", "PYTHON", "VIRTUAL_ENV"))}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    source = base / "source"  # a copy, so the build writes nothing into the checkout
    source.mkdir()
    for name in SOURCE:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(origin, source / name)
    dist = base / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source)], cwd=base, env=env)
    [wheel] = dist.glob("paperkg-*.whl")
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=base, env=env)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    # --no-compile: byte-compile only the modules the commands import, when they first import them
    _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-compile", str(wheel)], cwd=base, env=env)
    work = base / "empty"
    work.mkdir()
    return {"wheel": wheel, "bin": bin_dir, "work": work, "env": env}


def _kg(installed: dict, *args: str) -> str:
    return _run([str(installed["bin"] / "kg"), *args], cwd=installed["work"], env=installed["env"]).stdout


def test_wheel_holds_one_top_level_package_and_the_licence_files(installed):
    with zipfile.ZipFile(installed["wheel"]) as wheel:
        names = wheel.namelist()
        metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode("utf-8")
    dist_info = f"paperkg-{paperkg.__version__}.dist-info"
    assert {name.split("/", 1)[0] for name in names} == {"paperkg", dist_info}
    assert {n.removeprefix(f"{dist_info}/licenses/") for n in names if "/licenses/" in n} == LICENCE_FILES
    assert {"paperkg/data/gold_dev.json", "paperkg/queries/papers_by_id.cypher", "paperkg/py.typed"} <= set(names)
    assert "License-Expression: MIT" in metadata and f"Version: {paperkg.__version__}" in metadata
    assert "Classifier: Typing :: Typed" in metadata and "Keywords: knowledge graph" in metadata


def test_installed_names_are_paperkg_only_and_come_from_the_environment(installed):
    script = (
        "import importlib.metadata as m, importlib.util as u, json, paperkg, paperkg.extractors, paperkg.queries;"
        "files = m.files('paperkg');"
        "print(json.dumps({'top': sorted({f.parts[0] for f in files if f.parts[0] != '..'}),"
        " 'licences': sorted(str(f) for f in files if 'licenses' in f.parts),"
        " 'others': [n for n in ('kg', 'extractors', 'queries') if u.find_spec(n)],"
        " 'file': paperkg.__file__, 'version': paperkg.__version__}))"
    )
    found = json.loads(_run([str(installed["bin"] / "python"), "-c", script], cwd=installed["work"], env=installed["env"]).stdout)
    dist_info = f"paperkg-{paperkg.__version__}.dist-info"
    assert found["top"] == ["paperkg", dist_info] and found["others"] == []
    assert {f.removeprefix(f"{dist_info}/licenses/") for f in found["licences"]} == LICENCE_FILES
    assert Path(found["file"]).is_relative_to(installed["bin"].parent) and found["version"] == paperkg.__version__


def test_version_from_kg_and_python_m_paperkg(installed):
    assert _kg(installed, "--version").strip() == f"kg, version {paperkg.__version__}"
    module = _run([str(installed["bin"] / "python"), "-m", "paperkg", "--version"], cwd=installed["work"], env=installed["env"])
    assert module.stdout.strip() == f"kg, version {paperkg.__version__}"


def test_build_extract_eval_and_viz_from_an_empty_folder(installed):
    work = installed["work"]
    assert "670 distinct papers" in _kg(installed, "build", "-q")
    assert (work / ".kg").is_dir()
    assert json.loads(_kg(installed, "stats", "--json"))[0] == {"what": "papers", "name": "", "count": 670}
    _kg(installed, "extract", "--jsonl", "pred.jsonl")
    predictions = (work / "pred.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(predictions) == 670 and json.loads(predictions[0])["entities"] is not None
    extracted_now = json.loads(_kg(installed, "eval", "--gold", "dev", "--json"))["scores"]
    from_file = json.loads(_kg(installed, "eval", "--gold", "dev", "--pred", "pred.jsonl", "--json"))["scores"]
    assert extracted_now["any"]["f1"] > 0.9 and from_file["any"]["tp"] > 0
    assert "wrote kg-graph.html" in _kg(installed, "viz")
    page = (work / "kg-graph.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "vis-network" in page
    api = ("from paperkg import KnowledgeGraph; kg = KnowledgeGraph('.kg');"
           "print(kg.papers_by_entity('AIME 2024', role='evaluates_on')[0]['title'][:14])")
    assert _run([str(installed["bin"] / "python"), "-c", api], cwd=work, env=installed["env"]).stdout.strip() == "AM-Thinking-v1"
