// Shared end-to-end test harness: Debian's Chromium driven by playwright-core, the release build served by
// server.mjs (brotli, strict CSP), and collectors for what must never happen on a partner's page:
// console errors, uncaught exceptions, CSP violations, dialogs, third-party requests.
import { chromium } from "playwright-core";
import path from "node:path";
import fs from "node:fs";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { startServer } from "../server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");
export const DIST = process.env.TK_DIST ? path.resolve(process.env.TK_DIST) : path.join(ROOT, "dist");
export const FIXTURES = path.join(ROOT, "tests/fixtures/bad");
export const SCREENSHOTS = path.join(ROOT, "docs/screenshots");
/// The Content-Security-Policy the README documents, before the build adds the hashes of its pages' inline
/// stylesheet and early script: every page must still work under it (the loader's fallback).
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; object-src 'none'";

/// The `'sha256-…'` sources of the inline `<script>`s (without `src`) and `<style>`s in `html`, computed here
/// (not by the build's code), sorted, without repeats.
export function inlineHashes(html) {
  const hash = (text) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
  const of = (re, keep) => [...new Set([...html.matchAll(re)].filter((m) => keep(m[1])).map((m) => hash(m[2])))].sort();
  return {
    scripts: of(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (attrs) => !/(^|\s)src\s*=/i.test(attrs)),
    styles: of(/<style\b([^>]*)>([\s\S]*?)<\/style>/gi, () => true),
  };
}

/// The policy the build's `_headers` gives and the test server sends: STRICT_CSP with exactly the hashes of the
/// inline elements of `index.html` and `kiosk.html`.
export function expectedCsp(dist = DIST) {
  const scripts = new Set(), styles = new Set();
  for (const page of ["index.html", "kiosk.html"]) {
    const h = inlineHashes(fs.readFileSync(path.join(dist, page), "utf8"));
    h.scripts.forEach((x) => scripts.add(x));
    h.styles.forEach((x) => styles.add(x));
  }
  return STRICT_CSP
    .replace("script-src 'self' 'wasm-unsafe-eval'", ["script-src 'self' 'wasm-unsafe-eval'", ...[...scripts].sort()].join(" "))
    .replace("style-src 'self'", ["style-src 'self'", ...[...styles].sort()].join(" "));
}

export const CHROMIUM_ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
}

export async function serve(opts = {}) {
  return startServer({ dist: DIST, fixtures: FIXTURES, ...opts });
}

/// A new page that records problems. `problems()` lists console errors, page errors, CSP violations,
/// dialogs and requests to origins other than `allowedOrigins` (without a list: to anything but loopback).
export async function watchedPage(browser, { allowedOrigins = [], viewport = { width: 1280, height: 900 }, ...ctxOpts } = {}) {
  const context = await browser.newContext({ viewport, ...ctxOpts });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console.error: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("dialog", async (d) => { problems.push(`dialog: ${d.type()} ${d.message()}`); await d.dismiss(); });
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol === "data:" || u.protocol === "blob:") return;
    // Without a list, only this machine's own test servers count as first party: the check never switches off.
    const allowed = allowedOrigins.length ? allowedOrigins.includes(u.origin) : ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);
    if (!allowed) problems.push(`third-party request: ${r.url()}`);
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
    // A test hook: any injected markup that runs script calls this.
    window.__tkInjected = () => { window.__tkInjectedRan = true; };
  });
  const cspViolations = async () => page.evaluate(() => window.__cspViolations || []);
  return { context, page, problems, cspViolations };
}

/// The document frame of an `<iframe>` element once it has navigated away from its initial about:blank.
/// A cross-site iframe moves to another renderer process when it navigates; a wait started in the
/// about:blank document could miss the move, so the frame is taken only once it has its real URL.
export async function navigatedFrame(iframe, timeout = 20000) {
  const end = Date.now() + timeout;
  for (;;) {
    const frame = await iframe.contentFrame();
    const url = frame?.url() || "";
    if (url && url !== "about:blank") return frame;
    if (Date.now() > end) throw new Error(`the iframe never navigated (url: ${url || "none"})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/// Waits for the live widget: the prerender gone, the shapes drawn, and not the map-only preview that shows
/// while a large listings file is still loading.
/// On a timeout the error says what the page showed instead, so a failure in CI can be understood from its log.
export async function waitForMap(page, count = 14) {
  try {
    // Polled on a timer, not on animation frames: a frame the browser does not paint (an embed below the
    // fold, a second iframe) gets few or no frames, and the wait would outlast a widget that is long ready.
    await page.waitForFunction((n) => !document.getElementById("tk-prerender") && !document.querySelector(".tk-preview") && document.querySelectorAll("path.tk-shape[data-code]").length >= n, count, { timeout: 20000, polling: 100 });
  } catch (e) {
    // Bounded: a frame without an execution context would never answer.
    const seen = await Promise.race([page.evaluate(() => ({
      url: location.href,
      readyState: document.readyState,
      visibility: document.visibilityState,
      prerender: !!document.getElementById("tk-prerender"),
      preview: !!document.querySelector(".tk-preview"),
      shapes: document.querySelectorAll("path.tk-shape[data-code]").length,
      panicked: !!window.__tkPanicked,
      wasmStarted: !!window.wasmBindings,
      resources: performance.getEntriesByType("resource").map((r) => `${r.name.split("/").pop()} ${Math.round(r.startTime)}+${Math.round(r.duration)}ms`),
      text: document.body ? document.body.innerText.slice(0, 400) : null,
    })), new Promise((r) => setTimeout(() => r(`no answer from ${page.url() || "(no URL)"}`), 3000))])
      .catch((err) => `page not readable: ${err.message}`);
    e.message += `\nwhat the page showed instead: ${JSON.stringify(seen, null, 1)}`;
    throw e;
  }
}

export async function shot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: false });
}

export function listingsData() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "regions/twente/listings.json"), "utf8"));
}

/// Runs axe-core in the page (or a frame) and returns the violations.
export async function axe(target) {
  const src = fs.readFileSync(path.join(ROOT, "e2e/node_modules/axe-core/axe.min.js"), "utf8");
  await target.evaluate(src);
  return target.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
}
