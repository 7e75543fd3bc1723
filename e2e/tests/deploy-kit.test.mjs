// The deployment kit of the real build (xtask/src/deploy_kit.rs): every text asset has a .br and a .gz that
// decompress to it; the test server (like nginx's brotli_static/gzip_static) sends those files byte for byte,
// but never one older than its file; `_headers` gives every page the documented CSP and every file exactly one
// caching rule: immutable for the hashed files, short for the data, `embed.js` and the feed, revalidated pages.
//
// Run: cd e2e && node --test tests/deploy-kit.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { DIST, STRICT_CSP, expectedCsp } from "../lib/harness.mjs";
import { startServer } from "../server.mjs";

const TEXT = /\.(html|js|css|wasm|json|geojson|xml|ics|svg|webmanifest|txt)$/;

/// Every file of the build, relative and `/` separated.
function files(dir = DIST, prefix = "") {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}
const ALL = files();
const SERVED = ALL.filter((f) => !/\.(br|gz)$/.test(f) && f !== "_headers");

/// A GET with the given Accept-Encoding, the body as sent (not decompressed).
function rawGet(url, encoding) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { "accept-encoding": encoding } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

/// The `_headers` rules as [pattern, {header: value}] in file order.
function headerRules() {
  const rules = [];
  for (const line of fs.readFileSync(path.join(DIST, "_headers"), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (!line.startsWith(" ")) { rules.push([line.trim(), {}]); continue; }
    const [name, ...value] = line.trim().split(":");
    rules.at(-1)[1][name.toLowerCase()] = value.join(":").trim();
  }
  return rules;
}

/// Every value of `header` that the rules give the request path `url`, as Netlify and Cloudflare Pages match them
/// (an exact path, or a prefix ending in `*`); they join the values of all matching rules.
function headersFor(url, header) {
  return headerRules()
    .filter(([p]) => (p.endsWith("*") ? url.startsWith(p.slice(0, -1)) : url === p))
    .map(([, h]) => h[header])
    .filter(Boolean);
}

let server;
before(async () => { server = await startServer({ dist: DIST }); });
after(() => server.close());

test("every text asset of the build has a .br and a .gz that decompress to it", () => {
  const text = SERVED.filter((f) => TEXT.test(f) && fs.statSync(path.join(DIST, f)).size >= 256);
  assert.ok(text.length >= 20, `text assets: ${text.length}`);
  for (const want of ["index.html", "kiosk.html", "embed.js", "data/listings.json", "data/gemeenten.geojson", "agenda.ics", "feed.xml"]) {
    assert.ok(text.includes(want), `${want} is in the build`);
  }
  assert.ok(text.some((f) => f.endsWith("_bg.wasm")), "the wasm is precompressed");
  let raw = 0, br = 0;
  for (const f of text) {
    const body = fs.readFileSync(path.join(DIST, f));
    const b = fs.readFileSync(path.join(DIST, `${f}.br`));
    assert.ok(zlib.brotliDecompressSync(b).equals(body), `${f}.br decompresses to ${f}`);
    assert.ok(zlib.gunzipSync(fs.readFileSync(path.join(DIST, `${f}.gz`))).equals(body), `${f}.gz decompresses to ${f}`);
    raw += body.length;
    br += b.length;
  }
  console.log(`# ${text.length} files, ${raw} bytes, ${br} as brotli`);
});

test("the server sends the build's .br and .gz byte for byte", async () => {
  const wasm = SERVED.find((f) => /^twente-kaart-[0-9a-f]+_bg\.wasm$/.test(f));
  for (const f of ["index.html", wasm, "data/listings.json"]) {
    for (const [enc, ext] of [["br", "br"], ["gzip", "gz"]]) {
      const res = await rawGet(server.url + f, enc);
      assert.equal(res.status, 200, `GET ${f}`);
      assert.equal(res.headers["content-encoding"], enc, `${f}: content-encoding`);
      assert.ok(res.body.equals(fs.readFileSync(path.join(DIST, `${f}.${ext}`))), `${f}: the body is ${f}.${ext} as built`);
    }
  }
});

test("a file replaced after the build is not served from its old .br", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tk-kit-"));
  const old = "{\"items\":[\"old\"]}".padEnd(400, " ");
  const fresh = "{\"items\":[\"new\"]}".padEnd(400, " ");
  fs.writeFileSync(path.join(dir, "listings.json.br"), zlib.brotliCompressSync(old));
  const past = new Date(Date.now() - 60_000);
  fs.utimesSync(path.join(dir, "listings.json.br"), past, past);
  fs.writeFileSync(path.join(dir, "listings.json"), fresh);
  const s = await startServer({ dist: dir });
  try {
    const res = await rawGet(s.url + "listings.json", "br");
    assert.equal(zlib.brotliDecompressSync(res.body).toString(), fresh, "the new file, compressed by the server");
  } finally {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("_headers and nginx-csp.conf give every path the documented CSP with the pages' inline hashes, and nosniff", () => {
  const csp = expectedCsp();
  assert.ok(csp.startsWith(STRICT_CSP.split("; script-src")[0]) && csp !== STRICT_CSP, csp);
  assert.ok(fs.readFileSync(path.join(DIST, "nginx-csp.conf"), "utf8").includes(`\nadd_header Content-Security-Policy "${csp}" always;\n`), "nginx-csp.conf");
  for (const f of ["", ...SERVED]) {
    assert.deepEqual(headersFor(`/${f}`, "content-security-policy"), [csp], `CSP of /${f}`);
    assert.deepEqual(headersFor(`/${f}`, "x-content-type-options"), ["nosniff"], `nosniff of /${f}`);
  }
});

test("_headers gives every file exactly one caching rule: hashed immutable, data short, pages revalidated", () => {
  const want = (f) => {
    if (!f.includes("/") && /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(f)) return "public, max-age=31536000, immutable";
    if (f.endsWith(".html") || f === "sw.js" || f === "") return "no-cache";
    return "public, max-age=300";
  };
  const seen = new Set();
  for (const f of ["", ...SERVED]) {
    const got = headersFor(`/${f}`, "cache-control");
    assert.deepEqual(got, [want(f)], `Cache-Control of /${f}`);
    seen.add(got[0]);
  }
  assert.equal(seen.size, 3, `all three kinds are used: ${[...seen]}`);
  for (const f of ["embed.js", "data/listings.json", "feed.xml"]) assert.deepEqual(headersFor(`/${f}`, "cache-control"), ["public, max-age=300"], f);
  assert.ok(SERVED.filter((f) => want(f).includes("immutable")).length >= 5, "the wasm, its loader, the stylesheet, the early script and the panels are hashed");
});
