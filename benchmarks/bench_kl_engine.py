"""Benchmark practice.kl_engine against SciPy (run: .venv/bin/python benchmarks/bench_kl_engine.py).

Times batched KL divergence and entropy on a (100000, 16) batch against
``scipy.stats.entropy`` (best of N single calls), checks that both agree to 1e-12, and
times the reverse Gaussian fit of the bimodal explainer example. Exits non-zero only if an
accuracy check fails — slow timings are reported, never fatal.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import scipy.stats

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import best_of  # noqa: E402
from practice.kl_engine import entropy, fit_gaussian, gaussian_mixture_pdf, kl_divergence  # noqa: E402

SHAPE = (100_000, 16)
REPEAT = 15
TOL = 1e-12


def main() -> int:
    rng = np.random.default_rng(20240601)
    P = rng.random(SHAPE) + 1e-3
    P /= P.sum(axis=1, keepdims=True)
    Q = rng.random(SHAPE) + 1e-3
    Q /= Q.sum(axis=1, keepdims=True)

    ok = True
    rows = []

    ours_kl = kl_divergence(P, Q, axis=1, base=math.e)
    ref_kl = scipy.stats.entropy(P, Q, axis=1)
    err_kl = float(np.max(np.abs(ours_kl - ref_kl)))
    t_ours = best_of(lambda: kl_divergence(P, Q, axis=1, base=math.e), REPEAT).best
    t_ref = best_of(lambda: scipy.stats.entropy(P, Q, axis=1), REPEAT).best
    rows.append(("KL(P||Q), nats", t_ours, t_ref, err_kl))
    ok &= err_kl <= TOL

    ours_h = entropy(P, axis=1, base=math.e)
    ref_h = scipy.stats.entropy(P, axis=1)
    err_h = float(np.max(np.abs(ours_h - ref_h)))
    t_ours = best_of(lambda: entropy(P, axis=1, base=math.e), REPEAT).best
    t_ref = best_of(lambda: scipy.stats.entropy(P, axis=1), REPEAT).best
    rows.append(("H(P), nats", t_ours, t_ref, err_h))
    ok &= err_h <= TOL

    print(f"batch {SHAPE[0]} x {SHAPE[1]}, float64, best of {REPEAT}")
    print(f"{'quantity':<18} {'kl_engine':>11} {'scipy':>11} {'scipy/ours':>11} {'max |diff|':>11}")
    print("-" * 66)
    for name, t_o, t_r, err in rows:
        flag = "" if err <= TOL else "  <-- ACCURACY FAILURE"
        print(
            f"{name:<18} {t_o * 1e3:>8.2f} ms {t_r * 1e3:>8.2f} ms {t_r / t_o:>10.1f}x "
            f"{err:>11.1e}{flag}"
        )

    x = np.linspace(-10.0, 10.0, 2001)
    p = gaussian_mixture_pdf(x, [0.5, 0.5], [-2.5, 2.5], [0.8, 0.8])
    fit = fit_gaussian(x, p, direction="reverse")
    t_fit = best_of(lambda: fit_gaussian(x, p, direction="reverse"), 7).best
    fit_ok = abs(abs(fit.mu) - 2.5) <= 0.05 and abs(fit.sigma - 0.81) <= 0.02
    ok &= fit_ok
    print()
    print(
        f"fit_gaussian(reverse), bimodal, 2001-point grid: {t_fit * 1e3:.2f} ms "
        f"-> mu={fit.mu:.4f}, sigma={fit.sigma:.4f}, KL={fit.kl:.4f} bits"
        + ("" if fit_ok else "  <-- UNEXPECTED FIT")
    )
    print()
    print("accuracy OK" if ok else "ACCURACY CHECK FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
