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


# ipywidgets (8.1) leaves some controls without a name for a screen reader: a slider's handle is not tied to its
# description, the Play widget's buttons are icons only, a picture (widgets.Image) has no alt text and takes no
# tooltip. This script, shown with every live piece, names them in the browser (JupyterLab and Voila run it): the
# handle takes its slider's description ("η (learning rate)", "iteration"), an icon button the word for its icon,
# the piece's picture its name, and as its description the first live text of the piece (the widgets of class
# bp-live, announced when they change: aria-live).
NAMING_SCRIPT = """(function (words, root, picture) {
  window.bpPictures = window.bpPictures || {};
  window.bpPictures[root] = picture;
  function name() {
    document.querySelectorAll(".widget-slider").forEach(function (w) {
      var label = w.querySelector(".widget-label"), handle = w.querySelector(".noUi-handle");
      if (handle && label && label.textContent.trim()) handle.setAttribute("aria-label", label.textContent.trim());
    });
    document.querySelectorAll("button.jupyter-button").forEach(function (b) {
      var icon = b.querySelector("i");
      if (b.textContent.trim() || !icon) return;
      Object.keys(words).forEach(function (k) {
        if (icon.classList.contains(k)) { b.setAttribute("aria-label", words[k]); b.title = words[k]; }
      });
    });
    document.querySelectorAll(".bp-live").forEach(function (live, k) {
      live.setAttribute("aria-live", "polite");
      if (!live.id) live.id = "bp-live-" + k;
    });
    Object.keys(window.bpPictures).forEach(function (name) {
      document.querySelectorAll("." + name).forEach(function (piece) {
        var img = piece.querySelector("img"), live = piece.querySelector(".bp-live");
        if (!img) return;
        img.alt = window.bpPictures[name];
        if (live) img.setAttribute("aria-describedby", live.id);
      });
    });
  }
  if (!window.bpNaming) {
    window.bpNaming = new MutationObserver(name);
    window.bpNaming.observe(document.body, {childList: true, subtree: true});
  }
  name();
})(%s, %s, %s);"""


def naming_script(root, picture):
    """The script that names the controls of a live piece for a screen reader (NAMING_SCRIPT), in the language
    chosen: ``root`` is the piece's class (bp-dashboard), ``picture`` what its picture shows."""
    import json
    words = {"fa-play": _("play"), "fa-pause": _("pause"), "fa-stop": _("stop"), "fa-repeat": _("repeat"),
             "fa-retweet": _("repeat")}
    return NAMING_SCRIPT % tuple(json.dumps(v, ensure_ascii=False) for v in (words, root, picture))


class Shown:
    """Base of the live pieces: displaying the object (the last line of a cell) shows its ``widget``, and the
    script that names its controls and its ``picture`` for a screen reader (``naming_script``)."""

    widget = None
    picture = ""        # what the piece's picture shows, in a few words (its alt text)

    def _ipython_display_(self):
        from IPython.display import Javascript, display
        display(self.widget)
        root = next((c for c in self.widget._dom_classes if c.startswith("bp-")), "")
        # metadata "naming": stored notebooks drop it with the widget view (tasks.py strip-widgets)
        display(Javascript(naming_script(root, _(self.picture))), metadata={"naming": True})


def folded(expr, name):
    """A long expression made readable: its size, and the full formula as wrapped text behind a
    click (an HTML <details> element), instead of a typeset line too long for the screen."""
    import sympy as sp
    from IPython.display import HTML
    text = escape(str(expr))
    summary = _("<b>{name}</b> written out in full: {characters:,} characters, {operations:,} operations (click to "
                "show)").format(name=escape(name), characters=len(str(expr)), operations=sp.count_ops(expr))
    return HTML(f"<details><summary>{summary}</summary>"
                f"<pre style='white-space: pre-wrap; word-break: break-all; font-size: 0.85em'>{text}</pre>"
                "</details>")
