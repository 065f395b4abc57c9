// The step-through player without a kernel: bplib.classroom.player.StepPlayer's walk, exported by
// tools/standalone.py (BP.player): each step's equation, its question, the diagram's changes, and the mistakes
// that predict-first names, judged with bplib's rule (precision.agrees, player.judge; copied below).
"use strict";
(function () {
  var D = BP.player, $ = function (id) { return document.getElementById(id); };
  var svg = $("picture"), slider = $("step");
  svg.setAttribute("viewBox", "0 0 " + D.size[0] + " " + D.size[1]);
  var named = Live.drawScene(svg, D.shapes);
  var base = {};                     // every named shape as it is drawn first: a step changes some of them
  D.shapes.forEach(function (s) { if (s.name) base[s.name] = s; });
  var revealed = {}, firstTry = {}, shownChanges = {};

  function steps() { return D.orders[$("sequential").checked ? "sequential" : "simultaneous"]; }
  slider.max = steps().length - 1;
  slider.value = 0;
  D.phases.forEach(function (p) {
    var b = document.createElement("button");
    b.type = "button"; b.textContent = D.phase_names[p]; b.dataset.phase = p;
    b.addEventListener("click", function () {
      var list = steps(), k = +slider.value;
      if (list[k].phase !== p) { slider.value = list.findIndex(function (s) { return s.phase === p; }); show(); }
    });
    $("phases").appendChild(b);
  });

  // --- bplib's judge (bplib/precision.py agrees, bplib/classroom/player.py judge) -----------------------
  function agrees(a, b, digits) {
    if (digits === 0) return a === b;
    if (b === 0) return Math.abs(a) <= Math.pow(10, -digits);
    var unit = Math.pow(10, Math.floor(Math.log10(Math.abs(b))) - digits + 1);
    return Math.abs(a - b) <= unit * (1 + 1e-9);
  }
  var NUMBER = /^[+-]?(?:(?:\d(?:_?\d)*)?(?:\.(?:\d(?:_?\d)*)?)?(?:[eE][+-]?\d(?:_?\d)*)?|inf(?:inity)?|nan)$/i;
  function pythonRepr(s) {          // repr() of a Python string, as judge quotes a typed word back
    var quote = s.indexOf("'") >= 0 && s.indexOf('"') < 0 ? '"' : "'";
    return quote + s.replace(/\\/g, "\\\\").replace(new RegExp(quote, "g"), "\\" + quote) + quote;
  }
  function parse(answer) {          // Python's float(answer), after judge's "−" → "-" and "," → "."
    var s = answer.replace(/−/g, "-").replace(/,/g, ".").trim();
    if (!s || !NUMBER.test(s) || !/\d|inf|nan/i.test(s)) return undefined;
    var low = s.toLowerCase().replace(/^[+-]/, "");
    if (low.indexOf("nan") === 0) return NaN;
    if (low.indexOf("inf") === 0) return s[0] === "-" ? -Infinity : Infinity;
    return Number(s.replace(/_/g, ""));
  }
  function say(key, fields) {        // one of bplib's messages, in the language the site was built in
    return D.text[key].replace(/\{(\w+)(?:!r)?\}/g, function (m, name) { return fields[name]; });
  }
  function judge(step, answer) {
    var value = parse(answer);
    if (value === undefined) return [null, say("type_number", {given: pythonRepr(answer.slice(0, 30))})];
    if (!isFinite(value)) return [null, say("finite", {})];
    var right = step.value;
    if (agrees(value, right, D.digits)) return [true, step.right];
    var near = null;                 // the nearest named mistake the answer is nearer to than to the right value
    step.mistakes.forEach(function (m) {
      var d = Math.abs(value - m[0]);
      if (agrees(value, m[0], D.digits - 1) && d < Math.abs(value - right) && (near === null || d < near[0]))
        near = [d, m[1]];
    });
    if (near) return [false, say("not_quite", {hint: near[1]})];
    if (right && (agrees(value, right, 2) || Math.abs(value - right) <= 1e-2 * Math.abs(right)))
      return [false, say("close", {digits: D.digits})];
    if (value === 0 && right)
      return [false, say("not_zero", {digits: D.digits})];
    return [false, say("reread", {})];
  }
  window.BP_JUDGE = function (k, answer, order) { return judge(D.orders[order || "simultaneous"][k], answer); };

  // --- drawing a step -----------------------------------------------------------------------------------
  function draw(changes) {
    var name;
    for (name in shownChanges) if (!(name in changes)) Live.setShape(named[name], base[name]);
    for (name in changes) Live.setShape(named[name], Object.assign({}, base[name], changes[name]));
    shownChanges = changes;
  }

  function show(keepFeedback) {
    var list = steps(), k = +slider.value, step = list[k];
    var predicting = $("predict").checked, hidden = predicting && !revealed[k];
    if (!keepFeedback) { $("feedback").innerHTML = ""; $("answer").value = ""; }
    draw(hidden ? step.hidden : step.shown);
    var text = hidden ? ($("numbers").checked ? step.ask_numbers : step.ask) : step.text;
    $("equation").innerHTML =
      "<div class='bp-text'>" + text + "</div><div class='bp-marks'>" + say("marks", {
        phase: "<b>" + D.phase_names[step.phase] + "</b>",
        reads: "<span style='color:" + D.colours.read + "'>" + (step.reads.join(", ") || "–") + "</span>",
        writes: "<span style='color:" + D.colours.write + "'>" + (step.writes.join(", ") || "–") + "</span>"}) +
      "</div>" + step.note;
    $("position").innerHTML = say("position", {k: "<b>" + (k + 1) + "</b>", n: list.length});
    slider.setAttribute("aria-valuetext", $("position").textContent);      // "step 1 of 29", not "0"
    document.querySelectorAll("#phases button").forEach(function (b) {
      b.classList.toggle("on", b.dataset.phase === step.phase);
      b.setAttribute("aria-pressed", b.dataset.phase === step.phase ? "true" : "false");
    });
    $("predict-box").hidden = !predicting;
    $("tally").hidden = !predicting;
    var tried = Object.keys(firstTry).length, right = Object.keys(firstTry).filter(function (i) { return firstTry[i]; }).length;
    $("tally").textContent = say("tally", {right: right, n: list.length, tried: tried}) +
      (tried === list.length ? say("done", {}) : "");
  }

  function move(delta) {
    var k = Math.min(Math.max(+slider.value + delta, 0), +slider.max);
    if (k !== +slider.value) { slider.value = k; show(); }
  }

  function check() {
    var k = +slider.value, answer = $("answer").value;
    if (!$("predict").checked || revealed[k]) return;
    var verdict = judge(steps()[k], answer), ok = verdict[0];
    if (ok !== null && !(k in firstTry)) firstTry[k] = ok;
    $("feedback").innerHTML = "<span style='color:" + (ok ? "#1e7d32" : "#b03a2e") + "'>" + verdict[1] + "</span>";
    if (ok) { revealed[k] = true; $("next").focus(); }      // right: the focus on "next", the keys step again
    show(true);
  }

  function reset() { revealed = {}; firstTry = {}; show(); }

  slider.addEventListener("input", function () { show(); });
  $("previous").addEventListener("click", function () { move(-1); });
  $("next").addEventListener("click", function () { move(+1); });
  $("sequential").addEventListener("change", reset);
  $("predict").addEventListener("change", reset);
  $("numbers").addEventListener("change", function () { show(true); });
  $("check").addEventListener("click", check);
  // Enter checks (its default action would press "next", which has the focus after a right answer)
  $("answer").addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); check(); } });
  $("reveal").addEventListener("click", function () {
    var k = +slider.value;
    if (!(k in firstTry)) firstTry[k] = false;
    revealed[k] = true;
    show();
  });
  var play = Live.player($("play"), function () { move(+1); return +slider.value < +slider.max; }, 1500);
  $("play").addEventListener("click", function () {     // ▶ at the last step starts again from step 1
    if (play.playing() && +slider.value >= +slider.max) { slider.value = 0; show(); }
  });

  // a presenter's keys: → Space PageDown next step, ← PageUp back, whatever has the focus (a button just
  // clicked included); not while typing a value; on the step slider ← → move it themselves
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;                        // the browser's own keys (Alt+← back)
    var t = e.target, clicker = e.key === "PageDown" || e.key === "PageUp";
    if (t.tagName === "INPUT" && t.type === "text" && !clicker) return;      // typing a value
    if (t.tagName === "INPUT" && t.type === "checkbox" && e.key === " ") return;   // Space ticks a checkbox
    if (e.key === " " && /^(BUTTON|SUMMARY|A)$/.test(t.tagName)) return;    // and presses the button it is on
    var forward = ["ArrowRight", "PageDown", " "].indexOf(e.key) >= 0, back = ["ArrowLeft", "PageUp"].indexOf(e.key) >= 0;
    if (!forward && !back) return;
    if (t === slider && (e.key === "ArrowRight" || e.key === "ArrowLeft")) return;
    e.preventDefault();
    if (t.tagName === "INPUT" && t.type === "text") $("next").focus();    // the clicker takes over again
    move(forward ? +1 : -1);
  }, true);

  // the diagram cropped to what a step draws (the figure has empty margins): the union over a few steps, and
  // never shown larger than that (so that the page fits a 1280×720 screen)
  var box = null;
  [0, 12, D.orders.simultaneous.length - 1].forEach(function (k) {
    ["simultaneous", "sequential"].forEach(function (order) {
      draw(D.orders[order][k].shown);
      var b = svg.getBBox(), r = [b.x, b.y, b.x + b.width, b.y + b.height];
      box = box ? [Math.min(box[0], r[0]), Math.min(box[1], r[1]), Math.max(box[2], r[2]), Math.max(box[3], r[3])] : r;
    });
  });
  svg.setAttribute("viewBox", [box[0] - 10, box[1] - 10, box[2] - box[0] + 20, box[3] - box[1] + 20].join(" "));
  svg.style.maxWidth = (box[2] - box[0] + 20) + "px";
  show();
  document.body.setAttribute("data-ready", "");
})();
