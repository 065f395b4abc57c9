"""A fully connected network of any layer sizes: its parameters and the three
things we ask of it (forward pass, loss, gradients)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from . import checks
from .activations import ACTIVATIONS, OUTPUT_ACTIVATIONS
from .backprop import backward_pass, forward_pass
from .i18n import _
from .losses import LOSSES, MATCHED


@dataclass
class Trace:
    """Everything the forward pass computed.

    ``z[l]`` and ``a[l]`` are the nets and outs of layer l+1 (``z[0]`` belongs
    to the first hidden layer); ``output`` is ``a[-1]``.
    """

    x: np.ndarray
    z: list
    a: list

    @property
    def output(self):
        return self.a[-1]


class Functions(NamedTuple):
    """What the forward and backward passes need of a network's choices (``net.functions()``)."""

    f: Callable              # activation of the hidden layers: out = f(net)
    f_out: Callable          # activation of the output layer
    fprime: Callable         # f′(net, out) of the hidden layers
    fprime_out: Callable     # f′ of the output layer
    dloss: Callable          # ∂E/∂out
    matched: bool            # the loss and the output activation cancel to δ_o = out − t (losses.MATCHED)
    loss: Callable           # E(out, t)


@dataclass
class Gradients:
    """∂E/∂W and ∂E/∂b for every layer (same shapes as the network's
    parameters) and the δ of every layer (same shapes as ``Trace.z``)."""

    weights: list
    biases: list
    deltas: list
    names: tuple

    def named(self):
        """The gradients by parameter name: ``{"w1": ∂E/∂w1, …, "b1": ∂E/∂b1, …}``."""
        return name_values(self.names, self.weights, self.biases)


# the standard deviation of a starting weight, by rule: fan-in n_in, fan-out n_out
INITS = {"lecun": lambda n_in, n_out: np.sqrt(1.0 / n_in),
         "xavier": lambda n_in, n_out: np.sqrt(2.0 / (n_in + n_out)),
         "he": lambda n_in, n_out: np.sqrt(2.0 / n_in)}


class Network:
    """A fully connected feed-forward network.

    ``sizes``       neurons per layer, input first: ``[2, 2, 2]`` is the worked example.
    ``weights``     one array per layer, W of shape (n_out, n_in); row j holds the
                    weights into neuron j.  None: drawn with ``seed`` by the rule ``init``.
    ``init``        how weights are drawn when none are given (notebooks 6 and 8): "lecun", N(0, 1/n_in)
                    (the default); "xavier" (Glorot & Bengio), N(0, 2/(n_in + n_out)), for sigmoid and
                    tanh; "he" (He et al.), N(0, 2/n_in), for ReLU: each keeps the size of the signal
                    about the same from layer to layer.
    ``biases``      one entry per layer: a number (one bias shared by the whole
                    layer, as in the example) or n_out numbers (one per neuron).
                    None: one zero bias per neuron.
    ``activation``  a name from ``bplib.ACTIVATIONS`` ("sigmoid", "tanh", "relu", "leaky_relu", "linear").
    ``loss``        a name from ``bplib.LOSSES``: "half_sse" (E = ½Σ(t − o)²), "cross_entropy"
                    (sigmoid outputs, targets in [0, 1]) or "categorical_cross_entropy" (softmax outputs).
    ``output_activation``  the output layer's, if it differs: e.g. "linear" for regression, "softmax"
                    for classes (None: the same as ``activation``).

    Parameters are numbered in reading order, layer by layer and row by row:
    for 2-2-2, W¹ = [[w1, w2], [w3, w4]] and W² = [[w5, w6], [w7, w8]].
    """

    def __init__(self, sizes, weights=None, biases=None, activation="sigmoid", seed=None,
                 loss="half_sse", output_activation=None, init="lecun"):
        self.sizes = _check_sizes(sizes)
        self.activation = checks.choice("activation", activation, list(ACTIVATIONS))
        self.loss_name = checks.choice("loss", loss, list(LOSSES))
        self.output_activation = self.activation if output_activation is None else checks.choice(
            "output_activation", output_activation, list(OUTPUT_ACTIVATIONS))
        _check_pairing(self.loss_name, self.output_activation)
        layers = list(zip(self.sizes[1:], self.sizes[:-1]))  # (n_out, n_in) per layer
        checks.choice("init", init, list(INITS))
        if weights is None:
            rng = np.random.default_rng(seed)
            weights = [rng.normal(0.0, INITS[init](n_in, n_out), (n_out, n_in)) for n_out, n_in in layers]
        if biases is None:
            biases = [np.zeros(n_out) for n_out, _ in layers]
        _check_count("weights", weights, len(layers))
        _check_count("biases", biases, len(layers))
        self.weights = [checks.array(f"weights[{l}]", W, (n_out, n_in))
                        for l, (W, (n_out, n_in)) in enumerate(zip(weights, layers))]
        self.biases = [checks.array(f"biases[{l}]", b, [(), (1,), (n_out,)],
                                    f"() or (1,) (shared by the layer) or ({n_out},) (one per neuron)"
                                    ).reshape(-1)
                       for l, (b, (n_out, _)) in enumerate(zip(biases, layers))]

    # --- what the notebooks call -------------------------------------------
    def forward(self, x):
        """The forward pass: every layer's z (net) and a (out) for input x.

        x is one sample of shape (n_in,) or a batch of shape (m, n_in).
        """
        X, single = self.inputs(x)
        fns = self.functions()
        zs, outs = forward_pass(self.weights, self.biases, X, fns.f, fns.f_out)
        if single:
            zs, outs = [z[0] for z in zs], [a[0] for a in outs]
        return Trace(x=X[0] if single else X, z=zs, a=outs)

    def loss(self, x, t):
        """E for input x and target t (E = ½Σ(t − o)² for "half_sse")."""
        X, _ = self.inputs(x)
        T = self.targets(t, X.shape[0])
        fns = self.functions()
        _, outs = forward_pass(self.weights, self.biases, X, fns.f, fns.f_out)
        return float(fns.loss(outs[-1], T))

    def gradients(self, x, t):
        """Backpropagation: ∂E/∂W, ∂E/∂b and δ of every layer, as a ``Gradients``."""
        X, single = self.inputs(x)
        T = self.targets(t, X.shape[0])
        fns = self.functions()
        zs, outs = forward_pass(self.weights, self.biases, X, fns.f, fns.f_out)
        deltas, gw, gb = backward_pass(self.weights, self.biases, X, T, zs, outs, fns.fprime, fns.dloss,
                                       fns.fprime_out, fns.matched)
        if single:
            deltas = [d[0] for d in deltas]
        return Gradients(weights=gw, biases=gb, deltas=deltas, names=self.parameter_names())

    # --- helpers --------------------------------------------------------------
    def functions(self):
        """What the passes need, as a ``Functions`` (f, f_out, fprime, fprime_out, dloss, matched)."""
        f, fprime = ACTIVATIONS[self.activation]
        f_out, fprime_out = OUTPUT_ACTIVATIONS[self.output_activation]
        matched = (self.loss_name, self.output_activation) in MATCHED
        loss, dloss = LOSSES[self.loss_name]
        return Functions(f, f_out, fprime, fprime_out, dloss, matched, loss)

    def parameter_names(self):
        """Names in reading order: ("w1", …) per layer, then ("b1", …) or ("b1_1", …)."""
        return parameter_names(self.sizes, [b.size for b in self.biases])

    def named(self):
        """The parameters by name: ``{"w1": 0.15, …, "b1": 0.35, "b2": 0.6}`` for the example."""
        return name_values(self.parameter_names(), self.weights, self.biases)

    def copy(self):
        """An independent copy (training a copy leaves this network as it was)."""
        return self.with_parameters([W.copy() for W in self.weights], [b.copy() for b in self.biases])

    def with_parameters(self, weights, biases):
        """A network like this one (sizes, activations, loss) with other weights and biases: the one way bplib
        makes a trained network from its parameters, so that no choice of this network is lost."""
        return Network(self.sizes, weights, biases, activation=self.activation, loss=self.loss_name,
                       output_activation=self.output_activation)

    def __repr__(self):
        shared = "shared" if all(b.size == 1 for b in self.biases) else "per-neuron"
        sizes = "-".join(str(n) for n in self.sizes)
        output = "" if self.output_activation == self.activation else f", output_activation={self.output_activation!r}"
        return f"Network({sizes}, activation={self.activation!r}{output}, loss={self.loss_name!r}, {shared} biases)"

    def inputs(self, x):
        """x checked against the input layer, as a batch (m, n_in), and whether it was one sample."""
        n_in = self.sizes[0]
        X = checks.array("x", x, [(n_in,), (None, n_in)], _("({n},) or (m, {n})").format(n=n_in))
        if X.ndim == 1:
            return X[None, :], True
        if X.shape[0] == 0:
            raise ValueError(_("x must hold at least one sample; got shape (0, …)"))
        return X, False

    def targets(self, t, m):
        """t checked against the output layer and the loss, for m samples, as an (m, n_out) array."""
        n_out = self.sizes[-1]
        shapes = [(n_out,), (1, n_out)] if m == 1 else [(m, n_out)]
        text = f"({n_out},)" if m == 1 else _("({m}, {n}) (one row per sample of x)").format(m=m, n=n_out)
        T = checks.array("t", t, shapes, text).reshape(m, n_out)
        if self.loss_name != "half_sse" and (np.any(T < 0) or np.any(T > 1)):
            raise ValueError(_(
                "t must lie in [0, 1] for loss={loss_name!r} (targets are probabilities); got values from "
                "{value:g} to {value2:g}").format(loss_name=self.loss_name, value=T.min(), value2=T.max()))
        if self.loss_name == "categorical_cross_entropy" and not np.allclose(T.sum(axis=1), 1.0):
            raise ValueError(_(
                "t must sum to 1 in every row for loss='categorical_cross_entropy' (one distribution over the "
                "{n_out} classes, e.g. one-hot); got row sums {value}").format(n_out=n_out, value=T.sum(axis=1)))
        return T


def parameter_names(sizes, bias_sizes):
    """w1, w2, … through all layers in reading order; b1, b2, … for shared biases,
    b1_1, b1_2, … (layer, neuron) for per-neuron ones."""
    names, k = [], 0
    for n_out, n_in in zip(sizes[1:], sizes[:-1]):
        names.append(tuple(f"w{k + i + 1}" for i in range(n_out * n_in)))
        k += n_out * n_in
    for l, nb in enumerate(bias_sizes, start=1):
        names.append((f"b{l}",) if nb == 1 else tuple(f"b{l}_{j}" for j in range(1, nb + 1)))
    return tuple(names)


def neuron_names(sizes):
    """i1, i2 | h1, h2 | o1, o2 for one hidden layer; h1_1 … (layer_neuron) for more."""
    hidden = len(sizes) - 2
    names = [[f"i{j + 1}" for j in range(sizes[0])]]
    for l in range(1, len(sizes) - 1):
        prefix = "h" if hidden == 1 else f"h{l}_"
        names.append([f"{prefix}{j + 1}" for j in range(sizes[l])])
    names.append([f"o{j + 1}" for j in range(sizes[-1])])
    return names


def name_values(names, weights, biases):
    """{name: value} of the parameters, names as ``parameter_names`` gives them."""
    values = {}
    for layer_names, array in zip(names, list(weights) + list(biases)):
        values.update(zip(layer_names, (float(v) for v in np.ravel(array))))
    return values


def _check_pairing(loss, output_activation):
    """The combinations that make sense: cross-entropy needs outputs in (0, 1); softmax's derivative is
    used only through δ_o = out − t, i.e. with categorical_cross_entropy."""
    if loss == "cross_entropy" and output_activation != "sigmoid":
        raise ValueError(_(
            "loss='cross_entropy' needs outputs in (0, 1): output_activation 'sigmoid'; got "
            "{output_activation!r}").format(output_activation=output_activation))
    if (loss == "categorical_cross_entropy") != (output_activation == "softmax"):
        raise ValueError(_(
            "loss='categorical_cross_entropy' and output_activation='softmax' go together (δ_o = out − t); got "
            "loss={loss!r} with output_activation={output_activation!r}").format(
                loss=loss, output_activation=output_activation))


def _check_sizes(sizes):
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
        raise TypeError(_(
            "sizes must be a list of layer sizes such as [2, 2, 2]; got {sizes!r}").format(sizes=sizes))
    if len(sizes) < 2:
        raise ValueError(_(
            "sizes needs at least 2 layers (inputs and outputs); got {sizes!r}").format(sizes=list(sizes)))
    return [checks.integer(f"sizes[{i}]", n, low=1) for i, n in enumerate(sizes)]


def _check_count(name, values, expected):
    if isinstance(values, np.ndarray) or not hasattr(values, "__len__") or len(values) != expected:
        raise ValueError(_(
            "{name} must be a list with one entry per layer ({expected}); got {values!r}").format(
                name=name, expected=expected, values=values))


def random_start(sizes, seed, activation="sigmoid"):
    """A network to start training from: every weight from N(0, 1/n_in), every bias from N(0, 1).

    One generator, seeded with ``seed``, draws all the weights, layer by layer, and then all the biases,
    so the biases are independent of the weights (the same seed never gives a bias equal to a weight).
    ``sizes`` as for Network, e.g. [2, 3, 1]."""
    sizes = _check_sizes(sizes)
    rng = np.random.default_rng(seed)
    layers = list(zip(sizes[1:], sizes[:-1]))
    weights = [rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_out, n_in)) for n_out, n_in in layers]
    biases = [rng.normal(0.0, 1.0, n_out) for n_out, _ in layers]
    return Network(sizes, weights=weights, biases=biases, activation=activation)
