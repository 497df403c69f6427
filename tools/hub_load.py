#!/usr/bin/env python3
"""Load run for a class on one JupyterHub (not part of ./course test).

    sudo ./course hub-load [--students 20] [--notebook 11-long-range-dependency.ipynb] [--mem-limit 2G]

Starts ./course hub with N throw-away local accounts (removed afterwards),
first lets one extra student run the notebook alone (the baseline), then logs
all N in at once through the REST API; each starts a server and executes the
notebook's code cells in it. Reports successes, wall time, per-student times,
and memory: each student's peak (server + kernel, from their memory cgroup),
the peak of the students' memory summed over time, and the machine's used
memory (MemTotal - MemAvailable; other programs on the machine count too).
Results go to build/hub-load/results.json.
"""
import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_hub import Hub, in_parallel  # noqa: E402

GIB = 1 << 30
SETTLE = 10.0      # seconds between starting a kernel and connecting to it (see student_run)


def meminfo():
    info = {}
    for line in Path("/proc/meminfo").read_text().splitlines():
        k, v = line.split(":", 1)
        info[k] = int(v.split()[0]) * 1024
    return info


def cgroup_of(user):
    own = None
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if "memory" in controllers.split(","):
            own = Path("/sys/fs/cgroup/memory") / path.lstrip("/")
    return own / f"jupyterhub-{user}" if own else None


def read_int(path):
    try:
        return int(Path(path).read_text())
    except (OSError, ValueError):
        return None


class Sampler(threading.Thread):
    """Every `every` seconds: the students' summed cgroup usage and the machine's used memory."""

    def __init__(self, users, every=1.0):
        super().__init__(daemon=True)
        self.users, self.every = users, every
        self.peak_students = 0
        self.peak_machine = 0
        self.base_machine = self.machine_used()
        self.stop_flag = threading.Event()

    @staticmethod
    def machine_used():
        m = meminfo()
        return m["MemTotal"] - m["MemAvailable"]

    def run(self):
        while not self.stop_flag.is_set():
            total = sum(read_int(cgroup_of(u) / "memory.usage_in_bytes") or 0 for u in self.users)
            self.peak_students = max(self.peak_students, total)
            self.peak_machine = max(self.peak_machine, self.machine_used())
            self.stop_flag.wait(self.every)


def student_run(hub, user, notebook):
    t0 = time.time()
    status, token = hub.login(user)
    if status not in (200, 201):
        return {"ok": False, "problems": [f"login: HTTP {status}"], "seconds": time.time() - t0}
    t_login = time.time()
    server = hub.start_server(user, token, timeout=600)
    t_server = time.time()
    # Patient, as a student in a browser would be: with 20 JVMs starting on 2 cores a kernel can take
    # a minute to answer, and giving up early only starts more kernels. rapaio 3.0.1 never answers a
    # kernel_info_request that reaches it while it is still starting (the notebook server then gives
    # up on that kernel after 2 minutes); waiting `settle` seconds before connecting makes that rarer,
    # and a kernel that hangs anyway is replaced, as a student would restart it. Hangs are counted.
    r = server.execute(notebook, cell_timeout=1800, start_timeout=300, attempts=4, settle=SETTLE)
    return {"ok": r.ok, "problems": r.problems, "attempts": r.attempts,
            "seconds": time.time() - t0, "login_s": t_login - t0, "server_start_s": t_server - t_login,
            "execute_s": r.seconds, "kernel_start_hangs": r.attempts - 1 if r.ok else r.attempts,
            "peak_bytes": read_int(cgroup_of(user) / "memory.max_usage_in_bytes")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--students", type=int, default=20)
    ap.add_argument("--notebook", default="11-long-range-dependency.ipynb")
    ap.add_argument("--mem-limit", default="2G")
    a = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("hub-load: needs root (local accounts; the hub runs each server as its student)")
    users = [f"gmload{i:02d}" for i in range(1, a.students + 1)]
    baseline_user = "gmload00"
    hub = Hub("hub-load", [baseline_user] + users, mem_limit=a.mem_limit)
    out = {"students": a.students, "notebook": a.notebook, "mem_limit": a.mem_limit,
           "machine": {"cores": os.cpu_count(), "mem_total_bytes": meminfo()["MemTotal"]}}
    try:
        t = time.time()
        hub.start()
        out["hub_start_s"] = time.time() - t
        print(f"hub up in {out['hub_start_s']:.0f} s; baseline: one student alone runs {a.notebook}", flush=True)
        base = student_run(hub, baseline_user, a.notebook)
        out["baseline"] = base
        print(f"  alone: ok={base['ok']} {base['seconds']:.0f} s (execute {base.get('execute_s', 0):.0f} s), "
              f"peak {(base.get('peak_bytes') or 0) / GIB:.2f} GiB", flush=True)
        sampler = Sampler(users)
        sampler.start()
        print(f"{a.students} students log in at once ...", flush=True)
        t0 = time.time()
        results, errors = in_parallel(lambda u: student_run(hub, u, a.notebook), users)
        wall = time.time() - t0
        sampler.stop_flag.set()
        sampler.join()
        for u, e in errors.items():
            results[u] = {"ok": False, "problems": [f"{type(e).__name__}: {e}"]}
        ok = sum(1 for r in results.values() if r["ok"])
        peaks = [r.get("peak_bytes") or 0 for r in results.values()]
        times = sorted(r["seconds"] for r in results.values() if r["ok"])
        out.update({
            "successes": ok, "wall_s": wall, "per_student": results,
            "student_seconds_min_median_max": [times[0], times[len(times) // 2], times[-1]] if times else None,
            "peak_per_student_bytes_max": max(peaks) if peaks else None,
            "peak_per_student_bytes_median": sorted(peaks)[len(peaks) // 2] if peaks else None,
            "peak_students_total_bytes": sampler.peak_students,
            "kernel_start_hangs": sum(r.get("kernel_start_hangs", 0) for r in results.values()),
            "settle_s": SETTLE,
            "machine_used_before_bytes": sampler.base_machine,
            "peak_machine_used_bytes": sampler.peak_machine,
        })
    finally:
        hub.stop()
    path = hub.dir / "results.json"
    path.write_text(json.dumps(out, indent=1))
    print(f"{out.get('successes', 0)} of {a.students} students ran {a.notebook} without error "
          f"in {out.get('wall_s', 0):.0f} s wall time")
    if out.get("student_seconds_min_median_max"):
        lo, med, hi = out["student_seconds_min_median_max"]
        print(f"  per student (log-in to last cell): min {lo:.0f} s, median {med:.0f} s, max {hi:.0f} s; "
              f"alone: {out['baseline']['seconds']:.0f} s")
    if out.get("peak_per_student_bytes_max"):
        print(f"  memory per student (server + kernel, cgroup peak): median "
              f"{out['peak_per_student_bytes_median'] / GIB:.2f} GiB, max {out['peak_per_student_bytes_max'] / GIB:.2f} GiB")
        print(f"  all students together, peak: {out['peak_students_total_bytes'] / GIB:.2f} GiB; machine used: "
              f"{out['machine_used_before_bytes'] / GIB:.2f} GiB before, peak {out['peak_machine_used_bytes'] / GIB:.2f} GiB "
              f"of {out['machine']['mem_total_bytes'] / GIB:.1f} GiB")
    if "kernel_start_hangs" in out:
        print(f"  kernel starts that never answered (rapaio's start-up race) and were replaced: "
              f"{out['kernel_start_hangs']}")
    for u, r in sorted(out.get("per_student", {}).items()):
        if not r["ok"]:
            print(f"  FAILED {u}: {'; '.join(r['problems'])[:300]}")
    print(f"results: {path}")
    return 0 if out.get("successes") == a.students else 1


if __name__ == "__main__":
    sys.exit(main())
