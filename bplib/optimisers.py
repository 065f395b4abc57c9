"""Optimisers: how one step is made from the gradient g = ∂E/∂w.

    gd           w ← w − η g                                      (notebooks 1–4)
    momentum     v ← β v + g,   w ← w − η v                       (seed 003 trains with β = 0.9)
    bold_driver  w ← w − η g; then, if E went up, undo the step and η ← ½ η,
                 else η ← 1.05 η                                  (an adaptive learning rate, seed 001)
    adam         m ← β1 m + (1 − β1) g,  v ← β2 v + (1 − β2) g²,   (Kingma & Ba 2015, notebook 8)
                 w ← w − η m̂ / (√v̂ + ε),  m̂ = m / (1 − β1ᵏ), v̂ = v / (1 − β2ᵏ) after k steps

Two more pieces of a step (notebook 8): weight decay (L2 regularisation: E + ½λΣw², so g ← g + λw for the
weights, not the biases) and a learning-rate schedule over the epochs (``learning_rate``):
    step         η, then η/2 from half of the epochs on, η/4 from three quarters on
    cosine       η · ½(1 + cos(π e / N)) in epoch e of N: from η down to almost 0

Each optimiser is a small object with one method, ``update(key, param, grad, eta)``, that changes
``param`` in place (``key`` names the parameter, so that momentum can keep one v per parameter).
``eta`` has one entry per run (``train_many`` trains several runs at once), shaped to broadcast.
The bold driver's undo needs E after the step, so the training loop calls ``after_loss`` too.
"""

import numpy as np

from . import checks

NAMES = ("gd", "momentum", "bold_driver", "adam")
SCHEDULES = ("step", "cosine")
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


class Adam(GradientDescent):
    """Adam (Kingma & Ba 2015): a step from running averages of g (m, with β1) and of g² (v, with β2),
    each corrected for starting at 0 (m̂ = m / (1 − β1ᵏ) after k steps), so every weight gets a step of
    about η, whatever the size of its gradient:  w ← w − η m̂ / (√v̂ + ε)."""

    def __init__(self, beta1=0.9, beta2=0.999, eps=1e-8):
        hint = " (Adam's β: the share of the running average kept at each step)"
        self.beta1 = checks.number("beta", beta1, low=0.0, high=1.0, high_inclusive=False, hint=hint)
        self.beta2 = checks.number("beta2", beta2, low=0.0, high=1.0, high_inclusive=False, hint=hint)
        self.eps = checks.number("eps", eps, low=0.0, low_inclusive=False,
                                 hint=" (Adam's ε keeps m̂ / √v̂ finite where v̂ = 0)")
        self.m, self.v, self.k = {}, {}, {}

    def update(self, key, param, grad, eta):
        k = self.k[key] = self.k.get(key, 0) + 1
        m = self.m[key] = self.beta1 * self.m.get(key, 0.0) + (1 - self.beta1) * grad
        v = self.v[key] = self.beta2 * self.v.get(key, 0.0) + (1 - self.beta2) * grad ** 2
        m_hat, v_hat = m / (1 - self.beta1 ** k), v / (1 - self.beta2 ** k)
        param -= eta * m_hat / (np.sqrt(v_hat) + self.eps)


def make(name, beta=0.9, beta2=0.999, eps=1e-8):
    """The optimiser called ``name``: "gd", "momentum" (with ``beta``), "bold_driver", or "adam" (β1 = ``beta``,
    β2 = ``beta2``, ε = ``eps``)."""
    checks.choice("optimiser", name, NAMES)
    if name == "momentum":
        return Momentum(beta)
    if name == "adam":
        return Adam(beta, beta2, eps)
    return BoldDriver() if name == "bold_driver" else GradientDescent()


def learning_rate(eta, epoch, epochs, schedule=None):
    """η in force in epoch ``epoch`` (0, 1, …) of ``epochs`` under ``schedule``: None (always η), "step" (η,
    then η/2 from half of the epochs on, η/4 from three quarters on) or "cosine" (η · ½(1 + cos(π e / N)))."""
    if schedule is None:
        return eta
    checks.choice("schedule", schedule, SCHEDULES)
    epochs = checks.integer("epochs", epochs, low=1, hint=" (the number of epochs the schedule runs over)")
    if schedule == "step":
        return eta * (0.5 ** (epoch >= epochs / 2)) * (0.5 ** (epoch >= 3 * epochs / 4))
    return eta * 0.5 * (1 + np.cos(np.pi * epoch / epochs))
