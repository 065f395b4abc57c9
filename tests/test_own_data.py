"""Training on your own data (notebook 8): mini-batches, Adam, weight decay, learning-rate schedules,
initialisation rules, one-hot targets, splits, accuracy and the confusion matrix; and the digits end to end."""

import numpy as np
import pytest

import bplib
from bplib import optimisers
from bplib.data import digits, one_hot, split
from bplib.metrics import accuracy, confusion_matrix, predictions

X4 = np.array([[0.05, 0.10], [0.3, 0.9], [0.8, 0.2], [0.6, 0.6]])
T4 = np.array([[0.01, 0.99], [0.5, 0.5], [0.9, 0.1], [0.2, 0.7]])


def by_hand_step(net, X, T, eta, biases=True):
    """One update with the gradient averaged over the samples X: w ← w − η (1/B) Σ ∂E_i/∂w."""
    g = net.gradients(X, T)
    B = len(X)
    weights = [W - eta * gW / B for W, gW in zip(net.weights, g.weights)]
    new_biases = [b - eta * gb / B for b, gb in zip(net.biases, g.biases)] if biases else net.biases
    return net.with_parameters(weights, new_biases)


def test_one_mini_batch_epoch_is_two_averaged_updates_done_by_hand():
    net = bplib.Network([2, 3, 2], seed=3)
    hist = bplib.train(net, X4, T4, eta=0.7, epochs=1, batch_size=2, learn_biases=True)
    first = by_hand_step(net, X4[:2], T4[:2], 0.7)
    second = by_hand_step(first, X4[2:], T4[2:], 0.7)
    for W, expected in zip(hist.net.weights, second.weights):
        assert np.allclose(W, expected, rtol=1e-13, atol=1e-15)
    for b, expected in zip(hist.net.biases, second.biases):
        assert np.allclose(b, expected, rtol=1e-13, atol=1e-15)
    assert hist.loss.shape == (2,)                          # before, and after the one epoch


def test_a_batch_of_everything_is_full_batch_with_the_mean_and_size_one_is_online():
    net = bplib.Network([2, 3, 2], seed=4)
    everything = bplib.train(net, X4, T4, eta=0.8, epochs=3, batch_size=100)
    full = bplib.train(net, X4, T4, eta=0.8 / 4, steps=3)          # E summed: η / 4 is the mean's step
    assert np.allclose(everything.loss, full.loss, rtol=1e-12)
    ones = bplib.train(net, X4, T4, eta=0.8, epochs=3, batch_size=1)
    online = bplib.train(net, X4, T4, eta=0.8, steps=3, mode="online")
    assert np.allclose(ones.loss, online.loss, rtol=1e-12)


def test_shuffled_mini_batches_are_reproducible_with_a_seed():
    net = bplib.Network([2, 3, 2], seed=5)
    a = bplib.train(net, X4, T4, eta=0.5, epochs=5, batch_size=2, shuffle=True, seed=9)
    b = bplib.train(net, X4, T4, eta=0.5, epochs=5, batch_size=2, shuffle=True, seed=9)
    c = bplib.train(net, X4, T4, eta=0.5, epochs=5, batch_size=2)
    assert np.array_equal(a.loss, b.loss) and not np.allclose(a.loss, c.loss)


def test_adam_against_two_steps_computed_by_hand():
    """Kingma & Ba's update, bias correction included, on one weight with gradients 0.5 and then −0.2."""
    adam = optimisers.Adam(beta1=0.9, beta2=0.999, eps=1e-8)
    w, eta = np.array([1.0]), np.array([0.1])
    adam.update("w", w, np.array([0.5]), eta)
    # k = 1: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25: the step is η · 0.5 / (0.5 + 1e-8) ≈ η
    assert w[0] == pytest.approx(1.0 - 0.1 * 0.5 / (0.5 + 1e-8), rel=1e-15)
    adam.update("w", w, np.array([-0.2]), eta)
    m = 0.9 * 0.05 + 0.1 * -0.2
    v = 0.999 * 0.00025 + 0.001 * 0.04
    step = 0.1 * (m / (1 - 0.9 ** 2)) / (np.sqrt(v / (1 - 0.999 ** 2)) + 1e-8)
    assert w[0] == pytest.approx(1.0 - 0.1 * 0.5 / (0.5 + 1e-8) - step, rel=1e-14)


def test_adam_in_training_equals_the_optimiser_applied_by_hand():
    net = bplib.Network([2, 2, 2], seed=6)
    hist = bplib.train(net, X4, T4, eta=0.01, epochs=2, batch_size=4, optimiser="adam", learn_biases=True)
    adam, W, b = optimisers.Adam(), [w.copy()[None] for w in net.weights], [v.copy()[None] for v in net.biases]
    for _ in range(2):
        g = net.with_parameters([w[0] for w in W], [v[0] for v in b]).gradients(X4, T4)
        for l in reversed(range(2)):                     # output layer first, as the backward pass updates
            adam.update(("W", l), W[l], g.weights[l][None] / 4, np.array([0.01])[:, None, None])
            adam.update(("b", l), b[l], g.biases[l][None] / 4, np.array([0.01])[:, None])
    for got, expected in zip(hist.net.weights, W):
        assert np.allclose(got, expected[0], rtol=1e-13)


def test_adam_against_pytorch_when_it_is_installed():
    torch = pytest.importorskip("torch")
    w0, grads = np.array([0.3, -1.2, 2.0]), [np.array([0.5, -0.1, 0.02]), np.array([-0.2, 0.3, 0.0]),
                                              np.array([0.1, 0.1, -0.4])]
    p = torch.tensor(w0.copy(), dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([p], lr=0.05, betas=(0.9, 0.999), eps=1e-8)
    ours, adam = w0.copy(), optimisers.Adam()
    for g in grads:
        opt.zero_grad()
        p.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        adam.update("w", ours, g, 0.05)
    assert np.allclose(ours, p.detach().numpy(), rtol=1e-12, atol=1e-15)


def test_weight_decay_adds_lambda_w_to_the_weights_gradient_only():
    net = bplib.Network([2, 2, 2], seed=7)
    hist = bplib.train(net, X4, T4, eta=0.3, epochs=1, batch_size=4, weight_decay=0.1, learn_biases=True)
    g = net.gradients(X4, T4)
    for W, gW, got in zip(net.weights, g.weights, hist.net.weights):
        assert np.allclose(got, W - 0.3 * (gW / 4 + 0.1 * W), rtol=1e-13)
    for b, gb, got in zip(net.biases, g.biases, hist.net.biases):
        assert np.allclose(got, b - 0.3 * gb / 4, rtol=1e-13)


def test_learning_rate_schedules():
    assert [optimisers.learning_rate(1.0, e, 8, "step") for e in range(8)] == [1, 1, 1, 1, 0.5, 0.5, 0.25, 0.25]
    cosine = [optimisers.learning_rate(1.0, e, 4, "cosine") for e in range(4)]
    assert np.allclose(cosine, [1.0, 0.5 * (1 + np.cos(np.pi / 4)), 0.5, 0.5 * (1 + np.cos(3 * np.pi / 4))])
    net = bplib.Network([2, 2, 2], seed=8)
    hist = bplib.train(net, X4, T4, eta=0.4, epochs=4, batch_size=2, schedule="step")
    assert np.allclose(hist.eta_trace[:4], [0.4, 0.4, 0.2, 0.1])


@pytest.mark.parametrize("init, std", [("lecun", lambda i, o: np.sqrt(1 / i)),
                                       ("xavier", lambda i, o: np.sqrt(2 / (i + o))),
                                       ("he", lambda i, o: np.sqrt(2 / i))])
def test_initialisation_rules_draw_the_documented_spread(init, std):
    net = bplib.Network([400, 300, 10], init=init, seed=0)
    for W in net.weights:
        n_out, n_in = W.shape
        assert W.std() == pytest.approx(std(n_in, n_out), rel=0.05)
    again = bplib.Network([400, 300, 10], init=init, seed=0)
    assert np.array_equal(net.weights[0], again.weights[0])


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(batch_size=0), ValueError, "batch_size must be ≥ 1"),
    (dict(batch_size="32"), TypeError, "batch_size must be a whole number (the number of samples of one update)"),
    (dict(batch_size=2.5), TypeError, "batch_size must be a whole number"),
    (dict(epochs=-1, batch_size=2), ValueError, "epochs must be ≥ 0"),
    (dict(epochs=3, steps=5, batch_size=2), ValueError, "give epochs or steps, not both"),
    (dict(batch_size=2, mode="online"), ValueError, "leave mode='batch'"),
    (dict(schedule="cosine", batch_size=2), ValueError, "schedule='cosine' needs epochs="),
    (dict(schedule="linear", epochs=3, batch_size=2), ValueError,
     "schedule must be one of 'step', 'cosine'; got 'linear'"),
    (dict(weight_decay=-0.1), ValueError, "weight_decay must be a finite number ≥ 0"),
    (dict(epochs=3), ValueError, "epochs= counts passes over mini-batches: give batch_size too"),
    (dict(optimiser="adam", beta2=1.0), ValueError, "beta2 must be a finite number ≥ 0 and < 1"),
    (dict(optimiser="adam", eps=0), ValueError, "eps must be a finite number > 0"),
])
def test_bad_mini_batch_options_are_named(kwargs, error, words):
    net = bplib.Network([2, 2, 2], seed=0)
    with pytest.raises(error) as info:
        bplib.train(net, X4, T4, eta=0.5, **kwargs)
    assert words in str(info.value)


def test_labels_one_hot_accuracy_and_the_confusion_matrix():
    assert one_hot([3, 0], 5).tolist() == [[0, 0, 0, 1, 0], [1, 0, 0, 0, 0]]
    outputs = np.array([[0.1, 0.7, 0.2], [0.8, 0.1, 0.1], [0.2, 0.3, 0.5], [0.6, 0.3, 0.1]])
    labels = [1, 0, 1, 2]
    assert predictions(outputs).tolist() == [1, 0, 2, 0]
    assert accuracy(outputs, labels) == 0.5
    C = confusion_matrix(labels, predictions(outputs), 3)
    assert C.tolist() == [[1, 0, 0], [0, 1, 1], [1, 0, 0]] and C.sum() == 4
    for call, words in [(lambda: one_hot([3, 10], 10), "labels must lie in 0 … 9; got values from 3 to 10"),
                        (lambda: one_hot([-1], 10), "labels must lie in 0"),
                        (lambda: one_hot([1.5], 10), "labels must hold whole class numbers"),
                        (lambda: accuracy(outputs, [1, 0]), "labels must hold one class per row of outputs (4)"),
                        (lambda: accuracy(outputs[0], [1]), "outputs must have one row per sample"),
                        (lambda: confusion_matrix(labels, [0, 1], 3), "one entry per sample each; got 4 and 2"),
                        (lambda: split(10, validation=0.5, test=0.5), "validation + test must be less than 1"),
                        (lambda: split(5, 0.1, 0.1), "validation=0.1 of 5 samples is less than one sample"),
                        (lambda: optimisers.learning_rate(0.1, 3, 8, "bogus"), "schedule must be one of"),
                        (lambda: optimisers.learning_rate(0.1, 3, None, "cosine"), "epochs must be a whole number")]:
        with pytest.raises((ValueError, TypeError)) as info:
            call()
        assert words in str(info.value)


def test_the_split_covers_every_sample_once():
    train, val, test = split(1797, validation=0.2, test=0.2, seed=0)
    assert (len(train), len(val), len(test)) == (1079, 359, 359)
    assert sorted(np.concatenate([train, val, test]).tolist()) == list(range(1797))


def test_the_digits_train_to_95_percent_with_mini_batches():
    X, y = digits()
    assert X.shape == (1797, 64) and X.max() == 16 and sorted(set(y.tolist())) == list(range(10))
    from sklearn.datasets import load_digits  # read from its file: the same as scikit-learn's own
    theirs = load_digits()
    assert np.array_equal(X, theirs.data) and np.array_equal(y, theirs.target)
    from bplib.exercises.bank_08 import DIGIT_IMAGES, digit_sets, training_images
    assert DIGIT_IMAGES == len(X) and training_images() == len(digit_sets()["train"][0])
    X = X / 16.0
    train, val, test = split(len(X), seed=0)
    net = bplib.Network([64, 32, 10], activation="relu", output_activation="softmax",
                        loss="categorical_cross_entropy", init="he", seed=0)
    hist = bplib.train(net, X[train], one_hot(y[train], 10), eta=0.1, epochs=30, batch_size=32, shuffle=True,
                       seed=1, learn_biases=True)
    assert accuracy(hist.net.forward(X[test]).output, y[test]) >= 0.95
