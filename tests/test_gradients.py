"""bplib gradients = SymPy gradients = finite differences."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bplib
from bplib import symbolic

NAMES = [f"w{k}" for k in range(1, 9)]


@pytest.fixture(scope="module")
def sympy_gradients():
    return symbolic.gradients()


def weights_dict(values):
    return {f"w{k}": v for k, v in zip(range(1, 9), values)}


def net_with(values):
    w = values
    return bplib.Network([2, 2, 2], weights=[[[w[0], w[1]], [w[2], w[3]]], [[w[4], w[5]], [w[6], w[7]]]],
                         biases=[0.35, 0.60])


def test_sigma_prime_simplifies_to_a_times_one_minus_a():
    _, difference = symbolic.sigma_prime()
    assert difference == 0


def test_chain_rule_form_is_identical_to_sympy_derivative(sympy_gradients):
    import sympy as sp
    for name in NAMES:
        assert symbolic.simplifies_to_zero(sympy_gradients[name] - symbolic.CHAIN_RULE[name]), name
    assert sp.simplify(sympy_gradients["w5"] - symbolic.CHAIN_RULE["w5"]) == 0
    assert not symbolic.simplifies_to_zero(sympy_gradients["w1"] - symbolic.delta_h1 * symbolic.i2)


def test_bplib_equals_sympy_equals_finite_differences_at_example(sympy_gradients):
    net, x, t = bplib.mazur()
    ours = net.gradients(x, t).named()
    fd = bplib.numeric_gradients(net, x, t).named()
    for name in NAMES:
        exact = symbolic.evaluate(sympy_gradients[name])
        assert ours[name] == pytest.approx(exact, abs=1e-12)
        assert fd[name] == pytest.approx(exact, abs=1e-9)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.floats(-3, 3), min_size=8, max_size=8))
def test_bplib_equals_sympy_at_random_weights(sympy_gradients, values):
    net = net_with(values)
    _, x, t = bplib.mazur()
    ours = net.gradients(x, t).named()
    fd = bplib.numeric_gradients(net, x, t).named()
    symbols = {getattr(symbolic, n): v for n, v in weights_dict(values).items()}
    for name in NAMES:
        exact = symbolic.evaluate(sympy_gradients[name], symbols)
        assert ours[name] == pytest.approx(exact, abs=1e-12)
        assert fd[name] == pytest.approx(exact, abs=1e-9)


@pytest.mark.parametrize("sizes", [[2, 3, 2], [4, 5, 3, 1], [3, 1], [1, 4, 4, 2]])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
@pytest.mark.parametrize("batch", [None, 5])
def test_other_sizes_match_finite_differences(sizes, activation, batch):
    rng = np.random.default_rng(7)
    net = bplib.Network(sizes, activation=activation, seed=3,
                        biases=[rng.normal(size=n) for n in sizes[1:]])
    shape = (sizes[0],) if batch is None else (batch, sizes[0])
    x = rng.normal(size=shape)
    t = rng.uniform(size=shape[:-1] + (sizes[-1],))
    g = net.gradients(x, t)
    fd = bplib.numeric_gradients(net, x, t)
    for a, b in zip(g.weights + g.biases, fd.weights + fd.biases):
        np.testing.assert_allclose(a, b, atol=1e-9)
    assert bplib.gradient_check(net, x, t) < 1e-7


def test_shared_bias_gradient_is_sum_of_deltas():
    net, x, t = bplib.mazur()
    g = net.gradients(x, t)
    named = g.named()
    assert named["b1"] == pytest.approx(g.deltas[0].sum(), abs=1e-15)
    assert named["b2"] == pytest.approx(g.deltas[1].sum(), abs=1e-15)
    fd = bplib.numeric_gradients(net, x, t).named()
    assert fd["b1"] == pytest.approx(named["b1"], abs=1e-9)


def test_gradient_check_catches_a_wrong_gradient():
    net, x, t = bplib.mazur()
    wrong = net.gradients(x, t).weights[1].copy()
    right = bplib.numeric_gradients(net, x, t).weights[1]
    wrong[0, 0] *= 1.1  # a 10 % slip in ∂E/∂w5
    assert bplib.relative_difference(wrong, right).max() > 1e-2


def test_batch_gradient_is_sum_of_sample_gradients():
    net = bplib.Network([2, 3, 1], seed=1)
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    T = np.array([[0], [1], [1], [0]], dtype=float)
    total = net.gradients(X, T)
    parts = [net.gradients(X[i], T[i]) for i in range(4)]
    for l in range(2):
        np.testing.assert_allclose(total.weights[l], sum(p.weights[l] for p in parts), atol=1e-15)


@settings(max_examples=25, deadline=None)
@given(sizes=st.lists(st.integers(1, 4), min_size=2, max_size=4), seed=st.integers(0, 10_000),
       activation=st.sampled_from(["sigmoid", "tanh", "linear"]), shared=st.booleans())
def test_any_network_matches_finite_differences(sizes, seed, activation, shared):
    rng = np.random.default_rng(seed)
    biases = [rng.normal() if shared else rng.normal(size=n) for n in sizes[1:]]
    net = bplib.Network(sizes, activation=activation, seed=seed, biases=biases)
    x, t = rng.normal(size=sizes[0]), rng.uniform(size=sizes[-1])
    g, fd = net.gradients(x, t), bplib.numeric_gradients(net, x, t)
    for a, b in zip(g.weights + g.biases, fd.weights + fd.biases):
        assert a.shape == b.shape
        np.testing.assert_allclose(a, b, atol=1e-8, rtol=1e-6)
