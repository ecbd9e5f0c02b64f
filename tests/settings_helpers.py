"""Real ``gongwen`` processes for hostile settings: bounded in memory and time, so a regression
fails (MemoryError, a kill, a timeout) instead of taking the machine or hanging the run."""

from __future__ import annotations

from pathlib import Path

from tests.limited import run_limited
from tests.paths import gongwen_env

#: Address space a child may use: plenty for a build, far below what a settings bomb needs.
MEMORY_LIMIT = 1024 * 1024 * 1024
TIMEOUT = 60  # seconds; each case takes well under two

#: A report: its byline comes from the settings' ``author``, its text from ``org`` via {{ org }}.
REPORT = """\
kind: report
title: 关于职工之家建设情况的调研报告
vars:
  year: 2024
intro: "{{ org }}开展了调研。"
achievements:
  points:
    - heading: 强化组织领导
      text: 建立了联席会议制度。
problems:
  paragraphs: [部分单位重视不够。]
recommendations:
  paragraphs: [建议进一步加强指导。]
"""
SPEECH = "kind: speech\ntitle: 在全县工作会议上的讲话\nsections:\n  - heading: 统一思想\n    paragraphs: [正文。]\n"


def run_gongwen(*args, cwd: Path, timeout: float = TIMEOUT, **env: str):
    """``gongwen ARGS`` in ``cwd`` under the memory limit (``env``: more environment); a hang fails."""
    return run_limited(args, cwd=cwd, timeout=timeout, env=gongwen_env(**env), memory=MEMORY_LIMIT)


def output(result) -> str:
    return result.stdout + result.stderr
