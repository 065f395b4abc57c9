"""The XOR playground (notebook 7): its verdicts read the loss curve, not η; no colour means two things in one
picture; the four XOR samples show at every epoch."""

import io
import re

import numpy as np
import pytest
from matplotlib import colormaps
from matplotlib.colors import to_rgb
from PIL import Image

from bplib.classroom import xor_playground as xp
from bplib.classroom.xor_playground import XorPlayground


@pytest.fixture(scope="module")
def playground():
    return XorPlayground()


def show(p, hidden=3, eta=2.0, mode="batch", momentum=False, epoch=1000):
    p.hidden.value, p.eta.value, p.mode.value, p.momentum.value, p.epoch.value = hidden, eta, mode, momentum, epoch
    return re.sub("<[^>]+>", "", p.readout.value)


def test_verdicts_read_the_curve(playground):
    """At η = 5 a run is called what its curve shows: stuck, unstable or diverging, never "slow" for a flat
    or jumping curve; a slow verdict needs E still falling."""
    p = playground
    text = show(p, 4, 5.0, "online, shuffled", True, 750)      # E ≈ 0.48, flat for 300 epochs (was "slow")
    assert "stuck: E is within 1 % of where it was 300 epochs ago" in text and "slow" not in text
    assert text.endswith("and XOR is not solved")
    text = show(p, 2, 5.0, "online, shuffled", True, 1000)
    assert "unstable: E jumps up and down in the last 300 epochs" in text
    text = show(p, 3, 5.0, "online, shuffled", True, 1000)     # E went up to 1 and stays there
    assert "diverging: E rose above where it started (0.54 → 1.00)" in text
    text = show(p, 4, 2.0, "online, shuffled", False, 1000)
    assert "stuck: E has not changed by more than 1 % in the last 300 epochs and XOR is not solved" in text
    text = show(p, 4, 0.5, "batch", False, 750)
    assert re.search(r"slow: E fell by about \d+ % in the last 300 epochs but XOR is not solved yet", text)
    assert "solved: every output on the right side of ½" in show(p, 3, 2.0, "batch", False, 1000)
    assert "start: not trained yet" in show(p, epoch=0)
    # the verdict is a function of the curve (and the outputs) alone
    hist = xp.train_choice(4, "online, shuffled", True)
    k = xp.ETAS.index(5.0)
    assert xp.verdict(hist.loss[k][:751], hist.outputs[k][750])[0] == "stuck"


def test_no_colour_means_two_things(playground):
    """The output map is notebook 7's RdBu_r from 0 to 1 with a colour bar; the weights are drawn in colours
    far from every colour of that map, and the samples in black and white."""
    p = playground
    show(p, 3, 2.0, "batch", False, 1000)
    assert p.map.get_cmap().name == "RdBu_r" and p.map.get_clim() == (0, 1)
    assert p.map.colorbar is not None
    ramp = colormaps["RdBu_r"](np.linspace(0, 1, 256))[:, :3]
    lines = p.diagrams[3].edges
    colours = {to_rgb(line.get_color()) for line in lines}
    assert len(colours) == 2
    for colour in colours:
        assert np.min(np.linalg.norm(ramp - colour, axis=1)) > 0.2, f"{colour} is a colour of the output map"
    fills = {to_rgb(point.get_markerfacecolor()) for point in p.points}
    assert fills == {(0.0, 0.0, 0.0), (1.0, 1.0, 1.0)}


@pytest.mark.parametrize("hidden", xp.HIDDEN)
def test_samples_visible_at_every_epoch(playground, hidden):
    """At every epoch (0 included), each XOR sample's dot (its fill or its ring) stands out from the map around
    it, whatever colour the map has there."""
    p = playground
    ax = p.map.axes
    height = p.figure.canvas.get_width_height()[1]
    radius = int(p.points[0].get_markersize() * p.figure.dpi / 72 / 2)
    for mode, eta in (("batch", 2.0), ("online, shuffled", 5.0)):
        for epoch in (0, 10, 100, 500, 1000):
            show(p, hidden, eta, mode, False, epoch)
            pixels = np.asarray(Image.open(io.BytesIO(p.image.value)).convert("RGB"), dtype=float)
            for (a, b) in xp.XOR_X:
                x, y = ax.transData.transform((a, b))
                row, col = int(round(height - y)), int(round(x))
                dot = pixels[row - radius:row + radius + 1, col - radius:col + radius + 1].reshape(-1, 3)
                beside = pixels[row, col + int(round(2.2 * radius))]      # the map, clear of the dot
                contrast = np.max(np.linalg.norm(dot - beside, axis=1))
                assert contrast > 200, (hidden, mode, epoch, (a, b), beside, contrast)
