"""What the kind rules share: the document's kind, its title, its main text and its parts by role.

The kind is the content's ``kind`` (YAML) or what the title's last words name
(:func:`gongwen.draft.titlekind.title_kind`: ``关于……的请示`` is a 请示).  A document whose kind
cannot be read gets no kind rule.  The parts come from :func:`gongwen.lint.textview.roles`.
Not a rule module: the rule modules of this family read it.
"""

from __future__ import annotations


from gongwen.content.schema import FORMS, KIND_NAMES, kind_of
from gongwen.draft import roles as R
from gongwen.draft.titlekind import title_kind
from gongwen.lint.context import Context
from gongwen.lint.textview import roles
from gongwen.spec import lazyre
from gongwen.spec.chars import BLANKS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional

#: Roles of the running text of the main body (not the 版头, the 落款, the 附件 or the 版记).
TEXT_ROLES = (R.BODY, R.HEADING, R.SERIES, R.ARTICLE, R.ARTICLE_POINT, R.PART)
#: Roles that end the main body.
END_ROLES = (R.ATTACHMENT_NOTE, R.ATTACHMENT_LABEL, R.SIGNATURE, R.ISSUE_DATE, R.NOTE, R.CC, R.PRINTED)
#: YAML keys whose text is the main body a reader sees (not the 版头, 落款 or 版记).
YAML_BODY_KEYS = ("opening", "intro", "closing", "paragraphs", "text", "lead", "lead_in", "after", "items",
                  "heading")
#: A 发文字号 as typed in running text: ``清政发〔2024〕3号`` (look-alike brackets too).
DOC_NUMBER = lazyre.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（﹝【]\s*(?:19|20)\d\d\s*[〕\]］)）﹞】]\s*第?\s*\d{1,4}\s*号")


def kind_name(kind: str) -> str:
    """The Chinese name of a kind (``request`` → 请示)."""
    return KIND_NAMES.get(kind, kind)


def upward(kind: Optional[str]) -> bool:
    form = FORMS.get(kind or "")
    return bool(form and form.upward)


def doc_kind(ctx: Context) -> Optional[str]:
    """The kind of the document (``request``, ``work_report``, ``report`` …) or None."""
    return ctx.shared("kind.doc_kind", _doc_kind)


def _doc_kind(ctx: Context) -> Optional[str]:
    if ctx.format == "yaml":
        return kind_of(yaml_top(ctx, "kind") or "")
    title = title_text(ctx)
    return title_kind(title) if title else None


def yaml_top(ctx: Context, key: str) -> Optional[str]:
    """The string value of a top-level key of YAML content, or None."""
    root = ctx.yaml
    if root is None or getattr(root, "tag", "") != "tag:yaml.org,2002:map":
        return None
    for knode, vnode in root.value:
        if getattr(knode, "value", None) == key and isinstance(getattr(vnode, "value", None), str):
            return vnode.value
    return None


def title_index(ctx: Context) -> List[int]:
    """The paragraphs of the document's title (a wrapped title has several)."""
    return ctx.shared("kind.title_index", _title_index)


def _title_index(ctx: Context) -> List[int]:
    if ctx.format == "yaml":
        return [i for i, p in enumerate(ctx.paras) if p.key == "title"]
    out: List[int] = []
    for i, role in enumerate(roles(ctx)):
        if role.kind == R.TITLE:
            out.append(i)
        elif out and role.kind != R.BLANK:
            break
    return out


def title_text(ctx: Context) -> str:
    return "".join(ctx.paras[i].text.strip(BLANKS) for i in title_index(ctx))


def main_body(ctx: Context) -> List[int]:
    """Indexes of the running text of the main body, in order: after the title and the 主送,
    before the 附件说明, the 落款, the 附件 pages and the 版记."""
    return ctx.shared("kind.main_body", _main_body)


def _main_body(ctx: Context) -> List[int]:
    if ctx.format == "yaml":
        return [i for i, p in enumerate(ctx.paras)
                if p.kind[5:] in YAML_BODY_KEYS and not p.key.startswith(("attachments", "reply_to"))]
    out: List[int] = []
    started = False
    for i, role in enumerate(roles(ctx)):
        if role.kind in END_ROLES:
            if started:
                break
            continue
        if role.kind in TEXT_ROLES:
            started = True
            out.append(i)
    return out


def closing(ctx: Context, count: int = 3) -> List[int]:
    """The last ``count`` paragraphs of the main body (where a closing formula stands)."""
    body = main_body(ctx)
    return body[-count:]


def indexes_of(ctx: Context, *kinds: str) -> List[int]:
    """Paragraphs with one of these roles (text formats; YAML has none)."""
    if ctx.format == "yaml":
        return []
    return [i for i, role in enumerate(roles(ctx)) if role.kind in kinds]


def has_head(ctx: Context) -> bool:
    """Does the document have a 版头 (a 发文机关标志 or a 发文字号)?"""
    if ctx.format == "yaml":
        return yaml_top(ctx, "issuer") is not None
    return bool(indexes_of(ctx, R.ISSUER, R.DOC_NUMBER, R.SIGNER))


_CITED = lazyre.compile(r"《[^《》]*》")

def without_titles(text: str) -> str:
    """``text`` with what stands in 《》 blanked out (a cited title is not the writer's words)."""
    return _CITED.sub(lambda m: "《" + "□" * (len(m.group(0)) - 2) + "》", text)
