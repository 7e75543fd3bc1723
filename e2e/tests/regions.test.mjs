// Every other region, built from its own folder (regions/<name>/) as `cargo xtask build --region <name>` does
// (`cargo xtask test` writes them to target/regions/<name>/): each municipality drawn and named, a panel with
// exactly its items, the list, a deep link, the region's accent, nothing on any page that says "Twente", no
// console error, and the README's screenshots. Run: cd e2e && node --test tests/regions.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, watchedPage, waitForMap, shot, ROOT, FIXTURES } from "../lib/harness.mjs";
import { startServer } from "../server.mjs";
import * as W from "../lib/widget.mjs";

const DEFAULT = "twente";
const REGIONS = fs.readdirSync(path.join(ROOT, "regions"))
  .filter((n) => n !== DEFAULT && fs.existsSync(path.join(ROOT, "regions", n, "region.json")))
  .sort();

/// What a visitor or a partner's web team can read on a page: the text, the page and iframe titles, and every
/// accessible name, alt text and tooltip.
async function readable(page) {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll("[aria-label],[title],[alt],[placeholder],iframe[title]")]
      .flatMap((e) => ["aria-label", "title", "alt", "placeholder"].map((a) => e.getAttribute(a) || ""));
    return [document.title, document.body.innerText, ...attrs].join("\n");
  });
}

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test("there are regions besides the default", () => {
  assert.deepEqual(REGIONS, ["drechtsteden", "drenthe"]);
});

for (const name of REGIONS) {
  const dist = path.join(ROOT, "target/regions", name);
  const folder = path.join(ROOT, "regions", name);
  const region = JSON.parse(fs.readFileSync(path.join(folder, "region.json"), "utf8"));
  const geo = JSON.parse(fs.readFileSync(path.join(folder, "gemeenten.geojson"), "utf8"));
  const listings = JSON.parse(fs.readFileSync(path.join(folder, "listings.json"), "utf8"));
  const own = geo.features.filter((f) => !f.properties.context).map((f) => f.properties);
  const today = W.todayIso();
  const current = listings.items.filter((i) => (!i.valid_until || i.valid_until >= today) && !W.isOver(i));
  // The municipality with the most items, for the panel and the deep link.
  const busiest = own.map((m) => [m, current.filter((i) => i.municipality === m.code).length]).sort((a, b) => b[1] - a[1])[0][0];

  test(`${name}: its build is there`, () => {
    assert.ok(fs.existsSync(path.join(dist, "index.html")), `${dist}/index.html: run cargo xtask test (or build --region ${name} --out ${dist})`);
  });

  test(`${name}: every municipality is drawn and named, a panel holds exactly its items, the list and a deep link work, nothing says Twente`, async () => {
    const server = await startServer({ dist, fixtures: FIXTURES });
    const origin = new URL(server.url).origin;
    const troubles = [];
    try {
      for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
        const w = await watchedPage(browser, { allowedOrigins: [origin], locale: "nl-NL", viewport });
        const { page } = w;
        try {
          await page.goto(server.url, { waitUntil: "load" });
          await waitForMap(page, own.length);
          assert.equal(await page.locator("path.tk-shape[data-code]").count(), own.length, "one shape per municipality");
          assert.deepEqual((await page.locator("path.tk-shape[data-code]").evaluateAll((ps) => ps.map((p) => p.dataset.code))).sort(), own.map((m) => m.code).sort());
          for (const m of own) {
            const b = W.shapeByName(page, m.name);
            assert.equal(await b.count(), 1, `one button named "${m.name}: …"`);
            assert.ok(await b.isVisible(), `${m.name} visible`);
          }
          // Every municipality's name is written on the map, at the desktop size.
          if (viewport.width > 1000) {
            const labels = await page.locator("svg.tk-svg text").evaluateAll((ts) => ts.map((t) => t.textContent.trim()));
            for (const m of own) assert.ok(labels.some((l) => l.startsWith(m.name) || m.name.startsWith(l.replace(/…$/, ""))), `${m.name} labelled on the map (labels: ${labels.join(", ")})`);
          }
          assert.equal(await page.evaluate(() => document.querySelector(".tk-title")?.textContent), listings.meta.title.nl);
          assert.equal(await W.listCount(page), current.length, "the list counts the region's current items");

          const p = await W.openPanel(page, busiest.code);
          assert.equal((await p.locator("h2").textContent()).trim(), busiest.name);
          assert.deepEqual(await W.panelIds(page, busiest.code), W.ids(current.filter((i) => i.municipality === busiest.code)), `items in ${busiest.name}'s panel`);
          assert.equal((await W.params(page)).get("gemeente"), busiest.code);

          const text = await readable(page);
          assert.doesNotMatch(text, /twente/i, "no readable text on the widget says Twente");

          // The region's accent, from region.json, not the widget's green.
          if (region.accent) {
            const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--tk-accent").trim());
            assert.equal(accent.toLowerCase(), region.accent.light.toLowerCase(), "the region's accent");
          }
          if (viewport.width > 1000) await shot(page, `region-${name}.png`);
        } finally {
          troubles.push(...(await W.troubles(w)));
          await w.context.close();
        }
      }

      // A deep link, the kiosk page and the embed configurator.
      const w = await watchedPage(browser, { allowedOrigins: [origin], locale: "nl-NL" });
      try {
        await w.page.goto(`${server.url}?gemeente=${busiest.code}`, { waitUntil: "load" });
        await waitForMap(w.page, own.length);
        await W.waitForPanel(w.page, busiest.code);

        await w.page.goto(new URL("kiosk.html", server.url).href, { waitUntil: "load" });
        await waitForMap(w.page, own.length);
        assert.doesNotMatch(await readable(w.page), /twente/i, "the kiosk says nothing of Twente");

        await w.page.goto(new URL("embed.html", server.url).href, { waitUntil: "load" });
        const options = await w.page.locator("#f-gemeente option").evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
        assert.deepEqual(options.slice(1).map(([v]) => v).sort(), own.map((m) => m.code).sort(), "the configurator offers the region's municipalities");
        const frame = w.page.locator("iframe").first();
        await frame.waitFor({ state: "attached", timeout: 10000 });
        assert.equal(await frame.getAttribute("title"), `Kaart: ${listings.meta.title.nl}`, "the embed's iframe title names the campaign");
        // The snippet's code keeps the embed's attribute name (data-twente-kaart, the product's API): prose only.
        const prose = await w.page.evaluate(() => {
          const copy = document.body.cloneNode(true);
          copy.querySelectorAll("pre, code, textarea").forEach((e) => e.remove());
          return [document.title, copy.innerText].join("\n");
        });
        assert.doesNotMatch(prose, /twente/i, "the configurator's text says nothing of Twente");
      } finally {
        troubles.push(...(await W.troubles(w)));
        await w.context.close();
      }

      // The feed and calendar are titled for the region.
      for (const file of ["feed.xml", "agenda.ics"]) {
        // PRODID and UID name the product (twente-kaart), as a program's identifier, not shown to anyone.
        const body = (await (await fetch(new URL(file, server.url))).text()).split(/\r?\n/).filter((l) => !/^(PRODID|UID):/.test(l)).join("\n");
        assert.doesNotMatch(body, /twente/i, `${file} says nothing of Twente`);
        assert.ok(body.includes(listings.meta.title.nl), `${file} names ${listings.meta.title.nl}`);
      }
      // The data's JSON Schema accepts the region's municipality codes and no other.
      const schema = await (await fetch(new URL("schema/listings.schema.json", server.url))).json();
      const enums = [];
      JSON.stringify(schema, (k, v) => { if (k === "municipality" && Array.isArray(v?.enum)) enums.push(v.enum); return v; });
      assert.ok(enums.length >= 2, "the items' and the care points' municipality fields are limited");
      for (const e of enums) assert.deepEqual([...e].sort(), [...region.codes].sort(), "the schema's codes are region.json's");
      assert.deepEqual(troubles, [], "no console error, CSP violation, third-party request or cookie");
    } finally {
      await server.close();
    }
  });
}
