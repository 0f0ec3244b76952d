"""Running the explorer under uvicorn, with a header deadline uvicorn itself does not have.

uvicorn closes idle keep-alive connections but waits forever for the headers of a request, so a
few hundred clients that open a connection and send nothing (or half a request line) would hold
the server's sockets. Connections whose request headers are not complete within
HEADER_TIMEOUT_S get a 408 and are closed; bodies have their own deadline in the middleware.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

HEADER_TIMEOUT_S = 10.0
LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")
_408 = b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


class HeaderDeadline:
    """Mixin for a uvicorn HTTP protocol: close a connection stalled before its headers end."""

    header_timeout = HEADER_TIMEOUT_S
    _header_timer: Any = None

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._arm()

    def data_received(self, data: bytes) -> None:
        idle = self.cycle is None or self.cycle.response_complete
        if idle and self._header_timer is None:
            self._arm()  # bytes of a new request: its headers must now complete in time
        super().data_received(data)  # type: ignore[misc]

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None
        super().connection_lost(exc)  # type: ignore[misc]

    def _arm(self) -> None:
        self._header_timer = self.loop.call_later(self.header_timeout, self._expired, self.cycle)

    def _expired(self, armed_for: Any) -> None:
        self._header_timer = None
        if self.cycle is not armed_for:  # a request's headers arrived meanwhile: not stalled
            if self.cycle.response_complete:
                self._arm()
            return
        if not self.transport.is_closing():
            self.transport.write(_408)
            self.transport.close()


try:  # httptools' parser when available (faster), else h11's
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as _Base
except ImportError:  # pragma: no cover - uvicorn without the [standard] extra
    from uvicorn.protocols.http.h11_impl import H11Protocol as _Base  # type: ignore[assignment]


class HttpProtocol(HeaderDeadline, _Base):
    """uvicorn's HTTP protocol with the header deadline (a module-level class: worker processes
    receive it by import)."""


def check_host(host: str) -> str:
    """An IP address or a host name that resolves; "" (uvicorn: every interface) is refused."""
    host = host.strip()
    if not host:
        raise ValueError("--host must not be empty (use 0.0.0.0 to listen on every interface)")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host.strip("[]")
    except ValueError:
        pass
    try:
        socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError) as e:
        raise ValueError(f"--host {host!r} is neither an IP address nor a known host name") from e
    return host


def run(host: str, port: int, log_level: str, workers: int = 1) -> None:
    """Serve the app (several worker processes when workers > 1) with the header deadline."""
    import uvicorn

    uvicorn.run(
        "realpolitik.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        log_level=log_level,
        workers=workers,
        http=HttpProtocol,
        server_header=False,
        timeout_keep_alive=5,
        timeout_graceful_shutdown=5,
    )
