"""The facts gongwen follows: GB/T 9704 numbers and faces, the marker grammar, character classes.

Pure Python with no third-party imports and no I/O; every other layer may use it.
"""
