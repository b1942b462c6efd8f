"""Rendered widget bodies kept per process, valid while their Redis version is unchanged."""

from __future__ import annotations

import dataclasses
import zlib
from collections import OrderedDict


@dataclasses.dataclass(frozen=True, slots=True)
class Rendered:
    version: bytes
    etag: str
    body: bytes


class WidgetCache:
    """A bounded LRU of rendered bodies; each request still reads the version (``Versions``)."""

    def __init__(self, max_entries: int = 10_000) -> None:
        self._entries: OrderedDict[tuple[str, ...], Rendered] = OrderedDict()
        self._max = max_entries

    def get(self, key: tuple[str, ...], version: bytes) -> Rendered | None:
        entry = self._entries.get(key)
        if entry is None or entry.version != version:
            return None
        self._entries.move_to_end(key)
        return entry

    def put(self, key: tuple[str, ...], version: bytes, body: bytes) -> Rendered:
        # The body's checksum is part of the tag, so a store that lost its counters can
        # never hand out an old tag for new content.
        etag = f'"{version.decode()}-{zlib.crc32(body):08x}"'
        entry = Rendered(version, etag, body)
        self._entries[key] = entry
        self._entries.move_to_end(key)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)
        return entry
