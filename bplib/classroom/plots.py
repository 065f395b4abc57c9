"""The drawings of the notebooks, with matplotlib.

    diagram = NetworkDiagram(ax, net)      # neurons, edges labelled w1 … w8, biases
    diagram.update(weights)                # redraw edges: blue solid > 0, red dashed < 0, width ∝ |w|
    forward_diagram(ax, net, x, t)         # the forward pass: w on edges, net and out on neurons
    backward_diagram(ax, net, x, t)        # the backward pass: δ on neurons, ∂E/∂w on edges, arrows back
    paths_diagram(ax, net, "h1")           # the paths from one hidden neuron to E (multivariable chain rule)
    neuron_graph(ax, x=…, w=…, b=…, t=…)   # one neuron as a computational graph (×, +, σ, E)
    show_figure(fig, d.description)        # every drawing describes itself in words, with its values,
                                           # for a reader who cannot see it (display.show_figure)
    plt.style.use(ROOM_STYLE)              # type large enough for a projector (every notebook)

``update`` changes the existing artists (no redrawing from scratch), so a slider
can call it many times a second. Every drawing keeps its artists by name
(``diagram.neuron_labels["h1"]``, ``diagram.edge_labels["w5"]``, ``diagram.arrows["w5"]``)
so that tests and the step-through player can find and change them.
"""

import logging

import matplotlib as mpl
import numpy as np
from cycler import cycler
from matplotlib import font_manager
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from ..i18n import _, follow_language
from ..network import neuron_names

POSITIVE, NEGATIVE, NEURON, BIAS = "#1f5fbf", "#c0392b", "#f4f1e8", "#e8eef8"
BACKWARD, FORWARD, MUTED = "#b03a2e", "#1f5fbf", "#bbbbbb"
# a network's output over the input plane (notebook 7, the XOR playground): purple 0 … white ½ … green 1, colours
# that never mean a weight's sign (blue, red) in the same picture, safe for the common colour-vision deficiencies
# (ColorBrewer's PRGn ends), and apart in greyscale too: the purple end dark, the green end a middle grey, the
# boundary (½) white
OUTPUT_CMAP = "bp_output"
if OUTPUT_CMAP not in mpl.colormaps:
    mpl.colormaps.register(mpl.colors.LinearSegmentedColormap.from_list(
        OUTPUT_CMAP, ["#40004b", "#9970ab", "#f7f7f7", "#7fbf7b", "#5aae61"]))
# Type for a projector, used by every notebook (``plt.style.use(ROOM_STYLE)``): tick labels at 13 pt are 18 px
# in the notebooks' figures (100 dpi), and still 16 px on a 1280×720 slide, where a figure is shown at 90 % of
# its size or larger (the decks' least, tools/templates/deck).
CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC",   # Linux
             "Microsoft YaHei", "SimHei",                                                          # Windows
             "PingFang SC", "Hiragino Sans GB", "Heiti TC")                                        # macOS


def cjk_font():
    """Put the first CJK font the system has behind matplotlib's default font (DejaVu Sans): glyphs DejaVu lacks
    (Chinese characters) come from it. Raises with a clear message when the system has none."""
    names = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in CJK_FONTS if name in names), None)
    if found is None:
        raise RuntimeError(_("No font with Chinese characters was found for the figures; install one (Debian and "
                             "Ubuntu: sudo apt-get install fonts-wqy-microhei) and restart the kernel."))
    latin = mpl.rcParams["font.sans-serif"][0]           # DejaVu Sans: letters, digits, σ, η, −, ∂
    mpl.rcParams["font.family"] = [latin, found]         # a glyph the first font lacks comes from the second
    # the CJK font has one weight: bold Chinese is drawn in it as it is, which matplotlib would log each time
    logging.getLogger("matplotlib.font_manager").addFilter(_NoBoldNotice())
    return found


class _NoBoldNotice(logging.Filter):
    def filter(self, record):
        return "Failed to find font weight" not in record.getMessage()


def _font_for(language):
    if language != "en":
        cjk_font()


follow_language(_font_for)            # bplib.use_language("zh_CN"): the figures get a CJK font


# Lines told apart without colour too (WCAG 2.1, 1.4.1): the colours of Okabe & Ito's palette, safe for the
# common colour-vision deficiencies and at least 3:1 against white (1.4.11; its light orange, sky blue and yellow
# are left out or darkened), each with its own line style, so a figure reads in greyscale as well. The live
# pages of the site draw with the same colours (tools/templates/live).
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#000000", "#8c6d00")
LINE_STYLES = ("-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)))
ROOM_STYLE = {"axes.prop_cycle": cycler(color=PALETTE, linestyle=LINE_STYLES),
              "figure.dpi": 100, "font.size": 13, "axes.titlesize": 15, "axes.labelsize": 14,
              "xtick.labelsize": 13, "ytick.labelsize": 13, "legend.fontsize": 12, "legend.title_fontsize": 12}


class NetworkDiagram:
    """A fully connected network drawn on ``ax``: circles for neurons, lines for weights.

    ``positions[name]`` is the centre of each neuron (i1, h1, o1, …); ``edge_ends[w]`` the two
    ends (sender, receiver) of each weight's line; ``edge_names`` the weights in reading order.
    """

    def __init__(self, ax, net, show_values=True, label_at=0.28, radius=0.17, font_size=9,
                 layer_gap=2.0, neuron_gap=1.3):
        self.ax, self.net, self.show_values, self.radius = ax, net, show_values, radius
        self.font_size = font_size
        self.names = neuron_names(net.sizes)
        pos = [[(layer_gap * l, neuron_gap * ((n - 1) / 2 - j)) for j in range(n)] for l, n in enumerate(net.sizes)]
        self.positions = {self.names[l][j]: p for l, layer in enumerate(pos) for j, p in enumerate(layer)}
        self.layer_of = {self.names[l][j]: l for l, layer in enumerate(pos) for j in range(len(layer))}
        self.edges, self.labels, self.edge_ends, self.edge_names = [], [], {}, []
        self.edge_lines, self.edge_labels, self.arrows, self.neuron_labels = {}, {}, {}, {}
        self.bias_circles, self.bias_positions = {}, {}
        for l in range(len(net.sizes) - 1):
            self._draw_weights(l, pos, label_at)
            self._draw_bias(l, pos, layer_gap)
        self._draw_neurons(pos)
        self.description = self.structure()
        ax.set_xlim(-0.6, layer_gap * (len(net.sizes) - 1) + 0.6)
        ys = [y for layer in pos for _, y in layer] + [pos[1][0][1] + 0.9]
        ax.set_ylim(min(ys) - 0.6, max(ys) + 0.45)
        ax.set_aspect("equal")
        ax.axis("off")
        self.update(net.weights)

    def _draw_weights(self, l, pos, label_at):
        """The lines from layer l to layer l + 1, each labelled with its weight's name beside it."""
        ax, radius, sizes = self.ax, self.radius, self.net.sizes
        weight_names = self.net.parameter_names()[l]
        for j in range(sizes[l + 1]):
            for k in range(sizes[l]):
                (x0, y0), (x1, y1) = pos[l][k], pos[l + 1][j]
                # the line stops at the circles, so neurons never need redrawing over it
                length = np.hypot(x1 - x0, y1 - y0)
                ux, uy = (x1 - x0) / length, (y1 - y0) / length
                ends = ((x0 + radius * ux, y0 + radius * uy), (x1 - radius * ux, y1 - radius * uy))
                line, = ax.plot([ends[0][0], ends[1][0]], [ends[0][1], ends[1][1]],
                                color=POSITIVE, lw=1.5, ls="-", zorder=1, solid_capstyle="butt")
                name = weight_names[j * sizes[l] + k]
                # the label sits beside the line (above it), not on it
                lx, ly = x0 + label_at * (x1 - x0) - 0.17 * uy, y0 + label_at * (y1 - y0) + 0.17 * ux
                text = ax.text(lx, ly, name, fontsize=self.font_size, ha="center", va="center", zorder=4)
                self.edges.append(line)
                self.labels.append((name, text))
                self.edge_ends[name] = ends
                self.edge_names.append(name)
                self.edge_lines[name], self.edge_labels[name] = line, text

    def _draw_bias(self, l, pos, layer_gap):
        """One bias node for layer l + 1, dashed lines to the neurons it feeds (labelled b1, or b1 for b1_1 …)."""
        ax, net = self.ax, self.net
        bx, by = pos[l][0][0] + layer_gap / 2, pos[l + 1][0][1] + 0.9
        for j in range(net.sizes[l + 1]):
            ax.plot([bx, pos[l + 1][j][0]], [by, pos[l + 1][j][1]], color="#999999", lw=0.8, ls="--", zorder=0)
        bias_names = net.parameter_names()[len(net.weights) + l]
        label = bias_names[0] if net.biases[l].size == 1 else f"b{l + 1}"
        self.bias_circles[f"b{l + 1}"] = ax.add_patch(Circle((bx, by), self.radius * 0.8, fc=BIAS, ec="#666666",
                                                              zorder=2))
        self.bias_positions[f"b{l + 1}"] = (bx, by)
        ax.text(bx, by, label, ha="center", va="center", fontsize=self.font_size - 1, zorder=3)

    def _draw_neurons(self, pos):
        self.circles = {}
        for l, layer in enumerate(pos):
            for j, (x, y) in enumerate(layer):
                circle = self.ax.add_patch(Circle((x, y), self.radius, fc=NEURON, ec="#333333", lw=1.2, zorder=2))
                self.circles[self.names[l][j]] = circle
                self.ax.text(x, y, self.names[l][j], ha="center", va="center", fontsize=self.font_size + 1,
                             zorder=3, fontweight="bold")

    def structure(self):
        """The drawing in words: its layers, neurons and weights (``description`` until a drawing of values
        replaces it)."""
        layers = [", ".join(layer) for layer in self.names]
        weights = self.edge_names
        return _("A {sizes} network: inputs {inputs}; {hidden}outputs {outputs}. Each neuron feeds every neuron "
                 "of the next layer through a weight ({first} … {last}), and each layer after the inputs has "
                 "a bias.").format(
            sizes=_shape(self.net), inputs=layers[0], outputs=layers[-1],
            hidden="".join(_("hidden layer {neurons}; ").format(neurons=h) for h in layers[1:-1]),
            first=weights[0], last=weights[-1]) + " " + _(
            "A line's width grows with its weight's size; blue solid lines are positive weights, red dashed "
            "ones negative.")

    def artists(self):
        """The artists that ``update`` changes: the edges, and their labels when they show values."""
        return self.edges + ([text for _, text in self.labels] if self.show_values else [])

    def update(self, weights, scale=None):
        """Show ``weights`` (one array per layer): colour and line = sign (blue solid > 0, red dashed < 0, so the
        sign reads without colour too), width = size.

        ``scale`` is the |w| drawn at full width (default: the largest |w| shown)."""
        flat = np.concatenate([np.ravel(W) for W in weights])
        scale = scale or max(float(np.max(np.abs(flat))), 1e-12)
        for line, (name, text), w in zip(self.edges, self.labels, flat):
            line.set_color(POSITIVE if w >= 0 else NEGATIVE)
            line.set_linestyle("-" if w >= 0 else (0, (4, 2)))
            line.set_linewidth(0.6 + 4.0 * min(abs(w) / scale, 1.0))
            text.set_text(f"{name} = {w:.3f}" if self.show_values else name)

    # --- values written on the drawing -------------------------------------------------------
    def label_neuron(self, name, text, color="#222222", side=None):
        """Write ``text`` in a box beside neuron ``name``: above the upper half of a layer, below
        the lower half (or ``side`` = "above" / "below" / "right")."""
        x, y = self.positions[name]
        if side is None:
            side = "above" if y > 0 or (y == 0 and self.layer_of[name] % 2 == 0) else "below"
        offset = {"above": (0, self.radius + 0.08, "bottom", "center"),
                  "below": (0, -self.radius - 0.08, "top", "center"),
                  "right": (self.radius + 0.1, 0, "center", "left")}[side]
        label = self.ax.text(x + offset[0], y + offset[1], text, ha=offset[3], va=offset[2], color=color,
                             fontsize=self.font_size, zorder=6, linespacing=1.25,
                             bbox=dict(boxstyle="round,pad=0.25", fc="white", ec=color, lw=0.8, alpha=0.95))
        self.neuron_labels[name] = label
        return label

    def label_bias(self, name, text, color="#222222"):
        """Write ``text`` (e.g. "b1 = 0.35") to the right of bias node ``name`` ("b1", "b2", …)."""
        x, y = self.bias_positions[name]
        return self.ax.text(x + self.radius * 0.8 + 0.08, y, text, ha="left", va="center", color=color,
                            fontsize=self.font_size, zorder=6)

    def label_edge(self, name, text, color="#222222", at=None):
        """Replace the label of weight ``name`` by ``text`` (``at``: move it to that fraction of the
        way from sender to receiver, still beside the line)."""
        label = self.edge_labels[name]
        if at is not None:
            (x0, y0), (x1, y1) = self.edge_ends[name]
            length = np.hypot(x1 - x0, y1 - y0)
            ux, uy = (x1 - x0) / length, (y1 - y0) / length
            label.set_position((x0 + at * (x1 - x0) - 0.17 * uy, y0 + at * (y1 - y0) + 0.17 * ux))
        label.set_text(text)
        label.set_color(color)
        label.set_bbox(dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))
        return label

    def arrow(self, name, backward=True, color=BACKWARD):
        """An arrow along weight ``name``: from receiver to sender when ``backward``."""
        start, end = self.edge_ends[name]
        if backward:
            start, end = end, start
        patch = FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color=color, lw=1.6,
                                shrinkA=0, shrinkB=0, zorder=3)
        self.ax.add_patch(patch)
        self.arrows[name] = patch
        self.edge_lines[name].set_alpha(0.0)
        return patch

    def mute(self):
        """Draw every edge thin and grey (the values, not the weights' sizes, carry the story)."""
        for line in self.edges:
            line.set_color(MUTED)
            line.set_linewidth(1.0)


def _values_of(net, x, t=None):
    """The forward (and with ``t`` the backward) pass as {name: value} dictionaries."""
    trace = net.forward(x)
    names = neuron_names(net.sizes)
    nets = {n: float(v) for l, layer in enumerate(names[1:]) for n, v in zip(layer, trace.z[l])}
    outs = {n: float(v) for l, layer in enumerate(names[1:]) for n, v in zip(layer, trace.a[l])}
    outs.update({n: float(v) for n, v in zip(names[0], np.ravel(x))})
    deltas = grads = None
    if t is not None:
        g = net.gradients(x, t)
        deltas = {n: float(v) for l, layer in enumerate(names[1:]) for n, v in zip(layer, g.deltas[l])}
        grads = g.named()
    return nets, outs, deltas, grads


def _shape(net):
    """A network's layer sizes as the text writes them: "2-2-2"."""
    return "-".join(str(n) for n in net.sizes)


def _signed(value, digits):
    """A value to ``digits`` significant digits with a true minus sign (−0.0381), as the drawings write it."""
    return f"{value:.{digits}g}".replace("-", "−")


def _label_biases(d, net, digits, color):
    """Each layer's bias value beside its bias node (shared biases only: one value per node)."""
    for l, b in enumerate(net.biases):
        if b.size == 1:
            d.label_bias(f"b{l + 1}", f"= {float(b[0]):.{digits}g}", color=color)


def _fig_limits(diagram, extra=0.55):
    """Make room for the value boxes above and below the neurons."""
    lo, hi = diagram.ax.get_ylim()
    diagram.ax.set_ylim(lo - extra, hi + extra * 0.5)


def forward_diagram(ax, net, x, t=None, digits=4, font_size=9):
    """The forward pass drawn: the value of every weight on its edge, net and out in a box beside
    every neuron, the inputs' values, and (with ``t``) each output's target."""
    d = NetworkDiagram(ax, net, show_values=True, font_size=font_size, layer_gap=3.0, neuron_gap=1.6)
    d.mute()
    nets, outs = _values_of(net, x, t)[:2]
    for name in d.edge_names:
        d.label_edge(name, f"{name} = {net.named()[name]:.{digits}g}", color=FORWARD)
    _label_biases(d, net, digits, FORWARD)
    for name in d.positions:
        if name.startswith("i"):
            d.label_neuron(name, f"{name} = {outs[name]:.{digits}g}", color="#333333")
        else:
            d.label_neuron(name, f"net = {nets[name]:.{digits}f}\nout = {outs[name]:.{digits}f}", color=FORWARD)
    if t is not None:
        for j, name in enumerate(d.names[-1]):
            x0, y0 = d.positions[name]
            ax.text(x0 + d.radius + 0.12, y0, f"t{j + 1} = {np.ravel(t)[j]:g}", ha="left", va="center",
                    fontsize=font_size, color="#555555")
    _fig_limits(d)
    ax.set_xlim(ax.get_xlim()[0], ax.get_xlim()[1] + 0.5)
    neurons = "; ".join(_("{name}: net {net:.{digits}f}, out {out:.{digits}f}").format(
        name=n, net=nets[n], out=outs[n], digits=digits) for n in d.positions if not n.startswith("i"))
    d.description = _("The forward pass of the {sizes} network. Inputs {inputs}. {neurons}. Weights {weights}; "
                      "biases {biases}.").format(
        sizes=_shape(net), neurons=neurons,
        inputs=", ".join(f"{n} = {outs[n]:.{digits}g}" for n in d.names[0]),
        weights=", ".join(f"{n} = {v:.{digits}g}" for n, v in net.named().items() if n in d.edge_names),
        biases=", ".join(f"b{l + 1} = {float(b.ravel()[0]):.{digits}g}" for l, b in enumerate(net.biases)))
    if t is not None:
        d.description += " " + _("Targets {targets}.").format(
            targets=", ".join(f"t{j + 1} = {v:g}" for j, v in enumerate(np.ravel(t))))
    return d


def blank_diagram(ax, net, x, t, backward=False, font_size=10):
    """The worked example for paper: the given numbers (inputs, weights, biases, targets) written in, and
    empty boxes to fill: net and out of every neuron and E (forward), or δ of every neuron, with arrows
    back along the weights (``backward``)."""
    d = NetworkDiagram(ax, net, show_values=True, font_size=font_size, layer_gap=3.4, neuron_gap=2.0,
                       label_at=0.42)
    d.mute()
    blank = "\u2003" * 9                               # an empty box, room for a number written by hand
    for name in d.edge_names:
        if backward:                                   # the δ's flow back along the weights
            d.arrow(name, backward=True, color="#e0a8a0")
        (y0, y1) = (end[1] for end in d.edge_ends[name])  # straight edges: the label midway, clear of the boxes
        label = d.label_edge(name, f"{name} = {net.named()[name]:g}", color="#222222",
                             at=0.5 if np.isclose(y0, y1) else None)
        if np.isclose(y0, y1) and y0 > 0:              # the upper edges: below the line, the boxes sit above
            x_label, y_label = label.get_position()
            label.set_position((x_label, y_label - 0.34))
    _label_biases(d, net, 4, "#222222")
    for j, name in enumerate(d.names[0]):
        d.label_neuron(name, f"{name} = {np.ravel(x)[j]:g}", color="#222222")
    for name in d.positions:
        if name.startswith("i"):
            continue
        text = f"δ = {blank}" if backward else f"net = {blank}\nout = {blank}"
        d.label_neuron(name, text, color=BACKWARD if backward else FORWARD)
    for j, name in enumerate(d.names[-1]):
        x0, y0 = d.positions[name]
        ax.text(x0 + d.radius + 0.12, y0, f"t{j + 1} = {np.ravel(t)[j]:g}", ha="left", va="center",
                fontsize=font_size, color="#555555")
    if not backward:
        ax.text(d.positions[d.names[-1][0]][0] + 1.3, 0, f"E = {blank}", ha="left", va="center",
                fontsize=font_size + 1, color=FORWARD,
                bbox=dict(boxstyle="round,pad=0.3", fc="white", ec=FORWARD, lw=0.8))
    _fig_limits(d)
    ax.set_xlim(ax.get_xlim()[0], ax.get_xlim()[1] + (1.4 if backward else 3.2))
    return d


def backward_diagram(ax, net, x, t, digits=4, font_size=9):
    """The backward pass drawn: arrows from the outputs back to the inputs, δ = ∂E/∂net in a box
    beside every neuron, ∂E/∂w on every edge (δ of the receiver × out of the sender)."""
    d = NetworkDiagram(ax, net, show_values=True, font_size=font_size, layer_gap=3.0, neuron_gap=1.6)
    d.mute()
    outs, deltas, grads = _values_of(net, x, t)[1:]
    for name in d.edge_names:
        d.arrow(name, backward=True)
        (y0, y1) = (end[1] for end in d.edge_ends[name])
        # straight edges: the label in the middle, clear of the arrowhead and the δ boxes
        d.label_edge(name, f"∂E/∂{name} = {grads[name]:.{digits}g}", color=BACKWARD,
                     at=0.5 if np.isclose(y0, y1) else None)
    for name in d.positions:
        if name.startswith("i"):
            d.label_neuron(name, f"out = {outs[name]:.{digits}g}", color="#333333")
        elif d.layer_of[name] < len(net.sizes) - 1:
            # a hidden neuron: its out is what ∂E/∂w of the weights it feeds multiplies δ by
            d.label_neuron(name, f"δ = {deltas[name]:.{digits}g}\nout = {outs[name]:.{digits}g}", color=BACKWARD)
        else:
            d.label_neuron(name, f"δ = {deltas[name]:.{digits}g}", color=BACKWARD)
    for j, name in enumerate(d.names[-1]):
        x0, y0 = d.positions[name]
        ax.annotate("", xy=(x0 + d.radius, y0), xytext=(x0 + d.radius + 0.7, y0),
                    arrowprops=dict(arrowstyle="-|>", color=BACKWARD, lw=1.6, mutation_scale=14))
        ax.text(x0 + d.radius + 0.75, y0, f"out − t\n= {outs[name] - np.ravel(t)[j]:.{digits}g}", ha="left",
                va="center", fontsize=font_size, color=BACKWARD)
    _fig_limits(d)
    ax.set_xlim(ax.get_xlim()[0], ax.get_xlim()[1] + 1.6)
    signed = _signed
    d.description = _("The backward pass of the {sizes} network, arrows from E back to the inputs. out − t: "
                      "{errors}. δ = ∂E/∂net: {deltas}. On the edges ∂E/∂w = δ of the receiver × out of the "
                      "sender: {grads}.").format(
        sizes=_shape(net),
        errors=", ".join(f"{n} {signed(outs[n] - np.ravel(t)[j], digits)}" for j, n in enumerate(d.names[-1])),
        deltas=", ".join(f"{n} {signed(deltas[n], digits)}" for n in d.positions if not n.startswith("i")),
        grads=", ".join(f"∂E/∂{n} = {signed(grads[n], digits)}" for n in d.edge_names))
    return d


def paths_diagram(ax, net, source="h1", font_size=10):
    """Every path from neuron ``source`` to the loss E, highlighted: the multivariable chain rule
    adds one term per path (for h1 of the example: through o1 via w5, and through o2 via w7)."""
    d = NetworkDiagram(ax, net, show_values=False, font_size=font_size, layer_gap=3.0, neuron_gap=1.6)
    d.mute()
    outputs = d.names[-1]
    ex = max(x for x, _ in d.positions.values()) + 2.6
    ax.add_patch(Circle((ex, 0), d.radius * 1.3, fc="#fdecea", ec=BACKWARD, lw=1.5, zorder=2))
    ax.text(ex, 0, "E", ha="center", va="center", fontsize=font_size + 3, fontweight="bold", zorder=3)
    colors = ["#1e7d32", "#8e44ad", "#d35400", "#2c3e50"]
    path_edges = []
    layer = d.layer_of[source]
    for k, o in enumerate(outputs):
        color = colors[k % len(colors)]
        # the weight from source straight into o (one hidden layer: the path source → o → E)
        name = next(n for n in d.edge_names
                    if np.allclose(d.edge_ends[n][0], _towards(d, source, o)[0])
                    and np.allclose(d.edge_ends[n][1], _towards(d, source, o)[1]))
        line = d.edge_lines[name]
        line.set_color(color)
        line.set_linewidth(3.5)
        d.edge_labels[name].set_color(color)
        d.edge_labels[name].set_fontweight("bold")
        ox, oy = d.positions[o]
        ax.add_patch(FancyArrowPatch((ox + d.radius, oy), (ex - d.radius * 1.3, 0), arrowstyle="-|>",
                                     mutation_scale=14, color=color, lw=3, zorder=1))
        ax.text(ox + 0.35, oy + 0.3 * np.sign(oy or 1), _("path {k}: via {neuron}").format(k=k + 1, neuron=o),
                color=color, fontsize=font_size, ha="left", va="center", fontweight="bold")
        path_edges.append(name)
    d.circles[source].set_facecolor("#fff3c4")
    ax.set_xlim(ax.get_xlim()[0], ex + 0.6)
    d.paths = path_edges
    d.description = _("The paths from {source} to the loss E, each in its own colour: {paths}. The multivariable "
                      "chain rule adds one term per path.").format(
        source=source, paths="; ".join(_("path {k}: {source} → {o} through {w}, then {o} → E").format(
            k=k + 1, source=source, o=o, w=w) for k, (o, w) in enumerate(zip(outputs, path_edges))))
    assert layer == len(d.names) - 2, "paths_diagram draws a neuron of the last hidden layer"
    return d


def _towards(d, sender, receiver):
    """The drawn ends of the edge sender → receiver."""
    (x0, y0), (x1, y1) = d.positions[sender], d.positions[receiver]
    length = np.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    r = d.radius
    return (x0 + r * ux, y0 + r * uy), (x1 - r * ux, y1 - r * uy)


def neuron_graph(ax, x, w, b, t, font_size=10):
    """One neuron as a computational graph: net = w·x + b, out = σ(net), E = ½(t − out)².

    Above each arrow the forward value; below it, in red, the gradient flowing back:
    upstream gradient × local derivative at every node. Returns {quantity: value}."""
    net = w * x + b
    out = 1 / (1 + np.exp(-net))
    E = 0.5 * (t - out) ** 2
    dE_dout = out - t                       # local derivative of ½(t − out)²
    dE_dnet = dE_dout * out * (1 - out)     # × σ′(net) = out(1 − out)
    dE_dw, dE_db = dE_dnet * x, dE_dnet * 1.0   # × ∂net/∂w = x, × ∂net/∂b = 1
    values = dict(net=net, out=out, E=E, dE_dout=dE_dout, dE_dnet=dE_dnet, dE_dw=dE_dw, dE_db=dE_db)

    gap = 3.8                               # room between the boxes for a label of three short lines
    nodes = {"x": (0, 1.5), "w": (0, -0.5), "b": (gap, -1.5), "×": (gap, 0.5), "+": (2 * gap, 0.5),
             "σ": (3 * gap, 0.5), "E": (4 * gap, 0.5)}
    for name, (px, py) in nodes.items():
        is_op = name in "×+σE"
        half = 0.7 if name == "E" else 0.45         # the loss box holds a formula
        box = FancyBboxPatch((px - half, py - 0.3), 2 * half, 0.6, boxstyle="round,pad=0.05",
                             fc="#fff3c4" if is_op else NEURON, ec="#333333", zorder=2)
        ax.add_patch(box)
        label = {"E": "½(t−·)²"}.get(name, name)
        ax.text(px, py, label, ha="center", va="center", fontsize=font_size + (2 if name in "×+σ" else 0),
                fontweight="bold", zorder=3)

    def link(a, c, forward_text, backward_text):
        (x0, y0), (x1, y1) = nodes[a], nodes[c]
        ax.add_patch(FancyArrowPatch((x0 + 0.45, y0), (x1 - (0.7 if c == "E" else 0.45), y1), arrowstyle="-|>",
                                     mutation_scale=12,
                                     color="#555555", lw=1.2, zorder=1))
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        side = 0.12 if y0 == y1 else 0.0
        # a slanted link: its forward label at the sender's end, above the line (clear of the arrow)
        fx, fy = (mx, my + 0.12 + side) if side else (x0 + 0.6, y0 + 0.35 if y1 < y0 else y0 - 0.35)
        ax.text(fx, fy, forward_text, ha="center" if side else "left", va="bottom" if (side or y1 < y0) else "top",
                fontsize=font_size - 1, color=FORWARD)
        ax.text(mx, my - 0.12 - side, backward_text, ha="center" if side else "left", va="top",
                fontsize=font_size - 1, color=BACKWARD)

    link("x", "×", f"x = {x:g}", "")
    link("w", "×", f"w = {w:g}", f"∂E/∂w = {dE_dnet:.4g}·{x:g}\n= {dE_dw:.4g}")
    link("×", "+", f"w·x = {w * x:.4g}", "")
    link("b", "+", f"b = {b:g}", f"∂E/∂b = {dE_db:.4g}")
    link("+", "σ", f"net = {net:.4g}", f"∂E/∂net\n= {dE_dout:.4g}·{out * (1 - out):.4g}\n= {dE_dnet:.4g}")
    link("σ", "E", f"out = {out:.4g}", f"∂E/∂out\n= out − t\n= {dE_dout:.4g}")
    ax.text(nodes["E"][0], nodes["E"][1] + 0.45, f"E = {E:.4g}", ha="center", fontsize=font_size, color=FORWARD)
    ax.text(nodes["E"][0], nodes["E"][1] - 0.45, f"t = {t:g}", ha="center", va="top", fontsize=font_size,
            color="#555555")
    ax.text(0, -1.6, _("blue: forward values\nred: gradients flowing back\n(upstream × local)"), fontsize=font_size - 1,
            va="top", color="#555555")
    ax.set_xlim(-0.8, 4 * gap + 1.0)
    ax.set_ylim(-2.4, 2.1)
    ax.set_aspect("equal")
    ax.axis("off")
    values = Described(values)
    values.description = _(
        "One neuron as a computational graph, left to right: x = {x:g} and w = {w:g} into ×, giving w·x = {wx:.4g}; "
        "with b = {b:g} into +, giving net = {net:.4g}; σ gives out = {out:.4g}; E = ½(t − out)² = {E:.4g} with "
        "t = {t:g}. Gradients flow back: ∂E/∂out = out − t = {d_out:.4g}; ∂E/∂net = {d_out:.4g} · {s:.4g} = "
        "{d_net:.4g}; ∂E/∂w = {d_net:.4g} · {x:g} = {d_w:.4g}; ∂E/∂b = {d_b:.4g}.").format(
        x=x, w=w, b=b, t=t, wx=w * x, net=net, out=out, E=E, d_out=dE_dout, s=out * (1 - out), d_net=dE_dnet,
        d_w=dE_dw, d_b=dE_db)
    return values


class Described(dict):
    """A drawing's values ({quantity: value}) with the drawing in words as ``.description``."""

    description = ""
