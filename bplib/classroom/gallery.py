"""A figure for every position of a few controls, drawn once: moving a control shows another picture.

    from bplib.classroom.gallery import Gallery
    Gallery({"activation": ["sigmoid", "tanh", "relu"], "scale": [0.1, 1, 10]}, draw)

``draw(fig, **choice)`` draws one position into an empty matplotlib Figure.  Every combination
is drawn up front (PNG bytes kept), so a change only swaps the picture: it answers in a few
milliseconds in the browser, however slow the drawing.  For the small grids of notebook 6
(up to about 20 positions) that takes a second or two.  ``gallery.figure(**choice)`` gives one
position as a Figure, for the static version of the same story.
"""

import io
import itertools

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .display import Shown


class Gallery(Shown):
    """ToggleButtons (few options) or a SelectionSlider (many) per control, and the picture."""

    def __init__(self, controls, draw, figsize=(9.5, 3.6), dpi=100, start=None):
        if not controls or not all(len(options) for options in controls.values()):
            raise ValueError("controls must name at least one control, each with at least one option; "
                             f"got {controls!r}")
        self.controls = {name: list(options) for name, options in controls.items()}
        self.draw, self.figsize, self.dpi = draw, figsize, dpi
        self.pictures = {key: self._png(dict(zip(self.controls, key)))
                         for key in itertools.product(*self.controls.values())}
        start = start or {}
        self.widgets = {}
        for name, options in self.controls.items():
            value = start.get(name, options[0])
            if value not in options:
                raise ValueError(f"start[{name!r}] must be one of {options}; got {value!r}")
            labels = [(str(o), o) for o in options]
            w = (widgets.ToggleButtons(options=labels, value=value, description=name)
                 if len(options) <= 5 else
                 widgets.SelectionSlider(options=labels, value=value, description=name, continuous_update=True,
                                         layout=widgets.Layout(width="480px")))
            w.style.description_width = "initial"
            w.observe(self._show, names="value")
            self.widgets[name] = w
        self.image = widgets.Image(format="png", value=self.pictures[self._key()])
        self.box = widgets.VBox([widgets.HBox(list(self.widgets.values())), self.image])
        self.box.add_class("bp-gallery")

    def figure(self, **choice):
        """One position, as a matplotlib Figure (for a static copy of the story)."""
        fig = Figure(figsize=self.figsize, dpi=self.dpi, layout="constrained")
        self.draw(fig, **choice)
        return fig

    def select(self, **choice):
        """Move the controls (as a learner would) and show that picture."""
        for name, value in choice.items():
            self.widgets[name].value = value

    def _key(self):
        return tuple(self.widgets[name].value for name in self.controls)

    def _png(self, choice):
        fig = self.figure(**choice)
        FigureCanvasAgg(fig)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")          # savefig, not png(): a still picture, drawn once, at full quality
        return buffer.getvalue()

    def _show(self, _change=None):
        self.image.value = self.pictures[self._key()]

    @property
    def widget(self):
        return self.box
