"""The lecture's handout: an A4 sheet to do one training step by hand, and its answer key on pages of its own.

``python3 tasks.py handout`` → build/handout/handout.html and handout.pdf (printed by the system's chromium).

Page 1, the forward pass: the worked example drawn with its given numbers and empty boxes for net, out and E,
with the formulas. Page 2, the backward pass: empty boxes for the δ's, a table for ∂E/∂w and the new weights.
Page 3, exercises for the room (variants that no notebook prints). Then the answer key, on new pages.
Every answer is computed here from bplib, never typed in; the lecture deck's speaker notes give the same
numbers (tools/lecture.py reads ANSWERS).
"""

import base64
import html
import io
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bplib  # noqa: E402
from tools import chrome  # noqa: E402
from tools.pages import HTML_LANG, OTHER_EDITION  # noqa: E402

OUT = ROOT / "build" / "handout"
ETA = 0.5
T1_VARIANT = 0.5          # exercise 1: the first target changed
ETA_VARIANT = 0.1         # exercise 2: a smaller learning rate


def _example():
    return bplib.mazur()


def forward_answers():
    """net and out of every neuron, and E: {label: value}."""
    net, x, t = _example()
    tr = net.forward(x)
    (n_h1, n_h2), (n_o1, n_o2) = tr.z
    (o_h1, o_h2), (o_o1, o_o2) = tr.a
    return {"net_h1": n_h1, "out_h1": o_h1, "net_h2": n_h2, "out_h2": o_h2,
            "net_o1": n_o1, "out_o1": o_o1, "net_o2": n_o2, "out_o2": o_o2, "E": net.loss(x, t)}


def backward_answers():
    """The δ's, every ∂E/∂w and every new weight (η = 0.5): {label: value}."""
    net, x, t = _example()
    g = net.gradients(x, t)
    answers = {f"δ_{n}": float(v) for n, v in zip(("h1", "h2", "o1", "o2"), np.concatenate(g.deltas))}
    grads = g.named()
    weights = net.named()
    for k in range(1, 9):
        answers[f"∂E/∂w{k}"] = grads[f"w{k}"]
    for k in range(1, 9):
        answers[f"w{k}⁺"] = weights[f"w{k}"] - ETA * grads[f"w{k}"]
    return answers


def exercise_answers(language="en"):
    """The room's exercises: {number: (question, answer text)}."""
    _ = chrome.gettext(language)
    net, x, t = _example()
    t_variant = np.array([T1_VARIANT, t[1]])
    g_variant = net.gradients(x, t_variant)
    d_o1 = float(g_variant.deltas[1][0])
    w6_new = net.named()["w6"] - ETA_VARIANT * net.gradients(x, t).named()["w6"]
    one = bplib.train(net, x, t, eta=ETA, steps=1).loss[1]
    sequential = bplib.train(net, x, t, eta=ETA, steps=1, update="sequential").loss[1]
    return {
        1: (_("The first target is t1 = {t1} instead of 0.01 (all else as on page 1). What are δ_o1 and ∂E/∂w5? "
              "Give 4 significant digits.").format(t1=T1_VARIANT),
            f"δ_o1 = {d_o1:.4g}, ∂E/∂w5 = δ_o1 · out_h1 = {d_o1 * net.forward(x).a[0][0]:.4g}"),
        2: (_("What is w6 after one update with η = {eta} instead of {usual}? Give 6 significant digits.").format(
            eta=ETA_VARIANT, usual=ETA),
            f"w6⁺ = 0.45 − {ETA_VARIANT} · ∂E/∂w6 = {w6_new:.6g}"),
        3: (_("Mazur's article prints E = 0.291027924 after one update. Is that the simultaneous update (all eight "
              "gradients from the same forward pass) or the sequential one (w5 … w8 updated before the hidden δ's "
              "are computed)?"),
            _("the sequential one: simultaneous gives E = {one}, sequential {sequential}").format(
                one=f"{one:.9f}", sequential=f"{sequential:.9f}")),
        4: (_("Why are ∂E/∂w1 … ∂E/∂w4 so much smaller than ∂E/∂w5 … ∂E/∂w8? Name two reasons."),
            _("their δ's pass through one more σ′ (at most ¼) and the two paths back partly cancel; and they are "
              "multiplied by the small inputs 0.05 and 0.10 instead of the hidden outs (about 0.6)")),
    }


def _figure(backward):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from bplib.classroom import plots
    net, x, t = _example()
    fig, ax = plt.subplots(figsize=(8.2, 4.6), layout="constrained")
    plots.blank_diagram(ax, net, x, t, backward=backward, font_size=11)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150)
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


HANDOUT_NAMES = {"en": "handout.html", "zh_CN": "handout-zh_CN.html"}     # each edition's sheet, in build/handout/

CSS = """
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
.bp-edition { text-align: right; margin: 0 0 4px 0; font-size: 14px; }
@media print { .bp-edition { display: none; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; color: #222; }
section.page { page-break-after: always; break-after: page; }
section.page:last-child { page-break-after: auto; break-after: auto; }
section.key { page-break-before: always; break-before: page; }
h1 { font-size: 17pt; margin: 0 0 4mm 0; } h2 { font-size: 13pt; margin: 5mm 0 2mm 0; }
img { width: 100%; }
table { border-collapse: collapse; width: 100%; } td, th { border: 0.3mm solid #888; padding: 2.2mm 2mm; }
th { background: #f0f0f0; text-align: left; } td.blank { width: 38%; }
.formula { font-family: "DejaVu Sans Mono", monospace; font-size: 10.5pt; margin: 1mm 0; }
ol li { margin-bottom: 9mm; } .answer-lines { border-bottom: 0.3mm solid #aaa; height: 8mm; }
footer { color: #595959; font-size: 8.5pt; margin-top: 4mm; }   /* 7:1 on white */
table.key td, table.key th { padding: 0.9mm 2mm; font-size: 10pt; }
img.diagram { max-height: 105mm; object-fit: contain; }
"""


def _rows(pairs):
    return "".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td></tr>" for a, b in pairs)


def sheet_html(language="en"):
    """The handout as one HTML page, its pages marked <section class="page">, the key's <section class="key">."""
    _ = chrome.gettext(language)
    net, x, t = _example()
    forward, backward, exercises = forward_answers(), backward_answers(), exercise_answers(language)
    weights = net.named()
    footer = _('bplib handout · the worked example of Mazur\'s "A Step by Step Backpropagation Example" (2015)')
    backward_alt = _("The same network with arrows back along the weights and empty boxes for the δ of every neuron")
    table = "".join(f"<tr><td>w{k} = {weights[f'w{k}']:g}</td><td class='blank'></td><td class='blank'></td></tr>"
                    for k in range(1, 9))
    pages = [f"""
<section class="page">
<h1>{_("One training step by hand · 1 · the forward pass")}</h1>
<p>{_("The 2-2-2 network of the lecture. Fill every box: net into each neuron, out of it, then the loss E. Keep 9 "
      "digits until the end.")}</p>
<img class="diagram" src="{_figure(False)}"
alt="{_("The 2-2-2 network with its inputs, weights, biases and targets, and empty boxes for net and out of every "
        "neuron and for E")}">
<p class="formula">net_h1 = w1·i1 + w2·i2 + b1 &nbsp;&nbsp; net_h2 = w3·i1 + w4·i2 + b1</p>
<p class="formula">net_o1 = w5·out_h1 + w6·out_h2 + b2</p>
<p class="formula">net_o2 = w7·out_h1 + w8·out_h2 + b2</p>
<p class="formula">out = σ(net) = 1 / (1 + e^(−net))</p>
<p class="formula">E = ½(t1 − out_o1)² + ½(t2 − out_o2)²</p>
<footer>{footer}</footer>
</section>""", f"""
<section class="page">
<h1>{_("2 · the backward pass and one update (η = {eta})").format(eta=f"{ETA:g}")}</h1>
<img class="diagram" alt="{backward_alt}" src="{_figure(True)}">
<p class="formula">{_("δ_o1 = (out_o1 − t1)·out_o1(1 − out_o1), and likewise δ_o2")}</p>
<p class="formula">δ_h1 = (δ_o1·w5 + δ_o2·w7)·out_h1(1 − out_h1)</p>
<p class="formula">δ_h2 = (δ_o1·w6 + δ_o2·w8)·out_h2(1 − out_h2)</p>
<p class="formula">{_("∂E/∂w = δ(receiver) · out(sender), e.g. ∂E/∂w5 = δ_o1·out_h1, ∂E/∂w1 = δ_h1·i1")}</p>
<table><tr><th>{_("weight")}</th><th>∂E/∂w</th><th>w⁺ = w − η·∂E/∂w</th></tr>{table}</table>
</section>""", f"""
<section class="page">
<h1>{_("3 · exercises")}</h1>
<ol>""" + "".join(f"<li>{html.escape(q)}<div class='answer-lines'></div><div class='answer-lines'></div></li>"
                  for q, _ in exercises.values()) + """</ol>
</section>"""]
    key_rows = _rows([(k, f"{v:.9g}") for k, v in forward.items()]) + _rows(
        [(k, f"{v:.9g}") for k, v in backward.items()])
    key = f"""
<section class="page key">
<h1>{_("Answer key")}</h1>
<h2>{_("The forward pass, the backward pass and the update")}</h2>
<table class="key"><tr><th>{_("quantity")}</th><th>{_("value")}</th></tr>{key_rows}</table>
</section>
<section class="page key">
<h1>{_("Answer key · exercises")}</h1>
<ol>{"".join(f"<li>{html.escape(a)}</li>" for _, a in exercises.values())}</ol>
</section>"""
    edition, word, _to = OTHER_EDITION[language]
    other = (f"<p class='bp-edition'><a href='{HANDOUT_NAMES[edition]}' lang='{HTML_LANG[edition]}' "
             f"hreflang='{HTML_LANG[edition]}'>{word}</a></p>")
    css = CSS if language == "en" else CSS.replace('"DejaVu Sans", sans-serif', '"DejaVu Sans", "WenQuanYi Micro Hei", '
                                                                              '"Noto Sans CJK SC", sans-serif')
    return (f"<!DOCTYPE html><html lang='{HTML_LANG[language]}'><head><meta charset='utf-8'><title>"
            f"{_('Handout: one training step by hand')}</title><style>{css}</style></head><body>{other}"
            f"{''.join(pages)}{key}</body></html>")


def build(out=OUT, pdf=True, browser=None):
    """Write handout.html (and handout.pdf, printed A4 by chromium) into ``out``, and the Chinese edition's
    handout-zh_CN.html (and .pdf); returns their paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for language, name in HANDOUT_NAMES.items():
        page = out / name
        page.write_text(sheet_html(language), encoding="utf-8")
        written.append(page)
        if pdf:
            from tools.pdf import print_a4
            written.append(print_a4(page, browser))
    return written


def main(args):
    for path in build(pdf="--no-pdf" not in args):
        print(f"handout: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
