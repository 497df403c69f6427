#!/usr/bin/env python3
"""Checks of the course's Java kernel through the Jupyter protocol (jupyter_client).

Usage (./course test runs all of them; the course script picks the Python):

    python3 tools/kernel_checks.py starts [-n 40]   start and stop the kernel N times
    python3 tools/kernel_checks.py interrupt        stop a 60-s training cell, then a tight loop
    python3 tools/kernel_checks.py bad-message      wrongly signed and malformed messages
    python3 tools/kernel_checks.py bind-failure     a port that is taken: exit at once, naming it
    python3 tools/kernel_checks.py all

`starts` measures, for each start, the time from launching the kernel process to
its first kernel_info reply (what jupyter_client's wait_for_ready and nbclient
wait for), then asks it to shut down over the control channel. A start that
gets no kernel_info reply in --timeout seconds, or whose shutdown_request is
never answered, is a HANG: its thread dump (jcmd Thread.print) is saved beside
the kernel logs. It prints the median and maximum start time and the number of
hangs, and fails on any hang or start failure.

The last line printed is always "N passed, N failed"; exit status 1 on failure.
"""
import argparse
import hashlib
import hmac
import json
import os
import queue
import re
import signal
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_notebooks import LOG_DIR, REPO, kernel_pid, thread_dump, use_course_jupyter  # noqa: E402
from run_notebooks import peak_rss_mb as rn_peak  # noqa: E402
from run_notebooks import private_log as _private_log  # noqa: E402


def private_log(name):
    return _private_log(LOG_DIR / name)


def reply_on(channel, msg_id, timeout):
    """The reply to msg_id on a client channel, or None after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        try:
            msg = channel.get_msg(timeout=left)
        except queue.Empty:
            return None
        if msg.get("parent_header", {}).get("msg_id") == msg_id:
            return msg


def start_kernel(log, stdout=None):
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name="java")
    t0 = time.monotonic()
    km.start_kernel(stderr=log, stdout=stdout, cwd=str(REPO / "notebooks"))
    kc = km.client()
    kc.start_channels()
    return km, kc, t0


def stop_kernel(km, kc, timeout=10, exit_wait=5):
    """Ask for a shutdown over the control channel; True if the kernel answered it. The process
    gets exit_wait seconds to end before it is killed."""
    answered = False
    try:
        msg = km.session.msg("shutdown_request", content={"restart": False})
        km._connect_control_socket()
        km.session.send(km._control_socket, msg)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if km._control_socket.poll(100):
                reply = km.session.recv(km._control_socket)[1]
                if reply and reply["msg_type"] == "shutdown_reply":
                    answered = True
                    break
        deadline = time.monotonic() + exit_wait
        while km.is_alive() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
        km.cleanup_resources()
    return answered


# ------------------------------------------------------------------ starts --

def check_starts(n, timeout):
    use_course_jupyter()
    times, hangs, failures = [], [], []
    for k in range(1, n + 1):
        with private_log(f"start-{k:02d}.log") as log:
            km, kc, t0 = start_kernel(log)
            problem, key = None, ""
            try:
                kc.wait_for_ready(timeout=timeout)
                times.append(time.monotonic() - t0)
            except RuntimeError as e:
                problem = str(e)
            if problem and km.is_alive():
                dump = LOG_DIR / f"start-{k:02d}-threads.txt"
                dump.write_text(thread_dump(kernel_pid(km)))
                os.chmod(dump, 0o600)
                hangs.append(f"start {k}: no kernel_info reply in {timeout} s (thread dump: {os.path.relpath(dump)})")
            elif problem:
                failures.append(f"start {k}: {problem}; kernel log: {os.path.relpath(log.name)}")
            pid = kernel_pid(km)
            key = json.loads(Path(km.connection_file).read_text()).get("key", "")
            answered = stop_kernel(km, kc)
            if not problem and not answered:
                hangs.append(f"start {k}: shutdown_request not answered on the control channel (pid {pid})")
        logged = Path(log.name).read_bytes()
        if key and key.encode() in logged:
            failures.append(f"start {k}: the session key is in the kernel log {os.path.relpath(log.name)}")
        if (os.stat(log.name).st_mode & 0o777, os.stat(LOG_DIR).st_mode & 0o777) != (0o600, 0o700):
            failures.append(f"start {k}: kernel log or its folder is readable by others")
        status = "ok" if not problem else "HANG" if hangs and hangs[-1].startswith(f"start {k}:") else "FAILED"
        shown = f"{times[-1]:.2f} s" if not problem else status
        print(f"  start {k:2d}: {shown}", flush=True)
    ok = not hangs and not failures
    if times:
        print(f"kernel starts: {len(times)} of {n} answered; first reply median {statistics.median(times):.2f} s, "
              f"max {max(times):.2f} s; {len(hangs)} hang(s), {len(failures)} other failure(s)")
    for line in hangs + failures:
        print(f"  {line}")
    return ok


def check_together(n, timeout):
    """Start n kernels at the same moment (a class opening the same notebook) and wait for all."""
    from concurrent.futures import ThreadPoolExecutor
    use_course_jupyter()
    logs = [private_log(f"together-{k:02d}.log") for k in range(n)]

    def one(k):
        km, kc, t0 = start_kernel(logs[k])
        try:
            kc.wait_for_ready(timeout=timeout)
            return km, kc, time.monotonic() - t0, None
        except RuntimeError as e:
            return km, kc, None, f"{e}; kernel log: {logs[k].name}"

    with ThreadPoolExecutor(n) as pool:
        started = list(pool.map(one, range(n)))
    rss = [rn_peak(kernel_pid(km)) for km, _, _, _ in started]
    for km, kc, _, _ in started:
        stop_kernel(km, kc)
    for log in logs:
        log.close()
    times = [t for _, _, t, _ in started if t is not None]
    problems = [p for _, _, _, p in started if p]
    print(f"{n} kernels started together: {len(times)} answered, median {statistics.median(times):.2f} s, "
          f"max {max(times):.2f} s; idle RSS per kernel median {statistics.median([r for r in rss if r]):.0f} MiB")
    for p in problems:
        print(f"  {p}")
    return not problems


# --------------------------------------------------------------- interrupt --

SETUP = """import gated.*;
import gated.cell.*;
import gated.model.*;
import gated.train.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
int before = 41;
Vocabulary vocab = Vocabulary.of("cat", "mat", "rat");
List<Example> data = new ArrayList<>();
for (String s : List.of("cat mat rat", "cat rat rat", "mat mat cat")) data.add(Example.labelled(vocab.encode(s), s.startsWith("cat") ? 0 : 1));
Random init = new Random(0);
Classifier<LstmWeights> clf = Classifier.of(Lstm.of(LstmWeights.random(4, 3, init)), 2, init);
Trainer trainer = Trainer.builder().epochs(1_000_000).batchSize(3).adam(0.05).seed(1).build();"""

# (source, how to interrupt it or None, regex its one error line must match, regex of a stdout line)
INTERRUPT_CELLS = [
    ("%jars ../target/gated-memory-all.jar", None, None, None),
    (SETUP, None, None, None),
    ('System.out.println("training");\nTrainer.History<LstmWeights> history = trainer.fit(clf, data, List.of());',
     "interrupt_request", r"^interrupted at epoch \d+ of 1000000; the weights of (epoch \d+|the model passed in) are kept$", None),
    ('System.out.println("next cell: " + (before + 1));', None, None, r"^next cell: 42$"),
    ("long spins = 0;\nwhile (true) { spins++; }", "interrupt_request", r"^Interrupted: the cell was interrupted", None),
    ('System.out.println("after the loop: " + before);', None, None, r"^after the loop: 41$"),
    ("while (true) { }", "SIGINT", r"^Interrupted: the cell was interrupted", None),
    ("Thread.sleep(60_000);", "interrupt_request", r"^Interrupted: the cell was interrupted", None),
    ('System.out.println("still here: " + (before + 1));', None, None, r"^still here: 42$"),
]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def check_interrupt(delay=2.0, limit=1.0):
    """Interrupt running cells through nbclient; each must stop within `limit` seconds, with one
    line, and the next cell must run in the same kernel with the earlier variables."""
    import asyncio
    import nbformat
    from nbclient import NotebookClient
    use_course_jupyter()
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}})
    for src, how, _, _ in INTERRUPT_CELLS:
        nb.cells.append(nbformat.v4.new_code_cell(src, metadata={"tags": ["raises-exception"]} if how else {}))
    client = NotebookClient(nb, kernel_name="java", timeout=120, startup_timeout=60,
                            resources={"metadata": {"path": str(REPO / "notebooks")}})
    problems, latencies = [], []

    async def run():
        async with client.async_setup_kernel(stderr=private_log("interrupt-test.log")):
            for idx, (cell, (src, how, error_rx, out_rx)) in enumerate(zip(nb.cells, INTERRUPT_CELLS)):
                task = asyncio.ensure_future(client.async_execute_cell(cell, idx))
                if how:
                    await asyncio.sleep(delay)
                    if task.done():
                        problems.append(f"cell {idx} ended before it could be interrupted: {cell.outputs}")
                        continue
                    t0 = time.monotonic()
                    if how == "SIGINT":
                        os.kill(kernel_pid(client.km), signal.SIGINT)
                    else:
                        await client.km.interrupt_kernel()
                    try:
                        await asyncio.wait_for(task, timeout=30)
                    except asyncio.TimeoutError:
                        problems.append(f"cell {idx} ({how}): still running 30 s after the interrupt")
                        return
                    latency = time.monotonic() - t0
                    latencies.append((idx, how, latency))
                    if latency > limit:
                        problems.append(f"cell {idx} ({how}): stopped {latency:.2f} s after the interrupt (limit {limit} s)")
                else:
                    await task
                errors = [o for o in cell.outputs if o.output_type == "error"]
                stdout = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
                if error_rx:
                    lines = [ANSI.sub("", line) for o in errors for line in o.traceback]
                    if len(lines) != 1 or not re.search(error_rx, lines[0]):
                        problems.append(f"cell {idx}: expected one line matching {error_rx!r}, got {lines!r}")
                elif errors:
                    problems.append(f"cell {idx}: error {errors[0].ename}: {errors[0].evalue}")
                if out_rx and not any(re.search(out_rx, line) for line in stdout.splitlines()):
                    problems.append(f"cell {idx}: no stdout line matches {out_rx!r} (stdout {stdout!r})")

    asyncio.run(run())
    for idx, how, latency in latencies:
        print(f"  cell {idx}: {how} -> cell ended {latency:.3f} s later", flush=True)
    if latencies:
        worst = max(l for _, _, l in latencies)
        print(f"interrupt latency: max {worst:.3f} s over {len(latencies)} interrupts (limit {limit} s)")
    for p in problems:
        print(f"  {p}")
    return not problems and len(latencies) == sum(1 for c in INTERRUPT_CELLS if c[1])


# ------------------------------------------------------------ bad messages --

def check_bad_messages():
    """Wrongly signed and malformed messages are dropped (and logged) and the kernel still works."""
    import zmq
    use_course_jupyter()
    with private_log("bad-message-test.log") as log:
        km, kc, _ = start_kernel(log)
        problems, info = [], {"key": "(no connection file)"}
        try:
            kc.wait_for_ready(timeout=60)
            info = json.loads(Path(km.connection_file).read_text())
            sock = zmq.Context.instance().socket(zmq.DEALER)
            sock.connect(f"tcp://{info['ip']}:{info['shell_port']}")

            def frames(key):
                header = json.dumps({"msg_id": uuid.uuid4().hex, "session": uuid.uuid4().hex, "username": "intruder",
                                     "date": "2026-01-01T00:00:00.000000Z", "msg_type": "execute_request",
                                     "version": "5.3"}).encode()
                content = json.dumps({"code": 'System.out.println("intruder ran");', "silent": False}).encode()
                parts = [header, b"{}", b"{}", content]
                sig = hmac.new(key, b"".join(parts), hashlib.sha256).hexdigest().encode()
                return [b"<IDS|MSG>", sig] + parts

            bad = [frames(b"not-the-key"),                     # wrong key
                   frames(info["key"].encode())[:3],           # too few frames
                   [b"garbage"],                               # no delimiter
                   frames(b"")]                                # unsigned
            good = frames(info["key"].encode())
            good[2] = b"{not json"                             # signed, malformed header
            good[1] = hmac.new(info["key"].encode(), b"".join(good[2:6]), hashlib.sha256).hexdigest().encode()
            for msg in bad + [good]:
                sock.send_multipart(msg)
            if sock.poll(2000):
                problems.append(f"the kernel answered a bad message: {sock.recv_multipart()[:3]}")
            sock.close(0)
            outputs = []
            reply = kc.execute_interactive('System.out.println("after: " + (6 * 7));', timeout=60,
                                           output_hook=outputs.append)
            if reply["content"]["status"] != "ok":
                problems.append(f"a good cell after the bad messages failed: {reply['content']}")
            text = "".join(m["content"].get("text", "") for m in outputs if m["msg_type"] == "stream")
            if "after: 42" not in text or "intruder" in text:
                problems.append(f"unexpected output after the bad messages: {text!r}")
        except Exception as e:  # noqa: BLE001 (reported as a failure)
            problems.append(f"{type(e).__name__}: {e}")
        finally:
            stop_kernel(km, kc)
    logged = Path(log.name).read_text()
    rejected = len(re.findall(r"rejected a message on shell", logged))
    if rejected != 5:
        problems.append(f"the kernel log shows {rejected} rejected message(s), expected 5: {os.path.relpath(log.name)}")
    if info["key"] in logged:
        problems.append("the session key appears in the kernel log")
    print(f"bad messages: 5 sent (wrong key, unsigned, too few frames, no delimiter, malformed header); "
          f"{rejected} rejected in the log; a cell ran normally afterwards: {'yes' if not problems else 'NO'}")
    for p in problems:
        print(f"  {p}")
    return not problems



# ------------------------------------------------------------ cache training --

def train_cache(kernelspecs, notebook="00-setup-check.ipynb"):
    """Run one notebook in the kernelspec `java` found in `kernelspecs` (a kernel started with
    -XX:AOTCacheOutput or -XX:ArchiveClassesAtExit), then let it exit on its own: the JVM writes
    its start-up cache as it exits."""
    import nbformat
    os.environ["COURSE_KERNELSPECS"] = str(kernelspecs)
    use_course_jupyter()
    nb = nbformat.read(str(REPO / "notebooks" / notebook), as_version=4)
    with private_log("cache-training.log") as log:
        km, kc, t0 = start_kernel(log, stdout=log)   # the JVM reports on the cache it writes on stdout
        try:
            kc.wait_for_ready(timeout=120)
            for cell in nb.cells:
                if cell.cell_type == "code":
                    kc.execute_interactive(cell.source, timeout=300, output_hook=lambda m: None)
        except Exception as e:  # noqa: BLE001 (reported; the caller keeps no cache)
            print(f"cache training failed: {type(e).__name__}: {e}")
            stop_kernel(km, kc)
            return False
        answered = stop_kernel(km, kc, exit_wait=600)   # writing the cache takes a while
        code = km.provisioner.process.returncode if km.provisioner and km.provisioner.process else None
    print(f"cache training: {notebook} ran in {time.monotonic() - t0:.1f} s; the kernel "
          f"{'exited' if answered else 'did not answer the shutdown'} (status {code})")
    return answered


# ------------------------------------------------------------ bind failure --

def check_bind_failure(timeout=30):
    """A kernel that cannot listen on its port exits at once, naming the port and the cause
    (3.0.1 kept running without answering)."""
    import socket
    import subprocess
    use_course_jupyter()
    from jupyter_client.kernelspec import KernelSpecManager
    spec = KernelSpecManager().get_kernel_spec("java")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        ports = {}
        for name in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"):
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                ports[name] = s.getsockname()[1]
        ports["control_port"] = port
        conn = LOG_DIR / "bind-test-connection.json"
        with private_log(conn.name) as f:
            f.write(json.dumps(dict(ports, ip="127.0.0.1", transport="tcp", signature_scheme="hmac-sha256",
                                    key=uuid.uuid4().hex)).encode())
        argv = [a.replace("{connection_file}", str(conn)).replace("{resource_dir}", spec.resource_dir) for a in spec.argv]
        t0 = time.monotonic()
        try:
            p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=str(REPO / "notebooks"))
            took, code, err = time.monotonic() - t0, p.returncode, p.stderr
        except subprocess.TimeoutExpired:
            took, code, err = timeout, None, "(still running)"
    conn.unlink()
    named = f"127.0.0.1:{port}" in err and "control" in err
    print(f"bind failure: the kernel exited with status {code} after {took:.2f} s; "
          f"its message names the port: {'yes' if named else 'NO'}")
    print("  " + (err.strip().splitlines() or ["(no message)"])[-1])
    return code == 3 and named


# --------------------------------------------------------------- main -------

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("check", choices=["starts", "interrupt", "bad-message", "bind-failure", "all", "train"])
    ap.add_argument("--kernelspecs", type=Path, help="(train) folder whose kernels/java records the JVM cache")
    ap.add_argument("-n", type=int, default=40, help="number of starts (starts)")
    ap.add_argument("--together", type=int, default=0, help="(starts) start this many kernels at once instead")
    ap.add_argument("--timeout", type=float, default=20, help="seconds to wait for a first reply")
    args = ap.parse_args(argv)
    if args.check == "train":
        return 0 if train_cache(args.kernelspecs) else 1
    results = []
    if args.check == "starts" and args.together:
        results.append((f"{args.together} kernels started together", check_together(args.together, args.timeout * 3)))
    elif args.check in ("starts", "all"):
        results.append(("kernel starts", check_starts(args.n, args.timeout)))
    if args.check in ("interrupt", "all"):
        results.append(("interrupt", check_interrupt()))
    if args.check in ("bad-message", "all"):
        results.append(("bad messages", check_bad_messages()))
    if args.check in ("bind-failure", "all"):
        results.append(("bind failure", check_bind_failure()))
    passed = sum(ok for _, ok in results)
    for name, ok in results:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}")
    print(f"{passed} passed, {len(results) - passed} failed", flush=True)
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
