"""Namespaces of WordprocessingML and the helpers that spell names in them: the one place.

``xml.sax.saxutils`` would do for escaping, but importing it pulls in urllib and
http.client: 30 ms of start-up on every ``gongwen build``.
"""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_STRICT_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
#: The package's own vocabularies: [Content_Types].xml and the document properties in docProps/.
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CORE_PROPS_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
CUSTOM_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
EXTENDED_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"

#: Clark-notation prefixes: ``W + "p"`` is ``{…/main}p``.
W = "{" + W_NS + "}"
R = "{" + R_NS + "}"
MC = "{" + MC_NS + "}"
VAL = W + "val"
R_ID = R + "id"
#: ``xml:space``, set to "preserve" on a ``w:t`` whose text starts or ends with a space.
XML_SPACE = "{" + XML_NS + "}space"


def w(tag: str) -> str:
    """The Clark name of ``w:tag``."""
    return W + tag


def clark(namespace: str, tag: str) -> str:
    """The Clark name of ``tag`` in ``namespace``: ``{namespace}tag``."""
    return "{" + namespace + "}" + tag


def escape(text: str) -> str:
    """Escape text for an XML text node."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """Escape and double-quote text for an XML attribute value."""
    return '"' + escape(text).replace('"', "&quot;") + '"'
