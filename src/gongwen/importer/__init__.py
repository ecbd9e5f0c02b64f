"""Old documents → content model: paragraphs and their roles become sections, points and series,
articles, and the 版头, 附件 and 版记 of the red-header family.

    from gongwen.importer import import_file
    result = import_file("去年讲话.docx")     # ImportResult(document, warnings, kind_reason, paragraphs)
"""

from gongwen.importer.outline import import_file, import_paragraphs
from gongwen.importer.read import ImportResult, ImportWarning, Line

__all__ = ["ImportResult", "ImportWarning", "Line", "import_file", "import_paragraphs"]
