#!/usr/bin/env python3
"""A throwaway test page for the diagrams and the gate explorer, run through the real pipeline.

    /usr/bin/python3 tools/explorer_demo.py [--no-browser] [--live]

(the Python that has nbclient and nbconvert; on Debian /usr/bin/python3, as ./course picks it)

Until a lesson uses the explorer, this is how its pieces are proved end to end:

 1. writes build/explorer-demo/notebooks/90-explorer-demo.ipynb (outside notebooks/, never committed):
    three diagrams, and two gate explorers on one page (the second without its what-if slider);
 2. executes it with the course harness (tools/run_notebooks.py: the course kernelspec `java` in
    build/jupyter, i.e. rapaio-jupyter-kernel; run ./course run --only 00- once to install it) and checks
    that each explorer cell produced one display_data holding text/html (the explorer), image/png (its
    static picture) and text/plain, through gated.HtmlDisplay's rapaio branch;
 3. renders it to a handout with tools/handouts.py (nbconvert) and checks that the explorers survived;
 4. opens the handout in headless Chromium with the network cut (tools/browser/check.mjs --pdf
    --expect-explorers 2): every explorer is driven and compared with the library's numbers;
 5. copies the screenshots (the page, each explorer) and the three diagrams as the notebook showed them
    into build/handouts/screenshots/;
 6. with --live: starts a classic Jupyter Notebook server on 127.0.0.1 (as ./course open does), opens the
    notebook in headless Chromium, runs every cell with the course kernel and checks the explorers in the
    live page (tools/browser/live.mjs); then stops the server.

Prints PASS/FAIL lines and ends with "N passed, N failed"; exit status 1 on any failure.
"""
import argparse
import base64
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run_notebooks  # noqa: E402
import handouts  # noqa: E402

REPO = HERE.parent
DEMO = REPO / "build" / "explorer-demo"
NOTEBOOKS = DEMO / "notebooks"
EXECUTED = DEMO / "executed"
SITE = DEMO / "handouts"
SHOTS = REPO / "build" / "handouts" / "screenshots"
NAME = "90-explorer-demo"

BOB_AND_DAN = """\
String[] sentence = "Bob is a nice person Dan on the other hand is evil".split(" ");
Vocabulary vocab = Vocabulary.of(new LinkedHashSet<>(List.of(sentence)).toArray(new String[0]));
int H = 2, V = vocab.size();
double[][] wF = new double[H][H + V], wI = new double[H][H + V], wG = new double[H][H + V], wO = new double[H][H + V];
for (String name : List.of("Bob", "Dan")) {
  wF[0][H + vocab.indexOf(name)] = -16;
  wF[1][H + vocab.indexOf(name)] = -16;
  wI[0][H + vocab.indexOf(name)] = 16;
}
wG[0][H + vocab.indexOf("Bob")] = 3;
wG[0][H + vocab.indexOf("Dan")] = -3;
for (String trait : List.of("nice", "evil")) wI[1][H + vocab.indexOf(trait)] = 16;
wG[1][H + vocab.indexOf("nice")] = 3;
wG[1][H + vocab.indexOf("evil")] = -3;
LstmWeights bobDan = LstmWeights.builder()
    .forget(Matrix.of(wF), Vec.of(8, 8)).input(Matrix.of(wI), Vec.of(-8, -8))
    .candidate(Matrix.of(wG), Vec.of(0, 0)).output(Matrix.of(wO), Vec.of(8, 8)).build();
List<Vec> inputs = vocab.encode(String.join(" ", sentence));
GateExplorer.builder(Lstm.of(bobDan), inputs).words(List.of(sentence)).title("Bob and Dan").start(6).build().show();
System.out.println("shown: the gate explorer over Bob and Dan");
"""

CELLS = [
    ("markdown", [], {}, "# Pictures and the gate explorer (test page)\n\n"
     "A throwaway page written by `tools/explorer_demo.py` to check the diagrams and the gate explorer "
     "end to end: kernel, nbconvert, browser."),
    ("code", ["setup"], {}, "%jars ../../../target/gated-memory-all.jar"),
    ("code", ["setup"], {}, "import gated.*;\nimport gated.cell.*;\nimport gated.diagram.*;\nimport gated.model.*;\n"
     "import gated.tensor.*;\nimport java.util.LinkedHashSet;\nimport java.util.List;\nimport java.util.Random;"),
    ("code", [], {"expect": ["^kernel: rapaio-jupyter-kernel$"]},
     'System.out.println("kernel: " + HtmlDisplay.kernel());'),
    ("code", ["plot"], {"expect": ["^shown: the LSTM cell"]},
     "LstmWeights w = LstmWeights.random(3, 4, new Random(0));\n"
     "LstmStep step = LstmCell.of(w).step(Vec.of(1, 0, 0, 0), Vec.of(0.1, -0.2, 0.3), Vec.of(4, 5, 6));\n"
     "display(Diagrams.lstm(step, CellPath.FORGET));\n"
     'System.out.println("shown: the LSTM cell with its forget path highlighted");'),
    ("code", ["plot"], {"expect": ["^shown: the GRU cell"]},
     "GruStep gruStep = GruCell.of(GruWeights.random(3, 4, new Random(2))).step(Vec.of(1, 0, 0, 0), Vec.of(0.5, -0.2, 0.1));\n"
     "display(Diagrams.gru(gruStep));\n"
     'System.out.println("shown: the GRU cell with the numbers of one step");'),
    ("code", ["plot"], {"expect": ["^shown: a BiLSTM"]},
     'display(Diagrams.biLstm(List.of("Apple", "makes", "phones"), MergeMode.CONCAT));\n'
     'System.out.println("shown: a BiLSTM over three words");'),
    ("code", ["plot"], {"expect": ["^shown: the gate explorer over Bob and Dan$"]}, BOB_AND_DAN),
    ("code", ["plot"], {"expect": ["^shown: a second explorer"]},
     "LstmWeights random = LstmWeights.random(8, 6, new Random(3));\n"
     "List<Vec> xs = new java.util.ArrayList<>();\n"
     "for (int t = 0; t < 12; t++) { double[] x = new double[6]; x[t % 6] = 1; xs.add(Vec.of(x)); }\n"
     'GateExplorer.builder(Lstm.of(random), xs).title("a random LSTM with 8 units").whatIf(false).build().show();\n'
     'System.out.println("shown: a second explorer on the same page");'),
]


def write_notebook():
    cells = []
    for kind, tags, course, src in CELLS:
        cell = {"cell_type": kind, "metadata": {}, "source": src}
        if tags:
            cell["metadata"]["tags"] = tags
        if course:
            cell["metadata"]["course"] = course
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        cells.append(cell)
    nb = {"cells": cells, "nbformat": 4, "nbformat_minor": 4, "metadata": {
        "kernelspec": {"name": "java", "display_name": "Java (course)", "language": "java"},
        "language_info": {"name": "java"},
        "course": {"summary": "A test page for the diagrams and the gate explorer."}}}
    shutil.rmtree(DEMO, ignore_errors=True)
    NOTEBOOKS.mkdir(parents=True)
    path = NOTEBOOKS / f"{NAME}.ipynb"
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def offline(cmd):
    """Run with no network where we can (unshare -n as root), as ./course does."""
    if os.geteuid() == 0 and shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"]).returncode == 0:
        return ["unshare", "-n", *cmd]
    return cmd


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def live_notebook(path):
    """Serve the notebook's folder with classic Jupyter Notebook and check it in Chromium; stop the server."""
    env = dict(os.environ)
    local = REPO / "build" / "jupyter"
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(local), env.get("JUPYTER_PATH")]))
    for var, sub in [("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTER_CONFIG_DIR", "config"), ("IPYTHONDIR", "ipython")]:
        env.setdefault(var, str(local / sub))
    port, token = free_port(), secrets.token_hex(16)
    log = open(DEMO / "notebook-server.log", "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--NotebookApp.token={token}", "--allow-root", f"--notebook-dir={path.parent}"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        url = f"http://127.0.0.1:{port}/notebooks/{path.name}?token={token}"
        proc = subprocess.run(["node", str(HERE / "browser" / "live.mjs"), url, "--expect-explorers", "2",
                               "--shots", str(SHOTS)], capture_output=True, text=True)
        return proc.returncode == 0, proc.stdout + proc.stderr
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-browser", action="store_true", help="stop after rendering the handout")
    ap.add_argument("--live", action="store_true", help="also run the notebook in a live Jupyter Notebook in Chromium")
    args = ap.parse_args(argv)
    passed = failed = 0

    def report(ok, name, detail=""):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        print(f"  {'PASS' if ok else 'FAIL'}  {name}{'  ' + detail if detail else ''}", flush=True)

    if not (REPO / "target" / "gated-memory-all.jar").exists():
        print("explorer demo: build the library first (./course run --only 00- builds it and installs the kernel)")
        return 1
    path = write_notebook()

    # 2. the harness: static checks, execution with the course kernel, plot/expect checks
    rc = run_notebooks.main([str(path), "--out", str(EXECUTED)])
    report(rc == 0, "notebook passes the harness (static checks, execution, plot and expect checks)")
    executed = EXECUTED / path.resolve().relative_to(REPO)
    if not executed.exists():
        report(False, "executed copy written", str(executed))
        print(f"{passed} passed, {failed} failed")
        return 1
    nb = json.loads(executed.read_text(encoding="utf-8"))
    explorer_cells = [c for c in nb["cells"] if c["cell_type"] == "code" and "GateExplorer" in "".join(c["source"])]
    for k, cell in enumerate(explorer_cells, 1):
        outs = [o for o in cell.get("outputs", []) if o.get("output_type") == "display_data"]
        data = outs[0]["data"] if len(outs) == 1 else {}
        html = data.get("text/html", "")
        html = "".join(html) if isinstance(html, list) else html
        ok = ("data-gated-explorer" in html and "image/png" in data and "text/plain" in data
              and "window.GatedMemoryExplorer.mount(" in html)
        report(ok, f"explorer {k}: one display_data with text/html (the explorer), image/png and text/plain",
               f"({len(html)} bytes of HTML)" if ok else f"outputs: {[list(o.get('data', {})) for o in outs]}")

    # the diagrams as the notebook showed them
    SHOTS.mkdir(parents=True, exist_ok=True)
    pictures = [o["data"]["image/png"] for c in nb["cells"] if c["cell_type"] == "code"
                and "Diagrams." in "".join(c["source"]) for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    for name, png in zip(["diagram-lstm-forget", "diagram-gru", "diagram-bilstm"], pictures):
        (SHOTS / f"{name}.png").write_bytes(base64.b64decode("".join(png) if isinstance(png, list) else png))
    report(len(pictures) == 3, "three diagrams displayed as image/png", f"saved in {SHOTS.relative_to(REPO)}")

    # 3. nbconvert: the handout page
    problems = handouts.build(EXECUTED, SITE, notebooks_dir=NOTEBOOKS, log=lambda *a: None)
    page = SITE / f"{NAME}.html"
    text = page.read_text(encoding="utf-8") if page.exists() else ""
    report(problems == 0 and text.count("data-gated-explorer=") == 2,
           "handout rendered by nbconvert keeps both explorers", f"{page.relative_to(REPO)}")

    # 4. the browser check, network cut
    if not args.no_browser:
        cmd = offline(["node", str(HERE / "browser" / "check.mjs"), "--pdf", "--expect-explorers", "2", str(SITE)])
        proc = subprocess.run(cmd, capture_output=True, text=True)
        print(proc.stdout + proc.stderr, end="")
        report(proc.returncode == 0, "browser check of the test page (tools/browser/check.mjs)")
        for shot in sorted((SITE / "screenshots").glob(f"{NAME}*.png")):
            shutil.copy2(shot, SHOTS / shot.name)
    if args.live:
        ok, out = live_notebook(path)
        print(out, end="")
        report(ok, "the notebook run live in classic Jupyter Notebook (tools/browser/live.mjs)")
    print(f"screenshots: {SHOTS.relative_to(REPO)}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
