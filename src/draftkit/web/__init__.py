"""The local web app behind `draftkit serve`: two uploaded drafts in, the report and redline out.

Input: a multipart upload (`old`, `new`, optional `taxonomy`), streamed into a private
temporary folder under the CLI's limits. Output: the diff JSON or a report file, made by the
same library functions as the CLI. Guarantee: the folder is gone when the response is, and
every failure is one line with a status (400 bad request, 413 over a limit, 422 not a draft).
"""
