#!/usr/bin/env python3
"""The student's workspace: a private working copy of the course notebooks.

The tracked notebooks in notebooks/ stay pristine; Jupyter serves a copy
(work/ for `./course open`, ~/gated-memory/work/ for each JupyterHub user).
The copy is made on first open and is never overwritten afterwards:

  sync    copy every course file that the workspace does not have yet (new
          lessons after a `git pull` arrive this way); existing files are left
          exactly as they are. Also records, in WORK/.course-base/, the course
          version each copy was made from, so `status` can tell who changed what.
  status  for every notebook: unchanged, edited by you, changed in the course
          since your copy, or both.
  diff    NAME: what the course changed in NAME since your copy was made
          (cell by cell, sources only).
  fresh   NAME: put the course's current version beside yours, as
          NAME.course-latest.ipynb (or -2, -3, ... if that name is taken);
          your own file is never touched.

Only cell types and sources count as an edit: opening and saving a notebook in
Jupyter rewrites its JSON (metadata, outputs), which is not an edit.

Layout: WORK sits next to the folder that holds the library jar, so the
notebooks' `%jars ../target/gated-memory-all.jar` (and `../../target/...` in
solutions/) resolve the same way as in notebooks/. --jar-dir makes WORK/../target
a symbolic link to a shared jar folder (the JupyterHub layout) when it is missing.

Usage: python3 tools/workspace.py {sync,status,diff,fresh} --src notebooks --dest work [...]
Plain Python 3.8+, no third-party modules.
"""
import argparse
import difflib
import json
import os
import shutil
import sys
from pathlib import Path

BASE = ".course-base"                     # WORK/.course-base/<rel>: the course version the copy was made from
SKIP_NAMES = {"AUTHORING.md"}             # for authors, not students
SKIP_DIRS = {".ipynb_checkpoints", "__pycache__", BASE}
LATEST = ".course-latest"


def course_files(src):
    """Relative paths of the files a workspace gets, sorted."""
    out = []
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for f in filenames:
            if f in SKIP_NAMES or f.startswith(".") or LATEST in f:
                continue
            out.append(Path(dirpath, f).relative_to(src))
    return sorted(out)


def content(path):
    """What counts as the notebook's content: (cell type, source) of every cell.
    Returns None for a file that is not valid notebook JSON (compared as bytes then)."""
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
        return [(c.get("cell_type"), "".join(c["source"]) if isinstance(c.get("source"), list) else c.get("source", ""))
                for c in nb.get("cells", [])]
    except (ValueError, KeyError, AttributeError, UnicodeDecodeError):
        return None


def same(a, b):
    ca, cb = content(a), content(b)
    if ca is None or cb is None:
        return Path(a).read_bytes() == Path(b).read_bytes()
    return ca == cb


def copy_new(src_file, dest_file):
    """Copy without ever replacing: O_EXCL fails if the file appeared meanwhile."""
    dest_file.parent.mkdir(parents=True, exist_ok=True)
    data = src_file.read_bytes()
    fd = os.open(dest_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def record_base(src_file, base_file):
    base_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = base_file.with_name(base_file.name + ".tmp")
    shutil.copyfile(src_file, tmp)
    os.replace(tmp, base_file)


def link_jar_dir(dest, jar_dir):
    target = dest.parent / "target"
    if target.is_symlink() or target.exists():
        if not (target / "gated-memory-all.jar").exists():
            print(f"workspace: warning: {target}/gated-memory-all.jar is missing; the notebooks' %jars line will fail",
                  file=sys.stderr)
        return
    os.symlink(jar_dir, target)


def cmd_sync(src, dest, jar_dir=None, quiet=False):
    if dest.is_symlink():
        sys.exit(f"workspace: {dest} is a symbolic link; refusing to write through it")
    first = not dest.exists()
    dest.mkdir(parents=True, exist_ok=True)
    if first:
        os.chmod(dest, 0o700)      # a student's answers are theirs alone
    if jar_dir:
        link_jar_dir(dest, Path(jar_dir))
    copied, changed = [], []
    for rel in course_files(src):
        s, d, b = src / rel, dest / rel, dest / BASE / rel
        if not d.exists() and not d.is_symlink():
            copy_new(s, d)
            record_base(s, b)
            copied.append(rel)
        elif b.exists() and not same(b, s):
            changed.append(rel)
    if quiet:
        return 0
    if first:
        print(f"workspace: made {dest} from {src} ({len(copied)} files); your edits and saves go there, "
              f"and {src} stays as the course ships it")
    elif copied:
        print(f"workspace: {len(copied)} new course file(s) copied into {dest}: " + ", ".join(map(str, copied)))
    if changed:
        print(f"workspace: the course has changed {len(changed)} notebook(s) since your copy was made "
              f"(your copies are untouched): " + ", ".join(map(str, changed)))
        print("workspace: see them with  ./course work status  (and ./course work diff NAME, ./course work fresh NAME)")
    return 0


def state(src, dest, rel):
    s, d, b = src / rel, dest / rel, dest / BASE / rel
    if not d.exists():
        return "missing" if s.exists() else "gone"
    if not s.exists():
        return "yours only"
    if not b.exists():
        return "no record" if not same(d, s) else "unchanged"
    upstream = not same(b, s)
    edited = not same(b, d)
    if upstream and edited:
        return "both changed"
    if upstream:
        return "course changed"
    if edited:
        return "edited by you"
    return "unchanged"


EXPLAIN = {
    "unchanged": "same as the course",
    "edited by you": "your edits; the course has not changed it",
    "course changed": "the course changed it since your copy; you have not edited yours",
    "both changed": "the course changed it and you edited yours",
    "missing": "not in your workspace (./course open copies it)",
    "no record": "differs from the course; no record of which version it was copied from",
}


def cmd_status(src, dest):
    if not dest.exists():
        print(f"workspace: {dest} does not exist yet; ./course open makes it")
        return 0
    counts = {}
    for rel in course_files(src):
        st = state(src, dest, rel)
        counts[st] = counts.get(st, 0) + 1
        if st != "unchanged":
            print(f"  {st:<15} {rel}  ({EXPLAIN.get(st, '')})")
    print("workspace " + str(dest) + ": " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
    if counts.get("course changed") or counts.get("both changed"):
        print("  ./course work diff NAME shows what the course changed; ./course work fresh NAME puts the course's"
              " version beside yours (yours is never replaced).")
    return 0


def resolve(src, name):
    """NAME may be '04', '04-forget-gate', 'solutions/04-forget-gate.ipynb', ..."""
    files = course_files(src)
    n = name[:-6] if name.endswith(".ipynb") else name
    exact = [r for r in files if str(r) in (name, n + ".ipynb")]
    if exact:
        return exact[0]
    hits = [r for r in files if r.name.startswith(Path(n).name) and (("/" in n) == (len(r.parts) > 1))]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        sys.exit(f"workspace: no course notebook matches '{name}'")
    sys.exit(f"workspace: '{name}' matches several notebooks: " + ", ".join(map(str, hits)))


def sources_text(path):
    cells = content(path) or []
    lines = []
    for i, (kind, src) in enumerate(cells):
        lines.append(f"---- cell {i} ({kind})\n")
        lines.extend(l if l.endswith("\n") else l + "\n" for l in src.splitlines())
    return lines


def cmd_diff(src, dest, name):
    rel = resolve(src, name)
    b = dest / BASE / rel
    if not b.exists():
        sys.exit(f"workspace: no record of the course version {rel} was copied from; compare with ./course work fresh {name}")
    diff = list(difflib.unified_diff(sources_text(b), sources_text(src / rel),
                                     f"{rel} (course, when you copied it)", f"{rel} (course, now)"))
    if not diff:
        print(f"workspace: the course has not changed {rel} since your copy was made")
    else:
        sys.stdout.writelines(diff)
    return 0


def cmd_fresh(src, dest, name):
    rel = resolve(src, name)
    stem = (dest / rel).with_suffix("")
    k = 1
    while True:
        out = Path(f"{stem}{LATEST}{'' if k == 1 else '-' + str(k)}.ipynb")
        if not out.exists():
            break
        k += 1
    copy_new(src / rel, out)
    print(f"workspace: the course's current {rel} is now beside yours as {out}; {dest / rel} is unchanged")
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["sync", "status", "diff", "fresh"])
    ap.add_argument("name", nargs="?", help="notebook for diff/fresh, e.g. 04 or solutions/04-forget-gate")
    ap.add_argument("--src", default="notebooks", type=Path)
    ap.add_argument("--dest", default="work", type=Path)
    ap.add_argument("--jar-dir", help="make DEST/../target a link to this folder if it is missing")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    if not a.src.is_dir():
        sys.exit(f"workspace: course folder {a.src} not found")
    if a.command in ("diff", "fresh") and not a.name:
        sys.exit(f"workspace: {a.command} needs a notebook name, e.g. ./course work {a.command} 04")
    if a.command == "sync":
        return cmd_sync(a.src, a.dest, a.jar_dir, a.quiet)
    if a.command == "status":
        return cmd_status(a.src, a.dest)
    if a.command == "diff":
        return cmd_diff(a.src, a.dest, a.name)
    return cmd_fresh(a.src, a.dest, a.name)


if __name__ == "__main__":
    sys.exit(main())
