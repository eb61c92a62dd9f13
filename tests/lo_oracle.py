"""LibreOffice as an oracle: open a DOCX in headless LibreOffice, accept or reject every
tracked change there, and read back what LibreOffice shows — written independently of
draftkit (no draftkit import) so it can check draftkit's redlines.

    with LibreOffice() as office:
        view = office.read(Path("redline.docx"), "accept")   # or "reject", or "as-is"
        view.body   # [(list label, paragraph text), ...] in document order, table cells inline

One `soffice` process serves a whole session (its start-up costs ~2 s, a document ~0.1 s):
a worker process, run by a Python interpreter that can `import uno` (Debian's python3 with
python3-uno; the venv's interpreter usually cannot), starts LibreOffice listening on a
private pipe with a private profile, and answers one JSON request per line on stdin.
Accepting and rejecting are LibreOffice's own commands (`.uno:AcceptAllTrackedChanges`,
`.uno:RejectAllTrackedChanges`, what Edit › Track Changes › Accept All does). The text of
a paragraph is `XTextRange.getString()` — the text LibreOffice holds, fields as their
shown result — and its list number is kept apart (`ListLabelString`, the number LibreOffice
computes), so a caller can compare the two separately.

Run as a script with `--worker`, this file is that worker (stdlib and uno only).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

View = Literal["accept", "reject", "as-is"]
_COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges", "as-is": ""}
Para = tuple[str, str]  # (list label LibreOffice shows, paragraph text)
ZERO_WIDTH_SPACE = "\u200b"


@dataclass(frozen=True)
class Shown:
    """What LibreOffice shows of one document in one view."""

    body: list[Para]
    footnotes: list[list[Para]] = field(default_factory=list)
    endnotes: list[list[Para]] = field(default_factory=list)
    frames: list[list[Para]] = field(default_factory=list)  # text frames and text boxes
    redlines: int = 0  # tracked changes left after the command (0 after accept/reject)
    graphics: int = 0  # images (graphic objects) in the document

    def texts(self) -> list[str]:
        """Non-empty paragraph texts of the body (table cells inline), of the notes and of the
        text frames and boxes, each with its whitespace collapsed; list numbers left out
        (LibreOffice computes them), and zero-width spaces: LibreOffice 7.4 shows two
        U+200B at a text box's anchor while the anchor's run is a tracked insertion (and
        after accepting it), none once it is not — WmlComparer's WC066-Textbox-Before-Ins-Mod
        holds no U+200B in its XML, yet LibreOffice shows them before its first paragraph."""
        out = [t for _, t in self.body]
        for note in (*self.footnotes, *self.endnotes, *self.frames):
            out += [t for _, t in note]
        out = [t.replace(ZERO_WIDTH_SPACE, "") for t in out]
        return [" ".join(t.split()) for t in out if t.strip()]

    def labels(self) -> list[str]:
        """The list numbers of the body's non-empty paragraphs ('' where none)."""
        return [label for label, t in self.body if t.strip()]


# A comment's anchors in WordprocessingML: range start and end, and the reference mark.
_COMMENT_ANCHOR = re.compile(rb"<w:comment(?:RangeStart|RangeEnd|Reference)\b[^>]*/>")


class OfficeError(RuntimeError):
    """LibreOffice could not open or process a document (or did not answer in time)."""


def uno_python() -> str | None:
    """A Python interpreter that can `import uno`, or None."""
    seen: set[str] = set()
    for candidate in (sys.executable, "/usr/bin/python3", shutil.which("python3") or ""):
        if not candidate or candidate in seen or not Path(candidate).exists():
            continue
        seen.add(candidate)
        probe = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=60)
        if probe.returncode == 0:
            return candidate
    return None


class _Worker:
    """One worker process (and its soffice), answering one JSON request per line."""

    def __init__(self, python: str, soffice: str, home: Path, timeout: float) -> None:
        self.process: subprocess.Popen[str] | None = None
        self.python, self.soffice, self.home, self.timeout = python, soffice, home, timeout

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.python, __file__, "--worker", self.soffice, str(self.home)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            encoding="utf-8", start_new_session=True,
        )  # fmt: skip
        self.ask({"op": "ping"})

    def ask(self, request: dict[str, Any]) -> dict[str, Any]:
        if self.process is None:
            self.start()
        process = self.process
        assert process is not None and process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
        except OSError as exc:  # the worker died (BrokenPipeError): the next request starts another
            self.kill()
            raise OfficeError(f"LibreOffice's worker stopped: {exc}") from None
        answer: list[str] = []
        reader = threading.Thread(target=lambda: answer.append(process.stdout.readline()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        reader.join(self.timeout)
        if not answer or not answer[0]:
            self.kill()
            raise OfficeError(f"LibreOffice did not answer {request.get('op')} in {self.timeout:.0f} s")
        reply: dict[str, Any] = json.loads(answer[0])
        if "error" in reply:
            if "disposed" in reply["error"].lower():
                # soffice died on this document: the next request starts a fresh one.
                self.kill()
                raise OfficeError(f"LibreOffice crashed: {reply['error']}")
            raise OfficeError(reply["error"])
        return reply

    def kill(self) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, 9)
            self.process.wait()
            self.process = None

    def close(self) -> None:
        if self.process is not None:
            try:
                self.ask({"op": "quit"})
                self.process.wait(timeout=30)
            except (OfficeError, subprocess.TimeoutExpired, BrokenPipeError, OSError):
                pass
            self.kill()


class LibreOffice:
    """A headless LibreOffice serving `read` requests; a context manager (closes soffice).

    `read_all` spreads many reads over `parallel` soffice processes (one per core, at most
    2 by default: a document's import is single-threaded, and most of a read's time)."""

    def __init__(
        self, soffice: str | None = None, python: str | None = None, timeout: float = 120.0,
        parallel: int | None = None,
    ) -> None:  # fmt: skip
        self.soffice = soffice or shutil.which("soffice") or shutil.which("libreoffice")
        self.python = python or uno_python()
        if self.soffice is None:
            raise OfficeError("LibreOffice (soffice) is not installed")
        if self.python is None:
            raise OfficeError("no Python interpreter here can `import uno` (apt-get install python3-uno)")
        self.timeout = timeout
        self.parallel = max(1, parallel if parallel is not None else min(2, os.cpu_count() or 1))
        self._home = Path(tempfile.mkdtemp(prefix="lo-oracle-"))
        self._workers: list[_Worker] = []
        self._copies = itertools.count(1)

    def __enter__(self) -> LibreOffice:
        self._worker_at(0).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _worker_at(self, k: int) -> _Worker:
        """The k-th worker (each with its own profile), made on first use."""
        while len(self._workers) <= k:
            home = self._home / f"worker{len(self._workers)}"
            home.mkdir()
            self._workers.append(_Worker(self.python or "", self.soffice or "", home, self.timeout))
        return self._workers[k]

    def _copy(self, path: Path) -> str:
        """The copy LibreOffice opens: in a private folder (LibreOffice leaves a lock file
        beside what it opens, stale when it dies, and refuses the file afterwards), without
        comment anchors (comments are not text, and libreoffice-writer-nogui 7.4 aborts —
        SIGABRT, NoSuchElementException in InterimItemWindow — when a hidden view makes a
        comment's window)."""
        target = self._home / "docs" / f"{next(self._copies)}{Path(path).suffix}"
        target.parent.mkdir(exist_ok=True)
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename.lower().endswith(".xml") and b"comment" in data:
                    data = _COMMENT_ANCHOR.sub(b"", data)
                dst.writestr(info, data)
        return str(target)

    def _read(self, worker: _Worker, path: Path, view: View) -> Shown:
        reply = worker.ask({"op": "read", "path": self._copy(path), "view": view})
        return Shown(
            body=[tuple(p) for p in reply["body"]],  # type: ignore[misc]
            footnotes=[[tuple(p) for p in n] for n in reply["footnotes"]],  # type: ignore[misc]
            endnotes=[[tuple(p) for p in n] for n in reply["endnotes"]],  # type: ignore[misc]
            frames=[[tuple(p) for p in n] for n in reply["frames"]],  # type: ignore[misc]
            redlines=reply["redlines"],
            graphics=reply["graphics"],
        )

    def read(self, path: Path, view: View = "as-is") -> Shown:
        """What LibreOffice shows of `path` after accepting (rejecting) every tracked change."""
        return self._read(self._worker_at(0), path, view)

    def read_all(self, requests: Sequence[tuple[Path, View]]) -> list[Shown | OfficeError]:
        """`read` of each (path, view), in order, spread over the workers; where LibreOffice
        failed on a document, its OfficeError in place of what it shows."""
        results: list[Shown | OfficeError | None] = [None] * len(requests)
        pending = iter(enumerate(requests))
        lock = threading.Lock()

        def serve(worker: _Worker) -> None:
            while True:
                with lock:
                    k, (path, view) = next(pending, (-1, (Path(), "as-is")))
                if k < 0:
                    return
                try:
                    results[k] = self._read(worker, path, view)
                except OfficeError as exc:
                    results[k] = exc

        workers = [self._worker_at(k) for k in range(min(self.parallel, len(requests)))]
        threads = [threading.Thread(target=serve, args=(w,), daemon=True) for w in workers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert all(r is not None for r in results), "a worker thread stopped early"
        return results  # type: ignore[return-value]

    def compare(self, old: Path, new: Path, out: Path) -> None:
        """LibreOffice's own redline of `old` → `new` (Edit › Track Changes › Compare
        Document: `new` opened, `old` compared with it), saved as DOCX to `out`."""
        self._worker_at(0).ask(
            {"op": "compare", "old": str(old.resolve()), "new": str(new.resolve()), "out": str(out.resolve())}
        )

    def save(self, path: Path, out: Path, view: View = "as-is") -> None:
        """`path` saved by LibreOffice (after accepting or rejecting, if asked): as PDF when
        `out` ends in .pdf, as DOCX otherwise."""
        self._worker_at(0).ask(
            {"op": "save", "path": self._copy(path), "view": view, "out": str(out.resolve())}
        )

    def close(self) -> None:
        """Stop the workers and their soffice."""
        for worker in self._workers:
            worker.close()
        shutil.rmtree(self._home, ignore_errors=True)


_RECORD, _UNIT = "\x1e", "\x1f"  # ends a paragraph's record; parts its label from its text
# The worker's reader, in LibreOffice Basic (run inside soffice): each paragraph of a text
# as its list label (ListLabelString, the number LibreOffice computes), U+001F, its text
# (getString: fields as their shown result), U+001E; a table's cells row by row, as
# getCellNames lists them. Records gather in chunks of 64 (appending each to one long string
# copies it each time).
_READER = """
Sub Collect(oText As Object, sDone As String, sChunk As String, nCount As Long)
    Dim oEnum As Object, oPart As Object, aNames, i As Long
    oEnum = oText.createEnumeration()
    Do While oEnum.hasMoreElements()
        oPart = oEnum.nextElement()
        If oPart.supportsService("com.sun.star.text.Paragraph") Then
            sChunk = sChunk & oPart.ListLabelString & Chr(31) & oPart.getString() & Chr(30)
            nCount = nCount + 1
            If nCount Mod 64 = 0 Then
                sDone = sDone & sChunk
                sChunk = ""
            End If
        ElseIf oPart.supportsService("com.sun.star.text.TextTable") Then
            aNames = oPart.getCellNames()
            For i = LBound(aNames) To UBound(aNames)
                Collect(oPart.getCellByName(aNames(i)), sDone, sChunk, nCount)
            Next i
        End If
    Loop
End Sub

Function ReadText(oText As Object) As String
    Dim sDone As String, sChunk As String, nCount As Long
    Collect(oText, sDone, sChunk, nCount)
    ReadText = sDone & sChunk
End Function
"""


# ----------------------------------------------------------------------------- the worker
# Runs under the interpreter that has uno: nothing above this line is used by it except
# the module's own imports (stdlib).


def _worker(soffice: str, home: str) -> int:  # pragma: no cover - runs in its own process
    import uno  # type: ignore[import-not-found]
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    def prop(name: str, value: object) -> Any:
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    pipe = f"draftkit_lo_{os.getpid()}"
    profile = Path(home) / "profile"
    office = subprocess.Popen(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--nologo",
         "--norestore", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(600):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            if office.poll() is not None:
                raise
            time.sleep(0.1)
    assert ctx is not None
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)

    # The paragraphs are read by a Basic function inside soffice (`_READER`): one call per
    # text instead of five per paragraph over the pipe — a long document's read went from
    # ~2 s to ~0.05 s, the same (label, text) pairs on the 81 redlines of the suite.
    libraries = smgr.createInstanceWithContext("com.sun.star.script.ApplicationScriptLibraryContainer", ctx)
    if not libraries.hasByName("DraftkitOracle"):
        libraries.createLibrary("DraftkitOracle")
    library = libraries.getByName("DraftkitOracle")
    if library.hasByName("Reader"):
        library.removeByName("Reader")
    library.insertByName("Reader", _READER)
    scripts = smgr.createInstanceWithContext("com.sun.star.script.provider.MasterScriptProviderFactory", ctx)
    reader = scripts.createScriptProvider("").getScript(
        "vnd.sun.star.script:DraftkitOracle.Reader.ReadText?language=Basic&location=application"
    )

    def paragraphs(text: Any) -> list[list[str]]:
        shown: str = reader.invoke((text,), (), ())[0]
        out = [record.split(_UNIT) for record in shown.split(_RECORD)[:-1]]
        # XML 1.0 has no U+001E or U+001F: a document's text cannot hold the separators.
        assert all(len(pair) == 2 for pair in out), "a paragraph's text holds U+001E or U+001F"
        return out

    def load(path: str) -> Any:
        url = uno.systemPathToFileUrl(path)
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError(f"{path}: LibreOffice could not open it")
        return doc

    def resolve(doc: Any, view: str) -> None:
        command = _COMMANDS[view]
        if command:
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())

    def save(path: str, view: str, out: str) -> dict[str, Any]:
        doc = load(path)
        try:
            resolve(doc, view)
            kind = "writer_pdf_Export" if out.endswith(".pdf") else "MS Word 2007 XML"
            doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", kind),))
            return {}
        finally:
            doc.close(True)

    def read(path: str, view: str) -> dict[str, Any]:
        doc = load(path)
        try:
            resolve(doc, view)
            # Fields computed afresh in every view (LibreOffice recomputes a sequence or page
            # number after Accept All, not on opening a file): both sides of a comparison alike.
            doc.getTextFields().refresh()
            notes = {
                kind: [paragraphs(getattr(doc, getter)().getByIndex(k))
                       for k in range(getattr(doc, getter)().getCount())]
                for kind, getter in (("footnotes", "getFootnotes"), ("endnotes", "getEndnotes"))
            }  # fmt: skip
            frames_access = doc.getTextFrames()
            frames = [
                paragraphs(frames_access.getByName(n).getText())
                for n in sorted(frames_access.getElementNames())
            ]
            # A DOCX text box is a drawing shape whose text LibreOffice keeps in a frame
            # that the frames collection does not list: read through the shape.
            shapes = doc.getDrawPage()
            for k in range(shapes.getCount()):
                shape = shapes.getByIndex(k)
                info = shape.getPropertySetInfo()
                if info.hasPropertyByName("TextBox") and shape.getPropertyValue("TextBox"):
                    frames.append(paragraphs(shape.getText()))
            redlines = doc.getRedlines().getCount()
            graphics = doc.getGraphicObjects().getCount()
            return {
                "body": paragraphs(doc.getText()), **notes, "frames": frames,
                "redlines": redlines, "graphics": graphics,
            }  # fmt: skip
        finally:
            doc.close(True)

    def compare(old: str, new: str, out: str) -> dict[str, Any]:
        doc = load(new)
        try:
            frame = doc.getCurrentController().getFrame()
            dispatcher.executeDispatch(frame, ".uno:CompareDocuments", "", 0,
                                       (prop("URL", uno.systemPathToFileUrl(old)), prop("NoAcceptDialog", True)))  # fmt: skip
            doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "MS Word 2007 XML"),))
            return {}
        finally:
            doc.close(True)

    for line in sys.stdin:
        request = json.loads(line)
        try:
            if request["op"] == "quit":
                print(json.dumps({}), flush=True)
                break
            if request["op"] == "ping":
                reply: dict[str, Any] = {}
            elif request["op"] == "read":
                reply = read(request["path"], request["view"])
            elif request["op"] == "save":
                reply = save(request["path"], request["view"], request["out"])
            else:
                reply = compare(request["old"], request["new"], request["out"])
        except Exception as exc:  # reported to the caller, which raises OfficeError
            reply = {"error": f"{request.get('path') or request.get('new')}: {type(exc).__name__}: {exc}"}
        print(json.dumps(reply), flush=True)
    with contextlib.suppress(Exception):
        desktop.terminate()
    try:
        office.wait(timeout=20)
    except subprocess.TimeoutExpired:
        office.kill()
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        sys.exit(_worker(sys.argv[2], sys.argv[3]))
    print(
        "usage: python tests/lo_oracle.py --worker SOFFICE HOME  (started by LibreOffice())", file=sys.stderr
    )
    sys.exit(2)
