/* Gate explorer of the gated-memory course (gated.diagram.GateExplorer writes this into every explorer).
 * No network, no libraries. Two parts:
 *   - the maths: lstmStep and run, the equations of gated.cell.LstmCell, tested against the Java library
 *     to 1e-9 (GateExplorerTest runs this file under Node);
 *   - the page: mount(id) builds the explorer inside the element with that id, from the JSON beside it.
 */
(function (factory) {
  var core = factory();
  if (typeof module === 'object' && module.exports) module.exports = core;
  else window.GatedMemoryExplorer = core;
})(function () {
  'use strict';

  // ------------------------------------------------------------- the maths --

  /** σ(z) = 1 / (1 + e^{−z}), evaluated as e^{z} / (1 + e^{z}) for z < 0 (as gated.cell.Activations). */
  function sigmoid(z) {
    if (z >= 0) return 1 / (1 + Math.exp(-z));
    var e = Math.exp(z);
    return e / (1 + e);
  }

  /** W·v + b, summing each row left to right like gated.tensor.Matrix.times. W: rows × v.length. */
  function affine(W, b, v) {
    var out = new Array(W.length);
    for (var r = 0; r < W.length; r++) {
      var s = 0, row = W[r];
      for (var c = 0; c < v.length; c++) s += row[c] * v[c];
      out[r] = s + b[r];
    }
    return out;
  }

  /**
   * One LSTM step. w = {f, i, g, o}, each {W: [H][H+X] on [h_{t-1}; x_t], b: [H]}.
   *   f = σ(W_f·[h;x] + b_f), i = σ(W_i·[h;x] + b_i), c̃ = tanh(W_g·[h;x] + b_g), o = σ(W_o·[h;x] + b_o)
   *   c = f ⊙ c_{t-1} + i ⊙ c̃,  h = o ⊙ tanh(c)
   */
  function lstmStep(w, x, hPrev, cPrev) {
    var hx = hPrev.concat(x);
    var zf = affine(w.f.W, w.f.b, hx), zi = affine(w.i.W, w.i.b, hx);
    var zg = affine(w.g.W, w.g.b, hx), zo = affine(w.o.W, w.o.b, hx);
    var f = zf.map(sigmoid), i = zi.map(sigmoid), g = zg.map(Math.tanh), o = zo.map(sigmoid);
    var c = f.map(function (fk, k) { return fk * cPrev[k] + i[k] * g[k]; });
    var tanhC = c.map(Math.tanh);
    var h = o.map(function (ok, k) { return ok * tanhC[k]; });
    return { x: x, hPrev: hPrev, cPrev: cPrev, zf: zf, f: f, zi: zi, i: i, zg: zg, g: g, zo: zo, o: o,
      c: c, tanhC: tanhC, h: h };
  }

  /**
   * Every step of the sentence, from h_0 and c_0. `change` (optional) alters one number first:
   * {gate: 'f'|'i'|'g'|'o', unit: k, value: v} sets the bias b_gate[k]; {step: t, entry: j, value: v}
   * sets entry j of x_t (t counts from 1).
   */
  function run(data, change) {
    var w = data.weights, xs = data.inputs;
    if (change && change.gate) {
      var gate = w[change.gate], b = gate.b.slice();
      b[change.unit] = change.value;
      w = Object.assign({}, w);
      w[change.gate] = { W: gate.W, b: b };
    } else if (change && change.step) {
      xs = xs.slice();
      xs[change.step - 1] = xs[change.step - 1].slice();
      xs[change.step - 1][change.entry] = change.value;
    }
    var steps = [], h = data.h0, c = data.c0;
    for (var t = 0; t < xs.length; t++) {
      var s = lstmStep(w, xs[t], h, c);
      steps.push(s);
      h = s.h;
      c = s.c;
    }
    return steps;
  }

  // -------------------------------------------------------------- the page --

  var SYMBOL = { cPrev: 'C<sub>t−1</sub>', f: 'f<sub>t</sub>', i: 'i<sub>t</sub>', g: 'C&#771;<sub>t</sub>',
    o: 'o<sub>t</sub>', c: 'C<sub>t</sub>', h: 'h<sub>t</sub>', hPrev: 'h<sub>t−1</sub>' };
  var TITLE = { cPrev: 'memory before this step', f: 'forget gate: how much of C_{t-1} to keep',
    i: 'input gate: how much of the candidate to write', g: 'candidate: what could be written',
    o: 'output gate: how much of tanh(C_t) to show', c: 'memory after this step', h: 'hidden state: the output' };
  /** The columns of the grid, in the order of c_t = f ⊙ c_{t-1} + i ⊙ c̃ and h_t = o ⊙ tanh(c_t): one unit per row. */
  var COLUMNS = ['f', '×', 'cPrev', '+', 'i', '×', 'g', '=', 'c', '|', 'o', '× tanh(C) =', 'h'];
  var GATES = { f: 1, i: 1, o: 1 };

  function fmt(v, d) {
    var s = v.toFixed(d === undefined ? 3 : d);
    if (/^-0\.0*$/.test(s)) s = s.slice(1);
    return s.replace('-', '−');
  }

  /** A number after an operator: negative ones in parentheses, "+ (−0.995)". */
  function term(v) {
    var s = fmt(v);
    return s.charAt(0) === '−' ? '(' + s + ')' : s;
  }

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (ch) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[ch];
    });
  }

  /** The colour of v: sequential stops on [0, 1] for gates, diverging stops on [−m, m] otherwise. */
  function colour(stops, v, lo, hi) {
    var u = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
    var pos = u * (stops.length - 1), k = Math.min(stops.length - 2, Math.floor(pos)), w = pos - k;
    var a = hex(stops[k]), b = hex(stops[k + 1]);
    var rgb = [0, 1, 2].map(function (j) { return Math.round(a[j] + (b[j] - a[j]) * w); });
    var dark = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] < 140;
    return { bg: 'rgb(' + rgb.join(',') + ')', fg: dark ? '#fff' : '#222' };
  }

  function hex(s) {
    return [1, 3, 5].map(function (j) { return parseInt(s.slice(j, j + 2), 16); });
  }

  function maxAbs(steps, key, floor) {
    var m = floor;
    steps.forEach(function (s) { s[key].forEach(function (v) { m = Math.max(m, Math.abs(v)); }); });
    return m;
  }

  function mount(id) {
    var root = document.getElementById(id);
    if (!root || root.getAttribute('data-mounted')) return;
    root.setAttribute('data-mounted', '1');
    var data = JSON.parse(document.getElementById(id + '-data').textContent);
    var T = data.inputs.length, H = data.h0.length;
    var live = root.querySelector('.gx-live');
    var q = function (sel) { return live.querySelector(sel); };
    var state = { t: Math.min(Math.max(1, data.start || 1), T), change: null };
    var base = run(data, null), steps = base;
    var cMax = maxAbs(base, 'c', 1);

    // ----- the skeleton, once -----
    var html = '<div class="gx-head"><b>' + esc(data.title) + '</b> <span class="gx-note">LSTM with ' + H
      + ' unit' + (H > 1 ? 's' : '') + ' over ' + T + ' step' + (T > 1 ? 's' : '')
      + '; one row per unit k (entry k of every vector)</span></div>';
    html += '<div class="gx-controls"><button type="button" class="gx-prev" aria-label="previous step">◀</button>'
      + '<input type="range" class="gx-slider" id="' + id + '-slider" min="1" max="' + T + '" step="1" value="'
      + state.t + '" aria-label="time step">'
      + '<button type="button" class="gx-next" aria-label="next step">▶</button>'
      + '<label class="gx-step" for="' + id + '-slider"></label></div>';
    html += '<div class="gx-words">' + data.words.map(function (word, k) {
      return '<span class="gx-word" data-t="' + (k + 1) + '" title="step ' + (k + 1) + '">' + esc(word) + '</span>';
    }).join(' ') + '</div>';
    html += '<table class="gx-grid"><thead><tr><th>unit</th>' + COLUMNS.map(function (col) {
      return SYMBOL[col] ? '<th title="' + TITLE[col] + '">' + SYMBOL[col] + '</th>' : '<th class="gx-op">' + col + '</th>';
    }).join('') + '</tr></thead><tbody>';
    for (var k = 0; k < H; k++) {
      html += '<tr data-k="' + k + '"><th>' + k + '</th>' + COLUMNS.map(function (col) {
        return SYMBOL[col] ? '<td class="gx-v" data-q="' + col + '" data-k="' + k + '"></td>' : '<td class="gx-op">' + col + '</td>';
      }).join('') + '</tr>';
    }
    html += '</tbody></table>';
    html += '<div class="gx-eq">C<sub>t</sub> = f<sub>t</sub> ⊙ C<sub>t−1</sub> + i<sub>t</sub> ⊙ C&#771;<sub>t</sub>,'
      + ' &nbsp; h<sub>t</sub> = o<sub>t</sub> ⊙ tanh(C<sub>t</sub>) &nbsp; (hover a number for its unit)</div>';
    html += '<div class="gx-memory"><div class="gx-caption">memory C<sub>t</sub> of every unit over the sentence'
      + ' (click a column to go to that step)</div><table class="gx-map"><tbody>';
    for (var u = 0; u < H; u++) {
      html += '<tr><th>' + u + '</th>';
      for (var t = 1; t <= T; t++) html += '<td data-t="' + t + '" data-k="' + u + '"></td>';
      html += '</tr>';
    }
    html += '</tbody></table></div>';
    if (data.whatIf) {
      var options = [];
      ['f', 'i', 'g', 'o'].forEach(function (gate) {
        for (var k = 0; k < H; k++) options.push('<option value="b:' + gate + ':' + k + '">bias b_' + gate + '[' + k + ']</option>');
      });
      for (var j = 0; j < data.inputs[0].length; j++) {
        options.push('<option value="x:' + j + '">input x_t[' + j + '] at this step</option>');
      }
      html += '<div class="gx-whatif"><b>what if</b> <select class="gx-param" aria-label="number to change">'
        + options.join('') + '</select> <input type="range" class="gx-value" min="-8" max="8" step="0.05"'
        + ' aria-label="its value"> <output class="gx-shown"></output>'
        + ' <button type="button" class="gx-reset">reset</button> <span class="gx-whatif-note"></span></div>';
    }
    html += '<div class="gx-tip" role="tooltip" hidden></div>';
    live.innerHTML = html;
    root.classList.add('gx-on');

    // ----- drawing one step -----
    function paint(cell, v, lo, hi) {
      var stops = lo >= 0 ? data.stops[0] : data.stops[1];
      var c = colour(stops, v, lo, hi);
      cell.style.background = c.bg;
      cell.style.color = c.fg;
    }

    function range(key) {
      if (GATES[key]) return [0, 1];
      if (key === 'c' || key === 'cPrev') return [-cMax, cMax];
      return [-1, 1];
    }

    function show() {
      var s = steps[state.t - 1], b = base[state.t - 1];
      q('.gx-slider').value = String(state.t);
      q('.gx-step').textContent = 't = ' + state.t + ' of ' + T + ': “' + data.words[state.t - 1] + '”';
      live.querySelectorAll('.gx-word').forEach(function (el) {
        el.classList.toggle('gx-now', Number(el.getAttribute('data-t')) === state.t);
      });
      live.querySelectorAll('.gx-v').forEach(function (cell) {
        var key = cell.getAttribute('data-q'), k = Number(cell.getAttribute('data-k'));
        var v = s[key][k], r = range(key);
        cell.textContent = fmt(v);
        cell.setAttribute('data-value', String(v));
        cell.classList.toggle('gx-changed', Math.abs(v - b[key][k]) > 5e-4);
        paint(cell, v, r[0], r[1]);
      });
      live.querySelectorAll('.gx-map td').forEach(function (cell) {
        var t = Number(cell.getAttribute('data-t')), k = Number(cell.getAttribute('data-k'));
        paint(cell, steps[t - 1].c[k], -cMax, cMax);
        cell.classList.toggle('gx-now', t === state.t);
      });
      q('.gx-prev').disabled = state.t === 1;
      q('.gx-next').disabled = state.t === T;
      if (data.whatIf) showWhatIf();
    }

    function go(t) {
      state.t = Math.min(T, Math.max(1, t));
      if (state.change && state.change.step) { state.change = null; steps = base; }   // an input what-if belongs to its step
      show();
    }

    q('.gx-slider').addEventListener('input', function (e) { go(Number(e.target.value)); });
    q('.gx-prev').addEventListener('click', function () { go(state.t - 1); });
    q('.gx-next').addEventListener('click', function () { go(state.t + 1); });
    live.querySelectorAll('.gx-word, .gx-map td').forEach(function (el) {
      el.addEventListener('click', function () { go(Number(el.getAttribute('data-t'))); });
    });

    // ----- hovering a unit -----
    var tip = q('.gx-tip');
    live.querySelectorAll('.gx-v').forEach(function (cell) {
      cell.addEventListener('mouseenter', function () {
        var k = Number(cell.getAttribute('data-k')), s = steps[state.t - 1];
        tip.innerHTML = '<b>unit ' + k + ', step ' + state.t + ' “' + esc(data.words[state.t - 1]) + '”</b><br>'
          + 'f = ' + fmt(s.f[k]) + ' (z<sub>f</sub> = ' + fmt(s.zf[k]) + '), i = ' + fmt(s.i[k])
          + ' (z<sub>i</sub> = ' + fmt(s.zi[k]) + ')<br>C&#771; = ' + fmt(s.g[k]) + ' (z<sub>g</sub> = ' + fmt(s.zg[k])
          + '), o = ' + fmt(s.o[k]) + ' (z<sub>o</sub> = ' + fmt(s.zo[k]) + ')<br>'
          + 'C<sub>t</sub> = f·C<sub>t−1</sub> + i·C&#771; = ' + fmt(s.f[k] * s.cPrev[k]) + ' + '
          + term(s.i[k] * s.g[k]) + ' = ' + fmt(s.c[k]) + '<br>'
          + 'h<sub>t</sub> = o·tanh(C<sub>t</sub>) = ' + fmt(s.o[k]) + ' × ' + term(s.tanhC[k]) + ' = ' + fmt(s.h[k]);
        // Under the grid, below the hovered column, so that no number of the grid is covered.
        tip.hidden = false;
        var at = cell.getBoundingClientRect(), from = root.getBoundingClientRect();
        var grid = q('.gx-grid').getBoundingClientRect();
        var left = Math.min(at.left - from.left, from.width - tip.offsetWidth - 4);
        tip.style.left = Math.max(0, left) + 'px';
        tip.style.top = (grid.bottom - from.top + 4) + 'px';
        tip.setAttribute('data-k', String(k));
      });
      cell.addEventListener('mouseleave', function () { tip.hidden = true; });
    });

    // ----- what if: one bias or one input entry changed, every step recomputed in the page -----
    function selected() {
      var p = q('.gx-param').value.split(':');
      return p[0] === 'b' ? { gate: p[1], unit: Number(p[2]) } : { entry: Number(p[1]) };
    }

    function original(sel) {
      return sel.gate ? data.weights[sel.gate].b[sel.unit] : data.inputs[state.t - 1][sel.entry];
    }

    function showWhatIf() {
      var sel = selected(), ch = state.change;
      var active = ch && (sel.gate ? ch.gate === sel.gate && ch.unit === sel.unit : ch.step === state.t && ch.entry === sel.entry);
      var v = active ? ch.value : original(sel), o = original(sel), slider = q('.gx-value');
      var reach = sel.gate ? 10 : 3;   // biases from −10 to 10, inputs from −3 to 3, always including the model's own value
      slider.min = String(Math.min(-reach, Math.floor(o) - 2));
      slider.max = String(Math.max(reach, Math.ceil(o) + 2));
      slider.value = String(v);
      q('.gx-shown').textContent = fmt(v, 2);
      q('.gx-whatif-note').textContent = state.change
        ? 'changed from ' + fmt(original(sel), 2) + '; every step recomputed here (outlined numbers differ)'
        : 'move the slider to change this number';
    }

    if (data.whatIf) {
      q('.gx-param').addEventListener('change', function () {
        state.change = null;
        steps = base;
        show();
      });
      q('.gx-value').addEventListener('input', function (e) {
        var sel = selected(), v = Number(e.target.value);
        state.change = sel.gate ? { gate: sel.gate, unit: sel.unit, value: v } : { step: state.t, entry: sel.entry, value: v };
        steps = run(data, state.change);
        show();
      });
      q('.gx-reset').addEventListener('click', function () {
        state.change = null;
        steps = base;
        show();
      });
    }
    show();
  }

  return { sigmoid: sigmoid, lstmStep: lstmStep, run: run, mount: mount };
});
