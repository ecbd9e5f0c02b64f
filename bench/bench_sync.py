#!/usr/bin/env python3
"""Syncing a batch's outputs together vs one by one (gongwen.batchwrite vs gongwen.atomic).

    python bench/bench_sync.py

64 copies of a built .docx's bytes are written over existing files in a scratch
folder (on the disk, not in memory), each through ``atomic.replace``: once
synced and renamed one by one, once inside ``batchwrite.batch()``.  The figure
is batched ÷ one by one (wall; the work is the disk's, not the processor's);
target ≤ 1.0× — a batch is never slower.  Disk timings swing with whatever else
writes to the same disk: the rounds are interleaved and the paired median shown.
"""

from __future__ import annotations

import sys
from pathlib import Path

from common import CONTENT, ROOT, figure, heading, info, interleave, load_note, ratio, rounds

sys.path.insert(0, str(ROOT / "src"))

from gongwen import atomic, batchwrite  # noqa: E402

FILES = 64


def main() -> int:
    import tempfile

    heading(f"{FILES} outputs synced together vs one by one")
    info(load_note())
    with tempfile.TemporaryDirectory(prefix="gongwen-bench-sync-", dir=str(ROOT / "out")
                                     if (ROOT / "out").is_dir() else None) as folder:
        from gongwen.builder.pipeline import build_one

        sample = Path(folder) / "sample.docx"
        build_one(CONTENT / "speech.yaml", sample)
        data = sample.read_bytes()
        targets = [Path(folder) / f"{i:03d}.docx" for i in range(FILES)]

        def write_all() -> None:
            for target in targets:
                with atomic.replace(target) as fh:
                    fh.write(data)

        def batched() -> None:
            with batchwrite.batch() as done:
                write_all()
            assert not done.failed, done.failed

        write_all()
        t = interleave({"one by one": write_all, "batched": batched}, rounds(15), warmup=1)
        for timing in t.values():
            info(f"{timing.name}: median {timing.median * 1000 / FILES:.2f} ms per file, "
                 f"min {timing.min * 1000 / FILES:.2f} ms ({len(data):,} bytes each)")
        r = ratio(t["batched"], t["one by one"])
        return 0 if figure("outputs synced together / one by one", r.paired_median, 1.0, detail=str(r)) else 1


if __name__ == "__main__":
    sys.exit(main())
