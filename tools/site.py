"""A static site of every notebook: ``python3 tasks.py site`` → build/site/ (open index.html), and the Chinese
edition's in build/site/zh_CN/ (each page links to the same page of the other edition).

For when no server is free: each notebook as one HTML page with its stored outputs and still figures, the
formulas typeset by a local MathJax (tools/vendor.py), a navigation bar between the notebooks, and nothing
loaded from the network. Each exercise keeps its text; its answer cell, which cannot run here, becomes the
answer folded under "Answer", and its solution is folded under "Solution" (click to open), as in JupyterLab.
Each page's tab is titled with the notebook's title. A live widget, which needs a kernel, is replaced by a
pointer to the page that shows it; the still figure next to it tells the same story. The three live pages
(playground, player, XOR playground) are drawn in the browser from bplib's runs (tools/standalone.py).
"""

import copy
import sys
from pathlib import Path

import nbformat

from tools import chrome, decks, standalone, vendor
from tools.decks import answer_text, is_answer_cell, joined_streams, without_captions
from tools.pages import HTML_LANG, IN_THE_NOTEBOOK, NOTEBOOK_LINK, OTHER_EDITION, PAGES, START, by_live_key

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
OUT = ROOT / "build" / "site"


def live_pointer(key, language="en"):
    """(the live page, where its story is told in still figures) for a widget cell's ``live=`` key."""
    _ = chrome.gettext(language)
    if key == IN_THE_NOTEBOOK:
        return _("this notebook in JupyterLab or on Binder"), _("this page")
    page = by_live_key(key)
    if page.name in standalone.PAGES:
        link = f'<a href="{page.site_name}.html">{page.label_in(language)}</a>'
        return _("{link} of this site, which works without a kernel").format(link=link), page.told_in_in(language)
    return (_("{label} (<code>python3 tasks.py {command}</code>, or its Binder link)").format(
        label=page.label_in(language), command=page.command), page.told_in_in(language))



def pages(language="en"):
    """(notebook path, page name, short title) in reading order (tools/pages.py); the start page is index.html."""
    return [(page.path_in(language), page.site_name,
             f"{page.name[:2].lstrip('0')} · {page.title_in(language)}" if page.deck else page.title_in(language))
            for page in PAGES]


def page_cells(nb, language="en"):
    """The cells of a page: solutions folded, live widgets replaced by a pointer."""
    _ = chrome.gettext(language)
    cells = []
    for cell in nb.cells:
        cell = without_captions(joined_streams(copy.deepcopy(cell)))
        if "solution" in cell.metadata.get("tags", []):
            first, _rest = (cell.source + "\n").split("\n", 1)
            body = cell.source.split("\n", 1)[1] if first in ("# Solution", "# 解答") else cell.source
            cell = nbformat.v4.new_markdown_cell(
                f'<details class="solution"><summary><b>{_("Solution")}</b> {_("(try first)")}</summary>\n\n'
                f"```python\n{body.strip()}\n```\n\n</details>")
        elif cell.cell_type == "code" and is_answer_cell(cell):
            answer = answer_text(cell)          # nothing runs here: the question's answer, folded
            cell = nbformat.v4.new_markdown_cell(
                f'<div class="answer-cell">{_("Work it out on paper, then compare:")} '
                f'<details class="answer"><summary><b>{_("Answer")}</b> {_("(try first)")}</summary>\n\n'
                f"{answer if answer else _('in the solution below')}\n\n</details></div>")
        elif cell.metadata.get("live"):
            page, still = live_pointer(cell.metadata["live"], language)
            cells.append(cell)
            cell = nbformat.v4.new_markdown_cell(
                '<div class="live-pointer">' +
                _("This cell shows a live widget when the notebook runs (JupyterLab, Binder, Voila); on a "
                  "projector, use {page}. Without a kernel, the still figures of {still} tell the same story.").format(
                    page=page, still=still) + "</div>")
        cells.append(cell)
    return cells




def build(out=OUT):
    """Both editions: English in ``out``, Chinese in ``out``/zh_CN (sharing ``out``/vendor)."""
    written = build_edition(out, "en")
    return written + build_edition(Path(out) / "zh_CN", "zh_CN", vendor_at="../")


def build_edition(out, language, vendor_at=""):
    from nbconvert import HTMLExporter
    from traitlets.config import Config
    _ = chrome.gettext(language)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    vendor.copy_into(out / vendor_at)
    config = Config()
    config.HTMLExporter.mathjax_url = f"{vendor_at}vendor/mathjax/MathJax.js?config=TeX-AMS_CHTML-full"
    config.HTMLExporter.language_code = HTML_LANG[language].split("-")[0]   # nbconvert takes ISO 639-1 only
    export = HTMLExporter(config=config, template_name="page", extra_template_basedirs=[str(TEMPLATES)],
                          extra_template_paths=[str(TEMPLATES)])   # contrast.css, shared with the decks
    listing = pages(language)
    nav = [{"href": f"{name}.html", "title": title, "live": name in standalone.PAGES} for _path, name, title in listing]
    other, other_name, to_other = OTHER_EDITION[language]
    written, live = [], {}
    for k, (path, name, _title) in enumerate(listing):
        site = {"pages": nav, "here": f"{name}.html", "next": nav[k + 1] if k + 1 < len(nav) else None,
                "title": f"{listing[k][2]} · {_('Backpropagation, one step at a time')}",
                "other": {"href": f"{to_other}{name}.html", "title": other_name, "lang": HTML_LANG[other]},
                "lang": HTML_LANG[language], "words": {"next": _("next:"), "all": _("all notebooks"),
                                                         "dark": _("dark room"), "navigation": _("notebooks")}}
        if name in standalone.PAGES:             # a live page: drawn in the browser from bplib's runs
            live[name] = site
            continue
        nb = nbformat.read(path, as_version=4)
        nb.cells = page_cells(nb, language)
        body, _resources = export.from_notebook_node(nb, resources={"metadata": {"name": site["title"]}, "site": site})
        iso = HTML_LANG[language].split("-")[0]
        body = body.replace(f'<html lang="{iso}">', f'<html lang="{HTML_LANG[language]}">', 1)
        body = decks.accessible(body, language)
        body = NOTEBOOK_LINK.sub(lambda m: 'href="' + ("index" if m.group(1) == START.name else m.group(1))
                                 + '.html', body)
        target = out / f"{name}.html"
        target.write_text(body, encoding="utf-8")
        written.append(target)
        print(f"page: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}", flush=True)
    for target in standalone.build(out, live, names=list(live), language=language):
        written.append(target)
        print(f"live page: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}", flush=True)
    order = [f"{name}.html" for _, name, _ in listing]
    return sorted(written, key=lambda p: order.index(p.name))


def main(args):
    out = Path(args[0]) if args else OUT
    build(out)
    shown = out.relative_to(ROOT) if out.resolve().is_relative_to(ROOT) else out
    print(f"Open {shown}/index.html in a browser (no network or server needed); the Chinese edition: "
          f"{shown}/zh_CN/index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
