"""WordprocessingML: one namespace helper, one bounded package reader, paragraphs, numbering, styles.

lxml is imported inside the functions that parse, never at module level.
"""
