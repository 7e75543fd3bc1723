// Statistics and formatting for the benchmark report.

export function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  const n = s.length;
  if (!n) return null;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** min / median / max of the finite numbers in `values`, or null. */
export function summarize(values) {
  const xs = values.filter((v) => typeof v === "number" && Number.isFinite(v));
  if (!xs.length) return null;
  return { min: Math.min(...xs), median: median(xs), max: Math.max(...xs), n: xs.length };
}

export function fmt(v, unit) {
  if (v == null || Number.isNaN(v)) return "–";
  if (unit === "B") {
    const a = Math.abs(v);
    if (a >= 1048576) return `${(v / 1048576).toFixed(2)} MiB`;
    if (a >= 1024) return `${(v / 1024).toFixed(1)} KiB`;
    return `${Math.round(v)} B`;
  }
  if (unit === "ms") return Math.abs(v) >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`;
  if (unit === "x") return `${v.toFixed(2)}×`;
  if (unit === "s") return `${v.toFixed(2)} s`;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

export function mdTable(header, rows) {
  const esc = (c) => String(c).replace(/\|/g, "\\|");
  return [`| ${header.map(esc).join(" | ")} |`, `|${header.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|")}|`,
    ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}

/** [key, label, unit] of the metrics in the per-scenario tables, in order. */
export const METRICS = [
  ["bytes_total", "bytes (brotli), total by live", "B"],
  ["bytes_document", "  document", "B"],
  ["bytes_script", "  script", "B"],
  ["bytes_wasm", "  wasm", "B"],
  ["bytes_css", "  css", "B"],
  ["bytes_fetch", "  fetch (data)", "B"],
  ["requests", "requests (distinct)", "n"],
  ["bytes_all", "bytes transferred incl. repeats (reload after an early click)", "B"],
  ["navigations", "reloads caused by clicks on the prerender", "n"],
  ["prerender", "prerendered map shown before ready (1 = yes)", "n"],
  ["fcp_ms", "first contentful paint", "ms"],
  ["ready_ms", "map ready (N svg [data-code] + 2 rAF)", "ms"],
  ["live_ms", "live (prerender gone, N path.tk-shape + 2 rAF)", "ms"],
  ["longtasks_ms", "long tasks before live (sum)", "ms"],
  ["longest_task_ms", "longest task before live", "ms"],
  ["interactive_ms", "interactive (1st click → panel painted, since nav)", "ms"],
  ["tti_click_ms", "1st click → panel painted", "ms"],
  ["tti_work_ms", "1st click → panel, work", "ms"],
  ["tti_clicks", "clicks until the panel showed", "n"],
  ["click_work_p50_ms", "click → panel, work p50", "ms"],
  ["click_work_p95_ms", "click → panel, work p95", "ms"],
  ["click_paint_p95_ms", "click → panel painted (2 rAF) p95", "ms"],
  ["layer_off_work_p50_ms", "layer wonen off → markers gone, work p50", "ms"],
  ["layer_off_work_p95_ms", "layer wonen off → markers gone, work p95", "ms"],
  ["layer_on_work_p95_ms", "layer wonen on → markers back, work p95", "ms"],
  ["search_work_p50_ms", "search → count changes, work p50", "ms"],
  ["search_work_p95_ms", "search → count changes, work p95", "ms"],
  ["js_heap_load", "JS heap after load (GC)", "B"],
  ["js_heap_after", "JS heap after interactions (GC)", "B"],
  ["wasm_mem_load", "wasm linear memory after load", "B"],
  ["wasm_mem_after", "wasm linear memory after interactions", "B"],
  ["arraybuf_load", "ArrayBuffer backing stores after load (Runtime.getHeapUsage)", "B"],
  ["dom_nodes_after", "DOM nodes after interactions", "n"],
  ["console_errors", "console errors", "n"],
];
