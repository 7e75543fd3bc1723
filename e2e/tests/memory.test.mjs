// Memory: a kiosk runs all day and a visitor may click for a long time, so repeating the same interactions
// must not grow the widget's memory. The wasm linear memory only grows (in 64 KiB pages), never shrinks: if
// each round leaked, hundreds of rounds would add pages. Before the fixes in vendor/reactive_graph, the 200
// rounds below added 58 pages (3.6 MiB).
//
// Run: cd e2e && node --test tests/memory.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as W from "../lib/widget.mjs";

let browser, server;
before(async () => ({ browser, server } = await W.startSuite()));
after(() => W.closeAll(browser, server));

const PAGE = 64 * 1024;

/// Keeps the wasm instance's memory (Trunk's loader announces the instance) for the test to read.
function keepWasmMemory() {
  addEventListener("TrunkApplicationStarted", (e) => { window.__tkWasmMemory = e.detail?.wasm?.memory; });
}

/// `n` times in the page: open `code`'s panel, search (for nothing), clear, close — each waiting until it shows.
async function rounds(page, code, n) {
  await page.evaluate(async ([code, n]) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const until = async (ok, what) => {
      for (let i = 0; i < 200 && !ok(); i++) await frame();
      if (!ok()) throw new Error(`never happened: ${what}`);
    };
    const search = async (value) => {
      const input = document.querySelector(".tk-list input[type=search]");
      const before = document.querySelector(".tk-count").textContent;
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await until(() => document.querySelector(".tk-count").textContent !== before, `search "${value}"`);
    };
    for (let i = 0; i < n; i++) {
      document.querySelector(`path.tk-shape[data-code="${code}"]`).dispatchEvent(new MouseEvent("click", { bubbles: true }));
      await until(() => document.querySelector(`[data-panel="${code}"]`), "panel open");
      await search("zzz-niets");
      await search("");
      document.querySelector(`[data-panel="${code}"] .tk-close`).click();
      await until(() => !document.querySelector("[data-panel]"), "panel closed");
    }
  }, [code, n]);
}

test("200 rounds of open panel, search, clear, close: the wasm memory does not grow", async () => {
  const w = await W.openWidget(browser, server, { init: (page) => page.addInitScript(keepWasmMemory) });
  const { page } = w;
  const pages = () => page.evaluate(() => window.__tkWasmMemory.buffer.byteLength);
  // Warm-up: lazily built state (the first panel, caches) is not growth.
  await rounds(page, "GM0153", 20);
  const before = await pages();
  await rounds(page, "GM0153", 200);
  const after = await pages();
  const grown = (after - before) / PAGE;
  console.log(`wasm memory: ${before / PAGE} pages before, ${after / PAGE} after 200 rounds (+${grown})`);
  // One page of slack for the allocator's fragmentation; a leak of even 0.5 KiB per round would add two.
  assert.ok(grown <= 1, `the wasm memory grew by ${grown} pages of 64 KiB over 200 rounds`);
  // And the page shows what it showed before.
  assert.equal(await page.locator("[data-panel]").count(), 0);
  assert.equal(await page.locator(".tk-list input[type=search]").inputValue(), "");
  assert.deepEqual(await W.troubles(w), []);
  await w.context.close();
});

test("300 language switches (the whole widget is rebuilt each time): the wasm memory does not grow, no observer is left behind", async () => {
  const w = await W.openWidget(browser, server, { init: (page) => page.addInitScript(keepWasmMemory) });
  const { page } = w;
  const pages = () => page.evaluate(() => window.__tkWasmMemory.buffer.byteLength);
  // Counts ResizeObservers the page has made and disconnected (the map's observer is rebuilt with the map).
  await page.evaluate(() => {
    const Native = window.ResizeObserver;
    window.__tkObservers = { made: 0, disconnected: 0 };
    window.ResizeObserver = class extends Native {
      constructor(cb) { super(cb); window.__tkObservers.made++; }
      disconnect() { window.__tkObservers.disconnected++; super.disconnect(); }
    };
  });
  const switches = (n) => page.evaluate(async (n) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (let i = 0; i < n; i++) {
      const lang = ["en", "de", "nl"][i % 3];
      document.querySelector(`a.tk-lang[hreflang="${lang}"]`).click();
      for (let f = 0; f < 200 && document.querySelector(".tk")?.getAttribute("lang") !== lang; f++) await frame();
      if (document.querySelector(".tk")?.getAttribute("lang") !== lang) throw new Error(`never switched to ${lang}`);
    }
  }, n);
  // Warm-up: the first rebuilds raise the heap's high-water mark (+2 pages over 60 switches). After that it is
  // flat: measured 28 pages after 60 switches and after 1,059. Before the memo fix in vendor/reactive_graph
  // each switch leaked three memos (108 bytes each): +9 pages over 999 switches.
  await switches(60);
  const before = await pages();
  const observers = await page.evaluate(() => ({ ...window.__tkObservers }));
  await switches(300);
  const after = await pages();
  const obs = await page.evaluate(() => ({ ...window.__tkObservers }));
  const grown = (after - before) / PAGE;
  console.log(`wasm memory: ${before / PAGE} pages before, ${after / PAGE} after 300 language switches (+${grown}); observers made ${obs.made - observers.made}, disconnected ${obs.disconnected - observers.disconnected}`);
  assert.equal(grown, 0, `the wasm memory grew by ${grown} pages of 64 KiB over 300 language switches`);
  assert.ok(obs.made - observers.made >= 300, "each switch rebuilt the map (and its observer)");
  assert.equal(obs.made - observers.made, obs.disconnected - observers.disconnected, "every observer the switches made was disconnected again");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "nl");
  assert.deepEqual(await W.troubles(w), []);
  await w.context.close();
});
