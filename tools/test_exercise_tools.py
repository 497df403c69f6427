"""Unit tests of tools/exercises.py, tools/knobs.py and tools/answers_scan.py (no kernel, no network)."""
import json
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import answers_scan  # noqa: E402
import exercises  # noqa: E402
import knobs  # noqa: E402


def notebook(*cells):
    return {"cells": [{"cell_type": "code", "metadata": m, "source": s} for s, m in cells], "metadata": {}}


class CheckCells(unittest.TestCase):
    def test_only_ids_and_names_are_allowed(self):
        ok, ids = exercises.problems_in_cell('Exercises.check("04.1", answer1);\n// a comment\nExercises.check("04.2", a2, bobDan);')
        self.assertEqual(ok, [])
        self.assertEqual(ids, ["04.1", "04.2"])
        for bad in ['Exercises.check("04.1", answer1, Vec.of(4, 5, 6));',
                    'Exercises.check("06.2", 0.5 / Activations.tanh(2));',
                    'Exercises.check("04.1", answer1); System.out.println(Vec.of(2, 0, 6));',
                    'Check.answer("Exercise 1", answer1, expected, 1e-9);']:
            problems, _ = exercises.problems_in_cell(bad)
            self.assertTrue(problems, bad)

    def test_a_solution_must_mirror_the_lesson_and_expect_a_tick(self):
        with tempfile.TemporaryDirectory() as d:
            lesson, solution = Path(d) / "04-x.ipynb", Path(d) / "sol.ipynb"
            lesson.write_text(json.dumps(notebook(('Exercises.check("04.1", answer1);', {}))))
            solution.write_text(json.dumps(notebook(('Exercises.check("04.1", answer1);', {}))))
            problems, _ = exercises.check_notebook(lesson, solution)
            self.assertTrue(any("expect" in p for p in problems), problems)
            solution.write_text(json.dumps(notebook(('Exercises.check("04.1", answer1);', {"course": {"expect": ["^✓"]}}))))
            self.assertEqual(exercises.check_notebook(lesson, solution)[0], [])
            lesson.write_text(json.dumps(notebook(('Exercises.check("05.1", answer1);', {}))))
            problems, _ = exercises.check_notebook(lesson, solution)
            self.assertTrue(any("belongs to notebook 05" in p for p in problems), problems)


class Knobs(unittest.TestCase):
    def test_ranges_are_read_and_missing_ranges_refused(self):
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / "11-x.ipynb"
            p.write_text(json.dumps(notebook(('int e = Knob.integer("EPOCHS", 30, 2, 100);\ndouble lr = Knob.real("LR", 0.01, 1e-3, 0.1);', {}))))
            ks, problems = knobs.knobs_of(p)
            self.assertEqual(problems, [])
            self.assertEqual(sorted(ks), [("EPOCHS", "integer", 30, 2, 100), ("LR", "real", 0.01, 0.001, 0.1)])
            p.write_text(json.dumps(notebook(('int e = Knob.integer("EPOCHS", 30);', {}))))
            self.assertTrue(knobs.knobs_of(p)[1])
            p.write_text(json.dumps(notebook(('int e = Knob.integer("EPOCHS", 300, 2, 100);', {}))))
            self.assertTrue(knobs.knobs_of(p)[1])


class AnswersScan(unittest.TestCase):
    def test_plain_values_are_skipped_and_real_ones_found(self):
        self.assertEqual(answers_scan.forms(0.5, 1e-9), [])
        self.assertEqual(answers_scan.forms(3, 0), [])
        self.assertEqual(answers_scan.forms(80, 0), ["80"])
        self.assertIn("0.5187", answers_scan.forms(0.5186747, 1e-4))
        section = answers_scan.exercise_section("lesson 0.5187 … Exercises Exercise 1: compute o when C = 2")
        self.assertEqual(answers_scan.leaks(section, "0.51867", 1e-4), [])
        section = answers_scan.exercise_section("Exercises … the answer is 0.5187 here")
        self.assertEqual(answers_scan.leaks(section, "0.51867", 1e-4), ["0.5187"])
        self.assertEqual(answers_scan.leaks("entries 2.7 and 1", "[1.000000, -0.700000, 2.700000]", 1e-9), ["2.7"])
        self.assertEqual(answers_scan.leaks("options A B", "B", 0), [])


if __name__ == "__main__":
    unittest.main()
