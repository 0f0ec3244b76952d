"""ASGI middleware: a hard request-body limit (413) and security headers (strict CSP, no inline scripts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

MAX_BODY = 1024 * 1024  # 1 MB

# Scripts only from our own origin (vendored Vega, our small files): an injected <script> or
# onerror= attribute cannot run even if escaping failed somewhere. Vega runs with its AST
# interpreter (no eval). Inline styles are allowed because Vega-Embed sets some.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
# Swagger UI (/docs) starts itself with an inline script FastAPI writes; it shows no user text.
CSP_DOCS = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")

HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SafetyMiddleware:
    """Reject bodies over max_body with 413 (by Content-Length or while streaming); add security headers;
    answer HEAD as GET without a body."""

    def __init__(
        self,
        app: Any,
        max_body: int = MAX_BODY,
        too_large: Callable[[str, str], tuple[bytes, str]] | None = None,
    ) -> None:
        self.app = app
        self.max_body = max_body
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
        headers = dict(scope.get("headers") or [])
        path = scope.get("path", "")
        accept = headers.get(b"accept", b"").decode("latin-1")
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                too_big = True
            if too_big:
                await self._reject(path, accept, send)
                return
        elif scope.get("method") in ("POST", "PUT", "PATCH"):
            # no Content-Length (chunked): read up to the limit, then replay the buffered body
            chunks, size = [], 0
            while True:
                msg = await receive()
                if msg["type"] == "http.disconnect":
                    return
                body = msg.get("body", b"")
                size += len(body)
                if size > self.max_body:
                    await self._reject(path, accept, send)
                    return
                chunks.append(body)
                if not msg.get("more_body", False):
                    break
            replay = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

            async def receive_buffered() -> dict:
                return replay.pop() if replay else await receive()

            receive = receive_buffered

        csp = (CSP_DOCS if path == "/docs" else CSP).encode()
        head = scope.get("method") == "HEAD"
        if head:  # answer HEAD like GET without the body (FastAPI routes are GET only)
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: dict) -> None:
            if head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [
                    *message["headers"],
                    *HEADERS,
                    (b"content-security-policy", csp),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _reject(self, path: str, accept: str, send: Callable) -> None:
        body, ctype = self.too_large(path, accept)
        await send({
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", ctype.encode()), (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close"), *HEADERS, (b"content-security-policy", CSP.encode())],
        })  # fmt: skip
        await send({"type": "http.response.body", "body": body})
