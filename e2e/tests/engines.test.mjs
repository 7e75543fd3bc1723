// The core flows in the other engines visitors use: WebKit (Safari on iPhones is WebKit) and Firefox, driven
// over WebDriver (lib/webdriver.mjs), on the same release build and server as the Chromium tests. What a
// person does and sees: the map drawn and named, a municipality clicked and its panel, the list searched, a
// deep link, the embed's height on a partner page (cross-origin), a tap in kiosk mode.
// Run: cd e2e && node --test tests/engines.test.mjs   (TK_ENGINES=webkit or firefox for one)
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Origin } from "selenium-webdriver";
import { CODES, NAMES, currentItems, ids, matchesSearch, startWidgetServer, unobstructedPoint, waitForDist } from "../lib/widget.mjs";
import { ENGINES, startEngine } from "../lib/webdriver.mjs";

const chosen = (process.env.TK_ENGINES || Object.keys(ENGINES).join(",")).split(",").filter(Boolean);

/// Polls `fn(arg)` in the page every 100 ms until it returns something truthy; returns that.
async function until(d, fn, arg, what, timeout = 20000) {
  let last;
  try {
    return await d.wait(async () => (last = await d.executeScript(`return (${fn}).apply(null, arguments)`, arg)), timeout, undefined, 100);
  } catch (e) {
    const seen = await d.executeScript("return { url: location.href, text: document.body && document.body.innerText.slice(0, 300), panicked: !!window.__tkPanicked }").catch((err) => err.message);
    throw new Error(`${what}: not within ${timeout} ms (last answer ${JSON.stringify(last)}; the page: ${JSON.stringify(seen)})`);
  }
}

/// The live map: the prerender replaced and every municipality drawn.
const mapReady = (d, what = "the live map") => until(d, () => !document.getElementById("tk-prerender")
  && !document.querySelector(".tk-preview") && document.querySelectorAll("path.tk-shape[data-code]").length >= 14, null, what);

/// What must not be on any page: a panic of the wasm, an error banner.
async function noTrouble(d) {
  const t = await d.executeScript(() => ({ panicked: !!window.__tkPanicked, banner: document.querySelector(".tk-error")?.innerText ?? null }));
  assert.deepEqual(t, { panicked: false, banner: null });
}

/// Clicks like a person with a mouse or a finger: at a point where the shape itself is on top (not a marker).
async function clickShape(d, code) {
  const sel = `path.tk-shape[data-code="${code}"]`;
  await d.executeScript((s) => document.querySelector(s).scrollIntoView({ block: "center" }), sel);
  const p = await d.executeScript(unobstructedPoint, sel);
  assert.ok(p, `a visible, unobstructed point on ${CODES[code]}`);
  await d.actions().move({ x: Math.round(p.x), y: Math.round(p.y), origin: Origin.VIEWPORT }).click().perform();
}

const panelIds = (d, code) => d.executeScript((c) => [...document.querySelectorAll(`section.tk-panel[data-panel="${c}"] .tk-items > li > [data-item]`)].map((e) => e.dataset.item).sort(), code);

/// A partner page on another origin (localhost vs the widget's 127.0.0.1), with the embed snippet.
function startHost(widgetOrigin) {
  const page = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Partner</title><link rel="icon" href="data:,"></head>`
    + `<body><h1>Gemeente Voorbeeld</h1><div id="k" data-twente-kaart data-lang="nl"></div>`
    + `<script src="${widgetOrigin}/embed.js" async></script><p>Einde van de pagina.</p></body></html>`;
  const server = http.createServer((req, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8" }); res.end(page); });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    url: `http://localhost:${server.address().port}/partner.html`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  })));
}

let server;
before(async () => { await waitForDist(); server = await startWidgetServer(); });
after(async () => server?.close());

for (const name of chosen) {
  describe(ENGINES[name].label, () => {
    let engine, d;
    before(async () => {
      engine = await startEngine(name);
      d = engine.driver;
      await d.manage().window().setRect({ width: 1280, height: 900 }).catch(() => { /* a fixed-size window is fine */ });
    });
    after(async () => engine?.close());

    test("the map: all 14 municipalities drawn, each named on the map", async () => {
      await d.get(server.url);
      await mapReady(d);
      const seen = await d.executeScript(() => {
        const names = [...document.querySelectorAll("svg text")].filter((t) => t.getBoundingClientRect().width > 0).map((t) => t.textContent.trim());
        return { codes: [...document.querySelectorAll("path.tk-shape[data-code]")].map((p) => p.dataset.code).sort(), names };
      });
      assert.deepEqual(seen.codes, Object.keys(CODES).sort());
      for (const n of NAMES) assert.ok(seen.names.some((t) => t.startsWith(n)), `${n} is named on the map (saw ${seen.names.join(", ")})`);
      if (process.env.TK_ENGINE_SHOTS) fs.writeFileSync(path.join(os.tmpdir(), `engine-${name}.png`), await d.takeScreenshot(), "base64");
      await noTrouble(d);
    });

    test("a click on Enschede opens its panel with exactly its current items; Escape closes it", async () => {
      await d.get(server.url);
      await mapReady(d);
      await clickShape(d, "GM0153");
      await until(d, () => { const p = document.querySelector('section.tk-panel[data-panel="GM0153"]'); return p && p.getBoundingClientRect().height > 0; }, null, "the Enschede panel");
      assert.deepEqual(await panelIds(d, "GM0153"), ids(currentItems().filter((i) => i.municipality === "GM0153")));
      // The widget writes the address bar when the browser is idle (within 200 ms of the click), not in the click's frame.
      await until(d, () => /[?&]gemeente=GM0153(&|$)/.test(location.search), null, "the selection in the URL", 2000);
      await d.actions().sendKeys("\uE00C").perform();
      await until(d, () => !document.querySelector("section.tk-panel[data-panel]"), null, "the panel closed by Escape");
      await noTrouble(d);
    });

    test("the list: typing a search narrows it to the matching items", async () => {
      await d.get(server.url);
      await mapReady(d);
      const count = () => d.executeScript(() => Number(document.querySelector("section#tk-list p.tk-count")?.textContent.match(/\d+/)?.[0]));
      assert.equal(await count(), currentItems().length);
      const input = await d.findElement({ css: 'section#tk-list input[type="search"]' });
      await d.executeScript((el) => el.scrollIntoView({ block: "center" }), input);
      await input.sendKeys("Hengelo");
      const want = currentItems().filter((i) => matchesSearch(i, "Hengelo")).length;
      assert.ok(want > 0 && want < currentItems().length);
      await until(d, (n) => Number(document.querySelector("section#tk-list p.tk-count")?.textContent.match(/\d+/)?.[0]) === n, want, `the count line saying ${want}`);
      await noTrouble(d);
    });

    test("a deep link opens that municipality's panel, also after a reload", async () => {
      await d.get(`${server.url}?gemeente=GM0164`);
      const open = () => until(d, () => { const p = document.querySelector('section.tk-panel[data-panel="GM0164"]'); return p && p.getBoundingClientRect().height > 0 && !document.getElementById("tk-prerender"); }, null, "the Hengelo panel");
      await open();
      await d.navigate().refresh();
      await open();
      assert.deepEqual(await panelIds(d, "GM0164"), ids(currentItems().filter((i) => i.municipality === "GM0164")));
      await noTrouble(d);
    });

    test("embedded on a partner page (another origin), the iframe takes the widget's height", async () => {
      const host = await startHost(server.origin);
      try {
        await d.get(host.url);
        const frame = await d.wait(async () => (await d.findElements({ css: "#k iframe" }))[0], 20000, "the embed's iframe");
        await d.switchTo().frame(frame);
        await mapReady(d, "the map in the iframe");
        await d.switchTo().defaultContent();
        // Both heights are read again on every try: the widget's is not final when the map is drawn, and the
        // iframe must follow it to where it settles.
        const heights = async () => {
          await d.switchTo().frame(frame);
          const content = await d.executeScript(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
          await d.switchTo().defaultContent();
          const outer = await d.executeScript(() => document.querySelector("#k iframe").getBoundingClientRect().height);
          return { content, outer };
        };
        let last;
        await d.wait(async () => Math.abs((last = await heights()).outer - last.content) <= 2, 20000, undefined, 100).catch((e) => {
          if (e.name !== "TimeoutError") throw e;
          assert.fail(`the iframe never took the widget's height within 20 s (last: iframe ${last?.outer} px, widget ${last?.content} px)`);
        });
        assert.ok(last.outer > 300 && last.outer < 20000, `a plausible height: ${last.outer}`);
      } finally {
        await d.switchTo().defaultContent().catch(() => {});
        await host.close();
      }
    });

    test("kiosk mode: a tap on Hengelo opens its panel", async () => {
      await d.get(`${server.url}kiosk.html`);
      await mapReady(d);
      assert.ok(await d.executeScript(() => !!document.querySelector(".tk.tk-kiosk")), "kiosk.html runs in kiosk mode");
      await clickShape(d, "GM0164");
      await until(d, () => { const p = document.querySelector('section.tk-panel[data-panel="GM0164"]'); return p && p.getBoundingClientRect().height > 0; }, null, "the Hengelo panel in the kiosk");
      await noTrouble(d);
    });
  });
}
