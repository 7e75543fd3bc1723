// The household planner ("Waar gaan we wonen?"), tested as a GP and partner use it: from a practice's card to
// a ranked list of homes, for an employer and for a point tapped on the map, by keyboard, in a link, after a
// language switch and in the kiosk. The expected order and distances are computed here from the data file
// (haversine on WGS84, the documented estimate), not read from the widget's code.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as W from "../lib/widget.mjs";
import { axe, shot, ROOT, listingsData } from "../lib/harness.mjs";

let browser, server;
before(async () => ({ browser, server } = await W.startSuite()));
after(async () => W.closeAll(browser, server));

// ---------------------------------------------------------------------------------------------------------
// The model, written again from its description (core/src/plan.rs documents the same numbers)

const R = 6371.0088;
const rad = (d) => (d * Math.PI) / 180;
function km([lon1, lat1], [lon2, lat2]) {
  const h = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}
const carMinutes = (d) => (d * 1.3) / 50 * 60;
const bikeMinutes = (d) => (d * 1.2) / 15 * 60;
const shownMinutes = (m) => Math.max(1, Math.round(m));
const HOMES = ["koop", "huur", "nieuwbouw", "praktijkwoning"];

/// The homes in the order the planner must show them: housing with a point, of the chosen kinds, within the
/// maximum car times, by the sum of both distances (ties in data order).
function expectedPlan(work, partner, { kinds = HOMES, max = [null, null] } = {}) {
  return W.currentItems()
    .filter((i) => i.category === "wonen" && i.point && kinds.includes(i.kind))
    .map((i) => ({ id: i.id, km: [km(work, i.point), km(partner, i.point)] }))
    .filter((h) => max.every((m, w) => m == null || carMinutes(h.km[w]) <= m))
    .sort((a, b) => a.km[0] + a.km[1] - (b.km[0] + b.km[1]));
}

/// Waits until keyboard focus is on the element with `id` (focus moves after the next frame).
async function focusOn(page, id) {
  await page.waitForFunction((i) => document.activeElement?.id === i, id, { timeout: 3000 }).catch(() => {});
  return page.evaluate(() => document.activeElement?.id);
}

const item = (id) => W.currentItems().find((i) => i.id === id);
const WORK = "prk-hengelo-04";
const EMPLOYER = "pwk-enschede-utwente";

/// The plan's rows as a person reads them, every page of them: id, and per workplace the km and the car and
/// bike minutes parsed from the visible text.
async function planRows(page) {
  const list = page.locator("ol.tk-plan-list");
  await list.waitFor({ state: "visible", timeout: 10000 });
  for (let i = 0; i < 20; i++) {
    const more = page.locator(".tk-plan button.tk-more");
    if (!(await more.count())) break;
    await more.click();
  }
  return list.locator(":scope > li").evaluateAll((lis) => lis.map((li) => ({
    id: li.dataset.item,
    legs: [...li.querySelectorAll(".tk-plan-leg")].map((s) => {
      const t = s.textContent;
      const num = (re) => { const m = t.match(re); return m ? Number(m[1].replace(",", ".")) : NaN; };
      return { text: t, km: num(/^([\d.,]+) km/), car: num(/(\d+) min (?:met de auto|by car)/), bike: num(/(\d+) min (?:op de fiets|by bike)/) };
    }),
  })));
}

function assertRowsMatch(rows, expected, what) {
  assert.deepEqual(rows.map((r) => r.id), expected.map((h) => h.id), `${what}: the homes in order of combined distance`);
  rows.forEach((r, n) => {
    for (const w of [0, 1]) {
      const truth = expected[n].km[w];
      assert.ok(Math.abs(r.legs[w].km - truth) <= 0.05 + 1e-9, `${what}: ${r.id} shows ${r.legs[w].km} km, truth ${truth.toFixed(3)}`);
      assert.equal(r.legs[w].car, shownMinutes(carMinutes(truth)), `${what}: ${r.id} car minutes (${r.legs[w].text})`);
      assert.equal(r.legs[w].bike, shownMinutes(bikeMinutes(truth)), `${what}: ${r.id} bike minutes (${r.legs[w].text})`);
    }
  });
}

/// Opens the practice's card in its municipality's panel and starts the planner from it, as a visitor does.
async function startFromCard(page, id) {
  const it = item(id);
  await W.openPanel(page, it.municipality);
  const card = W.panel(page, it.municipality).locator(`article[data-item="${id}"]`);
  await card.locator("summary").click();
  await card.getByRole("button", { name: "Waar gaan we wonen?" }).click();
  await page.locator("section.tk-plan").waitFor({ state: "visible" });
}

test("planner: from a practice's card to an employer — the ranked homes, distances and times as computed from the data", async () => {
  const w = await W.openWidget(browser, server);
  const { page } = w;
  try {
    await startFromCard(page, WORK);
    assert.equal(await focusOn(page, "tk-plan-title"), "tk-plan-title", "focus moves to the planner's heading");
    // The practice's nearest GP post, as text.
    const posts = listingsData().meta.care.filter((c) => c.kind === "huisartsenpost");
    const nearest = Math.min(...posts.map((p) => km(item(WORK).point, p.point)));
    const places = await page.locator(".tk-plan-places").first().innerText();
    assert.match(places, new RegExp(`Huisartsenpost\\s+ca\\. ${nearest.toFixed(1).replace(".", ",")} km`), places);

    // Search the employer by part of its name, choose it.
    await page.getByLabel("Zoek een werkgever of plaats").fill("twente");
    const options = await page.locator(".tk-plan-options button").allInnerTexts();
    assert.ok(options.length >= 1 && options.every((o) => /twente/i.test(o)), `the search narrows the options: ${options}`);
    await page.locator(`button[data-partner="${EMPLOYER}"]`).click();
    assert.equal(await focusOn(page, "tk-plan-results"), "tk-plan-results", "focus moves to the result's heading");
    const expected = expectedPlan(item(WORK).point, item(EMPLOYER).point);
    assert.ok(expected.length >= 15, "the demo has enough homes to rank");
    const rows = await planRows(page);
    assertRowsMatch(rows, expected, "employer");
    assert.match(await page.locator("#tk-plan-results").innerText(), new RegExp(`^${expected.length} woningen`));
    // Said as text: the ordered list is the answer, the estimate is called one.
    assert.match(await page.locator(".tk-plan").innerText(), /Reistijden zijn schattingen/);
    assert.match(await page.locator(".tk-sr[aria-live]").innerText(), new RegExp(`Plan: ${expected.length} woningen`), "the result is announced");

    // The map: both workplaces and the first homes numbered as in the list; the listing markers give way.
    assert.equal(await page.locator(".tk-plan-work").count() >= 1 && await page.locator("g.tk-plan-partner").count(), 1);
    const numbered = await page.locator("g.tk-plan-home-marker").evaluateAll((gs) => gs.map((g) => [g.dataset.item, g.textContent]));
    assert.deepEqual(numbered, expected.slice(0, 20).map((h, n) => [h.id, String(n + 1)]), "the map numbers the homes in list order");
    assert.equal(await page.locator("g.tk-markers").isVisible(), false, "the listing markers are hidden in the plan");
    assert.equal(await page.locator("circle.tk-reach").count(), 2, "a 15-minute reach around each workplace");

    // The plan is a link.
    const p = await W.params(page);
    assert.equal(p.get("werk"), WORK);
    assert.equal(p.get("partner"), EMPLOYER);
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
});

test("planner: filters — a maximum car time and the kinds of home narrow the list as the model says", async () => {
  const w = await W.openWidget(browser, server, { query: `?werk=${WORK}&partner=${EMPLOYER}` });
  const { page } = w;
  try {
    const [work, partner] = [item(WORK).point, item(EMPLOYER).point];
    await page.locator("summary", { hasText: "Reistijd en soort woning" }).click();
    await page.getByLabel("Met de auto naar je werk").selectOption("15");
    assertRowsMatch(await planRows(page), expectedPlan(work, partner, { max: [15, null] }), "max 15 min to work");
    await page.getByLabel("Met de auto naar het werk van je partner").selectOption("30");
    await page.getByLabel("Huur", { exact: true }).uncheck();
    await page.getByLabel("Praktijkruimte", { exact: true }).check();
    const kinds = ["koop", "nieuwbouw", "praktijkwoning", "praktijkruimte"];
    const expected = expectedPlan(work, partner, { max: [15, 30], kinds });
    assert.ok(expected.some((h) => item(h.id).kind === "praktijkruimte"), "practice premises only when asked for");
    assertRowsMatch(await planRows(page), expected, "max 15/30, no rent, with premises");
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
});

test("planner: a point tapped on the map is the partner's workplace; the link, the rings and the order follow it", async () => {
  const w = await W.openWidget(browser, server, { query: `?werk=${WORK}` });
  const { page } = w;
  try {
    // A point in Oldenzaal's shape (found before picking: then the whole map answers the tap).
    const at = await W.clickablePoint(page, 'path.tk-shape[data-code="GM0173"]');
    await page.getByRole("button", { name: "Kies een punt op de kaart" }).click();
    assert.match(await page.locator(".tk-plan-picking").innerText(), /Tik of klik op de kaart/);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get("partner"));
    const value = (await W.params(page)).get("partner");
    const point = value.split(",").map(Number);
    assert.equal(point.length, 2);
    // The chosen point is where the visitor tapped: the partner's reach ring is centred there.
    const ring = await page.locator("circle.tk-reach-partner.tk-reach").boundingBox();
    assert.ok(Math.abs(ring.x + ring.width / 2 - at.x) < 1.5 && Math.abs(ring.y + ring.height / 2 - at.y) < 1.5,
      `ring centred on the tap: ${JSON.stringify(ring)} vs ${JSON.stringify(at)}`);
    assert.match(await page.locator(".tk-plan-places").last().innerText(), /Punt bij /);
    assertRowsMatch(await planRows(page), expectedPlan(item(WORK).point, point), "picked point");
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
});

test("planner: by keyboard — a town chosen from the list; the language switch and the share link keep the plan", async () => {
  const w = await W.openWidget(browser, server, { query: `?werk=${WORK}`, permissions: ["clipboard-read", "clipboard-write"] });
  const { page } = w;
  try {
    const town = "Oldenzaal";
    const inTown = W.currentItems().filter((i) => i.town === town && i.point);
    const mean = [0, 1].map((k) => inTown.reduce((s, i) => s + i.point[k], 0) / inTown.length);
    const button = page.locator(".tk-plan-towns button", { hasText: town });
    await button.focus();
    await page.keyboard.press("Enter");
    const value = (await W.params(page)).get("partner");
    assert.deepEqual(value.split(",").map(Number), mean.map((v) => Number(v.toFixed(5))), "the town's place: the mean of its items");
    const rows = await planRows(page);
    // The plan is its link: the widget measures from the place as the link writes it (5 decimals).
    assertRowsMatch(rows, expectedPlan(item(WORK).point, value.split(",").map(Number)), "town");

    // English: the same plan, in English.
    await page.locator('a.tk-lang[hreflang="en"]').click();
    await page.locator("section.tk-plan h2", { hasText: "Where shall we live?" }).waitFor();
    const en = await planRows(page);
    assert.deepEqual(en.map((r) => r.id), rows.map((r) => r.id), "the language switch keeps the plan");
    assert.match(en[0].legs[0].text, /^\d+\.\d km to your work · about \d+ min by car · about \d+ min by bike$/);
    assert.equal((await W.params(page)).get("partner"), value);

    // Share: the copied link opens the same plan.
    await page.locator("button.tk-share").click();
    await page.locator("button.tk-share", { hasText: "Link copied" }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const shared = new URL(link);
    assert.equal(shared.searchParams.get("werk"), WORK);
    assert.equal(shared.searchParams.get("partner"), value);
    const w2 = await W.openWidget(browser, server, { query: shared.search });
    try {
      assert.deepEqual((await planRows(w2.page)).map((r) => r.id), rows.map((r) => r.id), "the shared link opens the same plan");
      assert.deepEqual(await W.troubles(w2), []);
    } finally {
      await w2.context.close();
    }
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
});

test("planner: a bad plan link says what is wrong, translated, in place of the plan; the rest of the state is kept", async () => {
  const cases = [
    [`werk=prk-bestaat-niet`, /verwijst naar ‘prk-bestaat-niet’ \(werk\)/, "en", /refers to ‘prk-bestaat-niet’ \(werk\)/],
    [`werk=${EMPLOYER}`, /‘pwk-enschede-utwente’ \(werk\) is geen item uit ‘Praktijken en vacatures’/, "de", /ist kein Eintrag aus ‚Praxen und Stellen‘/],
    [`werk=prk-tubbergen-03`, /heeft geen plek op de kaart/, "en", /has no place on the map/],
    [`werk=${WORK}&partner=won-enschede-01`, /\(partner\) is geen item uit ‘Werk voor je partner’/, "en", /is not an item of ‘Work for your partner’/],
    [`werk=${WORK}&partner=5.1,52.1`, /Het punt 5\.10000,52\.10000 \(partner\) ligt buiten de regio/, "de", /liegt außerhalb der Region/],
    [`werk=${WORK}&partner=6.8,abc`, /‘6\.8,abc’ \(partner\) is geen id en geen punt/, "en", /is neither an id nor a point/],
  ];
  for (const [q, nl, lang, other] of cases) {
    for (const [l, re] of [["nl", nl], [lang, other]]) {
      const w = await W.openWidget(browser, server, { query: `?lang=${l}&gemeente=GM0153&layers=praktijk,wonen&${q}` });
      const { page } = w;
      try {
        const error = page.locator(".tk-plan-error[role=alert]");
        await error.waitFor({ timeout: 10000 });
        assert.match(await error.innerText(), re, `${q} (${l})`);
        assert.equal(await page.locator("ol.tk-plan-list").count(), 0);
        // Nothing else breaks: the map, the list, and the rest of the link.
        assert.equal(await page.locator("path.tk-shape").count(), 14);
        const p = await W.params(page);
        assert.equal(p.get("gemeente"), "GM0153");
        assert.equal(p.get("layers"), "praktijk,wonen");
        assert.ok(await W.list(page).isVisible());
        // Closing the plan leaves the municipality the link asked for.
        await page.locator("section.tk-plan button.tk-close").click();
        await W.waitForPanel(page, "GM0153");
        assert.equal((await W.params(page)).get("werk"), null);
        // One warning in the console says the same for the web team; no errors.
        assert.deepEqual(await W.troubles(w), []);
      } finally {
        await w.context.close();
      }
    }
  }
});

test("planner: axe finds no violations in the chooser and the plan, light and dark; a phone shows the list under the map", async () => {
  for (const colorScheme of ["light", "dark"]) {
    for (const query of [`?werk=${WORK}`, `?werk=${WORK}&partner=${EMPLOYER}`]) {
      const w = await W.openWidget(browser, server, { query, colorScheme });
      try {
        await w.page.locator("section.tk-plan").waitFor();
        if (query.includes("partner")) await w.page.locator("summary", { hasText: "Reistijd en soort woning" }).click();
        assert.deepEqual(await axe(w.page), [], `${query} ${colorScheme}`);
      } finally {
        await w.context.close();
      }
    }
  }
  const w = await W.openWidget(browser, server, { query: `?werk=${WORK}&partner=${EMPLOYER}`, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const { page } = w;
  try {
    await planRows(page);
    const [map, first, width] = await page.evaluate(() => [
      document.querySelector(".tk-map").getBoundingClientRect().bottom,
      document.querySelector("ol.tk-plan-list > li").getBoundingClientRect().top,
      document.documentElement.scrollWidth,
    ]);
    assert.ok(first > map, "the plan is below the map on one column");
    assert.ok(width <= 360, `no sideways scrolling (${width})`);
    // The first screen of the plan: the map with both workplaces, then the plan's first rows.
    await page.evaluate(() => document.querySelector(".tk-map").scrollIntoView({ block: "start" }));
    await shot(page, "plan-phone.png");
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
  const d = await W.openWidget(browser, server, { query: `?werk=${WORK}&partner=${EMPLOYER}` });
  try {
    await planRows(d.page);
    await d.page.evaluate(() => window.scrollTo(0, 0));
    await shot(d.page, "plan-desktop.png");
  } finally {
    await d.context.close();
  }
});

test("planner: every practice with a point names its nearest GP post; the care layer shows the hospitals", async () => {
  const w = await W.openWidget(browser, server, { query: "?gemeente=GM0141" });
  const { page } = w;
  try {
    const posts = listingsData().meta.care.filter((c) => c.kind === "huisartsenpost");
    const practices = W.currentItems().filter((i) => i.municipality === "GM0141" && i.category === "praktijk" && i.point);
    assert.ok(practices.length >= 2);
    for (const p of practices) {
      const card = W.panel(page, "GM0141").locator(`article[data-item="${p.id}"]`);
      await card.locator("summary").click();
      const best = posts.map((s) => [km(p.point, s.point), s.name]).sort((a, b) => a[0] - b[0])[0];
      const facts = await card.locator(".tk-facts").innerText();
      assert.ok(facts.includes(`ca. ${best[0].toFixed(1).replace(".", ",")} km (${best[1]})`), `${p.id}: ${facts}`);
    }
    assert.equal(await page.locator("g.tk-care").count(), 0, "the care layer is off by default");
    await page.getByLabel("Ziekenhuizen en huisartsenposten").check();
    const places = new Set(listingsData().meta.care.map((c) => c.point.join(",")));
    assert.equal(await page.locator("g.tk-care").count(), places.size, "one symbol per care location");
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
});

test("planner in the kiosk: the plan by touch, and a QR code that takes the plan home", async () => {
  const w = await W.openWidget(browser, server, {
    query: `kiosk.html?werk=${WORK}&partner=${EMPLOYER}`, viewport: { width: 1920, height: 1080 }, hasTouch: true,
  });
  const { page } = w;
  try {
    await planRows(page);
    const figure = page.locator(".tk-plan figure.tk-qr");
    await figure.scrollIntoViewIfNeeded();
    const link = new URL(await figure.getAttribute("data-link"));
    assert.equal(link.pathname.endsWith("kiosk.html"), false, "the phone link opens the normal page, not the kiosk");
    assert.equal(link.searchParams.get("werk"), WORK);
    assert.equal(link.searchParams.get("partner"), EMPLOYER);
    const src = fs.readFileSync(path.join(ROOT, "e2e/node_modules/jsqr/dist/jsQR.js"), "utf8");
    await page.evaluate(`(function(){var module=undefined,exports=undefined,define=undefined;${src}\n}).call(window)`);
    const text = await page.evaluate(async () => {
      const svg = document.querySelector(".tk-plan svg.tk-qr-code");
      const vb = svg.viewBox.baseVal, scale = 8;
      const clone = svg.cloneNode(true);
      clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
      clone.setAttribute("width", vb.width * scale);
      clone.setAttribute("height", vb.height * scale);
      clone.querySelector("rect").setAttribute("fill", "#fff");
      clone.querySelector("path").setAttribute("fill", "#000");
      const img = new Image();
      img.src = "data:image/svg+xml;base64," + btoa(unescape(encodeURIComponent(new XMLSerializer().serializeToString(clone))));
      await img.decode();
      const c = document.createElement("canvas");
      c.width = vb.width * scale; c.height = vb.height * scale;
      const ctx = c.getContext("2d");
      ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, c.width, c.height);
      ctx.drawImage(img, 0, 0);
      const r = window.jsQR(ctx.getImageData(0, 0, c.width, c.height).data, c.width, c.height);
      return r && r.data;
    });
    assert.equal(text, link.href, "the QR code decodes to the plan's link");
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollHeight <= innerHeight), true, "the kiosk still does not scroll");
    await page.evaluate(() => document.querySelector("ol.tk-plan-list").scrollIntoView({ block: "start" }));
    await shot(page, "plan-kiosk.png");
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
});

test("planner in the kiosk: left alone, the plan is closed for the next visitor (countdown, then reset)", { timeout: 60000 }, async () => {
  const w = await W.openWidget(browser, server, {
    query: `kiosk.html?idle=5&werk=${WORK}&partner=${EMPLOYER}`, viewport: { width: 1920, height: 1080 }, hasTouch: true,
  });
  const { page } = w;
  try {
    await page.locator("ol.tk-plan-list").waitFor();
    // Idle: the countdown shows, then the reset closes the plan and the attract loop starts.
    await page.locator("section.tk-plan").waitFor({ state: "detached", timeout: 40000 });
    assert.equal((await W.params(page)).get("werk"), null, "the plan left the address");
    assert.equal(await page.locator("g.tk-plan-layer").count(), 0, "and the map");
    await page.locator(".tk-attract").waitFor({ timeout: 15000 });
    assert.deepEqual(await W.troubles(w), []);
  } finally {
    await w.context.close();
  }
});
