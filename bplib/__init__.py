"""bplib: the small helper library of the backpropagation notebooks.

One idea per file:
    activations.py   σ, tanh, relu, leaky relu, linear (and softmax for an output layer), their derivatives
    losses.py        E = ½Σ(t − o)², cross-entropy, categorical cross-entropy, and ∂E/∂o
    backprop.py      the equations: forward pass, δ terms, ∂E/∂W, ∂E/∂b
    network.py       Network: parameters, forward, loss, gradients
    train.py         gradient descent: train, train_many, train_population, diagnose
    optimisers.py    how a step is made: plain gradient descent, momentum, the bold driver
    stopping.py      when training ends: maximum, target error, early stopping on a validation set
    unrolled.py      the same training step as a list of equations, one line each (the engine and the player)
    gradcheck.py     finite-difference gradient check; at_most: a difference printed the same on every CPU
    example.py       the worked 2-2-2 example and its published figures
    symbolic.py      the example in SymPy (imported on demand: bplib.symbolic)
    slips.py         notebook 9: the sources' slips as code, and the four checks that catch them

Classroom pieces (imported on demand):
    plots.py         network diagrams: forward and backward pass, paths, one neuron's graph
    dashboard.py     the η/iteration training dashboard (notebook 4, playground)
    player.py        the step-through player (notebook 3, player page)
    gallery.py       a precomputed picture per slider position (notebook 6)
    exercises.py     the exercises' self-checks; exercise_bank.py holds the exercises themselves
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
from .example import EXACT, PUBLISHED, mazur
from .gradcheck import at_most, gradient_check, numeric_gradients, relative_difference
from .losses import LOSSES
from .network import Gradients, Network, Trace
from .train import History, diagnose, train, train_many, train_population

__all__ = [
    "ACTIVATIONS", "OUTPUT_ACTIVATIONS", "LOSSES", "EXACT", "PUBLISHED", "Gradients", "History", "Network", "Trace",
    "at_most", "backward_pass", "bias_gradient", "delta_hidden", "delta_output", "diagnose", "forward_pass",
    "gradient_check", "layer_forward", "mazur", "numeric_gradients", "relative_difference",
    "train", "train_many", "train_population", "unrolled", "weight_gradient",
]
