#!/usr/bin/env python3
"""PyTorch's LSTM, timed the way src/test/java/gated/bench/Bench.java times ours.

One call = forward over T steps of B sequences from a zero state, then backward from a
given dL/dh_t at every step (weight, bias and input gradients), as in the Java bench.
Warm-up, then REPEATS timed repeats of k calls each (k chosen so a repeat lasts about
--min-repeat seconds); one line per size and dtype on stdout:

  RESULT X H T B dtype ms_per_call_1 ms_per_call_2 ...

Run by `./course bench`; needs torch (Debian: python3-torch). Not part of ./course test.
"""
import argparse
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", action="append", required=True, help="X,H,T,B")
    ap.add_argument("--dtype", action="append", default=None, help="float64 and/or float32")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up (at least 3 calls)")
    ap.add_argument("--min-repeat", type=float, default=0.3, help="seconds per timed repeat")
    a = ap.parse_args()
    try:
        import torch
    except ImportError as e:
        print(f"NOTORCH {e}")
        return 0
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    print(f"TORCH {torch.__version__} threads {torch.get_num_threads()}", flush=True)
    for spec in a.size:
        x, h, t, b = (int(v) for v in spec.split(","))
        for name in a.dtype or ["float64", "float32"]:
            dtype = getattr(torch, name)
            lstm = torch.nn.LSTM(x, h).to(dtype)
            inp = torch.randn(t, b, x, dtype=dtype, requires_grad=True)
            dy = torch.randn(t, b, h, dtype=dtype)

            def call():
                lstm.zero_grad(set_to_none=True)
                inp.grad = None
                out, _ = lstm(inp)
                out.backward(dy)

            start, calls = time.perf_counter(), 0
            while calls < 3 or time.perf_counter() - start < a.warmup:
                call()
                calls += 1
            per = (time.perf_counter() - start) / calls
            k = max(1, int(a.min_repeat / per))
            times = []
            for _ in range(a.repeats):
                t0 = time.perf_counter()
                for _ in range(k):
                    call()
                times.append((time.perf_counter() - t0) / k * 1000)
            print("RESULT", x, h, t, b, name, " ".join(f"{v:.6f}" for v in times), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
