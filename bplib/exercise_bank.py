"""The exercises of the notebooks: what each asks, its expected value (computed from bplib,
never typed in), the precision it needs, its typical mistakes and their hints.

Conventions (every notebook, every future exercise):
- ask for a quantity the notebook does not print above the exercise, or a variant of one
  (another input, target, weight or η); a test enforces it;
- ``nudge`` is the first wrong answer's hint (where to look, not the formula); ``hint`` the
  later ones' (more specific, still not the answer); each ``Mistake`` names one slip;
- the exercise text states ``Exercise.precision()`` ("6 significant digits", …).

Ids are "NN.name" (NN = the notebook); the hints are English strings, one place to translate.
"""

from functools import cache

import numpy as np

from .example import INPUTS, TARGETS, WEIGHTS, mazur
from .exercises import Exercise, Mistake
from .train import train, train_many


def _net(inputs=INPUTS, targets=TARGETS):
    """The worked example, with other inputs or targets if asked (weights and biases as ever)."""
    net, _, _ = mazur()
    return net, np.array(inputs, float), np.array(targets, float)


def _forward(**variant):
    net, x, _ = _net(**variant)
    return net.forward(x)


def _gradients(**variant):
    net, x, t = _net(**variant)
    return net.gradients(x, t)


def _sigma(v):
    return 1 / (1 + np.exp(-v))


def _half_sse(outs, targets):
    return 0.5 * sum((t - o) ** 2 for o, t in zip(outs, targets))


@cache
def _run(eta, steps=10_000, **options):
    net, x, t = _net()
    return train(net, x, t, eta=eta, steps=steps, **options)


# --- 01 · the forward pass -------------------------------------------------------------------
NEW_INPUTS = (0.20, 0.30)
T2_NEW = 0.90
ERRORS_FOUR = np.array([0.1, 0.2, -0.1, 0.3])
w = dict(zip([f"w{k}" for k in range(1, 9)], WEIGHTS))
b1, b2 = 0.35, 0.60


def _net_h2(inputs, weights=("w3", "w4"), bias=b1):
    return w[weights[0]] * inputs[0] + w[weights[1]] * inputs[1] + bias


def _e_total_t2(targets=(TARGETS[0], T2_NEW), use_nets=False, half=True):
    tr = _forward()
    o = tr.z[1] if use_nets else tr.a[1]
    return (1 if half else 2) * _half_sse(o, targets)


EXERCISES = {
    "01.net_h2": Exercise(
        "number", lambda: _net_h2(NEW_INPUTS), digits=6,
        nudge="Which two weights go INTO h2? Look at the diagram: they start at i1 and i2 and end at h2.",
        hint="net_h2 is a weighted sum of the two inputs plus the hidden layer's bias, with the new inputs.",
        mistakes=(
            Mistake(lambda: _net_h2(NEW_INPUTS, ("w1", "w2")), "Those are the weights into h1 (w1, w2); "
                    "h2 receives w3 and w4."),
            Mistake(lambda: _net_h2(NEW_INPUTS, bias=0.0), "You left out the bias b1 = 0.35."),
            Mistake(lambda: _net_h2(NEW_INPUTS, bias=b2), "b2 = 0.60 is the output layer's bias; the hidden "
                    "layer's is b1."),
            Mistake(lambda: _sigma(_net_h2(NEW_INPUTS)), "That is out_h2 = σ(net_h2): the question asks for "
                    "net, the value before σ."),
            Mistake(lambda: _net_h2(INPUTS), "That is net_h2 for the original inputs; use i1 = 0.20, i2 = 0.30."),
        )),
    "01.E_total": Exercise(
        "number", _e_total_t2, digits=6,
        nudge="Which of E_o1, E_o2 changes when only t2 changes, and which stays as it was?",
        hint="E_total = E_o1 + E_o2; E_o1 is unchanged, E_o2 = ½(t2 − out_o2)² with the new t2 and the same out_o2.",
        mistakes=(
            Mistake(lambda: _e_total_t2(half=False), "You forgot the ½: E = ½Σ(t − o)²."),
            Mistake(lambda: 0.5 * (T2_NEW - _forward().a[1][1]) ** 2, "That is E_o2 alone; add E_o1."),
            Mistake(lambda: _e_total_t2(targets=TARGETS), "That is E_total for the original t2 = 0.99."),
            Mistake(lambda: _e_total_t2(use_nets=True), "You used the nets of o1, o2; E compares the outs "
                    "(after σ) with the targets."),
        )),
    "01.E_four": Exercise(
        "number", lambda: 0.5 * np.sum(ERRORS_FOUR ** 2), digits=6,
        nudge="Square each of the four errors first; what do you do with the sum?",
        hint="E = ½Σ(t − o)²: square, add, halve.",
        mistakes=(
            Mistake(lambda: np.sum(ERRORS_FOUR ** 2), "You forgot the ½."),
            Mistake(lambda: 0.5 * np.sum(ERRORS_FOUR), "Square the errors before adding them (a negative "
                    "error must count as much as a positive one)."),
            Mistake(lambda: np.mean(ERRORS_FOUR ** 2), "That is the mean (÷4), the MSE; E halves the sum."),
        )),
    "01.mse_four": Exercise(
        "number", lambda: np.mean(ERRORS_FOUR ** 2), digits=6,
        nudge="The MSE is a mean: over how many outputs?",
        hint="MSE = (1/n)Σ(t − o)² with n = 4 outputs.",
        mistakes=(
            Mistake(lambda: 0.5 * np.sum(ERRORS_FOUR ** 2), "That is ½Σ(t − o)² = E. The MSE divides by n = 4, "
                    "not by 2 (they agree only for two outputs)."),
            Mistake(lambda: np.mean(ERRORS_FOUR), "Square the errors before averaging them."),
            Mistake(lambda: np.sum(ERRORS_FOUR ** 2), "That is the sum; the MSE is its mean."),
        )),
}


# --- 02 · the derivatives ----------------------------------------------------------------------
def _symbols(*names):
    import sympy as sp
    return [sp.Symbol(n) for n in names]


def _delta_no_half(factor=2, sign=1, with_sigma_prime=True):
    o1, t1 = _symbols("o1", "t1")
    value = factor * sign * (o1 - t1)
    return value * o1 * (1 - o1) if with_sigma_prime else value


def _sym(name):
    from . import symbolic
    return getattr(symbolic, name)


def _dE_dw6():
    import sympy as sp
    return sp.diff(_sym("E"), _sym("w6"))


def _chain(name):
    return _sym("CHAIN_RULE")[name]


T2_VARIANT = 0.5
ALL_SYMBOLS = ("i1", "i2", "t1", "t2", "b1", "b2", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8")


def _dE_dw7(targets=(TARGETS[0], T2_VARIANT), sender=0, sigma_prime=True):
    tr = _forward()
    out_o2, t2 = tr.a[1][1], targets[1]
    delta = (out_o2 - t2) * (out_o2 * (1 - out_o2) if sigma_prime else 1.0)
    return delta * tr.a[0][sender]


EXERCISES.update({
    "02.delta_no_half": Exercise(
        "expression", _delta_no_half, symbols=("o1", "t1"),
        nudge="δ_o1 = ∂E/∂out_o1 · ∂out_o1/∂net_o1: which of the two factors does the missing ½ change?",
        hint="Differentiate (t1 − o1)² with respect to o1 (with SymPy if you like), then multiply by σ′ "
             "written with o1.",
        mistakes=(
            Mistake(lambda: _delta_no_half(factor=1), "That is δ_o1 of the loss WITH the ½. Without it, the "
                    "derivative of (t1 − o1)² keeps a factor 2."),
            Mistake(lambda: _delta_no_half(with_sigma_prime=False), "That is ∂E/∂out_o1. δ is ∂E/∂net_o1: one "
                    "more factor, ∂out_o1/∂net_o1."),
            Mistake(lambda: _delta_no_half(factor=1, with_sigma_prime=False), "That is ∂E/∂out_o1 of the loss "
                    "with ½. Two things are missing: the factor from the square, and σ′."),
        )),
    "02.chain_w6": Exercise(
        "expression", _dE_dw6, symbols=ALL_SYMBOLS,
        aliases={"o1": lambda: _sym("out_o1"), "o2": lambda: _sym("out_o2"),
                 "h1": lambda: _sym("out_h1"), "h2": lambda: _sym("out_h2")},
        nudge="Find w6 in the diagram: which neuron sends along it, and which receives?",
        hint="∂E/∂w = δ of the receiving neuron × out of the sending neuron.",
        mistakes=(
            Mistake(lambda: _chain("w5"), "That is ∂E/∂w5 (from h1). w6 starts at h2."),
            Mistake(lambda: _chain("w8"), "That is ∂E/∂w8 (into o2). w6 ends at o1."),
            Mistake(lambda: _chain("w7"), "That is ∂E/∂w7: both ends are swapped. w6 goes from h2 to o1."),
            Mistake(lambda: (_sym("out_o1") - _sym("t1")) * _sym("out_h2"), "You left out σ′ = "
                    "out_o1(1 − out_o1): δ_o1 is ∂E/∂net_o1, not ∂E/∂out_o1."),
        )),
    "02.dE_dw7": Exercise(
        "number", _dE_dw7, digits=6,
        nudge="Which of the example's numbers change when only t2 changes?",
        hint="∂E/∂w7 = δ_o2 · out_h1, and δ_o2 contains (out_o2 − t2): recompute it with t2 = 0.5.",
        mistakes=(
            Mistake(lambda: _dE_dw7(targets=TARGETS), "That is ∂E/∂w7 for the original t2 = 0.99."),
            Mistake(lambda: _dE_dw7(sender=1), "You used out_h2; w7 comes from h1."),
            Mistake(lambda: _dE_dw7(sigma_prime=False), "You left out σ′ = out_o2(1 − out_o2)."),
        )),
})


# --- 03 · backpropagation with numbers ----------------------------------------------------------
T1_VARIANT = 0.5


def _delta_h2(targets=(T1_VARIANT, TARGETS[1]), weights=("w6", "w8"), sigma_prime=True, sign=1):
    tr = _forward()
    o, h = tr.a[1], tr.a[0]
    d_o = [(o[k] - targets[k]) * o[k] * (1 - o[k]) for k in range(2)]
    back = d_o[0] * w[weights[0]] + d_o[1] * w[weights[1]]
    return sign * back * (h[1] * (1 - h[1]) if sigma_prime else 1.0)


def _w6_new(eta=0.1, gradient="w6", sign=-1):
    return w["w6"] + sign * eta * _gradients().named()[gradient]


def _b1_new(eta=0.5, deltas=(0, 1), layer=0, sign=-1, scale=1.0):
    d = _gradients().deltas[layer]
    return b1 + sign * eta * scale * sum(d[j] for j in deltas)


EXERCISES.update({
    "03.delta_h2": Exercise(
        "number", _delta_h2, digits=6,
        nudge="Start at the output: which δ changes when t1 changes? Then follow it back to h2.",
        hint="δ_h2 = (δ_o1·w6 + δ_o2·w8) · out_h2(1 − out_h2), with δ_o1 recomputed for t1 = 0.5.",
        mistakes=(
            Mistake(lambda: _delta_h2(targets=TARGETS), "That is δ_h2 for the original t1 = 0.01."),
            Mistake(lambda: _delta_h2(sigma_prime=False), "You left out σ′ of h2 = out_h2(1 − out_h2)."),
            Mistake(lambda: _delta_h2(weights=("w5", "w7")), "w5 and w7 leave h1; from h2 the δ's come back "
                    "through w6 and w8."),
            Mistake(lambda: _delta_h2(sign=-1), "Sign: with δ = ∂E/∂net the output factor is (out − t), not "
                    "(t − out)."),
        )),
    "03.w6_new": Exercise(
        "number", _w6_new, digits=6,
        nudge="One update is w⁺ = w − η·∂E/∂w: which η does this exercise use?",
        hint="w6⁺ = w6 − η·δ_o1·out_h2 with η = 0.1.",
        mistakes=(
            Mistake(lambda: _w6_new(eta=0.5), "That is w6⁺ for η = 0.5; here η = 0.1."),
            Mistake(lambda: _w6_new(sign=+1), "Sign: gradient DEScent goes against the gradient, w − η·∂E/∂w."),
            Mistake(lambda: _w6_new(gradient="w5"), "You used ∂E/∂w5 (out_h1); w6 comes from h2."),
            Mistake(lambda: _w6_new(gradient="w8"), "You used ∂E/∂w8 (δ_o2); w6 goes into o1."),
        )),
    "03.b1_new": Exercise(
        "number", _b1_new, digits=6,
        nudge="b1 is shared: how many neurons does it feed, and what is ∂net/∂b1 for each?",
        hint="∂E/∂b1 = δ_h1 + δ_h2 (b1 enters net_h1 and net_h2 with factor 1); then b1⁺ = b1 − η·∂E/∂b1.",
        mistakes=(
            Mistake(lambda: _b1_new(deltas=(0,)), "b1 feeds h2 as well as h1: add both δ's."),
            Mistake(lambda: _b1_new(layer=1), "δ_o1 + δ_o2 is the gradient of b2 (output layer); b1 feeds "
                    "the hidden neurons."),
            Mistake(lambda: _b1_new(sign=+1), "Sign: b1⁺ = b1 − η·∂E/∂b1."),
            Mistake(lambda: _b1_new(eta=1.0), "You left out η = 0.5."),
            Mistake(lambda: _b1_new(scale=0.5), "Don't average the two δ's: the shared bias collects both, "
                    "each with factor 1."),
        )),
})


# --- 04 · training -------------------------------------------------------------------------------
E_GOAL = 1e-3


@cache
def _slider_runs():
    from .dashboard import ETAS  # here, so that notebooks 1-3 do not load ipywidgets
    net, x, t = _net()
    return ETAS, train_many(net, x, t, etas=ETAS, steps=10_000)


def _smallest_eta():
    etas, runs = _slider_runs()
    return min(e for k, e in enumerate(etas) if runs.loss[k, -1] < E_GOAL)


def _delta_stuck(output=0, factor="both", sign=1):
    o = _run(200.0).outputs[-1][output]
    t = TARGETS[output]
    parts = {"both": (o - t) * o * (1 - o), "sigma_prime": o * (1 - o), "error": o - t}
    return sign * parts[factor]


EXERCISES.update({
    "04.first_below": Exercise(
        "number", lambda: int(np.argmax(_run(0.5).loss < E_GOAL)), digits=0,
        nudge="hist.loss holds E after 0, 1, 2, … updates: which is the first entry below 0.001?",
        hint="The first index s with hist.loss[s] < 0.001 (np.argmax of a boolean array finds the first True).",
        mistakes=(
            Mistake(lambda: int(np.argmax(_run(0.5).loss < E_GOAL)) + 1, "Off by one: hist.loss[0] is before "
                    "any update, so hist.loss[s] is E after s updates."),
            Mistake(lambda: int(np.argmax(_run(0.5).loss < E_GOAL)) - 1, "Off by one: that is the last "
                    "iteration with E still at or above 0.001."),
        )),
    "04.smallest_eta": Exercise(
        "number", _smallest_eta, digits=3,
        nudge="Print E after 10,000 iterations for every η of the slider, with enough digits.",
        hint="Compare each final E with 0.001; of the η that get below it, take the smallest.",
        mistakes=(
            Mistake(lambda: 0.05, "Look again with more digits: for η = 0.05, E ends just above 0.001."),
            Mistake(lambda: 0.5, "η = 0.5 gets there, but so do some smaller η."),
            Mistake(lambda: 0.01, "η = 0.01 is far too slow: its E is still above 0.001 at the end."),
        )),
    "04.delta_stuck": Exercise(
        "number", _delta_stuck, digits=3,
        nudge="Which output is stuck at η = 200? δ = ∂E/∂net of that output neuron.",
        hint="δ_o1 = (out_o1 − t1)·out_o1(1 − out_o1), with out_o1 after 10,000 iterations of η = 200.",
        mistakes=(
            Mistake(lambda: _delta_stuck(factor="sigma_prime"), "That is σ′ alone; δ_o1 also has the factor "
                    "(out_o1 − t1)."),
            Mistake(lambda: _delta_stuck(factor="error"), "That is out_o1 − t1 alone; multiply by σ′ = "
                    "out_o1(1 − out_o1)."),
            Mistake(lambda: _delta_stuck(sign=-1), "Sign: (out_o1 − t1) is negative here, out_o1 is below t1."),
            Mistake(lambda: _delta_stuck(output=1), "That is δ_o2; the stuck output is o1."),
        )),
})


# --- 09 · debugging backpropagation: find the bug, fix the function ----------------------------
def _probes_hidden_delta():
    rng = np.random.default_rng(9)
    shapes = [("the worked example's shape (2 hidden, 2 outputs)", 2, 2),
              ("a network with 3 hidden neurons and 2 outputs", 3, 2),
              ("a network with 4 hidden neurons and 1 output", 4, 1)]
    return [(where, (rng.normal(size=(n_out, n_hidden)), rng.normal(size=n_out), rng.uniform(0.1, 0.9, n_hidden)))
            for where, n_hidden, n_out in shapes]


def _probes_update():
    rng = np.random.default_rng(10)
    return [(f"a {r}×{c} weight matrix with η = {eta}", (rng.normal(size=(r, c)), rng.normal(size=(r, c)), eta))
            for r, c, eta in [(2, 2, 0.5), (3, 2, 0.1), (1, 4, 2.0)]]


def _probes_bias():
    rng = np.random.default_rng(11)
    return [(f"a layer of {n} neurons", (rng.normal(size=n),)) for n in (2, 3, 5)]


EXERCISES.update({
    "09.hidden_delta": Exercise(
        "function", lambda: lambda W2, delta2, h: (W2.T @ delta2) * h * (1 - h), probes=_probes_hidden_delta,
        nudge="Which way must the δ's travel: from the outputs back to the hidden neurons. Compare the "
              "shapes: W2 has one row per output.",
        hint="Each hidden neuron collects δ_o · w over the weights it feeds: that is the transpose, W2ᵀ δ2, "
             "then ⊙ σ′ = h(1 − h).",
        mistakes=(
            Mistake(lambda: lambda W2, delta2, h: (W2 @ delta2) * h * (1 - h), "That is still the buggy "
                    "version: W2 @ δ2 sends the δ's forward along W2, not back."),
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
                    "climbs up the loss (gradient ascent)."),
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
                    "by the number of neurons; the chain rule adds the paths."),
            Mistake(lambda: lambda delta: delta, "That is one gradient per neuron: right for one bias per "
                    "neuron, but this bias is shared by the whole layer (one number)."),
            Mistake(lambda: lambda delta: delta[0], "The bias feeds every neuron of the layer, not only the first."),
        )),
})


# --- 05 · loss and output -----------------------------------------------------------------------
ENTROPY_TARGETS = (0.2, 0.7)
M_SAMPLES, ETA_MEAN = 8, 0.4


def _delta_o2_ce(factor=True, sign=1):
    out_o2 = _forward().a[1][1]
    error = out_o2 - TARGETS[1]
    return sign * (error if factor else error * out_o2 * (1 - out_o2))


def _min_cross_entropy(both_terms=True, log=np.log, sign=-1):
    t = np.array(ENTROPY_TARGETS)
    terms = t * log(t) + ((1 - t) * log(1 - t) if both_terms else 0)
    return float(sign * np.sum(terms))


EXERCISES.update({
    "05.delta_o2_ce": Exercise(
        "number", _delta_o2_ce, digits=6,
        nudge="With cross-entropy and a sigmoid output, what is left of δ_o once the factors cancel?",
        hint="δ_o = out_o − t for this pair; out_o2 is in notebook 1's forward pass, t2 = 0.99.",
        mistakes=(
            Mistake(lambda: _delta_o2_ce(factor=False), "That is the δ of ½Σ(t − o)², with the factor σ′ = "
                    "out(1 − out). With cross-entropy that factor cancels."),
            Mistake(lambda: _delta_o2_ce(sign=-1), "Sign: δ = out − t, and out_o2 is below its target."),
        )),
    "05.min_cross_entropy": Exercise(
        "number", _min_cross_entropy, digits=6,
        nudge="The smallest cross-entropy is reached where out = t: put the targets in for the outputs.",
        hint="−Σ [t ln t + (1 − t) ln(1 − t)] over the two outputs, with natural logarithms.",
        mistakes=(
            Mistake(lambda: _min_cross_entropy(both_terms=False), "Each output has two terms: t ln o and "
                    "(1 − t) ln(1 − o)."),
            Mistake(lambda: _min_cross_entropy(log=np.log10), "Natural logarithm (ln, np.log), not log10."),
            Mistake(lambda: _min_cross_entropy(log=np.log2), "Natural logarithm (ln, np.log), not log2."),
            Mistake(lambda: _min_cross_entropy(sign=1), "Sign: ln of a number below 1 is negative; the "
                    "cross-entropy has a minus in front, so it is positive."),
        )),
    "05.eta_sum": Exercise(
        "number", lambda: ETA_MEAN / M_SAMPLES, digits=6,
        nudge="Compare the gradient of the sum with the gradient of the mean over the same m samples.",
        hint="The gradient of the sum is m times the gradient of the mean; the step is η × gradient.",
        mistakes=(
            Mistake(lambda: ETA_MEAN * M_SAMPLES, "The other way round: the summed loss already has the larger "
                    "gradient, so it needs the smaller η."),
            Mistake(lambda: ETA_MEAN, "The same η would take steps m times as large with the summed loss."),
        )),
})


# --- 06 · activations, biases, initialisation -------------------------------------------------------
def _tanh_prime_h1(form="right"):
    net_h1 = _forward().z[0][0]
    out = np.tanh(net_h1)
    return {"right": 1 - out**2, "no_square": 1 - out, "sigmoid": _sigma(net_h1) * (1 - _sigma(net_h1)),
            "sigmoid_form": out * (1 - out)}[form]


def _shared_b2_gradient(which="both", sigma_prime=True):
    net, x, t = _net()
    tr = net.forward(x)
    o = tr.a[1]
    delta = (o - t) * (o * (1 - o) if sigma_prime else 1)
    return float({"both": delta.sum(), "first": delta[0]}[which])


def _linear_entry(order="W2W1"):
    net, _, _ = _net()
    W1, W2 = net.weights
    if order == "rows":
        return float(W2[0] @ W1[0])
    if order == "corners":
        return float(W2[0, 0] * W1[0, 0])
    return float((W2 @ W1 if order == "W2W1" else W1 @ W2)[0, 0])


EXERCISES.update({
    "06.tanh_prime": Exercise(
        "number", _tanh_prime_h1, digits=6,
        nudge="If h1 used tanh instead of σ, with the same net_h1 = 0.3775: what is its derivative there?",
        hint="tanh′(net) = 1 − tanh(net)², written with out = tanh(net) as 1 − out².",
        mistakes=(
            Mistake(lambda: _tanh_prime_h1("no_square"), "Square the out: tanh′ = 1 − out²."),
            Mistake(lambda: _tanh_prime_h1("sigmoid"), "That is σ′ at net_h1; the question asks for tanh′."),
            Mistake(lambda: _tanh_prime_h1("sigmoid_form"), "out(1 − out) is σ′'s form; tanh′ = 1 − out²."),
        )),
    "06.shared_b2": Exercise(
        "number", _shared_b2_gradient, digits=6,
        nudge="b2 is one number shared by o1 and o2: it reaches E along two paths.",
        hint="∂E/∂b2 = δ_o1·1 + δ_o2·1, with the δ's of ½Σ(t − o)² at the example.",
        mistakes=(
            Mistake(lambda: _shared_b2_gradient("first"), "That is δ_o1 alone; b2 also feeds o2."),
            Mistake(lambda: _shared_b2_gradient(sigma_prime=False), "You added out − t; each δ also has "
                    "the factor σ′ = out(1 − out)."),
        )),
    "06.linear_map": Exercise(
        "number", _linear_entry, digits=6,
        nudge="With linear activations the two layers collapse into one matrix: which product, in which order?",
        hint="out = W²(W¹x + b1) + b2, so the matrix is W²W¹; its top-left entry is w5·w1 + w6·w3.",
        mistakes=(
            Mistake(lambda: _linear_entry("W1W2"), "Order: the input meets W¹ first, so the product is W²W¹, "
                    "not W¹W²."),
            Mistake(lambda: _linear_entry("rows"), "Row of W² times COLUMN of W¹: w5·w1 + w6·w3 (w3 is the "
                    "weight from i1 into h2)."),
            Mistake(lambda: _linear_entry("corners"), "An entry of a matrix product is a sum over the middle "
                    "index (the hidden neurons): two products, not one."),
        )),
})


# --- 07 · training in practice --------------------------------------------------------------------
EPOCH_SAMPLES, EPOCH_COUNT = 12, 50
RULE_N, RULE_M, RULE_A = 4, 2, 3


def _momentum_w5(beta=0.9, steps=2):
    net, x, t = _net()
    return train(net, x, t, eta=0.5, steps=steps, optimiser="momentum", beta=beta).named(steps)["w5"]


EXERCISES.update({
    "07.online_updates": Exercise(
        "number", lambda: EPOCH_SAMPLES * EPOCH_COUNT, digits=0,
        nudge="How many updates does one epoch of online learning make?",
        hint="Online learning updates after every sample; an epoch passes every sample once.",
        mistakes=(
            Mistake(lambda: EPOCH_COUNT, "That is the number of updates in batch mode (one per epoch)."),
            Mistake(lambda: EPOCH_SAMPLES, "That is one epoch's updates; there are 50 epochs."),
            Mistake(lambda: EPOCH_SAMPLES + EPOCH_COUNT, "Multiply: every epoch makes one update per sample."),
        )),
    "07.momentum_w5": Exercise(
        "number", _momentum_w5, digits=6,
        nudge="Two updates: the first is plain gradient descent (v starts at 0); the second adds β·v.",
        hint="v1 = g1, w5 ← w5 − η·v1; then g2 at the new weights, v2 = β·v1 + g2, w5 ← w5 − η·v2.",
        mistakes=(
            Mistake(lambda: _momentum_w5(beta=0.0), "That is two steps of plain gradient descent: the second "
                    "momentum step also carries β·v1."),
            Mistake(lambda: _momentum_w5(steps=1), "That is after one update; the question asks for two."),
            Mistake(lambda: _momentum_w5(beta=1.0 - 1e-12), "β = 0.9, not 1: v2 = 0.9·v1 + g2."),
        )),
    "07.rule_of_thumb": Exercise(
        "number", lambda: float(np.sqrt(RULE_N + RULE_M) + RULE_A), digits=6,
        nudge="n is the number of inputs, m of outputs, a the constant.",
        hint="√(n + m) + a: the square root covers n + m only.",
        mistakes=(
            Mistake(lambda: float(np.sqrt(RULE_N * RULE_M) + RULE_A), "√(n + m), a sum under the root, not "
                    "a product."),
            Mistake(lambda: float(np.sqrt(RULE_N + RULE_M + RULE_A)), "a is added after the square root."),
            Mistake(lambda: float(np.sqrt(RULE_N) + RULE_M + RULE_A), "Both n and m go under the root."),
        )),
})
