"""Speed, measured side by side in one run (a script, not a test).

    .venv/bin/python benchmarks/bench_training.py

Prints the time of ``import bplib`` (in a fresh interpreter; it loads no plotting or widget library), then
seconds and ratios for 10,000 training steps of the worked example: a plain scalar-Python loop written from
the equations, bplib.train on one network (both engines), and bplib.train_many on 100 learning rates at once
(both engines) beside a batched numpy loop written by hand for the same 100 runs; then the Python callback
time of the training dashboard's two sliders; then the XOR sweep of notebook 7 (100 starts × 5,000 epochs,
in one loop and one run at a time). (The end-to-end time in a
real browser is measured by tests/test_browser.py into test-artifacts/.)
"""

import math
import subprocess
import sys
import time

import numpy as np

import bplib

STEPS = 10_000


def plain_loop(steps=STEPS, eta=0.5):
    """The worked example in scalar Python, straight from the equations (weights only learn)."""
    i1, i2, t1, t2, b1, b2 = 0.05, 0.10, 0.01, 0.99, 0.35, 0.60
    w1, w2, w3, w4, w5, w6, w7, w8 = 0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55
    exp = math.exp
    for _ in range(steps):
        h1 = 1 / (1 + exp(-(w1 * i1 + w2 * i2 + b1)))
        h2 = 1 / (1 + exp(-(w3 * i1 + w4 * i2 + b1)))
        o1 = 1 / (1 + exp(-(w5 * h1 + w6 * h2 + b2)))
        o2 = 1 / (1 + exp(-(w7 * h1 + w8 * h2 + b2)))
        d_o1 = (o1 - t1) * o1 * (1 - o1)
        d_o2 = (o2 - t2) * o2 * (1 - o2)
        d_h1 = (d_o1 * w5 + d_o2 * w7) * h1 * (1 - h1)
        d_h2 = (d_o1 * w6 + d_o2 * w8) * h2 * (1 - h2)
        w5, w6, w7, w8 = w5 - eta * d_o1 * h1, w6 - eta * d_o1 * h2, w7 - eta * d_o2 * h1, w8 - eta * d_o2 * h2
        w1, w2, w3, w4 = w1 - eta * d_h1 * i1, w2 - eta * d_h1 * i2, w3 - eta * d_h2 * i1, w4 - eta * d_h2 * i2
    h1 = 1 / (1 + exp(-(w1 * i1 + w2 * i2 + b1)))
    h2 = 1 / (1 + exp(-(w3 * i1 + w4 * i2 + b1)))
    o1 = 1 / (1 + exp(-(w5 * h1 + w6 * h2 + b2)))
    o2 = 1 / (1 + exp(-(w7 * h1 + w8 * h2 + b2)))
    return 0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2


def batched_loop(etas, steps=STEPS):
    """The example for many η at once, by hand: stacked 2×2 matrices, E recorded at every step (as train_many
    records it), nothing else. The reference for train_many's matrix engine."""
    K = len(etas)
    eta = np.asarray(etas)[:, None, None]
    W1 = np.tile([[0.15, 0.20], [0.25, 0.30]], (K, 1, 1))
    W2 = np.tile([[0.40, 0.45], [0.50, 0.55]], (K, 1, 1))
    x, t, b1, b2 = np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]]), 0.35, 0.60
    loss = np.empty((K, steps + 1))
    for s in range(steps + 1):
        h = 1 / (1 + np.exp(-(x @ W1.mT + b1)))          # (K, 1, 2)
        o = 1 / (1 + np.exp(-(h @ W2.mT + b2)))
        loss[:, s] = 0.5 * ((t - o) ** 2).sum(axis=(1, 2))
        if s == steps:
            break
        d_o = (o - t) * o * (1 - o)
        d_h = (d_o @ W2) * h * (1 - h)
        W2 = W2 - eta * (d_o.mT @ h)
        W1 = W1 - eta * (d_h.mT @ x)
    return loss


def import_time(rounds=5):
    """Best time of ``import bplib`` in a fresh interpreter, and which heavy libraries it loaded."""
    code = ("import sys, time; s = time.perf_counter(); import bplib; d = time.perf_counter() - s; "
            "print(d, [m for m in ('matplotlib', 'ipywidgets', 'IPython', 'PIL', 'sympy') if m in sys.modules])")
    best, loaded = float("inf"), None
    for _ in range(rounds):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        out = done.stdout.split(" ", 1)
        best, loaded = min(best, float(out[0])), out[1].strip()
    return best, loaded


def interleaved(candidates, rounds=7):
    """Best time of each candidate over several rounds, the candidates taking turns within each
    round, so that a slow moment of the machine hits all of them alike."""
    best = {name: float("inf") for name in candidates}
    results = {}
    for _ in range(rounds):
        for name, fn in candidates.items():
            start = time.perf_counter()
            results[name] = fn()
            best[name] = min(best[name], time.perf_counter() - start)
    return best, results


def main():
    seconds, loaded = import_time()
    print(f"import bplib (fresh interpreter, best of 5): {seconds * 1e3:.0f} ms; heavy libraries loaded: {loaded}")
    net, x, t = bplib.mazur()
    best, results = interleaved({
        "plain": plain_loop,
        "train": lambda: bplib.train(net, x, t, eta=0.5, steps=STEPS),
        "train_matrices": lambda: bplib.train(net, x, t, eta=0.5, steps=STEPS, engine="matrices"),
    })
    for name in ("train", "train_matrices"):
        assert abs(results[name].loss[-1] - results["plain"]) < 1e-12, "the loops must compute the same thing"
    etas = np.logspace(-2, 2, 100)
    many, many_results = interleaved({
        "batched": lambda: batched_loop(etas),
        "many_matrices": lambda: bplib.train_many(net, x, t, etas=etas, steps=STEPS, engine="matrices"),
        "many_unrolled": lambda: bplib.train_many(net, x, t, etas=etas, steps=STEPS, engine="unrolled"),
    }, rounds=3)
    assert np.allclose(many_results["batched"], many_results["many_matrices"].loss, rtol=1e-9, atol=1e-15)
    plain = best["plain"]
    print(f"{STEPS:,} training steps of the 2-2-2 example (best of several interleaved runs, one process)")
    print(f"  plain scalar-Python loop, no history          {plain:7.3f} s")
    print(f"  bplib.train (unrolled engine, full history)   {best['train']:7.3f} s"
          f"   = {best['train'] / plain:5.1f} × the plain loop")
    print(f"  bplib.train, engine='matrices'                {best['train_matrices']:7.3f} s"
          f"   = {best['train_matrices'] / plain:5.1f} × the plain loop")
    print(f"  batched numpy loop by hand, 100 η, E only     {many['batched']:7.3f} s"
          f"   = {many['batched'] / (100 * plain):5.2f} × 100 plain loops")
    print(f"  bplib.train_many, 100 η, engine='matrices'    {many['many_matrices']:7.3f} s"
          f"   = {many['many_matrices'] / (100 * plain):5.2f} × 100 plain loops"
          f" = {many['many_matrices'] / many['batched']:4.2f} × the batched loop")
    print(f"  bplib.train_many, 100 η, engine='unrolled'    {many['many_unrolled']:7.3f} s"
          f"   = {many['many_unrolled'] / (100 * plain):5.2f} × 100 plain loops")


def dashboard_callbacks():
    from bplib.classroom.dashboard import TrainingDashboard
    from bplib.example import ETAS
    start = time.perf_counter()
    dash = TrainingDashboard(*bplib.mazur())
    build = time.perf_counter() - start
    dash.timings.clear()
    for s in list(range(0, 10_001, 250)) * 2:
        dash.step_slider.value = s
    iteration = sorted(dash.timings)
    dash.timings.clear()
    for eta in list(ETAS) * 3:
        dash.eta_slider.value = eta
    eta = sorted(dash.timings)
    print("Training dashboard (Python side: look up, redraw, encode the PNG)")
    print(f"  build (trains {len(ETAS)} η × 10,000 steps once)  {build:8.3f} s")
    print(f"  iteration slider callback   median {1000 * iteration[len(iteration) // 2]:6.1f} ms,"
          f"  90th percentile {1000 * iteration[int(0.9 * len(iteration))]:6.1f} ms")
    print(f"  η slider callback           median {1000 * eta[len(eta) // 2]:6.1f} ms,"
          f"  90th percentile {1000 * eta[int(0.9 * len(eta))]:6.1f} ms")


def loss_axis_and_player():
    from bplib.classroom.dashboard import TrainingDashboard
    from bplib.classroom.player import StepPlayer
    dash = TrainingDashboard(*bplib.mazur())
    dash.axis_buttons.value = "auto"
    dash.timings.clear()
    for eta in (0.5, 5.0, 50.0, 200.0, 0.01) * 2:
        dash.eta_slider.value = eta
    auto = sorted(dash.timings)
    start = time.perf_counter()
    player = StepPlayer(*bplib.mazur())
    build = time.perf_counter() - start
    player.timings.clear()
    for k in list(range(29)) * 2:
        player.slider.value = k
    cached = sorted(player.timings)
    player.sequential.value = True
    player.timings.clear()
    for k in range(29):
        player.slider.value = k          # first visit: each frame drawn once
    first = sorted(player.timings)
    print("Loss axis 'auto' (loss axes redrawn alone)")
    print(f"  η slider callback           median {1000 * auto[len(auto) // 2]:6.1f} ms,"
          f"  max {1000 * auto[-1]:6.1f} ms")
    print("Step-through player (Python side)")
    print(f"  build (draws the 29 frames of the correct walk)  {build:6.3f} s")
    print(f"  step change, frame kept     median {1000 * cached[len(cached) // 2]:6.2f} ms")
    print(f"  step change, first visit    median {1000 * first[len(first) // 2]:6.1f} ms (sequential walk)")
    print("In the browser (key press or click -> new picture painted): see test-artifacts/browser_timings.json")


def xor_sweep(runs=100, epochs=5000):
    """Notebook 7's table: 100 random starts of a 2-3-1 network on XOR, 5,000 epochs of batch training,
    trained in one loop (train_population) and one after the other (train), side by side."""
    from bplib.data import solved, xor
    X, T = xor()

    def starts():
        out = []
        for k in range(runs):
            rng = np.random.default_rng(k)
            out.append(bplib.Network([2, 3, 1], seed=k, biases=[rng.normal(size=3), rng.normal(size=1)]))
        return out

    nets = starts()
    together = lambda: bplib.train_population(nets, X, T, eta=2.0, steps=epochs, learn_biases=True)  # noqa: E731
    ten = nets[:10]
    one_by_one = lambda: [bplib.train(n, X, T, eta=2.0, steps=epochs, learn_biases=True) for n in ten]  # noqa: E731
    best, results = interleaved({"population": together, "ten_one_by_one": one_by_one}, rounds=3)
    solved_share = solved(results["population"].outputs[:, -1]).mean()
    per_run_alone = best["ten_one_by_one"] / len(ten)
    print(f"XOR sweep: {runs} starts × {epochs:,} epochs (2-3-1, batch), {solved_share:.0%} solved")
    print(f"  train_population, all {runs} in one loop    {best['population']:7.3f} s")
    print(f"  train, one run at a time (10 runs timed)    {per_run_alone * runs:7.3f} s for {runs} "
          f"(×{per_run_alone * runs / best['population']:.0f} slower)")


def numpy_minibatch_loop(X, T, W1, b1, W2, b2, eta=0.1, epochs=30, batch=32, seed=1):
    """A plain numpy mini-batch loop written from the equations: ReLU hidden layer, softmax output with
    cross-entropy (δ_out = out − t), the gradient averaged over the batch, weights and biases learn; no history."""
    W1, b1, W2, b2 = W1.copy(), b1.copy(), W2.copy(), b2.copy()
    rng, m = np.random.default_rng(seed), len(X)
    for _ in range(epochs):
        order = rng.permutation(m)
        for first in range(0, m, batch):
            rows = order[first:first + batch]
            x, t = X[rows], T[rows]
            z1 = x @ W1.T + b1
            h = np.maximum(z1, 0)
            z2 = h @ W2.T + b2
            e = np.exp(z2 - z2.max(axis=1, keepdims=True))
            o = e / e.sum(axis=1, keepdims=True)
            d2 = (o - t) / len(rows)
            d1 = (d2 @ W2) * (z1 > 0)
            W2 -= eta * d2.T @ h
            b2 -= eta * d2.sum(axis=0)
            W1 -= eta * d1.T @ x
            b1 -= eta * d1.sum(axis=0)
    return W1, b1, W2, b2


def digits_minibatches(epochs=30, batch=32):
    """Notebook 8's network, 64-32-10 (ReLU, softmax), on the digits: 30 epochs of mini-batches of 32, η = 0.1,
    plain SGD, in bplib, in a plain numpy loop and in scikit-learn's MLPClassifier with the same settings."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    from bplib.data import digits, one_hot, split
    X, y = digits()
    X = X / 16.0
    train, _, test = split(len(X), seed=0)
    T = one_hot(y, 10)
    net = bplib.Network([64, 32, 10], activation="relu", output_activation="softmax",
                        loss="categorical_cross_entropy", init="he", seed=0)
    ours = lambda: bplib.train(net, X[train], T[train], eta=0.1, epochs=epochs, batch_size=batch,  # noqa: E731
                               shuffle=True, seed=1, learn_biases=True)
    plain = lambda: numpy_minibatch_loop(X[train], T[train], net.weights[0], net.biases[0],  # noqa: E731
                                         net.weights[1], net.biases[1], epochs=epochs, batch=batch)

    def sklearn():
        model = MLPClassifier(hidden_layer_sizes=(32,), activation="relu", solver="sgd", learning_rate_init=0.1,
                              batch_size=batch, max_iter=epochs, momentum=0.0, alpha=0.0, shuffle=True,
                              random_state=0, tol=0.0, n_iter_no_change=epochs + 1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)     # it stops at max_iter, as asked
            return model.fit(X[train], y[train])

    best, results = interleaved({"bplib": ours, "numpy": plain, "sklearn": sklearn}, rounds=5)
    accuracy = bplib.accuracy(results["bplib"].net.forward(X[test]).output, y[test])
    print(f"Digits, 64-32-10, {epochs} epochs of mini-batches of {batch} (best of 5, interleaved)")
    print(f"  bplib.train (full history per epoch)       {best['bplib']:7.3f} s, test accuracy {accuracy:.1%}")
    print(f"  plain numpy loop, no history               {best['numpy']:7.3f} s "
          f"(bplib ×{best['bplib'] / best['numpy']:.2f})")
    theirs = results["sklearn"].score(X[test], y[test])
    print(f"  scikit-learn MLPClassifier, same settings  {best['sklearn']:7.3f} s "
          f"(bplib ×{best['bplib'] / best['sklearn']:.2f}), test accuracy {theirs:.1%}")
    return best, accuracy


if __name__ == "__main__":
    main()
    dashboard_callbacks()
    loss_axis_and_player()
    xor_sweep()
    digits_minibatches()
