// A bad network, as a visitor on a partner's page would meet it: the data files answer 404 or 500, slowly,
// never, with a dropped connection, with an HTML error page, or only at the second try. The widget bounds
// every request (8 s), retries transient failures twice (after 500 ms and 1500 ms), then shows a translated
// error naming the file with a "try again" button that recovers without reloading the page.
// Faults come from the test server's `__fault/<mode>/<file>` route, chosen with `?data=__fault/<mode>/`.
//
// Run: cd e2e && node --test tests/network.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { DIST, waitForMap } from "../lib/harness.mjs";
import * as W from "../lib/widget.mjs";

const FILES = ["gemeenten.geojson", "listings.json"];
const RETRY = "Opnieuw proberen";
/// The browser's own log line for a failed request (not the widget's): expected when a file fails.
const BROWSER_NETWORK_LOG = /^console\.error: Failed to load resource: /;

let browser, server;

before(async () => ({ browser, server } = await W.startSuite()));
after(() => W.closeAll(browser, server));

/// A widget page on `?lang=nl&data=__fault/<mode>/` that counts the requests for each data file.
async function openFaulted(mode, { wait = false, init } = {}) {
  const requests = Object.fromEntries(FILES.map((f) => [f, []]));
  const w = await W.openWidget(browser, server, {
    query: `?lang=nl&data=__fault/${mode}/`,
    wait: false,
    init: async (page) => {
      page.on("request", (r) => {
        const u = new URL(r.url());
        for (const f of FILES) if (u.pathname.endsWith(`/__fault/${mode}/${f}`)) requests[f].push(Date.now());
      });
      if (init) await init(page);
    },
  });
  w.requests = requests;
  w.counts = () => Object.fromEntries(FILES.map((f) => [f, requests[f].length]));
  if (wait) await waitForMap(w.page);
  return w;
}

/// The lines of the visible error alert, once it is there.
async function alertLines(page, timeout) {
  const alert = page.locator(".tk-error[role=alert]");
  await alert.waitFor({ state: "visible", timeout });
  return alert.locator("p").allTextContents();
}

/// Console errors and uncaught errors other than the browser's own "Failed to load resource" lines.
function widgetProblems(w) {
  return w.problems.filter((p) => !BROWSER_NETWORK_LOG.test(p));
}

/// Polls a condition on the test's side (requests seen by the page's listeners).
async function until(cond, timeout, what) {
  const end = Date.now() + timeout;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function close(w) {
  await w.context.close();
}

/// Both files failed with `reason`: one line per file, and the retry button.
async function assertBothFailed(w, reason, timeout) {
  const lines = await alertLines(w.page, timeout);
  for (const f of FILES) {
    assert.ok(lines.includes(`Kon ${f} niet laden: ${reason}`), `an alert line "Kon ${f} niet laden: ${reason}"; got ${JSON.stringify(lines)}`);
  }
  assert.equal(lines.length, 2, `one line per file: ${JSON.stringify(lines)}`);
  const button = w.page.locator(".tk-error[role=alert] button");
  assert.equal((await button.textContent()).trim(), RETRY);
  assert.ok(await button.isVisible(), "the retry button is visible");
  assert.equal(await w.page.locator("path.tk-shape[data-code]").count(), 0, "no map without the map file");
  assert.equal(await w.page.locator("#tk-prerender").count(), 0, "the prerendered map was replaced by the live widget");
}

/// After the error: no further requests for a while (the retries are bounded, no loop).
async function assertNoMoreRequests(w, ms = 3000) {
  const before = JSON.stringify(w.counts());
  await w.page.waitForTimeout(ms); // a quiet period is the point here: nothing may happen in it
  assert.equal(JSON.stringify(w.counts()), before, "no more requests after the error");
}

test("status-404: not retried; a translated error names both files, with a retry button", async () => {
  const w = await openFaulted("status-404");
  try {
    await assertBothFailed(w, "de server antwoordde met status 404", 15000);
    assert.deepEqual(w.counts(), { "gemeenten.geojson": 1, "listings.json": 1 }, "a 404 is final: one request per file");
    await assertNoMoreRequests(w);
    assert.deepEqual(widgetProblems(w), []);
    assert.deepEqual(await w.cspViolations(), []);
  } finally {
    await close(w);
  }
});

test("status-500: retried twice with backoff, then a translated error naming both files", async () => {
  const w = await openFaulted("status-500");
  try {
    await assertBothFailed(w, "de server antwoordde met status 500", 15000);
    assert.deepEqual(w.counts(), { "gemeenten.geojson": 3, "listings.json": 3 }, "three tries per file");
    for (const f of FILES) {
      const [a, b, c] = w.requests[f];
      assert.ok(b - a >= 450, `${f}: first backoff ≥ 500 ms (was ${b - a} ms)`);
      assert.ok(c - b >= 1400, `${f}: second backoff ≥ 1500 ms (was ${c - b} ms)`);
    }
    await assertNoMoreRequests(w);
    assert.deepEqual(widgetProblems(w), []);
  } finally {
    await close(w);
  }
});

test("delay-3000: the prerendered map shows while the data is on its way, then the live map takes over", async () => {
  const w = await openFaulted("delay-3000");
  const { page } = w;
  try {
    // The wasm is running and waiting for the data: the prerendered map is what the visitor sees.
    await until(() => FILES.every((f) => w.requests[f].length > 0), 15000, "the widget requested both data files");
    const asked = Math.max(...FILES.map((f) => w.requests[f][0]));
    const pre = await page.evaluate(() => {
      const p = document.getElementById("tk-prerender");
      if (!p) return null;
      const r = p.getBoundingClientRect();
      return { w: r.width, h: r.height, shapes: p.querySelectorAll("[data-code]").length, live: document.querySelectorAll("path.tk-shape[data-code]").length - p.querySelectorAll("path.tk-shape[data-code]").length };
    });
    assert.ok(pre, "the prerendered map (#tk-prerender) is on the page while the data loads");
    assert.ok(pre.w > 100 && pre.h > 100, `the prerendered map is visible (${pre.w}×${pre.h})`);
    assert.ok(pre.shapes >= 14, `the prerendered map shows the municipalities (${pre.shapes})`);
    assert.equal(pre.live, 0, "no live map yet");
    assert.equal(await page.locator("[role=alert]").count(), 0, "no error while waiting");
    await waitForMap(page);
    const drawn = Date.now();
    assert.ok(drawn - asked >= 2500, `the live map came after the delayed data (${drawn - asked} ms)`);
    assert.equal(await page.locator("[role=alert]").count(), 0, "no error after a slow but successful load");
    assert.ok(await W.listCount(page) > 0, "the list shows items");
    assert.deepEqual(w.counts(), { "gemeenten.geojson": 1, "listings.json": 1 }, "3 s is within the 8 s timeout: no retry");
    assert.deepEqual(widgetProblems(w), []);
    assert.deepEqual(w.problems, [], "not even a failed request");
  } finally {
    await close(w);
  }
});

test("slow listings: the map shows and can be used as soon as the boundaries are in; the listings follow", async () => {
  let release;
  const gate = new Promise((r) => { release = r; });
  const w = await openFaulted("delay-1", {
    init: (page) => page.route("**/__fault/delay-1/listings.json", async (route) => { await gate; await route.continue().catch(() => {}); }),
  });
  const { page } = w;
  try {
    // Other data than the prerendered: the map-only preview replaces the prerender without waiting.
    await page.waitForFunction(() => !document.getElementById("tk-prerender") && document.querySelectorAll(".tk-preview path.tk-shape[data-code]").length === 14, null, { timeout: 15000 });
    assert.equal(await page.locator(".tk-preview .tk-side [role=status]").textContent(), "Het aanbod wordt geladen…");
    assert.equal(await page.locator("[role=alert]").count(), 0, "no error while the listings load");
    // A municipality chosen now opens its panel once the listings are in.
    await W.clickShape(page, "GM0153");
    assert.equal(await W.shape(page, "GM0153").getAttribute("aria-pressed"), "true");
    release();
    await waitForMap(page);
    await W.waitForPanel(page, "GM0153");
    const expected = W.ids(W.currentItems(W.todayIso()).filter((i) => i.municipality === "GM0153"));
    assert.deepEqual(await W.panelIds(page, "GM0153"), expected);
    assert.equal((await W.params(page)).get("gemeente"), "GM0153");
    assert.deepEqual(widgetProblems(w), []);
  } finally {
    release();
    await close(w);
  }
});

test("stall: each request is aborted after 8 s, 3 tries per file, then 'de server reageerde niet op tijd' (bounded)", async () => {
  const w = await openFaulted("stall");
  try {
    const t0 = Date.now();
    await assertBothFailed(w, "de server reageerde niet op tijd", 40000);
    const took = Date.now() - t0;
    // 3 × 8 s + 0.5 s + 1.5 s = 26 s, plus loading the page.
    assert.ok(took >= 24000, `not given up too early (${took} ms)`);
    assert.ok(took <= 32000, `bounded: the error appeared after ${took} ms (expected ≈ 26 s)`);
    assert.deepEqual(w.counts(), { "gemeenten.geojson": 3, "listings.json": 3 }, "exactly three requests per file");
    for (const f of FILES) {
      const [a, b, c] = w.requests[f];
      assert.ok(b - a >= 8000 && c - b >= 9000, `${f}: each try waited for the 8 s timeout plus backoff (${b - a} ms, ${c - b} ms)`);
    }
    await assertNoMoreRequests(w);
    assert.deepEqual(widgetProblems(w), []);
  } finally {
    await close(w);
  }
});

test("drop: a dropped connection is a network error, retried, then 'geen verbinding met de server'", async () => {
  const w = await openFaulted("drop");
  try {
    await assertBothFailed(w, "geen verbinding met de server", 15000);
    assert.deepEqual(w.counts(), { "gemeenten.geojson": 3, "listings.json": 3 }, "three tries per file");
    await assertNoMoreRequests(w);
    assert.deepEqual(widgetProblems(w), []);
  } finally {
    await close(w);
  }
});

test("wrong-type: an HTML page instead of JSON → 'de server stuurde een HTML-pagina in plaats van JSON', not retried", async () => {
  const w = await openFaulted("wrong-type");
  try {
    await assertBothFailed(w, "de server stuurde een HTML-pagina in plaats van JSON", 15000);
    assert.deepEqual(w.counts(), { "gemeenten.geojson": 1, "listings.json": 1 }, "a wrong answer is final: one request per file");
    // The HTML never became markup.
    assert.equal(await w.page.locator(".tk h1", { hasText: "502 Bad Gateway" }).count(), 0);
    assert.deepEqual(widgetProblems(w), []);
    assert.deepEqual(w.problems, [], "the responses were 200: no failed request either");
  } finally {
    await close(w);
  }
});

test("flaky-1: the first request per file gets 503, the retry succeeds; map and list load, no error shown", async () => {
  server.resetFlaky();
  const w = await openFaulted("flaky-1", { wait: true });
  try {
    assert.equal(await w.page.locator("path.tk-shape[data-code]").count(), 14);
    assert.equal(await w.page.locator("[role=alert]").count(), 0, "no error after a successful retry");
    assert.ok(await W.listCount(w.page) > 0, "the list shows items");
    assert.equal(await w.page.locator("p.tk-skipped").count(), 0);
    assert.deepEqual(w.counts(), { "gemeenten.geojson": 2, "listings.json": 2 }, "one failed try and one retry per file");
    assert.deepEqual(widgetProblems(w), []);
  } finally {
    await close(w);
    server.resetFlaky();
  }
});

test("recovery: after a failed load, 'Opnieuw proberen' loads map and list without reloading the page", async () => {
  const w = await openFaulted("status-500");
  const { page } = w;
  try {
    await assertBothFailed(w, "de server antwoordde met status 500", 15000);
    await W.markDocument(page);
    // The server is back: from now on the data requests are answered with the real files.
    const served = [];
    await page.route("**/__fault/status-500/*", async (route) => {
      const file = path.basename(new URL(route.request().url()).pathname);
      served.push(file);
      const type = file.endsWith(".geojson") ? "application/geo+json" : "application/json";
      await route.fulfill({ status: 200, contentType: type, body: fs.readFileSync(path.join(DIST, "data", file)) });
    });
    await page.locator(".tk-error[role=alert] button", { hasText: RETRY }).click();
    await waitForMap(page);
    await page.locator("section#tk-list p.tk-count").waitFor({ state: "visible", timeout: 10000 });
    assert.equal(await page.locator("path.tk-shape[data-code]").count(), 14, "the live map");
    assert.ok(await W.listCount(page) > 0, "the list shows items");
    assert.ok((await W.listIds(page)).length > 0, "items in the list");
    assert.equal(await page.locator("[role=alert]").count(), 0, "the error is gone");
    assert.deepEqual(served.sort(), ["gemeenten.geojson", "listings.json"], "one new request per file");
    assert.ok(await W.sameDocument(page), "the window marker survived: no reload");
    assert.equal(await page.evaluate(() => performance.getEntriesByType("navigation").length), 1, "one navigation");
    assert.equal(await page.evaluate(() => new URL(location.href).searchParams.get("data")), "__fault/status-500/");
    // The recovered widget works: a municipality opens.
    await W.openPanel(page, "GM0153");
    assert.deepEqual(widgetProblems(w), []);
    assert.deepEqual(await w.cspViolations(), []);
  } finally {
    await close(w);
  }
});

test("a late start (the wasm compiled 6 s after the page loaded): the data preloads are used, once, and the console stays quiet", async () => {
  const warnings = [];
  const requests = Object.fromEntries(FILES.map((f) => [f, 0]));
  const w = await W.openWidget(browser, server, {
    query: "?lang=nl",
    wait: false,
    init: async (page) => {
      page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
      page.on("request", (r) => {
        const u = new URL(r.url());
        for (const f of FILES) if (u.pathname.endsWith(`/data/${f}`)) requests[f] += 1;
      });
      // A slow phone or a busy stand PC: the wasm arrives with the page, but starts seconds later.
      await page.addInitScript(() => {
        const later = (f) => (...args) => new Promise((r) => setTimeout(r, 6000)).then(() => f.apply(WebAssembly, args));
        WebAssembly.instantiateStreaming = later(WebAssembly.instantiateStreaming);
        WebAssembly.instantiate = later(WebAssembly.instantiate);
      });
    },
  });
  try {
    await w.page.waitForLoadState("load");
    await waitForMap(w.page);
    assert.equal(await w.page.locator("#tk-prerender").count(), 0, "the live widget took over");
    assert.ok(await W.listCount(w.page) > 0, "the list shows items");
    assert.deepEqual(requests, { "gemeenten.geojson": 1, "listings.json": 1 }, "each data file is downloaded once");
    assert.deepEqual(warnings, [], "no console warnings (an unused preload is one)");
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await close(w);
  }
});
