"""The live pages without a kernel: the playground, the step-through player and the XOR playground in the
static site (``python3 tasks.py site`` → build/site/playground.html, player.html, xor_playground.html).

bplib computes every run when the site is built; this module writes what the pages show (``<page>-data.js``,
a script, so that the pages also work from a USB stick, where a browser refuses to fetch files) and the
pages draw it in the browser (tools/templates/live/: plain SVG and canvas, nothing from a CDN). The numbers a
page prints are bplib's, rounded as the Voila page rounds them; its verdicts are bplib's words
(``training.diagnose``, ``xor_playground.verdict``); the player's hints are ``player.mistakes``, judged with
the same rule (``precision.agrees``).

    playground()          # every η × "biases learn too" × update order: the curves, outputs, weights, verdict
    player()              # the 29 steps of both update orders: equations, questions, the diagram's changes
    xor_start(seed)       # one start of the XOR playground: every hidden size × η × mode × momentum
    xor()                 # the XOR page: the default start, the drawings, the colours (more starts: xor_starts)
    build(out)            # the three pages and their data, into out/ (the site's folder)
"""

import itertools
import json
import shutil
from pathlib import Path

import numpy as np

import bplib
import bplib.unrolled
from bplib.classroom import dashboard
from bplib.classroom import player as step_player
from bplib.classroom import xor_playground as xp
from bplib.classroom.display import new_figure
from bplib.classroom.plots import NEGATIVE, POSITIVE, NetworkDiagram
from bplib.example import ETAS
from bplib.i18n import _ as say  # bplib's messages, in the language the site is built in
from bplib.training import UPDATES, diagnose, train_many
from tools import chrome, scene
from tools.pages import HTML_LANG

LIVE = Path(__file__).resolve().parent / "templates" / "live"
STEPS = 10_000

# the playground's iteration slider: every iteration to 100 (where a large η does its damage), every 10th to
# 1,000, every 100th to 10,000; 281 positions, the numbers at each exactly bplib's. The curves are drawn
# through the same points; where a curve moves faster than that (a zigzag), its lowest and highest value
# between two points are drawn too ("band"), so the picture does not hide it.
POSITIONS = np.concatenate([np.arange(0, 100), np.arange(100, 1000, 10), np.arange(1000, STEPS + 1, 100)])
BAND = 1.02          # a band where a curve's highest value between two points is 2 % above its lowest


def _rounded(values, fmt):
    """Values as the page prints them (``fmt``, e.g. ".6e"), as numbers; inf and NaN as None (null)."""
    return [float(format(v, fmt)) if np.isfinite(v) else None for v in np.asarray(values, float)]


def _band(loss):
    """[lowest, highest] of the loss between each position and the one before, or None when no curve goes
    beyond the line between its two points by more than BAND (then the points draw it faithfully)."""
    lows, highs, beyond = [], [], False
    for a, b in zip(np.concatenate([[0], POSITIONS[:-1]]), POSITIONS):
        part = loss[a:b + 1]
        part = part[np.isfinite(part)]
        if not part.size:
            lows.append(np.nan), highs.append(np.nan)
            continue
        lo, hi = float(part.min()), float(part.max())
        ends = [v for v in (loss[a], loss[b]) if np.isfinite(v)] or [lo]
        beyond |= lo * BAND < min(ends) or hi > max(ends) * BAND
        lows.append(lo), highs.append(hi)
    return [_rounded(lows, ".3e"), _rounded(highs, ".3e")] if beyond else None


def _network_scene(net, font_size, width_px, aspect, radius=0.26):
    """The network drawing of the dashboard (weights by colour and width) as shapes, its edges by name."""
    figure = new_figure(width_px, aspect)
    ax = figure.subplots()
    diagram = NetworkDiagram(ax, net, show_values=False, font_size=font_size, radius=radius)
    names = {line: name for name, line in diagram.edge_lines.items()}
    shapes = scene.scene(figure, names)
    return {"shapes": shapes, "size": scene.width_and_height(figure), "edges": diagram.edge_names,
            "px": figure.dpi / 72, "colours": [POSITIVE, NEGATIVE]}


def playground():
    """Everything the playground page shows, for every choice of the Voila page."""
    net, x, t = bplib.mazur()
    runs = {}
    for learn_biases, update in itertools.product((False, True), UPDATES):
        hist = train_many(net, x, t, etas=ETAS, steps=STEPS, learn_biases=learn_biases, update=update)
        for k, eta in enumerate(ETAS):
            loss = hist.loss[k]
            verdict = diagnose(loss)
            lesson = say(dashboard.LESSONS[verdict]).format(eta=eta, steps=STEPS, loss=loss[-1],
                                                            at=hist.diverged_at[k])
            weights = np.concatenate([W[k].reshape(len(loss), -1) for W in hist.weights], axis=1)
            biases = np.concatenate([b[k].reshape(len(loss), -1) for b in hist.biases], axis=1)
            runs[f"{int(learn_biases)}{update}{k}"] = {
                "verdict": verdict, "verdict_text": say(verdict), "lesson": lesson,
                "scale": max(float(np.nanmax(np.abs(W[k]))) for W in hist.weights),
                "loss": _rounded(loss[POSITIONS], ".6e"), "band": _band(loss),
                "out": [_rounded(hist.outputs[k][POSITIONS, j], ".6f") for j in range(len(t))],
                "w": [_rounded(weights[POSITIONS, j], ".4f") for j in range(weights.shape[1])],
                "b": [_rounded(biases[POSITIONS, j], ".4f") for j in range(biases.shape[1])] if learn_biases
                else None}
    return {"etas": list(ETAS), "presets": [e for e in dashboard.PRESETS if e in ETAS], "positions": POSITIONS.tolist(),
            "steps": STEPS, "targets": [float(v) for v in t], "fixed": list(dashboard.LOSS_RANGE),
            "updates": list(UPDATES), "runs": runs,
            "network": _network_scene(net, font_size=12.5, width_px=380, aspect=0.9),
            "text": {"loss_title": say("Loss E = ½Σ(t − o)²"), "iteration": say("iteration"),
                     "log_scale": say("E (log scale)"), "outputs_title": say("Outputs approach the targets"),
                     "output": say("output"), "all": say("(all {steps} iterations):"),
                     "weights_title": say("Weights (blue solid > 0, red dashed < 0)")}}


def _step_scene(net, t, font_size, width_px, aspect):
    """The player's diagram (``player.StepDiagram``) and the names of everything a step changes on it."""
    figure = new_figure(width_px, aspect)
    diagram = step_player.StepDiagram(figure.subplots(), net, t, font_size=font_size)
    d = diagram.d
    named = {diagram.E_circle: "node:E", diagram.E_label: "label:E"}
    named.update({text: f"label:{n}" for n, text in diagram.labels.items()})
    named.update({text: f"label:{w}" for w, text in d.edge_labels.items()})
    named.update({text: f"label:{b}" for b, text in diagram.bias_labels.items()})
    named.update({text: f"label:{n}" for n, text in diagram.target_labels.items()})
    named.update({circle: f"node:{n}" for n, circle in d.circles.items()})
    named.update({line: f"edge:{w}" for w, line in d.edge_lines.items()})
    named.update({circle: f"bias:{b}" for b, circle in d.bias_circles.items()})
    return figure, diagram, named


def player(font_size=12.5, width_px=1160, aspect=0.42):
    """The 29 steps of one training step, for both update orders: each step's equation, its question for
    predict-first (rule only, or with the numbers), the value with the mistakes ``player.mistakes`` names and
    the message ``player.judge`` gives, and what the diagram shows (revealed, and with the value still "?")."""
    net, x, t = bplib.mazur()
    walks = {order: bplib.unrolled.walk(net, x, t, 0.5, False, order) for order in UPDATES}
    difference = step_player.first_difference(walks["simultaneous"], walks["sequential"])
    figure, diagram, named = _step_scene(net, t, font_size, width_px, aspect)
    px = figure.dpi / 72
    diagram.show(walks["simultaneous"][0])            # the boxes of the values exist from the first step on
    shapes = scene.scene(figure, named)
    base = {name: scene.state(artist, px) for artist, name in named.items()}   # as the shapes show it
    orders = {}
    for order, steps in walks.items():
        correct = {s.writes: s.value for s in walks["simultaneous"]}
        rows = []
        for step in steps:
            views = {}
            for hidden in (False, True):
                diagram.show(step, reveal=not hidden)
                changed = {}
                for artist, name in named.items():
                    now = scene.state(artist, px)
                    if now != base[name]:
                        changed[name] = now
                views["hidden" if hidden else "shown"] = changed
            rows.append({
                "phase": step.phase, "text": step.text,
                "ask": step_player.question(step, diagram), "ask_numbers": step_player.question(step, diagram, True),
                # the variables the equation reads and writes, as the Voila page names them (w4, η, ∂E/∂w4 → w4⁺)
                "reads": [bplib.unrolled.display_name(r) for r in step.reads],
                "writes": [bplib.unrolled.display_name(step.equation.target, step.phase == "update")],
                "note": step_player.slip_note(step.index, difference, correct[step.writes]) if order == "sequential"
                else "",
                "value": step.value, "right": step_player.judge(step, repr(step.value))[1],
                "mistakes": [[float(w), hint] for w, hint in step_player.mistakes(step)],
                **views})
        orders[order] = rows
    return {"phases": list(bplib.unrolled.PHASES), "digits": step_player.DIGITS, "orders": orders,
            "phase_names": {p: say(p) for p in bplib.unrolled.PHASES}, "text": player_text(),
            "size": scene.width_and_height(figure), "shapes": shapes,
            "colours": {"read": step_player.READ, "write": step_player.WRITE}}


def player_text():
    """The player's messages as its script shows them: player.judge's and the StepPlayer's, in bplib's words."""
    return {"type_number": say("✘ Type a number (for example with a decimal point), not {given!r}."),
            "finite": say("✘ Type a finite number."),
            "not_quite": say("✘ Not quite. {hint}"),
            "close": say("✘ Close, but not to {digits} significant digits: keep full precision until the end."),
            "not_zero": say("✘ Not 0: the value is small, but not 0. Give {digits} significant digits, not decimal "
                            "places."),
            "reread": say("✘ Not quite. Read the equation again: which values does it use (marked blue on the "
                          "diagram)?"),
            "marks": say("phase: {phase} · reads {reads} · writes {writes}"),
            "position": say("step {k} of {n}"),
            "tally": say("right at the first try: {right} of {tried} tried, {n} steps in all"),
            "done": say(" — done!")}


# the XOR playground's precomputed "new random start"s: a start on which 3 hidden neurons (the page's first
# choice) get stuck, and one on which 2 get stuck (seeds found by trying 1 to 39); each start is about 0.8 MB,
# and a page with all it loads stays under 3 MB
NEW_STARTS = (35, 10)
XOR_POSITIONS = np.arange(0, xp.EPOCHS + 1, 10)          # the epoch slider's positions, as in the Voila page


def _xor_scene(hidden):
    """The XOR playground's drawing of a 2-``hidden``-1 network (weights by colour, width and dash)."""
    figure = new_figure(340, 0.98)
    ax = figure.subplots()
    diagram = NetworkDiagram(ax, xp.start_network(hidden), show_values=False, font_size=12.5, radius=0.4)
    for _, text in diagram.labels:                # no weight names: colour and width tell
        text.set_visible(False)
    if hidden > 4:                                # eight hidden neurons: their names do not fit in the circles
        for text in ax.texts:
            if text.get_text().startswith("h"):
                text.set_visible(False)
    names = {line: name for name, line in diagram.edge_lines.items()}
    return {"shapes": [shape for shape in scene.scene(figure, names) if shape.get("visible", True)],
            "size": scene.width_and_height(figure), "edges": diagram.edge_names, "px": figure.dpi / 72}


def xor_start(seed):
    """One start of the XOR playground: for every hidden size, mode, momentum and η, the network's parameters
    at each epoch position (flat: W1 row by row, W2, b1, b2; 3 significant digits: the picture's colours, 256
    of them from 0 to 1, and the boundary do not change visibly), E and the
    outputs as the readout prints them, the loss curve, and the verdict's words (an index into ``words``)."""
    runs, words = {}, []
    for hidden, mode, momentum in itertools.product(xp.HIDDEN, xp.MODES, (False, True)):
        hist = xp.train_choice(hidden, mode, momentum, seed=seed)
        for k in range(len(xp.ETAS)):
            loss = hist.loss[k]
            params = np.concatenate([W[k].reshape(len(loss), -1) for W in hist.weights]
                                    + [b[k].reshape(len(loss), -1) for b in hist.biases], axis=1)
            verdicts = []
            for s in XOR_POSITIONS:
                _, why = xp.verdict(loss[: s + 1], hist.outputs[k][s])
                if why not in words:
                    words.append(why)
                verdicts.append(words.index(why))
            runs[f"{hidden}|{mode}|{int(momentum)}|{k}"] = {
                "p": [_rounded(row, ".3g") for row in params[XOR_POSITIONS]],
                "E": _rounded(loss[XOR_POSITIONS], ".2e"),
                "curve": _rounded(loss, ".3g")[::5],
                "out": [_rounded(o, ".2f") for o in hist.outputs[k][XOR_POSITIONS][:, :, 0]],
                "verdict": verdicts}
    return {"seed": seed, "runs": runs, "words": words}


def xor():
    """What the XOR playground page shows first: the default start, the drawings, the colours. Each of
    NEW_STARTS is a file of its own (``xor_starts``), loaded when "new random start" asks for it."""
    from matplotlib import colormaps

    from bplib.classroom.plots import OUTPUT_CMAP
    colours = colormaps[OUTPUT_CMAP](np.linspace(0, 1, 256))[:, :3]
    return {"hidden": list(xp.HIDDEN), "etas": list(xp.ETAS), "modes": list(xp.MODES), "epochs": xp.EPOCHS,
            "positions": XOR_POSITIONS.tolist(), "curve_every": 5, "grid": [float(xp.GRID[0]), float(xp.GRID[-1]),
                                                                            len(xp.GRID)],
            "default": xp.DEFAULT_SEED, "start": xor_start(xp.DEFAULT_SEED), "new_starts": list(NEW_STARTS),
            "samples": xp.XOR_X.tolist(), "targets": xp.XOR_T[:, 0].tolist(),
            "cmap": np.round(colours * 255).astype(int).tolist(),
            "networks": {h: _xor_scene(h) for h in xp.HIDDEN}, "colours": [POSITIVE, NEGATIVE],
            "mode_names": [say(m) for m in xp.MODES],
            "text": {"input_i1": say("input i1"), "input_i2": say("input i2"),
                     "map_title": say("Output (● target 1, ○ target 0)"),
                     "loss_title": say("Loss E = ½Σ(t − o)², 4 samples"), "epoch": say("epoch"),
                     "log_scale": say("E (log scale)"), "weights_title": say("Weights (width ∝ |w|)"),
                     "hidden": say("{hidden} hidden"), "momentum": say("momentum 0.9"),
                     "start": say("start: seed {seed}"), "start_default": say("start: seed {seed} (default)"),
                     "outputs": say("outputs {outputs} (targets 0, 1, 1, 0)")}}


def xor_starts():
    return {f"start-{seed}": xor_start(seed) for seed in NEW_STARTS}


def _write_data(out, name, data):
    target = out / f"{name}-data.js"
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    target.write_text(f"window.BP = window.BP || {{}};\nBP[{json.dumps(name)}] = {text};\n", encoding="utf-8")
    return target


# the site's page name (tools/pages.py) -> what it shows; and the files a page loads later, {suffix: data},
# written as <page>-<suffix>-data.js
PAGES = {"playground": playground, "player": player, "xor_playground": xor}
MORE = {"xor_playground": xor_starts}


def build(out, sites=None, names=None, language="en"):
    """Write the live pages ``names`` (default: all) into ``out``: each one's HTML from its template (with the
    site's navigation, ``sites[name]``), the shared script and style, and its data, in ``language`` (bplib's
    messages in the data, the site's own words in the page: tools/chrome.py)."""
    import jinja2
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    spoken = bplib.language()
    bplib.use_language(language)
    try:
        return _build(out, sites, names, language, jinja2)
    finally:
        bplib.use_language(spoken)


def _build(out, sites, names, language, jinja2):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(LIVE)), autoescape=True)
    env.globals["_"] = chrome.gettext(language)
    for static in ("live.css", "live.js"):
        shutil.copy(LIVE / static, out / static)
    written = []
    for name in names or PAGES:
        _write_data(out, name, PAGES[name]())
        for suffix, data in MORE.get(name, dict)().items():
            _write_data(out, f"{name}-{suffix}", data)
        shutil.copy(LIVE / f"{name}.js", out / f"{name}.js")
        page = env.get_template(f"{name}.html.j2").render(site=(sites or {}).get(name, {}), name=name,
                                                          new_starts=len(NEW_STARTS), words=chrome.words(language),
                                                          lang=HTML_LANG[language])
        target = out / f"{name}.html"
        target.write_text(page, encoding="utf-8")
        written.append(target)
    return written
