"""The whole Redis schema on one screen: every key, stream and group name.

A site's keys all carry the hash tag of its shard (``{m3}``), so every multi-key
script touches one Cluster slot. ``shards`` is fixed for the life of a store: it is
written to ``mod:meta`` on first start and checked on every later one.

    mod:meta                          hash   shards, schema
    mod:sites                         set    every site id
    mod:apikeys                       hash   API key SHA-256 → site id
    mod:apikeys:retiring              zset   rotated-out API key SHA-256s, by when they stop
    mod:deleted:<site>                string a deleted site's id, held for a day (TTL)
    mod:tokens                        hash   moderator token SHA-256 → name, role, sites (JSON)
    mod:ready                         string written by every /readyz: the store takes writes
    mod:workers                       zset   worker consumer names, by heartbeat expiry (ms)
    mod:worker:<consumer>             string a worker's last heartbeat JSON (TTL)
    mod:retention                     string the retention sweep's leader (TTL one interval)
    mod:{mN}:q                        stream queued comment ids (only unacknowledged work)
    mod:{mN}:dead                     stream poison messages, with the last error
    group "workers" on mod:{mN}:q
    mod:{mN}:s:<site>                 hash   site: name, origins, secrets, api key hash, policy
    mod:{mN}:s:<site>:idem:<msg-id>   string "<body sha256> <comment id>" (TTL)
    mod:{mN}:s:<site>:c:<id>          hash   status, thread, rec (full JSON), pub (public JSON),
                                             decision (JSON), v (version)
    mod:{mN}:s:<site>:kids:<id>       zset   approved replies of a comment, by time
    mod:{mN}:s:<site>:t:<thread>      hash   url, title, closed ("1": no new comments)
    mod:{mN}:s:<site>:t:<thread>:top  zset   approved top-level comments, by time
    mod:{mN}:s:<site>:t:<thread>:all  zset   every approved comment of the thread (the count)
    mod:{mN}:s:<site>:t:<thread>:v    string thread version (ETag), bumped on every change
    mod:{mN}:s:<site>:recent          zset   latest approved comments of the site (capped)
    mod:{mN}:s:<site>:recent:v        string site widget version (ETag)
    mod:{mN}:s:<site>:status:<status> zset   comments by status, by time (review queues)
    mod:{mN}:s:<site>:c:<id>:h        list   comment history: "<audit id> <version> <entry JSON>"
    mod:{mN}:s:<site>:reported        zset   approved comments with open reader reports, by time
    mod:{mN}:s:<site>:reports:<id>    hash   reader hash → report JSON (one per reader)
    mod:{mN}:s:<site>:audit           stream append-only audit log: e (entry JSON), v (version)
    mod:{mN}:s:<site>:a:<author>      hash   author standing, until, note, approved, rejected
    mod:{mN}:s:<site>:alog:<author>   list   standing changes, entry JSON each
    mod:{mN}:s:<site>:rl:<what>       string readers' rate limit, its next arrival time in ms
                                             (GCRA; TTL: until the limit is full again):
                                             r:<reader> reports, c:<id> reports on a comment,
                                             p:<reader> reads of pending comments
    mod:{mN}:s:<site>:swept           hash   retention: pii → the id below which personal data
                                             is already stripped
    mod:{mN}:s:<site>:nb:<spam|ham>:<generation>  hash  learned spam classifier counts: slot →
                                             count, plus "docs" and "feats" totals; one hash
                                             per 60-day generation, expiring after the next
                                             (a comment's hash also gets "learned": its label
                                             and generation)
    mod:{mN}:s:<site>:dup:<hour>      hash   near-duplicate sketch band → copies (TTL 2 h)
    mod:{mN}:s:<site>:rate:a:<author>:<10 min>  string  comments by one author (TTL)
    mod:{mN}:s:<site>:rate:ip:<ip>:<10 min>     string  comments from one IP (TTL)
    mod:{mN}:s:<site>:ext:<sha256>    string the host's external id (hashed) → "<content sha256>
                                             <comment id>"
    mod:{mN}:s:<site>:events          stream the site's events (the feed): t type, d data
                                             JSON, v version, at timestamp
    mod:{mN}:s:<site>:events:cur      string last event id fanned out to the endpoints
    mod:{mN}:s:<site>:eps             set    the site's endpoint ids
    mod:{mN}:s:<site>:ep:<id>         hash   json (url, events, secrets), disabled, failing_since,
                                             last (outcome of the last attempt)
    mod:{mN}:s:<site>:ep:<id>:dead    stream events the endpoint never took: e (event id), error
    mod:{mN}:evnew                    set    sites of the shard with events not yet fanned out
    mod:{mN}:due                      zset   "<site> <endpoint> <event id>" by due time (ms);
                                             a claimed delivery is leased by moving it ahead
    mod:{mN}:att                      hash   same member → failed attempts so far
"""

from __future__ import annotations

import hashlib
import zlib

from moderation.store import pseudonyms

META = "mod:meta"
SITES = "mod:sites"
API_KEYS = "mod:apikeys"
TOKENS = "mod:tokens"
RETENTION = "mod:retention"
RETIRING_API_KEYS = "mod:apikeys:retiring"


def deleted_site(site_id: str) -> str:
    return f"mod:deleted:{site_id}"


GROUP = "workers"
SCHEMA = 1  # mod:meta "schema": bump with a migration when a key's layout changes
WORKERS = "mod:workers"
READY = "mod:ready"


def shard_of(site_id: str, shards: int) -> int:
    return zlib.crc32(site_id.encode()) % shards


def shard_tag(shard: int) -> str:
    return f"mod:{{m{shard}}}"


def queue(shard: int) -> str:
    return f"{shard_tag(shard)}:q"


def dead_letters(shard: int) -> str:
    return f"{shard_tag(shard)}:dead"


def worker(consumer: str) -> str:
    return f"mod:worker:{consumer}"


def new_events(shard: int) -> str:
    return f"{shard_tag(shard)}:evnew"


def deliveries(shard: int) -> str:
    return f"{shard_tag(shard)}:due"


def delivery_attempts(shard: int) -> str:
    return f"{shard_tag(shard)}:att"


class SiteKeys:
    """Key names of one site; every name shares the site's shard tag."""

    __slots__ = ("_pseudonym_key", "prefix", "shard", "site_id")

    def __init__(self, site_id: str, shards: int, pseudonym_key: str = "") -> None:
        self.site_id = site_id
        self.shard = shard_of(site_id, shards)
        self.prefix = f"{shard_tag(self.shard)}:s:{site_id}"
        self._pseudonym_key = pseudonym_key.encode()

    def pseudonym(self, value: str) -> str:
        """A reader's address or author key as key names and reports hold it (keyed hash)."""
        return pseudonyms.pseudonym(self._pseudonym_key, value)

    @property
    def site(self) -> str:
        return self.prefix

    @property
    def queue(self) -> str:
        return queue(self.shard)

    def idempotency(self, message_id: str) -> str:
        return f"{self.prefix}:idem:{message_id}"

    def comment(self, comment_id: str) -> str:
        return f"{self.prefix}:c:{comment_id}"

    def replies(self, comment_id: str) -> str:
        return f"{self.prefix}:kids:{comment_id}"

    def thread(self, thread_id: str) -> str:
        return f"{self.prefix}:t:{thread_id}"

    def thread_top(self, thread_id: str) -> str:
        return f"{self.prefix}:t:{thread_id}:top"

    def thread_all(self, thread_id: str) -> str:
        return f"{self.prefix}:t:{thread_id}:all"

    def thread_version(self, thread_id: str) -> str:
        return f"{self.prefix}:t:{thread_id}:v"

    @property
    def recent(self) -> str:
        return f"{self.prefix}:recent"

    @property
    def recent_version(self) -> str:
        return f"{self.prefix}:recent:v"

    def by_status(self, status: str) -> str:
        return f"{self.prefix}:status:{status}"

    def learned(self, label: str, generation: int) -> str:
        return f"{self.prefix}:nb:{label}:{generation}"

    def duplicates(self, window: int) -> str:
        return f"{self.prefix}:dup:{window}"

    def author_rate(self, author: str, window: int) -> str:
        return f"{self.prefix}:rate:a:{author}:{window}"

    def ip_rate(self, ip: str, window: int) -> str:
        return f"{self.prefix}:rate:ip:{ip}:{window}"

    def history(self, comment_id: str) -> str:
        return f"{self.prefix}:c:{comment_id}:h"

    @property
    def reported(self) -> str:
        return f"{self.prefix}:reported"

    def reports(self, comment_id: str) -> str:
        return f"{self.prefix}:reports:{comment_id}"

    @property
    def audit(self) -> str:
        return f"{self.prefix}:audit"

    def author(self, author_key: str) -> str:
        return f"{self.prefix}:a:{author_key}"

    def author_log(self, author_key: str) -> str:
        return f"{self.prefix}:alog:{author_key}"

    def rate(self, what: str) -> str:
        return f"{self.prefix}:rl:{what}"

    def external(self, external_id: str) -> str:
        # hashed: the host's ids may hold any characters, and keys stay short
        return f"{self.prefix}:ext:{hashlib.sha256(external_id.encode()).hexdigest()[:32]}"

    @property
    def events(self) -> str:
        return f"{self.prefix}:events"

    @property
    def new_events(self) -> str:
        return new_events(self.shard)

    @property
    def events_cursor(self) -> str:
        return f"{self.prefix}:events:cur"

    @property
    def endpoints(self) -> str:
        return f"{self.prefix}:eps"

    def endpoint(self, endpoint_id: str) -> str:
        return f"{self.prefix}:ep:{endpoint_id}"

    def endpoint_dead(self, endpoint_id: str) -> str:
        return f"{self.prefix}:ep:{endpoint_id}:dead"

    @property
    def swept(self) -> str:
        return f"{self.prefix}:swept"
