"""``gongwen serve``: a local web app over the library — the folder, an editor with a live preview of
the pages, findings, builds, and a drop zone for drafts.

An optional part (``pip install gongwen[serve]``: Starlette and uvicorn); only ``gongwen serve``
imports it.  ``security`` guards every request (Host, Origin, token, paths, sizes), ``files`` reads
and writes inside the folder, ``preview`` lays content out for the browser, ``drafts`` reviews
dropped drafts, ``routes`` holds the endpoints and ``app`` puts them together and runs them.
"""
