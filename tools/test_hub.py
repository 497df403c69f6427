#!/usr/bin/env python3
"""A class on one JupyterHub (issue 15): `./course hub` started for real on
127.0.0.1 with two throw-away local accounts, which log in with their
passwords (PAM) through the REST API, start their servers and execute
notebook 00 there, each in their own copy of the course.

Checked: a wrong password is refused; each student's kernel runs as that
student in ~/gated-memory/work and finds the library jar; one student cannot
read the other's work; a saved edit survives a server restart (the copy is
never overwritten); the server runs inside its memory cgroup with the limit
where the machine has one; the course's tracked files stay as they were.

Needs root (local accounts, and the hub runs each server as its student).
The accounts and their homes (under build/hub-test/) are removed afterwards.
The Hub class is shared with tools/hub_load.py.
"""
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nbremote  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = "00-setup-check.ipynb"
WHOAMI = ('System.out.println("user " + System.getProperty("user.name") + " in "'
          ' + new java.io.File(".").getCanonicalPath());')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hub:
    """./course hub in the background with throw-away local accounts."""

    def __init__(self, tag, users, mem_limit="3G"):
        self.dir = ROOT / "build" / tag
        self.users = list(users)
        self.passwords = {u: secrets.token_urlsafe(18) for u in self.users}
        self.mem_limit = mem_limit
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = None
        self.created = []

    # -- accounts ---------------------------------------------------------
    def home(self, user):
        return self.dir / "home" / user

    def make_users(self):
        (self.dir / "home").mkdir(parents=True, exist_ok=True)
        os.chmod(self.dir / "home", 0o755)
        for u in self.users:
            self.remove_user(u)
            subprocess.run(["useradd", "--create-home", "--home-dir", str(self.home(u)), "--shell", "/bin/sh",
                            "--user-group", u], check=True, capture_output=True)
            self.created.append(u)
            os.chmod(self.home(u), 0o700)
            subprocess.run(["chpasswd"], input=f"{u}:{self.passwords[u]}\n", text=True, check=True,
                           capture_output=True)

    def remove_user(self, u):
        try:
            pwd.getpwnam(u)
        except KeyError:
            return
        # End that account's leftover processes, one by one by id.
        out = subprocess.run(["ps", "-u", u, "-o", "pid="], capture_output=True, text=True).stdout
        for pid in out.split():
            try:
                os.kill(int(pid), signal.SIGKILL)
            except (ProcessLookupError, ValueError):
                pass
        time.sleep(0.2)
        subprocess.run(["userdel", "--remove", u], capture_output=True)
        subprocess.run(["groupdel", u], capture_output=True)

    # -- the hub ----------------------------------------------------------
    def start(self, timeout=300):
        self.make_users()
        env = dict(os.environ, COURSE_HUB_SHARE=str(self.dir / "share"), COURSE_HUB_STATE=str(self.dir / "state"),
                   COURSE_HUB_PORT=str(self.port), COURSE_HUB_API_PORT=str(free_port()),
                   COURSE_HUB_PROXY_PORT=str(free_port()), COURSE_HUB_USERS=",".join(self.users),
                   COURSE_HUB_MEM_LIMIT=self.mem_limit)
        self.log_path = self.dir / "hub.log"
        self.log = os.fdopen(os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w")
        self.proc = subprocess.Popen([str(ROOT / "course"), "hub"], cwd=ROOT, env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("./course hub exited:\n" + self.log_path.read_text()[-4000:])
            status, _ = nbremote.request(f"{self.base}/hub/api/", timeout=3)
            if status == 200:
                return self
            time.sleep(0.5)
        raise RuntimeError("the hub did not answer within %d s:\n%s" % (timeout, self.log_path.read_text()[-4000:]))

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()          # the hub stops every student's server (cleanup_servers)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        # The proxy runs in the hub's session; end it by its recorded id if it outlived the hub.
        pidfile = self.dir / "state" / "proxy.pid"
        if pidfile.exists():
            try:
                os.kill(int(pidfile.read_text().strip()), signal.SIGTERM)
            except (ProcessLookupError, ValueError):
                pass
        if getattr(self, "log", None):
            self.log.close()
        for u in self.created:
            self.remove_user(u)
        self.created = []

    # -- what a student does ------------------------------------------------
    def login(self, user, password=None):
        """Log in through the REST API with the account's password; returns (status, token)."""
        status, body = nbremote.request(f"{self.base}/hub/api/users/{user}/tokens", method="POST",
                                        body={"auth": {"username": user,
                                                       "password": password or self.passwords[user]},
                                              "note": "course test", "expires_in": 3600})
        return status, (body or {}).get("token") if isinstance(body, dict) else None

    def start_server(self, user, token, timeout=300):
        status, body = nbremote.request(f"{self.base}/hub/api/users/{user}/server", token, "POST", {})
        if status not in (201, 202, 400):      # 400: already running
            raise RuntimeError(f"starting {user}'s server: HTTP {status} {body}")
        deadline = time.time() + timeout
        while time.time() < deadline:
            status, model = nbremote.request(f"{self.base}/hub/api/users/{user}", token)
            server = (model or {}).get("servers", {}).get("", {}) if status == 200 else {}
            if server.get("ready"):
                return nbremote.Server(f"{self.base}/user/{user}/", token)
            time.sleep(0.5)
        raise RuntimeError(f"{user}'s server was not ready within {timeout} s")

    def stop_server(self, user, token, timeout=60):
        nbremote.request(f"{self.base}/hub/api/users/{user}/server", token, "DELETE")
        deadline = time.time() + timeout
        while time.time() < deadline:
            status, model = nbremote.request(f"{self.base}/hub/api/users/{user}", token)
            if status == 200 and not model.get("servers"):
                return
            time.sleep(0.5)
        raise RuntimeError(f"{user}'s server did not stop within {timeout} s")

    def server_pid(self, user):
        out = subprocess.run(["ps", "-u", user, "-o", "pid=,args="], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "jupyterhub-singleuser" in line:
                return int(line.split()[0])
        return None


def in_parallel(fn, items):
    results, errors = {}, {}

    def run(item):
        try:
            results[item] = fn(item)
        except Exception as e:           # reported by the caller
            errors[item] = e
    threads = [threading.Thread(target=run, args=(i,)) for i in items]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors


@unittest.skipUnless(os.geteuid() == 0, "the hub test needs root (local accounts; servers run as their students)")
class ClassOnOneHub(unittest.TestCase):
    hub = None

    @classmethod
    def setUpClass(cls):
        cls.git_before = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True,
                                        text=True).stdout
        cls.hub = Hub("hub-test", ["gmhubt1", "gmhubt2"], mem_limit="2G")
        try:
            cls.hub.start()
        except Exception:
            cls.hub.stop()
            raise
        cls.tokens = {}
        for u in cls.hub.users:
            status, token = cls.hub.login(u)
            if status not in (200, 201):
                cls.hub.stop()
                raise RuntimeError(f"{u} could not log in through the REST API: HTTP {status}")
            cls.tokens[u] = token
        # Both students start their servers and run notebook 00 at the same time.
        cls.results, errors = in_parallel(
            lambda u: cls.hub.start_server(u, cls.tokens[u]).execute(NOTEBOOK, extra_cells=[WHOAMI]), cls.hub.users)
        if errors:
            cls.hub.stop()
            raise RuntimeError(f"starting servers or executing {NOTEBOOK} failed: {errors}\n"
                               + cls.hub.log_path.read_text()[-3000:])

    @classmethod
    def tearDownClass(cls):
        if cls.hub:
            cls.hub.stop()

    def test_wrong_password_is_refused(self):
        status, token = self.hub.login(self.hub.users[0], password="not-" + self.hub.passwords[self.hub.users[0]])
        self.assertEqual(status, 403)
        self.assertIsNone(token)

    def test_notebook_00_runs_as_each_student_in_their_own_copy(self):
        for u in self.hub.users:
            r = self.results[u]
            self.assertTrue(r.ok, f"{u}: " + "\n".join(r.problems))
            work = (self.hub.home(u) / "gated-memory" / "work").resolve()
            self.assertIn(f"user {u} in {work}", r.stdout())
            nb = work / NOTEBOOK
            self.assertEqual(nb.stat().st_uid, pwd.getpwnam(u).pw_uid)

    def test_one_student_cannot_read_anothers_work(self):
        a, b = self.hub.users
        theirs = self.hub.home(b) / "gated-memory" / "work" / NOTEBOOK
        self.assertTrue(theirs.exists())
        r = subprocess.run(["runuser", "-u", a, "--", "cat", str(theirs)], capture_output=True, text=True)
        self.assertNotEqual(r.returncode, 0, f"{a} could read {theirs}")

    def test_a_saved_edit_survives_a_server_restart(self):
        u = self.hub.users[1]
        server = nbremote.Server(f"{self.hub.base}/user/{u}/", self.tokens[u])
        nb = server.get(NOTEBOOK)
        nb["cells"][0]["source"] += "\n\nMy own note."
        server.put(NOTEBOOK, nb)
        self.hub.stop_server(u, self.tokens[u])
        server = self.hub.start_server(u, self.tokens[u])
        self.assertIn("My own note.", server.get(NOTEBOOK)["cells"][0]["source"])

    def test_each_server_runs_in_its_memory_cgroup(self):
        u = self.hub.users[0]
        pid = self.hub.server_pid(u)
        self.assertIsNotNone(pid, f"no jupyterhub-singleuser process of {u}")
        if "per-server memory limit" in self.hub.log_path.read_text():
            self.skipTest("this machine gives the hub no writable memory cgroup (logged by the hub)")
        cgroups = Path(f"/proc/{pid}/cgroup").read_text()
        m = re.search(r"^\d+:[^:]*memory[^:]*:(\S*jupyterhub-" + u + r")$", cgroups, re.M)
        self.assertIsNotNone(m, cgroups)
        limit = Path("/sys/fs/cgroup/memory") / m.group(1).lstrip("/") / "memory.limit_in_bytes"
        self.assertEqual(int(limit.read_text()), 2 << 30)

    def test_course_files_untouched(self):
        after = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
        self.assertEqual(after, self.git_before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
