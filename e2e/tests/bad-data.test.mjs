// The bad-data corpus (tests/fixtures/bad) in a real browser: every fixture replaces listings.json or
// gemeenten.geojson and the widget must still show up — the live map, or a translated alert that names the
// file and the reason — with the skipped-items note where the corpus README promises one, and nothing that
// came from the data may become markup, script or a dangerous link. No console errors, no dialogs.
//
// The expected outcome of each fixture is read from tests/fixtures/bad/README.md (the same table that
// core/tests/bad_corpus.rs checks the parser against); a fixture without a row fails.
//
// The server here sends NO CSP header on purpose: under the strict CSP an injected `onerror=` or `<script>`
// would be blocked and `window.__tkInjected()` could never run, which would hide an injection. csp.test.mjs
// covers the CSP itself. One browser and one server for the file, a fresh context per fixture, a few at a time.
//
// Run: cd e2e && node --test tests/bad-data.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, serve, watchedPage, FIXTURES } from "../lib/harness.mjs";
import * as W from "../lib/widget.mjs";

const CONCURRENCY = Number(process.env.TK_BAD_CONCURRENCY || 3);

// ---------------------------------------------------------------------------------------------------------
// The corpus and its README

const FILES = fs.readdirSync(FIXTURES).filter((f) => f !== "README.md" && f !== "generate.py").sort();

/// `name → outcome text` from the README's table.
function readmeRows() {
  const rows = new Map();
  for (const line of fs.readFileSync(path.join(FIXTURES, "README.md"), "utf8").split("\n")) {
    const m = line.match(/^\|\s*`([^`]+)`\s*\|.*\|\s*(.+?)\s*\|\s*$/);
    if (m && /^(listings|gemeenten)-/.test(m[1])) rows.set(m[1], m[2]);
  }
  return rows;
}
const ROWS = readmeRows();

/// The quoted message of an `error: …` outcome (single or double backticks).
function quotedMessage(outcome) {
  const rest = outcome.replace(/^error:\s*/, "");
  const m = rest.startsWith("``") ? rest.match(/^``\s?(.*?)\s?``/) : rest.match(/^`([^`]*)`/);
  return m ? m[1] : "";
}

/// What the widget must show for a fixture, from its README row.
function expectation(name) {
  const outcome = ROWS.get(name);
  if (!outcome) return null;
  const file = name.startsWith("listings-") ? "listings.json" : "gemeenten.geojson";
  const exp = { name, file, outcome, kind: /^error:/.test(outcome) ? "error" : /^loads/.test(outcome) ? "loads" : "?" };
  const items = outcome.match(/^loads; (\d+) items?/);
  exp.items = items ? Number(items[1]) : null;
  if (/nothing skipped|not counted as skipped/.test(outcome)) exp.skipped = 0;
  else {
    const n = outcome.match(/all (\d+) payload items skipped/) || outcome.match(/;\s*(\d+) skipped/);
    exp.skipped = n ? Number(n[1]) : /\bskipped\b/.test(outcome) ? 1 : 0; // "that item skipped", "the duplicate skipped"
  }
  if (exp.kind === "error") {
    const msg = quotedMessage(outcome);
    exp.message = msg;
    // What the reason must contain. Error fixtures run in English (see runFixture), the language the README
    // and the command line use; the widget's own words around it are its English ones.
    const want = [];
    const at = msg.match(/line (\d+), column (\d+)/);
    if (at) want.push(`line ${at[1]}, column ${at[2]}`);
    const feature = msg.match(/feature ([^:\s]+):/);
    if (feature && !feature[1].includes("\\u")) want.push(`municipality ${feature[1]}`);
    let translated = false;
    if (/the file is empty/.test(msg)) { want.push("the file is empty"); translated = true; }
    if (/HTML page/.test(msg)) { want.push("HTML page"); translated = true; }
    const utf = msg.match(/not valid UTF-8 at byte (\d+)/);
    if (utf) { want.push(`not valid UTF-8 text (byte ${utf[1]})`); translated = true; }
    if (!translated) {
      // The reason as the README quotes it: every fragment around the elisions (…).
      const detail = msg.replace(/^(…|listings\.json|gemeenten\.geojson)(, line \d+(, column \d+)?)?(, …)?(,?\s*feature [^:]+)?:\s*/, "");
      for (const frag of detail.split("…").map((s) => s.trim()).filter((s) => s.length >= 4 && !s.includes("\\u"))) want.push(frag);
    }
    exp.reason = want;
  }
  return exp;
}

/// Municipalities that hold items in a (parseable) listings fixture: their panels show every text field.
function panelCodes(name) {
  try {
    const text = fs.readFileSync(path.join(FIXTURES, name), "utf8").replace(/^\uFEFF/, "");
    if (text.length > 1_000_000) return [];
    const d = JSON.parse(text);
    return [...new Set((d.items || []).map((i) => i && i.municipality))].filter((c) => c in W.CODES).sort();
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------------------
// One fixture in the browser

let browser, server;
const summary = [];

before(async () => {
  await W.waitForDist();
  browser = await launch();
  server = await serve({ csp: false });
  server.origin = new URL(server.url).origin;
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/// Everything the tests look at, read in one go from the page.
function inspect() {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none" && Number(s.opacity) > 0;
  };
  const tk = [...document.querySelectorAll(".tk")];
  const inTk = (sel) => tk.flatMap((t) => [...t.querySelectorAll(sel)]);
  const dangerous = [];
  for (const a of document.querySelectorAll("a, area")) {
    for (const attr of ["href", "xlink:href"]) {
      const v = a.getAttribute(attr);
      if (v == null) continue;
      let proto = "";
      try { proto = new URL(v, location.href).protocol; } catch { proto = "unparseable:"; }
      if (/^(javascript|data|vbscript):$/i.test(proto) || /^\s*(javascript|data|vbscript)\s*:/i.test(v)) dangerous.push(`<${a.localName} ${attr}="${v.slice(0, 80)}">`);
    }
  }
  const handlers = [];
  for (const el of document.querySelectorAll("*")) {
    for (const at of el.getAttributeNames()) if (/^on/i.test(at)) handlers.push(`<${el.localName} ${at}="${String(el.getAttribute(at)).slice(0, 60)}">`);
  }
  const alerts = [...document.querySelectorAll("[role=alert]")].map((a) => ({
    visible: visible(a),
    cls: a.className,
    lines: [...a.querySelectorAll("p")].map((p) => p.textContent),
    text: a.textContent,
    button: a.querySelector("button")?.textContent?.trim() ?? null,
  }));
  const skipped = document.querySelector("p.tk-skipped");
  return {
    shapes: document.querySelectorAll("path.tk-shape[data-code]").length,
    prerender: !!document.getElementById("tk-prerender"),
    crash: !!document.querySelector(".tk-crash"),
    alerts,
    skipped: skipped ? { text: skipped.textContent, visible: visible(skipped) } : null,
    count: document.querySelector("section#tk-list p.tk-count")?.textContent ?? null,
    listed: document.querySelectorAll("section#tk-list ul.tk-list-items > li > article.tk-item").length,
    injectedRan: window.__tkInjectedRan,
    // The widget's own story photos are the one <img> it draws: exactly its attributes, a file of the data
    // folder's img/ on this origin. Any other <img> came from the data.
    imgs: inTk("img").filter((e) => {
      const own = ["class", "src", "alt", "width", "height", "loading", "decoding", "hidden"];
      const url = new URL(e.getAttribute("src") || "", location.href);
      const mine = e.className === "tk-story-photo" && [...e.attributes].every((a) => own.includes(a.name)) &&
        url.origin === location.origin && /\/img\/[A-Za-z0-9._-]+$/.test(url.pathname);
      return !mine;
    }).map((e) => e.outerHTML.slice(0, 120)),
    scripts: inTk("script").map((e) => e.outerHTML.slice(0, 120)),
    embeds: inTk("iframe, object, embed, frame, frameset, foreignObject, base, meta, link, form").map((e) => e.outerHTML.slice(0, 120)),
    dangerous,
    handlers,
  };
}

/// The checks that hold whatever the fixture: nothing from the data became markup, script or a link.
function assertInert(s, where) {
  assert.equal(s.injectedRan, undefined, `${where}: injected script ran (window.__tkInjectedRan)`);
  assert.deepEqual(s.imgs, [], `${where}: <img> inside .tk`);
  assert.deepEqual(s.scripts, [], `${where}: <script> inside .tk`);
  assert.deepEqual(s.embeds, [], `${where}: iframe/object/embed/foreignObject/… inside .tk`);
  assert.deepEqual(s.dangerous, [], `${where}: javascript:/data:/vbscript: link`);
  assert.deepEqual(s.handlers, [], `${where}: on* event-handler attribute in the DOM`);
  assert.equal(s.crash, false, `${where}: the widget crashed (panic)`);
}

/// Lets anything an injection would trigger (an image error, a deferred script) happen before looking.
async function settle(page, { network = true } = {}) {
  if (network) await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => {});
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
}

/// The widget's own words around a reason, per language (core/src/i18n.rs).
const FRAME = {
  nl: { failed: (f) => `Kon ${f} niet laden: `, retry: "Opnieuw proberen", skipped: (n) => (n === 1 ? "1 item kon niet worden getoond." : `${n} items konden niet worden getoond.`), locale: "nl-NL" },
  en: { failed: (f) => `Could not load ${f}: `, retry: "Try again", skipped: (n) => (n === 1 ? "1 item could not be shown." : `${n} items could not be shown.`), locale: "en-GB" },
};

/// A fixture whose README row is an error runs in English: the README gives the reason as the command line
/// says it, and the command line's English is the widget's English table (one text per reason). The rest
/// runs in Dutch, the widget's first language.
async function runFixture(name) {
  const exp = expectation(name);
  const lang = exp?.kind === "error" ? "en" : "nl";
  const frame = FRAME[lang];
  assert.ok(exp, `${name} has no row in tests/fixtures/bad/README.md`);
  assert.notEqual(exp.kind, "?", `${name}: README outcome is neither "error:" nor "loads": ${exp.outcome}`);
  const started = Date.now();
  const w = await watchedPage(browser, { allowedOrigins: [server.origin], locale: frame.locale });
  const { page } = w;
  const notFound = [];
  page.on("response", (r) => { if (r.status() === 404) notFound.push(new URL(r.url()).pathname); });
  let s;
  try {
    await page.goto(`${server.url}?lang=${lang}&data=__fixture/${encodeURIComponent(name)}/`, { waitUntil: "load", timeout: 30000 });
    // The live widget replaced the prerender (or a crash message did).
    await page.waitForFunction(
      () => !document.getElementById("tk-prerender") && !document.querySelector(".tk-preview") && !!document.querySelector("#tk-root .tk"),
      null, { timeout: 30000 },
    ).catch(async (e) => {
      throw new Error(`${name}: the live widget never appeared (${e.message.split("\n")[0]}); problems: ${JSON.stringify(w.problems)}`);
    });
    await settle(page);
    await W.openCards(page); // every field the data put on the page, bodies included
    s = await page.evaluate(inspect);
    assertInert(s, name);

    const mapFine = exp.file === "listings.json" || exp.kind === "loads";
    const visibleAlerts = s.alerts.filter((a) => a.visible);
    if (mapFine) assert.equal(s.shapes, 14, `${name}: 14 live shapes (the map file is fine); alerts: ${JSON.stringify(s.alerts)}`);
    if (exp.kind === "error") {
      assert.equal(visibleAlerts.length, 1, `${name}: one visible [role=alert]; got ${JSON.stringify(s.alerts)}`);
      const a = visibleAlerts[0];
      const line = a.lines.find((l) => l.startsWith(frame.failed(exp.file)));
      assert.ok(line, `${name}: the alert names ${exp.file} ("${frame.failed(exp.file)}…"); got ${JSON.stringify(a.lines)}`);
      const reason = line.slice(frame.failed(exp.file).length);
      assert.ok(reason.trim().length > 0, `${name}: the alert gives a reason`);
      for (const want of exp.reason) assert.ok(reason.includes(want), `${name}: reason ${JSON.stringify(reason.slice(0, 300))} should contain ${JSON.stringify(want)} (README: ${exp.message})`);
      if (exp.file === "listings.json") assert.ok(!a.text.includes("gemeenten.geojson"), `${name}: only listings.json is broken, the alert blames gemeenten.geojson: ${a.text}`);
      assert.equal(a.button, frame.retry, `${name}: a "try again" button`);
    } else {
      assert.deepEqual(s.alerts, [], `${name}: loads, so no alert`);
    }
    if (exp.file === "listings.json") {
      // The corpus README's counts are about the listings file (with the real municipalities).
      if (exp.skipped > 0) {
        assert.ok(s.skipped?.visible, `${name}: the "n items could not be shown" note (README: ${exp.skipped} skipped)`);
        const want = frame.skipped(exp.skipped);
        assert.equal(s.skipped.text.trim(), want, `${name}: skipped count (README: ${exp.outcome})`);
      } else {
        assert.equal(s.skipped, null, `${name}: nothing skipped, so no skipped note; got ${JSON.stringify(s.skipped)}`);
      }
      if (exp.items != null) {
        const n = Number((s.count || "").match(/\d+/)?.[0]);
        assert.equal(n, exp.items, `${name}: the list count line says ${JSON.stringify(s.count)}, README: ${exp.items} items`);
        assert.equal(s.listed, exp.items, `${name}: items in the list`);
      }
    }

    // Open the panels that show the data's text (every field of an item; a municipality's name).
    const codes = exp.kind !== "loads" ? [] : exp.file === "listings.json" ? panelCodes(name) : /xss/.test(name) ? ["GM0141", "GM0147"] : [];
    for (const code of codes) {
      await W.openPanel(page, code);
      await settle(page, { network: false }); // an injected <img> would be caught by the DOM checks anyway
      await W.openCards(page); // every field the data put on the page, bodies included
      assertInert(await page.evaluate(inspect), `${name}, panel ${code}`);
    }
    if (/^gemeenten-xss/.test(name)) {
      const labels = await page.locator("path.tk-shape[data-code]").evaluateAll((ps) => ps.map((p) => p.getAttribute("aria-label")));
      assert.ok(labels.some((l) => /<(script|img)/.test(l)), `${name}: the hostile name is shown as text (in an aria-label)`);
    }

    let problems = w.problems;
    const pictureMissing = /hides a picture that does not load/.test(exp.outcome);
    if (pictureMissing) {
      // A story's picture that is not in the data folder: the browser's own 404 line for it is the one console
      // error there can be (the widget cannot see the folder before it asks), and the picture is left out.
      const photos = (JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")).items || []).flatMap((i) => (i?.photo?.src ? [i.photo.src] : []));
      assert.ok(photos.length > 0, `${name}: the fixture has a story picture`);
      assert.ok(notFound.length > 0 && notFound.every((p) => photos.some((src) => p.endsWith(`/${src}`))), `${name}: only the missing picture is not found: ${JSON.stringify(notFound)}`);
      // The widget hides a picture on its `error` event, a task after the browser marks the image broken (a CI run
      // looked in between): give that task up to 2 s before reading what is shown.
      const broken = () => [...document.querySelectorAll("img.tk-story-photo")].filter((i) => !i.hidden && i.complete && i.naturalWidth === 0 && i.getBoundingClientRect().height > 0).map((i) => i.src);
      await page.waitForFunction(`(${broken})().length === 0`, null, { timeout: 2000 }).catch(() => { /* asserted below */ });
      const shown = await page.evaluate(`(${broken})()`);
      assert.deepEqual(shown, [], `${name}: no broken picture is shown (a lazy one not yet asked for is not broken)`);
      assert.ok(await page.locator("figure.tk-story").count() > 0, `${name}: the story itself is shown`);
      problems = problems.filter((p) => !/^console\.error: Failed to load resource: the server responded with a status of 404/.test(p));
    } else {
      assert.deepEqual(notFound, [], `${name}: requests not found`);
    }
    const violations = await w.cspViolations();
    assert.deepEqual([...problems, ...violations.map((v) => `CSP: ${v}`)], [], `${name}: console errors, uncaught errors, dialogs or third-party requests`);
  } finally {
    const outcome = !s ? "??" : s.shapes >= 14 ? (s.alerts.length ? "map+error" : "map") : s.alerts.length ? "error" : "blank";
    const skippedN = s?.skipped ? Number(s.skipped.text.match(/\d+/)?.[0]) : 0;
    summary.push({ name, line: `${name} → ${outcome}, skipped ${skippedN} (${((Date.now() - started) / 1000).toFixed(1)} s)`, outcome });
    await w.context.close();
  }
}

// ---------------------------------------------------------------------------------------------------------

test("every fixture in the corpus has a README row with an outcome, and every row a fixture", () => {
  assert.ok(FILES.length >= 90, `only ${FILES.length} fixtures`);
  const missing = FILES.filter((f) => !ROWS.has(f));
  assert.deepEqual(missing, [], "fixtures without a README row");
  const orphans = [...ROWS.keys()].filter((r) => !FILES.includes(r));
  assert.deepEqual(orphans, [], "README rows without a fixture");
  for (const f of FILES) assert.notEqual(expectation(f).kind, "?", `${f}: outcome not understood`);
});

test(`each of the ${FILES.length} fixtures: the widget still shows, safely`, { concurrency: CONCURRENCY, timeout: 600000 }, async (t) => {
  await Promise.all(FILES.map((name) => t.test(name, { timeout: 90000 }, () => runFixture(name))));
  summary.sort((a, b) => a.name.localeCompare(b.name));
  const count = (o) => summary.filter((s) => s.outcome === o).length;
  console.log(summary.map((s) => s.line).join("\n"));
  console.log(`corpus: ${summary.length} fixtures; map ${count("map")}, map+error ${count("map+error")}, error (no map) ${count("error")}, other ${summary.length - count("map") - count("map+error") - count("error")}`);
});

test("a broken file's reason is said in the visitor's language, not in the parser's English", async () => {
  const cases = [
    ["gemeenten-rd-new-coordinates.geojson", "nl", "Kon gemeenten.geojson niet laden: gemeente GM0141: de coördinaten moeten WGS84-lengte/breedte zijn"],
    ["gemeenten-rd-new-coordinates.geojson", "de", "gemeenten.geojson konnte nicht geladen werden: Gemeinde GM0141: die Koordinaten müssen WGS84-Länge/Breite sein"],
    ["listings-missing-meta.json", "nl", "Kon listings.json niet laden: regel 120, kolom 1: het veld `meta` ontbreekt"],
    ["gemeenten-empty.geojson", "nl", "Kon gemeenten.geojson niet laden: het bestand is leeg"],
    ["listings-truncated.json", "de", "listings.json konnte nicht geladen werden: Zeile 69, Spalte 49: die Datei endet zu früh"],
  ];
  for (const [name, lang, want] of cases) {
    const w = await watchedPage(browser, { allowedOrigins: [server.origin], locale: lang === "de" ? "de-DE" : "nl-NL" });
    try {
      await w.page.goto(`${server.url}?lang=${lang}&data=__fixture/${encodeURIComponent(name)}/`);
      const alert = w.page.locator("#tk-root [role=alert]").first();
      await alert.waitFor({ state: "visible", timeout: 30000 });
      const text = (await alert.innerText()).replace(/\s+/g, " ");
      assert.ok(text.includes(want), `${name} in ${lang}: ${JSON.stringify(text)} should include ${JSON.stringify(want)}`);
      assert.doesNotMatch(text, /must be|missing|ends too early/, `${name} in ${lang}: no English left in ${JSON.stringify(text)}`);
    } finally {
      await w.context.close();
    }
  }
});
