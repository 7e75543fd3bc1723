// Accessibility: axe-core finds nothing (any impact) on the overview, an open panel and a searched list, in light
// and dark, in Dutch, English and German; the map works with the keyboard alone; the skip link; the language
// switch keeps state without a reload; no horizontal overflow from 320 px to 1920 px.
// Run: cd e2e && node --test --test-concurrency=1 tests/a11y.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { axe, waitForMap } from "../lib/harness.mjs";
import * as W from "../lib/widget.mjs";

let browser, server;
const log = [];

before(async () => ({ browser, server } = await W.startSuite()));
after(() => W.closeAll(browser, server));

async function withWidget(name, opts, fn) {
  const w = await W.openWidget(browser, server, opts);
  try {
    return await fn(w.page, w);
  } finally {
    log.push({ name, troubles: await W.troubles(w) });
    await w.context.close();
  }
}

const fmt = (vs) => vs.map((v) => `${v.id} [${v.impact}] ×${v.nodes}: ${v.targets.join(" | ")}`).join("\n      ");

// ---------------------------------------------------------------------------------------------------------
// axe: 3 views × 2 themes × 3 languages

const LANGS = { nl: "Alle aanbod", en: "Everything on offer", de: "Alle Angebote" };
const results = []; // { lang, theme, view, violations }

for (const lang of Object.keys(LANGS)) {
  for (const theme of ["light", "dark"]) {
    test(`axe: no violations in ${lang}, ${theme} (overview, panel open, list searched)`, async () => {
      const mine = [];
      await withWidget(`axe ${lang} ${theme}`, { query: `?lang=${lang}`, colorScheme: theme }, async (page) => {
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        assert.equal((await page.locator("#tk-list-title").textContent()).trim(), LANGS[lang]);
        const check = async (view) => {
          await page.mouse.move(0, 0);
          const violations = await axe(page);
          const r = { lang, theme, view, violations };
          results.push(r);
          mine.push(r);
        };
        await check("overview");
        await W.openPanel(page, "GM0153");
        await check("panel");
        await page.keyboard.press("Escape");
        await W.anyPanel(page).waitFor({ state: "detached" });
        await W.searchInput(page).fill("tuin");
        await W.waitForListCount(page, W.currentItems().filter((i) => W.matchesSearch(i, "tuin")).length);
        await check("list searched");
      });
      const bad = mine.filter((r) => r.violations.length);
      assert.equal(bad.length, 0, bad.map((r) => `${r.view}:\n      ${fmt(r.violations)}`).join("\n"));
    });
  }
}

test("axe: results table", () => {
  const views = ["overview", "panel", "list searched"];
  const rows = [`lang theme | ${views.map((v) => v.padEnd(14)).join("| ")}`];
  for (const lang of Object.keys(LANGS)) for (const theme of ["light", "dark"]) {
    const cells = views.map((v) => {
      const r = results.find((x) => x.lang === lang && x.theme === theme && x.view === v);
      return (r ? (r.violations.length ? r.violations.map((x) => `${x.id}×${x.nodes}`).join(",") : "0") : "not run").padEnd(14);
    });
    rows.push(`${lang}   ${theme.padEnd(5)} | ${cells.join("| ")}`);
  }
  console.log(rows.join("\n"));
  assert.equal(results.length, 18, "all 18 checks ran");
  const total = results.reduce((n, r) => n + r.violations.length, 0);
  assert.equal(total, 0, `${total} violations in total (see the table)`);
});

// ---------------------------------------------------------------------------------------------------------
// Keyboard

/// Presses Tab until `done()` is true (at most `max` times); returns the focus descriptions on the way.
async function tabUntil(page, done, max = 20, key = "Tab") {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    seen.push(await W.focused(page));
    if (await page.evaluate(done)) return seen;
  }
  throw new Error(`not reached after ${max}× ${key}; focus went ${seen.join(" → ")}`);
}

test("keyboard only: Tab to the map, arrows to Enschede, Enter, Tab into the panel, Escape back", async () => {
  await withWidget("keyboard", {}, async (page) => {
    const order = await tabUntil(page, () => document.activeElement?.matches("path.tk-shape"));
    // The map is one tab stop, after the header's controls and the skip link.
    assert.equal(order.at(-2), "a.tk-skip", `the skip link is the tab stop before the map: ${order.join(" → ")}`);
    assert.equal(order.filter((o) => /^GM/.test(o)).length, 1, "one tab stop for the whole map");
    const first = order.at(-1);
    assert.equal(first, "GM0141", "focus starts on the first municipality (Almelo)");
    assert.equal(await page.locator('path.tk-shape[tabindex="0"]').count(), 1, "roving tabindex: one shape in the tab order");

    // Almelo → (right) Borne → (down) Hengelo → (right) Enschede → (left) Hengelo → (up) Borne: all four
    // arrows, each step landing on the neighbour in that direction.
    const steps = [["ArrowRight", "GM0147"], ["ArrowDown", "GM0164"], ["ArrowRight", "GM0153"], ["ArrowLeft", "GM0164"], ["ArrowUp", "GM0147"]];
    let from = first;
    for (const [key, want] of steps) {
      const a = await W.centre(page, `path.tk-shape[data-code="${from}"]`);
      await page.keyboard.press(key);
      const now = await W.focused(page);
      assert.equal(now, want, `${key} from ${W.CODES[from]} goes to ${W.CODES[want]}, not ${W.CODES[now] ?? now}`);
      const b = await W.centre(page, `path.tk-shape[data-code="${now}"]`);
      const dir = { ArrowRight: b.x - a.x, ArrowLeft: a.x - b.x, ArrowDown: b.y - a.y, ArrowUp: a.y - b.y }[key];
      assert.ok(dir > 0, `${W.CODES[now]} lies in the direction of ${key} from ${W.CODES[from]}`);
      assert.equal(await W.shape(page, now).getAttribute("tabindex"), "0", "the focused shape is the tab stop");
      from = now;
    }
    assert.equal(await page.locator('path.tk-shape[tabindex="0"]').count(), 1);

    // Back to Enschede for the panel.
    for (const key of ["ArrowDown", "ArrowRight"]) await page.keyboard.press(key);
    assert.equal(await W.focused(page), "GM0153");
    await page.keyboard.press("Enter");
    const p = await W.waitForPanel(page, "GM0153");
    assert.equal(await W.focused(page), "GM0153", "focus stays on Enschede after Enter");
    // Tab into the panel: its close button, then the first card's toggle; Enter opens the card in place and
    // the next Tab reaches its link (a card's body is built when it first opens).
    const path = await tabUntil(page, () => document.activeElement?.matches("summary.tk-item-head"));
    assert.equal(path.at(-2), "button.tk-close", `the close button comes first (path ${path.join(" → ")})`);
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('[data-panel="GM0153"] article.tk-item')), "the first card's toggle is in the Enschede panel");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-expanded") ?? String(document.activeElement.parentElement.open)), "false");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.parentElement.open), true, "Enter opens the card");
    const firstLink = await p.locator("article.tk-item").first().locator("a.tk-link").getAttribute("href");
    await page.keyboard.press("Tab");
    const where = await page.evaluate(() => ({
      link: document.activeElement.matches("a.tk-link"),
      inPanel: !!document.activeElement.closest('[data-panel="GM0153"]'),
      href: document.activeElement.getAttribute("href"),
      visible: document.activeElement.getBoundingClientRect().width > 0,
    }));
    assert.ok(where.link && where.inPanel, `Tab from the opened card reaches its link in the Enschede panel (${JSON.stringify(where)})`);
    assert.equal(where.href, firstLink, "…and it is the panel's first vacancy link");
    assert.ok(where.visible);

    // Shift+Tab goes back the same way.
    await page.keyboard.press("Shift+Tab");
    assert.equal(await W.focused(page), "summary.tk-item-head", "Shift+Tab goes back to the card's toggle");
    await page.keyboard.press("Tab");

    await page.keyboard.press("Escape");
    await W.anyPanel(page).waitFor({ state: "detached", timeout: 5000 });
    await page.waitForFunction(() => document.activeElement?.matches('path.tk-shape[data-code="GM0153"]'), null, { timeout: 2000 })
      .catch(async () => assert.fail(`after Escape focus is on ${await W.focused(page)}, not the Enschede shape`));
    // Space selects too.
    await page.keyboard.press(" ");
    await W.waitForPanel(page, "GM0153");
  });
});

test("keyboard only: the skip link is reachable by Tab, visible when focused, and moves focus to the list", async () => {
  await withWidget("skip link", {}, async (page) => {
    const order = await tabUntil(page, () => document.activeElement?.matches("a.tk-skip"));
    assert.deepEqual(order.slice(0, -1).map((o) => o.replace(/\..*/, "")).filter((o) => !["a", "button"].includes(o)), [],
      `only the header's links and buttons come before it: ${order.join(" → ")}`);
    const box = await page.locator("a.tk-skip").boundingBox();
    assert.ok(box && box.width > 1 && box.height > 1 && box.y >= 0, `visible when focused: ${JSON.stringify(box)}`);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.closest("#tk-list"), null, { timeout: 2000 })
      .catch(async () => assert.fail(`after the skip link focus is on ${await W.focused(page)}`));
    await page.keyboard.press("Tab");
    assert.ok(await page.evaluate(() => document.activeElement?.matches('#tk-list input[type="search"]')),
      `the next Tab stop is the list's search field, not ${await W.focused(page)}`);
  });
});

test("language switch: UI text changes without a reload and the state is kept", async () => {
  await withWidget("language", {}, async (page) => {
    await W.openPanel(page, "GM0153");
    await W.searchInput(page).fill("tuin");
    const n = W.currentItems().filter((i) => W.matchesSearch(i, "tuin") && i.municipality === "GM0153").length;
    await W.waitForListCount(page, n);
    assert.equal((await page.locator("#tk-list-title").textContent()).trim(), "Alle aanbod");
    await W.markDocument(page);

    for (const [lang, title, label] of [["en", "Everything on offer", /^Enschede: 6 practices, 4 homes, 5 employers, 1 story, 2 events$/], ["de", "Alle Angebote", /^Enschede: /], ["nl", "Alle aanbod", /^Enschede: 6 praktijken/]]) {
      await page.locator(`a.tk-lang[hreflang="${lang}"]`).click();
      await page.waitForFunction(([l, t]) => document.documentElement.lang === l && document.querySelector("#tk-list-title")?.textContent.trim() === t, [lang, title], { timeout: 5000 })
        .catch(async () => assert.fail(`after choosing ${lang}: html[lang]=${await page.evaluate(() => document.documentElement.lang)}, list heading "${await page.locator("#tk-list-title").textContent().catch(() => "?")}"`));
      assert.ok(await W.sameDocument(page), `no reload when switching to ${lang}`);
      await W.waitForPanel(page, "GM0153");
      assert.match(await W.shape(page, "GM0153").getAttribute("aria-label"), label);
      assert.equal(await W.searchInput(page).inputValue(), "tuin", "search text kept");
      await W.waitForListCount(page, n);
      const q = await W.params(page);
      assert.deepEqual([q.get("lang"), q.get("gemeente"), q.get("q")], [lang, "GM0153", "tuin"], `URL ${page.url()}`);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("hreflang")), lang, "focus stays on the language link");
      assert.equal(await page.locator(`a.tk-lang[hreflang="${lang}"]`).getAttribute("aria-current"), "true");
    }
    assert.equal((await page.locator("section.tk-panel button.tk-close").getAttribute("aria-label")), "Sluiten");
  });
});

// ---------------------------------------------------------------------------------------------------------
// Reflow

for (const viewport of [{ width: 320, height: 640 }, { width: 768, height: 1024 }, { width: 1920, height: 1080 }]) {
  test(`no horizontal overflow at ${viewport.width}×${viewport.height} (overview, panel open)`, async () => {
    await withWidget(`overflow ${viewport.width}`, { viewport }, async (page) => {
      const measure = () => page.evaluate(() => {
        const w = window.innerWidth;
        const wide = [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > w + 0.5 && e.getClientRects().length)
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${String(e.className.baseVal ?? e.className).trim().split(/\s+/).join(".")} right=${Math.round(e.getBoundingClientRect().right)}`);
        return { scrollWidth: document.documentElement.scrollWidth, innerWidth: w, wide };
      });
      const o = await measure();
      assert.ok(o.scrollWidth <= o.innerWidth, `overview: scrollWidth ${o.scrollWidth} > ${o.innerWidth}; ${o.wide.join(", ")}`);
      await W.openPanel(page, "GM0153");
      const p = await measure();
      assert.ok(p.scrollWidth <= p.innerWidth, `panel open: scrollWidth ${p.scrollWidth} > ${p.innerWidth}; ${p.wide.join(", ")}`);
    });
  });
}

test("no console errors, CSP violations, third-party requests or cookies on any page above", () => {
  const bad = log.filter((l) => l.troubles.length);
  assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
});
