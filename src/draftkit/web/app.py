"""The routes of `draftkit serve`: three pages (a pair, several rounds, three drafts) and
`POST /api/diff`, `/api/redline`, `/api/history` and `/api/compare3`.

Each API request: a private folder (0700) → the upload streamed into it under the size limit
(uploads.py) → the comparison and report made in a worker thread by the library functions the
CLI uses, so the server keeps answering → the folder removed, whatever happened → one answer:
the file, or `{"error": "one line"}` with 400 (bad request), 413 (over a limit), 422 (not a
draft, damaged, bad taxonomy) or 500 (a bug). The HTML report is shown in a sandboxed frame
(scripts allowed, no same-origin), and the page's CSP admits only our script and the report's.
"""

from __future__ import annotations

import filecmp
import json
import shutil
import tempfile
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from importlib import resources
from itertools import pairwise
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
from draftkit.errors import (
    DraftkitError,
    InputError,
    LimitError,
    SchemaError,
    UsageError,
    display_name,
    json_safe,
    one_line,
)
from draftkit.model import Draft
from draftkit.outputs import escape_unsafe
from draftkit.readers import Limits, read
from draftkit.web.uploads import Upload, UploadError, receive

_MEDIA: Final = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
}
# The names the downloads get: those `make demo` writes.
_FILE_NAMES: Final = {"docx": "redline.docx", "html": "report.html", "md": "changes.md", "json": "diff.json"}
MAX_ROUNDS: Final = 12
_ROUNDS: Final = tuple(f"round{i}" for i in range(1, MAX_ROUNDS + 1))
# The upload fields of each kind of request: the drafts it needs, then the optional ones.
_PAIR: Final = (("old", "new"), ("taxonomy",))
_HISTORY: Final = (_ROUNDS[:2], (*_ROUNDS[2:], "taxonomy"))
_THREE: Final = (("base", "a", "b"), ("taxonomy",))
_FIELDS: Final = frozenset({"old", "new", "base", "a", "b", "taxonomy", *_ROUNDS})
_STATIC: Final = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/history": ("history.html", "text/html; charset=utf-8"),
    "/compare3": ("compare3.html", "text/html; charset=utf-8"),
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


# What a draft's reader guessed travels with every answer in this header (JSON, ASCII), so
# the page can show it beside the report: the web app is no more silent than the CLI.
WARNINGS_HEADER: Final = "X-Draftkit-Warnings"
_MOST_WARNINGS: Final = 50


def _warnings(drafts: Iterable[tuple[Draft, str]], uploads: Iterable[Upload] = ()) -> dict[str, str]:
    """The reading warnings of these drafts, one located line each ('x.txt: line 5: …'), and
    of two consecutive `uploads` with the same bytes (the CLI's same-file warning), as the
    header's value; no header when there are none."""
    lines = [warning.describe(name) for draft, name in drafts for warning in draft.warnings]
    lines += [
        f"{a.name} and {b.name} have the same content: there is nothing to compare"
        for a, b in pairwise(uploads)
        if a.size == b.size and filecmp.cmp(a.path, b.path, shallow=False)
    ]
    if not lines:
        return {}
    shown = [line[:300] for line in lines[:_MOST_WARNINGS]]
    if len(lines) > _MOST_WARNINGS:
        shown.append(f"… and {len(lines) - _MOST_WARNINGS} more warnings")
    return {WARNINGS_HEADER: json.dumps(shown, ensure_ascii=True)}


def _shown(draft: Draft, name: str) -> Draft:
    """The draft with its source named as the user's file, not the private folder's path."""
    return draft if draft.source is None else replace(draft, source=replace(draft.source, path=name))


class _Job:
    """The options of one request, read from its query string before the upload is taken."""

    def __init__(self, request: Request, fmt: str | None) -> None:
        self.fmt = fmt
        self.moves = _flag(request, "moves")
        self.summary = _flag(request, "summary")
        self.lens = request.query_params.get("lens", "default")
        if self.lens not in ("default", "translation"):
            raise UploadError(f"lens must be default or translation, not {self.lens[:20]!r}")
        self.labels = _labels(request.query_params.get("labels", "A,B"))


def _labels(value: str) -> tuple[str, str]:
    """compare3's names of the two counter-proposals, as the CLI's --labels."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts) or any(len(p) > 60 or not p.isprintable() for p in parts):
        raise UploadError(f"labels must be two names separated by a comma, not {value[:40]!r}")
    from draftkit.history.three_way import distinct_labels

    if (why := distinct_labels((parts[0], parts[1]))) is not None:
        raise UploadError(f"labels: {why}")
    return parts[0], parts[1]


def _format(request: Request, choices: tuple[str, ...], default: str) -> str:
    fmt = request.query_params.get("format", default)
    if fmt not in choices:
        raise UploadError(f"format must be {', '.join(choices[:-1])} or {choices[-1]}, not {fmt[:20]!r}")
    return fmt


def _missing(uploads: dict[str, Upload], needed: tuple[str, ...]) -> None:
    """Refuse a request without the drafts it needs, or with a gap in its rounds."""
    missing = [field for field in needed if field not in uploads]
    if missing:
        raise UploadError(f"missing upload: {' and '.join(missing)} (send the fields {', '.join(needed)})")
    rounds = [field for field in _ROUNDS if field in uploads]
    if rounds and rounds != list(_ROUNDS[: len(rounds)]):
        raise UploadError(f"rounds must be numbered from round1 without a gap, not {', '.join(rounds)}")


def _text(fmt: str, text: str) -> bytes:
    """A report's text made safe as the CLI makes it: HTML with file names shown as text,
    Markdown with control characters escaped, JSON with undecodable names escaped."""
    match fmt:
        case "html":
            return display_name(text).encode("utf-8")
        case "md":
            return escape_unsafe(text).encode("utf-8")
        case _:
            return json_safe(text).encode("utf-8")


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
        request: Request,
        job: _Job,
        work: Callable[[dict[str, Upload], _Job], Response],
        fields: tuple[tuple[str, ...], tuple[str, ...]],
    ) -> Response:
        folder = Path(tempfile.mkdtemp(prefix="draftkit-web-", dir=temp_root))
        needed, optional = fields
        try:
            uploads = await receive(
                dict(request.headers),
                request.stream(),
                folder,
                fields=frozenset((*needed, *optional)),
                max_bytes=limits.max_bytes,
            )
            _missing(uploads, needed)
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

    def taxonomy_of(uploads: dict[str, Upload]) -> Path | None:
        taxonomy = uploads.get("taxonomy")
        if taxonomy is None:
            return None
        from draftkit.risk import load_taxonomy

        # A bad taxonomy is refused before any draft is read; one whose `extends` names a file
        # would have this machine's files read (and quoted in errors): only "default".
        load_taxonomy(taxonomy.path, extends_files=False)
        return taxonomy.path

    def drafts(chosen: list[Upload], *, against_first: bool = False) -> list[Draft]:
        """The uploads' drafts, named as the user named them; each after the first with the
        note on the page headers, footers and comments its file and the one before it (or,
        `against_first`, the first) differ in (readers.furniture)."""
        from draftkit.readers.furniture import noted

        read_drafts: list[Draft] = []
        for upload in chosen:
            read_draft = read(upload.path, limits=limits)
            if read_drafts:
                before = read_drafts[0] if against_first else read_drafts[-1]
                read_draft = noted(before, read_draft, "accept", limits)
            read_drafts.append(read_draft)
        return [_shown(d, upload.name) for d, upload in zip(read_drafts, chosen, strict=True)]

    def compared(uploads: dict[str, Upload], job: _Job) -> Comparison:
        return api.diff(
            uploads["old"].path,
            uploads["new"].path,
            limits=limits,
            taxonomy=taxonomy_of(uploads),
            lens=job.lens,
        )

    def renamed(comparison: Comparison, uploads: dict[str, Upload]) -> Comparison:
        return replace(
            comparison,
            old=_shown(comparison.old, uploads["old"].name),
            new=_shown(comparison.new, uploads["new"].name),
        )

    def read_warnings(comparison: Comparison, uploads: dict[str, Upload]) -> dict[str, str]:
        old, new = uploads["old"], uploads["new"]
        return _warnings(((comparison.old, old.name), (comparison.new, new.name)), (old, new))

    def diff_work(uploads: dict[str, Upload], job: _Job) -> Response:
        comparison = compared(uploads, job)
        body = api.render_report(renamed(comparison, uploads), "json")
        return Response(body, media_type=_MEDIA["json"], headers=_headers(read_warnings(comparison, uploads)))

    def redline_work(uploads: dict[str, Upload], job: _Job) -> Response:
        fmt = api.report_format("-", job.fmt)
        stamp = api.revision_date(None)
        comparison = compared(uploads, job)
        warned = read_warnings(comparison, uploads)
        if fmt != "docx":
            # The DOCX is written into the new draft's own file, read from its path; the
            # other reports only name the files, and should name them as the user did.
            comparison = renamed(comparison, uploads)
        body = api.render_report(
            comparison, fmt, date=stamp, moves=job.moves, summary=job.summary, generated=stamp
        )
        return _file(body, fmt, _FILE_NAMES[fmt], warned)

    def history_work(uploads: dict[str, Upload], job: _Job) -> Response:
        from draftkit.history import Round, build

        taxonomy = taxonomy_of(uploads)
        chosen = [uploads[field] for field in _ROUNDS if field in uploads]
        from draftkit.history.rounds import round_labels

        labels = round_labels([Path(u.name).name for u in chosen])  # the names, not the folders
        rounds = [Round(label, d) for d, label in zip(drafts(chosen), labels, strict=True)]
        result = build(rounds, taxonomy=taxonomy)
        warned = _warnings(((r.draft, u.name) for r, u in zip(result.rounds, chosen, strict=True)), chosen)
        match job.fmt:
            case "json":
                from draftkit.render.history_json import render_history_json as render
            case "md":
                from draftkit.render.history_markdown import render_history_markdown as render
            case _:
                from draftkit.render.history_html import render_history_html as render
        fmt = job.fmt or "html"
        return _file(_text(fmt, render(result)), fmt, f"history.{fmt}", warned)

    def compare3_work(uploads: dict[str, Upload], job: _Job) -> Response:
        from draftkit.history import compare3

        taxonomy = taxonomy_of(uploads)
        base, a, b = drafts([uploads[field] for field in _THREE[0]], against_first=True)
        result = compare3(base, a, b, taxonomy=taxonomy, labels=job.labels)
        # The counter-proposals as compared: their reading warnings and the comparisons' notes.
        compared_drafts = (base, result.a, result.b)
        warned = _warnings(
            (d, uploads[field].name) for d, field in zip(compared_drafts, _THREE[0], strict=True)
        )
        match job.fmt:
            case "docx":
                from draftkit.render.history_docx import render_three_way_docx

                docx = render_three_way_docx(result, date=api.revision_date(None))
                return _file(docx, "docx", "compare3.docx", warned)
            case "json":
                from draftkit.render.history_json import render_three_way_json as render
            case "md":
                from draftkit.render.history_markdown import render_three_way_markdown as render
            case _:
                from draftkit.render.history_html import render_three_way_html as render
        fmt = job.fmt or "html"
        return _file(_text(fmt, render(result)), fmt, f"compare3.{fmt}", warned)

    def route(
        work: Callable[[dict[str, Upload], _Job], Response],
        fields: tuple[tuple[str, ...], tuple[str, ...]],
        formats: tuple[str, ...] = (),
    ) -> Callable[[Request], Awaitable[Response]]:
        """An API endpoint: its options read (400 when bad) before the upload is taken."""

        async def endpoint(request: Request) -> Response:
            try:
                job = _Job(request, _format(request, formats, formats[0]) if formats else None)
            except UploadError as exc:
                return _error(str(exc), exc.status)
            return await run(request, job, work, fields)

        return endpoint

    routes = [Route(path, page, methods=["GET"]) for path in _STATIC]
    routes += [
        Route("/api/diff", route(diff_work, _PAIR), methods=["POST"]),
        Route("/api/redline", route(redline_work, _PAIR, ("docx", "html", "md", "json")), methods=["POST"]),
        Route("/api/history", route(history_work, _HISTORY, ("html", "json", "md")), methods=["POST"]),
        Route(
            "/api/compare3", route(compare3_work, _THREE, ("html", "json", "md", "docx")), methods=["POST"]
        ),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))]
    return Starlette(routes=routes, middleware=middleware)


def _file(body: bytes, fmt: str, filename: str, warned: dict[str, str]) -> Response:
    """A report as a download named `filename` (the HTML under the report's own CSP), with
    the drafts' reading warnings in its header."""
    headers = {"Content-Disposition": f'attachment; filename="{filename}"', **warned}
    if fmt == "html":
        from draftkit.render.html import CSP

        headers["Content-Security-Policy"] = CSP
    return Response(body, media_type=_MEDIA[fmt], headers=_headers(headers))


def _unplaced(message: str, folder: Path) -> str:
    """An error message with the private folder's path taken out: `old/x.docx: …` → `x.docx: …`."""
    for field in sorted(_FIELDS):
        message = message.replace(f"{folder}/{field}/", "")
    return message.replace(str(folder), "(upload)")
