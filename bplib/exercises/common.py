"""What the exercises of several notebooks share: the worked example with another input or target, its
forward pass and gradients, σ, ½Σ(t − o)², and a training run (computed once)."""


from functools import cache

import numpy as np

from ..example import BIASES, INPUTS, TARGETS, WEIGHTS, mazur
from ..training import train


def example_with(inputs=INPUTS, targets=TARGETS):
    """The worked example, with other inputs or targets if asked (weights and biases as ever)."""
    net, _, _ = mazur()
    return net, np.array(inputs, float), np.array(targets, float)


def forward_with(**variant):
    net, x, _ = example_with(**variant)
    return net.forward(x)


def gradients_with(**variant):
    net, x, t = example_with(**variant)
    return net.gradients(x, t)


def sigma(v):
    return 1 / (1 + np.exp(-v))


def half_sse(outs, targets):
    return 0.5 * sum((t - o) ** 2 for o, t in zip(outs, targets))


@cache
def trained(eta, steps=10_000, **options):
    net, x, t = example_with()
    return train(net, x, t, eta=eta, steps=steps, **options)


w = dict(zip([f"w{k}" for k in range(1, 9)], WEIGHTS))       # the example's weights by name
b1, b2 = BIASES
