"""Notebook 08's exercises (your own data): updates per epoch, Adam's first step by hand, the mean's η, the
confusion matrix read, and a training run of your own. What each asks, its expected answer (computed from
bplib), its typical mistakes and their hints."""

import math
from functools import cache

import numpy as np

from ..data import digits, one_hot, split
from ..metrics import accuracy, confusion_matrix, predictions
from ..network import Network
from ..optimisers import Adam
from ..training import train
from .engine import Exercise, Mistake

# Exercise 1
IMAGES, BATCH = 1000, 64
# Exercise 2: one weight, its gradient at Adam's first step, η
ADAM_W, ADAM_G, ADAM_ETA = 0.8, -0.3, 0.01
# Exercise 3: full batch on E summed over the training set with this η
SUM_ETA = 0.002
DIGIT_IMAGES = 1797             # scikit-learn's digits (bplib.data.digits; a test checks the count)
# Step 9's model, chosen on the validation set in Steps 5-7: Adam with η = 0.002
FINAL = dict(optimiser="adam", eta=0.002)


def training_images():
    """How many images Step 3's split puts in the training set (from the split alone, without the data)."""
    return len(split(DIGIT_IMAGES, validation=0.2, test=0.2, seed=0)[0])


@cache
def digit_sets():
    """Notebook 8's data: the digits scaled to 0 … 1, and (inputs, one-hot targets, labels) of the training,
    validation and test sets (split with seed 0: 60 %, 20 %, 20 %)."""
    X, y = digits()
    X = X / 16.0
    sets = {}
    for name, rows in zip(("train", "val", "test"), split(len(X), validation=0.2, test=0.2, seed=0)):
        sets[name] = (X[rows], one_hot(y[rows], 10), y[rows])
    return sets


def digits_network(init="he", seed=0):
    """Notebook 8's network: 64-32-10, ReLU hidden neurons, softmax output, categorical cross-entropy."""
    return Network([64, 32, 10], activation="relu", output_activation="softmax",
                   loss="categorical_cross_entropy", init=init, seed=seed)


@cache
def digits_run(batch_size=32, eta=0.1, epochs=30, optimiser="gd"):
    """Notebook 8's recipe: 30 epochs of mini-batches in a new random order each epoch (seed 1), biases
    learning, from ``digits_network()``."""
    X, T, _ = digit_sets()["train"]
    return train(digits_network(), X, T, eta=eta, epochs=epochs, batch_size=batch_size, shuffle=True, seed=1,
                 learn_biases=True, optimiser=optimiser)


def _accuracy(batch_size=32, which="val"):
    X, _, y = digit_sets()[which]
    return accuracy(digits_run(batch_size).net.forward(X).output, y)


def _test_confusion():
    X, _, y = digit_sets()["test"]
    return confusion_matrix(y, predictions(digits_run(**FINAL).net.forward(X).output), 10)


def _taken_for_nine(kind="others"):
    C = _test_confusion()
    if kind == "others":
        return int(C[:, 9].sum() - C[9, 9])     # predicted 9, but another digit
    if kind == "column":
        return int(C[:, 9].sum())
    if kind == "row":
        return int(C[9].sum() - C[9, 9])       # 9s taken for another digit
    return int(C[9, 9])


def _adam_first_step(bias_correction=True, eta=ADAM_ETA, sign=1):
    if not bias_correction:                   # m = (1 − β1) g, v = (1 − β2) g², used as they are
        m, v = 0.1 * ADAM_G, 0.001 * ADAM_G ** 2
        return ADAM_W - sign * eta * m / (math.sqrt(v) + 1e-8)
    w = np.array([ADAM_W])
    Adam().update("w", w, np.array([sign * ADAM_G]), eta)
    return float(w[0])


EXERCISES = {
    "08.updates_per_epoch": Exercise(
        "number", lambda: math.ceil(IMAGES / BATCH), digits=0,
        nudge="One update per batch: how many batches of 64 does it take to use every one of the 1,000 images?",
        hint="Count the batches: 64, 64, …, and a last one with what is left over. Each is one update.",
        mistakes=(
            Mistake(lambda: IMAGES // BATCH, "Rounded down: the last, smaller batch (the 40 images left over) "
                    "is an update too."),
            Mistake(lambda: IMAGES, "That is online learning, one update per image; here each update takes 64."),
            Mistake(lambda: BATCH, "64 is the number of images in one update, not the number of updates."),
            Mistake(lambda: 1, "That is full batch: one update per epoch from all the images at once."),
        )),
    "08.adam_first_step": Exercise(
        "number", _adam_first_step, digits=6,
        nudge="Write down m and v after one step (they start at 0), correct both for the start, then take the step.",
        hint="m = (1 − β1)·g, v = (1 − β2)·g²; m̂ = m / (1 − β1), v̂ = v / (1 − β2); w ← w − η·m̂ / (√v̂ + ε).",
        mistakes=(
            Mistake(lambda: _adam_first_step(bias_correction=False), "You left out the bias correction: m and v "
                    "start at 0, so after one step they are (1 − β1) and (1 − β2) times too small; divide by "
                    "(1 − β1ᵏ) and (1 − β2ᵏ) with k = 1."),
            Mistake(lambda: _adam_first_step(sign=-1), "Sign: the step goes against the gradient; g is negative "
                    "here, so w grows."),
            Mistake(lambda: ADAM_W - ADAM_G * ADAM_ETA, "That is a step of plain gradient descent, w − η·g; Adam's "
                    "first step is about η in size, whatever the size of g."),
            Mistake(lambda: _adam_first_step(eta=1.0), "You left out η: the step is η·m̂ / (√v̂ + ε)."),
        )),
    "08.mean_eta": Exercise(
        "number", lambda: SUM_ETA * training_images(), digits=3,
        nudge="The mean gradient is the summed gradient divided by the number of samples in the batch.",
        hint="η_mean · (1/m)·Σg = η_sum · Σg: solve for η_mean, with m the number of training images.",
        mistakes=(
            Mistake(lambda: SUM_ETA / training_images(), "The other way round: the mean gradient is "
                    "m times smaller than the sum, so η must be m times larger for the same step."),
            Mistake(lambda: SUM_ETA, "With the mean the gradient is m times smaller; the same η makes m times "
                    "smaller steps."),
            Mistake(lambda: SUM_ETA * DIGIT_IMAGES, "m is the number of training images (Step 3's split), not of all "
                    "the digits."),
        )),
    "08.taken_for_nine": Exercise(
        "number", _taken_for_nine, digits=0,
        nudge="Find the column of the predicted 9s in the confusion matrix, and leave out the right answers.",
        hint="Column 9 counts every test image predicted as 9; the one on the diagonal was a 9.",
        mistakes=(
            Mistake(lambda: _taken_for_nine("column"), "That counts every image predicted as 9, the real 9s "
                    "included: leave out the diagonal."),
            Mistake(lambda: _taken_for_nine("row"), "That is the row of the 9s: 9s taken for another digit. The "
                    "question asks for other digits taken for a 9: the column."),
            Mistake(lambda: _taken_for_nine("diagonal"), "That is the 9s recognised as 9: the diagonal."),
        )),
    "08.batch16": Exercise(
        "number", lambda: _accuracy(16), digits=3,
        nudge="Train with batch_size=16 and everything else as in Step 5, then measure on the validation set.",
        hint="Step 5's recipe with batch_size=16; accuracy(net.forward(X_val).output, y_val) of the trained "
             "network.",
        mistakes=(
            Mistake(lambda: _accuracy(32), "That is batch size 32, Step 5's run; this exercise trains with 16."),
            Mistake(lambda: _accuracy(16, "test"), "That is the test set; the exercise asks for the validation "
                    "set (the test set is kept for the very end)."),
            Mistake(lambda: 100 * _accuracy(16), "That is a percentage: give the share between 0 and 1, or add the "
                    "% sign."),
        )),
}
