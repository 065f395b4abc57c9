"""Accessibility (WCAG 2.1 AA) where it can be checked without a browser: every figure of every notebook, in both
editions, carries a description of what it shows with its numbers; the library refuses a figure without one;
the colours of the figures and of the pages' code keep their contrast. The browser checks (axe-core on every
page, slide and live page; the keyboard alone) are in test_decks.py and test_live_pages.py."""

import re
import sys
from pathlib import Path

import matplotlib
import nbformat
import pytest

matplotlib.use("Agg")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bplib.classroom import display, plots  # noqa: E402
from tools.pages import PAGES  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from offline import words  # noqa: E402

NOTEBOOKS = [page.path_in(language) for page in PAGES for language in ("en", "zh_CN")]


def luminance(colour):
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def figures(path):
    """(cell number, image output, the output after it) of every figure in a stored notebook."""
    nb = nbformat.read(path, as_version=4)
    for k, cell in enumerate(nb.cells):
        outputs = cell.get("outputs", [])
        for j, out in enumerate(outputs):
            if "image/png" in out.get("data", {}):
                yield k, out, outputs[j + 1] if j + 1 < len(outputs) else None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_figure_says_what_it_shows_with_its_numbers(path):
    """The description (alt text) is written beside the figure in the notebook (``show_figure``), not generic,
    with the numbers that matter, different from every other figure's; JupyterLab shows it as a caption."""
    seen = set()
    for k, out, after in figures(path):
        alt = out.get("metadata", {}).get("image/png", {}).get("alt", "")
        where = f"{path.name}, cell {k}"
        assert alt and not display.GENERIC.match(alt), f"{where}: a figure without a description"
        assert words(alt) >= 10, f"{where}: too short to tell what the figure shows: {alt!r}"
        assert re.search(r"\d", alt), f"{where}: no number in {alt!r}"
        assert alt not in seen, f"{where}: the same description as another figure"
        seen.add(alt)
        assert after is not None and after.get("metadata", {}).get("caption"), f"{where}: no caption under it"
        assert alt in after["data"]["text/plain"], f"{where}: the caption says something else than the alt text"


def test_every_notebook_with_figures_describes_them():
    assert sum(1 for path in NOTEBOOKS for _ in figures(path)) >= 60    # 34 figures in each edition


@pytest.mark.parametrize("description", [None, "", "Figure", "plot", "<Figure size 640x480 with 1 Axes>",
                                         "No description has been provided for this image", "a loss curve", 42])
def test_a_figure_without_a_real_description_is_refused(description):
    import matplotlib.pyplot as plt
    fig, _ax = plt.subplots()
    with pytest.raises(ValueError, match="description"):
        display.show_figure(fig, description)
    plt.close(fig)


def test_the_figures_palette_is_seen_against_white_and_apart_without_colour():
    assert all(contrast(c, "#ffffff") >= 3 for c in plots.PALETTE), "a line colour below 3:1 on white (1.4.11)"
    assert len(set(plots.LINE_STYLES)) == len(plots.PALETTE), "two lines told apart by colour alone (1.4.1)"
    cycle = plots.ROOM_STYLE["axes.prop_cycle"].by_key()
    assert list(cycle["color"]) == list(plots.PALETTE) and len(set(map(str, cycle["linestyle"]))) == len(plots.PALETTE)


def test_the_code_colours_of_the_site_and_decks_reach_4_5_to_1():
    css = (ROOT / "tools" / "templates" / "contrast.css").read_text()
    colours = re.findall(r"(--jp-mirror-editor-[\w-]+|color): (#[0-9a-f]{6})", css)
    assert len(colours) >= 10
    for name, colour in colours:
        for background in ("#ffffff", "#f5f5f5"):      # the page, and a code cell
            assert contrast(colour, background) >= 4.5, f"{name} {colour} on {background}"
