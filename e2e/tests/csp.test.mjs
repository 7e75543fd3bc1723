// The strict Content-Security-Policy: the documented policy plus the hashes of the build's own inline stylesheet
// and early script, as the build's `_headers` gives it. The test server sends it, and every page of the build
// works under it — zero `securitypolicyviolation` events and no console errors while a visitor uses the widget
// (index.html), the kiosk (kiosk.html), the embed configurator (embed.html) and the editor (editor.html, when
// the build has one). The pages' markup has no other inline script or style and no event-handler attribute, the
// only inline styles in the live widget are CSS custom properties set through the CSSOM, and under the
// documented policy without the hashes the pages still look and work the same (the loader's fallback).
//
// Run: cd e2e && node --test tests/csp.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { DIST, STRICT_CSP, expectedCsp, launch, waitForMap } from "../lib/harness.mjs";
import { startServer } from "../server.mjs";
import * as W from "../lib/widget.mjs";

const PAGES = ["index.html", "kiosk.html", "embed.html", "editor.html"];
const HAS_EDITOR = fs.existsSync(path.join(DIST, "editor.html"));

let browser, server;

before(async () => ({ browser, server } = await W.startSuite()));
after(() => W.closeAll(browser, server));

/// A watched page on `file` (relative to the widget's base) that also records the CSP header of every
/// document it loads (the page and its frames).
async function openPage(file, { wait = true, query = "", ...ctx } = {}) {
  const documents = [];
  const w = await W.openWidget(browser, server, {
    query: file + query,
    wait: false,
    init: (page) => page.on("response", (r) => {
      if (r.request().resourceType() === "document") documents.push({ url: r.url(), csp: r.headers()["content-security-policy"] });
    }),
    ...ctx,
  });
  w.documents = documents;
  if (wait) await waitForMap(w.page);
  return w;
}

/// CSP violations in the page and in all its frames.
async function allViolations(page) {
  const out = [];
  for (const f of page.frames()) out.push(...(await f.evaluate(() => window.__cspViolations || []).catch((e) => [`could not read ${f.url()}: ${e.message}`])));
  return out;
}

/// Inline `style` attributes in a document that are not only CSS custom properties (`--name: value`).
function nonCustomInlineStyles() {
  const bad = [];
  for (const el of document.querySelectorAll("[style]")) {
    const props = [...Array(el.style.length).keys()].map((i) => el.style[i]);
    const other = props.filter((p) => !p.startsWith("--"));
    if (other.length || (props.length === 0 && el.getAttribute("style").trim())) {
      bad.push(`<${el.localName}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""} style="${el.getAttribute("style")}">`);
    }
  }
  return bad;
}

/// Everything that must be clean at the end of a page's test.
async function assertClean(w, what) {
  assert.deepEqual(await allViolations(w.page), [], `${what}: securitypolicyviolation events`);
  assert.deepEqual(await W.troubles(w), [], `${what}: console errors, uncaught errors, third-party requests, cookies`);
  assert.ok(w.documents.length > 0, `${what}: documents seen`);
  for (const d of w.documents) assert.equal(d.csp, expectedCsp(), `${what}: CSP header of ${d.url}`);
}

// ---------------------------------------------------------------------------------------------------------

test("control: the violation detector sees an inline script and an inline style being refused", async () => {
  const w = await openPage("index.html");
  try {
    await w.page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__tkControlRan = true";
      document.head.append(s);
      document.body.setAttribute("style", "outline: 1px solid red");
    });
    await w.page.waitForFunction(() => (window.__cspViolations || []).length >= 2);
    const v = await allViolations(w.page);
    assert.ok(v.some((x) => x.startsWith("script-src")), `script-src violation recorded: ${v}`);
    assert.ok(v.some((x) => x.startsWith("style-src")), `style-src violation recorded: ${v}`);
    assert.equal(await w.page.evaluate(() => window.__tkControlRan), undefined, "the inline script was blocked");
  } finally {
    await w.context.close();
  }
});

test("the server sends exactly the build's CSP: the documented one plus the pages' inline hashes, no more", async () => {
  const csp = expectedCsp();
  const extra = (directive) => csp.split("; ").find((d) => d.startsWith(directive + " ")).split(" ").filter((x) => x.startsWith("'sha256-"));
  assert.equal(extra("script-src").length, 1, `one inline script (the early script): ${csp}`);
  assert.ok(extra("style-src").length >= 1, `the inline stylesheet: ${csp}`);
  for (const file of ["", "index.html", "kiosk.html", "embed.html", "data/listings.json"]) {
    const res = await fetch(server.url + file);
    assert.equal(res.status, 200, `GET ${file || "/"}`);
    assert.equal(res.headers.get("content-security-policy"), csp, `CSP header of ${file || "/"}`);
    await res.arrayBuffer();
  }
});

for (const file of PAGES) {
  test(`${file}: no inline <script>, <style>, style= or on*= in the markup but the build's own`, { skip: !fs.existsSync(path.join(DIST, file)) && `no ${file} in dist` }, async () => {
    const res = await fetch(server.url + file);
    assert.equal(res.status, 200);
    const html = await res.text();
    // The prerendered pages inline the early script and the stylesheet, each naming the file it came from.
    const own = file === "index.html" || file === "kiosk.html";
    const inline = [...html.matchAll(/<script\b([^>]*)>/gi)].filter((m) => !/(^|\s)src\s*=/i.test(m[1])).map((m) => m[0]);
    assert.deepEqual(inline, own ? [inline.find((t) => /^<script data-src="\.\/early-[0-9a-f]{12}\.js">$/.test(t))] : [], "inline <script> without src");
    const styles = html.match(/<style\b[^>]*>/gi) || [];
    assert.deepEqual(styles, own ? styles.filter((t) => /^<style data-href="\.\/(widget|region)-[0-9a-f]{12,16}\.css">$/.test(t)) : [], "<style> elements");
    if (own) {
      assert.ok(styles.some((t) => t.includes("widget-")), "the widget's stylesheet is inline");
      for (const t of [...inline, ...styles]) {
        const name = t.match(/data-(?:src|href)="\.\/([^"]+)"/)[1];
        const body = html.split(t)[1].split(t.startsWith("<script") ? "</script>" : "</style>")[0];
        assert.equal(body, fs.readFileSync(path.join(DIST, name), "utf8"), `the inline copy of ${name} is the file`);
      }
    }
    assert.deepEqual(html.match(/\sstyle\s*=\s*["'][^"']*["']?/gi) || [], [], "style= attributes");
    assert.deepEqual(html.match(/\son[a-z]+\s*=\s*["']?[^"'\s>]*/gi) || [], [], "on*= event-handler attributes");
    assert.deepEqual(html.match(/(href|src|action)\s*=\s*["']?\s*javascript:/gi) || [], [], "javascript: URLs");
  });
}

test("index.html under the strict CSP: overview, panel, language switch, list search — no violations", async () => {
  const w = await openPage("index.html", { query: "?lang=nl&accent=%237a1f5c" });
  const { page } = w;
  try {
    assert.equal(await page.locator("path.tk-shape[data-code]").count(), 14, "overview: 14 municipalities");
    // The accent colour is set through the CSSOM, as a custom property on <html>: allowed by style-src 'self'.
    assert.equal(await page.evaluate(() => document.documentElement.style.getPropertyValue("--tk-accent").trim()), "#7a1f5c");
    assert.deepEqual(await page.evaluate(nonCustomInlineStyles), [], "overview: inline styles other than custom properties");

    await W.openPanel(page, "GM0153");
    assert.deepEqual(await page.evaluate(nonCustomInlineStyles), [], "panel open: inline styles other than custom properties");

    await page.locator('a.tk-lang[hreflang="en"]').click();
    await page.waitForFunction(() => document.documentElement.lang === "en" && !!document.querySelector("section.tk-panel[data-panel]"));
    assert.equal(await page.evaluate(() => performance.getEntriesByType("navigation").length), 1, "language switch without reload");

    const search = W.searchInput(page);
    await search.fill("praktijk");
    await page.waitForFunction(() => /\d/.test(document.querySelector("section#tk-list p.tk-count")?.textContent || ""));
    await search.fill("");
    await page.keyboard.press("Escape");
    assert.deepEqual(await page.evaluate(nonCustomInlineStyles), [], "after language switch and search: inline styles other than custom properties");
    await assertClean(w, "index.html");
  } finally {
    await w.context.close();
  }
});

test("kiosk.html under the strict CSP: tap a municipality, its QR codes show — no violations", async () => {
  const w = await openPage("kiosk.html", { viewport: { width: 1920, height: 1080 }, hasTouch: true });
  const { page } = w;
  try {
    await page.tap('path.tk-shape[data-code="GM0153"]');
    const p = page.locator('section.tk-panel[data-panel="GM0153"]');
    await p.waitFor({ state: "visible", timeout: 5000 });
    await p.locator("article.tk-item summary").first().tap();
    const qr = p.locator("figure.tk-qr svg.tk-qr-code").first();
    await qr.waitFor({ state: "visible", timeout: 5000 });
    await qr.scrollIntoViewIfNeeded();
    assert.ok(await p.locator("figure.tk-qr").count() > 0, "QR codes in the panel");
    assert.deepEqual(await page.evaluate(nonCustomInlineStyles), [], "kiosk: inline styles other than custom properties");
    // The kiosk's service worker registers under the same policy (worker-src falls back to script-src 'self').
    const sw = await page.evaluate(() => Promise.race([
      navigator.serviceWorker.ready.then(() => "ready"),
      new Promise((r) => setTimeout(() => r("not registered after 10 s"), 10000)),
    ]));
    assert.equal(sw, "ready", "the kiosk's service worker");
    await assertClean(w, "kiosk.html");
  } finally {
    await w.context.close();
  }
});

test("embed.html (configurator) under the strict CSP: changing options and the live preview — no violations", async () => {
  const w = await openPage("embed.html", { wait: false });
  const { page } = w;
  try {
    const preview = async (want) => {
      await page.waitForFunction((want) => {
        const f = document.querySelector("#tk-preview iframe");
        return f && (!want || f.src.includes(want));
      }, want, { timeout: 15000 });
      const frame = await (await page.$("#tk-preview iframe")).contentFrame();
      await waitForMap(frame);
      return frame;
    };
    await preview(null);
    await page.selectOption("#f-lang", "de");
    await page.selectOption("#f-gemeente", "GM0164");
    await page.uncheck("#f-partnerwerk");
    await page.check("#f-compact");
    await page.check("#f-accent-on");
    await page.locator("#f-accent").fill("#7a1f5c");
    await page.check("#f-share");
    const frame = await preview("lang=de");
    await frame.waitForFunction(() => document.documentElement.lang === "de");
    assert.match(await page.inputValue("#snippet-script"), /data-lang="de"/);
    // The widget inside the preview: only custom properties inline (the iframe element itself on the
    // configurator page is styled by embed.js through the CSSOM, which the CSP allows).
    assert.deepEqual(await frame.evaluate(nonCustomInlineStyles), [], "preview widget: inline styles other than custom properties");
    await assertClean(w, "embed.html");
  } finally {
    await w.context.close();
  }
});

test("editor.html under the strict CSP — no violations", { skip: !HAS_EDITOR && "no editor.html in dist (nothing to check)" }, async () => {
  const w = await openPage("editor.html", { wait: false });
  try {
    await w.page.waitForLoadState("networkidle");
    await assertClean(w, "editor.html");
  } finally {
    await w.context.close();
  }
});

test("under the documented CSP without the hashes, the pages fall back to their files: styled, clickable, live", async () => {
  // A host whose policy lacks this release's hashes (copied from an older release, nginx not reloaded).
  const old = await startServer({ dist: DIST, csp: STRICT_CSP });
  const fresh = await startServer({ dist: DIST });
  const br = await launch();
  const look = async (srv) => {
    const w = await W.openWidget(br, { ...srv, origin: new URL(srv.url).origin }, { viewport: { width: 1280, height: 900 } });
    await W.openPanel(w.page, "GM0153");
    const seen = await w.page.evaluate(() => ({
      map: Math.round(document.querySelector("svg.tk-svg").getBoundingClientRect().height),
      panel: Math.round(document.querySelector('section.tk-panel[data-panel="GM0153"]').getBoundingClientRect().width),
      links: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href")),
      early: typeof window.__tkTakePreloaded,
    }));
    const violations = await w.cspViolations();
    await w.context.close();
    return { ...seen, violations };
  };
  try {
    const normal = await look(fresh);
    const fallback = await look(old);
    assert.deepEqual(normal.violations, [], "under the build's CSP: nothing refused");
    assert.deepEqual(normal.links, [], "under the build's CSP: no stylesheet file loaded");
    assert.deepEqual(fallback.violations.map((v) => v.split(" ")[0]).sort(), ["script-src-elem", "style-src-elem"],
      `only the inline script and style are refused: ${fallback.violations}`);
    assert.ok(fallback.links.some((h) => /widget-[0-9a-f]+\.css$/.test(h)), `the stylesheet file was added: ${fallback.links}`);
    assert.equal(fallback.early, "function", "the early script ran from its file");
    assert.ok(normal.map > 300, `the map is laid out as styled (${normal.map} px)`);
    assert.deepEqual([fallback.map, fallback.panel], [normal.map, normal.panel], "the same layout as with the inline copies");
  } finally {
    await br.close();
    await old.close();
    await fresh.close();
  }
});
