"""`draftkit serve` as a command and a server: loopback unless told, a warning when told
otherwise, a one-line error when it cannot listen, and a server that keeps answering while a
comparison runs (the work is in a thread)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from draftkit.cli import main
from draftkit.cli.serve import is_loopback
from tests.conftest import DRAFTS

pytest.importorskip("starlette")
uvicorn = pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.10", False), ("example.org", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_another_host_is_warned_about_and_a_failed_bind_is_one_line() -> None:
    # 192.0.2.1 (TEST-NET-1) is on no interface here: the bind fails, after the warning.
    result = CliRunner().invoke(main, ["serve", "--host", "192.0.2.1", "--port", "0"])
    lines = result.stderr.splitlines()
    assert result.exit_code == 2
    assert lines[0].startswith("draftkit: warning: listening on 192.0.2.1: other machines can reach")
    assert lines[1].startswith("draftkit: error: cannot listen on 192.0.2.1:0: ")
    assert len(lines) == 2 and result.stdout == ""


def test_port_out_of_range_is_a_one_line_usage_error() -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "70000"])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("draftkit: error: Invalid value for '--port'")


@pytest.fixture
def live(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, threading.Event, threading.Event]]:
    """The app on uvicorn in a thread, on a free loopback port, with a comparison that waits
    until the test releases it."""
    from draftkit.web import app as web_app

    started, release = threading.Event(), threading.Event()
    real = web_app.api.diff

    def slow(*args: Any, **kwargs: Any) -> Any:
        started.set()
        assert release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(web_app.api, "diff", slow)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = web_app.create_app(temp_root=tmp_path)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", started, release
    finally:
        release.set()
        server.should_exit = True
        thread.join(20)
        sock.close()


def test_the_server_answers_while_a_comparison_runs(
    live: tuple[str, threading.Event, threading.Event],
) -> None:
    url, started, release = live
    answer: dict[str, Any] = {}

    def post() -> None:
        files = {name: (path.name, path.read_bytes()) for name, path in
                 (("old", DRAFTS / "framework-v1.txt"), ("new", DRAFTS / "framework-v2.txt"))}  # fmt: skip
        answer["response"] = httpx.post(f"{url}/api/diff", files=files, timeout=60)

    worker = threading.Thread(target=post)
    worker.start()
    assert started.wait(30), "the comparison did not start"
    page = httpx.get(f"{url}/", timeout=5)  # while the comparison is still held
    assert page.status_code == 200 and "draftkit" in page.text
    assert "response" not in answer
    release.set()
    worker.join(60)
    assert answer["response"].status_code == 200


def test_told_to_listen_elsewhere_it_answers_there() -> None:
    """`--host 0.0.0.0` used to answer every other machine 400 'Invalid host header': the
    allowed Host names were loopback's whatever the address."""
    import warnings

    from draftkit.cli.serve import allowed_hosts
    from draftkit.web.app import LOOPBACK_HOSTS, create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    assert allowed_hosts("127.0.0.1") == list(LOOPBACK_HOSTS)
    assert allowed_hosts("0.0.0.0") == ["*"] and allowed_hosts("::") == ["*"]
    specific = allowed_hosts("192.0.2.7")
    assert specific[0] == "192.0.2.7" and "127.0.0.1" in specific and socket.gethostname() in specific
    assert allowed_hosts("fe80::1")[:2] == ["fe80::1", "[fe80::1]"]

    with TestClient(create_app(hosts=allowed_hosts("0.0.0.0"))) as client:
        assert client.get("/", headers={"host": "192.0.2.7:8000"}).status_code == 200
    with TestClient(create_app(hosts=allowed_hosts("192.0.2.7"))) as client:
        assert client.get("/", headers={"host": "192.0.2.7:8000"}).status_code == 200
        assert client.get("/", headers={"host": "attacker.example"}).status_code == 400


def test_a_port_in_use_is_one_line_with_what_to_do() -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    finally:
        taken.close()
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"draftkit: error: cannot listen on 127.0.0.1:{port}: ")
    assert result.stderr.endswith("give another --port, or --port 0 for any free one)\n")
    assert len(result.stderr.splitlines()) == 1


def test_without_the_web_extra_it_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if `pip install draftkit-frameworks` without [web]
    result = CliRunner().invoke(main, ["serve", "--port", "0"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "draftkit: error: the web app needs its extra (uvicorn is missing): "
        "pip install 'draftkit-frameworks[web]'\n"
    )
