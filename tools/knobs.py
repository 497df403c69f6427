#!/usr/bin/env python3
"""The notebooks' size knobs: list them, check they declare a range, and run the notebooks at the extremes.

    python3 tools/knobs.py                 list every knob (notebook, name, default, range); exit 1 if a
                                           knob has no range or its arguments are not literals
    python3 tools/knobs.py --extremes [--out DIR] [--only REGEX]
                                           run every notebook that has knobs twice, once with each of its
                                           knobs at its smallest value and once at its largest, through
                                           tools/run_notebooks.py; exit 1 if any run fails

A knob is read in a notebook as `Knob.integer("EPOCHS", 30, 2, 100)` or `Knob.real("LR", 0.01, 0.001, 0.1)`:
name, default, smallest and largest allowed value, all literals. A lesson may only assert what holds for
every allowed value, and the extremes run is how that is checked. Notebooks whose knobs take the same
values at an extreme are run together, in one harness call.
"""
import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NUM = r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
KNOB = re.compile(r"Knob\s*\.\s*(integer|real)\s*\(([^()]*)\)")


def source(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def knobs_of(path):
    """([(name, kind, default, lo, hi)], [problem]) for one notebook."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    found, problems = {}, []
    for i, c in enumerate(nb.get("cells", [])):
        if c.get("cell_type") != "code":
            continue
        code = re.sub(r"//[^\n]*", "", source(c))
        for m in KNOB.finditer(code):
            kind, args = m.group(1), [a.strip() for a in m.group(2).split(",")]
            text = m.group(0)
            if len(args) != 4:
                problems.append(f"cell {i}: {text} declares no range; write Knob.{kind}(\"NAME\", default, min, max)")
                continue
            name = re.fullmatch(r'"([A-Z][A-Z0-9_]*)"', args[0])
            if not name or not all(re.fullmatch(NUM, a) for a in args[1:]):
                problems.append(f"cell {i}: {text}: name and numbers must be literals (NAME in capitals)")
                continue
            default, lo, hi = (float(a) if kind == "real" else int(float(a)) for a in args[1:])
            if not lo <= default <= hi:
                problems.append(f"cell {i}: {text}: the default is outside its range")
            key = name.group(1)
            if key in found and found[key][1:] != (kind, default, lo, hi):
                problems.append(f"cell {i}: knob {key} is declared twice with different values")
            found[key] = (key, kind, default, lo, hi)
    return list(found.values()), problems


def notebooks(only=None):
    paths = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb")) + sorted((REPO / "notebooks" / "solutions").glob("*.ipynb"))
    return [p for p in paths if not only or re.search(only, str(p))]


def fmt(v):
    return repr(v) if isinstance(v, float) else str(v)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extremes", action="store_true")
    ap.add_argument("--out", default="build/executed-knobs")
    ap.add_argument("--only")
    args = ap.parse_args(argv)

    table, bad = {}, 0
    for path in notebooks(args.only):
        ks, problems = knobs_of(path)
        rel = path.relative_to(REPO / "notebooks")
        for p in problems:
            print(f"  FAIL  {rel}: {p}")
        bad += bool(problems)
        if ks:
            table[path] = ks
            if not args.extremes:
                for name, kind, d, lo, hi in ks:
                    print(f"  {str(rel):48} {name:14} default {fmt(d):>7}  range {fmt(lo)}..{fmt(hi)}")
    if bad or not args.extremes:
        print(f"knobs: {sum(len(k) for k in table.values())} knob(s) in {len(table)} notebook(s), {bad} notebook(s) with problems")
        return 1 if bad else 0

    failed = 0
    for end, pick in (("smallest", lambda k: k[3]), ("largest", lambda k: k[4])):
        groups = defaultdict(list)
        for path, ks in table.items():
            groups[tuple(sorted((k[0], fmt(pick(k))) for k in ks))].append(path)
        for env_items, paths in groups.items():
            env = dict(os.environ, **dict(env_items))
            shown = " ".join(f"{k}={v}" for k, v in env_items)
            print(f"==> knobs at their {end} values: {shown}: {' '.join(p.name for p in paths)}", flush=True)
            cmd = [sys.executable, str(REPO / "tools" / "run_notebooks.py"), "--no-static",
                   "--out", str(REPO / args.out / end)] + [str(p) for p in paths]
            failed += subprocess.run(cmd, env=env, cwd=REPO).returncode != 0
    runs = sum(len(set(tuple(sorted((k[0], fmt(pick(k))) for k in ks)) for ks in table.values()))
               for pick in (lambda k: k[3], lambda k: k[4]))
    print(f"knob extremes: {runs} run(s), {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
