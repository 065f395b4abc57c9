"""Loss functions: how far the outputs ``o`` are from the targets ``t``.

Each loss comes with ∂E/∂o, the first factor of the chain rule at the output.

    half_sse:  E = ½ Σ (t − o)²        ∂E/∂o = o − t

The sum runs over every output neuron (and every sample of a batch).  With the
two outputs of the worked example, ½ Σ (t − o)² equals the mean squared error
(1/n) Σ (t − o)², because ½ = 1/n for n = 2.  For n ≠ 2 the two differ by the
factor 2/n, and so do their gradients.
"""

import numpy as np


def half_sse(o, t):
    """E = ½ Σ (t − o)², summed over outputs and samples (the last two axes)."""
    diff = t - o
    return 0.5 * np.sum(diff * diff, axis=(-2, -1))


def half_sse_prime(o, t):
    """∂E/∂o = o − t."""
    return o - t


# name -> (E, ∂E/∂o): the only place that lists the losses bplib knows.
LOSSES = {
    "half_sse": (half_sse, half_sse_prime),
}
