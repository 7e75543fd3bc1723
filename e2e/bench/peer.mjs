// Side by side with the Leaflet peer: /work/shared/bench's measure.mjs run on our served build and on its
// leaflet-peer page, same session, same throttling. /work/shared is read-only, so the harness is copied to a
// temporary folder (with its sibling data/) and `npm ci` runs there. Optional: nothing else depends on it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { spawn } from "node:child_process";

export const PEER_SRC = process.env.TK_PEER_BENCH || "/work/shared/bench";

function run(cmd, args, { cwd, log, quiet = false, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const take = (d) => { out += d; if (!quiet) log(String(d).trimEnd()); };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Copies the peer harness to a temporary folder and installs/builds it there; returns its path or null. */
export async function preparePeer(log) {
  if (!fs.existsSync(path.join(PEER_SRC, "measure.mjs"))) return null;
  const root = path.join(os.tmpdir(), "tk-peer-bench");
  const dir = path.join(root, "bench");
  const same = (f) => { try { return fs.readFileSync(path.join(PEER_SRC, f), "utf8") === fs.readFileSync(path.join(dir, f), "utf8"); } catch { return false; } };
  if (!["measure.mjs", "lib/page-agent.mjs", "leaflet-peer/app.js", "package-lock.json", "scripts/gen-national.mjs"].every(same)) {
    log(`peer: copying ${PEER_SRC} to ${dir}`);
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true });
    const filter = (src) => !/\/(node_modules|out)(\/|$)/.test(src.slice(PEER_SRC.length));
    fs.cpSync(PEER_SRC, dir, { recursive: true, filter });
    const data = path.join(path.dirname(PEER_SRC), "data");
    if (fs.existsSync(data)) fs.cpSync(data, path.join(root, "data"), { recursive: true });
    for (const f of walk(root)) { try { fs.chmodSync(f, fs.statSync(f).isDirectory() ? 0o755 : 0o644); } catch { /* ignore */ } }
  }
  if (!fs.existsSync(path.join(dir, "node_modules/playwright-core")) || !fs.existsSync(path.join(dir, "node_modules/leaflet")) || !fs.existsSync(path.join(dir, "node_modules/d3-delaunay"))) {
    log("peer: npm ci");
    const r = await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, log, quiet: true });
    if (r.code !== 0) { log(r.out); return null; }
  }
  if (!fs.existsSync(path.join(dir, "leaflet-peer/vendor/leaflet.js")) || !fs.existsSync(path.join(dir, "leaflet-peer/data/nl-listings.json"))) {
    log("peer: npm run build-peer");
    const r = await run("npm", ["run", "--silent", "build-peer"], { cwd: dir, log, quiet: true });
    if (r.code !== 0) { log(r.out); return null; }
  }
  return dir;
}

function walk(d) {
  const out = [d];
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) out.push(...walk(p)); else out.push(p);
  }
  return out;
}

/** Serves leaflet-peer with the peer's own server (brotli); returns { url, stop }. */
export async function startPeerServer(dir, log) {
  const port = await freePort();
  const child = spawn(process.execPath, ["serve.mjs", "leaflet-peer", String(port), "--compress", "br"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => { out += d; });
  child.stderr.on("data", (d) => { out += d; });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 180000; // brotli-11 precompression of the national data takes a while
  for (;;) {
    try { const r = await fetch(url); if (r.ok) break; } catch { /* not yet */ }
    if (child.exitCode != null) throw new Error(`peer server exited: ${out}`);
    if (Date.now() > deadline) { child.kill(); throw new Error("peer server did not come up"); }
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`peer: serving leaflet-peer on ${url}`);
  return { url, stop: () => { if (child.exitCode == null) child.kill(); } };
}

/** Runs the peer harness's measure.mjs; returns its JSON report (or { error }). */
export async function measure(dir, args, jsonFile, log) {
  const r = await run(process.execPath, ["measure.mjs", ...args, "--json", jsonFile], { cwd: dir, log: (s) => log(`  ${s}`), quiet: false });
  try { return JSON.parse(fs.readFileSync(jsonFile, "utf8")); } catch { return { error: `measure.mjs exited ${r.code}`, output: r.out.slice(-2000) }; }
}
