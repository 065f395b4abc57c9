"""Small data sets made here (nothing is downloaded): XOR, and noisy points around XOR's corners.

    XOR:        (0, 0) → 0, (0, 1) → 1, (1, 0) → 1, (1, 1) → 0
    noisy_xor:  n points around each corner, moved by N(0, noise²) in each coordinate, with the
                corner's target: a training set and a validation set for early stopping
"""

import numpy as np

from . import checks

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_T = np.array([[0.0], [1.0], [1.0], [0.0]])


def xor():
    """The four XOR samples: inputs of shape (4, 2), targets of shape (4, 1)."""
    return XOR_X.copy(), XOR_T.copy()


def noisy_xor(n=10, noise=0.25, seed=0):
    """``n`` points around each XOR corner (4n samples), each coordinate moved by N(0, noise²)."""
    n = checks.integer("n", n, low=1)
    noise = checks.number("noise", noise, low=0.0)
    rng = np.random.default_rng(seed)
    X = np.repeat(XOR_X, n, axis=0) + rng.normal(0.0, noise, (4 * n, 2))
    return X, np.repeat(XOR_T, n, axis=0)


def solved(outputs, targets=XOR_T):
    """True where every output is on the right side of ½ (a run that has learned XOR)."""
    outputs = np.asarray(outputs)
    return np.all((outputs > 0.5) == (np.asarray(targets) > 0.5), axis=(-2, -1))
