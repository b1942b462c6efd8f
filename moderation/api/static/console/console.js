// The moderators' console: plain DOM, talking only to the review API with the pasted token.
// The token lives in sessionStorage and travels only in the Authorization header. Every piece
// of server data is inserted with textContent (or text nodes), never as HTML.
"use strict";
(function () {
  const $ = (sel) => document.querySelector(sel);
  const TOKEN = "moderation.token", SITE = "moderation.site", LANG = "moderation.lang";
  const QUEUES = ["held", "reported", "approved", "rejected", "all"];
  const POLL_MS = 5000, UNDO_MS = 30000;
  const state = {
    token: sessionStorage.getItem(TOKEN), site: sessionStorage.getItem(SITE), me: null,
    queue: "held", items: [], current: 0, cursor: null, selected: new Set(), anchor: null,
    undo: [], etag: null, single: false, auditCursor: null,
    lang: localStorage.getItem(LANG) || "id",
  };

  // Words.
  function t(key, values) {
    const words = window.CONSOLE_TEXT[state.lang] || window.CONSOLE_TEXT.id;
    let text = words[key] || window.CONSOLE_TEXT.en[key] || key;
    for (const [k, v] of Object.entries(values || {})) text = text.replace(`{${k}}`, String(v));
    return text;
  }
  function translate() {
    document.documentElement.lang = state.lang;
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll("[data-i18n-label]")) {
      el.setAttribute("aria-label", t(el.dataset.i18nLabel));
    }
    $("#lang").value = state.lang;
  }

  // The API.
  class Problem extends Error {
    constructor(status, body) { super((body && body.detail) || String(status)); this.status = status; this.body = body || {}; }
  }
  async function api(path, {method = "GET", body, headers = {}} = {}) {
    const init = {method, headers: {...headers, Authorization: `Bearer ${state.token}`}, cache: "no-store"};
    if (body !== undefined) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
    const response = await fetch(path, init);
    if (response.status === 304) return {notModified: true, response};
    const data = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
    if (!response.ok) throw new Problem(response.status, data);
    return {data, response};
  }
  const sitePath = (rest) => `/v1/sites/${encodeURIComponent(state.site)}${rest}`;

  // Toasts.
  function toast(text, action) {
    const el = document.createElement("div");
    el.className = "toast";
    const words = document.createElement("span");
    words.textContent = text;
    el.append(words);
    let timer = null;
    if (action) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = action.label;
      button.addEventListener("click", () => { el.remove(); clearTimeout(timer); action.run(); });
      el.append(button);
    }
    $("#toasts").append(el);
    timer = setTimeout(() => el.remove(), action ? UNDO_MS : 6000);
    return el;
  }
  const fail = (error) => toast(t("error", {detail: error.message}));

  // Sign-in.
  async function signIn(token) {
    state.token = token;
    try {
      state.me = (await api("/v1/me")).data;
    } catch (error) {
      state.token = null;
      $("#signin-error").textContent = error.status === 401 ? t("bad_token") : error.message;
      return;
    }
    if (!state.me.sites.length) { state.token = null; $("#signin-error").textContent = t("no_sites"); return; }
    sessionStorage.setItem(TOKEN, token);
    const select = $("#site");
    select.replaceChildren(...state.me.sites.map((s) => {
      const option = document.createElement("option");
      option.value = s.id; option.textContent = `${s.name} (${s.id})`;
      return option;
    }));
    if (!state.me.sites.some((s) => s.id === state.site)) state.site = state.me.sites[0].id;
    select.value = state.site;
    sessionStorage.setItem(SITE, state.site);
    $("#who").textContent = `${state.me.name} · ${state.me.role}`;
    $("#signin-view").hidden = true;
    $("#app").hidden = false;
    $("#site-choice").hidden = false;
    $("#signout").hidden = false;
    $("#token").value = "";
    $("#signin-error").textContent = "";
    await switchQueue("held");
  }
  function signOut() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(SITE);
    state.token = null; state.me = null; state.items = [];
    $("#items").replaceChildren();
    $("#app").hidden = true; $("#site-choice").hidden = true; $("#signout").hidden = true;
    $("#who").textContent = "";
    $("#signin-view").hidden = false;
    $("#token").focus();
  }

  // The queue.
  function filters() {
    const form = new FormData($("#filters"));
    const params = new URLSearchParams({queue: state.queue, limit: "50"});
    for (const [name, value] of form.entries()) {
      if (!value) continue;
      if (name === "since" || name === "before") {
        const day = new Date(`${value}T00:00:00`);  // local midnight; "until" includes its day
        if (name === "before") day.setDate(day.getDate() + 1);
        params.set(name, day.toISOString());
      }
      else params.set(name, value);
    }
    return params;
  }
  function bulkFilter() {
    const f = {queue: state.queue};
    for (const [name, value] of filters().entries()) {
      if (["thread", "author", "reason", "q", "since", "before"].includes(name)) f[name] = value;
    }
    return f;
  }
  function showCounts(counts) {
    for (const el of document.querySelectorAll("[data-count]")) el.textContent = String(counts[el.dataset.count] ?? 0);
  }
  async function load({more = false, keep = null} = {}) {
    const params = filters();
    if (more && state.cursor) params.set("cursor", state.cursor);
    let page;
    $("#items").setAttribute("aria-busy", "true");
    try { page = (await api(sitePath(`/review?${params}`))).data; } catch (error) { fail(error); $("#items").setAttribute("aria-busy", "false"); return; }
    showCounts(page.counts);
    state.items = more ? state.items.concat(page.items) : page.items;
    state.cursor = page.next_cursor;
    if (!more) {
      state.selected.clear();
      state.current = keep === null ? 0 : Math.max(0, Math.min(keep, state.items.length - 1));
    }
    render();
    $("#items").setAttribute("aria-busy", "false");
  }
  async function poll() {
    if (!state.token || !state.site) return;
    try {
      const headers = state.etag ? {"If-None-Match": state.etag} : {};
      const got = await api(sitePath("/review?queue=held&limit=1"), {headers});
      state.etag = got.response.headers.get("etag");
      if (!got.notModified) showCounts(got.data.counts);
    } catch (error) { /* the next poll tries again */ }
  }
  async function switchQueue(queue) {
    state.queue = queue;
    for (const tab of document.querySelectorAll(".tab")) {
      tab.setAttribute("aria-current", tab.dataset.queue === queue ? "page" : "false");
    }
    showView("queue");
    await load();
  }
  function showView(view) {
    $("#queue-view").hidden = view !== "queue";
    $("#audit-view").hidden = view !== "audit";
    $("#policy-view").hidden = view !== "policy";
    if (view !== "queue") for (const tab of document.querySelectorAll(".tab[data-queue]")) tab.setAttribute("aria-current", "false");
    for (const tab of document.querySelectorAll(".tab[data-view]")) tab.setAttribute("aria-current", tab.dataset.view === view ? "page" : "false");
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  // One reason: rule, action and score, then how sure it is (band and calibrated probability,
  // absent for policy and standing), then its detail. Text nodes only.
  const BANDS = ["low", "medium", "high", "certain"];
  function findingView(f, withDetail) {
    const li = el("li", null, `${f.filter}:${f.rule} → ${f.action} (${Number(f.score).toFixed(2)})`);
    if (BANDS.includes(f.band) && typeof f.probability === "number") {
      const band = el("span", `band band-${f.band}`, `${t(`band_${f.band}`)} ${Math.round(f.probability * 100)}%`);
      band.title = t("band_help");
      li.append(" ", band);
    }
    if (withDetail && f.detail) li.append(` ${f.detail}`);
    return li;
  }
  function when(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(state.lang === "id" ? "id-ID" : "en-GB");
  }
  function safeUrl(url) {
    try { const u = new URL(url); return ["http:", "https:"].includes(u.protocol) ? u.href : null; } catch { return null; }
  }
  function button(label, action, className) {
    const b = el("button", className, label);
    b.type = "button";
    b.dataset.action = action;
    return b;
  }

  function itemView(item, index) {
    const li = el("li", "item");
    li.tabIndex = -1;
    li.dataset.id = item.id;
    li.dataset.index = String(index);
    li.setAttribute("aria-label", `${item.author.name}: ${item.body.slice(0, 80)}`);
    const head = el("div", "head");
    const pick = document.createElement("input");
    pick.type = "checkbox"; pick.className = "pick"; pick.checked = state.selected.has(item.id);
    pick.setAttribute("aria-label", `${t("select")}: ${item.author.name}`);
    head.append(pick);
    const url = item.thread.url && safeUrl(item.thread.url);
    const title = el(url ? "a" : "span", "article", item.thread.title || item.thread.id);
    if (url) { title.href = url; title.target = "_blank"; title.rel = "noopener noreferrer"; }
    title.setAttribute("aria-label", `${t("article")}: ${item.thread.title || item.thread.id}`);
    head.append(title);
    const s = item.author.standing;
    const author = button(`${item.author.name} · ${s.standing} · ${s.approved} ${t("approved_n")} / ${s.rejected} ${t("rejected_n")}`, "author", "author");
    author.setAttribute("aria-label", t("open_author", {name: item.author.name}));
    head.append(author, el("time", "time", when(item.created_at)), el("span", `status ${item.status}`, t(`q_${item.status}`)));
    head.querySelector("time").dateTime = item.created_at;
    li.append(head);
    if (item.parent) {
      const parent = el("blockquote", "parent");
      parent.append(el("span", "label", `${t("reply_to")} ${item.parent.author}: `), el("span", null, item.parent.body));
      li.append(parent);
    }
    const body = el("p", "body");
    window.ConsoleMarks.render(body, item.body, item.reasons);
    li.append(body);
    if (item.masked_body) {
      const masked = el("p", "masked");
      masked.append(el("span", "label", `${t("masked")}: `), el("span", null, item.masked_body));
      li.append(masked);
    }
    const why = el("ul", "findings");
    why.setAttribute("aria-label", t("findings"));
    for (const f of item.reasons) why.append(findingView(f, true));
    if (item.reports.count) why.append(el("li", "reports", `${t("reports")}: ${item.reports.count} ${JSON.stringify(item.reports.reasons)}`));
    li.append(why);
    const actions = el("div", "actions");
    actions.append(button(t("approve"), "approve", "approve"), button(t("reject"), "reject", "reject"), button(t("ban"), "ban", "ban"));
    li.append(actions);
    return li;
  }
  function render() {
    const list = $("#items");
    list.replaceChildren(...state.items.map(itemView));
    list.classList.toggle("single", state.single);
    $("#empty").hidden = state.items.length > 0;
    $("#more").hidden = !state.cursor;
    showSelection();
    focusCurrent();
  }
  function focusCurrent() {
    const items = $("#items").children;
    for (const li of items) li.classList.remove("current");
    const li = items[state.current];
    if (li) { li.classList.add("current"); li.focus({preventScroll: true}); li.scrollIntoView({block: "nearest"}); }
  }
  function move(step) {
    if (!state.items.length) return;
    state.current = Math.max(0, Math.min(state.items.length - 1, state.current + step));
    focusCurrent();
  }
  function showSelection() {
    const matching = $("#select-matching").checked;
    $("#selected-count").textContent = matching ? t("matching") : state.selected.size ? t("selected", {n: state.selected.size}) : "";
  }

  // Decisions.
  const VERB_OF = {held: "restore", approved: "approve", rejected: "reject"};
  const TARGET = {approve: "approved", reject: "rejected", restore: "held"};
  // The item leaves the list at once (so keys can run ahead of the network); a refusal
  // brings the queue back as the server has it.
  async function decide(action, index = state.current) {
    const item = state.items[index];
    if (!item) return;
    const body = action === "reject" ? {action, reason: "spam"} : {action};
    const everything = state.queue === "all";  // the comment stays listed, with its new status
    if (everything) move(1); else removeItem(index);
    try {
      const {data} = await api(sitePath(`/review/${item.id}`), {method: "POST", body, headers: {"If-Match": `"${item.version}"`}});
      state.undo.push({id: item.id, verb: VERB_OF[item.status] || "restore", version: data.version});
      if (everything) { Object.assign(item, {status: data.status, version: data.version}); render(); }
      toast(t(data.status), {label: t("undo"), run: undo});
    } catch (error) {
      if (error.status === 409) {
        const current = error.body.current || {};
        toast(t("conflict", {who: error.body.decided_by || "?", status: current.status || "?"}));
      } else fail(error);
      await load({keep: index});
    }
  }
  function removeItem(index) {
    state.items.splice(index, 1);
    const counts = {};
    for (const el of document.querySelectorAll("[data-count]")) counts[el.dataset.count] = Number(el.textContent);
    counts[state.queue] = Math.max(0, (counts[state.queue] || 0) - 1);
    showCounts(counts);
    state.current = Math.min(index, state.items.length - 1);
    render();
    if (!state.items.length && state.cursor) load();
  }
  async function undo() {
    const last = state.undo.pop();
    if (!last) { toast(t("nothing_to_undo")); return; }
    try {
      if (last.ids) {
        const versions = Object.fromEntries(last.ids.map((id, i) => [id, last.versions[i]]));
        await api(sitePath("/review/bulk"), {method: "POST", body: {action: last.verb, ids: last.ids, versions}});
      } else {
        await api(sitePath(`/review/${last.id}`), {method: "POST", body: {action: last.verb}, headers: {"If-Match": `"${last.version}"`}});
      }
      toast(t("undone"));
    } catch (error) { fail(error); }
    await load({keep: state.current});
  }

  // Bulk: a dry run first, a confirmation, then one call with the previewed versions.
  function confirmBox(text) {
    return new Promise((resolve) => {
      const box = $("#confirm");
      $("#confirm-text").textContent = text;
      box.hidden = false;
      $("#confirm-yes").focus();
      const done = (answer) => { box.hidden = true; $("#confirm-yes").onclick = null; $("#confirm-no").onclick = null; resolve(answer); };
      $("#confirm-yes").onclick = () => done(true);
      $("#confirm-no").onclick = () => done(false);
    });
  }
  async function bulk(action) {
    const matching = $("#select-matching").checked;
    if (!matching && !state.selected.size) return;
    const which = matching ? {filter: bulkFilter()} : {ids: [...state.selected]};
    const body = action === "reject" ? {action, reason: "spam"} : {action};
    try {
      const preview = (await api(sitePath("/review/bulk"), {method: "POST", body: {...body, ...which, dry_run: true}})).data;
      const would = preview.results.filter((r) => r.outcome === "would_change");
      if (!would.length) { toast(t("bulk_none")); return; }
      const verb = t(`v_${action}`);
      if (!(await confirmBox(t("bulk_count", {n: would.length, verb})))) return;
      const versions = Object.fromEntries(would.map((r) => [r.id, r.version]));
      const done = (await api(sitePath("/review/bulk"), {method: "POST", body: {...body, ids: would.map((r) => r.id), versions}})).data;
      const changed = done.results.filter((r) => r.outcome === "ok");
      if (changed.length) {
        state.undo.push({ids: changed.map((r) => r.id), versions: changed.map((r) => r.version), verb: VERB_OF[state.queue === "reported" ? "approved" : state.queue] || "restore"});
      }
      toast(t("bulk_done", {n: done.changed, verb, skipped: done.skipped}), {label: t("undo"), run: undo});
      $("#select-matching").checked = false;
      await load();
    } catch (error) { fail(error); }
  }

  // The author drawer.
  let drawerAuthor = null;
  async function openDrawer(item, preset) {
    drawerAuthor = item.author;
    const drawer = $("#drawer");
    drawer.hidden = false;
    $("#drawer-title").textContent = item.author.name;
    const form = $("#standing-form");
    form.reset();
    if (preset === "ban") { form.standing.value = "banned"; form.duration.value = "7"; form.reject_comments.checked = true; }
    await fillDrawer();
    (preset === "ban" ? $("#standing-apply") : $("#drawer-close")).focus();
  }
  async function fillDrawer() {
    const key = drawerAuthor.key;
    try {
      const author = (await api(sitePath(`/authors/${encodeURIComponent(key)}`))).data;
      $("#drawer-standing").textContent = `${author.standing}${author.until ? " → " + when(author.until) : ""} · ${author.approved} ${t("approved_n")} / ${author.rejected} ${t("rejected_n")}${author.note ? " · " + author.note : ""}`;
      $("#drawer-history").replaceChildren(...author.history.map((h) => el("li", null, `${when(h.at)} ${h.actor}: ${h.to || h.action} ${h.reason} ${h.note}`)));
      const recent = [];
      for (const queue of ["held", "approved", "rejected"]) {
        const page = (await api(sitePath(`/review?queue=${queue}&author=${encodeURIComponent(key)}&sort=newest&limit=5`))).data;
        recent.push(...page.items);
      }
      recent.sort((a, b) => (a.received_at < b.received_at ? 1 : -1));
      $("#drawer-comments").replaceChildren(...recent.slice(0, 10).map((c) => el("li", null, `[${t(`q_${c.status}`)}] ${when(c.created_at)}: ${c.body}`)));
    } catch (error) { fail(error); }
  }
  async function applyStanding(event) {
    event.preventDefault();
    const form = event.target;
    const body = {standing: form.standing.value, note: form.note.value, reject_comments: form.reject_comments.checked};
    if (form.duration.value && body.standing !== "normal") {
      body.until = new Date(Date.now() + Number(form.duration.value) * 86400000 - 60000).toISOString();
    }
    try {
      const answer = (await api(sitePath(`/authors/${encodeURIComponent(drawerAuthor.key)}`), {method: "POST", body})).data;
      const rejected = answer.results.filter((r) => r.outcome === "ok").length;
      toast(t("standing_done", {standing: answer.standing, n: rejected}));
      await fillDrawer();
      await load({keep: state.current});
    } catch (error) { fail(error); }
  }
  function closeDrawer() { $("#drawer").hidden = true; drawerAuthor = null; focusCurrent(); }

  // Audit and policy.
  async function loadAudit(more = false) {
    showView("audit");
    const params = new URLSearchParams({limit: "100"});
    for (const [name, value] of new FormData($("#audit-filters")).entries()) if (value) params.set(name, value);
    if (more && state.auditCursor) params.set("cursor", state.auditCursor);
    try {
      const page = (await api(sitePath(`/audit?${params}`))).data;
      const rows = page.entries.map((e) => {
        const tr = document.createElement("tr");
        const detail = [e.from ? `${e.from} → ${e.to}` : e.to, e.reason, (e.rules || []).join(" "), e.note].filter(Boolean).join(" · ");
        for (const text of [when(e.at), e.actor, e.action, e.comment || e.author || "", detail]) tr.append(el("td", null, text));
        return tr;
      });
      if (more) $("#audit-rows").append(...rows); else $("#audit-rows").replaceChildren(...rows);
      state.auditCursor = page.next_cursor;
      $("#audit-more").hidden = !page.next_cursor;
    } catch (error) { fail(error); }
  }
  // The policy as a form built from its JSON: a choice where the API allows only some
  // values, numbers, one word a line for lists, a group for nested fields. The server checks
  // everything (the same 422 as the CLI); its errors are shown beside their fields.
  const CHOICES = {premoderation: ["none", "flagged", "all"], mild: ["approve", "mask", "hold", "reject"], strong: ["approve", "mask", "hold", "reject"], severe: ["approve", "mask", "hold", "reject"]};
  function policyField(name, value, path) {
    const id = `policy-${path.join("-")}`;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const set = el("fieldset");
      set.append(el("legend", null, t(`p_${name}`)));
      for (const [k, v] of Object.entries(value)) set.append(policyField(k, v, [...path, k]));
      return set;
    }
    const label = el("label");
    label.htmlFor = id;
    label.append(el("span", null, Array.isArray(value) ? `${t(`p_${name}`)} (${t("one_per_line")})` : t(`p_${name}`)));
    let input;
    if (CHOICES[name]) {
      input = el("select");
      for (const choice of CHOICES[name]) { const o = el("option", null, choice); o.value = choice; input.append(o); }
      input.value = value;
    } else if (Array.isArray(value)) {
      input = el("textarea"); input.rows = 3; input.value = value.join("\n");
    } else {
      input = el("input"); input.type = "number"; input.step = "any"; input.value = String(value);
    }
    input.id = id;
    input.dataset.path = path.join(".");
    input.dataset.kind = Array.isArray(value) ? "list" : typeof value;
    label.append(input);
    return label;
  }
  function policyFromForm() {
    const policy = {};
    for (const input of $("#policy-form").querySelectorAll("[data-path]")) {
      const path = input.dataset.path.split(".");
      let at = policy;
      for (const key of path.slice(0, -1)) at = at[key] = at[key] || {};
      const raw = input.value;
      at[path[path.length - 1]] = input.dataset.kind === "list" ? raw.split("\n").map((w) => w.trim()).filter(Boolean)
        : input.dataset.kind === "number" ? Number(raw) : raw;
    }
    return policy;
  }
  function showPolicy(policy) {
    $("#policy-form").replaceChildren(...Object.entries(policy).map(([k, v]) => policyField(k, v, [k])));
    $("#policy-json").value = JSON.stringify(policy, null, 2);
  }
  function showPolicyErrors(errors) {
    for (const input of $("#policy-form").querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
    $("#policy-errors").replaceChildren(...errors.map((e) => el("li", null, `${e.field}: ${e.message}`)));
    for (const e of errors) {
      const input = $("#policy-form").querySelector(`[data-path="${CSS.escape(e.field.replace(/\[\d+\]$/, ""))}"]`);
      if (input) input.setAttribute("aria-invalid", "true");
    }
  }
  // The JSON box, when opened and edited, wins over the form.
  function policyChanges() {
    if ($("#policy-view details").open) return JSON.parse($("#policy-json").value);
    return policyFromForm();
  }
  async function loadPolicy() {
    showView("policy");
    showPolicyErrors([]);
    try { showPolicy((await api(sitePath("/policy"))).data); } catch (error) { fail(error); }
    $("#policy-save").disabled = state.me.role !== "admin";
  }
  async function savePolicy() {
    let changes;
    try { changes = policyChanges(); } catch (error) { showPolicyErrors([{field: "JSON", message: error.message}]); return; }
    try {
      showPolicy((await api(sitePath("/policy"), {method: "PATCH", body: changes})).data);
      showPolicyErrors([]);
      toast(t("saved"));
    } catch (error) {
      showPolicyErrors(error.body.errors || [{field: "", message: error.message}]);
    }
  }

  // The preview runs the real pipeline on the pasted text, with the policy as edited above.
  async function runPreview() {
    const text = $("#preview-body").value;
    if (!text.trim()) return;
    let changes;
    try { changes = policyChanges(); } catch { changes = undefined; }
    try {
      const answer = (await api(sitePath("/policy/preview"), {method: "POST", body: {body: text, policy: changes}})).data;
      $("#preview-status").textContent = t("would_be", {status: answer.status});
      window.ConsoleMarks.render($("#preview-text"), text, answer.reasons);
      $("#preview-findings").replaceChildren(...answer.reasons.map((f) => findingView(f, false)));
      showPolicyErrors([]);
    } catch (error) {
      showPolicyErrors(error.body.errors || [{field: "", message: error.message}]);
    }
  }

  // Keyboard (Coral's keys).
  const KEYS = [["j", "k_next"], ["k", "k_prev"], ["f", "k_approve"], ["d", "k_reject"], ["b", "k_ban"], ["x", "k_select"], ["z", "k_single"], ["1–5", "k_queues"], ["t", "k_cycle"], ["/ ctrl+f", "k_search"], ["u", "k_undo"], ["?", "k_help"]];
  function sheet(show) {
    const box = $("#sheet");
    box.hidden = !show;
    if (show) {
      $("#sheet-keys").replaceChildren(...KEYS.flatMap(([key, what]) => [el("dt", null, key), el("dd", null, t(what))]));
      $("#sheet-close").focus();
    } else focusCurrent();
  }
  function typing(target) {
    if (!(target instanceof HTMLElement)) return false;
    if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button"].includes(target.type);
    return target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName);
  }
  function onKey(event) {
    if (!state.token || $("#app").hidden) return;
    if (event.key === "Escape") {
      if (!$("#sheet").hidden) sheet(false); else if (!$("#drawer").hidden) closeDrawer(); else if (typing(event.target)) { event.target.blur(); focusCurrent(); }
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key === "f") { event.preventDefault(); $("#q").focus(); return; }
    if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!$("#confirm").hidden || !$("#drawer").hidden) return;
    const queueView = !$("#queue-view").hidden;
    const handlers = {
      j: () => move(1), k: () => move(-1),
      f: () => decide("approve"), d: () => decide("reject"),
      b: () => state.items[state.current] && openDrawer(state.items[state.current], "ban"),
      x: () => toggle(state.current),
      z: () => { state.single = !state.single; $("#items").classList.toggle("single", state.single); focusCurrent(); },
      t: () => switchQueue(QUEUES[(QUEUES.indexOf(state.queue) + 1) % QUEUES.length]),
      "/": () => $("#q").focus(), "?": () => sheet(true), u: () => undo(),
    };
    if (/^[1-5]$/.test(event.key)) { event.preventDefault(); switchQueue(QUEUES[Number(event.key) - 1]); return; }
    const handler = handlers[event.key];
    if (!handler) return;
    if (!queueView && !["?", "t"].includes(event.key)) return;
    event.preventDefault();
    handler();
  }
  function toggle(index, range = false) {
    const item = state.items[index];
    if (!item) return;
    if (range && state.anchor !== null) {
      const [from, to] = [Math.min(state.anchor, index), Math.max(state.anchor, index)];
      const on = !state.selected.has(item.id);
      for (let i = from; i <= to; i++) on ? state.selected.add(state.items[i].id) : state.selected.delete(state.items[i].id);
    } else if (state.selected.has(item.id)) state.selected.delete(item.id);
    else state.selected.add(item.id);
    state.anchor = index;
    for (const li of $("#items").children) li.querySelector(".pick").checked = state.selected.has(li.dataset.id);
    showSelection();
  }

  // Wiring.
  function wire() {
    $("#signin").addEventListener("submit", (event) => { event.preventDefault(); signIn($("#token").value.trim()); });
    $("#signout").addEventListener("click", signOut);
    $("#lang").addEventListener("change", () => { state.lang = $("#lang").value; localStorage.setItem(LANG, state.lang); translate(); if (state.items.length) render(); });
    $("#site").addEventListener("change", () => { state.site = $("#site").value; sessionStorage.setItem(SITE, state.site); state.etag = null; switchQueue("held"); });
    for (const tab of document.querySelectorAll(".tab[data-queue]")) tab.addEventListener("click", () => switchQueue(tab.dataset.queue));
    $(".tab[data-view=audit]").addEventListener("click", () => loadAudit());
    $(".tab[data-view=policy]").addEventListener("click", loadPolicy);
    $("#help").addEventListener("click", () => sheet(true));
    $("#sheet-close").addEventListener("click", () => sheet(false));
    $("#filters").addEventListener("submit", (event) => { event.preventDefault(); load(); focusCurrent(); });
    $("#audit-filters").addEventListener("submit", (event) => { event.preventDefault(); loadAudit(); });
    $("#audit-more").addEventListener("click", () => loadAudit(true));
    $("#more").addEventListener("click", () => load({more: true}));
    $("#policy-save").addEventListener("click", savePolicy);
    $("#preview-run").addEventListener("click", runPreview);
    $("#select-matching").addEventListener("change", showSelection);
    $("#bulk-reject").addEventListener("click", () => bulk("reject"));
    $("#bulk-approve").addEventListener("click", () => bulk("approve"));
    $("#standing-form").addEventListener("submit", applyStanding);
    $("#drawer-close").addEventListener("click", closeDrawer);
    $("#drawer-filter").addEventListener("click", () => {
      $("#filters").author.value = drawerAuthor.key;
      closeDrawer();
      switchQueue("all");
    });
    $("#items").addEventListener("click", (event) => {
      const li = event.target.closest(".item");
      if (!li) return;
      const index = Number(li.dataset.index);
      state.current = index;
      if (event.target.classList.contains("pick")) { event.preventDefault(); toggle(index, event.shiftKey); setTimeout(() => { li.querySelector(".pick").checked = state.selected.has(li.dataset.id); }); return; }
      const action = event.target.dataset.action;
      if (action === "approve" || action === "reject") decide(action, index);
      else if (action === "author") openDrawer(state.items[index]);
      else if (action === "ban") openDrawer(state.items[index], "ban");
      focusCurrent();
    });
    document.addEventListener("keydown", onKey);
    setInterval(poll, POLL_MS);
  }

  document.addEventListener("DOMContentLoaded", () => {
    translate();
    wire();
    if (state.token) signIn(state.token); else $("#token").focus();
  });
})();
