"""Open a file for import in a fresh Python process with a capped address space (what it
already uses plus 512 MB, or ``cap_mb``): an import that expanded a bomb, or allocated what a
file declares, would die (MemoryError, or SIGABRT from a failed Rust allocation) instead of
passing.  The child reports its outcome, the time taken and its peak resident memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, resource, sys, time
import numpy  # the part scan loads it on first use: its one-time import is not the check's time
from desktop_app.importers import ImportRefused, open_import
def vm_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmSize:"):
            return int(line.split()[1])
cap = int(sys.argv[2]) << 20 if len(sys.argv) > 2 else (vm_kb() + 512 * 1024) * 1024
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
try:
    open_import(sys.argv[1])
    outcome, message = "accepted", ""
except ImportRefused as exc:
    outcome, message = "refused", str(exc)
except MemoryError:
    outcome, message = "memory", ""
print(json.dumps({
    "outcome": outcome,
    "message": message,
    "seconds": time.perf_counter() - started,
    "extra_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024,
}, ensure_ascii=False))
"""


def probe(path: Path, cap_mb: int | None = None) -> dict:
    cap = [] if cap_mb is None else [str(cap_mb)]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), *cap],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])  # -6: SIGABRT
    result = json.loads(done.stdout)
    print(f"\n{path.name}: {result}")
    return result
