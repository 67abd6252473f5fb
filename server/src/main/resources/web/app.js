// cxrsearch web page: plain JavaScript over the server's Elasticsearch-compatible API
// (_cat/indices, _search with highlight, _cxr/similar). No framework, no build step, no
// network access beyond this server.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const PAGE_SIZE = 20;
  const DEPTH = 100; // the most results a search lists, page after page
  const TEXT_FIELDS = ["findings", "impression", "text"];
  // Highlight markers no report contains: the fragments are escaped first, then the markers become
  // <mark>, so report text can never inject markup.
  const PRE = "\u0001", POST = "\u0002";

  const state = {
    index: null,
    hits: [],        // [{id, source, highlight, score}]
    selected: -1,
    open: null,      // id shown in the report panel
    seq: 0,          // number of the latest request: answers to older ones are dropped
    back: null,      // the search results a similar-cases list replaced: {hits, status, selected, more}
    query: null,     // the last search: {q, filter, m}, for its next pages
  };

  // ---- API ------------------------------------------------------------------------------------

  async function api(method, path, body) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!response.ok) {
      const reason = json && json.error ? (json.error.reason || json.error.type || JSON.stringify(json.error)) : text;
      throw new Error(`${method} ${path}: ${response.status} ${reason}`);
    }
    return json;
  }

  const enc = encodeURIComponent;

  // ---- Query building -------------------------------------------------------------------------

  function mode() {
    return document.querySelector('input[name="mode"]:checked').value;
  }

  function filters() {
    const out = [];
    const from = $("date-from").value, to = $("date-to").value;
    if (from || to) {
      const range = {};
      if (from) range.gte = from;
      if (to) range.lte = to;
      out.push({ range: { study_date: range } });
    }
    const patient = $("patient").value.trim();
    if (patient) out.push({ term: { patient_id: patient } });
    const field = $("meta-field").value, value = $("meta-value").value.trim();
    if (field && value) out.push({ term: { [field]: value } });
    return out;
  }

  function highlight() {
    const fields = {};
    // number_of_fragments 0: the whole field, marked, so the report view can show it in full.
    for (const f of TEXT_FIELDS) fields[f] = { number_of_fragments: 0 };
    return { pre_tags: [PRE], post_tags: [POST], fields };
  }

  /** The _search body for a query text, a mode, the filters and a page start (Elasticsearch's DSL). */
  function searchBody(q, m, filter, from) {
    const body = { from, size: PAGE_SIZE, highlight: highlight() };
    const match = { match: { text: q } };
    // One depth for every page: a knn k or a fusion window that grew with the page would rank the
    // first pages differently, and "more" would repeat or skip reports.
    const knn = {
      field: "vector",
      query_vector_builder: { text_embedding: { model_text: q } },
      k: DEPTH,
      num_candidates: DEPTH,
    };
    if (filter.length) knn.filter = filter;
    if (!q) {
      body.query = { bool: { filter } };
    } else if (m === "bm25") {
      body.query = filter.length ? { bool: { must: [match], filter } } : match;
    } else if (m === "knn") {
      body.knn = knn;
      // A vector matches no words: nothing to highlight.
      delete body.highlight;
    } else {
      body.retriever = {
        rrf: {
          retrievers: [
            { standard: { query: filter.length ? { bool: { must: [match], filter } } : match } },
            { knn },
          ],
          rank_window_size: DEPTH,
        },
      };
    }
    return body;
  }

  // ---- Rendering ------------------------------------------------------------------------------

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  /** Escaped text with the highlight markers turned into <mark>. */
  function marked(s) {
    return escapeHtml(s).split(PRE).join("<mark>").split(POST).join("</mark>");
  }

  /** Closes a marker cut open at either end, so a slice of a marked text stays well formed. */
  function balanced(cut) {
    const firstPost = cut.indexOf(POST), firstPre = cut.indexOf(PRE);
    if (firstPost >= 0 && (firstPre < 0 || firstPost < firstPre)) cut = PRE + cut;
    if (cut.lastIndexOf(PRE) > cut.lastIndexOf(POST)) cut += POST;
    return cut;
  }

  /** About {@code length} characters of a marked field, around its first highlighted term. */
  function snippet(s, length) {
    const first = s.indexOf(PRE);
    let start = first < 0 ? 0 : Math.max(0, first - 60);
    if (start > 0) {
      const space = s.indexOf(" ", start);
      start = space >= 0 && space < first ? space + 1 : start;
    }
    let end = Math.min(s.length, start + length);
    if (end < s.length) {
      const space = s.lastIndexOf(" ", end);
      if (space > start) end = space;
    }
    return (start > 0 ? "…" : "") + marked(balanced(s.slice(start, end))) + (end < s.length ? "…" : "");
  }

  /**
   * The part of a marked text whose plain characters are {@code part}, markers kept; null when
   * {@code part} is not in it.
   */
  function markedPart(markedText, part) {
    const positions = [];
    let plain = "";
    for (let i = 0; i < markedText.length; i++) {
      const c = markedText[i];
      if (c !== PRE && c !== POST) { positions.push(i); plain += c; }
    }
    const at = plain.indexOf(part);
    if (at < 0 || !part) return null;
    const end = at + part.length;
    return balanced(markedText.slice(positions[at], end < positions.length ? positions[end] : markedText.length));
  }

  /**
   * A text field of a hit, with the matched words marked. A query on the report's {@code text}
   * marks only {@code text}; findings and impression are parts of it (the server joins them into
   * it), so their marks are cut from there.
   */
  function field(hit, name) {
    const h = hit.highlight || {};
    if (h[name] && h[name].length) return h[name].join(" … ");
    const v = hit.source[name];
    if (v === undefined || v === null) return name === "text" && h.text ? h.text.join(" … ") : "";
    const whole = h.text && h.text.length === 1 ? markedPart(h.text[0], String(v)) : null;
    return whole !== null ? whole : String(v);
  }

  function status(text, isError) {
    const el = $("status");
    el.textContent = text;
    el.classList.toggle("error", !!isError);
  }

  function renderResults(title) {
    const list = $("results");
    list.replaceChildren();
    state.hits.forEach((hit, i) => {
      const li = document.createElement("li");
      li.id = "hit-" + i;
      li.className = "hit";
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.tabIndex = -1;
      li.dataset.index = String(i);
      const impression = field(hit, "impression");
      const findings = field(hit, "findings");
      const body = impression || findings ? [impression && snippet(impression, 220), findings && snippet(findings, 260)]
        : [snippet(field(hit, "text"), 360)];
      const src = hit.source;
      li.innerHTML = `
        <div class="hit-head">
          <span class="hit-id">${escapeHtml(hit.id)}</span>
          ${src.study_date ? `<span class="hit-date">${escapeHtml(src.study_date)}</span>` : ""}
          ${src.patient_id ? `<span class="tag">Patient ${escapeHtml(src.patient_id)}</span>` : ""}
          ${src.study_id ? `<span class="tag">Study ${escapeHtml(src.study_id)}</span>` : ""}
          ${src.view ? `<span class="tag">${escapeHtml(src.view)}</span>` : ""}
          <span class="hit-score" title="score">${hit.score === null || hit.score === undefined ? "" : Number(hit.score).toFixed(3)}</span>
        </div>
        ${body.filter(Boolean).map((b, j) => `<p class="${j === 0 && impression ? "hit-impression" : "hit-text"}">${b}</p>`).join("")}
        <div class="hit-actions">
          <button type="button" class="link open" tabindex="-1">Open report</button>
          <button type="button" class="link similar" tabindex="-1">Similar cases</button>
        </div>`;
      li.querySelector(".open").addEventListener("click", (e) => { e.stopPropagation(); select(i); openReport(i); });
      li.querySelector(".similar").addEventListener("click", (e) => { e.stopPropagation(); select(i); similar(hit.id); });
      li.addEventListener("click", () => { select(i); openReport(i); });
      list.appendChild(li);
    });
    state.selected = -1;
    list.setAttribute("aria-label", title);
    if (state.hits.length) select(0, false);
  }

  function select(i, focus = true) {
    const items = $("results").children;
    if (!items.length) return;
    i = Math.max(0, Math.min(items.length - 1, i));
    if (state.selected >= 0 && items[state.selected]) {
      items[state.selected].setAttribute("aria-selected", "false");
      items[state.selected].tabIndex = -1;
    }
    state.selected = i;
    const item = items[i];
    item.setAttribute("aria-selected", "true");
    item.tabIndex = 0;
    $("results").setAttribute("aria-activedescendant", item.id);
    if (focus) {
      item.focus();
      item.scrollIntoView({ block: "nearest" });
    }
  }

  // ---- Actions --------------------------------------------------------------------------------

  function toHit(h) {
    return { id: h._id, source: h._source || {}, highlight: h.highlight || null, score: h._score };
  }

  /** Runs the query and filters of the page, or with {@code more} the next page of the last search. */
  async function search(more = false) {
    if (!state.index) { status("No index to search: create one through the API first.", true); return; }
    if (!more) {
      const q = $("q").value.trim();
      state.query = { q, filter: filters(), m: q ? mode() : "bm25" };
    }
    const { q, filter, m } = state.query;
    if (!q && !filter.length) {
      state.seq++;
      leaveSimilar();
      state.hits = [];
      renderResults("Results");
      showMore(0);
      status("Type a query, or set a filter, then press Enter.");
      return;
    }
    const seq = ++state.seq;
    // The query in the address, so a search can be bookmarked, shared or reloaded.
    history.replaceState(null, "", "#" + new URLSearchParams({ index: state.index, mode: mode(), q }).toString());
    const from = more ? state.hits.length : 0;
    status("Searching…");
    try {
      const started = performance.now();
      const res = await api("POST", `/${enc(state.index)}/_search`, searchBody(q, m, filter, from));
      if (seq !== state.seq) return;
      leaveSimilar();
      const page = res.hits.hits.map(toHit);
      state.hits = more ? state.hits.concat(page) : page;
      const total = res.hits.total && typeof res.hits.total === "object" ? res.hits.total.value : res.hits.total;
      renderResults("Results");
      if (more && page.length) select(from);
      showMore(page.length === PAGE_SIZE ? Math.min(total, DEPTH) : 0);
      const ms = Math.round(performance.now() - started);
      status(state.hits.length ? `${state.hits.length} of ${total} reports · ${m} · ${ms} ms`
        : `No reports match · ${m}`);
    } catch (e) {
      if (seq !== state.seq) return;
      if (!more) state.hits = [];
      renderResults("Results");
      showMore(0);
      status(e.message, true);
    }
  }

  /** The "more results" button, shown while {@code total} exceeds what is listed. */
  function showMore(total) {
    $("more").hidden = !(total > state.hits.length);
  }

  async function similar(id) {
    const seq = ++state.seq;
    const before = state.back
      || { hits: state.hits, status: $("status").textContent, selected: state.selected, more: !$("more").hidden };
    status(`Finding cases similar to ${id}…`);
    try {
      const res = await api("GET", `/${enc(state.index)}/_cxr/similar/${enc(id)}?k=${PAGE_SIZE}`);
      if (seq !== state.seq) return;
      state.back = before;
      $("back").hidden = false;
      $("more").hidden = true;
      state.hits = res.hits.hits.map(toHit);
      renderResults(`Cases similar to ${id}`);
      status(`${state.hits.length} cases similar to ${id}`);
      closeReport(false);
      if (state.hits.length) select(0);
    } catch (e) {
      if (seq === state.seq) status(e.message, true);
    }
  }

  function leaveSimilar() {
    state.back = null;
    $("back").hidden = true;
  }

  /** From a similar-cases list back to the search results it replaced. */
  function back() {
    if (!state.back) return;
    const saved = state.back;
    leaveSimilar();
    $("more").hidden = !saved.more;
    closeReport(false);
    state.hits = saved.hits;
    renderResults("Results");
    status(saved.status);
    if (state.hits.length) select(saved.selected);
  }

  async function openReport(i) {
    const hit = state.hits[i];
    if (!hit) return;
    state.open = hit.id;
    const panel = $("report");
    panel.hidden = false;
    document.body.classList.add("report-open");
    $("report-title").textContent = hit.id;
    renderReport(hit);
    $("report-title").tabIndex = -1;
    $("report-title").focus();
  }

  function renderReport(hit) {
    const src = hit.source;
    const meta = [["Study date", src.study_date], ["Patient", src.patient_id], ["Study", src.study_id]];
    for (const [k, v] of Object.entries(src)) {
      if (!["id", "text", "findings", "impression", "study_date", "patient_id", "study_id", "indication"].includes(k)
          && v !== null && typeof v !== "object") {
        meta.push([k.replace(/_/g, " "), v]);
      }
    }
    $("report-meta").innerHTML = meta.filter(([, v]) => v !== undefined && v !== null && v !== "")
      .map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join("");
    const sections = [];
    if (src.indication) sections.push(["Indication", escapeHtml(src.indication)]);
    const findings = field(hit, "findings"), impression = field(hit, "impression");
    if (findings) sections.push(["Findings", marked(findings)]);
    if (impression) sections.push(["Impression", marked(impression)]);
    if (!findings && !impression) sections.push(["Report", marked(field(hit, "text"))]);
    $("report-body").innerHTML = sections.map(([h, b]) => `<h3>${h}</h3><p>${b}</p>`).join("");
  }

  function closeReport(refocus = true) {
    const panel = $("report");
    if (panel.hidden) return;
    panel.hidden = true;
    state.open = null;
    document.body.classList.remove("report-open");
    if (refocus && state.selected >= 0) select(state.selected);
  }

  async function loadIndices() {
    try {
      const rows = await api("GET", "/_cat/indices?format=json");
      const select = $("index");
      select.replaceChildren();
      const names = rows.map((r) => r.index).filter((n) => n && !n.startsWith(".")).sort();
      for (const name of names) {
        const row = rows.find((r) => r.index === name);
        const opt = document.createElement("option");
        opt.value = name;
        opt.textContent = row["docs.count"] !== undefined ? `${name} (${row["docs.count"]})` : name;
        select.appendChild(opt);
      }
      state.index = names[0] || null;
      if (!names.length) status("No index yet: create one through the API (PUT /{index}, then _bulk).", true);
      else status("Type a query and press Enter. Press / to jump to the search box.");
    } catch (e) {
      status(e.message, true);
    }
  }

  /** Runs the search the address names ({@code #index=…&mode=…&q=…}), if any. */
  function restoreFromAddress() {
    const params = new URLSearchParams(location.hash.slice(1));
    const index = params.get("index"), m = params.get("mode"), q = params.get("q");
    if (index && [...$("index").options].some((o) => o.value === index)) {
      $("index").value = index;
      state.index = index;
    }
    const radio = m && document.querySelector(`input[name="mode"][value="${CSS.escape(m)}"]`);
    if (radio) radio.checked = true;
    $("q").focus();
    if (q) {
      $("q").value = q;
      search();
    }
  }

  // ---- Events ---------------------------------------------------------------------------------

  function typing(el) {
    return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
  }

  function onKey(e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const inResults = $("results").contains(document.activeElement);
    if (e.key === "/" && !typing(document.activeElement)) {
      e.preventDefault();
      $("q").focus();
      $("q").select();
    } else if (e.key === "Escape") {
      if (!$("report").hidden) { e.preventDefault(); closeReport(); }
      else if (state.back && !typing(document.activeElement)) { e.preventDefault(); back(); }
      else if (document.activeElement === $("q") && state.hits.length) { e.preventDefault(); select(state.selected); }
    } else if (e.key === "ArrowDown" && (inResults || document.activeElement === $("q"))) {
      e.preventDefault();
      select(inResults || document.activeElement !== $("q") ? state.selected + 1 : Math.max(state.selected, 0));
    } else if (e.key === "ArrowUp" && inResults) {
      e.preventDefault();
      if (state.selected === 0) $("q").focus(); else select(state.selected - 1);
    } else if (e.key === "Home" && inResults) {
      e.preventDefault(); select(0);
    } else if (e.key === "End" && inResults) {
      e.preventDefault(); select(state.hits.length - 1);
    } else if (e.key === "Enter" && inResults) {
      e.preventDefault(); openReport(state.selected);
    } else if ((e.key === "s" || e.key === "S") && !typing(document.activeElement) && state.selected >= 0) {
      e.preventDefault(); similar(state.open || state.hits[state.selected].id);
    }
  }

  function init() {
    $("search-form").addEventListener("submit", (e) => { e.preventDefault(); closeReport(false); search(); });
    $("index").addEventListener("change", () => { state.index = $("index").value; search(); });
    for (const radio of document.querySelectorAll('input[name="mode"]')) {
      radio.addEventListener("change", () => { if ($("q").value.trim()) search(); });
    }
    for (const id of ["date-from", "date-to", "meta-field"]) $(id).addEventListener("change", () => search());
    for (const id of ["patient", "meta-value"]) {
      $(id).addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); search(); } });
    }
    $("clear-filters").addEventListener("click", () => {
      for (const id of ["date-from", "date-to", "patient", "meta-value"]) $(id).value = "";
      $("meta-field").value = "";
      search();
    });
    $("close-report").addEventListener("click", () => closeReport());
    $("back").addEventListener("click", back);
    $("more").addEventListener("click", () => search(true));
    $("similar-button").addEventListener("click", () => { if (state.open) similar(state.open); });
    document.addEventListener("keydown", onKey);
    // An address typed or pasted while the page is open runs its search too (replaceState does not fire this).
    window.addEventListener("hashchange", restoreFromAddress);
    loadIndices().then(restoreFromAddress);
  }

  init();
})();
