"""A local web server for a built site that compresses the way a static host does (the browser tests, `make bench`).

Static hosts (GitHub Pages, Netlify, nginx with `gzip on`) send HTML, CSS, JavaScript, SVG, JSON and text gzipped to
a browser that accepts it, and images as they are: page weights measured over this server are what a reader
downloads. Python's own http.server sends every file uncompressed, which would overstate text-heavy pages fourfold.

    server, url = serve(Path("_build/html"))   # a daemon thread on 127.0.0.1, a free port; url ends in "/"
    ...
    server.shutdown(); server.server_close()

Standard library only: the Sphinx extension's package must stay light.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import os
import threading
from pathlib import Path

# What static hosts compress (nginx's usual gzip_types, GitHub Pages); images and fonts are already compressed.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
GZIP_LEVEL = 6  # nginx's and zlib's default trade-off


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files from `directory`, gzipped (level 6) when the client accepts gzip and the type is text-like."""

    # Keep-alive, as static hosts do (http.server's default, HTTP/1.0, closes the connection after every file, and
    # Lighthouse then counts a new connection, with its round trips, for each).
    protocol_version = "HTTP/1.1"
    # Module scripts must be served as JavaScript; a few systems map .js or .mjs to text/plain.
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript", ".svg": "image/svg+xml",
                      ".json": "application/json", ".woff2": "font/woff2"}
    _cache: dict[tuple[str, int, int], bytes] = {}
    _cache_lock = threading.Lock()

    def log_message(self, format, *args):  # noqa: A002 - the signature is http.server's
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser closed a kept-alive connection, or left a page mid-transfer

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() or not path.is_file():
            return super().send_head()  # redirects to "dir/", index.html, 404s: as http.server does them
        content_type = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "").lower()
        if not (accepts_gzip and content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = self._compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        return _BytesReader(body)

    @classmethod
    def _compressed(cls, path: Path) -> bytes:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with cls._cache_lock:
            if key in cls._cache:
                return cls._cache[key]
        body = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
        with cls._cache_lock:
            cls._cache[key] = body
        return body


class _BytesReader:
    """What send_head returns for http.server to copy into the response and close."""

    def __init__(self, data: bytes):
        self._data = data

    def read(self, size: int = -1) -> bytes:
        data, self._data = (self._data, b"") if size < 0 else (self._data[:size], self._data[size:])
        return data

    def close(self) -> None:
        self._data = b""


def serve(directory: Path | str, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` on 127.0.0.1 (a free port unless given) from a daemon thread; returns (server, base URL)."""
    handler = functools.partial(GzipHandler, directory=os.fspath(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="static-site-server", daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
