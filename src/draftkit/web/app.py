"""The routes of `draftkit serve`: the page, `POST /api/diff` and `POST /api/redline`.

Each API request: a private folder (0700) → the upload streamed into it under the size limit
(uploads.py) → the comparison and report made in a worker thread by the library functions the
CLI uses, so the server keeps answering → the folder removed, whatever happened → one answer:
the file, or `{"error": "one line"}` with 400 (bad request), 413 (over a limit), 422 (not a
draft, damaged, bad taxonomy) or 500 (a bug). The HTML report is shown in a sandboxed frame
(scripts allowed, no same-origin), and the page's CSP admits only our script and the report's.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Final

import anyio.to_thread
from anyio import CapacityLimiter
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from draftkit import api
from draftkit.compare.changes import Comparison
from draftkit.errors import DraftkitError, InputError, LimitError, SchemaError, UsageError, one_line
from draftkit.model import Draft
from draftkit.readers import Limits
from draftkit.web.uploads import Upload, UploadError, receive

_MEDIA: Final = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
}
# The names the downloads get: those `make demo` writes.
_FILE_NAMES: Final = {"docx": "redline.docx", "html": "report.html", "md": "changes.md", "json": "diff.json"}
_FIELDS: Final = frozenset({"old", "new", "taxonomy"})
_STATIC: Final = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/static/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/static/app.css": ("app.css", "text/css; charset=utf-8"),
}
LOOPBACK_HOSTS: Final = ("127.0.0.1", "localhost", "::1", "[::1]")


def _static(name: str) -> bytes:
    return resources.files("draftkit.web").joinpath("static", name).read_bytes()


def _page_csp() -> str:
    from draftkit.render.html import script_hash

    # The report frame inherits this policy (srcdoc), so its inline script is admitted by
    # hash; its inline styles need 'unsafe-inline' for style only.
    return (
        f"default-src 'none'; script-src 'self' {script_hash()}; style-src 'self' 'unsafe-inline'; "
        "connect-src 'self'; img-src 'self' data: blob:; frame-src 'self'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )


def _headers(extra: dict[str, str] | None = None) -> dict[str, str]:
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }
    headers.update(extra or {})
    return headers


def status_of(exc: DraftkitError) -> int:
    """The HTTP status of a draftkit error: a limit 413, a bad option 400, an unreadable
    draft or taxonomy 422, anything else (a bug) 500."""
    if isinstance(exc, LimitError):
        return 413
    if isinstance(exc, UsageError):
        return 400
    if isinstance(exc, InputError | SchemaError):
        return 422
    return 500


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": one_line(message)}, status_code=status, headers=_headers())


def _shown(draft: Draft, name: str) -> Draft:
    """The draft with its source named as the user's file, not the private folder's path."""
    return draft if draft.source is None else replace(draft, source=replace(draft.source, path=name))


class _Job:
    """The options of one request, read from its query string before the upload is taken."""

    def __init__(self, request: Request, fmt: str | None) -> None:
        self.fmt = fmt
        self.moves = _flag(request, "moves")
        self.summary = _flag(request, "summary")


def _flag(request: Request, name: str) -> bool:
    value = request.query_params.get(name, "0").lower()
    if value not in ("0", "1", "true", "false", "on", "off", ""):
        raise UploadError(f"{name} must be 0 or 1, not {value[:20]!r}")
    return value in ("1", "true", "on")


def create_app(
    *,
    limits: Limits | None = None,
    hosts: Iterable[str] = LOOPBACK_HOSTS,
    temp_root: str | Path | None = None,
    workers: int = 2,
) -> Starlette:
    """The web app: `limits` as the CLI's, requests only for `hosts` (a DNS-rebinding page
    cannot reach a loopback server under its own name), uploads in private folders under
    `temp_root` (default: the system's), at most `workers` comparisons at once."""
    limits = limits or Limits()
    limiter = CapacityLimiter(workers)
    csp = _page_csp()

    async def page(request: Request) -> Response:
        name, media = _STATIC[request.url.path]
        extra = {"Content-Security-Policy": csp} if name.endswith(".html") else {}
        return Response(_static(name), media_type=media, headers=_headers(extra))

    async def run(
        request: Request, job: _Job, work: Callable[[dict[str, Upload], _Job], Response]
    ) -> Response:
        folder = Path(tempfile.mkdtemp(prefix="draftkit-web-", dir=temp_root))
        try:
            uploads = await receive(
                dict(request.headers), request.stream(), folder, fields=_FIELDS, max_bytes=limits.max_bytes
            )
            missing = [field for field in ("old", "new") if field not in uploads]
            if missing:
                raise UploadError(f"missing upload: {' and '.join(missing)} (send two drafts: old and new)")
            return await anyio.to_thread.run_sync(work, uploads, job, limiter=limiter)
        except UploadError as exc:
            return _error(str(exc), exc.status)
        except DraftkitError as exc:
            return _error(_unplaced(str(exc), folder), status_of(exc))
        except MemoryError:
            return _error("out of memory (the drafts are too large for this machine)", 413)
        except RecursionError:
            return _error("a draft nests too deeply", 422)
        except Exception as exc:
            return _error(f"internal error ({type(exc).__name__}: {exc}); please report it", 500)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def compared(uploads: dict[str, Upload]) -> Comparison:
        taxonomy = uploads.get("taxonomy")
        return api.diff(
            uploads["old"].path,
            uploads["new"].path,
            limits=limits,
            taxonomy=taxonomy.path if taxonomy is not None else None,
        )

    def renamed(comparison: Comparison, uploads: dict[str, Upload]) -> Comparison:
        return replace(
            comparison,
            old=_shown(comparison.old, uploads["old"].name),
            new=_shown(comparison.new, uploads["new"].name),
        )

    def diff_work(uploads: dict[str, Upload], job: _Job) -> Response:
        body = api.render_report(renamed(compared(uploads), uploads), "json")
        return Response(body, media_type=_MEDIA["json"], headers=_headers())

    def redline_work(uploads: dict[str, Upload], job: _Job) -> Response:
        fmt = api.report_format("-", job.fmt)
        stamp = api.revision_date(None)
        comparison = compared(uploads)
        if fmt != "docx":
            # The DOCX is written into the new draft's own file, read from its path; the
            # other reports only name the files, and should name them as the user did.
            comparison = renamed(comparison, uploads)
        body = api.render_report(
            comparison, fmt, date=stamp, moves=job.moves, summary=job.summary, generated=stamp
        )
        headers = {"Content-Disposition": f'attachment; filename="{_FILE_NAMES[fmt]}"'}
        if fmt == "html":
            from draftkit.render.html import CSP

            headers["Content-Security-Policy"] = CSP
        return Response(body, media_type=_MEDIA[fmt], headers=_headers(headers))

    async def diff_route(request: Request) -> Response:
        try:
            job = _Job(request, None)
        except UploadError as exc:
            return _error(str(exc), exc.status)
        return await run(request, job, diff_work)

    async def redline_route(request: Request) -> Response:
        fmt = request.query_params.get("format", "docx")
        if fmt not in _MEDIA:
            return _error(f"format must be docx, html, md or json, not {fmt[:20]!r}", 400)
        try:
            job = _Job(request, fmt)
        except UploadError as exc:
            return _error(str(exc), exc.status)
        return await run(request, job, redline_work)

    routes = [Route(path, page, methods=["GET"]) for path in _STATIC]
    routes += [
        Route("/api/diff", diff_route, methods=["POST"]),
        Route("/api/redline", redline_route, methods=["POST"]),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))]
    return Starlette(routes=routes, middleware=middleware)


def _unplaced(message: str, folder: Path) -> str:
    """An error message with the private folder's path taken out: `old/x.docx: …` → `x.docx: …`."""
    for field in sorted(_FIELDS):
        message = message.replace(f"{folder}/{field}/", "")
    return message.replace(str(folder), "(upload)")
