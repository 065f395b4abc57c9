"""The equations of backpropagation, one function each.

Shapes: a layer with n_in inputs and n_out neurons has W of shape (n_out, n_in)
(row = receiving neuron) and b of shape (n_out,) or (1,) when one bias is shared
by the whole layer.  Samples are rows: a batch of m inputs is an (m, n_in)
array.  Every function also accepts extra leading axes (…), so that many
networks (for example one per learning rate) can be computed in one call.

With samples as rows, the column-vector equations of the notebooks

    z = W a_prev + b              δ_L = ∂E/∂a ⊙ f'(z)
    δ_l = (W_{l+1}ᵀ δ_{l+1}) ⊙ f'(z_l)      ∂E/∂W = δ a_prevᵀ     ∂E/∂b = δ

are written with the transposes on the other side: z = a_prev Wᵀ + b,
δ_l = δ_{l+1} W_{l+1}, ∂E/∂W = δᵀ a_prev (which also sums over the samples).
"""

def layer_forward(W, b, a_prev, f):
    """net and out of one layer: z = W a_prev + b, a = f(z)."""
    z = a_prev @ W.mT + b[..., None, :]
    return z, f(z)


def forward_pass(weights, biases, x, f, f_out=None):
    """All layers, input to output (the output layer with ``f_out`` if given, e.g. linear or softmax).
    Returns the lists z (nets) and a (outs)."""
    zs, outs = [], []
    a = x
    for l, (W, b) in enumerate(zip(weights, biases)):
        z, a = layer_forward(W, b, a, f_out if f_out is not None and l == len(weights) - 1 else f)
        zs.append(z)
        outs.append(a)
    return zs, outs


def delta_output(z, a, t, fprime, dloss, matched=False):
    """δ of the output layer: δ_L = ∂E/∂a ⊙ f'(z).

    For E = ½Σ(t − o)² and the sigmoid: δ_o = (o − t) · o (1 − o).
    For a matched pair (sigmoid + cross-entropy, softmax + categorical cross-entropy, linear + ½Σ(t − o)²)
    the factors cancel: δ_o = o − t.
    """
    if matched:
        return a - t
    return dloss(a, t) * fprime(z, a)


def delta_hidden(W_next, delta_next, z, a, fprime):
    """δ of a hidden layer: δ_l = (W_{l+1}ᵀ δ_{l+1}) ⊙ f'(z_l).

    For h1 of the example: δ_h1 = (δ_o1 w5 + δ_o2 w7) · h1 (1 − h1).
    """
    return (delta_next @ W_next) * fprime(z, a)


def weight_gradient(delta, a_prev):
    """∂E/∂W = δ a_prevᵀ: entry (j, k) is δ_j · a_prev_k, summed over samples.

    For w5 (from h1 to o1): ∂E/∂w5 = δ_o1 · out_h1.
    """
    return delta.mT @ a_prev


def bias_gradient(delta, n_biases):
    """∂E/∂b = δ, summed over samples, and over the neurons when b is shared.

    With b1 shared by h1 and h2: ∂E/∂b1 = δ_h1 + δ_h2.
    """
    g = delta.sum(axis=-2)
    if n_biases == 1:
        g = g.sum(axis=-1, keepdims=True)
    return g


def backward_pass(weights, biases, x, t, zs, outs, fprime, dloss, fprime_out=None, matched=False,
                  on_layer=None, sequential=False, bias_gradients=True):
    """All deltas and gradients, output to input (the chain rule, layer by layer).

    This loop is the backward half of every training step in bplib. ``on_layer(l, ∂E/∂W, ∂E/∂b)``, if given,
    is called as soon as layer l's gradients are known: training updates the layer there (in place).
    sequential=False (correct): the δ of the layer below is computed first, with the weights of the forward
    pass. sequential=True (the sources' slip): after the update, so it reads the already-updated weights.
    bias_gradients=False skips ∂E/∂b (None): training with fixed biases does not need it."""
    L = len(weights)
    deltas = [None] * L
    grad_w = [None] * L
    grad_b = [None] * L
    deltas[-1] = delta_output(zs[-1], outs[-1], t, fprime_out or fprime, dloss, matched)
    for l in reversed(range(L)):
        a_prev = x if l == 0 else outs[l - 1]
        grad_w[l] = weight_gradient(deltas[l], a_prev)
        grad_b[l] = bias_gradient(deltas[l], biases[l].shape[-1]) if bias_gradients else None
        if l > 0 and not sequential:
            deltas[l - 1] = delta_hidden(weights[l], deltas[l], zs[l - 1], outs[l - 1], fprime)
        if on_layer is not None:
            on_layer(l, grad_w[l], grad_b[l])
        if l > 0 and sequential:
            deltas[l - 1] = delta_hidden(weights[l], deltas[l], zs[l - 1], outs[l - 1], fprime)
    return deltas, grad_w, grad_b

