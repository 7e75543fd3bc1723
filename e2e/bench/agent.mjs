// Injected into the page before its own scripts (context.addInitScript(pageAgent, cfg)). Every time is
// performance.now() in the page (ms since navigation start), so harness round trips distort nothing.
// Self-contained: it is serialised into the page. Exposes window.__bench:
//   done                 ready + live + the first ("TTI") click finished
//   clicks(n, gap)       n clicks alternating between two municipalities -> samples
//   layers(n, gap)       n off/on toggles of #tk-layer-wonen -> samples (off and on)
//   search(n, gap)       n searches alternating two queries -> samples
//   soak(n)              n mixed interactions, no timing
//   wasmBytes()          size of the wasm instance's linear memory
// Sample sets: handler = dispatch -> result in the DOM; work = handler + the next frame's main-thread work
// (rAF -> a task posted from it); total = dispatch -> 2 rAFs after the result (painted; frame-quantised).
export function pageAgent(cfg) {
  if (window.top !== window || !/^https?:$/.test(location.protocol)) return;
  // A click on the prerendered map before the loader script runs follows the shape's link (a deep link,
  // `?gemeente=…`): the page navigates and this agent starts again. State lives in sessionStorage, and every
  // time is relative to the FIRST navigation's start (timeOrigin shift), so "interactive" includes the reload.
  const KEY = "__tkBench";
  let prev = null;
  try { prev = JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch { /* storage blocked */ }
  const origin0 = prev ? prev.origin : performance.timeOrigin;
  const shift = performance.timeOrigin - origin0;
  const now = () => performance.now() + shift;
  const saved = prev || { origin: origin0, navigations: 0 };
  if (prev) saved.navigations++;
  const save = (o) => { Object.assign(saved, o); try { sessionStorage.setItem(KEY, JSON.stringify(saved)); } catch { /* ignore */ } };
  save({});
  const B = (window.__bench = { longTasks: [], error: null, prerenderAtStart: null, shift, navigations: saved.navigations });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint" && saved.fcp == null) save({ fcp: e.startTime + shift }); })
      .observe({ type: "paint", buffered: true });
  } catch { /* unsupported */ }
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) B.longTasks.push([e.startTime + shift, e.duration]); })
      .observe({ type: "longtask", buffered: true });
  } catch { /* unsupported */ }
  // Trunk's loader announces the instance: keep its memory to report the wasm heap.
  addEventListener("TrunkApplicationStarted", (e) => {
    B.wasmStartedAt = now();
    try { B.wasmMemory = e.detail.wasm.memory; } catch { /* other loader */ }
  });
  B.wasmBytes = () => (B.wasmMemory && B.wasmMemory.buffer ? B.wasmMemory.buffer.byteLength : null);

  const raf = () => new Promise((r) => requestAnimationFrame(() => r(now())));
  const raf2 = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(now()))));
  const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const count = (sel) => document.querySelectorAll(sel).length;

  /** now() at the first moment pred() holds: checked on every DOM mutation batch and every 10 ms. */
  function waitFor(pred, what, timeout = cfg.timeout) {
    return new Promise((resolve, reject) => {
      let iv, to;
      const mo = new MutationObserver(check);
      function stop() { mo.disconnect(); clearInterval(iv); clearTimeout(to); }
      function check() {
        let ok;
        try { ok = pred(); } catch (e) { stop(); reject(e); return; }
        if (ok) { stop(); resolve(now()); }
      }
      mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      iv = setInterval(check, 10);
      to = setTimeout(() => { stop(); reject(new Error(`timed out after ${timeout} ms waiting for ${what}`)); }, timeout);
      check();
    });
  }

  /** A mouse click as a browser sends it: pointerdown, mousedown, pointerup, mouseup, click. */
  function clicker(el) {
    const r = el.getBoundingClientRect();
    const base = { bubbles: true, cancelable: true, composed: true, view: window, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0 };
    const ptr = { ...base, pointerId: 1, pointerType: "mouse", isPrimary: true };
    return () => {
      el.dispatchEvent(new PointerEvent("pointerdown", { ...ptr, buttons: 1 }));
      el.dispatchEvent(new MouseEvent("mousedown", { ...base, buttons: 1 }));
      el.dispatchEvent(new PointerEvent("pointerup", ptr));
      el.dispatchEvent(new MouseEvent("mouseup", base));
      el.dispatchEvent(new PointerEvent("click", { ...ptr, detail: 1 }));
    };
  }

  /** Runs `act`, waits for `done()`, and times it (see the header). `retry`: repeat `act` every N ms meanwhile. */
  async function timed(act, done, what, retryMs = 0, resume = null) {
    const t0 = resume ? resume.t0 : now();
    let clicks = resume ? resume.clicks : 1;
    if (retryMs) save({ pending: { t0, clicks } });
    if (!resume) act();
    let tMatch = done() ? now() : null;
    if (tMatch == null) {
      const retry = retryMs > 0 && setInterval(() => { if (!done()) { clicks++; save({ pending: { t0, clicks } }); act(true); } }, retryMs);
      try { tMatch = await waitFor(done, what); } finally { clearInterval(retry); }
    }
    const tFrame = await raf();
    await nextTask();
    const tRendered = now();
    await raf();
    const t1 = now();
    return { handler: tMatch - t0, work: tMatch - t0 + (tRendered - tFrame), total: t1 - t0, start: t0, end: t1, clicks };
  }

  const panelSel = (code) => `[data-panel="${code}"]`;
  const shapeSel = (code) => `[data-code="${code}"]`;
  function clickShape(code) {
    let fire = null;
    return (again) => {
      if (!fire || again) {
        const el = document.querySelector(shapeSel(code)); // looked up again: hydration may replace it
        if (!el) throw new Error(`no ${shapeSel(code)}`);
        fire = clicker(el);
      }
      fire();
    };
  }

  B.done = (async () => {
    if (prev && prev.readyAt != null) {
      Object.assign(B, { prerenderAtStart: prev.prerenderAtStart, readyMatchAt: prev.readyMatchAt, readyAt: prev.readyAt });
    } else {
      // Whether the static prerender (index.html's Twente overview) was ever on screen before ready.
      B.prerenderAtStart = false;
      B.readyMatchAt = await waitFor(() => {
        if (document.getElementById("tk-prerender")) B.prerenderAtStart = true;
        return count("svg [data-code]") >= cfg.count;
      }, `${cfg.count} x svg [data-code]`);
      B.readyAt = await raf2();
      save({ prerenderAtStart: B.prerenderAtStart, readyMatchAt: B.readyMatchAt, readyAt: B.readyAt });
    }
    // "live": the widget's own map (not the prerender) has every shape; measured alongside the TTI click.
    const live = waitFor(() => !document.getElementById("tk-prerender") && count("path.tk-shape[data-code]") >= cfg.count, "live map")
      .then(async (t) => { B.liveMatchAt = t; B.liveAt = await raf2(); });
    if (!(prev && prev.pending)) await nextTask(); // a user clicking the moment the map appears
    B.tti = await timed(clickShape(cfg.code1), () => count(panelSel(cfg.code1)) > 0, `panel ${cfg.code1}`, cfg.retry, prev && prev.pending);
    save({ pending: null, tti: B.tti });
    await live;
    B.fcp = saved.fcp;
  })().catch((e) => { B.error = String((e && e.message) || e); }).finally(() => { B.finished = true; });

  // Each series stops early after capMs (once it has minN samples), so a slow page still finishes.
  const over = (t0, capMs, got, minN) => capMs > 0 && got >= minN && now() - t0 > capMs;
  B.clicks = async (n, gap, capMs = 0, minN = 20) => {
    const out = [];
    const tStart = now();
    for (let i = 0; i < n && !over(tStart, capMs, out.length, minN); i++) {
      const code = count(panelSel(cfg.code1)) ? cfg.code2 : cfg.code1;
      if (gap) await sleep(gap);
      const fire = clickShape(code);
      out.push(await timed(() => fire(), () => count(panelSel(code)) > 0, `panel ${code}`));
    }
    return out;
  };

  // Layer toggle: the wonen markers (single markers and the groups that held them) re-render.
  B.layers = async (n, gap, capMs = 0, minN = 5) => {
    const tStart = now();
    const box = document.getElementById("tk-layer-wonen");
    const layer = document.querySelector(".tk-markers");
    if (!box || !layer) throw new Error("no #tk-layer-wonen or .tk-markers");
    const off = [], on = [];
    for (let i = 0; i < n && !over(tStart, capMs, off.length, minN); i++) {
      for (const turnOn of [false, true]) {
        if (gap) await sleep(gap);
        let changed = false;
        const mo = new MutationObserver(() => { changed = true; });
        mo.observe(layer, { subtree: true, childList: true, attributes: true });
        const done = turnOn
          ? () => changed && count(".tk-marker.tk-cat-wonen, .tk-cluster") > 0 && box.checked
          : () => changed && count(".tk-marker.tk-cat-wonen") === 0 && !box.checked;
        try {
          (turnOn ? on : off).push(await timed(() => box.click(), done, `wonen layer ${turnOn ? "on" : "off"}`));
        } finally { mo.disconnect(); }
      }
    }
    return { off, on };
  };

  function setSearch(input, value) {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
  B.search = async (n, gap, queries, capMs = 0, minN = 10) => {
    const tStart = now();
    const input = document.querySelector(".tk-list input[type=search]") || document.querySelector("input[type=search]");
    const counter = document.querySelector(".tk-count");
    if (!input || !counter) throw new Error("no search input or .tk-count");
    const out = [];
    for (let i = 0; i < n && !over(tStart, capMs, out.length, minN); i++) {
      const q = queries[i % queries.length];
      if (input.value === q) continue;
      if (gap) await sleep(gap);
      const before = counter.textContent;
      out.push(await timed(() => setSearch(input, q), () => document.querySelector(".tk-count")?.textContent !== before, `count after search "${q}"`));
    }
    return out;
  };

  B.closePanel = async () => {
    const btn = document.querySelector("[data-panel] .tk-close");
    if (!btn) return false;
    clicker(btn)();
    await waitFor(() => count("[data-panel]") === 0, "panel to close");
    await raf2();
    return true;
  };

  // Soak: clicks alternating municipalities; every 7th closes the panel instead; every 25th a search + clear.
  B.soak = async (n, queries, capMs = 0) => {
    const qs = queries.filter(Boolean);
    let searches = 0, closes = 0, steps = 0;
    const tStart = now();
    for (let i = 0; i < n && !(capMs > 0 && now() - tStart > capMs); i++, steps++) {
      if (i % 7 === 6 && count("[data-panel]")) { await B.closePanel(); closes++; continue; }
      const input = document.querySelector(".tk-list input[type=search]");
      if (i % 25 === 24 && input && qs.length) {
        await B.closePanel();
        const before = document.querySelector(".tk-count")?.textContent;
        setSearch(input, qs[(searches++) % qs.length]);
        await waitFor(() => document.querySelector(".tk-count")?.textContent !== before, "soak search", 15000);
        await raf();
        const again = document.querySelector(".tk-count")?.textContent;
        setSearch(document.querySelector(".tk-list input[type=search]"), "");
        await waitFor(() => document.querySelector(".tk-count")?.textContent !== again, "soak clear", 15000);
        await raf();
        continue;
      }
      const code = count(panelSel(cfg.code1)) ? cfg.code2 : cfg.code1;
      clickShape(code)();
      await waitFor(() => count(panelSel(code)) > 0, `soak panel ${code}`, 15000);
      await raf();
    }
    return { steps, searches, closes };
  };
}
