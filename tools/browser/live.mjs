// A notebook in a live classic Jupyter Notebook server, checked in headless Chromium: open it, run every
// cell with the running kernel, then check every gate explorer in its outputs as check.mjs does on a
// handout (explorer.mjs).
//
//   node tools/browser/live.mjs URL [--expect-explorers N] [--shots DIR]
//
// URL is the notebook's page with its token, e.g. http://127.0.0.1:8899/notebooks/x.ipynb?token=…
// (tools/explorer_demo.py --live starts the server and calls this). Only the local server is reachable:
// any other request is aborted and counted. Prints PASS/FAIL lines and "N passed, N failed".
import { launch, isLocal } from './lib.mjs';
import { checkExplorers } from './explorer.mjs';

const args = process.argv.slice(2);
const url = args.find((a) => /^https?:/.test(a));
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const expectExplorers = Number(opt('--expect-explorers', 1));
const shots = opt('--shots', null);
let passed = 0;
let failed = 0;
const report = (ok, name, detail) => {
  if (ok) passed++; else failed++;
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? '  ' + detail : ''}`);
};

const local = (u) => isLocal(u) || /^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u);
const browser = await launch();
const left = [];
await browser.context.route((u) => !local(u.href), (route) => {
  left.push(route.request().url());
  return route.abort('blockedbyclient');
});
const page = await browser.context.newPage();
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text().slice(0, 160)); });
page.on('pageerror', (e) => errors.push(`uncaught: ${e.message.slice(0, 160)}`));
try {
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
    && Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel_selector, null, { timeout: 90000 });
  report(true, 'notebook open, kernel connected');
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());
  // Done when no cell is waiting ("In [*]") and the expected explorers are there.
  await page.waitForFunction((n) => document.querySelectorAll('.gx-root.gx-on').length >= n
    && !Array.from(document.querySelectorAll('.input_prompt')).some((p) => p.textContent.includes('*')),
  expectExplorers, { timeout: 240000, polling: 500 });
  const mounted = await page.$$eval('.gx-root.gx-on', (r) => r.length);
  report(mounted >= expectExplorers, 'every cell ran; explorers running in the notebook', `${mounted}`);
  const errorsInCells = await page.$$eval('.output_error, .output_stderr', (e) => e.map((x) => x.innerText.slice(0, 120)));
  report(errorsInCells.length === 0, 'no error or stderr output in any cell', errorsInCells[0] || '');
  const ex = await checkExplorers(page, shots, 'live-notebook');
  report(ex.problems.length === 0, `gate explorers work in the live notebook (${ex.count})`, ex.problems.slice(0, 3).join('; '));
} catch (e) {
  report(false, 'live notebook', e.message.split('\n')[0]);
} finally {
  // Jupyter's own console noise (e.g. a missing favicon or MathJax font) is reported, not failed on,
  // unless it comes from an explorer.
  const ours = errors.filter((m) => /GatedMemoryExplorer|gx-|explorer/i.test(m));
  report(ours.length === 0, 'no console errors from the explorers', ours[0] || (errors.length ? `(other console errors: ${errors.length}, e.g. ${errors[0]})` : ''));
  report(left.length === 0, 'nothing requested outside the machine', left[0] || '');
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
