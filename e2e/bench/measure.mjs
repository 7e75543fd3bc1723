// One cold load of the widget and its interactions in headless Chromium, measured through CDP and the page
// agent (agent.mjs). Every run is a new browser context (empty cache).
import { pageAgent } from "./agent.mjs";

export const NETWORKS = {
  none: null,
  // CDP adds the latency per request; throughput in bytes/s.
  slow4g: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8, connectionType: "cellular4g" },
};
export const MODES = {
  unthrottled: { cpu: 1, net: "none" },
  throttled: { cpu: 4, net: "slow4g" },
};

function classify(r) {
  if (/wasm/.test(r.mime || "") || /\.wasm(\?|$)/.test(r.url)) return "wasm";
  switch (r.type) {
    case "Document": return "document";
    case "Script": return "script";
    case "Stylesheet": return "css";
    case "Fetch": case "XHR": return "fetch";
    default: return "other";
  }
}

async function gc(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
}

/** JS heap (Performance.getMetrics), V8 heap usage incl. ArrayBuffer backing stores, wasm linear memory, DOM nodes. */
export async function memory(cdp, page) {
  await gc(cdp);
  const { metrics } = await cdp.send("Performance.getMetrics");
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  let usage = {};
  try { usage = await cdp.send("Runtime.getHeapUsage"); } catch { /* old Chromium */ }
  const wasm = await page.evaluate(() => window.__bench?.wasmBytes?.() ?? null);
  return {
    jsHeap: m.JSHeapUsedSize ?? null,
    jsHeapTotal: m.JSHeapTotalSize ?? null,
    embedderHeap: usage.embedderHeapUsedSize ?? null,
    backingStorage: usage.backingStorageSize ?? null,
    wasm,
    nodes: m.Nodes ?? null,
    listeners: m.JSEventListeners ?? null,
  };
}

/**
 * Opens `url` in a new context, measures the load, then (unless `soak`) the interactions.
 * opts: { url, count, code1, code2, mode, runs..., interactions, toggles, searches, gap, queries, timeout, soak }
 */
export async function oneRun(browser, opts) {
  const { cpu, net } = MODES[opts.mode];
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console.error: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  const requests = new Map();
  let docTs = null;
  cdp.on("Network.requestWillBeSent", (e) => {
    if (e.type === "Document" && docTs == null) docTs = e.timestamp;
    requests.set(e.requestId, { url: e.request.url, type: e.type, startTs: e.timestamp });
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId);
    if (r) { r.mime = e.response.mimeType; r.status = e.response.status; r.encoding = e.response.headers["content-encoding"] || e.response.headers["Content-Encoding"] || null; }
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) { r.encoded = e.encodedDataLength; r.endTs = e.timestamp; }
  });
  cdp.on("Network.loadingFailed", (e) => { const r = requests.get(e.requestId); if (r) r.failed = e.errorText; });
  await cdp.send("Network.enable");
  await cdp.send("Performance.enable");
  if (cpu !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  if (NETWORKS[net]) await cdp.send("Network.emulateNetworkConditions", NETWORKS[net]);
  await context.addInitScript(pageAgent, { count: opts.count, code1: opts.code1, code2: opts.code2, retry: 1000, timeout: opts.timeout });

  const result = { url: opts.url, mode: opts.mode };
  try {
    await page.goto(opts.url, { waitUntil: "commit", timeout: opts.timeout });
    // Survives the navigation a click on the prerendered map may cause (see agent.mjs).
    await page.waitForFunction(() => window.__bench && window.__bench.finished, null, { timeout: opts.timeout * 2, polling: 50 });
    const p = await page.evaluate(() => {
      const B = window.__bench;
      return { error: B.error, readyAt: B.readyAt, readyMatchAt: B.readyMatchAt, liveAt: B.liveAt, liveMatchAt: B.liveMatchAt,
        tti: B.tti, fcp: B.fcp ?? null, longTasks: B.longTasks, prerenderAtStart: B.prerenderAtStart, wasmStartedAt: B.wasmStartedAt ?? null, navigations: B.navigations };
    });
    if (p.error) throw new Error(p.error);
    const m = (result.metrics = {});
    // Bytes of the requests finished by "live" (the map drawn by the widget itself; all data loaded).
    const cutoff = Math.max(p.readyAt, p.liveAt ?? 0);
    // Each resource once (a reload after an early click fetches everything again: that is in bytes_all).
    const bytes = { document: 0, script: 0, wasm: 0, css: 0, fetch: 0, other: 0 };
    const seen = new Map();
    let all = 0;
    for (const r of requests.values()) {
      if (r.encoded == null || docTs == null) continue;
      if ((r.endTs - docTs) * 1000 > cutoff + 50) continue;
      all += r.encoded;
      const key = classify(r) === "document" ? "document" : r.url;
      seen.set(key, { kind: classify(r), encoded: Math.max(seen.get(key)?.encoded ?? 0, r.encoded) });
    }
    for (const { kind, encoded } of seen.values()) bytes[kind] += encoded;
    const n = seen.size;
    Object.assign(m, {
      bytes_total: Object.values(bytes).reduce((s, v) => s + v, 0), bytes_document: bytes.document, bytes_script: bytes.script,
      bytes_wasm: bytes.wasm, bytes_css: bytes.css, bytes_fetch: bytes.fetch, bytes_other: bytes.other, requests: n,
      fcp_ms: p.fcp, ready_ms: p.readyAt, live_ms: p.liveAt, wasm_started_ms: p.wasmStartedAt,
      longtasks_ms: p.longTasks.filter(([s]) => s < cutoff).reduce((s, [, d]) => s + d, 0),
      longest_task_ms: p.longTasks.filter(([s]) => s < cutoff).reduce((s, [, d]) => Math.max(s, d), 0),
      tti_click_ms: p.tti.total, tti_work_ms: p.tti.work, tti_clicks: p.tti.clicks, interactive_ms: p.tti.end,
      prerender: p.prerenderAtStart ? 1 : 0, navigations: p.navigations, bytes_all: all,
    });
    const memLoad = await memory(cdp, page);
    const samples = {};
    if (opts.interactions) {
      samples.click = await page.evaluate(([n, g, c]) => window.__bench.clicks(n, g, c), [opts.interactions, opts.gap, opts.capMs]);
    }
    if (opts.toggles) {
      samples.layer = await page.evaluate(([n, g, c]) => window.__bench.layers(n, g, c), [opts.toggles, opts.gap, opts.capMs]);
    }
    if (opts.searches) {
      await page.evaluate(() => window.__bench.closePanel());
      samples.search = await page.evaluate(([n, g, q, c]) => window.__bench.search(n, g, q, c), [opts.searches, opts.gap, opts.queries, opts.capMs]);
    }
    const memAfter = await memory(cdp, page);
    const pct = (xs, q) => { const s = xs.slice().sort((a, b) => a - b); return s.length ? s[Math.max(0, Math.ceil((q / 100) * s.length) - 1)] : null; };
    const put = (name, xs) => {
      if (!xs || !xs.length) return;
      m[`${name}_n`] = xs.length;
      m[`${name}_work_p50_ms`] = pct(xs.map((x) => x.work), 50);
      m[`${name}_work_p95_ms`] = pct(xs.map((x) => x.work), 95);
      m[`${name}_paint_p50_ms`] = pct(xs.map((x) => x.total), 50);
      m[`${name}_paint_p95_ms`] = pct(xs.map((x) => x.total), 95);
    };
    put("click", samples.click);
    put("layer_off", samples.layer?.off);
    put("layer_on", samples.layer?.on);
    put("search", samples.search);
    Object.assign(m, {
      js_heap_load: memLoad.jsHeap, js_heap_after: memAfter.jsHeap, wasm_mem_load: memLoad.wasm, wasm_mem_after: memAfter.wasm,
      arraybuf_load: memLoad.backingStorage, arraybuf_after: memAfter.backingStorage,
      embedder_heap_load: memLoad.embedderHeap, embedder_heap_after: memAfter.embedderHeap,
      dom_nodes_load: memLoad.nodes, dom_nodes_after: memAfter.nodes,
      console_errors: errors.length,
    });
    result.samples = samples;
    if (opts.soak) result.soak = await soakIn(page, cdp, opts, errors);
    result.requests = [...requests.values()].map((r) => ({ url: r.url.replace(/^https?:\/\/[^/]+/, ""), kind: classify(r), status: r.status, encoding: r.encoding, encoded: r.encoded, endMs: r.endTs != null && docTs != null ? Math.round((r.endTs - docTs) * 1000) : null, failed: r.failed }));
  } catch (err) {
    result.error = String(err.message || err).split("\n")[0];
  } finally {
    result.consoleErrors = errors.slice(0, 20);
    await context.close();
  }
  return result;
}

/** The soak, in an already loaded page: a warm-up, then `opts.soak` mixed interactions; memory (GC) before/after. */
async function soakIn(page, cdp, opts, errors) {
  const out = { n: opts.soak };
  const errorsBefore = errors.length;
  try {
    // Warm every code path once, so lazily created state is not counted as growth.
    await page.evaluate(([q, c]) => window.__bench.soak(50, q, c), [opts.queries, opts.soakCapMs]);
    await page.evaluate(() => window.__bench.closePanel());
    const before = await memory(cdp, page);
    const t0 = Date.now();
    out.counts = await page.evaluate(([n, q, c]) => window.__bench.soak(n, q, c), [opts.soak, opts.queries, opts.soakCapMs]);
    out.steps = out.counts.steps;
    out.seconds = (Date.now() - t0) / 1000;
    await page.evaluate(() => window.__bench.closePanel());
    const after = await memory(cdp, page);
    Object.assign(out, { before, after, js_heap_growth: after.jsHeap - before.jsHeap, wasm_growth: (after.wasm ?? 0) - (before.wasm ?? 0),
      dom_nodes_growth: after.nodes - before.nodes, listeners_growth: after.listeners - before.listeners });
    out.total_growth = out.js_heap_growth + out.wasm_growth;
  } catch (e) {
    out.error = String(e.message || e).split("\n")[0];
  }
  out.console_errors = errors.length - errorsBefore;
  return out;
}
