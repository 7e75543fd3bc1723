#!/usr/bin/env node
// `cargo xtask bench`: the widget's performance, demo data and a synthetic national data set, unthrottled and
// with 4x CPU + slow 4G, plus (when /work/shared/bench exists) the Leaflet peer side by side.
// Writes bench/report.json and bench/report.md (committed) and prints the markdown.
//
//   node bench/run.mjs [--runs N] [--warmup N] [--quick] [--peer|--no-peer] [--peer-runs N] [--soak N]
//                      [--scales demo,national] [--modes unthrottled,throttled] [--no-check] [--timeout MS]
//
// --quick: 1 run, no warm-up, fewer interactions, a 200-step soak, 1 peer run.
// Bounded time: a scenario starts no new run after --scenario-budget s (240; at least 1 run); each interaction
// series stops after 30 s once it has a minimum of samples, the soak after 120 s; national has no warm-up run;
// national: --national-runs (1) measured runs, as one load currently takes minutes;
// national-throttled is skipped when national-unthrottled's map ready x 4 already exceeds --timeout (240000 ms).
// The soak runs in the last unthrottled run's page, after its measurements.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import crypto from "node:crypto";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// The project's server brotli-compresses every response on the fly at quality 11 (seconds for the 9.6 MB
// national listings). A CDN compresses once and caches: memoise by content, so the network, not the server's
// CPU, is what the cold loads measure. (The peer's server precompresses at quality 11 too.)
const brotliCache = new Map();
const brotliSync = zlib.brotliCompressSync;
zlib.brotliCompressSync = (buf, ...rest) => {
  if (rest.length || !Buffer.isBuffer(buf)) return brotliSync(buf, ...rest);
  const key = crypto.createHash("sha1").update(buf).digest("hex");
  let out = brotliCache.get(key);
  if (!out) { out = brotliSync(buf); brotliCache.set(key, out); }
  return out;
};

const { startServer } = await import("../server.mjs");
const { chromium } = await import("playwright-core");
const { CHROMIUM_ARGS } = await import("../lib/harness.mjs");
const { ensureNational, NATIONAL_DIR, N_MUNICIPALITIES, FIRST_CODE, SECOND_CODE } = await import("./national.mjs");
const { oneRun, MODES, NETWORKS } = await import("./measure.mjs");
const { summarize, fmt, mdTable, METRICS } = await import("./stats.mjs");
const peer = await import("./peer.mjs");

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, "../..");
const DIST = process.env.TK_DIST ? path.resolve(process.env.TK_DIST) : path.join(ROOT, "dist");
// The national scale is a region build of its own (`cargo xtask build --region bench/national`, which
// `cargo xtask bench` makes): prerendered like the demo, as a national deployment would be.
const NATIONAL_DIST = process.env.TK_NATIONAL_DIST ? path.resolve(process.env.TK_NATIONAL_DIST) : path.join(ROOT, "target/bench-national");
const OUT = path.join(ROOT, "bench");
const log = (s) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const o = { runs: 5, warmup: 1, quick: false, peer: fs.existsSync(path.join(peer.PEER_SRC, "measure.mjs")), peerRuns: 3,
    soak: 1000, interactions: 50, toggles: 20, searches: 20, gap: 50, scales: ["demo", "national"], modes: ["unthrottled", "throttled"],
    check: true, timeout: 240000, checkTimeout: 60, scenarioBudget: 240, nationalRuns: 1, capMs: 30000, soakCapMs: 120000 };
  const set = new Set();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { const v = argv[++i]; if (v === undefined) throw new Error(`missing value for ${a}`); return v; };
    const num = () => { const v = Number(val()); if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a number`); return v; };
    switch (a) {
      case "--runs": o.runs = Math.max(1, num()); set.add("runs"); break;
      case "--warmup": o.warmup = num(); set.add("warmup"); break;
      case "--quick": o.quick = true; break;
      case "--peer": o.peer = true; break;
      case "--no-peer": o.peer = false; break;
      case "--peer-runs": o.peerRuns = Math.max(1, num()); set.add("peerRuns"); break;
      case "--soak": o.soak = num(); set.add("soak"); break;
      case "--scales": o.scales = val().split(","); break;
      case "--modes": o.modes = val().split(","); break;
      case "--no-check": o.check = false; break;
      case "--timeout": o.timeout = num(); break;
      case "--check-timeout": o.checkTimeout = num(); break;
      case "--scenario-budget": o.scenarioBudget = num(); break;
      case "--national-runs": o.nationalRuns = Math.max(1, num()); break;
      case "-h": case "--help":
        console.log(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(1, 10).map((l) => l.replace(/^\/\/ ?/, "")).join("\n"));
        process.exit(0);
        break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  if (o.quick) {
    if (!set.has("runs")) o.runs = 1;
    if (!set.has("warmup")) o.warmup = 0;
    if (!set.has("soak")) o.soak = 200;
    if (!set.has("peerRuns")) o.peerRuns = 1;
    o.interactions = 20; o.toggles = 6; o.searches = 6; o.scenarioBudget = 60; o.soakCapMs = 60000;
  }
  for (const s of o.scales) if (!["demo", "national"].includes(s)) throw new Error(`unknown scale ${s}`);
  for (const m of o.modes) if (!(m in MODES)) throw new Error(`unknown mode ${m}`);
  return o;
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

async function waitForDist(dist = DIST) {
  for (let i = 0; !fs.existsSync(path.join(dist, "index.html")); i++) {
    if (i === 0) log(`waiting for ${dist}/index.html (being rebuilt?)`);
    if (i > 300) throw new Error(`${dist}/index.html missing (cargo xtask bench builds it)`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

function buildId() {
  try { return fs.readdirSync(DIST).filter((f) => f.endsWith(".wasm")).join(","); } catch { return null; }
}

function sh(cmd, args, { cwd, timeoutS }) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { out += d; });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutS * 1000);
    child.on("close", (code, signal) => { clearTimeout(timer); resolve({ code, signal, out, seconds: (performance.now() - t0) / 1000 }); });
    child.on("error", (e) => { clearTimeout(timer); resolve({ code: -1, out: String(e), seconds: 0 }); });
  });
}

/**
 * `cargo xtask data check bench/national`: 0 errors expected. Timed without cargo: xtask is built first
 * (untimed) and its binary copied, then run directly — what the cargo alias runs, minus the build check and
 * the wait for cargo's lock, which others' concurrent builds would add.
 */
let xtaskBin = null;
async function timeValidator(timeoutS) {
  log("validator: building xtask (untimed)");
  await sh("cargo", ["build", "--quiet", "--package", "xtask"], { cwd: ROOT, timeoutS: 900 });
  const built = path.join(ROOT, "target/debug/xtask");
  if (fs.existsSync(built)) {
    xtaskBin = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tk-xtask-")), "xtask");
    fs.copyFileSync(built, xtaskBin);
    fs.chmodSync(xtaskBin, 0o755);
  }
  log(`validator: cargo xtask data check bench/national (timeout ${timeoutS} s)`);
  const r = xtaskBin ? await sh(xtaskBin, ["data", "check", "bench/national"], { cwd: ROOT, timeoutS })
    : await sh("cargo", ["xtask", "data", "check", "bench/national"], { cwd: ROOT, timeoutS });
  const line = r.out.split("\n").find((l) => l.startsWith("data check:")) || r.out.trim().split("\n").slice(-1)[0] || "";
  const m = line.match(/(\d+) items shown, (\d+) errors, (\d+) warnings/);
  const res = { command: "cargo xtask data check bench/national", seconds: r.seconds, timedOut: r.signal === "SIGKILL", exitCode: r.code,
    items: m ? Number(m[1]) : null, errors: m ? Number(m[2]) : null, warnings: m ? Number(m[3]) : null, summary: line.trim().slice(0, 300) };
  log(`validator: ${res.timedOut ? `timed out after ${timeoutS} s` : `${r.seconds.toFixed(2)} s: ${res.summary}`}`);
  if (res.timedOut) res.chunked = await chunkedCheck();
  else if (xtaskBin) fs.rmSync(path.dirname(xtaskBin), { recursive: true, force: true });
  return res;
}

/** The planner's ranking on the national listings (`cargo xtask data rank`, native core), for its budget. */
async function timeRanking() {
  const r = await sh("cargo", ["xtask", "data", "rank", "bench/national"], { cwd: ROOT, timeoutS: 300 });
  const line = r.out.split("\n").find((l) => l.startsWith("rank:")) || "";
  const m = line.match(/(\d+) items, (\d+) homes ranked, (\d+) rankings: p50 ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms/);
  const res = m ? { items: +m[1], homes: +m[2], rankings: +m[3], p50_ms: +m[4], p95_ms: +m[5], max_ms: +m[6], summary: line.trim() } : { error: line || r.out.slice(-300) };
  log(`planner ranking: ${res.summary || res.error}`);
  return res;
}

/** Requests every file of `dist` once with brotli from the server at `base`, so its cache is warm. */
async function prewarm(base, dist = DIST) {
  const files = [];
  const walk = (dir, rel) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() || (e.isSymbolicLink() && fs.statSync(p).isDirectory())) walk(p, `${rel}${e.name}/`);
      else files.push(`${rel}${e.name}`);
    }
  };
  try { walk(dist, ""); } catch { /* dist being rebuilt */ }
  for (const f of files) {
    await new Promise((resolve) => {
      http.get(`${base}${f}`, { headers: { "accept-encoding": "br" } }, (res) => { res.resume(); res.on("end", resolve); }).on("error", resolve);
    });
  }
  return files.length;
}

/**
 * When the full check does not finish, the data is still verified: the same command on slices of 1,000 items
 * (each with all municipalities), ids checked for uniqueness here. Cached per data set (the generator's stamp).
 */
async function chunkedCheck() {
  const stamp = fs.readFileSync(path.join(NATIONAL_DIR, ".generator"), "utf8").split("\n")[0];
  const cacheFile = path.join(NATIONAL_DIR, ".verified");
  try { const c = JSON.parse(fs.readFileSync(cacheFile, "utf8")); if (c.stamp === stamp) return { ...c, cached: true }; } catch { /* none */ }
  const lines = fs.readFileSync(path.join(NATIONAL_DIR, "listings.json"), "utf8").split("\n");
  const head = lines[0];
  const items = lines.slice(1).filter((l) => l.startsWith("{")).map((l) => l.replace(/,$/, ""));
  const ids = new Set(items.map((l) => JSON.parse(l).id));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tk-check-"));
  fs.copyFileSync(path.join(NATIONAL_DIR, "gemeenten.geojson"), path.join(tmp, "gemeenten.geojson"));
  let errors = 0, shown = 0, seconds = 0;
  log(`validator: verifying the data in ${Math.ceil(items.length / 1000)} slices of 1,000 items instead`);
  for (let i = 0; i < items.length; i += 1000) {
    fs.writeFileSync(path.join(tmp, "listings.json"), `${head}\n${items.slice(i, i + 1000).join(",\n")}\n]}\n`);
    const r = xtaskBin ? await sh(xtaskBin, ["data", "check", tmp], { cwd: ROOT, timeoutS: 300 })
      : await sh("cargo", ["xtask", "data", "check", tmp], { cwd: ROOT, timeoutS: 300 });
    const m = r.out.match(/(\d+) items shown, (\d+) errors/);
    if (!m) { errors = null; break; }
    shown += Number(m[1]); errors += Number(m[2]); seconds += r.seconds;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const res = { stamp, slices: Math.ceil(items.length / 1000), itemsShown: shown, errors, uniqueIds: ids.size === items.length, secondsPerSlice: seconds / Math.ceil(items.length / 1000) };
  if (errors === 0) fs.writeFileSync(cacheFile, JSON.stringify(res));
  if (xtaskBin) fs.rmSync(path.dirname(xtaskBin), { recursive: true, force: true });
  log(`validator: slices: ${shown} items shown, ${errors} errors, ids unique: ${res.uniqueIds}, ${res.secondsPerSlice.toFixed(1)} s per 1,000 items`);
  return res;
}

function summaryOf(runs) {
  const ok = runs.filter((r) => !r.error && r.metrics);
  const out = {};
  const keys = new Set(ok.flatMap((r) => Object.keys(r.metrics)));
  for (const k of keys) { const s = summarize(ok.map((r) => r.metrics[k])); if (s) out[k] = s; }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = new Date();
  const tStart = performance.now();
  await waitForDist();
  const national = ensureNational();
  log(`national data: ${national.cached ? "up to date" : "generated"} in ${path.relative(ROOT, national.dir)} (${JSON.stringify(national.stats)})`);
  const validator = opts.check ? await timeValidator(opts.checkTimeout) : null;
  const ranking = await timeRanking();

  const server = await startServer({ dist: DIST, port: 0 });
  const t0 = performance.now();
  const warmed = await prewarm(server.url);
  log(`server ${server.url}: ${warmed} files brotli-compressed and cached in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  let nationalServer = null;
  if (opts.scales.includes("national")) {
    await waitForDist(NATIONAL_DIST);
    nationalServer = await startServer({ dist: NATIONAL_DIST, port: 0 });
    const t1 = performance.now();
    const n = await prewarm(nationalServer.url, NATIONAL_DIST);
    log(`national build ${path.relative(ROOT, NATIONAL_DIST)} on ${nationalServer.url}: ${n} files cached in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true, timeout: 60000 });
  const browserVersion = browser.version();
  const require = createRequire(import.meta.url);
  const env = { date: started.toISOString(), nproc: os.cpus().length, cpuModel: os.cpus()[0]?.model?.trim(), totalmem: os.totalmem(),
    loadavgStart: os.loadavg(), chromium: `Chromium ${browserVersion}`, playwright: require("playwright-core/package.json").version, node: process.version,
    chromiumArgs: CHROMIUM_ARGS, buildStart: buildId() };
  const scenarios = {};
  const soaks = {};
  const sides = {};
  const scaleCfg = {
    demo: { base: () => server.url, count: 14, code1: "GM0153", code2: "GM0141" },
    national: { base: () => nationalServer.url, count: N_MUNICIPALITIES, code1: FIRST_CODE, code2: SECOND_CODE },
  };
  const queries = ["woning", ""];
  try {
    for (const scale of opts.scales) {
      for (const mode of opts.modes) {
        const c = scaleCfg[scale];
        const name = `${scale}-${mode}`;
        const runs = [];
        const t0 = performance.now();
        const warmup = scale === "national" ? 0 : opts.warmup;
        const unthr = scenarios[`${scale}-unthrottled`]?.summary?.ready_ms?.median;
        if (mode === "throttled" && scale === "national" && unthr != null && unthr * MODES.throttled.cpu > opts.timeout) {
          const why = `not measured: national-unthrottled map ready ${fmt(unthr, "ms")} × ${MODES.throttled.cpu} CPU > the ${opts.timeout / 1000} s timeout`;
          log(`${name}: ${why}`);
          scenarios[name] = { scale, mode, cpu: MODES[mode].cpu, network: NETWORKS[MODES[mode].net], runs: [], summary: {}, skipped: why };
          continue;
        }
        const soakHere = mode === "unthrottled" && opts.soak > 0;
        const nRuns = scale === "national" ? Math.min(opts.runs, opts.nationalRuns) : opts.runs;
        let prevSeconds = 0;
        for (let i = 0; i < warmup + nRuns; i++) {
          const measured = i >= warmup;
          const tRun = performance.now();
          const last = i === warmup + nRuns - 1 || (measured && (tRun - t0) / 1000 + prevSeconds > opts.scenarioBudget);
          await waitForDist();
          if (buildId() !== env.buildStart && !env.rebuilt) { env.rebuilt = true; log("dist was rebuilt: re-warming the server cache"); await prewarm(server.url); }
          const r = await oneRun(browser, { url: c.base(), count: c.count, code1: c.code1, code2: c.code2, mode,
            interactions: opts.interactions, toggles: opts.toggles, searches: opts.searches, gap: opts.gap, queries, timeout: opts.timeout,
            capMs: opts.capMs, soak: soakHere && last ? opts.soak : 0, soakCapMs: opts.soakCapMs });
          const m = r.metrics || {};
          log(`${name} ${measured ? `run ${i - warmup + 1}/${nRuns}` : "warm-up"}: ${r.error ? `FAILED ${r.error}` :
            `ready ${fmt(m.ready_ms, "ms")}, live ${fmt(m.live_ms, "ms")}, interactive ${fmt(m.interactive_ms, "ms")}, click work p95 ${fmt(m.click_work_p95_ms, "ms")}, ` +
            `layer p95 ${fmt(m.layer_off_work_p95_ms, "ms")}, search p95 ${fmt(m.search_work_p95_ms, "ms")}, ${fmt(m.bytes_total, "B")}`}`);
          if (r.soak) {
            soaks[scale] = r.soak;
            const s = r.soak;
            log(`${scale} soak: ${s.error ? `FAILED ${s.error}` : `${s.steps} steps in ${s.seconds.toFixed(1)} s, JS heap ${fmt(s.js_heap_growth, "B")}, wasm ${fmt(s.wasm_growth, "B")}, DOM nodes ${s.dom_nodes_growth}`}, console errors ${s.console_errors}`);
          }
          if (measured) runs.push({ run: i - warmup + 1, ...r });
          if (r.error && /timed out/.test(r.error)) { log(`${name}: a run timed out; no further runs`); break; }
          if (last) break;
          prevSeconds = (performance.now() - tRun) / 1000;
          await new Promise((res) => setTimeout(res, 300));
        }
        scenarios[name] = { scale, mode, cpu: MODES[mode].cpu, network: NETWORKS[MODES[mode].net], runs, summary: summaryOf(runs) };
      }
    }
  } finally {
    await browser.close();
  }

  // Side by side: the peer harness on our build and on the Leaflet peer.
  if (opts.peer) {
    const dir = await peer.preparePeer(log).catch((e) => { log(`peer: ${e.message}`); return null; });
    if (!dir) log("peer: not available, skipped");
    else {
      const ps = await peer.startPeerServer(dir, log).catch((e) => { log(`peer: ${e.message}`); return null; });
      if (ps) {
        const outDir = path.join(os.tmpdir(), "tk-peer-bench", "out");
        fs.mkdirSync(outDir, { recursive: true });
        const widgetArgs = (scale) => scale === "demo"
          ? ["--url", server.url, "--ready", "svg [data-code]", "--expect-count", "14", "--click", '[data-code="GM0153"]', "--panel", '[data-panel="GM0153"]', "--click2", '[data-code="GM0141"]', "--panel2", '[data-panel="GM0141"]']
          : ["--url", nationalServer.url, "--ready", "svg [data-code]", "--expect-count", String(N_MUNICIPALITIES), "--click", `[data-code="${FIRST_CODE}"]`, "--panel", `[data-panel="${FIRST_CODE}"]`, "--click2", `[data-code="${SECOND_CODE}"]`, "--panel2", `[data-panel="${SECOND_CODE}"]`];
        const peerArgs = (scale) => scale === "demo"
          ? ["--url", ps.url, "--ready", "#map path.gemeente[aria-label]", "--expect-count", "14", "--click", 'path[data-code="GM0153"]', "--panel", '#panel[data-code="GM0153"]:not([hidden])', "--click2", 'path[data-code="GM0141"]', "--panel2", '#panel[data-code="GM0141"]:not([hidden])']
          : ["--url", `${ps.url}?scale=nl`, "--ready", "#map path.gemeente[aria-label]", "--expect-count", "342", "--click", 'path[data-code="GM9193"]', "--panel", '#panel[data-code="GM9193"]:not([hidden])', "--click2", 'path[data-code="GM9192"]', "--panel2", '#panel[data-code="GM9192"]:not([hidden])'];
        const pairs = [["demo", "throttled"], ["demo", "unthrottled"]];
        if (opts.scales.includes("national")) pairs.push(["national", "throttled"]);
        try {
          for (const [scale, mode] of pairs) {
            if (!opts.modes.includes(mode)) continue;
            const { cpu, net } = MODES[mode];
            const common = ["--runs", String(opts.peerRuns), "--warmup", "1", "--cpu", String(cpu), "--net", net, "--timeout", String(opts.timeout)];
            if (opts.quick) common.push("--interactions", "20");
            const name = `${scale}-${mode}`;
            // The widget at national scale only when our own harness could measure that scenario.
            const ours = scenarios[name];
            const skipWidget = scale === "national" && (!ours || ours.skipped || !ours.runs.some((x) => !x.error));
            log(`side by side ${name}: widget${skipWidget ? " skipped (not measurable, see the scenario)" : ""}`);
            const w = skipWidget ? { error: `skipped: ${ours?.skipped || "the scenario failed"}` }
              : await peer.measure(dir, [...widgetArgs(scale), ...common, "--label", `widget-${name}`], path.join(outDir, `widget-${name}.json`), log);
            log(`side by side ${name}: peer`);
            const p = await peer.measure(dir, [...peerArgs(scale), ...common, "--label", `peer-${name}`], path.join(outDir, `peer-${name}.json`), log);
            sides[name] = { widget: w.summary ? { summary: w.summary, env: w.env, options: w.options, errors: w.runs?.filter((r) => r.error).map((r) => r.error) } : w,
              peer: p.summary ? { summary: p.summary, env: p.env, options: p.options, errors: p.runs?.filter((r) => r.error).map((r) => r.error) } : p };
          }
        } finally {
          ps.stop();
        }
      }
    }
  }
  await server.close();
  await nationalServer?.close();

  env.loadavgEnd = os.loadavg();
  env.buildEnd = buildId();
  env.minutes = (performance.now() - tStart) / 60000;
  const report = { tool: "e2e/bench/run.mjs", env, options: opts, national: national.stats, validator, ranking, scenarios, soak: soaks, sideBySide: sides };
  report.budgets = budgets(report);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, "report.json"), JSON.stringify(report, null, 1) + "\n");
  const md = markdown(report);
  fs.writeFileSync(path.join(OUT, "report.md"), md);
  console.log(md);
  log(`wrote bench/report.json and bench/report.md in ${env.minutes.toFixed(1)} min`);
}

// ---------------------------------------------------------------------------------------------------------
// Budgets and the markdown report

const med = (s, k) => s?.[k]?.median ?? null;
const PEER_NL_READY_THROTTLED_MS = 4854;

function budgets(r) {
  const S = (n) => r.scenarios[n]?.summary;
  const side = (n, who, k) => med(r.sideBySide[n]?.[who]?.summary, k);
  const ratio = (a, b) => (a != null && b ? a / b : null);
  const rows = [];
  const add = (name, value, unit, limitText, pass, note = "") => rows.push({ name, value, unit, limit: limitText, pass: value == null || pass == null ? null : pass, note });
  for (const mode of ["throttled", "unthrottled"]) {
    const n = `demo-${mode}`;
    const q = ratio(side(n, "widget", "ready_ms"), side(n, "peer", "ready_ms"));
    // The issue sets these two budgets for 4x CPU + slow 4G; the unthrottled ratios are shown for information.
    const judged = mode === "throttled";
    add(`map ready vs peer (demo, ${mode})`, q, "x", judged ? "≤ 0.5× peer" : "(info)", judged ? q != null && q <= 0.5 : null,
      `${fmt(side(n, "widget", "ready_ms"), "ms")} vs ${fmt(side(n, "peer", "ready_ms"), "ms")} (peer harness)`);
    const i = ratio(side(n, "widget", "interactive_at_ms"), side(n, "peer", "interactive_at_ms"));
    add(`interactive vs peer (demo, ${mode})`, i, "x", judged ? "≤ 1.0× peer" : "(info)", judged ? i != null && i <= 1.0 : null,
      `${fmt(side(n, "widget", "interactive_at_ms"), "ms")} vs ${fmt(side(n, "peer", "interactive_at_ms"), "ms")}`);
    // The first click, made the moment the map is on screen: handler + render work, as for later clicks.
    const f = ratio(side(n, "widget", "tti_work_ms"), side(n, "peer", "tti_work_ms"));
    add(`first click work vs peer (demo, ${mode})`, f, "x", judged ? "≤ 2× peer" : "(info)", judged ? f != null && f <= 2 : null,
      `${fmt(side(n, "widget", "tti_work_ms"), "ms")} vs ${fmt(side(n, "peer", "tti_work_ms"), "ms")}; painted ${fmt(side(n, "widget", "tti_click_ms"), "ms")} vs ${fmt(side(n, "peer", "tti_click_ms"), "ms")}`);
  }
  const fv = med(S("demo-unthrottled") || S("demo-throttled"), "bytes_total");
  add("first view bytes (demo, brotli)", fv, "B", "≤ 150 KiB", fv != null && fv <= 150 * 1024);
  // The issue's budgets: demo < 16 ms unthrottled (one frame) and < 50 ms at 4× CPU (the peer's 50.9 ms);
  // national < 50 ms either way (this project's own limit: no budget is set for it).
  const clickLimit = { "demo-unthrottled": 16, "demo-throttled": 50, "national-unthrottled": 50, "national-throttled": 50 };
  for (const scale of ["demo", "national"]) {
    for (const mode of ["unthrottled", "throttled"]) {
      const lim = clickLimit[`${scale}-${mode}`];
      const v = med(S(`${scale}-${mode}`), "click_work_p95_ms");
      const sk = r.scenarios[`${scale}-${mode}`]?.skipped;
      rows.push({ name: `click work p95 (${scale}, ${mode})`, value: v, unit: "ms", limit: `< ${lim} ms`, pass: v != null ? v < lim : sk ? false : null,
        note: sk || "median over runs of the per-run p95" });
    }
  }
  const memW = side("demo-unthrottled", "widget", "page_rss_after") ?? side("demo-throttled", "widget", "page_rss_after");
  const memP = side("demo-unthrottled", "peer", "page_rss_after") ?? side("demo-throttled", "peer", "page_rss_after");
  const mq = ratio(memW, memP);
  add("memory: page renderer RSS vs peer (demo)", mq, "x", "≤ 1.5× peer", mq != null && mq <= 1.5, `${fmt(memW, "B")} vs ${fmt(memP, "B")}`);
  for (const mode of ["throttled", "unthrottled"]) {
    const nr = med(S(`national-${mode}`), "ready_ms"), dr = med(S(`demo-${mode}`), "ready_ms");
    const q = ratio(nr, dr);
    const sk = r.scenarios[`national-${mode}`]?.skipped;
    rows.push({ name: `national map ready vs demo (${mode})`, value: q, unit: "x", limit: "≤ 2× demo", pass: q != null ? q <= 2 : sk ? false : null,
      note: sk || `${fmt(nr, "ms")} vs ${fmt(dr, "ms")}` });
  }
  const nrt = med(S("national-throttled"), "ready_ms");
  const peerNl = side("national-throttled", "peer", "ready_ms");
  const lim = PEER_NL_READY_THROTTLED_MS;
  const skipped = r.scenarios["national-throttled"]?.skipped;
  rows.push({ name: "national map ready, throttled", value: nrt, unit: "ms", limit: `< peer's ${lim} ms`, pass: nrt != null ? nrt < lim : skipped ? false : null,
    note: `${skipped ? `${skipped}; ` : ""}peer measured now: ${fmt(peerNl, "ms")}` });
  for (const scale of ["demo", "national"]) {
    const s = r.soak[scale];
    if (!s) continue;
    add(`soak ${s.steps ?? s.n} interactions: JS heap + wasm growth (${scale})`, s.error ? null : s.total_growth, "B", "< 2 MiB", !s.error && s.total_growth < 2 * 1048576,
      s.error ? `failed: ${s.error}` : `JS heap ${fmt(s.js_heap_growth, "B")}, wasm ${fmt(s.wasm_growth, "B")}, ${s.console_errors} console errors`);
  }
  if (r.ranking) {
    const k = r.ranking;
    rows.push({ name: "planner ranking p95 (national, native core)", value: k.p95_ms ?? null, unit: "ms", limit: "< 16 ms", pass: k.p95_ms != null ? k.p95_ms < 16 : null,
      note: k.error ? `failed: ${k.error}` : `${k.homes} of ${k.items} items ranked, ${k.rankings} rankings, p50 ${k.p50_ms} ms, max ${k.max_ms} ms` });
  }
  if (r.validator) {
    const v = r.validator;
    rows.push({ name: "validator on national data (cargo xtask data check)", value: v.timedOut ? null : v.seconds, unit: "s", limit: "< 2 s, 0 errors",
      pass: !v.timedOut && v.seconds < 2 && v.errors === 0,
      note: v.timedOut ? `> ${r.options.checkTimeout} s (killed)${v.chunked ? `; in 1,000-item slices: ${v.chunked.errors} errors, ${v.chunked.secondsPerSlice.toFixed(1)} s per slice` : ""}` : `${v.errors} errors, ${v.items} items` });
  }
  return rows;
}

function markdown(r) {
  const L = [];
  const e = r.env;
  L.push("# twente-kaart benchmark", "");
  L.push(`Date: ${e.date}. Machine: ${e.nproc}× ${e.cpuModel}, ${(e.totalmem / 2 ** 30).toFixed(1)} GiB, load average ${e.loadavgStart.map((x) => x.toFixed(1)).join("/")} → ${e.loadavgEnd.map((x) => x.toFixed(1)).join("/")}. ` +
    `${e.chromium} (headless, playwright-core ${e.playwright}), Node ${e.node}. Build: ${e.buildStart}${e.buildEnd !== e.buildStart ? ` → ${e.buildEnd} (dist was rebuilt during the run!)` : ""}.`);
  L.push("", `Runs: ${r.options.runs} measured cold loads per scenario (new browser context each) after ${r.options.warmup} warm-up; ` +
    `${r.options.interactions} clicks, ${r.options.toggles} layer toggles (off + on), ${r.options.searches} searches per run ` +
    `(each series stops after ${r.options.capMs / 1000} s once it has a minimum; national: ${r.options.nationalRuns} run, no warm-up). Throttled = CDP 4× CPU + slow 4G ` +
    "(150 ms latency, 1.6 Mbit/s down, 750 kbit/s up). Served by e2e/server.mjs (brotli, strict CSP), responses' brotli cached. " +
    "*work* = dispatch → result in the DOM + the next frame's main-thread work; *painted* = until 2 rAFs after. Generated by `cargo xtask bench` (e2e/bench/run.mjs).");
  L.push("", `National data (synthetic, bench/national/, not committed): ${r.national.municipalities} municipalities (${r.national.verticesMin}–${r.national.verticesMax} vertices, ` +
    `${r.national.verticesTotal} in all, ${fmt(r.national.geoBytes, "B")}), ${r.national.items} listings (${fmt(r.national.listingsBytes, "B")}).`);
  if (r.ranking) L.push("", `Planner ranking: \`cargo xtask data rank bench/national\`: ${r.ranking.summary || r.ranking.error}.`);
  if (r.validator) {
    const v = r.validator;
    L.push("", `Validator: \`${v.command}\` ${v.timedOut ? `**did not finish within ${r.options.checkTimeout} s**` : `took **${v.seconds.toFixed(2)} s** (${v.summary})`}.`);
    const c = v.chunked;
    if (c) L.push(`The data was verified in ${c.slices} slices of 1,000 items (all municipalities each): ${c.itemsShown} items shown, ${c.errors} errors, ids unique: ${c.uniqueIds}; ` +
      `${c.secondsPerSlice.toFixed(1)} s per 1,000-item slice${c.cached ? " (cached result for this data set)" : ""}. The check's time grows with the square of the file (line numbers are counted from the file's start for every item).`);
  }
  L.push("", "## Budgets", "");
  L.push(mdTable(["budget", "measured", "limit", "result", "note"], r.budgets.map((b) => [b.name, fmt(b.value, b.unit), b.limit, b.pass == null ? (b.limit === "(info)" ? "info" : "n/a") : b.pass ? "PASS" : "**FAIL**", b.note])));
  if (Object.keys(r.sideBySide).length) {
    L.push("", "## Side by side with the Leaflet peer", "", "Both measured with /work/shared/bench/measure.mjs in this session (medians; ratio = widget / peer).", "");
    const keys = [["ready_ms", "map ready", "ms"], ["interactive_at_ms", "interactive at", "ms"], ["bytes_total", "bytes at ready", "B"], ["fcp_ms", "FCP", "ms"],
      ["work_p95_ms", "click work p95", "ms"], ["click_p95_ms", "click painted p95", "ms"], ["heap_after", "JS heap after clicks", "B"], ["page_rss_after", "page renderer RSS after clicks", "B"]];
    const rows = [];
    for (const [name, s] of Object.entries(r.sideBySide)) {
      for (const [k, label, unit] of keys) {
        const w = med(s.widget?.summary, k), p = med(s.peer?.summary, k);
        rows.push([`${name}: ${label}`, fmt(w, unit), fmt(p, unit), w != null && p ? fmt(w / p, "x") : "–"]);
      }
      const errs = [...(s.widget?.errors || []), ...(s.peer?.errors || [])];
      if (s.widget?.error || s.peer?.error || errs.length) rows.push([`${name}: errors`, s.widget?.error || (s.widget?.errors || []).join("; ") || "", s.peer?.error || (s.peer?.errors || []).join("; ") || "", ""]);
    }
    L.push(mdTable(["metric", "widget", "peer", "widget/peer"], rows));
  }
  for (const [name, sc] of Object.entries(r.scenarios)) {
    const ok = sc.runs.filter((x) => !x.error).length;
    L.push("", `## ${name}`, "", sc.skipped ? `**${sc.skipped}.**` : `${ok}/${sc.runs.length} runs ok, CPU ${sc.cpu}×, network ${sc.network ? "slow 4G" : "unthrottled"}.`, "");
    if (sc.skipped) continue;
    const ns = ["click", "layer_off", "search"].map((k) => `${k.replace("_off", "")} ${sc.summary[`${k}_n`]?.median ?? "–"}`).join(", ");
    L.push(`Samples per run: ${ns}.`, "");
    const rows = [];
    for (const [k, label, unit] of METRICS) {
      const s = sc.summary[k];
      if (!s) continue;
      if (k.startsWith("bytes_") && k !== "bytes_total" && s.max === 0) continue;
      rows.push([label, fmt(s.min, unit), fmt(s.median, unit), fmt(s.max, unit)]);
    }
    L.push(mdTable(["metric", "min", "median", "max"], rows));
    for (const x of sc.runs.filter((x) => x.error)) L.push("", `- run ${x.run} failed: ${x.error}`);
    const errs = [...new Set(sc.runs.flatMap((x) => x.consoleErrors || []))];
    for (const c of errs.slice(0, 5)) L.push(`- ${c.slice(0, 300)}`);
  }
  if (Object.keys(r.soak).length) {
    L.push("", "## Soak (unthrottled)", "", `In the last unthrottled run's page, after a 50-step warm-up: clicks alternating two municipalities, every 7th step closes the panel, every 25th a search + clear; memory after forced GC. Stops after ${r.options.soakCapMs / 1000} s.`, "");
    const rows = Object.entries(r.soak).map(([scale, s]) => s.error ? [scale, s.n, `failed: ${s.error}`, "", "", "", "", s.console_errors]
      : [scale, `${s.steps} of ${s.n}`, `${s.seconds.toFixed(1)} s`, fmt(s.js_heap_growth, "B"), fmt(s.wasm_growth, "B"), fmt(s.total_growth, "B"), s.dom_nodes_growth, s.console_errors]);
    L.push(mdTable(["scale", "steps", "time", "JS heap growth", "wasm memory growth", "total growth", "DOM nodes growth", "console errors"], rows));
  }
  L.push("");
  return L.join("\n");
}

main().catch((e) => { console.error(e); process.exit(1); });
