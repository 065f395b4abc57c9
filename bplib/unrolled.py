"""One training step, written out neuron by neuron: one equation per line.

    bplib.unrolled.equations(net)          # the step as a list of Equation, in the order of the algorithm
    print(bplib.unrolled.source(net))      # the same equations as a Python training loop
    bplib.unrolled.walk(net, x, t, eta)    # the same equations evaluated one by one, with the numbers

This list of equations is the single source of the math written out: ``train`` runs its
Python form (for one sample and a small network, plain arithmetic on a few dozen floats
is much faster than numpy's matrix machinery, whose every call costs about a microsecond
however small the matrix), and the step-through player shows it one equation at a time.
For the worked example they are exactly the equations of notebooks 1–3:

    net_h1 = w1·i1 + w2·i2 + b1,  out_h1 = σ(net_h1),  …,  E = ½(t1 − out_o1)² + ½(t2 − out_o2)²,
    δ_o1 = (out_o1 − t1)·out_o1(1 − out_o1),  δ_h1 = (δ_o1·w5 + δ_o2·w7)·out_h1(1 − out_h1),
    ∂E/∂w5 = δ_o1·out_h1,  …,  w5⁺ = w5 − η·∂E/∂w5,  …

The matrix form in ``backprop.py`` stays the general engine (batches, online learning,
large networks); the tests check that both give the same numbers.
"""

import math
import string
from dataclasses import dataclass

import numpy as np

from .activations import LEAKY_SLOPE
from .i18n import N_, Word, _
from .losses import EPS, MATCHED
from .network import neuron_names

# activation name -> (out from net, f'(net) written with net z and out a) as Python code; ``tanh`` and
# ``maximum`` are passed in (math.tanh and max) -- and the same as the notebooks write them
SCALAR_ACTIVATIONS = {
    "sigmoid": ("0.5 + 0.5 * tanh(0.5 * {z})", "{a} * (1 - {a})"),   # σ(z) = ½(1 + tanh(z/2))
    "tanh": ("tanh({z})", "(1 - {a} * {a})"),
    "relu": ("maximum({z}, 0.0)", "({z} > 0) * 1.0"),
    "leaky_relu": (f"maximum({{z}}, {LEAKY_SLOPE} * {{z}})", f"(1.0 if {{z}} > 0 else {LEAKY_SLOPE})"),
    "linear": ("{z}", "1.0"),
}
SHOWN_ACTIVATIONS = {
    "sigmoid": ("σ({z})", "{a}(1 − {a})"),
    "tanh": ("tanh({z})", "(1 − {a}²)"),
    "relu": ("max({z}, 0)", "[{z} > 0]"),
    "leaky_relu": (f"max({{z}}, {LEAKY_SLOPE}·{{z}})", f"[1 or {LEAKY_SLOPE}]"),
    "linear": ("{z}", "1"),
}
LOSS_TERMS = {   # loss name -> E as Python code around the sum of one term per output, the term, and the term
    # as the notebooks write it
    "half_sse": ("0.5 * ({})", "(out_{o} - {t}) * (out_{o} - {t})", "½({{{t}}} − {{out_{o}}})²"),
    "cross_entropy": ("-({})", "{t} * log(out_{o}) + (1 - {t}) * log(1 - out_{o})",
                      "−[{{{t}}}·ln {{out_{o}}} + (1 − {{{t}}})·ln(1 − {{out_{o}}})]"),
}
MAX_PARAMETERS = 200   # beyond this the written-out code gets long; the matrix engine takes over
PHASES = (N_("forward"), N_("loss"), N_("backward"), N_("update"))      # N_: the player shows them translated


def safe_log(v):
    """ln v, with v kept at least EPS = 1e-15 (as in losses.py): a saturated output gives a large, finite E."""
    return math.log(max(v, EPS))


@dataclass(frozen=True)
class Equation:
    """One line of the training step.

    ``target``  the variable it writes ("net_h1", "delta_o1", "dE_dw5", "w5" (the updated w5), "E")
    ``code``    the right-hand side as Python, in the notebooks' names
    ``shown``   the right-hand side as the notebooks write it, a template with a field per variable:
                "{w1}·{i1} + {w2}·{i2} + {b1}"
    ``phase``   "forward", "loss", "backward" or "update"
    """

    target: str
    code: str
    shown: str
    phase: str

    @property
    def reads(self):
        """The variables the equation reads, in order of appearance, each once."""
        names = [field for _, field, _, _ in string.Formatter().parse(self.shown) if field]
        return tuple(dict.fromkeys(names))


def display_name(name, updated=False):
    """How the notebooks write a variable: delta_o1 → δ_o1, dE_dw5 → ∂E/∂w5, eta → η, w5 (new) → w5⁺."""
    if name == "eta":
        return "η"
    if name.startswith("delta_"):
        return "δ_" + name[6:]
    if name.startswith("dE_d"):
        return "∂E/∂" + name[4:]
    return name + ("⁺" if updated else "")


def supported(net, n_samples, mode):
    """Whether ``train`` can use the unrolled step for this network and data."""
    return (n_samples == 1 and mode == "batch" and net.loss_name in LOSS_TERMS
            and net.activation in SCALAR_ACTIVATIONS and net.output_activation in SCALAR_ACTIVATIONS
            and sum(W.size + b.size for W, b in zip(net.weights, net.biases)) <= MAX_PARAMETERS)


def _names(net):
    """Symbol names: neurons (i1, h1, o1, …), weights per layer [[row of names] …], biases per layer."""
    neurons = neuron_names(net.sizes)
    weight_names, bias_names = [], []
    params = net.parameter_names()
    L = len(net.weights)
    for l, W in enumerate(net.weights):
        flat = params[l]
        weight_names.append([list(flat[j * W.shape[1]:(j + 1) * W.shape[1]]) for j in range(W.shape[0])])
        bias_names.append(list(params[L + l]))
    return neurons, weight_names, bias_names


def equations(net, learn_biases=False, update="simultaneous"):
    """The training step of ``net`` on one sample, one Equation per line, in the order of the algorithm:
    forward pass, loss, output δ's, hidden δ's, gradients, updates.

    update="simultaneous": every δ and gradient first (all with the weights of the forward pass), then all
    updates. update="sequential" (the sources' slip): layer by layer from the output, each layer updated
    as soon as its gradients are known, so the δ's of the layer below use the already-updated weights."""
    step = _StepWriter(net, learn_biases)
    L = len(net.weights)
    eqs = [eq for l in range(1, L + 1) for eq in step.forward(l)] + [step.loss()]
    if update == "simultaneous":
        eqs += [eq for l in range(L, 0, -1) for eq in step.deltas(l)]
        eqs += [eq for l in range(L, 0, -1) for eq in step.gradients(l)]
        eqs += [eq for l in range(L, 0, -1) for eq in step.updates(l)]
    else:
        eqs += [eq for l in range(L, 0, -1) for eq in step.deltas(l) + step.gradients(l) + step.updates(l)]
    return eqs


class _StepWriter:
    """Writes the equations of one training step of ``net``, layer by layer (layer 0 = the inputs, L = the
    outputs), each as Python code and as the notebooks show it."""

    def __init__(self, net, learn_biases):
        self.net, self.learn_biases = net, learn_biases
        self.neurons, self.Wn, self.bn = _names(net)
        self.L = len(net.weights)
        self.matched = (net.loss_name, net.output_activation) in MATCHED
        self.outputs = self.neurons[-1]
        self.targets = [f"t{j + 1}" for j in range(len(self.outputs))]

    def out(self, l, k):
        """The out of neuron k of layer l (the inputs are used as they are)."""
        return self.neurons[l][k] if l == 0 else f"out_{self.neurons[l][k]}"

    def bias(self, l, j):
        return self.bn[l][0] if len(self.bn[l]) == 1 else self.bn[l][j]

    def activation(self, l):
        return self.net.output_activation if l == self.L else self.net.activation

    def fprime(self, name, code, l):
        pattern = (SCALAR_ACTIVATIONS if code else SHOWN_ACTIVATIONS)[self.activation(l)][1]
        return pattern.format(z=f"net_{name}" if code else f"{{net_{name}}}",
                              a=f"out_{name}" if code else f"{{out_{name}}}")

    def forward(self, l):
        """net = Σ w·out + b, then out = f(net), for each neuron of layer l."""
        eqs, Wn = [], self.Wn
        for j, name in enumerate(self.neurons[l]):
            senders = range(len(self.neurons[l - 1]))
            eqs.append(Equation(
                f"net_{name}",
                " + ".join(f"{Wn[l - 1][j][k]} * {self.out(l - 1, k)}" for k in senders) + f" + {self.bias(l - 1, j)}",
                " + ".join(f"{{{Wn[l - 1][j][k]}}}·{{{self.out(l - 1, k)}}}" for k in senders)
                + f" + {{{self.bias(l - 1, j)}}}", "forward"))
            eqs.append(Equation(f"out_{name}", SCALAR_ACTIVATIONS[self.activation(l)][0].format(z=f"net_{name}"),
                                SHOWN_ACTIVATIONS[self.activation(l)][0].format(z=f"{{net_{name}}}"), "forward"))
        return eqs

    def loss(self):
        """E, one term per output."""
        code_sum, code_term, shown_term = LOSS_TERMS[self.net.loss_name]
        pairs = list(zip(self.outputs, self.targets))
        return Equation("E", code_sum.format(" + ".join(code_term.format(o=o, t=t) for o, t in pairs)),
                        " + ".join(shown_term.format(o=o, t=t) for o, t in pairs).replace("+ −", "−"), "loss")

    def deltas(self, l):
        """The δ's of layer l: (out − t)·f′ for the outputs (out − t for a matched pair), (Σ δ·w)·f′ below."""
        pairs = list(zip(self.outputs, self.targets))
        if l == self.L and self.matched:   # ∂E/∂out and f′ cancel (losses.MATCHED)
            return [Equation(f"delta_{o}", f"out_{o} - {t}", f"{{out_{o}}} − {{{t}}}", "backward") for o, t in pairs]
        if l == self.L:
            return [Equation(f"delta_{o}", f"(out_{o} - {t}) * {self.fprime(o, True, l)}",
                             f"({{out_{o}}} − {{{t}}})·{self.fprime(o, False, l)}", "backward") for o, t in pairs]
        result, above = [], self.neurons[l + 1]
        for k, h in enumerate(self.neurons[l]):
            back = " + ".join(f"delta_{above[j]} * {self.Wn[l][j][k]}" for j in range(len(above)))
            shown = " + ".join(f"{{delta_{above[j]}}}·{{{self.Wn[l][j][k]}}}" for j in range(len(above)))
            result.append(Equation(f"delta_{h}", f"({back}) * {self.fprime(h, True, l)}",
                                   f"({shown})·{self.fprime(h, False, l)}", "backward"))
        return result

    def gradients(self, l):
        """∂E/∂w = δ(receiver)·out(sender) for the weights into layer l (and ∂E/∂b = Σδ when biases learn)."""
        neurons, Wn, bn = self.neurons, self.Wn, self.bn
        result = [Equation(f"dE_d{Wn[l - 1][j][k]}", f"delta_{neurons[l][j]} * {self.out(l - 1, k)}",
                           f"{{delta_{neurons[l][j]}}}·{{{self.out(l - 1, k)}}}", "backward")
                  for j in range(len(neurons[l])) for k in range(len(neurons[l - 1]))]
        if self.learn_biases and len(bn[l - 1]) == 1:
            result.append(Equation(f"dE_d{bn[l - 1][0]}", " + ".join(f"delta_{n}" for n in neurons[l]),
                                   " + ".join(f"{{delta_{n}}}" for n in neurons[l]), "backward"))
        elif self.learn_biases:
            result += [Equation(f"dE_d{bn[l - 1][j]}", f"delta_{n}", f"{{delta_{n}}}", "backward")
                       for j, n in enumerate(neurons[l])]
        return result

    def updates(self, l):
        """p⁺ = p − η·∂E/∂p for the parameters into layer l."""
        names = [w for row in self.Wn[l - 1] for w in row] + (self.bn[l - 1] if self.learn_biases else [])
        return [Equation(p, f"{p} - eta * dE_d{p}", f"{{{p}}} − {{eta}}·{{dE_d{p}}}", "update") for p in names]


def source(net, learn_biases=False, update="simultaneous"):
    """Python source of a function that trains ``net`` on one sample, one equation per line."""
    neurons, Wn, bn = _names(net)
    inputs, outputs = neurons[0], neurons[-1]
    targets = [f"t{j + 1}" for j in range(len(outputs))]
    params = [w for layer in Wn for row in layer for w in row] + [b for layer in bn for b in layer]
    eqs = equations(net, learn_biases, update)
    lines = [f"def train_unrolled({', '.join(params + inputs + targets)}, eta, steps, history, tanh, maximum, log):",
             "    for s in range(steps + 1):",
             "        # " + _("forward pass and loss")]
    lines += [f"        {e.target} = {e.code}" for e in eqs if e.phase in ("forward", "loss")]
    lines.append(f"        history += ({', '.join(['E'] + [f'out_{o}' for o in outputs] + params)})")
    lines += ["        if s == steps:", "            break",
              "        # " + _("backward pass and update ({update})").format(update=update)]
    lines += [f"        {e.target} = {e.code}" for e in eqs if e.phase in ("backward", "update")]
    return "\n".join(lines) + "\n"


def compile_step(net, learn_biases=False, update="simultaneous"):
    """The function of ``source``, compiled."""
    namespace = {}
    exec(compile(source(net, learn_biases, update), "<bplib.unrolled>", "exec"), namespace)
    return namespace["train_unrolled"]


@dataclass
class Step:
    """One equation evaluated: ``text`` is the equation with its names and with the numbers put in,
    ``value`` what it gives, ``known`` every value known after it (name -> number; updated
    parameters appear as "w5+" etc., the old value stays under "w5")."""

    index: int
    equation: Equation
    value: float
    text: str
    known: dict

    @property
    def phase(self):
        """"forward", "loss", "backward" or "update": compares as the English word, prints in the language chosen."""
        return Word(self.equation.phase)

    @property
    def writes(self):
        return self.equation.target + ("+" if self.equation.phase == "update" else "")

    @property
    def reads(self):
        return self.equation.reads

    @property
    def rule(self):
        """The equation with its names only, no numbers: "δ_o1 = (out_o1 − t1)·out_o1(1 − out_o1)" (``text``
        begins with it)."""
        eq = self.equation
        shown_names = {n: display_name(n) for n in eq.reads}
        return f"{display_name(eq.target, eq.phase == 'update')} = {eq.shown.format_map(shown_names)}"


def number(value, inside=False):
    """A number as the step-through shows it: up to 9 significant digits, a true minus sign, and in
    parentheses when negative inside a formula (0.5·(−0.0226))."""
    text = f"{value:.9g}".replace("-", "−")
    return f"({text})" if inside and value < 0 else text


def walk(net, x, t, eta=0.5, learn_biases=False, update="simultaneous"):
    """Evaluate the equations of one training step one by one, at the inputs x and targets t: a list
    of Step, each with the equation written with the numbers put in, e.g.
    "net_h1 = w1·i1 + w2·i2 + b1 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775"."""
    neurons, Wn, bn = _names(net)
    names = [w for layer in Wn for row in layer for w in row] + [b for layer in bn for b in layer]
    values = [float(v) for W in net.weights for v in W.ravel()] + [float(v) for b in net.biases for v in b]
    x = [float(v) for v in (x.tolist() if hasattr(x, "tolist") else x)]
    t = [float(v) for v in (t.tolist() if hasattr(t, "tolist") else t)]
    if len(x) != len(neurons[0]) or len(t) != len(neurons[-1]):
        raise ValueError(_(
            "walk needs one sample: x with {n} numbers and t with {n2}; got {n_x} and {n_t}").format(
                n=len(neurons[0]), n2=len(neurons[-1]), n_x=len(x), n_t=len(t)))
    env = dict(zip(names, values))
    env.update(zip(neurons[0], x))
    env.update((f"t{j + 1}", v) for j, v in enumerate(t))
    env["eta"] = float(eta)
    known = dict(env)              # what the learner sees: old parameters stay, new ones are "w5+"
    functions = {"tanh": math.tanh, "maximum": max, "log": safe_log}
    steps = []
    for k, eq in enumerate(equations(net, learn_biases, update)):
        shown_values = {n: number(env[n], inside=True) for n in eq.reads}
        value = float(eval(eq.code, functions, env))  # noqa: S307 (our own generated equations)
        env[eq.target] = value
        known[eq.target + ("+" if eq.phase == "update" else "")] = value
        step = Step(k, eq, value, "", dict(known))
        step.text = f"{step.rule} = {eq.shown.format_map(shown_values)} = {number(value)}"
        steps.append(step)
    return steps


def run(net, X, T, eta, steps, learn_biases=False, update="simultaneous"):
    """Train ``net`` on the one sample X[0] → T[0] for ``steps`` updates per learning rate in ``eta``, with
    the written-out step on Python floats, one η after the other: the unrolled engine of ``bplib.train``.
    Returns the records (E, outputs, weights per layer, biases per layer), each with a leading η axis."""
    step = compile_step(net, learn_biases, update)
    n_out = T.shape[1]
    values = [float(v) for W in net.weights for v in W.ravel()] + [float(v) for b in net.biases for v in b]
    data = [float(v) for v in X[0]] + [float(v) for v in T[0]]
    columns = 1 + n_out + len(values)          # E, the outputs, the parameters
    tables = []
    for e in eta:
        history = []             # the step function appends E, the outputs and the parameters
        step(*values, *data, float(e), steps, history, math.tanh, max, safe_log)
        tables.append(np.array(history).reshape(steps + 1, columns))
    table = np.stack(tables)                     # (K, steps + 1, columns)
    rec_loss = table[:, :, 0]
    rec_out = table[:, :, 1:1 + n_out][:, :, None, :]
    column = 1 + n_out
    rec_W, rec_b = [], []
    for W in net.weights:
        rec_W.append(table[:, :, column:column + W.size].reshape(len(eta), steps + 1, *W.shape))
        column += W.size
    for b in net.biases:
        rec_b.append(table[:, :, column:column + b.size])
        column += b.size
    return rec_loss, rec_out, rec_W, rec_b
