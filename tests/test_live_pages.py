"""The live pages without a kernel (tools/standalone.py), in Debian's chromium, offline: every request that
leaves the site is blocked and recorded, and no WebSocket may open (there is no kernel to talk to).

They load and answer fast (usable ≤ 1 s after opening, every control redrawn ≤ 50 ms, ≤ 3 MB with all a page
loads), every control changes the picture, the player answers a presenter's keys, and what the pages print
is what the Voila pages print from bplib's own runs: the readouts, the verdicts, the player's judgements.
"""

import os
import re
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import bplib  # noqa: E402
from bplib.classroom import player as step_player  # noqa: E402
from bplib.classroom import xor_playground as xp  # noqa: E402
from bplib.classroom.dashboard import TrainingDashboard  # noqa: E402
from bplib.example import ETAS  # noqa: E402
from bplib.training import train_many  # noqa: E402
from bplib.unrolled import walk  # noqa: E402
from tools import standalone  # noqa: E402
from tools.pages import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from offline import axe_violations, offline_page  # noqa: E402

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and os.environ.get("BPLIB_REQUIRE_BROWSER") != "1",
                                reason=f"{CHROMIUM} is missing (apt-get install chromium)")
PAGES = list(standalone.PAGES)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("live")
    standalone.build(out)
    return out


def open_page(browser, site, name, width=1280, height=720):
    """The page, offline (tests/offline.py); ``page.opened`` is the seconds from the request to a usable page,
    and console errors count as script errors."""
    page = offline_page(browser, width, height)
    started = time.perf_counter()
    page.goto((site / f"{name}.html").as_uri())
    page.wait_for_selector("body[data-ready]", state="attached", timeout=10_000)
    page.opened = time.perf_counter() - started
    return page


def text_of(html):
    """An HTML fragment as the words a reader sees (tags dropped, spaces collapsed)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" ,", ",").replace(" :", ":").strip()


def shown(page, selector):
    return re.sub(r"\s+", " ", page.inner_text(selector)).replace(" ,", ",").replace(" :", ":").strip()


# --- every page ------------------------------------------------------------------------------------------

# what a reader does with each control, as JavaScript
CONTROLS = {
    "playground": {
        "η slider": "e = document.getElementById('eta'); e.value = 3; e.dispatchEvent(new Event('input'))",
        "iteration slider": "e = document.getElementById('iteration'); e.value = 40; "
                            "e.dispatchEvent(new Event('input'))",
        "η preset": "[...document.querySelectorAll('#presets button')].pop().click()",
        "biases learn too": "document.getElementById('biases').click()",
        "update order": "document.querySelector('input[name=update][value=sequential]').click()",
        "loss axis": "document.querySelector('input[name=axis][value=fixed]').click()",
    },
    "player": {
        "next": "document.getElementById('next').click()",
        "slider": "e = document.getElementById('step'); e.value = 20; e.dispatchEvent(new Event('input'))",
        "previous": "document.getElementById('previous').click()",
        "phase": "document.querySelector('#phases button[data-phase=loss]').click()",
        "sequential": "document.getElementById('step').value = 26; document.getElementById('sequential').click()",
        "predict first": "document.getElementById('predict').click()",
        "show it": "document.getElementById('reveal').click()",
    },
    "xor_playground": {
        "hidden neurons": "document.querySelector('#hidden button[data-value=\"0\"]').click()",
        "η": "document.querySelector('#etas button[data-value=\"2\"]').click()",
        "mode": "document.querySelector('#modes button[data-value=\"1\"]').click()",
        "momentum": "document.getElementById('momentum').click()",
        "epoch": "e = document.getElementById('epoch'); e.value = 30; e.dispatchEvent(new Event('input'))",
        "default start": "document.querySelector('#modes button[data-value=\"0\"]').click(); "
                         "document.getElementById('default-start').click()",
    },
}

PICTURE = "() => document.getElementById('picture').innerHTML + document.querySelector('main').innerText"


@pytest.mark.parametrize("name", PAGES)
def test_a_live_page_opens_offline_fast_and_small(browser, site, name):
    page = open_page(browser, site, name)
    assert page.opened <= 1.0, f"{name}: usable after {page.opened:.2f} s"
    loaded = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    files = [site / f"{name}.html"] + [site / Path(url).name for url in loaded]
    extra = sorted(site.glob(f"{name}-start-*-data.js"))              # what "new random start" loads later
    size = sum(f.stat().st_size for f in set(files + extra))
    assert size <= 3_000_000, f"{name}: {size / 1e6:.1f} MB with all it loads"
    assert not page.left and not page.sockets and not page.errors and not page.console, \
        (page.left, page.sockets, page.errors, page.console)
    # on a 1280×720 projector the controls, the picture and the readout show without scrolling
    bottom = page.evaluate("() => Math.max(...['#picture', '#readout', '#equation'].map(s => document.querySelector(s))"
                           ".filter(e => e).map(e => e.getBoundingClientRect().bottom))")
    assert bottom <= 720, f"{name}: the page's picture or readout ends at {bottom:.0f} px, below a 1280×720 screen"
    page.close()


@pytest.mark.parametrize("name", PAGES)
def test_every_text_of_a_live_page_reads_from_the_back_at_1280x720(browser, site, name):
    """Every text of the page and of its picture at 16 px or more on a 1280×720 screen (an SVG's text counts
    at the size the SVG is shown)."""
    page = open_page(browser, site, name)
    small = page.evaluate("""() => {
      const found = [];
      document.querySelectorAll('main *').forEach(e => {
        if (!e.getClientRects().length || e.closest('svg')) return;
        if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) return;
        const size = parseFloat(getComputedStyle(e).fontSize);
        if (size < 16) found.push(`${size}px: ${e.textContent.trim().slice(0, 30)}`);
      });
      document.querySelectorAll('svg#picture text').forEach(t => {
        if (!t.getClientRects().length || !t.textContent.trim()) return;
        const svg = t.ownerSVGElement, scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const size = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (size < 16 - 0.01) found.push(`${size.toFixed(1)}px: ${t.textContent.trim().slice(0, 30)}`);
      });
      return found;
    }""")
    assert not small, f"{name}: " + "; ".join(small[:8])
    page.close()


@pytest.mark.parametrize("name", PAGES)
def test_every_control_changes_the_picture_within_50_ms(browser, site, name):
    page = open_page(browser, site, name)
    slow = {}
    for label, action in CONTROLS[name].items():
        before = page.evaluate(PICTURE)
        took = page.evaluate(f"""async () => {{
          let e; const t0 = performance.now();
          {action};
          await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - t0;
        }}""")
        assert page.evaluate(PICTURE) != before, f"{name}: '{label}' changed nothing"
        if took > 50:
            slow[label] = round(took)
    assert not slow, f"{name}: controls slower than 50 ms from input to picture: {slow}"
    # the time from an input to the painted picture: the work, then the next frame
    slider = {"playground": "iteration", "player": "step", "xor_playground": "epoch"}[name]
    times = page.evaluate("""async (id) => {
      const e = document.getElementById(id), times = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        e.value = (i * 7) % (+e.max + 1); e.dispatchEvent(new Event('input'));
        await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        times.push(performance.now() - t0);
      }
      return times;
    }""", slider)
    assert statistics.median(times) <= 50, f"{name}: {statistics.median(times):.0f} ms from input to picture"
    assert not page.errors and not page.console, page.errors + page.console
    page.close()


# --- the playground: the Voila page's readout, from bplib's runs ------------------------------------------

@pytest.mark.parametrize("eta, position, biases, update", [
    (0.5, -1, False, "simultaneous"), (200.0, 50, True, "simultaneous"), (5.0, 190, False, "sequential"),
    (1000.0, 0, True, "sequential"), (0.01, 120, False, "simultaneous")])
def test_the_playground_prints_what_the_voila_page_prints(browser, site, eta, position, biases, update):
    net, x, t = bplib.mazur()
    hist = train_many(net, x, t, etas=ETAS, steps=standalone.STEPS, learn_biases=biases, update=update)
    position = position % len(standalone.POSITIONS)
    k, s = ETAS.index(eta), int(standalone.POSITIONS[position])
    voila = SimpleNamespace(etas=ETAS, steps=standalone.STEPS, biases_box=SimpleNamespace(value=biases))
    expected = text_of(TrainingDashboard._readout(voila, hist, k, s))
    page = open_page(browser, site, "playground")
    page.evaluate("""([k, position, biases, update]) => {
      const eta = document.getElementById('eta'), it = document.getElementById('iteration');
      eta.value = k; it.value = position;
      if (document.getElementById('biases').checked !== biases) document.getElementById('biases').click();
      document.querySelector(`input[name=update][value=${update}]`).click();
      eta.dispatchEvent(new Event('input'));
    }""", [k, position, biases, update])
    assert shown(page, "#readout") == expected
    page.close()


# --- the player: bplib's walk, judged as bplib judges ---------------------------------------------------

def test_the_player_judges_every_answer_as_bplib_does(browser, site):
    net, x, t = bplib.mazur()
    page = open_page(browser, site, "player")
    for order in ("simultaneous", "sequential"):
        for step in walk(net, x, t, 0.5, False, order):
            v = step.value
            answers = [repr(v), f"{v:.4g}", f"{v:.3g}", f"{v * 1.005:.6g}", f"{-v:.5g}", "abc", "", " 0.5 ", "inf",
                       "nan", "1e-3", "−" + f"{abs(v):.5g}", f"{v:.5g}".replace(".", ","), "it's", '1"2', "0x10"]
            answers += [f"{wrong:.5g}" for wrong, _ in step_player.mistakes(step)]
            for answer in answers:
                expected = list(step_player.judge(step, answer))
                got = page.evaluate("([k, a, o]) => BP_JUDGE(k, a, o)", [step.index, answer, order])
                assert got == expected, f"{order} step {step.index + 1}, answer {answer!r}"
    page.close()


def test_the_player_shows_bplibs_equations_and_answers_a_presenters_keys(browser, site):
    net, x, t = bplib.mazur()
    steps = walk(net, x, t, 0.5, False, "simultaneous")
    page = open_page(browser, site, "player")
    position = lambda: int(page.input_value("#step"))  # noqa: E731
    page.click("#next")                                    # a button just clicked keeps the focus
    assert position() == 1
    for key, expected in [("ArrowRight", 2), ("Space", 3), ("PageDown", 4), ("PageUp", 3), ("ArrowLeft", 2)]:
        page.keyboard.press(key)
        assert position() == expected, key
    assert shown(page, ".bp-text") == re.sub(r"\s+", " ", steps[2].text)
    page.click("#predict")                                 # predict first: the rule, the value hidden
    page.fill("#answer", f"{steps[2].value:.6g}")
    page.keyboard.press("ArrowRight")                      # typing: the keys stay in the box
    assert position() == 2
    page.keyboard.press("Enter")
    assert shown(page, "#feedback") == step_player.judge(steps[2], f"{steps[2].value:.6g}")[1]
    assert "right at the first try: 1 of" in shown(page, "#tally")
    page.keyboard.press("PageDown")                        # a clicker steps on after the answer
    assert position() == 3
    page.click("#answer")
    page.keyboard.press("PageUp")                          # and even from the answer box
    assert position() == 2
    page.keyboard.press("PageDown")
    page.click("#check")                                   # an empty answer is told what to type
    assert shown(page, "#feedback").startswith("✘ Type a number")
    assert not page.errors and not page.console
    page.close()


# --- the XOR playground: bplib's runs, readout and picture -------------------------------------------------

@pytest.mark.parametrize("hidden, eta, mode, momentum, position", [
    (3, 2.0, "batch", False, 100), (2, 0.5, "online, shuffled", True, 37), (8, 5.0, "batch", True, 3),
    (4, 2.0, "online, shuffled", False, 0)])
def test_the_xor_playground_prints_and_draws_bplibs_runs(browser, site, hidden, eta, mode, momentum, position):
    hist = xp.train_choice(hidden, mode, momentum)
    k, s = xp.ETAS.index(eta), int(standalone.XOR_POSITIONS[position])
    voila = SimpleNamespace(seed=xp.DEFAULT_SEED, hidden=SimpleNamespace(value=hidden), eta=SimpleNamespace(value=eta),
                            mode=SimpleNamespace(value=mode), momentum=SimpleNamespace(value=momentum))
    expected = text_of(xp.XorPlayground._readout(voila, hist, k, s))
    page = open_page(browser, site, "xor_playground")
    page.evaluate("""([h, k, m, momentum, position]) => {
      document.querySelector(`#hidden button[data-value="${h}"]`).click();
      document.querySelector(`#etas button[data-value="${k}"]`).click();
      document.querySelector(`#modes button[data-value="${m}"]`).click();
      if (document.getElementById('momentum').checked !== momentum) document.getElementById('momentum').click();
      const e = document.getElementById('epoch'); e.value = position; e.dispatchEvent(new Event('input'));
    }""", [xp.HIDDEN.index(hidden), k, xp.MODES.index(mode), momentum, position])
    assert shown(page, "#readout") == expected
    # the picture: the colour of the output at a few points of the grid, against bplib's forward pass
    grid = xp.GRID
    a, b = np.meshgrid(grid, grid)
    out = hist.network(s, k).forward(np.column_stack([a.ravel(), b.ravel()])).output.reshape(a.shape)
    pixels = page.evaluate("""() => {
      const img = new Image(); img.src = document.querySelector('#picture image').getAttribute('href');
      const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
      const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
      return Array.from(ctx.getImageData(0, 0, c.width, c.height).data);
    }""")
    from matplotlib import colormaps

    from bplib.classroom.plots import OUTPUT_CMAP
    cmap = np.round(colormaps[OUTPUT_CMAP](np.linspace(0, 1, 256))[:, :3] * 255)
    n = len(grid)
    for r, c in [(0, 0), (30, 30), (60, 0), (12, 47), (60, 60)]:
        rgb = pixels[4 * ((n - 1 - r) * n + c):][:3]
        level = int(np.argmin(np.abs(cmap - rgb).sum(axis=1)))
        assert abs(level - out[r, c] * 255) <= 1.5, f"grid point {(r, c)}: colour level {level}, bplib {out[r, c]:.4f}"
    page.close()


def test_the_xor_playground_loads_new_starts_from_the_site(browser, site):
    page = open_page(browser, site, "xor_playground")
    for seed in standalone.NEW_STARTS:
        page.click("#new-start")
        page.wait_for_function(f"() => document.getElementById('readout').innerText.includes('seed {seed}')")
    page.click("#default-start")
    assert f"seed {xp.DEFAULT_SEED} (default)" in shown(page, "#readout")
    assert not page.left and not page.errors and not page.console
    page.close()


# --- the Chinese edition's live pages ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def site_zh(tmp_path_factory):
    out = tmp_path_factory.mktemp("live_zh")
    standalone.build(out, language="zh_CN")
    return out


@pytest.mark.parametrize("name", PAGES)
def test_a_chinese_live_page_speaks_chinese_and_works_as_the_english_one(browser, site_zh, name):
    """The same page, drawn from the same runs, with the site's words and bplib's messages in Chinese; every
    control still changes the picture."""
    page = open_page(browser, site_zh, name)
    assert page.evaluate("() => document.documentElement.lang") == "zh-CN"
    words = page.evaluate("() => document.body.innerText + document.getElementById('picture').textContent")
    assert len(re.findall(r"[\u4e00-\u9fff]", words)) > 40, f"{name}: hardly any Chinese"
    for english in ("play", "previous", "hidden neurons", "iteration", "Outputs approach", "Weights (", "input i1"):
        assert not re.search(rf"(?<![\w.]){re.escape(english)}(?!\w)", words), f"{name}: {english!r} left in English"
    for action, script in CONTROLS[name].items():
        before = page.evaluate(PICTURE)
        page.evaluate(f"() => {{ let e; {script}; }}")
        assert page.evaluate(PICTURE) != before, f"{name}: {action} changed nothing"
    assert not page.left and not page.sockets and not page.errors and not page.console, \
        (page.left, page.sockets, page.errors, page.console)
    page.close()


def test_the_chinese_player_judges_as_bplib_does_in_chinese(browser, site_zh):
    net, x, t = bplib.mazur()
    page = open_page(browser, site_zh, "player")
    bplib.use_language("zh_CN")
    try:
        for step in walk(net, x, t, 0.5, False, "simultaneous")[::4]:
            v = step.value
            answers = [repr(v), f"{v * 1.005:.6g}", f"{-v:.5g}", "abc", "0", "inf"]
            answers += [f"{wrong:.5g}" for wrong, _ in step_player.mistakes(step)]
            for answer in answers:
                expected = list(step_player.judge(step, answer))
                assert re.search(r"[\u4e00-\u9fff]", expected[1]), expected
                got = page.evaluate("([k, a, o]) => BP_JUDGE(k, a, o)", [step.index, answer, "simultaneous"])
                assert got == expected, f"step {step.index + 1}, answer {answer!r}"
    finally:
        bplib.use_language("en")
    page.close()


# --- accessibility: WCAG 2.1 A/AA, and the keyboard alone ---

# the controls a keyboard must reach on each page (by id), and the sliders it moves with the arrow keys
KEYBOARD = {"playground": (["eta", "iteration", "play", "biases"], ["eta", "iteration"]),
            "player": (["previous", "step", "next", "sequential", "predict"], ["step"]),
            "xor_playground": (["momentum", "play", "epoch"], ["epoch"])}

FOCUSED = """() => { const e = document.activeElement, s = getComputedStyle(e);
  return {id: e.id, tag: e.tagName, type: e.type || '', inMain: !!e.closest('main'),
          visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'}; }"""


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("edition", ["en", "zh_CN"])
def test_a_live_page_passes_wcag_21_aa_before_and_after_its_controls_move(browser, site, site_zh, name, edition):
    page = open_page(browser, site if edition == "en" else site_zh, name)
    problems = axe_violations(page)
    for script in CONTROLS[name].values():      # every control once: the state it leaves is checked too
        page.evaluate(f"() => {{ let e; {script}; }}")
    problems += axe_violations(page)
    described = page.get_attribute("#picture", "aria-describedby")
    assert described and page.inner_text(f"#{described}").strip(), "the picture has no description that follows it"
    announced = page.evaluate("() => [...document.querySelectorAll('main [aria-live=polite]')].map(e => e.innerText)")
    assert any(len(text) > 20 and re.search(r"\d", text) for text in announced), f"nothing announced: {announced}"
    # a slider tells its value, not its position
    texts = page.evaluate("() => [...document.querySelectorAll('input[type=range]')].map(e => "
                          "[e.id, e.value, e.getAttribute('aria-valuetext') || ''])")
    for name_, position, text in texts:
        assert text and text != position and re.search(r"\d", text), f"{name_}: aria-valuetext {text!r}"
    page.close()
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("name", PAGES)
def test_a_live_page_works_with_the_keyboard_alone(browser, site, name):
    """Tab reaches every control, each shows where the focus is, and the arrow keys move a slider (the picture
    and its description change) and Enter presses a button."""
    page = open_page(browser, site, name)
    must, sliders = KEYBOARD[name]
    reached, unseen = [], []
    for _ in range(60):
        page.keyboard.press("Tab")
        f = page.evaluate(FOCUSED)
        if f["inMain"]:
            reached.append(f["id"])
            if not f["visible"]:
                unseen.append(f["id"] or f["tag"])
    assert set(must) <= set(reached), f"Tab never reaches {set(must) - set(reached)}"
    assert not unseen, f"no visible focus on {unseen}"
    for slider in sliders:
        page.focus(f"#{slider}")
        before = page.evaluate(PICTURE)
        at_end = page.evaluate(f"() => document.getElementById('{slider}').value === "
                               f"document.getElementById('{slider}').max")
        for _ in range(2):
            page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
        assert page.evaluate(PICTURE) != before, f"the arrow key on {slider} changes nothing"
    if name == "player":                          # Space presses the button that has the focus, ◀ included
        page.evaluate("() => { const s = document.getElementById('step'); s.value = 5; "
                      "s.dispatchEvent(new Event('input')); }")
        page.focus("#previous")
        page.keyboard.press("Space")
        assert page.evaluate("() => +document.getElementById('step').value") == 4, "Space on ◀ did not go back"
    button = {"playground": "#biases", "player": "#next", "xor_playground": "#momentum"}[name]
    page.focus(button)
    before = page.evaluate(PICTURE)
    page.keyboard.press("Space" if name != "player" else "Enter")
    assert page.evaluate(PICTURE) != before, f"the keyboard does not operate {button}"
    assert not page.errors, page.errors
    page.close()


@pytest.mark.parametrize("name", ["playground", "xor_playground"])
def test_playing_does_not_flood_a_screen_reader(browser, site, name):
    """While ▶ plays (dozens of frames a second) the announcement stays still; at the pause it says the state
    reached, once."""
    page = open_page(browser, site, name)
    if name == "playground":
        page.evaluate("() => { const e = document.getElementById('iteration'); e.value = 0; "
                      "e.dispatchEvent(new Event('input')); }")
    else:
        page.evaluate("() => { const e = document.getElementById('epoch'); e.value = 0; "
                      "e.dispatchEvent(new Event('input')); }")
    changes = page.evaluate("""() => new Promise(done => {
      const box = document.getElementById('announce'); let n = 0;
      new MutationObserver(() => n++).observe(box, {childList: true, characterData: true, subtree: true});
      document.getElementById('play').click();
      setTimeout(() => { document.getElementById('play').click(); setTimeout(() => done(n), 100); }, 1500);
    })""")
    assert changes == 1, f"{changes} announcements during 1.5 s of play"
    said = page.evaluate("() => document.getElementById('announce').innerHTML")
    assert re.search(r"\d", said) and "<" not in said and "&lt;" not in said, f"words, not markup: {said}"
    page.close()

