"""Print the decks to PDF with the system's chromium (a fallback for a room where the HTML deck cannot run).

reveal.js lays a deck out for print when its address ends in ``?print-pdf``; chromium, driven by playwright
(never a browser it downloads), prints one 1280×720 page per slide, all fragments shown.
Chinese text needs a CJK font on the machine that prints (Debian: fonts-wqy-microhei; ``tasks.py`` installs
it where it may): without one, the PDF shows boxes instead of 学习率.
"""

from pathlib import Path

from tools.pages import CHROMIUM
from tools.pages import CHROMIUM_ARGS as ARGS


def print_decks(decks, browser=None, width=1280, height=720):
    """Write ``<deck>.pdf`` next to each deck's HTML (in ``browser``, a playwright chromium, or one started
    here); returns the PDF paths."""
    if browser is None:
        from playwright.sync_api import sync_playwright
        if not Path(CHROMIUM).exists():
            raise SystemExit(f"Printing PDFs needs {CHROMIUM} (Debian: apt-get install chromium)")
        with sync_playwright() as p:
            own = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                return print_decks(decks, own, width, height)
            finally:
                own.close()
    written = []
    page = browser.new_page(viewport={"width": width, "height": height})
    for deck in decks:
        deck = Path(deck).resolve()
        page.goto(deck.as_uri() + "?print-pdf")
        page.wait_for_selector("body[data-deck-ready]", state="attached", timeout=60_000)
        target = deck.with_suffix(".pdf")
        page.pdf(path=str(target), width=f"{width}px", height=f"{height}px", print_background=True,
                 margin={"top": "0", "right": "0", "bottom": "0", "left": "0"})
        written.append(target)
        print(f"pdf: {target.name}", flush=True)
    page.close()
    return written
