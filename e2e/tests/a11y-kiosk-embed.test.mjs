// axe-core on the pages the main a11y test does not cover: kiosk mode (light and dark, panel open with QR
// codes, the idle countdown) and the widget embedded on a partner's host page (the frame and the host page).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { launch, navigatedFrame, serve, axe, waitForMap, watchedPage } from "../lib/harness.mjs";

let browser, server, host;

before(async () => {
  browser = await launch();
  server = await serve();
  // A partner's page on another origin that embeds the widget with embed.js.
  host = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Partner</title></head><body><main>
      <h1>Werken als huisarts</h1>
      <div data-twente-kaart data-lang="nl"></div>
      <script src="${server.url}embed.js" async></script></main></body></html>`);
  });
  await new Promise((r) => host.listen(0, "localhost", r));
});

after(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((r) => host.close(r));
});

for (const colorScheme of ["light", "dark"]) {
  test(`axe: kiosk (${colorScheme}) overview, panel with QR codes, countdown — zero violations`, async () => {
    const { page, problems } = await watchedPage(browser, { viewport: { width: 1920, height: 1080 }, colorScheme, hasTouch: true, locale: "nl-NL" });
    await page.goto(`${server.url}kiosk.html?lang=nl&idle=5`);
    await waitForMap(page);
    const results = { overview: await axe(page) };
    await page.tap('path.tk-shape[data-code="GM0153"]');
    // A card opens in place to its QR code.
    await page.tap('[data-panel="GM0153"] article.tk-item summary');
    await page.waitForSelector('[data-panel="GM0153"] figure.tk-qr');
    results.panel = await axe(page);
    await page.waitForSelector(".tk-countdown", { timeout: 20000 });
    results.countdown = await axe(page);
    for (const [state, v] of Object.entries(results)) {
      console.log(`kiosk ${colorScheme} ${state}: ${v.length} violations`, v.length ? JSON.stringify(v) : "");
      assert.deepEqual(v, [], `kiosk ${colorScheme} ${state}`);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test(`axe: embedded on a host page (${colorScheme}) — zero violations in the frame and on the host`, async () => {
    const { page, problems } = await watchedPage(browser, { colorScheme, locale: "nl-NL" });
    await page.goto(`http://localhost:${host.address().port}/`);
    const frameEl = await page.waitForSelector("iframe");
    const frame = await navigatedFrame(frameEl);
    await waitForMap(frame);
    const inFrame = await axe(frame);
    const onHost = await axe(page);
    console.log(`embed ${colorScheme}: frame ${inFrame.length}, host ${onHost.length} violations`);
    assert.deepEqual(inFrame, [], "inside the embed");
    assert.deepEqual(onHost, [], "on the host page (the iframe needs a title)");
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}
