"""Layout rules (GW8xx): what a .docx looks like, checked against GB/T 9704-2012.

The numbers come from :mod:`gongwen.spec.gbt9704`: A4 paper,
margins 37/35/28/26 mm, a text block of 22 lines × 28 characters, 三号仿宋 body
text, 二号小标宋 title, 黑体/楷体/仿宋 for heading levels 1/2/3–4, explicit East
Asian fonts and no theme fonts, a two-character first-line indent, and
``— N —`` page numbers in 四号宋体, odd pages right and even pages left.

One module per concern, each registering its rules on import:

- :mod:`.page` — paper and margins (GW801–GW802);
- :mod:`.fonts` — faces and sizes by paragraph role, explicit and theme fonts (GW803–GW809);
- :mod:`.grid` — 22 lines of 28 characters, first-line indent (GW810–GW812);
- :mod:`.pagenum` — page numbers in the footers (GW813–GW815);
- :mod:`.redhead` — the 版头 of a red-header document: 发文机关标志, its place, the red
  separator, the 发文字号 (GW816–GW819);
- :mod:`.redclose` — 署名 and 成文日期, 附件 pages (GW820–GW821);
- :mod:`.redrecord` — the 版记: its lines, its place, the 抄送 and 印发 lines (GW822–GW825);
- :mod:`.widow` — a last line of one or two characters alone at a page top (GW826).

What they share lives elsewhere: formatting is resolved by
:mod:`gongwen.ooxml.styles`, paragraphs get their roles and findings are grouped
in :mod:`gongwen.lint.layoutview` (the red-header elements in :mod:`gongwen.lint.redview`, their
lines and paragraph properties in :mod:`gongwen.lint.drawnlines` and :mod:`gongwen.lint.paraprops`),
and the ``bad``/``good`` examples are
written in the language of :mod:`gongwen.lint.docxexample`.  No lxml at
module level: listing the rules stays fast.
"""

from gongwen.lint.rules.layout import fonts, grid, page, pagenum, redclose, redhead, redrecord, widow  # noqa: F401  (registers the rules)
