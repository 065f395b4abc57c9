"""Notebook 01's exercises (the forward pass):
what each asks, its expected value (computed from bplib,
never typed in), the precision it needs, its typical mistakes and their hints."""

import numpy as np

from ..example import INPUTS, TARGETS
from .common import b1, b2, forward_with, half_sse, sigma, w
from .engine import Exercise, Mistake

NEW_INPUTS = (0.20, 0.30)
T2_NEW = 0.90
ERRORS_FOUR = np.array([0.1, 0.2, -0.1, 0.3])


def _net_h2(inputs, weights=("w3", "w4"), bias=b1):
    return w[weights[0]] * inputs[0] + w[weights[1]] * inputs[1] + bias


def _e_total_t2(targets=(TARGETS[0], T2_NEW), use_nets=False, half=True):
    tr = forward_with()
    o = tr.z[1] if use_nets else tr.a[1]
    return (1 if half else 2) * half_sse(o, targets)


EXERCISES = {
    "01.net_h2": Exercise(
        "number", lambda: _net_h2(NEW_INPUTS), digits=6,
        sign_hint="Every weight, input and bias in net_h2 is positive, so net_h2 is too.",
        nudge="Which two weights go INTO h2? Look at the diagram: they start at i1 and i2 and end at h2.",
        hint="net_h2 is a weighted sum of the two inputs plus the hidden layer's bias, with the new inputs.",
        mistakes=(
            Mistake(lambda: _net_h2(NEW_INPUTS, ("w1", "w2")), "Those are the weights into h1 (w1, w2); "
                    "h2 receives w3 and w4."),
            Mistake(lambda: _net_h2(NEW_INPUTS, bias=0.0), "You left out the bias b1 = 0.35."),
            Mistake(lambda: _net_h2(NEW_INPUTS, bias=b2), "b2 = 0.60 is the output layer's bias; the hidden "
                    "layer's is b1."),
            Mistake(lambda: sigma(_net_h2(NEW_INPUTS)), "That is out_h2 = σ(net_h2): the question asks for "
                    "net, the value before σ."),
            Mistake(lambda: _net_h2(INPUTS), "That is net_h2 for the original inputs; use i1 = 0.20, i2 = 0.30."),
        )),
    "01.E_total": Exercise(
        "number", _e_total_t2, digits=6,
        sign_hint="E is a sum of squares: it is never negative.",
        nudge="Which of E_o1, E_o2 changes when only t2 changes, and which stays as it was?",
        hint="E_total = E_o1 + E_o2; E_o1 is unchanged, E_o2 = ½(t2 − out_o2)² with the new t2 and the same out_o2.",
        mistakes=(
            Mistake(lambda: _e_total_t2(half=False), "You forgot the ½: E = ½Σ(t − o)²."),
            Mistake(lambda: 0.5 * (T2_NEW - forward_with().a[1][1]) ** 2, "That is E_o2 alone; add E_o1."),
            Mistake(lambda: _e_total_t2(targets=TARGETS), "That is E_total for the original t2 = 0.99."),
            Mistake(lambda: _e_total_t2(use_nets=True), "You used the nets of o1, o2; E compares the outs "
                    "(after σ) with the targets."),
        )),
    "01.E_four": Exercise(
        "number", lambda: 0.5 * np.sum(ERRORS_FOUR ** 2), digits=6,
        sign_hint="E is a sum of squares: it is never negative.",
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
        sign_hint="The MSE is a mean of squares: it is never negative.",
        nudge="The MSE is a mean: over how many outputs?",
        hint="MSE = (1/n)Σ(t − o)² with n = 4 outputs.",
        mistakes=(
            Mistake(lambda: 0.5 * np.sum(ERRORS_FOUR ** 2), "That is ½Σ(t − o)² = E. The MSE divides by n = 4, "
                    "not by 2 (they agree only for two outputs)."),
            Mistake(lambda: np.mean(ERRORS_FOUR), "Square the errors before averaging them."),
            Mistake(lambda: np.sum(ERRORS_FOUR ** 2), "That is the sum; the MSE is its mean."),
        )),
}


