"""The tags of a template, checked on its skeleton: one Jinja line per paragraph.

:mod:`templatecheck` reads the template and turns each paragraph into a
:class:`Para`.  Every tag is first held against gongwen's small tag language
(:mod:`gongwen.builder.tags`) as text: a tag outside it is named with its
paragraph and never reaches Jinja, whose compiler would fold ``{{ 9**(9**9) }}``
for ever.  Then every paragraph becomes one line of a skeleton Jinja source
(a ``{%p … %}`` paragraph becomes its bare tag, any other paragraph ``¶`` plus
its text), so Jinja's line numbers are paragraph numbers.  Blocks are matched
paragraph by paragraph first, so a lost ``{% endif %}`` is named with both
places; then the skeleton's syntax tree is walked (:class:`_Walker`) for
unknown variables, filters and fields, and for every paragraph kind without an
example paragraph.  Jinja's English syntax messages get a Chinese gloss.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Set, Tuple

from gongwen.builder import tags
from gongwen.builder.kinds import TAB
from gongwen.builder.redhead import all_kinds, family_names
from gongwen.builder.tags import TAG  # the renderer's own reading of tags
from gongwen.spec.record import dataclass

_DOCXTPL_ONLY = re.compile(r"\{[{%]-?\s*(?:tr|tc|r|tcr|cellbg|colspan|hm|vm)\s")
SIMPLE = {"set", "include", "import", "from"}
_CURLY = re.compile("[\u201c\u201d\u2018\u2019]")
_MARK = "¶"  # starts the skeleton line of an ordinary paragraph
_BROKEN = "¶⚠"  # the skeleton line of a paragraph whose fault is already reported
BLOCKS = {"for": "endfor", "if": "endif", "with": "endwith", "macro": "endmacro",
          "call": "endcall", "filter": "endfilter", "block": "endblock", "raw": "endraw"}


@dataclass
class Problem:
    """One finding: an error stops a build, a warning (提醒) does not."""

    message: str
    error: bool = True
    kind: Optional[str] = None  # set for "this kind of paragraph is missing"

    def __str__(self) -> str:
        return self.message if self.error else f"提醒：{self.message}"


@dataclass
class Para:
    number: int  # 1-based, all paragraphs of the body in document order
    text: str  # the paragraph's text with split tags joined
    tag: Optional[str] = None  # the statement of a {%p … %} paragraph

    def where(self) -> str:
        """``第 12 段“{{ p.tex }}”``: computed once (a hostile paragraph may be long and named often)."""
        shown = self.__dict__.get("_where")
        if shown is None:
            text = re.sub(r"\s+", " ", self.text.lstrip()[:400]).strip()
            short = text if len(text) <= 40 else text[:39] + "…"
            shown = f"第 {self.number} 段“{short}”" if short else f"第 {self.number} 段（空段落）"
            self.__dict__["_where"] = shown
        return shown


def kinds() -> Dict[str, Tuple[str, Tuple[str, ...]]]:
    """Paragraph kind → (style name shown in Word, fields its example paragraph shows)."""
    return {k.name: (k.style, tuple(f.split(".", 1)[1] for _, f in k.runs if f != TAB)
                     + (("geometry",) if k.attrs else ())) for k in all_kinds()}


def fields() -> Set[str]:
    """Every attribute of a paragraph ``p`` that render passes to templates (text and numbers)."""
    out = {"kind"}
    for _, names in kinds().values():
        out.update(names)
    for kind in all_kinds():
        out.update(kind.attrs)
    return out


# --- analysing the tags ----------------------------------------------------------------

def analyse(paras: List[Para], real: Tuple[str, str], failed: bool) -> List[Problem]:
    """Problems of the tags of ``paras``.

    ``real`` is (render's Jinja source, or ""; render's complaint, or ""), checked
    for undeclared variables only when nothing else (``failed``, or a problem
    found here) is wrong already, so one fault is not reported twice.
    """
    import jinja2
    from jinja2 import meta

    problems: List[Problem] = []
    env = jinja2.Environment(autoescape=True)
    lines = []
    for para in paras:
        line = _paragraph_line(para, problems)
        lines.append(line.replace("\n", " "))
    count = sum(1 for para in paras for _ in TAG.finditer(para.text))
    if count > tags.MAX_TAGS:
        problems.append(Problem(f"模板里的标签有 {count} 个，超过上限 {tags.MAX_TAGS}（内置模板约 35 个）"))
    outside = any(p.error for p in problems)  # a tag outside the language: Jinja must not parse any
    if not _blocks_balanced(paras, problems) or outside:
        return problems
    skeleton = "\n".join(lines) + "\n"
    try:
        tree = env.parse(skeleton)
    except jinja2.TemplateSyntaxError as exc:
        para = paras[min(max((exc.lineno or 1) - 1, 0), len(paras) - 1)] if paras else None
        where = para.where() + "：" if para else ""
        problems.append(Problem(f"{where}模板标签有误：{_chinese(exc.message or '')}"))
        return problems
    walker = _Walker(paras, env)
    walker.visit_all(tree.body, {})
    problems.extend(walker.problems)
    problems.extend(walker.kind_problems())

    source, complaint = real
    failed = failed or any(p.error for p in problems)
    if complaint and not failed:
        problems.append(Problem(complaint))
    elif source and not failed:
        try:
            undeclared = meta.find_undeclared_variables(env.parse(source))
        except jinja2.TemplateSyntaxError as exc:
            problems.append(Problem(f"模板标签有误：{_chinese(exc.message or '')}"))
        else:
            for name in sorted(undeclared - {"paragraphs"}):
                problems.append(Problem(f"未知变量 {name}（模板里只能用 paragraphs）"))
            if "paragraphs" not in undeclared:
                problems.append(Problem("模板没有 {%p for p in paragraphs %} 循环，成稿正文会是空的"))
    return problems


def _paragraph_line(para: Para, problems: List[Problem]) -> str:
    """The skeleton line of one paragraph; a broken paragraph becomes a neutral line.

    Every tag is held against the tag language here, as text, so a line is
    only ever made of tags Jinja may parse.
    """
    if para.tag == "broken":
        return _BROKEN
    curly = [m.group(0) for m in TAG.finditer(para.text) if _CURLY.search(m.group(0))]
    if curly:
        # Word's AutoFormat turns "h3" into “h3”; Jinja then sees no string at all.
        problems.append(Problem(f"{para.where()}：标签 {curly[0]} 里的引号被 Word 自动改成了中文引号，"
                                "请改回英文引号 \"（或关闭 Word 的“自动套用格式 → 直引号替换为弯引号”）"))
    if para.tag is not None:
        statement = _straight(para.tag)
        word = (statement.split() or [""])[0]
        # An unknown word is named by _blocks_balanced, with the block it may have meant to close.
        why = tags.statement_error(statement) if word in tags.KEYWORDS or word in tags.JINJA_ONLY else None
        if why:
            problems.append(Problem(f"{para.where()}：模板标签有误：{why}"))
            return _BROKEN
        return "{% " + statement + " %}"
    text = TAG.sub(lambda m: _straight(m.group(0)), para.text)
    if _DOCXTPL_ONLY.search(text):
        problems.append(Problem(f"{para.where()}：gongwen 只支持 {{{{ … }}}} 和 {{%p … %}}，"
                                "不支持 docxtpl 的 {%tr/{%tc/{%r/{{r 等写法"))
        return _BROKEN
    rest = TAG.sub("", text)
    for opener in ("{{", "{%", "{#", "}}", "%}", "#}"):
        if opener in rest:
            problems.append(Problem(f"{para.where()}：标签不完整（有 {opener} 却没有与之配对的另一半），"
                                    "可能在 Word 里删掉了一部分"))
            return _BROKEN
    depth = 0
    for m in TAG.finditer(text):
        why = tags.tag_error(m.group(0))
        word = (m.group(0)[2:-2].split() or [""])[0] if m.group(0).startswith("{%") else ""
        if not why and word == "for":
            why = "段落里不能用 for；逐段输出用独占一段的 {%p for p in paragraphs %}"
        bare = re.fullmatch(r"\{\{\s*([A-Za-z]\w*)\s*\}\}", m.group(0))
        if why and bare:
            problems.append(Problem(f"{para.where()}：未知变量 {bare.group(1)}"
                                    "（模板里只能用 paragraphs 和循环变量，如 p.text）"))
            return _BROKEN
        if why:
            problems.append(Problem(f"{para.where()}：标签 {tags.shorten(m.group(0))} 不是 gongwen 模板的写法：{why}"))
            return _BROKEN
        depth += (word in BLOCKS) - (word in BLOCKS.values())
    if depth:
        problems.append(Problem(f"{para.where()}：段内的 {{% … %}} 块没有在同一段内结束；"
                                "跨段的块要用独占一段的 {%p … %} 标签"))
        return _BROKEN
    return _MARK + text


def _straight(tag: str) -> str:
    return tag.translate({0x201C: '"', 0x201D: '"', 0x2018: "'", 0x2019: "'"})


def _blocks_balanced(paras: List[Para], problems: List[Problem]) -> bool:
    """Match for/if/… with their end tags paragraph by paragraph; report with both places."""
    stack: List[Tuple[str, Para]] = []
    ok = True
    for para in paras:
        if not para.tag or para.tag == "broken":
            continue
        word = para.tag.split(None, 1)[0].strip("-") if para.tag.split() else ""
        if word in BLOCKS:
            if word == "for" and any(w == "for" for w, _ in stack):
                outer = next(p for w, p in reversed(stack) if w == "for")
                problems.append(Problem(f"{para.where()}：for 里不能再套 for（它在{outer.where()}的 for 里面）；"
                                        "每段内容只输出一次"))
                ok = False
            stack.append((word, para))
            if len(stack) > tags.MAX_DEPTH:
                problems.append(Problem(f"{para.where()}：标签块嵌套超过 {tags.MAX_DEPTH} 层"))
                return False
        elif word in ("elif", "else"):
            if not stack or stack[-1][0] not in (("if",) if word == "elif" else ("if", "for")):
                problems.append(Problem(f"{para.where()}：{word} 前面没有对应的 if"))
                ok = False
        elif word not in SIMPLE and word not in BLOCKS.values():
            problems.append(Problem(f"{para.where()}：未知的标签 {word}"
                                    f"（常用的有 for、endfor、if、elif、else、endif）"))
            ok = False
            if word.startswith("end") and stack:
                stack.pop()  # a misspelt end tag: take it as closing the innermost block
        elif word in BLOCKS.values():
            opener = word[3:]
            if opener not in [w for w, _ in stack]:
                problems.append(Problem(f"{para.where()}：{word} 前面没有对应的 {opener}"))
                ok = False
                continue
            while stack[-1][0] != opener:  # blocks left open inside this one
                last, where = stack.pop()
                problems.append(Problem(f"{para.where()}：这里是 {word}，但{where.where()}的 {last} "
                                        f"还没有用 {BLOCKS[last]} 结束"))
                ok = False
            stack.pop()
    for word, para in stack:
        problems.append(Problem(f"{para.where()}：{word} 没有对应的 {{%p {BLOCKS[word]} %}}"
                                "（可能在 Word 里连同段落一起删掉了）"))
        ok = False
    return ok


def _chinese(message: str) -> str:
    """Jinja's English syntax messages, with a Chinese gloss for the common ones."""
    m = re.match(r"Encountered unknown tag '(\w+)'", message)
    if m:
        return f"未知的标签 {m.group(1)}"
    m = re.search(r"The innermost block that needs to be closed is '(\w+)'", message)
    if m:
        return f"{m.group(1)} 块没有结束"
    if message.startswith("unexpected"):
        return f"表达式有误（{message}）"
    return message


def _all(node, cls) -> list:
    """``node`` itself when it is a ``cls``, then its descendants that are."""
    return ([node] if isinstance(node, cls) else []) + list(node.find_all(cls))


class _Walker:
    """Walks the skeleton's syntax tree with the names in scope at each point."""

    def __init__(self, paras: List[Para], env):
        self.paras = paras
        self.env = env
        self.fields = fields()
        self.problems: List[Problem] = []
        self.branches: Dict[str, List[Tuple[int, Set[str], bool]]] = {}
        self._current: Optional[Set[str]] = None
        self._example = False
        self._broken = False

    def where(self, lineno: int) -> str:
        index = min(max(lineno - 1, 0), len(self.paras) - 1)
        return self.paras[index].where() if self.paras else ""

    def visit_all(self, nodes_, scope: Dict[str, str]) -> None:
        for node in nodes_:
            self.visit(node, scope)

    def visit(self, node, scope: Dict[str, str]) -> None:
        from jinja2 import nodes

        if isinstance(node, nodes.For):
            self.expr(node.iter, scope)
            inner = dict(scope)
            is_paras = isinstance(node.iter, nodes.Name) and node.iter.name == "paragraphs"
            for name in _all(node.target, nodes.Name):
                inner[name.name] = "paragraph" if is_paras else "value"
            inner["loop"] = "value"
            if node.test is not None:
                self.expr(node.test, inner)
            self.visit_all(node.body, inner)
            self.visit_all(node.else_, scope)
        elif isinstance(node, nodes.If):
            self.expr(node.test, scope)
            kind = self.kind_test(node.test, scope)
            if kind is None:
                self.visit_all(node.body, scope)
            else:
                saved = (self._current, self._example, self._broken)
                self._current, self._example, self._broken = set(), False, False
                self.visit_all(node.body, scope)
                if not self._broken:  # a broken example paragraph is reported already
                    self.branches.setdefault(kind, []).append((node.lineno, self._current, self._example))
                else:
                    self.branches.setdefault(kind, [])
                self._current, self._example, self._broken = saved
            for branch in node.elif_:
                self.visit(branch, scope)
            self.visit_all(node.else_, scope)
        elif isinstance(node, nodes.Output):
            for child in node.nodes:
                if isinstance(child, nodes.TemplateData):
                    self._example = self._example or _MARK in child.data
                    self._broken = self._broken or _BROKEN in child.data
                else:
                    self.expr(child, scope, output=True)
        elif isinstance(node, nodes.Assign):
            self.expr(node.node, scope)
            for name in _all(node.target, nodes.Name):
                scope[name.name] = "value"
        else:
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self.expr(child, scope)
                else:
                    self.visit(child, scope)

    def expr(self, node, scope: Dict[str, str], output: bool = False) -> None:
        from jinja2 import nodes

        for name in _all(node, nodes.Name):
            if name.ctx == "load" and name.name not in scope and name.name != "paragraphs":
                self.problems.append(Problem(f"{self.where(name.lineno)}：未知变量 {name.name}"
                                             "（模板里只能用 paragraphs 和循环变量，如 p.text）"))
        for item in _all(node, nodes.Filter) + _all(node, nodes.Test):
            table, what = (self.env.filters, "过滤器") if isinstance(item, nodes.Filter) else (self.env.tests, "测试")
            if item.name not in table:
                self.problems.append(Problem(f"{self.where(item.lineno)}：未知的{what} {item.name}"))
        attrs = [(n, n.attr) for n in _all(node, nodes.Getattr)]
        attrs += [(n, n.arg.value) for n in _all(node, nodes.Getitem)
                  if isinstance(n.arg, nodes.Const) and isinstance(n.arg.value, str)]
        for item, attr in attrs:
            base = item.node
            if attr.startswith("_"):
                self.problems.append(Problem(f"{self.where(item.lineno)}：不允许访问以下划线开头的属性 {attr}"))
            elif isinstance(base, nodes.Name) and scope.get(base.name) == "paragraph":
                if attr not in self.fields:
                    known = "、".join(f"{base.name}.{f}" for f in sorted(self.fields))
                    self.problems.append(Problem(f"{self.where(item.lineno)}：未知变量 {base.name}.{attr}"
                                                 f"（可用：{known}）"))
                elif output and self._current is not None:
                    self._current.add(attr)

    @staticmethod
    def kind_test(test, scope: Dict[str, str]) -> Optional[str]:
        """"h3" for a test ``p.kind == "h3"`` on a paragraph variable."""
        from jinja2 import nodes

        if (isinstance(test, nodes.Compare) and len(test.ops) == 1 and test.ops[0].op == "eq"
                and isinstance(test.expr, nodes.Getattr) and test.expr.attr == "kind"
                and isinstance(test.expr.node, nodes.Name)
                and scope.get(test.expr.node.name) == "paragraph"
                and isinstance(test.ops[0].expr, nodes.Const)):
            return str(test.ops[0].expr.value)
        return None

    def kind_problems(self) -> List[Problem]:
        out: List[Problem] = []
        known = kinds()
        for kind, branches in self.branches.items():
            for lineno, shown, example in branches:
                where = self.where(lineno)
                if kind not in known:
                    out.append(Problem(f"{where}：未知的段落类型“{kind}”，gongwen 不会生成这种段落"
                                       f"（可用：{'、'.join(known)}）", error=False))
                    continue
                style, needed = known[kind]
                if not example:
                    out.append(Problem(f"{where}：后面缺少“{style}”的示例段落，{kind} 类段落不会输出",
                                       kind=kind))
                    continue
                for name in needed:
                    if name not in shown:
                        out.append(Problem(f"{where}：后面“{style}”的示例段落里没有 {{{{ p.{name} }}}}，"
                                           "这部分文字会从成稿中丢失", kind=kind))
        family = family_names()
        for kind, (style, _) in known.items():
            if kind in family and not family & set(self.branches):
                continue  # a template for speeches and reports: the red-header kinds are not expected
            if kind not in self.branches:
                out.append(Problem(f"缺少段落类型 {kind}（{style}）：模板里没有 "
                                   f"{{%p elif p.kind == \"{kind}\" %}} 及其示例段落，这类段落会从成稿中丢失",
                                   kind=kind))
        return out
