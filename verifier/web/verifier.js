// Satchel verifier page. The checks and the reading of QR codes run in
// satchel.wasm (Go, package verifier/core); this file takes the URL
// fragment and pasted text, collects the parts of a set and shows the
// report; scan.js reads pictures and the camera. Untrusted text is only
// ever set with textContent. The page's texts are in messages.js; the
// checks' sentences come translated from Go.
"use strict";

// LANGUAGES are the page's languages, each named in itself.
const LANGUAGES = Object.keys(MESSAGES);

let LANG = pickLanguage();
let lastProgress = null; // the set being scanned, as satchelAddPart said
let shown = false; // a report is on screen

function pickLanguage() {
  const want = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"];
  for (const l of want) {
    const base = String(l).toLowerCase().split("-")[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return "en";
}

// languages are the reader's languages, the chosen one first, for the
// values of credentials and the sentences of checks.
function languages() {
  return [LANG, ...(navigator.languages || [])];
}

function t(key, vars) {
  const s = (MESSAGES[LANG] && MESSAGES[LANG][key]) || MESSAGES.en[key] || key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? String(vars[k]) : m));
}

const $ = (id) => document.getElementById(id);

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function say(text, state) {
  $("status").textContent = text;
  if (state) document.body.dataset.state = state;
}

function formatDate(iso, withTime) {
  if (!iso) return "";
  const d = new Date(iso.length === 10 ? iso + "T00:00:00Z" : iso);
  if (isNaN(d)) return iso;
  const o = withTime ? { dateStyle: "long", timeStyle: "short" } : { dateStyle: "long", timeZone: "UTC" };
  try { return new Intl.DateTimeFormat(languages(), o).format(d); } catch (e) { return iso; }
}

function fact(dl, label, value, cls) {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
  dl.append(el("dt", "", label));
  const dd = el("dd", cls || "");
  if (Array.isArray(value)) {
    const ul = el("ul");
    value.forEach((v) => ul.append(el("li", "", v)));
    dd.append(ul);
  } else {
    dd.textContent = String(value);
  }
  dl.append(dd);
}

// detail is a technical detail, which stays in English.
function detail(text) {
  const d = el("small", "detail", text);
  d.lang = "en";
  return d;
}

// STATUS_MARKS say a check's outcome in a symbol too, beside its word and
// colour.
const STATUS_MARKS = { ok: "✓", failed: "✗", warning: "!", skipped: "–" };

// checkList lists checks: the check's name and outcome on a line, then its
// sentence and technical detail.
function checkList(ul, checks) {
  ul.replaceChildren();
  for (const c of checks || []) {
    const li = el("li", "check check-" + c.status);
    li.dataset.check = c.name;
    li.dataset.status = c.status;
    const head = el("span", "check-head");
    head.append(el("span", "check-name", t("check." + c.name)),
      el("span", "status status-" + c.status, (STATUS_MARKS[c.status] || "") + " " + t("status." + c.status)));
    li.append(head, el("span", "check-text", c.message));
    if (c.detail) li.append(detail(c.detail));
    ul.append(li);
  }
}

function verdictClass(v) {
  return v === "verified" ? "verified" : v === "not verified" ? "not-verified" : "rejected";
}

function verdictIcon(v) {
  return v === "verified" ? "✓" : v === "not verified" ? "✗" : "?";
}

// show shows a report; focus moves to the verdict unless keepFocus (a
// language switch re-rendering it leaves focus on the switch).
function show(report, keepFocus) {
  const r = JSON.parse(report);
  const v = r.verdict;
  shown = true;
  $("result").hidden = false;
  $("result").dataset.verdict = v;
  $("verdict").className = "verdict " + verdictClass(v);
  $("verdict-icon").textContent = verdictIcon(v);
  $("verdict-title").textContent = t("verdict." + v);
  const text = $("verdict-text");
  const single = v === "verified" && (r.credentials || []).length === 1 ? ".one" : "";
  text.textContent = r.error ? t(r.errorCode || "payload.error") : t("verdictText." + v + single, { holder: r.holderName || t("someone") });
  if (r.error) text.append(detail(r.error));

  // Every failed check, of the presentation and of each credential, in words.
  const reasons = [];
  for (const c of r.checks || []) if (c.status === "failed" && c.name !== "credentials") reasons.push([c.name, c.message]);
  for (const cr of r.credentials || [])
    for (const c of cr.checks || []) if (c.status === "failed") reasons.push([c.name, (cr.title || "—") + ": " + c.message]);
  $("reason-list").replaceChildren(...reasons.map(([name, s]) => {
    const li = el("li", "", s);
    li.dataset.check = name;
    return li;
  }));
  $("reasons").hidden = reasons.length === 0;

  const dl = $("presentation");
  dl.replaceChildren();
  // Without the holder's signature nothing shows who presented: the name
  // is only what the presentation claims.
  const unsigned = (r.checks || []).some((c) => c.name === "proof" && c.status === "failed");
  fact(dl, t(unsigned ? "holderUnproven" : "holder"), r.holderName);
  fact(dl, t("holderKey"), r.holder, "did");
  fact(dl, t("expires"), formatDate(r.expires, true));
  fact(dl, t("audience"), r.audience);

  const list = $("credentials");
  list.replaceChildren();
  for (const cr of r.credentials || []) {
    const art = el("article", "credential");
    art.append(el("h3", "", cr.title || "—"));
    art.append(el("span", "badge " + verdictClass(cr.verdict), verdictIcon(cr.verdict) + " " + t("verdict." + cr.verdict)));
    const facts = el("dl", "facts");
    fact(facts, t("awardingBody"), cr.awardingBody);
    if (cr.issuer && cr.issuer !== cr.awardingBody) fact(facts, t("issuer"), cr.issuer);
    fact(facts, t("learner"), cr.learner);
    fact(facts, t("issued"), formatDate(cr.issued));
    fact(facts, t("validUntil"), formatDate(cr.validUntil));
    fact(facts, t("ects"), cr.ects != null ? cr.ects.toLocaleString(LANG) : "");
    fact(facts, t("hours"), cr.hours != null ? t("hoursValue", { n: cr.hours.toLocaleString(LANG) }) : "");
    fact(facts, t("eqf"), cr.eqf || "");
    fact(facts, t("outcomes"), cr.outcomes);
    art.append(facts);
    const det = el("details", "checks");
    det.open = cr.verdict !== "verified";
    det.append(el("summary", "", t("credentialChecks")));
    const ul = el("ul");
    checkList(ul, cr.checks);
    det.append(ul);
    art.append(det);
    list.append(art);
  }
  checkList($("check-list"), r.checks);
  $("presentation-checks").open = v !== "verified";
  say(t("done"), "done");
  $("verdict-title").setAttribute("tabindex", "-1");
  if (!keepFocus) $("verdict-title").focus();
}

// showProgress shows how far a multi-part set has come: in the status
// line, and as a list of the parts, each read or missing in words.
function showProgress(p) {
  const many = p.total > 1;
  $("progress").hidden = !many;
  if (many) {
    const missing = new Set(p.missing);
    $("parts").replaceChildren(...Array.from({ length: p.total }, (_, i) => {
      const n = i + 1;
      const li = el("li", missing.has(n) ? "part missing" : "part read");
      li.append(el("span", "part-mark", missing.has(n) ? "…" : "✓"), el("span", "", t(missing.has(n) ? "partMissing" : "partRead", { n })));
      li.dataset.part = n;
      li.dataset.read = !missing.has(n);
      li.firstChild.setAttribute("aria-hidden", "true");
      return li;
    }));
  }
  if (p.complete || !many) return;
  const s = t("partsProgress", { part: p.part || "?", have: p.have, total: p.total, missing: p.missing.join(", ") });
  say((p.restarted ? t("restarted") + " " : "") + s, "parts");
  document.body.dataset.have = p.have;
  document.body.dataset.total = p.total;
}

// take adds one text to the set being collected and returns the progress.
function take(text) {
  const p = JSON.parse(satchelAddPart(text));
  if (p.error) {
    say(t(p.errorCode || "payload.error"));
    return p;
  }
  if (!p.complete && shown) { // a new set after a result: clear the old one
    $("result").hidden = true;
    shown = false;
  }
  lastProgress = p;
  showProgress(p);
  return p;
}

// feed takes texts in turn and verifies once the set is complete.
async function feed(texts) {
  let p = null;
  for (const text of texts) {
    p = take(text);
    if (p.complete) break;
  }
  if (p && p.complete) {
    stopCamera();
    await verifyCollected();
  }
  return p;
}

async function verifyCollected(keepFocus) {
  say(t("verifying"), "verifying");
  $("verify").disabled = true;
  // Let the browser show the status before the checks take the thread.
  await new Promise((r) => setTimeout(r, 20));
  try {
    const t0 = performance.now();
    const report = await satchelVerifyCollected($("challenge").value.trim(), $("domain").value.trim(), languages());
    // Timings for the tests: the checks alone, and page load to verdict.
    document.body.dataset.verifyMs = Math.round(performance.now() - t0);
    show(report, keepFocus);
    document.body.dataset.verdictMs = Math.round(performance.now());
  } finally {
    $("verify").disabled = false;
  }
}

// lines returns the lines of text when every one is a Satchel QR payload, maybe
// after a link (parts pasted together), otherwise the text as one piece.
function lines(text) {
  const ls = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  return ls.length > 1 && ls.every((l) => /(^|#)SAT\d/.test(l)) ? ls : [text];
}

// setLanguage shows the page in lang, and a result on screen again with
// the checks' sentences and the credentials' texts in that language.
async function setLanguage(lang) {
  LANG = lang;
  document.documentElement.lang = lang;
  $("lang").value = lang;
  document.title = t("title");
  document.querySelectorAll("[data-i18n]").forEach((e) => { e.textContent = t(e.dataset.i18n); });
  if (lastProgress && !lastProgress.complete) showProgress(lastProgress);
  if (shown && lastProgress && lastProgress.complete) await verifyCollected(true);
}

function fragment() {
  const h = location.hash.slice(1);
  if (!h) return "";
  try { return decodeURIComponent(h); } catch (e) { return h; }
}

function reset() {
  stopCamera();
  if (window.satchelReset) satchelReset();
  lastProgress = null;
  shown = false;
  $("payload").value = "";
  $("result").hidden = true;
  $("progress").hidden = true;
  say(t("ready"), "ready");
}

async function start() {
  $("lang").addEventListener("change", (ev) => setLanguage(ev.target.value));
  await setLanguage(LANG);
  $("form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = $("payload").value;
    if (text.trim()) feed(lines(text));
  });
  $("reset").addEventListener("click", reset);
  $("camera").addEventListener("click", () => (camera ? stopCamera() : startCamera()));
  $("files").addEventListener("change", (ev) => readFiles(ev.target.files));
  setupDrop();
  // The camera stops when the reader leaves: another tab, another app.
  window.addEventListener("pagehide", stopCamera);
  document.addEventListener("visibilitychange", () => { if (document.hidden) stopCamera(); });
  try {
    const go = new Go();
    const ready = new Promise((resolve) => { window.satchelReady = resolve; });
    let inst;
    try {
      inst = await WebAssembly.instantiateStreaming(fetch("satchel.wasm"), go.importObject);
    } catch (e) {
      // A server that does not send application/wasm: compile from bytes.
      const bytes = await (await fetch("satchel.wasm")).arrayBuffer();
      inst = await WebAssembly.instantiate(bytes, go.importObject);
    }
    document.body.dataset.compiledMs = Math.round(performance.now());
    go.run(inst.instance);
    await ready;
    document.body.dataset.readyMs = Math.round(performance.now());
  } catch (e) {
    say(t("loadFailed", { error: e.message || String(e) }), "failed");
    return;
  }
  for (const id of ["verify", "camera", "files"]) $(id).disabled = false;
  say(t("ready"), "ready");
  const f = fragment();
  if (f) feed(lines(f));
  window.addEventListener("hashchange", () => { const h = fragment(); if (h) feed(lines(h)); });
}

start();
