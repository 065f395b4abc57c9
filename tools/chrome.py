"""The words around the notebooks: what the static site, the decks and the live pages say themselves (navigation,
"Solution", the live pages' buttons and labels), in the language of the edition they are built for.

In Python (tools/site.py, tools/standalone.py, tools/decks.py) and in the Jinja templates a text is written
``_("Solution")``; in the live pages' JavaScript ``T("▶ play")``, which looks the text up in the table the page
carries (``words(language)``). The translations are the gettext catalog ``locale/zh_CN/site.po``, kept up to
date with the others by ``python3 tasks.py translations`` (tools/translate.py) and read with bplib's reader.
"""

import ast
import re
from functools import cache

from bplib.i18n import read_po
from tools.pages import ROOT

TOOLS = ROOT / "tools"
CATALOG = ROOT / "locale" / "{language}" / "site.po"
IN_TEMPLATES = re.compile(r"""_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*\)""")   # {{ _("…") }}, _('…')
IN_SCRIPTS = re.compile(r'\bT\(\s*"((?:[^"\\]|\\.)*)"\s*\)')           # T("…") in a live page's script


def messages():
    """[(text, "file:line")] of every text of the site, the decks and the live pages, each once."""
    found, seen = [], set()

    def add(text, where):
        if text not in seen:
            seen.add(text)
            found.append((text, where))

    for path in sorted(TOOLS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                add(node.args[0].value, f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    for pattern, suffixes in ((IN_TEMPLATES, (".j2",)), (IN_SCRIPTS, (".js",))):
        for path in sorted(p for p in (TOOLS / "templates").rglob("*") if p.suffix in suffixes):
            text = path.read_text(encoding="utf-8")
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                quoted = match.group(0)[match.group(0).index("(") + 1:-1].strip()
                add(ast.literal_eval(quoted), f"{path.relative_to(ROOT).as_posix()}:{line}")
    return found


@cache
def table(language):
    """{English: translation} of the site's catalog (empty for English; fuzzy and empty entries left out)."""
    if language == "en":
        return {}
    path = ROOT / "locale" / language / "site.po"
    return {e["msgid"]: e["msgstr"] for e in read_po(path.read_text(encoding="utf-8"))
            if e["msgid"] and e["msgstr"] and "fuzzy" not in e["flags"]}


def gettext(language):
    """The ``_`` of an edition: English text in, the edition's text out (the English where none is ready)."""
    words = table(language)
    return lambda text: words.get(text, text)


def words(language):
    """The table a live page's script reads T("…") from: every text the scripts use, in the edition's language."""
    translate = gettext(language)
    return {text: translate(text) for text, where in messages() if where.split(":")[0].endswith(".js")}
