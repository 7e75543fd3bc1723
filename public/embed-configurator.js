// The embed configurator (embed.html): builds the partner's snippet from the form, shows it live through
// the real embed.js, and copies it. An external file, as the page runs under a strict CSP (no inline script).
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const form = $("tk-form");
  // Absolute URLs, based on where this page is served: the snippet is pasted on other sites.
  const EMBED_JS = new URL("embed.js", location.href).href;
  const WIDGET = new URL("index.html", location.href).href;
  const TITLES = __TK_TITLES__; // the iframe's title per language, written by the build from the data
  const ALL_LAYERS = ["praktijk", "wonen", "partnerwerk", "verhaal", "agenda"];

  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

  /// The chosen options as [name, value] pairs, in the order of the snippet's attributes.
  function options() {
    const out = [];
    const lang = $("f-lang").value;
    if (lang) out.push(["lang", lang]);
    const gemeente = $("f-gemeente").value;
    if (gemeente) out.push(["gemeente", gemeente]);
    const layers = ALL_LAYERS.filter((l) => $("f-" + l).checked);
    // All on is the default, and none on means all on in the widget: leave the attribute out then.
    if (layers.length && layers.length < ALL_LAYERS.length) out.push(["layers", layers.join(",")]);
    if ($("f-accent-on").checked) out.push(["accent", $("f-accent").value]);
    if ($("f-compact").checked) out.push(["compact", "1"]);
    return out;
  }

  function scriptSnippet(opts, share) {
    const attrs = opts.map(([k, v]) => ` data-${k}="${esc(v)}"`).join("") + (share ? " data-share" : "");
    return `<div data-twente-kaart${attrs}></div>\n<script src="${esc(EMBED_JS)}" async></script>`;
  }

  function iframeSnippet(opts) {
    const q = new URLSearchParams(opts).toString();
    const lang = (opts.find(([k]) => k === "lang") || [])[1] || "nl";
    // frameborder instead of a style attribute: partners with a strict CSP (no inline styles) can use it too.
    return `<iframe src="${esc(WIDGET + (q ? "?" + q : ""))}" title="${esc(TITLES[lang])}"\n` +
      `  width="100%" height="900" frameborder="0" loading="lazy" allow="clipboard-write"\n` +
      `  referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
  }

  // WCAG relative luminance and contrast against white, to warn about accents that make links unreadable.
  function contrastOnWhite(hex) {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)));
    const l = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    return 1.05 / (l + 0.05);
  }

  /// Replaces the preview with a fresh embed: a new container and a new copy of embed.js, exactly what a
  /// partner's page does (embed.js only handles each container once, so a changed one must be a new one).
  function preview(opts, share) {
    const box = $("tk-preview");
    box.replaceChildren();
    const div = document.createElement("div");
    div.setAttribute("data-twente-kaart", "");
    for (const [k, v] of opts) div.setAttribute("data-" + k, v);
    if (share) div.setAttribute("data-share", "");
    box.append(div);
    const s = document.createElement("script");
    s.src = EMBED_JS;
    s.async = true;
    box.append(s);
  }

  let timer = 0;
  let last = "";
  function update() {
    const accentOn = $("f-accent-on").checked;
    $("f-accent").disabled = !accentOn;
    const accent = $("f-accent").value;
    $("f-accent-value").value = accent;
    $("w-accent").textContent = accentOn && contrastOnWhite(accent) < 4.5
      ? `Let op: ${accent} heeft te weinig contrast met wit (${contrastOnWhite(accent).toFixed(1)}:1, minimaal 4,5:1).`
      : "";
    const opts = options();
    const share = $("f-share").checked;
    $("snippet-script").value = scriptSnippet(opts, share);
    $("snippet-iframe").value = iframeSnippet(opts);
    for (const el of document.querySelectorAll("[data-status-for]")) el.textContent = "";
    // Rebuild the preview only when the embed changes, and not on every step of a colour drag.
    const key = JSON.stringify([opts, share]);
    if (key === last) return;
    clearTimeout(timer);
    if (last) timer = setTimeout(() => preview(opts, share), 250);
    else preview(opts, share);
    last = key;
  }

  async function copy(button) {
    const area = $(button.dataset.copy);
    const status = document.querySelector(`[data-status-for="${button.dataset.copy}"]`);
    try {
      await navigator.clipboard.writeText(area.value);
      status.textContent = "Gekopieerd.";
    } catch {
      // No clipboard access (an old browser, or permission refused): select it for Ctrl+C instead.
      area.focus();
      area.select();
      status.textContent = "Kopiëren lukte niet: de code is geselecteerd, kopieer met Ctrl+C (⌘C op een Mac).";
    }
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (e) => e.preventDefault());
  for (const b of document.querySelectorAll("button[data-copy]")) b.addEventListener("click", () => copy(b));
  update();
})();
