"""A static site of every notebook: ``python3 tasks.py site`` → build/site/ (open index.html).

For when no server is free: each notebook as one HTML page with its stored outputs and still figures, the
formulas typeset by a local MathJax (tools/vendor.py), a navigation bar between the notebooks, and nothing
loaded from the network. Each exercise keeps its text; its answer cell, which cannot run here, becomes the
answer folded under "Answer", and its solution is folded under "Solution" (click to open), as in JupyterLab.
Each page's tab is titled with the notebook's title. A live widget, which needs a kernel, is replaced by a
pointer to the page that shows it; the still figure next to it tells the same story. The three live pages
(playground, player, XOR playground) are drawn in the browser from bplib's runs (tools/standalone.py).
"""

import copy
import re
import sys
from pathlib import Path

import nbformat

from tools import standalone, vendor
from tools.decks import answer_text, is_answer_cell, joined_streams
from tools.pages import IN_THE_NOTEBOOK, PAGES, START, by_live_key

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
OUT = ROOT / "build" / "site"


def live_pointer(key):
    """(the live page, where its story is told in still figures) for a widget cell's ``live=`` key."""
    if key == IN_THE_NOTEBOOK:
        return "this notebook in JupyterLab or on Binder", "this page"
    page = by_live_key(key)
    if page.name in standalone.PAGES:
        return (f'<a href="{page.site_name}.html">{page.label}</a> of this site, which works without a kernel',
                page.told_in)
    return f"{page.label} (<code>python3 tasks.py {page.command}</code>, or its Binder link)", page.told_in

NOTEBOOK_LINK = re.compile(r'href="([0-9A-Za-z_]+)\.ipynb')


def pages():
    """(notebook path, page name, short title) in reading order (tools/pages.py); the start page is index.html."""
    return [(page.path, page.site_name,
             f"{page.name[:2].lstrip('0')} · {page.title}" if page.deck else page.title) for page in PAGES]


def page_cells(nb):
    """The cells of a page: solutions folded, live widgets replaced by a pointer."""
    cells = []
    for cell in nb.cells:
        cell = joined_streams(copy.deepcopy(cell))
        if "solution" in cell.metadata.get("tags", []):
            body = cell.source.split("\n", 1)[1] if cell.source.startswith("# Solution") else cell.source
            cell = nbformat.v4.new_markdown_cell(
                '<details class="solution"><summary><b>Solution</b> (try first)</summary>\n\n'
                f"```python\n{body.strip()}\n```\n\n</details>")
        elif cell.cell_type == "code" and is_answer_cell(cell):
            answer = answer_text(cell)          # nothing runs here: the question's answer, folded
            cell = nbformat.v4.new_markdown_cell(
                '<div class="answer-cell">Work it out on paper, then compare: '
                '<details class="answer"><summary><b>Answer</b> (try first)</summary>\n\n'
                f"{answer if answer else 'in the solution below'}\n\n</details></div>")
        elif cell.metadata.get("live"):
            page, still = live_pointer(cell.metadata["live"])
            cells.append(cell)
            cell = nbformat.v4.new_markdown_cell(
                f'<div class="live-pointer">This cell shows a live widget when the notebook runs (JupyterLab, '
                f"Binder, Voila); on a projector, use {page}. Without a kernel, the still figures of {still} "
                "tell the same story.</div>")
        cells.append(cell)
    return cells


def build(out=OUT):
    from nbconvert import HTMLExporter
    from traitlets.config import Config
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    vendor.copy_into(out)
    config = Config()
    config.HTMLExporter.mathjax_url = "vendor/mathjax/MathJax.js?config=TeX-AMS_CHTML-full"
    export = HTMLExporter(config=config, template_name="page", extra_template_basedirs=[str(TEMPLATES)])
    listing = pages()
    nav = [{"href": f"{name}.html", "title": title, "live": name in standalone.PAGES} for _, name, title in listing]
    written, live = [], {}
    for k, (path, name, _) in enumerate(listing):
        site = {"pages": nav, "here": f"{name}.html", "next": nav[k + 1] if k + 1 < len(nav) else None,
                "title": f"{listing[k][2]} · Backpropagation, one step at a time"}
        if name in standalone.PAGES:             # a live page: drawn in the browser from bplib's runs
            live[name] = site
            continue
        nb = nbformat.read(path, as_version=4)
        nb.cells = page_cells(nb)
        body, _ = export.from_notebook_node(nb, resources={"metadata": {"name": site["title"]}, "site": site})
        body = NOTEBOOK_LINK.sub(lambda m: 'href="' + ("index" if m.group(1) == START.name else m.group(1))
                                 + '.html', body)
        target = out / f"{name}.html"
        target.write_text(body, encoding="utf-8")
        written.append(target)
        print(f"page: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}", flush=True)
    for target in standalone.build(out, live, names=list(live)):
        written.append(target)
        print(f"live page: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}", flush=True)
    order = [f"{name}.html" for _, name, _ in listing]
    return sorted(written, key=lambda p: order.index(p.name))


def main(args):
    build(Path(args[0]) if args else OUT)
    print(f"Open {OUT.relative_to(ROOT)}/index.html in a browser (no network or server needed).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
