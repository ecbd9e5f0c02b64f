"""What ``gongwen serve`` makes: built .docx and PDFs of content, and the review of dropped drafts
(findings, the HTML report, the annotated and the tracked-changes copies, the draft laid out).

Everything goes into a private work folder of the session (``tempfile.mkdtemp``), never into the
writer's folder, and is downloaded from there by its id; a dropped draft is stored there too.
Each request does one document's work, with the library's own bounds (the bounded .docx reader,
LibreOffice's time limit).
"""

from __future__ import annotations

import html
import os
import secrets
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Dict, List, Optional

from gongwen.serve.security import Refused

DRAFT_SUFFIXES = (".docx", ".txt", ".md")
#: Dropped drafts kept per session (the oldest go first).
MAX_DRAFTS = 50


class Outputs:
    """The session's work folder: ``<id>/`` per made thing, each with its files."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="gongwen-serve-"))
        self._lock = threading.Lock()
        self._order: List[str] = []

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def _slot(self) -> Path:
        with self._lock:
            ident = secrets.token_hex(8)
            self._order.append(ident)
            while len(self._order) > MAX_DRAFTS:
                shutil.rmtree(self.root / self._order.pop(0), ignore_errors=True)
        path = self.root / ident
        path.mkdir()
        return path

    def file(self, ident: str, name: str) -> Path:
        """A made file, by the id and name the page was given (nothing else is served)."""
        if not ident.isalnum() or "/" in name or "\\" in name or name.startswith("."):
            raise Refused(404, "找不到该文件")
        path = self.root / ident / name
        if not path.is_file():
            raise Refused(404, "找不到该文件")
        return path

    # --- content ---------------------------------------------------------------------------
    def build(self, source: Path, pdf: bool) -> dict:
        """Build one content file (as saved on disk) into a slot; with ``pdf``, its PDF too."""
        from gongwen.builder.pipeline import build_one

        slot = self._slot()
        target = slot / (source.stem + ".docx")
        result = build_one(source, target)
        out: Dict[str, object] = {"id": slot.name, "ok": result.ok, "errors": result.errors,
                                  "warnings": [str(w) for w in result.warnings], "files": []}
        if result.summary:  # shown with the warnings: 尚未完成：【待补充】2 处……
            out["warnings"].append(result.summary)
        if result.ok:
            out["files"].append(target.name)
            if pdf:
                out.update(self._pdf(target))
        return out

    def _pdf(self, docx: Path) -> dict:
        from gongwen.builder import pdf

        if not pdf.available():
            return {"pdf_error": "本机没有 LibreOffice，无法生成 PDF（.docx 已生成）"}
        try:
            [result] = pdf.convert([docx])
        except Exception as exc:  # PdfUnavailable, a time-out: the .docx stands
            return {"pdf_error": str(exc)}
        if not result.ok:
            return {"pdf_error": result.error}
        return {"pdf": Path(result.pdf).name}

    # --- drafts ----------------------------------------------------------------------------
    def store_draft(self, name: str, data: bytes) -> Path:
        slot = self._slot()
        path = slot / name
        path.write_bytes(data)
        return path

    def review(self, draft: Path, settings_from: Optional[Path] = None) -> dict:
        """Lint a stored draft: findings, the HTML report fragment, and (a .docx) the annotated and the
        tracked-changes copies."""
        from gongwen.draft.read import read_source
        from gongwen.errors import GongwenError
        from gongwen.lint.engine import lint_source
        from gongwen.lint.files import settings_for
        from gongwen.lint.htmlreport import render_fragment

        try:
            source = read_source(str(draft))
        except GongwenError as exc:
            raise Refused(422, str(exc)) from None
        config = settings_for(str(settings_from or draft))
        found = lint_source(source, config)
        out = {"id": draft.parent.name, "name": draft.name, "files": [],
               "findings": [{"line": f.line, "column": f.column, "code": f.code, "severity": f.severity,
                             "message": f.message} for f in found],
               "report": render_fragment([(source, found)], title=f"{draft.name} 检查报告")
               .replace(html.escape(str(draft), quote=True), html.escape(draft.name, quote=True))}
        if source.format == "docx":
            from gongwen.lint.review import write_review

            for annotate, fix, label in ((True, False, "annotated"), (False, True, "fixed")):
                try:
                    made = write_review(source, lint_source(read_source(str(draft)), config), config,
                                        annotate=annotate, fix=fix, track=True)
                    out["files"].append({"name": Path(made.path).name, "what": label})
                except GongwenError as exc:
                    out.setdefault("notes", []).append(str(exc))
        return out

    def lay_out(self, draft: Path) -> dict:
        """The GB/T 9704 .docx made from a stored draft (``gongwen build 草稿.docx``)."""
        from gongwen.api import draft_importer
        from gongwen.builder.pipeline import build_one

        target = draft.parent / (draft.stem + ".排版.docx")
        if target.exists():
            os.unlink(target)
        result = build_one(draft, target, importer=draft_importer())
        return {"id": draft.parent.name, "ok": result.ok, "errors": result.errors, "notes": result.notes,
                "warnings": [str(w) for w in result.warnings], "files": [target.name] if result.ok else []}
