"""PDF previews of built documents through LibreOffice (``soffice --headless``).

The .docx keeps the official face names (仿宋_GB2312, 方正小标宋简体, …); those
licensed fonts are rarely installed on a server, so LibreOffice is given a
private fontconfig file (``FONTCONFIG_FILE``) that maps each official name to
a free font that *is* installed (planned in :mod:`gongwen.builder.pdffonts`),
and the substitutions are reported (the PDF is a preview, the .docx is the
document).  LibreOffice converts a private copy (:mod:`gongwen.builder.pdfcopy`)
adjusted where it reads the file differently from Word (line-end punctuation,
the title's digits); the writer's .docx is never changed.

Each call runs LibreOffice with its own throw-away profile directory
(``-env:UserInstallation``), so it never touches the user's LibreOffice
profile, never talks to a LibreOffice the user has open, and several gongwen
processes can convert at once.  Several documents go through one ``soffice``
call (start-up is most of the cost), with a timeout per call; the PDF and the
page-1 picture are moved into place atomically.

Documents may come from templates of other offices, so LibreOffice is locked
down through that profile (:mod:`gongwen.builder.lockdown`): it blocks every linked resource
(``BlockUntrustedRefererLinks`` with no trusted location: a picture linked to
``http://…`` is not fetched, one linked to ``file:///…`` is not read into the
PDF), never runs macros and never updates links, even if something the build
strips (:mod:`gongwen.builder.external`) slipped through.

The work folder (staged copies, profile, LibreOffice's own temporary files
through ``TMPDIR``, the PDFs before they are placed) is private (0700) and
removed on the way out: after an error, a timeout, Ctrl-C, SIGTERM or SIGHUP.
LibreOffice runs in its own process group, and that whole group is killed on a
timeout or an interrupt, so no ``soffice.bin`` outlives the build.  How LibreOffice
is run (work folder, profile, time limit) is :mod:`gongwen.builder.soffice`, shared
with drafts in old formats (.doc, .wps).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from gongwen.builder.lockdown import private
from gongwen.builder.pdfcopy import stage
from gongwen.builder.pdffonts import PathLike, faces_used, font_plan, fontconfig_text, is_title_face, missing
from gongwen.builder.soffice import (PER_DOCUMENT_TIMEOUT, PROFILE_PREFIX, START_TIMEOUT, convert_to, find_soffice,
                                     workspace)
from gongwen.errors import GongwenError, Place
from gongwen.spec.record import dataclass, field

INSTALL_HINT = ("未找到 LibreOffice（soffice），无法生成 PDF；.docx 已照常生成。\n"
                "安装方法（Debian/Ubuntu）：sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk "
                "fonts-arphic-ukai fonts-liberation2 poppler-utils\n"
                "（fonts-arphic-ukai 代替楷体；仿宋用 FandolFang，在 texlive-lang-chinese 里：\n"
                " sudo apt-get install --no-install-recommends texlive-lang-chinese）\n"
                "（其他系统请安装 LibreOffice，或用环境变量 GONGWEN_SOFFICE 指明 soffice 的路径）")

FALLBACK = "LibreOffice 自选的字体"  # a face neither installed nor known: fontconfig's default
BATCH = 20  # documents per soffice call
STALE_AFTER = 3600  # seconds: a profile left by a killed run is removed after this


class PdfUnavailable(GongwenError):
    """LibreOffice is not installed: no PDF, but the .docx files are fine."""


@dataclass
class PdfResult:
    """One document's PDF: where it went, or why it did not."""

    docx: str
    pdf: str
    png: Optional[str] = None
    ok: bool = False
    error: str = ""
    #: (official face, free font used in the PDF) for the faces this document uses.
    substitutions: List[Tuple[str, str]] = field(default_factory=list)


# --- finding the tools ----------------------------------------------------------

def available() -> bool:
    return find_soffice() is not None


def substitutions(results: Iterable[PdfResult]) -> List[Tuple[str, str]]:
    """All substitutions made for ``results``, each once, in a stable order."""
    seen: List[Tuple[str, str]] = []
    for result in results:
        for pair in result.substitutions:
            if pair not in seen:
                seen.append(pair)
    return seen


# --- converting --------------------------------------------------------------------

def convert(docx_paths: Iterable[PathLike], out_dir: Optional[PathLike] = None, png: bool = False, *,
            timeout: Optional[float] = None, batch: int = BATCH) -> List[PdfResult]:
    """Convert .docx files to PDF (and a 60 dpi PNG of page 1 with ``png``).

    Each PDF goes to ``out_dir`` (created) or beside its .docx, named after the
    .docx.  One result per input, in order; a document that fails does not stop
    the others.  Raises :class:`PdfUnavailable` when LibreOffice is missing.
    """
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailable(INSTALL_HINT, Place("soffice"))
    results: List[PdfResult] = []
    todo: List[Tuple[int, Path]] = []
    targets: Dict[str, str] = {}
    for raw in docx_paths:
        docx = Path(raw)
        folder = Path(out_dir) if out_dir is not None else docx.parent
        result = PdfResult(str(docx), str(folder / (docx.stem + ".pdf")))
        results.append(result)
        key = os.path.normcase(os.path.abspath(result.pdf))
        if not docx.is_file():
            result.error = f"{docx}: 找不到文件"
        elif key in targets:
            result.error = f"{docx}: PDF {result.pdf} 与 {targets[key]} 重名，已跳过以免覆盖"
        else:
            targets[key] = str(docx)
            todo.append((len(results) - 1, docx))
    if not todo:
        return results

    used = {index: faces_used(docx) for index, docx in todo}
    plan, extra = font_plan([face for faces in used.values() for face in faces])
    by_face = {face: family + (" Bold" if bold else "") for face, family, bold in plan}
    for index, faces in used.items():
        results[index].substitutions = [(f, by_face[f]) for f in faces if f in by_face] + \
            [(f, FALLBACK) for f in missing(faces)]

    _sweep_stale()
    with workspace() as (work, env):
        _convert_in(work, env, soffice, todo, results, plan, extra, png, timeout, batch)
    return results


def _convert_in(work: Path, env: dict, soffice: str, todo, results, plan, extra, png: bool, timeout,
                batch) -> None:
    """The conversion proper, in the private work folder ``work`` (:func:`gongwen.builder.soffice.workspace`)."""
    if plan or extra:
        (work / "fonts.conf").write_text(fontconfig_text(plan, extra), encoding="utf-8")
        env["FONTCONFIG_FILE"] = str(work / "fonts.conf")
    staged = private(work / "in")
    names: Dict[int, str] = {}
    title_faces = [face for face, _, _ in plan if is_title_face(face)]
    for index, docx in todo:
        # Unique names: out/2022/speech.docx and out/2023/speech.docx share one call.
        names[index] = f"{index:05d}-{_safe(docx.stem)}"
        stage(docx, staged / (names[index] + ".docx"), title_faces)  # LibreOffice's own copy
    for start in range(0, len(todo), max(1, batch)):
        chunk = todo[start:start + max(1, batch)]
        _run_chunk(soffice, work, env, chunk, names, results, "pdf", timeout)
        for index, _ in chunk:
            result = results[index]
            produced = work / "pdf" / (names[index] + ".pdf")
            if produced.is_file() and produced.stat().st_size > 0:
                result.error = _place(produced, Path(result.pdf))
                result.ok = not result.error
            elif not result.error:
                result.error = f"{result.docx}: LibreOffice 没有生成 PDF"
    if png:
        _pictures(soffice, work, env, [(i, d) for i, d in todo if results[i].ok], names, results, timeout)


def _safe(stem: str) -> str:
    return re.sub(r"[^\w.-]", "_", stem)[:60] or "doc"


def _run_chunk(soffice: str, work: Path, env: dict, chunk, names, results, fmt: str,
               timeout: Optional[float]) -> None:
    """One ``soffice --convert-to`` call for ``chunk``; errors land in the results."""
    outdir = private(work / fmt)
    files = [work / "in" / (names[i] + ".docx") for i, _ in chunk]
    target = "pdf:writer_pdf_Export" if fmt == "pdf" else "png"
    limit = timeout if timeout is not None else START_TIMEOUT + PER_DOCUMENT_TIMEOUT * len(chunk)
    problem = convert_to(soffice, work, env, files, target, outdir, limit)
    if problem:
        for index, _ in chunk:
            if not (outdir / f"{names[index]}.{fmt}").is_file():
                results[index].error = f"{results[index].docx}: {problem}"


def _place(produced: Path, target: Path) -> str:
    """Copy ``produced`` to ``target`` atomically (a temporary file beside it, then rename);
    "" when done, else why not (a read-only folder, a full disk), in Chinese."""
    from gongwen import atomic
    from gongwen.errors import GongwenError

    try:
        with atomic.replace(target) as out, open(produced, "rb") as src:
            shutil.copyfileobj(src, out)
    except GongwenError as exc:
        return str(exc)
    except OSError as exc:  # reading what LibreOffice made
        return f"{target}: 无法写入：{atomic.reason(exc)}"
    return ""


def _pictures(soffice, work: Path, env: dict, done, names, results, timeout) -> None:
    """Page 1 as PNG beside each PDF: pdftoppm at 60 dpi, or LibreOffice's own PNG export."""
    pdftoppm = shutil.which("pdftoppm")
    missing = []
    for index, _ in done:
        result = results[index]
        png = Path(result.pdf).with_suffix(".png")
        if pdftoppm:
            prefix = private(work / "png") / names[index]
            try:
                run = subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                                      str(result.pdf), str(prefix)], capture_output=True, timeout=60)
                ok = run.returncode == 0
            except (OSError, subprocess.SubprocessError):
                ok = False
            produced = prefix.with_name(prefix.name + ".png")
            if ok and produced.is_file():
                result.error = _place(produced, png) or result.error
                result.png = None if result.error else str(png)
                continue
        missing.append((index, _))
    if missing:
        _run_chunk(soffice, work, env, missing, names, results, "png", timeout)
        for index, _ in missing:
            produced = work / "png" / (names[index] + ".png")
            if produced.is_file():
                png = Path(results[index].pdf).with_suffix(".png")
                failed = _place(produced, png)
                results[index].error = failed or results[index].error
                results[index].png = None if failed else str(png)
            elif not results[index].error:
                results[index].error = f"{results[index].docx}: 没有生成第 1 页的图片（PDF 已生成）"


def _sweep_stale() -> None:
    """Remove profiles left behind by runs that were killed before cleaning up."""
    root = Path(tempfile.gettempdir())
    now = time.time()
    try:
        entries = list(root.glob(PROFILE_PREFIX + "*"))
    except OSError:
        return
    for entry in entries:
        try:
            if not entry.is_dir() or now - entry.stat().st_mtime < STALE_AFTER:
                continue
            owner = entry / "owner"
            pid = int(owner.read_text()) if owner.is_file() else 0
            if pid and _alive(pid):
                continue
            shutil.rmtree(entry, ignore_errors=True)
        except (OSError, ValueError):
            continue


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
