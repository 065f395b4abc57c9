// The XOR playground without a kernel: bplib.classroom.xor_playground's runs, exported by tools/standalone.py
// (BP.xor_playground, and one file per extra start): the output over the input plane (computed here from the
// exported weights: the network's forward pass over the Voila page's 61 × 61 grid), the loss, the weights.
"use strict";
(function () {
  var D = BP.xor_playground, $ = function (id) { return document.getElementById(id); };
  var svg = $("picture"), epoch = $("epoch"), P = D.positions, last = P.length - 1;
  var starts = {}, start = D.start;
  starts[D.default] = D.start;
  var choice = {hidden: 3, eta: D.etas.indexOf(2), mode: D.modes[0]};

  function toggles(id, values, labels, key) {
    values.forEach(function (v, i) {
      var b = document.createElement("button");
      b.type = "button"; b.textContent = labels[i]; b.dataset.value = i;
      b.addEventListener("click", function () { choice[key] = v; changed(); });
      $(id).appendChild(b);
    });
  }
  toggles("hidden", D.hidden, D.hidden.map(String), "hidden");
  toggles("etas", D.etas.map(function (e, i) { return i; }), D.etas.map(Live.g), "eta");
  toggles("modes", D.modes, D.mode_names, "mode");
  epoch.max = last;
  epoch.value = last;

  // --- the picture ------------------------------------------------------------------------------------
  var lo = D.grid[0], hi = D.grid[1], n = D.grid[2];
  var map = {x: 80, y: 36, w: 290, h: 290};
  var frame = Live.el("g", {}, svg);
  var canvas = document.createElement("canvas");
  canvas.width = n; canvas.height = n;
  var ctx = canvas.getContext("2d"), pixels = ctx.createImageData(n, n);
  var image = Live.el("image", {x: map.x, y: map.y, width: map.w, height: map.h, preserveAspectRatio: "none"}, frame);
  Live.el("rect", {x: map.x, y: map.y, width: map.w, height: map.h, "class": "frame"}, frame);
  var px = function (v) { return map.x + (v - lo) / (hi - lo) * map.w; };
  var py = function (v) { return map.y + map.h - (v - lo) / (hi - lo) * map.h; };
  [0, 0.5, 1].forEach(function (v) {
    Live.el("line", {x1: px(v), x2: px(v), y1: map.y + map.h, y2: map.y + map.h + 6, "class": "tick"}, frame);
    Live.text(frame, px(v), map.y + map.h + 24, String(v), {"class": "ticklabel", "text-anchor": "middle"});
    Live.el("line", {x1: map.x - 6, x2: map.x, y1: py(v), y2: py(v), "class": "tick"}, frame);
    Live.text(frame, map.x - 10, py(v), String(v), {"class": "ticklabel", "text-anchor": "end", "dominant-baseline": "middle"});
  });
  Live.text(frame, map.x + map.w / 2, map.y + map.h + 50, D.text.input_i1, {"class": "label", "text-anchor": "middle"});
  Live.text(frame, 0, 0, D.text.input_i2, {"class": "label", "text-anchor": "middle",
            transform: "translate(" + (map.x - 50) + "," + (map.y + map.h / 2) + ") rotate(-90)"});
  Live.text(frame, map.x + map.w / 2, map.y - 12, D.text.map_title, {"class": "title", "text-anchor": "middle"});
  // the colour bar: 0, ½, 1
  var bar = {x: map.x + map.w + 16, w: 16}, defs = Live.el("defs", {}, svg);
  var gradient = Live.el("linearGradient", {id: "cmap", x1: 0, y1: 1, x2: 0, y2: 0}, defs);
  D.cmap.forEach(function (c, i) {
    if (i % 15 && i !== 255) return;
    Live.el("stop", {offset: (i / 255).toFixed(3), "stop-color": "rgb(" + c.join(",") + ")"}, gradient);
  });
  Live.el("rect", {x: bar.x, y: map.y, width: bar.w, height: map.h, fill: "url(#cmap)", stroke: "#333",
                   "class": "keep-colours"}, frame);
  [[0, "0"], [0.5, "½"], [1, "1"]].forEach(function (t) {
    var y = map.y + map.h * (1 - t[0]);
    Live.el("line", {x1: bar.x + bar.w, x2: bar.x + bar.w + 5, y1: y, y2: y, "class": "tick"}, frame);
    Live.text(frame, bar.x + bar.w + 9, y, t[1], {"class": "ticklabel", "dominant-baseline": "middle"});
  });
  D.samples.forEach(function (s, i) {
    var one = D.targets[i] === 1;
    Live.el("circle", {cx: px(s[0]), cy: py(s[1]), r: 9, fill: one ? "black" : "white", stroke: one ? "white" : "black",
                       "stroke-width": 2}, frame);
  });

  var loss = new Live.Plot(svg, {x: 530, y: 36, w: 270, h: 290},
    {title: D.text.loss_title, xlabel: D.text.epoch, ylabel: D.text.log_scale, ylabelAt: 70, log: true,
     xlim: [0, D.epochs], xticks: [0, 500, 1000], ylim: [1e-5, 2]});
  var lossLine = Live.el("path", {"class": "curve", stroke: "#333333"}, loss.layer);
  var lossDot = Live.el("circle", {r: 6, fill: "#d35400"}, loss.layer);
  var curveX = [];
  for (var e = 0; e <= D.epochs; e += D.curve_every) curveX.push(e);

  var netBox = Live.el("g", {transform: "translate(830, 12)"}, svg), nets = {};
  Live.text(netBox, 170, 12, D.text.weights_title, {"class": "title", "text-anchor": "middle"});
  D.hidden.forEach(function (h) {
    var g = Live.el("g", {transform: "translate(0, 6)"}, netBox);
    nets[h] = {g: g, edges: Live.drawScene(g, D.networks[h].shapes), scene: D.networks[h]};
  });
  var legend = Live.el("g", {transform: "translate(860, 380)"}, svg);
  [[D.colours[0], "none", "w > 0"], [D.colours[1], "8 4", "w < 0"]].forEach(function (item, i) {
    Live.el("line", {x1: 140 * i, x2: 140 * i + 40, y1: 0, y2: 0, stroke: item[0], "stroke-width": 3.5,
                     "stroke-dasharray": item[1]}, legend);
    Live.text(legend, 140 * i + 48, 0, item[2], {"class": "legendlabel", "dominant-baseline": "middle"});
  });

  // --- what is chosen, drawn ----------------------------------------------------------------------------
  function run() {
    return start.runs[choice.hidden + "|" + choice.mode + "|" + ($("momentum").checked ? 1 : 0) + "|" + choice.eta];
  }

  function output(p, h) {            // the network's forward pass over the grid, into the canvas's pixels
    var data = pixels.data, cmap = D.cmap;
    for (var r = 0; r < n; r++) {
      var b = lo + (hi - lo) * r / (n - 1);
      for (var c = 0; c < n; c++) {
        var a = lo + (hi - lo) * c / (n - 1), net = p[4 * h];
        for (var j = 0; j < h; j++)
          net += p[2 * h + j] / (1 + Math.exp(-(p[2 * j] * a + p[2 * j + 1] * b + p[3 * h + j])));
        var o = 1 / (1 + Math.exp(-net)), rgb = cmap[Math.min(255, Math.max(0, Math.round(o * 255)))];
        var at = 4 * ((n - 1 - r) * n + c);
        data[at] = rgb[0]; data[at + 1] = rgb[1]; data[at + 2] = rgb[2]; data[at + 3] = 255;
      }
    }
    ctx.putImageData(pixels, 0, 0);
    image.setAttribute("href", canvas.toDataURL());
  }

  function weights(p, h) {
    var net = nets[h], flat = p.slice(0, 3 * h), scale = Math.max.apply(null, flat.map(Math.abs).concat([1e-12]));
    D.hidden.forEach(function (other) { nets[other].g.style.display = other === h ? "" : "none"; });
    net.scene.edges.forEach(function (name, i) {
      var w = flat[i], e = net.edges[name], width = (0.6 + 4.0 * Math.min(Math.abs(w) / scale, 1)) * net.scene.px;
      e.setAttribute("stroke", w >= 0 ? D.colours[0] : D.colours[1]);
      e.setAttribute("stroke-width", width.toFixed(2));
      e.setAttribute("stroke-dasharray", w >= 0 ? "none" : (3 * width).toFixed(1) + " " + (1.5 * width).toFixed(1));
    });
  }

  function changed() {
    var r = run(), k = +epoch.value, h = choice.hidden, p = r.p[k];
    output(p, h);
    weights(p, h);
    lossLine.setAttribute("d", loss.path(curveX, r.curve, 1e-5));
    lossDot.setAttribute("cx", loss.x(P[k]));
    lossDot.setAttribute("cy", loss.y(Math.max(r.E[k] === null ? 1e-5 : r.E[k], 1e-5)));
    document.querySelectorAll("#hidden button, #etas button, #modes button").forEach(function (b) {
      var on = {hidden: D.hidden, etas: D.etas.map(function (e, i) { return i; }), modes: D.modes}[b.parentNode.id][+b.dataset.value]
               === {hidden: choice.hidden, etas: choice.eta, modes: choice.mode}[b.parentNode.id];
      b.classList.toggle("on", on);
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
    $("epoch-value").textContent = Live.thousands(P[k]);
    var W = D.text;
    $("epoch").setAttribute("aria-valuetext", W.epoch + " " + Live.thousands(P[k]));   // the value, not the position
    $("readout").innerHTML = W.hidden.replace("{hidden}", h) + " · η = " + Live.g(D.etas[choice.eta]) + " · " +
      D.mode_names[D.modes.indexOf(choice.mode)] + ($("momentum").checked ? " · " + W.momentum : "") + " · " +
      (start.seed === D.default ? W.start_default : W.start).replace("{seed}", start.seed) + " · " + W.epoch +
      " <b>" + Live.thousands(P[k]) + "</b> · E = <b>" + Live.exp(r.E[k], 2) + "</b> · " +
      W.outputs.replace("{outputs}", r.out[k].map(function (o) { return Live.fixed(o, 2); }).join(", ")) +
      "<br><span class='bp-xor-verdict'>" + start.words[r.verdict[k]] + "</span>";
    Live.announce(W.epoch + " " + Live.thousands(P[k]) + " · E = " + Live.exp(r.E[k], 2) + " · " +
                  W.outputs.replace("{outputs}", r.out[k].map(function (o) { return Live.fixed(o, 2); }).join(", ")) +
                  " · " + start.words[r.verdict[k]]);
  }

  // a start computed when the site was built, loaded the first time it is asked for (a script: works from a
  // USB stick too)
  var wanted = D.default;            // the start asked for last: a start that loads later is not shown
  function useStart(seed) {
    wanted = seed;
    if (starts[seed]) {
      start = starts[seed];
      var k = D.new_starts.indexOf(seed);
      $("note").textContent = k < 0 ? "" : T("start {k} of {n}").replace("{k}", k + 2).replace("{n}", D.new_starts.length + 1);
      changed();
      return;
    }
    $("note").textContent = T("loading…");
    var script = document.createElement("script");
    script.src = "xor_playground-start-" + seed + "-data.js";
    script.onload = function () {
      starts[seed] = BP["xor_playground-start-" + seed];
      if (wanted === seed) useStart(seed);
    };
    script.onerror = function () { if (wanted === seed) $("note").textContent = T("this start is missing from the site"); };
    document.body.appendChild(script);
  }
  var next = 0;
  $("new-start").addEventListener("click", function () {      // the other starts in turn
    useStart(D.new_starts[next % D.new_starts.length]);
    next += 1;
  });
  $("default-start").addEventListener("click", function () { useStart(D.default); });
  $("momentum").addEventListener("change", changed);
  epoch.addEventListener("input", changed);
  var play = Live.player($("play"), function () {
    if (+epoch.value >= last) return false;
    epoch.value = Math.min(+epoch.value + 1, last);
    changed();
    return +epoch.value < last;
  }, 80);
  $("play").addEventListener("click", function () {
    if (play.playing() && +epoch.value >= last) { epoch.value = 0; changed(); }
  });
  changed();
  document.body.setAttribute("data-ready", "");
})();
