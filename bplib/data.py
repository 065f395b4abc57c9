"""Data sets (nothing is downloaded): XOR, noisy points around XOR's corners, and handwritten digits.

    XOR:        (0, 0) → 0, (0, 1) → 1, (1, 0) → 1, (1, 1) → 0
    noisy_xor:  n points around each corner, moved by N(0, noise²) in each coordinate, with the
                corner's target: a training set and a validation set for early stopping
    digits:     1,797 images of 8 × 8 pixels (ink 0 … 16), the digits 0 … 9, as scikit-learn ships them
                (notebook 8)
    one_hot:    class numbers as target vectors: 3 → [0, 0, 0, 1, 0, …]
    split:      the samples shuffled and cut into training, validation and test sets
"""

import gzip
from importlib.util import find_spec
from pathlib import Path

import numpy as np

from . import checks
from .i18n import _

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


def digits():
    """The 8 × 8 handwritten digits that scikit-learn ships (``sklearn.datasets.load_digits``; no download):
    (images of shape (1797, 64), ink 0 … 16 row by row; labels of shape (1797,), the digits 0 … 9).

    Read straight from scikit-learn's own file (each row: 64 pixels, then the label), which spares importing
    scikit-learn (most of a second: an exercise's first check stays quick); load_digits where the file is not
    where this version of scikit-learn keeps it."""
    spec = find_spec("sklearn")
    if spec is None:
        raise ImportError(_(
            "bplib.data.digits needs scikit-learn (pip install scikit-learn): it ships the digits"))
    path = Path(spec.submodule_search_locations[0]) / "datasets" / "data" / "digits.csv.gz"
    if path.exists():
        with gzip.open(path, "rt") as rows:
            data = np.loadtxt(rows, delimiter=",")
        return data[:, :-1], data[:, -1].astype(int)
    from sklearn.datasets import load_digits  # loaded here: import bplib needs numpy only
    data = load_digits()
    return data.data.astype(float), data.target.astype(int)


def one_hot(labels, classes):
    """Class numbers as one-hot target vectors, one row per sample: one_hot([3], 10)[0] = [0, 0, 0, 1, 0, …, 0]."""
    from .metrics import labels_checked
    classes = checks.integer("classes", classes, low=1)
    labels = labels_checked("labels", labels, classes)
    T = np.zeros((len(labels), classes))
    T[np.arange(len(labels)), labels] = 1.0
    return T


def split(m, validation=0.2, test=0.2, seed=0):
    """Indices of ``m`` samples, shuffled with ``seed`` and cut into (training, validation, test); the
    fractions give the sizes of the last two (rounded down), the training set gets the rest."""
    m = checks.integer("m", m, low=3)
    validation = checks.number("validation", validation, low=0.0, high=1.0)
    test = checks.number("test", test, low=0.0, high=1.0)
    if validation + test >= 1:
        raise ValueError(_(
            "validation + test must be less than 1 (the rest trains); got {validation} + {test}").format(
                validation=validation, test=test))
    order = np.random.default_rng(seed).permutation(m)
    n_test, n_val = int(m * test), int(m * validation)
    for name, share, n in (("validation", validation, n_val), ("test", test, n_test)):
        if share and not n:
            raise ValueError(_(
                "{name}={share} of {m} samples is less than one sample: give more samples or a larger {name}").format(
                    name=name, share=share, m=m))
    return order[n_test + n_val:], order[n_test:n_test + n_val], order[:n_test]
