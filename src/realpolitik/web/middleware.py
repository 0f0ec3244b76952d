"""ASGI middleware: limits on every request (body size 413, body time 408, address length 414),
security headers (strict CSP, no inline scripts, no framing except /embed/) and Server-Timing."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

MAX_BODY = 1024 * 1024  # 1 MB
MAX_URL = 2048  # characters of path + query string (a country name is capped at 200 anyway)
BODY_TIMEOUT_S = 15.0  # a request body must arrive in full within this time, else 408

# Scripts only from our own origin (vendored Vega, our small files): an injected <script> or
# onerror= attribute cannot run even if escaping failed somewhere. Vega runs with its AST
# interpreter (no eval). Inline styles are allowed because Vega-Embed sets some.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
# Swagger UI (/docs) starts itself with an inline script FastAPI writes; it shows no user text.
CSP_DOCS = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
# /embed/… pages are single charts made to be framed by other sites: any ancestor may frame them.
CSP_EMBED = CSP.replace("frame-ancestors 'none'", "frame-ancestors *")

BASE_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
HEADERS = [*BASE_HEADERS, (b"x-frame-options", b"DENY")]


def policy(path: str) -> tuple[list[tuple[bytes, bytes]], bytes]:
    """Security headers and CSP of a path: framing refused everywhere except under /embed/."""
    if path.startswith("/embed/"):
        return BASE_HEADERS, CSP_EMBED.encode()
    return HEADERS, (CSP_DOCS if path == "/docs" else CSP).encode()


class SafetyMiddleware:
    """Reject bodies over max_body (413), bodies slower than body_timeout (408) and addresses over
    max_url (414); add security headers and Server-Timing; answer HEAD as GET without a body."""

    def __init__(
        self,
        app: Any,
        max_body: int = MAX_BODY,
        too_large: Callable[[str, str], tuple[bytes, str]] | None = None,
        body_timeout: float = BODY_TIMEOUT_S,
        max_url: int = MAX_URL,
    ) -> None:
        self.app = app
        self.max_body, self.body_timeout, self.max_url = max_body, body_timeout, max_url
        self.too_large = too_large or (
            lambda path, accept: (
                b'{"error":"request body too large","status":413}',
                "application/json",
            )
        )

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = dict(scope.get("headers") or [])
        path = scope.get("path", "")
        accept = headers.get(b"accept", b"").decode("latin-1")
        url_len = len(scope.get("raw_path") or path.encode()) + len(
            scope.get("query_string") or b""
        )
        if url_len > self.max_url:
            await self._plain(send, 414, f"The address is longer than {self.max_url} characters.")
            return
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                too_big = True
            if too_big:
                await self._reject(path, accept, send)
                return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            # read the whole body (≤ max_body) within body_timeout, then replay it to the app
            try:
                body = await asyncio.wait_for(self._read_body(receive), self.body_timeout)
            except TimeoutError:
                msg = f"The request body did not arrive within {self.body_timeout:g} s."
                await self._plain(send, 408, msg)
                return
            if body is None:  # the client went away
                return
            if len(body) > self.max_body:
                await self._reject(path, accept, send)
                return
            replay = [{"type": "http.request", "body": body, "more_body": False}]

            async def receive_buffered() -> dict:
                return replay.pop() if replay else await receive()

            receive = receive_buffered

        extra, csp = policy(path)
        head = scope.get("method") == "HEAD"
        if head:  # answer HEAD like GET without the body (FastAPI routes are GET only)
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: dict) -> None:
            if head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            if message["type"] == "http.response.start":
                ms = 1000 * (time.perf_counter() - started)
                message = {**message, "headers": [
                    *message.get("headers", []), *extra, (b"content-security-policy", csp),
                    (b"server-timing", f"app;dur={ms:.1f}".encode()),
                ]}  # fmt: skip
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _read_body(self, receive: Callable) -> bytes | None:
        """The request body, or None when the client disconnected; stops reading past max_body."""
        chunks, size = [], 0
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return None
            chunk = msg.get("body", b"")
            size += len(chunk)
            chunks.append(chunk)
            if size > self.max_body or not msg.get("more_body", False):
                return b"".join(chunks)

    async def _reject(self, path: str, accept: str, send: Callable) -> None:
        body, ctype = self.too_large(path, accept)
        await self._send(send, 413, body, ctype)

    async def _plain(self, send: Callable, status: int, message: str) -> None:
        from realpolitik.web.services import dumps

        body = dumps({"error": message, "status": status})
        await self._send(send, status, body, "application/json")

    async def _send(self, send: Callable, status: int, body: bytes, ctype: str) -> None:
        await send({
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", ctype.encode()), (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close"), *HEADERS, (b"content-security-policy", CSP.encode())],
        })  # fmt: skip
        await send({"type": "http.response.body", "body": body})
