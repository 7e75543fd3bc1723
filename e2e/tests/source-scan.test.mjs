// Source rules that keep data from becoming markup, checked on the source text (no browser):
//  1. src/**/*.rs and editor/src/**/*.rs: every use of `inner_html` / `set_inner_html` / `innerHTML` (in code or in a string, not in
//     a comment) carries a `// SAFETY(html): <why this is safe>` comment on the same or the previous line.
//  2. the same files: every element with `target="_blank"` also has `rel="noopener noreferrer"`.
//  3. public/embed.js (runs on partners' pages): no `eval(`, `new Function`, `innerHTML`, `.setAttribute("style"`.
// The scanners are tested on small samples first, so a rule cannot pass by scanning nothing.
//
// Run: cd e2e && node --test tests/source-scan.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../lib/harness.mjs";

// ---------------------------------------------------------------------------------------------------------
// A small Rust lexer: which characters are code, string-literal text or comment

/// One character class per character of `src`: "c" code, "s" inside a string/char literal, "/" comment.
export function classify(src) {
  const out = new Array(src.length).fill("c");
  let i = 0;
  const mark = (from, to, k) => { for (let j = from; j < to && j < src.length; j++) out[j] = k; };
  while (i < src.length) {
    const ch = src[i], next = src[i + 1];
    if (ch === "/" && next === "/") { // line comment (also /// and //!)
      const end = src.indexOf("\n", i);
      const stop = end < 0 ? src.length : end;
      mark(i, stop, "/");
      i = stop;
    } else if (ch === "/" && next === "*") { // block comment, nested
      let depth = 0, j = i;
      do {
        if (src.startsWith("/*", j)) { depth++; j += 2; } else if (src.startsWith("*/", j)) { depth--; j += 2; } else j++;
      } while (depth > 0 && j < src.length);
      mark(i, j, "/");
      i = j;
    } else if ((ch === "r" || (ch === "b" && next === "r")) && /^b?r#*"/.test(src.slice(i, i + 260)) && !/[A-Za-z0-9_]/.test(src[i - 1] || "")) {
      const m = src.slice(i).match(/^b?r(#*)"/); // raw string r"…", r#"…"#, br"…"
      const close = '"' + m[1];
      const end = src.indexOf(close, i + m[0].length);
      const stop = end < 0 ? src.length : end + close.length;
      mark(i, stop, "s");
      i = stop;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === "\\" ? 2 : 1;
      mark(i, j + 1, "s");
      i = j + 1;
    } else if (ch === "'") { // char literal ('a', '\n', '\u{..}', '"') or a lifetime ('a)
      const m = src.slice(i).match(/^'(\\(u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'/);
      if (m) { mark(i, i + m[0].length, "s"); i += m[0].length; } else i++;
    } else i++;
  }
  return out;
}

const lineOf = (src, index) => src.slice(0, index).split("\n").length;

// ---------------------------------------------------------------------------------------------------------
// Rule 1: inner HTML needs a SAFETY(html) comment

const HTML_SINK = /\b(set_inner_html|inner_html|innerHTML)\b/g;

/// Uses of an HTML sink without `// SAFETY(html):` on the same or previous line: [{ line, text }].
export function unsafeHtmlSinks(src) {
  const kinds = classify(src);
  const lines = src.split("\n");
  const found = [];
  for (const m of src.matchAll(HTML_SINK)) {
    if (kinds[m.index] === "/") continue; // mentioned in a comment, not used
    const n = lineOf(src, m.index);
    const same = lines[n - 1], prev = n >= 2 ? lines[n - 2] : "";
    const lineStart = src.lastIndexOf("\n", m.index - 1) + 1;
    const at = same.search(/\/\/\s*SAFETY\(html\):\s*\S/);
    const sameOk = at >= 0 && kinds[lineStart + at] === "/"; // a real comment, not text in a string
    const prevOk = /^\s*\/\/\s*SAFETY\(html\):\s*\S/.test(prev);
    if (!sameOk && !prevOk) found.push({ line: n, text: same.trim() });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Rule 2: target="_blank" needs rel="noopener noreferrer" on the same element

/// The text of the element (from its `<tag` to the `>` that ends the start tag) around `index`, reading
/// Leptos `view!` markup: `{…}` blocks, Rust strings and `=>`/`->` inside attribute values are skipped.
function enclosingStartTag(src, kinds, index) {
  let start = -1;
  for (let j = index, depth = 0; j >= 0; j--) {
    if (kinds[j] !== "c") continue;
    const ch = src[j];
    if (ch === "}" || ch === ")" || ch === "]") depth++;
    else if (ch === "{" || ch === "(" || ch === "[") { if (--depth < 0) return null; } // left the markup
    else if (depth === 0 && ch === "<" && /[A-Za-z]/.test(src[j + 1] || "")) { start = j; break; }
    else if (depth === 0 && ch === ">" && !/[=-]/.test(src[j - 1] || "")) return null; // left the start tag: not in one
  }
  if (start < 0) return null;
  let depth = 0;
  for (let j = start + 1; j < src.length; j++) {
    if (kinds[j] !== "c") continue;
    const ch = src[j];
    if (ch === "{" || ch === "(" || ch === "[") depth++;
    else if (ch === "}" || ch === ")" || ch === "]") depth--;
    else if (ch === ">" && depth === 0 && !/[=-]/.test(src[j - 1])) return src.slice(start, j + 1);
  }
  return src.slice(start);
}

/// `target="_blank"` (markup) or `set_attribute("target", "_blank")` (web-sys) without the rel: [{ line, text }].
export function unsafeBlankTargets(src) {
  const kinds = classify(src);
  const found = [];
  for (const m of src.matchAll(/target\s*=\s*"_blank"/g)) {
    if (kinds[m.index] !== "c") continue;
    const tag = enclosingStartTag(src, kinds, m.index);
    if (!tag || !/\brel\s*=\s*"noopener noreferrer"/.test(tag)) found.push({ line: lineOf(src, m.index), text: (tag || m[0]).replace(/\s+/g, " ").slice(0, 160) });
  }
  // DOM calls: the same statement chain or the next few lines must set rel to exactly "noopener noreferrer".
  for (const m of src.matchAll(/set_attribute\(\s*"target"\s*,\s*"_blank"\s*\)/g)) {
    if (kinds[m.index] !== "c") continue;
    const near = src.slice(Math.max(0, m.index - 400), m.index + 400);
    if (!/set_attribute\(\s*"rel"\s*,\s*"noopener noreferrer"\s*\)/.test(near)) found.push({ line: lineOf(src, m.index), text: m[0] });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Rule 3: embed.js runs on partners' pages

const EMBED_FORBIDDEN = [
  ["eval(", /\beval\s*\(/],
  ["new Function", /\bnew\s+Function\b/],
  ["innerHTML", /innerHTML/],
  ['.setAttribute("style"', /\.setAttribute\s*\(\s*["'`]style["'`]/],
];
export function embedViolations(js) {
  const lines = js.split("\n");
  const out = [];
  for (const [what, re] of EMBED_FORBIDDEN) {
    lines.forEach((l, i) => { if (re.test(l)) out.push(`${what} at line ${i + 1}: ${l.trim()}`); });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The source files

function rustFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...rustFiles(p));
    else if (e.isFile() && e.name.endsWith(".rs")) out.push(p);
  }
  return out.sort();
}
const SRC = path.join(ROOT, "src");
// The editor is its own crate with its own links and markup: the same rules apply there.
const EDITOR = path.join(ROOT, "editor/src");
const uiFiles = () => [...rustFiles(SRC), ...rustFiles(EDITOR)];
const rel = (p) => path.relative(ROOT, p);

// ---------------------------------------------------------------------------------------------------------

test("scanner self-test: inner HTML without / with a SAFETY(html) comment", () => {
  const bad = [
    'el.set_inner_html(&text);',
    'view! { <div inner_html=text></div> }',
    'js_sys::Reflect::set(&el, &"innerHTML".into(), &v);',
    '// SAFETY(html) missing colon\nel.set_inner_html(&x);',
    '// SAFETY(html): ok\n\nel.set_inner_html(&x); // two lines below the comment',
    'let s = "// SAFETY(html): in a string"; el.set_inner_html(&s);',
  ];
  for (const b of bad) assert.equal(unsafeHtmlSinks(b).length, 1, `should be flagged: ${b}`);
  const good = [
    '// SAFETY(html): a constant, no data\nel.set_inner_html(ICON_SVG);',
    'el.set_inner_html(ICON_SVG); // SAFETY(html): a constant, no data',
    '    // SAFETY(html): escaped by escape_html()\n    view! { <p inner_html=escaped></p> }',
    '/// Never use innerHTML with data.\nfn f() {}',
    '/* set_inner_html is banned */ fn g() {}',
    'let url = "https://x.nl/"; // not an innerHTML use',
  ];
  for (const g of good) assert.deepEqual(unsafeHtmlSinks(g), [], `should pass: ${g}`);
});

test("scanner self-test: target=\"_blank\" without / with rel=\"noopener noreferrer\"", () => {
  const bad = [
    '<a href=href target="_blank">{t}</a>',
    '<a href=href target="_blank" rel="noopener">{t}</a>',
    '<a target="_blank" href=href>{t}</a> <a href=x rel="noopener noreferrer">{t}</a>',
    '<a\n  class="x"\n  href=move || if a > b { x } else { y }\n  target="_blank"\n>',
    'el.set_attribute("target", "_blank")?;',
  ];
  for (const b of bad) assert.equal(unsafeBlankTargets(b).length, 1, `should be flagged: ${b}`);
  const good = [
    '<a class="tk-link" href=href.to_string() target="_blank" rel="noopener noreferrer">',
    '<a\n  rel="noopener noreferrer"\n  href={move || x.get()}\n  on:click=move |_| { if a > b { f() } }\n  target="_blank"\n>',
    '<a href=x on:click=move |ev| match k { A => 1, _ => 2 } target="_blank" rel="noopener noreferrer">',
    '// target="_blank" in a comment',
    'el.set_attribute("target", "_blank")?;\nel.set_attribute("rel", "noopener noreferrer")?;',
  ];
  for (const g of good) assert.deepEqual(unsafeBlankTargets(g), [], `should pass: ${g}`);
});

test("scanner self-test: embed.js rules", () => {
  for (const b of ['eval("x")', "const f = new Function('a', 'b');", "el.innerHTML = s;", 'f.setAttribute("style", "x")', "f.setAttribute('style', s)"]) {
    assert.equal(embedViolations(b).length, 1, `should be flagged: ${b}`);
  }
  assert.deepEqual(embedViolations('el.style.setProperty("width", "100%", "important");\nf.setAttribute("title", t);'), []);
});

test("src/**/*.rs, editor/src/**/*.rs: every inner HTML use has a `// SAFETY(html):` comment on the same or the previous line", () => {
  const files = uiFiles();
  assert.ok(files.length >= 10, `scanned ${files.length} Rust files under src/`);
  const found = files.flatMap((f) => unsafeHtmlSinks(fs.readFileSync(f, "utf8")).map((x) => `${rel(f)}:${x.line}: ${x.text}`));
  assert.deepEqual(found, [], "inner HTML without a SAFETY(html) comment");
});

test('src/**/*.rs, editor/src/**/*.rs: every target="_blank" element also has rel="noopener noreferrer"', () => {
  const files = uiFiles();
  const all = files.flatMap((f) => {
    const src = fs.readFileSync(f, "utf8");
    const kinds = classify(src);
    return [...src.matchAll(/target\s*=\s*"_blank"/g)].filter((m) => kinds[m.index] === "c").map(() => f);
  });
  console.log(`# target="_blank" occurrences in src: ${all.length} (${[...new Set(all.map(rel))].join(", ") || "none"})`);
  // The widget has links that open in a new tab (item cards): a scan that found none would check nothing.
  assert.ok(all.length >= 1, 'the scan finds the target="_blank" links of the item cards');
  const found = files.flatMap((f) => unsafeBlankTargets(fs.readFileSync(f, "utf8")).map((x) => `${rel(f)}:${x.line}: ${x.text}`));
  assert.deepEqual(found, [], 'target="_blank" without rel="noopener noreferrer"');
});

test("public/embed.js: no eval(, new Function, innerHTML or .setAttribute(\"style\"", () => {
  const js = fs.readFileSync(path.join(ROOT, "public/embed.js"), "utf8");
  assert.ok(js.length > 500, "embed.js read");
  assert.deepEqual(embedViolations(js), []);
});

test("src/early.js (the early script in every page): valid JavaScript, and no eval(, new Function, innerHTML or style attributes", async () => {
  const file = path.join(ROOT, "src/early.js");
  const { execFileSync } = await import("node:child_process");
  assert.doesNotThrow(() => execFileSync(process.execPath, ["--check", file], { stdio: "pipe" }), "node --check src/early.js");
  const js = fs.readFileSync(file, "utf8");
  assert.ok(js.length > 500, "early.js read");
  assert.deepEqual(embedViolations(js), []);
});

// ---------------------------------------------------------------------------------------------------------
// 5. No module imports another in a circle (core, xtask, the widget): every `crate::<module>` a file names in
//    code (not in comments or tests) is an edge from its top-level module; a strongly connected component of
//    more than one module is a circle.

/// The top-level module graph of the crate whose sources are `files` ({ path relative to src, text }).
export function moduleGraph(files) {
  const g = new Map();
  for (const { rel, text } of files) {
    const mod = rel.replace(/\.rs$/, "").split("/")[0];
    if (mod === "lib" || mod === "main" || rel.startsWith("bin/")) continue;
    const cls = classify(text);
    const code = [...text].map((c, i) => (cls[i] === "c" ? c : " ")).join("").split("#[cfg(test)]")[0];
    const deps = g.get(mod) || new Set();
    for (const m of code.matchAll(/crate::(\w+)/g)) if (m[1] !== mod) deps.add(m[1]);
    for (const m of code.matchAll(/use crate::\{([^}]*)\}/g)) {
      for (const part of m[1].split(",")) { const p = part.trim().split("::")[0]; if (p && p !== mod) deps.add(p); }
    }
    g.set(mod, deps);
  }
  return g;
}

/// The circles of a module graph (Tarjan's strongly connected components of more than one module).
export function circles(g) {
  let n = 0;
  const index = new Map(), low = new Map(), stack = [], on = new Set(), out = [];
  const visit = (v) => {
    index.set(v, n); low.set(v, n); n++; stack.push(v); on.add(v);
    for (const w of g.get(v) || []) {
      if (!g.has(w)) continue;
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const comp = [];
      let w;
      do { w = stack.pop(); on.delete(w); comp.push(w); } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return out;
}

test("scanner self-test: a circle between two modules is found, a chain is not", () => {
  const files = (a, b) => [{ rel: "a.rs", text: a }, { rel: "b.rs", text: b }, { rel: "c.rs", text: "// crate::a\n" }];
  assert.deepEqual(circles(moduleGraph(files("use crate::b::X;", "fn f() { crate::a::g() }"))), [["a", "b"]]);
  assert.deepEqual(circles(moduleGraph(files("use crate::{b::X, c};", "/// see crate::a\nfn f() {}"))), []);
});

for (const dir of ["core/src", "xtask/src", "src", "editor/src"]) {
  test(`${dir}: no module imports another in a circle`, () => {
    const base = path.join(ROOT, dir);
    const files = rustFiles(base).map((f) => ({ rel: path.relative(base, f), text: fs.readFileSync(f, "utf8") }));
    assert.ok(files.length >= 5, `scanned ${files.length} files in ${dir}`);
    assert.deepEqual(circles(moduleGraph(files)), [], `module circles in ${dir}`);
  });
}
