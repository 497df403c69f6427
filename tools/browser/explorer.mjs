// The gate explorers on a handout page (gated.diagram.GateExplorer), checked the way a reader uses them.
//
// For every element with data-gated-explorer:
//   - its script ran (the interactive part replaced the static picture);
//   - moving the time slider to the first, a middle and the last step shows "t = k of T" and, for every
//     unit, the numbers the library computed for that step (carried in the page's data, rounded to 4
//     decimals: a shown number may differ from it by the 3-decimal rounding only), and the numbers change
//     from one step to another; the ▶ button moves one step;
//   - hovering a number shows that unit's step in a tooltip, with the same c_t;
//   - the what-if slider changes the numbers, and "reset" brings the library's back;
//   - in print (the PDF), the static picture is shown, loaded, and the interactive part hidden.
// A screenshot of each explorer goes to <shots>/<page>-explorer-<n>.png. Returns also the number of
// distinct pictures shown in print, which the page's PDF must contain (check.mjs counts them).
import { join } from 'node:path';

const SHOWN_DECIMALS = 3;
// |shown − library| ≤ half a unit of the shown decimals + half a unit of the 4 carried decimals (+ slack)
const TOLERANCE = 0.5 * 10 ** -SHOWN_DECIMALS + 0.5e-4 + 1e-9;

const number = (text) => Number(String(text).trim().replace(/−/g, '-'));

/** The value the library computed for quantity q, unit k, at step t (1-based), from the page's data. */
function expected(data, q, k, t) {
  if (q === 'cPrev') return t === 1 ? data.c0[k] : data.expected.c[t - 2][k];
  return data.expected[q][t - 1][k];
}

async function shownValues(root) {
  return root.$$eval('.gx-v', (cells) => cells.map((c) => [c.dataset.q, Number(c.dataset.k), c.textContent]));
}

/** Compares every shown number with the library's at step t; returns the problems. */
function compareStep(tag, data, t, shown) {
  const problems = [];
  const units = data.h0.length;
  if (shown.length !== 7 * units) problems.push(`${tag}: ${shown.length} numbers shown at step ${t}, expected ${7 * units}`);
  for (const [q, k, text] of shown) {
    const want = expected(data, q, k, t);
    const got = number(text);
    if (!(Math.abs(got - want) <= TOLERANCE)) {
      problems.push(`${tag}: step ${t}, unit ${k}, ${q}: shows ${text}, the library computed ${want}`);
      if (problems.length > 3) break;
    }
  }
  return problems;
}

async function setStep(root, t) {
  await (await root.$('.gx-slider')).fill(String(t));   // Playwright moves a range input and fires its events
}

/** Checks every explorer on the page; returns {count, problems}. */
export async function checkExplorers(page, shots, name) {
  const problems = [];
  const roots = await page.$$('[data-gated-explorer]');
  for (let n = 0; n < roots.length; n++) {
    const root = roots[n];
    const id = await root.getAttribute('id');
    const tag = `explorer ${n + 1} (${id})`;
    const on = await root.evaluate((r) => r.classList.contains('gx-on'));
    if (!on) {
      problems.push(`${tag}: its script did not run (the interactive part is missing)`);
      continue;
    }
    const data = await page.evaluate((i) => JSON.parse(document.getElementById(i + '-data').textContent), id);
    const T = data.inputs.length;
    const steps = [...new Set([1, Math.ceil(T / 2), T])];
    let first = null;
    let changed = false;
    for (const t of steps) {
      await setStep(root, t);
      const label = await root.$eval('.gx-step', (e) => e.textContent);
      if (!label.startsWith(`t = ${t} of ${T}`)) problems.push(`${tag}: after moving the slider to ${t} it says "${label}"`);
      const shown = await shownValues(root);
      problems.push(...compareStep(tag, data, t, shown));
      if (first === null) first = JSON.stringify(shown);
      else if (JSON.stringify(shown) !== first) changed = true;
    }
    if (steps.length > 1 && !changed) problems.push(`${tag}: the numbers did not change when the slider moved`);

    // The ▶ button moves one step.
    await setStep(root, 1);
    if (T > 1) {
      await (await root.$('.gx-next')).click();
      const label = await root.$eval('.gx-step', (e) => e.textContent);
      if (!label.startsWith(`t = 2 of ${T}`)) problems.push(`${tag}: ▶ from step 1 shows "${label}"`);
      problems.push(...compareStep(tag, data, 2, await shownValues(root)));
    }

    // Hovering a number shows its unit's step.
    const t = T > 1 ? 2 : 1;
    const cell = await root.$('.gx-v[data-q="c"][data-k="0"]');
    await cell.scrollIntoViewIfNeeded();
    await cell.hover();
    const tip = await root.$eval('.gx-tip', (e) => ({ hidden: e.hidden, text: e.innerText }));
    const c0 = (await cell.textContent()).trim();
    if (tip.hidden || !tip.text.includes(`unit 0, step ${t}`) || !tip.text.includes(`= ${c0}`)) {
      problems.push(`${tag}: hovering c_t of unit 0 at step ${t} shows ${tip.hidden ? 'no tooltip' : `"${tip.text.slice(0, 80)}"`}`);
    }
    const box = await root.boundingBox();
    if (shots && box) {
      await page.screenshot({ path: join(shots, `${name}-explorer-${n + 1}.png`), clip: box });
    }
    await page.mouse.move(0, 0);

    // What if: the slider changes the numbers; reset brings the library's back.
    if (data.whatIf) {
      await setStep(root, T);
      const before = JSON.stringify(await shownValues(root));
      const slider = await root.$('.gx-value');
      const value = Number(await slider.inputValue());
      const min = Number(await slider.getAttribute('min'));
      await slider.fill(String(value - 3 >= min ? value - 3 : value + 3));
      const after = JSON.stringify(await shownValues(root));
      if (after === before) problems.push(`${tag}: the what-if slider changed nothing at step ${T}`);
      await (await root.$('.gx-reset')).click();
      problems.push(...compareStep(`${tag} after reset`, data, T, await shownValues(root)));
    }
    await setStep(root, data.start || 1);
  }

  // In print the static picture stands in for every explorer.
  let printImages = 0;
  if (roots.length) {
    await page.emulateMedia({ media: 'print' });
    printImages = await page.$$eval('img', (imgs) => new Set(imgs.filter((i) => getComputedStyle(i).display !== 'none')
      .map((i) => i.getAttribute('src'))).size);
    const print = await page.$$eval('[data-gated-explorer]', (rs) => rs.map((r) => {
      const img = r.querySelector('.gx-static');
      const live = r.querySelector('.gx-live');
      return {
        picture: !!img && getComputedStyle(img).display !== 'none' && img.complete && img.naturalWidth > 0,
        liveHidden: !live || getComputedStyle(live).display === 'none',
      };
    }));
    await page.emulateMedia({ media: null });   // back to no emulation: page.pdf() prints with print media again
    print.forEach((p, n) => {
      if (!p.picture) problems.push(`explorer ${n + 1}: in print its static picture is not shown`);
      if (!p.liveHidden) problems.push(`explorer ${n + 1}: in print its interactive part is not hidden`);
    });
  }
  return { count: roots.length, problems, printImages };
}
