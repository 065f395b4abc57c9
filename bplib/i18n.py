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

The Chinese edition's figures need a font with Chinese characters: with ``use_language("zh_CN")``,
``bplib.classroom.plots`` adds one from the system (WenQuanYi Micro Hei or Noto Sans CJK, Debian's
fonts-wqy-microhei or fonts-noto-cjk; Microsoft YaHei on Windows, PingFang SC on macOS) behind matplotlib's
own, so that Latin letters, digits and formulas look as in the English edition.
"""

import ast
import os
import re
import unicodedata
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "zh_CN")           # the editions: English, simplified Chinese
ALIASES = {"zh": "zh_CN", "zh-CN": "zh_CN", "zh_cn": "zh_CN", "zh-cn": "zh_CN", "en_US": "en", "en-US": "en"}
LOCALE = Path(__file__).resolve().parent / "locale"

_language = os.environ.get("BPLIB_LANGUAGE", "en")


def use_language(language):
    """Show bplib's messages (exercise checks, hints, verdicts, the widgets' labels, errors) in ``language``:
    "en" (English) or "zh_CN" (Chinese); for Chinese, also give matplotlib a font with Chinese characters."""
    global _language
    language = ALIASES.get(language, language) if isinstance(language, str) else language
    if language not in LANGUAGES:
        options = ", ".join(repr(name) for name in LANGUAGES)
        raise ValueError(f"language must be one of {options}; got {language!r} "
                         f"(语言只能是 {options} 之一)")
    _language = language
    for follow in _followers:
        follow(language)


_followers = []          # what else changes with the language: the figures' font (bplib.classroom.plots)


def follow_language(function):
    """Call ``function(language)`` now and whenever ``use_language`` changes it (the classroom, which may be
    imported before or after, gives matplotlib a CJK font this way; the math core never imports matplotlib)."""
    _followers.append(function)
    function(_language)


def language():
    """The language bplib speaks now ("en" or "zh_CN")."""
    return _language


def _(message):
    """``message`` (English) in the chosen language; the English itself where no translation is ready."""
    if _language == "en":
        return message
    return catalog(_language).get(message) or message


def width(text):
    """The columns ``text`` takes in a fixed-width font: a Chinese character (East Asian wide or full-width)
    takes two, any other one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def pad(text, columns, align="<"):
    """``text`` filled with spaces to ``columns`` columns, left ("<") or right (">") aligned: what
    f"{text:<8}" does, but counted as the screen shows it (a Chinese character is two columns), so that a
    table printed in the Chinese edition keeps its columns."""
    text = str(text)
    if align not in ("<", ">"):
        raise ValueError(f"align must be '<' or '>'; got {align!r}")
    fill = " " * max(0, columns - width(text))
    return text + fill if align == "<" else fill + text


class Wide(str):
    """Text that f"{text:>16}" pads by the columns a screen shows (as ``pad``): what bplib returns for a table,
    such as ``at_most``'s "below 1e-12" (低于 1e-12 in Chinese)."""

    def __format__(self, spec):
        match = re.fullmatch(r"([<>])?(\d+)", spec)
        if not match:
            return format(str(self), spec)
        return pad(str(self), int(match.group(2)), match.group(1) or "<")


class Word(str):
    """A word of bplib's that is also a key, such as a verdict ("stuck"): it compares and hashes as its English
    self (so code may test ``verdict == "stuck"``), and prints (str, f-strings, format) in the language chosen."""

    def __str__(self):
        return _(str.__str__(self))

    def __format__(self, spec):
        return format(Wide(str(self)), spec)


def N_(message):
    """Marks a message for the catalog where it is defined; ``_`` translates it where it is shown."""
    return message


# the Python types a learner may give or meet, by the names a learner knows
KINDS = {"list": N_("list"), "tuple": N_("tuple"), "int": N_("whole number"), "int64": N_("whole number"),
         "float": N_("number"), "float64": N_("number"), "float32": N_("number"), "complex": N_("complex number"),
         "bool": N_("truth value"), "bool_": N_("truth value"), "str": N_("string"), "bytes": N_("bytes"),
         "dict": N_("dict"), "set": N_("set"), "ndarray": N_("array"), "function": N_("function")}


def kind_of(value):
    """The name a learner knows for the type of ``value`` ("list", "whole number", …) in the language chosen;
    Python's own name for a type not in KINDS."""
    name = type(value).__name__
    return _(KINDS[name]) if name in KINDS else name


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
