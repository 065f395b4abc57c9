"""Gradient descent: repeat forward pass, backward pass, update w ← w − η ∂E/∂w.

``train`` trains one network and records everything; ``train_many`` trains one
copy per learning rate (results with a leading axis, one row per η), which is
how the training dashboard precomputes a whole slider range.

The equations are computed by one of two engines that give the same numbers:
the matrix form of ``backprop.py`` (any network, batches, online learning; many
η at once as stacked matrices) or the written-out form of ``unrolled.py`` (one
sample, small networks; plain Python floats, one η after the other).
"""

from dataclasses import dataclass, field

import numpy as np

from . import checks, optimisers, stopping, unrolled
from .backprop import backward_pass, forward_pass
from .i18n import N_, Word, _, kind_of
from .network import Network, name_values

UPDATES = ("simultaneous", "sequential")
ENGINES = ("auto", "matrices", "unrolled")
UNROLLED_MAX_RUNS = 30
MODES = ("batch", "online")
ETA_MAX = 1000.0


@dataclass
class History:
    """What happened during training.

    ``loss[s]``      E after s updates (``loss[0]`` is before training): steps + 1 values.
    ``outputs[s]``   the network's outputs after s updates (same shape as for ``net.forward``).
    ``weights[l][s]``, ``biases[l][s]``   layer l's parameters after s updates.
    ``net``          the trained network (the one passed in is left unchanged).
    ``diverged_at``  the first s whose loss is not a finite number, else None.

    From ``train_many`` every array has one more leading axis, one row per η,
    and ``net`` is a list of networks.
    """

    loss: np.ndarray
    outputs: np.ndarray
    weights: list
    biases: list
    net: object
    names: tuple = field(repr=False)
    diverged_at: object = None
    eta_trace: object = None          # η in force at every step (it changes with optimiser="bold_driver")
    stopped_at: object = None         # train with stopping rules: the last step kept,
    best_at: object = None            # the step whose weights are hist.net,
    stopped_because: str = ""         # and why (see stopping.py)
    validation_loss: object = None    # E on the validation set after every step (early stopping)
    start: object = field(default=None, repr=False)   # the network trained (its sizes, activations, loss)

    def network(self, step, run=None):
        """The network after ``step`` updates (for a History of ``train_many``, of the η of index ``run``)."""
        pick = (lambda a: a[step]) if run is None else (lambda a: a[run, step])
        return self.start.with_parameters([pick(W) for W in self.weights], [pick(b) for b in self.biases])

    def named(self, step, run=None):
        """The parameters after ``step`` updates by name: {"w1": …, "b1": …}.
        For a History of ``train_many``, ``run`` is the index of the η."""
        pick = (lambda a: a[step]) if run is None else (lambda a: a[run, step])
        return name_values(self.names, [pick(W) for W in self.weights], [pick(b) for b in self.biases])


def train(net, x, t, eta=0.5, steps=1, learn_biases=False, update="simultaneous", mode="batch",
          engine="auto", optimiser="gd", beta=0.9, shuffle=False, seed=None, target=None, validation=None,
          patience=None, batch_size=None, epochs=None, weight_decay=0.0, schedule=None, beta2=0.999, eps=1e-8):
    """Train a copy of ``net`` for ``steps`` updates with learning rate ``eta``.

    learn_biases  False: only the weights learn, as in the classic example; True: biases too.
    update        "simultaneous" (correct): every δ is computed with the weights of
                  the forward pass, then all weights change.  "sequential" (a slip
                  worth seeing): each layer is updated as soon as its gradient is
                  known, so the δ of the layer below uses the already-updated weights.
    mode          for a batch x of shape (m, n_in): "batch" makes one update per step
                  with the gradient of the whole batch, E = Σ over samples;
                  "online" makes one update per sample (a step = one epoch), in order, or in a new
                  random order every epoch with ``shuffle=True`` (and ``seed`` for the random order).
    batch_size, epochs
                  mini-batches (notebook 8): each epoch cuts the samples (in order, or in a new random order
                  with ``shuffle=True`` and ``seed``) into batches of ``batch_size`` (the last may be smaller)
                  and makes one update per batch with the gradient **averaged over the batch** (as PyTorch
                  and scikit-learn do, so η does not depend on the batch size; notebook 5's sum vs mean).
                  A step is then one epoch; ``epochs`` is another name for ``steps``.
    optimiser     "gd" (w ← w − η g), "momentum" (v ← βv + g, w ← w − ηv, with ``beta``),
                  "bold_driver" (η grows by 5 % after a step that lowered E; a step that raised E is
                  undone and η halved) or "adam" (β1 = ``beta``, ``beta2``, ``eps``): see optimisers.py.
    weight_decay  λ of L2 regularisation: g ← g + λw for every weight (not the biases).
    schedule      None, "step" or "cosine": η over the epochs (optimisers.learning_rate); needs ``epochs``.
    engine        how the same equations are computed: "matrices" (backprop.py, any case),
                  "unrolled" (unrolled.py, one line per neuron: one sample, small networks, plain
                  gradient descent, much faster there) or "auto" (unrolled where it applies).
    target, validation=(x_val, t_val), patience
                  stopping rules (stopping.py): stop once E < target; stop when the validation error
                  rose ``patience`` times in a row. ``hist.stopped_because`` says which rule ended it.
    """
    stopping.check(target, validation, patience)        # before any work, like every other option
    hist = train_many(net, x, t, etas=[eta], steps=steps, learn_biases=learn_biases, update=update, mode=mode,
                      engine=engine, optimiser=optimiser, beta=beta, shuffle=shuffle, seed=seed,
                      batch_size=batch_size, epochs=epochs, weight_decay=weight_decay, schedule=schedule,
                      beta2=beta2, eps=eps)
    one = History(loss=hist.loss[0], outputs=hist.outputs[0], weights=[W[0] for W in hist.weights],
                  biases=[b[0] for b in hist.biases], net=hist.net[0], names=hist.names,
                  diverged_at=hist.diverged_at[0], eta_trace=hist.eta_trace[0], start=net)
    return stopping.apply(one, net, target=target, validation=validation, patience=patience)


def train_many(net, x, t, etas, steps=1, learn_biases=False, update="simultaneous", mode="batch",
               engine="auto", optimiser="gd", beta=0.9, shuffle=False, seed=None, starts=None, batch_size=None,
               epochs=None, weight_decay=0.0, schedule=None, beta2=0.999, eps=1e-8):
    """Train one copy of ``net`` per learning rate in ``etas``.

    Same options as ``train`` (but no stopping rules); every array of the returned History has a leading
    axis of len(etas), ``net`` is a list of networks and ``diverged_at`` a list.
    ``starts``: a list of networks of ``net``'s shape, one per η, to start from instead of copies of ``net``
    (``train_population`` uses it: many random initialisations trained in one loop).
    """
    etas, steps = _checked(net, etas, steps, learn_biases, update, mode, engine, optimiser, beta, shuffle)
    steps, batch = _checked_batches(steps, epochs, batch_size, mode, weight_decay, schedule, shuffle)
    optimiser_made = optimisers.make(optimiser, beta, beta2, eps)
    X, single = net.inputs(x)
    T = net.targets(t, X.shape[0])
    starts = _checked_starts(net, starts, len(etas))
    eta = np.array(etas)
    plain = optimiser == "gd" and starts is None and batch_size is None and not weight_decay and schedule is None
    if _use_unrolled(net, X, len(etas), mode, engine, plain=plain):
        rec_loss, rec_out, rec_W, rec_b = unrolled.run(net, X, T, eta, steps, learn_biases, update)
        eta_trace = np.repeat(eta[:, None], steps + 1, axis=1)
    else:
        order = np.random.default_rng(seed) if shuffle else None
        rec_loss, rec_out, rec_W, rec_b, eta_trace = _run_matrices(
            net, X, T, eta.copy(), steps, learn_biases, update, mode, optimiser_made, order, starts, batch)
    return _history(net, eta, steps, rec_loss, rec_out[:, :, 0] if single else rec_out, rec_W, rec_b, eta_trace)


def _checked(net, etas, steps, learn_biases, update, mode, engine, optimiser, beta, shuffle):
    """Every option checked before any work, with a message that names the argument: (etas, steps)."""
    if not isinstance(net, Network):
        raise TypeError(_("net must be a bplib.Network; got {kind}").format(kind=kind_of(net)))
    optimisers.make(optimiser, beta)                   # checks the name and β
    if not isinstance(shuffle, bool):
        raise TypeError(_("shuffle must be True or False; got {shuffle!r}").format(shuffle=shuffle))
    etas = [checks.number("eta", e, low=0.0, high=ETA_MAX, low_inclusive=False,
                          hint=" (the learning rate η is the step size of w ← w − η ∂E/∂w)")
            for e in np.ravel(np.asarray(etas, dtype=object))]
    if not etas:
        raise ValueError(_("etas must hold at least one learning rate; got an empty list"))
    steps = checks.integer("steps", steps, low=0, high=10_000_000)
    checks.choice("update", update, UPDATES)
    checks.choice("mode", mode, MODES)
    checks.choice("engine", engine, ENGINES)
    if not isinstance(learn_biases, bool):
        raise TypeError(_(
            "learn_biases must be True or False; got {learn_biases!r}").format(learn_biases=learn_biases))
    return etas, steps


def _checked_batches(steps, epochs, batch_size, mode, weight_decay, schedule, shuffle):
    """(steps, batch) for the mini-batch options, checked: ``batch`` = (batch_size or None, weight_decay,
    schedule, epochs)."""
    if epochs is not None:
        epochs = checks.integer("epochs", epochs, low=0, high=10_000_000)
        if batch_size is None:
            raise ValueError(_(
                "epochs= counts passes over mini-batches: give batch_size too (batch_size=len(x) for full batch "
                "with the mean gradient), or steps= for full batch with E summed"))
        if steps not in (1, epochs):
            raise ValueError(_(
                "give epochs or steps, not both (epochs={epochs}, steps={steps}): with mini-batches a step is one "
                "epoch").format(epochs=epochs, steps=steps))
        steps = epochs
    if batch_size is not None:
        batch_size = checks.integer("batch_size", batch_size, low=1, high=10_000_000,
                                    hint=" (the number of samples of one update)")
        if mode != "batch":
            raise ValueError(_(
                "batch_size makes the updates from mini-batches: leave mode='batch' (mode='online' is batch_size=1)"))
    elif shuffle and mode != "online":
        raise ValueError(_(
            "shuffle=True needs mode='online' or a batch_size (it changes the order of the samples between updates)"))
    weight_decay = checks.number("weight_decay", weight_decay, low=0.0,
                                 hint=" (λ of L2 regularisation: g ← g + λw)")
    if schedule is not None:
        checks.choice("schedule", schedule, optimisers.SCHEDULES)
        if epochs is None:
            raise ValueError(_(
                "schedule={schedule!r} needs epochs= (the number of epochs it runs η over)").format(schedule=schedule))
    return steps, (batch_size, weight_decay, schedule, steps)


def _checked_starts(net, starts, runs):
    """``starts`` as a list of one network per run, each trainable in one loop with ``net`` (or None)."""
    if starts is None:
        return None
    starts = list(starts)
    if len(starts) != runs:
        raise ValueError(_(
            "starts must hold one network per η ({runs}); got {n_starts}").format(runs=runs, n_starts=len(starts)))
    for k, start in enumerate(starts):
        if not isinstance(start, Network) or start.sizes != net.sizes or \
                [b.size for b in start.biases] != [b.size for b in net.biases] or \
                (start.activation, start.output_activation, start.loss_name) != \
                (net.activation, net.output_activation, net.loss_name):
            raise ValueError(_(
                "starts[{k}] must be a Network of net's layer sizes {sizes}, biases, activations and loss (they "
                "are trained in one loop)").format(k=k, sizes=net.sizes))
    return starts


def _use_unrolled(net, X, runs, mode, engine, plain):
    """Which engine computes the step. "auto": the unrolled loop costs about 2 µs per step for each run; the
    matrix loop about 50 µs per step for one run and hardly more for many (about 100 µs for 100): unrolled
    wins up to ~30 runs, where it applies (one sample, plain gradient descent, a small network)."""
    applies = plain and unrolled.supported(net, X.shape[0], mode)
    if engine == "unrolled" and not applies:
        raise ValueError(_(
            "engine='unrolled' needs one sample, mode='batch', optimiser='gd', a loss and output activation other "
            "than softmax, and at most {MAX_PARAMETERS} parameters; use engine='auto'").format(
                MAX_PARAMETERS=unrolled.MAX_PARAMETERS))
    return engine == "unrolled" or (engine == "auto" and runs <= UNROLLED_MAX_RUNS and applies)


def _history(net, eta, steps, rec_loss, rec_out, rec_W, rec_b, eta_trace):
    """The History of a train_many run: the records, the trained networks, where each run diverged."""
    bad = ~np.isfinite(rec_loss)
    diverged_at = [int(np.argmax(row)) if row.any() else None for row in bad]
    hist = History(loss=rec_loss, outputs=rec_out, weights=rec_W, biases=rec_b, net=None,
                   names=net.parameter_names(), diverged_at=diverged_at, eta_trace=eta_trace, start=net)
    hist.net = [hist.network(steps, k) if diverged_at[k] is None else None for k in range(len(eta))]
    return hist


def train_population(nets, x, t, eta=0.5, steps=1, **options):
    """Train each network of ``nets`` (same layer sizes, e.g. many random initialisations) with the same
    η, in one loop: a History with one row per network. Options as for ``train_many``."""
    nets = list(nets)
    if not nets:
        raise ValueError(_("nets must hold at least one network; got an empty list"))
    return train_many(nets[0], x, t, etas=[eta] * len(nets), steps=steps, starts=nets, **options)


def _run_matrices(net, X, T, eta, steps, learn_biases, update, mode, optimiser, order=None, starts=None,
                  batch=(None, 0.0, None, 0)):
    """The training loop in matrix form (backprop.py): any sizes, batches, online learning, any optimiser.
    ``eta`` (one per run) may change during training (the bold driver, a schedule): its value at every step
    is returned. ``order``: a random generator for a new sample order every epoch (online mode, mini-batches),
    or None. ``batch``: (batch_size or None, weight_decay, schedule, epochs)."""
    batch_size, weight_decay, schedule, epochs = batch
    base = eta.copy()
    K = len(eta)
    sources = starts or [net] * K
    Ws = [np.stack([n.weights[l] for n in sources]).astype(float) for l in range(len(net.weights))]  # (K, out, in)
    bs = [np.stack([n.biases[l] for n in sources]).astype(float) for l in range(len(net.biases))]    # (K, n_b)
    rec_loss = np.empty((K, steps + 1))
    rec_out = np.empty((K, steps + 1) + T.shape)
    rec_W = [np.empty((K, steps + 1) + W.shape[1:]) for W in Ws]
    rec_b = [np.empty((K, steps + 1) + b.shape[1:]) for b in bs]
    eta_trace = np.empty((K, steps + 1))

    fns = net.functions()
    f, f_out = fns.f, fns.f_out
    loss = fns.loss
    rule = dict(eta=eta, functions=fns, learn_biases=learn_biases, update=update, optimiser=optimiser,
                weight_decay=weight_decay)
    m = X.shape[0]
    with np.errstate(all="ignore"):  # a diverging run is reported (diverged_at), not warned about
        for s in range(steps + 1):
            if schedule is not None:
                eta[:] = optimisers.learning_rate(base, min(s, epochs - 1), epochs, schedule)
            zs, outs = forward_pass(Ws, bs, X, f, f_out)
            E = loss(outs[-1], T)
            if optimiser.after_loss(E, eta, Ws + bs).any():     # the bold driver undid a step
                zs, outs = forward_pass(Ws, bs, X, f, f_out)
                E = loss(outs[-1], T)
            rec_loss[:, s] = E
            rec_out[:, s] = outs[-1]
            eta_trace[:, s] = eta
            for l in range(len(Ws)):
                rec_W[l][:, s] = Ws[l]
                rec_b[l][:, s] = bs[l]
            if s == steps:
                break
            if batch_size is not None:         # mini-batches: one update per batch, its gradient averaged
                rows = order.permutation(m) if order is not None else np.arange(m)
                for first in range(0, m, batch_size):
                    part = rows[first:first + batch_size]
                    Xb, Tb = X[part], T[part]
                    zb, ob = forward_pass(Ws, bs, Xb, f, f_out)
                    gradient_step(Ws, bs, Xb, Tb, zb, ob, scale=1.0 / len(part), **rule)
            elif mode == "batch":
                gradient_step(Ws, bs, X, T, zs, outs, **rule)
            else:
                for i in (order.permutation(X.shape[0]) if order is not None else range(X.shape[0])):
                    zi, oi = forward_pass(Ws, bs, X[i:i + 1], f, f_out)
                    gradient_step(Ws, bs, X[i:i + 1], T[i:i + 1], zi, oi, **rule)
    return rec_loss, rec_out, rec_W, rec_b, eta_trace


def gradient_step(Ws, bs, X, T, zs, outs, eta, functions, learn_biases, update, optimiser=None, scale=1.0,
                  weight_decay=0.0):
    """One update of every layer, output layer first: W ← W − η ∂E/∂W (in place), by the optimiser.

    The backward pass of backprop.py, with the update as its hook: each layer is updated as soon as its
    gradients are known. The only difference between the two update orders is *when* the δ of the layer
    below is computed: before this layer's weights change (simultaneous) or after (sequential).
    ``scale``: 1 / batch size for the gradient averaged over a mini-batch; ``weight_decay``: λ, g ← g + λW.
    """
    optimiser = optimiser or optimisers.GradientDescent()
    eta_w, eta_b = eta[:, None, None], eta[:, None]

    def update_layer(l, grad_W, grad_b):
        if scale != 1.0:
            grad_W = grad_W * scale
            grad_b = None if grad_b is None else grad_b * scale
        if weight_decay:
            grad_W = grad_W + weight_decay * Ws[l]
        optimiser.update(("W", l), Ws[l], grad_W, eta_w)
        if learn_biases:
            optimiser.update(("b", l), bs[l], grad_b, eta_b)

    backward_pass(Ws, bs, X, T, zs, outs, functions.fprime, functions.dloss, functions.fprime_out,
                  functions.matched, on_layer=update_layer, sequential=update == "sequential",
                  bias_gradients=learn_biases)


def diagnose(loss):
    """A one-word verdict on a loss curve, for the learner (and the dashboard).

    "diverged"    the loss became NaN or infinite;
    "rising"      the loss ends higher than it started;
    "stalled"     the loss barely moved (less than 1% down): η too small for this many steps;
    "slow"        the loss falls steadily but is still above 1% of where it started: η small;
    "oscillating" the loss went up on more than 5% of the steps of the second half;
    "stuck"       the loss fell, then stopped: less than 0.01% down over the second half while
                  not yet ~0. Neurons saturated (out at or extremely near 0 or 1, so σ' ≈ 0:
                  no gradient left);
    "plateau"     the loss reached a small value in the end, but on the way it stayed almost flat (less
                  than 5 % down) for a fifth of the steps, far above where it ended: a plateau that
                  looked like the end of learning;
    "converging"  otherwise.
    """
    return Word(_verdict(loss))


# the verdicts, for the catalog: diagnose returns them as Words, printed in the language chosen
VERDICTS = (N_("converging"), N_("stalled"), N_("slow"), N_("plateau"), N_("oscillating"), N_("stuck"),
            N_("rising"), N_("diverged"))


def _verdict(loss):
    loss = np.asarray(loss, dtype=float)
    if not np.all(np.isfinite(loss)):
        return "diverged"
    if loss[-1] > loss[0]:
        return "rising"
    if loss[-1] > 0.99 * loss[0]:
        return "stalled"
    half = loss[len(loss) // 2:]
    if np.mean(np.diff(half) > 0) > 0.05:
        return "oscillating"
    if len(loss) > 2 and half[0] - half[-1] <= 1e-4 * half[0] and half[-1] > 1e-12:
        return "stuck"
    if loss[-1] > 0.01 * loss[0]:
        return "slow"
    w = len(loss) // 5
    if w and np.any((loss[w:] > 0.95 * loss[:-w]) & (loss[:-w] > 100 * loss[-1])):
        return "plateau"
    return "converging"


def recent_trend(loss, window=300, tolerance=0.01, unit="epoch"):
    """What the last ``window`` steps of a loss curve show, judged by the curve alone (not by η), as
    (word, reason); the reason says what in the curve shows it, e.g. ("flat", "E has not changed by more than
    1 % in the last 300 epochs"). ``unit`` names a step in the reason ("epoch", "iteration").

    "start"     no step yet;
    "diverged"  E is not a finite number; or E now is above E at the start by more than 5 × ``tolerance`` and
                has not fallen over the window (the run went away from the targets: η too large, outs saturated);
    "jumping"   E goes up and down: somewhere in the window it rose by more than 5 × ``tolerance`` within a
                tenth of the window, and by more than twice its change over the whole window;
    "flat"      E now within ``tolerance`` of E then: a plateau, or stuck (the reason says whether every E of
                the window is within ``tolerance`` of the last, or how far it wobbles);
    "rising"    E now above E then by more than ``tolerance``;
    "falling"   E now below E then by more than ``tolerance``.

    "E then" and "E now" are the means of the first and the last tenth of the window, so that the
    step-to-step wobble of online learning is not taken for a trend. A curve shorter than ``window`` is
    judged over all its steps. ``diagnose`` judges a whole run in words of η ("slow": η small); this judges
    what the curve does now, e.g. up to the epoch a slider shows. ``unit``: "epoch" or "iteration"."""
    checks.choice("unit", unit, tuple(STEPS))
    loss = np.asarray(loss, dtype=float)
    steps = len(loss) - 1
    if steps < 1:
        return "start", _(STEPS[unit]["none"])
    if not np.all(np.isfinite(loss)):
        first = int(np.argmax(~np.isfinite(loss)))
        return "diverged", _(STEPS[unit]["from"]).format(first=f"{first:,}")
    w = loss[-min(window, steps) - 1:]
    span, now = len(w) - 1, w[-1]
    tiny = np.finfo(float).tiny
    k = max(1, span // 10)
    level_then, level_now = np.mean(w[:k]), np.mean(w[-k:])
    change = (level_now - level_then) / max(level_then, tiny)
    spread = float(np.max(np.abs(w - now)) / max(now, tiny))
    stretches = np.lib.stride_tricks.sliding_window_view(w, k + 1)     # every run of k + 1 steps
    jump = float(np.max((stretches.max(axis=1) - stretches[:, 0]) / np.maximum(stretches[:, 0], tiny)))
    words = STEPS[unit]
    last = _(words["last"]).format(count=f"{span:,}") if span > 1 else _(words["last one"])
    if jump > 5 * tolerance and jump > 2 * abs(change):
        within = _(words["count"]).format(count=f"{k:,}") if k > 1 else _(words["one"])
        return "jumping", _("E jumps up and down {last} (up by as much as {jump} within {within})").format(
            last=last, jump=_percent(jump), within=within)
    if level_now > loss[0] * (1 + 5 * tolerance) and change >= -tolerance:
        return "diverged", _("E rose above where it started ({start} → {now})").format(start=_value(loss[0]),
                                                                                       now=_value(now))
    if abs(change) <= tolerance:
        if spread <= tolerance:
            return "flat", _("E has not changed by more than {tolerance} {last}").format(
                tolerance=_percent(tolerance), last=last)
        return "flat", _("E is within {tolerance} of where it was {ago} ago (it wobbles by up to {spread})").format(
            tolerance=_percent(tolerance), ago=_(words["count"]).format(count=f"{span:,}"), spread=_percent(spread))
    if change > 0:
        return "rising", _("E rose by about {change} {last}").format(change=_percent(change), last=last)
    return "falling", _("E fell by about {change} {last}").format(change=_percent(-change), last=last)


# recent_trend's words for a step of the curve (unit="epoch" or "iteration"), each a message of its own
STEPS = {
    "epoch": {"count": N_("{count} epochs"), "one": N_("1 epoch"), "last": N_("in the last {count} epochs"),
              "last one": N_("in the last epoch"), "none": N_("no epoch trained yet"),
              "from": N_("E is not a finite number from epoch {first} on")},
    "iteration": {"count": N_("{count} iterations"), "one": N_("1 iteration"),
                  "last": N_("in the last {count} iterations"), "last one": N_("in the last iteration"),
                  "none": N_("no iteration trained yet"),
                  "from": N_("E is not a finite number from iteration {first} on")},
}


def _percent(fraction):
    """0.013 → "1.3 %", 0.26 → "26 %", 0.01 → "1 %"."""
    return f"{100 * fraction:.2g} %" if fraction < 0.1 else f"{100 * fraction:.0f} %"


def _value(E):
    return f"{E:.2f}" if E >= 0.01 else f"{E:.1e}"
