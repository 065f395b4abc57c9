"""A matplotlib drawing as data for the browser: the live pages of the static site (tools/standalone.py) draw
bplib's own network diagrams (``bplib.classroom.plots``, the player's ``StepDiagram``) as SVG, so they look as
in the Voila pages and no drawing code is written twice.

    shapes = scene(figure, names)         # every line, circle and text of the figure, in figure pixels
    now = state(artist, px)               # what can change of one artist (text, colours, widths, visibility)

``names`` maps artists to the names the page changes them by (e.g. the edge of "w5"); the rest is drawn once.
``px`` is the figure's pixels per point (dpi / 72).
Coordinates are the figure's pixels (y down, as in SVG), font sizes and line widths in those pixels, so the
SVG has the figure's size: viewBox = "0 0 width height".
"""

import numpy as np
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from matplotlib.patches import Circle
from matplotlib.text import Text


def _colour(c):
    return "none" if c is None or (len(c) == 4 and c[3] == 0) else to_hex(c, keep_alpha=False)


def _dashed(line):
    style = line.get_linestyle()
    return style not in ("-", "solid", "None", "", " ")


def state(artist, px):
    """What the page may change of one artist: a line's colour, width, dash and alpha; a circle's fill,
    edge, edge width and dash; a text's words, colour, weight, position and visibility."""
    if isinstance(artist, Line2D):
        return {"stroke": _colour(artist.get_color()), "width": round(artist.get_linewidth() * px, 2),
                "dash": _dashed(artist), "alpha": round(artist.get_alpha() if artist.get_alpha() is not None else 1, 2),
                "visible": artist.get_visible()}
    if isinstance(artist, Circle):
        return {"fill": _colour(artist.get_facecolor()), "stroke": _colour(artist.get_edgecolor()),
                "width": round(artist.get_linewidth() * px, 2), "dash": _dashed(artist)}
    if isinstance(artist, Text):
        x, y = _xy(artist.axes, artist.get_position(), artist.get_transform())
        return {"text": artist.get_text(), "color": _colour(artist.get_color()), "x": x, "y": y,
                "bold": artist.get_fontweight() in ("bold", 700), "visible": artist.get_visible() and
                bool(artist.get_text().strip())}
    raise TypeError(f"scene.state: no state for a {type(artist).__name__}")


def _xy(ax, point, transform):
    height = ax.figure.bbox.height
    x, y = transform.transform(point)
    return round(float(x), 1), round(float(height - y), 1)


def scene(figure, names=None):
    """Every visible line, circle and text of ``figure``'s axes in drawing order, as dictionaries for the
    page's SVG; a named artist (``names``: {artist: name}) carries its name, and is kept even while hidden."""
    names = names or {}
    figure.canvas.draw()
    px = figure.dpi / 72
    shapes = []
    for ax in figure.axes:
        if not ax.get_visible():
            continue
        artists = sorted(ax.lines + ax.patches + ax.texts, key=lambda a: a.get_zorder())
        for artist in artists:
            if not artist.get_visible() and artist not in names:
                continue
            shape = {"name": names.get(artist)} if artist in names else {}
            if isinstance(artist, Line2D):
                xy = artist.get_transform().transform(artist.get_xydata())
                shape.update(kind="line", points=[[round(float(x), 1), round(float(figure.bbox.height - y), 1)]
                                                  for x, y in xy])
            elif isinstance(artist, Circle):
                cx, cy = _xy(ax, artist.center, ax.transData)
                r = abs(ax.transData.transform((artist.center[0] + artist.radius, 0))[0]
                        - ax.transData.transform((artist.center[0], 0))[0])
                shape.update(kind="circle", cx=cx, cy=cy, r=round(float(r), 1))
            elif isinstance(artist, Text):
                bbox = artist.get_bbox_patch()
                shape.update(kind="text", size=round(artist.get_fontsize() * px, 1),
                             anchor={"center": "middle", "left": "start", "right": "end"}[artist.get_ha()],
                             baseline={"center": "middle", "center_baseline": "middle", "top": "top",
                                       "bottom": "bottom", "baseline": "bottom"}[artist.get_va()],
                             box=None if bbox is None else {"fill": _colour(bbox.get_facecolor()),
                                                            "stroke": _colour(bbox.get_edgecolor())})
            else:
                continue
            shape.update(state(artist, px))
            shapes.append(shape)
    return shapes


def width_and_height(figure):
    return int(np.ceil(figure.bbox.width)), int(np.ceil(figure.bbox.height))
