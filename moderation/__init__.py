"""Comment moderation: signed intake → Redis Streams → filters → decision → widget and review APIs."""

__version__ = "0.1.0"
