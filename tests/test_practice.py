"""Training in practice (notebook 7): optimisers, stopping rules, shuffled online learning, populations of
initialisations — checked against hand-computed steps and the reference figures."""

import numpy as np
import pytest

import bplib
from bplib import optimisers
from bplib.example import VARIANTS

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_T = np.array([[0.0], [1.0], [1.0], [0.0]])


def test_momentum_reference_figure():
    """bplib.example.VARIANTS: β = 0.9 at η = 0.5 gives E ≈ 5.5e-9 after 10,000 updates."""
    net, x, t = bplib.mazur()
    h = bplib.train(net, x, t, eta=0.5, steps=10_000, optimiser="momentum", beta=0.9)
    assert h.loss[-1] == pytest.approx(VARIANTS["E after 10,000 updates, momentum β = 0.9, η = 0.5"], rel=0.05)


def test_momentum_by_hand_for_two_steps():
    net, x, t = bplib.mazur()
    eta, beta = 0.5, 0.9
    g1 = net.gradients(x, t).weights
    v1 = g1
    after1 = [W - eta * v for W, v in zip(net.weights, v1)]
    n1 = bplib.Network([2, 2, 2], weights=after1, biases=net.biases)
    g2 = n1.gradients(x, t).weights
    v2 = [beta * a + b for a, b in zip(v1, g2)]
    after2 = [W - eta * v for W, v in zip(after1, v2)]
    h = bplib.train(net, x, t, eta=eta, steps=2, optimiser="momentum", beta=beta)
    for l in range(2):
        assert np.allclose(h.weights[l][2], after2[l], rtol=0, atol=1e-15)


def test_beta_zero_is_plain_gradient_descent():
    net, x, t = bplib.mazur()
    a = bplib.train(net, x, t, eta=0.5, steps=300, optimiser="momentum", beta=0.0)
    b = bplib.train(net, x, t, eta=0.5, steps=300)
    assert np.allclose(a.loss, b.loss, rtol=1e-12, atol=0)


def test_bold_driver_grows_eta_while_E_falls_and_undoes_a_rising_step():
    net, x, t = bplib.mazur()
    h = bplib.train(net, x, t, eta=0.5, steps=400, optimiser="bold_driver")
    assert np.all(np.diff(h.loss) <= 1e-18), "an undone step leaves E where it was: E never rises"
    assert h.eta_trace[1] == pytest.approx(0.5 * 1.05)
    grew = np.diff(h.eta_trace) > 0
    assert grew[:20].all() and not grew.all(), "η grows while E falls, and is cut at least once"
    assert h.loss[-1] < bplib.train(net, x, t, eta=0.5, steps=400).loss[-1]


def test_target_error_stops_at_1088():
    """bplib.example.VARIANTS: with η = 0.5, E first falls below 0.001 after 1,088 updates."""
    net, x, t = bplib.mazur()
    h = bplib.train(net, x, t, eta=0.5, steps=5000, target=0.001)
    assert h.stopped_at == VARIANTS["first update with E < 0.001, η = 0.5"] == 1088
    assert len(h.loss) == 1089 and h.loss[-1] < 0.001 <= h.loss[-2]
    assert "target" in h.stopped_because and "1,088" in h.stopped_because
    full = bplib.train(net, x, t, eta=0.5, steps=50)
    assert full.stopped_at == 50 and "maximum" in full.stopped_because


def test_early_stopping_keeps_the_weights_before_the_rises():
    rng = np.random.default_rng(0)
    X = np.repeat(XOR_X, 5, axis=0) + rng.normal(0, 0.25, (20, 2))
    T = np.repeat(XOR_T, 5, axis=0)
    Xv = np.repeat(XOR_X, 5, axis=0) + rng.normal(0, 0.25, (20, 2))
    net = bplib.Network([2, 8, 1], seed=1, biases=[rng.normal(size=8), [0.0]])
    h = bplib.train(net, X, T, eta=0.5, steps=3000, learn_biases=True, validation=(Xv, T), patience=6)
    v = h.validation_loss
    s = h.stopped_at
    assert s < 3000 and h.best_at == s - 6
    assert all(v[k] > v[k - 1] for k in range(s - 5, s + 1))
    assert np.allclose(h.net.weights[0], h.weights[0][h.best_at])
    assert "rose 6 times in a row" in h.stopped_because


def test_shuffled_online_is_reproducible_and_differs_from_fixed_order():
    net = bplib.Network([2, 3, 1], seed=2)
    a = bplib.train(net, XOR_X, XOR_T, eta=0.5, steps=50, mode="online", shuffle=True, seed=7)
    b = bplib.train(net, XOR_X, XOR_T, eta=0.5, steps=50, mode="online", shuffle=True, seed=7)
    c = bplib.train(net, XOR_X, XOR_T, eta=0.5, steps=50, mode="online")
    assert np.array_equal(a.loss, b.loss) and not np.allclose(a.loss, c.loss)


def test_online_epoch_by_hand():
    """One epoch of shuffled online learning = one update per sample, in the seed's random order."""
    net = bplib.Network([2, 2, 1], seed=3)
    order = np.random.default_rng(11).permutation(4)
    by_order = net.copy()
    for i in order:
        g = by_order.gradients(XOR_X[i], XOR_T[i])
        by_order.weights = [W - 0.5 * gW for W, gW in zip(by_order.weights, g.weights)]
    h = bplib.train(net, XOR_X, XOR_T, eta=0.5, steps=1, mode="online", shuffle=True, seed=11)
    assert np.allclose(h.weights[0][1], by_order.weights[0], atol=1e-15)


def test_a_population_equals_its_runs_one_by_one():
    nets = [bplib.Network([2, 3, 1], seed=s) for s in range(5)]
    pop = bplib.train_population(nets, XOR_X, XOR_T, eta=2.0, steps=200)
    for k, n in enumerate(nets):
        one = bplib.train(n, XOR_X, XOR_T, eta=2.0, steps=200)
        assert np.allclose(pop.loss[k], one.loss, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(optimiser="rmsprop"), ValueError,
     "optimiser must be one of 'gd', 'momentum', 'bold_driver', 'adam'; got 'rmsprop'"),
    (dict(optimiser="momentum", beta=1.0), ValueError, "beta must be a finite number ≥ 0 and < 1; got 1.0"),
    (dict(optimiser="momentum", beta=-0.1), ValueError, "beta must be a finite number ≥ 0 and < 1"),
    (dict(shuffle=True), ValueError, "shuffle=True needs mode='online'"),
    (dict(target=0), ValueError, "target must be a finite number > 0"),
    (dict(patience=3), ValueError, "patience needs validation=(x_val, t_val)"),
    (dict(validation=(XOR_X, XOR_T)), ValueError, "validation=(x_val, t_val) needs patience=k"),
    (dict(validation=(XOR_X, XOR_T[:3]), patience=2), ValueError, "validation=(x_val, t_val): t must have shape"),
    (dict(validation=XOR_X, patience=2), TypeError, "validation must be a pair (x_val, t_val)"),
    (dict(engine="unrolled", optimiser="momentum"), ValueError, "engine='unrolled' needs one sample"),
])
def test_bad_training_options_are_named(kwargs, error, words):
    net = bplib.Network([2, 2, 1], seed=0)
    with pytest.raises(error) as info:
        bplib.train(net, XOR_X, XOR_T, eta=0.5, steps=3, **kwargs)
    assert words in str(info.value)


def test_empty_and_mismatched_data_sets_are_named():
    net = bplib.Network([2, 2, 1], seed=0)
    with pytest.raises(ValueError, match="x must hold at least one sample"):
        bplib.train(net, np.empty((0, 2)), np.empty((0, 1)), steps=1)
    with pytest.raises(ValueError, match=r"t must have shape \(4, 1\)"):
        bplib.train(net, XOR_X, XOR_T[:3], steps=1)
    with pytest.raises(ValueError, match="nets must hold at least one network"):
        bplib.train_population([], XOR_X, XOR_T)
    with pytest.raises(ValueError, match=r"starts\[1\] must be a Network of net's layer sizes"):
        bplib.train_population([net, bplib.Network([2, 3, 1])], XOR_X, XOR_T)
    with pytest.raises(ValueError, match=r"starts\[1\] must be a Network of net's layer sizes"):
        bplib.train_population([net, bplib.Network([2, 2, 1], activation="tanh")], XOR_X, XOR_T)


def test_optimiser_objects_by_name():
    assert isinstance(optimisers.make("gd"), optimisers.GradientDescent)
    assert optimisers.make("momentum", 0.5).beta == 0.5
    assert isinstance(optimisers.make("bold_driver"), optimisers.BoldDriver)
