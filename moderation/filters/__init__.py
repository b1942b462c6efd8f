"""Pure filters: each takes the normalised comment and its context and returns findings."""
