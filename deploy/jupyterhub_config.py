# JupyterHub configuration for a class on one machine (Debian 12's jupyterhub 3.0.0).
#
# Started by `./course hub`, which prepares the course share and sets the
# COURSE_HUB_* variables below; see docs/jupyterhub.md. In short:
#   - students log in with their local account and password (PAM);
#   - each student's server runs as that student (LocalProcessSpawner, so the
#     hub runs as root) and serves ~/gated-memory/work, the student's own copy
#     of the course notebooks, made on first start and never overwritten
#     (tools/workspace.py sync, run as the student);
#   - ~/gated-memory/target links to the shared, read-only library jar, so the
#     notebooks' `%jars ../target/gated-memory-all.jar` works unchanged;
#   - the Java kernel comes from the course share (kernelspec `java`, first on
#     JUPYTER_PATH), installed there by ./course's install_kernel;
#   - each student's server and its kernels run in a memory cgroup with a hard
#     limit (COURSE_HUB_MEM_LIMIT) where the machine allows it.
import os
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)

SHARE = Path(os.environ["COURSE_HUB_SHARE"])          # notebooks/, target/, jupyter/kernels/java/, tools/workspace.py
STATE = Path(os.environ["COURSE_HUB_STATE"])          # database, cookie secret, proxy token (0700)
IP = os.environ.get("COURSE_HUB_IP", "127.0.0.1")
PORT = int(os.environ.get("COURSE_HUB_PORT", "8000"))
MEM_LIMIT = os.environ.get("COURSE_HUB_MEM_LIMIT", "3G")
WORKSPACE = "gated-memory"                            # ~/gated-memory/{work,target}


def _list(name):
    return {u.strip() for u in os.environ.get(name, "").replace(",", " ").split() if u.strip()}


# ---------------------------------------------------------------- the hub --
c.JupyterHub.bind_url = f"http://{IP}:{PORT}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("COURSE_HUB_API_PORT", str(PORT + 81)))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('COURSE_HUB_PROXY_PORT', str(PORT + 1))}"
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True
# Debian's configurable-http-proxy finds its modules through Debian's Node.js
# search path; a Node.js from elsewhere (e.g. NodeSource) needs it spelt out.
os.environ.setdefault("NODE_PATH", "/usr/share/nodejs:/usr/lib/nodejs")

# ------------------------------------------------------------ log-in ------
# Local accounts with their passwords (PAM). Without COURSE_HUB_USERS any
# local account with a password may log in; with it, only those listed, who
# are also created in the hub's database at start-up (so they can log in
# through the REST API too).
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.open_sessions = False   # no PAM session modules (they fail in containers)
c.Authenticator.blocked_users = {"root"}
if _list("COURSE_HUB_USERS"):
    c.Authenticator.allowed_users = _list("COURSE_HUB_USERS")
c.Authenticator.admin_users = _list("COURSE_HUB_ADMINS")


# -------------------------------------------------- memory per student ----
def _bytes(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
    text = text.strip().upper()
    return int(float(text[:-1]) * units[text[-1]]) if text[-1:] in units else int(text)


def _own_cgroup():
    """The memory cgroup folder this process is in, and whether it is cgroup v2; None if unusable."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:                                   # cgroup v1: "4:memory:/path"
        _, controllers, path = line.split(":", 2)
        if "memory" in controllers.split(","):
            d = Path("/sys/fs/cgroup/memory") / path.lstrip("/")
            return (d, False) if (d / "memory.limit_in_bytes").exists() else None
    for line in lines:                                   # cgroup v2: "0::/path"
        if line.startswith("0::"):
            d = Path("/sys/fs/cgroup") / line[3:].lstrip("/")
            ctl = d / "cgroup.subtree_control"
            if ctl.exists() and "memory" in ctl.read_text().split():
                return d, True
    return None


class CourseSpawner(LocalProcessSpawner):
    """LocalProcessSpawner plus the student's workspace and a memory cgroup."""

    def _cgroup_dir(self):
        own = _own_cgroup()
        return (own[0] / f"jupyterhub-{self.user.name}", own[1]) if own else (None, False)

    def _make_cgroup(self):
        d, v2 = self._cgroup_dir()
        if d is None:
            self.log.warning("no writable memory cgroup here: %s's server runs without a per-server memory "
                             "limit (the kernel's own heap limit still applies)", self.user.name)
            return None
        try:
            d.mkdir(exist_ok=True)
            (d / ("memory.max" if v2 else "memory.limit_in_bytes")).write_text(str(_bytes(MEM_LIMIT)))
            if not v2:
                try:   # no swap beyond the limit where the kernel accounts swap
                    (d / "memory.memsw.limit_in_bytes").write_text(str(_bytes(MEM_LIMIT)))
                except OSError:
                    pass
        except OSError as e:
            self.log.warning("could not set up memory cgroup %s (%s): %s's server runs without a per-server "
                             "memory limit", d, e, self.user.name)
            return None
        self.log.info("%s's server and kernels: memory limit %s (cgroup %s)", self.user.name, MEM_LIMIT, d)
        return d

    def make_preexec_fn(self, name):
        base = super().make_preexec_fn(name)
        procs = self._cgroup_procs

        def preexec():
            if procs:                     # join the cgroup before becoming the student
                with open(procs, "w") as f:
                    f.write("0")
            base()
        return preexec

    def _sync_workspace(self):
        """Run tools/workspace.py sync as the student: copies only what is missing."""
        import pwd
        import subprocess
        home = Path(pwd.getpwnam(self.user.name).pw_dir)
        cmd = [sys.executable, str(SHARE / "tools" / "workspace.py"), "sync", "--quiet",
               "--src", str(SHARE / "notebooks"), "--dest", str(home / WORKSPACE / "work"),
               "--jar-dir", str(SHARE / "target")]
        r = subprocess.run(cmd, preexec_fn=super().make_preexec_fn(self.user.name), cwd="/",
                           capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"preparing {home / WORKSPACE} for {self.user.name} failed: {r.stderr.strip()}")

    async def start(self):
        self._sync_workspace()
        d = self._make_cgroup()
        self._cgroup_procs = str(d / "cgroup.procs") if d else None
        return await super().start()

    async def stop(self, now=False):
        await super().stop(now=now)
        d, _ = self._cgroup_dir()
        if d is not None and d.exists():
            try:
                d.rmdir()                  # only succeeds once every process in it has ended
            except OSError:
                pass

    _cgroup_procs = None


c.JupyterHub.spawner_class = CourseSpawner
c.Spawner.notebook_dir = f"~/{WORKSPACE}/work"
c.Spawner.default_url = "/tree"
c.Spawner.cmd = ["jupyterhub-singleuser"]
c.Spawner.start_timeout = 120      # 2 cores and a class starting at once
c.Spawner.http_timeout = 120
c.Spawner.mem_limit = MEM_LIMIT    # informational for the server (MEM_LIMIT env); enforced by the cgroup above
# The course's kernelspec `java` comes first; the student's own Jupyter folders still work.
c.Spawner.environment = {
    "JUPYTER_PATH": str(SHARE / "jupyter"),
}
