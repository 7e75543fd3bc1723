// Page object of the twente-kaart widget for the end-to-end tests: opening the widget, finding and clicking
// municipality shapes like a user (on a point that shows the shape, not a marker on top of it), reading the
// panel and the list, and the expected values computed from the demo data the same way the widget does.
import { launch, serve, watchedPage, waitForMap, listingsData } from "./harness.mjs";

export const CODES = {
  GM0141: "Almelo", GM0147: "Borne", GM1774: "Dinkelland", GM0153: "Enschede", GM0158: "Haaksbergen",
  GM0163: "Hellendoorn", GM0164: "Hengelo", GM1735: "Hof van Twente", GM0168: "Losser", GM0173: "Oldenzaal",
  GM1742: "Rijssen-Holten", GM0183: "Tubbergen", GM1700: "Twenterand", GM0189: "Wierden",
};
export const NAMES = Object.values(CODES);

// ---------------------------------------------------------------------------------------------------------
// Expected values from regions/twente/listings.json

/// Today as YYYY-MM-DD in the local time zone (the browser runs in the same one).
export function todayIso(d = new Date()) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/// Whether an event is over: its end (or start) is a day before today, or a date-time before now.
export function isOver(item, now = new Date()) {
  if (item.category !== "agenda") return false;
  const last = item.end ?? item.start;
  if (!last) return false;
  return last.length === 10 ? last < todayIso(now) : Date.parse(last) < now.getTime();
}

/// The items the widget shows: those without `valid_until` or valid up to and including today, and no event
/// that is over.
export function currentItems(today = todayIso()) {
  return listingsData().items.filter((i) => (!i.valid_until || i.valid_until >= today) && !isOver(i));
}

const variants = (t) => (t == null ? [] : typeof t === "string" ? [t] : Object.values(t).filter((s) => typeof s === "string"));

/// The widget's search: case-insensitive substring of the trimmed needle in title, description and a story's
/// quote (every language), town, and a story's teller (name and role).
export function matchesSearch(item, needle) {
  const n = needle.trim().toLowerCase();
  if (!n) return true;
  const texts = [...variants(item.title), ...variants(item.description), ...variants(item.quote), item.town ?? "",
    item.person?.name ?? "", ...variants(item.person?.role)];
  return texts.some((s) => String(s).toLowerCase().includes(n));
}

export const ids = (items) => items.map((i) => i.id).sort();

// ---------------------------------------------------------------------------------------------------------
// Opening the widget

/// Starts the server (strict CSP). Returns the server; `server.origin` is the widget's origin.
export async function startWidgetServer() {
  const server = await serve();
  server.origin = new URL(server.url).origin;
  return server;
}

/// What a widget test file sets up once: waits for the release build, then starts one Chromium and the widget's
/// server. Use as `before(async () => ({ browser, server } = await W.startSuite()))`.
export async function startSuite() {
  await waitForDist();
  return { browser: await launch(), server: await startWidgetServer() };
}

/// Closes each of `things` that was opened (a browser, servers), in order: for a test file's `after` hook.
export async function closeAll(...things) {
  for (const t of things) await t?.close();
}

/// A watched page (only the widget's own origin allowed) on `server.url + query`, with the live map drawn.
/// Options: query ("?gemeente=…"), viewport, colorScheme, locale (default nl-NL), wait (default true),
/// init (a function run on the page before navigation, e.g. to add routes).
export async function openWidget(browser, server, { query = "", wait = true, init, locale = "nl-NL", ...ctx } = {}) {
  const w = await watchedPage(browser, { allowedOrigins: [server.origin], locale, ...ctx });
  if (init) await init(w.page);
  await w.page.goto(server.url + query, { waitUntil: wait ? "load" : "domcontentloaded" });
  if (wait) await waitForMap(w.page);
  return w;
}

/// Everything that must never happen on a partner's page, for one page: console errors, uncaught errors,
/// dialogs, third-party requests, CSP violations, cookies (HTTP and document.cookie).
export async function troubles(w) {
  const out = [...w.problems];
  try {
    for (const v of await w.cspViolations()) out.push(`CSP violation: ${v}`);
    const dc = await w.page.evaluate(() => document.cookie);
    if (dc) out.push(`document.cookie: ${dc}`);
  } catch (e) {
    out.push(`could not inspect page: ${e.message}`);
  }
  for (const c of await w.context.cookies()) out.push(`cookie: ${c.name}=${c.value} (${c.domain})`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The map

export const shape = (page, code) => page.locator(`path.tk-shape[data-code="${code}"]`);
export const shapeByName = (page, name) => page.getByRole("button", { name: new RegExp(`^${name.replace(/[-]/g, "\\$&")}:`) });

/// In the page: a viewport point where the top-most element is `sel`'s element itself (or inside it), or null.
/// Plain browser code, so any driver can run it (playwright's evaluate, WebDriver's executeScript).
export function unobstructedPoint(sel) {
  const el = document.querySelector(sel);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  const pts = [];
  for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) pts.push([r.left + (r.width * i) / 20, r.top + (r.height * j) / 20]);
  pts.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
  for (const [x, y] of pts) {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
    const hit = document.elementFromPoint(x, y);
    if (hit && (hit === el || el.contains(hit))) return { x, y };
  }
  return null;
}

/// A point (page coordinates) where the top-most element is `selector` itself (or inside it): a user's
/// click there hits that element and not a marker or label on top of it. Prefers points near the middle.
export async function clickablePoint(page, selector) {
  const p = await page.evaluate(unobstructedPoint, selector);
  if (!p) throw new Error(`no visible, unobstructed point on ${selector}`);
  return p;
}

/// Clicks a municipality on the live map like a user: with the mouse, on a point that shows the shape.
export async function clickShape(page, code) {
  const sel = `path.tk-shape[data-code="${code}"]`;
  await page.locator(sel).scrollIntoViewIfNeeded();
  const { x, y } = await clickablePoint(page, sel);
  await page.mouse.click(x, y);
}

/// Clicks a municipality and waits for its panel.
export async function openPanel(page, code) {
  await clickShape(page, code);
  return waitForPanel(page, code);
}

export async function waitForPanel(page, code, timeout = 10000) {
  const p = panel(page, code);
  await p.waitFor({ state: "visible", timeout });
  return p;
}

export const panel = (page, code) => page.locator(`section.tk-panel[data-panel="${code}"]`);
export const anyPanel = (page) => page.locator("section.tk-panel[data-panel]");

/// The `data-item` ids of the item cards (and story cards) in a municipality's panel, sorted.
export async function panelIds(page, code) {
  return (await panel(page, code).locator(".tk-items > li > [data-item]").evaluateAll((els) => els.map((e) => e.dataset.item))).sort();
}

/// Centre of an element's box on screen.
export async function centre(page, selector) {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
}

/// The code of the focused municipality shape, or a description of what has focus instead.
export async function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a) return null;
    if (a.matches("path.tk-shape[data-code]")) return a.dataset.code;
    return `${a.tagName.toLowerCase()}${a.id ? "#" + a.id : ""}${a.className && typeof a.className === "string" ? "." + a.className.trim().split(/\s+/).join(".") : ""}`;
  });
}

export const markers = (page, category) => page.locator(category ? `g.tk-marker.tk-cat-${category}` : "g.tk-marker");

// ---------------------------------------------------------------------------------------------------------
// The list

export const list = (page) => page.locator("section#tk-list");
export const searchInput = (page) => list(page).locator('input[type="search"]');
export const categorySelect = (page) => list(page).locator("select").nth(0);
export const municipalitySelect = (page) => list(page).locator("select").nth(1);

/// The number in the list's count line ("8 resultaten").
export async function listCount(page) {
  const text = await list(page).locator("p.tk-count").textContent();
  const m = text.match(/\d+/);
  if (!m) throw new Error(`no number in the count line: ${JSON.stringify(text)}`);
  return Number(m[0]);
}

/// Rows the list shows at first and adds per "Toon meer" (list_view::PAGE).
export const LIST_PAGE = 10;

const rowSel = "ul.tk-list-items > li > article.tk-item";

/// The ids of the items in the list, sorted: every item the list reaches, so first "Toon meer" is pressed
/// until everything is shown.
export async function listIds(page) {
  await showAllRows(page);
  return (await list(page).locator(rowSel).evaluateAll((els) => els.map((e) => e.dataset.item))).sort();
}

/// Presses the list's "Toon meer (N)" until every row is shown; checks that each press adds a page.
export async function showAllRows(page) {
  for (let i = 0; i < 5000; i++) {
    const more = list(page).locator(":scope > button.tk-more:not([hidden])");
    if ((await more.count()) === 0) return;
    const before = await list(page).locator(rowSel).count();
    const hidden = Number((await more.textContent()).match(/\((\d+)\)/)?.[1]);
    await more.click();
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(`section#tk-list ${sel}`).length === n,
      [rowSel, before + Math.min(hidden, LIST_PAGE)], { timeout: 5000 });
  }
  throw new Error("the list never ran out of 'Toon meer'");
}

/// Waits until the list says `n` results and shows them: all of them, or (more than a page) its first pages
/// with a "Toon meer (rest)" button.
export async function waitForListCount(page, n, timeout = 5000) {
  await page.waitForFunction(([n, sel, pageSize]) => {
    const l = document.querySelector("section#tk-list");
    if (!l) return false;
    const shown = l.querySelectorAll(sel).length;
    const m = (l.querySelector("p.tk-count")?.textContent || "").match(/\d+/);
    const more = (l.querySelector(":scope > button.tk-more:not([hidden])")?.textContent || "").match(/\((\d+)\)/);
    const paged = shown >= pageSize && shown < n && more && Number(more[1]) === n - shown;
    return m && Number(m[0]) === n && (shown === n || paged);
  }, [n, rowSel, LIST_PAGE], { timeout }).catch(async () => {
    throw new Error(`list did not settle on ${n} items: shows ${await list(page).locator(rowSel).count()}, count line says ${await listCount(page).catch((e) => e.message)}`);
  });
}

/// Opens every card under `scope` and waits until each shows its body: the widget builds a card's body
/// (description, facts, links or QR code) when the card first opens, the prerendered page has them all.
/// Returns how many cards it opened.
export async function openCards(page, scope = "#tk-root .tk") {
  const n = await page.evaluate((scope) => {
    const closed = [...document.querySelectorAll(`${scope} details:not([open])`)];
    for (const d of closed) d.open = true;
    return closed.length;
  }, scope);
  await page.waitForFunction(
    (scope) => [...document.querySelectorAll(`${scope} details[open] .tk-item-body`)].every((b) => b.firstElementChild),
    scope, { timeout: 5000 },
  );
  return n;
}

/// Waits until the widget has written its state into the address bar: it does so when the browser is idle,
/// at most 200 ms after a change (src/url_state.rs), so a click never waits for `history.replaceState`.
export async function urlSettled(page) {
  await page.evaluate(() => new Promise((r) => setTimeout(() => requestIdleCallback(() => r(), { timeout: 1000 }), 250)));
}

/// The URL's query parameters once the widget has written its state.
export async function params(page) {
  await urlSettled(page);
  return new URL(await page.evaluate(() => location.href)).searchParams;
}

/// Marks the document, so `sameDocument(page)` tells whether the page navigated (or reloaded) since.
export async function markDocument(page) {
  await page.evaluate(() => { window.__tkTestMark = "kept"; });
}
export async function sameDocument(page) {
  return page.evaluate(() => window.__tkTestMark === "kept");
}

export { waitForMap };

/// Waits (up to `ms`) for dist/index.html: another engineer may be rebuilding dist.
export async function waitForDist(ms = 90000) {
  const { DIST } = await import("./harness.mjs");
  const fs = await import("node:fs");
  const file = `${DIST}/index.html`;
  const end = Date.now() + ms;
  while (!fs.existsSync(file)) {
    if (Date.now() > end) throw new Error(`${file} is missing: build first (cargo xtask build)`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
