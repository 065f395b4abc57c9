"""Activation functions and their derivatives.

Notation (the same in every notebook): for one neuron, ``net`` is the weighted
sum going in and ``out`` is what comes out, ``out = f(net)``.  For a whole layer
we write the vectors ``z`` (all the nets) and ``a`` (all the outs), ``a = f(z)``.

Backpropagation needs f'(net).  For sigmoid and tanh it is cheapest, and most
instructive, to write it with the output ``out`` that the forward pass already
computed, so every derivative below takes both ``z`` and ``a``:

    sigmoid:  σ'(z) = a (1 − a)
    tanh:     tanh'(z) = 1 − a²
    relu:     relu'(z) = 1 if z > 0 else 0
    linear:   linear'(z) = 1   (no squashing at all: a network of linear layers is linear)
    leaky_relu: leaky_relu'(z) = 1 if z > 0 else 0.01

and, for an output layer only, softmax(z)_j = e^(z_j) / Σ_k e^(z_k): its outs depend on
every net of the layer, so its derivative is a matrix, not one number per neuron.  bplib
uses it only with categorical_cross_entropy, where δ_o = out − t (see losses.py).
"""

import numpy as np


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)).

    Computed as σ(z) = ½ (1 + tanh(z/2)), the same function written so that no
    exponential can overflow: σ(−1e4) is 0.0 and σ(1e4) is 1.0, without warnings.
    """
    return 0.5 + 0.5 * np.tanh(0.5 * z)


def sigmoid_prime(z, a):
    """σ'(z) = σ(z) (1 − σ(z)) = a (1 − a)."""
    return a * (1.0 - a)


def tanh(z):
    """tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))."""
    return np.tanh(z)


def tanh_prime(z, a):
    """tanh'(z) = 1 − tanh(z)² = 1 − a²."""
    return 1.0 - a * a


def relu(z):
    """relu(z) = max(0, z)."""
    return np.maximum(z, 0.0)


def relu_prime(z, a):
    """relu'(z) = 1 for z > 0, else 0 (we take 0 at z = 0)."""
    return (z > 0).astype(float)


LEAKY_SLOPE = 0.01        # leaky ReLU's slope for z ≤ 0


def leaky_relu(z, slope=LEAKY_SLOPE):
    """leaky_relu(z) = z for z > 0, else 0.01 z (a small slope keeps the gradient alive)."""
    return np.where(z > 0, z, slope * z)


def leaky_relu_prime(z, a, slope=LEAKY_SLOPE):
    """leaky_relu'(z) = 1 for z > 0, else 0.01."""
    return np.where(z > 0, 1.0, slope)


def linear(z):
    """linear(z) = z."""
    return z


def linear_prime(z, a):
    """linear'(z) = 1."""
    return np.ones_like(z)


def softmax(z):
    """softmax(z)_j = e^(z_j) / Σ_k e^(z_k) over the neurons of the layer (the last axis).

    The largest net is subtracted first: the same fractions, and no exponential can overflow.
    """
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


# name -> (f, f'): the only place that lists the activations bplib knows.
ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_prime),
    "tanh": (tanh, tanh_prime),
    "relu": (relu, relu_prime),
    "leaky_relu": (leaky_relu, leaky_relu_prime),
    "linear": (linear, linear_prime),
}

# an output layer may also be softmax (no elementwise f': used with δ_o = out − t only)
OUTPUT_ACTIVATIONS = {**ACTIVATIONS, "softmax": (softmax, None)}
