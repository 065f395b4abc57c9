"""Stopping rules: when training ends, and why.

    maximum       stop after ``steps`` updates (always in force)
    target        stop at the first update after which E < target          (seed 000: "small enough")
    early         stop when the error on a validation set has risen ``patience`` times in a row,
                  and keep the weights from before the rises                   (seed 001: 6 rises)

The rules are applied to a finished run: ``train`` records every step, so the step at which a
rule fires, and the weights there, can be read off the record. The run is then cut at that step.
"""

import numpy as np

from . import checks
from .backprop import forward_pass
from .i18n import _, kind_of


def validation_loss(hist, net, x_val, t_val):
    """E on the validation set (x_val, t_val) after every recorded step: one number per step."""
    return np.concatenate(list(_validation_chunks(hist, net, x_val, t_val)))


def _validation_chunks(hist, net, x_val, t_val, size=256):
    """The validation losses, ``size`` recorded steps at a time (each chunk in one pass: a leading axis)."""
    try:
        X = net.inputs(x_val)[0]
        T = net.targets(t_val, X.shape[0])
    except (ValueError, TypeError) as error:
        raise type(error)(_("validation=(x_val, t_val): {error}").format(error=error)) from None
    fns = net.functions()
    for start in range(0, len(hist.loss), size):
        part = slice(start, start + size)
        _nets, outs = forward_pass([W[part] for W in hist.weights], [b[part] for b in hist.biases], X, fns.f,
                               fns.f_out)
        with np.errstate(all="ignore"):
            yield fns.loss(outs[-1], T)


def first_rise_run(values, patience):
    """The first index s at which ``values`` has risen ``patience`` times in a row (values[s−k+1 … s] each
    above the one before), or None."""
    rises = 0
    for s in range(1, len(values)):
        rises = rises + 1 if values[s] > values[s - 1] else 0
        if rises == patience:
            return s
    return None


def check(target=None, validation=None, patience=None):
    """The stopping options, checked before any training (a message that names the argument): (target,
    patience)."""
    if target is not None:
        target = checks.number("target", target, low=0.0, low_inclusive=False,
                               hint=" (the target error: training stops once E is below it)")
    if patience is not None:
        patience = checks.integer("patience", patience, low=1)
        if validation is None:
            raise ValueError(_(
                "patience needs validation=(x_val, t_val): early stopping watches the error on data the network "
                "does not train on"))
    if validation is not None:
        if not isinstance(validation, (tuple, list)) or len(validation) != 2:
            raise TypeError(_(
                "validation must be a pair (x_val, t_val); got {kind}").format(kind=kind_of(validation)))
        if patience is None:
            raise ValueError(_("validation=(x_val, t_val) needs patience=k: stop after k rises in a row"))
    return target, patience


def apply(hist, net, target=None, validation=None, patience=None):
    """Cut ``hist`` (a History of ``train``) where the first rule fires; say which and why in
    ``hist.stopped_at`` (the last step kept), ``hist.best_at`` (the step whose weights are returned as
    ``hist.net``) and ``hist.stopped_because``."""
    target, patience = check(target, validation, patience)
    steps = len(hist.loss) - 1
    stops = [(steps, steps, _("the maximum of {steps} updates was reached").format(steps=f"{steps:,}"))]
    if target is not None:
        below = np.flatnonzero(hist.loss < target)
        if below.size:
            s = int(below[0])
            stops.append((s, s, _("the target error was reached: E < {target} after {steps} updates").format(
                target=f"{target:g}", steps=f"{s:,}")))
    if validation is not None:
        # computed chunk by chunk, and only until the rule fires (the rest would be cut off anyway)
        values, s = [], None
        for chunk in _validation_chunks(hist, net, *validation):
            values.extend(chunk)
            s = first_rise_run(values, patience)
            if s is not None:
                break
        hist.validation_loss = np.array(values)
        if s is not None:
            stops.append((s, s - patience, _("the validation error rose {patience} times in a row (updates "
                                             "{first}–{last}); the weights after update {kept} are kept").format(
                patience=patience, first=f"{s - patience + 1:,}", last=f"{s:,}", kept=f"{s - patience:,}")))
    stop, best, why = min(stops)
    hist.stopped_at, hist.best_at, hist.stopped_because = stop, best, why
    hist.loss = hist.loss[:stop + 1]
    hist.outputs = hist.outputs[:stop + 1]
    hist.weights = [W[:stop + 1] for W in hist.weights]
    hist.biases = [b[:stop + 1] for b in hist.biases]
    if hist.validation_loss is not None:
        hist.validation_loss = hist.validation_loss[:stop + 1]
    if hist.eta_trace is not None:
        hist.eta_trace = hist.eta_trace[:stop + 1]
    if hist.diverged_at is None or hist.diverged_at > stop:
        hist.diverged_at = None
        hist.net = hist.network(best)
    return hist
