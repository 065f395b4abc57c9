"""The XOR playground (notebook 7): its verdicts read the loss curve, not η."""

import re

import pytest

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
