"""The losses and output layers of notebook 5 (cross-entropy, softmax, a linear output): gradients checked
against finite differences for several layer sizes, δ_o = out − t where the factors cancel, the two engines
agreeing, and the reference figures of the cross-entropy run."""

import numpy as np
import pytest

import bplib
from bplib import losses
from bplib.activations import softmax
from bplib.example import VARIANTS

CASES = [  # sizes, hidden activation, output activation, loss
    ([2, 2, 2], "sigmoid", "sigmoid", "cross_entropy"),
    ([3, 4, 2], "sigmoid", "sigmoid", "cross_entropy"),
    ([2, 3, 3, 1], "tanh", "sigmoid", "cross_entropy"),
    ([2, 3, 3], "sigmoid", "softmax", "categorical_cross_entropy"),
    ([4, 5, 3], "relu", "softmax", "categorical_cross_entropy"),
    ([2, 3, 1], "tanh", "linear", "half_sse"),
    ([3, 4, 4, 2], "leaky_relu", "linear", "half_sse"),
    ([2, 2, 2], "sigmoid", "sigmoid", "half_sse"),
]


def targets(rng, n, loss, m=None):
    shape = (n,) if m is None else (m, n)
    if loss == "categorical_cross_entropy":
        return np.eye(n)[rng.integers(n, size=m)] if m else np.eye(n)[rng.integers(n)]
    if loss == "half_sse":
        return rng.normal(size=shape)
    return rng.uniform(0.05, 0.95, size=shape)


@pytest.mark.parametrize("sizes, hidden, output, loss", CASES)
def test_gradients_match_finite_differences(sizes, hidden, output, loss):
    rng = np.random.default_rng(sum(sizes))
    net = bplib.Network(sizes, activation=hidden, output_activation=output, loss=loss, seed=len(sizes),
                        biases=[rng.normal(size=n) for n in sizes[1:]])
    for m in (None, 4):           # one sample, and a batch
        x = rng.normal(size=(sizes[0],) if m is None else (m, sizes[0]))
        t = targets(rng, sizes[-1], loss, m)
        difference = bplib.gradient_check(net, x, t)
        assert difference < 1e-7, (sizes, loss, m, difference)


def test_sigmoid_cross_entropy_delta_is_out_minus_t_at_the_example():
    net, x, t = bplib.mazur()
    ce = bplib.Network([2, 2, 2], weights=net.weights, biases=net.biases, loss="cross_entropy")
    out = ce.forward(x).output
    assert np.allclose(ce.gradients(x, t).deltas[-1], out - t, rtol=0, atol=1e-15)
    # and the long way round: ∂E/∂out · σ′ gives the same
    assert np.allclose(losses.cross_entropy_prime(out, t) * out * (1 - out), out - t, atol=1e-15)


def test_softmax_outputs_are_a_distribution_and_do_not_overflow():
    z = np.array([[1000.0, 0.0, -1000.0], [0.1, 0.2, 0.3]])
    p = softmax(z)
    assert np.all(np.isfinite(p)) and np.allclose(p.sum(axis=1), 1)
    assert p[0, 0] == 1.0


def test_saturated_output_keeps_cross_entropy_finite():
    net = bplib.Network([1, 1], weights=[[[100.0]]], biases=[0.0], loss="cross_entropy")
    E = net.loss([1.0], [0.0])                     # out = 1.0 exactly, target 0
    assert np.isfinite(E) and E == pytest.approx(-np.log(1e-15), rel=1e-3)
    g = net.gradients([1.0], [0.0])
    assert g.deltas[-1][0] == pytest.approx(1.0)   # δ = out − t: the gradient does not vanish


def test_entropy_is_the_smallest_cross_entropy():
    t = np.array([0.01, 0.99])
    assert losses.entropy(t) == pytest.approx(losses.cross_entropy(t[None], t[None]))
    for o in ([0.02, 0.98], [0.5, 0.5], [0.011, 0.99]):
        assert losses.cross_entropy(np.array([o]), t[None]) > losses.entropy(t)
    assert losses.entropy([0.0, 1.0]) == 0.0


@pytest.mark.parametrize("sizes, hidden, output", [([2, 2, 2], "sigmoid", "sigmoid"), ([2, 3, 1], "tanh", "sigmoid"),
                                                   ([3, 2, 2], "relu", "linear"), ([2, 3, 2], "leaky_relu", "linear")])
def test_both_engines_agree_on_the_new_losses_and_outputs(sizes, hidden, output):
    loss = "cross_entropy" if output == "sigmoid" else "half_sse"
    rng = np.random.default_rng(3)
    net = bplib.Network(sizes, activation=hidden, output_activation=output, loss=loss, seed=1)
    x = rng.uniform(-1, 1, sizes[0])
    t = rng.uniform(0.1, 0.9, sizes[-1])
    for learn_biases in (False, True):
        a = bplib.train(net, x, t, eta=0.3, steps=200, engine="matrices", learn_biases=learn_biases)
        b = bplib.train(net, x, t, eta=0.3, steps=200, engine="unrolled", learn_biases=learn_biases)
        assert np.allclose(a.loss, b.loss, rtol=1e-10, atol=1e-13)
        for Wa, Wb in zip(a.weights, b.weights):
            assert np.allclose(Wa, Wb, rtol=1e-10, atol=1e-13)


def test_the_walk_shows_the_cross_entropy_and_the_short_delta():
    net, x, t = bplib.mazur()
    ce = bplib.Network([2, 2, 2], weights=net.weights, biases=net.biases, loss="cross_entropy")
    steps = bplib.unrolled.walk(ce, x, t, 0.5)
    texts = {s.equation.target: s.text for s in steps}
    assert texts["E"].startswith("E = −[t1·ln out_o1 + (1 − t1)·ln(1 − out_o1)]")
    assert texts["delta_o1"] == "δ_o1 = out_o1 − t1 = 0.75136507 − 0.01 = 0.74136507"


def test_reference_figures_of_the_cross_entropy_run():
    """bplib.example.VARIANTS: ½Σ(t − o)² after 10,000 updates about 4e-31 at η = 0.5 and about 1.6e-31 at
    η = 200 (rounding-level: both below 1e-30), where training on ½Σ(t − o)² is stuck at 5e-5; the cross-entropy
    itself ends at the targets' entropy."""
    net, x, t = bplib.mazur()
    ce = bplib.Network([2, 2, 2], weights=net.weights, biases=net.biases, loss="cross_entropy")
    for eta in (0.5, 200):
        h = bplib.train(ce, x, t, eta=eta, steps=10_000)
        sse = 0.5 * np.sum((t - h.outputs[-1]) ** 2)
        assert sse < VARIANTS["½Σ(t − o)² after 10,000 updates trained on cross-entropy"], (eta, sse)
        assert h.loss[-1] == pytest.approx(losses.entropy(t), rel=1e-12)
    stuck = bplib.train(net, x, t, eta=200, steps=10_000)
    assert stuck.loss[-1] == pytest.approx(VARIANTS["E after 10,000 updates, η = 200"], rel=0.01)
