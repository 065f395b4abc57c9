"""Lecture decks and the static site (tools/decks.py, tools/site.py), built as `tasks.py slides --pdf` and
`tasks.py site` build them, then opened in Debian's chromium with every request that leaves file:// blocked
and recorded (the room has no network).

Skipped when /usr/bin/chromium is missing, unless BPLIB_REQUIRE_BROWSER=1 (as in CI); the Python-level
checks of what goes into a deck run everywhere.
"""

import os
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tools import decks, site, standalone  # noqa: E402
from tools.pages import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from offline import axe_violations, offline_page, words  # noqa: E402

LESSONS = decks.lessons()
CJK = re.compile(r"[\u4e00-\u9fff]")


def solution_lines(path):
    """Distinctive lines of the notebook's solutions (which must never reach a deck)."""
    nb = nbformat.read(path, as_version=4)
    lines = []
    for cell in nb.cells:
        if "solution" in cell.metadata.get("tags", []):
            lines += [ln.strip() for ln in cell.source.splitlines()[1:] if len(ln.strip()) > 25]
    return lines


# --- what goes into a deck (no browser needed) ---

def test_deck_cells_leave_out_solutions_skips_and_answer_cells():
    for path in LESSONS:
        nb = nbformat.read(path, as_version=4)
        cells = decks.deck_cells(nb)
        assert not any("solution" in c.metadata.get("tags", []) for c in cells), path.name
        assert not any(decks.slide_type(c) == "skip" for c in cells), path.name
        assert not any(c.cell_type == "code" and decks.is_answer_cell(c) for c in cells), path.name
        hidden = [c for c in cells if c.cell_type == "code" and "show-code" not in c.metadata.get("tags", [])]
        assert all(c.metadata["transient"]["remove_source"] and c.outputs for c in hidden), path.name
        assert not any("<details>" in c.source for c in cells), "folded answers go to the speaker notes"
        assert any(decks.slide_type(c) == "notes" for c in cells), f"{path.name}: no speaker notes"


def test_only_answer_cells_are_dropped_not_cells_that_run_a_check():
    """A gradient check's output is a lesson ("…catches that:"); only the learner's check("id", answer) goes."""
    assert decks.is_answer_cell(nbformat.v4.new_code_cell('answer = None\ncheck("03.w6_new", answer)'))
    for source in ('print(bplib.gradient_check(net, x, t))', 'report = run_checks(slip)', 'x.check(1)'):
        assert not decks.is_answer_cell(nbformat.v4.new_code_cell(source)), source
    kept = 0
    for path in LESSONS:
        nb = nbformat.read(path, as_version=4)
        shown = {c.source for c in decks.deck_cells(nb)}
        for cell in nb.cells:
            if cell.cell_type == "code" and "gradient_check(" in cell.source and cell.outputs \
                    and "solution" not in cell.metadata.get("tags", []) and decks.slide_type(cell) != "skip":
                assert cell.source in shown, f"{path.name}: a gradient check's result is missing from the deck"
                kept += 1
    assert kept >= 3


def test_every_exercise_has_its_answer_in_the_speaker_notes():
    from bplib.exercises import EXERCISES
    for path in LESSONS:
        nb = nbformat.read(path, as_version=4)
        asked = [m.group(1) for c in nb.cells if c.cell_type == "code" and decks.is_answer_cell(c)
                 and "solution" not in c.metadata.get("tags", []) for m in [decks.EXERCISE_ID.search(c.source)]]
        notes = "\n".join(c.source for c in decks.deck_cells(nb) if decks.slide_type(c) == "notes")
        assert notes.count("**Answer**") == len(asked), path.name
        for ex_id in asked:
            ex = EXERCISES[ex_id]
            if ex.kind == "number" and ex.digits:
                assert f"{float(ex.expected()):.{ex.digits}g}" in notes, ex_id


@pytest.mark.parametrize("length", [90, 45])
def test_a_lecture_deck_follows_its_plan_minute_by_minute(length):
    from tools import handout, lecture
    cells = lecture.lecture_cells(length)
    assert sum(lecture.minutes_in_notes(cells)) == length, "the parts' minutes add up to the lecture"
    text = "\n".join(c.source for c in cells)
    notes = "\n".join(c.source for c in cells if decks.slide_type(c) == "notes")
    assert "tasks.py playground" in text, "the live page at its minute"
    assert "## ∂E/∂w5" in text and "## Too large" in text or length == 45
    assert "## Step " not in text, "the lessons' step numbers are left out of a lecture"
    assert not re.search(r"(^|\n)Self-study", notes), "no self-study part inside a lecture"
    assert not any("solution" in c.metadata.get("tags", []) for c in cells)
    if length == 90:
        for _, answer in list(handout.exercise_answers().values())[:2]:
            assert answer in notes, "the room's exercises have their answers in the notes"


@pytest.mark.parametrize("length", [90, 45])
def test_the_chinese_lecture_deck_is_the_english_one_in_chinese(length):
    """The same parts, the same slides (taken cell for cell from the Chinese notebooks), the same minutes."""
    from tools import lecture
    english, chinese = lecture.lecture_cells(length), lecture.lecture_cells(length, "zh_CN")
    assert len(chinese) == len(english) and lecture.minutes_in_notes(chinese) == lecture.minutes_in_notes(english)
    text = "\n".join(c.source for c in chinese)
    assert "## 第" not in text and "## Step" not in text, "the lessons' step numbers are left out"
    headings = [c.source.splitlines()[0] for c in chinese if c.source.startswith("#")]
    assert all(CJK.search(h) for h in headings), [h for h in headings if not CJK.search(h)]


def test_slides_speak_in_plain_words_not_library_names():
    names = re.compile(r"\bbplib\b|trace\.[za]\b|hist\.\w|net\.(forward|loss|gradients)\b|train_many|unrolled\.")
    for path in LESSONS:
        for cell in decks.deck_cells(nbformat.read(path, as_version=4)):
            if cell.cell_type == "markdown" and decks.slide_type(cell) != "notes" and "|" not in cell.source:
                found = names.search(cell.source)
                assert not found, f"{path.name}: '{found.group(0)}' on a slide: {cell.source[:80]}"


def test_every_lesson_draws_its_figures_in_type_for_the_room():
    """Tick labels ≥ 16 px on a slide: every lesson draws with ROOM_STYLE (13 pt ticks at 100 dpi = 18 px), no
    cell asks for smaller type, and the decks never show a figure below 90 % of its size (the browser walk)."""
    from bplib.classroom.plots import ROOM_STYLE
    px = 100 / 72 * ROOM_STYLE["figure.dpi"] / 100
    assert 0.9 * px * min(ROOM_STYLE["xtick.labelsize"], ROOM_STYLE["ytick.labelsize"]) >= 16
    assert 0.9 * px * ROOM_STYLE["legend.fontsize"] >= 15
    smaller = re.compile(r"(fontsize|labelsize|title_fontsize)\s*=\s*(\d+)")
    for path in LESSONS:
        code = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        assert "plt.style.use(" in code[0] and "ROOM_STYLE" in code[0], f"{path.name}: not in the room's type"
        for source in code:
            for m in smaller.finditer(source):
                assert int(m.group(2)) >= ROOM_STYLE["legend.fontsize"], f"{path.name}: {m.group(0)}"


def test_a_dropped_cell_hands_its_slide_start_on():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title", metadata={"slideshow": {"slide_type": "slide"}}),
                nbformat.v4.new_code_cell("x = 1", metadata={"slideshow": {"slide_type": "slide"}}),
                nbformat.v4.new_markdown_cell("after", metadata={"slideshow": {"slide_type": "-"}})]
    cells = decks.deck_cells(nb)
    assert [c.source for c in cells] == ["# Title", "after"]
    assert decks.slide_type(cells[1]) == "slide"


def test_live_cells_become_pointers_and_the_shown_code_stays():
    by_name = {p.stem: decks.deck_cells(nbformat.read(p, as_version=4)) for p in LESSONS}
    text = "\n".join(c.source for c in by_name["04_training_dashboard"])
    assert "tasks.py playground" in text and "TrainingDashboard(" not in text
    shown = [c for c in by_name["03_numeric_backprop"] if "show-code" in c.metadata.get("tags", [])]
    assert any("delta1 = (W2.T @ delta2)" in c.source for c in shown)
    assert not any("transient" in c.metadata for c in shown)


def test_every_slide_of_a_lesson_has_speaker_notes_with_a_pause_or_a_timing():
    for path in LESSONS:
        nb = nbformat.read(path, as_version=4)
        starts = [c for c in nb.cells if c.cell_type == "markdown" and decks.slide_type(c) == "slide"
                  and c.source.startswith("## Step")]
        notes = [c.metadata.get("notes", "") for c in nb.cells]
        assert any(re.search(r"\d+[–-]\d+|min", n) for n in notes), f"{path.name}: no timing in the notes"
        assert any("Pause" in n for n in notes), f"{path.name}: no pause question in the notes"
        assert starts, path.name


# --- in a real browser, offline ---

browser_only = pytest.mark.skipif(not Path(CHROMIUM).exists() and os.environ.get("BPLIB_REQUIRE_BROWSER") != "1",
                                  reason=f"{CHROMIUM} is missing (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing but BPLIB_REQUIRE_BROWSER=1", pytrace=False)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory, browser):
    out = tmp_path_factory.mktemp("lecture")
    html = decks.build(out / "slides", pdf=True, browser=browser)
    html += decks.build(out / "slides" / "zh_CN", pdf=True, browser=browser, language="zh_CN")  # 中文版
    pages = site.build(out / "site")
    return html, pages


def english(html):
    return [p for p in html if p.parent.name != "zh_CN"]


SLIDE_TEXT = """() => {
  const copy = document.querySelector('.slides').cloneNode(true);
  copy.querySelectorAll('script, style, aside, .MJX_Assistive_MathML').forEach(e => e.remove());
  return copy.textContent;
}"""

SLIDE_REPORT = """() => {
  const report = [];
  Reveal.getSlides().forEach((s, i) => {
    Reveal.slide(...Object.values(Reveal.getIndices(s)));
    s.querySelectorAll('.fragment').forEach(f => f.classList.add('visible'));
    const r = s.getBoundingClientRect(), k = r.width / 1280;
    let right = 0, bottom = 0;
    s.querySelectorAll('*').forEach(e => {
      if (e.closest('aside, .MJX_Assistive_MathML, details:not([open]) > :not(summary)')) return;   // not shown
      const q = e.getBoundingClientRect();
      if (!q.width && !q.height) return;
      right = Math.max(right, (q.right - r.left) / k);
      bottom = Math.max(bottom, (q.bottom - r.top) / k);
    });
    report.push({i, right: Math.round(right), bottom: Math.round(bottom),
                 title: (s.querySelector('h1, h2, h3') || {}).textContent || ''});
  });
  return report;
}"""


@browser_only
def test_decks_present_offline_and_every_slide_fits_1280x720(browser, built):
    html, _ = built
    assert [p.stem for p in english(html)] == [p.stem for p in LESSONS] + ["lecture-90", "lecture-45"]
    chinese = [p for p in html if p.parent.name == "zh_CN"]
    assert [p.stem for p in chinese] == [p.stem for p in LESSONS] + ["lecture-90", "lecture-45"]
    for deck, lesson in [*zip(html, LESSONS), *zip(chinese, [p.parent / "zh_CN" / p.name for p in LESSONS])]:
        page = offline_page(browser)
        page.goto(deck.as_uri())
        page.wait_for_selector("body[data-deck-ready]", state="attached", timeout=60_000)
        slides = page.evaluate(SLIDE_REPORT)
        too_big = [s for s in slides if s["right"] > 1280 or s["bottom"] > 720]
        assert not too_big, f"{deck.name}: slides beyond the 1280×720 canvas: {too_big}"
        assert len(slides) >= 10, deck.name
        text = page.evaluate(SLIDE_TEXT)
        assert "$$" not in text and "\\frac" not in text, f"{deck.name}: a formula was not typeset"
        if "$" in lesson.read_text(encoding="utf-8"):
            assert page.locator(".mjx-chtml").count() > 0, f"{deck.name}: no typeset formula"
        assert page.locator(".jp-InputPrompt, .jp-OutputPrompt").count() == 0, f"{deck.name}: In/Out prompts"
        assert "import bplib" not in text and "solution_passes" not in text, f"{deck.name}: code or solutions"
        for line in solution_lines(lesson):
            assert line not in text, f"{deck.name} shows a solution: {line}"
        assert page.locator("aside.notes").count() > 0, f"{deck.name}: no speaker notes"
        assert not page.left, f"{deck.name} asked the network for {page.left[:3]}"
        assert not page.errors, f"{deck.name}: {page.errors}"
        page.close()


DECK_RULES = """() => {
  const found = [];
  const slides = Reveal.getSlides();
  slides.forEach((s, i) => {
    Reveal.slide(...Object.values(Reveal.getIndices(s)));
    s.querySelectorAll('.fragment').forEach(f => f.classList.add('visible'));
    const where = `slide ${i + 1} (${((s.querySelector('h1, h2, h3') || {}).textContent || '').slice(0, 40)})`;
    // every text at least 20 px on the 1280×720 canvas (printed outputs included; formulas and figures aside)
    s.querySelectorAll('p, li, pre, td, th, h1, h2, h3, span, code, b, em').forEach(e => {
      if (e.closest('aside, .MJX_Assistive_MathML, .mjx-chtml, .MathJax_CHTML')) return;
      if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) return;
      if (!e.offsetWidth) return;
      const size = parseFloat(getComputedStyle(e).fontSize);
      if (size < 20) found.push(`${where}: ${size}px text "${e.textContent.trim().slice(0, 30)}"`);
    });
    // no figure below 90 % of its natural size (tick labels of 18 px stay at 16 px or more)
    s.querySelectorAll('img').forEach(img => {
      if (img.naturalWidth && img.offsetWidth < 0.9 * img.naturalWidth - 1)
        found.push(`${where}: a figure at ${Math.round(100 * img.offsetWidth / img.naturalWidth)}% of its size`);
    });
    // no number broken across two lines
    s.querySelectorAll('pre.wrapped span').forEach(n => {
      if (n.getClientRects().length > 1) found.push(`${where}: the number ${n.textContent} is broken`);
    });
    // a continuation holds more than a line; a sentence that announces (":") is not cut from what follows
    const kids = [...s.children].filter(c => c.tagName !== 'ASIDE' && !c.matches('h2.continued'));
    const scale = s.getBoundingClientRect().width / 1280;
    const height = kids.reduce((h, c) => h + c.getBoundingClientRect().height, 0) / scale;
    if (s.classList.contains('continued') && !s.querySelector('img') && height < 60)
      found.push(`${where}: a continuation with a single line`);
    const last = kids[kids.length - 1], next = slides[i + 1];
    if (last && !last.querySelector('img') && /:$/.test((last.innerText || '').trim()) && next
        && next.classList.contains('continued'))
      found.push(`${where}: ends with "${last.innerText.trim().slice(-40)}"; what it announces is on the next`);
  });
  return found;
}"""


@browser_only
def test_every_deck_keeps_the_rules_of_a_lecture_room(browser, built):
    """Readable from the back row at 1280×720, and → (or Space, PageDown, a clicker) visits every slide in
    order; nothing is cut from the sentence that announces it; no number is broken; no one-line slide."""
    html, _ = built
    for deck in html:
        page = offline_page(browser)
        page.goto(deck.as_uri())
        page.wait_for_selector("body[data-deck-ready]", state="attached", timeout=60_000)
        found = page.evaluate(DECK_RULES)
        assert not found, f"{deck.name}: " + "; ".join(found[:8])
        total = page.evaluate("() => Reveal.getTotalSlides()")
        page.evaluate("() => Reveal.slide(0, 0)")
        visited = [page.evaluate("() => Reveal.getSlidePastCount()")]
        for key in ["ArrowRight", "Space", "PageDown"] * total:
            if page.evaluate("() => Reveal.isLastSlide()"):
                break
            page.keyboard.press(key)
            visited.append(page.evaluate("() => Reveal.getSlidePastCount()"))
        # (a slide with fragments takes a key press per fragment: the count stays while they appear)
        assert visited == sorted(visited) and sorted(set(visited)) == list(range(total)), \
            f"{deck.name}: the keys visit {visited}, not all {total} slides in order"
        page.close()


@browser_only
def test_deck_pdfs_have_a_page_per_slide_real_chinese_glyphs_and_described_figures(browser, built):
    html, _ = built
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    for deck in html:
        pdf = deck.with_suffix(".pdf").read_bytes()
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        page.goto(deck.as_uri())
        page.wait_for_selector("body[data-deck-ready]", state="attached", timeout=60_000)
        slides = page.evaluate("() => Reveal.getTotalSlides()")
        with_notes = page.evaluate("() => Reveal.getSlides().filter(s => Reveal.getSlideNotes(s)).length")
        assert pages == slides, f"{deck.name}: {pages} PDF pages for {slides} slides"
        # a tagged PDF: headings, text and every figure with its description, for a screen reader
        figures = page.evaluate("() => document.querySelectorAll('.slides img').length")
        assert b"/StructTreeRoot" in pdf and len(re.findall(rb"/Alt\s*[(<]", pdf)) >= figures, \
            f"{deck.name}: the PDF does not carry the descriptions of its {figures} figures"
        notes = deck.with_name(deck.stem + "-notes.pdf").read_bytes()
        assert len(re.findall(rb"/Type\s*/Page[^s]", notes)) == slides + with_notes, f"{deck.name}: the notes copy"
        if CJK.search(deck.read_text(encoding="utf-8")):
            fonts = set(re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([A-Za-z0-9_-]+)", pdf))
            cjk = [f for f in fonts if re.search(rb"WenQuanYi|CJK|Hei|Song|Ming|Kai", f)]
            assert cjk, (f"{deck.name} has Chinese text but its PDF embeds no CJK font ({sorted(fonts)}): "
                         "the Chinese would print as boxes; install fonts-wqy-microhei")
    page.close()


@browser_only
def test_a_deck_steps_forward_and_shows_speaker_notes_in_the_page(browser, built):
    html, _ = built
    page = offline_page(browser)
    page.goto(html[2].as_uri())                     # notebook 3
    page.wait_for_selector("body[data-deck-ready]", state="attached", timeout=60_000)
    first = page.evaluate("() => Reveal.getIndices().h")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert page.evaluate("() => Reveal.getIndices().h") > first or page.evaluate("() => Reveal.getIndices().v") > 0
    notes = page.evaluate("() => [...document.querySelectorAll('aside.notes')].map(n => n.textContent).join(' ')")
    assert "Pause" in notes and "Answers" in notes
    assert "delta1 = (W2.T @ delta2)" in page.evaluate(SLIDE_TEXT)
    page.close()


@browser_only
@pytest.mark.parametrize("edition, title_word, solution", [("en", "Backpropagation", "Solution"),
                                                          ("zh_CN", "反向传播", "解答")])
def test_static_site_reads_offline_with_navigation(browser, built, edition, title_word, solution):
    """Both editions (the Chinese one in zh_CN/), each page with its language and a link to the other edition."""
    _, pages = built
    pages = [p for p in pages if (p.parent.name == "zh_CN") == (edition == "zh_CN")]
    names = [p.name for p in pages]
    assert names[0] == "index.html" and "04_training_dashboard.html" in names
    page = offline_page(browser, 1280, 900)
    page.goto(pages[0].as_uri())
    page.wait_for_function("() => window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0"
                           " && !MathJax.Hub.queue.running")
    assert page.locator("nav.site.top a:not(.next):not(.edition)").count() == len(pages) - 1
    for k in range(1, len(pages)):                  # follow "next" through the whole site
        page.locator("nav.site.top a.next").click()
        page.wait_for_load_state("load")
        assert page.url.endswith(names[k]), page.url
        assert page.evaluate("() => document.documentElement.lang") == {"en": "en", "zh_CN": "zh-CN"}[edition]
        other = page.locator("nav.site.top a.edition")
        assert other.count() == 1, names[k]
        assert (pages[k].parent / other.get_attribute("href")).resolve().name == names[k]   # the same page
        if Path(names[k]).stem in standalone.PAGES:     # a live page, drawn in the browser (test_live_pages)
            page.wait_for_selector("body[data-ready]", state="attached")
            assert page.locator("svg#picture").count() == 1 and title_word in page.title(), names[k]
            continue
        page.wait_for_function("() => window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0"
                               " && !MathJax.Hub.queue.running", timeout=60_000)
        text = page.evaluate("() => document.querySelector('main').innerText")
        assert "$$" not in text, f"{names[k]}: a formula was not typeset"
        if names[k][:2].isdigit():
            assert page.locator("main img").count() > 0, f"{names[k]}: no figure"
            assert page.locator("details.solution").count() >= 2, f"{names[k]}: solutions not folded"
            assert page.locator("details.solution[open]").count() == 0
            assert page.locator("details.answer").count() == page.locator("details.solution").count(), names[k]
            assert "Not answered yet" not in text and not re.search(r'(?<![\w.])check\("', text), \
                f"{names[k]}: an answer cell shows"
            assert page.title().startswith(names[k][:2].lstrip("0")) and title_word in page.title(), page.title()
            assert solution in page.locator("details.solution summary").first.inner_text()
            if edition == "zh_CN":
                assert len(re.findall(r"[\u4e00-\u9fff]", text)) > len(re.findall(r"[A-Za-z]", text)) / 4, \
                    f"{names[k]}: too little Chinese"
        assert not page.evaluate("() => [...document.querySelectorAll('a[href$=\".ipynb\"]')].length"), names[k]
    assert not page.left, f"the site asked the network for {page.left[:3]}"
    assert not page.errors, page.errors
    page.close()


ROW_WIDTHS = """marker => [...document.querySelectorAll('.jp-OutputArea-output pre')]
  .filter(pre => pre.textContent.includes(marker)).map(pre => {
    const probe = document.createElement('span'); probe.style.whiteSpace = 'pre'; pre.appendChild(probe);
    const widths = pre.textContent.replace(/\\n$/, '').split('\\n').map(line => {
      probe.textContent = line.replace(/\\s+$/, ''); return probe.getBoundingClientRect().width; });
    probe.remove(); return widths; })"""


@browser_only
@pytest.mark.parametrize("name, marker, rows", [("09_debugging_backprop", "漏过", slice(0, 10)),
                                                ("06_activations_bias_init", "逐个神经元", slice(0, 4))])
def test_chinese_tables_keep_their_columns_in_the_browser(browser, built, name, marker, rows):
    """bplib.pad counts a Chinese character as two columns; the Chinese pages set printed output so that one is
    (tools/templates/columns.css): every row of a table ends at the same pixel."""
    _, pages = built
    page = offline_page(browser, 1280, 720)
    page.goto(next(p for p in pages if p.parent.name == "zh_CN" and p.stem == name).as_uri())
    tables = page.evaluate(ROW_WIDTHS, marker)
    assert tables, f"{name}: no table with {marker}"
    widths = max(tables, key=len)[rows]          # the table: the longest output that holds the marker
    assert max(widths) - min(widths) < 1, f"{name}: rows of {sorted(widths)} px"
    page.close()


def test_every_deck_links_to_the_other_edition_and_its_links_work_offline(built):
    """Each deck links to the same deck of the other edition; a link to another notebook goes to that lesson's
    deck, or (the start page, the live pages) to the static site beside the decks: never to an .ipynb."""
    html, _ = built
    for deck in html:
        text = deck.read_text(encoding="utf-8")
        other = re.search(r'<a class="bp-edition" href="([^"]+)"', text)
        assert other, f"{deck.name}: no link to the other edition"
        target = (deck.parent / other.group(1)).resolve()
        assert target.name == deck.name and target.exists() and target.parent != deck.parent, other.group(1)
        assert not re.search(r'href="[^"]*\.ipynb', text), f"{deck.name}: a link to a notebook file"
        for href in re.findall(r'href="([^"#:?]+\.html)', text):
            assert (deck.parent / href).exists(), f"{deck.name}: {href} is not there"


# --- accessibility: WCAG 2.1 A and AA (axe-core in chromium), and a description for every figure ---

TYPESET = ("() => window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0 && !MathJax.Hub.queue.running")


@browser_only
def test_every_page_of_the_site_passes_wcag_21_aa_and_describes_its_figures(browser, built):
    """Both editions, every page (the live ones too): no axe-core violation of WCAG 2.1 A/AA, every figure with
    the description written beside it in the notebook (never nbconvert's "No description has been provided"),
    every formula also as MathML for a screen reader (MathJax's assistive MathML), the page's language set."""
    _, pages = built
    problems = []
    for path in pages:
        page = offline_page(browser, 1280, 800)
        page.goto(path.as_uri())
        if path.stem in standalone.PAGES:
            page.wait_for_selector("body[data-ready]", state="attached")
        else:
            page.wait_for_function(TYPESET, timeout=60_000)
            alts = page.eval_on_selector_all("main img", "imgs => imgs.map(i => i.alt)")
            generic = [a for a in alts if words(a) < 8 or "No description" in a]
            problems += [f"{path.parent.name}/{path.name}: a figure without a description: {a!r}" for a in generic]
            if page.locator("main .MathJax_CHTML").count():
                assert page.locator("main .MJX_Assistive_MathML math").count(), f"{path.name}: no MathML"
        assert page.evaluate("() => document.documentElement.lang") in ("en", "zh-CN"), path
        problems += [f"{path.parent.name}/{path.name}: {v}" for v in axe_violations(page)]
        page.close()
    assert not problems, f"{len(problems)} problems, e.g.:\n" + "\n".join(problems[:25])


@browser_only
def test_every_slide_of_every_deck_passes_wcag_21_aa(browser, built):
    """Every slide of every deck of both editions, shown as in the room (all fragments visible), checked with
    axe-core; every figure on a slide carries its description; the keyboard moves through the deck."""
    html, _ = built
    problems = []
    for path in html:
        page = offline_page(browser)
        page.goto(path.as_uri())
        page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=60_000)
        page.wait_for_function(TYPESET, timeout=60_000)
        count = page.evaluate("() => Reveal.getTotalSlides()")
        # each slide as it stands once shown: no half-faded text caught between two slides or in a fragment's fade
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important }")
        for k in range(count):
            page.evaluate("""k => { const s = Reveal.getSlides()[k];
                                    Reveal.slide(...Object.values(Reveal.getIndices(s)));
                                    s.querySelectorAll('.fragment').forEach(f => f.classList.add('visible')); }""", k)
            problems += [f"{path.parent.name}/{path.name} slide {k + 1}: {v}"
                         for v in axe_violations(page, "Reveal.getCurrentSlide()")]
            alts = page.evaluate("() => [...Reveal.getCurrentSlide().querySelectorAll('img')].map(i => i.alt)")
            problems += [f"{path.name} slide {k + 1}: figure without a description {a!r}" for a in alts
                         if "No description" in a or words(a) < 8]
        page.evaluate("() => Reveal.slide(0, 0, -1)")
        # the deck around the slides too (the slide number, the controls), and no Tab stop on a slide not shown
        problems += [f"{path.parent.name}/{path.name}: {v}" for v in axe_violations(page)]
        hidden_stops = page.evaluate("""() => [...document.querySelectorAll('.slides section:not(.present) '
            + '[tabindex="0"], .slides section:not(.present) a[href]')].filter(e => !e.closest('[inert]')).length""")
        assert not hidden_stops, f"{path.name}: {hidden_stops} Tab stops on slides not shown"
        before = page.evaluate("() => JSON.stringify(Reveal.getState())")
        page.keyboard.press("ArrowRight")
        assert page.evaluate("() => JSON.stringify(Reveal.getState())") != before, \
            f"{path.name}: the arrow key does not move the deck"
        assert page.evaluate("() => document.documentElement.lang") in ("en", "zh-CN"), path
        page.close()
    assert not problems, f"{len(problems)} problems, e.g.:\n" + "\n".join(problems[:25])
