// The playground without a kernel: the runs of bplib.classroom.dashboard.TrainingDashboard, exported by
// tools/standalone.py (BP.playground), drawn as the Voila page draws them: the loss, the outputs, the weights.
"use strict";
(function () {
  var D = BP.playground, $ = function (id) { return document.getElementById(id); };
  var svg = $("picture"), P = D.positions, last = P.length - 1;
  var ORANGE = "#d55e00", COLOURS = ["#0072b2", "#d55e00"], ZERO = D.fixed[0];   // bplib.classroom.plots.PALETTE
  // and a line style each, as the Voila page's (plots.LINE_STYLES): apart in greyscale too
  var OUT_DASH = ["none", "9 4"], TARGET_DASH = "2 3";

  var eta = $("eta"), iteration = $("iteration");
  eta.max = D.etas.length - 1;
  eta.value = D.etas.indexOf(0.5);
  iteration.max = last;
  iteration.value = last;
  D.presets.forEach(function (e) {
    var b = document.createElement("button");
    b.type = "button"; b.textContent = "η = " + Live.g(e);
    b.addEventListener("click", function () { eta.value = D.etas.indexOf(e); changed(true); });
    $("presets").appendChild(b);
  });

  // --- the picture: two plots and the network --------------------------------------------------------
  var loss = new Live.Plot(svg, {x: 100, y: 34, w: 290, h: 230},
    {title: D.text.loss_title, xlabel: D.text.iteration, ylabel: D.text.log_scale, ylabelAt: 78, log: true,
     xlim: [0, D.steps], xticks: [0, 5000, 10000], ylim: D.fixed});
  var outs = new Live.Plot(svg, {x: 500, y: 34, w: 290, h: 230},
    {title: D.text.outputs_title, xlabel: D.text.iteration, ylabel: D.text.output, ylabelAt: 60,
     xlim: [0, D.steps], xticks: [0, 5000, 10000], ylim: [-0.05, 1.05], yticks: [0, 0.2, 0.4, 0.6, 0.8, 1]});
  var band = Live.el("path", {"class": "band"}, loss.layer);
  var lossLine = Live.el("path", {"class": "curve", stroke: "#333333"}, loss.layer);
  var lossDot = Live.el("circle", {r: 6, fill: ORANGE}, loss.layer);
  var outLines = [], outDots = [];
  D.targets.forEach(function (t, j) {
    var y = outs.y(t);
    Live.el("line", {x1: outs.box.x, x2: outs.box.x + outs.box.w, y1: y, y2: y, stroke: COLOURS[j],
                     "stroke-dasharray": TARGET_DASH, "stroke-width": 1.4}, outs.layer);
    outLines.push(Live.el("path", {"class": "curve", stroke: COLOURS[j], "stroke-dasharray": OUT_DASH[j]},
                          outs.layer));
  });
  var cursor = Live.el("line", {y1: outs.box.y, y2: outs.box.y + outs.box.h, stroke: ORANGE, "stroke-width": 1.4}, outs.layer);
  D.targets.forEach(function () { outDots.push(Live.el("circle", {r: 6, fill: ORANGE}, outs.layer)); });
  // legend at the right middle, as the Voila page's
  var legend = Live.el("g", {"class": "legend"}, svg), lx = outs.box.x + outs.box.w - 120, ly = outs.box.y + 70;
  Live.el("rect", {x: lx - 8, y: ly - 16, width: 122, height: 100, fill: "white", stroke: "#cccccc", rx: 4}, legend);
  [["out_o1", 0, OUT_DASH[0]], ["out_o2", 1, OUT_DASH[1]], ["t1", 0, TARGET_DASH], ["t2", 1, TARGET_DASH]].forEach(function (item, i) {
    Live.el("line", {x1: lx, x2: lx + 30, y1: ly + 23 * i, y2: ly + 23 * i, stroke: COLOURS[item[1]],
                     "stroke-width": 2, "stroke-dasharray": item[2] || "none"}, legend);
    Live.text(legend, lx + 38, ly + 23 * i, item[0], {"class": "legendlabel", "dominant-baseline": "middle"});
  });
  var net = D.network, box = Live.el("g", {transform: "translate(800, 14)"}, svg);
  Live.text(box, net.size[0] / 2, 8, D.text.weights_title, {"class": "title", "text-anchor": "middle"});
  var edges = Live.drawScene(Live.el("g", {transform: "translate(0, -20)"}, box), net.shapes);

  // --- what is chosen ----------------------------------------------------------------------------------
  function run() {
    var biases = $("biases").checked ? 1 : 0;
    var update = document.querySelector("input[name=update]:checked").value;
    return D.runs[biases + update + eta.value];
  }

  var shown = null;
  function curves(r) {
    if (document.querySelector("input[name=axis]:checked").value === "fixed") {
      loss.setYLim(D.fixed);
    } else {                                   // fitted to the curve: the Voila page's rule
      var finite = r.loss.filter(function (v) { return v !== null && isFinite(v); });
      if (r.band) finite = finite.concat(r.band[0].filter(function (v) { return v !== null; }));
      var low = Math.max(finite.length ? Math.min.apply(null, finite) : ZERO, ZERO);
      var high = finite.length ? Math.max.apply(null, finite) : 1;
      loss.setYLim([low / 3, Math.max(high * 3, low * 10)]);
    }
    lossLine.setAttribute("d", loss.path(P, r.loss, ZERO));
    if (r.band) {        // a curve that zigzags between two points: its lowest and highest values between them
      var d = [];
      for (var i = 1; i < P.length; i++) {
        if (r.band[0][i] === null) continue;
        var x = loss.x(P[i]).toFixed(1);
        d.push("M" + x + " " + loss.y(Math.max(r.band[0][i], ZERO)).toFixed(1) + "V" + loss.y(Math.max(r.band[1][i], ZERO)).toFixed(1));
      }
      band.setAttribute("d", d.join(""));
    } else band.setAttribute("d", "");
    r.out.forEach(function (o, j) { outLines[j].setAttribute("d", outs.path(P, o)); });
  }

  function weights(r, k) {
    net.edges.forEach(function (name, j) {
      var w = r.w[j][k], e = edges[name];
      e.setAttribute("stroke", w >= 0 ? net.colours[0] : net.colours[1]);
      var width = (0.6 + 4.0 * Math.min(Math.abs(w) / r.scale, 1.0)) * net.px;
      e.setAttribute("stroke-width", width.toFixed(2));
      // a negative weight also dashed (as bplib's diagrams): its sign reads without colour
      e.setAttribute("stroke-dasharray", w >= 0 ? "none" : (3 * width).toFixed(1) + " " + (1.5 * width).toFixed(1));
    });
  }

  var VERDICT_COLOURS = {converging: "#1e7d32", stalled: "#8a6d00", slow: "#8a6d00", plateau: "#8a6d00"};
  function readout(r, k) {
    var e = D.etas[eta.value], s = P[k];
    var o = r.out.map(function (col, j) { return "out_o" + (j + 1) + " = " + Live.fixed(col[k], 6); }).join(", ");
    var cells = r.w.map(function (col, j) { return ["w" + (j + 1), col[k]]; });
    if (r.b) cells = cells.concat(r.b.map(function (col, j) { return ["b" + (j + 1), col[k]]; }));
    $("readout").innerHTML =
      "<b>η = " + Live.g(e) + "</b> · " + D.text.iteration + " <b>" + Live.thousands(s) + "</b> · E = <b class='bp-loss'>" +
      Live.exp(r.loss[k], 6) + "</b> · " + o + "<div class='cells'>" +
      cells.map(function (c) { return "<span>" + c[0] + " = " + Live.fixed(c[1], 4) + "</span>"; }).join(" ") +
      "</div><span class='bp-verdict' style='color:" + (VERDICT_COLOURS[r.verdict] || "#b03a2e") + "'><b>" +
      r.verdict_text + "</b> " + D.text.all.replace("{steps}", Live.thousands(D.steps)) + " " +
      r.lesson.replace(/&/g, "&amp;").replace(/</g, "&lt;") + "</span>";
  }

  function changed(series) {
    var r = run(), k = +iteration.value;
    if (series || r !== shown) { curves(r); shown = r; }
    lossDot.setAttribute("cx", loss.x(P[k]));
    lossDot.setAttribute("cy", loss.y(Math.max(r.loss[k] === null ? ZERO : r.loss[k], ZERO)));
    var x = outs.x(P[k]);
    cursor.setAttribute("x1", x); cursor.setAttribute("x2", x);
    outDots.forEach(function (dot, j) { dot.setAttribute("cx", x); dot.setAttribute("cy", outs.y(r.out[j][k])); });
    weights(r, k);
    $("eta-value").textContent = Live.g(D.etas[eta.value]);
    $("iteration-value").textContent = Live.thousands(P[k]);
    // a screen reader says the value, not the slider's position (η's 5th, the iteration's 280th)
    eta.setAttribute("aria-valuetext", "η = " + Live.g(D.etas[eta.value]));
    iteration.setAttribute("aria-valuetext", D.text.iteration + " " + Live.thousands(P[k]));
    readout(r, k);
    Live.announce("η = " + Live.g(D.etas[eta.value]) + " · " + D.text.iteration + " " + Live.thousands(P[k]) +
                  " · E = " + Live.exp(r.loss[k], 3) + " · " + r.verdict_text);
  }

  eta.addEventListener("input", function () { changed(true); });
  iteration.addEventListener("input", function () { changed(false); });
  document.querySelectorAll("#biases, input[name=update], input[name=axis]").forEach(function (input) {
    input.addEventListener("change", function () { changed(true); });
  });
  // ▶ 100 iterations a frame, as the Voila page plays them: the next position 100 iterations on
  var play = Live.player($("play"), function () {
    var k = +iteration.value;
    if (k >= last) return false;
    var next = k + 1;
    while (next < last && P[next] < P[k] + 100) next += 1;
    iteration.value = next;
    changed(false);
    return next < last;
  }, 80);
  $("play").addEventListener("click", function () {     // ▶ at the end starts again from iteration 0
    if (play.playing() && +iteration.value >= last) { iteration.value = 0; changed(false); }
  });
  changed(true);
  document.body.setAttribute("data-ready", "");
})();
