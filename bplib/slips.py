"""Backpropagation as a learner would write it, once right and once with each slip the sources made,
and the four checks that tell them apart (notebook 9).

The network is the worked example's shape: one hidden layer, sigmoid everywhere, E = ½Σ(t − o)²,
column vectors, W1 of shape (n_hidden, n_in), W2 of shape (n_out, n_hidden), biases shared per
layer and fixed (as in the classic example). Every function is short on purpose: the slips are one
line each. The slips are ours, written in our notation; none is copied from a source.

This is the code under test of notebook 9, written the way a learner writes it (column vectors, one network
shape), so that each slip is a visible one-line change. It is deliberately not bplib's engine (training.py,
backprop.py): the four checks judge it against the worked example's figures, which bplib's own tests pin.
"""

from dataclasses import dataclass, field, replace

import numpy as np

from .example import BIASES, EXACT, INPUTS, PUBLISHED, TARGETS, WEIGHTS
from .i18n import N_, Word, _
from .precision import agrees  # the one precision rule: agree to so many significant digits


def sigma(z):
    """σ(z) = 1 / (1 + e^(−z)) (e^(−z) may overflow to inf for a very negative z: σ is then 0, silently)."""
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def example_parameters():
    """W1, W2, b1, b2 of the worked example (fresh arrays)."""
    w = WEIGHTS
    return np.array([[w[0], w[1]], [w[2], w[3]]]), np.array([[w[4], w[5]], [w[6], w[7]]]), *BIASES


# --- the right code ------------------------------------------------------------------------------
def forward(W1, W2, b1, b2, x):
    """h = σ(W1 x + b1), o = σ(W2 h + b2)."""
    h = sigma(W1 @ x + b1)
    o = sigma(W2 @ h + b2)
    return h, o


def half_sse(o, t):
    """E = ½Σ(t − o)²."""
    return 0.5 * np.sum((t - o) ** 2)


def gradients(W1, W2, b1, b2, x, t, forward=forward):
    """δ2 = (o − t)⊙o⊙(1 − o), δ1 = (W2ᵀδ2)⊙h⊙(1 − h); ∂E/∂W2 = δ2 hᵀ, ∂E/∂W1 = δ1 xᵀ."""
    h, o = forward(W1, W2, b1, b2, x)
    delta2 = (o - t) * o * (1 - o)
    delta1 = (W2.T @ delta2) * h * (1 - h)
    return np.outer(delta1, x), np.outer(delta2, h)


# --- the slips, one line each --------------------------------------------------------------------
def gradients_input_as_sender(W1, W2, b1, b2, x, t, forward=forward):
    """Slip: ∂E/∂W2 written with the network's input x, where W2's input is h (the out of the hidden layer)."""
    h, o = forward(W1, W2, b1, b2, x)
    delta2 = (o - t) * o * (1 - o)
    delta1 = (W2.T @ delta2) * h * (1 - h)
    return np.outer(delta1, x), np.outer(delta2, x)          # ← x instead of h


def forward_wrong_net(W1, W2, b1, b2, x):
    """Slip: out_o1 computed from the net of o2."""
    h = sigma(W1 @ x + b1)
    net_o = W2 @ h + b2
    o = sigma(net_o)
    o[0] = sigma(net_o[1])                                   # ← net_o2 where net_o1 belongs
    return h, o


def mean_squared_error(o, t):
    """Slip when there are not two outputs: the mean (1/n)Σ(t − o)² reported as the loss that the
    gradients of ½Σ(t − o)² belong to (they agree only for n = 2)."""
    return np.mean((t - o) ** 2)


@dataclass
class Run:
    """A training run: E before training and after every update, and the weights after the first update."""

    loss: np.ndarray
    first_W1: np.ndarray
    first_W2: np.ndarray


def train(W1, W2, b1, b2, x, t, eta=0.5, steps=1, update="simultaneous", accumulate=False, momentum=0.0,
          forward=forward, gradients=gradients, loss=half_sse):
    """Gradient descent. update="sequential" is a slip (the hidden δ computed with the already-updated W2);
    accumulate=True is a slip (gradients added to the last step's, as when a framework's stored gradients
    are never reset to zero); momentum β: v ← βv + g, w ← w − ηv."""
    W1, W2 = W1.copy(), W2.copy()
    v1, v2 = np.zeros_like(W1), np.zeros_like(W2)
    g1_sum, g2_sum = np.zeros_like(W1), np.zeros_like(W2)
    losses, first = [loss(forward(W1, W2, b1, b2, x)[1], t)], None
    for _step in range(steps):
        if update == "simultaneous":
            g1, g2 = gradients(W1, W2, b1, b2, x, t, forward=forward)
        else:                                                 # ← the sequential slip
            h, o = forward(W1, W2, b1, b2, x)
            delta2 = (o - t) * o * (1 - o)
            g2 = np.outer(delta2, h)
            W2_updated = W2 - eta * g2                        # W2 changes first …
            g1 = np.outer((W2_updated.T @ delta2) * h * (1 - h), x)   # … and δ1 is sent back through it
        if accumulate:                                        # ← gradients never reset to zero
            g1_sum, g2_sum = g1_sum + g1, g2_sum + g2
            g1, g2 = g1_sum, g2_sum
        v1, v2 = momentum * v1 + g1, momentum * v2 + g2
        W1, W2 = W1 - eta * v1, W2 - eta * v2
        if first is None:
            first = (W1.copy(), W2.copy())
        with np.errstate(all="ignore"):
            losses.append(loss(forward(W1, W2, b1, b2, x)[1], t))
    return Run(np.array(losses), *(first or (W1, W2)))


# --- the four checks -----------------------------------------------------------------------------
REFERENCE = {                        # exact figures of the worked example (notebooks 1, 3, 4): value, digits
    "E before training": (PUBLISHED["E_total"], 9),
    "E after 1 update": (EXACT["E_total after 1 update"], 9),
    "E after 10,000 updates": (EXACT["E_total after 10000 updates"], 6),
    "out_o1 before training": (PUBLISHED["out_o1"], 9),
}
HAND_STEP_W1 = [[PUBLISHED["w1+"], PUBLISHED["w2+"]], [PUBLISHED["w3+"], PUBLISHED["w4+"]]]   # notebook 3
HAND_STEP_W2 = [[PUBLISHED["w5+"], PUBLISHED["w6+"]], [PUBLISHED["w7+"], PUBLISHED["w8+"]]]


def centred_differences(W1, W2, b1, b2, x, t, forward=forward, loss=half_sse, eps=1e-6):
    """∂E/∂W1, ∂E/∂W2 by central differences of the loss: nothing but forward passes."""
    result = []
    for which in (0, 1):
        params = [W1.copy(), W2.copy()]
        g = np.zeros_like(params[which])
        for idx in np.ndindex(g.shape):
            values = []
            for sign in (+1, -1):
                probe = [p.copy() for p in params]
                probe[which][idx] += sign * eps
                values.append(loss(forward(probe[0], probe[1], b1, b2, x)[1], t))
            g[idx] = (values[0] - values[1]) / (2 * eps)
        result.append(g)
    return result


def gradient_check(W1, W2, b1, b2, x, t, forward=forward, gradients=gradients, loss=half_sse):
    """‖g − g_numeric‖ / (‖g‖ + ‖g_numeric‖) over W1 and W2: tiny when the backward pass matches the loss."""
    g = np.concatenate([a.ravel() for a in gradients(W1, W2, b1, b2, x, t, forward=forward)])
    n = np.concatenate([a.ravel() for a in centred_differences(W1, W2, b1, b2, x, t, forward=forward, loss=loss)])
    return float(np.linalg.norm(g - n) / (np.linalg.norm(g) + np.linalg.norm(n)))


@dataclass
class Variant:
    """One implementation to test: the right one, or one slip (in the code, the data or the report)."""

    name: str
    forward: object = forward
    gradients: object = gradients
    loss: object = half_sse
    x: tuple = INPUTS
    t: tuple = TARGETS
    update: str = "simultaneous"
    accumulate: bool = False
    momentum: float = 0.0
    reported_step: int = 10_000          # which entry of the loss history is reported as "after 10,000"
    printed_out_o1: object = None        # a figure copied by hand, when there is one
    params: tuple = field(default_factory=example_parameters)


# the four checks, by name: Words (bplib.i18n), which print in the language chosen and compare as their English
CHECKS = tuple(Word(name) for name in (N_("reference figures"), N_("gradient check"), N_("loss curve"),
                                       N_("hand-computed step")))


def run_checks(variant, steps=10_000, eta=0.5):
    """Which of the four checks the variant passes, and its run: ({check: True (passes) / False (caught)}, Run).

    reference figures   E before training, E after one update, E "after 10,000" and out_o1 as reported,
                        against the worked example's exact figures (to the digits each is known);
    gradient check      backprop against central differences of the loss, at the starting point (< 1e-6);
    loss curve          E falls at every update of the run (η = 0.5 on this example: it must);
    hand-computed step  the weights after one update equal the hand computation of notebook 3.
    """
    W1, W2, b1, b2 = variant.params
    x, t = np.array(variant.x, float), np.array(variant.t, float)
    run = train(W1, W2, b1, b2, x, t, eta, steps, variant.update, variant.accumulate, variant.momentum,
                variant.forward, variant.gradients, variant.loss)
    out_o1 = variant.forward(W1, W2, b1, b2, x)[1][0] if variant.printed_out_o1 is None else variant.printed_out_o1
    ours = {"E before training": run.loss[0], "E after 1 update": run.loss[1],
            "E after 10,000 updates": run.loss[variant.reported_step], "out_o1 before training": out_o1}
    with np.errstate(all="ignore"):
        falls = bool(np.all(np.diff(run.loss) < 0))
    passes = (all(np.isfinite(ours[k]) and agrees(float(ours[k]), *REFERENCE[k]) for k in REFERENCE),
              gradient_check(W1, W2, b1, b2, x, t, variant.forward, variant.gradients, variant.loss) < 1e-6,
              falls,
              bool(np.allclose(run.first_W1, HAND_STEP_W1, rtol=0, atol=5e-9)
                   and np.allclose(run.first_W2, HAND_STEP_W2, rtol=0, atol=5e-9)))
    return dict(zip(CHECKS, passes)), run       # in the order of CHECKS: reference figures, gradient check, …


def slips():
    """Every slip of the sources as a Variant, in the order of notebook 9."""
    right = Variant("right")
    return [
        replace(right, name=_("target typed 0.09 for 0.99"), t=(0.01, 0.09)),
        replace(right, name=_("input typed 0.01 for 0.10"), x=(0.05, 0.01)),
        replace(right, name=_("∂E/∂W2 with x for h"), gradients=gradients_input_as_sender),
        replace(right, name=_("out_o1 from net_o2"), forward=forward_wrong_net),
        replace(right, name=_("gradients never reset, momentum 0.9"), accumulate=True, momentum=0.9),
        replace(right, name=_("sequential update"), update="sequential"),
        replace(right, name=_("E after 9,999 reported"), reported_step=9_999),
        replace(right, name=_("out_o1 copied as 0.75136079"), printed_out_o1=0.75136079),
    ]
