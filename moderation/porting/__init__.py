"""Moving comments in and out: Disqus and WordPress (WXR) exports read as streams of plain
records (pure: no Redis), written by ``store/imports.py``."""
