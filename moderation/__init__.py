"""Comment moderation: signed intake → Redis Streams → filters → decision → widgets and review."""

__version__ = "0.1.0"
