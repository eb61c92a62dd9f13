"""A Comparison as a Word redline (DOCX): the entry point, kept where callers import it.

Takes a `Comparison`; hands on DOCX bytes with native tracked changes and comments. The
work is done by the `render.redline` package (base → layout → plan → write → package),
whose docstring says what each change looks like in Word.
"""

from draftkit.render.redline import SUMMARY_HEADING, Begun, begin, render_docx

__all__ = ["SUMMARY_HEADING", "Begun", "begin", "render_docx"]
