#!/usr/bin/env python3
"""PyTorch's LSTM for ./course bench, driven by src/test/java/gated/bench/Bench.java.

One call = forward over T steps of B sequences from a zero state, then backward from a given
dL/dh_t at every step (weight, bias and input gradients), as the Java bench does. The Java side
sends one command per line on stdin and reads one answer per line, so that PyTorch's rounds
are interleaved with the Java implementations' rounds under the same machine load:

  setup NAME X H T B DTYPE    -> ok NAME                (DTYPE: float64 or float32)
  warm NAME SECONDS           -> per NAME SECONDS_PER_CALL   (at least 3 calls)
  time NAME K                 -> per NAME SECONDS_PER_CALL CPU_SECONDS_PER_CALL   (K calls, timed here;
                                 CPU: this process's CPU time, all threads)
  quit

The first line it prints is "torch VERSION threads N", or "notorch REASON" if torch is missing.
Needs torch (Debian: python3-torch); never part of ./course test.
"""
import argparse
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    try:
        import torch
    except ImportError as e:
        print(f"notorch {e}", flush=True)
        return 0
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    print(f"torch {torch.__version__} threads {torch.get_num_threads()}", flush=True)
    calls = {}
    for line in sys.stdin:
        f = line.split()
        if not f:
            continue
        if f[0] == "quit":
            break
        if f[0] == "setup":
            name, (x, h, t, b), dtype = f[1], map(int, f[2:6]), getattr(torch, f[6])
            lstm = torch.nn.LSTM(x, h).to(dtype)
            inp = torch.randn(t, b, x, dtype=dtype, requires_grad=True)
            dy = torch.randn(t, b, h, dtype=dtype)

            def call(lstm=lstm, inp=inp, dy=dy):
                lstm.zero_grad(set_to_none=True)
                inp.grad = None
                out, _ = lstm(inp)
                out.backward(dy)

            calls[name] = call
            print(f"ok {name}", flush=True)
        elif f[0] == "warm":
            call, seconds = calls[f[1]], float(f[2])
            start, n = time.perf_counter(), 0
            while n < 3 or time.perf_counter() - start < seconds:
                call()
                n += 1
            print(f"per {f[1]} {(time.perf_counter() - start) / n:.9f}", flush=True)
        elif f[0] == "time":
            call, k = calls[f[1]], int(f[2])
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in range(k):
                call()
            wall, cpu = (time.perf_counter() - t0) / k, (time.process_time() - c0) / k
            print(f"per {f[1]} {wall:.9f} {cpu:.9f}", flush=True)
        else:
            print(f"error unknown command {f[0]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
