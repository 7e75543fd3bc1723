// What a person sees of the widget's state and themes, each checked on the real build's DOM: the colours of
// dark mode as computed, compact mode's one column without names, the search and category of a link restored,
// the share link opening the same view, the live region's words, and the embed configurator through axe.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as W from "../lib/widget.mjs";
import { axe } from "../lib/harness.mjs";

let browser, server;
before(async () => ({ browser, server } = await W.startSuite()));
after(async () => W.closeAll(browser, server));

/// Relative luminance (WCAG) of a computed `rgb(…)` colour.
function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

/// The colours a person sees: the widget's background and text, a panel, a shape, a marker, the sea.
async function colours(page) {
  await W.openPanel(page, "GM0153");
  return page.evaluate(() => {
    const cs = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
    return {
      background: cs("body", "backgroundColor"),
      text: cs(".tk", "color"),
      panel: cs("section.tk-panel", "backgroundColor"),
      panelText: cs("section.tk-panel h2", "color"),
      sea: cs("svg.tk-svg", "backgroundColor"),
      shape: cs('path.tk-shape[data-code="GM0153"]', "fill"),
      marker: cs("g.tk-marker.tk-cat-praktijk > *", "fill"),
      link: cs("a", "color"),
    };
  });
}

test("dark mode: the colours as computed are dark backgrounds with light text, readable, and not the light palette", async () => {
  const light = await W.openWidget(browser, server, { colorScheme: "light" });
  const dark = await W.openWidget(browser, server, { colorScheme: "dark" });
  try {
    const [l, d] = [await colours(light.page), await colours(dark.page)];
    assert.ok(luminance(l.background) > 0.8 && luminance(l.text) < 0.1, `light: ${JSON.stringify(l)}`);
    assert.ok(luminance(d.background) < 0.05, `dark background ${d.background}`);
    assert.ok(luminance(d.text) > 0.7, `dark text ${d.text}`);
    assert.ok(luminance(d.panel) < 0.05 && contrast(d.panel, d.panelText) >= 7, `dark panel ${d.panel} / ${d.panelText}`);
    assert.ok(luminance(d.sea) < 0.05, `dark sea ${d.sea}`);
    assert.ok(contrast(d.sea, d.marker) >= 3, `a marker stands out from the dark map: ${d.marker} on ${d.sea}`);
    for (const k of Object.keys(l)) assert.notEqual(d[k], l[k], `${k} changes with the theme`);
    assert.deepEqual(await W.troubles(dark), []);
  } finally {
    await light.context.close();
    await dark.context.close();
  }
});

test("compact mode (?compact=1): one column at 1280 px, the panel under the map, no names on the map", async () => {
  const w = await W.openWidget(browser, server, { query: "?compact=1" });
  const { page } = w;
  try {
    await W.openPanel(page, "GM0153");
    const box = await page.evaluate(() => {
      const r = (s) => document.querySelector(s).getBoundingClientRect();
      return { map: r(".tk-map"), side: r(".tk-side"), list: r("#tk-list") };
    });
    assert.ok(box.side.top >= box.map.bottom - 1, `the panel is under the map (${box.side.top} vs ${box.map.bottom})`);
    assert.ok(Math.abs(box.side.left - box.map.left) < 2 && Math.abs(box.side.width - box.map.width) < 2, "one column: as wide as the map");
    const labels = await page.locator("text.tk-label").evaluateAll((ts) => ts.filter((t) => t.getClientRects().length && getComputedStyle(t).display !== "none" && getComputedStyle(t).visibility !== "hidden").length);
    assert.equal(labels, 0, "no municipality names drawn in compact mode");
    assert.equal(await page.locator("path.tk-shape").count(), 14, "every municipality is still there, named by its accessible name");
    // Without compact, the same width shows the panel beside the map and the names.
    const wide = await W.openWidget(browser, server);
    try {
      await W.openPanel(wide.page, "GM0153");
      const b = await wide.page.evaluate(() => [document.querySelector(".tk-side").getBoundingClientRect().left, document.querySelector(".tk-map").getBoundingClientRect().right]);
      assert.ok(b[0] >= b[1], "the normal layout at 1280 px has the panel beside the map");
      assert.ok(await wide.page.locator("text.tk-label").first().isVisible());
    } finally {
      await wide.context.close();
    }
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
});

test("a link's search and category (?q=, ?categorie=) are restored: the fields say them and the list shows their items", async () => {
  const w = await W.openWidget(browser, server, { query: "?q=woning&categorie=wonen&gemeente=GM0164" });
  const { page } = w;
  try {
    assert.equal(await W.searchInput(page).inputValue(), "woning");
    assert.equal(await W.categorySelect(page).inputValue(), "wonen");
    const expected = W.currentItems().filter((i) => i.category === "wonen" && i.municipality === "GM0164" && W.matchesSearch(i, "woning"));
    assert.ok(expected.length >= 1, "the demo has a matching home in Hengelo");
    await W.waitForListCount(page, expected.length);
    assert.deepEqual(await W.listIds(page), W.ids(expected));
    await W.waitForPanel(page, "GM0164");
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
});

test("the share button copies a link that opens the same view: municipality, layers, search, category and language", async () => {
  const w = await W.openWidget(browser, server, { permissions: ["clipboard-read", "clipboard-write"] });
  const { page } = w;
  try {
    await W.openPanel(page, "GM0153");
    await page.click('label[for="tk-layer-partnerwerk"]');
    await W.searchInput(page).fill("Enschede");
    await W.categorySelect(page).selectOption("praktijk");
    await page.locator('a.tk-lang[hreflang="de"]').click();
    await page.waitForFunction(() => document.documentElement.lang === "de");
    await page.locator("button.tk-share").click();
    await page.locator("button.tk-share", { hasText: "Link kopiert" }).waitFor();
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    const p = link.searchParams;
    assert.deepEqual([p.get("gemeente"), p.get("layers"), p.get("q"), p.get("categorie"), p.get("lang")],
      ["GM0153", "praktijk,wonen,verhaal,agenda", "Enschede", "praktijk", "de"]);
    assert.match(await page.locator(".tk-sr[aria-live]").innerText(), /^Link kopiert$/, "the copy is announced");
    const seen = async (pg) => ({
      panel: await W.panelIds(pg, "GM0153"),
      layers: await pg.evaluate(() => ["praktijk", "wonen", "partnerwerk"].map((c) => document.getElementById(`tk-layer-${c}`).checked)),
      search: await W.searchInput(pg).inputValue(),
      category: await W.categorySelect(pg).inputValue(),
      lang: await pg.evaluate(() => document.documentElement.lang),
      list: await W.listIds(pg),
    });
    const before = await seen(page);
    const w2 = await W.openWidget(browser, server, { query: link.search });
    try {
      await W.waitForPanel(w2.page, "GM0153");
      assert.deepEqual(await seen(w2.page), before, "the shared link opens the same view");
      assert.deepEqual(await W.troubles(w2), []);
    } finally {
      await w2.context.close();
    }
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
});

test("the live region says what happened: a municipality chosen with its counts, and back to the overview", async () => {
  const w = await W.openWidget(browser, server);
  const { page } = w;
  try {
    const live = page.locator('.tk-sr[aria-live="polite"]');
    assert.equal(await live.getAttribute("aria-atomic"), "true");
    await W.openPanel(page, "GM0164");
    const of = (c) => W.currentItems().filter((i) => i.municipality === "GM0164" && i.category === c).length;
    const plural = (n, one, other) => `${n} ${n === 1 ? one : other}`;
    // Stories and events are named where there are some.
    const extra = [[of("verhaal"), "verhaal", "verhalen"], [of("agenda"), "bijeenkomst", "bijeenkomsten"]].filter(([n]) => n > 0).map(([n, one, other]) => `, ${plural(n, one, other)}`).join("");
    const summary = `${plural(of("praktijk"), "praktijk", "praktijken")}, ${plural(of("wonen"), "woning", "woningen")}, ${plural(of("partnerwerk"), "werkgever", "werkgevers")}${extra}`;
    await page.waitForFunction((t) => document.querySelector('.tk-sr[aria-live="polite"]').textContent === t, `Hengelo geselecteerd: ${summary}`, { timeout: 3000 })
      .catch(async () => assert.fail(`announced: ${await live.innerText()}`));
    await page.locator("section.tk-panel button.tk-close").click();
    await page.waitForFunction(() => document.querySelector('.tk-sr[aria-live="polite"]').textContent === "Terug naar het overzicht", null, { timeout: 3000 })
      .catch(async () => assert.fail(`announced: ${await live.innerText()}`));
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
});

test("axe: the embed configurator (embed.html), light and dark, with its live preview — zero violations", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const w = await W.openWidget(browser, server, { query: "embed.html", wait: false, colorScheme });
    try {
      await w.page.locator("#tk-preview iframe").waitFor({ timeout: 15000 });
      const violations = await axe(w.page);
      assert.deepEqual(violations, [], `embed.html (${colorScheme})`);
      assert.deepEqual(await W.troubles(w), []);
    } finally {
      await w.context.close();
    }
  }
});
