#!/usr/bin/env python3
"""`./course open` on a shared machine (issue 17): one real server, started the
way a student starts it, then checked from outside.

- it serves a workspace copy (COURSE_WORK, here under build/test-open/), and a
  notebook edited and saved through the server's contents API changes only
  that copy: notebooks/ and `git status` stay clean, the contents check passes;
- a kernel started for a workspace notebook finds ../target/gated-memory-all.jar;
- the runtime folder (which holds the token) is 0700 and its files 0600, and
  another local user cannot read the token (as root: runuser -u nobody);
- the user's own Jupyter config (~/.jupyter, ~/.local/etc/jupyter,
  JUPYTER_CONFIG_PATH) is not read by the course's server;
- the address printed is the one the server answers on, with its token, and a
  second `./course open` on a taken port refuses instead of moving.

Run by `./course test` with the Python the set-up picked; needs the library jar
and the kernel installed (the earlier phases do that).
"""
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nbremote  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TMP = ROOT / "build" / "test-open"
RUNTIME = ROOT / "build" / "jupyter" / "runtime"
NOTEBOOK = "00-setup-check.ipynb"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


HOSTILE_CONFIG = """
open({marker!r}, "w").write("the user's own Jupyter config was read")
"""


class CourseOpen(unittest.TestCase):
    proc = None

    @classmethod
    def setUpClass(cls):
        shutil.rmtree(TMP, ignore_errors=True)
        TMP.mkdir(parents=True)
        cls.work = TMP / "student" / "work"
        cls.home = TMP / "home"
        cls.markers = []
        # A user whose own Jupyter config, if read, leaves a marker file.
        for i, d in enumerate([cls.home / ".jupyter", cls.home / ".local" / "etc" / "jupyter", TMP / "cfgpath"]):
            d.mkdir(parents=True)
            marker = TMP / f"marker-{i}"
            cls.markers.append(marker)
            for name in ("jupyter_notebook_config.py", "jupyter_server_config.py"):
                (d / name).write_text(HOSTILE_CONFIG.format(marker=str(marker)))
        cls.port = free_port()
        env = dict(os.environ, HOME=str(cls.home), COURSE_PORT=str(cls.port), COURSE_WORK=str(cls.work),
                   JUPYTER_CONFIG_PATH=str(TMP / "cfgpath"))
        env.pop("DISPLAY", None)
        env.pop("PYTHONNOUSERSITE", None)
        cls.log = os.fdopen(os.open(TMP / "open.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w")
        cls.proc = subprocess.Popen([str(ROOT / "course"), "open"], cwd=ROOT, env=env,
                                    stdout=cls.log, stderr=subprocess.STDOUT, start_new_session=True)
        cls.url = None
        deadline = time.time() + 180
        while time.time() < deadline and cls.proc.poll() is None:
            m = re.search(r"==> Jupyter is serving (\S+)", (TMP / "open.log").read_text())
            if m:
                cls.url = m.group(1)
                break
            time.sleep(0.3)
        if not cls.url:
            cls.tearDownClass()
            raise RuntimeError("./course open printed no address:\n" + (TMP / "open.log").read_text()[-3000:])
        cls.token = re.search(r"token=(\w+)", cls.url).group(1)
        cls.server = nbremote.Server(f"http://127.0.0.1:{cls.port}/", cls.token)

    @classmethod
    def tearDownClass(cls):
        if cls.proc and cls.proc.poll() is None:
            cls.proc.terminate()       # Jupyter shuts its kernels down on SIGTERM
            try:
                cls.proc.wait(30)
            except subprocess.TimeoutExpired:
                cls.proc.kill()
        cls.log.close()

    # -- 5: the printed address is the served one -------------------------------
    def test_printed_address_is_served_with_token(self):
        self.assertIn(f"http://127.0.0.1:{self.port}/", self.url)
        status, body = nbremote.request(self.url.replace("/tree?", "/api/status?"))
        self.assertEqual(status, 200, body)
        status, _ = nbremote.request(f"http://127.0.0.1:{self.port}/api/status")
        self.assertEqual(status, 403, "the API answered without the token")

    def test_taken_port_is_refused(self):
        env = dict(os.environ, COURSE_PORT=str(self.port), COURSE_WORK=str(self.work))
        t0 = time.time()
        r = subprocess.run([str(ROOT / "course"), "open"], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=120)
        self.assertNotEqual(r.returncode, 0, r.stdout[-2000:])
        self.assertIn(f"port {self.port} on 127.0.0.1 is taken", r.stderr)
        self.assertNotIn("Jupyter is serving", r.stdout)
        self.assertLess(time.time() - t0, 60)

    # -- 1: the token is private ----------------------------------------------
    def runtime_files(self):
        files = [p for p in RUNTIME.iterdir() if p.is_file()]
        self.assertTrue(any(p.name == f"nbserver-{self.proc.pid}.json" or p.name == f"jpserver-{self.proc.pid}.json"
                            for p in files), f"no runtime file for pid {self.proc.pid} in {RUNTIME}")
        return files

    def test_runtime_folder_and_files_are_private(self):
        for d in (RUNTIME, RUNTIME.parent):
            self.assertEqual(stat.S_IMODE(d.stat().st_mode), 0o700, d)
        for f in self.runtime_files():
            self.assertEqual(stat.S_IMODE(f.stat().st_mode) & 0o077, 0, f"{f} is readable by others")

    def test_another_user_cannot_read_the_token(self):
        if os.geteuid() != 0 or not shutil.which("runuser"):
            self.skipTest("needs root and runuser to act as another user (modes are checked above)")
        other = "nobody"
        # Control: the other user can reach the project and read an ordinary file beside build/jupyter.
        control = TMP / "control" / "readable.txt"
        control.parent.mkdir(exist_ok=True)
        control.write_text("readable\n")
        os.chmod(control.parent, 0o755)
        os.chmod(control, 0o644)
        r = subprocess.run(["runuser", "-u", other, "--", "cat", str(control)], capture_output=True, text=True)
        if r.returncode != 0:
            self.skipTest(f"{other} cannot reach the project at all ({r.stderr.strip()}); modes checked above")
        for f in self.runtime_files():
            r = subprocess.run(["runuser", "-u", other, "--", "cat", str(f)], capture_output=True, text=True)
            self.assertNotEqual(r.returncode, 0, f"{other} could read {f}")
            self.assertNotIn(self.token, r.stdout)
        r = subprocess.run(["runuser", "-u", other, "--", "ls", str(RUNTIME)], capture_output=True, text=True)
        self.assertNotEqual(r.returncode, 0, f"{other} could list {RUNTIME}")

    # -- 4: the user's own config is not read -----------------------------------
    def test_users_own_config_is_not_read(self):
        for m in self.markers:
            self.assertFalse(m.exists(), m.read_text() if m.exists() else "")
        # Control: without the course's settings Jupyter would look in those folders.
        env = dict(os.environ, HOME=str(self.home), JUPYTER_CONFIG_PATH=str(TMP / "cfgpath"))
        for k in ("PYTHONNOUSERSITE", "JUPYTER_CONFIG_DIR"):
            env.pop(k, None)
        out = subprocess.run([sys.executable, "-c", "from jupyter_core.paths import jupyter_config_path as p; "
                              "print('\\n'.join(p()))"], env=env, capture_output=True, text=True).stdout
        self.assertIn(str(self.home / ".jupyter"), out)
        self.assertIn(str(TMP / "cfgpath"), out)

    # -- 3: a student's save leaves the course's files alone --------------------
    def test_save_goes_to_workspace_and_git_stays_clean(self):
        tracked = ROOT / "notebooks" / NOTEBOOK
        before = tracked.read_bytes()
        git_before = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
        nb = self.server.get(NOTEBOOK)
        nb["cells"][0]["source"] += "\n\nA note the student typed."
        nb["cells"].append({"cell_type": "code", "metadata": {}, "execution_count": 3,
                            "outputs": [{"output_type": "stream", "name": "stdout", "text": "output\n"}],
                            "source": "System.out.println(\"mine\");"})
        self.server.put(NOTEBOOK, nb)
        saved = json.loads((self.work / NOTEBOOK).read_text())
        self.assertIn("A note the student typed.", "".join(saved["cells"][0]["source"]))
        self.assertEqual(tracked.read_bytes(), before, "the tracked notebook changed")
        git_after = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
        self.assertEqual(git_after, git_before)
        r = subprocess.run([sys.executable, "tools/contents.py", "--check"], cwd=ROOT, capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        st = subprocess.run([sys.executable, "tools/workspace.py", "status", "--src", "notebooks", "--dest",
                             str(self.work)], cwd=ROOT, capture_output=True, text=True).stdout
        self.assertRegex(st, r"edited by you\s+" + re.escape(NOTEBOOK))

    def test_workspace_notebook_finds_the_library_jar(self):
        r = self.server.execute(NOTEBOOK, extra_cells=["System.out.println(new java.io.File(\".\").getCanonicalPath());"])
        self.assertTrue(r.ok, "\n".join(r.problems))
        self.assertIn(str(self.work.resolve()), r.stdout())


if __name__ == "__main__":
    unittest.main(verbosity=2)
