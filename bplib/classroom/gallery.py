"""A figure for every position of a few controls, drawn once: moving a control shows another picture.

    from bplib.classroom.gallery import Gallery
    Gallery({"activation": ["sigmoid", "tanh", "relu"], "scale": [0.1, 1, 10]}, draw)

``draw(fig, **choice)`` draws one position into an empty matplotlib Figure.  Every combination
is drawn up front and sent to the browser once, as one picture each in nested ipywidgets Stacks (one
level per control); each control is linked to its level in the browser itself (``jslink``), so a click
shows another picture without a round trip to the kernel: it answers within a frame or two however busy
the kernel or the machine is.  For the small grids of notebook 6 (up to about 20 positions) drawing takes a
second or two.  ``gallery.figure(**choice)`` gives one position as a Figure, for the static version of the
same story.
"""

import io
import itertools

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..i18n import N_, _
from .display import Shown


class Gallery(Shown):
    """ToggleButtons (few options) or a SelectionSlider (many) per control, and the picture."""

    picture = N_("The figure for the options chosen above")   # its alt text (display.Shown)

    def __init__(self, controls, draw, figsize=(9.5, 3.6), dpi=100, start=None):
        if not controls or not all(len(options) for options in controls.values()):
            raise ValueError(_(
                "controls must name at least one control, each with at least one option; got {controls!r}").format(
                    controls=controls))
        self.controls = {name: list(options) for name, options in controls.items()}
        self.draw, self.figsize, self.dpi = draw, figsize, dpi
        self.pictures = {key: self._png(dict(zip(self.controls, key)))
                         for key in itertools.product(*self.controls.values())}
        start = start or {}
        self.widgets = {}
        for name, options in self.controls.items():
            value = start.get(name, options[0])
            if value not in options:
                raise ValueError(_(
                    "start[{name!r}] must be one of {options}; got {value!r}").format(
                        name=name, options=options, value=value))
            labels = [(str(o), o) for o in options]
            w = (widgets.ToggleButtons(options=labels, value=value, description=name)
                 if len(options) <= 5 else
                 widgets.SelectionSlider(options=labels, value=value, description=name, continuous_update=True,
                                         layout=widgets.Layout(width="480px")))
            w.style.description_width = "initial"
            w.observe(self._show, names="value")
            self.widgets[name] = w
        self.images = {key: widgets.Image(format="png", value=png) for key, png in self.pictures.items()}
        self.levels = [[] for _ in self.controls]     # the Stacks of each level (level k switches control k)
        self.stack = self._stack(())
        for name, stacks in zip(self.controls, self.levels):
            for stack in stacks:
                widgets.jslink((self.widgets[name], "index"), (stack, "selected_index"))
        self.box = widgets.VBox([widgets.HBox(list(self.widgets.values())), self.stack])
        self.box.add_class("bp-gallery")

    def _stack(self, prefix):
        """The Stack of the positions that start with ``prefix`` (a picture when every control is fixed)."""
        if len(prefix) == len(self.controls):
            return self.images[prefix]
        level = len(prefix)
        name = list(self.controls)[level]
        stack = widgets.Stack([self._stack(prefix + (option,)) for option in self.controls[name]],
                              selected_index=self.widgets[name].index)
        self.levels[level].append(stack)
        return stack

    @property
    def image(self):
        """The picture shown now."""
        return self.images[self._key()]

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
        """The same switch on the kernel's side (the browser has made it already, through jslink): the Stacks'
        state stays right for a page saved with its widgets, and for code that moves a control."""
        for name, stacks in zip(self.controls, self.levels):
            for stack in stacks:
                stack.selected_index = self.widgets[name].index

    @property
    def widget(self):
        return self.box
