"""Loss functions: how far the outputs ``o`` are from the targets ``t``.

Each loss comes with ∂E/∂o, the first factor of the chain rule at the output.

    half_sse:                   E = ½ Σ (t − o)²                          ∂E/∂o = o − t
    cross_entropy:              E = −Σ [t ln o + (1 − t) ln(1 − o)]        ∂E/∂o = (o − t) / (o (1 − o))
    categorical_cross_entropy:  E = −Σ t ln o                               ∂E/∂o = −t / o

The sums run over every output neuron (and every sample of a batch).  With the
two outputs of the worked example, ½ Σ (t − o)² equals the mean squared error
(1/n) Σ (t − o)², because ½ = 1/n for n = 2.  For n ≠ 2 the two differ by the
factor 2/n, and so do their gradients.

cross_entropy reads each output as the probability of a yes/no answer (sigmoid
outputs, targets in [0, 1]); categorical_cross_entropy reads the outputs as one
probability distribution over classes (softmax outputs, targets summing to 1).

Matched pairs.  For an output layer out = f(net), δ_o = ∂E/∂o · f′(net).  For three
pairs the two factors cancel to the same simple δ (see ``MATCHED``):

    sigmoid + cross_entropy:              (o − t)/(o(1 − o)) · o(1 − o) = o − t
    softmax + categorical_cross_entropy:  δ_o = o − t   (through softmax's Jacobian)
    linear  + half_sse:                   (o − t) · 1 = o − t

bplib then computes δ_o = o − t directly: it is exact, and it stays finite where a
saturated output (o = 1.0 in floating point) would make ∂E/∂o divide by zero.
"""

import numpy as np

# outputs are kept this far from 0 and 1 inside the logarithms, so that a saturated output
# (exactly 0.0 or 1.0 in floating point) gives a large but finite loss instead of inf
EPS = 1e-15


def half_sse(o, t):
    """E = ½ Σ (t − o)², summed over outputs and samples (the last two axes)."""
    diff = t - o
    return 0.5 * np.sum(diff * diff, axis=(-2, -1))


def half_sse_prime(o, t):
    """∂E/∂o = o − t."""
    return o - t


def cross_entropy(o, t):
    """E = −Σ [t ln o + (1 − t) ln(1 − o)], summed over outputs and samples."""
    o = np.clip(o, EPS, 1 - EPS)
    return -np.sum(t * np.log(o) + (1 - t) * np.log(1 - o), axis=(-2, -1))


def cross_entropy_prime(o, t):
    """∂E/∂o = −t/o + (1 − t)/(1 − o) = (o − t) / (o (1 − o))."""
    o = np.clip(o, EPS, 1 - EPS)
    return (o - t) / (o * (1 - o))


def categorical_cross_entropy(o, t):
    """E = −Σ t ln o, summed over the classes and samples."""
    return -np.sum(t * np.log(np.clip(o, EPS, 1.0)), axis=(-2, -1))


def categorical_cross_entropy_prime(o, t):
    """∂E/∂o = −t / o."""
    return -t / np.clip(o, EPS, 1.0)


def entropy(t):
    """The smallest value cross_entropy can take for targets t (reached at o = t):
    −Σ [t ln t + (1 − t) ln(1 − t)], with 0 ln 0 = 0."""
    t = np.asarray(t, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(t > 0, t * np.log(np.where(t > 0, t, 1)), 0.0) + \
            np.where(t < 1, (1 - t) * np.log(np.where(t < 1, 1 - t, 1)), 0.0)
    return float(-np.sum(terms))


# name -> (E, ∂E/∂o): the only place that lists the losses bplib knows.
LOSSES = {
    "half_sse": (half_sse, half_sse_prime),
    "cross_entropy": (cross_entropy, cross_entropy_prime),
    "categorical_cross_entropy": (categorical_cross_entropy, categorical_cross_entropy_prime),
}

# (loss, output activation) pairs whose output δ is simply o − t (see above).
MATCHED = {("cross_entropy", "sigmoid"), ("categorical_cross_entropy", "softmax"), ("half_sse", "linear")}
