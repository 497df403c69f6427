#!/usr/bin/env python3
"""Unit tests of tools/workspace.py: the copy is made once and never overwritten;
status, diff and fresh tell the student what the course changed."""
import io
import json
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import workspace  # noqa: E402


def nb(*sources):
    return json.dumps({"cells": [{"cell_type": "markdown" if s.startswith("#") else "code", "metadata": {},
                                  "source": s, **({} if s.startswith("#") else {"outputs": [], "execution_count": None})}
                                 for s in sources], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}, indent=1)


def run(*args):
    out = io.StringIO()
    with redirect_stdout(out):
        workspace.main([str(a) for a in args])
    return out.getvalue()


class Workspace(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.src = self.tmp / "course" / "notebooks"
        (self.src / "solutions").mkdir(parents=True)
        (self.src / "01-a.ipynb").write_text(nb("# A", "int x = 1;"))
        (self.src / "02-b.ipynb").write_text(nb("# B", "int y = 2;"))
        (self.src / "solutions" / "01-a.ipynb").write_text(nb("# A solved", "int x = 1;"))
        (self.src / "AUTHORING.md").write_text("for authors")
        self.jars = self.tmp / "course" / "target"
        self.jars.mkdir()
        (self.jars / "gated-memory-all.jar").write_bytes(b"jar")
        self.dest = self.tmp / "home" / "gated-memory" / "work"

    def sync(self):
        return run("sync", "--src", self.src, "--dest", self.dest, "--jar-dir", self.jars)

    def status(self):
        return run("status", "--src", self.src, "--dest", self.dest)

    def test_first_sync_copies_course_files_privately_and_links_the_jar_folder(self):
        out = self.sync()
        self.assertIn("made", out)
        self.assertEqual(sorted(str(p.relative_to(self.dest)) for p in self.dest.rglob("*.ipynb")
                                if ".course-base" not in p.parts),
                         ["01-a.ipynb", "02-b.ipynb", "solutions/01-a.ipynb"])
        self.assertFalse((self.dest / "AUTHORING.md").exists())
        self.assertEqual(os.stat(self.dest).st_mode & 0o777, 0o700)
        # %jars ../target/... from work/ and ../../target/... from work/solutions/ both resolve.
        self.assertTrue((self.dest / ".." / "target" / "gated-memory-all.jar").exists())
        self.assertTrue((self.dest / "solutions" / ".." / ".." / "target" / "gated-memory-all.jar").exists())

    def test_never_overwrites_and_reports_course_changes(self):
        self.sync()
        mine = nb("# A", "int x = 42; // my answer")
        (self.dest / "01-a.ipynb").write_text(mine)
        (self.src / "01-a.ipynb").write_text(nb("# A, revised", "int x = 1;"))
        (self.src / "02-b.ipynb").write_text(nb("# B, revised", "int y = 2;"))
        (self.src / "03-c.ipynb").write_text(nb("# C", "int z = 3;"))
        out = self.sync()
        self.assertEqual((self.dest / "01-a.ipynb").read_text(), mine)
        self.assertIn("03-c.ipynb", out)                       # a new lesson arrives
        self.assertIn("changed 2 notebook(s)", out)
        st = self.status()
        self.assertRegex(st, r"both changed\s+01-a.ipynb")
        self.assertRegex(st, r"course changed\s+02-b.ipynb")
        self.assertNotIn("03-c", st)                          # unchanged copies are not listed
        diff = run("diff", "01", "--src", self.src, "--dest", self.dest)
        self.assertIn("-# A\n", diff)
        self.assertIn("+# A, revised\n", diff)
        out = run("fresh", "01-a", "--src", self.src, "--dest", self.dest)
        self.assertIn("01-a.course-latest.ipynb", out)
        self.assertEqual((self.dest / "01-a.course-latest.ipynb").read_text(), (self.src / "01-a.ipynb").read_text())
        self.assertEqual((self.dest / "01-a.ipynb").read_text(), mine)
        run("fresh", "01-a", "--src", self.src, "--dest", self.dest)
        self.assertTrue((self.dest / "01-a.course-latest-2.ipynb").exists())
        self.sync()                                            # fresh copies are not course files
        self.assertEqual((self.dest / "01-a.ipynb").read_text(), mine)

    def test_a_resave_without_edits_is_not_an_edit(self):
        self.sync()
        data = json.loads((self.dest / "02-b.ipynb").read_text())
        data["metadata"]["kernelspec"] = {"name": "java"}
        data["cells"][1]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "2\n"}]
        (self.dest / "02-b.ipynb").write_text(json.dumps(data))
        self.assertNotIn("02-b", self.status())
        data["cells"][1]["source"] = "int y = 3;"
        (self.dest / "02-b.ipynb").write_text(json.dumps(data))
        self.assertRegex(self.status(), r"edited by you\s+02-b.ipynb")

    def test_a_deleted_copy_comes_back_fresh(self):
        self.sync()
        (self.dest / "02-b.ipynb").unlink()
        (self.src / "02-b.ipynb").write_text(nb("# B, revised", "int y = 2;"))
        self.sync()
        self.assertEqual((self.dest / "02-b.ipynb").read_text(), (self.src / "02-b.ipynb").read_text())
        self.assertNotIn("02-b", self.status())

    def test_refuses_a_symlinked_workspace(self):
        elsewhere = self.tmp / "elsewhere"
        elsewhere.mkdir()
        self.dest.parent.mkdir(parents=True)
        os.symlink(elsewhere, self.dest)
        with self.assertRaises(SystemExit):
            self.sync()
        self.assertEqual(list(elsewhere.iterdir()), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
