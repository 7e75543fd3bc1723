// Shared end-to-end test harness: Debian's Chromium driven by playwright-core, the release build served by
// server.mjs (brotli, strict CSP), and collectors for what must never happen on a partner's page:
// console errors, uncaught exceptions, CSP violations, dialogs, third-party requests.
import { chromium } from "playwright-core";
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { startServer } from "../server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");
export const DIST = process.env.TK_DIST ? path.resolve(process.env.TK_DIST) : path.join(ROOT, "dist");
export const FIXTURES = path.join(ROOT, "tests/fixtures/bad");
export const SCREENSHOTS = path.join(ROOT, "docs/screenshots");

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
/// dialogs and requests to origins other than `allowedOrigins`.
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
    if (allowedOrigins.length && !allowedOrigins.includes(u.origin)) problems.push(`third-party request: ${r.url()}`);
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

/// Waits until the live widget (not the prerender) has drawn its 14 municipalities.
/// Waits for the live widget: the prerender gone, the shapes drawn, and not the map-only preview that shows
/// while a large listings file is still loading.
export async function waitForMap(page, count = 14) {
  await page.waitForFunction((n) => !document.getElementById("tk-prerender") && !document.querySelector(".tk-preview") && document.querySelectorAll("path.tk-shape[data-code]").length >= n, count, { timeout: 20000 });
}

export async function shot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: false });
}

export function listingsData() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "public/data/listings.json"), "utf8"));
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
