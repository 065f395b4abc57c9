"""The notebooks as files: text twins in sync, executed cleanly, built to the set's conventions.
(nbval re-executes them and compares every output: see pyproject.toml.)"""

import json
import re
from pathlib import Path

import jupytext
import pytest

from bplib.exercises import EXERCISES

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))
IDS = [p.stem for p in NOTEBOOKS]


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def reviewable(nb):
    """What a reviewer reads: each cell's type, source and teaching metadata (slides, tags, collapsed)."""
    keep = ("slideshow", "tags", "jupyter")
    return [(c.cell_type, c.source, {k: v for k, v in c.metadata.items() if k in keep}) for c in nb.cells]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_text_twin_is_in_sync(path):
    twin = path.with_suffix(".md")
    assert twin.exists(), f"{twin.name} is missing: run jupytext --to md {path.name}"
    assert reviewable(jupytext.read(path)) == reviewable(jupytext.read(twin)), (
        f"{path.name} and {twin.name} have drifted: edit the .md and run python3 tasks.py notebooks {twin}")


def test_every_twin_has_a_notebook():
    for md in (Path(__file__).parent.parent / "notebooks").glob("*.md"):
        assert md.with_suffix(".ipynb").exists(), f"{md.name} has no notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_executed_without_errors_or_warnings(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in code_cells(nb):
        if not "".join(cell["source"]).strip():
            continue
        assert cell["execution_count"] is not None, "every code cell is executed (nbval compares them)"
        for out in cell["outputs"]:
            assert out["output_type"] != "error", "".join(cell["source"])[:80]
            assert out.get("name") != "stderr", f"stderr shown to the learner: {''.join(out['text'])[:200]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_stale_widgets(path):
    """A saved widget view without its kernel shows "Error displaying widget": none are committed."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in nb["metadata"]
    for cell in code_cells(nb):
        for out in cell["outputs"]:
            assert "application/vnd.jupyter.widget-view+json" not in out.get("data", {})


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_conventions(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    slides = [c.get("metadata", {}).get("slideshow", {}).get("slide_type") for c in cells]
    assert slides[0] == "slide", "the title cell starts a slide"
    lesson = path.stem[:2].isdigit() and path.stem[:2] != "00"   # not the start page, not the playground
    if not lesson:
        return
    assert slides.count("slide") >= 4, "slide boundaries are marked"
    assert "After this notebook you will be able to" in text
    assert "## Recap" in text and "**Check yourself:**" in text
    assert "## Exercises" in text
    solutions = [c for c in code_cells(nb) if "solution" in c.get("metadata", {}).get("tags", [])]
    assert 2 <= len(solutions) <= 6, "2 to 4 exercises, each with a solution"
    for c in solutions:
        assert c["metadata"].get("jupyter", {}).get("source_hidden"), "solutions are collapsed"
        assert "✔ This solution passes the check." in "".join(
            "".join(o.get("text", "")) for o in c["outputs"])
    used = set(re.findall(r'check\("([^"]+)"', "\n".join("".join(c["source"]) for c in code_cells(nb))))
    assert used and used <= set(EXERCISES)


def test_every_exercise_is_used_by_a_notebook():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in NOTEBOOKS)
    for ex_id in EXERCISES:
        assert f'check(\\"{ex_id}\\"' in sources, f"exercise {ex_id} is used by no notebook"


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.stem[:2].isdigit() and p.stem[:2] != "00"],
                         ids=lambda p: p.stem)
def test_lesson_makes_a_slide_deck(path):
    from nbconvert import SlidesExporter
    html, _ = SlidesExporter().from_filename(str(path))
    assert html.count("<section") >= 5, "one section per slide (and sub-slide)"
