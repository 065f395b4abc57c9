"""How good a classifier is (notebook 8): the class it picks, how often it is right, and where it is wrong.

    predicted = predictions(outputs)          # the class of each sample: the output neuron with the largest out
    accuracy(outputs, labels)                 # the share of samples whose class is right
    confusion_matrix(labels, predicted, 10)   # C[i, j]: samples of class i taken for class j
"""

import numpy as np

from . import checks
from .i18n import _


def labels_checked(name, labels, classes=None):
    """``labels`` as integers 0 … classes − 1 (one per sample), or a clear error naming ``name``."""
    labels = np.asarray(labels)
    if labels.ndim != 1 or labels.size == 0:
        raise ValueError(_(
            "{name} must be a list of class numbers, one per sample; got shape {shape}").format(
                name=name, shape=labels.shape))
    if not np.issubdtype(labels.dtype, np.integer):
        if not np.issubdtype(labels.dtype, np.number) or not np.all(np.isfinite(labels)) \
                or not np.all(labels == np.round(labels)):
            raise ValueError(_(
                "{name} must hold whole class numbers 0, 1, 2, …; got {value} …").format(
                    name=name, value=labels[:5].tolist()))
        labels = labels.astype(int)
    if labels.min() < 0 or (classes is not None and labels.max() >= classes):
        top = "" if classes is None else f" … {classes - 1}"
        raise ValueError(_(
            "{name} must lie in 0{top}; got values from {value} to {value2}").format(
                name=name, top=top, value=labels.min(), value2=labels.max()))
    return labels


def predictions(outputs):
    """The class of each sample: the index of its largest output (a row of ``outputs`` per sample)."""
    outputs = np.asarray(outputs, dtype=float)
    if outputs.ndim != 2:
        raise ValueError(_(
            "outputs must have one row per sample, shape (m, classes); got shape {shape}").format(shape=outputs.shape))
    return np.argmax(outputs, axis=1)


def accuracy(outputs, labels):
    """The share of samples whose predicted class (largest output) equals their label: 0 … 1."""
    predicted = predictions(outputs)
    labels = labels_checked("labels", labels, np.asarray(outputs).shape[1])
    if labels.shape != predicted.shape:
        raise ValueError(_(
            "labels must hold one class per row of outputs ({n_predicted}); got {n_labels}").format(
                n_predicted=len(predicted), n_labels=len(labels)))
    return float(np.mean(predicted == labels))


def confusion_matrix(labels, predicted, classes):
    """C[i, j] = the number of samples of class i (``labels``) predicted as class j: right answers on the
    diagonal, each mistake off it."""
    classes = checks.integer("classes", classes, low=1)
    labels = labels_checked("labels", labels, classes)
    predicted = labels_checked("predicted", predicted, classes)
    if labels.shape != predicted.shape:
        raise ValueError(_(
            "labels and predicted must have one entry per sample each; got {n_labels} and {n_predicted}").format(
                n_labels=len(labels), n_predicted=len(predicted)))
    C = np.zeros((classes, classes), dtype=int)
    np.add.at(C, (labels, predicted), 1)
    return C
