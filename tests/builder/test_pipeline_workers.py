"""A batch survives a worker process that dies: what was not built yet is built all the same."""

from __future__ import annotations

import os
import shutil
import signal

import pytest

from gongwen.builder import pipeline
from tests.paths import CONTENT

MAIN = os.getpid()
BUILD_TASK = pipeline._build_task


def dies_on_doc2(task):
    """The task of a worker killed while building doc2 (as the out-of-memory killer would)."""
    if os.getpid() != MAIN and task[0].name == "doc2.yaml":
        os.kill(os.getpid(), signal.SIGKILL)
    return BUILD_TASK(task)


@pytest.mark.skipif(os.name != "posix", reason="fork and signals")
def test_a_killed_worker_does_not_end_the_batch(tmp_path, monkeypatch):
    for i in range(4):
        path = tmp_path / "content" / f"doc{i}.yaml"
        path.parent.mkdir(exist_ok=True)
        shutil.copyfile(CONTENT / "speech.yaml", path)
    monkeypatch.setattr(pipeline, "_build_task", dies_on_doc2)
    monkeypatch.setattr(pipeline, "POOL_FROM", 0)  # a pool even for four documents
    results = pipeline.build(tmp_path / "content", tmp_path / "out", jobs=2)
    assert [r.ok for r in results] == [True] * 4, [r.errors for r in results]
    # The pool stops its other workers when one dies: one may leave a temporary file, as a killed
    # writer can (swept an hour later); the outputs are whole.
    built = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".gongwen-"))
    assert built == [f"doc{i}.docx" for i in range(4)]
