"""Unit tests for the static checks of tools/run_notebooks.py (standard library only).

Run: python3 -m unittest -v tools/test_run_notebooks.py
Each rule must accept a clean notebook and catch its own kind of violation.
"""
import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_notebooks as rn  # noqa: E402


def code(src, tags=None, **meta):
    if tags:
        meta["tags"] = tags
    return {"cell_type": "code", "execution_count": None, "metadata": meta,
            "outputs": [], "source": src}


def clean_notebook():
    return {
        "nbformat": 4, "nbformat_minor": 4,
        "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"},
                     "language_info": {"name": "java"}},
        "cells": [
            code("%jars ../target/gated-memory-all.jar", tags=["setup"]),
            {"cell_type": "markdown", "metadata": {}, "source": "# Title\n\nWe never use %maven here."},
            code('System.out.println("h_t = " + 1); // display("not code")',
                 course={"expect": ["^h_t"]}),
            code(["var img = chart();\n", "String id = display(img);\n", "GatePlots.display(chart, \"x\");"],
                 tags=["plot"]),
        ],
    }


def problems(nb):
    """Run every static check, through a real file on disk like the harness does."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "nb.ipynb"
        path.write_text(json.dumps(nb), encoding="utf-8")
        loaded = json.loads(path.read_text(encoding="utf-8"))
        return {name: check(loaded) for name, check in rn.STATIC_CHECKS}


class StaticChecks(unittest.TestCase):
    def assertOnly(self, nb, check, fragment):
        found = problems(nb)
        self.assertTrue(found[check], f"{check} should fail")
        self.assertIn(fragment, " ".join(found[check]))
        for name, p in found.items():
            if name != check:
                self.assertEqual(p, [], f"{name} should pass")

    def test_clean_notebook_passes(self):
        self.assertEqual(problems(clean_notebook()), {name: [] for name, _ in rn.STATIC_CHECKS})

    # (a) outputs cleared
    def test_outputs_left_in(self):
        nb = clean_notebook()
        nb["cells"][2]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "h_t = 1\n"}]
        self.assertOnly(nb, "outputs cleared", "output")

    def test_execution_count_left_in(self):
        nb = clean_notebook()
        nb["cells"][2]["execution_count"] = 3
        self.assertOnly(nb, "outputs cleared", "execution_count")

    # (b) portable subset
    def test_maven_magic(self):
        nb = clean_notebook()
        nb["cells"][2]["source"] = "%maven org.knowm.xchart:xchart:3.8.8"
        self.assertOnly(nb, "portable subset", "%maven")

    def test_dependency_and_loadfrompom(self):
        for magic in ("%dependency /add-repo x", "%%loadFromPOM\n<dependency/>"):
            nb = clean_notebook()
            nb["cells"][3]["source"] = magic
            self.assertOnly(nb, "portable subset", "forbidden magic")

    def test_other_magic_outside_setup(self):
        nb = clean_notebook()
        nb["cells"][2]["source"] = "%jars other.jar"
        self.assertOnly(nb, "portable subset", "only %jars in the first code cell")

    def test_jars_glob(self):
        nb = clean_notebook()
        nb["cells"][0]["source"] = "%jars ../target/*.jar"
        self.assertOnly(nb, "portable subset", "no glob")

    def test_jars_folder(self):
        nb = clean_notebook()
        nb["cells"][0]["source"] = "%jars ../target/"
        self.assertOnly(nb, "portable subset", "no folder")

    def test_jars_two_paths(self):
        nb = clean_notebook()
        nb["cells"][0]["source"] = "%jars a.jar b.jar"
        self.assertOnly(nb, "portable subset", "exactly one jar")

    def test_two_jars_lines(self):
        nb = clean_notebook()
        nb["cells"][0]["source"] = "%jars a.jar\n%jars b.jar"
        self.assertOnly(nb, "portable subset", "exactly one %jars line")

    def test_java_beside_jars(self):
        nb = clean_notebook()
        nb["cells"][0]["source"] = "%jars a.jar\nimport gated.*;"
        self.assertOnly(nb, "portable subset", "alone in its cell")

    def test_no_jars_line(self):
        nb = clean_notebook()
        nb["cells"][0]["source"] = "int x = 1;"
        self.assertOnly(nb, "portable subset", "found 0")

    def test_display_with_mime_type(self):
        for call in ('display("image/png", img);', 'display(img, "image/png");',
                     'String id = display(table.print(), "text/plain");'):
            nb = clean_notebook()
            nb["cells"][3]["source"] = call
            self.assertOnly(nb, "portable subset", "two arguments")

    def test_display_of_string(self):
        nb = clean_notebook()
        nb["cells"][3]["source"] = 'display("loss = " + loss);'
        self.assertOnly(nb, "portable subset", "of a string")

    def test_display_lookalikes_are_fine(self):
        nb = clean_notebook()
        nb["cells"][3]["source"] = ('display(plot(a, b));\n'
                                    'Plots.display(chart, "x");\n'
                                    'myDisplay("x", 2);\n'
                                    'System.out.println("display(\\"x\\", 1)");\n'
                                    '/* display("x", y) */')
        self.assertEqual(problems(nb)["portable subset"], [])

    # (c) kernelspec
    def test_kernelspec_name(self):
        nb = clean_notebook()
        nb["metadata"]["kernelspec"]["name"] = "ijava"
        self.assertOnly(nb, "kernelspec java", "'ijava'")

    def test_kernelspec_missing(self):
        nb = clean_notebook()
        del nb["metadata"]["kernelspec"]
        self.assertOnly(nb, "kernelspec java", "None")

    # (d) setup tag
    def test_setup_tag_missing(self):
        nb = clean_notebook()
        nb["cells"][0]["metadata"] = {}
        self.assertOnly(nb, "setup cell tagged", "not tagged")


class ExecutedChecks(unittest.TestCase):
    """check_executed works on plain dicts too, so it can be tested without a kernel."""

    def executed(self):
        nb = clean_notebook()
        nb["cells"][2]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "h_t = 1\n"}]
        nb["cells"][3]["outputs"] = [{"output_type": "display_data", "data": {"image/png": "iVBOR"}, "metadata": {}}]
        return nb

    def test_good_run(self):
        self.assertEqual(rn.check_executed(self.executed()), [])

    def test_error_stderr_plot_expect(self):
        cases = [
            (2, {"output_type": "error", "ename": "EvalException", "evalue": "boom", "traceback": []}, "error"),
            (2, {"output_type": "stream", "name": "stderr", "text": "SLF4J: No providers\n"}, "stderr"),
        ]
        for i, out, word in cases:
            nb = self.executed()
            nb["cells"][i]["outputs"].append(copy.deepcopy(out))
            self.assertIn(word, " ".join(rn.check_executed(nb)))
        nb = self.executed()
        nb["cells"][3]["outputs"] = []
        self.assertIn("no image/png", " ".join(rn.check_executed(nb)))
        nb = self.executed()
        nb["cells"][2]["outputs"][0]["text"] = "c_t = 1\n"
        self.assertIn("no stdout line matches", " ".join(rn.check_executed(nb)))


    def test_raises_exception_tag(self):
        nb = self.executed()
        error = {"output_type": "error", "ename": "IllegalArgumentException", "evalue": "bad shape", "traceback": []}
        nb["cells"][2]["metadata"]["tags"] = ["raises-exception"]
        nb["cells"][2]["execution_count"] = 2
        self.assertIn("raised nothing", " ".join(rn.check_executed(nb)))   # tagged, but no error: fails
        nb["cells"][2]["outputs"].append(dict(error))
        self.assertEqual(rn.check_executed(nb), [])                         # tagged and raised: passes
        nb["cells"][3]["outputs"].append(dict(error))                       # an untagged cell still fails
        self.assertIn("error IllegalArgumentException", " ".join(rn.check_executed(nb)))


    def test_expected_error_is_named_and_one_line(self):
        nb = self.executed()
        nb["cells"][2]["metadata"] = {"tags": ["raises-exception"], "course": {"error": "^IllegalArgumentException: forget gate: W_f is 3×7"}}
        error = {"output_type": "error", "ename": "IllegalArgumentException",
                 "evalue": "forget gate: W_f is 3×7 but [h_{t-1}; x_t] has 8 rows",
                 "traceback": ["\x1b[1;31mIllegalArgumentException: forget gate: W_f is 3×7 but [h_{t-1}; x_t] has 8 rows\x1b[0m"]}
        nb["cells"][2]["outputs"].append(copy.deepcopy(error))
        self.assertEqual(rn.check_executed(nb), [])
        nb["cells"][2]["outputs"][-1]["traceback"] += ["\tat gated.cell.LstmCell.step(LstmCell.java:80)", ""]
        self.assertIn("2 lines, not one", " ".join(rn.check_executed(nb)))
        nb["cells"][2]["outputs"][-1] = dict(error, evalue="index 8 out of bounds")
        self.assertIn("does not match", " ".join(rn.check_executed(nb)))


class ExecutionHelpers(unittest.TestCase):
    def result(self, path, seconds, start=0.5, rss=300.0, ok=True):
        return {"path": path, "shown": path, "ok": ok, "seconds": seconds, "start": start, "rss_mb": rss,
                "cells": [(1, 0.2), (3, seconds / 2)], "start_problems": []}

    def test_time_table_totals_and_targets(self):
        results = [self.result("notebooks/00-a.ipynb", 4.0, start=1.0),
                   self.result("notebooks/01-b.ipynb", 12.0, start=3.0, rss=900.0),
                   self.result("notebooks/solutions/01-b.ipynb", 20.0, start=1.5, ok=False)]
        text = "\n".join(rn.time_table(results, wall=25.0))
        self.assertIn("median 1.50 s, max 3.00 s", text)
        self.assertIn("lessons: 16.0 s in all for 2; the 2 of the speed target 16.0 s (target < 60 s, met)", text)
        self.assertIn("over 10 s: 1 (01-b)", text)
        self.assertIn("all: 36.0 s in all for 3 notebook(s); the 3 of the speed target 36.0 s", text)
        with_lm = results + [self.result("notebooks/17-char-language-model.ipynb", 45.0)]
        text2 = "\n".join(rn.time_table(with_lm, wall=70.0))
        self.assertIn("lessons: 61.0 s in all for 3; the 2 of the speed target 16.0 s (target < 60 s, met)", text2)
        self.assertIn("the language model (17-char-language-model): 45.0 s (target < 60 s, met)", text2)
        self.assertIn("over 10 s: 1 (01-b)", text2)
        self.assertIn("wall clock 25.0 s", text)
        self.assertIn("max 900 MiB (notebooks/01-b.ipynb)", text)
        self.assertIn("OVER 10 s", [l for l in text.splitlines() if l.endswith("01-b.ipynb  OVER 10 s")][0])
        self.assertTrue(any(l.strip().startswith("FAIL") and "solutions" in l for l in text.splitlines()))

    def test_kernel_starts_are_taken_one_at_a_time(self):
        # While one worker starts a kernel (ports chosen, not yet bound), another worker's start waits.
        probe = ("import fcntl, sys\n"
                 "f = open(sys.argv[1], 'w')\n"
                 "try:\n    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB); print('free')\n"
                 "except BlockingIOError:\n    print('held')\n")
        with rn.one_start_at_a_time() as starting:
            held = subprocess.run([sys.executable, "-c", probe, str(rn.START_LOCK)], capture_output=True, text=True)
            self.assertEqual(held.stdout.strip(), "held")
            starting.release()
            free = subprocess.run([sys.executable, "-c", probe, str(rn.START_LOCK)], capture_output=True, text=True)
            self.assertEqual(free.stdout.strip(), "free")

    def test_loopback_works_here_and_logs_are_private(self):
        self.assertIsNone(rn.loopback_problem())
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "logs" / "k.log"
            with rn.private_log(path) as log:
                log.write(b"line one\n\n[info] course kernel: cannot listen on tcp://127.0.0.1:1\n")
            self.assertEqual(path.stat().st_mode & 0o777, 0o600)
            self.assertEqual(path.parent.stat().st_mode & 0o777, 0o700)
            self.assertEqual(rn.log_tail(path, 1), "[info] course kernel: cannot listen on tcp://127.0.0.1:1")

    def test_compile_and_run_times_from_the_kernel_log(self):
        with tempfile.TemporaryDirectory() as d:
            log = Path(d) / "k.log"
            log.write_text("[info] course kernel: listening on tcp://127.0.0.1 shell 1\n"
                           "[info] course kernel: cell 1: 9.00 s, of which running 1.00 s\n"
                           "[info] course kernel: listening on tcp://127.0.0.1 shell 2\n"   # a second start
                           "[info] course kernel: cell 1: 0.50 s, of which running 0.25 s\n"
                           "[info] course kernel: cell 2: 2.00 s, of which running 1.50 s\n")
            self.assertEqual(rn.compile_and_run(log), (0.75, 1.75))
            self.assertEqual(rn.compile_and_run(Path(d) / "missing.log"), (None, None))

    def test_longest_notebooks_start_first(self):
        with tempfile.TemporaryDirectory() as d:
            saved, rn.TIMES_FILE = rn.TIMES_FILE, Path(d) / "times.json"
            try:
                a, b, c = (rn.REPO / "notebooks" / n for n in ("a.ipynb", "b.ipynb", "c.ipynb"))
                rn.TIMES_FILE.write_text(json.dumps({"notebooks/b.ipynb": 30, "notebooks/c.ipynb": 5}))
                self.assertEqual(rn.longest_first([a, b, c]), [b, c, a])
            finally:
                rn.TIMES_FILE = saved


class StartProblems(unittest.TestCase):
    """The harness's handling of kernels that never answer or die at start, with stand-in kernels
    (a process that only sleeps; one that prints a reason and exits), through nbclient."""

    def run_with(self, argv):
        with tempfile.TemporaryDirectory() as d:
            spec = Path(d) / "kernels" / "java"
            spec.mkdir(parents=True)
            (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "stand-in", "language": "java"}))
            nb = Path(d) / "nb.ipynb"
            nb.write_text(json.dumps(clean_notebook()))
            saved = os.environ.get("COURSE_KERNELSPECS")
            os.environ["COURSE_KERNELSPECS"] = str(Path(d))
            try:
                return rn.execute(nb, None, 30, startup_timeout=2)
            finally:
                if saved is None:
                    del os.environ["COURSE_KERNELSPECS"]
                else:
                    os.environ["COURSE_KERNELSPECS"] = saved

    def test_a_kernel_that_never_answers_is_a_hang_each_time_and_fails(self):
        r = self.run_with([sys.executable, "-c", "import time; time.sleep(60)", "{connection_file}"])
        self.assertEqual(len(r["start_problems"]), rn.STARTUP_ATTEMPTS)
        self.assertTrue(all(p.startswith("HANG") for p in r["start_problems"]), r["start_problems"])
        self.assertIn("the kernel did not start", " ".join(r["problems"]))

    def test_a_kernel_that_dies_is_reported_with_the_cause_from_its_log(self):
        r = self.run_with([sys.executable, "-c", "import sys; print('course kernel: cannot listen on "
                           "tcp://127.0.0.1:1 (shell channel): Address already in use', file=sys.stderr); sys.exit(3)",
                           "{connection_file}"])
        self.assertTrue(r["start_problems"][0].startswith("START FAILURE"), r["start_problems"])
        self.assertIn("Address already in use", r["start_problems"][0])


if __name__ == "__main__":
    unittest.main()
