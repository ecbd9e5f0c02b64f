"""The few XML helpers shared by the template maker and the renderer.

``xml.sax.saxutils`` would do, but importing it pulls in urllib and http.client:
30 ms of start-up on every ``gongwen build``.
"""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def escape(text: str) -> str:
    """Escape text for an XML text node."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """Escape and double-quote text for an XML attribute value."""
    return '"' + escape(text).replace('"', "&quot;") + '"'
