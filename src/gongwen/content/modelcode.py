"""The methods of the content model's records, as ``@dataclass`` writes them.

Written by ``python -m gongwen.content.modelgen --write`` from :mod:`gongwen.content.model`; do not
edit.  Kept as a module so that they are compiled once with the package, not on every import.
"""

# A record class made by default (``Head()``) is put here by gongwen.content.model as it is defined.
_NEW = object()  # an argument not given: the field's default is made afresh


def Item__init__(self, text='', lead=''):
    self.text = text
    self.lead = lead


def Item__repr__(self):
    return (self.__class__.__qualname__ + "("
            + "text=" + repr(self.text)
            + ", lead=" + repr(self.lead)
            + ")")


def Item__eq__(self, other):
    if other.__class__ is self.__class__:
        return ((self.text, self.lead,) ==
                (other.text, other.lead,))
    return NotImplemented


def Series__init__(self, items=_NEW, inline=False, style='一是', lead_in=''):
    self.items = [] if items is _NEW else items
    self.inline = inline
    self.style = style
    self.lead_in = lead_in


def Series__repr__(self):
    return (self.__class__.__qualname__ + "("
            + "items=" + repr(self.items)
            + ", inline=" + repr(self.inline)
            + ", style=" + repr(self.style)
            + ", lead_in=" + repr(self.lead_in)
            + ")")


def Series__eq__(self, other):
    if other.__class__ is self.__class__:
        return ((self.items, self.inline, self.style, self.lead_in,) ==
                (other.items, other.inline, other.style, other.lead_in,))
    return NotImplemented


def Table__init__(self, rows=_NEW, header=_NEW, caption='', notes=_NEW, align=_NEW):
    self.rows = [] if rows is _NEW else rows
    self.header = [] if header is _NEW else header
    self.caption = caption
    self.notes = [] if notes is _NEW else notes
    self.align = [] if align is _NEW else align


def Table__repr__(self):
    return (self.__class__.__qualname__ + "("
            + "rows=" + repr(self.rows)
            + ", header=" + repr(self.header)
            + ", caption=" + repr(self.caption)
            + ", notes=" + repr(self.notes)
            + ", align=" + repr(self.align)
            + ")")


def Table__eq__(self, other):
    if other.__class__ is self.__class__:
        return ((self.rows, self.header, self.caption, self.notes, self.align,) ==
                (other.rows, other.header, other.caption, other.notes, other.align,))
    return NotImplemented


def Point__init__(self, heading, text=_NEW, run_in=None, points=_NEW, series=None, after=_NEW):
    self.heading = heading
    self.text = [] if text is _NEW else text
    self.run_in = run_in
    self.points = [] if points is _NEW else points
    self.series = series
    self.after = [] if after is _NEW else after


def Point__repr__(self):
    return (self.__class__.__qualname__ + "("
            + "heading=" + repr(self.heading)
            + ", text=" + repr(self.text)
            + ", run_in=" + repr(self.run_in)
            + ", points=" + repr(self.points)
            + ", series=" + repr(self.series)
            + ", after=" + repr(self.after)
            + ")")


def Point__eq__(self, other):
    if other.__class__ is self.__class__:
        return ((self.heading, self.text, self.run_in, self.points, self.series, self.after,) ==
                (other.heading, other.text, other.run_in, other.points, other.series, other.after,))
    return NotImplemented


def Section__init__(self, heading, paragraphs=_NEW, points=_NEW, series=None, part='', after=_NEW):
    self.heading = heading
    self.paragraphs = [] if paragraphs is _NEW else paragraphs
    self.points = [] if points is _NEW else points
    self.series = series
    self.part = part
    self.after = [] if after is _NEW else after


def Section__repr__(self):
    return (self.__class__.__qualname__ + "("
            + "heading=" + repr(self.heading)
            + ", paragraphs=" + repr(self.paragraphs)
            + ", points=" + repr(self.points)
            + ", series=" + repr(self.series)
            + ", part=" + repr(self.part)
            + ", after=" + repr(self.after)
            + ")")


def Section__eq__(self, other):
    if other.__class__ is self.__class__:
        return ((self.heading, self.paragraphs, self.points, self.series, self.part, self.after,) ==
                (other.heading, other.paragraphs, other.points, other.series, other.part,
                 other.after,))
    return NotImplemented


def Article__init__(self, text=_NEW, points=_NEW):
    self.text = [] if text is _NEW else text
    self.points = [] if points is _NEW else points


def Article__repr__(self):
    return (self.__class__.__qualname__ + "("
            + "text=" + repr(self.text)
            + ", points=" + repr(self.points)
            + ")")


def Article__eq__(self, other):
    if other.__class__ is self.__class__:
        return ((self.text, self.points,) ==
                (other.text, other.points,))
    return NotImplemented


def Chapter__init__(self, heading, articles=_NEW):
    self.heading = heading
    self.articles = [] if articles is _NEW else articles


def Chapter__repr__(self):
    return (self.__class__.__qualname__ + "("
            + "heading=" + repr(self.heading)
            + ", articles=" + repr(self.articles)
            + ")")


def Chapter__eq__(self, other):
    if other.__class__ is self.__class__:
        return ((self.heading, self.articles,) ==
                (other.heading, other.articles,))
    return NotImplemented


def Body__init__(self, opening=_NEW, sections=_NEW, articles=_NEW, chapters=_NEW, closing=_NEW):
    self.opening = [] if opening is _NEW else opening
    self.sections = [] if sections is _NEW else sections
    self.articles = [] if articles is _NEW else articles
    self.chapters = [] if chapters is _NEW else chapters
    self.closing = [] if closing is _NEW else closing


def Body__repr__(self):
    return (self.__class__.__qualname__ + "("
            + "opening=" + repr(self.opening)
            + ", sections=" + repr(self.sections)
            + ", articles=" + repr(self.articles)
            + ", chapters=" + repr(self.chapters)
            + ", closing=" + repr(self.closing)
            + ")")


def Body__eq__(self, other):
    if other.__class__ is self.__class__:
        return ((self.opening, self.sections, self.articles, self.chapters, self.closing,) ==
                (other.opening, other.sections, other.articles, other.chapters, other.closing,))
    return NotImplemented


def Attachment__init__(self, title, body=_NEW, title_lines=_NEW):
    self.title = title
    self.body = Body() if body is _NEW else body
    self.title_lines = [] if title_lines is _NEW else title_lines


def Attachment__repr__(self):
    return (self.__class__.__qualname__ + "("
            + "title=" + repr(self.title)
            + ", body=" + repr(self.body)
            + ", title_lines=" + repr(self.title_lines)
            + ")")


def Attachment__eq__(self, other):
    if other.__class__ is self.__class__:
        return ((self.title, self.body, self.title_lines,) ==
                (other.title, other.body, other.title_lines,))
    return NotImplemented


def Head__init__(self, copy_number='', secrecy='', urgency='', issuers=_NEW, mark='',
                       doc_number='', signers=_NEW, cc=_NEW, printer='', printed=''):
    self.copy_number = copy_number
    self.secrecy = secrecy
    self.urgency = urgency
    self.issuers = [] if issuers is _NEW else issuers
    self.mark = mark
    self.doc_number = doc_number
    self.signers = [] if signers is _NEW else signers
    self.cc = [] if cc is _NEW else cc
    self.printer = printer
    self.printed = printed


def Head__repr__(self):
    return (self.__class__.__qualname__ + "("
            + "copy_number=" + repr(self.copy_number)
            + ", secrecy=" + repr(self.secrecy)
            + ", urgency=" + repr(self.urgency)
            + ", issuers=" + repr(self.issuers)
            + ", mark=" + repr(self.mark)
            + ", doc_number=" + repr(self.doc_number)
            + ", signers=" + repr(self.signers)
            + ", cc=" + repr(self.cc)
            + ", printer=" + repr(self.printer)
            + ", printed=" + repr(self.printed)
            + ")")


def Head__eq__(self, other):
    if other.__class__ is self.__class__:
        return ((self.copy_number, self.secrecy, self.urgency, self.issuers, self.mark,
                 self.doc_number, self.signers, self.cc, self.printer, self.printed,) ==
                (other.copy_number, other.secrecy, other.urgency, other.issuers, other.mark,
                 other.doc_number, other.signers, other.cc, other.printer, other.printed,))
    return NotImplemented


def Reply__init__(self, title, number='', addressee=''):
    self.title = title
    self.number = number
    self.addressee = addressee


def Reply__repr__(self):
    return (self.__class__.__qualname__ + "("
            + "title=" + repr(self.title)
            + ", number=" + repr(self.number)
            + ", addressee=" + repr(self.addressee)
            + ")")


def Reply__eq__(self, other):
    if other.__class__ is self.__class__:
        return ((self.title, self.number, self.addressee,) ==
                (other.title, other.number, other.addressee,))
    return NotImplemented


def Document__init__(self, kind, title, template='', date='', byline='', salutation='',
                           opening=_NEW, sections=_NEW, closing=_NEW, subtitle='', head=_NEW,
                           recipients=_NEW, reply_to=None, articles=_NEW, chapters=_NEW,
                           attendance=_NEW, attachments=_NEW, signature=_NEW, seal=None, note='',
                           vars=None, path='', warnings=_NEW, title_lines=_NEW):
    self.kind = kind
    self.title = title
    self.template = template
    self.date = date
    self.byline = byline
    self.salutation = salutation
    self.opening = [] if opening is _NEW else opening
    self.sections = [] if sections is _NEW else sections
    self.closing = [] if closing is _NEW else closing
    self.subtitle = subtitle
    self.head = Head() if head is _NEW else head
    self.recipients = [] if recipients is _NEW else recipients
    self.reply_to = reply_to
    self.articles = [] if articles is _NEW else articles
    self.chapters = [] if chapters is _NEW else chapters
    self.attendance = {} if attendance is _NEW else attendance
    self.attachments = [] if attachments is _NEW else attachments
    self.signature = [] if signature is _NEW else signature
    self.seal = seal
    self.note = note
    self.vars = vars
    self.path = path
    self.warnings = [] if warnings is _NEW else warnings
    self.title_lines = [] if title_lines is _NEW else title_lines


def Document__repr__(self):
    return (self.__class__.__qualname__ + "("
            + "kind=" + repr(self.kind)
            + ", title=" + repr(self.title)
            + ", template=" + repr(self.template)
            + ", date=" + repr(self.date)
            + ", byline=" + repr(self.byline)
            + ", salutation=" + repr(self.salutation)
            + ", opening=" + repr(self.opening)
            + ", sections=" + repr(self.sections)
            + ", closing=" + repr(self.closing)
            + ", subtitle=" + repr(self.subtitle)
            + ", head=" + repr(self.head)
            + ", recipients=" + repr(self.recipients)
            + ", reply_to=" + repr(self.reply_to)
            + ", articles=" + repr(self.articles)
            + ", chapters=" + repr(self.chapters)
            + ", attendance=" + repr(self.attendance)
            + ", attachments=" + repr(self.attachments)
            + ", signature=" + repr(self.signature)
            + ", seal=" + repr(self.seal)
            + ", note=" + repr(self.note)
            + ", vars=" + repr(self.vars)
            + ", path=" + repr(self.path)
            + ", warnings=" + repr(self.warnings)
            + ", title_lines=" + repr(self.title_lines)
            + ")")


def Document__eq__(self, other):
    if other.__class__ is self.__class__:
        return ((self.kind, self.title, self.template, self.date, self.byline, self.salutation,
                 self.opening, self.sections, self.closing, self.subtitle, self.head,
                 self.recipients, self.reply_to, self.articles, self.chapters, self.attendance,
                 self.attachments, self.signature, self.seal, self.note, self.vars, self.path,
                 self.warnings, self.title_lines,) ==
                (other.kind, other.title, other.template, other.date, other.byline,
                 other.salutation, other.opening, other.sections, other.closing, other.subtitle,
                 other.head, other.recipients, other.reply_to, other.articles, other.chapters,
                 other.attendance, other.attachments, other.signature, other.seal, other.note,
                 other.vars, other.path, other.warnings, other.title_lines,))
    return NotImplemented
