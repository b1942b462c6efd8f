"""Documents into their structs, with every bad field listed at once.

msgspec stops at the first error. ``errors`` walks the struct's own definition and checks
each field alone with msgspec, so the list comes from the constraints that decode (lengths,
patterns, ranges, enums, unknown fields), never from a second, hand-written validator. A
rule across fields lives in the struct's ``__post_init__`` and names its field as
``"field: message"``.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

import msgspec

from moderation import clock
from moderation.models import Timestamp

T = TypeVar("T")


class FieldError(msgspec.Struct, frozen=True):
    """One bad field: its dotted path (``""`` for the document itself) and what is wrong."""

    field: str
    message: str


class Invalid(ValueError):
    """A document that does not match its struct; ``errors`` lists every bad field."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field or 'body'}: {e.message}" for e in errors))
        self.errors = errors


def dec_hook(type_: type, value: Any) -> Any:
    if type_ is Timestamp:
        try:
            clock.rfc3339(clock.parse_rfc3339(value))  # must also convert to UTC and back
        except (ValueError, OverflowError, TypeError, AttributeError):
            raise ValueError("must be an RFC 3339 timestamp with an offset") from None
        return Timestamp(value)
    raise TypeError(f"no decoder for {type_!r}")


def convert(type_: type[T], doc: Any, *, strict: bool = True) -> T:
    """``doc`` (decoded JSON, or strings from a query) as ``type_``, or ``Invalid``."""
    try:
        return msgspec.convert(doc, type_, strict=strict, dec_hook=dec_hook)
    except msgspec.ValidationError as exc:
        raise Invalid(errors(type_, doc, strict=strict) or [_located("", exc)]) from None


def errors(type_: Any, value: Any, path: str = "", *, strict: bool = True) -> list[FieldError]:
    """Every violation of ``type_`` in ``value``, each at its own path."""
    struct, optional = _struct_of(type_)
    if struct is None:
        try:
            msgspec.convert(value, type_, strict=strict, dec_hook=dec_hook)
        except msgspec.ValidationError as exc:
            return [_readable(_located(path, exc), type_)]
        return []
    if value is None and optional:
        return []
    if not isinstance(value, Mapping):
        return [FieldError(path, "must be an object")]
    return _struct_errors(struct, value, path, strict)


def _struct_errors(
    struct: type[msgspec.Struct], value: Mapping[str, Any], path: str, strict: bool
) -> list[FieldError]:
    fields = msgspec.structs.fields(struct)
    found: list[FieldError] = []
    if struct.__struct_config__.forbid_unknown_fields:
        known = {f.encode_name for f in fields}
        found += [
            FieldError(_join(path, k), "is not a known field") for k in value if k not in known
        ]
    for field in fields:
        if field.encode_name in value:
            found += errors(field.type, value[field.encode_name], _join(path, field.encode_name))
        elif field.required:
            found.append(FieldError(_join(path, field.encode_name), "is required"))
    if not found:  # every field is fine alone: what is left is a rule across fields
        try:
            msgspec.convert(value, struct, strict=strict, dec_hook=dec_hook)
        except msgspec.ValidationError as exc:
            found.append(_located(path, exc))
    return found


def _readable(error: FieldError, type_: Any) -> FieldError:
    """A pattern failure in words: "must not be blank", or "must be" the type's description."""
    if not error.message.startswith("Expected `str` matching regex"):
        return error
    meta = _meta_of(type_)
    if meta is not None and meta.pattern == r"\S":
        return FieldError(error.field, "must not be blank")
    if meta is not None and meta.description:
        return FieldError(error.field, f"must be {meta.description}")
    return error


def _meta_of(type_: Any) -> msgspec.Meta | None:
    """The first patterned ``Meta`` in ``type_``, looking inside optionals and lists."""
    if typing.get_origin(type_) is typing.Annotated:
        for extra in type_.__metadata__:
            if isinstance(extra, msgspec.Meta) and extra.pattern:
                return extra
    for arg in typing.get_args(type_):
        if (found := _meta_of(arg)) is not None:
            return found
    return None


def _struct_of(type_: Any) -> tuple[type[msgspec.Struct] | None, bool]:
    """The struct ``type_`` is (or is an optional of), and whether ``None`` is allowed."""
    if isinstance(type_, type) and issubclass(type_, msgspec.Struct):
        return type_, False
    if typing.get_origin(type_) in (typing.Union, types.UnionType):
        args = typing.get_args(type_)
        structs = [a for a in args if isinstance(a, type) and issubclass(a, msgspec.Struct)]
        if len(structs) == 1 and len(args) == 2 and type(None) in args:
            return structs[0], True
    return None, False


def _located(path: str, exc: msgspec.ValidationError) -> FieldError:
    """msgspec's ``"message - at `$.a[0]`"`` as a field error under ``path``."""
    message, _, where = str(exc).partition(" - at `$")
    field = _join(path, where.rstrip("`").lstrip("."))
    name, sep, rest = message.partition(": ")
    if sep and name.isidentifier():  # a cross-field rule names its field
        return FieldError(_join(field, name), rest)
    return FieldError(field, message)


def _join(path: str, name: str) -> str:
    if not name:
        return path
    if not path or name.startswith("["):
        return f"{path}{name}"
    return f"{path}.{name}"
