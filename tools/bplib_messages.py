"""bplib's learner-facing messages, for its gettext catalog (bplib/locale/zh_CN/LC_MESSAGES/bplib.po).

Two kinds, found by reading the code (no import):
- every text passed to ``_(…)`` or ``N_(…)`` anywhere in bplib (the checks' verdicts, the errors, the widgets'
  labels);
- in the exercise banks (bplib/exercises/bank_NN.py), every text of words: the nudges, hints, mistakes' hints,
  sign hints, answer forms, the choices (which a learner may type translated) and the descriptions of the networks
  a function is tried on. The engine translates
  them with ``_`` when it shows them, so that a bank reads as plain English data.
"""

import ast
import re
from pathlib import Path

from tools.pages import ROOT

BPLIB = ROOT / "bplib"


def _docstrings(tree):
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def messages():
    """[(message, "file:line")] in the order of the files and lines, each message once."""
    seen, found = set(), []
    for path in sorted(BPLIB.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bank = path.parent.name == "exercises" and path.name.startswith("bank_")
        skip = _docstrings(tree)
        texts = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "N_") and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    texts.append((arg.lineno, arg.value))
            if bank and isinstance(node, ast.Call):   # an exercise's choices: they may be typed translated too
                texts += [(e.lineno, e.value) for k in node.keywords if k.arg == "choices"
                          and isinstance(k.value, ast.Tuple) for e in k.value.elts
                          if isinstance(e, ast.Constant) and re.search("[a-z]{4}", str(e.value))]
            if isinstance(node, ast.Call):          # checks.number(…, hint=" (what the number is)")
                texts += [(k.value.lineno, k.value.value) for k in node.keywords if k.arg == "hint"
                          and isinstance(k.value, ast.Constant) and isinstance(k.value.value, str) and k.value.value]
            elif (bank and isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                  and re.search(r"[A-Za-z]{2}", node.value) and " " in node.value.strip()):
                texts.append((node.lineno, node.value))
        for line, text in sorted(texts):
            if text not in seen:
                seen.add(text)
                found.append((text, f"{path.relative_to(ROOT).as_posix()}:{line}"))
    return found


def in_file(path):
    """The messages of one file (to tell which a notebook's exercises use)."""
    path = Path(path).resolve()
    prefix = path.relative_to(ROOT).as_posix() + ":"
    return [text for text, where in messages() if where.startswith(prefix)]
