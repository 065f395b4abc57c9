"""Every figure of the worked example that bplib.example records (PUBLISHED, EXACT; who printed which in
SOURCES), reproduced from bplib."""

import numpy as np
import pytest

import bplib
from bplib import EXACT, PUBLISHED


def published_digits(value):
    """Half a unit in the last published digit: the tolerance the published figure allows."""
    text = f"{value:.12g}"
    mantissa = text.split("e")[0]
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    exponent = int(text.split("e")[1]) if "e" in text else 0
    return 0.5 * 10.0 ** (exponent - decimals)


def assert_published(ours, name):
    pub = PUBLISHED[name]
    # Mazur rounds or truncates at the last digit: allow one unit in the last place.
    assert abs(ours - pub) <= 2 * published_digits(pub), f"{name}: ours {ours!r}, published {pub!r}"


@pytest.fixture
def example():
    return bplib.mazur()


def test_forward_pass_matches_published(example):
    net, x, t = example
    tr = net.forward(x)
    assert_published(tr.z[0][0], "net_h1")
    assert_published(tr.a[0][0], "out_h1")
    assert_published(tr.a[0][1], "out_h2")
    assert_published(tr.z[1][0], "net_o1")
    assert_published(tr.a[1][0], "out_o1")
    assert_published(tr.a[1][1], "out_o2")
    o = tr.output
    assert_published(0.5 * (t[0] - o[0]) ** 2, "E_o1")
    assert_published(0.5 * (t[1] - o[1]) ** 2, "E_o2")
    assert_published(net.loss(x, t), "E_total")


def test_gradients_match_published(example):
    net, x, t = example
    g = net.gradients(x, t).named()
    assert_published(g["w5"], "dE/dw5")
    assert_published(g["w1"], "dE/dw1")


def test_one_update_matches_published_weights(example):
    net, x, t = example
    h = bplib.train(net, x, t, eta=0.5, steps=1)
    after = h.named(1)
    for k in range(1, 9):
        assert_published(after[f"w{k}"], f"w{k}+")
    # the biases do not learn in the classic example
    assert after["b1"] == 0.35 and after["b2"] == 0.60


def test_error_after_one_update_exact_and_published_slip(example):
    net, x, t = example
    correct = bplib.train(net, x, t, eta=0.5, steps=1).loss[1]
    slip = bplib.train(net, x, t, eta=0.5, steps=1, update="sequential").loss[1]
    assert correct == pytest.approx(EXACT["E_total after 1 update"], abs=5e-10)
    assert slip == pytest.approx(PUBLISHED["E_total after 1 update"], abs=5e-10)
    assert abs(correct - PUBLISHED["E_total after 1 update"]) > 1e-7  # the published figure is not ours


def test_after_10000_updates_exact_and_published(example):
    net, x, t = example
    h = bplib.train(net, x, t, eta=0.5, steps=10_000)
    assert len(h.loss) == 10_001
    assert h.loss[10_000] == pytest.approx(EXACT["E_total after 10000 updates"], abs=5e-11)
    # the published 0.0000351085 is the error after 9,999 updates (off by one)
    assert h.loss[9_999] == pytest.approx(PUBLISHED["E_total after 10000 updates"], abs=5e-11)
    assert h.outputs[-1][0] == pytest.approx(EXACT["out_o1 after 10000 updates"], abs=5e-10)
    assert h.outputs[-1][1] == pytest.approx(EXACT["out_o2 after 10000 updates"], abs=5e-10)
    seq = bplib.train(net, x, t, eta=0.5, steps=10_000, update="sequential")
    assert seq.outputs[-1][0] == pytest.approx(PUBLISHED["out_o1 after 10000 updates"], abs=5e-10)
    assert seq.outputs[-1][1] == pytest.approx(PUBLISHED["out_o2 after 10000 updates"], abs=5e-10)


def test_training_leaves_the_given_network_alone(example):
    net, x, t = example
    before = net.named()
    bplib.train(net, x, t, eta=0.5, steps=3)
    assert net.named() == before


def test_two_outputs_half_sse_equals_mse(example):
    net, x, t = example
    o = net.forward(x).output
    assert net.loss(x, t) == pytest.approx(np.mean((t - o) ** 2), rel=1e-15)
