// Stories and the agenda as a visitor meets them: the Enschede panel shows its GP's story (photo with alt
// text, quote, name and role) and its next event (date and time per language, "Zet in je agenda" to a
// calendar file that is there); a past event shows nowhere (panel, list, map, search); every story photo
// loads from the widget's own origin and keeps its place; on a 360 px phone a story fits the width; axe
// finds nothing with stories and an event open, light and dark.
// Run: cd e2e && node --test tests/stories.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { axe, listingsData, shot } from "../lib/harness.mjs";
import * as W from "../lib/widget.mjs";

let browser, server;
const log = [];

before(async () => ({ browser, server } = await W.startSuite()));
after(async () => {
  await W.closeAll(browser, server);
  const bad = log.filter((l) => l.troubles.length);
  assert.equal(bad.length, 0, bad.map((l) => `${l.name}: ${l.troubles.join("; ")}`).join("\n"));
});

async function withWidget(name, opts, fn) {
  const w = await W.openWidget(browser, server, opts);
  try {
    return await fn(w.page, w);
  } finally {
    log.push({ name, troubles: await W.troubles(w) });
    await w.context.close();
  }
}

const DATA = listingsData();
const current = W.currentItems();
const stories = current.filter((i) => i.category === "verhaal");
const events = current.filter((i) => i.category === "agenda");
const past = DATA.items.filter((i) => i.category === "agenda" && W.isOver(i));
const startOf = (i) => (i.start.length === 10 ? Date.parse(`${i.start}T00:00`) : Date.parse(i.start));
const enschedeStory = stories.find((i) => i.municipality === "GM0153");
const enschedeNext = events.filter((i) => i.municipality === "GM0153").sort((a, b) => startOf(a) - startOf(b))[0];

test("the demo has its stories and events, and past events to leave out", () => {
  assert.ok(stories.length >= 8 && new Set(stories.map((s) => s.municipality)).size >= 6, `${stories.length} stories`);
  assert.ok(stories.filter((s) => s.photo).length >= 5, "at least 5 stories with a photo");
  assert.ok(events.length >= 6, `${events.length} upcoming events`);
  assert.ok(past.length >= 2, `${past.length} past events`);
  assert.ok(enschedeStory && enschedeNext, "Enschede has a story and an upcoming event");
});

test("the Enschede panel shows its story and its next event, with its calendar file", async () => {
  await withWidget("enschede panel", {}, async (page) => {
    const panel = await W.openPanel(page, "GM0153");
    // The story: photo with its alt text, the quote, the teller.
    const story = panel.locator(`figure.tk-story[data-item="${enschedeStory.id}"]`);
    await story.waitFor({ state: "visible" });
    assert.equal((await story.locator("q").textContent()).trim(), enschedeStory.quote.nl);
    const by = (await story.locator(".tk-story-by").textContent()).trim();
    assert.equal(by, `${enschedeStory.person.name}, ${enschedeStory.person.role.nl}`);
    const img = story.locator("img.tk-story-photo");
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
    assert.equal(await img.getAttribute("alt"), enschedeStory.photo.alt.nl);
    await shot(page, "panel-story.png");
    // The event: its heading, its day and time as a person reads them, and its two links.
    const card = panel.locator(`article.tk-item[data-item="${enschedeNext.id}"]`);
    await card.waitFor({ state: "visible" });
    assert.equal((await card.locator(".tk-item-title").textContent()).trim(), enschedeNext.title.nl);
    const key = (await card.locator(".tk-item-key").textContent()).trim();
    assert.equal(key, "Wanneer: zaterdag 13 februari 2027, 10:00–16:00", "the closed card says when");
    await card.locator("summary").click();
    const cal = card.locator("a.tk-calendar");
    assert.equal((await cal.textContent()).trim(), "Zet in je agenda");
    const href = await cal.getAttribute("href");
    assert.equal(href, `agenda/${enschedeNext.id}.ics`);
    const ics = await page.evaluate(async (h) => {
      const r = await fetch(h);
      return { status: r.status, type: r.headers.get("content-type"), text: await r.text() };
    }, href);
    assert.equal(ics.status, 200, "the calendar file is there");
    assert.match(ics.type, /^text\/calendar/);
    assert.match(ics.text, /BEGIN:VEVENT\r\n/);
    assert.match(ics.text, /DTSTART:20270213T090000Z\r\n/, "10:00 in Dutch winter time is 09:00 UTC");
    assert.equal((await card.locator("a.tk-link").textContent()).trim().startsWith("Aanmelden"), true);
  });
});

test("dates and times of events are written in the reader's language", async () => {
  const want = {
    en: "When: Saturday 13 February 2027, 10:00–16:00",
    de: "Wann: Samstag, 13. Februar 2027, 10:00–16:00 Uhr",
  };
  for (const [lang, text] of Object.entries(want)) {
    await withWidget(`event ${lang}`, { query: `?lang=${lang}&gemeente=GM0153` }, async (page) => {
      const card = W.panel(page, "GM0153").locator(`article.tk-item[data-item="${enschedeNext.id}"]`);
      await card.waitFor({ state: "visible" });
      assert.equal((await card.locator(".tk-item-key").textContent()).trim(), text);
    });
  }
});

test("a past event never shows: not in a panel, the list, the map or a search", async () => {
  await withWidget("past events", {}, async (page) => {
    for (const e of past) {
      assert.equal(await page.locator(`[data-item="${e.id}"]`).count(), 0, `${e.id} is not in the page`);
    }
    await W.searchInput(page).fill("najaar");
    await W.waitForListCount(page, current.filter((i) => W.matchesSearch(i, "najaar")).length);
    assert.equal(await page.locator(`#tk-list [data-item="agd-enschede-kennismaking-2026-09"]`).count(), 0);
    await W.searchInput(page).fill("");
    for (const code of new Set(past.map((e) => e.municipality))) {
      await W.openPanel(page, code);
      const ids = await W.panelIds(page, code);
      for (const e of past) assert.ok(!ids.includes(e.id), `${e.id} not in the ${code} panel`);
      await page.keyboard.press("Escape");
      await W.anyPanel(page).waitFor({ state: "detached" });
    }
  });
});

test("every story photo loads from the widget's own origin and keeps its size", async () => {
  // A request to any other origin is one of the page's troubles (checked after the tests).
  await withWidget("photos", { query: "?categorie=verhaal" }, async (page) => {
    await W.waitForListCount(page, stories.length);
    await W.showAllRows(page);
    // Open every story card in the list: its photo is there, with its alt text and width/height attributes.
    for (const s of stories.filter((s) => s.photo)) {
      const card = page.locator(`#tk-list article.tk-item[data-item="${s.id}"]`);
      await card.locator("summary").click();
      const img = card.locator("img.tk-story-photo");
      await img.scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
      const a = await img.evaluate((el) => ({ alt: el.alt, w: el.getAttribute("width"), h: el.getAttribute("height"), src: el.src, ratio: el.clientWidth / el.clientHeight, fit: getComputedStyle(el).objectFit }));
      assert.ok(a.alt.length > 10, `${s.id}: alt text "${a.alt}"`);
      assert.equal([a.w, a.h].join("x"), `${s.photo.width}x${s.photo.height}`);
      assert.equal(new URL(a.src).origin, server.origin, `${s.id}: the photo is the widget's own file`);
      // Never stretched: drawn at its own proportions, or cropped to a banner (object-fit: cover).
      assert.ok(a.fit === "cover" || Math.abs(a.ratio - s.photo.width / s.photo.height) < 0.02, `${s.id}: proportions ${a.ratio}, fit ${a.fit}`);
    }
  });
});

test("on a 360 px phone a story fits the width", async () => {
  await withWidget("phone story", { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, query: "?gemeente=GM0158" }, async (page) => {
    const story = W.panel(page, "GM0158").locator("figure.tk-story").first();
    await story.waitFor({ state: "visible" });
    await story.scrollIntoViewIfNeeded();
    const box = await story.boundingBox();
    const img = await story.locator("img").boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `story from ${box.x} to ${box.x + box.width} px`);
    assert.ok(img.width <= box.width && img.height <= 161, `the photo is a banner: ${img.width}×${img.height}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, "no horizontal scroll");
  });
});

for (const theme of ["light", "dark"]) {
  test(`axe: no violations with stories and an event open (${theme})`, async () => {
    await withWidget(`axe stories ${theme}`, { colorScheme: theme, query: "?gemeente=GM0153" }, async (page) => {
      const panel = await W.waitForPanel(page, "GM0153");
      await panel.locator(`article.tk-item[data-item="${enschedeNext.id}"] summary`).click();
      await page.mouse.move(0, 0);
      const violations = await axe(page);
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.targets.join(" | ")}`), []);
      // The list with its stories opened too.
      await W.searchInput(page).fill("huisarts in");
      const first = page.locator("#tk-list article.tk-item.tk-cat-verhaal").first();
      await first.locator("summary").click();
      const again = await axe(page);
      assert.deepEqual(again.map((v) => `${v.id}: ${v.targets.join(" | ")}`), []);
    });
  });
}
