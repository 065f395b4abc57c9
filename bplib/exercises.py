"""Self-checks for the notebooks' exercises.

In a notebook:    from bplib.exercises import check
                  answer = None            # the learner replaces None
                  check("01.net_h2", answer)

``check`` prints "✔ Correct" or what to look at; it never prints the answer.
Expected values are computed from bplib here (not typed in), so the notebooks
can show the exercise without giving the solution away.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np

from .example import mazur
from .train import train, train_many


@dataclass
class Exercise:
    expected: Callable      # () -> the right answer
    hint: str               # what to look at when the answer is wrong
    tol: float = 1e-6       # numbers: |answer − expected| ≤ tol
    kind: str = "number"    # "number", "text" or "sympy"


def _example():
    return mazur()


def _trace():
    net, x, _ = _example()
    return net.forward(x)


def _grads():
    net, x, t = _example()
    return net.gradients(x, t)


@cache
def _run(eta, steps=10_000, **options):
    net, x, t = _example()
    return train(net, x, t, eta=eta, steps=steps, **options)


def _after_one(**options):
    return _run(0.5, steps=1, **options)


@cache
def _best_eta():
    from .dashboard import ETAS  # here, so that notebooks 1-3 do not load ipywidgets
    net, x, t = _example()
    hist = train_many(net, x, t, etas=ETAS, steps=10_000)
    return ETAS[int(np.argmin(hist.loss[:, -1]))]


def _sympy_tanh_prime():
    import sympy as sp

    from .symbolic import z
    return 1 - sp.tanh(z) ** 2


def _sympy_gradient(name):
    import sympy as sp

    from . import symbolic
    return sp.diff(symbolic.E, getattr(symbolic, name))


EXERCISES = {
    # 01 forward pass
    "01.net_h2": Exercise(lambda: _trace().z[0][1],
                          "net_h2 = w3·i1 + w4·i2 + b1: the weights INTO h2 are w3 and w4."),
    "01.E_o2": Exercise(lambda: 0.5 * (0.99 - _trace().a[1][1]) ** 2,
                        "E_o2 = ½(t2 − out_o2)², with t2 = 0.99 and out_o2 from the table above."),
    "01.E_four": Exercise(lambda: 0.5 * (0.1**2 + 0.2**2 + 0.1**2 + 0.3**2),
                          "E = ½Σ(t − o)²: square each of the four errors, add them, halve the sum."),
    "01.mse_four": Exercise(lambda: (0.1**2 + 0.2**2 + 0.1**2 + 0.3**2) / 4,
                            "MSE = (1/n)Σ(t − o)² with n = 4: the same sum of squares, divided by 4."),
    # 02 symbolic derivation
    "02.tanh_prime": Exercise(_sympy_tanh_prime, "Differentiate sp.tanh(z) with sp.diff, then write the "
                              "result with tanh itself: it should be 1 − tanh(z)².", kind="sympy"),
    "02.chain_w6": Exercise(lambda: _sympy_gradient("w6"),
                            "w6 connects h2 to o1, so ∂E/∂w6 = δ_o1 · out_h2 (the δ of the neuron it "
                            "feeds, times the out of the neuron it comes from).", kind="sympy"),
    "02.dE_dw7": Exercise(lambda: _grads().named()["w7"],
                          "Substitute the example's numbers into ∂E/∂w7 (evaluate(...)); the sign is "
                          "negative because out_o2 is below its target t2."),
    # 03 numeric backprop
    "03.delta_h2": Exercise(lambda: _grads().deltas[0][1],
                            "δ_h2 = (δ_o1·w6 + δ_o2·w8) · out_h2(1 − out_h2): h2 feeds o1 through w6 "
                            "and o2 through w8."),
    "03.w6_new": Exercise(lambda: _after_one().named(1)["w6"],
                          "w6⁺ = w6 − η·∂E/∂w6 with η = 0.5 and ∂E/∂w6 = δ_o1·out_h2.", tol=1e-8),
    "03.order": Exercise(lambda: "sequential",
                         "Which update order makes the hidden δ use the already-updated w5..w8?",
                         kind="text"),
    "03.b2_new": Exercise(lambda: _after_one(learn_biases=True).named(1)["b2"],
                          "b2 is shared by o1 and o2, so ∂E/∂b2 = δ_o1 + δ_o2; then b2⁺ = b2 − η·∂E/∂b2.",
                          tol=1e-8),
    # 04 training
    "04.first_below": Exercise(lambda: int(np.argmax(_run(0.5).loss < 1e-3)),
                               "Look for the first index s with hist.loss[s] < 0.001 "
                               "(np.argmax(hist.loss < 0.001) finds it).", tol=0),
    "04.best_eta": Exercise(_best_eta, "Compare the last loss of every η on the slider (or in the "
                            "table of the η comparison): the lowest is not the largest η.", tol=1e-12),
    "04.stuck_E": Exercise(lambda: _run(200.0).loss[-1],
                           "Read E at the last iteration for η = 200. Which output is stuck, and at what "
                           "value? ½(t − o)² with o ≈ 0 and t = 0.01 is …", tol=1e-7),
}


def check(exercise_id, answer):
    """Print whether ``answer`` is right for the exercise ``exercise_id``."""
    ex = EXERCISES[exercise_id]
    if answer is None or answer is ...:
        print("Not answered yet: replace None with your answer and run this cell again.")
        return
    try:
        ok = _matches(ex, answer)
    except Exception as err:  # a malformed answer is the learner's to fix, not a crash
        print(f"✘ That answer could not be checked ({type(err).__name__}: {err}). Hint: {ex.hint}")
        return
    if ok:
        print("✔ Correct!")
    else:
        print(f"✘ Not quite. Hint: {ex.hint}")


def _matches(ex, answer):
    expected = ex.expected()
    if ex.kind == "text":
        return str(answer).strip().lower() == expected
    if ex.kind == "sympy":
        import sympy as sp

        from .symbolic import simplifies_to_zero
        difference = sp.sympify(answer) - expected
        return simplifies_to_zero(difference) or sp.simplify(difference) == 0
    return bool(abs(float(answer) - float(expected)) <= ex.tol)


def solution_passes(exercise_id, answer):
    """For the hidden solution cells: say whether the solution passes, without printing it."""
    ok = _matches(EXERCISES[exercise_id], answer)
    print("✔ This solution passes the check." if ok else "✘ This solution does NOT pass the check.")

