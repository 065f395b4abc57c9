"""The training dashboard: sliders for the learning rate η and the iteration.

    from bplib.classroom.dashboard import TrainingDashboard
    TrainingDashboard(*bplib.mazur())          # last line of a cell: shows it

Every η of the slider is trained once, up front, with ``train_many`` (one loop for
all of them), so moving a slider only looks results up and redraws. The other three
choices of "biases learn too" and the update order are trained in a background thread
right after (about a second), so their first use is as fast.  The figure is
a matplotlib Figure drawn off-screen and sent to the browser as a PNG in an
``ipywidgets.Image``: no extra plotting library, and the same code works in
JupyterLab, Voila and JupyterLite.

The loss axis opens fitted to the curve shown ("auto"), where the shape of a curve shows: η = 0.5 still
falling at 10,000, η = 200 flat. "fixed" shows every η on the same range, 1e-32 to 1, for comparing
where they end.

Speed: the axes, ticks, labels and neurons never change (the loss axis is redrawn alone, and only when η
or an option changes), so they are drawn once and kept as a background image.  A slider move restores that
background and draws only the curves, the markers and the weights on top
("blitting"), then encodes the PNG.
"""

import threading
import time

import ipywidgets as widgets
import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.ticker import LogLocator

from ..example import ETAS
from ..i18n import N_, _
from ..training import diagnose, train_many
from .display import Shown, new_figure, png
from .plots import LINE_STYLES, PALETTE, NetworkDiagram

# The slider's η values are example.ETAS: 1-2-5 steps from 0.01 to 1000 (0.5 is the worked example's).
# The loss axis shows the same range for every η (1e-32: below the lowest E any η reaches).
LOSS_RANGE = (1e-32, 1.0)
PRESETS = (0.5, 5.0, 50.0, 200.0, 1000.0)    # the lecture's sequence: one button each

LESSONS = {
    "converging": N_("E falls steadily: with η = {eta:g} gradient descent works."),
    "stalled": N_("E barely moves: η = {eta:g} is too small to get anywhere in {steps:,} iterations."),
    "slow": N_("E falls, but slowly: after {steps:,} iterations with η = {eta:g} it is still {loss:.1e}. "
               "A larger η gets there faster."),
    "plateau": N_("E fell, then stayed almost flat for thousands of iterations (an output neuron near "
                  "saturation, σ′ ≈ 0) and only then fell again, to {loss:.1e}: a plateau can look like the end of "
                  "learning."),
    "oscillating": N_("E goes up and down: the steps overshoot the bottom of the valley. Try a smaller η."),
    "stuck": N_("E fell, then stopped at {loss:.2e}: a step so large that an output neuron saturated "
                "(out ≈ 0 or 1), so σ′ = out(1 − out) ≈ 0 and no gradient is left. Too large an η can stop "
                "learning for good."),
    "rising": N_("E ended higher than it started ({loss:.3f}): with η = {eta:g} the first steps threw the "
                 "neurons into saturation on the wrong side, where σ′ ≈ 0 keeps them. η is far too large."),
    "diverged": N_("E stopped being a finite number at iteration {at} (it overflowed to inf): the steps grew "
                   "without bound. η is far too large."),
}


class TrainingDashboard(Shown):
    """Sliders for η and the iteration, a loss curve, the outputs, and the network's weights."""

    picture = N_("Loss curve, outputs and weights of the run chosen")   # its alt text (display.Shown)

    def __init__(self, net, x, t, etas=ETAS, steps=10_000, eta=0.5, font_size=10, width_px=980, aspect=0.36):
        x, t = np.asarray(x, float), np.asarray(t, float)
        if x.ndim != 1 or t.ndim != 1:
            raise ValueError(_(
                "TrainingDashboard shows one training sample: x of shape (n_in,) and t of shape (n_out,); got "
                "shapes {shape} and {shape2}").format(shape=x.shape, shape2=t.shape))
        self.net, self.x, self.t, self.steps = net, x, t, steps
        self.etas = tuple(float(e) for e in etas)
        self.runs = {}  # (learn_biases, update) -> History of train_many over self.etas
        self._training = threading.Lock()
        self.timings = []  # seconds per redraw, for the benchmark
        self._build_widgets(eta, width_px)
        self._build_figure(font_size, width_px, aspect)
        for w in (self.eta_slider, self.step_slider, self.biases_box, self.order_buttons, self.axis_buttons):
            w.observe(self._on_change, names="value")
        self.redraw()
        # the other three choices of the checkbox and the buttons are trained in the background (about a
        # second), so that their first use answers as fast as the sliders
        threading.Thread(target=self._train_the_rest, daemon=True).start()

    # --- widgets ----------------------------------------------------------------
    def _build_widgets(self, eta, width_px):
        style = {"description_width": "120px"}
        layout = widgets.Layout(width=f"{width_px // 2 - 10}px")
        self.eta_slider = widgets.SelectionSlider(
            options=[(f"{e:g}", e) for e in self.etas], value=min(self.etas, key=lambda e: abs(e - eta)),
            description=_("η (learning rate)"), continuous_update=True, style=style, layout=layout)
        self.step_slider = widgets.IntSlider(
            value=self.steps, min=0, max=self.steps, step=1, description=_("iteration"),
            continuous_update=True, style=style, layout=layout)
        self.biases_box = widgets.Checkbox(value=False, description=_("biases learn too"), indent=False)
        self.order_buttons = widgets.ToggleButtons(
            options=[(_(o), o) for o in (N_("simultaneous"), N_("sequential"))], value="simultaneous",
            description=_("update order"),
            style={"description_width": "90px", "button_width": "110px"})
        self.axis_buttons = widgets.ToggleButtons(
            options=[(_(o), o) for o in (N_("fixed"), N_("auto"))], value="auto", description=_("loss axis"),
            tooltips=[_("the same range for every η (1e-32 to 1): easy to compare"),
                      _("fitted to the curve shown: see the shape of a flat-looking curve")],
            style={"description_width": "70px", "button_width": "70px"})
        # ▶ plays the iterations (100 per frame); one button per η of the lecture's sequence
        self.play = widgets.Play(value=self.steps, min=0, max=self.steps, step=max(self.steps // 100, 1),
                                 interval=80, description=_("play the iterations"))
        widgets.jslink((self.play, "value"), (self.step_slider, "value"))
        self.preset_buttons = []
        for e in (p for p in PRESETS if p in self.etas):
            button = widgets.Button(description=f"η = {e:g}", layout=widgets.Layout(width="auto"))
            button.on_click(lambda b, e=e: setattr(self.eta_slider, "value", e))
            self.preset_buttons.append(button)
        self.readout = widgets.HTML()
        self.readout.add_class("bp-live")           # the picture's description, announced as it changes
        self.image = widgets.Image(format="png", layout=widgets.Layout(width=f"{width_px}px"))
        self.widget = widgets.VBox([
            widgets.HBox([self.eta_slider, self.step_slider]),
            widgets.HBox([self.play, *self.preset_buttons]),
            widgets.HBox([self.biases_box, self.order_buttons, self.axis_buttons]),
            self.image, self.readout])
        self.widget.add_class("bp-dashboard")

    # --- figure -----------------------------------------------------------------
    def _build_figure(self, font_size, width_px, aspect):
        self.figure = new_figure(width_px, aspect)
        ax_loss, ax_out, ax_net = self.figure.subplots(1, 3, width_ratios=[1, 1, 1.25])
        it = np.arange(self.steps + 1)
        self.loss_line, = ax_loss.semilogy(it, np.ones_like(it, dtype=float), color="#333333", lw=1.5)
        ax_loss.set(xlim=(0, self.steps), ylim=LOSS_RANGE)
        self.loss_marker, = ax_loss.semilogy([0], [1], "o", color="#d35400", ms=7)
        ax_loss.set(xlabel=_("iteration"), ylabel=_("E (log scale)"), title=_("Loss E = ½Σ(t − o)²"))
        ax_loss.grid(alpha=0.3, which="major")
        ax_loss.yaxis.set_minor_locator(LogLocator(subs=(2.0, 5.0)))   # few minor ticks: a fast "auto" redraw
        # each output its colour and line style (plots.PALETTE, LINE_STYLES: apart in greyscale), targets dotted
        self.out_lines = [ax_out.plot(it, np.zeros_like(it, dtype=float), lw=1.5, label=f"out_o{k + 1}",
                                      color=PALETTE[k % len(PALETTE)], ls=LINE_STYLES[k % len(LINE_STYLES)])[0]
                          for k in range(self.t.shape[-1])]
        for k, target in enumerate(self.t):
            ax_out.axhline(target, ls=":", lw=1.2, color=self.out_lines[k].get_color(), label=f"t{k + 1}")
        self.out_cursor = ax_out.axvline(0, color="#d35400", lw=1)
        self.out_markers, = ax_out.plot([0] * len(self.t), [0.5] * len(self.t), "o", color="#d35400", ms=7)
        ax_out.set(xlabel=_("iteration"), ylabel=_("output"), title=_("Outputs approach the targets"),
                   ylim=(-0.05, 1.05), xlim=(0, self.steps))
        ax_out.legend(loc="center right", fontsize=font_size - 1)
        ax_out.grid(alpha=0.3)
        self.diagram = NetworkDiagram(ax_net, self.net, show_values=False, font_size=font_size - 1)
        ax_net.set_title(_("Weights (blue solid > 0, red dashed < 0)"))
        for ax in (ax_loss, ax_out, ax_net):
            ax.title.set_fontsize(font_size + 1)
            ax.xaxis.label.set_fontsize(font_size)
            ax.yaxis.label.set_fontsize(font_size)
            ax.tick_params(labelsize=font_size - 1)
        # lay the figure out once and freeze it; keep everything static as the background
        self.curves = [self.loss_line, *self.out_lines]                    # change with η and options
        self.cursors = [self.loss_marker, self.out_cursor, self.out_markers,
                        *self.diagram.artists()]                            # and with the iteration
        for artist in self.curves + self.cursors:
            artist.set_animated(True)
        self.ax_loss = ax_loss
        self.figure.canvas.draw()
        # freeze where the title and the axis labels of the loss plot sit, so that an "auto" redraw does
        # not measure every tick label again to place them (most of its cost)
        # (y given: not placed again; the size given again, or set_title would reset it to the style's)
        ax_loss.set_title(ax_loss.get_title(), y=ax_loss.title.get_position()[1], fontsize=font_size + 1)
        for axis in (ax_loss.xaxis, ax_loss.yaxis):
            on_screen = axis.label.get_transform().transform(axis.label.get_position())
            axis.set_label_coords(*ax_loss.transAxes.inverted().transform(on_screen))
        # the region of the loss axes with its labels (in figure pixels), blanked before an "auto" redraw
        box = ax_loss.get_tightbbox(self.figure.canvas.get_renderer())
        self.loss_region = (box.x0 - 2, box.y0 - 2, box.width + 4, box.height + 4)
        self.loss_blank = Rectangle((0, 0), 1, 1, transform=None, facecolor="white", edgecolor="none")
        self.loss_blank.set_figure(self.figure)
        self.figure.set_layout_engine("none")
        self.background = self.figure.canvas.copy_from_bbox(self.figure.bbox)
        self.fixed_background = self.background
        self.with_curves = None   # background + curves of the current η, made in redraw

    # --- data -------------------------------------------------------------------
    def history(self):
        """The precomputed runs for the current options (trained here if the background has not yet)."""
        return self._train((self.biases_box.value, self.order_buttons.value))

    def _train(self, key):
        with self._training:
            if key not in self.runs:
                self.runs[key] = train_many(self.net, self.x, self.t, etas=self.etas, steps=self.steps,
                                            learn_biases=key[0], update=key[1])
            return self.runs[key]

    def _train_the_rest(self):
        for key in [(True, "simultaneous"), (False, "sequential"), (True, "sequential")]:
            self._train(key)

    def _on_change(self, change):
        self.redraw(series_changed=change["owner"] is not self.step_slider)

    def redraw(self, series_changed=True):
        """Update every artist for the sliders' values and send a new PNG to the browser."""
        start = time.perf_counter()
        hist = self.history()
        k = self.etas.index(self.eta_slider.value)
        s = self.step_slider.value
        loss = hist.loss[k]
        canvas = self.figure.canvas
        if series_changed or self.with_curves is None:
            self._loss_axis(loss)
            self.loss_line.set_ydata(np.clip(loss, LOSS_RANGE[0], None))   # NaN stays NaN: a gap
            for k_out, line in enumerate(self.out_lines):
                line.set_ydata(hist.outputs[k][:, k_out])
            self.scale = max(max(np.nanmax(np.abs(W[k])) for W in hist.weights), 1e-12)
            canvas.restore_region(self.background)
            for artist in self.curves:
                self.figure.draw_artist(artist)
            self.with_curves = canvas.copy_from_bbox(self.figure.bbox)
        self.loss_marker.set_data([s], [np.clip(loss[s], LOSS_RANGE[0], None)])
        self.out_cursor.set_xdata([s, s])
        self.out_markers.set_data([s] * len(self.t), hist.outputs[k][s])
        self.diagram.update([W[k][s] for W in hist.weights], scale=self.scale)
        self.image.value = self._png()
        self.readout.value = self._readout(hist, k, s)
        self.timings.append(time.perf_counter() - start)

    def _loss_axis(self, loss):
        """"fixed": the same range for every η (the background drawn once); "auto": fitted to this
        curve, which needs the axes drawn again (only when η or an option changes)."""
        if self.axis_buttons.value == "fixed":
            if self.ax_loss.get_ylim() != LOSS_RANGE:
                self.ax_loss.set_ylim(LOSS_RANGE)
            self.background = self.fixed_background
            return
        finite = loss[np.isfinite(loss)]
        low = max(float(finite.min()) if finite.size else LOSS_RANGE[0], LOSS_RANGE[0])
        high = float(finite.max()) if finite.size else 1.0
        self.ax_loss.set_ylim(low / 3, max(high * 3, low * 10))
        # redraw the loss axes alone (ticks and labels change) over a blank patch, on the fixed background
        canvas = self.figure.canvas
        canvas.restore_region(self.fixed_background)
        self.loss_blank.set_bounds(*self.loss_region)
        self.figure.draw_artist(self.loss_blank)
        self.ax_loss.draw(canvas.get_renderer())          # animated artists (curve, marker) are left out
        self.background = canvas.copy_from_bbox(self.figure.bbox)

    def _png(self):
        """Background with curves + the iteration's markers and weights, as a PNG (light compression)."""
        self.figure.canvas.restore_region(self.with_curves)
        for artist in self.cursors:
            self.figure.draw_artist(artist)
        return png(self.figure)

    def _readout(self, hist, k, s):
        loss, eta = hist.loss[k], self.etas[k]
        o = hist.outputs[k][s]
        outs = ", ".join(f"out_o{j + 1} = {v:.6f}" for j, v in enumerate(o))
        verdict = diagnose(loss)
        lesson = _(LESSONS[verdict]).format(eta=eta, steps=self.steps, loss=loss[-1], at=hist.diverged_at[k])
        colour = {"converging": "#1e7d32", "stalled": "#8a6d00", "slow": "#8a6d00", "plateau": "#8a6d00"
                  }.get(verdict, "#b03a2e")
        named = hist.named(s, run=k)
        cells = " ".join(f"<span style='white-space:nowrap; margin-right:10px'>{name} = {value:.4f}</span>"
                         for name, value in named.items() if name.startswith("w") or self.biases_box.value)
        return (f"<div class='bp-readout' style='font-size:1.05em'>"
                f"<b>η = {eta:g}</b> · " + _("iteration") + f" <b>{s:,}</b> · E = <b class='bp-loss'>{loss[s]:.6e}</b>"
                f" · {outs}<div style='margin:4px 0'>{cells}</div>"
                f"<span class='bp-verdict' style='color:{colour}'><b>{verdict}</b> " +
                _("(all {steps} iterations):").format(steps=f"{self.steps:,}") + f" {lesson}</span></div>")
