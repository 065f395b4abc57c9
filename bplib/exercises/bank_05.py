"""Notebook 05's exercises (loss and output):
what each asks, its expected value (computed from bplib,
never typed in), the precision it needs, its typical mistakes and their hints."""

import numpy as np

from ..example import TARGETS
from .common import forward_with
from .engine import Exercise, Mistake

ENTROPY_TARGETS = (0.2, 0.7)
T2_CE = 0.8                 # Exercise 1: a variant target (out_o2 − 0.99 is printed in notebook 3)
M_SAMPLES, ETA_MEAN = 8, 0.4


def _delta_o2_ce(factor=True, sign=1, t2=T2_CE):
    out_o2 = forward_with().a[1][1]
    error = out_o2 - t2
    return sign * (error if factor else error * out_o2 * (1 - out_o2))


def _min_cross_entropy(both_terms=True, log=np.log, sign=-1, targets=ENTROPY_TARGETS):
    t = np.array(targets)
    terms = t * log(t) + ((1 - t) * log(1 - t) if both_terms else 0)
    return float(sign * np.sum(terms))


EXERCISES = {
    "05.delta_o2_ce": Exercise(
        "number", _delta_o2_ce, digits=6,
        nudge="With cross-entropy and a sigmoid output, what is left of δ_o once the factors cancel?",
        hint="δ_o = out_o − t for this pair; out_o2 is in notebook 1's forward pass, and t2 = 0.8 here.",
        mistakes=(
            Mistake(lambda: _delta_o2_ce(factor=False), "That is the δ of ½Σ(t − o)², with the factor σ′ = "
                    "out(1 − out). With cross-entropy that factor cancels."),
            Mistake(lambda: _delta_o2_ce(sign=-1), "Sign: δ = out − t, and out_o2 is below its target."),
            Mistake(lambda: _delta_o2_ce(t2=TARGETS[1]), "That is for the example's t2 = 0.99; here t2 = 0.8."),
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
            Mistake(lambda: _min_cross_entropy(targets=TARGETS), "That is the floor for the example's targets "
                    "0.01 and 0.99 (Step 4); this exercise has targets 0.2 and 0.7."),
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
}
