/* moderation comment widget: threads, the recent sidebar and counts, rendered as text.
 * No framework, no build step. Server data only ever reaches the page through textContent,
 * attributes set one by one, and href values checked to be http(s). Works under a strict CSP
 * (no eval, no inline code or styles: styles are a constructed sheet in each shadow root). */
(function () {
  "use strict";
  var script = document.currentScript;
  var API = (script && script.getAttribute("data-moderation-api")) ||
    (script ? new URL(script.src, location.href).origin : location.origin);

  var TEXT = {
    id: {
      comments: function (n) { return n + " komentar"; },
      thread: "Komentar", recent: "Komentar terbaru", more: "Muat komentar lainnya",
      moreReplies: function (n) { return "Muat " + n + " balasan lagi"; },
      showReplies: function (n) { return "Tampilkan " + n + " balasan"; },
      hideReplies: "Sembunyikan balasan", removed: "Komentar dihapus",
      pending: "Komentar Anda menunggu moderasi", view: "Lihat Artikel",
      report: "Laporkan", reportOf: function (n) { return "Laporkan komentar " + n; },
      reason: "Alasan", send: "Kirim laporan", cancel: "Batal",
      reported: "Terima kasih, laporan Anda sudah kami terima.",
      tooMany: "Terlalu banyak laporan dari Anda. Silakan coba lagi nanti.",
      failed: "Maaf, permintaan gagal. Silakan coba lagi.",
      loadFailed: "Komentar tidak dapat dimuat saat ini.", none: "Belum ada komentar.",
      fresh: function (n) { return n + " komentar baru"; }, now: "baru saja",
      reasons: { spam: "Spam", abuse: "Kasar atau menghina", off_topic: "Di luar topik",
        personal_data: "Data pribadi", illegal: "Melanggar hukum", other: "Lainnya" }
    },
    en: {
      comments: function (n) { return n + (n === 1 ? " comment" : " comments"); },
      thread: "Comments", recent: "Recent comments", more: "Load more comments",
      moreReplies: function (n) { return "Load " + n + " more " + (n === 1 ? "reply" : "replies"); },
      showReplies: function (n) { return "Show " + n + (n === 1 ? " reply" : " replies"); },
      hideReplies: "Hide replies", removed: "Comment removed",
      pending: "Your comment is awaiting moderation", view: "View Article",
      report: "Report", reportOf: function (n) { return "Report comment by " + n; },
      reason: "Reason", send: "Send report", cancel: "Cancel",
      reported: "Thank you, we have received your report.",
      tooMany: "You have sent too many reports. Please try again later.",
      failed: "Sorry, that did not work. Please try again.",
      loadFailed: "Comments cannot be loaded right now.", none: "No comments yet.",
      fresh: function (n) { return n + " new " + (n === 1 ? "comment" : "comments"); },
      now: "just now",
      reasons: { spam: "Spam", abuse: "Abusive", off_topic: "Off topic",
        personal_data: "Personal data", illegal: "Illegal", other: "Other" }
    }
  };

  var STYLES = [
    ":host{display:block;font:inherit;color:var(--moderation-text,inherit);",
    "--_accent:var(--moderation-accent,#0b57d0);--_muted:var(--moderation-muted,#4d5156);",
    "--_border:var(--moderation-border,#d0d4d9);--_gap:var(--moderation-gap,.75rem);",
    "--_radius:var(--moderation-radius,6px);--_indent:var(--moderation-indent,1.25rem)}",
    ":host([hidden]){display:none}",
    "ol,ul{list-style:none;margin:0;padding:0}",
    ".list>li{border-top:1px solid var(--_border);padding:var(--_gap) 0}",
    ".replies{margin-top:var(--_gap);padding-left:var(--_indent);border-left:2px solid var(--_border)}",
    ".replies>li+li{margin-top:var(--_gap)}",
    ".meta{display:flex;flex-wrap:wrap;gap:.5em;align-items:baseline;margin:0}",
    ".name{font-weight:700}time,.muted{color:var(--_muted);font-size:.875em}",
    ".body{margin:.25em 0;white-space:pre-wrap;overflow-wrap:anywhere}",
    ".removed>.body,.note{font-style:italic;color:var(--_muted)}",
    ".pending{background:var(--moderation-pending,#fff8e1);border-radius:var(--_radius);padding:.5em}",
    ".count{font-weight:700;margin:0 0 var(--_gap)}",
    "a{color:var(--_accent)}",
    "button,select{font:inherit;color:var(--_accent);background:none;border:1px solid var(--_border);",
    "border-radius:var(--_radius);padding:.25em .6em;cursor:pointer}",
    "select{color:inherit}.actions{margin-top:.25em;display:flex;gap:.5em;flex-wrap:wrap}",
    ".more{margin-top:var(--_gap)}",
    ":focus-visible{outline:2px solid var(--_accent);outline-offset:2px}",
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
    ".recent>li{padding:.5em 0}.recent>li+li{border-top:1px solid var(--_border)}",
    ".recent p{margin:.15em 0}.report{font-size:.8125em;color:var(--_muted);border-color:transparent}",
    ".recent q{quotes:'\\201C' '\\201D'}"
  ].join("");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeUrl(value) {
    try {
      var url = new URL(String(value), location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  // Plain text with http(s) URLs made into links; everything else stays text.
  function linkified(body) {
    var out = document.createDocumentFragment();
    var pattern = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;
    var last = 0, match;
    while ((match = pattern.exec(body)) !== null) {
      var href = safeUrl(match[0]);
      if (!href) continue;
      out.appendChild(document.createTextNode(body.slice(last, match.index)));
      var a = el("a", "", match[0]);
      a.href = href;
      a.rel = "nofollow ugc noopener noreferrer";
      out.appendChild(a);
      last = match.index + match[0].length;
    }
    out.appendChild(document.createTextNode(body.slice(last)));
    return out;
  }

  function langOf(node) {
    var wanted = node.getAttribute("data-lang") ||
      (node.closest("[lang]") || document.documentElement).getAttribute("lang") || "en";
    return /^id\b|^in\b/i.test(wanted) ? "id" : "en";
  }

  function relative(iso, lang) {
    var then = Date.parse(iso);
    if (isNaN(then)) return "";
    var seconds = Math.round((then - Date.now()) / 1000);
    if (Math.abs(seconds) < 60) return TEXT[lang].now;
    var units = [["minute", 60], ["hour", 3600], ["day", 86400], ["week", 604800],
      ["month", 2629800], ["year", 31557600]];
    var unit = units[0];
    for (var i = 0; i < units.length; i++) if (Math.abs(seconds) >= units[i][1]) unit = units[i];
    var amount = Math.round(seconds / unit[1]);
    if (typeof Intl !== "undefined" && Intl.RelativeTimeFormat) {
      return new Intl.RelativeTimeFormat(lang, { numeric: "auto" }).format(amount, unit[0]);
    }
    return new Date(then).toLocaleDateString(lang);
  }

  function timeEl(iso, lang) {
    var t = el("time", "", relative(iso, lang));
    t.setAttribute("datetime", iso);
    var then = new Date(iso);
    if (!isNaN(then.getTime())) t.title = then.toLocaleString(lang);
    return t;
  }

  function shadow(host) {
    var root = host.shadowRoot || host.attachShadow({ mode: "open" });
    while (root.firstChild) root.removeChild(root.firstChild);
    if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function") {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
      root.adoptedStyleSheets = [sheet];
    }
    return root;
  }

  function siteUrl(site, path) {
    return API + "/v1/sites/" + encodeURIComponent(site) + path;
  }

  function getJson(url, headers) {
    return fetch(url, { headers: headers || {}, credentials: "omit", mode: "cors" }).then(function (r) {
      if (r.status === 304) return { status: 304 };
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json().then(function (data) {
        return { status: r.status, data: data, etag: r.headers.get("ETag") };
      });
    });
  }

  function intAttr(node, name, fallback, min, max) {
    var value = parseInt(node.getAttribute(name), 10);
    if (isNaN(value)) return fallback;
    return Math.max(min, Math.min(max, value));
  }

  /* ---- the thread ---- */

  function Thread(host) {
    this.host = host;
    this.site = host.getAttribute("data-moderation-site");
    this.thread = host.getAttribute("data-moderation-thread");
    this.lang = langOf(host);
    this.t = TEXT[this.lang];
    this.limit = intAttr(host, "data-limit", 20, 1, 100);
    this.replies = intAttr(host, "data-replies", 3, 0, 100);
    this.depth = intAttr(host, "data-depth", 3, 1, 20);
    this.sort = host.getAttribute("data-sort") || "oldest";
    this.refreshSeconds = intAttr(host, "data-refresh", 30, 0, 86400);
    this.tokens = (host.getAttribute("data-moderation-view-token") || "").trim();
    this.expanded = {};
    this.pages = 1;
    this.count = null;
    this.build();
  }

  Thread.prototype.url = function (params) {
    var query = new URLSearchParams({ sort: this.sort, limit: String(this.limit),
      replies: String(this.replies) });
    for (var key in params) if (params[key]) query.set(key, params[key]);
    return siteUrl(this.site, "/threads/" + encodeURIComponent(this.thread) + "/comments?" + query);
  };

  Thread.prototype.build = function () {
    var root = shadow(this.host);
    var section = el("section", "thread");
    section.setAttribute("aria-label", this.t.thread);
    this.countEl = el("p", "count");
    this.live = el("p", "sr");
    this.live.setAttribute("aria-live", "polite");
    this.live.setAttribute("role", "status");
    this.pendingList = el("ol", "list pending-list");
    this.pendingList.setAttribute("aria-label", this.t.pending);
    this.list = el("ol", "list");
    this.list.setAttribute("aria-label", this.t.thread);
    this.moreButton = el("button", "more", this.t.more);
    this.moreButton.type = "button";
    this.moreButton.hidden = true;
    var self = this;
    this.moreButton.addEventListener("click", function () { self.loadMore(); });
    section.append(this.countEl, this.live, this.pendingList, this.list, this.moreButton);
    root.appendChild(section);
  };

  Thread.prototype.start = function () {
    var self = this;
    return this.reload().then(function () {
      self.loadPending();
      if (self.refreshSeconds > 0) {
        setInterval(function () {
          if (document.visibilityState === "visible") self.refresh();
        }, self.refreshSeconds * 1000);
      }
    });
  };

  // The first page with If-None-Match: a 304 costs nothing; a change reloads what is shown.
  Thread.prototype.refresh = function () {
    var self = this;
    // Never re-render under a reader who is choosing a report reason.
    if (this.busy || this.list.querySelector("form")) return Promise.resolve();
    var headers = this.etag ? { "If-None-Match": this.etag } : {};
    return getJson(this.url({}), headers).then(function (answer) {
      if (answer.status === 304) return;
      return self.reload(answer);
    }).catch(function () { /* keep what is shown; the next tick tries again */ });
  };

  Thread.prototype.reload = function (first) {
    var self = this, pages = this.pages, before = this.count;
    this.busy = true;
    var got = first ? Promise.resolve(first) : getJson(this.url({}));
    var items = [], cursor = null, page = 0;
    function step(answer) {
      page += 1;
      if (page === 1) { self.etag = answer.etag; self.setCount(answer.data.count); }
      items = items.concat(answer.data.comments);
      cursor = answer.data.next_cursor;
      if (cursor && page < pages) return getJson(self.url({ cursor: cursor })).then(step);
    }
    return got.then(step).then(function () {
      self.list.replaceChildren();
      items.forEach(function (node) { self.list.appendChild(self.item(node, 1)); });
      self.cursor = cursor;
      self.moreButton.hidden = !cursor;
      if (!items.length) self.list.appendChild(el("li", "note", self.t.none));
      if (before !== null && self.count > before) self.live.textContent = self.t.fresh(self.count - before);
      self.dropPublished();
    }).catch(function () {
      if (before === null) self.list.replaceChildren(el("li", "note", self.t.loadFailed));
    }).then(function () { self.busy = false; });
  };

  Thread.prototype.setCount = function (count) {
    this.count = count;
    this.countEl.textContent = this.t.comments(count);
  };

  Thread.prototype.loadMore = function () {
    var self = this;
    this.moreButton.disabled = true;
    return getJson(this.url({ cursor: this.cursor })).then(function (answer) {
      self.pages += 1;
      answer.data.comments.forEach(function (node) { self.list.appendChild(self.item(node, 1)); });
      self.cursor = answer.data.next_cursor;
      self.moreButton.hidden = !self.cursor;
    }).catch(function () {
      self.live.textContent = self.t.failed;
    }).then(function () { self.moreButton.disabled = false; });
  };

  Thread.prototype.item = function (node, depth) {
    var li = el("li", node.removed ? "comment removed" : "comment");
    li.setAttribute("data-id", node.id);
    var article = el("article");
    if (node.removed) {
      article.appendChild(el("p", "body", this.t.removed));
    } else {
      var meta = el("p", "meta");
      meta.append(el("span", "name", node.author && node.author.name), timeEl(node.created_at, this.lang));
      var body = el("p", "body");
      body.appendChild(linkified(String(node.body)));
      article.append(meta, body, this.actions(node));
    }
    li.appendChild(article);
    this.repliesOf(li, node, depth);
    return li;
  };

  Thread.prototype.repliesOf = function (li, node, depth) {
    var total = node.reply_count || 0;
    if (!total) return;
    var self = this;
    var list = el("ol", "replies");
    list.setAttribute("aria-label", this.t.showReplies(total));
    (node.replies || []).forEach(function (kid) { list.appendChild(self.item(kid, depth + 1)); });
    li.appendChild(list);
    var missing = total - (node.replies || []).length;
    if (missing > 0) li.appendChild(this.moreRepliesButton(list, node, missing, depth));
    if (depth >= this.depth) this.collapse(li, list, node.id, total);
  };

  Thread.prototype.collapse = function (li, list, id, total) {
    var t = this.t, self = this;
    var toggle = el("button", "toggle", t.showReplies(total));
    toggle.type = "button";
    var open = !!this.expanded[id];
    function apply() {
      list.hidden = !open;
      var more = li.querySelector(":scope > .more-replies");
      if (more) more.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? t.hideReplies : t.showReplies(total);
    }
    toggle.addEventListener("click", function () {
      open = !open;
      self.expanded[id] = open;
      apply();
    });
    li.insertBefore(toggle, list);
    apply();
  };

  Thread.prototype.moreRepliesButton = function (list, node, missing, depth) {
    var self = this;
    var button = el("button", "more more-replies", this.t.moreReplies(missing));
    button.type = "button";
    var shown = (node.replies || []).length;
    var cursor = shown ? node.replies[shown - 1].id : null;
    button.addEventListener("click", function () {
      button.disabled = true;
      getJson(self.url({ parent: node.id, cursor: cursor })).then(function (answer) {
        answer.data.comments.forEach(function (kid) { list.appendChild(self.item(kid, depth + 1)); });
        shown += answer.data.comments.length;
        cursor = answer.data.next_cursor;
        var left = node.reply_count - shown;
        if (!cursor || left <= 0) button.remove();
        else button.textContent = self.t.moreReplies(left);
      }).catch(function () { self.live.textContent = self.t.failed; })
        .then(function () { button.disabled = false; });
    });
    return button;
  };

  Thread.prototype.actions = function (node) {
    var t = this.t, self = this;
    var box = el("div", "actions");
    var button = el("button", "report", t.report);
    button.type = "button";
    button.setAttribute("aria-label", t.reportOf(node.author ? node.author.name : ""));
    button.setAttribute("aria-expanded", "false");
    var status = el("p", "note");
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      var form = box.querySelector("form");
      if (form) { form.remove(); button.setAttribute("aria-expanded", "false"); return; }
      box.appendChild(self.reportForm(node, button, status));
      button.setAttribute("aria-expanded", "true");
      box.querySelector("select").focus();
    });
    box.append(button, status);
    return box;
  };

  Thread.prototype.reportForm = function (node, button, status) {
    var t = this.t, self = this;
    var form = el("form", "report-form");
    var label = el("label", "", t.reason + " ");
    var select = el("select");
    Object.keys(t.reasons).forEach(function (key) {
      var option = el("option", "", t.reasons[key]);
      option.value = key;
      select.appendChild(option);
    });
    label.appendChild(select);
    var send = el("button", "", t.send);
    send.type = "submit";
    var cancel = el("button", "", t.cancel);
    cancel.type = "button";
    cancel.addEventListener("click", function () { form.remove(); button.focus(); });
    form.append(label, send, cancel);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send.disabled = true;
      var url = siteUrl(self.site, "/comments/" + encodeURIComponent(node.id) + "/reports");
      fetch(url, { method: "POST", credentials: "omit", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ reason: select.value }) }).then(function (r) {
        status.textContent = r.status === 202 ? t.reported : r.status === 429 ? t.tooMany : t.failed;
      }).catch(function () { status.textContent = t.failed; }).then(function () {
        form.remove();
        button.setAttribute("aria-expanded", "false");
        button.focus();
      });
    });
    return form;
  };

  // The reader's own held comments, shown only when the host put their view tokens on the page.
  Thread.prototype.loadPending = function () {
    if (!this.tokens) return;
    var self = this;
    var url = siteUrl(this.site, "/threads/" + encodeURIComponent(this.thread) + "/pending");
    getJson(url, { "Moderation-View-Token": this.tokens }).then(function (answer) {
      self.pending = answer.data.comments;
      self.renderPending();
    }).catch(function () { /* nothing of the reader's to show */ });
  };

  Thread.prototype.renderPending = function () {
    var self = this;
    this.pendingList.replaceChildren();
    (this.pending || []).forEach(function (c) {
      var li = el("li", "comment pending");
      li.setAttribute("data-id", c.id);
      var meta = el("p", "meta");
      meta.append(el("span", "name", c.author.name), timeEl(c.created_at, self.lang));
      var body = el("p", "body");
      body.appendChild(linkified(String(c.body)));
      li.append(el("p", "note notice", self.t.pending), meta, body);
      self.pendingList.appendChild(li);
    });
  };

  // Once a held comment is published it shows in the thread; its pending copy goes.
  Thread.prototype.dropPublished = function () {
    if (!this.pending) return;
    var list = this.list;
    this.pending = this.pending.filter(function (c) {
      return !list.querySelector('[data-id="' + cssEscape(c.id) + '"]');
    });
    this.renderPending();
  };

  function cssEscape(value) {
    return window.CSS && window.CSS.escape ? window.CSS.escape(value) : String(value).replace(/[^\w-]/g, "");
  }

  /* ---- the recent sidebar ---- */

  function recent(host) {
    var lang = langOf(host), t = TEXT[lang];
    var site = host.getAttribute("data-moderation-site");
    var limit = intAttr(host, "data-limit", 5, 1, 100);
    var root = shadow(host);
    var list = el("ul", "recent");
    list.setAttribute("aria-label", t.recent);
    root.appendChild(list);
    return getJson(siteUrl(site, "/recent?limit=" + limit)).then(function (answer) {
      answer.data.comments.forEach(function (c) {
        var li = el("li");
        var line = el("p", "body");
        line.append(el("span", "name", c.author.name), document.createTextNode(" \u2014 "), el("q", "", c.excerpt));
        li.appendChild(line);
        var meta = el("p", "meta");
        meta.appendChild(timeEl(c.created_at, lang));
        var href = c.thread && safeUrl(c.thread.url);
        if (href && c.thread.url) {
          var a = el("a", "", t.view);
          a.href = href;
          if (c.thread.title) a.setAttribute("aria-label", t.view + ": " + c.thread.title);
          meta.appendChild(a);
        }
        li.appendChild(meta);
        list.appendChild(li);
      });
      if (!answer.data.comments.length) list.appendChild(el("li", "note", t.none));
    }).catch(function () { list.replaceChildren(el("li", "note", t.loadFailed)); });
  }

  /* ---- counts: one request per site ---- */

  function counts(nodes) {
    var bySite = {};
    nodes.forEach(function (node) {
      var site = node.getAttribute("data-moderation-site");
      (bySite[site] = bySite[site] || []).push(node);
    });
    return Promise.all(Object.keys(bySite).map(function (site) {
      var group = bySite[site];
      var query = new URLSearchParams();
      var seen = {};
      group.forEach(function (node) {
        var thread = node.getAttribute("data-moderation-count");
        if (!seen[thread]) { seen[thread] = 1; query.append("thread", thread); }
      });
      return getJson(siteUrl(site, "/counts?" + query)).then(function (answer) {
        group.forEach(function (node) {
          var n = answer.data.counts[node.getAttribute("data-moderation-count")] || 0;
          node.textContent = TEXT[langOf(node)].comments(n);
        });
      }).catch(function () { /* leave the host's own text */ });
    }));
  }

  function start() {
    var all = [];
    document.querySelectorAll("[data-moderation-thread]").forEach(function (host) {
      if (host.getAttribute("data-moderation-ready")) return;
      host.setAttribute("data-moderation-ready", "1");
      all.push(new Thread(host).start());
    });
    document.querySelectorAll("[data-moderation-recent]").forEach(function (host) {
      if (host.getAttribute("data-moderation-ready")) return;
      host.setAttribute("data-moderation-ready", "1");
      all.push(recent(host));
    });
    all.push(counts(Array.prototype.slice.call(document.querySelectorAll("[data-moderation-count]"))));
    return Promise.all(all);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
