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
                     - a cell with metadata {"course": {"expect": [regex, ...]}}
                       has, for every regex, a stdout line it matches (re.search).

Notebooks are executed in memory; the files under notebooks/ are never
written. --out DIR saves executed copies (DIR/<path relative to ROOT's parent>)
for rendering handouts.

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
import sys
import time
import warnings
from pathlib import Path

# nbformat 4.4 notebooks have no cell ids; newer nbformat warns when writing them.
warnings.filterwarnings("ignore", message="Code cell is missing an id field")

REPO = Path(__file__).resolve().parent.parent
CELL_TIMEOUT = 300     # seconds per cell; the first ND4J call alone takes ~3 s
STARTUP_TIMEOUT = 10   # seconds for a kernel to answer kernel_info (normally 1-2 s)
STARTUP_ATTEMPTS = 5   # see execute()

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
JJAVA_JARS_NOTICE = re.compile(r"'%jars' magic is deprecated and will be removed in the future versions of "
                               r"JJava\. A more generic '%classpath' should be used in its place\.\s*")


def check_executed(nb):
    """Problems found in the outputs of an executed notebook (nbformat node or dict)."""
    problems = []
    cells = code_cells(nb)
    setup_index = cells[0][0] if cells else None
    for i, c in cells:
        outs = c.get("outputs", [])
        for o in outs:
            if o.get("output_type") == "error":
                problems.append(f"cell {i}: error {o.get('ename', '')}: {o.get('evalue', '')[:200]} | {head(c)}")
            elif (o.get("output_type") == "stream" and o.get("name") == "stderr" and i == setup_index
                  and JJAVA_JARS_NOTICE.fullmatch(output_text(o))):
                continue
            elif o.get("output_type") == "stream" and o.get("name") == "stderr":
                problems.append(f"cell {i}: wrote to stderr: {output_text(o)[:200]!r} | {head(c)}")
        meta = c.get("metadata", {})
        if "plot" in meta.get("tags", []) and not any("image/png" in o.get("data", {}) for o in outs):
            problems.append(f"cell {i}: tagged 'plot' but produced no image/png | {head(c)}")
        stdout = "".join(output_text(o) for o in outs
                         if o.get("output_type") == "stream" and o.get("name") == "stdout")
        lines = stdout.splitlines()
        for rx in meta.get("course", {}).get("expect", []):
            if not any(re.search(rx, line) for line in lines):
                problems.append(f"cell {i}: no stdout line matches {rx!r} (stdout: {stdout[:200]!r}) | {head(c)}")
    return problems


def execute(path, out_dir, timeout, log_dir):
    """Run one notebook; return (problems, seconds).

    rapaio-jupyter-kernel 3.0.1 has a start-up race: in about 1 start in 7
    here one of its channel threads never starts, the kernel binds its ports
    but never answers kernel_info, and jupyter_client gives up with "Kernel
    didn't respond". Waiting before connecting does not help (checked), so a
    kernel that does not answer before any cell ran is replaced by a fresh
    one, up to STARTUP_ATTEMPTS times. The kernel's own log (its stderr) goes
    to log_dir/<notebook>.log.
    """
    import atexit
    import nbformat
    from nbclient import NotebookClient

    log_dir.mkdir(parents=True, exist_ok=True)
    log = log_dir / (path.stem + ".log")
    log.write_bytes(b"")
    for attempt in range(1, STARTUP_ATTEMPTS + 1):
        nb = nbformat.read(str(path), as_version=4)
        client = NotebookClient(nb, kernel_name="java", timeout=timeout, allow_errors=False,
                                startup_timeout=STARTUP_TIMEOUT,
                                resources={"metadata": {"path": str(path.parent)}})
        problems = []
        t0 = time.monotonic()
        with open(log, "ab") as kernel_stderr:
            try:
                client.execute(stderr=kernel_stderr)
            except Exception as e:  # CellExecutionError, timeouts, a dead kernel...
                atexit.unregister(client._cleanup_kernel)  # nbclient leaves it behind on start-up failure
                lines = str(e).strip().splitlines()
                problems.append(f"execution stopped: {type(e).__name__}: {lines[-1][:200] if lines else ''}")
                never_started = "didn't respond" in str(e) and all(
                    c.get("execution_count") is None for _, c in code_cells(nb))
                if never_started and attempt < STARTUP_ATTEMPTS:
                    print(f"        (kernel did not answer at start-up, attempt {attempt}; starting a new one)", flush=True)
                    continue
        break
    seconds = time.monotonic() - t0
    problems = check_executed(nb) + problems
    if problems:
        problems.append(f"kernel log: {os.path.relpath(log)}")
    if out_dir is not None:
        rel = path.resolve().relative_to(REPO) if path.resolve().is_relative_to(REPO) else Path(path.name)
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, str(target))
    return problems, seconds


# ------------------------------------------------------------ driver --------

def find_notebooks(roots, only):
    found = []
    for root in roots:
        root = Path(root)
        paths = [root] if root.is_file() else sorted(root.rglob("*.ipynb"))
        found += [p for p in paths if ".ipynb_checkpoints" not in p.parts
                  and (not only or re.search(only, str(p)))]
    return found


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("roots", nargs="*", default=[str(REPO / "notebooks")])
    ap.add_argument("--only", help="regex; run notebooks whose path matches")
    ap.add_argument("--no-exec", action="store_true", help="static checks only")
    ap.add_argument("--no-static", action="store_true", help="execution only")
    ap.add_argument("--out", type=Path, help="save executed copies under this folder")
    ap.add_argument("--timeout", type=int, default=CELL_TIMEOUT, help="seconds per cell")
    args = ap.parse_args(argv)

    # Use the course kernel and keep Jupyter's files out of the user's home.
    local = REPO / "build" / "jupyter"
    if local.is_dir():
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(local), os.environ.get("JUPYTER_PATH")]))
        for var, sub in [("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_DATA_DIR", "data"),
                         ("JUPYTER_CONFIG_DIR", "config"), ("IPYTHONDIR", "ipython")]:
            os.environ.setdefault(var, str(local / sub))

    notebooks = find_notebooks(args.roots, args.only)
    passed = failed = 0
    times = []

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
    for path in notebooks:
        shown = os.path.relpath(path, Path.cwd())
        print(shown, flush=True)
        if not args.no_static:
            try:
                nb = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                report(False, "valid JSON", [str(e)])
                continue
            for name, check in STATIC_CHECKS:
                problems = check(nb)
                report(not problems, name, problems)
        if not args.no_exec:
            problems, seconds = execute(path, args.out, args.timeout, REPO / "build" / "kernel-logs")
            times.append((shown, not problems, seconds))
            report(not problems, "executes", problems, seconds)

    if times:
        print("---- notebook execution ----")
        for shown, ok, seconds in times:
            print(f"  {'PASS' if ok else 'FAIL'}  {seconds:6.1f} s  {shown}")
        print(f"  total {sum(s for _, _, s in times):.1f} s for {len(times)} notebook(s)")
    print(f"{passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
