"""The network diagram of the notebooks, drawn with matplotlib.

    diagram = NetworkDiagram(ax, net)      # neurons, edges labelled w1 … w8, biases
    diagram.update(weights)                # recolour edges: blue > 0, red < 0, width ∝ |w|

``update`` changes the existing artists (no redrawing from scratch), so a
slider can call it many times a second.
"""

import numpy as np
from matplotlib.patches import Circle

POSITIVE, NEGATIVE, NEURON, BIAS = "#1f5fbf", "#c0392b", "#f4f1e8", "#e8eef8"


def neuron_names(sizes):
    """i1, i2 | h1, h2 | o1, o2 for one hidden layer; h1_1 … (layer_neuron) for more."""
    hidden = len(sizes) - 2
    names = [[f"i{j + 1}" for j in range(sizes[0])]]
    for l in range(1, len(sizes) - 1):
        prefix = "h" if hidden == 1 else f"h{l}_"
        names.append([f"{prefix}{j + 1}" for j in range(sizes[l])])
    names.append([f"o{j + 1}" for j in range(sizes[-1])])
    return names


class NetworkDiagram:
    """A fully connected network drawn on ``ax``: circles for neurons, lines for weights."""

    def __init__(self, ax, net, show_values=True, label_at=0.28, radius=0.17, font_size=9):
        self.ax, self.net, self.show_values = ax, net, show_values
        names = neuron_names(net.sizes)
        weight_names = net.parameter_names()[: len(net.weights)]
        bias_names = net.parameter_names()[len(net.weights):]
        L = len(net.sizes)
        gap = 1.3  # vertical distance between neurons; layers are 2 apart, each centred on y = 0
        pos = [[(2.0 * l, gap * ((n - 1) / 2 - j)) for j in range(n)] for l, n in enumerate(net.sizes)]
        self.edges, self.labels = [], []
        for l in range(L - 1):
            for j in range(net.sizes[l + 1]):
                for k in range(net.sizes[l]):
                    (x0, y0), (x1, y1) = pos[l][k], pos[l + 1][j]
                    # the line stops at the circles, so neurons never need redrawing over it
                    length = np.hypot(x1 - x0, y1 - y0)
                    ux, uy = (x1 - x0) / length, (y1 - y0) / length
                    line, = ax.plot([x0 + radius * ux, x1 - radius * ux], [y0 + radius * uy, y1 - radius * uy],
                                    color=POSITIVE, lw=1.5, zorder=1, solid_capstyle="butt")
                    name = weight_names[l][j * net.sizes[l] + k]
                    # the label sits beside the line (above it), not on it
                    lx, ly = x0 + label_at * (x1 - x0) - 0.17 * uy, y0 + label_at * (y1 - y0) + 0.17 * ux
                    text = ax.text(lx, ly, name, fontsize=font_size, ha="center", va="center", zorder=4)
                    self.edges.append(line)
                    self.labels.append((name, text))
            # one bias node per layer, dashed lines to the neurons it feeds (labelled b1 or b1_1 … b1_n)
            bx, by = pos[l][0][0] + 1.0, pos[l + 1][0][1] + 0.9
            shared = net.biases[l].size == 1
            for j in range(net.sizes[l + 1]):
                ax.plot([bx, pos[l + 1][j][0]], [by, pos[l + 1][j][1]], color="#999999", lw=0.8,
                        ls="--", zorder=0)
            label = bias_names[l][0] if shared else f"b{l + 1}"
            ax.add_patch(Circle((bx, by), radius * 0.8, fc=BIAS, ec="#666666", zorder=2))
            ax.text(bx, by, label, ha="center", va="center", fontsize=font_size - 1, zorder=3)
        self.neurons = []
        for l, layer in enumerate(pos):
            for j, (x, y) in enumerate(layer):
                self.neurons.append(ax.add_patch(Circle((x, y), radius, fc=NEURON, ec="#333333", lw=1.2,
                                                        zorder=2)))
                self.neurons.append(ax.text(x, y, names[l][j], ha="center", va="center", fontsize=font_size + 1,
                                            zorder=3, fontweight="bold"))
        ax.set_xlim(-0.6, 2.0 * (L - 1) + 0.6)
        ys = [y for layer in pos for _, y in layer] + [pos[1][0][1] + 0.9]
        ax.set_ylim(min(ys) - 0.6, max(ys) + 0.45)
        ax.set_aspect("equal")
        ax.axis("off")
        self.update(net.weights)

    def artists(self):
        """The artists that ``update`` changes: the edges, and their labels when they show values."""
        return self.edges + ([text for _, text in self.labels] if self.show_values else [])

    def update(self, weights, scale=None):
        """Show ``weights`` (one array per layer): colour = sign, width = size.

        ``scale`` is the |w| drawn at full width (default: the largest |w| shown)."""
        flat = np.concatenate([np.ravel(W) for W in weights])
        scale = scale or max(float(np.max(np.abs(flat))), 1e-12)
        for line, (name, text), w in zip(self.edges, self.labels, flat):
            line.set_color(POSITIVE if w >= 0 else NEGATIVE)
            line.set_linewidth(0.6 + 4.0 * min(abs(w) / scale, 1.0))
            text.set_text(f"{name} = {w:.3f}" if self.show_values else name)
