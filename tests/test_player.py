"""The step-through player: its equations are bplib's (same numbers to 1e-12, both update orders, several
shapes), it marks what each step reads and writes, and predict-first judges like the exercises."""

import re

import numpy as np
import pytest

import bplib
from bplib.classroom.player import UNSEEN, StepPlayer, first_difference, judge, mistakes, steps_table
from bplib.unrolled import PHASES, walk

SHAPES = [([2, 3, 2], [0.3, -0.2], [0.1, 0.9]), ([3, 2, 1], [0.2, 0.4, -0.1], [0.7]),
          ([2, 2, 2, 1], [0.5, 0.1], [0.2])]


def check_against_bplib(net, x, t, eta, update, learn_biases=False):
    steps = walk(net, x, t, eta, learn_biases=learn_biases, update=update)
    known = steps[-1].known
    trace = net.forward(x)
    names = bplib.network.neuron_names(net.sizes)
    for l, layer in enumerate(names[1:]):
        for j, n in enumerate(layer):
            assert known[f"net_{n}"] == pytest.approx(trace.z[l][j], abs=1e-12)
            assert known[f"out_{n}"] == pytest.approx(trace.a[l][j], abs=1e-12)
    assert known["E"] == pytest.approx(net.loss(x, t), abs=1e-12)
    after = bplib.train(net, x, t, eta=eta, steps=1, update=update, learn_biases=learn_biases).named(1)
    for name, value in after.items():
        if name.startswith("w") or learn_biases:
            assert known[name + "+"] == pytest.approx(value, abs=1e-12), name
    if update == "simultaneous":   # the gradients at the starting point are backprop's
        g = net.gradients(x, t)
        for name, value in g.named().items():
            if name.startswith("w") or learn_biases:
                assert known["dE_d" + name] == pytest.approx(value, abs=1e-12)
        for l, layer in enumerate(names[1:]):
            for j, n in enumerate(layer):
                assert known[f"delta_{n}"] == pytest.approx(g.deltas[l][j], abs=1e-12)
    return steps


@pytest.mark.parametrize("update", ["simultaneous", "sequential"])
def test_the_example_step_by_step(update):
    net, x, t = bplib.mazur()
    steps = check_against_bplib(net, x, t, 0.5, update)
    assert len(steps) == 29
    assert steps[0].text == "net_h1 = w1·i1 + w2·i2 + b1 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775"
    assert steps[1].text == "out_h1 = σ(net_h1) = σ(0.3775) = 0.593269992"
    phases = [s.phase for s in steps]
    if update == "simultaneous":   # the order of the algorithm: forward, loss, backward, update
        assert phases == sorted(phases, key=PHASES.index)
        assert steps[-1].text == "w4⁺ = w4 − η·∂E/∂w4 = 0.3 − 0.5·0.000995425471 = 0.299502287"
    else:                          # the sequential update interleaves: w5…w8 change before δ_h1
        assert phases.index("update") < [s.writes for s in steps].index("delta_h1")


@pytest.mark.parametrize("sizes, x, t", SHAPES, ids=["2-3-2", "3-2-1", "2-2-2-1"])
@pytest.mark.parametrize("update", ["simultaneous", "sequential"])
def test_other_shapes(sizes, x, t, update):
    net = bplib.Network(sizes, seed=7, biases=[0.1] * (len(sizes) - 1))
    check_against_bplib(net, np.array(x), np.array(t), 0.7, update, learn_biases=True)


def test_the_slip_first_shows_at_delta_h1():
    net, x, t = bplib.mazur()
    sim, seq = walk(net, x, t), walk(net, x, t, update="sequential")
    k = first_difference(sim, seq)
    assert seq[k].writes == "delta_h1"
    assert "0.35891648" in seq[k].text, "δ_h1 reads the already-updated w5"


def test_static_table_has_every_step_with_its_phase():
    net, x, t = bplib.mazur()
    lines = steps_table(walk(net, x, t)).splitlines()
    assert len(lines) == 29 and lines[8].split()[1] == "loss" and "w1⁺" in lines[25]


def test_player_steps_and_marks():
    player = StepPlayer(*bplib.mazur())
    seen = set()
    for k in list(range(29)) + list(range(28, -1, -1)):
        before = (player.equation.value, player.image.value)
        player.slider.value = k
        if k:
            assert (player.equation.value, player.image.value) != before or k == 28
        seen.add(player.equation.value)
        assert f"step <b>{k + 1}</b> of 29" in player.position.value
        assert player.phase.value == player.steps[k].phase
    assert len(seen) == 29, "every step shows its own equation"
    player.slider.value = 4
    assert "reads <span style='color:#1f5fbf'>w5, out_h1, w6, out_h2, b2</span>" in player.equation.value
    assert "writes <span style='color:#b34700'>net_o1</span>" in player.equation.value
    player.next.click()
    assert player.slider.value == 5
    player.previous.click()
    player.previous.click()
    assert player.slider.value == 3
    player.phase.value = "update"
    assert player.steps[player.slider.value].phase == "update" and player.slider.value == 21
    # the speed that matters is measured in the browser (test_browser.py) and reported by the benchmark
    # (benchmarks/bench_training.py); here only a redraw that takes seconds, with room for a busy machine
    assert len(player.timings) >= 29 and np.median(player.timings) < 1.0


def test_predict_first():
    player = StepPlayer(*bplib.mazur())
    player.predict.value = True
    player.slider.value = 0
    assert "= <b>?</b>" in player.equation.value and "0.3775" not in player.equation.value
    player.check("0.0275")
    assert "left out the bias b1" in player.feedback.value
    player.check("0.3775")
    assert "✔ Right" in player.feedback.value and "= 0.3775" in player.equation.value
    player.slider.value = 1
    player.answer.value = "0.593270"              # typed and Enter
    assert "✔ Right" in player.feedback.value
    player.slider.value = 9                       # δ_o1
    player.check("0.741365")
    assert "σ′" in player.feedback.value
    player.reveal()
    assert "right at the first try: 1 of 3 tried, 29 steps in all" in player.tally.value


def test_predict_first_shows_the_rule_not_the_numbers():
    """Predicting is not calculator work: the equation shows its rule, the values it reads are on the diagram
    (marked) or named beside it (η, an old weight whose edge now shows ∂E/∂w); "show the numbers" puts them in."""
    player = StepPlayer(*bplib.mazur())
    player.predict.value = True
    assert "show the numbers" in player.numbers.description and player.numbers.value is False
    player.slider.value = 0
    unseen = re.compile(f"<span style='{re.escape(UNSEEN)}'>(.*?)</span>")
    shown = unseen.sub("", player.equation.value)       # what a sighted learner sees
    assert "net_h1 = w1·i1 + w2·i2 + b1 = <b>?</b>" in shown and "0.15·0.05" not in shown and "0.35" not in shown
    # a screen reader hears the values the diagram shows (not the result)
    assert unseen.search(player.equation.value).group(1).endswith("w1 = 0.15, i1 = 0.05, w2 = 0.2, i2 = 0.1, b1 = 0.35")
    assert "read w1, i1, w2, i2, b1 on the diagram" in shown
    assert player.diagram.labels["h1"].get_text() == "net = ?"             # the picture asks the same
    assert player.diagram.bias_labels["b1"].get_text() == "b1 = 0.35"      # b1's value is where it is read
    player.numbers.value = True
    assert "= 0.15·0.05 + 0.2·0.1 + 0.35 = <b>?</b>" in player.equation.value
    assert "0.3775" not in unseen.sub("", player.equation.value)
    player.numbers.value = False
    player.slider.value = 9                       # δ_o1
    assert "δ_o1 = (out_o1 − t1)·out_o1(1 − out_o1) = <b>?</b>" in player.equation.value
    assert "0.75136507" not in unseen.sub("", player.equation.value)
    player.slider.value = 21                      # w5⁺: w5's edge shows ∂E/∂w5 by now, η is nowhere
    assert "w5⁺ = w5 − η·∂E/∂w5 = <b>?</b>" in player.equation.value
    assert "read ∂E/∂w5 on the diagram" in player.equation.value and "w5 = 0.4, η = 0.5" in player.equation.value
    assert "0.0821670406" not in unseen.sub("", player.equation.value)
    player.check("0.35891648")                    # right: the whole equation, numbers and value
    assert player.equation.value.count("0.4 − 0.5·0.0821670406 = 0.35891648") == 1
    player.slider.value = 9
    player.reveal()
    assert "= (0.75136507 − 0.01)·0.75136507(1 − 0.75136507) = 0.138498562" in player.equation.value


def test_static_table_and_rules_match_the_player():
    steps = walk(*bplib.mazur())
    for s in steps:
        assert s.text.startswith(s.rule + " = ")
    sheet = steps_table(steps, numbers=False).splitlines()
    assert sheet[9].endswith("δ_o1 = (out_o1 − t1)·out_o1(1 − out_o1) = ?") and "0.75" not in sheet[9]
    assert steps_table(steps).splitlines()[9].endswith(steps[9].text)


def test_the_diagram_shows_the_biases():
    """b1 and b2 are written above their nodes from the start (as the weights on the edges), then their
    gradients and new values when the biases learn."""
    from bplib.classroom.display import new_figure
    from bplib.classroom.player import StepDiagram
    net, x, t = bplib.mazur()
    steps = walk(net, x, t, learn_biases=True)
    diagram = StepDiagram(new_figure(600, 0.5).subplots(), net, t)
    labels = diagram.bias_labels
    diagram.show(steps[0])
    assert (labels["b1"].get_text(), labels["b2"].get_text()) == ("b1 = 0.35", "b2 = 0.6")
    diagram.show(next(s for s in steps if s.writes == "dE_db2"))
    assert labels["b2"].get_text().startswith("∂E/∂b2 = ") and labels["b1"].get_text() == "b1 = 0.35"
    diagram.show(steps[-1])
    assert labels["b1"].get_text().startswith("b1⁺ = 0.34") and labels["b2"].get_text().startswith("b2⁺ = 0.54")
    diagram.show(next(s for s in steps if s.writes == "b2+"), reveal=False)   # to predict: "?" where it goes
    assert labels["b2"].get_text() == "b2⁺ = ?" and labels["b1"].get_text().startswith("∂E/∂b1 = ")


@pytest.mark.parametrize("learn_biases", [False, True])
@pytest.mark.parametrize("sizes, x, t", [([2, 2, 2], None, None)] + SHAPES, ids=["example", "2-3-2", "3-2-1",
                                                                                  "2-2-2-1"])
def test_each_hint_fits_its_step(sizes, x, t, learn_biases):
    """A hint names only a mistake that can be made at its step: the update's sign only in the update phase,
    the order of (out − t) only for the δ of an output neuron; every hinted value is what that mistake gives."""
    if x is None:
        net, x, t = bplib.mazur()
    else:
        net, x, t = bplib.Network(sizes, seed=3, biases=[0.2] * (len(sizes) - 1)), np.array(x), np.array(t)
    outputs = [f"delta_o{j + 1}" for j in range(len(np.ravel(t)))]
    for step in walk(net, x, t, 0.5, learn_biases=learn_biases):
        hints = mistakes(step)
        assert hints, step.writes
        for value, hint in hints:
            assert not np.isclose(value, step.value)
            assert ("update" in hint or "gradient" in hint) == (step.phase == "update" and "Sign" in hint), hint
            assert ("(out − t)" in hint) == (step.equation.target in outputs and "Sign" in hint), (step.writes, hint)
            assert "η" not in hint or step.phase == "update"
            if step.phase == "update":
                assert "−" in hint or "η" in hint


def test_judge_reads_any_input():
    step = walk(*bplib.mazur())[0]
    for answer in ["abc", None, "", "nan", [1, 2]]:
        ok, message = judge(step, answer)
        assert ok is None and message.startswith("✘")
    assert judge(step, "0,3775")[0] and judge(step, 0.37751)[0]
    assert "Sign" in judge(step, -0.3775)[1]


def test_sequential_switch_points_at_the_first_difference():
    player = StepPlayer(*bplib.mazur())
    player.sequential.value = True
    player.slider.value = player.difference
    assert "first differs" in player.equation.value and "0.00877135469" in player.equation.value


@pytest.mark.parametrize("sizes", [[2, 3, 2], [3, 2, 1]], ids=["2-3-2", "3-2-1"])
def test_player_on_other_networks(sizes):
    net = bplib.Network(sizes, seed=2)
    x, t = np.linspace(0.1, 0.3, sizes[0]), np.linspace(0.2, 0.8, sizes[-1])
    player = StepPlayer(net, x, t)
    n = len(player.steps)
    assert n == len(walk(net, x, t)) and player.slider.max == n - 1
    texts = set()
    for k in range(n):
        player.slider.value = k
        texts.add(player.equation.value)
    assert len(texts) == n
