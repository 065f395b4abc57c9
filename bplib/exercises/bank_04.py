"""Notebook 04's exercises (training):
what each asks, its expected value (computed from bplib,
never typed in), the precision it needs, its typical mistakes and their hints."""

from functools import cache

import numpy as np

from ..example import ETAS, TARGETS
from ..training import train_many
from .common import example_with, trained
from .engine import Exercise, Mistake

# variants that no notebook and no README prints: the first E below 0.005 (the notebooks print it for 0.001),
# and the smallest η of the slider that brings E below 0.0001 within 1,000 iterations (Step 5's table is at
# 10,000)
FIRST_GOAL = 5e-3
ETA_GOAL, ETA_STEPS = 1e-4, 1000


@cache
def _slider_runs(steps=ETA_STEPS):
    net, x, t = example_with()
    return ETAS, train_many(net, x, t, etas=ETAS, steps=steps)


def _smallest_eta(steps=ETA_STEPS, goal=ETA_GOAL):
    etas, runs = _slider_runs(steps)
    return min(e for k, e in enumerate(etas) if runs.loss[k, -1] < goal)


def _first_below(goal=FIRST_GOAL, shift=0):
    return int(np.argmax(trained(0.5).loss < goal)) + shift


def _delta_stuck(output=0, factor="both", sign=1):
    o = trained(200.0).outputs[-1][output]
    t = TARGETS[output]
    parts = {"both": (o - t) * o * (1 - o), "sigma_prime": o * (1 - o), "error": o - t,
             "printed": (o - t) * float(f"{o * (1 - o):.0e}")}     # with σ′ as Step 6 prints it, one digit
    return sign * parts[factor]


EXERCISES = {
    "04.first_below": Exercise(
        "number", _first_below, digits=0,
        sign_hint="An iteration number counts from 0 up: it is never negative.",
        nudge="hist.loss holds E after 0, 1, 2, … updates: which is the first entry below 0.005?",
        hint="The first index s with hist.loss[s] < 0.005 (np.argmax of a boolean array finds the first True).",
        mistakes=(
            Mistake(lambda: _first_below(shift=1), "Off by one: hist.loss[0] is before any update, so "
                    "hist.loss[s] is E after s updates."),
            Mistake(lambda: _first_below(shift=-1), "Off by one: that is the last iteration with E still at or "
                    "above 0.005."),
            Mistake(lambda: _first_below(goal=1e-3), "That is for E below 0.001; this asks for 0.005."),
        )),
    "04.smallest_eta": Exercise(
        "number", _smallest_eta, digits=3,
        nudge="Train every η of the slider for 1,000 iterations and print each final E with enough digits.",
        hint="Compare each E after 1,000 iterations with 0.0001; of the η that get below it, take the smallest.",
        mistakes=(
            Mistake(lambda: _smallest_eta(steps=10_000), "That is the answer for 10,000 iterations; this asks "
                    "for 1,000."),
            Mistake(lambda: _smallest_eta(goal=1e-3), "That η gets below 0.001; this asks for 0.0001."),
            Mistake(lambda: 10.0, "η = 10 gets there, but so does a smaller η."),
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
            Mistake(lambda: _delta_stuck(factor="printed"), "You used σ′ as Step 6 prints it, rounded to one "
                    "digit; compute out_o1(1 − out_o1) from run200's outputs at full precision."),
        )),
}
