"""The worked example as SymPy expressions: E as a function of w1..w8, its exact
derivatives, and the same derivatives in chain-rule form with δ terms.

Names follow the notebooks: net_h1 = w1 i1 + w2 i2 + b1, out_h1 = σ(net_h1), …
"""

import sympy as sp

from .example import BIASES, INPUTS, TARGETS, WEIGHTS

i1, i2, t1, t2, b1, b2 = sp.symbols("i1 i2 t1 t2 b1 b2", real=True)
w1, w2, w3, w4, w5, w6, w7, w8 = W = sp.symbols("w1:9", real=True)
z = sp.Symbol("z", real=True)

# The values of the worked example, symbol -> number.
EXAMPLE = dict(zip((i1, i2, t1, t2, b1, b2) + W, INPUTS + TARGETS + BIASES + WEIGHTS))


def sigma(x):
    """σ(x) = 1 / (1 + e^(−x))."""
    return 1 / (1 + sp.exp(-x))


def sigma_prime():
    """σ'(z) as SymPy differentiates it, and that expression rewritten as σ(z)(1 − σ(z)).

    Returns (derivative, difference): the difference simplifies to 0.
    """
    derivative = sp.diff(sigma(z), z)
    return derivative, sp.simplify(derivative - sigma(z) * (1 - sigma(z)))


# Forward pass, symbol by symbol.
net_h1 = w1 * i1 + w2 * i2 + b1
net_h2 = w3 * i1 + w4 * i2 + b1
out_h1, out_h2 = sigma(net_h1), sigma(net_h2)
net_o1 = w5 * out_h1 + w6 * out_h2 + b2
net_o2 = w7 * out_h1 + w8 * out_h2 + b2
out_o1, out_o2 = sigma(net_o1), sigma(net_o2)

# E = ½(t1 − out_o1)² + ½(t2 − out_o2)²
E = sp.Rational(1, 2) * (t1 - out_o1) ** 2 + sp.Rational(1, 2) * (t2 - out_o2) ** 2

# The chain rule, written with δ terms (σ' = out(1 − out)).
delta_o1 = (out_o1 - t1) * out_o1 * (1 - out_o1)
delta_o2 = (out_o2 - t2) * out_o2 * (1 - out_o2)
delta_h1 = (delta_o1 * w5 + delta_o2 * w7) * out_h1 * (1 - out_h1)
delta_h2 = (delta_o1 * w6 + delta_o2 * w8) * out_h2 * (1 - out_h2)
CHAIN_RULE = {
    "w1": delta_h1 * i1, "w2": delta_h1 * i2, "w3": delta_h2 * i1, "w4": delta_h2 * i2,
    "w5": delta_o1 * out_h1, "w6": delta_o1 * out_h2, "w7": delta_o2 * out_h1, "w8": delta_o2 * out_h2,
}


def gradients():
    """{"w1": ∂E/∂w1, …, "w8": ∂E/∂w8}, each differentiated by SymPy from E."""
    return {str(w): sp.diff(E, w) for w in W}


def evaluate(expr, values=None):
    """The number an expression takes at the example (or at ``values``, symbol -> number),
    through ``sympy.lambdify``."""
    values = EXAMPLE if values is None else {**EXAMPLE, **values}
    symbols = list(values)
    return float(sp.lambdify(symbols, expr, "math")(*values.values()))


def simplifies_to_zero(expr):
    """True when ``expr`` is identically 0.

    ``sp.simplify(expr) == 0`` gives the same answer but needs seconds for the
    hidden-layer weights.  This check is exact and fast: every e^(…) in the
    expression is replaced by an unknown, and the resulting fraction is cancelled;
    if it is 0 for every value of those unknowns, it is 0 for the real ones too.
    """
    unknowns = {e: sp.Dummy() for e in expr.atoms(sp.exp)}
    return sp.cancel(expr.xreplace(unknowns)) == 0
