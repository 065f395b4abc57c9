"""train, train_many and their options."""

import warnings

import numpy as np
import pytest

import bplib

XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XOR_T = np.array([[0], [1], [1], [0]], dtype=float)


def test_history_shapes():
    net, x, t = bplib.mazur()
    h = bplib.train(net, x, t, eta=0.5, steps=7)
    assert h.loss.shape == (8,)
    assert h.outputs.shape == (8, 2)
    assert [W.shape for W in h.weights] == [(8, 2, 2), (8, 2, 2)]
    assert [b.shape for b in h.biases] == [(8, 1), (8, 1)]
    assert h.diverged_at is None
    np.testing.assert_array_equal(h.net.weights[0], h.weights[0][-1])


def test_zero_steps_records_the_start():
    net, x, t = bplib.mazur()
    h = bplib.train(net, x, t, eta=0.5, steps=0)
    assert h.loss.tolist() == [pytest.approx(0.298371109, abs=1e-9)]


def test_each_step_is_w_minus_eta_gradient():
    net, x, t = bplib.mazur()
    h = bplib.train(net, x, t, eta=0.3, steps=2, learn_biases=True)
    g = h.net.copy()
    one = bplib.Network(net.sizes, [W[1] for W in h.weights], [b[1] for b in h.biases])
    grads = one.gradients(x, t)
    for l in range(2):
        np.testing.assert_allclose(h.weights[l][2], one.weights[l] - 0.3 * grads.weights[l], atol=1e-15)
        np.testing.assert_allclose(h.biases[l][2], one.biases[l] - 0.3 * grads.biases[l], atol=1e-15)
    assert g.named() == h.named(2)


def test_learn_biases_changes_biases_and_lowers_loss_faster():
    net, x, t = bplib.mazur()
    fixed = bplib.train(net, x, t, eta=0.5, steps=100)
    learned = bplib.train(net, x, t, eta=0.5, steps=100, learn_biases=True)
    assert learned.named(100)["b2"] != 0.60
    assert learned.loss[-1] < fixed.loss[-1]


def test_train_many_rows_equal_single_runs():
    net, x, t = bplib.mazur()
    etas = [0.1, 0.5, 2.0]
    many = bplib.train_many(net, x, t, etas=etas, steps=50)
    for k, eta in enumerate(etas):
        one = bplib.train(net, x, t, eta=eta, steps=50)
        np.testing.assert_allclose(many.loss[k], one.loss, rtol=0, atol=1e-15)
        np.testing.assert_allclose(many.weights[1][k], one.weights[1], rtol=0, atol=1e-15)


def test_online_and_batch_learning_on_xor():
    net = bplib.Network([2, 3, 1], seed=0, biases=[np.zeros(3), np.zeros(1)])
    batch = bplib.train(net, XOR_X, XOR_T, eta=2.0, steps=3000, learn_biases=True, mode="batch")
    online = bplib.train(net, XOR_X, XOR_T, eta=0.5, steps=3000, learn_biases=True, mode="online")
    assert batch.outputs.shape == (3001, 4, 1)
    for h in (batch, online):
        assert h.loss[-1] < 0.1 * h.loss[0]
        np.testing.assert_array_equal(np.round(h.outputs[-1]).ravel(), [0, 1, 1, 0])


def test_online_epoch_is_one_update_per_sample():
    net = bplib.Network([2, 2, 1], seed=4)
    h = bplib.train(net, XOR_X, XOR_T, eta=0.7, steps=1, mode="online")
    manual = net.copy()
    for i in range(4):
        g = manual.gradients(XOR_X[i], XOR_T[i])
        for l in range(2):
            manual.weights[l] -= 0.7 * g.weights[l]
    for l in range(2):
        np.testing.assert_allclose(h.net.weights[l], manual.weights[l], atol=1e-15)


def test_too_large_eta_diverges_and_is_reported_without_warnings():
    # o = w·x with x = 1: each step multiplies the error by (1 − η), so η = 3 doubles it
    net = bplib.Network([1, 1], weights=[[[0.5]]], biases=[0.0], activation="linear")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        h = bplib.train(net, [1.0], [1.0], eta=3.0, steps=2000)
    assert h.loss[1] == pytest.approx(4 * h.loss[0])
    assert h.diverged_at is not None and 500 < h.diverged_at < 600  # 0.125·4^s overflows near s = 512
    assert bplib.diagnose(h.loss) == "diverged"
    assert h.net is None


def test_diagnose_verdicts():
    assert bplib.diagnose([1.0, 0.5, 0.1]) == "slow"
    assert bplib.diagnose([1.0, 0.5, 0.001]) == "converging"
    assert bplib.diagnose([1.0, 2.0]) == "rising"
    assert bplib.diagnose([1.0, 0.999, 0.998]) == "stalled"
    assert bplib.diagnose([1.0, 0.5, 0.6, 0.4, 0.5, 0.3, 0.4]) == "oscillating"
    assert bplib.diagnose([1.0, np.nan]) == "diverged"
    assert bplib.diagnose([1.0, 0.5, 5e-5, 5e-5, 5e-5]) == "stuck"


def test_recent_trend_reads_the_curve_not_eta():
    """What the last 300 steps of a curve show, and the reason in words of the curve."""
    epochs = np.arange(1001)
    plateau = np.r_[np.linspace(0.6, 0.5, 100), np.full(901, 0.5)]
    assert bplib.recent_trend(plateau) == ("flat", "E has not changed by more than 1 % in the last 300 epochs")
    wobble = 0.25 * (1 + 0.015 * np.sin(epochs * 2.1))        # online learning's wobble on a plateau
    assert bplib.recent_trend(wobble)[0] == "flat" and "wobbles by up to" in bplib.recent_trend(wobble)[1]
    slow = 0.5 * np.exp(-epochs / 3000)                       # falls steadily: about 9 % per 300 epochs
    word, why = bplib.recent_trend(slow)
    assert word == "falling" and why.startswith("E fell by about 8") and why.endswith("in the last 300 epochs")
    jumps = np.where(epochs % 40 < 20, 0.25, 0.5)             # up and down between two levels
    word, why = bplib.recent_trend(jumps)
    assert word == "jumping" and "up by as much as 100 % within 30 epochs" in why
    saturated = np.r_[0.54, np.linspace(0.6, 1.0, 100), np.full(900, 1.0)]   # E went up and stays there
    assert bplib.recent_trend(saturated) == ("diverged", "E rose above where it started (0.54 → 1.00)")
    rising = np.r_[np.linspace(0.6, 0.3, 500), np.linspace(0.3, 0.4, 501)]
    assert bplib.recent_trend(rising)[0] == "rising"
    assert bplib.recent_trend([1.0, 2.0, np.inf]) == ("diverged", "E is not a finite number from epoch 2 on")
    assert bplib.recent_trend([0.5])[0] == "start"
    # a short curve is judged over all its steps; another unit; an exact zero needs no division by it
    assert bplib.recent_trend(np.linspace(0.6, 0.2, 101), unit="iteration")[1] == (
        "E fell by about 63 % in the last 100 iterations")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert bplib.recent_trend([0.0, 0.0, 0.0])[0] == "flat"


def test_too_large_eta_saturates_the_example():
    net, x, t = bplib.mazur()
    h = bplib.train(net, x, t, eta=200.0, steps=10_000)
    assert bplib.diagnose(h.loss) == "stuck"
    assert h.loss[-1] == pytest.approx(0.5 * 0.01**2, rel=1e-4)  # o1 stuck near 0, far below t1 = 0.01
    assert h.outputs[-1][0] < 1e-6


def test_sigmoid_is_safe_far_from_zero():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = bplib.ACTIVATIONS["sigmoid"][0](np.array([-1e4, -50.0, 0.0, 50.0, 1e4]))
    assert s[0] == 0.0 and s[2] == 0.5 and s[4] == 1.0
    assert 0 < s[1] < 1e-20 or s[1] == 0.0


@pytest.mark.parametrize("sizes, activation", [([2, 2, 2], "sigmoid"), ([2, 3, 2], "tanh"),
                                               ([3, 4, 3, 2], "sigmoid"), ([2, 3, 1], "relu"),
                                               ([2, 2], "linear")])
@pytest.mark.parametrize("learn_biases", [False, True])
@pytest.mark.parametrize("update", ["simultaneous", "sequential"])
def test_unrolled_and_matrix_engines_agree(sizes, activation, learn_biases, update):
    rng = np.random.default_rng(5)
    shared = [0.3] * (len(sizes) - 2) + [rng.normal(size=sizes[-1])]   # shared and per-neuron biases
    net = bplib.Network(sizes, activation=activation, seed=11, biases=shared)
    x, t = rng.uniform(size=sizes[0]), rng.uniform(size=sizes[-1])
    # (moderate η: in a chaotic, oscillating run the last-digit differences of two correct
    # computations grow without bound, which would test chaos, not the engines)
    runs = {engine: bplib.train_many(net, x, t, etas=[0.05, 0.3], steps=200, learn_biases=learn_biases,
                                     update=update, engine=engine) for engine in ("unrolled", "matrices")}
    a, b = runs["unrolled"], runs["matrices"]
    np.testing.assert_allclose(a.loss, b.loss, rtol=1e-11, atol=1e-14)
    np.testing.assert_allclose(a.outputs, b.outputs, rtol=1e-11, atol=1e-14)
    for l in range(len(sizes) - 1):
        np.testing.assert_allclose(a.weights[l], b.weights[l], rtol=1e-11, atol=1e-14)
        np.testing.assert_allclose(a.biases[l], b.biases[l], rtol=1e-11, atol=1e-14)


def test_unrolled_source_is_the_notebook_equations():
    net, _, _ = bplib.mazur()
    src = bplib.unrolled.source(net)
    for line in ["net_h1 = w1 * i1 + w2 * i2 + b1",
                 "net_o2 = w7 * out_h1 + w8 * out_h2 + b2",
                 "delta_o1 = (out_o1 - t1) * out_o1 * (1 - out_o1)",
                 "delta_h1 = (delta_o1 * w5 + delta_o2 * w7) * out_h1 * (1 - out_h1)",
                 "dE_dw5 = delta_o1 * out_h1",
                 "w5 = w5 - eta * dE_dw5",
                 "dE_dw1 = delta_h1 * i1",
                 "w1 = w1 - eta * dE_dw1"]:
        assert line in src
    # simultaneous: the hidden deltas come before any weight changes; sequential: after w5 … w8 change
    assert src.index("delta_h1 =") < src.index("w5 = w5")
    seq = bplib.unrolled.source(net, update="sequential")
    assert seq.index("w8 = w8") < seq.index("delta_h1 =") < seq.index("w1 = w1")


def test_unrolled_engine_needs_one_sample():
    net = bplib.Network([2, 2, 1], seed=1)
    with pytest.raises(ValueError, match="engine='unrolled' needs one sample"):
        bplib.train(net, XOR_X, XOR_T, eta=0.5, steps=1, engine="unrolled")
    with pytest.raises(ValueError, match="engine must be one of 'auto', 'matrices', 'unrolled'"):
        bplib.train(net, XOR_X, XOR_T, eta=0.5, steps=1, engine="fast")


def test_dashboard_refuses_a_batch():
    from bplib.classroom.dashboard import TrainingDashboard
    net = bplib.Network([2, 2, 1], seed=1)
    with pytest.raises(ValueError, match="TrainingDashboard shows one training sample"):
        TrainingDashboard(net, XOR_X, XOR_T)


def test_dashboard_follows_its_sliders():
    from bplib.classroom.dashboard import TrainingDashboard
    dash = TrainingDashboard(*bplib.mazur(), etas=(0.5, 200.0), steps=200)
    first = dash.image.value
    assert "η = 0.5" in dash.readout.value and "iteration <b>200</b>" in dash.readout.value
    dash.step_slider.value = 0
    assert "iteration <b>0</b>" in dash.readout.value and dash.image.value != first
    dash.eta_slider.value = 200.0
    verdict = bplib.diagnose(dash.history().loss[1])
    assert "η = 200" in dash.readout.value and f"<b>{verdict}</b>" in dash.readout.value
    dash.biases_box.value = True
    assert {(False, "simultaneous"), (True, "simultaneous")} <= set(dash.runs)
    assert "b1 = " in dash.readout.value


def test_dashboard_loss_title_keeps_its_size_where_it_is_frozen():
    """The loss plot's title is frozen in place for fast "auto" redraws; it keeps the size it was drawn with (a
    title of another size would leave pieces of the first behind the blanked region)."""
    from bplib.classroom.dashboard import TrainingDashboard
    dash = TrainingDashboard(*bplib.mazur(), etas=(0.5,), steps=20, font_size=10)
    assert dash.ax_loss.title.get_fontsize() == dash.ax_loss.xaxis.label.get_fontsize() + 1 == 11


def test_dashboard_trains_the_other_options_in_the_background():
    import time

    from bplib.classroom.dashboard import TrainingDashboard
    dash = TrainingDashboard(*bplib.mazur(), etas=(0.5, 200.0), steps=2000)
    deadline = time.monotonic() + 30
    while len(dash.runs) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(dash.runs) == 4, "all four choices of biases and update order are trained"
    import bplib.classroom.dashboard as dashboard_module
    calls = []
    trained = dashboard_module.train_many
    dashboard_module.train_many = lambda *a, **kw: calls.append(kw) or trained(*a, **kw)
    try:
        dash.order_buttons.value = "sequential"
        dash.biases_box.value = True
    finally:
        dashboard_module.train_many = trained
    assert calls == [], "a first toggle only looks results up (nothing is trained while the learner waits)"
    expected = bplib.train_many(*bplib.mazur(), etas=(0.5, 200.0), steps=2000, learn_biases=True,
                                update="sequential")
    np.testing.assert_array_equal(dash.history().loss, expected.loss)
