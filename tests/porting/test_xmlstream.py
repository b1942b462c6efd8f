"""The safe streaming XML reader: records flattened, hostile or broken files refused by line."""

from __future__ import annotations

import io

import pytest

from moderation.porting.xmlstream import Malformed, elements

RECORDS = frozenset({("post", 1)})


def read(doc: bytes) -> list[dict[str, str]]:
    return [e.fields for e in elements(io.BytesIO(doc), RECORDS)]


def test_records_flatten_text_and_attributes_by_path() -> None:
    """A record's descendants become fields by path, attributes after '@'."""
    doc = b'<r xmlns:d="urn:d"><post d:id="7"><a><b>x</b></a><t d:id="9"/></post></r>'
    [fields] = read(doc)
    assert (fields["@id"], fields["a/b"], fields["t@id"]) == ("7", "x", "9")


def test_entity_expansion_is_refused() -> None:
    """A file declaring entities (a billion-laughs bomb) is refused before any expansion."""
    bomb = b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;">]>'
    with pytest.raises(Malformed, match="line 2: not allowed"):
        read(bomb + b"<r><post>&b;</post></r>")


def test_external_entities_are_refused() -> None:
    """An external entity (XXE) never reads a local file."""
    doc = b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r><post>&x;</post></r>'
    with pytest.raises(Malformed, match="not allowed"):
        read(doc)


def test_broken_xml_names_its_line() -> None:
    """A mismatched tag stops the read with the line it is on."""
    with pytest.raises(Malformed, match="line 3: mismatched tag"):
        read(b"<r>\n<post>\n</r>")


def test_records_arrive_while_the_file_is_read() -> None:
    """Records are yielded chunk by chunk, before the end of the file is read."""
    doc = b"<r>" + b"<post><m>x</m></post>" * 10_000
    stream = io.BytesIO(doc + b"</r>")
    first = next(iter(elements(stream, RECORDS)))
    assert first.fields["m"] == "x" and stream.tell() < len(doc)
