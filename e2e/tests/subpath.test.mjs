// Any host path: the build uses relative asset URLs, so a partner can serve it from a sub-path
// (https://example.org/kaart/) as well as from a root. Served here under /kaart/, embedded from another origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { launch, serve, waitForMap, watchedPage } from "../lib/harness.mjs";

let browser, server, host;

before(async () => {
  browser = await launch();
  server = await serve({ base: "/kaart/" });
  host = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Partner</title></head><body>
      <div data-twente-kaart data-gemeente="GM0153"></div><script src="${server.url}embed.js" async></script></body></html>`);
  });
  await new Promise((r) => host.listen(0, "localhost", r));
});

after(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((r) => host.close(r));
});

test("served from /kaart/: the widget, its wasm and its data load with no failed request", async () => {
  const { page, problems } = await watchedPage(browser, { locale: "nl-NL" });
  const failed = [];
  page.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${server.url}?gemeente=GM0153`);
  await waitForMap(page);
  await page.waitForSelector('[data-panel="GM0153"]');
  assert.ok(new URL(page.url()).pathname.startsWith("/kaart/"), page.url());
  assert.deepEqual(failed, []);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("served from /kaart/: kiosk.html and embed.html load their assets", async () => {
  const { page, problems } = await watchedPage(browser, { locale: "nl-NL" });
  const failed = [];
  page.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${server.url}kiosk.html`);
  await waitForMap(page);
  await page.goto(`${server.url}embed.html`);
  await page.waitForSelector("iframe");
  assert.deepEqual(failed, []);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("served from /kaart/: embed.js on a partner page of another origin draws the map", async () => {
  const { page, problems } = await watchedPage(browser, { locale: "nl-NL" });
  await page.goto(`http://localhost:${host.address().port}/`);
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  assert.ok(frame.url().startsWith(`${server.url}`), frame.url());
  await waitForMap(frame);
  await frame.waitForSelector('[data-panel="GM0153"]');
  assert.deepEqual(problems, []);
  await page.context().close();
});
