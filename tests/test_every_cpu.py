"""The stored outputs of the notebooks are the same on every CPU.

numpy's bundled OpenBLAS picks its kernels by CPU (SSE3 on an old laptop, AVX2 with FMA on most current ones,
AVX-512 on servers), and numpy's own loops pick SIMD paths the same way. Their results may differ in the last
bits of a float. A notebook that prints a figure which magnifies those bits (a finite-difference error to two
digits, a chaotic training run) shows the learner another number than the one stored, and nbval fails.

This test re-executes every notebook with nbval under other kernels than this machine's own, forced with
OPENBLAS_CORETYPE, and once with numpy's dispatched SIMD paths switched off (NPY_DISABLE_CPU_FEATURES).
Only kernels this CPU can run are forced (a kernel for instructions the CPU lacks would kill the process).
The settings run side by side, one per core. Alone: python3 tasks.py test tests/test_every_cpu.py
"""

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# OpenBLAS kernels of x86-64 CPUs, oldest first, with the instructions each one needs (from /proc/cpuinfo)
KERNELS = {
    "Prescott": set(),                 # SSE3: every x86-64 CPU
    "Sandybridge": {"avx"},           # AVX, no FMA
    "Haswell": {"avx2", "fma"},       # AVX2 with FMA: most laptops and servers since 2013
    "SkylakeX": {"avx512f"},          # AVX-512
}


def cpu_flags():
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.split(":", 1)[1].split())
    return set()


def own_kernel():
    """The kernel OpenBLAS chose for this machine (as threadpoolctl reports it), e.g. 'Haswell'."""
    import numpy  # noqa: F401 (loads OpenBLAS)
    from threadpoolctl import threadpool_info
    kernels = [i.get("architecture") for i in threadpool_info() if i.get("internal_api") == "openblas"]
    return kernels[0] if kernels else None


def numpy_simd_paths():
    """numpy's dispatched SIMD paths that this CPU has (switching off one it lacks is an error)."""
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
    return [name for name in __cpu_dispatch__ if __cpu_features__.get(name)]


def settings():
    """(label, environment changes) for each run: the oldest kernel with numpy's SIMD paths off, then every
    other kernel this CPU can run, besides the one it runs anyway."""
    flags, own = cpu_flags(), own_kernel()
    runnable = [k for k, needs in KERNELS.items() if needs <= flags and k != own]
    simd = " ".join(numpy_simd_paths())
    out = []
    for kernel in runnable:
        env = {"OPENBLAS_CORETYPE": kernel}
        label = f"OPENBLAS_CORETYPE={kernel}"
        if kernel == "Prescott" and simd:
            env["NPY_DISABLE_CPU_FEATURES"] = simd
            label += f" NPY_DISABLE_CPU_FEATURES='{simd}'"
        out.append((label, env))
    return out


def kernel_in_force(changes):
    """The kernel OpenBLAS reports under these settings (e.g. 'Katmai' for Prescott, 'Sandybridge'): proof that
    forcing it took effect."""
    env = dict(os.environ, **changes, PYTHONWARNINGS="ignore::ImportWarning")
    code = ("import numpy, threadpoolctl; print([i.get('architecture') for i in threadpoolctl.threadpool_info()"
            " if i.get('internal_api') == 'openblas'][0])")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


KERNEL_START = "Kernel died before replying to kernel_info"


def kernel_start_failures(log):
    """The notebooks whose only trouble in this log was their kernel not starting, or None if anything else
    failed. Two runs side by side start kernels at the same moments, and jupyter_client picks a kernel's ports
    by binding to a free one and letting it go, so now and then both runs take the same port and one kernel
    dies at start (jupyter/jupyter_client#154). That is no output depending on the CPU."""
    bad = [line for line in log.splitlines() if line.startswith(("FAILED ", "ERROR "))]
    if not bad or any(KERNEL_START not in line for line in bad):
        return None
    return sorted({line.split()[1].split("::")[0] for line in bad})


def run_notebooks(changes, paths=("notebooks",)):
    env = dict(os.environ, **changes, OPENBLAS_NUM_THREADS="1", PYTHONWARNINGS="ignore::ImportWarning")
    cmd = [sys.executable, "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider", "--nbval",
           "--nbval-current-env", "-o", "addopts=", "--tb=short", *paths]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1500)
    code, log = done.returncode, done.stdout[-6000:] + done.stderr[-2000:]
    again = kernel_start_failures(log) if code != 0 and paths == ("notebooks",) else None
    if again:  # run those notebooks once more, alone: their cells were never compared
        code, log = run_notebooks(changes, tuple(again))
    return code, log


def test_a_kernel_that_did_not_start_is_retried_but_a_wrong_output_is_not():
    died = f"ERROR notebooks/00_start_here.ipynb::Cell 0 - RuntimeError: {KERNEL_START}"
    assert kernel_start_failures("439 passed\n" + died) == ["notebooks/00_start_here.ipynb"]
    assert kernel_start_failures(died + "\nFAILED notebooks/03_backward_pass.ipynb::Cell 7") is None
    assert kernel_start_failures("E   something else\n1 failed") is None


@pytest.mark.skipif(not sys.platform.startswith("linux") or os.uname().machine != "x86_64",
                    reason="the kernels forced here are x86-64 ones; /proc/cpuinfo tells which run")
def test_stored_outputs_are_the_same_under_other_blas_kernels_and_simd_paths():
    runs = settings()
    assert runs, "at least the SSE3 kernel (Prescott) runs on every x86-64 CPU"
    own = own_kernel()
    for label, changes in runs:
        assert kernel_in_force(changes) != own, f"{label}: OpenBLAS still runs this machine's own kernel {own}"
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        results = list(pool.map(lambda s: run_notebooks(s[1]), runs))
    failed = [f"--- {label} ---\n{log}" for (label, _), (code, log) in zip(runs, results) if code != 0]
    print("ran the notebooks under:", "; ".join(label for label, _ in runs), f"(this machine: {own})")
    assert not failed, "an output depends on the CPU:\n" + "\n".join(failed)
