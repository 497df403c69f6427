#!/usr/bin/env python3
"""Measures the levers on the kernel's speed, one kernel configuration at a time, in one run.

    python3 tools/kernel_levers.py [--starts 8] [--only REGEX] [--jobs-check]

Run it after ./course has set up (it uses build/jupyter's kernel jar and build/kernel's fix). For
each configuration it writes a kernelspec under build/kernel/levers/NAME, builds the JVM cache the
configuration uses (as ./course does), then measures
  - the kernel's start to its first kernel_info reply (median of --starts starts), and
  - a few lessons run one at a time: their total time and the kernel's CPU time (the CPU time is
    the steadier figure on a shared machine: it does not count time spent waiting for a core).
--jobs-check also runs the same lessons with the final configuration two at a time.
A measurement, not a test: it prints a table and always exits 0.
"""
import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kernel_checks  # noqa: E402
import run_notebooks as rn  # noqa: E402

REPO = rn.REPO
LEVERS = REPO / "build" / "kernel" / "levers"
KERNEL_JAR = REPO / "build" / "jupyter" / "kernels" / "java" / "rapaio-jupyter-kernel-3.0.1.jar"
FIX_JAR = REPO / "build" / "kernel" / "course-kernel.jar"
JDK17 = Path("/usr/lib/jvm/java-17-openjdk-amd64")
JDK25 = Path("/usr/lib/jvm/temurin-25-jdk-amd64")
COMMON = ["-Djava.awt.headless=true", f"-Dorg.bytedeco.javacpp.cachedir={REPO / 'build' / 'javacpp'}"]
ON25 = ["--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"]
FIX = ["-cp", f"{FIX_JAR}:{KERNEL_JAR}", "coursekernel.Main"]
MEMORY = ["-Xmx512m", "-XX:MaxMetaspaceSize=256m", "-Dorg.bytedeco.javacpp.maxphysicalbytes=1g", "-XX:+UseSerialGC"]
LESSONS = r"^notebooks/(01|07|11|16)-"

# name, java home, JVM flags, cache ("", "cds" or "aot"), main (class path and class, or -jar)
CONFIGS = [
    ("rapaio 3.0.1 as shipped, Java 17", JDK17, [], "", ["-jar", str(KERNEL_JAR)]),
    ("fix, Java 17", JDK17, COMMON, "", FIX),
    ("fix, Java 17, CDS archive", JDK17, COMMON, "cds", FIX),
    ("fix, Java 25", JDK25, COMMON + ON25, "", FIX),
    ("fix, Java 25, AOT cache", JDK25, COMMON + ON25, "aot", FIX),
    ("fix, Java 25, AOT, C1 only", JDK25, COMMON + ON25 + ["-XX:TieredStopAtLevel=1"], "aot", FIX),
    ("fix, Java 25, AOT, SerialGC, memory bounds", JDK25, COMMON + ON25 + MEMORY, "aot", FIX),
    ("fix, Java 17, CDS, C1, SerialGC, memory bounds (./course without Temurin 25)", JDK17,
     COMMON + MEMORY + ["-XX:TieredStopAtLevel=1"], "cds", FIX),
    ("fix, Java 25, AOT, C1, SerialGC, memory bounds (./course)", JDK25,
     COMMON + ON25 + MEMORY + ["-XX:TieredStopAtLevel=1"], "aot", FIX),
]


def spec(folder, argv):
    d = folder / "kernels" / "java"
    d.mkdir(parents=True, exist_ok=True)
    (d / "kernel.json").write_text(json.dumps({"argv": argv + ["{connection_file}"], "display_name": "Java (lever)",
                                               "language": "java", "interrupt_mode": "message"}))


def configure(name, jdk, flags, cache, main):
    """The kernelspec folder of one configuration, with its cache built if it needs one."""
    folder = LEVERS / "".join(c if c.isalnum() else "-" for c in name.lower())
    java = [str(jdk / "bin" / "java")]
    use = []
    if cache:
        file = folder / ("kernel.aot" if cache == "aot" else "kernel.jsa")
        record = f"-XX:AOTCacheOutput={file}" if cache == "aot" else f"-XX:ArchiveClassesAtExit={file}"
        if not file.exists():
            spec(folder, java + [record] + flags + main)
            kernel_checks.train_cache(folder)
        use = [f"-XX:AOTCache={file}" if cache == "aot" else f"-XX:SharedArchiveFile={file}"]
    spec(folder, java + use + flags + main)
    return folder


def measure(folder, starts, lessons, jobs=1):
    os.environ["COURSE_KERNELSPECS"] = str(folder)
    rn.use_course_jupyter()
    times = []
    hangs = 0
    for k in range(starts):
        with kernel_checks.private_log(f"lever-start-{k}.log") as log:
            km, kc, t0 = kernel_checks.start_kernel(log)
            try:
                kc.wait_for_ready(timeout=20)
                times.append(time.monotonic() - t0)
            except RuntimeError:
                hangs += 1
            kernel_checks.stop_kernel(km, kc)
    paths = [p for p in rn.find_notebooks([REPO / "notebooks"], None) if rn.re.search(lessons, os.path.relpath(p, REPO))]
    t0 = time.monotonic()
    if jobs == 1:
        results = [rn.execute(p, None, rn.CELL_TIMEOUT) for p in paths]
    else:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(rn.execute, paths, [None] * len(paths), [rn.CELL_TIMEOUT] * len(paths)))
    wall = time.monotonic() - t0
    return {"start": statistics.median(times) if times else None, "hangs": hangs, "starts": starts,
            "total": sum(r["seconds"] for r in results), "wall": wall,
            "cpu": sum(r["cpu"] or 0 for r in results), "rss": max((r["rss_mb"] or 0) for r in results),
            "failed": sum(bool(r["problems"]) for r in results), "n": len(results)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--starts", type=int, default=8)
    ap.add_argument("--only", help="regex on the configuration names")
    ap.add_argument("--lessons", default=LESSONS, help="regex on notebook paths (relative to the project)")
    ap.add_argument("--jobs-check", action="store_true")
    args = ap.parse_args(argv)
    rows = []
    for name, jdk, flags, cache, main_ in CONFIGS:
        if args.only and not rn.re.search(args.only, name):
            continue
        if not (jdk / "bin" / "java").exists():
            print(f"{name}: skipped ({jdk} is missing)")
            continue
        folder = configure(name, jdk, flags, cache, main_)
        m = measure(folder, args.starts, args.lessons)
        rows.append((name, m))
        print(f"{name}: {m}", flush=True)
    if args.jobs_check and rows:
        name = CONFIGS[-1][0]   # the configuration ./course uses
        folder = configure(*CONFIGS[-1])
        m = measure(folder, 0, args.lessons, jobs=2)
        rows.append((name + ", 2 notebooks at a time", m))
    print(f"\n| configuration | start, median (s) | hangs | lessons: total (s) | wall (s) | kernel CPU (s) | peak RSS (MiB) | failed |")
    print("|---|---|---|---|---|---|---|---|")
    for name, m in rows:
        start = f"{m['start']:.2f}" if m["start"] is not None else "-"
        print(f"| {name} | {start} | {m['hangs']}/{m['starts']} | {m['total']:.1f} | {m['wall']:.1f} | {m['cpu']:.1f} "
              f"| {m['rss']:.0f} | {m['failed']}/{m['n']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
