"""Notebook 09's exercises (debugging backpropagation: find the bug, fix the function):
what each asks, its expected value (computed from bplib,
never typed in), the precision it needs, its typical mistakes and their hints."""

import numpy as np

from ..i18n import _
from .engine import Exercise, Mistake


def _probes_hidden_delta():
    rng = np.random.default_rng(9)
    shapes = [("the worked example's shape (2 hidden, 2 outputs)", 2, 2),
              ("a network with 3 hidden neurons and 2 outputs", 3, 2),
              ("a network with 4 hidden neurons and 1 output", 4, 1)]
    return [(where, (rng.normal(size=(n_out, n_hidden)), rng.normal(size=n_out), rng.uniform(0.1, 0.9, n_hidden)))
            for where, n_hidden, n_out in shapes]


def _probes_update():
    rng = np.random.default_rng(10)
    return [(_("a {rows}×{columns} weight matrix with η = {eta}").format(rows=r, columns=c, eta=eta),
             (rng.normal(size=(r, c)), rng.normal(size=(r, c)), eta))
            for r, c, eta in [(2, 2, 0.5), (3, 2, 0.1), (1, 4, 2.0)]]


def _probes_bias():
    rng = np.random.default_rng(11)
    return [(_("a layer of {count} neurons").format(count=n), (rng.normal(size=n),)) for n in (2, 3, 5)]


EXERCISES = {
    "09.hidden_delta": Exercise(
        "function", lambda: lambda W2, delta2, h: (W2.T @ delta2) * h * (1 - h), probes=_probes_hidden_delta,
        nudge="Which way must the δ's travel: from the outputs back to the hidden neurons. Compare the "
              "shapes: W2 has one row per output.",
        hint="Each hidden neuron collects δ_o · w over the weights it feeds: that is the transpose, W2ᵀ δ2, "
             "then ⊙ σ′ = h(1 − h).",
        mistakes=(
            Mistake(lambda: lambda W2, delta2, h: (W2 @ delta2) * h * (1 - h), "That is still the buggy "
                    "version: W2 @ δ2 sends the δ's forward along W2, not back.", planted=True),
            Mistake(lambda: lambda W2, delta2, h: W2.T @ delta2, "The δ's now travel back the right way, but "
                    "δ = ∂E/∂net needs one more factor: σ′ of the hidden neurons."),
            Mistake(lambda: lambda W2, delta2, h: (W2.T @ delta2) * h, "σ′ = h(1 − h), not h."),
        )),
    "09.update": Exercise(
        "function", lambda: lambda W, grad, eta: W - eta * grad, probes=_probes_update,
        nudge="Does a step with this function make E smaller or larger?",
        hint="Gradient descent steps against the gradient, scaled by the learning rate.",
        mistakes=(
            Mistake(lambda: lambda W, grad, eta: W + eta * grad, "That is still the buggy version: W + η·∂E/∂W "
                    "climbs up the loss (gradient ascent).", planted=True),
            Mistake(lambda: lambda W, grad, eta: W - grad, "The direction is right now, but the learning rate η "
                    "is missing."),
            Mistake(lambda: lambda W, grad, eta: -eta * grad, "That is only the step; the new weights are the "
                    "old ones plus this step."),
        )),
    "09.bias_gradient": Exercise(
        "function", lambda: lambda delta: np.sum(delta), probes=_probes_bias,
        nudge="A shared bias enters every neuron of the layer with factor 1: how do the δ's combine?",
        hint="One path per neuron, and the chain rule adds the paths: ∂E/∂b = Σ δ.",
        mistakes=(
            Mistake(lambda: lambda delta: np.mean(delta), "That is still the buggy version: the mean divides "
                    "by the number of neurons; the chain rule adds the paths.", planted=True),
            Mistake(lambda: lambda delta: delta, "That is one gradient per neuron: right for one bias per "
                    "neuron, but this bias is shared by the whole layer (one number)."),
            Mistake(lambda: lambda delta: delta[0], "The bias feeds every neuron of the layer, not only the first."),
        )),
}
