"""Print the decks to PDF with the system's chromium (a fallback for a room where the HTML deck cannot run, and
the lecturer's copy with the speaker notes), and the handout (A4).

reveal.js lays a deck out for print when its address ends in ``?print-pdf``; chromium, driven by playwright
(never a browser it downloads), prints one 1280×720 page per slide, all fragments shown.
Chinese text needs a CJK font on the machine that prints (Debian: fonts-wqy-microhei; ``tasks.py`` installs
it where it may): without one, the PDF shows boxes instead of 学习率.
"""

from contextlib import contextmanager
from pathlib import Path

from tools.pages import CHROMIUM
from tools.pages import CHROMIUM_ARGS as ARGS


@contextmanager
def _chromium(browser=None):
    """``browser`` if given, else the system's chromium started for the job (and closed after it)."""
    if browser is not None:
        yield browser
        return
    from playwright.sync_api import sync_playwright
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Printing PDFs needs {CHROMIUM} (Debian: apt-get install chromium)")
    with sync_playwright() as p:
        own = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield own
        finally:
            own.close()


def print_decks(decks, browser=None, width=1280, height=720):
    """Write ``<deck>.pdf`` next to each deck's HTML (in ``browser``, a playwright chromium, or one started
    here); returns the PDF paths."""
    with _chromium(browser) as chromium:
        return _print_decks(decks, chromium, width, height)


def _print_decks(decks, browser, width, height):
    written = []
    page = browser.new_page(viewport={"width": width, "height": height})
    for deck in decks:
        deck = Path(deck).resolve()
        # the slides; and the lecturer's copy, each slide followed by a page with its speaker notes
        for query, target in (("?print-pdf", deck.with_suffix(".pdf")),
                              ("?print-pdf&showNotes=separate-page", deck.with_name(deck.stem + "-notes.pdf"))):
            page.goto(deck.as_uri() + query)
            page.wait_for_selector("body[data-deck-ready]", state="attached", timeout=60_000)
            # reveal.js leaves its stacks aria-hidden when printing: unhidden, every slide's text and figure
            # descriptions go into the tagged PDF (a screen reader reads its figures' alt text)
            page.evaluate("() => document.querySelectorAll('.slides [aria-hidden]').forEach(e => "
                          "e.removeAttribute('aria-hidden'))")
            pages = page.evaluate("() => document.querySelectorAll('.pdf-page').length"
                                  " + document.querySelectorAll('.slides > .speaker-notes-pdf').length")
            # exactly the laid-out pages (chromium would add a blank page after the last)
            page.pdf(path=str(target), width=f"{width}px", height=f"{height}px", print_background=True, tagged=True,
                     margin={"top": "0", "right": "0", "bottom": "0", "left": "0"}, page_ranges=f"1-{pages}")
            written.append(target)
            print(f"pdf: {target.name}", flush=True)
    page.close()
    return written


def print_a4(page_path, browser=None):
    """Print an HTML page (its own @page rules: A4) to ``<page>.pdf`` with chromium; returns the PDF path."""
    with _chromium(browser) as chromium:
        return _print_a4(page_path, chromium)


def _print_a4(page_path, browser):
    page_path = Path(page_path).resolve()
    page = browser.new_page()
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    target = page_path.with_suffix(".pdf")
    page.pdf(path=str(target), format="A4", prefer_css_page_size=True, print_background=True, tagged=True)
    page.close()
    print(f"pdf: {target.name}", flush=True)
    return target
