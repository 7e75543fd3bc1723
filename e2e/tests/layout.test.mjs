// The layout as a person sees it on the screens where they meet the widget: how tall it is on a phone, a
// tablet and a desktop (overview and with a panel open), the kiosk as one screen in landscape, portrait and
// 4K with every control on it, map names no marker covers, deep links that land in view, every item
// reachable from the paged list, and the prerendered panels equal to the live ones. All measured from the
// real build's DOM. Run: cd e2e && node --test tests/layout.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import fs from "node:fs";
import { SCREENSHOTS, waitForMap } from "../lib/harness.mjs";
import * as W from "../lib/widget.mjs";

let browser, server;
before(async () => ({ browser, server } = await W.startSuite()));
after(() => W.closeAll(browser, server));

const current = W.currentItems();
const PHONE = { width: 360, height: 740 };
const TABLET = { width: 768, height: 1024 };
const DESKTOP = { width: 1280, height: 900 };

async function withWidget(opts, fn) {
  // Console warnings too: a partner's web team sees them in its own console.
  const warnings = [];
  const init = async (page) => {
    page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
    await opts.init?.(page);
  };
  const w = await W.openWidget(browser, server, { colorScheme: "light", ...opts, init });
  try {
    await settle(w.page);
    const result = await fn(w.page, w);
    assert.deepEqual(await W.troubles(w), [], "no console errors, CSP violations or third-party requests");
    assert.deepEqual(warnings, [], "no console warnings");
    return result;
  } finally {
    await w.context.close();
  }
}

/// Two frames and the list's after-paint update: what a person sees once the widget has settled.
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
const docHeight = (page) => page.evaluate(() => document.documentElement.scrollHeight);
const listRows = (page) => page.locator("section#tk-list ul.tk-list-items > li").count();

/// Full-page screenshot for the README.
async function fullShot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

test("heights: a phone, a tablet and a desktop see an app about a screen tall, not a document", async () => {
  // Phone 2,400 and desktop 1,600 until the stories and the agenda added two layer switches (2 × 48 px on one
  // column; a third row of switches beside the map, and the footer's calendar link, on a desktop: 1,619 px).
  const budgets = [["phone", PHONE, 2500], ["tablet", TABLET, 2000], ["desktop", DESKTOP, 1700]];
  const seen = {};
  for (const [name, viewport, budget] of budgets) {
    await withWidget({ viewport, isMobile: name === "phone", hasTouch: name === "phone" }, async (page) => {
      const h = await docHeight(page);
      seen[name] = h;
      console.log(`# height ${name} ${viewport.width}×${viewport.height}: ${h} px (budget ${budget})`);
      assert.ok(h <= budget, `${name} ${viewport.width}×${viewport.height}: the widget is ${h} px tall (≤ ${budget})`);
      assert.equal(await listRows(page), W.LIST_PAGE, "the list shows its first page of rows");
      // Above the fold: the title and the whole map.
      const fold = await page.evaluate(() => {
        const r = (s) => document.querySelector(s).getBoundingClientRect();
        return { title: r(".tk-title").bottom, map: r(".tk-svg").bottom, vh: innerHeight };
      });
      assert.ok(fold.title < fold.vh && fold.map <= fold.vh, `${name}: title and map above the fold (${JSON.stringify(fold)})`);
      if (name === "phone") await fullShot(page, "phone-full.png");
      if (name === "desktop") await fullShot(page, "desktop-full.png");
    });
    // With a panel open: beside the map on wide screens (scrolling inside itself, the page as tall as before),
    // under the map and in view on a phone.
    await withWidget({ viewport, query: "?gemeente=GM0153" }, async (page) => {
      await W.waitForPanel(page, "GM0153");
      await settle(page);
      const h = await docHeight(page);
      const panel = await page.evaluate(() => {
        const p = document.querySelector("section.tk-panel[data-panel]");
        const r = p.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, scrolls: p.scrollHeight > p.clientHeight + 1, scrollY, vh: innerHeight, height: r.height };
      });
      console.log(`# height ${name} with Enschede's panel: ${h} px`);
      if (name === "phone") {
        assert.ok(panel.top >= -1 && panel.top < panel.vh / 2, `the panel is in view on a phone (${JSON.stringify(panel)})`);
        assert.ok(h <= seen.phone + panel.height + 2, `the phone page grew by the panel only (${h} px)`);
      } else {
        assert.ok(h <= budget, `${name} with Enschede's panel open: ${h} px (≤ ${budget})`);
        assert.ok(panel.scrolls, "the panel scrolls inside itself");
        const map = await page.evaluate(() => document.querySelector(".tk-svg").getBoundingClientRect());
        assert.ok(panel.top < map.bottom && panel.bottom > map.top, "the panel stands beside the map");
      }
    });
  }
});

/// The boxes of the names shown on the map and of every marker and count badge, in page coordinates.
const mapBoxes = (page) => page.evaluate(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }; };
  const shown = (el) => getComputedStyle(el).display !== "none" && el.closest(".tk-labels") && getComputedStyle(el.closest(".tk-labels")).display !== "none";
  return {
    labels: [...document.querySelectorAll("text.tk-label")].filter(shown).map((t) => ({ name: t.textContent, ...box(t) })),
    marks: [...document.querySelectorAll("g.tk-marker, g.tk-cluster")].map((m) => ({ what: m.getAttribute("aria-label"), ...box(m) })),
  };
});
const intersect = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

test("names: no marker or count badge covers a municipality name; at least 12 of 14 names show at 1280 px", async () => {
  // At 768 px the map beside the panel is narrower than LABELS_MIN_PX (448 px): its names would be under 9 px,
  // so none show; the rule that no marker covers a shown name holds everywhere.
  for (const [viewport, min, page_] of [[DESKTOP, 12, ""], [{ width: 1024, height: 768 }, 12, ""], [TABLET, 0, ""], [{ width: 1920, height: 1080 }, 12, "kiosk.html"]]) {
    await withWidget({ viewport, query: page_ }, async (page) => {
      const { labels, marks } = await mapBoxes(page);
      assert.ok(labels.length >= min, `${viewport.width} px ${page_}: ${labels.length} names shown`);
      assert.ok(marks.length > 10, `markers drawn (${marks.length})`);
      const covered = labels.filter((l) => marks.some((m) => intersect(l, m))).map((l) => l.name);
      console.log(`# names at ${viewport.width} px ${page_}: ${labels.length} shown, ${covered.length} covered, ${marks.length} markers`);
      assert.deepEqual(covered, [], `${viewport.width} px ${page_}: names covered by a marker`);
    });
  }
  // A phone map is too small for names: none shown, and each shape still says its name.
  await withWidget({ viewport: PHONE }, async (page) => {
    assert.equal((await mapBoxes(page)).labels.length, 0);
    assert.match(await W.shape(page, "GM0153").getAttribute("aria-label"), /^Enschede: /);
  });
});

test("kiosk: one screen without page scrolling in landscape, portrait and 4K, every control on it", async () => {
  const screens = [["landscape", { width: 1920, height: 1080 }], ["portrait", { width: 1080, height: 1920 }], ["4K", { width: 3840, height: 2160 }]];
  for (const [name, viewport] of screens) {
    await withWidget({ viewport, query: "kiosk.html", hasTouch: true }, async (page) => {
      const check = () => page.evaluate(() => {
        const el = document.scrollingElement;
        const off = [];
        const need = [".tk-title", ".tk-langs", ".tk-svg", ".tk-tabs", ".tk-legend", "#tk-layer-praktijk", "#tk-layer-wonen", "#tk-layer-partnerwerk", ".tk-kiosk-footer .tk-qr-code"];
        for (const s of need) {
          const e = document.querySelector(s);
          const r = e?.getBoundingClientRect();
          if (!r || r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) off.push(s);
        }
        // Readable from a step away: text of 20 px or more; targets of 48 px or more.
        const small = [...document.querySelectorAll(".tk p, .tk li, .tk summary, .tk label, .tk button, .tk a, .tk dd, .tk dt")]
          .filter((e) => e.getClientRects().length && e.checkVisibility() && !e.closest(".tk-sr") && e.textContent.trim())
          .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 19.95).map((e) => `${e.tagName} ${e.className} ${parseFloat(getComputedStyle(e).fontSize)}px`);
        const tiny = [...document.querySelectorAll(".tk button, .tk summary, .tk-lang, .tk-layer label")]
          .filter((e) => e.getClientRects().length && e.checkVisibility())
          .filter((e) => e.getBoundingClientRect().height < 47.5).map((e) => `${e.tagName} ${e.className} ${e.getBoundingClientRect().height}px`);
        const qr = document.querySelector(".tk-kiosk-footer .tk-qr-code").getBoundingClientRect().width;
        return { scroll: el.scrollHeight - el.clientHeight, scrollX: el.scrollWidth - el.clientWidth, off, small: small.slice(0, 5), tiny: tiny.slice(0, 5), qr };
      });
      let m = await check();
      assert.equal(m.scroll, 0, `${name}: the page does not scroll (${m.scroll} px too tall)`);
      assert.equal(m.scrollX, 0, `${name}: nor sideways`);
      assert.deepEqual(m.off, [], `${name}: controls off screen`);
      assert.deepEqual(m.small, [], `${name}: text under 20 px`);
      assert.deepEqual(m.tiny, [], `${name}: targets under 48 px`);
      assert.ok(m.qr >= 160, `${name}: the stand's QR code is ${m.qr} px (≥ 160)`);
      // A municipality's panel and the list scroll inside their own pane; the page still does not scroll.
      await W.clickShape(page, "GM0153");
      await W.waitForPanel(page, "GM0153");
      const pane = page.locator(".tk-pane").first();
      assert.ok(await pane.evaluate((p) => p.scrollHeight > p.clientHeight), "Enschede's panel scrolls inside its pane");
      await page.getByRole("button", { name: "Lijst" }).click();
      await W.list(page).waitFor({ state: "visible" });
      assert.equal(await listRows(page), W.LIST_PAGE);
      m = await check();
      assert.equal(m.scroll, 0, `${name} with the list: the page does not scroll`);
      assert.deepEqual(m.tiny, [], `${name} with the list: targets under 48 px`);
      await page.getByRole("button", { name: "Gemeente" }).click();
      await W.waitForPanel(page, "GM0153");
    });
  }
});

test("deep links land on their target: ?item= opens the item in view with focus on it; ?gemeente= on a phone shows the panel", async () => {
  // An item of a municipality with more items than a panel shows per category at first.
  const item = current.find((i) => i.municipality === "GM0153" && i.category === "praktijk");
  for (const viewport of [PHONE, DESKTOP]) {
    await withWidget({ viewport, query: `?item=${item.id}` }, async (page) => {
      const card = page.locator(`.tk-side article.tk-item[data-item="${item.id}"]`);
      await card.waitFor({ state: "visible", timeout: 5000 });
      await page.waitForFunction((id) => document.activeElement?.closest(`article[data-item="${id}"]`), item.id, { timeout: 5000 });
      const r = await card.evaluate((c) => { const b = c.getBoundingClientRect(); return { top: b.top, bottom: b.bottom, vh: innerHeight, open: c.querySelector("details").open, body: !!c.querySelector(".tk-item-body > *") }; });
      assert.ok(r.top >= 0 && r.top < r.vh, `${viewport.width} px: the item's card is in view (${JSON.stringify(r)})`);
      assert.ok(r.open, "the card is opened");
      assert.ok(r.body, "the opened card shows its body (built when the card opens)");
      assert.equal(await page.evaluate(() => document.activeElement.tagName), "SUMMARY", "focus on the card's toggle");
      assert.equal((await W.params(page)).get("gemeente"), item.municipality, "its municipality is selected");
    });
  }
  await withWidget({ viewport: PHONE, query: "?gemeente=GM0164" }, async (page) => {
    await W.waitForPanel(page, "GM0164");
    await page.waitForFunction(() => {
      const r = document.querySelector("section.tk-panel[data-panel]").getBoundingClientRect();
      return r.top >= -1 && r.top < innerHeight;
    }, null, { timeout: 3000 }).catch(() => assert.fail("the deep-linked panel is not in view on a phone"));
  });
});

test("every item is reachable from the paged list, and a card opens in place", async () => {
  await withWidget({ viewport: PHONE }, async (page) => {
    await W.waitForListCount(page, current.length);
    assert.equal(await page.locator("section#tk-list > button.tk-more").textContent(), `Toon meer (${current.length - W.LIST_PAGE})`);
    // From the keyboard: Enter on "Toon meer" adds a page and keeps focus on the button for the next one.
    const more = page.locator("section#tk-list > button.tk-more");
    await more.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => document.querySelectorAll("section#tk-list ul.tk-list-items > li").length === n, 2 * W.LIST_PAGE);
    assert.ok(await more.evaluate((b) => b === document.activeElement), "focus stays on Toon meer");
    assert.equal(await more.textContent(), `Toon meer (${current.length - 2 * W.LIST_PAGE})`);
    assert.deepEqual(await W.listIds(page), W.ids(current), "every current item is in the list");
    assert.equal(await more.isVisible(), false, "no Toon meer once everything is shown");
    // A row opens in place to its description and links, and closes again.
    const row = W.list(page).locator("article.tk-item").first();
    const desc = row.locator(".tk-item-desc");
    assert.equal(await desc.isVisible(), false, "closed at first");
    await row.locator("summary").click();
    assert.equal(await desc.isVisible(), true, "opened by a tap");
    assert.equal(await row.locator("summary").evaluate((s) => s.parentElement.open), true);
    await row.locator("summary").press("Enter");
    assert.equal(await desc.isVisible(), false, "closed with the keyboard");
  });
});

/// What a panel shows and offers, the same way for the prerendered and the live one (an init script: the
/// widget's strict CSP forbids eval).
function describePanelScript() {
  window.__describePanel = (root) => ({
    title: root.querySelector("h2").textContent,
    summary: root.querySelector(".tk-panel-summary").textContent,
    items: [...root.querySelectorAll(".tk-items > li > [data-item]")].map((a) => a.dataset.item),
    controls: [...root.querySelectorAll("button, summary, a")].map((e) => `${e.tagName.toLowerCase()}.${e.className}:${e.textContent.trim().slice(0, 40)}`),
  });
}

test("the prerendered panel of every municipality shows the same items and controls as the live one", async () => {
  await withWidget({ viewport: DESKTOP, init: (page) => page.addInitScript(describePanelScript) }, async (page) => {
    // The page's panels have their cards closed, as the live panel first shows them; the bodies file has them opened.
    const prerendered = await page.evaluate(async (codes) => {
      const page = new DOMParser().parseFromString(await (await fetch("index.html")).text(), "text/html");
      const bodies = new DOMParser().parseFromString(await (await fetch(page.getElementById("tk-prerender").dataset.bodies)).text(), "text/html");
      const read = (doc) => Object.fromEntries(codes.map((c) => [c, window.__describePanel(doc.getElementById(`tk-pre-${c}`).content.querySelector("section.tk-panel"))]));
      return { closed: read(page), opened: read(bodies) };
    }, Object.keys(W.CODES));
    for (const code of Object.keys(W.CODES)) {
      await W.openPanel(page, code);
      const closed = await W.panel(page, code).evaluate((root) => window.__describePanel(root));
      assert.deepEqual(closed, prerendered.closed[code], `${W.CODES[code]}: prerendered and live panels agree, cards closed`);
      await W.openCards(page, `[data-panel="${code}"]`);
      const live = await W.panel(page, code).evaluate((root) => window.__describePanel(root));
      assert.ok(live.items.length > 0 || live.controls.length > 0, `${W.CODES[code]}: the live panel shows something`);
      assert.deepEqual(live, prerendered.opened[code], `${W.CODES[code]}: prerendered and live panels agree, cards opened`);
    }
  });
});
