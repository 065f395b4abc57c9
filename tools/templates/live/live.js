// What the three live pages of the static site share: SVG elements, a plot with axes (linear or log), bplib's
// network drawings (exported by tools/scene.py), numbers printed as Python prints them, and ▶ play.
// Plain browser JavaScript, no library: each page's own script (playground.js, player.js, xor.js) reads its
// data (BP.<page>, written by tools/standalone.py) and calls these.
"use strict";
// the site's words in the page's language (tools/chrome.py): T("▶ play") is the text shown for "▶ play"
function T(text) { return (window.BP_WORDS && window.BP_WORDS[text]) || text; }
var Live = (function () {
  var NS = "http://www.w3.org/2000/svg";

  function el(tag, attrs, parent) {
    var e = document.createElementNS(NS, tag);
    for (var k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function text(parent, x, y, words, attrs) {
    var t = el("text", Object.assign({x: x, y: y}, attrs || {}), parent);
    t.textContent = words;
    return t;
  }

  // --- numbers, as Python's format() writes them ------------------------------------------------------
  function exp(v, digits) {            // f"{v:.{digits}e}": 3.510188e-05
    if (v === null || !isFinite(v)) return v === null ? "nan" : (v > 0 ? "inf" : "-inf");
    var s = v.toExponential(digits), i = s.indexOf("e");
    var sign = s[i + 1], power = s.slice(i + 2);
    return s.slice(0, i) + "e" + sign + (power.length < 2 ? "0" + power : power);
  }
  function fixed(v, digits) {          // f"{v:.{digits}f}"
    if (v === null || !isFinite(v)) return "nan";
    return v.toFixed(digits);
  }
  function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }   // f"{n:,}"
  function g(v) { return String(v); }  // f"{v:g}" for the pages' η values (0.01 … 1000)

  // --- a plot: a box with axes, ticks and labels; x() and y() map data to pixels ------------------------
  function Plot(svg, box, options) {
    this.svg = svg; this.box = box; this.options = options;
    this.frame = el("g", {"class": "axes"}, svg);
    this.yticks = el("g", {"class": "yticks"}, svg);
    this.layer = el("g", {"class": "data"}, svg);
    var clip = "clip" + Math.round(Math.random() * 1e9);
    var defs = el("defs", {}, svg), cp = el("clipPath", {id: clip}, defs);
    el("rect", {x: box.x, y: box.y - 4, width: box.w, height: box.h + 8}, cp);
    this.layer.setAttribute("clip-path", "url(#" + clip + ")");
    el("rect", {x: box.x, y: box.y, width: box.w, height: box.h, "class": "frame"}, this.frame);
    text(this.frame, box.x + box.w / 2, box.y - 12, options.title, {"class": "title", "text-anchor": "middle"});
    text(this.frame, box.x + box.w / 2, box.y + box.h + 50, options.xlabel, {"class": "label", "text-anchor": "middle"});
    text(this.frame, 0, 0, options.ylabel, {"class": "label", "text-anchor": "middle",
         transform: "translate(" + (box.x - options.ylabelAt) + "," + (box.y + box.h / 2) + ") rotate(-90)"});
    this.xlim = options.xlim;
    this.setXTicks(options.xticks);
    this.setYLim(options.ylim);
  }
  Plot.prototype.x = function (v) {
    return this.box.x + (v - this.xlim[0]) / (this.xlim[1] - this.xlim[0]) * this.box.w;
  };
  Plot.prototype.y = function (v) {
    var lo = this.ylim[0], hi = this.ylim[1];
    var f = this.options.log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
                             : (v - lo) / (hi - lo);
    return this.box.y + this.box.h * (1 - f);
  };
  Plot.prototype.setXTicks = function (ticks) {
    var b = this.box, self = this;
    ticks.forEach(function (v) {
      var x = self.x(v);
      el("line", {x1: x, x2: x, y1: b.y, y2: b.y + b.h, "class": "grid"}, self.frame);
      el("line", {x1: x, x2: x, y1: b.y + b.h, y2: b.y + b.h + 6, "class": "tick"}, self.frame);
      text(self.frame, x, b.y + b.h + 24, thousands(v), {"class": "ticklabel", "text-anchor": "middle"});
    });
  };
  // the y axis again for new limits (the "auto" loss axis): decades on a log axis, at most 7 labelled
  Plot.prototype.setYLim = function (ylim) {
    this.ylim = ylim;
    var g = this.yticks, b = this.box, self = this;
    while (g.firstChild) g.removeChild(g.firstChild);
    var ticks = [];
    if (this.options.log) {
      var lo = Math.ceil(Math.log10(ylim[0]) - 1e-9), hi = Math.floor(Math.log10(ylim[1]) + 1e-9);
      var every = Math.max(1, Math.ceil((hi - lo + 1) / 7));
      for (var k = hi; k >= lo; k -= every) ticks.push([Math.pow(10, k), k]);
    } else {
      this.options.yticks.forEach(function (v) { ticks.push([v, String(v)]); });
    }
    var log = this.options.log;
    ticks.forEach(function (t) {
      var y = self.y(t[0]);
      el("line", {x1: b.x, x2: b.x + b.w, y1: y, y2: y, "class": "grid"}, g);
      el("line", {x1: b.x - 6, x2: b.x, y1: y, y2: y, "class": "tick"}, g);
      if (!log) {
        text(g, b.x - 10, y, t[1], {"class": "ticklabel", "text-anchor": "end", "dominant-baseline": "middle"});
        return;
      }
      // 10 with its exponent raised, at the tick labels' own size: the exponent is what differs between ticks
      var label = text(g, b.x - 8, y + 6, "10", {"class": "ticklabel", "text-anchor": "end"});
      var sup = el("tspan", {dy: -9, "class": "exponent"}, label);
      sup.textContent = String(t[1]).replace("-", "−");
    });
  };
  // the SVG path of a curve through (xs[i], ys[i]); a missing value (null) leaves a gap
  Plot.prototype.path = function (xs, ys, floor) {
    var d = [], pen = "M", self = this;
    for (var i = 0; i < xs.length; i++) {
      var v = ys[i];
      if (v === null || !isFinite(v)) { pen = "M"; continue; }
      if (floor !== undefined) v = Math.max(v, floor);
      d.push(pen + self.x(xs[i]).toFixed(1) + " " + self.y(v).toFixed(1));
      pen = "L";
    }
    return d.join("");
  };

  // --- bplib's drawings (tools/scene.py): lines, circles and texts in the figure's pixels -------------------
  function drawScene(parent, shapes) {
    var named = {};
    shapes.forEach(function (s) {
      var e;
      if (s.kind === "line") {
        e = el("polyline", {points: s.points.map(function (p) { return p.join(","); }).join(" "),
                            fill: "none"}, parent);
      } else if (s.kind === "circle") {
        e = el("circle", {cx: s.cx, cy: s.cy, r: s.r}, parent);
      } else {
        e = el("g", {}, parent);
        e.box = s.box ? el("rect", {rx: 4, ry: 4, fill: s.box.fill, stroke: s.box.stroke}, e) : null;
        e.words = el("text", {"text-anchor": s.anchor, "font-size": s.size}, e);
        e.shape = s;
      }
      setShape(e, s);
      if (s.name) named[s.name] = e;
    });
    return named;
  }

  // apply a state of tools/scene.state to an element drawn by drawScene
  function setShape(e, s) {
    if (s.kind === "line" || (s.stroke !== undefined && s.text === undefined && s.fill === undefined)) {
      e.setAttribute("stroke", s.stroke);
      e.setAttribute("stroke-width", s.width);
      e.setAttribute("stroke-dasharray", s.dash ? (3 * s.width) + " " + (1.6 * s.width) : "none");
      e.setAttribute("opacity", s.alpha === undefined ? 1 : s.alpha);
      e.style.display = s.visible === false ? "none" : "";
    } else if (s.text === undefined) {
      e.setAttribute("fill", s.fill);
      e.setAttribute("stroke", s.stroke);
      e.setAttribute("stroke-width", s.width);
      e.setAttribute("stroke-dasharray", s.dash ? (2 * s.width) + " " + s.width : "none");
    } else {
      var lines = s.text.split("\n"), t = e.words, size = e.shape.size, base = e.shape.baseline;
      while (t.firstChild) t.removeChild(t.firstChild);
      // the first line's baseline, in font sizes from y: matplotlib aligns the block of lines (ascent 0.8,
      // descent 0.25, 1.25 apart) at its top, bottom or middle
      var n = lines.length - 1;
      var first = {"top": 0.8, "bottom": -0.25 - 1.25 * n, "middle": 0.3 - 0.625 * n}[base];
      lines.forEach(function (line, i) {
        var span = el("tspan", {x: s.x, y: s.y + size * (first + 1.25 * i)}, t);
        span.textContent = line;
      });
      t.setAttribute("fill", s.color);
      t.setAttribute("font-weight", s.bold ? "bold" : "normal");
      e.style.display = s.visible === false ? "none" : "";
      if (e.box) {
        if (s.visible === false) return;
        var r = t.getBBox();
        e.box.setAttribute("x", r.x - 4); e.box.setAttribute("y", r.y - 3);
        e.box.setAttribute("width", r.width + 8); e.box.setAttribute("height", r.height + 6);
        if (s.color && e.shape.box.stroke !== "none") e.box.setAttribute("stroke", s.color);
      }
    }
  }

  // what a screen reader announces (the page's #announce, aria-live): the verdict and the key numbers, short;
  // while ▶ plays, nothing (dozens of frames a second would drown the reader), then the last state once
  var quiet = false, said = "";
  function announce(text) {
    var plain = document.createElement("div");
    plain.innerHTML = text;                 // a verdict may carry markup (<b style=…>): say its words only
    text = plain.textContent;
    said = text;
    var box = document.getElementById("announce");
    if (box && !quiet && box.textContent !== text) box.textContent = text;
  }

  // ▶ play: calls step() every `interval` ms until it returns false; the button shows ▶ or ❚❚
  function player(button, step, interval) {
    var timer = null;
    function stop() {
      clearInterval(timer); timer = null; button.textContent = T("▶ play"); button.setAttribute("aria-pressed", "false");
      quiet = false;
      document.querySelectorAll("main [data-live]").forEach(function (e) { e.setAttribute("aria-live", "polite"); });
      announce(said);
    }
    button.addEventListener("click", function () {
      if (timer) return stop();
      button.textContent = T("❚❚ pause"); button.setAttribute("aria-pressed", "true");
      quiet = true;          // and every live region (the player's equation) silent while playing
      document.querySelectorAll('main [aria-live="polite"]').forEach(function (e) {
        e.setAttribute("data-live", "1"); e.setAttribute("aria-live", "off");
      });
      timer = setInterval(function () { if (!step()) stop(); }, interval);
    });
    return {stop: stop, playing: function () { return !!timer; }};
  }

  // "dark room": the page inverted for a dark lecture hall; remembered for the other live pages
  function darkRoom() {
    var button = document.getElementById("dark"), root = document.documentElement;
    var stored = null;
    try { stored = localStorage.getItem("bp-dark"); } catch (e) { /* a browser without storage */ }
    function set(on) {
      root.classList.toggle("dark", on);
      if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
      try { localStorage.setItem("bp-dark", on ? "1" : ""); } catch (e) { /* not remembered */ }
    }
    set(stored === "1");
    if (button) button.addEventListener("click", function () { set(!root.classList.contains("dark")); });
  }
  document.addEventListener("DOMContentLoaded", darkRoom);

  return {el: el, text: text, exp: exp, fixed: fixed, thousands: thousands, g: g, Plot: Plot,
          drawScene: drawScene, setShape: setShape, player: player, announce: announce};
})();
