"""What the classroom pieces share for showing things in a notebook or a Voila page.

    figure = new_figure(width_px, aspect)      # a matplotlib Figure of that width in pixels, drawn off screen
    image.value = png(figure)                  # what its canvas holds now, as PNG bytes for an ipywidgets.Image
    class Dashboard(Shown): widget = …         # a class whose object shows its ``widget`` when it is displayed
    folded(expr, "E")                          # a long formula behind a click (HTML <details>)
    show_figure(fig, f"Loss E … {E:.1e}")       # a figure with its text alternative, and a caption

The dashboard, the player and the XOR playground draw once and then change only what moves (matplotlib's
blitting), so ``png`` encodes the canvas as it is, without drawing it again, with light compression: a
picture is ready in a few milliseconds.
"""

import io
import re
from html import escape

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from ..i18n import _

DPI = 100


def new_figure(width_px, aspect, dpi=DPI):
    """A Figure ``width_px`` pixels wide and ``aspect`` × as high, with an off-screen (Agg) canvas and the
    constrained layout."""
    figure = Figure(figsize=(width_px / dpi, width_px / dpi * aspect), dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def png(figure, draw=False):
    """The figure's canvas as PNG bytes (RGB, compress level 1). ``draw=True`` draws it first; otherwise the
    canvas is taken as it is (after blitting)."""
    canvas = figure.canvas
    if draw:
        canvas.draw()
    rgba = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    rgba.convert("RGB").save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


# what a description must not be: the words tools put in when nobody wrote one
GENERIC = re.compile(r"^\s*(|image|figure|plot|chart|graph|no description.*|<Figure size.*)\s*$", re.I)


def show_figure(figure, description):
    """Show ``figure`` with its text alternative, for a reader who cannot see it (WCAG 2.1, 1.1.1).

    ``description`` says what the figure shows and the numbers that matter, e.g. "Loss E against iteration, log
    scale: η = 0.5 falls to 3.5e-05 after 10,000 iterations". It goes two ways:
    - into the image's output metadata as ``alt`` (nbconvert writes it into ``<img alt=…>``: the static site, the
      decks and their PDFs);
    - as a caption under the figure ("Figure: …"), which JupyterLab shows (it reads no ``alt`` from an output).
    The figure is closed afterwards, so matplotlib does not show it a second time."""
    import matplotlib.pyplot as plt
    from IPython.display import display
    if not isinstance(description, str) or GENERIC.match(description) or len(description.split()) < 4:
        raise ValueError(f"description must say in words what the figure shows (at least four words), "
                         f"not {description!r}")
    display(figure, metadata={"image/png": {"alt": description}})
    caption = _("Figure: {description}").format(description=description)
    display({"text/markdown": f"<small>{escape(caption)}</small>", "text/plain": caption}, raw=True,
            metadata={"caption": True})
    plt.close(figure)


class Shown:
    """Base of the live pieces: displaying the object (the last line of a cell) shows its ``widget``."""

    widget = None

    def _ipython_display_(self):
        from IPython.display import display
        display(self.widget)


def folded(expr, name):
    """A long expression made readable: its size, and the full formula as wrapped text behind a
    click (an HTML <details> element), instead of a typeset line too long for the screen."""
    import sympy as sp
    from IPython.display import HTML
    text = escape(str(expr))
    return HTML(f"<details><summary><b>{escape(name)}</b> written out in full: {len(str(expr)):,} characters, "
                f"{sp.count_ops(expr):,} operations (click to show)</summary>"
                f"<pre style='white-space: pre-wrap; word-break: break-all; font-size: 0.85em'>{text}</pre>"
                "</details>")
