"""Optimisers: how one step is made from the gradient g = ∂E/∂w.

    gd           w ← w − η g                                      (notebooks 1–4)
    momentum     v ← β v + g,   w ← w − η v                       (seed 003 trains with β = 0.9)
    bold_driver  w ← w − η g; then, if E went up, undo the step and η ← ½ η,
                 else η ← 1.05 η                                  (an adaptive learning rate, seed 001)

Each optimiser is a small object with one method, ``update(key, param, grad, eta)``, that changes
``param`` in place (``key`` names the parameter, so that momentum can keep one v per parameter).
``eta`` has one entry per run (``train_many`` trains several runs at once), shaped to broadcast.
The bold driver's undo needs E after the step, so the training loop calls ``after_loss`` too.
"""

import numpy as np

from . import checks

NAMES = ("gd", "momentum", "bold_driver")
GROW, SHRINK = 1.05, 0.5


class GradientDescent:
    """w ← w − η g."""

    def update(self, key, param, grad, eta):
        param -= eta * grad

    def after_loss(self, loss, eta, params):
        """Nothing to adapt: returns the runs whose step was undone (none)."""
        return np.zeros(len(loss), dtype=bool)


class Momentum(GradientDescent):
    """v ← β v + g, w ← w − η v: a heavy ball that keeps some of its last step.

    With β = 0 this is plain gradient descent; β must lie in [0, 1) (β = 1 never forgets any
    gradient, and the steps grow without bound).
    """

    def __init__(self, beta=0.9):
        self.beta = checks.number("beta", beta, low=0.0, high=1.0, high_inclusive=False,
                                  hint=" (the momentum β: the share of the last step kept in the next)")
        self.velocity = {}

    def update(self, key, param, grad, eta):
        v = self.beta * self.velocity.get(key, 0.0) + grad
        self.velocity[key] = v
        param -= eta * v


class BoldDriver(GradientDescent):
    """Gradient descent whose η adapts: after a step that lowered E, η ← 1.05 η; after a step that
    raised E, the step is undone and η ← ½ η."""

    def __init__(self):
        self.last_loss = None
        self.saved = None

    def after_loss(self, loss, eta, params):
        """Called with E of the current parameters (one entry per run) before the next step. Undoes the
        last step of every run whose E rose, adapts η in place, and returns which runs were undone."""
        undone = np.zeros(len(loss), dtype=bool)
        if self.last_loss is not None:
            undone = loss > self.last_loss
            for param, old in zip(params, self.saved):
                param[undone] = old[undone]
            eta[:] = np.where(undone, eta * SHRINK, eta * GROW)
            loss = np.where(undone, self.last_loss, loss)
        self.last_loss = loss.copy()
        self.saved = [p.copy() for p in params]
        return undone


def make(name, beta=0.9):
    """The optimiser called ``name`` ("gd", "momentum" with ``beta``, "bold_driver")."""
    checks.choice("optimiser", name, NAMES)
    if name == "momentum":
        return Momentum(beta)
    return BoldDriver() if name == "bold_driver" else GradientDescent()
