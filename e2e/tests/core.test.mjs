// Core behaviour of the widget as a visitor sees it: the 14 municipalities, a municipality's panel with exactly
// its current items, layers, search and filters, deep links, Escape, a click on the prerendered map before the
// wasm ran, no errors / CSP violations / third-party requests / cookies, no layout shift, and the README's
// screenshots. Run: cd e2e && node --test --test-concurrency=1 tests/core.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { shot, SCREENSHOTS, waitForMap } from "../lib/harness.mjs";
import * as W from "../lib/widget.mjs";

let browser, server;
/// What each test's pages reported (console errors, CSP violations, third-party requests, cookies…).
const log = [];

before(async () => ({ browser, server } = await W.startSuite()));
after(() => W.closeAll(browser, server));

/// Runs `fn(page, w)` on a fresh widget page and records what went wrong on it, whatever the outcome.
async function withWidget(name, opts, fn) {
  const w = await W.openWidget(browser, server, opts);
  try {
    return await fn(w.page, w);
  } finally {
    log.push({ name, troubles: await W.troubles(w) });
    await w.context.close();
  }
}

const today = W.todayIso();
const current = W.currentItems(today);

test("(a) the 14 municipalities are drawn, each named with its counts", async () => {
  await withWidget("a", {}, async (page) => {
    assert.equal(await page.locator("path.tk-shape[data-code]").count(), 14, "14 live shapes");
    for (const name of W.NAMES) {
      const b = W.shapeByName(page, name);
      assert.equal(await b.count(), 1, `one button named "${name}: …"`);
      await assert.doesNotReject(b.waitFor({ state: "visible", timeout: 2000 }), `${name} is visible`);
      const label = await b.getAttribute("aria-label");
      assert.match(label, new RegExp(`^${name}: \\d+ praktijk(en)?, \\d+ woning(en)?, \\d+ werkgevers?(, \\d+ verha(al|len))?(, \\d+ bijeenkomst(en)?)?$`), label);
    }
    // The counts in the names are the data's (current items only).
    const c = (code, cat) => current.filter((i) => i.municipality === code && i.category === cat).length;
    for (const [code, name] of Object.entries(W.CODES)) {
      const label = await W.shape(page, code).getAttribute("aria-label");
      const nums = label.match(/\d+/g).map(Number);
      // Stories and events are named where there are some.
      const extra = [c(code, "verhaal"), c(code, "agenda")].filter((n) => n > 0);
      assert.deepEqual(nums, [c(code, "praktijk"), c(code, "wonen"), c(code, "partnerwerk"), ...extra], `counts of ${name}: ${label}`);
    }
  });
});

test("(b) clicking Enschede opens its panel with exactly its current items", async () => {
  const expected = W.ids(current.filter((i) => i.municipality === "GM0153"));
  assert.ok(expected.length > 0);
  await withWidget("b", {}, async (page) => {
    const p = await W.openPanel(page, "GM0153");
    assert.equal((await p.locator("h2").textContent()).trim(), "Enschede");
    assert.deepEqual(await W.panelIds(page, "GM0153"), expected, "items in the Enschede panel");
    assert.equal(await W.anyPanel(page).count(), 1, "one panel open");
    assert.equal(await W.shape(page, "GM0153").getAttribute("aria-pressed"), "true");
    // Category headings in the panel, item titles as h4, links that open safely in a new tab.
    const groups = await p.locator("h3").evaluateAll((hs) => hs.map((h) => [...h.classList].find((c) => c.startsWith("tk-cat-"))));
    assert.deepEqual(groups, ["tk-cat-praktijk", "tk-cat-wonen", "tk-cat-partnerwerk", "tk-cat-verhaal", "tk-cat-agenda"], "one heading per category");
    for (const cat of ["praktijk", "wonen", "partnerwerk", "verhaal", "agenda"]) {
      const want = W.ids(current.filter((i) => i.municipality === "GM0153" && i.category === cat));
      const sel = cat === "verhaal" ? "figure.tk-story" : `article.tk-item.tk-cat-${cat}`;
      const got = (await p.locator(sel).evaluateAll((as) => as.map((a) => a.dataset.item))).sort();
      assert.deepEqual(got, want, `${cat} items`);
    }
    const stories = current.filter((i) => i.municipality === "GM0153" && i.category === "verhaal").length;
    assert.equal(await p.locator("article.tk-item h4").count(), expected.length - stories);
    const links = await p.locator("a.tk-link").evaluateAll((as) => as.map((a) => [a.target, a.rel, a.protocol]));
    assert.ok(links.length > 0);
    for (const l of links) assert.deepEqual(l, ["_blank", "noopener noreferrer", "https:"]);
    assert.equal((await W.params(page)).get("gemeente"), "GM0153");
  });
});

test("(c) switching a layer off removes its markers and items; on again restores them", async () => {
  const wonen = current.filter((i) => i.category === "wonen").length;
  await withWidget("c", {}, async (page) => {
    const before = await W.markers(page, "wonen").count();
    const clustersBefore = await page.locator("g.tk-cluster").count();
    assert.ok(before > 0, "wonen markers before");
    await W.waitForListCount(page, current.length);
    await W.showAllRows(page);
    assert.ok((await W.list(page).locator("article.tk-item.tk-cat-wonen").count()) > 0);

    await page.locator("#tk-layer-wonen").uncheck();
    await page.waitForFunction(() => document.querySelectorAll("g.tk-marker.tk-cat-wonen").length === 0, null, { timeout: 5000 });
    await W.waitForListCount(page, current.length - wonen);
    assert.equal(await W.list(page).locator("article.tk-item.tk-cat-wonen").count(), 0, "no wonen items in the list");
    assert.equal(await W.markers(page, "praktijk").count() > 0, true, "other layers still shown");
    assert.equal(await W.shape(page, "GM0153").getAttribute("aria-label"), "Enschede: 6 praktijken, 5 werkgevers, 1 verhaal, 2 bijeenkomsten");
    assert.equal((await W.params(page)).get("layers"), "praktijk,partnerwerk,verhaal,agenda", "the link names the four layers still on");
    // A panel opened now lists no wonen items either.
    const p = await W.openPanel(page, "GM0153");
    assert.equal(await p.locator("article.tk-item.tk-cat-wonen").count(), 0, "no wonen items in the panel");
    await p.getByRole("button", { name: "Sluiten" }).click();
    await W.anyPanel(page).waitFor({ state: "detached" });

    await page.locator("#tk-layer-wonen").check();
    await page.waitForFunction((n) => document.querySelectorAll("g.tk-marker.tk-cat-wonen").length === n, before, { timeout: 5000 });
    assert.equal(await page.locator("g.tk-cluster").count(), clustersBefore, "clusters as before");
    await W.waitForListCount(page, current.length);
    await W.showAllRows(page);
    assert.equal(await W.list(page).locator("article.tk-item.tk-cat-wonen").count(), wonen);
    assert.equal((await W.params(page)).get("layers"), null);
  });
});

test("(d) search and filters narrow the list", async () => {
  const word = "Tuin";
  const hits = current.filter((i) => W.matchesSearch(i, word));
  const hitsWonen = hits.filter((i) => i.category === "wonen");
  const hitsHengelo = hitsWonen.filter((i) => i.municipality === "GM0164");
  // The word must make a real test: several hits, across categories, narrowed further by each filter.
  assert.ok(hits.length > hitsWonen.length && hitsWonen.length > hitsHengelo.length && hitsHengelo.length > 0,
    `"${word}": ${hits.length} / ${hitsWonen.length} / ${hitsHengelo.length}`);
  await withWidget("d", {}, async (page) => {
    await W.waitForListCount(page, current.length);
    await W.searchInput(page).fill(word);
    await W.waitForListCount(page, hits.length);
    assert.deepEqual(await W.listIds(page), W.ids(hits), `items matching "${word}"`);
    assert.equal((await W.params(page)).get("q"), word);

    await W.categorySelect(page).selectOption("wonen");
    await W.waitForListCount(page, hitsWonen.length);
    assert.deepEqual(await W.listIds(page), W.ids(hitsWonen), "…in category wonen");
    assert.equal((await W.params(page)).get("categorie"), "wonen");

    await W.municipalitySelect(page).selectOption("GM0164");
    await W.waitForListCount(page, hitsHengelo.length);
    assert.deepEqual(await W.listIds(page), W.ids(hitsHengelo), "…in Hengelo");
    await W.waitForPanel(page, "GM0164");

    // Clearing the search and the filters brings everything back.
    await W.municipalitySelect(page).selectOption("");
    await W.categorySelect(page).selectOption("");
    await W.searchInput(page).fill("");
    await W.waitForListCount(page, current.length);
    const q = await W.params(page);
    assert.deepEqual([q.get("q"), q.get("categorie"), q.get("gemeente")], [null, null, null]);

    // A word nothing contains: zero results and a message.
    await W.searchInput(page).fill("xyzzy-niets");
    await W.waitForListCount(page, 0);
    assert.ok(await W.list(page).locator("p.tk-empty").isVisible(), "a 'no results' message");
  });
});

test("(e) a deep link restores the selection, also after reload; closing removes it from the URL", async () => {
  await withWidget("e", { query: "?gemeente=GM0153" }, async (page) => {
    await W.waitForPanel(page, "GM0153");
    assert.equal(await W.shape(page, "GM0153").getAttribute("aria-pressed"), "true");
    await page.reload();
    await waitForMap(page);
    await W.waitForPanel(page, "GM0153");
    assert.deepEqual(await W.panelIds(page, "GM0153"), W.ids(current.filter((i) => i.municipality === "GM0153")));
    assert.equal((await W.params(page)).get("gemeente"), "GM0153");
    await W.panel(page, "GM0153").getByRole("button", { name: "Sluiten" }).click();
    await W.anyPanel(page).waitFor({ state: "detached", timeout: 5000 });
    assert.equal((await W.params(page)).has("gemeente"), false, `URL after closing: ${page.url()}`);
    // A selection made by clicking survives a reload too (once the address bar has it: see W.urlSettled).
    await W.openPanel(page, "GM0164");
    await W.urlSettled(page);
    await page.reload();
    await waitForMap(page);
    await W.waitForPanel(page, "GM0164");
  });
});

test("(f) Escape closes the panel and returns focus to the municipality", async () => {
  await withWidget("f", {}, async (page) => {
    await W.openPanel(page, "GM0153");
    await page.keyboard.press("Escape");
    await W.anyPanel(page).waitFor({ state: "detached", timeout: 5000 });
    await page.waitForFunction(() => document.activeElement?.matches('path.tk-shape[data-code="GM0153"]'), null, { timeout: 2000 })
      .catch(async () => assert.fail(`focus after Escape is on ${await W.focused(page)}, not Enschede`));
    assert.equal((await W.params(page)).has("gemeente"), false);
    assert.equal(await W.shape(page, "GM0153").getAttribute("aria-pressed"), "false");
  });
});

test("(g) a click on the prerendered map before the wasm loaded is kept", async () => {
  let wasmRequests = 0;
  const init = (page) => page.route("**/*.wasm", async (route) => {
    wasmRequests++;
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue().catch(() => {});
  });
  await withWidget("g", { wait: false, init }, async (page) => {
    const loads = [];
    const link = '#tk-prerender path.tk-shape[data-code="GM0164"]';
    await page.locator(link).waitFor({ state: "visible" });
    await W.markDocument(page);
    const start = page.url();
    const { x, y } = await W.clickablePoint(page, link);
    page.on("domcontentloaded", () => loads.push(page.url()));
    await page.mouse.click(x, y);
    const stillPrerendered = await page.evaluate(() => !!document.getElementById("tk-prerender"));
    assert.ok(stillPrerendered, "the click happened before the live widget took over (wasm delayed)");
    await waitForMap(page);
    await W.waitForPanel(page, "GM0164");
    assert.ok(wasmRequests > 0, "the wasm was requested (and delayed)");
    assert.ok(await W.sameDocument(page), "the page did not navigate or reload");
    assert.deepEqual(loads, [], "no new document loaded");
    assert.equal(new URL(page.url()).pathname, new URL(start).pathname);
    assert.equal((await W.params(page)).get("gemeente"), "GM0164");
    assert.equal(await W.shape(page, "GM0164").getAttribute("aria-pressed"), "true");
  });
});

/// The item ids a prerendered panel shows, sorted.
const prerenderedPanelIds = (page, code) => page.locator(`#tk-prerender section.tk-panel[data-panel="${code}"] .tk-items > li > [data-item]`)
  .evaluateAll((els) => els.map((e) => e.dataset.item).sort());

test("(g2) before the wasm runs, a click on the prerendered map shows that municipality's panel at once", async () => {
  let release;
  const gate = new Promise((r) => { release = r; });
  const init = (page) => page.route("**/*.wasm", async (route) => { await gate; await route.continue().catch(() => {}); });
  await withWidget("g2", { wait: false, init }, async (page) => {
    const link = '#tk-prerender path.tk-shape[data-code="GM0153"]';
    await page.locator(link).waitFor({ state: "visible" });
    const { x, y } = await W.clickablePoint(page, link);
    await page.mouse.click(x, y);
    // The wasm is held back: this panel is the prerendered one, with the same items the live panel shows.
    const pre = page.locator('#tk-prerender section.tk-panel[data-panel="GM0153"]');
    await pre.waitFor({ state: "visible", timeout: 2000 });
    assert.equal(await pre.locator("h2").textContent(), "Enschede");
    const expected = W.ids(current.filter((i) => i.municipality === "GM0153"));
    assert.deepEqual(await prerenderedPanelIds(page, "GM0153"), expected, "the prerendered panel lists Enschede's current items");
    assert.equal(await page.locator(`${link}[aria-pressed="true"]`).count(), 1, "the chosen shape is marked pressed");
    assert.ok((await page.locator("#tk-prerender path.tk-outline-selected").getAttribute("d"))?.startsWith("M"), "the selection outline is drawn");
    // Its cards come closed; opened, each gets its body (the early script takes it from the bodies file).
    assert.equal(await pre.locator(".tk-item-body > *").count(), 0, "the prerendered cards come without bodies");
    await pre.locator("article.tk-item summary").first().click();
    await pre.locator("article.tk-item .tk-item-body .tk-item-links").first().waitFor({ state: "visible", timeout: 2000 });
    const opened = await W.openCards(page, '#tk-prerender [data-panel="GM0153"]');
    assert.ok(opened > 0, "more cards to open");
    const links = await pre.locator("a.tk-link").evaluateAll((as) => as.map((a) => [a.target, a.rel]));
    assert.ok(links.length > 0 && links.every(([t, r]) => t === "_blank" && r.includes("noopener")), "links open safely in a new tab");
    // Another municipality, then close with the button: back to the overview, the choice forgotten.
    const { x: x2, y: y2 } = await W.clickablePoint(page, '#tk-prerender path.tk-shape[data-code="GM0141"]');
    await page.mouse.click(x2, y2);
    await page.locator('#tk-prerender section.tk-panel[data-panel="GM0141"]').waitFor({ state: "visible", timeout: 2000 });
    assert.equal((await W.params(page)).get("gemeente"), "GM0141");
    await page.locator("#tk-prerender .tk-close").click();
    await page.locator("#tk-prerender .tk-overview").waitFor({ state: "visible", timeout: 2000 });
    assert.equal((await W.params(page)).has("gemeente"), false, "closing forgets the choice");
    assert.ok(await page.evaluate(() => document.activeElement?.matches('path.tk-shape[data-code="GM0141"]')), "focus back on Almelo");
    // Keyboard: Enter on a focused shape opens its panel; Escape closes it.
    await page.focus('#tk-prerender path.tk-shape[data-code="GM0164"]');
    await page.keyboard.press("Enter");
    await page.locator('#tk-prerender section.tk-panel[data-panel="GM0164"]').waitFor({ state: "visible", timeout: 2000 });
    await page.keyboard.press("Escape");
    await page.locator("#tk-prerender .tk-overview").waitFor({ state: "visible", timeout: 2000 });
    // Open Hengelo again and let the wasm in: the live widget takes over with Hengelo's panel open.
    await page.locator('#tk-prerender path.tk-shape[data-code="GM0164"]').click();
    release();
    await waitForMap(page);
    await W.waitForPanel(page, "GM0164");
    assert.deepEqual(await W.panelIds(page, "GM0164"), W.ids(current.filter((i) => i.municipality === "GM0164")));
    assert.equal(await W.shape(page, "GM0164").getAttribute("aria-pressed"), "true");
  });
});

test("(g3) a deep link's panel shows before the wasm runs, and closing it there is honoured by the widget", async () => {
  let release;
  const gate = new Promise((r) => { release = r; });
  const init = (page) => page.route("**/*.wasm", async (route) => { await gate; await route.continue().catch(() => {}); });
  await withWidget("g3", { wait: false, init, query: "?gemeente=GM0141" }, async (page) => {
    const pre = page.locator('#tk-prerender section.tk-panel[data-panel="GM0141"]');
    await pre.waitFor({ state: "visible", timeout: 5000 });
    assert.deepEqual(await prerenderedPanelIds(page, "GM0141"), W.ids(current.filter((i) => i.municipality === "GM0141")));
    await pre.locator(".tk-close").click();
    release();
    await waitForMap(page);
    assert.equal(await W.anyPanel(page).count(), 0, "the live widget keeps the panel closed");
    assert.equal((await W.params(page)).has("gemeente"), false);
  });
});

// CLS from the first paint until the live widget is in place (and a moment after).
const clsInit = () => {
  window.__cls = 0;
  window.__shifts = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__cls += e.value;
      window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => s.node?.nodeName + (s.node?.className ? "." + String(s.node.className.baseVal ?? s.node.className).split(" ").join(".") : "")) });
    }
  }).observe({ type: "layout-shift", buffered: true });
};
const readCls = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r({ cls: window.__cls, shifts: window.__shifts })))));

test("(i) no layout shift when the live widget replaces an open prerendered panel", async (t) => {
  let release;
  const gate = new Promise((r) => { release = r; });
  const init = async (page) => {
    await page.addInitScript(clsInit);
    await page.route("**/*.wasm", async (route) => { await gate; await route.continue().catch(() => {}); });
  };
  await withWidget("i panel", { wait: false, init, query: "?gemeente=GM0153" }, async (page) => {
    await page.locator('#tk-prerender section.tk-panel[data-panel="GM0153"]').waitFor({ state: "visible", timeout: 5000 });
    await page.waitForTimeout(300);
    const before = await readCls(page);
    release();
    await waitForMap(page);
    await W.waitForPanel(page, "GM0153");
    await page.waitForTimeout(500);
    const later = await readCls(page);
    t.diagnostic(`CLS with Enschede's panel open: ${before.cls.toFixed(4)} before the takeover, ${later.cls.toFixed(4)} after`);
    assert.ok(later.cls - before.cls < 0.01, `CLS at takeover ${later.cls - before.cls} (shifts: ${JSON.stringify(later.shifts)})`);
  });
});

for (const [label, viewport] of [["desktop 1280×900", { width: 1280, height: 900 }], ["phone 360×740", { width: 360, height: 740 }]]) {
  test(`(i) no layout shift while the widget takes over (${label})`, async (t) => {
    await withWidget(`i ${label}`, { viewport, wait: false, init: (page) => page.addInitScript(clsInit) }, async (page) => {
      await waitForMap(page);
      const atLive = await readCls(page);
      await page.waitForTimeout(500); // fonts, ResizeObserver-driven marker sizes, late styles
      const later = await readCls(page);
      t.diagnostic(`CLS ${label}: ${atLive.cls.toFixed(4)} when live, ${later.cls.toFixed(4)} 0.5 s later`);
      assert.ok(later.cls < 0.01, `CLS ${later.cls} (shifts: ${JSON.stringify(later.shifts)})`);
    });
  });
}

test("(j) screenshots for the README", async () => {
  const quiet = async (page) => {
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.activeElement?.blur());
    await page.evaluate(() => document.fonts.ready);
  };
  await withWidget("j overview", { viewport: { width: 1280, height: 900 }, colorScheme: "light" }, async (page) => {
    await quiet(page);
    await shot(page, "overview.png");
    await W.openPanel(page, "GM0153");
    await quiet(page);
    await shot(page, "panel.png");
  });
  await withWidget("j dark", { viewport: { width: 1280, height: 900 }, colorScheme: "dark" }, async (page) => {
    await quiet(page);
    await shot(page, "dark.png");
  });
  await withWidget("j english", { viewport: { width: 1280, height: 900 }, colorScheme: "light", query: "?lang=en" }, async (page) => {
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await quiet(page);
    await shot(page, "english.png");
  });
  await withWidget("j phone", { viewport: { width: 360, height: 740 }, colorScheme: "light", isMobile: true, hasTouch: true }, async (page) => {
    await quiet(page);
    await shot(page, "phone.png");
  });
  for (const f of ["overview.png", "panel.png", "dark.png", "english.png", "phone.png"]) {
    const s = fs.statSync(path.join(SCREENSHOTS, f));
    assert.ok(s.size > 10000 && Date.now() - s.mtimeMs < 120000, `${f} written`);
  }
});

test("(h) no console errors, CSP violations, third-party requests or cookies on any page above", async () => {
  // One more plain visit with some interaction, then everything recorded in this file.
  await withWidget("h", {}, async (page) => {
    await W.openPanel(page, "GM0168");
    await W.searchInput(page).fill("station");
    await page.locator("#tk-layer-partnerwerk").uncheck();
    await page.keyboard.press("Escape");
  });
  assert.ok(log.length >= 10, `pages checked: ${log.length}`);
  const bad = log.filter((l) => l.troubles.length);
  assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
});
