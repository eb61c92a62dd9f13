"""`draftkit serve`: the local web app (drop two drafts, read the report, download the redline)."""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

import click

from draftkit.cli.common import error_boundary, limit_options, say
from draftkit.errors import UsageError
from draftkit.limits import Limits

if TYPE_CHECKING:
    import socket  # imported on use: every other command starts without it

DEFAULT_HOST = "127.0.0.1"


WILDCARDS = frozenset({"0.0.0.0", "::", "[::]"})


def allowed_hosts(address: str) -> list[str]:
    """The Host names the app answers when listening on `address`. On loopback only its own
    names, so a web page whose name is rebound to 127.0.0.1 is refused (DNS rebinding); on
    another address also that address and this machine's names, or any name on a wildcard
    address (every machine that can reach the port may use it then, as the warning says)."""
    from draftkit.web.app import LOOPBACK_HOSTS

    if is_loopback(address):
        return list(LOOPBACK_HOSTS)
    if address in WILDCARDS:
        return ["*"]
    import socket

    bare = address.strip("[]")
    names = [bare, f"[{bare}]"] if ":" in bare else [bare]
    return [*names, socket.gethostname(), socket.getfqdn(), *LOOPBACK_HOSTS]


def is_loopback(host: str) -> bool:
    """True when `host` names only this machine (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option(
    "--host",
    default=None,
    metavar="ADDRESS",
    help=f"Address to listen on (default: {DEFAULT_HOST}, this machine only). Any other address "
    "lets other machines upload drafts: give it only on a network you trust.",
)
@click.option(
    "--port",
    metavar="PORT",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="TCP port (0: any free one).",
)
@limit_options
@error_boundary
def serve_command(
    host: str | None, port: int, max_bytes: int, max_unpacked: int, max_provisions: int, max_depth: int
) -> None:
    """Start the local web app: drop two drafts, read the report, download the redline.

    Uploads are held in a private temporary folder and deleted after each response; the same
    limits as the other commands apply, and a request takes one file per field (README).
    Stop it with Ctrl-C.

    Example: draftkit serve --port 8000   (then open http://127.0.0.1:8000/)
    """
    try:
        import uvicorn

        from draftkit.web.app import create_app
    except ImportError as exc:
        raise UsageError(
            f"the web app needs its extra ({exc.name} is missing): pip install 'draftkit-frameworks[web]'"
        ) from None
    address = DEFAULT_HOST if host is None else host
    if not is_loopback(address):
        say(
            f"draftkit: warning: listening on {address}: other machines can reach this server and "
            "upload drafts to it (no login, no TLS)"
        )
    limits = Limits(max_bytes, max_unpacked, max_provisions, max_depth)
    app = create_app(limits=limits, hosts=allowed_hosts(address))
    sock = _listen(address, port)
    bound_port = sock.getsockname()[1]
    shown = f"[{address.strip('[]')}]" if ":" in address else address
    say(f"draftkit: serving on http://{shown}:{bound_port}/ (Ctrl-C to stop)")
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False)
    uvicorn.Server(config).run(sockets=[sock])


def _listen(address: str, port: int) -> socket.socket:
    """A socket bound to address:port, or a one-line usage error saying why not."""
    import socket

    try:
        sock = socket.socket(socket.AF_INET6 if ":" in address else socket.AF_INET)
    except OSError as exc:
        raise UsageError(f"cannot listen on {address}:{port}: {exc.strerror or exc}") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((address.strip("[]"), port))
    except OSError as exc:
        sock.close()
        busy = exc.errno == errno.EADDRINUSE
        hint = " (another program has it: give another --port, or --port 0 for any free one)" if busy else ""
        raise UsageError(f"cannot listen on {address}:{port}: {exc.strerror or exc}{hint}") from None
    return sock
