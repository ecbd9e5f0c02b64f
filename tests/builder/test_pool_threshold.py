"""A small batch with -j 2 is built in this process (a pool would cost more than it saves); a
large one uses the pool.  Both build every document."""

import os
import shutil

from gongwen.builder import pipeline
from tests.paths import CONTENT


def _batch(folder, n):
    folder.mkdir()
    for i in range(n):
        shutil.copyfile(CONTENT / "speech.yaml", folder / f"d{i}.yaml")
    return folder


def test_small_batches_skip_the_pool_and_large_ones_use_it(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "POOL_FROM", 3)
    used = []
    real = pipeline._build_parallel
    monkeypatch.setattr(pipeline, "_build_parallel", lambda todo, *a: (used.append(len(todo)), real(todo, *a)))
    small = pipeline.build(_batch(tmp_path / "small", 6), tmp_path / "out-small", jobs=2)
    assert all(r.ok for r in small) and used == []
    if os.name == "posix":
        large = pipeline.build(_batch(tmp_path / "large", 7), tmp_path / "out-large", jobs=2)
        assert all(r.ok for r in large) and used == [6]
