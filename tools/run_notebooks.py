#!/usr/bin/env python3
"""Notebook harness: static checks and real execution of every course notebook.

Usage (the course script picks a Python that has nbclient, e.g. /usr/bin/python3):

    python3 tools/run_notebooks.py [--only PATTERN] [--no-exec] [--no-static]
                                   [--out DIR] [--timeout SECONDS] [ROOT ...]

ROOT defaults to notebooks/ (searched recursively, so notebooks/solutions/ is
included; .ipynb_checkpoints is skipped). Each notebook gives these test cases:

  outputs cleared    committed file has no outputs and execution_count null
  portable subset    first code cell is exactly one `%jars <file>.jar` line
                     (no glob, no folder, no Java beside it: rapaio refuses
                     a cell that mixes both); no other magic anywhere; no
                     %maven / %dependency / %%loadFromPOM, no display() with a
                     MIME type (two arguments), no display("a string")
  kernelspec java    metadata.kernelspec.name == "java"
  setup cell tagged  the first code cell has the tag `setup`
  executes           runs under the kernelspec `java` with nbclient, cwd = the
                     notebook's folder, and then:
                     - no cell has an error output;
                     - no cell writes to stderr (students see clean output);
                     - a cell tagged `plot` produced an image/png;
                     - a cell tagged `raises-exception` (nbclient's tag) did
                       raise: it passes only with an error output; with
                       metadata {"course": {"error": regex}} the error's
                       "Name: message" matches it and reaches the student as
                       one line (no stack trace);
                     - a cell with metadata {"course": {"expect": [regex, ...]}}
                       has, for every regex, a stdout line it matches (re.search).

Notebooks are executed in memory; the files under notebooks/ are never
written. --out DIR saves executed copies (DIR/<path relative to ROOT's parent>)
for rendering handouts. --jobs N runs N notebooks at a time (default 2, one
per core of the course's machines); each gets its own kernel.

Kernel starts: a kernel that does not answer kernel_info within
--startup-timeout seconds while its process lives is a HANG; one that exits
first is a START FAILURE, reported with the cause from its log (the course
kernel names the port and the reason when it cannot listen). Either is
retried, so the notebook still runs, and each is counted as a failed test.
Before any kernel starts, the loopback interface is checked: if 127.0.0.1
cannot be bound the run stops at once and says so.

After the runs it prints a time table: per notebook the status, the kernel's
start to first reply, the total time, the peak memory (RSS) of its kernel and
its slowest cell; then the totals for the lessons (notebooks/*.ipynb) and for
all notebooks against the course's targets (start median < 2 s, lessons < 60 s,
all < 120 s, no lesson > 10 s). The targets are reported, not enforced.

Knobs: the kernel JVM inherits this process's environment, so a notebook can
read sizes with a default, e.g.
    int epochs = Integer.parseInt(System.getenv().getOrDefault("EPOCHS", "20"));
and CI can shorten runs with `EPOCHS=2 ./course test`.

The kernelspec is looked up on JUPYTER_PATH; if build/jupyter exists (written
by ./course), it is put first so the course kernel is used.

The last line printed is always "N passed, N failed"; the exit status is 1 if
anything failed.
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

# nbformat 4.4 notebooks have no cell ids; newer nbformat warns when writing them.
warnings.filterwarnings("ignore", message="Code cell is missing an id field")

REPO = Path(__file__).resolve().parent.parent
CELL_TIMEOUT = 300     # seconds per cell; the first ND4J call alone takes ~3 s
STARTUP_TIMEOUT = 30   # seconds for a kernel to answer kernel_info (normally under 1 s)
STARTUP_ATTEMPTS = 3   # a hang or start failure is counted, then the start is retried
JOBS = 2               # notebooks at a time
LOG_DIR = REPO / "build" / "kernel-logs"
TIMES_FILE = REPO / "build" / "notebook-times.json"   # last run's times: longest notebooks start first
# The course's targets on its 2-core machines (issue 16), printed under the time table. They were
# set for the 16 lessons and 31 notebooks the course had then; the notebooks added since are
# reported beside them: the language model has its own target (issue 13: its default run under
# 60 s), the backward pass and the appendix have none.
TARGET_START_MEDIAN, TARGET_LESSONS, TARGET_ALL, TARGET_LESSON = 2, 60, 120, 10
ADDED_LATER = ("09-backward-pass", "17-char-language-model", "18-appendix-sources-and-errata")
LANGUAGE_MODEL, TARGET_LANGUAGE_MODEL = "17-char-language-model", 60

# Magics that only some kernels understand (see shared PORTABLE-NOTEBOOKS.md).
FORBIDDEN_MAGICS = ("%maven", "%dependency", "%%loadFromPOM")


# ------------------------------------------------------------ static checks --
# Each check takes the notebook as a plain dict (json.load) and returns a list
# of problems; an empty list means the check passed.

def code_cells(nb):
    return [(i, c) for i, c in enumerate(nb.get("cells", [])) if c.get("cell_type") == "code"]


def source(cell):
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def head(cell, n=60):
    """First line of a cell's source, shortened, for error messages."""
    first = source(cell).strip().splitlines()[:1]
    text = first[0] if first else ""
    return text if len(text) <= n else text[: n - 3] + "..."


def check_outputs_cleared(nb):
    problems = []
    for i, c in code_cells(nb):
        if c.get("outputs"):
            problems.append(f"cell {i}: has {len(c['outputs'])} output(s): {head(c)}")
        if c.get("execution_count") is not None:
            problems.append(f"cell {i}: execution_count is {c['execution_count']}: {head(c)}")
    return problems


def strip_java_noise(code):
    """Blank out comments and the *contents* of string/char literals, keeping
    the quotes, so the scanner below is not fooled by text inside them."""
    out, i, n = [], 0, len(code)
    while i < n:
        ch = code[i]
        if code.startswith("//", i):
            j = code.find("\n", i)
            i = n if j < 0 else j
        elif code.startswith("/*", i):
            j = code.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
        elif code.startswith('"""', i):  # text block
            j = code.find('"""', i + 3)
            i = n if j < 0 else j + 3
            out.append('""')
        elif ch in "\"'":
            j = i + 1
            while j < n and code[j] != ch and code[j] != "\n":
                j += 2 if code[j] == "\\" else 1
            out.append(ch + ch)
            i = j + 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def display_calls(code):
    """Yield the argument text of every call to a bare display(...) (not
    obj.display(...)) in Java code with comments and literals blanked."""
    for m in re.finditer(r"(?<![\w.$])display\s*\(", code):
        depth, j, start = 1, m.end(), m.end()
        while j < len(code) and depth:
            depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(code[j], 0)
            j += 1
        yield code[start : j - 1]


def top_level_commas(args):
    depth, count = 0, 0
    for ch in args:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            count += 1
    return count


def check_portable(nb):
    problems = []
    cells = code_cells(nb)
    if not cells:
        return ["no code cells (expected a setup cell with %jars)"]
    for k, (i, c) in enumerate(cells):
        src = source(c)
        for line in src.splitlines():
            s = line.strip()
            if not s.startswith("%"):
                continue
            if any(s.startswith(m) for m in FORBIDDEN_MAGICS):
                problems.append(f"cell {i}: forbidden magic (not portable): {s}")
            elif k == 0 and re.match(r"%jars(\s|$)", s):
                pass  # checked below
            else:
                problems.append(f"cell {i}: magic not allowed here (only %jars in the first code cell): {s}")
        code = strip_java_noise("\n".join(l for l in src.splitlines() if not l.strip().startswith("%")))
        for args in display_calls(code):
            if top_level_commas(args) > 0:
                problems.append(f"cell {i}: display(...) with a MIME type / two arguments is not portable: {head(c)}")
            elif args.strip().startswith('"'):
                problems.append(f'cell {i}: display("...") of a string is not portable; use System.out.println: {head(c)}')
    i0, first = cells[0]
    jars = [l.strip() for l in source(first).splitlines() if re.match(r"\s*%jars(\s|$)", l)]
    others = [l.strip() for l in source(first).splitlines() if l.strip() and not l.strip().startswith("%")]
    if others:  # rapaio refuses a cell that mixes a magic with Java
        problems.append(f"cell {i0}: the %jars line must be alone in its cell; move Java to the next cell: {others[0][:60]}")
    if len(jars) != 1:
        problems.append(f"cell {i0}: first code cell must have exactly one %jars line, found {len(jars)}")
    else:
        paths = jars[0].split()[1:]
        if len(paths) != 1:
            problems.append(f"cell {i0}: %jars must name exactly one jar, got: {jars[0]}")
        elif not paths[0].endswith(".jar") or any(ch in paths[0] for ch in "*?[]{}"):
            problems.append(f"cell {i0}: %jars needs one explicit .jar file (no glob, no folder): {paths[0]}")
    return problems


def check_kernelspec(nb):
    name = nb.get("metadata", {}).get("kernelspec", {}).get("name")
    return [] if name == "java" else [f"metadata.kernelspec.name is {name!r}, expected 'java'"]


def check_setup_tag(nb):
    cells = code_cells(nb)
    if not cells:
        return ["no code cells"]
    i, c = cells[0]
    tags = c.get("metadata", {}).get("tags", [])
    return [] if "setup" in tags else [f"cell {i}: first code cell is not tagged 'setup' (tags: {tags})"]


STATIC_CHECKS = [
    ("outputs cleared", check_outputs_cleared),
    ("portable subset", check_portable),
    ("kernelspec java", check_kernelspec),
    ("setup cell tagged", check_setup_tag),
]


# ------------------------------------------------------------ execution -----

def output_text(out):
    text = out.get("text", "")
    return "".join(text) if isinstance(text, list) else text


# JJava 1.0-a6 and later print this for `%jars` (its new spelling, %classpath, takes no jar file
# in rapaio, so %jars stays the portable one): accepted in the setup cell, exactly this text only.
ANSI = re.compile(r"\x1b\[[0-9;]*m")
JJAVA_JARS_NOTICE = re.compile(r"'%jars' magic is deprecated and will be removed in the future versions of "
                               r"JJava\. A more generic '%classpath' should be used in its place\.\s*")


def check_executed(nb):
    """Problems found in the outputs of an executed notebook (nbformat node or dict)."""
    problems = []
    cells = code_cells(nb)
    setup_index = cells[0][0] if cells else None
    for i, c in cells:
        outs = c.get("outputs", [])
        meta = c.get("metadata", {})
        expected_error = "raises-exception" in meta.get("tags", [])
        errors = [o for o in outs if o.get("output_type") == "error"]
        if expected_error and not errors and c.get("execution_count") is not None:
            problems.append(f"cell {i}: tagged 'raises-exception' but raised nothing | {head(c)}")
        error_rx = meta.get("course", {}).get("error")
        for o in errors if expected_error and error_rx else []:
            said = f"{o.get('ename', '')}: {o.get('evalue', '')}"
            if not re.search(error_rx, said):
                problems.append(f"cell {i}: the error {said[:200]!r} does not match {error_rx!r} | {head(c)}")
            lines = [l for l in (o.get("traceback") or []) if ANSI.sub("", l).strip()]
            if len(lines) > 1:
                problems.append(f"cell {i}: the error reaches the student as {len(lines)} lines, not one | {head(c)}")
        for o in outs:
            if o.get("output_type") == "error" and not expected_error:
                problems.append(f"cell {i}: error {o.get('ename', '')}: {o.get('evalue', '')[:200]} | {head(c)}")
            elif (o.get("output_type") == "stream" and o.get("name") == "stderr" and i == setup_index
                  and JJAVA_JARS_NOTICE.fullmatch(output_text(o))):
                continue
            elif o.get("output_type") == "stream" and o.get("name") == "stderr":
                problems.append(f"cell {i}: wrote to stderr: {output_text(o)[:200]!r} | {head(c)}")
        if "plot" in meta.get("tags", []) and not any("image/png" in o.get("data", {}) for o in outs):
            problems.append(f"cell {i}: tagged 'plot' but produced no image/png | {head(c)}")
        stdout = "".join(output_text(o) for o in outs
                         if o.get("output_type") == "stream" and o.get("name") == "stdout")
        lines = stdout.splitlines()
        for rx in meta.get("course", {}).get("expect", []):
            if not any(re.search(rx, line) for line in lines):
                problems.append(f"cell {i}: no stdout line matches {rx!r} (stdout: {stdout[:200]!r}) | {head(c)}")
    return problems


def use_course_jupyter():
    """Use the course kernel and keep Jupyter's files out of the user's home (as ./course does).
    COURSE_KERNELSPECS names a folder whose kernels/java is used instead (cache training, levers)."""
    local = REPO / "build" / "jupyter"
    if local.is_dir():
        first = [os.environ["COURSE_KERNELSPECS"]] if os.environ.get("COURSE_KERNELSPECS") else []
        rest = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p and p not in first + [str(local)]]
        os.environ["JUPYTER_PATH"] = os.pathsep.join(first + [str(local)] + rest)
        for var, sub in [("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_DATA_DIR", "data"),
                         ("JUPYTER_CONFIG_DIR", "config"), ("IPYTHONDIR", "ipython")]:
            os.environ.setdefault(var, str(local / sub))


def private_log(path):
    """A new, empty log file, 0600 in a 0700 folder: kernel logs name ports and paths."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    log = open(path, "wb", opener=lambda p, flags: os.open(p, flags, 0o600))
    os.chmod(path, 0o600)   # an older file keeps its mode otherwise
    return log


def loopback_problem():
    """None if 127.0.0.1 can be bound and reached, else a sentence naming the cause."""
    try:
        with socket.socket() as server, socket.socket() as client:
            server.bind(("127.0.0.1", 0))
            server.listen(1)
            client.settimeout(2)
            client.connect(server.getsockname())
        return None
    except OSError as e:
        return (f"the loopback interface does not work ({e}); kernels listen on 127.0.0.1, so none can start. "
                "Inside a network namespace, run: ip link set lo up")


def kernel_pid(km):
    provisioner = getattr(km, "provisioner", None)
    proc = getattr(provisioner, "process", None)
    return getattr(proc, "pid", None) or getattr(provisioner, "pid", None)


def peak_rss_mb(pid):
    """The peak resident memory of a live process (VmHWM), in MiB, or None."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, TypeError):
        pass
    return None


def cpu_seconds(pid):
    """CPU time (user + system) a live process has used so far, or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, TypeError):
        return None


def thread_dump(pid):
    """The JVM's thread dump (jcmd Thread.print), or a line saying why there is none."""
    jcmd = shutil.which("jcmd") or next((str(p) for p in sorted(Path("/usr/lib/jvm").glob("*/bin/jcmd"))), None)
    if not pid or not jcmd:
        return "(no thread dump: jcmd or the kernel's pid is missing)\n"
    try:
        if b"java" not in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]:
            return "(no thread dump: the kernel is not a JVM)\n"
    except OSError:
        pass
    try:
        return subprocess.run([jcmd, str(pid), "Thread.print"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"(no thread dump: {e})\n"


def log_tail(path, n=3):
    """The last lines of a kernel log that say something, for a start failure's cause."""
    try:
        lines = [l.strip() for l in Path(path).read_text(errors="replace").splitlines() if l.strip()]
    except OSError:
        return ""
    return " / ".join(lines[-n:])


CELL_LINE = re.compile(r"cell \d+: ([0-9.]+) s, of which running ([0-9.]+) s")


def compile_and_run(log_path):
    """(seconds compiling, seconds running) over the cells of the kernel's last start, from the
    course kernel's log lines "cell N: T s, of which running R s"; (None, None) without them."""
    try:
        text = Path(log_path).read_text(errors="replace")
    except OSError:
        return None, None
    cells = [(float(t), float(r)) for t, r in CELL_LINE.findall(text.split("listening on")[-1])]
    if not cells:
        return None, None
    return sum(t - r for t, r in cells), sum(r for _, r in cells)


class StartProblem(Exception):
    """The kernel did not get as far as answering kernel_info."""

    def __init__(self, kind, detail):
        super().__init__(f"{kind}: {detail}")
        self.kind, self.detail = kind, detail


START_LOCK = REPO / "build" / "kernel-start.lock"


class one_start_at_a_time:
    """Held from the choice of the kernel's ports until it answered: jupyter_client picks ports that are free at
    that moment, so two workers starting kernels together could pick the same port before either kernel binds it
    ("cannot listen on …: Address already in use"). A start takes well under a second, so waiting costs little."""

    def __enter__(self):
        import fcntl
        START_LOCK.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(START_LOCK, "w")
        fcntl.flock(self.file, fcntl.LOCK_EX)
        return self

    def release(self):
        if self.file is not None:
            self.file.close()            # closing the file releases the lock
            self.file = None

    def __exit__(self, *exc):
        self.release()


async def run_cells(client, nb, log, result):
    """Start the kernel, run every cell, record times and peak memory, shut the kernel down."""
    started = False
    t0 = time.monotonic()
    try:
        with one_start_at_a_time() as starting:
            t0 = time.monotonic()
            async with client.async_setup_kernel(stderr=log):
                starting.release()
                started = True
                result["start"] = time.monotonic() - t0
                result["pid"] = kernel_pid(client.km)
                for index, cell in enumerate(nb.cells):
                    t = time.monotonic()
                    await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
                    if cell.cell_type == "code":
                        result["cells"].append((index, time.monotonic() - t))
                result["rss_mb"] = peak_rss_mb(result["pid"])
                result["cpu"] = cpu_seconds(result["pid"])
    except Exception as e:
        if started:
            raise
        message = str(e).strip()
        if "didn't respond" in message:   # jupyter_client: the process lived, but never answered
            raise StartProblem("HANG", f"{message[:200]}; {client.start_dump}") from e
        log.flush()
        cause = log_tail(log.name) or "(the kernel log is empty)"
        raise StartProblem("START FAILURE", f"{type(e).__name__}: {message[:200]}; kernel log: {cause}") from e


def course_client_class():
    """nbclient's client, plus a thread dump of a kernel that does not answer at start-up
    (taken before nbclient shuts it down)."""
    from jupyter_client.utils import ensure_async
    from nbclient import NotebookClient

    class CourseClient(NotebookClient):
        start_dump = ""

        async def async_start_new_kernel_client(self):
            try:
                self.kc = self.km.client()
                await ensure_async(self.kc.start_channels())
                await ensure_async(self.kc.wait_for_ready(timeout=self.startup_timeout))
            except Exception:
                pid = kernel_pid(self.km)
                if await ensure_async(self.km.is_alive()):
                    dump = LOG_DIR / f"hang-{pid}.txt"
                    with private_log(dump) as f:
                        f.write(thread_dump(pid).encode())
                    self.start_dump = f"pid {pid}, thread dump {os.path.relpath(dump)}"
                    await ensure_async(self.km.shutdown_kernel(now=True))   # it never answered: no graceful stop
                await self._async_cleanup_kernel()
                raise
            self.kc.allow_stdin = False
            return self.kc

    return CourseClient


def execute(path, out_dir, timeout, startup_timeout=STARTUP_TIMEOUT):
    """Run one notebook in a kernel of its own (in a worker process); return a result dict."""
    import asyncio
    import atexit
    import nbformat

    use_course_jupyter()
    client_class = course_client_class()
    log_path = LOG_DIR / (path.parent.name + "-" + path.stem + ".log" if path.parent.name == "solutions"
                          else path.stem + ".log")
    result = {"path": str(path), "problems": [], "start_problems": [], "start": None, "rss_mb": None,
              "cpu": None, "cells": [], "seconds": 0.0, "attempt": 0}
    t0 = time.monotonic()
    with private_log(log_path) as log:
        for attempt in range(1, STARTUP_ATTEMPTS + 1):
            result["attempt"] = attempt
            result["cells"] = []
            nb = nbformat.read(str(path), as_version=4)
            client = client_class(nb, kernel_name="java", timeout=timeout, allow_errors=False,
                                    startup_timeout=startup_timeout,
                                    resources={"metadata": {"path": str(path.parent)}})
            t0 = time.monotonic()
            try:
                asyncio.run(run_cells(client, nb, log, result))
            except StartProblem as p:
                atexit.unregister(client._cleanup_kernel)   # nbclient has cleaned up already
                result["start_problems"].append(f"{p.kind} (start {attempt}): {p.detail}")
                if "loopback" in p.detail.lower() or attempt == STARTUP_ATTEMPTS:
                    result["problems"].append(f"the kernel did not start: {p.detail}")
                    break
                continue
            except Exception as e:  # CellExecutionError, timeouts, a dead kernel...
                atexit.unregister(client._cleanup_kernel)
                lines = str(e).strip().splitlines()
                result["problems"].append(f"execution stopped: {type(e).__name__}: {lines[-1][:200] if lines else ''}")
            break
    result["seconds"] = time.monotonic() - t0
    result["compile"], result["run"] = compile_and_run(log_path)
    result["problems"] = check_executed(nb) + result["problems"]
    if result["problems"] or result["start_problems"]:
        result["problems"].append(f"kernel log: {os.path.relpath(log_path)}")
    if out_dir is not None:
        rel = path.resolve().relative_to(REPO) if path.resolve().is_relative_to(REPO) else Path(path.name)
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, str(target))
    return result


# ------------------------------------------------------------ driver --------

def find_notebooks(roots, only):
    found = []
    for root in roots:
        root = Path(root)
        paths = [root] if root.is_file() else sorted(root.rglob("*.ipynb"))
        found += [p for p in paths if ".ipynb_checkpoints" not in p.parts
                  and (not only or re.search(only, str(p)))]
    return found


def is_lesson(path):
    return Path(path).parent.name != "solutions"


def longest_first(paths):
    """Order by the last run's times, longest first, so the run ends with short notebooks."""
    try:
        last = json.loads(TIMES_FILE.read_text())
    except (OSError, ValueError):
        last = {}
    return sorted(paths, key=lambda p: -last.get(os.path.relpath(p, REPO), 0))


def time_table(results, wall):
    """The per-notebook table and the totals against the course's targets, as lines."""
    out = ["---- notebook execution (times in s, memory in MiB) ----",
           "  start: to the kernel's first reply; cpu: the kernel's CPU time; jshell/run: time the cells spent",
           "  in JShell (compiling) and running; slowest cell: its time (#index)",
           f"  {'':4}  {'start':>5}  {'total':>6}  {'cpu':>6}  {'jshell':>6}  {'run':>6}  {'peak RSS':>8}  "
           f"{'slowest cell':>14}  notebook"]
    for r in results:
        slow = max(r["cells"], key=lambda c: c[1], default=None)
        slow_text = f"{slow[1]:5.1f} (#{slow[0]})" if slow else ""
        rss = f"{r['rss_mb']:8.0f}" if r["rss_mb"] else f"{'?':>8}"
        start = f"{r['start']:5.2f}" if r["start"] is not None else f"{'-':>5}"
        over = "  OVER 10 s" if is_lesson(r["path"]) and r["seconds"] > TARGET_LESSON else ""
        cpu, jshell, run = (f"{r[k]:6.1f}" if r.get(k) is not None else f"{'?':>6}" for k in ("cpu", "compile", "run"))
        out.append(f"  {'PASS' if r['ok'] else 'FAIL'}  {start}  {r['seconds']:6.1f}  {cpu}  {jshell}  {run}  {rss}  "
                   f"{slow_text:>14}  {r['shown']}{over}")
    lessons = [r for r in results if is_lesson(r["path"])]
    starts = [r["start"] for r in results if r["start"] is not None]
    rss = [r["rss_mb"] for r in results if r["rss_mb"]]

    def verdict(ok):
        return "met" if ok else "NOT met"

    if starts:
        out.append(f"  kernel start to first reply: median {statistics.median(starts):.2f} s, max {max(starts):.2f} s "
                   f"(target: median < {TARGET_START_MEDIAN} s, {verdict(statistics.median(starts) < TARGET_START_MEDIAN)})")
    def targeted(rs):
        return [r for r in rs if Path(r["path"]).stem not in ADDED_LATER]

    if lessons:
        total = sum(r["seconds"] for r in lessons)
        first = targeted(lessons)
        part = sum(r["seconds"] for r in first)
        over = [r["shown"] for r in first if r["seconds"] > TARGET_LESSON]
        out.append(f"  lessons: {total:.1f} s in all for {len(lessons)}; the {len(first)} of the speed target "
                   f"{part:.1f} s (target < {TARGET_LESSONS} s, {verdict(part < TARGET_LESSONS)}); "
                   f"over {TARGET_LESSON} s: {len(over)}" + (f" ({', '.join(Path(o).stem for o in over)})" if over else ""))
        for r in lessons:
            if Path(r["path"]).stem == LANGUAGE_MODEL:
                out.append(f"  the language model ({LANGUAGE_MODEL}): {r['seconds']:.1f} s (target < "
                           f"{TARGET_LANGUAGE_MODEL} s, {verdict(r['seconds'] < TARGET_LANGUAGE_MODEL)})")
    total = sum(r["seconds"] for r in results)
    part = sum(r["seconds"] for r in targeted(results))
    out.append(f"  all: {total:.1f} s in all for {len(results)} notebook(s); the {len(targeted(results))} of the speed "
               f"target {part:.1f} s (target < {TARGET_ALL} s, {verdict(part < TARGET_ALL)}); wall clock {wall:.1f} s "
               f"with {JOBS} at a time")
    if rss:
        heaviest = max(results, key=lambda r: r["rss_mb"] or 0)
        out.append(f"  peak RSS per kernel: max {max(rss):.0f} MiB ({heaviest['shown']}), median {statistics.median(rss):.0f} MiB")
    return out


def main(argv=None):
    global JOBS
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("roots", nargs="*", default=[str(REPO / "notebooks")])
    ap.add_argument("--only", help="regex; run notebooks whose path matches")
    ap.add_argument("--no-exec", action="store_true", help="static checks only")
    ap.add_argument("--no-static", action="store_true", help="execution only")
    ap.add_argument("--out", type=Path, help="save executed copies under this folder")
    ap.add_argument("--timeout", type=int, default=CELL_TIMEOUT, help="seconds per cell")
    ap.add_argument("--startup-timeout", type=int, default=STARTUP_TIMEOUT,
                    help="seconds for a kernel to answer kernel_info before it counts as a hang")
    ap.add_argument("--jobs", type=int, default=JOBS, help="notebooks executed at a time")
    args = ap.parse_args(argv)
    JOBS = max(1, args.jobs)
    use_course_jupyter()

    notebooks = find_notebooks(args.roots, args.only)
    passed = failed = 0

    def report(ok, name, problems=(), seconds=None):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        t = f"  {seconds:6.1f} s" if seconds is not None else ""
        print(f"  {'PASS' if ok else 'FAIL'}  {name}{t}", flush=True)
        for p in problems:
            print(f"        {p}", flush=True)

    if not notebooks:
        print(f"no notebooks found under {' '.join(args.roots)}")
        report(False, "notebooks exist")
    if not args.no_static:
        for path in notebooks:
            print(os.path.relpath(path, Path.cwd()), flush=True)
            try:
                nb = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                report(False, "valid JSON", [str(e)])
                continue
            for name, check in STATIC_CHECKS:
                problems = check(nb)
                report(not problems, name, problems)

    if notebooks and not args.no_exec:
        problem = loopback_problem()
        if problem:
            report(False, "loopback interface", [problem])
            print(f"{passed} passed, {failed} failed", flush=True)
            return 1
        print(f"---- executing {len(notebooks)} notebook(s), {JOBS} at a time ----", flush=True)
        wall0 = time.monotonic()
        results = []
        with ProcessPoolExecutor(max_workers=JOBS) as pool:
            futures = {pool.submit(execute, p, args.out, args.timeout, args.startup_timeout): p
                       for p in longest_first(notebooks)}
            for f in as_completed(futures):
                path = futures[f]
                shown = os.path.relpath(path, Path.cwd())
                try:
                    r = f.result()
                except Exception as e:  # a crashed worker is a failed notebook, not a crashed run
                    r = {"path": str(path), "problems": [f"harness worker failed: {e!r}"], "start_problems": [],
                         "start": None, "rss_mb": None, "cpu": None, "cells": [], "seconds": 0.0}
                r["shown"], r["ok"] = shown, not r["problems"]
                results.append(r)
                print(shown, flush=True)
                for sp in r["start_problems"]:
                    report(False, f"kernel start: {sp}")
                report(r["ok"], "executes", r["problems"], r["seconds"])
        wall = time.monotonic() - wall0
        results.sort(key=lambda r: notebooks.index(Path(r["path"])))
        for line in time_table(results, wall):
            print(line, flush=True)
        hangs = sum(p.startswith("HANG") for r in results for p in r["start_problems"])
        others = sum(not p.startswith("HANG") for r in results for p in r["start_problems"])
        print(f"  kernel starts: {sum(r['attempt'] for r in results if 'attempt' in r)} for {len(results)} notebook(s); "
              f"{hangs} hang(s), {others} other start failure(s)", flush=True)
        try:
            TIMES_FILE.parent.mkdir(parents=True, exist_ok=True)
            TIMES_FILE.write_text(json.dumps({os.path.relpath(r["path"], REPO): round(r["seconds"], 1) for r in results},
                                             indent=1))
        except OSError:
            pass
    print(f"{passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
