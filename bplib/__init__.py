"""bplib: the small helper library of the backpropagation notebooks.

The math (numpy only; ``import bplib`` loads nothing else), one idea per file:
    activations.py   σ, tanh, relu, leaky relu, linear (and softmax for an output layer), their derivatives
    losses.py        E = ½Σ(t − o)², cross-entropy, categorical cross-entropy, and ∂E/∂o
    backprop.py      the equations: forward pass, δ terms, ∂E/∂W, ∂E/∂b, and the backward pass
    network.py       Network: parameters, forward, loss, gradients; names of neurons and parameters; random_start
    training.py      gradient descent: train, train_many, train_population, diagnose, recent_trend (one step)
    optimisers.py    how a step is made: plain gradient descent, momentum, the bold driver, Adam;
                     weight decay, learning-rate schedules
    stopping.py      when training ends: maximum, target error, early stopping on a validation set
    unrolled.py      the same training step as a list of equations, one line each (the engine and the player)
    gradcheck.py     finite-difference gradient check; at_most: a difference printed the same on every CPU
    precision.py     the one precision rule (significant digits) of the exercises, the player and the slips
    data.py          XOR, noisy XOR, the 8 × 8 digits (scikit-learn's; loaded when used), one-hot, split
    metrics.py       a classifier's predictions, accuracy, confusion matrix
    example.py       the worked 2-2-2 example, its published figures and who printed them
    checks.py        clear errors for bad arguments
    symbolic.py      the example in SymPy (import bplib.symbolic; loads SymPy)
    slips.py         notebook 9: the sources' slips as code, and the four checks that catch them

The classroom (matplotlib, ipywidgets; bplib.classroom): plots, dashboard, player, XOR playground, gallery.
The exercises and their self-checks (bplib.exercises): the engine and one bank per notebook.
"""

from . import unrolled
from .activations import ACTIVATIONS, OUTPUT_ACTIVATIONS
from .backprop import (
                       backward_pass,
                       bias_gradient,
                       delta_hidden,
                       delta_output,
                       forward_pass,
                       layer_forward,
                       weight_gradient,
)
from .example import EXACT, PUBLISHED, SOURCES, mazur
from .gradcheck import at_most, gradient_check, numeric_gradients, relative_difference
from .i18n import language, pad, use_language
from .losses import LOSSES
from .metrics import accuracy, confusion_matrix, predictions
from .network import Gradients, Network, Trace, random_start
from .training import History, diagnose, recent_trend, train, train_many, train_population

__all__ = [
    "ACTIVATIONS", "OUTPUT_ACTIVATIONS", "LOSSES", "EXACT", "PUBLISHED", "SOURCES", "Gradients", "History", "Network",
    "Trace",
    "at_most", "backward_pass", "bias_gradient", "delta_hidden", "delta_output", "diagnose", "forward_pass",
    "gradient_check", "layer_forward", "mazur", "numeric_gradients", "random_start", "recent_trend",
    "relative_difference",
    "train", "train_many", "train_population", "unrolled", "weight_gradient",
    "accuracy", "confusion_matrix", "predictions",
    "language", "pad", "use_language",
]
