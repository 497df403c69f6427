// Print every handout page to PDF with headless Chromium, once MathJax has typeset it.
//
//   node tools/browser/pdf.mjs build/handouts
//
// OUT/NN-name.html -> OUT/pdf/NN-name.pdf, OUT/solutions/NN-name.html -> OUT/solutions/pdf/NN-name.pdf.
// Index pages are not printed. Requests that would leave the machine are aborted.
// (./course test prints the PDFs during its browser check instead: check.mjs --pdf.)
// Exit status 1 if any page failed.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, blockNetwork, mathjaxDone, pages, pool, printable, pdfOf, printPdf, TABS } from './lib.mjs';

const out = resolve(process.argv[2] || 'build/handouts');
const todo = pages(out).filter(printable);
const t0 = Date.now();
const browser = await launch();
await blockNetwork(browser.context, () => {});
let failed = 0;
await pool(todo, TABS, async (rel) => {
  const page = await browser.context.newPage();
  try {
    await page.goto(pathToFileURL(join(out, rel)).href, { waitUntil: 'load' });
    const mj = await mathjaxDone(page);
    await printPdf(page, out, rel);
    console.log(`  pdf   ${pdfOf(rel)}${mj === 'timeout' ? '  (MathJax did not finish)' : ''}`);
  } catch (e) {
    failed++;
    console.log(`  FAIL  pdf of ${rel}: ${e.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
});
await browser.close();
console.log(`handouts: ${todo.length - failed} PDF(s) printed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
