"""Unit tests of tools/handouts.py: no kernel, no browser; renders synthetic executed notebooks.

    python3 -m unittest -v tools/test_handouts.py      (./course test runs it)
"""
import base64
import json
import re
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import handouts  # noqa: E402

# A 1×1 PNG.
PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f2a6"
    "1d0000000049454e44ae426082")).decode()


def md(text, tags=()):
    return {"cell_type": "markdown", "metadata": {"tags": list(tags)} if tags else {}, "source": text}


def code(text, outputs=(), tags=(), n=None):
    return {"cell_type": "code", "metadata": {"tags": list(tags)} if tags else {}, "source": text,
            "execution_count": n, "outputs": list(outputs)}


def stream(text):
    return {"output_type": "stream", "name": "stdout", "text": text}


def notebook(cells):
    return {"cells": cells, "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"},
                                         "language_info": {"name": "java"}},
            "nbformat": 4, "nbformat_minor": 4}


def lesson(num, title, solved, next_name=None, executed=True):
    """A lesson in the course's shape; `executed` adds outputs like a kernel run would."""
    o = executed
    nav = "---\n[Contents](../README.md#contents)"
    if next_name:
        nav += f" · [next →]({next_name})"
    if not solved:
        nav += f"\n\nSolutions to the exercises: [solutions/{num}.ipynb](solutions/{num}.ipynb)."
    return notebook([
        md(f"# {title}\n\nThe gate $f_t = \\sigma(z)$ keeps memory; see [the first one](01-first.ipynb).\n\n"
           "Inline \\(h_t = o_t \\odot \\tanh(c_t)\\) and display \\[c_t = f_t c_{t-1}\\] "
           "and `price $5` in code."),
        code("%jars ../target/gated-memory-all.jar", [stream("\x1b[32mAdded jar\x1b[0m SETUP-OUTPUT\n")] if o else [],
             tags=["setup"], n=1 if o else None),
        code("import gated.*; // SETUP-IMPORTS", tags=["setup"], n=2 if o else None),
        code('System.out.println(RED + "red" + RESET + " text");', [stream("\x1b[31mred\x1b[0m text\n")] if o else [],
             n=3 if o else None),
        code("display(img);", [{"output_type": "display_data", "metadata": {},
                                "data": {"image/png": PNG, "text/plain": "img"}}] if o else [],
             tags=["plot"], n=4 if o else None),
        md("## Exercises\n\n1. Compute $\\sigma(0)$."),
        code("double answer = 0.5; // SOLVED" if solved else "double answer = Double.NaN; // PLACEHOLDER",
             n=5 if o else None),
        md(nav, tags=["nav"]),
    ])


class Helpers(unittest.TestCase):
    def test_rewrite_links(self):
        body = ('<a href="02-next.ipynb">n</a> <a href="../README.md#contents">c</a> '
                '<a href="solutions/01-a.ipynb">sol</a> <a href="https://example.org/x.ipynb">web</a> '
                '<a href="#Top">top</a> <a href="02-next.ipynb#Exercises">ex</a>')
        out = handouts.rewrite_links(body, False, "index.html")
        self.assertIn('<a href="02-next.html">n</a>', out)
        self.assertIn('<a href="index.html">c</a>', out)
        self.assertIn(" sol ", out)                                   # link into solutions/ -> text
        self.assertNotIn("solutions/", out)
        self.assertIn('href="https://example.org/x.ipynb"', out)     # absolute URLs untouched
        self.assertIn('href="#Top"', out)
        self.assertIn('href="02-next.html#Exercises"', out)

    def test_rewrite_links_in_solutions(self):
        body = '<a href="01-a.ipynb">own</a> <a href="02-b.ipynb">lesson only</a> <a href="../01-a.ipynb">back</a>'
        out = handouts.rewrite_links(body, True, "index.html", solved={"01-a.ipynb"})
        self.assertIn('href="01-a.html">own', out)
        self.assertIn('href="../02-b.html">lesson only', out)
        self.assertIn('href="../01-a.html">back', out)

    def test_strip_ansi_and_maths(self):
        import nbformat
        nb = nbformat.from_dict(lesson("01-a", "01 A", solved=False))
        handouts.strip_ansi(nb)
        texts = [o["text"] for c in nb.cells for o in c.get("outputs", []) if "text" in o]
        self.assertEqual(texts[1], "red text\n")
        self.assertFalse(any("\x1b" in t for t in texts))
        self.assertEqual(handouts.count_maths(nb), 4)    # $f_t…$, \(…\), \[…\], $\sigma(0)$; not `price $5`
        handouts.normalise_maths(nb)
        self.assertIn("$h_t = o_t \\odot \\tanh(c_t)$", nb.cells[0].source)
        self.assertIn("$$c_t = f_t c_{t-1}$$", nb.cells[0].source)
        self.assertIn("`price $5`", nb.cells[0].source)


@unittest.skipUnless(any(p.exists() for p in handouts.MATHJAX_SOURCES), "no MathJax 2 on this machine")
class OutputCheck(unittest.TestCase):
    """Handout output: no line over 110 characters, check echoes under 5 % of the lines."""

    def nb(self, *texts, tags=()):
        return notebook([code("x", [stream(t)], tags=tags, n=1) for t in texts])

    def test_quiet_narrow_output_passes(self):
        self.assertEqual(handouts.output_problems(self.nb("h_t = [0.1, 0.2]\n" * 30), "a"), [])

    def test_a_long_line_fails_and_is_named(self):
        problems = handouts.output_problems(self.nb("x" * 111 + "\n", "fine\n"), "a.ipynb")
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("a.ipynb: cell 0 prints a line of 111 characters", problems[0])
        self.assertEqual(handouts.output_problems(self.nb("x" * 110 + "\n"), "a"), [])

    def test_check_echoes_count_but_exercise_feedback_does_not(self):
        echoes = "✓ h_t = 0.96\n" + "value\n" * 18            # 1 of 19 lines: 5.3 %
        self.assertEqual(len(handouts.output_problems(self.nb(echoes), "a")), 1)
        fewer = "✓ h_t = 0.96\n" + "value\n" * 20             # 1 of 21 lines: 4.8 %
        self.assertEqual(handouts.output_problems(self.nb(fewer), "a"), [])
        feedback = "✓ Exercise 1: correct\n… Exercise 2: not answered yet\n"
        self.assertEqual(handouts.output_problems(self.nb(feedback), "a"), [])

    def test_hidden_cells_and_ansi_codes_are_not_counted(self):
        nb = self.nb("\x1b[32m" + "y" * 110 + "\x1b[0m\n")
        self.assertEqual(handouts.output_problems(nb, "a"), [])
        hidden = self.nb("z" * 200 + "\n", tags=["setup"])
        self.assertEqual(handouts.output_problems(hidden, "a"), [])


class Contents(unittest.TestCase):
    """A lesson with an "## Exercises" heading has solutions; the setup check and the appendix have none."""

    def test_has_exercises(self):
        import contents
        self.assertTrue(contents.has_exercises(lesson("01-first", "01 First", False)))
        appendix = notebook([md("# Appendix\n\nWhere this course comes from."), md("## References\n\n- a paper")])
        self.assertFalse(contents.has_exercises(appendix))
        self.assertFalse(contents.has_exercises(notebook([md("## Exercises to come later, in prose")])))


class Site(unittest.TestCase):
    """Build a two-lesson course with one solution from synthetic executed notebooks."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="handouts-test-"))
        nbs, ex = cls.tmp / "notebooks", cls.tmp / "executed" / "notebooks"
        (nbs / "solutions").mkdir(parents=True)
        (ex / "solutions").mkdir(parents=True)
        files = {"01-first.ipynb": lesson("01-first", "01 First", False, "02-second.ipynb"),
                 "02-second.ipynb": lesson("02-second", "02 Second", False),
                 "solutions/01-first.ipynb": lesson("01-first", "01 First", True, "02-second.ipynb")}
        for name, nb in files.items():
            clean = json.loads(json.dumps(nb))
            for c in clean["cells"]:
                if c["cell_type"] == "code":
                    c["outputs"], c["execution_count"] = [], None
            (nbs / name).write_text(json.dumps(clean), encoding="utf-8")
            (ex / name).write_text(json.dumps(nb), encoding="utf-8")
        cls.out = cls.tmp / "handouts"
        cls.log = []
        cls.problems = handouts.build(cls.tmp / "executed", cls.out, notebooks_dir=nbs, log=cls.log.append)
        cls.page = {p: (cls.out / p).read_text(encoding="utf-8") for p in
                    ["index.html", "01-first.html", "02-second.html", "solutions/index.html", "solutions/01-first.html"]}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_all_rendered(self):
        self.assertEqual(self.problems, 0, self.log)
        self.assertFalse((self.out / "solutions" / "02-second.html").exists())
        self.assertTrue((self.out / "mathjax" / "MathJax.js").exists())
        self.assertTrue((self.out / "mathjax" / "config" / "TeX-AMS_CHTML-full.js").exists())

    def test_setup_and_nav_cells_hidden(self):
        for name, html in self.page.items():
            for marker in ("%jars", "SETUP-OUTPUT", "SETUP-IMPORTS", "Added jar", ".ipynb"):
                self.assertNotIn(marker, html, f"{marker} in {name}")

    def test_no_ansi(self):
        for name, html in self.page.items():
            self.assertNotIn("\x1b", html, name)
            self.assertFalse(re.search(r"\[3[0-9]m", html), f"ANSI code left in {name}")
        self.assertIn("<pre>red text", self.page["01-first.html"])

    def test_self_contained(self):
        for name, html in self.page.items():
            self.assertNotIn("file://", html, name)
            # No script, style, font or picture from elsewhere (URLs inside CSS comments are fine).
            refs = re.findall(r'''(?:src|href)\s*=\s*["']([^"']*)|url\(\s*["']?([^"')]*)|@import\s+["']([^"']*)''', html)
            for ref in (r for group in refs for r in group if r):
                self.assertFalse(re.match(r"(https?:)?//", ref), f"{name} refers to {ref}")
        depth = {"01-first.html": "", "solutions/01-first.html": "../"}
        for name, up in depth.items():
            self.assertIn(f'src="{up}mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"', self.page[name])
        self.assertIn('src="data:image/png;base64,', self.page["01-first.html"])

    def test_exercises_without_solutions(self):
        self.assertIn("PLACEHOLDER", self.page["01-first.html"])
        self.assertNotIn("SOLVED", self.page["01-first.html"])
        self.assertIn("SOLVED", self.page["solutions/01-first.html"])
        for name in ("index.html", "01-first.html", "02-second.html"):
            self.assertNotRegex(self.page[name], r'href="[^"]*solutions', name)

    def test_navigation(self):
        first, second = self.page["01-first.html"], self.page["02-second.html"]
        self.assertIn('href="02-second.html" rel="next"', first)
        self.assertIn('href="01-first.html" rel="prev"', second)
        self.assertIn('href="01-first.html">the first one</a>', second)   # markdown link rewritten
        self.assertIn('<a href="index.html">Contents</a>', first)
        self.assertEqual(first.count('class="handout-nav'), 2)               # top and bottom
        sol = self.page["solutions/01-first.html"]
        self.assertIn('href="../01-first.html"', sol)                       # back to the lesson
        self.assertNotIn('rel="next"', sol)                                 # 02 has no solution

    def test_index(self):
        index = self.page["index.html"]
        self.assertIn('href="01-first.html">01 First</a>', index)
        self.assertIn("The gate $f_t = \\sigma(z)$ keeps memory;", index)  # the one-line summary
        self.assertIn('href="pdf/02-second.pdf"', index)
        self.assertIn('href="01-first.html">01 First</a>', self.page["solutions/index.html"])
        self.assertNotIn("02 Second", self.page["solutions/index.html"])

    def test_print_css(self):
        self.assertRegex(self.page["01-first.html"], r"@media print \{[^@]*break-inside: avoid")

    def test_stale_executed_copy_is_refused(self):
        out = self.tmp / "stale"
        src = self.tmp / "notebooks" / "02-second.ipynb"
        ex = self.tmp / "executed" / "notebooks" / "02-second.ipynb"
        t = ex.stat().st_mtime
        import os
        os.utime(src, (t + 10, t + 10))
        try:
            log = []
            self.assertEqual(handouts.build(self.tmp / "executed", out, notebooks_dir=src.parent, log=log.append), 1)
            self.assertTrue(any("older than the notebook" in line for line in log), log)
        finally:
            os.utime(src, (t, t))


if __name__ == "__main__":
    unittest.main()
