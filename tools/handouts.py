#!/usr/bin/env python3
"""Render the executed course notebooks to a self-contained HTML site (the handouts).

    python3 tools/handouts.py [--executed build/executed] [--out build/handouts]
    python3 tools/handouts.py --check-output [--executed build/executed]   (output width and noise only)

`./course handouts` runs the notebooks first (tools/run_notebooks.py --out build/executed), then
this script, then tools/browser/pdf.mjs for the PDFs; `./course test` renders from the copies the
notebook harness has just executed and then checks every page in a browser (tools/browser/check.mjs).

What it writes (OUT = build/handouts):

    OUT/index.html                 the contents: titles, links, one-line summaries (no solutions)
    OUT/NN-name.html               one page per lesson, from notebooks/NN-name.ipynb (exercises unsolved)
    OUT/pdf/NN-name.pdf            (printed by tools/browser/pdf.mjs)
    OUT/mathjax/, OUT/static/      MathJax 2 and require.js, copied so nothing loads from the network
    OUT/solutions/index.html       the solutions, for the teacher: delete this folder before sharing
    OUT/solutions/NN-name.html     the student pages never link here
    OUT/solutions/pdf/NN-name.pdf

Every page: the setup cells (tag `setup`) and the notebook's own navigation cell (tag `nav`) are
left out, a previous/contents/next bar is added at the top and the bottom, links to other
notebooks point to their .html pages (links from a lesson into solutions/ become plain text),
ANSI colour codes are removed from outputs, pictures are embedded as data: URIs, and maths is
typeset by the local MathJax copy. Nothing refers to the network or to file:///.

Every page is also checked for output a reader can take in (output_problems): no output line over
MAX_OUTPUT_LINE (110) characters, and check echoes ("✓ …" lines, exercise feedback aside) under
MAX_ECHO_SHARE (5 %) of a notebook's output lines. A failing page is still written, and counted as a
problem, so `./course test` fails.

Titles and summaries come from tools/contents.py, so the site matches README's contents table.
Needs nbconvert (the course script picks a Python that has it).
"""
import argparse
import html
import re
import shutil
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contents  # noqa: E402  (titles, summaries, lesson order)

warnings.filterwarnings("ignore", message="Code cell is missing an id field")

REPO = contents.REPO

# MathJax 2 (nbconvert 6's HTML template is written for MathJax 2): first existing folder wins.
MATHJAX_SOURCES = [
    Path("/usr/share/javascript/mathjax"),   # Debian/Ubuntu libjs-mathjax (pulled in by jupyter-notebook)
    Path("/usr/share/mathjax"),
]
# The part of MathJax that config TeX-AMS_CHTML-full,Safe can load (about 3 MB instead of 54 MB).
MATHJAX_PARTS = ["MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions",
                 "jax/input/TeX", "jax/element", "jax/output/CommonHTML", "jax/output/PreviewHTML",
                 "fonts/HTML-CSS/TeX/woff", "localization"]
MATHJAX_CONFIG = "TeX-AMS_CHTML-full,Safe"
REQUIREJS_SOURCES = [Path("/usr/share/javascript/requirejs/require.min.js")]

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")

# Output a reader can take in (issue 10): no line wider than a printed page, and assertions that stay silent.
MAX_OUTPUT_LINE = 110          # characters per output line
MAX_ECHO_SHARE = 0.05          # check echoes ("✓ …" lines) per output line, per notebook
CHECK_ECHO = re.compile(r"^\s*✓ (?!Exercise\b)")   # "✓ Exercise 1: correct" is exercise feedback, not an echo

# Maths in markdown, outside code: $$…$$, $…$, \(…\), \[…\], \begin{…}.
CODE_IN_MARKDOWN = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.S)
MATHS = re.compile(r"\$\$.+?\$\$|(?<![\\$])\$(?!\s)[^$\n]+?(?<![\s\\])\$|\\\(.+?\\\)|\\\[.+?\\\]|\\begin\{", re.S)

CSS = """
/* handouts: navigation bar, readable width, print rules */
body.jp-Notebook { max-width: 980px; margin: 0 auto; padding: 0 12px; }
.handout-nav { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5em;
  font: 14px/1.4 system-ui, sans-serif; padding: 0.6em 0; border-bottom: 1px solid #ccc; }
.handout-nav.bottom { border-bottom: none; border-top: 1px solid #ccc; margin-top: 1.5em; }
.handout-nav a, .handout-note a { color: #1565c0; text-decoration: none; }
.handout-nav .prev, .handout-nav .next { flex: 1 1 0; }
.handout-nav .next { text-align: right; }
.handout-nav .up { flex: 0 0 auto; text-align: center; }
.handout-note { font: 14px/1.4 system-ui, sans-serif; background: #fff8e1; border: 1px solid #f0d080;
  padding: 0.4em 0.8em; margin: 0.6em 0; }
img, svg, .jp-OutputArea-output img { max-width: 100%; height: auto; }
/* long code lines wrap instead of disappearing (the template hides overflow), on phones and paper */
.jp-InputArea-editor .highlight pre, .jp-OutputArea-output pre { white-space: pre-wrap; overflow-wrap: anywhere; }
@media print {
  .handout-nav { display: none; }
  body.jp-Notebook { max-width: none; padding: 0; }
  img, svg, .jp-OutputArea-output, .jp-OutputArea-child, .MathJax_CHTML, .MathJax_Display,
  .jp-InputArea, .jp-Cell-inputWrapper pre, .jp-CodeCell { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
}
"""

INDEX_CSS = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 980px; margin: 0 auto; padding: 1em 12px; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4em 0.6em; border-bottom: 1px solid #ddd; }
th { border-bottom: 2px solid #999; }
td.num { color: #666; white-space: nowrap; }
a { text-decoration: none; }
.handout-note { background: #fff8e1; border: 1px solid #f0d080; padding: 0.4em 0.8em; }
@media print { tr { break-inside: avoid; page-break-inside: avoid; } }
"""

# The page template: nbconvert's lab template with our CSS, nav bars and a relative require.js.
TEMPLATE = r"""{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}
{%- if resources.handout.require_js_url -%}<script src="{{ resources.handout.require_js_url }}"></script>{%- endif -%}
{%- endblock html_head_js_requirejs -%}
{% block extra_css %}
<meta name="handout-maths" content="{{ resources.handout.maths }}">
<style type="text/css">{{ resources.handout.css }}</style>
{% endblock extra_css %}
{%- block body_header -%}
{{ super() }}
{{ resources.handout.nav_top }}
{%- endblock body_header -%}
{% block body_footer %}
{{ resources.handout.nav_bottom }}
{{ super() }}
{% endblock body_footer %}
"""


# ------------------------------------------------------------ the pieces ----

def output_lines(nb, removed_tags=("setup", "nav")):
    """(cell index, line) for every line of text a handout shows under the code cells: stdout/stderr streams,
    and the text/plain of results that have nothing richer to show."""
    lines = []
    for i, cell in enumerate(nb["cells"]):
        if cell.get("cell_type") != "code" or set(cell.get("metadata", {}).get("tags", [])) & set(removed_tags):
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                text = out.get("text", "")
            elif out.get("output_type") in ("execute_result", "display_data") and set(out.get("data", {})) == {"text/plain"}:
                text = out["data"]["text/plain"]
            else:
                continue
            text = "".join(text) if isinstance(text, list) else text
            lines += [(i, ANSI.sub("", line)) for line in text.splitlines()]
    return lines


def output_problems(nb, name):
    """Why a notebook's output is too noisy or too wide for a handout: lines over MAX_OUTPUT_LINE characters,
    and check echoes ("✓ …" printed by an assertion) that make up MAX_ECHO_SHARE or more of its output lines.
    Check.close/equal/isTrue print nothing when they hold, so echoes only come from code that prints them."""
    problems = []
    lines = output_lines(nb)
    for i, line in lines:
        if len(line) > MAX_OUTPUT_LINE:
            problems.append(f"{name}: cell {i} prints a line of {len(line)} characters (at most {MAX_OUTPUT_LINE}): "
                            f"{line[:60]}…")
    echoes = [line for _, line in lines if CHECK_ECHO.match(line)]
    if lines and len(echoes) >= MAX_ECHO_SHARE * len(lines):
        problems.append(f"{name}: {len(echoes)} of {len(lines)} output lines are check echoes (under "
                        f"{MAX_ECHO_SHARE:.0%} allowed), e.g. {echoes[0][:60]!r}")
    return problems


def strip_ansi(nb):
    """Remove ANSI escape codes from every output (stream text, text/plain, tracebacks)."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if "text" in out:
                out["text"] = ANSI.sub("", out["text"])
            if "traceback" in out:
                out["traceback"] = [ANSI.sub("", line) for line in out["traceback"]]
            data = out.get("data", {})
            if isinstance(data.get("text/plain"), str):
                data["text/plain"] = ANSI.sub("", data["text/plain"])
    return nb


def normalise_maths(nb):
    """Rewrite \\(…\\) as $…$ and \\[…\\] as $$…$$ in markdown cells (outside code).

    Jupyter renders both forms, but nbconvert's markdown parser eats the backslashes, so
    MathJax would never see them and the reader would get raw TeX."""
    def fix(text):
        text = re.sub(r"\\\((.+?)\\\)", lambda m: "$" + m.group(1).strip() + "$", text, flags=re.S)
        return re.sub(r"\\\[(.+?)\\\]", lambda m: "$$" + m.group(1) + "$$", text, flags=re.S)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts, last = [], 0
            for m in CODE_IN_MARKDOWN.finditer(cell.source):
                parts += [fix(cell.source[last:m.start()]), m.group(0)]
                last = m.end()
            cell.source = "".join(parts + [fix(cell.source[last:])])
    return nb


def count_maths(nb, removed_tags=("setup", "nav")):
    """Number of formulas in the markdown cells that will be shown (code spans excluded)."""
    n = 0
    for cell in nb.cells:
        if cell.cell_type != "markdown" or set(cell.metadata.get("tags", [])) & set(removed_tags):
            continue
        n += len(MATHS.findall(CODE_IN_MARKDOWN.sub("", cell.source)))
    return n


HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)("[^>]*>)(.*?)(</a>)', re.S | re.I)


def rewrite_links(body, solution, index_href, solved=None):
    """Point links at the rendered pages.

    - x.ipynb(#frag) -> x.html(#frag), in any relative folder;
    - in a solution page, a bare x.ipynb with no solution of its own (text copied from the
      lesson) -> ../x.html, the lesson; `solved` is the set of notebook names that have one;
    - README.md (the contents) -> this site's index page;
    - in a student page, a link into solutions/ becomes its plain text.
    """
    def fix(m):
        pre, href, mid, text, post = m.groups()
        if re.match(r"[a-z][a-z0-9+.-]*:|#", href, re.I):        # absolute URL, mailto:, in-page anchor
            return m.group(0)
        path, _, frag = href.partition("#")
        if not solution and re.match(r"(\./)?solutions/", path):
            return text
        if path.endswith(".ipynb"):
            if solution and solved is not None and "/" not in path and path not in solved:
                path = "../" + path
            path = path[: -len(".ipynb")] + ".html"
        elif path.rsplit("/", 1)[-1] == "README.md":
            path, frag = index_href, ""
        return f"{pre}{path}{'#' + frag if frag else ''}{mid}{text}{post}"
    return HREF.sub(fix, body)


def nav_bar(prev, up, nxt, where):
    """prev/next: (href, title) or None; up: (href, text)."""
    esc = html.escape
    left = f'<a href="{esc(prev[0])}" rel="prev">← {esc(prev[1])}</a>' if prev else ""
    right = f'<a href="{esc(nxt[0])}" rel="next">{esc(nxt[1])} →</a>' if nxt else ""
    return (f'<nav class="handout-nav {where}"><span class="prev">{left}</span>'
            f'<span class="up"><a href="{esc(up[0])}">{esc(up[1])}</a></span>'
            f'<span class="next">{right}</span></nav>')


def find_first(candidates, what, hint):
    for p in candidates:
        if p.exists():
            return p
    raise SystemExit(f"handouts: {what} not found (looked in {', '.join(map(str, candidates))}). {hint}")


def copy_assets(out):
    """Copy MathJax 2 and require.js into OUT (once; a stamp file records the source)."""
    src = find_first(MATHJAX_SOURCES, "MathJax 2", "On Debian/Ubuntu: apt-get install libjs-mathjax")
    dest = out / "mathjax"
    stamp = dest / ".copied-from"
    if not (stamp.exists() and stamp.read_text() == str(src)):
        shutil.rmtree(dest, ignore_errors=True)
        for part in MATHJAX_PARTS:
            s, d = src / part, dest / part
            d.parent.mkdir(parents=True, exist_ok=True)
            if s.is_dir():
                shutil.copytree(s, d, symlinks=False)
            else:
                shutil.copy2(s, d)
        stamp.write_text(str(src))
    req = next((p for p in REQUIREJS_SOURCES if p.exists()), None)
    if req:
        (out / "static").mkdir(parents=True, exist_ok=True)
        shutil.copy2(req, out / "static" / "require.min.js")
    return req is not None


def make_exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from traitlets.config import Config

    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = {"setup", "nav"}
    # a predict-then-run experiment: its code stays, its result is not shown before the student predicts
    c.TagRemovePreprocessor.remove_all_outputs_tags = {"outcome"}
    c.HTMLExporter.embed_images = True            # markdown pictures too, not only outputs
    c.HTMLExporter.exclude_input_prompt = True    # no "In [3]:" (the hidden setup cells took 1 and 2)
    c.HTMLExporter.exclude_output_prompt = True
    class HandoutExporter(HTMLExporter):
        # nbconvert 6.5 re-validates the notebook after each of its ~11 preprocessors and
        # compiles a fresh JSON-schema validator every time: 90% of the rendering time. The
        # notebooks were validated when nbformat read them, so skip that.
        def _validate_preprocessor(self, nbc, preprocessor):
            pass

    exporter = HandoutExporter(config=c, template_name="lab",
                               extra_loaders=[DictLoader({"handout.html.j2": TEMPLATE})])
    exporter.template_file = "handout.html.j2"
    return exporter


def render_page(exporter, nb, *, title, depth, solution, nav_top, nav_bottom, index_href, has_require,
                solved=None):
    """Render one notebook node to a complete HTML page (a str)."""
    up = "../" * depth
    exporter.mathjax_url = f"{up}mathjax/MathJax.js?config={MATHJAX_CONFIG}"
    resources = {
        "metadata": {"name": title},
        "handout": {
            "css": CSS,
            "maths": count_maths(nb),
            "nav_top": nav_top,
            "nav_bottom": nav_bottom,
            "require_js_url": f"{up}static/require.min.js" if has_require else "",
        },
    }
    nb = normalise_maths(strip_ansi(nb))
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return rewrite_links(body, solution, index_href, solved)


def mathjax_tags(url):
    """MathJax for the index pages (summaries may hold maths), same config as the notebooks.
    messageStyle none: no "Loading [MathJax]…" box in a screenshot or a printout."""
    return (f'<script src="{url}"></script>\n<script type="text/x-mathjax-config">'
            "MathJax.Hub.Config({messageStyle: 'none', tex2jax: {inlineMath: [['$','$'], ['\\\\(','\\\\)']],"
            " processEscapes: true}});</script>")


def index_page(course_title, heading, intro, rows, depth, maths):
    esc = html.escape
    trs = "\n".join(
        f'<tr><td class="num">{esc(num)}</td><td><a href="{esc(href)}">{esc(title)}</a></td>'
        f"<td>{esc(summary)}</td><td>{extra}</td></tr>"
        for num, href, title, summary, extra in rows)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="handout-maths" content="{maths}">
<title>{esc(heading)}</title>
<style>{INDEX_CSS}</style>
{mathjax_tags("../" * depth + f"mathjax/MathJax.js?config={MATHJAX_CONFIG}")}
</head>
<body>
<h1>{esc(course_title)}</h1>
<h2>{esc(heading)}</h2>
{intro}
<table>
<thead><tr><th>#</th><th>Notebook</th><th>What it covers</th><th>PDF</th></tr></thead>
<tbody>
{trs}
</tbody>
</table>
</body>
</html>
"""


def course_title():
    readme = REPO / "README.md"
    if readme.exists():
        m = re.search(r"^# (.+)$", readme.read_text(encoding="utf-8"), re.M)
        if m:
            return m.group(1).strip()
    return "Course handouts"


# ------------------------------------------------------------ the site ------

def build(executed, out, notebooks_dir=None, log=print):
    """Render every lesson (and its solution, if any) from the executed copies under `executed`.

    Lessons are the notebooks tools/contents.py lists (notebooks/NN-*.ipynb); their executed
    copies are executed/notebooks/NN-*.ipynb and executed/notebooks/solutions/NN-*.ipynb, as
    tools/run_notebooks.py --out writes them. Returns the number of problems (0 = all rendered).
    """
    import nbformat

    notebooks_dir = Path(notebooks_dir or contents.NOTEBOOKS)
    rel = notebooks_dir.resolve().relative_to(REPO) if notebooks_dir.resolve().is_relative_to(REPO) else Path(notebooks_dir.name)
    lessons = sorted(notebooks_dir.glob("[0-9][0-9]-*.ipynb"))
    if not lessons:
        log(f"handouts: no notebooks in {notebooks_dir}")
        return 1

    # Titles and summaries from the committed notebooks, exactly as in README's contents.
    items = []
    for p in lessons:
        title, summary = contents.title_and_summary(contents.load(p), p)
        items.append((p, title, summary))
    sol_items = [(p, t, s) for p, t, s in items if (notebooks_dir / "solutions" / p.name).exists()]

    # Start clean (keep the MathJax copy), so deleted notebooks leave no stale pages.
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.html"), out / "pdf", out / "screenshots", out / "solutions"]:
        shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
    (out / "solutions").mkdir()
    has_require = copy_assets(out)
    exporter = make_exporter()

    problems = 0
    for solution, group, subdir in ((False, items, Path()), (True, sol_items, Path("solutions"))):
        depth = len(subdir.parts)
        for k, (path, title, _) in enumerate(group):
            src = executed / rel / subdir / path.name
            committed = notebooks_dir / subdir / path.name
            shown = (Path(rel) / subdir / path.name).as_posix()
            if not src.exists():
                log(f"  FAIL  {shown}: no executed copy {src} (run ./course run first)")
                problems += 1
                continue
            if src.stat().st_mtime < committed.stat().st_mtime:
                log(f"  FAIL  {shown}: executed copy is older than the notebook (run ./course run first)")
                problems += 1
                continue
            prev = (group[k - 1][0].stem + ".html", group[k - 1][1]) if k > 0 else None
            nxt = (group[k + 1][0].stem + ".html", group[k + 1][1]) if k + 1 < len(group) else None
            if solution:
                up = ("index.html", "Solutions: contents")
                note = (f'<p class="handout-note">Solutions. The lesson without them: '
                        f'<a href="../{html.escape(path.stem)}.html">{html.escape(title)}</a>.</p>')
            else:
                up, note = ("index.html", "Contents"), ""
            t0 = time.monotonic()
            executed_nb = nbformat.read(str(src), as_version=4)
            for problem in output_problems(executed_nb, shown):
                log(f"  FAIL  {problem}")
                problems += 1
            page = render_page(
                exporter, executed_nb,
                title=title + (" (solutions)" if solution else ""), depth=depth, solution=solution,
                nav_top=nav_bar(prev, up, nxt, "top") + note,
                nav_bottom=nav_bar(prev, up, nxt, "bottom"), index_href="index.html",
                has_require=has_require, solved={p.name for p, _, _ in sol_items})
            target = out / subdir / (path.stem + ".html")
            target.write_text(page, encoding="utf-8")
            log(f"  html  {target.relative_to(out).as_posix()}  {time.monotonic() - t0:4.1f} s")

    maths = lambda group: sum(len(MATHS.findall(s)) for _, _, s in group)  # noqa: E731
    rows = [(p.name[:2], p.stem + ".html", t, s, f'<a href="pdf/{html.escape(p.stem)}.pdf">PDF</a>')
            for p, t, s in items]
    (out / "index.html").write_text(index_page(
        course_title(), "Contents", "", rows, 0, maths(items)), encoding="utf-8")
    rows = [(p.name[:2], p.stem + ".html", t, s, f'<a href="pdf/{html.escape(p.stem)}.pdf">PDF</a>')
            for p, t, s in sol_items]
    intro = ('<p class="handout-note">Solutions to the exercises, for the teacher. This folder '
             '(<code>solutions/</code>) is separate: leave it out when you share the handouts. '
             '<a href="../index.html">The lessons</a>.</p>')
    (out / "solutions" / "index.html").write_text(index_page(
        course_title(), "Solutions", intro, rows, 1, maths(sol_items)), encoding="utf-8")
    log(f"handouts: {len(items)} lesson(s), {len(sol_items)} solution(s) -> {out}")
    return problems


def check_output(executed, log=print):
    """output_problems for every executed notebook under `executed` (as run_notebooks.py --out writes them)."""
    import nbformat
    paths = sorted(Path(executed).rglob("[0-9][0-9]-*.ipynb"))
    problems = []
    for p in paths:
        problems += output_problems(nbformat.read(str(p), as_version=4), p.relative_to(executed).as_posix())
    for problem in problems:
        log(f"  FAIL  {problem}")
    log(f"output check: {len(paths)} notebook(s), {len(problems)} problem(s)")
    return 1 if problems or not paths else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--executed", type=Path, default=REPO / "build" / "executed",
                    help="executed copies, as written by run_notebooks.py --out")
    ap.add_argument("--out", type=Path, default=REPO / "build" / "handouts")
    ap.add_argument("--check-output", action="store_true",
                    help="only check the executed notebooks' output (line width, check echoes); render nothing")
    args = ap.parse_args(argv)
    if args.check_output:
        return check_output(args.executed)
    t0 = time.monotonic()
    problems = build(args.executed, args.out)
    print(f"handouts: rendered in {time.monotonic() - t0:.1f} s"
          + (f", {problems} problem(s)" if problems else ""), flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
