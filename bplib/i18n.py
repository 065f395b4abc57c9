"""The language of what bplib says to a learner: English (the source) or Chinese (zh_CN).

In a notebook's first cell:   bplib.use_language("zh_CN")     (the Chinese edition's notebooks do this)
Inside bplib:                  from .i18n import _
                               print(_("✔ Correct!"))
                               raise ValueError(_("{name} must be a real number; got {value!r}").format(...))

A message is written in English in the code and looked up, when it is shown, in the gettext catalog
``bplib/locale/<language>/LC_MESSAGES/bplib.po`` (msgid: the English text, msgstr: its translation): the
standard format that Babel, Weblate and Crowdin read. The catalog is read as it is (no compiled .mo file to keep
in step); an entry marked fuzzy (its English changed since it was translated) or left empty is not used, and
the English text is shown instead. ``python3 tasks.py translations`` brings the catalog up to date with the
code, and a test fails while an entry is fuzzy or missing.

The Chinese edition's figures need a font with Chinese characters: ``use_language("zh_CN")`` adds one from
the system (WenQuanYi Micro Hei or Noto Sans CJK, Debian's fonts-wqy-microhei or fonts-noto-cjk) behind
matplotlib's own, so that Latin letters, digits and formulas look as in the English edition.
"""

import ast
import logging
import os
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "zh_CN")           # the editions: English, simplified Chinese
LOCALE = Path(__file__).resolve().parent / "locale"
CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC")

_language = os.environ.get("BPLIB_LANGUAGE", "en")


def use_language(language):
    """Show bplib's messages (exercise checks, hints, verdicts, the widgets' labels, errors) in ``language``:
    "en" (English) or "zh_CN" (Chinese); for Chinese, also give matplotlib a font with Chinese characters."""
    global _language
    if language not in LANGUAGES:
        options = ", ".join(repr(name) for name in LANGUAGES)
        raise ValueError(f"language must be one of {options}; got {language!r}")
    _language = language
    if language != "en":
        cjk_font()


def language():
    """The language bplib speaks now ("en" or "zh_CN")."""
    return _language


def _(message):
    """``message`` (English) in the chosen language; the English itself where no translation is ready."""
    if _language == "en":
        return message
    return catalog(_language).get(message) or message


def N_(message):
    """Marks a message for the catalog where it is defined; ``_`` translates it where it is shown."""
    return message


@cache
def catalog(language):
    """{English message: translation} from the language's bplib.po; fuzzy and empty entries are left out."""
    path = LOCALE / language / "LC_MESSAGES" / "bplib.po"
    return {entry["msgid"]: entry["msgstr"] for entry in read_po(path.read_text(encoding="utf-8"))
            if entry["msgid"] and entry["msgstr"] and "fuzzy" not in entry["flags"]}


def read_po(text):
    """The entries of a gettext catalog as Babel writes it (entries apart by blank lines, no plural forms):
    dicts with msgctxt (or None), msgid, msgstr and flags (a set, e.g. {"fuzzy"}); obsolete entries left out."""
    entries = []
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines()]
        if not lines or any(line.startswith("#~") for line in lines):
            continue
        entry, key = {"msgctxt": None, "msgstr": "", "flags": set()}, None
        for line in lines:
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"') and key:
                entry[key] += ast.literal_eval(line)
            else:
                key, _, rest = line.partition(" ")
                entry[key] = ast.literal_eval(rest)
        if "msgid" in entry:
            entries.append(entry)
    return entries


def cjk_font():
    """Put the first CJK font the system has behind matplotlib's default font (DejaVu Sans): glyphs DejaVu lacks
    (Chinese characters) come from it. Raises with a clear message when the system has none."""
    import matplotlib as mpl
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in CJK_FONTS if name in names), None)
    if found is None:
        raise RuntimeError("No font with Chinese characters was found for the figures; install one (Debian and "
                           "Ubuntu: sudo apt-get install fonts-wqy-microhei) and restart the kernel.")
    latin = mpl.rcParams["font.sans-serif"][0]           # DejaVu Sans: letters, digits, σ, η, −, ∂
    mpl.rcParams["font.family"] = [latin, found]         # a glyph the first font lacks comes from the second
    # the CJK font has one weight: bold Chinese is drawn in it as it is, which matplotlib would log each time
    logging.getLogger("matplotlib.font_manager").addFilter(_NoBoldNotice())
    return found


class _NoBoldNotice(logging.Filter):
    def filter(self, record):
        return "Failed to find font weight" not in record.getMessage()
