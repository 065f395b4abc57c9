"""Notebook 9's claims: each slip of the sources is caught by the checks the notebook says catch it and passes
the ones it says do not; the slipped code reproduces the published figures; PyTorch (when installed) does the
same arithmetic as our accumulating-gradients slip."""

import numpy as np
import pytest

import bplib
from bplib import slips
from bplib.example import VARIANTS

C = {"reference figures": 0, "gradient check": 1, "loss curve": 2, "hand-computed step": 3}
# slip -> which checks CATCH it (the notebook's table, Step 5)
CAUGHT_BY = {
    "target typed 0.09 for 0.99": {"reference figures", "hand-computed step"},
    "input typed 0.01 for 0.10": {"reference figures", "hand-computed step"},
    "∂E/∂W2 with x for h": {"reference figures", "gradient check", "hand-computed step"},
    "out_o1 from net_o2": {"reference figures", "gradient check", "loss curve", "hand-computed step"},
    "gradients never reset, momentum 0.9": {"reference figures", "loss curve"},
    "sequential update": {"reference figures", "hand-computed step"},
    "E after 9,999 reported": {"reference figures"},
    "out_o1 copied as 0.75136079": {"reference figures"},
}


def test_the_right_code_passes_every_check():
    results, run = slips.run_checks(slips.Variant("right"))
    assert all(results.values())
    hist = bplib.train(*bplib.mazur(), eta=0.5, steps=10_000)
    np.testing.assert_allclose(run.loss, hist.loss, rtol=1e-10)


@pytest.mark.parametrize("variant", slips.slips(), ids=lambda v: v.name)
def test_each_slip_is_caught_by_the_checks_the_notebook_names(variant):
    results, _ = slips.run_checks(variant)
    caught = {name for name, passed in results.items() if not passed}
    assert caught == CAUGHT_BY[variant.name]


def test_the_slipped_code_reproduces_the_published_figures():
    W1, W2, b1, b2 = slips.example_parameters()
    x, t = np.array(bplib.example.INPUTS), np.array(bplib.example.TARGETS)
    sequential = slips.train(W1, W2, b1, b2, x, t, steps=1, update="sequential")
    assert round(sequential.loss[1], 9) == bplib.PUBLISHED["E_total after 1 update"]
    ours = bplib.train(*bplib.mazur(), eta=0.5, steps=1, update="sequential")
    np.testing.assert_allclose(sequential.first_W1, ours.weights[0][1], rtol=1e-12)
    right = slips.train(W1, W2, b1, b2, x, t, steps=10_000)
    assert f"{right.loss[9_999]:.10f}" == "0.0000351085"        # Mazur's "after 10,000"
    momentum = slips.train(W1, W2, b1, b2, x, t, steps=10_000, momentum=0.9)
    assert momentum.loss[-1] == pytest.approx(VARIANTS["E after 10,000 updates, momentum β = 0.9, η = 0.5"], rel=0.02)


def test_mse_for_half_sse_is_caught_only_with_other_than_two_outputs():
    W1, W2, b1, b2 = slips.example_parameters()
    x = np.array([0.05, 0.10])
    assert slips.gradient_check(W1, W2, b1, b2, x, np.array([0.01, 0.99]), loss=slips.mean_squared_error) < 1e-6
    W2_three = np.random.default_rng(3).normal(size=(3, 2))
    assert slips.gradient_check(W1, W2_three, b1, b2, x, np.array([0.1, 0.5, 0.9]),
                                loss=slips.mean_squared_error) > 0.1


def test_pytorch_without_zero_grad_is_our_accumulating_slip():
    """Optional: PyTorch is too heavy for the learners' environment; when it is installed, check that SGD with
    momentum 0.9 and no zero_grad() makes the same steps as slips.train(accumulate=True, momentum=0.9)."""
    torch = pytest.importorskip("torch")
    W1, W2, b1, b2 = slips.example_parameters()
    x, t = np.array([0.05, 0.10]), np.array([0.01, 0.99])
    ours = slips.train(W1, W2, b1, b2, x, t, eta=0.5, steps=50, accumulate=True, momentum=0.9)
    w1 = torch.tensor(W1, dtype=torch.float64, requires_grad=True)
    w2 = torch.tensor(W2, dtype=torch.float64, requires_grad=True)
    xs, ts = torch.tensor(x), torch.tensor(t)
    optimizer = torch.optim.SGD([w1, w2], lr=0.5, momentum=0.9)
    losses = []
    for _ in range(51):
        o = torch.sigmoid(w2 @ torch.sigmoid(w1 @ xs + b1) + b2)
        loss = 0.5 * torch.sum((ts - o) ** 2)
        losses.append(loss.item())
        loss.backward()            # no optimizer.zero_grad(): .grad keeps adding up
        optimizer.step()
    np.testing.assert_allclose(losses, ours.loss, rtol=1e-9)
