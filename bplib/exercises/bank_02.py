"""Notebook 02's exercises (the derivatives):
what each asks, its expected value (computed from bplib,
never typed in), the precision it needs, its typical mistakes and their hints."""


from ..example import TARGETS
from .common import forward_with
from .engine import Exercise, Mistake


def _symbols(*names):
    import sympy as sp
    return [sp.Symbol(n) for n in names]


def _delta_no_half(factor=2, sign=1, with_sigma_prime=True):
    o1, t1 = _symbols("o1", "t1")
    value = factor * sign * (o1 - t1)
    return value * o1 * (1 - o1) if with_sigma_prime else value


def _sym(name):
    from .. import symbolic
    return getattr(symbolic, name)


def _dE_dw6():
    import sympy as sp
    return sp.diff(_sym("E"), _sym("w6"))


def _dE_di1():
    """∂E/∂i1, from the full E: the input's gradient (one path through h1, one through h2)."""
    import sympy as sp
    return sp.diff(_sym("E"), _sym("i1"))


T2_VARIANT = 0.5
ALL_SYMBOLS = ("i1", "i2", "t1", "t2", "b1", "b2", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8")


def _dE_dw7(targets=(TARGETS[0], T2_VARIANT), sender=0, sigma_prime=True, times_sender=True):
    tr = forward_with()
    out_o2, t2 = tr.a[1][1], targets[1]
    delta = (out_o2 - t2) * (out_o2 * (1 - out_o2) if sigma_prime else 1.0)
    return delta * (tr.a[0][sender] if times_sender else 1.0)


EXERCISES = {
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
    "02.chain_i1": Exercise(
        "expression", _dE_di1, symbols=ALL_SYMBOLS,
        aliases={"o1": lambda: _sym("out_o1"), "o2": lambda: _sym("out_o2"),
                 "h1": lambda: _sym("out_h1"), "h2": lambda: _sym("out_h2"),
                 "delta_o1": lambda: _sym("delta_o1"), "delta_o2": lambda: _sym("delta_o2"),
                 "delta_h1": lambda: _sym("delta_h1"), "delta_h2": lambda: _sym("delta_h2")},
        nudge="Find i1 in the diagram: which neurons does it feed, and along which weights?",
        hint="i1 reaches E along one path per hidden neuron it feeds: add δ of that neuron × the weight from i1.",
        mistakes=(
            Mistake(lambda: _sym("delta_h1") * _sym("w1"), "That is one path, through h1; i1 feeds h2 too."),
            Mistake(lambda: _sym("delta_h1") * _sym("w2") + _sym("delta_h2") * _sym("w4"), "Those are the "
                    "weights from i2 (w2, w4): ∂E/∂i2. i1 sends along w1 and w3."),
            Mistake(lambda: _sym("delta_h1") * _sym("w1") + _sym("delta_h2") * _sym("w2"), "w2 goes from i2 to "
                    "h1; the weight from i1 to h2 is w3."),
            Mistake(lambda: _sym("delta_h1") * _sym("i1"), "That is ∂E/∂w1 = δ_h1·i1: the gradient of a weight. "
                    "Here the input itself changes; the weights are the factors."),
            Mistake(lambda: _sym("delta_o1") * _sym("w5") + _sym("delta_o2") * _sym("w7"), "That is ∂E/∂out_h1, "
                    "one layer up: i1 feeds the hidden neurons, so its paths start with their δ's."),
            Mistake(lambda: (_sym("delta_h1") * _sym("w1") + _sym("delta_h2") * _sym("w3")) * _sym("out_h1")
                    * (1 - _sym("out_h1")), "One σ′ too many: δ_h1 and δ_h2 already contain their neurons' "
                    "σ′, and the input has none."),
        )),
    "02.dE_dw7": Exercise(
        "number", _dE_dw7, digits=6,
        nudge="Which of the example's numbers change when only t2 changes?",
        hint="∂E/∂w7 = δ_o2 · out_h1, and δ_o2 contains (out_o2 − t2): recompute it with t2 = 0.5.",
        mistakes=(
            Mistake(lambda: _dE_dw7(targets=TARGETS), "That is ∂E/∂w7 for the original t2 = 0.99."),
            Mistake(lambda: _dE_dw7(sender=1), "You used out_h2; w7 comes from h1."),
            Mistake(lambda: _dE_dw7(sigma_prime=False), "You left out σ′ = out_o2(1 − out_o2)."),
            Mistake(lambda: _dE_dw7(times_sender=False), "That is δ_o2; ∂E/∂w7 also multiplies by the out of the "
                    "neuron w7 comes from."),
            Mistake(lambda: 0.5 - 0.5 * _dE_dw7(), "That is the new weight w7⁺ after one update; the question "
                    "asks for the gradient ∂E/∂w7."),
        )),
}
