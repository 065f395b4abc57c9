"""Input checks with messages that say what was wrong and what is allowed."""

import numbers

import numpy as np

from .i18n import _, kind_of


def choice(name, value, allowed):
    """Check that ``value`` is one of ``allowed`` (strings)."""
    if not isinstance(value, str) or value not in allowed:
        options = ", ".join(repr(a) for a in allowed)
        raise ValueError(_("{name} must be one of {options}; got {value!r}").format(name=name, options=options,
                                                                                    value=value))
    return value


def array(name, value, shape=None, allowed_shapes_text=None):
    """Turn ``value`` into a float array; refuse non-numbers, NaN, inf and wrong shapes.

    ``shape`` is a tuple (None matches any length on that axis) or a list of
    such tuples, any of which may match.
    """
    try:
        arr = np.array(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(_("{name} must contain numbers only; got {value!r}").format(name=name, value=value)) from None
    if shape is not None:
        shapes = shape if isinstance(shape, list) else [shape]
        if not any(_fits(arr.shape, s) for s in shapes):
            wanted = allowed_shapes_text or _(" or ").join(_show(s) for s in shapes)
            raise ValueError(_("{name} must have shape {wanted}; got shape {shape}").format(
                name=name, wanted=wanted, shape=arr.shape))
    if not np.all(np.isfinite(arr)):
        raise ValueError(_("{name} must be finite numbers (no NaN or inf); got {value!r}").format(name=name,
                                                                                                   value=value))
    return arr


def number(name, value, low=None, high=None, low_inclusive=True, hint="", high_inclusive=True):
    """Check a real number and its range; return it as a float."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(_("{name} must be a real number; got {value!r}").format(name=name, value=value))
    value = float(value)
    bad = not np.isfinite(value)
    if low is not None:
        bad = bad or (value < low if low_inclusive else value <= low)
    if high is not None:
        bad = bad or (value > high if high_inclusive else value >= high)
    if bad:
        lo = "" if low is None else (f"{'≥' if low_inclusive else '>'} {low:g}")
        hi = "" if high is None else (f"{'≤' if high_inclusive else '<'} {high:g}")
        rng = _(" and ").join(r for r in (lo, hi) if r)
        raise ValueError(_("{name} must be a finite number {range}; got {value!r}{hint}").format(
            name=name, range=rng, value=value, hint=_(hint)))
    return value


def integer(name, value, low=0, high=None, hint=""):
    """Check a whole number in [low, high] (``hint``: what the number is, added to the message)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        shown = repr(value) if len(repr(value)) <= 40 else _("a {kind}").format(kind=kind_of(value))
        raise TypeError(_("{name} must be a whole number{hint}; got {shown}").format(name=name, hint=_(hint),
                                                                                     shown=shown))
    if value < low or (high is not None and value > high):
        top = "" if high is None else _(" and ≤ {high}").format(high=high)
        raise ValueError(_("{name} must be ≥ {low}{top}{hint}; got {value}").format(name=name, low=low, top=top,
                                                                                    hint=_(hint), value=value))
    return int(value)


def _fits(actual, wanted):
    return len(actual) == len(wanted) and all(w is None or a == w for a, w in zip(actual, wanted))


def _show(shape):
    inner = ", ".join("m" if s is None else str(s) for s in shape)
    return f"({inner},)" if len(shape) == 1 else f"({inner})"
