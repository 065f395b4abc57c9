"""The Chinese edition (tools/translate.py): catalogs in step with the English, complete where an edition is
built, the same programs, one term per concept, bplib's messages in Chinese with the same diagnosis, and
figures whose Chinese text has every glyph."""

import ast
import json
import logging
import re
import warnings

import jupytext
import numpy as np
import pytest
import sympy as sp

import bplib
from bplib import i18n
from bplib.exercises import EXERCISES, verdict
from bplib.exercises.engine import reset_attempts
from tools import bplib_messages, translate
from tools.pages import PAGES, ROOT

EDITION = sorted(translate.EDITION.glob("*.ipynb"))
EDITION_IDS = [p.stem for p in EDITION]
CJK = re.compile(r"[\u3400-\u9fff]")
FIELD = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")


@pytest.fixture
def chinese():
    bplib.use_language("zh_CN")
    yield
    bplib.use_language("en")


# --- the catalogs --------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", [p.name for p in PAGES])
def test_every_notebook_catalog_holds_exactly_its_notebooks_messages(name):
    """Run python3 tasks.py translations when the English changed: the catalog then has the new messages."""
    catalog = translate.load(translate.CATALOGS / f"{name}.po")
    wanted = {(c, m) for c, m, _ in translate.messages(translate.english(name))}
    held = {(m.context, m.id) for m in translate.live(catalog)}
    assert wanted == held, (f"locale/zh_CN/{name}.po is not up to date with notebooks/{name}.md: "
                            "run python3 tasks.py translations")


def test_bplibs_catalog_holds_exactly_its_messages():
    catalog = translate.load(translate.BPLIB_CATALOG)
    assert {m for m, _ in bplib_messages.messages()} == {m.id for m in translate.live(catalog)}, \
        "bplib.po is not up to date with bplib: run python3 tasks.py translations"


def catalogs():
    return [translate.CATALOGS / f"{p.name}.po" for p in PAGES] + [translate.BPLIB_CATALOG]


@pytest.mark.parametrize("path", catalogs(), ids=lambda p: p.stem)
def test_translations_keep_formulas_fields_and_markup(path):
    """A translation keeps the f-string and format fields ({…}), the $…$ formulas, the links' targets and the code
    in backticks of its English: a field lost or renamed would fail when the message is shown."""
    for m in translate.live(translate.load(path)):
        if not m.string:
            continue
        if path == translate.BPLIB_CATALOG:  # format fields (a code literal's are checked as Python: the same program)
            assert sorted(FIELD.findall(m.id)) == sorted(FIELD.findall(m.string)), (m.id, m.string)
        for pattern in (r"\$\$.*?\$\$", r"\]\(([^)]*)\)", r"`[^`]*`"):
            english = [words_apart(f) for f in re.findall(pattern, m.id, re.S)]
            chinese = [words_apart(f) for f in re.findall(pattern, m.string, re.S)]
            if pattern.startswith("`"):        # the code the English quotes, and perhaps the choices in Chinese
                assert set(english) <= set(chinese), (path.name, m.id[:80], set(english) - set(chinese))
            else:
                assert sorted(english) == sorted(chinese), (path.name, m.id[:80], pattern)


def words_apart(formula):
    """A formula without the words of its \\text{…} (which a translation translates)."""
    return re.sub(r"\\text\{[^{}]*\}", r"\\text{}", formula)


def test_the_bplib_catalog_is_read_as_babel_reads_it():
    """bplib reads its catalog itself (no Babel, no compiled .mo); it agrees with Babel on every entry."""
    ours = {e["msgid"]: e for e in i18n.read_po(translate.BPLIB_CATALOG.read_text(encoding="utf-8")) if e["msgid"]}
    babel = {m.id: m for m in translate.live(translate.load(translate.BPLIB_CATALOG))}
    assert set(ours) == set(babel)
    for msgid, m in babel.items():
        assert ours[msgid]["msgstr"] == m.string and ("fuzzy" in ours[msgid]["flags"]) == m.fuzzy


def test_a_changed_english_paragraph_turns_its_translation_fuzzy_and_stops_the_build(tmp_path):
    """The workflow: an English paragraph changes, `translations` keeps the old translation marked fuzzy, and
    neither the build nor this test suite accepts it until a translator revises it."""
    name = EDITION_IDS[0] if EDITION_IDS else "00_start_here"
    path = tmp_path / f"{name}.po"
    path.write_bytes((translate.CATALOGS / f"{name}.po").read_bytes())
    nb = translate.english(name)
    k, cell = next((k, c) for k, c in enumerate(nb.cells) if c.cell_type == "markdown" and len(c.source) > 80)
    first = translate.paragraphs(cell.source)[0]
    cell.source = cell.source.replace(first, first + " One sentence more.", 1)
    fresh = translate.new_catalog("a test")
    for context, msgid, number in translate.messages(nb):
        fresh.add(msgid, locations=[(name, number)], context=context)
    catalog = translate.update(path, fresh)
    changed = [m for m in translate.live(catalog) if m.id == first + " One sentence more."]
    assert changed and changed[0].fuzzy and changed[0].string, "the old translation is kept, marked fuzzy"
    assert translate.missing(catalog) == changed
    entries = {(m.context, m.id): m.string for m in translate.live(catalog) if m.string and not m.fuzzy}
    with pytest.raises(translate.Untranslated):
        translate.translate_notebook(nb, entries)


# --- the Chinese notebooks ------------------------------------------------------------------------------
def test_the_edition_has_notebooks():
    assert "00_start_here" in EDITION_IDS and "01_forward_pass" in EDITION_IDS


@pytest.mark.parametrize("path", EDITION, ids=EDITION_IDS)
def test_a_built_notebook_has_a_complete_catalog_and_is_in_step_with_it(path):
    catalog = translate.load(translate.CATALOGS / f"{path.stem}.po")
    assert not translate.missing(catalog), f"{path.stem}.po has messages to translate or revise"
    built = translate.translate_notebook(translate.english(path.stem), translate.table(path.stem))
    twin = jupytext.read(path.with_suffix(".md"))
    assert [(c.cell_type, c.source) for c in built.cells] == [(c.cell_type, c.source) for c in twin.cells], (
        f"zh_CN/{path.stem}.md is older than its English twin or catalog: "
        f"run python3 tasks.py notebooks --zh {path.stem}")


def program(source):
    """A code cell as a program, its texts left out: the AST with every string emptied, and the expressions of
    f-string fields as a sorted list (a translation may order them otherwise)."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
    fields = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            fields += [ast.dump(v.value) for v in node.values if isinstance(v, ast.FormattedValue)]
            node.values = []
    return ast.dump(tree), sorted(fields)


@pytest.mark.parametrize("path", EDITION, ids=EDITION_IDS)
def test_the_chinese_notebook_runs_the_same_program(path):
    """Every code cell is the English one but for comments and string literals."""
    english = [c for c in translate.english(path.stem).cells if c.cell_type == "code"]
    chinese = [c for c in jupytext.read(path.with_suffix(".md")).cells if c.cell_type == "code"]
    assert len(english) == len(chinese)
    for e, z in zip(english, chinese):
        assert program(e.source) == program(z.source), f"{path.stem}: a code cell differs: {e.source[:80]!r}"
    assert 'bplib.use_language("zh_CN")' in chinese[[i for i, c in enumerate(english)
                                                    if "use_language" in c.source][0]].source


@pytest.mark.parametrize("path", EDITION, ids=EDITION_IDS)
def test_the_chinese_notebook_keeps_the_lessons_shape(path):
    """Slides, tags, collapsed solutions and speaker notes as in the English notebook; what a reader sees is
    Chinese; the exercises state their precision in Chinese; every solution opens with "# 解答"."""
    en = json.loads((ROOT / "notebooks" / path.name).read_text(encoding="utf-8"))
    zh = json.loads(path.read_text(encoding="utf-8"))
    keep = ("slideshow", "tags", "jupyter", "live")
    shape = [[(c["cell_type"], {k: v for k, v in c["metadata"].items() if k in keep}) for c in nb["cells"]]
             for nb in (en, zh)]
    assert shape[0] == shape[1]
    for cell in zh["cells"]:
        if cell["cell_type"] == "markdown" and re.search(r"[A-Za-z]{4}", "".join(cell["source"])):
            assert CJK.search("".join(cell["source"])), f"{path.stem}: a Markdown cell without Chinese"
        if "solution" in cell["metadata"].get("tags", []):
            assert "".join(cell["source"]).splitlines()[0] == "# 解答"
    bplib.use_language("zh_CN")
    try:
        cells = zh["cells"]
        for k, cell in enumerate(cells):
            for ex_id in re.findall(r'check\("([^"]+)"', "".join(cell["source"])):
                if "solution" in cell["metadata"].get("tags", []):
                    continue
                text = "".join(next(c["source"] for c in reversed(cells[:k]) if c["cell_type"] == "markdown"))
                ex = EXERCISES[ex_id]
                if ex.kind != "choice" or ex.form:
                    assert ex.precision() in " ".join(text.split()), f"{ex_id}: the text states {ex.precision()!r}"
    finally:
        bplib.use_language("en")


@pytest.mark.parametrize("path", EDITION, ids=EDITION_IDS)
def test_the_chinese_outputs_are_chinese_and_clean(path):
    """Executed like the English ones: no error, nothing on stderr (a missing glyph would warn there)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error" and out.get("name") != "stderr", "".join(cell["source"])[:80]


def printed_tables(nb):
    """[(cell index, lines)] of every printed block of three lines or more."""
    found = []
    for k, cell in enumerate(nb["cells"]):
        text = "".join("".join(o.get("text", "")) for o in cell.get("outputs", []) if o.get("name") == "stdout")
        lines = text.rstrip("\n").split("\n")
        if len(lines) >= 3:
            found.append((k, lines))
    return found


def test_pad_counts_the_columns_a_screen_shows():
    assert bplib.pad("交叉熵", 8) == "交叉熵  " and i18n.width(bplib.pad("交叉熵", 8)) == 8
    assert bplib.pad("sigmoid", 9, ">") == f"{'sigmoid':>9}" and bplib.pad(3, 2) == "3 "
    with pytest.raises(ValueError, match=re.escape("align must be '<' or '>'; got '^'")):
        bplib.pad("x", 3, "^")


@pytest.mark.parametrize("path", EDITION, ids=EDITION_IDS)
def test_the_chinese_tables_keep_their_columns(path):
    """A table the English prints with rows of one length (a column of labels padded to one width) is printed
    by the Chinese edition with rows of one width on screen too, a Chinese character counted as two columns
    (bplib.pad for labels held in variables; the translated headers' widths in the catalog)."""
    english = dict(printed_tables(json.loads((ROOT / "notebooks" / path.name).read_text(encoding="utf-8"))))
    for k, lines in printed_tables(json.loads(path.read_text(encoding="utf-8"))):
        ours = english.get(k)
        if ours is None or len(ours) != len(lines) or len({len(line) for line in ours}) != 1:
            continue
        widths = {i18n.width(line.rstrip()) for line in lines}
        english_widths = {len(line.rstrip()) for line in ours}
        if len(english_widths) == 1:
            assert len(widths) == 1, f"{path.stem}, cell {k}: rows of widths {sorted(widths)}:\n" + "\n".join(lines)


@pytest.mark.parametrize("path", EDITION, ids=EDITION_IDS)
def test_emphasis_renders_in_chinese_text(path):
    """Markdown closes ** or * only before a space or punctuation it knows: after full-width punctuation and
    before a Chinese character it would print the asterisks ("**练习 1。**换…"). Rendered as JupyterLab and the
    site render Markdown (CommonMark), no cell keeps a literal asterisk."""
    from markdown_it import MarkdownIt
    render = MarkdownIt("commonmark").enable("table").render
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = re.sub(r"\$\$.*?\$\$|\$[^$]*\$|`[^`]*`|\\\*", "", "".join(cell["source"]), flags=re.S)
        shown = re.sub(r"<[^>]+>", "", render(source))
        assert "*" not in shown, f"{path.stem}: {shown[max(shown.find('*') - 40, 0):][:80]!r}"


# --- one term per concept -------------------------------------------------------------------------------
def glossary():
    """The start page's key-term table in the Chinese edition: [(term used, English, other names)]."""
    table = next(m.string for m in translate.live(translate.load(translate.CATALOGS / "00_start_here.po"))
                 if m.string.startswith("| 本书用语 |"))
    rows = []
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        others = [re.sub(r"\s*\(.*?\)|\\\*", "", o).strip() for o in re.split(r"[，,]", cells[2]) if o.strip()]
        rows.append((cells[0].replace("\\*", ""), cells[1], [o for o in others if o]))
    return rows


def english_glossary():
    table = next(m.id for m in translate.live(translate.load(translate.CATALOGS / "00_start_here.po"))
                 if m.id.startswith("| English | 中文 |"))
    return [[c.strip() for c in line.strip("|").split("|")][0] for line in table.splitlines()[2:]]


def test_the_glossary_is_the_english_start_pages_table():
    assert [english for _, english, _ in glossary()] == english_glossary()


# standard terms that contain another concept's other name: Adam's bias correction is 偏差修正 in Chinese, though
# the edition's word for a neuron's bias is 偏置 (手撕BP's 偏差)
COMPOUNDS = ("偏差修正",)


def test_one_term_per_concept_throughout_the_edition():
    """A term of the glossary's "other names" column appears nowhere in the edition's text except where the
    sources and their names are the subject (the glossary, the notation map, the sources' titles)."""
    about_names = ("| 本书用语 |", "| 量 |", "| 笔记本中的简称 |", "(!) ")
    texts = [m.string for name in EDITION_IDS for m in translate.live(translate.load(translate.CATALOGS / f"{name}.po"))
             if m.string and not m.string.startswith(about_names)]
    texts += [m.string for m in translate.live(translate.load(translate.BPLIB_CATALOG)) if m.string]
    text = "\n".join(texts)
    for compound in COMPOUNDS:
        text = text.replace(compound, "")
    for used, english, others in glossary():
        for other in others:
            if other and not any(other in u for u in re.split(r"[；/，]", used)):
                assert other not in text, f"{other!r} is used; the edition says {used!r} for {english!r}"


# --- bplib in Chinese -----------------------------------------------------------------------------------
def edition_exercises():
    ids = []
    for path in EDITION:
        ids += re.findall(r'check\(\\"([^"\\]+)\\"', path.read_text(encoding="utf-8"))
    return sorted(set(ids))


def test_every_message_the_edition_shows_is_translated():
    """The engine's and the checks' messages, and the exercises' hints of every notebook in the edition."""
    table = i18n.catalog("zh_CN")
    banks = {ex_id.split(".")[0] for ex_id in edition_exercises()}
    files = [ROOT / "bplib" / "exercises" / "engine.py", ROOT / "bplib" / "checks.py"]
    files += [ROOT / "bplib" / "exercises" / f"bank_{b}.py" for b in sorted(banks)]
    for file in files:
        for message in bplib_messages.in_file(file):
            assert message in table, f"{file.name}: no Chinese for {message!r}"


BATTERY = [None, 0, -1, 1e300, float("nan"), 1 + 2j, "", "abc", "0,5", "1/0", "x" * 500, [], [1, 2],
           np.zeros((2, 2)), {"a": 1}, sp.Symbol("q") ** 2 + 1, lambda: 1, True, 0.5, 1.0, 12.0, "0.3*"]


@pytest.mark.parametrize("ex_id", edition_exercises())
def test_every_exercise_answers_in_chinese_with_the_same_diagnosis(ex_id, chinese):
    """Wrong answers of every kind, and each declared mistake: the same verdict as in English, in Chinese, naming
    the same mistake."""
    ex = EXERCISES[ex_id]
    wrong = ex.reference()[1]
    answers = BATTERY + ([float(v) for v in wrong] if ex.kind == "number" else
                         [m.value() for m in ex.mistakes] if ex.kind != "expression" else
                         [str(m.value()) for m in ex.mistakes])
    for answer in answers:
        results = {}
        for language in ("en", "zh_CN"):
            bplib.use_language(language)
            reset_attempts(ex_id)
            results[language] = verdict(ex_id, answer)
        (ok_en, en), (ok_zh, zh) = results["en"], results["zh_CN"]
        assert ok_en == ok_zh, (answer, en, zh)
        assert CJK.search(zh), f"{ex_id}: {answer!r} answered in English: {zh}"
        for mistake in ex.mistakes:
            if mistake.hint in en:
                assert i18n.catalog("zh_CN")[mistake.hint] in zh, (answer, zh)


def test_the_checks_errors_are_in_chinese(chinese):
    with pytest.raises(ValueError, match="必须是"):
        bplib.Network([2, 2, 2], init="nonsense")
    with pytest.raises(ValueError, match="学习率"):
        bplib.train(*bplib.mazur(), eta=-1)


def test_use_language_names_what_is_allowed():
    with pytest.raises(ValueError, match="language must be one of 'en', 'zh_CN'; got 'fr'"):
        bplib.use_language("fr")
    assert bplib.language() == "en"
    try:
        bplib.use_language("zh")            # the usual short names are understood
        assert bplib.language() == "zh_CN"
    finally:
        bplib.use_language("en")


def test_a_fuzzy_or_empty_entry_is_not_used():
    entries = i18n.read_po('#, fuzzy\nmsgid "Old"\nmsgstr "旧"\n\nmsgid "None yet"\nmsgstr ""\n\n'
                           'msgid "Kept"\nmsgstr "保留"\n')
    usable = {e["msgid"]: e["msgstr"] for e in entries if e["msgstr"] and "fuzzy" not in e["flags"]}
    assert usable == {"Kept": "保留"}


# --- figures --------------------------------------------------------------------------------------------
def test_every_chinese_text_of_a_figure_has_its_glyphs(chinese):
    """Draw every translated code literal and bplib message with the edition's fonts: matplotlib warns
    ("Glyph … missing") or logs (mathtext) for a character its fonts lack; either fails here."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import bplib.classroom.plots  # noqa: F401 (it gives the figures their CJK font when the language is Chinese)
    bplib.use_language("zh_CN")

    texts = [m.string for path in catalogs() for m in translate.live(translate.load(path))
             if m.string and (m.context == "code" or path == translate.BPLIB_CATALOG)]
    missing = []

    class Catch(logging.Handler):
        def emit(self, record):
            if "glyph" in record.getMessage().lower():
                missing.append(record.getMessage())

    handler = Catch()
    logging.getLogger("matplotlib").addHandler(handler)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig, ax = plt.subplots()
            for text in texts:
                shown = re.sub(r"\{[^{}]*\}", "0", text).strip("fr\"'")
                ax.set_title(shown.replace("$", ""))
                fig.canvas.draw()
            plt.close(fig)
    finally:
        logging.getLogger("matplotlib").removeHandler(handler)
    assert not missing, missing[:3]


def test_a_machine_without_a_chinese_font_is_told_in_chinese_what_to_install(monkeypatch):
    """Where the system has no CJK font, the Chinese edition's first cell says so, in Chinese, with the package
    to install, instead of drawing boxes."""
    import bplib.classroom.plots as plots
    monkeypatch.setattr(plots.font_manager.fontManager, "ttflist", [])
    try:
        with pytest.raises(RuntimeError, match=r"字体.*fonts-wqy-microhei"):
            bplib.use_language("zh_CN")
    finally:
        monkeypatch.undo()
        bplib.use_language("en")
