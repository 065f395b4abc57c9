"""Gradient checking: compare backpropagation with central finite differences,

    ∂E/∂w ≈ (E(w + ε) − E(w − ε)) / (2ε),

which needs nothing but the loss, so it is an independent check on any network."""

import numpy as np

from .i18n import Wide, _
from .network import Gradients


def numeric_gradients(net, x, t, eps=1e-6):
    """∂E/∂W and ∂E/∂b of every layer by central differences (deltas are not computed)."""
    probe = net.copy()
    grads = []
    for param in probe.weights + probe.biases:
        g = np.zeros_like(param)
        for idx in np.ndindex(param.shape):
            keep = param[idx]
            param[idx] = keep + eps
            up = probe.loss(x, t)
            param[idx] = keep - eps
            down = probe.loss(x, t)
            param[idx] = keep
            g[idx] = (up - down) / (2 * eps)
        grads.append(g)
    L = len(net.weights)
    return Gradients(weights=grads[:L], biases=grads[L:], deltas=None, names=net.parameter_names())


def relative_difference(a, b):
    """|a − b| / max(|a| + |b|, 1e-12), elementwise: 0 means identical."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-12)


def gradient_check(net, x, t, eps=1e-6):
    """How far backprop is from finite differences, over all weights and biases:
    ‖g_backprop − g_numeric‖ / (‖g_backprop‖ + ‖g_numeric‖).  Below about 1e-7 they agree;
    a wrong gradient gives something near 1e-2 or larger."""
    exact = net.gradients(x, t)
    approx = numeric_gradients(net, x, t, eps)
    g = np.concatenate([np.ravel(a) for a in exact.weights + exact.biases])
    n = np.concatenate([np.ravel(a) for a in approx.weights + approx.biases])
    return float(np.linalg.norm(g - n) / max(np.linalg.norm(g) + np.linalg.norm(n), 1e-300))


def at_most(difference, bound=1e-12, fmt=".1e"):
    """A difference as text whose every digit is the same on every computer: "below 1e-12" when it is
    smaller than ``bound`` (rounding, or the error of finite differences: its digits change with the
    processor's arithmetic), else the value itself in ``fmt`` (a real difference, e.g. a slip's).

        at_most(1.4e-17)        → 'below 1e-12'
        at_most(7.4e-05)        → '7.4e-05'
        at_most(3e-10, 1e-8)    → 'below 1e-8'"""
    difference = float(difference)
    if abs(difference) < bound:
        return Wide(_("below {bound}").format(bound=f"{bound:.0e}".replace("e-0", "e-")))
    return Wide(format(difference, fmt))
