// End-to-end test of the data editor (dist/editor.html) as campaign staff use it: it opens in Dutch with the
// published data, an item's title is edited in the form, the unsaved draft survives a reload (localStorage,
// with the leave-page warning), and the download is valid JSON with the change — under the strict CSP, with
// no console errors. Run: cd e2e && node --test tests/editor.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, serve, watchedPage, axe, listingsData, DIST } from "../lib/harness.mjs";
import { waitForDist, troubles } from "../lib/widget.mjs";

let browser, server;

before(async () => {
  await waitForDist();
  assert.ok(fs.existsSync(path.join(DIST, "editor.html")), "dist/editor.html is missing: run cargo xtask build");
  browser = await launch();
  server = await serve();
  server.origin = new URL(server.url).origin;
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const DRAFT_KEY = "twente-kaart-editor-draft";
const rows = (page) => page.locator("table.ed-table tbody tr");

async function openEditor(page, count) {
  await page.goto(server.url + "editor.html");
  await page.waitForFunction((n) => document.querySelectorAll("table.ed-table tbody tr").length === n, count, { timeout: 20000 });
}

test("the editor: edit a title, keep the draft over a reload, download valid JSON with the change", async () => {
  const data = listingsData();
  const first = data.items[0];
  const newTitle = "Praktijkovername – bijgewerkt in de editor";
  const w = await watchedPage(browser, { allowedOrigins: [server.origin], locale: "nl-NL", acceptDownloads: true });
  const { page } = w;
  // The leave-page warning is expected while there are unsaved changes: accept it, and note that it came.
  const warnings = [];
  page.removeAllListeners("dialog");
  page.on("dialog", async (d) => {
    if (d.type() === "beforeunload") { warnings.push(d.message()); await d.accept(); return; }
    w.problems.push(`dialog: ${d.type()} ${d.message()}`);
    await d.dismiss();
  });
  try {
    await openEditor(page, data.items.length);
    // In Dutch.
    assert.equal(await page.evaluate(() => document.documentElement.lang), "nl");
    assert.equal((await page.locator("h1").textContent()).trim(), "Aanbod bewerken");
    assert.equal(await rows(page).count(), data.items.length, "every item in the table");
    assert.equal((await rows(page).first().locator("th").textContent()).trim(), first.id);

    // Edit: focus moves into the form; the help comes from the schema.
    await page.getByRole("button", { name: `Bewerken ${first.id}` }).click();
    await page.waitForFunction(() => document.activeElement?.id === "ed-f-id");
    assert.match(await page.locator("#ed-help-town").textContent(), /Town or village/);
    const title = page.getByLabel("Nederlands (verplicht)").first();
    assert.equal(await title.getAttribute("id"), "ed-f-title-nl");
    await title.fill("");
    await page.locator("#ed-err-title .ed-error").waitFor();
    assert.equal(await title.getAttribute("aria-invalid"), "true");
    await title.fill(newTitle);
    await page.locator("#ed-err-title .ed-error").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.locator("form.ed-form").waitFor({ state: "detached" });
    // Focus is back on the row's edit button, and the row shows the change.
    await page.waitForFunction(() => document.activeElement?.id === "ed-edit-0");
    assert.match(await rows(page).first().textContent(), /bijgewerkt in de editor/);
    assert.match(await page.locator(".ed-dirty").textContent(), /nog niet zijn gedownload/);
    const draft = await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
    assert.ok(draft && draft.includes(newTitle), "the draft is in localStorage");

    // A reload loses nothing (and the browser warned before leaving).
    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll("table.ed-table tbody tr").length === n, data.items.length);
    assert.equal(warnings.length, 1, "one leave-page warning");
    assert.match(await rows(page).first().textContent(), /bijgewerkt in de editor/);
    assert.match(await page.locator(".ed-status").textContent(), /hersteld/);

    // Accessibility of the editor page and its form.
    await page.getByRole("button", { name: `Bewerken ${first.id}` }).click();
    await page.locator("form.ed-form").waitFor();
    const violations = (await axe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(violations, [], "no serious accessibility problems");
    await page.getByRole("button", { name: "Annuleren" }).click();

    // Download: valid JSON, the change in it, `$schema` kept; then the draft is gone.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#ed-download").click()]);
    assert.equal(download.suggestedFilename(), "listings.json");
    const text = fs.readFileSync(await download.path(), "utf8");
    const out = JSON.parse(text);
    assert.equal(out.$schema, data.$schema);
    assert.deepEqual(out.meta, data.meta);
    assert.equal(out.items.length, data.items.length);
    const edited = out.items[0];
    assert.equal(typeof edited.title === "string" ? edited.title : edited.title.nl, newTitle);
    assert.deepEqual({ ...edited, title: first.title }, first, "nothing else of the item changed");
    assert.deepEqual(out.items.slice(1), data.items.slice(1), "the other items are unchanged");
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), null, "draft cleared");
    assert.match(await page.locator(".ed-dirty").textContent(), /Geen openstaande wijzigingen/);
  } finally {
    const t = await troubles(w);
    await w.context.close();
    assert.deepEqual(t, [], "no console errors, CSP violations or other troubles");
  }
});
