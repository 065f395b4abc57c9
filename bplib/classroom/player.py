"""The step-through player: one training step, one equation at a time, on the network diagram.

    from bplib.classroom.player import StepPlayer
    StepPlayer(*bplib.mazur())               # last line of a cell: shows it

The equations and their numbers come from ``bplib.unrolled.walk`` (the same equations ``train``
runs), so the player has no copy of the math. The diagram marks what the current equation
reads (blue) and what it writes (orange), and keeps every value computed so far written on
it: the weights on the edges and shared biases above their nodes, net and out on the neurons in
the forward pass, δ on the neurons and ∂E/∂w on the edges in the backward pass, the new
weights after the update.

Speed: every frame is drawn once and kept (the correct walk up front, about 1.5 s; the
sequential walk and the predict-first frames on first use), so a step change sends a stored
picture. Controls: ◀ / ▶ and a slider over all steps (arrow keys work on it), ▶ play, a phase
selector, "predict first" (type the value before it is shown: the equation shows its rule only,
e.g. "δ_o1 = (out_o1 − t1)·out_o1(1 − out_o1) = ?", the values it reads are marked blue on the
diagram, and "show the numbers" puts them into the equation; mistake hints that fit the step,
and a tally), and "sequential update" (the sources' slip; the player points at the first step
whose value differs from the correct, simultaneous update).

``StepDiagram`` draws one step on any matplotlib axes; notebooks use it for still key frames.
"""

import time

import numpy as np
from matplotlib.patches import Circle

from ..i18n import N_, _
from ..precision import agrees
from ..unrolled import PHASES, display_name, number, walk
from .display import Shown, new_figure, png
from .plots import BACKWARD, BIAS, MUTED, NEURON, NetworkDiagram

READ, WRITE = "#1f5fbf", "#b34700"   # blue and orange, both 4.5:1 or more on white (text in these colours)
DIGITS = 4          # a prediction is right when it agrees with the value to 4 significant digits


def _short(value):
    """A value as the diagram writes it (4 significant digits); None, a value still to predict, is "?"."""
    return "?" if value is None else f"{value:.4g}".replace("-", "−")


def _parameter_label(name, known):
    """A weight's or bias's label at this point of the walk, and its colour: the new value once written, else its
    gradient once computed, else its value."""
    if name + "+" in known:
        return f"{name}⁺ = {_short(known[name + '+'])}", WRITE
    if "dE_d" + name in known:
        return f"∂E/∂{name} = {_short(known['dE_d' + name])}", BACKWARD
    return f"{name} = {_short(known[name])}", "#333333"


class StepDiagram:
    """The network with the values known at one step of the walk, and that step's reads and writes."""

    def __init__(self, ax, net, t, font_size=10):
        self.t = [float(v) for v in np.ravel(t)]
        self.d = NetworkDiagram(ax, net, show_values=True, font_size=font_size, layer_gap=3.0, neuron_gap=1.7)
        self.d.mute()
        d = self.d
        self.labels = {n: d.label_neuron(n, " ") for n in d.positions}
        ex = max(x for x, _ in d.positions.values()) + 1.9
        self.E_circle = ax.add_patch(Circle((ex, 0), d.radius * 1.4, fc="#fdecea", ec=BACKWARD, lw=1.2, zorder=2))
        ax.text(ex, 0, "E", ha="center", va="center", fontsize=font_size + 3, fontweight="bold", zorder=3)
        self.E_label = ax.text(ex, -d.radius * 1.4 - 0.12, " ", ha="center", va="top", fontsize=font_size,
                               color=BACKWARD)
        self.target_labels = {}
        for j, o in enumerate(d.names[-1]):
            x0, y0 = d.positions[o]
            ax.plot([x0 + d.radius, ex - d.radius * 1.4], [y0, 0], color=MUTED, lw=1, ls=":", zorder=0)
            self.target_labels[f"t{j + 1}"] = ax.text(x0 + d.radius + 0.15, y0 - 0.3 * np.sign(y0 or 1),
                                                      f"t{j + 1} = {self.t[j]:g}", fontsize=font_size,
                                                      color="#555555", ha="left", va="center")
        ax.set_xlim(ax.get_xlim()[0], ex + 0.8)
        lo, hi = ax.get_ylim()
        ax.set_ylim(lo - 0.75, hi + 0.55)
        self.elements = {}          # name -> artists to colour when read or written
        for n, circle in d.circles.items():
            self.elements[n] = [circle]
        for w, line in d.edge_lines.items():
            self.elements[w] = [line]
        for b, circle in d.bias_circles.items():
            self.elements[b] = [circle]
        # a shared bias's value above its node (b1 = 0.35 in the example), as the weights' on the edges; one bias
        # per neuron is not written (a column of values would cover the neurons' boxes), as in plots.py
        names = net.parameter_names()
        self.bias_names = {f"b{l + 1}": names[len(net.weights) + l][0] for l, b in enumerate(net.biases)
                           if b.size == 1}
        self.bias_labels = {b: d.label_bias(b, " ") for b in self.bias_names}
        for b, label in self.bias_labels.items():      # above the node: beside it, a neuron's box may reach it
            bx, by = d.bias_positions[b]
            label.set_position((bx, by + d.radius * 0.8 + 0.05))
            label.set_horizontalalignment("center")
            label.set_verticalalignment("bottom")

    def _element(self, name):
        """The diagram element a variable belongs to: its neuron, weight, bias, target or E."""
        for prefix in ("net_", "out_", "delta_"):
            if name.startswith(prefix):
                return name[len(prefix):]
        if name.startswith("dE_d"):
            name = name[4:]
        name = name.rstrip("+")
        if name.startswith("b") and "_" in name:          # per-neuron bias b1_2 -> the layer's node b1
            name = name.split("_")[0]
        return name

    def show(self, step, reveal=True):
        """Draw the values known after ``step`` (before it, when not ``reveal``: its own value is then written
        "?" where it will appear) and mark its reads/writes."""
        known = step.known if reveal else {**step.known, step.writes: None}
        self._write_values(known)
        self._back_to_rest()
        self.description = self.describe(step, reveal)
        return self._mark(step)

    @staticmethod
    def describe(step, reveal=True):
        """The frame in words: the step, its phase, its equation (or, before it is revealed, what it will
        write), what it reads and what it writes."""
        writes = display_name(step.equation.target, step.phase == "update")
        return _("Step {k}, {phase}: {equation}. Reads (blue): {reads}; writes (orange): {writes}.").format(
            k=step.index + 1, phase=_(step.phase), equation=step.text if reveal else f"{writes} = ?",
            reads=", ".join(display_name(r) for r in step.reads), writes=writes)

    def shows(self, name, known):
        """Whether the diagram, showing ``known``, writes the value of variable ``name`` (a weight's old value
        gives way to ∂E/∂w and then to w⁺ on its edge; η is written nowhere)."""
        if name == "eta":
            return False
        if name in self.d.edge_labels or name in self.bias_names.values():
            return not ({name + "+", "dE_d" + name} & known.keys())
        if name.startswith("dE_d"):
            return name in known and name[4:] + "+" not in known
        return name in known

    def _write_values(self, known):
        """Every known value at its place: x, net, out and δ on the neurons; w, ∂E/∂w or w⁺ on the edges; E."""
        d = self.d
        for n, label in self.labels.items():
            lines = [f"{n} = {_short(known[n])}"] if n in d.names[0] else []
            for key, tag in (("net_", "net"), ("out_", "out"), ("delta_", "δ")):
                if key + n in known:
                    lines.append(f"{tag} = {_short(known[key + n])}")
            label.set_text("\n".join(lines) or " ")
            label.set_visible(bool(lines))
        for w in d.edge_names:
            text, colour = _parameter_label(w, known)
            (_x0, y0), (_x1, y1) = d.edge_ends[w]
            d.label_edge(w, text, color=colour, at=0.5 if np.isclose(y0, y1) else None)
        for b, name in self.bias_names.items():
            text, colour = _parameter_label(name, known)
            self.bias_labels[b].set_text(text)
            self.bias_labels[b].set_color(colour)
        self.E_label.set_text(f"E = {_short(known['E'])}" if "E" in known else " ")

    def _back_to_rest(self):
        """Every neuron, bias, edge, target and E in its resting colour."""
        d = self.d
        for circle in d.circles.values():
            circle.set_facecolor(NEURON)
            circle.set_linewidth(1.2)
            circle.set_edgecolor("#333333")
            circle.set_linestyle("-")
        for circle in d.bias_circles.values():
            circle.set_facecolor(BIAS)
            circle.set_linestyle("-")
        for line in d.edges:
            line.set_color(MUTED)
            line.set_linewidth(1.0)
            line.set_linestyle("-")
        self.E_circle.set_facecolor("#fdecea")
        for label in self.target_labels.values():
            label.set_color("#555555")
            label.set_fontweight("normal")

    def _mark(self, step):
        """What the step reads in blue, what it writes in orange and dashed (told apart in greyscale too):
        {"reads": [elements], "writes": [elements]}."""
        d = self.d
        marked = {"reads": [], "writes": []}
        for role, names, colour in (("reads", step.reads, READ), ("writes", [step.writes], WRITE)):
            style = "-" if role == "reads" else (0, (2, 1))
            for name in names:
                element = self._element(name)
                if element == "E":
                    self.E_circle.set_facecolor(colour)
                elif element in self.target_labels:
                    self.target_labels[element].set_color(colour)
                    self.target_labels[element].set_fontweight("bold")
                elif element in d.edge_lines:
                    d.edge_lines[element].set_color(colour)
                    d.edge_lines[element].set_linewidth(3.5)
                    d.edge_lines[element].set_linestyle(style)
                elif element in d.circles:
                    d.circles[element].set_facecolor("#d6e4f7" if colour == READ else "#fbe0cc")
                    d.circles[element].set_edgecolor(colour)
                    d.circles[element].set_linewidth(3)
                    d.circles[element].set_linestyle(style)
                elif element in d.bias_circles:
                    d.bias_circles[element].set_facecolor("#d6e4f7" if colour == READ else "#fbe0cc")
                    d.bias_circles[element].set_linestyle(style)
                else:
                    continue                       # η: no element
                if element not in marked[role]:        # w5 and ∂E/∂w5 are both on w5's edge
                    marked[role].append(element)
        return marked


def mistakes(step):
    """Typical wrong predictions for a step, as (value, hint), from the values known before it.

    Each hint names a mistake that can be made at this step only: the sign of the update in the update
    phase, the order of (out − t) only for the δ of an output neuron, and so on."""
    k, eq, v = step.known, step.equation, step.value
    name = eq.target
    found = []
    if eq.phase == "update":
        old, grad, eta = k[name], k["dE_d" + name], k["eta"]
        found += [(old, _("That is {name} as it was: subtract η·∂E/∂{name} = {step} from it (a small step: keep "
                          "{digits} significant digits to see it).").format(name=display_name(name),
                                                                            step=number(eta * grad), digits=DIGITS)),
                  (old + eta * grad, _("Sign: the update goes against the gradient, w − η·∂E/∂w.")),
                  (old - grad, _("You left out η.")),
                  (eta * grad, _("That is the step η·∂E/∂w; subtract it from the old value."))]
    elif name.startswith("net_"):
        bias = next(r for r in eq.reads if r.startswith("b"))
        found.append((v - k[bias], _("You left out the bias {bias}.").format(bias=bias)))
        found.append((1 / (1 + np.exp(-v)), _("That is out = σ(net); this step asks for net, before σ.")))
        found.append((-v, _("Sign: net = Σ w·out + b; check the sign of each product and of the bias.")))
    elif name.startswith("out_"):
        found.append((k[eq.reads[0]], _("That is net; out = σ(net).")))
        if eq.shown.startswith("σ("):
            found.append((1 - v, _("That is σ(−net): σ(net) = 1 / (1 + e^(−net)), with the minus in the exponent.")))
            found.append((-v, _("out = σ(net) lies between 0 and 1: it is never negative.")))
    elif name == "E":
        found.append((2 * v, _("You forgot the ½.")))
        found.append((-v, _("E adds up one non-negative term per output: it is never negative.")))
    elif name.startswith("delta_"):
        neuron = name[6:]
        out = k[f"out_{neuron}"]
        slope = out * (1 - out)
        if slope and f"{{out_{neuron}}}(1 − {{out_{neuron}}})" in eq.shown:   # a sigmoid's σ′ = out(1 − out)
            found.append((v / slope, _("You left out σ′ = out(1 − out) of this neuron: δ = ∂E/∂net, not ∂E/∂out.")))
        if any(r.startswith("t") and r[1:].isdigit() for r in eq.reads):      # an output neuron: out − t
            found.append((-v, _("Sign: δ of an output neuron starts with (out − t), not (t − out).")))
        else:
            found.append((-v, _("Sign: check the sign of each δ·w product of the sum (a δ or a weight may be "
                                "negative).")))
    elif name.startswith("dE_d"):
        found.append((-v, _("Sign: ∂E/∂w = δ·out; check the signs of δ and of out.") if "·" in eq.shown
                      else _("Sign: ∂E/∂b is δ (summed over the neurons the bias feeds), with its sign.")))
    return [(wrong, hint) for wrong, hint in found if wrong != v]


def judge(step, answer):
    """(ok, message) for a predicted value: right to 4 significant digits; else the nearest named mistake
    whose value the answer is nearer to than to the right one (an answer rounded too early may be near
    both); else "rounded too early" when it agrees with the value to 2 significant digits or within 1 %, or
    when a small value was rounded to 0; else a hint."""
    try:
        value = float(answer.replace("−", "-").replace(",", ".")) if isinstance(answer, str) else float(answer)
    except (TypeError, ValueError):
        return None, _("✘ Type a number (for example with a decimal point), not {given!r}.").format(
            given=str(answer)[:30])
    if not np.isfinite(value):
        return None, _("✘ Type a finite number.")
    right = step.value
    if agrees(value, right, DIGITS):
        return True, _("✔ Right: {name} = {value}").format(
            name=display_name(step.equation.target, step.phase == "update"), value=number(right))
    near = [(abs(value - wrong), hint) for wrong, hint in mistakes(step)
            if agrees(value, wrong, DIGITS - 1) and abs(value - wrong) < abs(value - right)]
    if near:
        return False, _("✘ Not quite. {hint}").format(hint=min(near, key=lambda m: m[0])[1])
    if right and (agrees(value, right, 2) or abs(value - right) <= 1e-2 * abs(right)):
        return False, _("✘ Close, but not to {digits} significant digits: keep full precision until the end.").format(
            digits=DIGITS)
    if value == 0 and right:
        return False, _("✘ Not 0: the value is small, but not 0. Give {digits} significant digits, not decimal "
                        "places.").format(digits=DIGITS)
    return False, _("✘ Not quite. Read the equation again: which values does it use (marked blue on the diagram)?")


def first_difference(simultaneous, sequential):
    """The index (in the sequential walk) of the first step whose value differs from the value the same
    quantity has in the simultaneous walk: where the slip first shows."""
    correct = {s.writes: s.value for s in simultaneous}
    for s in sequential:
        if not np.isclose(s.value, correct[s.writes], rtol=1e-12, atol=0):
            return s.index
    return None


def question(step, diagram, numbers=False):
    """The step to predict, as HTML: its rule, and where to find the values it reads (blue on ``diagram``;
    those the diagram does not write, such as η, given here). ``numbers``: the equation with the numbers put
    in, all but the result."""
    if numbers:
        return step.text[: step.text.rfind("=")] + "= <b>?</b>"
    before = {k: v for k, v in step.known.items() if k != step.writes}
    on_diagram = [display_name(n) for n in step.reads if diagram.shows(n, before)]
    given = [f"{display_name(n)} = {number(before[n])}" for n in step.reads if not diagram.shows(n, before)]
    where = _("read {names} on the diagram (blue)").format(names=", ".join(on_diagram)) if on_diagram else ""
    if on_diagram:       # the same values in words, for a reader who cannot see the diagram (not shown)
        values = ", ".join(f"{display_name(n)} = {number(before[n])}" for n in step.reads if diagram.shows(n, before))
        where += (f"<span style='{UNSEEN}'>: " + _("the values read: {values}").format(values=values) + "</span>")
    if given:
        where += ("; " if where else "") + ", ".join(given)
    return (f"{step.rule} = <b>?</b><div class='bp-where' style='font-size:0.8em; color:#555'>"
            f"{where}</div>")


# read by a screen reader, not shown (the values a sighted reader finds on the diagram)
UNSEEN = "position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap"


def slip_note(k, difference, correct):
    """What the sequential walk says at step ``k`` (HTML): where it first differs from the simultaneous update
    (``difference``), whose value there is ``correct``."""
    if difference is None:
        return ""
    if k == difference:
        return ("<div class='bp-slip' style='color:#b03a2e'>" +
                _("⚠ Here the sequential update first differs from the correct one: it reads weights already "
                  "updated above (the simultaneous update gives {value}).").format(value=number(correct)) + "</div>")
    if k < difference:
        return ("<div style='color:#8a6d00'>" + _("The first difference from the correct order comes at step "
                                                  "{step}.").format(step=difference + 1) + "</div>")
    return ""


def steps_table(steps, numbers=True):
    """The whole walk as text, one line per step with its phase: the static fallback of the player.
    ``numbers=False``: each step's rule only, "= ?" for its value, as predict-first shows it (a sheet to
    predict on paper)."""
    width = len(str(len(steps)))
    return "\n".join(f"{s.index + 1:>{width}}  {_(s.phase):<8}  {s.text if numbers else s.rule + ' = ?'}"
                     for s in steps)



class StepPlayer(Shown):
    """Walk one training step of ``net`` on (x, t) equation by equation, on the diagram."""

    picture = N_("The network with the values known at this step")   # its alt text (display.Shown)

    def __init__(self, net, x, t, eta=0.5, learn_biases=False, width_px=980, font_size=11, interval_ms=1500,
                 aspect=0.5):
        self.walks = {order: walk(net, x, t, eta, learn_biases, order) for order in ("simultaneous", "sequential")}
        self.difference = first_difference(self.walks["simultaneous"], self.walks["sequential"])
        self.timings = []
        self.revealed, self.first_try = set(), {}
        self._build_controls(len(self.walks["simultaneous"]), width_px, interval_ms)
        self._build_figure(net, t, width_px, aspect, font_size)
        self._connect()
        self.redraw()

    def _build_controls(self, n, width_px, interval_ms):
        """▶ play, ◀ ▶, the step slider, phase, sequential, predict-first, the equation and the picture."""
        import ipywidgets as widgets
        layout = widgets.Layout
        self.play = widgets.Play(value=0, min=0, max=n - 1, interval=interval_ms, description=_("play"))
        self.slider = widgets.IntSlider(value=0, min=0, max=n - 1, description=_("step"), readout=False,
                                        continuous_update=True,
                                        layout=layout(width="420px", flex="0 1 auto", min_width="160px"))
        widgets.jslink((self.play, "value"), (self.slider, "value"))
        self.position = widgets.HTML()
        # in a narrow notebook column the slider gives up room, never the buttons' words
        self.previous = widgets.Button(description=_("◀ previous"), layout=layout(width="auto", flex="0 0 auto"))
        self.next = widgets.Button(description=_("next ▶"), layout=layout(width="auto", flex="0 0 auto"))
        self.phase = widgets.ToggleButtons(options=[(_(p), p) for p in PHASES], value="forward",
                                            description=_("phase"),
                                           style={"description_width": "initial", "button_width": "auto"})
        self.sequential = widgets.Checkbox(value=False, description=_("sequential update (the slip)"), indent=False)
        self.predict = widgets.Checkbox(value=False, description=_("predict first"), indent=False)
        self.answer = widgets.Text(placeholder=_("your value, then Enter"), continuous_update=False,
                                   layout=layout(width="300px", flex="0 0 auto"))
        self.check_button = widgets.Button(description=_("check"), layout=layout(width="auto"))
        self.reveal_button = widgets.Button(description=_("show it"), layout=layout(width="auto"))
        self.numbers = widgets.Checkbox(value=False, description=_("show the numbers"), indent=False,
                                        layout=layout(width="auto", margin="0 12px"),
                                        tooltip=_("write the equation with the numbers put in (a calculator's work)"))
        self.feedback = widgets.HTML()
        self.tally = widgets.HTML()
        self.equation = widgets.HTML()
        self.image = widgets.Image(format="png", layout=layout(width=f"{width_px}px"))
        self.predict_box = widgets.HBox([self.answer, self.check_button, self.reveal_button, self.numbers,
                                         self.feedback])
        self.widget = widgets.VBox([
            widgets.HBox([self.play, self.previous, self.slider, self.next, self.position]),
            widgets.HBox([self.phase, self.sequential, self.predict]),
            self.equation, self.predict_box, self.tally, self.image])
        self.widget.add_class("bp-player")
        self.equation.add_class("bp-step")
        self.feedback.add_class("bp-feedback")
        for live in (self.equation, self.feedback):   # the step's equation describes the picture; both announced
            live.add_class("bp-live")
        self.tally.add_class("bp-tally")

    def _build_figure(self, net, t, width_px, aspect, font_size):
        """The diagram, and every frame of the walk everyone takes first, drawn up front."""
        self.figure = new_figure(width_px, aspect)
        ax = self.figure.subplots()
        self.diagram = StepDiagram(ax, net, t, font_size=font_size)
        self.figure.canvas.draw()
        self.figure.set_layout_engine("none")
        self.frames = {}            # (sequential, step, hidden) -> (marks, PNG)
        for step in self.walks["simultaneous"]:
            self._frame(step, False)

    def _connect(self):
        self.slider.observe(lambda c: self.redraw(), names="value")
        self.sequential.observe(lambda c: self._reset_predictions(), names="value")
        self.predict.observe(lambda c: self._reset_predictions(), names="value")
        self.numbers.observe(lambda c: self.redraw(keep_feedback=True), names="value")
        self.phase.observe(self._on_phase, names="value")
        self.previous.on_click(lambda b: self._move(-1))
        self.next.on_click(lambda b: self._move(+1))
        self.check_button.on_click(lambda b: self.check(self.answer.value))
        self.answer.observe(lambda c: self.check(c["new"]) if c["new"] else None, names="value")
        self.reveal_button.on_click(lambda b: self.reveal())

    @property
    def steps(self):
        return self.walks["sequential" if self.sequential.value else "simultaneous"]

    def _move(self, delta):
        self.slider.value = int(np.clip(self.slider.value + delta, 0, self.slider.max))

    def _on_phase(self, change):
        if self.steps[self.slider.value].phase != change["new"]:
            self.slider.value = next(s.index for s in self.steps if s.phase == change["new"])

    def _reset_predictions(self):
        self.revealed, self.first_try = set(), {}
        self.feedback.value = ""
        self.redraw()

    # --- predict first --------------------------------------------------------------------------------
    def check(self, answer):
        """Judge a predicted value for the current step (predict-first mode)."""
        k = self.slider.value
        if not self.predict.value or k in self.revealed:
            return
        ok, message = judge(self.steps[k], answer)
        if ok is not None:
            self.first_try.setdefault(k, ok)
        self.feedback.value = f"<span style='color:{'#1e7d32' if ok else '#b03a2e'}'>{message}</span>"
        if ok:
            self.revealed.add(k)
            self.redraw(keep_feedback=True)

    def reveal(self):
        """Show the current step's value without a (right) prediction."""
        k = self.slider.value
        self.first_try.setdefault(k, False)
        self.revealed.add(k)
        self.redraw()

    # --- drawing ---------------------------------------------------------------------------------------
    def redraw(self, keep_feedback=False):
        start = time.perf_counter()
        k = self.slider.value
        step = self.steps[k]
        hidden = self.predict.value and k not in self.revealed
        if not keep_feedback:
            self.feedback.value = ""
            self.answer.value = ""
        if self.phase.value != step.phase:
            self.phase.value = step.phase
        marked, png = self._frame(step, hidden)
        text = step.text if not hidden else self._question(step)
        note = ""
        if self.sequential.value:
            correct = next(s.value for s in self.walks["simultaneous"] if s.writes == step.writes)
            note = slip_note(k, self.difference, correct)
        self.equation.value = (
            f"<div style='font-size:1.25em; font-family: var(--jp-code-font-family, monospace)'>{text}</div>"
            f"<div class='bp-marks' style='color:#555'>" +
            _("phase: {phase} · reads {reads} · writes {writes}").format(
                phase=f"<b>{_(step.phase)}</b>",
                reads=f"<span style='color:{READ}'>{', '.join(map(display_name, step.reads)) or '–'}</span>",
                writes=f"<span style='color:{WRITE}'>"
                       f"{display_name(step.equation.target, step.phase == 'update')}</span>") + f"</div>{note}")
        self.position.value = _("step {k} of {n}").format(k=f"<b>{k + 1}</b>", n=len(self.steps))
        self.predict_box.layout.display = "flex" if self.predict.value else "none"
        self.tally.layout.display = "block" if self.predict.value else "none"
        right = sum(self.first_try.values())
        done = _(" — done!") if len(self.first_try) == len(self.steps) else ""
        tally = _("right at the first try: {right} of {tried} tried, {n} steps in all").format(
            right=right, n=len(self.steps), tried=len(self.first_try))
        self.tally.value = f"<span class='bp-tally-text'>{tally}{done}</span>"
        self.image.value = png
        self.timings.append(time.perf_counter() - start)

    def _question(self, step):
        return question(step, self.diagram, self.numbers.value)

    def _frame(self, step, hidden):
        """The marks and the PNG of a step, drawn once and kept (a step change then only sends a picture)."""
        key = (self.sequential.value, step.index, hidden)
        if key not in self.frames:
            marked = self.diagram.show(step, reveal=not hidden)
            self.frames[key] = (marked, self._png())
        return self.frames[key]

    def _png(self):
        return png(self.figure, draw=True)
