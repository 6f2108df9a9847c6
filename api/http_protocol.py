"""uvicorn's h11 protocol, accepting raw UTF-8 in the request line.

`curl 'localhost:8000/api/entities?q=新建区'` sends the Chinese characters as raw UTF-8 bytes;
browsers percent-encode them, curl does not, and h11 rejects the request (RFC 9112 allows only
ASCII there). Percent-encoding those bytes before h11 parses the line turns the request into the
one a browser would have sent, so journalists can paste Chinese into a terminal.
"""

from __future__ import annotations

import re

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")


def percent_encode_non_ascii(line: bytes) -> bytes:
    return NON_ASCII_BYTE.sub(lambda match: b"%%%02X" % match.group()[0], line)


class Utf8RequestLineProtocol(H11Protocol):
    _request_line_open = False

    def data_received(self, data: bytes) -> None:
        if self._request_line_open or self.conn.their_state is h11.IDLE:
            end = data.find(b"\r\n")
            line, rest = (data, b"") if end < 0 else (data[:end], data[end:])
            self._request_line_open = end < 0
            data = percent_encode_non_ascii(line) + rest
        super().data_received(data)
