-- Apply a decision to a comment if it is still in the expected state, then record it.
-- KEYS
--   comment         the comment's hash
--   old_index       the status:<old> zset
--   new_index       the status:<new> zset
--   thread          the thread's hash (url, title)
--   top             the thread's approved top-level comments
--   all             every approved comment of the thread
--   thread_version  the thread's widget version
--   replies         the parent's approved replies (unused without a parent)
--   recent          the site's latest approved comments
--   recent_version  the site's widget version
--   queue           the queue stream (the comment's hash again when not acknowledging)
--   audit           the site's audit stream
--   history         the comment's history list
--   reported        the site's reported zset
--   reports         the comment's reader reports
--   author          the author's hash (standing and counts)
--   events          the site's events stream
--   new_events      the shard's sites with events not yet fanned out
-- ARGV
--   old             the status the comment must still have
--   version         the version it must still have ('' = any)
--   new             the status to give it
--   decision        the decision's JSON
--   public          the comment's public JSON (what widgets show)
--   comment_id
--   has_parent      "1" when the comment is a reply
--   url             the thread's url ('' = keep the stored one)
--   title           the thread's title ('' = keep the stored one)
--   recent_cap      how many comments the recent zset keeps
--   entry_id        the queue entry to acknowledge ('' = none)
--   group           the queue's consumer group
--   entry           the audit entry's JSON
--   by_moderator    "1" when a moderator decided (their decision closes the reader reports)
--   event_type      the event the change emits ('' = none)
--   event_data      the event's data JSON (its version is filled in when read)
--   event_at        the event's timestamp
--   events_min_id   events older than this stream id are trimmed
--   site_id
-- Replies {outcome, status, version}: ok (the new status and version), conflict (the status
-- and version found instead), missing ('', 0: no such comment).
local K = {comment = KEYS[1], old_index = KEYS[2], new_index = KEYS[3], thread = KEYS[4],
  top = KEYS[5], all = KEYS[6], thread_version = KEYS[7], replies = KEYS[8], recent = KEYS[9],
  recent_version = KEYS[10], queue = KEYS[11], audit = KEYS[12], history = KEYS[13],
  reported = KEYS[14], reports = KEYS[15], author = KEYS[16], events = KEYS[17],
  new_events = KEYS[18]}
local A = {old = ARGV[1], version = ARGV[2], new = ARGV[3], decision = ARGV[4],
  public = ARGV[5], comment_id = ARGV[6], has_parent = ARGV[7], url = ARGV[8], title = ARGV[9],
  recent_cap = ARGV[10], entry_id = ARGV[11], group = ARGV[12], entry = ARGV[13],
  by_moderator = ARGV[14], event_type = ARGV[15], event_data = ARGV[16], event_at = ARGV[17],
  events_min_id = ARGV[18], site_id = ARGV[19]}
return decide(K, A)
