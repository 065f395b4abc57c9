"""The lecture's handout (tools/handout.py): the sheet asks, the key answers on pages of its own, every answer
computed from bplib; the PDF prints on A4 with the key after the sheet."""

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import bplib  # noqa: E402
from tools import handout  # noqa: E402
from tools.pages import CHROMIUM  # noqa: E402


def pages_of(html):
    return re.findall(r'<section class="page( key)?">(.*?)</section>', html, re.S)


def test_the_key_holds_every_box_and_follows_the_sheet():
    html = handout.sheet_html()
    pages = pages_of(html)
    kinds = [bool(key) for key, _ in pages]
    assert kinds == sorted(kinds) and kinds.count(False) == 3 and kinds.count(True) >= 1, "sheet first, then the key"
    key = " ".join(text for is_key, text in pages if is_key)
    sheet = " ".join(text for is_key, text in pages if not is_key)
    net, x, t = bplib.mazur()
    g = net.gradients(x, t)
    grads = [v for name, v in g.named().items() if name.startswith("w")]
    for value in [net.loss(x, t), *net.forward(x).a[1], *g.deltas[0], *grads]:
        assert f"{value:.9g}" in key, value
    for name, value in net.named().items():
        if name.startswith("w"):
            assert f"{value - 0.5 * g.named()[name]:.9g}" in key, name
    # nothing of the key stands on the sheet (the numbers a question gives aside)
    given = " ".join(question for question, _ in handout.exercise_answers().values())
    for number in re.findall(r"\d\.\d{5,}", key):
        assert number not in sheet or number in given, f"{number} is on the sheet"


def test_each_edition_links_to_the_other_on_screen_not_on_paper():
    for language, other in (("en", "handout-zh_CN.html"), ("zh_CN", "handout.html")):
        html = handout.sheet_html(language)
        assert f"<p class='bp-edition'><a href='{other}'" in html
        assert "@media print { .bp-edition { display: none; } }" in html


def test_exercises_are_variants_with_computed_answers():
    answers = handout.exercise_answers()
    assert len(answers) >= 3
    net, x, t = bplib.mazur()
    d_o1 = float(net.gradients(x, [handout.T1_VARIANT, t[1]]).deltas[1][0])
    assert f"{d_o1:.4g}" in answers[1][1]
    notebooks = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "notebooks").glob("*.md"))
    assert f"{d_o1:.4g}" not in notebooks, "the room's exercise is printed in a notebook"


@pytest.mark.skipif(not Path(CHROMIUM).exists() and os.environ.get("BPLIB_REQUIRE_BROWSER") != "1",
                    reason=f"{CHROMIUM} is missing")
def test_the_pdf_prints_sheet_and_key_on_a4(tmp_path):
    html, pdf, html_zh, pdf_zh = handout.build(tmp_path)
    check_accessibility([html, html_zh], [pdf, pdf_zh])
    assert "用手算完成一个训练步" in html_zh.read_text(encoding="utf-8") and pdf_zh.stat().st_size > 10_000
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages == len(pages_of(html.read_text(encoding="utf-8"))), f"{pages} PDF pages"
    boxes = [tuple(round(float(v)) for v in m) for m in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", data)]
    assert set(boxes) == {(595, 842)}, f"not A4: {set(boxes)}"


def check_accessibility(pages, pdfs):
    """Both editions' sheets: no axe-core violation of WCAG 2.1 A/AA in chromium, and tagged PDFs (headings,
    tables and text in reading order for a screen reader)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from offline import axe_violations, offline_page
    from playwright.sync_api import sync_playwright

    from tools.pages import CHROMIUM_ARGS
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for path in pages:
            page = offline_page(browser)
            page.goto(path.as_uri())
            assert not axe_violations(page), (path.name, axe_violations(page))
        browser.close()
    for pdf in pdfs:
        assert b"/StructTreeRoot" in pdf.read_bytes(), f"{pdf.name} is not a tagged PDF"

