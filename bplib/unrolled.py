"""The same training step, written out neuron by neuron: one line per equation.

    print(bplib.unrolled.source(net))     # every equation of one training step of ``net``

For the worked example this prints exactly the equations of notebooks 1–3
(net_h1 = w1*i1 + w2*i2 + b1, …, delta_h1 = (delta_o1*w5 + delta_o2*w7)*…, w1 = w1 - eta*…).
``train`` also runs this code: for one sample and a small network, plain Python
arithmetic on a few dozen numbers is much faster than numpy's matrix machinery,
whose every call costs about a microsecond however small the matrix.

The matrix form in ``backprop.py`` stays the general engine (batches, online
learning, large networks); the tests check that both give the same numbers.
"""

from .plots import neuron_names

# activation name -> (out from net, f'(net) written with net z and out a); ``tanh`` and
# ``maximum`` are passed in (math.tanh and max)
SCALAR_ACTIVATIONS = {
    "sigmoid": ("0.5 + 0.5 * tanh(0.5 * {z})", "{a} * (1 - {a})"),   # σ(z) = ½(1 + tanh(z/2))
    "tanh": ("tanh({z})", "(1 - {a} * {a})"),
    "relu": ("maximum({z}, 0.0)", "({z} > 0) * 1.0"),
    "linear": ("{z}", "1.0"),
}
MAX_PARAMETERS = 200   # beyond this the written-out code gets long; the matrix engine takes over


def supported(net, n_samples, mode):
    """Whether ``train`` can use the unrolled step for this network and data."""
    return (n_samples == 1 and mode == "batch" and net.loss_name == "half_sse"
            and net.activation in SCALAR_ACTIVATIONS
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


def source(net, learn_biases=False, update="simultaneous"):
    """Python source of a function that trains ``net`` on one sample, one equation per line."""
    neurons, Wn, bn = _names(net)
    out_of, fprime = SCALAR_ACTIVATIONS[net.activation]
    L = len(net.weights)
    inputs, outputs = neurons[0], neurons[-1]
    targets = [f"t{j + 1}" for j in range(len(outputs))]
    params = [w for layer in Wn for row in layer for w in row] + [b for layer in bn for b in layer]

    def bias(l, j):
        return bn[l][0] if len(bn[l]) == 1 else bn[l][j]

    def out(l, k):   # out of neuron k of layer l (layer 0 = the inputs, used as they are)
        return neurons[l][k] if l == 0 else f"out_{neurons[l][k]}"

    lines = [f"def train_unrolled({', '.join(params + inputs + targets)}, eta, steps, history, tanh, maximum):",
             "    for s in range(steps + 1):",
             "        # forward pass"]
    for l in range(1, L + 1):
        for j, name in enumerate(neurons[l]):
            terms = " + ".join(f"{Wn[l - 1][j][k]} * {out(l - 1, k)}" for k in range(len(neurons[l - 1])))
            lines.append(f"        net_{name} = {terms} + {bias(l - 1, j)}")
            lines.append(f"        out_{name} = {out_of.format(z=f'net_{name}')}")
    errors = [f"err_{o} = out_{o} - {t}" for o, t in zip(outputs, targets)]
    lines += [f"        {e}" for e in errors]
    lines.append("        E = 0.5 * (" + " + ".join(f"err_{o} * err_{o}" for o in outputs) + ")")
    lines.append(f"        history += ({', '.join(['E'] + [f'out_{o}' for o in outputs] + params)})")
    lines += ["        if s == steps:", "            break", "        # backward pass, output layer first"]
    for o in outputs:
        lines.append(f"        delta_{o} = err_{o} * {fprime.format(z=f'net_{o}', a=f'out_{o}')}")
    for l in range(L, 0, -1):      # layer l: its δ are known; update its weights, pass δ down
        below = []
        if l > 1:
            for k, h in enumerate(neurons[l - 1]):
                back = " + ".join(f"delta_{neurons[l][j]} * {Wn[l - 1][j][k]}" for j in range(len(neurons[l])))
                below.append(f"        delta_{h} = ({back}) * {fprime.format(z=f'net_{h}', a=f'out_{h}')}")
        updates = [f"        {Wn[l - 1][j][k]} = {Wn[l - 1][j][k]} - eta * delta_{neurons[l][j]} * {out(l - 1, k)}"
                   for j in range(len(neurons[l])) for k in range(len(neurons[l - 1]))]
        if learn_biases:
            if len(bn[l - 1]) == 1:
                total = " + ".join(f"delta_{n}" for n in neurons[l])
                updates.append(f"        {bn[l - 1][0]} = {bn[l - 1][0]} - eta * ({total})")
            else:
                updates += [f"        {bn[l - 1][j]} = {bn[l - 1][j]} - eta * delta_{n}"
                            for j, n in enumerate(neurons[l])]
        # simultaneous: the δ below use this layer's weights before they change; sequential: after
        lines += below + updates if update == "simultaneous" else updates + below
    return "\n".join(lines) + "\n"


def compile_step(net, learn_biases=False, update="simultaneous"):
    """The function of ``source``, compiled."""
    namespace = {}
    exec(compile(source(net, learn_biases, update), "<bplib.unrolled>", "exec"), namespace)
    return namespace["train_unrolled"]
