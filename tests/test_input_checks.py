"""Bad input gets a clear message: what was wrong and what is allowed."""

import numpy as np
import pytest

import bplib


@pytest.fixture
def example():
    return bplib.mazur()


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(sizes=[2]), ValueError, "at least 2 layers"),
    (dict(sizes="222"), TypeError, "list of layer sizes"),
    (dict(sizes=[2, 0, 2]), ValueError, "sizes[1] must be ≥ 1"),
    (dict(sizes=[2, 2.5, 2]), TypeError, "sizes[1] must be a whole number"),
    (dict(sizes=[2, 2], activation="sigmod"), ValueError,
     "activation must be one of 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'linear'; got 'sigmod'"),
    (dict(sizes=[2, 2], loss="mse"), ValueError,
     "loss must be one of 'half_sse', 'cross_entropy', 'categorical_cross_entropy'; got 'mse'"),
    (dict(sizes=[2, 2], output_activation="softmx"), ValueError, "output_activation must be one of"),
    (dict(sizes=[2, 2], activation="relu", loss="cross_entropy"), ValueError,
     "loss='cross_entropy' needs outputs in (0, 1): output_activation 'sigmoid'; got 'relu'"),
    (dict(sizes=[2, 2], output_activation="softmax"), ValueError,
     "loss='categorical_cross_entropy' and output_activation='softmax' go together"),
    (dict(sizes=[2, 2], loss="categorical_cross_entropy"), ValueError,
     "loss='categorical_cross_entropy' and output_activation='softmax' go together"),
    (dict(sizes=[2, 2], weights=[np.ones((2, 3))]), ValueError, "weights[0] must have shape (2, 2)"),
    (dict(sizes=[2, 2, 2], weights=[np.ones((2, 2))]), ValueError, "one entry per layer (2)"),
    (dict(sizes=[2, 2], weights=[[[1, np.nan], [0, 0]]]), ValueError, "no NaN or inf"),
    (dict(sizes=[2, 2], weights=[[["a", 1], [0, 0]]]), TypeError, "numbers only"),
    (dict(sizes=[2, 2], biases=[[1, 2, 3]]), ValueError, "(1,) (shared by the layer) or (2,)"),
])
def test_network_arguments(kwargs, error, words):
    with pytest.raises(error) as info:
        bplib.Network(**kwargs)
    assert words in str(info.value)


@pytest.mark.parametrize("loss, output, t, words", [
    ("cross_entropy", None, [0.01, 1.5], "t must lie in [0, 1] for loss='cross_entropy'"),
    ("cross_entropy", None, [-0.1, 0.5], "t must lie in [0, 1] for loss='cross_entropy'"),
    ("categorical_cross_entropy", "softmax", [0.5, 0.6], "t must sum to 1 in every row"),
    ("categorical_cross_entropy", "softmax", [2.0, -1.0], "t must lie in [0, 1]"),
])
def test_cross_entropy_targets_are_probabilities(loss, output, t, words):
    net = bplib.Network([2, 2], loss=loss, output_activation=output, seed=0)
    for call in (lambda: net.loss([0.1, 0.2], t), lambda: net.gradients([0.1, 0.2], t),
                 lambda: bplib.train(net, [0.1, 0.2], t, steps=1)):
        with pytest.raises(ValueError) as info:
            call()
        assert words in str(info.value)


@pytest.mark.parametrize("x, t, words", [
    ([0.05, 0.1, 0.2], [0.01, 0.99], "x must have shape (2,) or (m, 2); got shape (3,)"),
    ([0.05, np.nan], [0.01, 0.99], "x must be finite"),
    ([0.05, np.inf], [0.01, 0.99], "x must be finite"),
    ([0.05, 0.1], [0.01], "t must have shape (2,); got shape (1,)"),
    ([[0.05, 0.1], [0.2, 0.3]], [0.01, 0.99], "t must have shape (2, 2) (one row per sample of x)"),
    ("hello", [0.01, 0.99], "x must contain numbers only"),
])
def test_data_arguments(example, x, t, words):
    net, _, _ = example
    with pytest.raises((ValueError, TypeError)) as info:
        net.gradients(x, t)
    assert words in str(info.value)


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(eta=0), ValueError, "eta must be a finite number > 0 and ≤ 1000; got 0.0"),
    (dict(eta=-0.5), ValueError, "eta must be a finite number > 0"),
    (dict(eta=1e6), ValueError, "≤ 1000"),
    (dict(eta=float("nan")), ValueError, "eta must be a finite number"),
    (dict(eta="0.5"), TypeError, "eta must be a real number"),
    (dict(steps=-1), ValueError, "steps must be ≥ 0"),
    (dict(steps=2.5), TypeError, "steps must be a whole number"),
    (dict(update="parallel"), ValueError, "update must be one of 'simultaneous', 'sequential'"),
    (dict(mode="minibatch"), ValueError, "mode must be one of 'batch', 'online'"),
    (dict(learn_biases="yes"), TypeError, "learn_biases must be True or False"),
])
def test_training_arguments(example, kwargs, error, words):
    net, x, t = example
    args = dict(eta=0.5, steps=1) | kwargs
    with pytest.raises(error) as info:
        bplib.train(net, x, t, **args)
    assert words in str(info.value)


def test_train_needs_a_network(example):
    _, x, t = example
    with pytest.raises(TypeError, match="net must be a bplib.Network"):
        bplib.train("net", x, t, eta=0.5, steps=1)
