"""Notebook 04's exercises (training):
what each asks, its expected value (computed from bplib,
never typed in), the precision it needs, its typical mistakes and their hints."""

from functools import cache

import numpy as np

from ..example import ETAS, TARGETS
from ..training import train_many
from .common import example_with, trained
from .engine import Exercise, Mistake

E_GOAL = 1e-3


@cache
def _slider_runs():
    net, x, t = example_with()
    return ETAS, train_many(net, x, t, etas=ETAS, steps=10_000)


def _smallest_eta():
    etas, runs = _slider_runs()
    return min(e for k, e in enumerate(etas) if runs.loss[k, -1] < E_GOAL)


def _delta_stuck(output=0, factor="both", sign=1):
    o = trained(200.0).outputs[-1][output]
    t = TARGETS[output]
    parts = {"both": (o - t) * o * (1 - o), "sigma_prime": o * (1 - o), "error": o - t}
    return sign * parts[factor]


EXERCISES = {
    "04.first_below": Exercise(
        "number", lambda: int(np.argmax(trained(0.5).loss < E_GOAL)), digits=0,
        nudge="hist.loss holds E after 0, 1, 2, … updates: which is the first entry below 0.001?",
        hint="The first index s with hist.loss[s] < 0.001 (np.argmax of a boolean array finds the first True).",
        mistakes=(
            Mistake(lambda: int(np.argmax(trained(0.5).loss < E_GOAL)) + 1, "Off by one: hist.loss[0] is before "
                    "any update, so hist.loss[s] is E after s updates."),
            Mistake(lambda: int(np.argmax(trained(0.5).loss < E_GOAL)) - 1, "Off by one: that is the last "
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
}
