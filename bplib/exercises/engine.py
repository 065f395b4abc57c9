"""Self-checks for the notebooks' exercises.

In a notebook:    from bplib.exercises import check
                  answer = None            # the learner replaces None
                  check("01.net_h2", answer)

``check`` prints "✔ Correct!" or a hint; it never prints the answer. The exercises
themselves (expected value, precision, typical mistakes and their hints) live in
``bank_NN.py``, one file per notebook; this file is the machinery every exercise shares:

- **one precision rule**: a number is right when it agrees with the expected value
  to the exercise's number of significant digits (|answer − expected| ≤ one unit of
  the last required digit); ``digits=0`` asks for an exact whole number;
- **hints that diagnose**: the answer is compared with what each declared mistake
  gives (forgot the ½, sign, net instead of out, wrong weight, …) and that mistake's
  hint is shown; otherwise a first wrong answer gets a nudge, later ones a fuller hint;
- **any input, within a second**: numbers, strings ("0.3925", "1 - tanh(z)**2"),
  lists, arrays, SymPy expressions (with or without assumptions), None, dicts …
  each get a clear message. Expressions are compared numerically at random points,
  never with ``simplify`` (which can run for minutes).
"""

import math
import numbers
import re
import signal
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from ..i18n import N_, _, kind_of
from ..precision import agrees

TIME_LIMIT = 0.8          # seconds one check may take (the promise is 1 s)
MAX_TEXT = 300            # characters of a string answer we try to read


@dataclass
class Mistake:
    """A typical wrong answer: ``value()`` computes what the mistake gives; ``hint`` names it. ``planted``: the
    slip a find-the-bug exercise starts from (its cell, run unchanged, gets a neutral "not answered yet")."""

    value: Callable
    hint: str
    planted: bool = False


@dataclass
class Exercise:
    """One exercise.

    kind      "number" (a float or whole number), "expression" (SymPy or a string),
              "choice" (one of ``choices``, as a string) or "function" (a Python function, run on ``probes``)
    expected  () -> the right answer (computed from bplib, never typed in)
    nudge     the first wrong answer's hint: where to look, not the formula
    hint      the hint for later wrong answers: more specific, still not the answer
    digits    numbers: significant digits that must agree; 0 = an exact whole number
    mistakes  the typical mistakes, each with its own hint
    symbols   expressions: the symbol names the answer may use
    aliases   expressions: other names the answer may use, name -> () -> SymPy expression
    choices   choices: the answers it reads (compared by letters and digits only, in any case)
    form      choices: what the exercise text says about the answer's form, if not the list of choices
    sign_hint numbers: what to check when the answer has the right size and the wrong sign
    """

    kind: str
    expected: Callable
    nudge: str
    hint: str
    digits: int = 6
    mistakes: tuple = ()
    symbols: tuple = ()
    aliases: dict = field(default_factory=dict)
    choices: tuple = ()
    probes: object = None          # functions: () -> list of (description, argument tuple)
    form: str = ""                 # choices: how the text asks for the answer, where listing the choices won't do
    sign_hint: str = N_("Check the order of each difference and every minus sign on the way.")
    _reference: object = field(default=None, init=False, repr=False)
    _functions: object = field(default=None, init=False, repr=False)   # expressions: expected, mistakes

    def reference(self):
        """(expected, [each mistake's value]), computed once (some need a training run) and
        kept, so that judging an answer only compares. Expressions: their values at fixed points."""
        if self._reference is None:
            if self.kind == "expression":
                import sympy as sp
                self._functions = [_numeric_function(sp.sympify(e), self.symbols)
                                   for e in [self.expected()] + [m.value() for m in self.mistakes]]
                points = _points(self.symbols)
                values = [_evaluate(f, points) for f in self._functions]
                self._reference = (values[0], values[1:])
            elif self.kind == "function":
                probes = self.probes()
                self._reference = ([_run_probe(self.expected(), args) for _, args in probes],
                                   [[_run_probe(m.value(), args) for _, args in probes] for m in self.mistakes])
            elif self.kind == "number":
                self._reference = (float(self.expected()), [float(m.value()) for m in self.mistakes])
            else:
                self._reference = (self.expected(), [m.value() for m in self.mistakes])
        return self._reference

    def precision(self):
        """What the exercise text says about the precision needed."""
        if self.kind == "number":
            return _("an exact whole number") if self.digits == 0 else _("{digits} significant digits").format(
                digits=self.digits)
        if self.kind == "expression":
            return _("a SymPy expression or a string")
        if self.kind == "function":
            return _("a Python function (run on several networks)")
        return _(self.form) if self.form else _("one of {choices}").format(
            choices=_(", ").join(f'"{_(c)}"' for c in self.choices))        # zh: "批量"、"在线" …


class Unreadable(Exception):
    """The answer cannot be read as what the exercise asks for; the message says why."""


_attempts = {}            # exercise id -> wrong answers so far (this kernel)


def reset_attempts(exercise_id=None):
    """Forget the wrong answers so far (of one exercise, or of all): the next wrong answer gets the nudge."""
    if exercise_id is None:
        _attempts.clear()
    else:
        _attempts.pop(exercise_id, None)


EXERCISES = {}          # exercise id -> Exercise: filled by the bank_NN modules (register), read by verdict


def register(exercises):
    """Add a notebook's exercises ({"NN.name": Exercise}) to EXERCISES; an id may be used once."""
    for exercise_id, exercise in exercises.items():
        if exercise_id in EXERCISES:
            raise ValueError(f"exercise {exercise_id!r} is registered twice")
        EXERCISES[exercise_id] = exercise


def check(exercise_id, answer):
    """Print whether ``answer`` is right for the exercise ``exercise_id`` (never the answer itself)."""
    print(verdict(exercise_id, answer)[1])


def verdict(exercise_id, answer):
    """(ok, message) for an answer; ``ok`` is None when there was nothing to judge."""
    if not isinstance(exercise_id, str) or exercise_id not in EXERCISES:
        prefix = str(exercise_id)[:3]
        near = sorted(k for k in EXERCISES if k.startswith(prefix)) or sorted(EXERCISES)
        return None, _("There is no exercise {exercise_id!r}. Exercises with that prefix: {near}.").format(
            exercise_id=exercise_id, near=", ".join(near))
    ex = EXERCISES[exercise_id]
    if answer is None or answer is ...:
        return None, _("Not answered yet: replace None with your answer and run this cell again.")
    ex.reference()
    if isinstance(answer, str) or ex.kind == "expression":
        _sympy_names()          # SymPy's first import (about a second) is not the answer's to pay for
    try:
        with time_limit(TIME_LIMIT):
            ok, message = _judge(ex, answer, _attempts.get(exercise_id, 0))
    except Unreadable as why:
        return None, f"✘ {why}"
    except TimeoutError:
        if ex.kind == "function":
            return None, _("✘ Your function did not finish within {seconds:g} s on a small network (an endless "
                           "loop?), so it was not judged.").format(seconds=TIME_LIMIT)
        return None, _("✘ That answer took more than {seconds:g} s to check, so it was not judged. "
                       "Give {precision}.").format(seconds=TIME_LIMIT, precision=ex.precision())
    except OverflowError:
        return None, _("✘ That number is too large to check. Give {precision}.").format(precision=ex.precision())
    except Exception as err:  # noqa: BLE001 (a malformed answer is the learner's to fix, not a crash)
        return None, _("✘ That answer could not be checked ({error}). Give {precision}.").format(
            error=f"{type(err).__name__}: {err}", precision=ex.precision())
    if ok is False:
        _attempts[exercise_id] = _attempts.get(exercise_id, 0) + 1
    return ok, message


def solution_passes(exercise_id, answer):
    """For the collapsed solution cells: silent when the solution passes its exercise's check (so
    that "Run all" shows nothing under an unanswered exercise), an error when it does not."""
    ok, message = verdict(exercise_id, answer)
    if not ok:
        raise AssertionError(f"the solution of {exercise_id} fails its own check: {message}")


# --- judging ---------------------------------------------------------------------------------
def _judge(ex, answer, attempts):
    if ex.kind == "number":
        return _judge_number(ex, as_number(answer), attempts)
    if ex.kind == "expression":
        return _judge_expression(ex, answer, attempts)
    if ex.kind == "function":
        return _judge_function(ex, answer, attempts)
    return _judge_choice(ex, answer, attempts)


def _run_probe(function, args):
    """The function's result on one probe as a float array, or the exception it raised."""
    try:
        result = function(*[a.copy() if isinstance(a, np.ndarray) else a for a in args])
        return ReturnedNone() if result is None else np.asarray(result, dtype=float)
    except TimeoutError:
        raise                     # the check's own time limit, not the learner's error
    except Exception as err:  # noqa: BLE001 (a learner's function may fail in any way; we report it)
        return err


class ReturnedNone(Exception):
    """A learner's function gave None (no ``return``)."""


def _same_result(a, b):
    if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)):
        return False
    a, b = np.squeeze(a), np.squeeze(b)        # a number given as a 1-element array is the same number
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=1e-9, atol=1e-12))


def _judge_function(ex, answer, attempts):
    if not callable(answer):
        raise Unreadable(_("Give the function itself (its name, without parentheses); got {given}.").format(
            given=_describe(answer)))
    expected, wrong = ex.reference()
    probes = ex.probes()
    given = [_run_probe(answer, args) for _, args in probes]
    if all(_same_result(g, e) for g, e in zip(given, expected)):
        return True, _("✔ Correct! It gives the right result on every network it was tried on.")
    if any(isinstance(g, ReturnedNone) for g in given):
        return False, _("✘ Your function returns None: it needs a line `return …` with its result (a function "
                        "without `return` gives None).")
    for mistake, mistaken in zip(ex.mistakes, wrong):
        if all(_same_result(g, m) or (isinstance(g, Exception) and isinstance(m, Exception)
                                      and type(g) is type(m)) for g, m in zip(given, mistaken)):
            if mistake.planted:
                return None, _("Not answered yet: this is the function with its planted slip. Find the slip, fix "
                               "the function, and run this cell again.")
            return False, not_quite(mistake.hint)
    for (where, _args), g, e in zip(probes, given, expected):
        if isinstance(g, Exception):
            return False, _("✘ On {where} your function raised {error}. {hint}").format(
                where=_(where), error=f"{type(g).__name__}: {str(g)[:120]}", hint=_(hint_for(ex, attempts)))
        if not _same_result(g, e):
            return False, _("✘ Not right on {where}. {hint}").format(where=_(where), hint=_(hint_for(ex, attempts)))
    return False, not_quite(ex.hint)


def not_quite(hint):
    """The message for a wrong answer, with its hint (translated where it is shown)."""
    return _("✘ Not quite. {hint}").format(hint=_(hint))


def hint_for(ex, attempts):
    """The first wrong answer gets the nudge (where to look), later ones the fuller hint."""
    return ex.nudge if attempts == 0 else ex.hint


def _judge_number(ex, value, attempts):
    expected, wrong = ex.reference()
    if ex.digits == 0 and value != int(value):
        raise Unreadable(_("This asks for a whole number; got {value:g}.").format(value=value))
    if agrees(value, expected, ex.digits):
        return True, _("✔ Correct!")
    looser = max(ex.digits - 1, 0) if ex.digits else 0
    given = _significant_digits(value)
    # right, but short: the digits given are the answer's own, rounded or cut off (one digit proves little); said
    # before the mistakes, which are matched one digit looser and may lie that close to the right value
    short = ex.digits and 2 <= given < ex.digits and value in _shortened(expected, given)
    for mistake, mistaken in zip(ex.mistakes, wrong):
        if agrees(value, mistaken, looser) and not short:
            return False, not_quite(mistake.hint)
    if ex.digits == 0 and value < 0 <= expected:
        return False, _("✘ A count is never negative: how many are there?")
    if expected != 0 and agrees(-value, expected, looser):
        return False, _("✘ The size is right, the sign is not. {hint}").format(hint=_(ex.sign_hint))
    if short:
        shown = _("{count} significant digits") if given > 1 else _("{count} significant digit")
        return False, _("✘ Right as far as it goes, but that is {shown}; give {precision}.").format(
            shown=shown.format(count=given), precision=ex.precision())
    if ex.digits and expected != 0 and abs(value - expected) <= 1e-2 * abs(expected):
        return False, _("✘ Close, but not to {precision}. Did you round a number on the way? "
                        "Keep every intermediate result at full precision and round only at the end.").format(
            precision=ex.precision())
    return False, not_quite(hint_for(ex, attempts))


def _shortened(value, digits):
    """``value`` with ``digits`` significant digits, rounded and cut off (what a right answer given short is)."""
    if not value or not math.isfinite(value):
        return ()
    rounded = float(f"{value:.{digits - 1}e}")
    scale = 10.0 ** (math.floor(math.log10(abs(value))) - digits + 1)
    cut = float(f"{math.trunc(value / scale) * scale:.{digits - 1}e}")
    return (rounded, cut)


def _significant_digits(value):
    """How many significant digits a number was given with (its shortest repr: 0.26 has 2, 1e-08 has 1)."""
    mantissa = repr(abs(float(value))).split("e")[0]          # "0.26", "1", "302.0"
    return max(len(mantissa.replace(".", "").strip("0")), 1)


def _judge_choice(ex, answer, attempts):
    if not isinstance(answer, str):
        raise Unreadable(_("Give the answer as a string, {precision}; got {given}.").format(
            precision=ex.precision(), given=_describe(answer)))
    typed = _choice_key(answer)
    # a choice may be typed in English or in the language chosen ("online, shuffled" or "在线，打乱顺序")
    chosen = next((c for c in ex.choices if typed in (_choice_key(c), _choice_key(_(c)))), None)
    if chosen is None:
        raise Unreadable(_("Give {precision}; got {given!r}.").format(precision=ex.precision(), given=answer[:60]))
    key = _choice_key(chosen)
    expected, wrong = ex.reference()
    if key == _choice_key(expected):
        return True, _("✔ Correct!")
    for mistake, mistaken in zip(ex.mistakes, wrong):
        if key == _choice_key(mistaken):
            return False, not_quite(mistake.hint)
    return False, not_quite(hint_for(ex, attempts))


def _choice_key(text):
    """A choice as compared: letters and digits only, lower case ("Online, shuffled" = "online shuffled",
    "C, A, B" = "cab")."""
    return "".join(ch for ch in half_width(text).lower() if ch.isalnum())


def half_width(text):
    """What a Chinese input method types, as ASCII: full-width digits, letters and signs (０．４９, ＣＡＢ,
    ４９％, ０，４９) become 0.49, CAB, 49%, 0,49, and the ideographic full stop 。 a decimal point."""
    return "".join(chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else
                   " " if ch == "\u3000" else "." if ch == "。" else ch for ch in text)


# --- reading numbers --------------------------------------------------------------------------
def as_number(answer):
    """A real number from a number, a numeric string, a one-element list or array, or a SymPy
    number; otherwise ``Unreadable`` with a message that says what was given."""
    if isinstance(answer, bool):
        raise Unreadable(_("{answer} is a truth value, not a number: give a number.").format(answer=answer))
    if isinstance(answer, numbers.Real) and not isinstance(answer, (bool, np.bool_)):
        return _finite(float(answer), answer)
    if isinstance(answer, numbers.Complex):
        raise Unreadable(_("{answer} is a complex number: give a real number.").format(answer=answer))
    if isinstance(answer, str):
        return _number_from_text(answer)
    if isinstance(answer, dict):
        raise Unreadable(_("A dict is not a number: give one number."))
    if isinstance(answer, (list, tuple, np.ndarray)):
        arr = np.asarray(answer, dtype=object).ravel()
        if arr.size != 1:
            raise Unreadable(_("Give one number, not {given}.").format(given=_describe(answer)))
        return as_number(arr[0])
    if hasattr(answer, "free_symbols"):          # a SymPy object
        return _number_from_sympy(answer)
    raise Unreadable(_("Could not read {given} as a number: give one real number.").format(given=_describe(answer)))


def _finite(value, shown):
    if not math.isfinite(value):
        raise Unreadable(_("{shown} is not a finite number: give one real number.").format(shown=shown))
    return value


def _number_from_text(text):
    text = half_width(text.strip().rstrip("。，")).strip()     # "0.49。": the full stop ends the sentence
    if len(text) > MAX_TEXT:
        raise Unreadable(_("That string is {count} characters long: give one number.").format(count=len(text)))
    # 1,088 -> 1088 (a thousands separator); 0,123 is a decimal comma, told below
    plain = text.replace(",", "") if re.fullmatch(r"[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?", text) else text
    if re.fullmatch(r"-?\d+,\d+", plain):
        raise Unreadable(_("Use a decimal point: {point}, not {comma}.").format(point=plain.replace(",", "."),
                                                                                comma=text))
    try:
        return _finite(float(plain), repr(text))
    except ValueError:
        pass
    percent = re.fullmatch(r"([-+]?[\d.]+(?:[eE][-+]?\d+)?)\s*%", plain)     # "96.7 %": a share, 0.967
    if percent:
        try:
            return _finite(float(percent.group(1)) / 100, repr(text))
        except ValueError:
            pass
    if re.fullmatch(r"[^\W\d_]+", text):                   # a word: "abc", "sixteen"
        raise Unreadable(_("Type the number with digits, not a word: got {given!r}.").format(given=text[:30]))
    unread = _("Could not read {given!r} as a number: write it with digits and a decimal point, "
               "or as Python arithmetic (+ − * / ** and parentheses).").format(given=text[:60])
    try:
        expr = parse(text, ())
    except Unreadable:
        raise Unreadable(unread) from None
    if isinstance(expr, tuple):                             # "C,A,B": several things, not one number
        raise Unreadable(unread)
    return _number_from_sympy(expr)


def _number_from_sympy(expr):
    import sympy as sp
    if not isinstance(expr, sp.Basic):
        raise Unreadable(_("Could not read {given} as a number.").format(given=_describe(expr)))
    if expr.free_symbols:
        names = ", ".join(sorted(str(s) for s in expr.free_symbols))
        raise Unreadable(_("That is an expression in {names}, not a number: put in the example's numbers "
                           "first (SymPy: expr.subs({{symbol: value, …}}), then float(…)).").format(names=names))
    try:
        value = _numeric_function(expr, [])()
    except (OverflowError, ZeroDivisionError, ValueError):
        raise Unreadable(_("{given} has no finite value: give one real number.").format(given=str(expr)[:60])) from None
    return _finite(complex_to_real(value), str(expr)[:60])


def complex_to_real(value):
    value = complex(value)
    if abs(value.imag) > 1e-12 * max(1.0, abs(value.real)):
        raise Unreadable(_("That is a complex number: give a real number."))
    return value.real


# --- reading and comparing expressions ---------------------------------------------------------
FUNCTIONS = ("exp", "tanh", "cosh", "sinh", "log", "sqrt", "sech", "Rational")


def parse(text, names):
    """A SymPy expression from a string, without evaluating it (so "9**9**9**9" cannot hang).
    ``names`` are read as plain symbols (no assumptions); σ may be written sigma(...)."""
    import sympy as sp
    from sympy.parsing.sympy_parser import parse_expr, standard_transformations

    if len(text) > MAX_TEXT:
        raise Unreadable(_("That string is {count} characters long; write the expression more briefly.").format(
            count=len(text)))
    if re.search(r"__|\bimport\b|\blambda\b|[;\[\]{}@]", text):
        raise Unreadable(_("Could not read {given!r} as a formula.").format(given=text[:60]))
    local = {name: sp.Symbol(name) for name in names}
    local.update({f: getattr(sp, f) for f in FUNCTIONS})
    local["sigma"] = lambda v: 1 / (1 + sp.exp(-v))
    local["sigmoid"] = local["sigma"]
    # σ(z), δ_h1, ×, ÷ and out² as the notebooks write them; a sentence's closing 。 or ， left out
    text = half_width(text.strip().rstrip("。，")).replace("σ", "sigma").replace("δ", "delta")
    text = text.replace("×", "*").replace("÷", "/").replace("²", "**2").replace("³", "**3")
    try:
        return parse_expr(text.replace("^", "**").replace("−", "-").replace("·", "*"), local_dict=local,
                          global_dict=_sympy_names(),
                          transformations=standard_transformations, evaluate=False)
    except NameError as err:
        raise Unreadable(_("Could not read {given!r} as a formula: {name} is not a name it knows. "
                           "Write it as Python, for example: 1 - tanh(z)**2").format(
            given=text[:60], name=getattr(err, "name", None) or "?")) from None
    except Exception:  # noqa: BLE001
        raise Unreadable(_("Could not read {given!r} as a formula. "
                           "Write it as Python, for example: 1 - tanh(z)**2").format(given=text[:60])) from None


@cache
def _sympy_names():
    """SymPy's namespace, as parse_expr's default namespace holds it (imported once)."""
    import sympy.parsing.sympy_parser  # noqa: F401
    names = {}
    exec("from sympy import *", names)  # what parse_expr's default namespace holds
    return names


def _as_expression(ex, answer):
    import sympy as sp
    names = tuple(ex.symbols) + tuple(ex.aliases)
    if isinstance(answer, str):
        expr = parse(answer, names)
        if isinstance(expr, tuple):
            raise Unreadable(_("{given!r} reads as {count} values separated by commas; give one "
                               "expression (a decimal takes a point: 0.5, not 0,5).").format(
                given=answer.strip(), count=len(expr)))
        if not isinstance(expr, sp.Basic):
            raise Unreadable(_("Could not read {given!r} as one formula: give a SymPy expression "
                               "or a string such as \"{symbol}**2\".").format(given=answer.strip()[:40],
                                                                              symbol=ex.symbols[0]))
        return expr
    if isinstance(answer, bool) or isinstance(answer, (dict, list, tuple, np.ndarray)):
        raise Unreadable(_("Give one SymPy expression (or a string such as \"{symbol}**2\"), not {given}.").format(
            symbol=ex.symbols[0], given=_describe(answer)))
    if isinstance(answer, numbers.Number):
        return sp.sympify(answer)
    if isinstance(answer, sp.Basic):
        return answer
    raise Unreadable(_("Could not read {given} as a formula: give a SymPy expression or a string.").format(
        given=_describe(answer)))


def _numeric_function(expr, names):
    """``expr`` as a fast numeric function of the symbols called ``names`` (matched by name, so
    assumptions such as real=True do not matter). Integers become floats first, so that a power
    tower overflows at once instead of computing a huge integer."""
    import sympy as sp
    by_name = {s.name: s for s in expr.free_symbols}
    plain = [sp.Symbol(n) for n in names]
    with sp.evaluate(False):     # rebuild without evaluating: no huge integer is ever computed
        expr = expr.xreplace({by_name[n]: p for n, p in zip(names, plain) if n in by_name})
        expr = expr.xreplace({r: sp.Float(r) for r in expr.atoms(sp.Rational)})
        expr = expr.replace(sp.sech, lambda a: 1 / sp.cosh(a))     # the math module has no sech
    return sp.lambdify(plain, expr, modules="math")


def _judge_expression(ex, answer, attempts):
    import sympy as sp
    expr = _as_expression(ex, answer)
    allowed = set(ex.symbols) | set(ex.aliases)
    extra = sorted({str(s) for s in expr.free_symbols} - allowed)
    if extra:
        raise Unreadable(_("Your expression uses {extra}, which the exercise does not: use only {allowed}.").format(
            extra=", ".join(extra), allowed=", ".join(sorted(allowed))))
    if ex.aliases:
        by_name = {s.name: s for s in expr.free_symbols}
        expr = expr.xreplace({by_name[n]: make() for n, make in ex.aliases.items() if n in by_name})
    names = list(ex.symbols)
    points = _points(names)
    given = _values(expr, names, points)
    if given is None:
        raise Unreadable(_("That expression has no finite value at ordinary points of its symbols."))
    expected, wrong = ex.reference()
    if _same(given, expected):
        return True, _("✔ Correct!")
    for mistake, mistaken in zip(ex.mistakes, wrong):
        if _same(given, mistaken):
            return False, not_quite(mistake.hint)
    # the example's numbers where symbols belong (a learner's cell did ``t1, t2 = t``): judge the formula
    replaced = _replaced_by_numbers(ex, expr)
    if replaced:
        # the answer does not depend on the replaced symbols: evaluate the formulas with the example's numbers there
        moved = [tuple(EXAMPLE_VALUES[n] if n in replaced else v for n, v in zip(names, p)) for p in points]
        filled = [_evaluate(f, moved) for f in ex._functions]
        note = _("(Your formula has the example's numbers where symbols belong: {values}, perhaps from an earlier "
                 "cell; as a formula for any network, keep the symbols.)").format(
            values=", ".join(f"{n} = {EXAMPLE_VALUES[n]:g}" for n in replaced))
        if _same(given, filled[0]):
            return True, _("✔ Correct!") + " " + note
        for mistake, mistaken in zip(ex.mistakes, filled[1:]):
            if _same(given, mistaken):
                return False, not_quite(mistake.hint) + " " + note
    if _same([-v for v in given], expected):
        return False, _("✘ Only the sign is wrong: compare (out − t) with (t − out) in your expression.")
    if not isinstance(expr, sp.Basic) or not expr.free_symbols:
        return False, _("✘ That is a constant; the answer depends on {names}. {hint}").format(
            names=", ".join(names), hint=_(ex.nudge))
    return False, not_quite(hint_for(ex, attempts))


_POINTS = {}


def _points(names):
    """Five fixed random points in (0.1, 0.9) for the symbols (the same for every call)."""
    key = tuple(names)
    if key not in _POINTS:
        rng = np.random.default_rng(20150317)
        _POINTS[key] = [tuple(rng.uniform(0.1, 0.9, len(names))) for _ in range(5)]
    return _POINTS[key]


def _example_values():
    """The worked example's numbers by the names the exercises use: inputs, targets, weights, biases, and the
    outs of the forward pass (h1, h2, o1, o2)."""
    from ..example import BIASES, INPUTS, TARGETS, WEIGHTS, mazur
    values = {"i1": INPUTS[0], "i2": INPUTS[1], "t1": TARGETS[0], "t2": TARGETS[1], "b1": BIASES[0], "b2": BIASES[1]}
    values.update({f"w{k + 1}": w for k, w in enumerate(WEIGHTS)})
    net, x, _targets = mazur()
    trace = net.forward(x)
    values.update({"h1": trace.a[0][0], "h2": trace.a[0][1], "o1": trace.a[1][0], "o2": trace.a[1][1]})
    return {name: float(v) for name, v in values.items()}


EXAMPLE_VALUES = _example_values()
DATA_NAMES = ("t1", "t2", "i1", "i2")     # what a learner's set-up cell holds as numbers (t1, t2 = t)


def _replaced_by_numbers(ex, expr):
    """The symbols of the expected formula that an expression answer does not use and that have a number in
    the worked example (candidates for ``t1, t2 = t`` in a learner's cell)."""
    import sympy as sp
    used = {s.name for s in expr.free_symbols}
    needed = {s.name for s in sp.sympify(ex.expected()).free_symbols}
    return [n for n in ex.symbols if n in needed and n not in used and n in DATA_NAMES]


def _values(expr, names, points):
    import sympy as sp
    return _evaluate(_numeric_function(sp.sympify(expr), names), points)


def _evaluate(f, points):
    """A numeric function's values at the points, or None where it has no finite value."""
    try:
        values = [complex_to_real(f(*p)) for p in points]
    except (OverflowError, ZeroDivisionError, ValueError, Unreadable):
        return None
    return values if all(math.isfinite(v) for v in values) else None


def _same(a, b):
    return a is not None and b is not None and all(
        abs(x - y) <= 1e-9 * max(abs(x), abs(y)) + 1e-13 for x, y in zip(a, b))


def _describe(value):
    if isinstance(value, np.ndarray):
        return _("an array of shape {shape}").format(shape=value.shape)
    if isinstance(value, (list, tuple)):
        return _("a {kind} of {count} items").format(kind=kind_of(value), count=len(value))
    if callable(value):
        return _("a function")
    text = str(value) if isinstance(value, np.generic) else repr(value)
    return f"{kind_of(value)} {text[:40]}{'…' if len(text) > 40 else ''}"


# --- the time limit ---------------------------------------------------------------------------
@contextmanager
def time_limit(seconds):
    """Raise TimeoutError after ``seconds`` (where signals can do it: the main thread on Unix,
    which is where a notebook runs its cells). Elsewhere the checks still avoid slow work."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
