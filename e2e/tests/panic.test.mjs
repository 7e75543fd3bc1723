// Panic safety: `?panic-test=1` makes the widget panic 100 ms after the map is drawn. The visitor then sees a
// short translated message with a "Herladen" button instead of a frozen map; the console gets the panic once,
// with its location, and nothing else (the loader swallows the wasm trap that follows); and a partner's page
// around the embed (another origin) keeps working.
//
// Run: cd e2e && node --test tests/panic.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { watchedPage } from "../lib/harness.mjs";
import * as W from "../lib/widget.mjs";

const CRASHED = "Er ging iets mis in de kaart. Herlaad de pagina om het opnieuw te proberen.";

let browser, server, host;

/// A partner page on another origin (localhost vs 127.0.0.1): a button of its own and the widget in an iframe.
function startHost(widgetUrl) {
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Partner</title><link rel="icon" href="data:,">
<script src="/host.js" defer></script></head>
<body><h1 id="partner-title">Gemeente Voorbeeld</h1>
<p>Werken als huisarts in Twente.</p>
<button type="button" id="partner-button">Teller</button> <output id="partner-count">0</output>
<iframe id="tk-frame" title="Kaart" width="1000" height="800" src="${widgetUrl}"></iframe>
<p id="partner-footer">Einde van de pagina.</p></body></html>`;
  const js = `window.__hostErrors = [];
addEventListener("error", (e) => window.__hostErrors.push(String(e.message)));
addEventListener("unhandledrejection", (e) => window.__hostErrors.push(String(e.reason)));
document.getElementById("partner-button").addEventListener("click", () => {
  const o = document.getElementById("partner-count"); o.value = String(Number(o.value) + 1);
});`;
  const srv = http.createServer((req, res) => {
    const p = new URL(req.url, "http://x").pathname;
    if (p === "/") { res.writeHead(200, { "content-type": "text/html; charset=utf-8" }); res.end(html); return; }
    if (p === "/host.js") { res.writeHead(200, { "content-type": "text/javascript" }); res.end(js); return; }
    res.writeHead(404); res.end();
  });
  return new Promise((resolve) => srv.listen(0, "127.0.0.1", () => resolve({
    origin: `http://localhost:${srv.address().port}`,
    close: () => new Promise((r) => { srv.closeAllConnections(); srv.close(() => r()); }),
  })));
}

before(async () => {
  ({ browser, server } = await W.startSuite());
  host = await startHost(`${server.url}?lang=nl&panic-test=1`);
});
after(() => W.closeAll(browser, server, host));

/// Console errors that are the panic: they name the panic-test message and its location in src/app.rs.
/// The live map was drawn (or the crash message already replaced it: the panic comes 100 ms later).
async function mapOrCrash(target) {
  await target.waitForFunction(() => !!document.querySelector(".tk-crash") ||
    (!document.getElementById("tk-prerender") && document.querySelectorAll("path.tk-shape[data-code]").length >= 14), null, { timeout: 20000 });
}

const isPanicLine = (p) => p.startsWith("console.error: ") && p.includes("panic-test") && /src\/app\.rs/.test(p);

test("?panic-test=1: the translated crash message with 'Herladen' within 3 s; the panic logged once, nothing else", async () => {
  const w = await W.openWidget(browser, server, { query: "?lang=nl&panic-test=1", wait: false });
  const { page } = w;
  try {
    await mapOrCrash(page);
    const drawn = Date.now();
    const crash = page.locator(".tk-crash[role=alert]");
    await crash.waitFor({ state: "visible", timeout: 3000 });
    assert.ok(Date.now() - drawn <= 3000, `crash message ${Date.now() - drawn} ms after the map`);
    assert.equal((await crash.locator("p").textContent()).trim(), CRASHED);
    const button = crash.locator("button");
    assert.equal((await button.textContent()).trim(), "Herladen");
    assert.ok(await button.isVisible());
    // The frozen map is gone: the crash message replaced the widget inside #tk-root.
    assert.equal(await page.locator("#tk-root path.tk-shape[data-code]").count(), 0, "no frozen map left");
    assert.equal(await page.locator("#tk-root > .tk-crash").count(), 1, "one crash message in #tk-root");

    // Give any trailing error (the wasm trap, a second panic) the chance to show, then count.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const panics = w.problems.filter(isPanicLine);
    assert.equal(panics.length, 1, `the panic is logged exactly once with its location; got ${JSON.stringify(w.problems)}`);
    const others = w.problems.filter((p) => !isPanicLine(p));
    assert.deepEqual(others, [], "no other console error, uncaught exception or dialog");
    assert.deepEqual(await w.cspViolations(), []);

    // The button reloads the page (and the widget comes back, here to panic again).
    await W.markDocument(page);
    await Promise.all([page.waitForEvent("load"), button.click()]);
    assert.equal(await W.sameDocument(page), false, "Herladen reloaded the page");
    assert.equal(await page.evaluate(() => performance.getEntriesByType("navigation")[0].type), "reload");
    await page.locator(".tk-crash[role=alert]").waitFor({ state: "visible", timeout: 10000 });
  } finally {
    await w.context.close();
  }
});

test("a partner page embedding the widget (another origin) stays intact and usable after the widget panics", async () => {
  const w = await watchedPage(browser, { allowedOrigins: [host.origin, new URL(server.url).origin], locale: "nl-NL" });
  const { page } = w;
  try {
    await page.goto(host.origin + "/");
    const frame = await (await page.waitForSelector("#tk-frame")).contentFrame();
    await mapOrCrash(frame);
    await frame.locator(".tk-crash[role=alert]").waitFor({ state: "visible", timeout: 3000 });
    assert.equal((await frame.locator(".tk-crash button").textContent()).trim(), "Herladen");

    // The host page: its own content and its own button, unaffected.
    await page.click("#partner-button");
    await page.click("#partner-button");
    assert.equal(await page.textContent("#partner-count"), "2", "the host page's button still works");
    assert.equal(await page.textContent("#partner-title"), "Gemeente Voorbeeld");
    assert.equal(await page.textContent("#partner-footer"), "Einde van de pagina.");
    assert.deepEqual(await page.evaluate(() => window.__hostErrors), [], "no error reached the host page");
    assert.equal(await page.evaluate(() => document.title), "Partner");
    assert.equal(page.url(), host.origin + "/", "the host page did not navigate");
    const box = await page.locator("#tk-frame").boundingBox();
    assert.ok(box.width > 0 && box.height > 0, "the iframe is still in place");

    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const panics = w.problems.filter(isPanicLine);
    assert.equal(panics.length, 1, `the panic logged once; got ${JSON.stringify(w.problems)}`);
    assert.deepEqual(w.problems.filter((p) => !isPanicLine(p)), [], "no other error");
  } finally {
    await w.context.close();
  }
});
