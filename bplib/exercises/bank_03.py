"""Notebook 03's exercises (backpropagation with numbers):
what each asks, its expected value (computed from bplib,
never typed in), the precision it needs, its typical mistakes and their hints."""


from ..example import TARGETS
from .common import b1, forward_with, gradients_with, w
from .engine import Exercise, Mistake

T1_VARIANT = 0.5


def _delta_h2(targets=(T1_VARIANT, TARGETS[1]), weights=("w6", "w8"), sigma_prime=True, sign=1, slope_of=1,
              output_slope=True):
    tr = forward_with()
    o, h = tr.a[1], tr.a[0]
    d_o = [(o[k] - targets[k]) * (o[k] * (1 - o[k]) if output_slope else 1.0) for k in range(2)]
    back = d_o[0] * w[weights[0]] + d_o[1] * w[weights[1]]
    return sign * back * (h[slope_of] * (1 - h[slope_of]) if sigma_prime else 1.0)


def _w6_new(eta=0.1, gradient="w6", sign=-1):
    return w["w6"] + sign * eta * gradients_with().named()[gradient]


def _b1_new(eta=0.5, deltas=(0, 1), layer=0, sign=-1, scale=1.0):
    d = gradients_with().deltas[layer]
    return b1 + sign * eta * scale * sum(d[j] for j in deltas)


EXERCISES = {
    "03.delta_h2": Exercise(
        "number", _delta_h2, digits=6,
        nudge="Start at the output: which δ changes when t1 changes? Then follow it back to h2.",
        hint="δ_h2 = (δ_o1·w6 + δ_o2·w8) · out_h2(1 − out_h2), with δ_o1 recomputed for t1 = 0.5.",
        mistakes=(
            Mistake(lambda: _delta_h2(targets=TARGETS), "That is δ_h2 for the original t1 = 0.01."),
            Mistake(lambda: _delta_h2(sigma_prime=False), "You left out σ′ of h2 = out_h2(1 − out_h2)."),
            Mistake(lambda: _delta_h2(slope_of=0), "That σ′ is h1's: δ_h2 takes the slope of h2 itself, "
                    "out_h2(1 − out_h2)."),
            Mistake(lambda: _delta_h2(output_slope=False), "You sent out − t back; what flows back is δ_o = "
                    "(out − t)·σ′ of each output."),
            Mistake(lambda: _delta_h2() * 0.05, "That is a gradient, δ_h2·i1 = ∂E/∂w3; the question asks for δ_h2 "
                    "itself."),
            Mistake(lambda: _delta_h2(weights=("w8", "w6")), "w6 and w8 are swapped: w6 carries δ_o1 back (h2 → o1), "
                    "w8 carries δ_o2 (h2 → o2)."),
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
}
