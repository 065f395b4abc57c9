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
    keep = ("slideshow", "tags", "jupyter", "notes", "live")
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
    assert "## Recap" in text and "**Check yourself**" in text
    assert "## Exercises" in text
    solutions = [c for c in code_cells(nb) if "solution" in c.get("metadata", {}).get("tags", [])]
    assert 2 <= len(solutions) <= 6, "2 to 4 exercises, each with a solution"
    for c in solutions:
        meta = c["metadata"].get("jupyter", {})
        assert meta.get("source_hidden") and meta.get("outputs_hidden"), "solutions and their output are collapsed"
        first = "".join(c["source"]).splitlines()[0]
        assert first == "# Solution", f"a solution's first line says only 'Solution', not {first!r}"
        assert c["execution_count"] and not c["outputs"], \
            "a solution runs silently (solution_passes raises if it fails): nothing shows under the exercise"
        assert "solution_passes(" in "".join(c["source"]), "every solution is checked by its exercise's check"
    assert "<details><summary><b>Answers</b>" in text, "Check yourself has answers, folded away"
    used = set(re.findall(r'check\("([^"]+)"', "\n".join("".join(c["source"]) for c in code_cells(nb))))
    assert used and used <= set(EXERCISES)


def exercise_positions(nb):
    """(exercise id, index of the cell that checks it) for every exercise of a notebook."""
    found = []
    for k, c in enumerate(nb["cells"]):
        if c["cell_type"] == "code" and "solution" not in c.get("metadata", {}).get("tags", []):
            found += [(ex_id, k) for ex_id in re.findall(r'check\("([^"]+)"', "".join(c["source"]))]
    return found


def shown_text(cell):
    """What a reader sees of a cell: markdown source, or every text the outputs show."""
    if cell["cell_type"] == "markdown":
        return "".join(cell["source"])
    parts = []
    for out in cell.get("outputs", []):
        parts.append("".join(out.get("text", "")))
        for kind in ("text/plain", "text/html", "text/latex", "text/markdown"):
            parts.append("".join(out.get("data", {}).get(kind, "")))
    return "\n".join(parts)


def four_significant(value):
    return f"{float(value):.3e}"


NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?|[-+]?\.\d+(?:[eE][-+]?\d+)?")


def numbers_shown(text):
    """Every number in a text with at least 4 significant digits, rounded to 4."""
    found = set()
    for token in NUMBER.findall(text):
        digits = re.sub(r"[eE].*", "", token).replace(",", "").replace(".", "").lstrip("+-").lstrip("0")
        if len(digits) >= 4:
            found.add(four_significant(token.replace(",", "")))
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_exercise_answer_is_printed_above_it(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for ex_id, k in exercise_positions(nb):
        ex = EXERCISES[ex_id]
        if ex.kind != "number":
            continue
        expected = four_significant(ex.reference()[0])
        above = set().union(*(numbers_shown(shown_text(c)) for c in nb["cells"][:k]))
        assert expected not in above, f"{ex_id}: its answer ({expected}) is printed above the exercise"


def test_the_answer_check_sees_printed_numbers():
    """The test above would notice a printed answer, in the forms a notebook prints numbers."""
    assert four_significant(0.3925) in numbers_shown("net_h2 = 0.392500000")
    assert four_significant(1088) in numbers_shown("first at 1,088")
    assert four_significant(-1.4459e-10) in numbers_shown("δ = -1.446e-10")
    assert not numbers_shown("t = 0.5 and 2/3")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_exercises_state_their_precision(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for ex_id, k in exercise_positions(nb):
        text_at = max(j for j in range(k) if nb["cells"][j]["cell_type"] == "markdown")   # (a figure may come between)
        assert k - text_at <= 2, f"{ex_id}: its text stands right above it"
        text = " ".join("".join(nb["cells"][text_at]["source"]).split())
        ex = EXERCISES[ex_id]
        if ex.kind == "choice" and not ex.form:       # the text offers every choice, quoted
            assert all(f'"{c}"' in text for c in ex.choices), f"{ex_id}: the exercise text offers {ex.choices}"
            continue
        wanted = ex.precision()
        assert wanted in text, f"{ex_id}: the exercise text states {wanted!r}"


def test_every_exercise_is_used_by_a_notebook():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in NOTEBOOKS)
    for ex_id in EXERCISES:
        assert f'check(\\"{ex_id}\\"' in sources, f"exercise {ex_id} is used by no notebook"


CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_chinese_in_code_so_figures_need_no_cjk_font(path):
    """In the English edition, Chinese appears in Markdown only (the key terms; the browser renders them with
    the reader's fonts), so its figures need no CJK font. The Chinese edition (notebooks/zh_CN/) draws Chinese
    in its figures with the font bplib.classroom.plots.cjk_font finds (Binder: binder/apt.txt); its glyphs are
    tested in tests/test_translation.py."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in code_cells(nb):
        assert not CJK.search("".join(cell["source"])), f"Chinese in a code cell of {path.name}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_text_twin_is_written_as_jupytext_writes_it(path):
    """JupyterLab's jupytext pairing refuses to open a notebook that is newer than its twin (as after a fresh
    clone) when the twin differs from what jupytext writes from the notebook, e.g. cell metadata keys in
    another order: `tasks.py notebooks` rewrites the twin from the notebook, and this checks it."""
    text = path.with_suffix(".md").read_text(encoding="utf-8")
    again = jupytext.writes(jupytext.read(path), fmt="md")
    again = re.sub(r"\n +jupytext_version: .*", "", again)       # filtered out by jupytext.toml
    assert text == again, f"{path.stem}.md: run python3 tasks.py notebooks notebooks/{path.stem}.md"
