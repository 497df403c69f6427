#!/usr/bin/env python3
"""The harness accepts JJava's `%jars` deprecation notice on stderr in a
notebook's setup cell, and nothing more: the same text elsewhere, or anything
added to it, still fails. (JJava itself can't be installed here; the text is
the one its JarsMagic prints from 1.0-a6 on.)"""
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_notebooks import check_executed  # noqa: E402

NOTICE = ("'%jars' magic is deprecated and will be removed in the future versions of JJava. "
          "A more generic '%classpath' should be used in its place.\n")


def notebook(setup_stderr=None, later_stderr=None):
    def cell(src, err):
        outs = [] if err is None else [{"output_type": "stream", "name": "stderr", "text": err}]
        return {"cell_type": "code", "source": src, "metadata": {}, "outputs": outs, "execution_count": 1}
    return {"cells": [{"cell_type": "markdown", "source": "# t", "metadata": {}},
                      cell("%jars ../target/gated-memory-all.jar", setup_stderr),
                      cell("System.out.println(1);", later_stderr)]}


class JJavaNotice(unittest.TestCase):
    def test_notice_in_setup_cell_is_accepted(self):
        self.assertEqual(check_executed(notebook(setup_stderr=NOTICE)), [])

    def test_notice_in_another_cell_fails(self):
        self.assertEqual(len(check_executed(notebook(later_stderr=NOTICE))), 1)

    def test_anything_more_in_the_setup_cell_fails(self):
        self.assertEqual(len(check_executed(notebook(setup_stderr=NOTICE + "java.io.FileNotFoundException\n"))), 1)
        self.assertEqual(len(check_executed(notebook(setup_stderr="warning: something else\n"))), 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
