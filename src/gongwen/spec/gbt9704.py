"""GB/T 9704-2012 numbers and faces: the one place the standard's figures live.

Lengths are twips (1/1440 inch) unless said otherwise; font sizes are
half-points as Word stores them.  The template maker writes these numbers and
the layout rules check against them, so the two never disagree.
"""

TWIPS_PER_MM = 1440 / 25.4

# --- page (5.1, 5.2.1) -----------------------------------------------------------
A4 = (11906, 16838)  # 210 × 297 mm, portrait
MARGINS = {"top": 2098, "bottom": 1984, "left": 1587, "right": 1474}  # 37/35/28/26 mm
MARGIN_TOLERANCE_MM = 1.0
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = 579  # 28.95 pt: 22 lines in the 225 mm text block
CHAR_SPACING = -5  # twentieths of a point: −0.25 pt, 28 characters of 16 pt in 156 mm
FOOTER_DISTANCE = 1417  # 25 mm: puts the — N — line about 7 mm below the text block

# --- type (5.2.2, 7.3) -----------------------------------------------------------------
BODY_SIZE = 32  # 三号 16 pt
TITLE_SIZE = 44  # 二号 22 pt
TABLE_SIZE = 28  # 四号 14 pt: table cells and notes, one size below the body
PAGE_NUMBER_SIZE = 28  # 四号 14 pt
INDENT = 640  # two 16 pt characters (twips)
INDENT_CHARS = 200  # the same in hundredths of a character
INDENT_RANGE = (600, 680)  # two characters of 16 pt (15.75 pt with −0.25 pt spacing)
LATIN_FACE = "Times New Roman"

#: Faces by role as the standard names them; an office may swap them (仿宋 for 仿宋_GB2312).
DEFAULT_FACES = {
    "title": "方正小标宋简体",
    "h1": "黑体",
    "h2": "楷体_GB2312",
    "body": "仿宋_GB2312",
    "page": "宋体",
}

#: Face families: a face belongs to a family when its name contains one of these
#: (小标宋 and 仿宋 are tried before 宋体).
FACE_FAMILIES = {
    "小标宋": ("小标宋", "xiaobiaosong", "fzxbs"),
    "仿宋": ("仿宋", "fangsong", "fang song"),
    "楷体": ("楷体", "楷书", "kaiti", "stkaiti", "kai ti"),
    "黑体": ("黑体", "simhei", "heiti", "hei ti", "stheiti"),
    "宋体": ("宋体", "simsun", "songti", "song ti", "nsimsun"),
}
#: The family each paragraph role must be set in (7.3.1, 7.3.3).
ROLE_FAMILY = {"title": "小标宋", "h1": "黑体", "h2": "楷体", "h3": "仿宋", "h4": "仿宋", "body": "仿宋",
               "salutation": "仿宋"}


def face_family(name):
    """The family (小标宋, 仿宋, 楷体, 黑体, 宋体) a font name belongs to, or None."""
    if not name:
        return None
    low = name.lower()
    for family, needles in FACE_FAMILIES.items():
        if any(n in low for n in needles):
            return family
    return None


def mm(twips: float) -> str:
    """Twips as millimetres for a message: ``37``, ``25.4``."""
    return f"{twips / TWIPS_PER_MM:.1f}".rstrip("0").rstrip(".")


# --- the red-header document (7.2, 7.4, 10.1, 10.3) ----------------------------------------
TEXT_WIDTH = A4[0] - MARGINS["left"] - MARGINS["right"]  # 156 mm
TEXT_HEIGHT = A4[1] - MARGINS["top"] - MARGINS["bottom"]  # 225 mm
RED = "FF0000"
#: The 发文机关标志's top edge below the text block's top (7.2.4); the 命令 form: 20 mm.
MARK_TOP_MM = 35
#: Largest 发文机关标志 (half-points): 小初 36 pt; a long name is set smaller to stay within the text block.
MARK_MAX_SIZE = 72
#: The red separator below the 发文字号 (7.2.7), and its thickness (eighths of a point).
SEPARATOR_GAP_MM = 4
SEPARATOR_SIZE = 12
#: 版记 (7.4.1): first and last lines thick (0.35 mm), lines between thin (0.25 mm); eighths of a point.
RECORD_THICK = 8
RECORD_THIN = 6
RECORD_SIZE = 28  # 四号
#: One character of the 版记's 四号 text, and of the body's 三号 text (twips).
RECORD_CHAR = 280
BODY_CHAR = 320
#: 信函格式 (10.1): 标志 30 mm from the paper's top; red double lines 4 mm below it and 20 mm above the
#: paper's bottom, 170 mm long.
LETTER_MARK_TOP_MM = 30
LETTER_BOTTOM_LINE_MM = 20
LETTER_LINE_LENGTH_MM = 170
