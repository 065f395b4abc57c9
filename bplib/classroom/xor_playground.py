"""The XOR playground: the choices of training in practice, on the real equations.

    from bplib.classroom.xor_playground import XorPlayground
    XorPlayground()          # last line of a cell: shows it
    XorPlayground(seed=7)    # from another start (the readout names the seed of the start shown)

Controls: the number of hidden neurons, η, batch or (shuffled) online learning, momentum 0.9, the epoch, and
the start: "new random start" draws a new seeded start (so a lecturer can look for a stuck one live), "default
start" goes back. The picture: the input plane coloured by the network's output (green where it says 1,
purple where it says 0, as in notebook 7, with a colour bar; the decision boundary is where it crosses ½; the four XOR
samples ● target 1, ○ target 0 on top at every epoch), the loss curve, and the network's weights (blue w > 0,
red and dashed w < 0, as in every diagram of the course; no colour means two things in one picture). The
readout's verdict is read off the loss curve up to the epoch shown (``bplib.training.recent_trend``): solved,
slow, stuck, unstable or diverging, with what in the curve shows it.

Every combination is trained up front (one start per hidden size, so the choices are compared from the
same weights), so a change only looks results up and redraws. The axes, labels and network drawings are drawn
once and kept as backgrounds ("blitting"), so a redraw costs a few tens of ms.

Speed, measured on the 2-core development machine: all 16 combinations × 3 η of one start take 1.45–1.5 s
(``start_seconds`` keeps the time per seed). A new start trains the setting on screen at once (0.04 s in batch
mode, up to 0.17 s online with momentum; click → new picture painted 0.2–0.4 s in the browser) and the other
15 in a background thread, with the note "training…" until they are done: 2–2.5 s from the click when the
controls are used meanwhile, as the thread and the controls share Python's interpreter lock. During those
seconds a click answers in 0.1–0.3 s (median; 40–70 ms otherwise); the controls never wait for the whole
start.
"""

import itertools
import threading
import time

import ipywidgets as widgets
import numpy as np
from matplotlib.lines import Line2D

from ..data import XOR_T, XOR_X, solved
from ..i18n import N_, _
from ..network import random_start
from ..training import recent_trend, train_many
from .display import Shown, new_figure, png
from .plots import NEGATIVE, OUTPUT_CMAP, POSITIVE, NetworkDiagram

HIDDEN = (2, 3, 4, 8)
ETAS = (0.5, 2.0, 5.0)
MODES = (N_("batch"), N_("online, shuffled"))
EPOCHS = 1000
GRID = np.linspace(-0.25, 1.25, 61)
DEFAULT_SEED = 2024
WINDOW = 300                 # the verdict reads the last 300 epochs of the loss curve
# the weights' colours are the course's (blue > 0, red < 0, as in every diagram); a negative weight is also
# dashed. The output map uses OUTPUT_CMAP (purple 0 … green 1), as notebook 7: no colour means two things.
W_POSITIVE, W_NEGATIVE = POSITIVE, NEGATIVE
VERDICTS = {"flat": N_("stuck"), "falling": N_("slow"), "jumping": N_("unstable"), "rising": N_("diverging"),
            "diverged": N_("diverging"), "start": N_("start")}


def start_network(hidden, seed=DEFAULT_SEED):
    """The start shared by every choice for ``hidden`` neurons: N(0, 1/n_in) weights, N(0, 1) biases
    (``bplib.random_start`` with seed + hidden)."""
    return random_start([2, hidden, 1], seed=seed + hidden)


def train_choice(hidden, mode, momentum, epochs=EPOCHS, seed=DEFAULT_SEED):
    """Every η of the playground for one hidden size, mode and momentum (a History with one row per η)."""
    online = mode != "batch"
    return train_many(start_network(hidden, seed), XOR_X, XOR_T, etas=ETAS, steps=epochs, learn_biases=True,
                      mode="online" if online else "batch", shuffle=online, seed=7,
                      optimiser="momentum" if momentum else "gd", beta=0.9)


def verdict(loss, outputs, window=WINDOW):
    """(word, HTML) for a run up to the epoch shown: "solved" when every output is on the right side of ½,
    else what the loss curve of the last ``window`` epochs shows (``recent_trend``): stuck, slow, unstable
    or diverging, and why, e.g. "stuck: E has not changed by more than 1 % in the last 300 epochs and XOR is
    not solved"."""
    if solved(outputs):
        return "solved", _("{word}: {why}").format(word=f"<b style='color:#1e7d32'>{_('solved')}</b>",
                                                   why=_("every output on the right side of ½"))
    trend, reason = recent_trend(loss, window=window)
    word = VERDICTS[trend]
    if word == "start":
        return word, _("{word}: {why}").format(word=f"<b style='color:#b03a2e'>{_('start')}</b>",
                                               why=_("not trained yet, XOR is not solved"))
    tail = _(" but XOR is not solved yet") if word == "slow" else _(" and XOR is not solved")
    return word, _("{word}: {why}").format(word=f"<b style='color:#b03a2e'>{_(word)}</b>", why=reason + tail)


def _group(toggles):
    """A control group set apart from the next one: a thin frame around its label and buttons."""
    return widgets.HBox([toggles], layout=widgets.Layout(border="1px solid #c8c8c8", padding="2px 6px",
                                                         margin="0 16px 6px 0", align_items="center"))


class XorPlayground(Shown):
    """Hidden size, η, batch/online and momentum toggles, an epoch slider with ▶, the start, and the picture."""

    # what the picture shows: its alt text (display.Shown)
    picture = N_("The network's output over the input plane, the loss curve and the weights")

    def __init__(self, epochs=EPOCHS, width_px=980, aspect=0.4, seed=DEFAULT_SEED):
        self.epochs, self.seed = epochs, int(seed)
        self.runs = {}                     # (seed, hidden, mode, momentum) -> History of every η
        self._training = threading.Lock()
        self._seeds = np.random.default_rng()
        self.thread = None                 # the background training of a new start's other settings
        self.start_seconds = {}            # seed -> seconds to train all 16 settings of that start
        started = time.perf_counter()
        for key in itertools.product(HIDDEN, MODES, (False, True)):
            self._train((self.seed, *key))
        self.start_seconds[self.seed] = time.perf_counter() - started
        self.timings = []
        self._build_widgets(epochs, width_px)
        self._build_figure(width_px, aspect)
        for w in (self.hidden, self.eta, self.mode, self.momentum, self.epoch):
            w.observe(self._on_change, names="value")
        self.new_start_button.on_click(lambda b: self.new_start())
        self.default_button.on_click(lambda b: self.new_start(DEFAULT_SEED))
        self.redraw()

    def _build_widgets(self, epochs, width_px):
        style = {"description_width": "initial"}
        small = {"description_width": "initial", "button_width": "56px"}
        self.hidden = widgets.ToggleButtons(options=[(str(h), h) for h in HIDDEN], value=3,
                                            description=_("hidden neurons"), style=small)
        self.eta = widgets.ToggleButtons(options=[(f"{e:g}", e) for e in ETAS], value=2.0, description="η",
                                         style=small)
        self.mode = widgets.ToggleButtons(options=[(_(m), m) for m in MODES], value="batch", description=_("mode"),
                                          style={"description_width": "initial", "button_width": "160px"})
        self.momentum = widgets.Checkbox(value=False, description=_("momentum β = 0.9"), indent=False,
                                         layout=widgets.Layout(width="auto", margin="0 16px 0 0"))
        self.new_start_button = widgets.Button(description=_("new random start"), icon="random",
                                               tooltip=_("train every setting from a new random start (a new seed)"),
                                               layout=widgets.Layout(width="auto"))
        self.default_button = widgets.Button(description=_("default start"),
                                             tooltip=_("seed {seed}").format(seed=DEFAULT_SEED),
                                             layout=widgets.Layout(width="auto"))
        self.note = widgets.HTML(layout=widgets.Layout(width="90px", margin="0 8px"))
        self.note.add_class("bp-xor-note")
        self.epoch = widgets.IntSlider(value=epochs, min=0, max=epochs, step=10, description=_("epoch"),
                                       continuous_update=True, style=style, layout=widgets.Layout(width="400px"))
        self.play = widgets.Play(value=epochs, min=0, max=epochs, step=max(epochs // 100, 1), interval=80)
        widgets.jslink((self.play, "value"), (self.epoch, "value"))
        self.image = widgets.Image(format="png", layout=widgets.Layout(width=f"{width_px}px"))
        self.readout = widgets.HTML()
        self.readout.add_class("bp-live")           # the picture's description, announced as it changes
        start = widgets.HBox([self.new_start_button, self.default_button, self.note],
                             layout=widgets.Layout(align_items="center", margin="0 8px 0 0"))
        self.widget = widgets.VBox([
            widgets.HBox([_group(self.hidden), _group(self.eta), _group(self.mode)],
                         layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HBox([self.momentum, start, widgets.HBox([self.play, self.epoch])],   # ▶ stays by the slider
                         layout=widgets.Layout(flex_flow="row wrap", align_items="center")),
            self.image, self.readout])
        self.widget.add_class("bp-xor")

    # --- the runs -----------------------------------------------------------
    def history(self):
        """The runs (one per η) of the current start, hidden size, mode and momentum (trained here if the
        background has not yet)."""
        return self._train((self.seed, self.hidden.value, self.mode.value, self.momentum.value))

    def _train(self, key):
        if key in self.runs:               # no waiting for the lock while the background trains another
            return self.runs[key]
        with self._training:
            if key not in self.runs:
                seed, *choice = key
                self.runs[key] = train_choice(*choice, epochs=self.epochs, seed=seed)
            return self.runs[key]

    def new_start(self, seed=None):
        """Show the runs from another start: ``seed`` (default: a new random one). The setting on screen is
        trained at once, the other 15 in the background, with the note "training…" until they are done."""
        if seed is None:
            seed = int(self._seeds.integers(1, 10_000))
            while seed in (self.seed, DEFAULT_SEED):
                seed = int(self._seeds.integers(1, 10_000))
        self.seed = int(seed)
        keys = [(self.seed, *key) for key in itertools.product(HIDDEN, MODES, (False, True))]
        if all(key in self.runs for key in keys):
            self.note.value = ""
            self.redraw()
            return
        self.note.value = f"<i>{_('training…')}</i>"
        started = time.perf_counter()
        self.redraw()
        current = self.hidden.value          # the other settings of this hidden size first
        keys.sort(key=lambda key: key[1] != current)
        self.thread = threading.Thread(target=self._train_start, args=(self.seed, keys, started), daemon=True)
        try:
            self.thread.start()
        except RuntimeError:                 # no threads (a browser-only Python): train them now
            self._train_start(self.seed, keys, started)

    def _train_start(self, seed, keys, started):
        for key in keys:
            if self.seed != seed:            # another start was asked for: leave this one
                return
            self._train(key)
        self.start_seconds[seed] = time.perf_counter() - started
        if self.seed == seed:
            self.note.value = ""

    # --- figure -------------------------------------------------------------
    def _build_figure(self, width_px, aspect):
        self.figure = new_figure(width_px, aspect)
        ax_map, ax_loss, self.ax_net = self.figure.subplots(1, 3, width_ratios=[1.2, 1.15, 1.05])
        self.map = ax_map.imshow(np.zeros((len(GRID), len(GRID))), origin="lower", cmap=OUTPUT_CMAP, vmin=0, vmax=1,
                                 extent=(GRID[0], GRID[-1], GRID[0], GRID[-1]), animated=True)
        bar = self.figure.colorbar(self.map, ax=ax_map, fraction=0.06, pad=0.03, ticks=[0, 0.5, 1])
        bar.ax.set_yticklabels(["0", "½", "1"])
        # the samples as in notebook 7 (● target 1, ○ target 0), each with a thin ring of the other colour, so
        # that a dot stands out on every colour of the map, at every epoch
        self.points = [ax_map.plot(a, b, "o", ms=13, mew=1.5, mfc="black" if target else "white",
                                   mec="white" if target else "black", zorder=3, animated=True)[0]
                       for (a, b), target in zip(XOR_X, XOR_T[:, 0])]
        ax_map.set(xlabel=_("input i1"), ylabel=_("input i2"), title=_("Output (● target 1, ○ target 0)"))
        epochs = np.arange(self.epochs + 1)
        self.loss_line, = ax_loss.semilogy(epochs, np.ones(self.epochs + 1), color="#333333", animated=True)
        self.loss_marker, = ax_loss.semilogy([0], [1], "o", color="#d35400", ms=7, animated=True)
        ax_loss.set(xlim=(0, self.epochs), ylim=(1e-5, 2), xlabel=_("epoch"), ylabel=_("E (log scale)"),
                    title=_("Loss E = ½Σ(t − o)², 4 samples"))
        ax_loss.grid(alpha=0.3)
        self.ax_net.set_title(_("Weights (width ∝ |w|)"))
        self.ax_net.axis("off")
        self.ax_net.legend(handles=[Line2D([], [], color=W_POSITIVE, lw=2.5, label="w > 0"),
                                    Line2D([], [], color=W_NEGATIVE, lw=2.5, ls="--", label="w < 0")],
                           loc="lower center", ncol=2, frameon=False, bbox_to_anchor=(0.5, -0.02),
                           handlelength=2.2)
        self.figure.canvas.draw()
        self.figure.set_layout_engine("none")
        # one network drawing per hidden size, each in its own axes at the same place (above the legend), and
        # one background per hidden size with that drawing's neurons: switching the size swaps backgrounds
        x0, y0, w, h = self.ax_net.get_position().bounds
        where = (x0, y0 + 0.1 * h, w, 0.9 * h)
        self.diagrams, self.backgrounds = {}, {}
        axes = {h: self.figure.add_axes(where) for h in HIDDEN}
        for h, ax in axes.items():
            self.diagrams[h] = NetworkDiagram(ax, start_network(h), show_values=False, font_size=8)
            for _name, text in self.diagrams[h].labels:        # no weight names: colour and width tell
                text.set_visible(False)
            for artist in self.diagrams[h].artists():
                artist.set_animated(True)
        for h in HIDDEN:
            for other, ax in axes.items():
                ax.set_visible(other == h)
            self.figure.canvas.draw()
            self.backgrounds[h] = self.figure.canvas.copy_from_bbox(self.figure.bbox)

    def _diagram_for(self, hidden):
        """The network drawing of ``hidden`` neurons, and the background to draw it on."""
        self.background = self.backgrounds[hidden]
        return self.diagrams[hidden]

    def _on_change(self, change):
        self.redraw()

    def redraw(self):
        started = time.perf_counter()
        hist = self.history()
        k = ETAS.index(self.eta.value)
        s = self.epoch.value
        diagram = self._diagram_for(self.hidden.value)
        net = hist.network(s, k)
        a, b = np.meshgrid(GRID, GRID)
        self.map.set_data(net.forward(np.column_stack([a.ravel(), b.ravel()])).output.reshape(a.shape))
        loss = hist.loss[k]
        self.loss_line.set_ydata(np.clip(loss, 1e-5, None))
        self.loss_marker.set_data([s], [max(loss[s], 1e-5)])
        diagram.update(net.weights)
        for line, w in zip(diagram.edges, np.concatenate([np.ravel(W) for W in net.weights])):
            line.set_color(W_POSITIVE if w >= 0 else W_NEGATIVE)
            line.set_linestyle("-" if w >= 0 else (0, (3, 1.5)))
        self.figure.canvas.restore_region(self.background)
        for artist in [self.map, *self.points, self.loss_line, self.loss_marker, *diagram.artists()]:
            self.figure.draw_artist(artist)
        picture = png(self.figure)
        self.readout.value = self._readout(hist, k, s)      # first: the picture's arrival means both are there
        self.image.value = picture
        self.timings.append(time.perf_counter() - started)

    def _readout(self, hist, k, s):
        outs = hist.outputs[k][s][:, 0]
        _word, why = verdict(hist.loss[k][: s + 1], hist.outputs[k][s])
        start = (_("start: seed {seed} (default)") if self.seed == DEFAULT_SEED else _("start: seed {seed}")).format(
            seed=self.seed)
        momentum = " · " + _("momentum 0.9") if self.momentum.value else ""
        return ("<div class='bp-xor-readout'>" + _("{hidden} hidden").format(hidden=self.hidden.value) +
                f" · η = {self.eta.value:g} · {_(self.mode.value)}{momentum} · {start} · " + _("epoch") +
                f" <b>{s:,}</b> · E = <b>{hist.loss[k][s]:.2e}</b> · " +
                _("outputs {outputs} (targets 0, 1, 1, 0)").format(outputs=", ".join(f"{o:.2f}" for o in outs)) +
                f"<br><span class='bp-xor-verdict'>{why}</span></div>")
