"""Builder tests run ``jobs=2`` on a handful of documents to exercise the process pool, which a
real build uses only from :data:`gongwen.builder.pipeline.POOL_FROM` documents per worker."""

import pytest


@pytest.fixture(autouse=True)
def pool_for_small_batches(monkeypatch):
    from gongwen.builder import pipeline

    monkeypatch.setattr(pipeline, "POOL_FROM", 0)
