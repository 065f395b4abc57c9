"""The registry of pages (tools/pages.py) is the list every other place reads: it names every notebook of
notebooks/ exactly once, each with its twin, and every live= key a widget cell uses; tasks.py, the links, the
site, the decks and Binder's hidden files all come from it."""

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tools import decks, links, site  # noqa: E402
from tools.pages import (  # noqa: E402,I001
    EDITIONS,
    IN_THE_NOTEBOOK,
    PAGES,
    START,
    by_live_key,
    hidden_in_file_browser,
    lessons,
    live_pages,
)


def test_every_notebook_is_registered_once():
    on_disk = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    registered = [page.name for page in PAGES]
    assert sorted(registered) == on_disk, "add the notebook to tools/pages.py (or remove its entry)"
    assert len(set(registered)) == len(registered)
    assert all(page.twin.exists() for page in PAGES)
    assert PAGES[0] is START and START.name == "00_start_here"


def test_lessons_are_in_reading_order_and_titled_by_their_heading():
    names = [page.name for page in lessons()]
    assert names == sorted(names)
    for page in lessons():
        heading = next(c.source for c in nbformat.read(page.path, as_version=4).cells if c.cell_type == "markdown")
        title = re.search(r"^# \d+ · (.+)$", heading, re.M).group(1)
        assert title.startswith(page.title), f"{page.name}: its heading {title!r} does not start with {page.title!r}"


def test_every_live_key_of_a_widget_cell_is_a_registered_page():
    for page in PAGES:
        for cell in nbformat.read(page.path, as_version=4).cells:
            key = cell.metadata.get("live")
            if key and key != IN_THE_NOTEBOOK:
                assert by_live_key(key).path.exists(), f"{page.name}: live={key!r}"


def test_everything_reads_the_registry():
    assert [p.stem for p in decks.lessons()] == [page.name for page in lessons()]
    assert [name for _, name, _ in site.pages()] == ["index"] + [page.name for page in PAGES[1:]]
    urls = list(links.binder_links("alice/backprop").values())
    assert len(urls) == 2 * (1 + len(live_pages()))        # the start page and the live pages, in both editions
    assert urls[1 + len(live_pages())].endswith(f"lab/tree/{EDITIONS['zh_CN']}/{START.name}.ipynb")
    for page in live_pages():
        assert any(u.endswith(page.urlpath) for u in urls), page.name
        assert any(u.endswith(f"voila/render/{EDITIONS['zh_CN']}/{page.name}.ipynb") for u in urls), page.name
    assert set(hidden_in_file_browser()) == {page.twin.name for page in PAGES}
    config = json.loads((ROOT / "binder" / "jupyter_server_config.json").read_text())
    assert not any(g.endswith(".md") for g in config["ContentsManager"]["hide_globs"]), "twins come from the registry"


def test_tasks_serves_every_live_page():
    usage = subprocess.run([sys.executable, str(ROOT / "tasks.py")], capture_output=True, text=True).stderr
    for page in live_pages():
        assert f"python3 tasks.py {page.command}" in usage, f"tasks.py's help names {page.command}"
    text = (ROOT / "tasks.py").read_text()
    assert "playground.ipynb" not in text and "/usr/bin/chromium" not in text, "paths come from tools/pages.py"


def test_every_page_has_its_chinese_edition():
    """The Chinese edition has every page of the registry, with a Chinese title (and label and pointer for the
    live pages), built from the English notebook and its catalog (tests/test_translation.py)."""
    for page in PAGES:
        assert page.path_in("zh_CN").exists(), f"no notebooks/zh_CN/{page.name}.ipynb"
        assert page.title_zh and page.title_in("zh_CN") == page.title_zh and page.title_in("en") == page.title
        if page.is_live:
            assert page.label_zh and page.told_in_zh.count("<a href") == page.told_in.count("<a href")
