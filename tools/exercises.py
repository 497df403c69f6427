#!/usr/bin/env python3
"""Static checks of the exercises in the notebooks (no kernel needed).

    python3 tools/exercises.py            check every lesson and its solution; exit 1 on a problem

A check cell may hold nothing but calls of the form

    Exercises.check("04.1", answer1);
    Exercises.check("04.4", answer4, bobDan);
    Exercises.compare("11.2", prediction2, accuracy2);

that is: the exercise id as a string, then plain variable names. A number, an operator or a method
call in a check cell could compute or reveal the expected value, so any of them is refused; the
expected values live in the library (gated.exercise). Further rules:
- the old `Check.answer(...)` (which took the expected value as an argument) is not used;
- every check cell of a lesson appears, identically, in its solution notebook, and there it carries
  `"course": {"expect": ["^✓"]}` so the harness proves the solution is judged right;
- each id is checked once per notebook and belongs to that notebook (04.x only in 04-…).
Standard library only.
"""
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
IDENT = r"[A-Za-z_$][\w$]*"
CALL = re.compile(r'^Exercises\.(check|compare)\(\s*"(\d\d\.\d+)"\s*((?:,\s*' + IDENT + r'\s*)*)\)$')


def source(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def strip_comments(code):
    code = re.sub(r"/\*.*?\*/", " ", code, flags=re.S)
    return re.sub(r"//[^\n]*", "", code)


def check_cells(nb):
    """(cell index, source) of every code cell that calls Exercises.check/compare."""
    return [(i, source(c)) for i, c in enumerate(nb.get("cells", []))
            if c.get("cell_type") == "code" and re.search(r"\bExercises\s*\.\s*(check|compare)\b", strip_comments(source(c)))]


def problems_in_cell(src):
    """Problems of one check cell, and the ids it checks."""
    problems, ids = [], []
    for stmt in (s.strip() for s in strip_comments(src).split(";")):
        if not stmt:
            continue
        flat = " ".join(stmt.split())
        m = CALL.match(flat)
        if not m:
            problems.append(f"only Exercises.check(\"NN.k\", variable, …) is allowed in a check cell, found: {flat[:90]}")
            continue
        ids.append(m.group(2))
    return problems, ids


def check_notebook(path, solution_path):
    problems = []
    nb = json.loads(path.read_text(encoding="utf-8"))
    number = path.name[:2]
    seen = {}
    all_code = "\n".join(source(c) for c in nb.get("cells", []) if c.get("cell_type") == "code")
    if re.search(r"\bCheck\s*\.\s*answer\s*\(", strip_comments(all_code)):
        problems.append("uses Check.answer(...), which shows the expected value; use Exercises.check(\"NN.k\", variable)")
    for i, src in check_cells(nb):
        cell_problems, ids = problems_in_cell(src)
        problems += [f"cell {i}: {p}" for p in cell_problems]
        for ex in ids:
            if not ex.startswith(number + "."):
                problems.append(f"cell {i}: exercise {ex} belongs to notebook {ex[:2]}, not {number}")
            if ex in seen:
                problems.append(f"cell {i}: exercise {ex} is already checked in cell {seen[ex]}")
            seen[ex] = i
    if solution_path is not None and solution_path.exists():
        sol = json.loads(solution_path.read_text(encoding="utf-8"))
        sol_cells = {" ".join(strip_comments(s).split()): (i, sol["cells"][i]) for i, s in check_cells(sol)}
        for i, src in check_cells(nb):
            key = " ".join(strip_comments(src).split())
            if key not in sol_cells:
                problems.append(f"cell {i}: this check cell is missing (or different) in solutions/{path.name}")
                continue
            j, cell = sol_cells[key]
            expect = cell.get("metadata", {}).get("course", {}).get("expect", [])
            if "^✓" not in expect:
                problems.append(f"solutions/{path.name} cell {j}: a solved check cell needs \"course\": {{\"expect\": [\"^✓\"]}}")
    return problems, sorted(seen)


def main(argv=None):
    failed = 0
    total = 0
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        problems, ids = check_notebook(path, NOTEBOOKS / "solutions" / path.name)
        total += len(ids)
        status = "FAIL" if problems else "PASS"
        print(f"  {status}  {path.name}: {len(ids)} exercise check(s)")
        for p in problems:
            print(f"        {p}")
        failed += bool(problems)
    print(f"exercises: {total} checks in {len(list(NOTEBOOKS.glob('[0-9][0-9]-*.ipynb')))} lessons, {failed} notebook(s) with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
