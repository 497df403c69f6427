#!/usr/bin/env python3
"""Generate the course contents and the previous/next links, so nobody maintains them by hand.

    python3 tools/contents.py           rewrite README.md's contents table and every notebook's nav cell
    python3 tools/contents.py --check   change nothing; exit 1 if anything is out of date (run by ./course test)

A notebook's title is its first H1; its one-line summary is metadata.course.summary, or else the
first sentence of the paragraph after that H1. The navigation cell is the last cell, tagged `nav`; it is created if missing.
Solutions (notebooks/solutions/<same name>) get a nav cell that points back to the lesson.
A notebook with exercises (a "## Exercises" heading) must have a solution notebook, and one without (the setup
check, the appendix) must not; README's Solutions column says "no exercises" for those.
Standard library only, so it runs under any Python 3.
"""
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"
README = REPO / "README.md"
START, END = "<!-- contents:start -->", "<!-- contents:end -->"


def lessons():
    return sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def dump(nb):
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def source(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def title_and_summary(nb, path):
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        text = source(cell)
        m = re.search(r"^# (.+)$", text, re.M)
        if not m:
            continue
        after = text[m.end():].strip()
        para = re.split(r"\n\s*\n", after)[0].strip() if after else ""
        para = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", para)      # links → their text
        para = " ".join(para.split())
        sentence = re.match(r"(.+?[.!?])(\s|$)", para)
        summary = nb.get("metadata", {}).get("course", {}).get("summary")
        return m.group(1).strip(), summary or (sentence.group(1) if sentence else para)
    raise SystemExit(f"contents: {path.relative_to(REPO)} has no H1 title")


def has_exercises(nb):
    """True if the notebook has an "## Exercises" heading (then its solutions live in notebooks/solutions/)."""
    return any(c["cell_type"] == "markdown" and re.search(r"^## Exercises\s*$", source(c), re.M) for c in nb["cells"])


def solution_problems(items):
    """A lesson with exercises needs a solution notebook; one without exercises must not have one."""
    problems = []
    for path, _, _ in items:
        sol = SOLUTIONS / path.name
        exercises = has_exercises(load(path))
        if exercises and not sol.exists():
            problems.append(f"{path.relative_to(REPO)} has exercises but no solutions/{path.name}")
        if not exercises and sol.exists():
            problems.append(f"{path.relative_to(REPO)} has no \"## Exercises\" heading but solutions/{path.name} exists")
    return problems


def nav_text(items, k, solution):
    path, title, _ = items[k]
    up = "../" if solution else ""
    parts = []
    if k > 0:
        parts.append(f"[← {items[k - 1][1]}]({up}{items[k - 1][0].name})")
    parts.append(f"[Contents]({up}../README.md#contents)")
    if k + 1 < len(items):
        parts.append(f"[{items[k + 1][1]} →]({up}{items[k + 1][0].name})")
    line = " · ".join(parts)
    if solution:
        return f"---\n{line}\n\nThese are the solutions. Back to the lesson: [{title}](../{path.name})."
    sol = SOLUTIONS / path.name
    extra = f"\n\nSolutions to the exercises: [solutions/{path.name}](solutions/{path.name})." if sol.exists() else ""
    return f"---\n{line}{extra}"


def with_nav(nb, text):
    cells = [c for c in nb["cells"] if "nav" not in c.get("metadata", {}).get("tags", [])]
    cells.append({"cell_type": "markdown", "metadata": {"tags": ["nav"]}, "source": text})
    out = dict(nb)
    out["cells"] = cells
    return out


def contents_table(items):
    rows = ["| # | Notebook | What it covers | Solutions |", "|---|---|---|---|"]
    for path, title, summary in items:
        num = path.name[:2]
        if (SOLUTIONS / path.name).exists():
            sol = f"[solutions](notebooks/solutions/{path.name})"
        else:
            sol = "no exercises" if not has_exercises(load(path)) else "—"
        rows.append(f"| {num} | [{title}](notebooks/{path.name}) | {summary} | {sol} |")
    return "\n".join(rows)


def main():
    check = "--check" in sys.argv[1:]
    items = []
    for p in lessons():
        title, summary = title_and_summary(load(p), p)
        items.append((p, title, summary))
    stale = []
    for k, (path, _, _) in enumerate(items):
        for target, solution in ((path, False), (SOLUTIONS / path.name, True)):
            if not target.exists():
                continue
            text = target.read_text(encoding="utf-8")
            new = dump(with_nav(json.loads(text), nav_text(items, k, solution)))
            if new != text:
                stale.append(target)
                if not check:
                    target.write_text(new, encoding="utf-8")
    if README.exists():
        text = README.read_text(encoding="utf-8")
        if START in text and END in text:
            head, rest = text.split(START, 1)
            _, tail = rest.split(END, 1)
            new = f"{head}{START}\n{contents_table(items)}\n{END}{tail}"
            if new != text:
                stale.append(README)
                if not check:
                    README.write_text(new, encoding="utf-8")
        else:
            print(f"contents: README.md has no {START} … {END} section", file=sys.stderr)
            stale.append(README)
    broken = solution_problems(items)
    for problem in broken:
        print(f"contents: {problem}", file=sys.stderr)
    for p in stale:
        print(("out of date: " if check else "updated: ") + str(p.relative_to(REPO)))
    if check and stale:
        print("contents: run `python3 tools/contents.py` to regenerate the contents and navigation", file=sys.stderr)
        return 1
    if broken:
        return 1
    print(f"contents: {len(items)} notebooks, {'all up to date' if not stale else f'{len(stale)} file(s) ' + ('stale' if check else 'updated')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
