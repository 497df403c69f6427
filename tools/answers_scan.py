#!/usr/bin/env python3
"""Scan the student handouts for leaked exercise answers.

    python3 tools/answers_scan.py --answers build/answers.tsv --handouts build/handouts

The answers file is written by the library while the solution notebooks run (gated.exercise.Exercises
appends "id<TAB>value<TAB>tolerance" for every correct answer when COURSE_ANSWER_LOG names a file). For each
answer, the exercise section of the student page of its notebook (everything after the "Exercises"
heading of build/handouts/NN-*.html; solutions/ is never scanned) must not show the value: a number is
looked for at its tolerance's decimals and at 2 to 6 decimals, a vector as a whole and entry by entry.
Values too plain to identify an answer (0, 1, 0.5, small whole numbers that a question states itself) are
skipped, and the report says how many. Standard library only.
"""
import argparse
import html
import math
import re
import sys
from pathlib import Path


def text_of(page):
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def exercise_section(text):
    m = re.search(r"\bExercises\b", text)
    return text[m.end():] if m else ""


def decimals(tol):
    if not tol > 0:
        return 6
    return max(0, min(10, math.ceil(-math.log10(tol))))


def forms(v, tol):
    """Ways a number may be written, or [] when it is too plain to identify an answer."""
    if not math.isfinite(v):
        return []
    if float(v).is_integer():
        return [str(int(v))] if abs(v) >= 10 else []
    out = set()
    for d in {decimals(tol), 2, 3, 4, 5, 6}:
        s = f"{v:.{d}f}"
        if re.fullmatch(r"-?0\.0*", s):
            continue
        s = s.rstrip("0").rstrip(".") if "." in s else s
        if len(re.sub(r"[^0-9]", "", s).lstrip("0")) >= 2:      # at least two significant digits
            out.add(s)
    return sorted(out)


def found(text, s):
    return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![\d])", text) is not None


def leaks(section, value, tol):
    """The forms of value (a number or '[a, b, …]') that appear in section."""
    value = value.strip()
    if value.startswith("["):
        entries = [float(x) for x in value.strip("[]").split(",") if x.strip()]
        return [f for e in entries for f in forms(e, tol) if found(section, f)]
    try:
        number = float(value)
    except ValueError:
        return []                  # a choice letter: nothing to find
    return [f for f in forms(number, tol) if found(section, f)]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--answers", type=Path, required=True)
    ap.add_argument("--handouts", type=Path, required=True)
    args = ap.parse_args(argv)
    if not args.answers.exists():
        print(f"answers scan: {args.answers} is missing (the solutions were not run with COURSE_ANSWER_LOG)")
        print("0 passed, 1 failed")
        return 1
    answers = {}
    for line in args.answers.read_text(encoding="utf-8").splitlines():
        ex, value, tol = line.split("\t")
        answers[ex] = (value, float(tol))
    pages = {p.name[:2]: p for p in args.handouts.glob("[0-9][0-9]-*.html")}
    passed = failed = 0
    for ex, (value, tol) in sorted(answers.items()):
        page = pages.get(ex[:2])
        if page is None:
            print(f"  FAIL  {ex}: no student page {ex[:2]}-*.html in {args.handouts}")
            failed += 1
            continue
        bad = leaks(exercise_section(text_of(page.read_text(encoding="utf-8"))), value, tol)
        if bad:
            print(f"  FAIL  {ex}: the student page {page.name} shows the answer as {', '.join(bad)}")
            failed += 1
        else:
            passed += 1
    print(f"answers scan: {len(answers)} answer(s) looked for in {len(pages)} student page(s)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
