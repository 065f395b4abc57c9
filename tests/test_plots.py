"""The drawings show what they should: the values of the forward and backward pass in the right places,
arrows that flow back, the two paths of h1."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import bplib  # noqa: E402
from bplib.classroom import plots  # noqa: E402


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def texts(ax):
    return [t.get_text() for t in ax.texts]


def test_forward_diagram_writes_weights_nets_and_outs(ax):
    net, x, t = bplib.mazur()
    d = plots.forward_diagram(ax, net, x, t)
    assert d.edge_labels["w5"].get_text() == "w5 = 0.4"
    assert d.neuron_labels["h1"].get_text() == "net = 0.3775\nout = 0.5933"
    assert d.neuron_labels["o2"].get_text() == "net = 1.2249\nout = 0.7729"
    assert d.neuron_labels["i2"].get_text() == "i2 = 0.1"
    assert "t2 = 0.99" in texts(ax)


def test_backward_diagram_writes_deltas_and_gradients(ax):
    net, x, t = bplib.mazur()
    d = plots.backward_diagram(ax, net, x, t)
    g = net.gradients(x, t)
    assert d.neuron_labels["o1"].get_text() == f"δ = {g.deltas[1][0]:.4g}" == "δ = 0.1385"
    out_h2 = net.forward(x).a[0][1]
    assert d.neuron_labels["h2"].get_text() == f"δ = {g.deltas[0][1]:.4g}\nout = {out_h2:.4g}"   # ∂E/∂w6, w8 need it
    for name, value in g.named().items():
        if name.startswith("w"):
            assert d.edge_labels[name].get_text() == f"∂E/∂{name} = {value:.4g}"


def test_backward_arrows_point_from_receiver_to_sender(ax):
    net, x, t = bplib.mazur()
    d = plots.backward_diagram(ax, net, x, t)
    assert sorted(d.arrows) == [f"w{k}" for k in range(1, 9)]
    for name, arrow in d.arrows.items():
        (x_start, _), (x_end, _) = arrow._posA_posB
        assert x_start > x_end, f"the arrow of {name} flows back, from the output side to the input side"
        sender, receiver = d.edge_ends[name]
        assert np.allclose(arrow._posA_posB[0], receiver) and np.allclose(arrow._posA_posB[1], sender)


def test_backward_diagram_works_for_other_shapes(ax):
    net = bplib.Network([3, 2, 1], seed=3)
    d = plots.backward_diagram(ax, net, [0.1, 0.2, 0.3], [0.5])
    assert len(d.arrows) == 8 and set(d.neuron_labels) == {"i1", "i2", "i3", "h1", "h2", "o1"}


def test_paths_diagram_highlights_the_two_paths_of_h1(ax):
    net, _, _ = bplib.mazur()
    d = plots.paths_diagram(ax, net, "h1")
    assert d.paths == ["w5", "w7"]
    assert {d.edge_lines[w].get_linewidth() for w in d.paths} == {3.5}
    assert "path 1: via o1" in texts(ax) and "path 2: via o2" in texts(ax)


def test_neuron_graph_gradients_are_upstream_times_local(ax):
    v = plots.neuron_graph(ax, x=0.05, w=0.15, b=0.35, t=0.01)
    out = 1 / (1 + np.exp(-0.3575))
    assert v["dE_dnet"] == pytest.approx((out - 0.01) * out * (1 - out))
    assert v["dE_dw"] == pytest.approx(v["dE_dnet"] * 0.05) and v["dE_db"] == v["dE_dnet"]
    eps = 1e-7
    E = lambda w: 0.5 * (0.01 - 1 / (1 + np.exp(-(w * 0.05 + 0.35)))) ** 2  # noqa: E731
    assert v["dE_dw"] == pytest.approx((E(0.15 + eps) - E(0.15 - eps)) / (2 * eps), rel=1e-6)


def test_gallery_draws_every_position_once_and_swaps_pictures():
    from bplib.classroom.gallery import Gallery
    calls = []

    def draw(fig, a, b):
        calls.append((a, b))
        ax = fig.subplots()
        ax.set_title(f"{a} {b}")

    g = Gallery({"a": [1, 2], "b": ["x", "y", "z"]}, draw, start={"b": "y"})
    assert sorted(calls) == [(1, "x"), (1, "y"), (1, "z"), (2, "x"), (2, "y"), (2, "z")]
    assert g.image.value == g.pictures[(1, "y")]
    g.select(a=2, b="z")
    assert g.image.value == g.pictures[(2, "z")] and len(calls) == 6     # nothing redrawn
    assert len(set(g.pictures.values())) == 6


def test_gallery_rejects_bad_controls():
    import pytest

    from bplib.classroom.gallery import Gallery
    with pytest.raises(ValueError, match="at least one control"):
        Gallery({}, lambda fig: None)
    with pytest.raises(ValueError, match=r"start\['a'\] must be one of \[1, 2\]"):
        Gallery({"a": [1, 2]}, lambda fig, a: fig.subplots(), start={"a": 3})


def test_forward_diagram_shows_the_bias_values(ax):
    net, x, t = bplib.mazur()
    plots.forward_diagram(ax, net, x, t)
    texts = [text.get_text() for text in ax.texts]
    assert "= 0.35" in texts and "= 0.6" in texts
