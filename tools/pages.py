"""The one list of the set's pages: every notebook a learner opens, in reading order, and what each one has.

tasks.py (its Voila commands and the Jupyter settings that hide the text twins), the Binder and JupyterHub
links (tools/links.py), the static site (tools/site.py), the lecture decks (tools/decks.py) and the tests all
read it; a new page is one line here. Also the one place for the path of the system's chromium, which the
browser tests and the PDFs use.
"""

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = "notebooks"                      # the folder of the pages, relative to the repository
# the editions: each language's folder of notebooks (the Chinese one is built from the English one and its
# translation catalogs, tools/translate.py); HTML's name of each language (the lang attribute)
EDITIONS = {"en": NOTEBOOKS, "zh_CN": f"{NOTEBOOKS}/zh_CN"}
HTML_LANG = {"en": "en", "zh_CN": "zh-CN"}
# each edition links to the other (site, decks, handout): its language, its name, and the way to its folder
# from this edition's (build/site/ and build/site/zh_CN/, build/slides/ and build/slides/zh_CN/)
OTHER_EDITION = {"en": ("zh_CN", "中文版", "zh_CN/"), "zh_CN": ("en", "English", "../")}
NOTEBOOK_LINK = re.compile(r'href="([0-9A-Za-z_]+)\.ipynb')     # a Markdown link to another notebook, as HTML
CHROMIUM = "/usr/bin/chromium"               # Debian's chromium (never a browser that playwright downloads)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


@dataclass(frozen=True)
class Page:
    """One notebook of the set.

    name      the file name in notebooks/ without .ipynb (its text twin is name.md)
    title     the short title: the site's navigation and tab, the links (the notebook's own heading, shortened)
    deck      has a lecture deck (tasks.py slides)
    command   live pages: the tasks.py command that serves it alone with Voila (no code), e.g. "playground"
    live      live pages: the key a widget cell's ``live=`` metadata names it by, in the lessons
    label     live pages: how a deck or the site names it in a pointer
    told_in   live pages: where its story is told in still figures, for readers without a kernel (HTML)
    title_zh, label_zh, told_in_zh   the same in the Chinese edition
    """

    name: str
    title: str
    deck: bool = False
    command: str = ""
    live: str = ""
    label: str = ""
    told_in: str = ""
    title_zh: str = ""
    label_zh: str = ""
    told_in_zh: str = ""

    @property
    def path(self):
        return ROOT / NOTEBOOKS / f"{self.name}.ipynb"

    def path_in(self, language):
        """The notebook of this page in the edition of ``language`` ("en" or "zh_CN")."""
        return ROOT / EDITIONS[language] / f"{self.name}.ipynb"

    def title_in(self, language):
        return self.title_zh if language == "zh_CN" else self.title

    def label_in(self, language):
        return self.label_zh if language == "zh_CN" else self.label

    def told_in_in(self, language):
        return self.told_in_zh if language == "zh_CN" else self.told_in

    @property
    def twin(self):
        """The Markdown text twin (what authors edit; hidden from the learners' file browser)."""
        return self.path.with_suffix(".md")

    @property
    def is_live(self):
        return bool(self.command)

    @property
    def urlpath(self):
        """Where Binder or a JupyterHub opens it: JupyterLab for the notebooks, Voila (no code) for live pages."""
        return (f"voila/render/{NOTEBOOKS}/{self.name}.ipynb" if self.is_live
                else f"lab/tree/{NOTEBOOKS}/{self.name}.ipynb")

    @property
    def site_name(self):
        """The page's file name in the static site (the start page is index.html)."""
        return "index" if self is START else self.name


START = Page("00_start_here", "Start", title_zh="开始")
PAGES = (
    START,
    Page("01_forward_pass", "The forward pass", deck=True, title_zh="前向传播"),
    Page("02_symbolic_derivation", "The chain rule, derived", deck=True, title_zh="推导链式法则"),
    Page("03_numeric_backprop", "Backpropagation with numbers", deck=True, title_zh="用数字做反向传播"),
    Page("04_training_dashboard", "Training, interactively", deck=True, title_zh="交互式训练"),
    Page("05_loss_and_output", "Loss and output", deck=True, title_zh="损失与输出"),
    Page("06_activations_bias_init", "Activations, biases, initialisation", deck=True,
         title_zh="激活函数、偏置、初始化"),
    Page("07_training_practice", "Training in practice", deck=True, title_zh="训练实践"),
    Page("08_your_own_data", "Your own data", deck=True, title_zh="你自己的数据"),
    Page("09_debugging_backprop", "Debugging backpropagation", deck=True, title_zh="调试反向传播"),
    Page("playground", "Playground", command="playground", live="playground", label="the playground",
         told_in='<a href="04_training_dashboard.html">notebook 4</a>, step 5',
         title_zh="训练场", label_zh="训练场",
         told_in_zh='<a href="04_training_dashboard.html">笔记本 4</a> 第 5 步'),
    Page("player", "Step-through player", command="player", live="player", label="the step-through player",
         told_in='<a href="03_numeric_backprop.html">notebook 3</a>, "Now walk it on the diagram"',
         title_zh="逐步播放器", label_zh="逐步播放器",
         told_in_zh='<a href="03_numeric_backprop.html">笔记本 3</a>“现在在图上走一遍”'),
    Page("xor_playground", "XOR playground", command="xor", live="xor", label="the XOR playground",
         told_in='<a href="07_training_practice.html">notebook 7</a>, steps 1–5',
         title_zh="XOR 训练场", label_zh="XOR 训练场",
         told_in_zh='<a href="07_training_practice.html">笔记本 7</a> 第 1–5 步'),
)
# a widget cell may also say live="notebook": a widget that needs the notebook's own kernel (no page of its own)
IN_THE_NOTEBOOK = "notebook"


def lessons():
    """The pages with a lecture deck, in order."""
    return [p for p in PAGES if p.deck]


def live_pages():
    """The pages of one live widget each, served alone by Voila."""
    return [p for p in PAGES if p.is_live]


def by_live_key(key):
    """The live page a widget cell's ``live=`` metadata names."""
    for page in live_pages():
        if page.live == key:
            return page
    raise KeyError(f"no live page {key!r}; the live pages are {[p.live for p in live_pages()]}")


def hidden_in_file_browser():
    """The globs JupyterLab's file browser hides: the text twins of every page."""
    return [page.twin.name for page in PAGES]
