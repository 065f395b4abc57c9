"""What the classroom pieces share for showing things in a notebook or a Voila page.

    figure = new_figure(width_px, aspect)      # a matplotlib Figure of that width in pixels, drawn off screen
    image.value = png(figure)                  # what its canvas holds now, as PNG bytes for an ipywidgets.Image
    class Dashboard(Shown): widget = …         # a class whose object shows its ``widget`` when it is displayed
    folded(expr, "E")                          # a long formula behind a click (HTML <details>)

The dashboard, the player and the XOR playground draw once and then change only what moves (matplotlib's
blitting), so ``png`` encodes the canvas as it is, without drawing it again, with light compression: a
picture is ready in a few milliseconds.
"""

import io
from html import escape

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

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
