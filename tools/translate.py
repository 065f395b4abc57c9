"""The Chinese edition, made from the English notebooks and gettext catalogs (one source, two editions).

The English notebooks (their Markdown twins) stay the source. What a learner reads in a notebook is cut into
messages, each the msgid of one entry of the notebook's catalog ``locale/zh_CN/NAME.po``:

- a paragraph of a Markdown cell (blocks apart by a blank line; a code fence or a $$ formula stays whole);
- a slide's speaker notes (the cell metadata ``notes``; context "notes");
- in code cells, a comment (context "comment") and a string literal a learner reads: one with words apart by
  spaces, or a figure's title, axis label or legend label (context "code"; the literal as written, quotes and
  f-string fields included, so that the translation is Python too).

    python3 tasks.py translations          brings every catalog (and bplib's) up to date with the English:
                                           new messages are added empty, a changed one keeps its old
                                           translation marked fuzzy, a vanished one becomes obsolete
    python3 tasks.py notebooks --zh [NAME …]
                                           writes notebooks/zh_CN/NAME.md from the English twin and the
                                           catalog, then executes it (as for the English ones)

A notebook is built only when every message has a translation that is not fuzzy: until then, the build stops
and names the messages to revise; tests/test_translation.py fails likewise. Code stays the English code:
only comments and string literals change, and the language of bplib's messages (``use_language("en")`` in
the first cell becomes ``use_language("zh_CN")``); a test compares the programs.
"""

import ast
import io
import re
import sys
import tokenize

from tools.pages import NOTEBOOKS, PAGES, ROOT

LANGUAGE = "zh_CN"
CATALOGS = ROOT / "locale" / LANGUAGE                 # one catalog per notebook: NAME.po
EDITION = ROOT / NOTEBOOKS / LANGUAGE                 # the Chinese notebooks: NAME.md and NAME.ipynb
BPLIB_CATALOG = ROOT / "bplib" / "locale" / LANGUAGE / "LC_MESSAGES" / "bplib.po"
SHOWN = {"set_title", "set_xlabel", "set_ylabel", "suptitle", "set_label", "legend", "text", "annotate"}
SHOWN_KEYWORDS = {"label", "title", "xlabel", "ylabel", "description", "tooltip"}
LANGUAGE_CALL = re.compile(r'use_language\("en"\)')


# --- what a learner reads in a notebook ------------------------------------------------------------------
def paragraphs(text):
    """A Markdown cell's text as [block, separator, block, …]: blocks apart by blank lines, a ``` fence or a
    $$ … $$ formula kept whole. Joining the list gives the text back."""
    parts, current, fence, formula = [], [], False, False
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.lstrip().startswith("```"):
            fence = not fence
        elif not fence and line.count("$$") % 2 == 1:
            formula = not formula
        if not line.strip() and not fence and not formula:
            gap = [line]
            while k + 1 < len(lines) and not lines[k + 1].strip():
                k += 1
                gap.append(lines[k])
            parts += ["\n".join(current), "\n" + "\n".join(gap) + "\n"]
            current = []
        else:
            current.append(line)
        k += 1
    parts.append("\n".join(current))
    return parts


def readable(block):
    """Whether a Markdown block has words to translate (not only markup, numbers or a blank)."""
    return bool(re.search(r"[A-Za-z]{2}", re.sub(r"<[^>]*>", "", block)))


def literals(source):
    """The string literals a learner reads in a code cell: [(start, end, text)] as offsets into ``source``."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    offsets = [0]
    for line in source.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))

    def at(line, col):                      # ast columns count UTF-8 bytes
        text = source[offsets[line - 1]:offsets[line]] if line <= len(offsets) - 1 else ""
        return offsets[line - 1] + len(text.encode()[:col].decode(errors="ignore"))

    shown_args = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SHOWN or name == "print":
                shown_args |= {id(a) for a in node.args}
                for a in node.args:
                    if isinstance(a, (ast.List, ast.Tuple)):
                        shown_args |= {id(e) for e in a.elts}
            shown_args |= {id(k.value) for k in node.keywords if k.arg in SHOWN_KEYWORDS}
        if isinstance(node, ast.IfExp):     # ("higher" if … else "not higher"): a word chosen to be shown
            shown_args |= {id(node.body), id(node.orelse)}
    inside = {id(n) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
              for n in ast.walk(node) if n is not node}
    found = []
    for node in ast.walk(tree):
        if id(node) in inside or not (isinstance(node, ast.JoinedStr) or
                                      (isinstance(node, ast.Constant) and isinstance(node.value, str))):
            continue
        start, end = at(node.lineno, node.col_offset), at(node.end_lineno, node.end_col_offset)
        text = source[start:end]
        words = re.search(r"[A-Za-z]{2,}[ ,:;.!?]+[A-Za-z(]|[A-Za-z]{3,}\s", text)
        header = isinstance(node, ast.JoinedStr) and re.search(r"\{'[^']*[A-Za-z]{3}", text)   # f"{'iteration':>9}"
        label = isinstance(node, ast.JoinedStr) and any(     # f"{h} hidden: {s:.1f} s": a word around the fields
            isinstance(v, ast.Constant) and re.search("[A-Za-z]{4}", v.value) for v in node.values)
        hyphened = re.fullmatch(r"[\"'][A-Za-z]+(?:-[A-Za-z]+)+[\"']", text)    # "cross-entropy": a label, not a name
        if words or header or label or hyphened or (id(node) in shown_args and re.search("[A-Za-z]{3}", text)):
            found.append((start, end, text))
    return sorted(found)


def comments(source):
    """The comments of a code cell: [(start, end, text)] as offsets into ``source``."""
    offsets = [0]
    for line in source.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    found = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT and re.search("[A-Za-z]{2}", tok.string):
                start = offsets[tok.start[0] - 1] + tok.start[1]
                found.append((start, start + len(tok.string), tok.string))
    except (tokenize.TokenError, SyntaxError):
        pass
    return found


def messages(nb):
    """Every message of a notebook, in reading order: [(context, msgid, cell number)]."""
    found = []
    for number, cell in enumerate(nb.cells, 1):
        if cell.cell_type == "markdown":
            found += [(None, block, number) for block in paragraphs(cell.source)[::2] if readable(block)]
        elif cell.cell_type == "code":
            found += [("comment", text, number) for _, _, text in comments(cell.source)]
            found += [("code", text, number) for _, _, text in literals(cell.source)]
        notes = cell.metadata.get("notes")
        if notes and readable(notes):
            found.append(("notes", notes, number))
    return found


# --- catalogs -------------------------------------------------------------------------------------------
def english(name):
    import jupytext
    return jupytext.read(ROOT / NOTEBOOKS / f"{name}.md")


def template(name):
    """The notebook's messages as an empty Babel catalog."""
    catalog = new_catalog(f"the notebook {name}")
    for context, msgid, number in messages(english(name)):              # location: the notebook and cell number
        catalog.add(msgid, locations=[(f"{name}.ipynb", number)], context=context)
    return catalog


def catalog_of(what, found):
    """An empty catalog of the messages ``found`` in code ([(text, "file:line")]: bplib's, the site's)."""
    catalog = new_catalog(what)
    for text, where in found:
        file, line = where.rsplit(":", 1)
        catalog.add(text, locations=[(file, int(line))])
    return catalog


def new_catalog(what):
    from babel.messages.catalog import Catalog
    return Catalog(locale=LANGUAGE, project="backpropagation notebooks", fuzzy=False, version="main",
                   header_comment=f"# The Chinese (zh_CN) translation of {what}.\n"
                                  "# The msgid is the English source; edit only the msgstr, then run\n"
                                  "# python3 tasks.py translations (and see tools/translate.py).",
                   copyright_holder="the authors of the backpropagation notebooks",
                   msgid_bugs_address="the project's issue tracker", language_team="Chinese <zh_CN>",
                   last_translator="the project's authors")


def load(path):
    from babel.messages.pofile import read_po
    with open(path, "rb") as f:
        return read_po(f, locale=LANGUAGE)


def save(catalog, path):
    from babel.messages.pofile import write_po
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_previous=True, sort_output=False)
    path.write_bytes(buffer.getvalue())


def update(catalog_path, fresh):
    """Merge the fresh template into the catalog at ``catalog_path`` (made if missing) and save it."""
    if catalog_path.exists():
        catalog = load(catalog_path)
        catalog.update(fresh, update_creation_date=False)
    else:
        catalog = fresh
    catalog.fuzzy = False
    save(catalog, catalog_path)
    return catalog


def translations(args):
    """Bring every notebook's catalog and bplib's up to date with the English (tasks.py translations)."""
    names = args or [page.name for page in PAGES]
    for name in names:
        catalog = update(CATALOGS / f"{name}.po", template(name))
        print(f"{name}.po: {status(catalog)}")
    from tools import bplib_messages, chrome
    catalog = update(BPLIB_CATALOG, catalog_of("bplib's messages to learners", bplib_messages.messages()))
    print(f"bplib.po: {status(catalog)}")
    catalog = update(CATALOGS / "site.po", catalog_of("the static site, the decks and the live pages",
                                                      chrome.messages()))
    print(f"site.po: {status(catalog)}")
    return 0


def status(catalog):
    todo = missing(catalog)
    return "complete" if not todo else f"{len(todo)} of {len(list(live(catalog)))} to translate or revise"


def live(catalog):
    return [m for m in catalog if m.id]


def missing(catalog):
    """The messages without a usable translation: empty, or fuzzy (the English changed since)."""
    return [m for m in live(catalog) if not m.string or m.fuzzy]


def table(name):
    """{(context, msgid): translation} of a notebook's catalog, only the usable entries."""
    catalog = load(CATALOGS / f"{name}.po")
    return {(m.context, m.id): m.string for m in live(catalog) if m.string and not m.fuzzy}


# --- the Chinese notebook -------------------------------------------------------------------------------
class Untranslated(Exception):
    pass


def translate_notebook(nb, entries):
    """The notebook ``nb`` with every message replaced by its translation from ``entries``; raises
    Untranslated listing what has none."""
    import copy
    nb = copy.deepcopy(nb)
    lacking = []

    def look(context, text):
        found = entries.get((context, text))
        if found is None:
            lacking.append((context, text))
            return text
        return found

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts = paragraphs(cell.source)
            cell.source = "".join(look(None, p) if k % 2 == 0 and readable(p) else p for k, p in enumerate(parts))
        elif cell.cell_type == "code":
            source = cell.source
            pieces = sorted([(s, e, look("comment", t)) for s, e, t in comments(source)] +
                            [(s, e, look("code", t)) for s, e, t in literals(source)], reverse=True)
            for start, end, text in pieces:
                source = source[:start] + text + source[end:]
            cell.source = LANGUAGE_CALL.sub(f'use_language("{LANGUAGE}")', source)
        notes = cell.metadata.get("notes")
        if notes and readable(notes):
            cell.metadata["notes"] = look("notes", notes)
    if lacking:
        raise Untranslated(lacking)
    return nb


def build(name):
    """Write notebooks/zh_CN/NAME.md from the English twin and the catalog (not executed)."""
    import jupytext
    nb = translate_notebook(english(name), table(name))
    EDITION.mkdir(parents=True, exist_ok=True)
    path = EDITION / f"{name}.md"
    jupytext.write(nb, path, fmt="md")
    return path


def build_all(names):
    """Write the Chinese twins of ``names`` (default: every page whose catalog is complete); print their paths."""
    for name in names or translated_pages():
        try:
            print(build(name).relative_to(ROOT))
        except Untranslated as why:
            lacking = why.args[0]
            print(f"{name}: {len(lacking)} messages have no translation yet (locale/{LANGUAGE}/{name}.po), "
                  f"e.g. {lacking[0][1][:80]!r}", file=sys.stderr)
            return 1
    return 0


def translated_pages():
    """The pages of the Chinese edition: those whose catalog is complete."""
    return [page.name for page in PAGES if (CATALOGS / f"{page.name}.po").exists()
            and not missing(load(CATALOGS / f"{page.name}.po"))]


if __name__ == "__main__":
    command, names = (sys.argv[1:2] or ["update"])[0], sys.argv[2:]
    sys.exit(build_all(names) if command == "build" else translations(names))
