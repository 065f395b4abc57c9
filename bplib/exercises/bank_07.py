"""Notebook 07's exercises (training in practice): choosing how to take steps, reading a loss curve,
choosing and using a stopping rule, and one momentum step. What each asks, its expected answer (computed
from bplib where it is a figure), its typical mistakes and their hints."""

from functools import cache

from ..data import noisy_xor, solved, xor
from ..network import random_start
from ..training import recent_trend, train
from .common import example_with
from .engine import Exercise, Mistake

# Exercise 2: three XOR runs of CURVE_EPOCHS epochs, drawn as curves A, B and C (η and start of each)
CURVE_EPOCHS = 1200
CURVE_RUNS = {"A": dict(hidden=3, seed=5, eta=0.3), "B": dict(hidden=3, seed=5, eta=50.0),
              "C": dict(hidden=2, seed=2007, eta=2.0)}
# Exercise 4: early stopping for this many hidden neurons (notebook 7, Step 5 shows 32)
EARLY_HIDDEN, EARLY_PATIENCE, EARLY_ETA, EARLY_EPOCHS = 8, 6, 0.1, 8000
STEP5_SEED = 30              # Step 5's 2-32-1 network: random_start(32, seed=30)


@cache
def curve_runs():
    """The runs behind Exercise 2's curves: {letter: History}, XOR in batch mode, biases learned."""
    X, T = xor()
    return {letter: train(random_start([2, run["hidden"], 1], seed=run["seed"]), X, T, eta=run["eta"],
                          steps=CURVE_EPOCHS, learn_biases=True) for letter, run in CURVE_RUNS.items()}


def verdict_of(hist):
    """Stuck, slow or diverging, read off the curve as the lesson (and the XOR playground) reads it, by
    ``recent_trend`` over the last 300 epochs: E went up: diverging; E flat while XOR is unsolved: stuck;
    still falling: slow."""
    trend, _ = recent_trend(hist.loss)
    if trend in ("diverged", "rising"):
        return "diverging"
    if trend == "flat" and not solved(hist.outputs[-1]):
        return "stuck"
    return "slow"


def _curve_order(order=("stuck", "slow", "diverging")):
    """The letters of the stuck, the slow and the diverging curve, in that order (e.g. "cab")."""
    verdicts = {verdict_of(h): letter.lower() for letter, h in curve_runs().items()}
    return "".join(verdicts[v] for v in order)


def _swapped(i, j):
    letters = list(_curve_order())
    letters[i], letters[j] = letters[j], letters[i]
    return "".join(letters)


@cache
def early_stopping_run(hidden=EARLY_HIDDEN, patience=EARLY_PATIENCE, seed=None):
    """Notebook 7's noisy XOR (20 training points, 200 validation points), 2-hidden-1 from random_start (seed:
    ``hidden`` unless given), η = 0.1, with early stopping."""
    X_train, T_train = noisy_xor(5, 0.4, seed=4)
    X_val, T_val = noisy_xor(50, 0.4, seed=5)
    start = random_start([2, hidden, 1], seed=hidden if seed is None else seed)
    # the first 1,200 epochs of the 8,000 are the same run: if the rule fires within them, that is the answer
    # (quick enough for a check to answer within a second); otherwise the whole run
    for steps in (min(1200, EARLY_EPOCHS), EARLY_EPOCHS):
        run = train(start, X_train, T_train, eta=EARLY_ETA, steps=steps, learn_biases=True,
                    validation=(X_val, T_val), patience=patience)
        if run.stopped_at < steps:
            return run
    return run


def _momentum_w5(beta=0.9, steps=2):
    net, x, t = example_with()
    return train(net, x, t, eta=0.5, steps=steps, optimiser="momentum", beta=beta).named(steps)["w5"]


def _momentum_w5_same_gradient(beta=0.9, eta=0.5):
    """The slip: the second step reuses the first gradient instead of computing it at the new weights."""
    net, x, t = example_with()
    g1 = net.gradients(x, t).named()["w5"]
    v1 = g1
    v2 = beta * v1 + g1
    return net.named()["w5"] - eta * v1 - eta * v2


EXERCISES = {
    "07.which_mode": Exercise(
        "choice", lambda: "online, shuffled", choices=("batch", "online", "online, shuffled"),
        nudge="The case asks for one update per image; and think about what the network sees first.",
        hint="Online makes one update per sample; in the stored order the network sees 5,000 cats in a row.",
        mistakes=(
            Mistake(lambda: "batch", "Batch makes one update per pass over all 10,000 images, not one per image."),
            Mistake(lambda: "online", "In the stored order the network sees 5,000 cats in a row: every update "
                    "pulls it towards \"cat\", and by the dogs it has forgotten the rest. A new random order "
                    "every epoch mixes them."),
        )),
    "07.curves": Exercise(
        "choice", _curve_order, choices=("abc", "acb", "bac", "bca", "cab", "cba"), form="three letters",
        nudge="Look at where each curve ends compared with where it starts, and at its last few hundred epochs.",
        hint="Diverging: E goes up. Stuck: E fell, then went flat while XOR is not solved. Slow: E still falls.",
        mistakes=(
            Mistake(lambda: _swapped(0, 1), "You swapped stuck and slow: a slow curve is still going down at "
                    "the end; a stuck one is flat, with the problem unsolved."),
            Mistake(lambda: _swapped(1, 2), "You swapped slow and diverging: a diverging curve ends above where "
                    "it started; a slow one is below its start and still falling."),
            Mistake(lambda: _swapped(0, 2), "You swapped stuck and diverging: which curve went up first?"),
        )),
    "07.stopping_rule": Exercise(
        "choice", lambda: "early stopping", choices=("maximum", "target error", "early stopping"),
        nudge="Which error tells you how the network does on new points: the training error or another one?",
        hint="Step 5: the training error keeps falling while the error on new points falls, then rises.",
        mistakes=(
            Mistake(lambda: "target error", "A target on the training error: a large network reaches almost "
                    "any target by fitting the noise of its 20 points, and Step 5 shows the error on new points "
                    "rising meanwhile."),
            Mistake(lambda: "maximum", "A maximum alone does not look at the data: too small and the network "
                    "is unfinished, too large and it has fitted the noise. Which rule watches new points?"),
        )),
    "07.early_epoch": Exercise(
        "number", lambda: early_stopping_run().stopped_at, digits=0,
        nudge="Train with validation=(X_val, T_val) and patience=6, then read hist.stopped_at.",
        hint="Step 5's cell trains with early stopping the same way; change the network to random_start(8, "
             "seed=8) and read the run's stopped_at.",
        mistakes=(
            Mistake(lambda: early_stopping_run().stopped_at + 1, "Off by one: stopped_at is the last update "
                    "done; read it as it is."),
            Mistake(lambda: early_stopping_run().stopped_at - 1, "Off by one: stopped_at is the last update "
                    "done; read it as it is."),
            Mistake(lambda: early_stopping_run(hidden=32, seed=STEP5_SEED).best_at, "That is the epoch of the "
                    "lowest validation error of Step 5's 2-32-1 network; this exercise has 8 hidden neurons, "
                    "and asks where the rule fires."),
            Mistake(lambda: early_stopping_run().best_at, "That is the epoch of the weights it keeps (the lowest "
                    "validation error); the rule fires when the error has risen 6 times after it."),
            Mistake(lambda: early_stopping_run(hidden=32, seed=STEP5_SEED).stopped_at,
                    "That is Step 5's 2-32-1 network; this exercise has 8 hidden neurons."),
            Mistake(lambda: early_stopping_run(patience=1).stopped_at, "That is patience 1: the first rise "
                    "stops it. With patience=6 it waits for six rises in a row."),
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
            Mistake(_momentum_w5_same_gradient, "The second gradient g2 is computed anew, at the weights after "
                    "the first update (all eight changed), not reused from the first step."),
        )),
}
