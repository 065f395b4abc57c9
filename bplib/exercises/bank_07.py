"""Notebook 07's exercises (training in practice):
what each asks, its expected value (computed from bplib,
never typed in), the precision it needs, its typical mistakes and their hints."""

import numpy as np

from ..training import train
from .common import example_with
from .engine import Exercise, Mistake

EPOCH_SAMPLES, EPOCH_COUNT = 12, 50
RULE_N, RULE_M, RULE_A = 4, 2, 3


def _momentum_w5(beta=0.9, steps=2):
    net, x, t = example_with()
    return train(net, x, t, eta=0.5, steps=steps, optimiser="momentum", beta=beta).named(steps)["w5"]


EXERCISES = {
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
}
