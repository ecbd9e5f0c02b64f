"""The build pipeline, one document at a time or a batch in parallel processes.

    content.yaml ─load→ Document ─number→ paragraphs ─render→ .docx (atomic)
    草稿.docx/.txt/.md/.doc ─import (builder.drafts)→ Document ─ … the same

``build()`` never raises for a bad document: each result says what happened,
so one broken file in a batch does not stop the others.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable, Iterable, List, Optional, Sequence, Tuple, Union

from gongwen import batchwrite
from gongwen.errors import GongwenError, Place, ReadError
from gongwen.spec.record import dataclass, field
from gongwen.textio import read_bytes

PathLike = Union[str, os.PathLike]
CONTENT_SUFFIXES = (".yaml", ".yml")
#: Files in a content folder that are settings, not documents.
NOT_CONTENT = {"gongwen.yaml", "gongwen.yml", ".pre-commit-hooks.yaml"}


@dataclass
class BuildResult:
    source: str
    target: str
    ok: bool = False
    errors: List[str] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    #: What the user is told besides: for a draft, the kind it was laid out as and why.
    notes: List[str] = field(default_factory=list)
    #: Marks left to finish (:mod:`gongwen.builder.unfinished`): 【待补充】 and 【核实】, each counted with
    #: its first place; ``summary`` is the line ``gongwen build`` prints after 已生成 (empty when none).
    unfinished: list = field(default_factory=list)
    summary: str = ""


def collect(paths: Iterable[PathLike], out_dir: PathLike = "out") -> List[Tuple[Path, Path]]:
    """(content file or draft, output .docx) pairs; folders are searched recursively.

    A folder gives its YAML content only; a draft (.docx .txt .md .doc .wps,
    :mod:`gongwen.builder.drafts`) is built when it is named: a folder of content
    also holds templates, earlier outputs and notes, which are not drafts, and
    a shell pattern (``草稿/*.docx``) names a folder's drafts when they are meant.
    Sub-folders are mirrored under ``out_dir`` so that ``2022/speech.yaml`` and
    ``2023/speech.yaml`` do not overwrite each other.  A missing path raises
    :class:`GongwenError`.

    Nothing that cannot be read is skipped silently: a folder that cannot be
    listed, a path its folder forbids, a FIFO or device named ``*.yaml`` is
    paired too (a folder with the mirrored folder as its "output", which no
    .docx can take), so that building it fails with a message naming it and
    the rest of the batch is built.
    """
    out_dir = Path(out_dir)
    pairs: List[Tuple[Path, Path]] = []
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except (FileNotFoundError, NotADirectoryError):
            raise GongwenError("找不到这个文件或文件夹", Place(str(path))) from None
        except OSError:  # e.g. its folder forbids access: building it names the reason
            is_dir = False
        if is_dir:
            pairs.extend(_content_in(path, out_dir))
        else:
            pairs.append((path, out_dir / (path.stem + ".docx")))
    return pairs


def _content_in(folder: Path, out_dir: Path) -> List[Tuple[Path, Path]]:
    """Content files under ``folder`` (hidden ones and settings skipped), and folders that cannot be listed."""
    pairs: List[Tuple[Path, Path]] = []

    def unlisted(exc: OSError) -> None:
        place = Path(exc.filename) if exc.filename else folder
        pairs.append((place, out_dir / place.relative_to(folder)))

    for here, dirs, files in os.walk(folder, onerror=unlisted):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or name in NOT_CONTENT or os.path.splitext(name)[1] not in CONTENT_SUFFIXES:
                continue
            source = Path(here) / name
            pairs.append((source, out_dir / source.relative_to(folder).with_suffix(".docx")))
    return sorted(pairs)


def read_content(source: Path) -> bytes:
    """The bytes of a content file, or a ReadError naming it: a folder :func:`collect` could not
    list, a FIFO or a device (never read: it could block forever), a file without permission."""
    try:
        is_dir = stat.S_ISDIR(os.stat(source).st_mode)
    except OSError:
        is_dir = False  # read_bytes names the reason
    if is_dir:
        try:
            os.scandir(source).close()
        except OSError as exc:
            why = "没有读取权限" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
            raise ReadError(str(source), f"无法打开这个文件夹（{why}），其中的内容文件都没有生成") from None
        raise ReadError(str(source), "这是一个文件夹，不是内容文件")
    return read_bytes(str(source))


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def build(paths: Union[PathLike, Sequence[PathLike]], out_dir: PathLike = "out", *,
          template: Optional[str] = None, force: bool = False, jobs: int = 1,
          progress: Optional[Callable[[BuildResult], None]] = None, importer=None,
          strict: bool = False) -> List[BuildResult]:
    """Build every content file under ``paths`` into ``out_dir``; one result per document.

    ``jobs > 1`` builds in that many processes; results keep the input order,
    ``progress`` is called as each document finishes.  Drafts named in ``paths``
    need an ``importer`` (:data:`gongwen.builder.drafts.Importer`; ``gongwen.build`` gives it).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return build_pairs(collect(paths, out_dir), template=template, force=force, jobs=jobs,
                       progress=progress, importer=importer, strict=strict)


#: A process pool pays from this many documents per worker: below it, starting the workers and
#: handing them the documents costs more than building the documents here (≈ 10 ms each).
POOL_FROM = 8


def build_pairs(pairs: Sequence[Tuple[Path, Path]], *, template: Optional[str] = None,
                force: bool = False, jobs: int = 1,
                progress: Optional[Callable[[BuildResult], None]] = None, importer=None,
                strict: bool = False) -> List[BuildResult]:
    """Build (content file, output) pairs as :func:`collect` gives them."""
    results: List[BuildResult] = []
    todo: List[Tuple[int, Path, Path]] = []
    targets: dict = {}
    for source, target in pairs:
        result = BuildResult(str(source), str(target))
        key = os.path.normcase(os.path.abspath(target))
        if key in targets:
            result.errors.append(f"{source}: 输出 {target} 与 {targets[key]} 重名，已跳过以免覆盖")
        else:
            targets[key] = source
            todo.append((len(results), source, target))
        results.append(result)
    done = set(range(len(results))) - {i for i, _, _ in todo}
    for i in sorted(done):
        if progress:
            progress(results[i])
    from gongwen.builder.folders import Folders

    folders = Folders()
    serial = todo
    if jobs > 1 and len(todo) > max(2, POOL_FROM * jobs):
        # The first document is built here: it loads the modules and compiles the template,
        # and the forked workers inherit both instead of each doing it again (a pool that
        # starts cold is slower than one process for a handful of documents).
        serial, rest = todo[:1], todo[1:]
    else:
        rest = []
    for start in range(0, len(serial), batchwrite.SIZE):
        chunk = serial[start:start + batchwrite.SIZE]
        # Synced together, renamed together, then reported: a document is "built" once it is in place.
        with batchwrite.batch() as written:
            for i, source, target in chunk:
                build_one(source, target, template=template, force=force, result=results[i],
                          importer=importer, strict=strict, folders=folders)
        for i, source, target in chunk:
            failed = written.failed.get(str(target))
            if failed is not None:
                results[i].ok = False
                results[i].errors.append(str(failed))
            if progress:
                progress(results[i])
    if rest:
        _build_parallel(rest, results, template, force, jobs, progress, (importer, strict))
    return results


def _build_task(task) -> BuildResult:
    from gongwen.builder.folders import in_worker

    source, target, template, force, (importer, strict) = task
    return build_one(source, target, template=template, force=force, importer=importer, strict=strict,
                     folders=in_worker())


def _build_parallel(todo, results, template, force, jobs, progress, how) -> None:
    importer, strict = how
    import concurrent.futures as cf
    import multiprocessing

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    # Chunks amortise process hand-offs; each worker compiles the template once.
    chunk = max(1, min(50, len(todo) // (jobs * 4)))
    done = set()
    try:
        with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            tasks = [(source, target, template, force, how) for _, source, target in todo]
            for (i, _, _), result in zip(todo, pool.map(_build_task, tasks, chunksize=chunk)):
                results[i] = result
                done.add(i)
                if progress:
                    progress(result)
    except cf.process.BrokenProcessPool:
        # A worker was killed (by the kernel, say): the documents not built yet are built
        # here, one by one — each is bounded, and one failing is its own failure.
        for i, source, target in todo:
            if i in done:
                continue
            build_one(source, target, template=template, force=force, result=results[i], importer=importer,
                      strict=strict)
            if progress:
                progress(results[i])


def load_document(source: PathLike, data: Optional[bytes] = None, folders=None):
    """``(Document, House)``: the content as the build uses it — validated, ``{{ vars }}``
    substituted with the office's ``org``, a report's missing author from the settings; raises
    ``ContentErrors`` with every fault, or a ``GongwenError`` for the settings.  ``folders``: a
    batch's :class:`~gongwen.builder.folders.Folders` (settings looked up once per folder)."""
    from gongwen import settings
    from gongwen.content import loader, variables

    doc = loader.load(source, data)
    house = settings.house(source) if folders is None else folders.house(source)
    variables.substitute(doc, defaults={"org": house.org} if house.org else None)
    if doc.kind == "report" and not doc.byline:
        doc.byline = house.author
    return doc, house


def load_draft(source: PathLike, data: Optional[bytes] = None, importer=None, target: Optional[PathLike] = None):
    """``(Document, House, note)`` of a draft (:mod:`gongwen.builder.drafts`), imported on the fly by
    ``importer``; ``note`` says which kind it was taken for and why.  A ``target`` that is the draft
    itself is refused.  As with YAML content, a report's missing author comes from the settings;
    the draft's text is taken as written (no ``{{ vars }}``)."""
    from gongwen import settings
    from gongwen.builder import drafts

    source = Path(source)
    if target is not None:
        drafts.refuse_self(source, Path(target))
    doc, note = drafts.load(source, read_content(source) if data is None else data, importer)
    house = settings.house(source)
    if doc.kind == "report" and not doc.byline:
        doc.byline = house.author
    return doc, house, note


def _unfinished(source: Path, data: bytes, doc, result: BuildResult) -> None:
    """Count the marks left in the document (:mod:`gongwen.builder.unfinished`) into ``result``."""
    from gongwen.builder import unfinished
    from gongwen.builder.drafts import is_draft
    from gongwen.textio import decode_text

    if is_draft(source):
        found = unfinished.find_in_model(doc, str(source))
    else:
        found = unfinished.find_in_yaml(decode_text(data, str(source)), str(source))
    result.unfinished = found
    result.summary = unfinished.summary(str(source), found) if found else ""


def _load(source: Path, target: Path, data: bytes, importer, result: BuildResult, folders=None):
    """What :func:`build_one` lays out: YAML content, or a draft named to build (its note kept)."""
    from gongwen.builder.drafts import is_draft

    if not is_draft(source):
        return load_document(source, data, folders)
    doc, house, note = load_draft(source, data, importer, target)
    result.notes.append(f"{source}: {note}")
    return doc, house


def build_one(source: PathLike, target: PathLike, *, template: Optional[str] = None,
              force: bool = False, result: Optional[BuildResult] = None, importer=None,
              strict: bool = False, folders=None) -> BuildResult:
    """Build one content file (or a draft, with an ``importer``) into ``target``; ``strict``: a document
    with 【待补充】 or 【核实：…】 marks left is an error, not built; ``folders``: a batch's lookups per
    folder (:class:`~gongwen.builder.folders.Folders`)."""
    from gongwen.builder import layout, render, templatecheck
    from gongwen.content.schema import TEMPLATE_OF
    from gongwen.builder.templates import resolve_template
    from gongwen.errors import ContentErrors

    source, target = Path(source), Path(target)
    result = result or BuildResult(str(source), str(target))
    try:
        data = read_content(source)
        doc, house = _load(source, target, data, importer, result, folders)
        result.warnings.extend(doc.warnings)
        _unfinished(source, data, doc, result)
        if strict and result.unfinished:
            from gongwen.builder.unfinished import strict_error

            result.errors.append(strict_error(str(source), result.unfinished))
            return result
        name = template or doc.template or TEMPLATE_OF[doc.kind]
        template_path = resolve_template(name, source) if folders is None else folders.template(name, source)
        paragraphs = layout.paragraphs(doc, level3=house.level3)
        result.warnings.extend(templatecheck.ensure(template_path, {p["kind"] for p in paragraphs}))
        tpl = render.load_template(template_path, house.face_map, house.page_numbers)
        parts = tpl.render(paragraphs, doc.title, render.digest(data))
        guard_overwrite(target, source, force)
        render.write_docx(parts, tpl.order, target, tpl)
        result.ok = True
        from gongwen.builder import widowcheck

        result.warnings.extend(widowcheck.warnings(target, parts, tpl))
    except ContentErrors as exc:
        result.errors.extend(str(e) for e in exc.errors)
    except GongwenError as exc:
        result.errors.append(str(exc))
    except OSError as exc:
        from gongwen.atomic import reason

        result.errors.append(f"{exc.filename or source}: 无法读写：{reason(exc)}")
    except MemoryError:
        result.errors.append(f"{source}: 内存不足，未生成：内容或模板过大（模板正文、图片说明或变量的值），"
                             "请减小后重试")
    except Exception as exc:  # a fault of gongwen's own: this document fails, the batch goes on
        result.errors.append(f"{source}: 生成时出现意外错误（{type(exc).__name__}: {_short(str(exc))}），未生成；"
                             "这是 gongwen 自身的缺陷，请报告")
    return result


#: The most :func:`output_state` inflates to compare an output with what gongwen wrote (bytes).
MAX_COMPARED = 256 * 1024 * 1024


def output_state(path: Path) -> str:
    """Is ``path`` still what gongwen wrote?  ``"ours"`` (every part as written), ``"edited"``
    (gongwen's property, other parts: opened and saved in Word, WPS or LibreOffice, or changed by
    a program), ``"old"`` (written by a gongwen that recorded no digest: cannot tell) or
    ``"other"`` (not gongwen's, or not a .docx at all)."""
    from gongwen.builder.stamp import CUSTOM_PART, property_value, written_digest
    from gongwen.ooxml.package import open_docx

    try:
        with open_docx(str(path)) as z:
            if not z.has(CUSTOM_PART):
                return "other"
            value = property_value(z.read(CUSTOM_PART, limit=1_000_000))
            if value is None:
                return "other"
            recorded = value.split()[2:3]
            if not recorded:
                return "old"
            budget = [MAX_COMPARED]

            def bounded(info):
                for chunk in z.chunks(info):
                    budget[0] -= len(chunk)
                    if budget[0] < 0:
                        raise ReadError(str(path), "过大，不作比较")
                    yield chunk

            members = [(i.filename, bounded(i)) for i in z.infos() if i.filename != CUSTOM_PART]
            return "ours" if written_digest(members) == recorded[0] else "edited"
    except ReadError:
        return "other"


def made_by_gongwen(path: Path) -> bool:
    """True when ``path`` is exactly as gongwen wrote it (see :func:`output_state`)."""
    return output_state(path) == "ours"


_NOT_AS_WRITTEN = {
    "edited": "输出文件在 gongwen 生成之后被改动过（如在 Word、WPS 中编辑后保存）",
    "old": "输出文件由旧版 gongwen 生成，无法确认之后是否被改动过",
    "other": "输出文件已存在，但不是 gongwen 生成的（或无法读取）",
}


def guard_overwrite(target: Path, source: Path, force: bool) -> None:
    """Refuse to replace an output that is not exactly as gongwen wrote it (edited by hand since,
    or not gongwen's), unless ``force``.  Times are not compared: a file edited in Word and then
    its content edited too is still someone's work."""
    if force or not os.path.lexists(target) or os.path.isdir(target):  # a folder: atomic.replace says so
        return
    state = output_state(target)
    if state != "ours":
        raise GongwenError(f"{_NOT_AS_WRITTEN[state]}，为免丢失修改，未覆盖。要保留这些修改，可用 "
                           f"gongwen import {target} -o 新的内容文件.yaml 把它导回内容；"
                           "不要这些修改，加 --force 重新生成", Place(str(target)))
