// Kiosk mode (congress stand touch screen, kiosk.html): touch, QR codes instead of links (decoded in the page
// with jsQR), big touch targets, no selection / context menu, the idle countdown → reset → attract loop,
// offline via the service worker and picking up a new deploy, a short soak for leaks, and that embeds never
// register a service worker. Run: cd e2e && node --test tests/kiosk.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { shot, DIST, ROOT, listingsData } from "../lib/harness.mjs";
import { startServer } from "../server.mjs";
import * as W from "../lib/widget.mjs";

let browser, server;

before(async () => ({ browser, server } = await W.startSuite()));
after(() => W.closeAll(browser, server));

const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };
const TOUCH = { hasTouch: true, isMobile: false };
const today = W.todayIso();
const current = W.currentItems(today);
const byId = new Map(listingsData().items.map((i) => [i.id, i]));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/// Polls `fn(arg)` in the page (it may be async) until it returns something truthy; returns that or null.
async function pollPage(page, fn, arg, timeout = 10000, every = 250) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await page.evaluate(fn, arg).catch(() => null);
    if (v || Date.now() > end) return v || null;
    await sleep(every);
  }
}

/// A watched kiosk page on a touch screen, with the live map drawn. `srv` defaults to the shared server.
async function openKiosk({ viewport = LANDSCAPE, query = "", srv = server, ...ctx } = {}) {
  return W.openWidget(browser, srv, { query: "kiosk.html" + query, viewport, ...TOUCH, ...ctx });
}

/// The QR code target an item gets in kiosk mode: its safe (https) link, else mailto: its contact e-mail.
function qrTarget(item) {
  if (item.link && /^https:\/\//.test(item.link)) return item.link;
  const e = item.contact?.email;
  return e ? `mailto:${e}` : null;
}

/// Loads jsQR into the page (a global `jsQR`).
async function injectJsQR(page) {
  const src = fs.readFileSync(path.join(ROOT, "e2e/node_modules/jsqr/dist/jsQR.js"), "utf8");
  await page.evaluate(src);
  if (!(await page.evaluate(() => typeof window.jsQR === "function"))) {
    await page.evaluate(`(function(){var module=undefined,exports=undefined,define=undefined;${src}\n}).call(window)`);
  }
  assert.equal(await page.evaluate(() => typeof window.jsQR), "function", "jsQR loaded in the page");
}

/// Renders the `svg.tk-qr-code` matched by `selector` to a canvas (8 px per module, the colours the page
/// computes for it) and decodes it with jsQR. Returns { text, viewBox, fills } or throws.
async function decodeQr(page, selector) {
  return page.evaluate(async (sel) => {
    const svg = document.querySelector(sel);
    if (!svg) throw new Error(`no ${sel}`);
    const vb = svg.viewBox.baseVal;
    const rect = svg.querySelector("rect"), dark = svg.querySelector("path");
    const fills = { bg: getComputedStyle(rect).fill, dark: getComputedStyle(dark).fill };
    const clone = svg.cloneNode(true);
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    const scale = 8, w = Math.round(vb.width * scale), h = Math.round(vb.height * scale);
    clone.setAttribute("width", w);
    clone.setAttribute("height", h);
    clone.setAttribute("shape-rendering", "crispEdges");
    clone.querySelector("rect").setAttribute("fill", fills.bg);
    clone.querySelector("path").setAttribute("fill", fills.dark);
    const xml = new XMLSerializer().serializeToString(clone);
    const img = new Image();
    img.src = "data:image/svg+xml;base64," + btoa(unescape(encodeURIComponent(xml)));
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(img, 0, 0, w, h);
    const data = ctx.getImageData(0, 0, w, h);
    const r = window.jsQR(data.data, w, h, { inversionAttempts: "dontInvert" });
    return { text: r ? r.data : null, version: r ? r.version : null, viewBox: [vb.x, vb.y, vb.width, vb.height], fills };
  }, selector);
}

// ---------------------------------------------------------------------------------------------------------
// (a) touch, QR codes, touch targets, no selection, no context menu, screenshots

for (const [orientation, viewport] of [["landscape", LANDSCAPE], ["portrait", PORTRAIT]]) {
  test(`(a) kiosk ${orientation} ${viewport.width}×${viewport.height}: tap, QR codes, touch targets, no escapes`, async () => {
    const w = await openKiosk({ viewport });
    const { page } = w;
    try {
      assert.ok(await page.locator(".tk.tk-kiosk").count(), "kiosk.html runs the widget in kiosk mode");
      await page.tap('path.tk-shape[data-code="GM0153"]');
      const p = page.locator('[data-panel="GM0153"]');
      await p.waitFor({ state: "visible", timeout: 5000 });

      // Every item in the panel with a link shows it as a QR code once its card is open (a card's body is built
      // when it first opens: the first card by a tap, the others at once); no link out anywhere in the kiosk.
      await p.locator("article.tk-item summary").first().tap();
      await p.locator("article.tk-item").first().locator("figure.tk-qr").waitFor({ timeout: 5000 });
      await W.openCards(page, '[data-panel="GM0153"]');
      const articles = await p.locator(".tk-items > li > [data-item]").evaluateAll((as) =>
        as.map((a) => ({ id: a.dataset.item, qr: [...a.querySelectorAll("figure.tk-qr")].map((f) => ({ link: f.dataset.link, svg: !!f.querySelector("svg.tk-qr-code path"), caption: f.querySelector("figcaption")?.textContent || "" })) })));
      const expectedIds = W.ids(current.filter((i) => i.municipality === "GM0153"));
      assert.deepEqual(articles.map((a) => a.id).sort(), expectedIds, "the panel shows Enschede's current items");
      for (const a of articles) {
        const want = qrTarget(byId.get(a.id));
        if (!want) continue;
        assert.equal(a.qr.length, 1, `item ${a.id} shows one QR code`);
        assert.equal(a.qr[0].link, want, `QR code of ${a.id} encodes its link`);
        assert.ok(a.qr[0].svg, `QR code of ${a.id} is drawn`);
        assert.ok(a.qr[0].caption.length > 0 && a.qr[0].caption.length <= 60 && !/^https?:/.test(a.qr[0].caption), `short caption under the QR code of ${a.id}: ${a.qr[0].caption}`);
      }
      assert.equal(await p.locator('a[href^="http"]').count(), 0, "no a[href^=http] in the panel: a kiosk never navigates away");
      assert.equal(await page.locator('.tk a[href^="http"], .tk a[href^="mailto:"], .tk a[target="_blank"]').count(), 0, "no link out anywhere in the kiosk widget");

      // Decode the first item's QR code in the page.
      await injectJsQR(page);
      const firstId = articles[0].id;
      const first = await decodeQr(page, `[data-panel="GM0153"] article.tk-item[data-item="${firstId}"] svg.tk-qr-code`);
      const firstLink = await p.locator(`article.tk-item[data-item="${firstId}"] figure.tk-qr`).getAttribute("data-link");
      console.log(`# ${orientation}: QR of ${firstId} (version ${first.version}, viewBox ${first.viewBox.join(" ")}, fills ${first.fills.bg}/${first.fills.dark}) decodes to ${JSON.stringify(first.text)}`);
      assert.equal(first.text, firstLink, "decoded QR text = figure.tk-qr data-link");
      assert.equal(first.text, byId.get(firstId).link, "decoded QR text = the item's link in listings.json");
      const [vx, vy, vw, vh] = first.viewBox;
      assert.deepEqual([vx, vy], [-4, -4], "4-module quiet zone left/top");
      assert.equal(vw, vh, "square QR code");
      assert.ok((vw - 8 - 21) % 4 === 0 && vw - 8 >= 21, `QR size + quiet zone: viewBox ${vw} = (21+4k) + 8`);
      assert.equal(first.fills.bg, "rgb(255, 255, 255)", "QR background white");
      assert.equal(first.fills.dark, "rgb(0, 0, 0)", "QR modules black");
      // Every other QR code on screen decodes too (panel items and the footer's contact).
      const all = await page.locator("figure.tk-qr").evaluateAll((fs) => fs.map((f, i) => ({ i, link: f.dataset.link })));
      for (const { i, link } of all) {
        await page.evaluate((i) => document.querySelectorAll("figure.tk-qr svg.tk-qr-code")[i].setAttribute("data-tk-test-qr", String(i)), i);
        const dec = await decodeQr(page, `svg.tk-qr-code[data-tk-test-qr="${i}"]`);
        assert.equal(dec.text, link, `QR code #${i} decodes to its data-link`);
      }
      await page.evaluate(() => document.querySelectorAll("[data-tk-test-qr]").forEach((e) => e.removeAttribute("data-tk-test-qr")));

      // Touch targets ≥ 48×48 CSS px: buttons, layer toggles, language links, close buttons.
      const targets = await page.evaluate(() => {
        const els = document.querySelectorAll(".tk button, .tk .tk-layer, .tk .tk-lang, .tk .tk-close");
        return [...els].filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden").map((e) => {
          const r = e.getBoundingClientRect();
          return { what: `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} "${(e.textContent || e.getAttribute("aria-label") || "").trim().slice(0, 30)}"`, w: r.width, h: r.height };
        });
      });
      assert.ok(targets.some((t) => t.what.includes("tk-close")), "close button measured");
      assert.equal(targets.filter((t) => t.what.startsWith("div.tk-layer")).length, 6, "six layer toggles measured (five categories, the care layer)");
      assert.ok(targets.filter((t) => t.what.includes("tk-lang")).length >= 2, "language links measured");
      const small = targets.filter((t) => t.w < 48 || t.h < 48).map((t) => `${t.what} ${t.w.toFixed(1)}×${t.h.toFixed(1)}`);
      assert.deepEqual(small, [], "touch targets smaller than 48×48 CSS px");

      // No text selection, no context menu.
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".tk")).userSelect), "none", "user-select: none");
      const prevented = await page.evaluate(() => {
        const target = document.querySelector('path.tk-shape[data-code="GM0153"]');
        const ev = new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 10, clientY: 10 });
        target.dispatchEvent(ev);
        return ev.defaultPrevented;
      });
      assert.equal(prevented, true, "contextmenu is default-prevented");

      await shot(page, `kiosk-${orientation}.png`);
      assert.deepEqual(await W.troubles(w), [], "no console errors, CSP violations, third-party requests or cookies");
    } finally {
      await w.context.close();
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// (b) idle: countdown, a tap keeps the state, reset, attract loop, a tap stops it

test("(b) idle countdown → tap keeps state; countdown → reset → attract loop; tap stops it", { timeout: 70000 }, async () => {
  const t0 = Date.now();
  const w = await openKiosk({ query: "?idle=5" });
  const { page } = w;
  // Checks that fail are collected, so one run shows the whole idle cycle; the test fails at the end.
  const failures = [];
  const soft = async (fn) => { try { await fn(); } catch (e) { failures.push(e.message.split("\n")[0]); } };
  try {
    await page.tap('path.tk-shape[data-code="GM0153"]');
    const p = page.locator('section.tk-panel[data-panel="GM0153"]');
    await p.waitFor({ state: "visible", timeout: 5000 });
    // The list is the side column's second pane: search there, then back to Enschede's panel.
    await page.getByRole("button", { name: "Lijst" }).tap();
    const search = W.searchInput(page);
    await search.tap();
    await page.keyboard.type("praktijk");
    assert.equal(await search.inputValue(), "praktijk");
    await page.getByRole("button", { name: "Gemeente" }).tap();
    await p.waitFor({ state: "visible", timeout: 2000 });
    // Where a visitor touching the dimmed map would tap: on Hengelo, under the overlay. (Programmatic
    // scrolling is no visitor activity.)
    await page.evaluate(() => scrollTo(0, 0));
    const onHengelo = await W.clickablePoint(page, 'path.tk-shape[data-code="GM0164"]');
    const countdown = page.locator(".tk-countdown");
    const number = page.locator(".tk-countdown-number");

    // 1. Idle with state: the countdown appears and counts down.
    const idleFrom = Date.now();
    await countdown.waitFor({ state: "visible", timeout: 10000 });
    const shownAfter = (Date.now() - idleFrom) / 1000;
    const n1 = Number((await number.textContent()).trim());
    assert.ok(n1 >= 1 && n1 <= 10, `countdown number ${n1}`);
    assert.ok(shownAfter >= 4 && shownAfter <= 8, `countdown after ${shownAfter.toFixed(1)} s idle (idle=5)`);
    await page.waitForFunction((n) => Number(document.querySelector(".tk-countdown-number")?.textContent) < n, n1, { timeout: 3000 });
    assert.ok(await p.isVisible(), "the panel stays while counting down");

    // 2. A tap on the countdown (a real touch on the overlay, which covers the whole screen) keeps everything
    //    and does not reach what is underneath.
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest(".tk-countdown") != null, onHengelo);
    assert.ok(hit, "the countdown overlay covers the map where the visitor taps");
    await page.touchscreen.tap(onHengelo.x, onHengelo.y);
    await countdown.waitFor({ state: "detached", timeout: 2000 });
    await sleep(300);
    const panelsNow = await W.anyPanel(page).evaluateAll((ps) => ps.map((x) => x.dataset.panel));
    await soft(() => assert.deepEqual(panelsNow, ["GM0153"], "after a tap on the countdown: Enschede's panel still open, nothing under the overlay selected"));
    await soft(async () => assert.equal(await search.inputValue(), "praktijk", "search kept"));
    await soft(async () => assert.equal((await W.params(page)).get("gemeente"), "GM0153", `URL keeps gemeente=GM0153: ${page.url()}`));

    // 3. Idle again without touching: countdown, then reset to the overview, then the attract loop.
    await countdown.waitFor({ state: "visible", timeout: 10000 });
    await W.anyPanel(page).waitFor({ state: "detached", timeout: 14000 });
    await countdown.waitFor({ state: "detached", timeout: 2000 });
    assert.equal(await W.anyPanel(page).count(), 0, "no panel after the reset");
    assert.equal(await search.inputValue(), "", "search cleared by the reset");
    const q = await W.params(page);
    assert.equal(q.get("gemeente"), null, `URL has no gemeente after the reset: ${page.url()}`);
    assert.equal(q.get("q"), null, `URL has no search after the reset: ${page.url()}`);
    assert.equal(await page.locator(".tk-layer input:checked").count(), 5, "all layers on");

    const attract = page.locator(".tk-attract");
    await attract.waitFor({ state: "visible", timeout: 3000 });
    const code1 = await attract.getAttribute("data-attract");
    assert.ok(W.CODES[code1], `attract shows a municipality: ${code1}`);
    const title = (await attract.locator(".tk-overlay-title").textContent()).trim();
    assert.match(title, new RegExp(`^${W.CODES[code1]} — \\d+ praktijk(en)?, \\d+ woning(en)?, \\d+ werkgevers?(, \\d+ verha(al|len))?(, \\d+ bijeenkomst(en)?)?$`), `attract caption: ${title}`);
    const outline = async () => page.evaluate(() => document.querySelector("path.tk-outline-focus")?.getAttribute("d") || "");
    const focusInfo = () => page.evaluate(() => { const a = document.activeElement; return a?.dataset?.code ? `focused shape ${a.dataset.code}` : `focus on ${a?.tagName}`; });
    const outlined = async () => { const d = await outline(); return (await page.evaluate((d) => [...document.querySelectorAll("path.tk-shape[data-code]")].find((p) => p.getAttribute("d") === d)?.dataset.code || (d ? "?" : "none"), d)); };
    const o1 = await outlined();
    await soft(async () => assert.equal(o1, code1, `the map outlines the attract municipality ${code1}, not ${o1} (${await focusInfo()})`));

    // It cycles (6 s a slide): the next slide is a GP's story, large (photo and quote), its municipality
    // outlined; then the next municipality.
    const cycleFrom = Date.now();
    await page.locator(".tk-attract.is-story").waitFor({ state: "visible", timeout: 9000 });
    const cycle = (Date.now() - cycleFrom) / 1000;
    const storyCard = attract.locator("figure.tk-story");
    const storyId = await storyCard.getAttribute("data-item");
    const story = listingsData().items.find((i) => i.id === storyId);
    assert.equal(story?.category, "verhaal", `a story slide after ${cycle.toFixed(1)} s: ${storyId}`);
    assert.ok(story.featured, "featured stories come first");
    assert.equal((await storyCard.locator("q").textContent()).trim(), story.quote.nl);
    const code2 = await attract.getAttribute("data-attract");
    assert.equal(code2, story.municipality);
    const photo = storyCard.locator("img.tk-story-photo");
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await photo.elementHandle());
    const [pbox, qsize] = [await photo.boundingBox(), await storyCard.locator(".tk-story-quote").evaluate((e) => parseFloat(getComputedStyle(e).fontSize))];
    assert.ok(pbox.width >= 300, `the story's photo is large: ${pbox.width} px wide`);
    assert.ok(qsize >= 28, `the quote reads from a few metres: ${qsize} px`);
    await shot(page, "kiosk-story.png");
    const o2 = await outlined();
    await soft(async () => assert.equal(o2, code2, `the outline follows the attract loop to ${code2}, not ${o2} (${await focusInfo()})`));
    await page.waitForFunction(() => { const a = document.querySelector(".tk-attract"); return a && !a.classList.contains("is-story"); }, null, { timeout: 9000 });
    const code3 = await attract.getAttribute("data-attract");
    assert.ok(W.CODES[code3] && code3 !== code1, `then the next municipality: ${code3}`);
    assert.match((await attract.locator(".tk-overlay-title").textContent()).trim(), new RegExp(`^${W.CODES[code3]} — `));

    // 4. A tap stops it, without selecting what is underneath.
    await page.evaluate(() => scrollTo(0, 0));
    const under = await W.clickablePoint(page, ".tk-attract").catch(() => null);
    if (under) await page.touchscreen.tap(under.x, under.y);
    else await page.tap(".tk-attract");
    await attract.waitFor({ state: "detached", timeout: 2000 });
    await sleep(1500);
    assert.equal(await attract.count(), 0, "attract loop stays stopped");
    await soft(async () => assert.equal(await W.anyPanel(page).count(), 0, "the tap on the attract overlay selected nothing"));
    console.log(`# idle: countdown after ${shownAfter.toFixed(1)} s (starts at ${n1}), after the tap on it: panels ${JSON.stringify(panelsNow)}, URL ${page.url()}; attract ${code1} → ${code2} after ${cycle.toFixed(1)} s, outlined ${o1} → ${o2}; test took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    assert.deepEqual(await W.troubles(w), []);
    assert.deepEqual(failures, [], "the idle cycle misbehaved");
  } finally {
    await w.context.close();
  }
});

// ---------------------------------------------------------------------------------------------------------
// (c) offline via the service worker, and a new deploy replaces the old cache

test("(c) offline: the service worker serves map and data; a new deploy is picked up and the old cache deleted", { timeout: 90000 }, async () => {
  let srv = await W.startWidgetServer();
  const port = srv.port;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tk-kiosk-deploy-"));
  const w = await openKiosk({ srv });
  const { page, context } = w;
  const cacheState = () => page.evaluate(async () => {
    const out = {};
    for (const k of await caches.keys()) {
      const c = await caches.open(k);
      out[k] = (await c.keys()).map((r) => new URL(r.url).pathname);
    }
    return out;
  });
  // How many items the list has (its count line: the list shows them a page at a time).
  const listLength = async () => Number(((await page.locator("section#tk-list p.tk-count").textContent()) || "").match(/\d+/)?.[0] ?? -1);
  try {
    // Online: wait for the worker to control the page and fill its cache.
    const controlled = () => page.evaluate(() => !!navigator.serviceWorker.controller);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10000 }).catch(() => {});
    if (!(await controlled())) {
      await page.reload();
      await W.waitForMap(page);
    }
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10000 });
    const filled = await pollPage(page, async () => {
      for (const k of await caches.keys()) {
        if (!k.startsWith("twente-kaart-")) continue;
        if (await (await caches.open(k)).match(new URL("data/listings.json", location.href).href, { ignoreSearch: true })) return k;
      }
      return null;
    }, null, 15000);
    assert.ok(filled, "a twente-kaart- cache holds data/listings.json");
    const before = await cacheState();
    const oldNames = Object.keys(before).filter((k) => k.startsWith("twente-kaart-"));
    assert.equal(oldNames.length, 1, `one twente-kaart cache: ${oldNames}`);
    const oldVersion = fs.readFileSync(path.join(DIST, "sw.js"), "utf8").match(/const VERSION = "([^"]+)"/)[1];
    assert.equal(oldNames[0], `twente-kaart-${oldVersion}`, "cache named after the build's version");
    const onlineCount = await listLength();
    assert.ok(onlineCount >= 90, `online list shows ${onlineCount} items`);
    assert.doesNotMatch(await page.locator(".tk-data-status").textContent(), /offline/i, "online status");

    // Cut the network and stop the server; reload.
    await context.setOffline(true);
    await srv.close();
    await page.reload();
    await W.waitForMap(page);
    assert.equal(await page.locator("path.tk-shape[data-code]").count(), 14, "offline: the 14 municipalities");
    await page.waitForFunction(() => Number(document.querySelector("section#tk-list p.tk-count")?.textContent.match(/\d+/)?.[0]) >= 90, null, { timeout: 5000 }).catch(() => {});
    const offlineCount = await listLength();
    assert.ok(offlineCount >= 90, `offline: list shows ${offlineCount} items`);
    assert.equal(offlineCount, onlineCount, "offline: the same items as online");
    const status = (await page.locator(".tk-data-status").textContent()).trim();
    assert.match(status, /Offline/, `offline status line: ${status}`);
    assert.equal(await page.locator(".tk-error, .tk-banner, [role=alert]").count(), 0, "no error banner offline");
    console.log(`# offline: ${offlineCount} items, status "${status}", cache ${oldNames[0]} (${before[oldNames[0]].length} entries)`);

    // A new deploy: same origin and port, another sw.js version and one more item.
    fs.cpSync(DIST, tmp, { recursive: true });
    const newVersion = `${oldVersion}-next`;
    const swFile = path.join(tmp, "sw.js");
    fs.writeFileSync(swFile, fs.readFileSync(swFile, "utf8").replace(`const VERSION = "${oldVersion}";`, `const VERSION = "${newVersion}";`));
    assert.ok(fs.readFileSync(swFile, "utf8").includes(newVersion), "sw.js of the new deploy has the new version");
    const lf = path.join(tmp, "data/listings.json");
    const listings = JSON.parse(fs.readFileSync(lf, "utf8"));
    const base = listings.items.find((i) => i.municipality === "GM0153" && i.category === "praktijk" && !i.valid_until);
    const extra = structuredClone(base);
    extra.id = "prk-enschede-kiosktest";
    for (const k of Object.keys(extra.title)) extra.title[k] = `Nieuw na deploy ${k}`;
    extra.link = "https://www.huisartsintwente.nl/vacatures/prk-enschede-kiosktest";
    listings.items.push(extra);
    fs.writeFileSync(lf, JSON.stringify(listings, null, 2));

    srv = await startServer({ dist: tmp, port });
    await context.setOffline(false);
    await page.reload();
    await W.waitForMap(page);
    await sleep(1000);
    await page.reload();
    await W.waitForMap(page);
    await page.waitForFunction((n) => Number(document.querySelector("section#tk-list p.tk-count")?.textContent.match(/\d+/)?.[0]) === n, onlineCount + 1, { timeout: 10000 }).catch(() => {});
    assert.equal(await listLength(), onlineCount + 1, "after the deploy the list counts the new item");
    await page.getByRole("button", { name: "Lijst" }).tap();
    await W.searchInput(page).fill("Nieuw na deploy");
    await page.locator('section#tk-list article.tk-item[data-item="prk-enschede-kiosktest"]').waitFor({ state: "visible", timeout: 5000 });
    await W.searchInput(page).fill("");
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("q"));
    const ok = await pollPage(page, async (name) => {
      const ks = (await caches.keys()).filter((k) => k.startsWith("twente-kaart-"));
      return ks.length === 1 && ks[0] === name;
    }, `twente-kaart-${newVersion}`, 15000);
    const after = await cacheState();
    const swURL = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL || null);
    console.log(`# deploy: caches ${JSON.stringify(Object.keys(after))}, active worker ${swURL}`);
    assert.ok(ok, `only the new cache twente-kaart-${newVersion} remains: ${JSON.stringify(Object.keys(after))}`);
    assert.ok(after[`twente-kaart-${newVersion}`].some((p) => p.endsWith("/data/listings.json")), "the new cache holds the data");
    assert.equal(swURL, new URL("sw.js", srv.url).href, "the new worker is active");
    assert.doesNotMatch(await page.locator(".tk-data-status").textContent(), /offline/i, "online again");
    // Offline after the deploy serves the new data from the new cache.
    await context.setOffline(true);
    await srv.close();
    srv = null;
    await page.reload();
    await W.waitForMap(page);
    assert.equal(await listLength(), onlineCount + 1, "offline after the deploy: the new data from the new cache");
    const tr = (await W.troubles(w)).filter((t) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to load resource/.test(t));
    assert.deepEqual(tr, []);
  } finally {
    await w.context.close();
    await srv?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------------------
// (d) short soak: 300 taps, panels, searches, an attract cycle; memory and console errors

test("(d) short soak: 300 taps, panels, searches and an attract cycle leak < 2 MB and log no errors", { timeout: 180000 }, async () => {
  const w = await openKiosk({ query: "?idle=5" });
  const { page, context } = w;
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const measure = async () => {
      for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
      const m = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((x) => [x.name, x.value]));
      const h = await cdp.send("Runtime.getHeapUsage");
      return { jsHeapUsed: m.JSHeapUsedSize, heapUsage: h.usedSize, nodes: m.Nodes, listeners: m.JSEventListeners };
    };
    const codes = ["GM0153", "GM0164"];
    const counts = { taps: 0, closes: 0, searches: 0, attract: 0 };
    const tapShape = async (code) => {
      const sel = `path.tk-shape[data-code="${code}"]`;
      const { x, y } = await W.clickablePoint(page, sel).catch(async () => {
        await page.locator(sel).scrollIntoViewIfNeeded();
        return W.clickablePoint(page, sel);
      }).catch(async (e) => {
        const why = await page.evaluate((sel) => {
          const r = document.querySelector(sel).getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return { rect: [r.left, r.top, r.width, r.height].map(Math.round), scrollY, hit: hit && `${hit.tagName}.${hit.getAttribute("class")}`, overlays: [...document.querySelectorAll(".tk-overlay")].map((o) => o.className) };
        }, sel);
        throw new Error(`${e.message} after ${JSON.stringify(counts)}: ${JSON.stringify(why)}`);
      });
      await page.touchscreen.tap(x, y);
      counts.taps++;
      // (locator.waitFor, not waitForSelector: an element handle per tap would keep each old panel alive)
      await page.locator(`section.tk-panel[data-panel="${code}"]`).waitFor({ timeout: 5000 });
    };
    const closePanel = async () => {
      await page.locator("section.tk-panel .tk-close").tap();
      await page.locator("section.tk-panel[data-panel]").waitFor({ state: "detached", timeout: 5000 });
      counts.closes++;
    };
    const terms = ["praktijk", "Enschede", "woning", "zzz-geen-treffer"];
    const doSearch = async () => {
      const term = terms[counts.searches % terms.length];
      await page.getByRole("button", { name: "Lijst" }).tap();
      const input = W.searchInput(page);
      await input.tap();
      await page.keyboard.type(term);
      await page.waitForFunction((t) => document.querySelector('section#tk-list input[type="search"]').value === t, term);
      // Cleared key by key, as on the stand's on-screen keyboard. (Ctrl+A does not select in the kiosk:
      // kiosk.rs prevents `selectstart` on the whole document, inputs included.)
      for (let k = 0; k < term.length; k++) await page.keyboard.press("Backspace");
      await page.waitForFunction(() => document.querySelector('section#tk-list input[type="search"]').value === "");
      await page.getByRole("button", { name: "Gemeente" }).tap();
      counts.searches++;
    };

    // Warm-up (first render of both panels, the list and a search), then the baseline.
    const initial = await measure();
    await tapShape(codes[0]);
    await tapShape(codes[1]);
    await closePanel();
    await doSearch();
    Object.assign(counts, { taps: 0, closes: 0, searches: 0 });
    const start = await measure();
    const t0 = Date.now();

    for (let i = 0; i < 300; i++) {
      await tapShape(codes[i % 2]);
      if (i % 50 === 49) await closePanel();
      if (i % 75 === 37) await doSearch();
      if (i % 50 === 49) console.log(`# soak: ${i + 1} taps after ${((Date.now() - t0) / 1000).toFixed(1)} s, scrollY ${await page.evaluate(() => scrollY)}`);
    }
    // A forced attract cycle: back to the overview, idle until the loop runs and moves on, tap to stop.
    if (await W.anyPanel(page).count()) await closePanel();
    const attract = page.locator(".tk-attract");
    await attract.waitFor({ state: "visible", timeout: 9000 });
    const a1 = await attract.getAttribute("data-attract");
    await page.waitForFunction((c) => { const a = document.querySelector(".tk-attract"); return a && a.dataset.attract !== c; }, a1, { timeout: 9000 });
    await page.tap(".tk-attract");
    await attract.waitFor({ state: "detached", timeout: 2000 });
    counts.attract++;
    const seconds = (Date.now() - t0) / 1000;
    const end = await measure();

    const mb = (b) => (b / 1048576).toFixed(2);
    console.log(`# soak: ${counts.taps} taps, ${counts.closes} closes, ${counts.searches} searches, ${counts.attract} attract cycle in ${seconds.toFixed(1)} s`);
    console.log(`# soak: JSHeapUsedSize initial ${mb(initial.jsHeapUsed)} MB, start ${mb(start.jsHeapUsed)} MB, end ${mb(end.jsHeapUsed)} MB (Δ ${mb(end.jsHeapUsed - start.jsHeapUsed)} MB)`);
    console.log(`# soak: Runtime.getHeapUsage used initial ${mb(initial.heapUsage)} MB, start ${mb(start.heapUsage)} MB, end ${mb(end.heapUsage)} MB (Δ ${mb(end.heapUsage - start.heapUsage)} MB)`);
    console.log(`# soak: DOM nodes ${initial.nodes} / ${start.nodes} / ${end.nodes}, JS event listeners ${initial.listeners} / ${start.listeners} / ${end.listeners}`);
    assert.equal(counts.taps, 300);
    assert.ok(end.jsHeapUsed - start.jsHeapUsed < 2 * 1048576, `JS heap grew ${mb(end.jsHeapUsed - start.jsHeapUsed)} MB (< 2 MB allowed)`);
    assert.ok(end.heapUsage - start.heapUsage < 2 * 1048576, `heap usage grew ${mb(end.heapUsage - start.heapUsage)} MB (< 2 MB allowed)`);
    assert.ok(end.nodes - start.nodes < 500, `DOM nodes (live + detached, after GC) grew ${end.nodes - start.nodes}`);
    assert.ok(end.listeners - start.listeners <= 5, `JS event listeners grew ${end.listeners - start.listeners}`);
    assert.deepEqual(await W.troubles(w), [], "no console errors during the soak");
  } finally {
    await w.context.close();
  }
});

// ---------------------------------------------------------------------------------------------------------
// (e) an embed (index.html, not kiosk) never registers a service worker

test("(e) index.html (embed, not kiosk) registers no service worker", async () => {
  const w = await W.openWidget(browser, server, { viewport: LANDSCAPE });
  const { page } = w;
  try {
    assert.equal(await page.locator(".tk.tk-kiosk").count(), 0, "not in kiosk mode");
    await sleep(1500);
    const regs = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
    assert.deepEqual(regs, [], "no service worker registrations");
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null, "page not controlled by a worker");
    assert.deepEqual(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("twente-kaart-"))), [], "no twente-kaart caches");
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
});
