"""Authors' standing on a site (banned, premoderated, trusted), set by admins, with history."""

from __future__ import annotations

import hashlib

from moderation.models import Author


def author_key(author: Author) -> str:
    """The host's author id, else a stable hash of the email, else of the display name."""
    if author.id:
        return author.id
    if author.email:
        return "email-" + hashlib.sha256(author.email.strip().lower().encode()).hexdigest()[:32]
    return "name-" + hashlib.sha256(author.name.strip().encode()).hexdigest()[:32]
