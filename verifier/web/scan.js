// Satchel verifier page: reading QR codes from pictures (the file input,
// or dropped on the page) and from the camera, with Satchel's own reader in
// satchel.wasm (satchelReadImage). Every text read goes to the set being
// collected (feed, in verifier.js).
"use strict";

// Camera frames are scaled down to this many pixels on the longer side
// before they are read: enough for a phone-sized symbol filling half the
// frame, small enough to read several times a second. Chosen pictures are
// read at up to MAX_SIDE, the limit satchel.wasm accepts.
const FRAME_SIDE = 960;
const MAX_SIDE = 2400;
const FRAME_MS = 250;
// MAX_TEXT bounds a dropped text file, as satchel.wasm bounds a pasted
// presentation.
const MAX_TEXT = 4 << 20;

// A scanned text the page takes: a Satchel payload (maybe after a link to
// this page) or a VP1- text. Any other QR code (a web address, a ticket)
// is named and left aside, so that a stray code in view stops nothing.
const PAYLOAD = /(^|#)(SAT\d|VP1-)/;

let camera = null; // {stream, timer, busy, detector} while the camera runs

// scanned takes the texts read from a picture or a frame; a QR code that
// is not a payload is named and skipped. It returns an error sentence
// when nothing was taken.
async function scanned(texts) {
  const ok = texts.filter((s) => PAYLOAD.test(s));
  if (!ok.length) return texts.length ? t("payload.unknown") : t("image.no-code");
  await feed(ok);
  return "";
}

// pixelsOf decodes a picture in the browser, which knows every format it
// shows, scaled to at most side pixels on the longer side.
async function pixelsOf(source, w, h, side) {
  const scale = Math.min(1, side / Math.max(w, h));
  const cw = Math.max(1, Math.round(w * scale));
  const ch = Math.max(1, Math.round(h * scale));
  const canvas = $("frame");
  canvas.width = cw;
  canvas.height = ch;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  ctx.drawImage(source, 0, 0, cw, ch);
  return ctx.getImageData(0, 0, cw, ch);
}

async function readFile(file) {
  let scan;
  if (window.createImageBitmap) {
    try {
      const bmp = await createImageBitmap(file);
      const img = await pixelsOf(bmp, bmp.width, bmp.height, MAX_SIDE);
      bmp.close();
      scan = await satchelReadImage(img.data, img.width, img.height);
    } catch (e) { /* a format this browser cannot draw: let Go try the bytes */ }
  }
  if (!scan) scan = await satchelReadImage(new Uint8Array(await file.arrayBuffer()));
  return JSON.parse(scan);
}

// isText says whether a dropped file is text rather than a picture: a
// presentation saved as a file (.jwt, .json, .txt), small enough to paste.
function isText(f) {
  return !f.type.startsWith("image/") && f.size <= MAX_TEXT && (/^text\/|json/.test(f.type) || /\.(jwt|json|jsonld|txt)$/i.test(f.name));
}

async function readFiles(files) {
  files = Array.from(files || []);
  if (!files.length) return;
  stopCamera();
  say(t("readingImages", { n: files.length }), "reading");
  const problems = [];
  const before = lastProgress;
  for (const f of files) {
    let problem;
    if (isText(f)) { // a dropped file holding the text, or the presentation itself
      await feed(lines(await f.text()));
    } else {
      const s = await readFile(f);
      problem = s.error ? t(s.errorCode || "image.unreadable") : await scanned(s.texts);
    }
    if (problem) problems.push(t("imageFailed", { name: f.name, reason: problem }));
    if (lastProgress !== before && lastProgress && lastProgress.complete) break; // verified
  }
  if (problems.length && !shown) say(problems.join(" "), lastProgress && !lastProgress.complete ? "parts" : "ready");
  $("files").value = "";
}

// The camera: frames drawn to a canvas a few times a second and read with
// the browser's BarcodeDetector where it has one (phones), with Satchel's
// own reader otherwise; every text read goes to the same set.
async function startCamera() {
  if (camera) return;
  if (!window.isSecureContext) return say(t("cameraNeedsHttps"));
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return say(t("cameraNone"));
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  } catch (e) {
    return say(t("cameraFailed", { error: e.name || e.message || String(e) }));
  }
  camera = { stream, busy: false, detector: null };
  try {
    if ("BarcodeDetector" in window && (await BarcodeDetector.getSupportedFormats()).includes("qr_code")) {
      camera.detector = new BarcodeDetector({ formats: ["qr_code"] });
    }
  } catch (e) { /* use Satchel's reader */ }
  const video = $("video");
  video.srcObject = stream;
  $("camera-box").hidden = false;
  setCameraButton(true);
  say(t("cameraScanning"), "camera");
  try { await video.play(); } catch (e) { /* muted inline video plays once it has data */ }
  camera.timer = setInterval(grab, FRAME_MS);
}

async function grab() {
  const cam = camera;
  const video = $("video");
  if (!cam || cam.busy || video.readyState < 2 || !video.videoWidth) return;
  cam.busy = true;
  try {
    let texts = [];
    if (cam.detector) {
      try { texts = (await cam.detector.detect(video)).map((b) => b.rawValue); } catch (e) { cam.detector = null; }
    }
    if (!cam.detector) {
      const img = await pixelsOf(video, video.videoWidth, video.videoHeight, FRAME_SIDE);
      texts = JSON.parse(await satchelReadImage(img.data, img.width, img.height)).texts || [];
    }
    document.body.dataset.frames = (+document.body.dataset.frames || 0) + 1;
    const fresh = texts.filter((s) => PAYLOAD.test(s));
    if (fresh.length && camera === cam) await feed(fresh);
  } finally {
    cam.busy = false;
  }
}

function stopCamera() {
  if (!camera) return;
  clearInterval(camera.timer);
  camera.stream.getTracks().forEach((tr) => tr.stop());
  camera = null;
  $("video").srcObject = null;
  $("camera-box").hidden = true;
  setCameraButton(false);
}

function setCameraButton(on) {
  const b = $("camera");
  b.dataset.i18n = on ? "cameraStop" : "cameraStart";
  b.textContent = t(b.dataset.i18n);
  b.setAttribute("aria-expanded", String(on));
}

// Drag and drop: pictures dropped anywhere on the page are read as if
// chosen with the file input.
function setupDrop() {
  let depth = 0;
  const hasFiles = (ev) => ev.dataTransfer && Array.from(ev.dataTransfer.types || []).includes("Files");
  document.addEventListener("dragenter", (ev) => { if (hasFiles(ev)) { depth++; $("drop").hidden = false; } });
  document.addEventListener("dragleave", () => { if (--depth <= 0) { depth = 0; $("drop").hidden = true; } });
  document.addEventListener("dragover", (ev) => { if (hasFiles(ev)) ev.preventDefault(); });
  document.addEventListener("drop", (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    depth = 0;
    $("drop").hidden = true;
    if (!$("files").disabled) readFiles(ev.dataTransfer.files);
  });
}
