"""Lecture decks from the lesson notebooks: ``python3 tasks.py slides`` → build/slides/.

The notebooks are the one source; a deck is the notebook seen by a room:

- code is hidden, except in cells tagged ``show-code`` (where the code *is* the lesson); a code cell with
  neither shown code nor output disappears;
- no solution cells (tag ``solution``), no cells marked ``skip``, no In/Out prompts;
- a live widget (a cell with metadata ``live``: a live page's key in tools/pages.py, or "notebook") becomes a
  pointer to the page that shows it on the projector; the still figure next to it in the notebook tells the same story;
- a figure keeps its description as ``alt`` text; the caption JupyterLab shows under it is left out;
- a Markdown span ``<span class="nb-only">…</span>`` (the library's names: ``bplib.train``, ``trace.z``) is
  left out: a slide speaks in plain words;
- a cell's metadata ``notes`` (Markdown: the pause question, the timing) becomes the speaker notes of its
  slide (press S in the deck), and so do the folded answers (``<details>``) of "Check yourself";
- the learner's answer cells of the exercises (code calling ``check(``) are left out: a room does not type;
  the answer, computed by the exercise's bank, goes into the speaker notes instead;
- every slide fits the 1280×720 canvas: before reveal.js starts, the deck measures each slide and splits
  one that is too tall at a cell boundary (or between the paragraphs of a long cell) into continuation
  slides; reveal's scrolling stays off.

The folder is self-contained (reveal.js and MathJax copied in by tools/vendor.py), so a lecturer who builds
at home presents with no network; ``--pdf`` also prints each deck to a PDF with the system's chromium.
"""

import copy
import html
import re
import sys
from pathlib import Path

import nbformat

from tools import chrome, vendor
from tools.pages import HTML_LANG, IN_THE_NOTEBOOK, NOTEBOOK_LINK, OTHER_EDITION, START, by_live_key
from tools.pages import lessons as lesson_pages

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
OUT = ROOT / "build" / "slides"
WIDTH, HEIGHT = 1280, 720


def lessons(language="en"):
    """The notebooks that have a deck (tools/pages.py), in order, in the edition of ``language``."""
    return [page.path_in(language) for page in lesson_pages()]


def live_pointer(key, language="en"):
    """How a deck names the live page a widget cell's ``live=`` key points to."""
    _ = chrome.gettext(language)
    if key == IN_THE_NOTEBOOK:
        return _("the notebook itself, in JupyterLab or on Binder (the sliders need a running kernel)")
    page = by_live_key(key)
    label = (page.label.replace("the ", "the **", 1) + "**" if language == "en"
             else f"**{page.label_in(language)}**")
    return _("{label} (`python3 tasks.py {command}`, or its Binder link)").format(label=label, command=page.command)


def slide_type(cell):
    return cell.metadata.get("slideshow", {}).get("slide_type", "-")


def markdown(source, kind="-"):
    return nbformat.v4.new_markdown_cell(source, metadata={"slideshow": {"slide_type": kind}})


FOLDED = re.compile(r"<details>\s*<summary>.*?</summary>(.*?)</details>", re.S)


NOTEBOOK_ONLY = re.compile(r'<span class="nb-only">.*?</span>', re.S)   # the library's names: bplib.train


# "Next: [3 · …](…ipynb)": a notebook's way on (下一个： in the Chinese edition)
NEXT_LINK = re.compile(r"^(?:Next: |下一个：).*?(?:\n\n|\Z)", re.S | re.M)


def for_the_room(cell):
    """A Markdown cell as a room sees it: no notebook-only spans, no "Next:" links between notebooks, and
    "Check yourself" answered in the speaker notes, not "below"."""
    cell.source = NOTEBOOK_ONLY.sub("", cell.source)
    cell.source = NEXT_LINK.sub("", cell.source).rstrip()
    cell.source = cell.source.replace("(answers below, try first)", "(try first)")
    cell.source = cell.source.replace("（答案在下面，先自己试）", "（先自己试）")


def unfold(cell, language="en"):
    """Move the folded answers of a Markdown cell into its speaker notes."""
    _ = chrome.gettext(language)
    answers = [a.strip() for a in FOLDED.findall(cell.source)]
    if answers:
        cell.source = FOLDED.sub("", cell.source).rstrip()
        notes = [cell.metadata.get("notes", ""), "**" + _("Answers") + "**", *answers]
        cell.metadata["notes"] = "\n\n".join(n for n in notes if n)


def joined_streams(cell):
    """A code cell's consecutive printed outputs as one (the kernel may send one print in several pieces)."""
    outputs = []
    for out in cell.get("outputs", []):
        if outputs and out.get("output_type") == "stream" and outputs[-1].get("output_type") == "stream" \
                and outputs[-1].get("name") == out.get("name"):
            outputs[-1]["text"] += out["text"]
        else:
            outputs.append(out)
    if cell.cell_type == "code":
        cell.outputs = outputs
    return cell


def without_captions(cell):
    """A code cell without the captions under its figures (bplib.classroom.display.show_figure): on a page or a
    slide the same words are the figure's ``alt`` text, read by a screen reader; the room reads the figure."""
    if cell.cell_type == "code":
        cell.outputs = [out for out in cell.outputs if not out.get("metadata", {}).get("caption")]
    return cell


ANSWER_CELL = re.compile(r"(?<![\w.])check\(")     # check("…", answer): not gradient_check(…), not x.check(…)


def is_answer_cell(cell):
    """An exercise's answer cell: it calls the self-check ``check("id", answer)``."""
    return bool(ANSWER_CELL.search(cell.source))


EXERCISE_ID = re.compile(r"""(?<![\w.])check\(\s*["']([\w.]+)["']""")


def answer_text(cell):
    """The answer to an exercise's answer cell, as text with its precision (computed by the exercise's bank),
    or None if the cell names no known exercise."""
    from bplib.exercises import EXERCISES
    found = EXERCISE_ID.search(cell.source)
    if not found or found.group(1) not in EXERCISES:
        return None
    ex = EXERCISES[found.group(1)]
    value = ex.expected()
    if ex.kind == "number":
        shown = f"{int(value):,}" if ex.digits == 0 else f"{float(value):.{ex.digits}g}"
    else:
        shown = str(value)
    return f"{shown} ({ex.precision()})"


def answer_note(cell, language="en"):
    """The speaker note for an exercise's answer cell: its answer."""
    text = answer_text(cell)
    _ = chrome.gettext(language)
    return None if text is None else markdown(_("**Answer**: {answer}").format(answer=text), "notes")


def deck_cells(nb, language="en"):
    """The cells of the deck, in order: what the room sees of ``nb``."""
    _ = chrome.gettext(language)
    cells, carried = [], None   # carried: the slide start of a dropped cell, given to the next kept cell
    for cell in nb.cells:
        cell = without_captions(joined_streams(copy.deepcopy(cell)))
        tags = cell.metadata.get("tags", [])
        kind = slide_type(cell)
        keep = "solution" not in tags and kind != "skip"
        if keep and cell.metadata.get("live"):
            cell = markdown(_("*Live:* {pointer}. The still figures of these slides tell the same story.").format(
                pointer=live_pointer(cell.metadata["live"], language)), kind)
            cell.metadata["notes"] = _("Switch to the live page here; come back to the deck for the still figure.")
        elif keep and cell.cell_type == "markdown":
            for_the_room(cell)
            unfold(cell, language)
        elif keep and cell.cell_type == "code" and "show-code" not in tags:
            cell.metadata["transient"] = {"remove_source": True}
            keep = bool(cell.outputs) and not is_answer_cell(cell)
        if not keep:
            if kind in ("slide", "subslide") and carried != "slide":
                carried = kind
            if cell.cell_type == "code" and is_answer_cell(cell) and "solution" not in tags and cells:
                note = answer_note(cell, language)  # the lecturer's notes give the answer the room works out
                if note is not None:
                    cells.append(note)
            continue
        if carried and slide_type(cell) not in ("slide", "subslide"):
            cell.metadata.setdefault("slideshow", {})["slide_type"] = carried
        carried = None
        cells.append(cell)
        if cell.metadata.get("notes"):
            cells.append(markdown(cell.metadata["notes"], "notes"))
    return cells


def exporter(language="en", vendor_at=""):
    from nbconvert import SlidesExporter
    from traitlets.config import Config
    config = Config()
    config.SlidesExporter.language_code = HTML_LANG[language].split("-")[0]     # nbconvert takes ISO 639-1 only
    config.SlidesExporter.exclude_input_prompt = True
    config.SlidesExporter.exclude_output_prompt = True
    config.SlidesExporter.reveal_url_prefix = f"{vendor_at}vendor/reveal.js"
    config.SlidesExporter.reveal_width = str(WIDTH)
    config.SlidesExporter.reveal_height = str(HEIGHT)
    config.SlidesExporter.reveal_scroll = False
    config.SlidesExporter.reveal_theme = "white"
    config.SlidesExporter.mathjax_url = f"{vendor_at}vendor/mathjax/MathJax.js?config=TeX-AMS_CHTML-full"
    return SlidesExporter(config=config, template_name="deck", extra_template_basedirs=[str(TEMPLATES)],
                          extra_template_paths=[str(TEMPLATES)])   # contrast.css, shared with the site


def linked(body, language, name, decks):
    """A deck's links to other notebooks made to work offline: to that lesson's deck beside it, or (the start
    page and the live pages have no deck) to its page in the static site (build/site/, tasks.py site); and a
    link to the same deck in the other edition, at the top right (not printed)."""
    site = "../site/" if language == "en" else "../../site/zh_CN/"
    body = NOTEBOOK_LINK.sub(lambda m: 'href="' + (m.group(1) if m.group(1) in decks else
                                                   site + ("index" if m.group(1) == START.name else m.group(1)))
                             + '.html', body)
    other, word, to = OTHER_EDITION[language]
    return body.replace('<div class="reveal measuring">',
                        f'<a class="bp-edition" href="{to}{name}.html" lang="{HTML_LANG[other]}" '
                        f'hreflang="{HTML_LANG[other]}">{word}</a>\n<div class="reveal measuring">', 1)


def _write(export, nb, target, title, language="en"):
    _ = chrome.gettext(language)
    body, _resources = export.from_notebook_node(nb, resources={"metadata": {"name": title},
                                                                "continued": _(" (continued)")})
    body = body.replace(f'<html lang="{HTML_LANG[language].split("-")[0]}">', f'<html lang="{HTML_LANG[language]}">', 1)
    body = linked(body, language, target.stem, {path.stem for path in lessons(language)})
    body = re.sub(r"<title>.*?</title>", lambda m: f"<title>{html.escape(title)}</title>", body, count=1, flags=re.S)
    target.write_text(accessible(body, language, deck=True), encoding="utf-8")
    print(f"deck: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}", flush=True)
    return target


CELL_TAB = re.compile(r'(<div class="jp-Cell-inputWrapper")\s+tabindex="0"')
OUTPUT_TAB = re.compile(r'(<div class="jp-(?:RenderedText|RenderedImage)[^"]*"(?: data-mime-type="[^"]*")?)'
                        r'\s+tabindex="0"')
CHINESE = re.compile(r"(?<![\w\u4e00-\u9fff])([\u4e00-\u9fff][\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]*)")


def accessible(body, language, deck=False):
    """A page or deck as nbconvert writes it, made easier for the keyboard and a screen reader: a cell's input
    is no Tab stop of its own (nbconvert makes every cell and output one: 120 stops on a page before the
    links); in a deck no output either (a slide is never scrolled, and the slides not shown must hold no Tab
    stop); in the English edition a Chinese key term carries its language (WCAG 3.1.2), so a screen reader
    speaks it in Chinese."""
    body = CELL_TAB.sub(r"\1", body)
    if deck:
        body = OUTPUT_TAB.sub(r"\1", body)
    if language == "en":
        head, cut, rest = body.partition("<body")
        parts = re.split(r"(<script.*?</script>|<style.*?</style>|<[^>]*>)", rest, flags=re.S)
        rest = "".join(part if k % 2 else CHINESE.sub(r'<span lang="zh-CN">\1</span>', part)
                       for k, part in enumerate(parts))
        body = head + cut + rest
    return body


def build(out=OUT, names=None, pdf=False, browser=None, language="en"):
    """Write one deck per lesson notebook into ``out``, and (without ``names``) the lecture decks of
    tools/lecture.py (and their PDFs with ``pdf``, printed in ``browser`` if given); returns the HTML paths.
    ``language="zh_CN"``: the Chinese edition's lesson decks (into ``out``, e.g. build/slides/zh_CN, sharing
    the English decks' vendor folder one level up), its lecture decks included."""
    import bplib
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    vendor_at = "" if language == "en" else "../"
    vendor.copy_into(out / vendor_at)
    export = exporter(language, vendor_at)
    written = []
    spoken = bplib.language()
    bplib.use_language(language)           # the answers' precision in the speaker notes, in the deck's language
    try:
        titles = {page.path_in(language): f"{page.name[:2].lstrip('0')} · {page.title_in(language)}"
                  for page in lesson_pages()}
        for path in names or lessons(language):
            nb = nbformat.read(path, as_version=4)
            nb.cells = deck_cells(nb, language)
            written.append(_write(export, nb, out / (Path(path).stem + ".html"), titles.get(Path(path),
                                  Path(path).stem), language))
    finally:
        bplib.use_language(spoken)
    if names is None:                      # the lectures of the start page's plan, one deck each
        from tools import lecture
        _ = chrome.gettext(language)
        spoken = bplib.language()
        bplib.use_language(language)
        try:
            for length, target in zip(lecture.PLANS, lecture.paths(out)):
                written.append(_write(export, lecture.notebook(length, language), target,
                                      _("Lecture, {length} minutes").format(length=length), language))
        finally:
            bplib.use_language(spoken)
    if pdf:
        from tools.pdf import print_decks
        print_decks(written, browser)
    return written


def main(args):
    pdf = "--pdf" in args
    names = [a for a in args if a != "--pdf"]
    build(names=names or None, pdf=pdf)
    if not names:
        build(OUT / "zh_CN", pdf=pdf, language="zh_CN")
    print(f"Open {OUT.relative_to(ROOT)}/<notebook>.html in a browser (no network needed): "
          "→/↓ next, S speaker notes, F full screen, Esc overview. The Chinese edition's decks: "
          f"{OUT.relative_to(ROOT)}/zh_CN/.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
