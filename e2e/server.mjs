// Static server for the release build: the build's precompressed .br/.gz (else brotli/gzip made here) like a CDN,
// the build's strict CSP (the policy in its `_headers`, as a host sends it), and (for the tests only) fault
// injection and fixture folders. No dependencies beyond Node itself.
//
//   node server.mjs DIST [--port 8080] [--host 127.0.0.1] [--no-csp] [--fixtures DIR] [--base /kaart/]
//
// Test-only routes (under the widget's base):
//   __fault/<mode>/<file>    serves <file> from dist/data with a fault: status-404, status-500, delay-<ms>,
//                            stall (headers then silence), drop (connection closed), wrong-type, flaky-<n>
//                            (the first n requests per file fail with 503)
//   __fixture/<name>/<file>  serves fixture <name> in place of <file> when the fixture replaces that file
//                            (names start with `listings-` or `gemeenten-`), else the real <file>
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/// The documented policy, before the build adds the hashes of its pages' inline stylesheet and early script.
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; object-src 'none'";

/// The CSP the build wrote for its files (`/*` in `dist/_headers`), as a host deploying it sends it; the
/// documented policy for a folder without one.
export function buildCsp(dist) {
  let text = "";
  try { text = fs.readFileSync(path.join(dist, "_headers"), "utf8"); } catch { return CSP; }
  const all = text.split("\n/*\n")[1] || "";
  const line = all.split("\n").find((l) => l.startsWith("  Content-Security-Policy: "));
  return line ? line.slice("  Content-Security-Policy: ".length) : CSP;
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json; charset=utf-8",
  ".geojson": "application/geo+json; charset=utf-8", ".xml": "application/atom+xml; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json",
  ".ics": "text/calendar; charset=utf-8", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".avif": "image/avif",
};

/// `csp`: true = the build's policy (`buildCsp`), a string = that policy, false = none.
export function startServer({ dist, port = 0, host = "127.0.0.1", csp = true, fixtures = null, base = "/", extraHeaders = {} }) {
  const policy = csp === true ? buildCsp(dist) : csp || null;
  const flaky = new Map();
  const compressed = new Map(); // (file, encoding, size, mtime) → body: compress once, like a CDN
  const compress = (file, body, enc) => {
    let st = null;
    try { st = fs.statSync(file); } catch { /* fixtures or rewritten bodies */ }
    const key = `${file}|${enc}|${body.length}|${st ? st.mtimeMs : 0}`;
    // Like a CDN: the best brotli for the app's files, a fast level for multi-megabyte data (quality 11 on
    // 9 MB takes seconds of CPU per request).
    const quality = body.length > 1_000_000 ? 5 : 11;
    if (!compressed.has(key)) compressed.set(key, enc === "br" ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } }) : zlib.gzipSync(body));
    return compressed.get(key);
  };
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) { res.writeHead(404); res.end("not found"); return; }
    pathname = "/" + pathname.slice(base.length);
    const headers = { "cache-control": "no-cache", "x-content-type-options": "nosniff", ...extraHeaders };
    if (policy) headers["content-security-policy"] = policy;
    let file = path.join(dist, pathname.endsWith("/") ? pathname + "index.html" : pathname);
    let fault = null;
    const m = pathname.match(/^\/__fault\/([a-z0-9-]+)\/(.+)$/);
    if (m) { fault = m[1]; file = path.join(dist, "data", m[2]); }
    const f = pathname.match(/^\/__fixture\/([A-Za-z0-9._-]+)\/(.+)$/);
    if (f && fixtures) {
      const [name, want] = [f[1], f[2]];
      const replaces = name.startsWith("listings-") ? "listings.json" : name.startsWith("gemeenten-") ? "gemeenten.geojson" : null;
      file = replaces === want ? path.join(fixtures, name) : path.join(dist, "data", want);
    }
    if (!file.startsWith(path.resolve(dist)) && !(fixtures && file.startsWith(path.resolve(fixtures)))) {
      res.writeHead(403); res.end(); return;
    }
    const send = () => {
      fs.readFile(file, (err, body) => {
        if (err) { res.writeHead(404, { "content-type": "text/plain" }); res.end("not found"); return; }
        let type = TYPES[path.extname(file)] || "application/octet-stream";
        if (fault === "wrong-type") { type = "text/html; charset=utf-8"; body = Buffer.from("<!doctype html><title>Error</title><h1>502 Bad Gateway</h1>"); }
        headers["content-type"] = type;
        const accept = String(req.headers["accept-encoding"] || "");
        // The build's own .br/.gz (the deployment kit) when there is one, as nginx's *_static does, but never
        // one older than its file (a data file replaced by hand after the build); else compressed here once.
        const ready = (ext) => {
          if (fault) return null;
          try { return fs.statSync(`${file}.${ext}`).mtimeMs >= fs.statSync(file).mtimeMs ? fs.readFileSync(`${file}.${ext}`) : null; } catch { return null; }
        };
        if (/\b(br)\b/.test(accept) && body.length > 256) { body = ready("br") || compress(file, body, "br"); headers["content-encoding"] = "br"; }
        else if (/\bgzip\b/.test(accept) && body.length > 256) { body = ready("gz") || compress(file, body, "gzip"); headers["content-encoding"] = "gzip"; }
        headers["vary"] = "accept-encoding";
        if (fault === "stall") {
          res.writeHead(200, headers); res.write(body.subarray(0, Math.min(20, body.length)));
          return; // never ends: the client must time out
        }
        headers["content-length"] = body.length;
        res.writeHead(200, headers);
        res.end(body);
      });
    };
    if (!fault || fault === "wrong-type" || fault === "stall") return send();
    if (fault.startsWith("status-")) { res.writeHead(Number(fault.slice(7)), { "content-type": "text/plain" }); res.end("error"); return; }
    if (fault.startsWith("delay-")) { setTimeout(send, Math.min(Number(fault.slice(6)), 60000)); return; }
    if (fault === "drop") { req.socket.destroy(); return; }
    if (fault.startsWith("flaky-")) {
      const n = flaky.get(file) || 0;
      flaky.set(file, n + 1);
      if (n < Number(fault.slice(6))) { res.writeHead(503, { "content-type": "text/plain" }); res.end("busy"); return; }
      return send();
    }
    res.writeHead(400); res.end("unknown fault");
  });
  server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({
        server, port: p, url: `http://${host}:${p}${base}`,
        close: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
        resetFlaky: () => flaky.clear(),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
  const dist = path.resolve(args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--") && !["--no-csp"].includes(args[i - 1]))) || "dist");
  const s = await startServer({ dist, port: Number(opt("--port", 8080)), host: opt("--host", "127.0.0.1"), csp: !args.includes("--no-csp"), fixtures: opt("--fixtures", null), base: opt("--base", "/") });
  console.log(`serving ${dist} on ${s.url}`);
}
