// Findings' spans are code-point offsets (as Python counts); JavaScript strings count UTF-16
// units, so an emoji or a styled letter before a match would shift it. This converts.
"use strict";
window.ConsoleMarks = (function () {
  // UTF-16 offset of every code-point offset 0..n of text.
  function utf16Offsets(text) {
    const offsets = [0];
    let at = 0;
    for (const ch of text) { at += ch.length; offsets.push(at); }
    return offsets;
  }

  // Non-overlapping spans sorted by start, in UTF-16 units, each with what found it.
  function spans(text, findings) {
    const offsets = utf16Offsets(text);
    const last = offsets.length - 1;
    const all = [];
    for (const f of findings) {
      for (const s of f.spans || []) {
        if (s.start < 0 || s.end > last || s.start >= s.end) continue;
        all.push({start: offsets[s.start], end: offsets[s.end], finding: f});
      }
    }
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept = [];
    for (const s of all) {
      const prev = kept[kept.length - 1];
      if (prev && s.start < prev.end) { prev.findings.push(s.finding); continue; }
      kept.push({start: s.start, end: s.end, findings: [s.finding]});
    }
    return kept;
  }

  function sure(f) {
    return typeof f.probability === "number" ? `; ${f.band} ${Math.round(f.probability * 100)}%` : "";
  }

  // Fills el with text, each span inside a <mark>; every piece goes in as a text node.
  function render(el, text, findings) {
    el.replaceChildren();
    let at = 0;
    for (const s of spans(text, findings)) {
      if (s.start > at) el.append(document.createTextNode(text.slice(at, s.start)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(s.start, s.end);
      const why = s.findings.map((f) => `${f.filter}:${f.rule} (${Number(f.score).toFixed(2)}${sure(f)})`);
      mark.title = why.join(", ");
      mark.setAttribute("aria-label", `${mark.textContent}: ${why.join(", ")}`);
      mark.tabIndex = 0;
      el.append(mark);
      at = s.end;
    }
    if (at < text.length) el.append(document.createTextNode(text.slice(at)));
  }

  return {utf16Offsets, spans, render};
})();
