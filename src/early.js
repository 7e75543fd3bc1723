// twente-kaart early script: a classic script that runs before the body is parsed (a module script would run
// only after it), copied into dist/ with a content hash by `cargo xtask build`.
//
// While the wasm loads, it makes the prerendered widget (the same components, rendered at build time) answer
// a click: a click, Enter or Space on a municipality shows its prerendered panel at once (from its
// `<template>` at the end of the prerendered widget; an opened card's body comes from
// `panel-bodies-<hash>.html`), draws the selection outline and keeps the choice as a deep link the
// widget honours when it takes over (`window.__tkPending`, "" = closed again); the panel's close button and
// Escape work too. A deep link (`?gemeente=`) opens its panel as soon as the page is parsed. In kiosk mode,
// whose cards show QR codes instead of links, a click is only kept. It also hides the wasm trap that follows
// a panic (the panic itself is logged once, with its location, by the widget), and it claims the page's data
// preloads for the widget (`window.__tkTakePreloaded`).
addEventListener("error", (e) => { if (window.__tkPanicked) e.preventDefault(); });
addEventListener("unhandledrejection", (e) => { if (window.__tkPanicked) e.preventDefault(); });
// The page's data preloads are claimed at once, and the widget takes their bytes instead of asking again: a
// preload still unused a few seconds after the page has loaded makes Chromium warn in the partner's console,
// which it did whenever the wasm started late (a slow phone, a busy stand PC).
(() => {
  const preloaded = {};
  for (const link of document.querySelectorAll('link[rel="preload"][as="fetch"]')) {
    preloaded[link.href] = fetch(link.href, { priority: "low" })
      .then((r) => (r.ok ? r.arrayBuffer() : null))
      .catch(() => null);
  }
  // The widget's first request for a file (src/load.rs): its bytes, or null (not preloaded, failed, not OK, or
  // slower than `ms`), and the widget asks the server itself, with its retries and its error message.
  window.__tkTakePreloaded = (url, ms) => {
    const key = new URL(url, document.baseURI).href, bytes = preloaded[key];
    delete preloaded[key];
    return bytes ? Promise.race([bytes, new Promise((r) => setTimeout(r, ms, null))]) : Promise.resolve(null);
  };
})();
(() => {
  const pre = () => document.getElementById("tk-prerender");
  const kiosk = () => document.documentElement.hasAttribute("data-kiosk");
  const shapeOf = (root, code) => code && root.querySelector(`path.tk-shape[data-code="${CSS.escape(code)}"]`);
  let overview = null, bodies = null, bodiesAsked = false, wanted = null;

  // The panels are in the page, as templates (src/prerender.rs), with their cards closed and without bodies;
  // the bodies are in a file of their own, fetched with the first panel shown (most visitors never click before
  // the wasm is in, and never download it). An opened card gets its body from it, now or when it arrives.
  function loadBodies() {
    const root = pre(), url = root && root.dataset.bodies;
    if (bodiesAsked || !url) return;
    bodiesAsked = true;
    fetch(url)
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then((text) => {
        bodies = new DOMParser().parseFromString(text, "text/html");
        for (const d of pre()?.querySelectorAll(".tk-side details[open]") || []) fill(d);
      })
      .catch(() => { /* the live widget will show the bodies */ });
  }
  function fill(details) {
    const body = details.querySelector(".tk-item-body"), card = details.closest("[data-item]"), panel = details.closest("[data-panel]");
    if (!bodies || !body || body.firstElementChild || !card || !panel) return;
    const tpl = bodies.getElementById("tk-pre-" + panel.dataset.panel);
    const from = tpl && tpl.content.querySelector(`[data-item="${CSS.escape(card.dataset.item)}"] .tk-item-body`);
    if (from) body.replaceChildren(...[...from.childNodes].map((n) => document.importNode(n, true)));
  }
  function remember(code) {
    const url = new URL(location.href);
    if (code) url.searchParams.set("gemeente", code); else url.searchParams.delete("gemeente");
    history.replaceState(history.state, "", url);
    window.__tkPending = code;
  }
  function outline(code) {
    const root = pre(); if (!root) return;
    const sel = root.querySelector(".tk-outline-selected"), shape = shapeOf(root, code);
    for (const p of root.querySelectorAll('path.tk-shape[aria-pressed="true"]')) p.setAttribute("aria-pressed", "false");
    if (shape) shape.setAttribute("aria-pressed", "true");
    if (sel) { const d = shape && shape.getAttribute("d"); if (d) sel.setAttribute("d", d); else sel.removeAttribute("d"); }
  }
  function show(code) {
    const root = pre(), side = root && root.querySelector(".tk-side");
    if (!side || kiosk()) return;
    wanted = code;
    outline(code);
    // A click before the page's end was parsed is shown once it is (below).
    const tpl = document.getElementById("tk-pre-" + code);
    if (!(tpl instanceof HTMLTemplateElement)) return;
    loadBodies();
    if (!overview) overview = side.firstElementChild;
    side.replaceChildren(document.importNode(tpl.content, true));
    // On a phone the panel is below the map: bring it into view, as the widget does.
    if (matchMedia("(max-width: 47.99rem)").matches) side.scrollIntoView({ block: "nearest" });
  }
  function close() {
    const root = pre(), side = root && root.querySelector(".tk-side");
    if (!side) return;
    const code = wanted;
    if (overview) side.replaceChildren(overview);
    outline(null);
    wanted = null;
    remember("");
    const shape = shapeOf(root, code);
    if (shape) shape.focus();
  }
  function choose(code) { remember(code); show(code); }
  document.addEventListener("click", (e) => {
    const root = pre(), t = e.target instanceof Element ? e.target : null;
    if (!root || !t || !root.contains(t)) return;
    const shape = t.closest("path.tk-shape[data-code]");
    if (shape) { choose(shape.dataset.code); return; }
    if (t.closest(".tk-side .tk-close")) close();
  }, true);
  // `toggle` does not bubble; a listener that captures sees it.
  document.addEventListener("toggle", (e) => {
    const root = pre(), t = e.target;
    if (root && t instanceof HTMLDetailsElement && t.open && root.contains(t)) fill(t);
  }, true);
  document.addEventListener("keydown", (e) => {
    const root = pre();
    if (!root) return;
    const t = e.target instanceof Element ? e.target : null;
    const shape = t && root.contains(t) && t.closest("path.tk-shape[data-code]");
    if (shape && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); choose(shape.dataset.code); return; }
    if (e.key === "Escape" && (overview || wanted)) close();
  });
  // Parsed (before the module scripts run): a deep link shows its panel, as does a click made before.
  // (Run at once when this script comes late: the loader adds it as a file when the host's CSP refused it inline.)
  const parsed = () => {
    const code = new URL(location.href).searchParams.get("gemeente"), root = pre();
    if (wanted) show(wanted);
    else if (code && window.__tkPending === undefined && root && shapeOf(root, code)) show(code);
  };
  if (document.readyState !== "loading") parsed();
  else document.addEventListener("readystatechange", () => { if (document.readyState === "interactive") parsed(); });
})();
