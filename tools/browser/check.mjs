// Browser check of the handouts: open every page in headless Chromium on a file:// URL and check it.
//
//   node tools/browser/check.mjs [--pdf] [--expect-explorers N] build/handouts
//
// With --pdf (what ./course test uses) each page is also printed to PDF once it has been checked,
// so every page is loaded and typeset once; pdf.mjs does the same printing for ./course handouts.
// ./course test runs this under `unshare -n` when it can (root), so the machine has no network
// at all; in addition every request that is not file:/data:/blob:/about: is aborted and counted.
// Each page (index pages, lessons, solutions) passes when:
//   - every <img> has loaded (complete, naturalWidth > 0);
//   - MathJax typeset the maths: MathJax found at least as many formulas as tools/handouts.py
//     counted in the page's markdown (<meta name="handout-maths">), rendered every one it found,
//     and none shows a TeX error;
//   - no raw TeX is left in the visible text outside code ($$, \sigma-style commands, \( \[,
//     $…$): code cells (input and output), <pre> and <code> are left out of this test;
//   - no request tried to leave the machine, no local file failed to load;
//   - there were no console errors and no uncaught exceptions;
//   - every relative link points at an existing file, and a student page links nothing in
//     solutions/;
//   - every gate explorer on it works (explorer.mjs): the slider shows the library's numbers for
//     each step, hovering shows a unit's step, the what-if slider recomputes, print shows its picture.
// --expect-explorers N fails the run when fewer than N explorers were found in all (for a test page).
// Also: every lesson has a PDF (pdf/NN-name.pdf, solutions/pdf/NN-name.pdf) that starts with %PDF.
// Screenshots: OUT/screenshots/<page>.png (and <page>-explorer-<n>.png), solutions' in OUT/solutions/screenshots/.
// One line per test (PASS/FAIL + reason), then "N passed, N failed"; exit status 1 on any failure.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, blockNetwork, isLocal, mathjaxDone, pages, pool, printable, pdfOf, printPdf, TABS } from './lib.mjs';
import { checkExplorers } from './explorer.mjs';

const args = process.argv.slice(2);
const withPdf = args.includes('--pdf');
const expectAt = args.indexOf('--expect-explorers');
const expectExplorers = expectAt >= 0 ? Number(args[expectAt + 1]) : 0;
const out = resolve(args.find((a, k) => !a.startsWith('--') && k !== expectAt + 1) || 'build/handouts');
const all = pages(out);
let passed = 0;
let failed = 0;
const report = (ok, name, detail) => {
  if (ok) passed++; else failed++;
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? '  ' + detail : ''}`);
};

// Visible text that may not contain TeX, and the checks done inside the page.
function inspect() {
  const q = (sel) => Array.from(document.querySelectorAll(sel));
  const images = q('img');
  const broken = images.filter((i) => !(i.complete && i.naturalWidth > 0))
    .map((i) => (i.getAttribute('src') || '').slice(0, 60));
  const meta = document.querySelector('meta[name="handout-maths"]');
  const expected = meta ? Number(meta.content) : 0;
  const found = q('script[type^="math/tex"]').length;              // formulas MathJax picked up
  const rendered = q('[id^="MathJax-Element-"][id$="-Frame"]').length; // their typeset output
  const texErrors = q('.noError, .MathJax_Error, .mjx-merror, merror').map((e) => e.textContent.slice(0, 60));
  // Hide code, outputs and MathJax's own machinery, then read what a reader sees.
  const style = document.createElement('style');
  style.textContent = '.jp-CodeCell, pre, code, .jp-InputPrompt, .jp-OutputPrompt,'
    + ' .MJX_Assistive_MathML, #MathJax_Message { display: none !important; }';
  document.head.appendChild(style);
  const text = document.body.innerText;
  style.remove();
  const tex = /\$\$|\\[a-zA-Z]+|\\[([]|(^|[^\\])\$[^$\s][^$\n]*\$/m.exec(text);
  const links = q('a[href]').map((a) => a.getAttribute('href'))
    .filter((h) => h && !/^([a-z][a-z0-9+.-]*:|#)/i.test(h));
  return {
    images: images.length, broken, expected, found, rendered, texErrors, links,
    tex: tex ? text.slice(Math.max(0, tex.index - 20), tex.index + 40).replace(/\s+/g, ' ') : null,
  };
}

const t0 = Date.now();
const browser = await launch();
const blockedBy = new Map();   // page url -> urls that tried to leave
const noteBlocked = (pageUrl, url) => {
  if (!blockedBy.has(pageUrl)) blockedBy.set(pageUrl, []);
  blockedBy.get(pageUrl).push(url);
};
let current = null;            // fallback owner for requests outside a page (workers)
await blockNetwork(browser.context, (url) => noteBlocked(current, url));
browser.context.on('request', (r) => {
  if (isLocal(r.url())) return;
  const owner = r.frame()?.page()?.url() ?? current;
  noteBlocked(owner, r.url());
});

const results = await pool(all, TABS, async (rel) => {
  const page = await browser.context.newPage();
  const url = pathToFileURL(join(out, rel)).href;
  current = url;
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text().slice(0, 160)}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message.slice(0, 160)}`));
  page.on('requestfailed', (r) => {
    if (r.url().startsWith('file:')) problems.push(`local file failed to load: ${relative(out, fileURLToPath(r.url()))}`);
  });
  page.on('websocket', (ws) => noteBlocked(url, ws.url()));
  let info = null;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    const mj = await mathjaxDone(page);
    if (mj === 'timeout') problems.push('MathJax did not finish within 30 s');
    info = await page.evaluate(inspect);
    const shots = join(out, rel.startsWith('solutions/') ? 'solutions/screenshots' : 'screenshots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, basename(rel, '.html') + '.png'), fullPage: true });
    try {
      const ex = await checkExplorers(page, shots, basename(rel, '.html'));
      info.explorers = ex.count;
      info.printImages = ex.printImages;
      problems.push(...ex.problems);
    } catch (e) {
      problems.push(`gate explorer check stopped: ${e.message.split('\n')[0]}`);
    }
    if (withPdf && printable(rel)) await printPdf(page, out, rel);
  } catch (e) {
    problems.push(`could not load: ${e.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  if (info) {
    if (info.broken.length) problems.push(`${info.broken.length} of ${info.images} image(s) not loaded: ${info.broken[0]}`);
    if (info.expected > 0 && info.rendered === 0) problems.push(`${info.expected} formula(s) in the page but MathJax rendered none`);
    if (info.found < info.expected) problems.push(`MathJax found ${info.found} of the ${info.expected} formula(s) in the markdown`);
    if (info.found > info.rendered) problems.push(`MathJax rendered ${info.rendered} of ${info.found} formula(s)`);
    if (info.texErrors.length) problems.push(`TeX error in a formula: ${info.texErrors[0]}`);
    if (info.tex) problems.push(`raw TeX visible outside code: "…${info.tex}…"`);
  }
  return { rel, url, problems, info };
});
await browser.close();

for (const { rel, url, problems, info } of results) {
  // Links are checked once every page is done, so that the PDFs (printed meanwhile) exist.
  for (const href of info ? info.links : []) {
    const target = fileURLToPath(new URL(href.split('#')[0] || basename(rel), url));
    if (!existsSync(target)) problems.push(`broken link: ${href}`);
    else if (!rel.startsWith('solutions/') && target.startsWith(join(out, 'solutions'))) {
      problems.push(`student page links to the solutions: ${href}`);
    }
  }
  const left = blockedBy.get(url) || [];
  if (left.length) problems.push(`${left.length} request(s) tried to leave the machine: ${left[0]}`);
  const what = info ? `(${info.images} image(s), ${info.rendered} formula(s)`
    + `${info.explorers ? `, ${info.explorers} explorer(s)` : ''})` : '';
  report(problems.length === 0, rel, problems.length ? problems.join('; ') : what);
}
const orphans = [...blockedBy.keys()].filter((k) => !results.some((r) => r.url === k));
if (orphans.length) report(false, 'requests outside any page', blockedBy.get(orphans[0])[0]);

const explorers = results.reduce((n, r) => n + (r.info?.explorers || 0), 0);
if (expectExplorers > 0) {
  report(explorers >= expectExplorers, 'gate explorers found', `${explorers} (expected at least ${expectExplorers})`);
}

// One PDF per lesson and per solution.
// A page with explorers must print their static pictures: its PDF holds at least as many pictures as
// the page shows in print.
for (const rel of all.filter(printable)) {
  const pdf = pdfOf(rel);
  const path = join(out, pdf);
  if (!existsSync(path)) { report(false, pdf, 'missing'); continue; }
  const bytes = readFileSync(path);
  const text = bytes.toString('latin1');
  const pagesIn = (text.match(/\/Type\s*\/Page\b/g) || []).length;
  const ok = bytes.subarray(0, 5).toString() === '%PDF-' && statSync(path).size > 1000;
  const wanted = results.find((r) => r.rel === rel)?.info?.printImages || 0;
  const pictures = (text.match(/\/Subtype\s*\/Image\b/g) || []).length;
  const enough = !withPdf || pictures >= wanted;
  report(ok && enough, pdf, !ok ? 'not a PDF' : !enough
    ? `holds ${pictures} picture(s) but the page shows ${wanted} in print (an explorer's static picture is missing)`
    : `(${pagesIn || '?'} page(s)${wanted ? `, ${pictures} picture(s)` : ''})`);
}
console.log(`browser check: ${all.length} page(s) in ${((Date.now() - t0) / 1000).toFixed(1)} s;`
  + ` screenshots in ${join(out, 'screenshots')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
