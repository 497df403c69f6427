// Shared by pdf.mjs and check.mjs: start Debian's Chromium through playwright-core, list the
// handout pages, block every request that is not a local file, wait for MathJax.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';

// The flags Chromium needs here (as root, no display, no network); playwright adds --headless.
export const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumPath() {
  const candidates = [process.env.COURSE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    console.error(`no Chromium found (tried ${candidates.join(', ')}); on Debian: apt-get install chromium`);
    process.exit(2);
  }
  return found;
}

// A browser with a fresh profile. close() also removes the profile.
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'handouts-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(), headless: true, args: FLAGS,
    viewport: { width: 1000, height: 800 }, offline: false,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const isLocal = (url) => /^(file|data|blob|about):/.test(url);

// Abort anything that would leave the machine; report it through onBlocked(url).
export async function blockNetwork(context, onBlocked) {
  await context.route((url) => !isLocal(url.href), (route) => {
    onBlocked(route.request().url());
    return route.abort('blockedbyclient');
  });
}

// Resolves to 'done' once MathJax (if the page has it) has finished its start-up typesetting and
// its queue is empty, 'none' without MathJax, 'timeout' after `ms`. (Polled: a StartupHook
// callback never fired here once request interception was on.)
export async function mathjaxDone(page, ms = 30000) {
  try {
    const handle = await page.waitForFunction(() => {
      const mj = window.MathJax;
      if (!mj || !mj.Hub || !mj.Hub.Startup) return 'none';
      const ended = mj.Hub.Startup.signal.posted.some((m) => String(m) === 'End');
      return ended && mj.Hub.queue.pending === 0 && !mj.Hub.queue.running ? 'done' : false;
    }, null, { timeout: ms, polling: 100 });
    return await handle.jsonValue();
  } catch (e) {
    if (e.name === 'TimeoutError') return 'timeout';
    throw e;
  }
}

// Every handout page under `out`, as paths relative to it (index pages included), sorted so
// that the students' pages come first.
export function pages(out) {
  const found = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!['mathjax', 'static', 'screenshots', 'pdf'].includes(e.name)) walk(p);
      } else if (e.name.endsWith('.html')) {
        found.push(relative(out, p).split(sep).join('/'));
      }
    }
  };
  walk(out);
  const rank = (p) => (p.startsWith('solutions/') ? 1 : 0);
  return found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

// Run fn over items, `n` at a time.
export async function pool(items, n, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      results[k] = await fn(items[k], k);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return results;
}

// Pages printed to PDF: lessons and solutions, not the index pages.
export const printable = (rel) => basename(rel) !== 'index.html';

// Where the PDF of a page goes: OUT/x.html -> OUT/pdf/x.pdf, OUT/solutions/x.html ->
// OUT/solutions/pdf/x.pdf (so the solutions' PDFs stay in the folder a teacher keeps back).
export const pdfOf = (rel) => join(dirname(rel), 'pdf', basename(rel, '.html') + '.pdf').split(sep).join('/');

// Print a loaded, typeset page. The print CSS written by tools/handouts.py keeps pictures,
// outputs and code cells from being cut across pages.
export async function printPdf(page, out, rel) {
  const target = join(out, pdfOf(rel));
  mkdirSync(dirname(target), { recursive: true });
  await page.pdf({
    path: target, format: 'A4', printBackground: true,
    margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
  });
  return target;
}

// Pages handled at once. Most of a page's time is Chromium waiting (MathJax, layout), so
// more tabs than cores pays off: 40 pages took 32 s with 2 tabs, 22 s with 4 (2 cores).
export const TABS = Number(process.env.HANDOUT_TABS || 4);
