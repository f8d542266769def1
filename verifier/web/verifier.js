// Satchel verifier page. The checks themselves run in satchel.wasm (Go,
// package verifier/core); this file only reads the input and shows the
// report. Untrusted text is only ever set with textContent.
"use strict";

// Strings, by language. English is complete; a language added here needs
// only the keys it translates (the rest fall back to English). codes
// overrides the English sentence of a check code; {Name} is filled from the
// check's args.
const MESSAGES = {
  en: {
    title: "Satchel verifier",
    intro: "Check the credentials a learner shares with you. Everything is checked in this browser: nothing you scan or paste is sent anywhere.",
    loading: "Loading the verifier…",
    ready: "Ready. Paste the text of a QR code, or open a link a learner gave you.",
    loadFailed: "The verifier could not start in this browser: {error}",
    verifying: "Checking signatures…",
    done: "Checked.",
    inputTitle: "Verify a presentation",
    payloadLabel: "Text of the QR code, a link to this page, or the presentation itself",
    expect: "What you asked for (optional)",
    challengeLabel: "Challenge (the code you gave the learner)",
    domainLabel: "Your domain (the audience you gave the learner)",
    verify: "Verify",
    reset: "Start over",
    why: "Why",
    presentationChecks: "All checks of the presentation",
    credentialChecks: "All checks of this credential",
    noscript: "This verifier needs JavaScript and WebAssembly to check signatures in your browser.",
    footer: "Satchel verifier: static files, no cookies, no analytics.",
    "verdict.verified": "Verified",
    "verdict.not verified": "Not verified",
    "verdict.rejected": "Could not be read",
    "verdictText.verified": "{holder} presented these credentials, and every signature and check holds.",
    "verdictText.not verified": "Do not rely on this presentation: a check failed, as explained below.",
    "verdictText.rejected": "This is not a presentation the verifier can read.",
    someone: "The holder",
    holder: "Presented by",
    holderKey: "Holder's key",
    expires: "Valid until",
    audience: "Addressed to",
    awardingBody: "Awarding body",
    issuer: "Signed by",
    issued: "Issued",
    ects: "ECTS credits",
    hours: "Workload",
    hoursValue: "{n} hours",
    eqf: "EQF level",
    outcomes: "Learning outcomes",
    learner: "Issued to",
    "status.ok": "OK",
    "status.failed": "Failed",
    "status.warning": "Note",
    "status.skipped": "Not checked",
    partsProgress: "{have} of {total} parts read. Still missing: {missing}. Paste or scan the other parts, in any order.",
    restarted: "That was a different QR code set; starting over with it.",
    "payload.empty": "There is nothing to verify yet.",
    "payload.missing-parts": "Some parts of this QR code set are missing.",
    "payload.mixed-sets": "These parts belong to different QR code sets.",
    "payload.conflict": "Two copies of the same part disagree: one was damaged or forged.",
    "payload.damaged": "The QR code text is damaged: scan or copy it again.",
    "payload.version": "This QR code was made by a newer Satchel; use a newer verifier.",
    "payload.too-large": "The payload is larger than the verifier accepts.",
    "payload.vpqr-context": "This VP1 code uses a vocabulary the verifier does not have offline.",
    "payload.unknown": "This is not a Satchel QR code or presentation.",
    "payload.error": "The payload could not be read.",
    codes: {
      // The wallet's sentence speaks to the learner; a recruiter has no trust list here.
      "issuer.unknown": "{Issuer} is not on a trust list this page knows. That does not mean the credential is false; check the issuer if it matters.",
    },
  },
  // de: { title: "Satchel-Prüfer", ... }, fr: {...}, es: {...}
};

const LANG = (navigator.languages || [navigator.language || "en"])
  .map((l) => String(l).toLowerCase().split("-")[0])
  .find((l) => l in MESSAGES) || "en";

function t(key, vars) {
  const s = (MESSAGES[LANG] && MESSAGES[LANG][key]) || MESSAGES.en[key] || key;
  return fill(s, vars);
}

function fill(s, vars) {
  return s.replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? String(vars[k]) : m));
}

// checkMessage says a check in the reader's language when a sentence for
// its code is known, otherwise in Go's English.
function checkMessage(c) {
  const own = (MESSAGES[LANG].codes || {})[c.code] || MESSAGES.en.codes[c.code];
  return own ? fill(own, c.args || {}) : c.message;
}

const $ = (id) => document.getElementById(id);

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function formatDate(iso, withTime) {
  if (!iso) return "";
  const d = new Date(iso.length === 10 ? iso + "T00:00:00Z" : iso);
  if (isNaN(d)) return iso;
  const o = withTime ? { dateStyle: "long", timeStyle: "short" } : { dateStyle: "long", timeZone: "UTC" };
  try { return new Intl.DateTimeFormat(navigator.languages || LANG, o).format(d); } catch (e) { return iso; }
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

function checkList(ul, checks) {
  ul.replaceChildren();
  for (const c of checks || []) {
    const li = el("li", "check check-" + c.status);
    li.dataset.check = c.name;
    li.dataset.status = c.status;
    li.append(el("span", "status status-" + c.status, t("status." + c.status) + ":"), document.createTextNode(checkMessage(c)));
    if (c.detail) li.append(el("small", "detail", c.detail));
    ul.append(li);
  }
}

function verdictClass(v) {
  return v === "verified" ? "verified" : v === "not verified" ? "not-verified" : "rejected";
}

function show(report) {
  const r = JSON.parse(report);
  const v = r.verdict;
  $("result").hidden = false;
  $("result").dataset.verdict = v;
  $("verdict").className = "verdict " + verdictClass(v);
  $("verdict-icon").textContent = v === "verified" ? "✓" : v === "not verified" ? "✗" : "?";
  $("verdict-title").textContent = t("verdict." + v);
  $("verdict-text").textContent = r.error
    ? t(r.errorCode || "payload.error")
    : t("verdictText." + v, { holder: r.holderName || t("someone") });

  // Every failed check, of the presentation and of each credential, in words.
  const reasons = [];
  for (const c of r.checks || []) if (c.status === "failed" && c.name !== "credentials") reasons.push(checkMessage(c));
  for (const cr of r.credentials || [])
    for (const c of cr.checks || []) if (c.status === "failed") reasons.push(cr.title + ": " + checkMessage(c));
  if (r.error) reasons.push(r.error);
  $("reason-list").replaceChildren(...reasons.map((s) => el("li", "", s)));
  $("reasons").hidden = reasons.length === 0;

  const dl = $("presentation");
  dl.replaceChildren();
  fact(dl, t("holder"), r.holderName);
  fact(dl, t("holderKey"), r.holder, "did");
  fact(dl, t("expires"), formatDate(r.expires, true));
  fact(dl, t("audience"), r.audience);

  const list = $("credentials");
  list.replaceChildren();
  for (const cr of r.credentials || []) {
    const art = el("article", "credential");
    art.append(el("h3", "", cr.title || "—"));
    art.append(el("span", "badge " + verdictClass(cr.verdict), (cr.verdict === "verified" ? "✓ " : "✗ ") + t("verdict." + cr.verdict)));
    const facts = el("dl", "facts");
    fact(facts, t("awardingBody"), cr.awardingBody);
    if (cr.issuer && cr.issuer !== cr.awardingBody) fact(facts, t("issuer"), cr.issuer);
    fact(facts, t("learner"), cr.learner);
    fact(facts, t("issued"), formatDate(cr.issued));
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
  $("status").textContent = t("done");
  document.body.dataset.state = "done";
  $("verdict-title").setAttribute("tabindex", "-1");
  $("verdict-title").focus();
}

// lines returns the lines of text when every one is a Satchel QR payload, maybe
// after a link (parts pasted together), otherwise the text as one piece.
function lines(text) {
  const ls = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  return ls.length > 1 && ls.every((l) => /(^|#)SAT\d/.test(l)) ? ls : [text];
}

async function add(text) {
  let p;
  for (const l of lines(text)) p = JSON.parse(satchelAddPart(l));
  if (!p) return;
  if (p.error) {
    $("status").textContent = t(p.errorCode || "payload.error") + " (" + p.error + ")";
    return;
  }
  if (!p.complete) {
    $("status").textContent = (p.restarted ? t("restarted") + " " : "") +
      t("partsProgress", { have: p.have, total: p.total, missing: p.missing.join(", ") });
    document.body.dataset.state = "parts";
    $("payload").value = "";
    $("payload").focus();
    return;
  }
  $("status").textContent = t("verifying");
  $("verify").disabled = true;
  // Let the browser show the status before the checks take the thread.
  await new Promise((r) => setTimeout(r, 20));
  try {
    const t0 = performance.now();
    const report = await satchelVerifyCollected($("challenge").value.trim(), $("domain").value.trim(), navigator.languages || [LANG]);
    // Timings for the tests: the checks alone, and page load to verdict.
    document.body.dataset.verifyMs = Math.round(performance.now() - t0);
    show(report);
    document.body.dataset.verdictMs = Math.round(performance.now());
  } finally {
    $("verify").disabled = false;
  }
}

function fragment() {
  const h = location.hash.slice(1);
  if (!h) return "";
  try { return decodeURIComponent(h); } catch (e) { return h; }
}

async function start() {
  document.documentElement.lang = LANG;
  document.querySelectorAll("[data-i18n]").forEach((e) => { e.textContent = t(e.dataset.i18n); });
  $("form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = $("payload").value;
    if (text.trim()) add(text);
  });
  $("reset").addEventListener("click", () => {
    if (window.satchelReset) satchelReset();
    $("payload").value = "";
    $("result").hidden = true;
    $("status").textContent = t("ready");
    document.body.dataset.state = "ready";
  });
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
    go.run(inst.instance);
    await ready;
    document.body.dataset.readyMs = Math.round(performance.now());
  } catch (e) {
    $("status").textContent = t("loadFailed", { error: e.message || String(e) });
    document.body.dataset.state = "failed";
    return;
  }
  $("verify").disabled = false;
  $("status").textContent = t("ready");
  document.body.dataset.state = "ready";
  const f = fragment();
  if (f) add(f);
  window.addEventListener("hashchange", () => { const h = fragment(); if (h) add(h); });
}

start();
