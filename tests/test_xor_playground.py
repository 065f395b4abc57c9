"""The XOR playground (notebook 7): its verdicts read the loss curve, not η; a new random start is trained on
demand and the controls keep answering; the controls are labelled; no colour means two things in one picture;
the four XOR samples show at every epoch."""

import io
import re

import numpy as np
import pytest
from matplotlib import colormaps
from matplotlib.colors import to_rgb
from PIL import Image

from bplib.classroom import plots
from bplib.classroom import xor_playground as xp
from bplib.classroom.xor_playground import DEFAULT_SEED, XorPlayground
from bplib.network import random_start


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


def test_new_random_start(playground):
    """A new seeded start: the setting on screen at once, the other 15 in the background with a note; the seed
    in the readout; the default start back."""
    p = playground
    show(p, 2, 2.0, "batch", False, 1000)
    p.new_start_button.click()
    seed = p.seed
    assert seed != DEFAULT_SEED and f"start: seed {seed} ·" in p.readout.value
    assert p.history().start.weights[0].tolist() == random_start([2, 2, 1], seed + 2).weights[0].tolist()
    p.hidden.value = 8                                   # the controls answer while the rest is trained
    assert "8 hidden" in p.readout.value and f"start: seed {seed}" in p.readout.value
    p.thread.join(timeout=60)
    assert p.note.value == "" and seed in p.start_seconds
    assert all((seed, h, m, b) in p.runs for h in xp.HIDDEN for m in xp.MODES for b in (False, True))
    expected = xp.train_choice(8, "batch", False, seed=seed)
    assert np.array_equal(p.history().loss, expected.loss)
    p.default_button.click()
    assert p.seed == DEFAULT_SEED and f"start: seed {DEFAULT_SEED} (default)" in p.readout.value
    p.new_start(seed)                                    # a start trained before comes back at once
    assert p.seed == seed and p.note.value == ""
    p.new_start(DEFAULT_SEED)


def test_note_while_training():
    p = XorPlayground(epochs=50)
    notes = []
    p.note.observe(lambda change: notes.append(change["new"]), names="value")
    p.new_start(11)
    p.thread.join(timeout=60)
    assert "training…" in notes[0] and notes[-1] == "" and p.note.value == ""


def test_controls_are_labelled_and_apart(playground):
    p = playground
    assert (p.hidden.description, p.eta.description, p.mode.description) == ("hidden neurons", "η", "mode")
    rows = p.widget.children[0].children
    assert [box.children[0] for box in rows] == [p.hidden, p.eta, p.mode]
    assert all(box.layout.border and box.layout.margin for box in rows), "each group framed, with a gap"
    assert p.new_start_button.description == "new random start" and p.default_button.description == "default start"


def test_no_colour_means_two_things(playground):
    """The output map is notebook 7's (plots.OUTPUT_CMAP) from 0 to 1 with a colour bar; the weights are drawn in
    the course's colours (blue, red), far from every colour of that map, and the samples in black and white."""
    p = playground
    show(p, 3, 2.0, "batch", False, 1000)
    assert p.map.get_cmap().name == plots.OUTPUT_CMAP and p.map.get_clim() == (0, 1)
    assert p.map.colorbar is not None
    ramp = colormaps[plots.OUTPUT_CMAP](np.linspace(0, 1, 256))[:, :3]
    lines = p.diagrams[3].edges
    colours = {to_rgb(line.get_color()) for line in lines}
    assert colours == {to_rgb(plots.POSITIVE), to_rgb(plots.NEGATIVE)}
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
