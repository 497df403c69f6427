#!/usr/bin/env python3
"""Which Python (and so which Jupyter) `./course open` picks, with fake environments.

There is no PyPI here, so the environments are fakes: a prefix whose
bin/python runs the real Python with a stub `jupyterlab` package on its path
(an env with JupyterLab), or runs it isolated from every installed package
(an env without Jupyter). `./course open --dry-run` prints the choice and
exits. The order under test: active conda env, active virtual env, the
project's .venv/, then Debian's packages; --lab explains what is missing.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = sys.executable          # a Python with nbclient, nbformat, nbconvert (the set-up picked it)


def fake_env(prefix, lab):
    """A prefix whose bin/python has JupyterLab (a stub) or no Jupyter at all."""
    (prefix / "bin").mkdir(parents=True)
    if lab:
        site = prefix / "site"
        (site / "jupyterlab").mkdir(parents=True)
        (site / "jupyterlab" / "__init__.py").write_text("__version__ = 'stub'\n")
        script = f'#!/bin/sh\nPYTHONPATH="{site}" exec "{REAL}" "$@"\n'
    else:
        script = f'#!/bin/sh\nexec "{REAL}" -I -S "$@"\n'      # no site-packages: no Jupyter
    py = prefix / "bin" / "python"
    py.write_text(script)
    py.chmod(0o755)
    return py


class PickPython(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="pick-python-"))
        self.project = self.tmp / "project"          # a copy of the entry point: its .venv/ is ours to fake
        self.project.mkdir()
        shutil.copy2(ROOT / "course", self.project / "course")
        self.conda_lab = fake_env(self.tmp / "conda-lab", lab=True)
        self.conda_bare = fake_env(self.tmp / "conda-bare", lab=False)
        self.venv_lab = fake_env(self.tmp / "venv-lab", lab=True)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def open(self, *args, **env):
        e = {k: v for k, v in os.environ.items() if k not in ("CONDA_PREFIX", "VIRTUAL_ENV")}
        e.update({k: str(v) for k, v in env.items()})
        return subprocess.run([str(self.project / "course"), "open", "--dry-run", *args], env=e,
                              capture_output=True, text=True, timeout=120)

    def chosen(self, r):
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        line = [l for l in r.stdout.splitlines() if l.startswith("would serve: ")]
        self.assertEqual(len(line), 1, r.stdout)
        return line[0]

    def test_active_conda_env_comes_first(self):
        line = self.chosen(self.open(CONDA_PREFIX=self.conda_lab.parent.parent, VIRTUAL_ENV=self.venv_lab.parent.parent))
        self.assertIn(f"{self.conda_lab} -m jupyter lab (conda env", line)

    def test_conda_env_without_jupyter_is_skipped_for_the_virtual_env(self):
        r = self.open(CONDA_PREFIX=self.conda_bare.parent.parent, VIRTUAL_ENV=self.venv_lab.parent.parent)
        self.assertIn(f"{self.venv_lab} -m jupyter lab (virtual env", self.chosen(r))
        self.assertIn("has no Jupyter", r.stdout)

    def test_project_venv_before_debian(self):
        fake_env(self.project / ".venv", lab=True)
        line = self.chosen(self.open())
        self.assertIn(f"{self.project}/.venv/bin/python -m jupyter lab (project venv", line)

    def test_active_virtual_env_before_project_venv(self):
        fake_env(self.project / ".venv", lab=True)
        line = self.chosen(self.open(VIRTUAL_ENV=self.venv_lab.parent.parent))
        self.assertIn("(virtual env", line)

    def test_project_venv_without_jupyter_falls_through_with_a_hint(self):
        if not Path("/etc/debian_version").exists():
            self.skipTest("the fall-through lands on Debian's packages")
        fake_env(self.project / ".venv", lab=False)
        r = self.open()
        self.assertIn("(Debian packages)", self.chosen(r))
        self.assertIn(".venv/bin/pip install jupyterlab", r.stdout)

    def test_debian_packages_serve_the_classic_notebook(self):
        if not Path("/etc/debian_version").exists():
            self.skipTest("not Debian")
        line = self.chosen(self.open())
        self.assertIn("/usr/bin/python3 -m jupyter", line)
        self.assertIn("(Debian packages)", line)

    def test_lab_without_jupyterlab_says_what_is_missing(self):
        if not Path("/etc/debian_version").exists():
            self.skipTest("Debian's packages have no JupyterLab; elsewhere the default Python may have it")
        r = self.open("--lab")
        if r.returncode == 0 and "jupyter lab" in r.stdout:
            self.skipTest("this machine's Debian Python has JupyterLab")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("JupyterLab is not installed", r.stderr)
        self.assertIn("python3 -m venv .venv && .venv/bin/pip install jupyterlab", r.stderr)
        self.assertIn("environment.yml", r.stderr)

    def test_lab_from_a_virtual_env(self):
        line = self.chosen(self.open("--lab", VIRTUAL_ENV=self.venv_lab.parent.parent))
        self.assertIn(f"{self.venv_lab} -m jupyter lab", line)

    def test_a_real_venv_is_taken(self):
        """A real venv (no PyPI here: it sees the system's packages instead of pip-installed ones)."""
        venv = self.tmp / "real-venv"
        r = subprocess.run([REAL, "-m", "venv", "--without-pip", "--system-site-packages", str(venv)],
                           capture_output=True, text=True)
        if r.returncode != 0:
            self.skipTest(f"cannot make a venv here: {r.stderr.strip()[:200]}")
        line = self.chosen(self.open(VIRTUAL_ENV=venv))
        self.assertIn(f"{venv}/bin/python -m jupyter", line)
        self.assertIn("(virtual env", line)


if __name__ == "__main__":
    unittest.main(verbosity=2)
