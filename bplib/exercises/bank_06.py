"""Notebook 06's exercises (activations, biases, initialisation):
what each asks, its expected value (computed from bplib,
never typed in), the precision it needs, its typical mistakes and their hints."""

import numpy as np

from ..network import Network
from .common import example_with, forward_with, sigma
from .engine import Exercise, Mistake


def _tanh_prime_h1(form="right"):
    net_h1 = forward_with().z[0][0]
    out = np.tanh(net_h1)
    return {"right": 1 - out**2, "no_square": 1 - out, "sigmoid": sigma(net_h1) * (1 - sigma(net_h1)),
            "sigmoid_form": out * (1 - out), "sigmoid_out": 1 - sigma(net_h1) ** 2}[form]


def _shared_b2_gradient(which="both", slope=True, activation="tanh", hidden="same"):
    """∂E/∂b2 = δ_o1 + δ_o2 for E = ½Σ(t − o)² on the example with every neuron using ``activation``
    (δ_o = (out − t)·f′(net); ``slope`` False leaves f′ out; ``hidden="sigmoid"``: the slip of switching only
    the outputs to tanh)."""
    net, x, t = example_with()
    if hidden == "sigmoid":
        net = Network(net.sizes, weights=net.weights, biases=net.biases, activation="sigmoid",
                      output_activation=activation)
    else:
        net = Network(net.sizes, weights=net.weights, biases=net.biases, activation=activation)
    o = net.forward(x).a[1]
    f_prime = {"tanh": 1 - o ** 2, "sigmoid": o * (1 - o)}[activation]
    delta = (o - t) * (f_prime if slope else 1)
    return float({"both": delta.sum(), "first": delta[0]}[which])


def _linear_entry(order="W2W1"):
    net, _, _ = example_with()
    W1, W2 = net.weights
    if order == "rows":
        return float(W2[0] @ W1[0])
    if order == "corners":
        return float(W2[0, 0] * W1[0, 0])
    return float((W2 @ W1 if order == "W2W1" else W1 @ W2)[0, 0])


EXERCISES = {
    "06.tanh_prime": Exercise(
        "number", _tanh_prime_h1, digits=6,
        sign_hint="tanh′ = 1 − out² with out between −1 and 1: it is never negative.",
        nudge="If h1 used tanh instead of σ, with the same net_h1 = 0.3775: what is its derivative there?",
        hint="tanh′(net) = 1 − tanh(net)², written with out = tanh(net) as 1 − out².",
        mistakes=(
            Mistake(lambda: _tanh_prime_h1("no_square"), "Square the out: tanh′ = 1 − out²."),
            Mistake(lambda: _tanh_prime_h1("sigmoid"), "That is σ′ at net_h1; the question asks for tanh′."),
            Mistake(lambda: _tanh_prime_h1("sigmoid_form"), "out(1 − out) is σ′'s form; tanh′ = 1 − out²."),
            Mistake(lambda: _tanh_prime_h1("sigmoid_out"), "That out is σ's (0.5933…); with tanh, out = "
                    "tanh(0.3775)."),
        )),
    "06.shared_b2": Exercise(
        "number", _shared_b2_gradient, digits=6,
        nudge="b2 is one number shared by o1 and o2: it reaches E along two paths; and every neuron is tanh now.",
        hint="∂E/∂b2 = δ_o1·1 + δ_o2·1, δ_o = (out − t)·tanh′, with the tanh network's own outs.",
        mistakes=(
            Mistake(lambda: _shared_b2_gradient("first"), "That is δ_o1 alone; b2 also feeds o2."),
            Mistake(lambda: _shared_b2_gradient(hidden="sigmoid"), "Only the outputs are tanh there: the hidden "
                    "neurons are tanh too, so their outs (which o1 and o2 receive) change as well."),
            Mistake(lambda: _shared_b2_gradient(slope=False), "You added out − t; each δ also has "
                    "the factor tanh′ = 1 − out²."),
            Mistake(lambda: _shared_b2_gradient(activation="sigmoid"), "That is the sigmoid network's ∂E/∂b2 "
                    "(notebook 2): here every neuron is tanh, so the outs and the slope are tanh's."),
            Mistake(lambda: _shared_b2_gradient(slope=False, activation="sigmoid"), "That is out − t of the sigmoid "
                    "network: redo the forward pass with tanh, and multiply each δ by tanh′ = 1 − out²."),
        )),
    "06.linear_map": Exercise(
        "number", _linear_entry, digits=6,
        nudge="With linear activations the two layers collapse into one matrix: which product, in which order?",
        hint="out = W²(W¹x + b1) + b2, so the matrix is W²W¹; its top-left entry is w5·w1 + w6·w3.",
        mistakes=(
            Mistake(lambda: _linear_entry("W1W2"), "Order: the input meets W¹ first, so the product is W²W¹, "
                    "not W¹W²."),
            Mistake(lambda: _linear_entry("rows"), "That multiplies a row of W² by a row of W¹; an entry of a "
                    "product takes a row of the first and a column of the second."),
            Mistake(lambda: _linear_entry("corners"), "An entry of a matrix product is a sum over the middle "
                    "index (the hidden neurons): two products, not one."),
        )),
}
