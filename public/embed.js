/* twente-kaart embed.js: turns each <div data-twente-kaart …> into an auto-sized iframe of the widget.
   Hand-written, no dependencies: it runs on partners' pages, so it stays small, adds no global but
   window.TwenteKaart, styles only via the CSSOM (a strict style-src allows that) and never evals. */
(function () {
  "use strict";
  var d = document, w = window;
  // Our own URL, captured now: document.currentScript is only set during this first run.
  var me = d.currentScript, src = me && me.src;
  if (!src) {
    var all = d.querySelectorAll("script[src]");
    for (var i = all.length - 1; i >= 0 && !src; i--) if (/embed\.js([?#]|$)/.test(all[i].src)) src = all[i].src;
  }
  if (!src) return;
  // The widget lives beside embed.js; messages are trusted only from that origin.
  var page = new URL("index.html", src), origin = page.origin;
  var TITLES = __TK_TITLES__; // the iframe's title per language, written by the build from the data
  var ATTRS = ["lang", "gemeente", "layers", "accent", "q", "categorie"];
  var DEEP = ["lang", "gemeente", "layers", "q", "item", "categorie", "werk", "partner"];
  var frames = []; // [iframe, container, current height] per embed

  function on(v) { return v != null && v !== "0" && v !== "false"; }
  // Important inline declarations: no host page rule (even !important) can restyle the iframe.
  function css(el, k, v) { el.style.setProperty(k, v, "important"); }

  function embed(el) {
    // Marked on the element, so a second copy of this script (or a second scan) skips it.
    if (el.hasAttribute("data-twente-kaart-done")) return;
    el.setAttribute("data-twente-kaart-done", "");
    var ds = el.dataset, q = new URLSearchParams(), here = new URL(location.href), p = here.searchParams, i, v;
    for (i = 0; i < ATTRS.length; i++) if ((v = ds[ATTRS[i]])) q.set(ATTRS[i], v);
    if (on(ds.compact)) q.set("compact", "1");
    if (on(ds.kiosk)) q.set("kiosk", "1");
    // Deep links: tk-* params on the host page (written by the widget's share button) win.
    for (i = 0; i < DEEP.length; i++) if ((v = p.get("tk-" + DEEP[i]))) q.set(DEEP[i], v);
    if (on(ds.share)) {
      // Only with the partner's consent does the widget learn the host URL, minus our own params.
      Array.from(p.keys()).forEach(function (k) { if (!k.indexOf("tk-")) p.delete(k); });
      q.set("host", here.href);
    }
    var lang = (q.get("lang") || d.documentElement.lang || "nl").slice(0, 2).toLowerCase();
    var f = d.createElement("iframe");
    f.src = page.href + "?" + q;
    f.title = ds.title || TITLES[lang] || TITLES.nl;
    f.loading = "lazy";
    f.setAttribute("allow", "clipboard-write");
    f.referrerPolicy = "strict-origin-when-cross-origin";
    css(f, "display", "block");
    css(f, "box-sizing", "border-box");
    css(f, "border", "0");
    css(f, "padding", "0");
    css(f, "width", "100%");
    css(f, "max-height", "none");
    css(f, "height", "600px");
    frames.push([f, el, 600]);
    el.appendChild(f);
  }

  function scan() {
    var els = d.querySelectorAll("[data-twente-kaart]");
    for (var i = 0; i < els.length; i++) embed(els[i]);
  }

  w.addEventListener("message", function (e) {
    var m = e.data, t, h, i, r;
    // Any page or frame can post to us: accept only our own iframes, served from the widget's origin.
    if (e.origin !== origin || !m || typeof m.type !== "string") return;
    for (i = 0; i < frames.length; i++) if (frames[i][0].contentWindow === e.source) r = frames[i];
    if (!r) return;
    t = m.type;
    if (t === "twente-kaart:resize" && m.version === 1 && typeof m.height === "number" && isFinite(m.height)) {
      // Clamped: a broken widget can neither vanish nor make the page kilometres long.
      h = Math.round(Math.min(20000, Math.max(200, m.height)));
      if (Math.abs(h - r[2]) >= 1) css(r[0], "height", (r[2] = h) + "px");
    } else if (t === "twente-kaart:ready" || t === "twente-kaart:select") {
      // For partners' own analytics, e.g. el.addEventListener("twente-kaart:select", …).
      r[1].dispatchEvent(new CustomEvent(t, { detail: m, bubbles: true }));
    }
  });

  w.TwenteKaart = w.TwenteKaart || { version: 1 };
  scan();
  // An async script may run while the page is still parsing: scan again once all elements exist.
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", scan);
})();
