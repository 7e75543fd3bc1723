//! The first paint in one round trip: `index.html` and `kiosk.html` carry their stylesheets and the early
//! script inline, so the prerendered map paints from the page alone instead of waiting for two more files
//! (measured on a slow phone, 4× CPU + slow 4G: map ready 855 → about 600 ms).
//!
//! A strict CSP allows an inline `<style>` or `<script>` only when its hash is listed. The deployment kit
//! ([`csp`]) lists exactly the hashes of this build's inline elements in `_headers` and `nginx-csp.conf`.
//! A host whose policy lacks them (a hand-copied header from an older release, nginx not reloaded) refuses the
//! inline copies; the files stay in the build, and the loader ([`LOADER_FALLBACK`]) then adds them as
//! `<link>` and `<script src>`: one round trip later, and the widget still looks and works as it should.

use anyhow::{bail, Result};
use base64::Engine as _;
use lol_html::{element, html_content::ContentType};
use sha2::Digest as _;
use std::path::Path;

/// The pages whose first paint is prerendered.
pub const PAGES: [&str; 2] = ["index.html", "kiosk.html"];

/// The start of the loader (a module script, so it runs once the page is parsed): when the host's CSP refused
/// an inline stylesheet (the browser then makes no sheet for it) or the early script (which defines
/// `__tkTakePreloaded`), the same file is loaded from the build instead.
pub const LOADER_FALLBACK: &str = "\
for (const s of document.querySelectorAll(\"style[data-href]\")) {
  if (!s.sheet) s.after(Object.assign(document.createElement(\"link\"), { rel: \"stylesheet\", href: s.dataset.href }));
}
for (const s of document.querySelectorAll(\"script[data-src]\")) {
  if (!window.__tkTakePreloaded) s.after(Object.assign(document.createElement(\"script\"), { src: s.dataset.src }));
}
";

/// Inlines the stylesheets and the early script of every page in [`PAGES`]. The stylesheets lose their comments
/// (which are for us, and would be in every page view), in their files too, so the fallback is the same text;
/// the early script is written without them already (`postbuild`).
pub fn run(dist: &Path) -> Result<()> {
    let read = |name: &str| -> Result<String> {
        let path = dist.join(name);
        let text = std::fs::read_to_string(&path)?;
        let lean = if name.ends_with(".css") {
            css_without_comments(&text)
        } else {
            text.clone()
        };
        if lean != text {
            std::fs::write(&path, &lean)?;
        }
        Ok(lean)
    };
    for page in PAGES {
        let path = dist.join(page);
        let html = std::fs::read_to_string(&path)?;
        std::fs::write(&path, inline(&html, &read)?)?;
    }
    Ok(())
}

/// `css` without its `/* … */` comments (not those inside quoted strings) and without empty lines.
fn css_without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.join("\n") + "\n"
}

/// `js` without the lines that are only a `//` comment. (The early script has no multi-line string a line of
/// which could start with `//`; the end-to-end tests run what this leaves.)
pub fn js_without_comment_lines(js: &str) -> String {
    let lines: Vec<&str> = js
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect();
    lines.join("\n") + "\n"
}

/// `html` with each local `<link rel="stylesheet">` and the `early-*.js` script replaced by their text, read
/// with `read` (a file name relative to the page). The element keeps the file's name (`data-href`,
/// `data-src`) for the loader's fallback.
fn inline(html: &str, read: &dyn Fn(&str) -> Result<String>) -> Result<String> {
    let failed = std::cell::RefCell::new(None::<anyhow::Error>);
    let out = lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings {
            element_content_handlers: vec![
                element!("link[rel=stylesheet][href]", |el| {
                    put_inline(el, ("href", "style"), read, &failed);
                    Ok(())
                }),
                element!("script[src^='./early-']", |el| {
                    put_inline(el, ("src", "script"), read, &failed);
                    Ok(())
                }),
            ],
            ..lol_html::RewriteStrSettings::new()
        },
    )?;
    if let Some(e) = failed.into_inner() {
        return Err(e);
    }
    Ok(out)
}

/// Replaces `el`, whose `attr` names a file of the build, by `<tag data-<attr>="./<name>">` with the file's
/// text; keeps the first error in `failed`.
fn put_inline(
    el: &mut lol_html::html_content::Element,
    (attr, tag): (&str, &str),
    read: &dyn Fn(&str) -> Result<String>,
    failed: &std::cell::RefCell<Option<anyhow::Error>>,
) {
    let value = el.get_attribute(attr).unwrap_or_default();
    let Some(name) = local(&value) else {
        return;
    };
    match read(name).and_then(|text| raw_text(name, text, &format!("</{tag}"))) {
        Ok(text) => el.replace(
            &format!("<{tag} data-{attr}=\"./{name}\">{text}</{tag}>"),
            ContentType::Html,
        ),
        Err(e) => {
            failed.borrow_mut().get_or_insert(e);
        }
    }
}

/// `text` if it can stand between the tags as it is: no end tag, and no `<!--`, which changes how a script's
/// text is parsed.
fn raw_text(name: &str, text: String, end: &str) -> Result<String> {
    let lower = text.to_ascii_lowercase();
    if lower.contains(end) || lower.contains("<!--") {
        bail!("{name} contains `{end}` or `<!--`, so it cannot be inlined into the page");
    }
    Ok(text)
}

/// The file name in a `./<name>` reference to a file of the build beside the page.
fn local(href: &str) -> Option<&str> {
    href.strip_prefix("./")
        .filter(|n| !n.contains(['/', '?', '#']))
}

/// The CSP's source expression for an inline element's text: `'sha256-<base64>'`.
fn hash_source(text: &str) -> String {
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The inline scripts' and styles' hash sources in `html`, sorted, without repeats.
fn hashes_in(html: &str) -> Result<(Vec<String>, Vec<String>)> {
    use lol_html::text;
    use std::cell::RefCell;
    let (scripts, styles) = (RefCell::new(vec![]), RefCell::new(vec![]));
    let (script, style) = (RefCell::new(String::new()), RefCell::new(String::new()));
    lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings {
            element_content_handlers: vec![
                text!("script:not([src])", |t| {
                    hash_when_whole(t, &script, &scripts);
                    Ok(())
                }),
                text!("style", |t| {
                    hash_when_whole(t, &style, &styles);
                    Ok(())
                }),
            ],
            ..lol_html::RewriteStrSettings::new()
        },
    )?;
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v.dedup();
        v
    };
    Ok((sorted(scripts.into_inner()), sorted(styles.into_inner())))
}

/// lol_html hands an element's text over in chunks, the last one saying so: `chunk` goes into `text`, and the
/// whole text's hash source into `hashes`.
fn hash_when_whole(
    chunk: &lol_html::html_content::TextChunk,
    text: &std::cell::RefCell<String>,
    hashes: &std::cell::RefCell<Vec<String>>,
) {
    let mut text = text.borrow_mut();
    text.push_str(chunk.as_str());
    if chunk.last_in_text_node() {
        hashes
            .borrow_mut()
            .push(hash_source(&std::mem::take(&mut *text)));
    }
}

/// `base` (the documented policy) with the hashes of the inline scripts and styles of the pages in `dist`
/// added to `script-src` and `style-src`.
pub fn csp(dist: &Path, base: &str) -> Result<String> {
    let (mut scripts, mut styles) = (vec![], vec![]);
    for page in PAGES {
        let path = dist.join(page);
        if path.exists() {
            let (s, t) = hashes_in(&std::fs::read_to_string(path)?)?;
            scripts.extend(s);
            styles.extend(t);
        }
    }
    scripts.sort();
    styles.sort();
    with_hashes(base, &scripts, &styles)
}

fn with_hashes(base: &str, scripts: &[String], styles: &[String]) -> Result<String> {
    let mut out = Vec::new();
    let (mut scripts_done, mut styles_done) = (false, false);
    for directive in base.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        let extra = match directive.split_whitespace().next() {
            Some("script-src") => {
                scripts_done = true;
                scripts
            }
            Some("style-src") => {
                styles_done = true;
                styles
            }
            _ => &[][..],
        };
        let mut unique: Vec<&str> = Vec::new();
        for source in extra {
            if !unique.contains(&source.as_str()) {
                unique.push(source);
            }
        }
        out.push(
            std::iter::once(directive)
                .chain(unique)
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    if !scripts_done || !styles_done {
        bail!("the CSP has no script-src or style-src to add the inline hashes to: {base}");
    }
    Ok(out.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html><head>\
        <script src=\"./early-0123456789ab.js\"></script><script type=\"module\" src=\"./loader-0123456789ab.js\"></script>\
        <link rel=\"stylesheet\" href=\"./widget-0123456789abcdef.css\" integrity=\"sha384-x\"/>\
        <link rel=\"stylesheet\" href=\"./region-0123456789ab.css\">\
        <link rel=\"stylesheet\" href=\"https://elsewhere.example/x.css\">\
        </head><body><p>kaart</p></body></html>";

    fn files(name: &str) -> Result<String> {
        Ok(match name {
            "early-0123456789ab.js" => "window.__tkTakePreloaded = () => 1 < 2;".into(),
            "widget-0123456789abcdef.css" => ".tk{color:red}".into(),
            "region-0123456789ab.css" => ".tk{--tk-accent:#123}".into(),
            other => bail!("no {other}"),
        })
    }

    #[test]
    fn stylesheets_and_the_early_script_go_inline_and_keep_their_file_names() {
        let out = inline(PAGE, &files).unwrap();
        assert!(out.contains("<script data-src=\"./early-0123456789ab.js\">window.__tkTakePreloaded = () => 1 < 2;</script>"));
        assert!(
            out.contains("<script type=\"module\" src=\"./loader-0123456789ab.js\"></script>"),
            "the loader stays a file"
        );
        assert!(out
            .contains("<style data-href=\"./widget-0123456789abcdef.css\">.tk{color:red}</style>"));
        assert!(out.contains(
            "<style data-href=\"./region-0123456789ab.css\">.tk{--tk-accent:#123}</style>"
        ));
        assert!(
            out.contains("href=\"https://elsewhere.example/x.css\""),
            "only the build's own files"
        );
        assert!(!out.contains("integrity"));
        let (scripts, styles) = hashes_in(&out).unwrap();
        assert_eq!(
            scripts,
            vec![hash_source("window.__tkTakePreloaded = () => 1 < 2;")]
        );
        assert_eq!(styles.len(), 2);
    }

    #[test]
    fn text_that_would_end_the_element_early_is_refused() {
        let bad = |name: &str| -> Result<String> {
            Ok(if name.ends_with(".css") {
                "a::after{content:'</style>'}".into()
            } else {
                "x".into()
            })
        };
        let err = inline(PAGE, &bad).unwrap_err().to_string();
        assert!(err.contains("widget-0123456789abcdef.css"), "{err}");
        let comment = |_: &str| -> Result<String> { Ok("if (a <!-- b) {}".into()) };
        assert!(inline(PAGE, &comment).is_err());
    }

    #[test]
    fn comments_go_strings_stay() {
        assert_eq!(
            css_without_comments("/* a */\n.a{content:\"/* b */\"}\n\n/* c\n d */.b{x:'\\'/*'}\n"),
            ".a{content:\"/* b */\"}\n.b{x:'\\'/*'}\n"
        );
        assert_eq!(
            js_without_comment_lines("// a\nconst u = \"http://x\"; // b\n  // c\nf();\n"),
            "const u = \"http://x\"; // b\nf();\n"
        );
    }

    #[test]
    fn the_hash_is_the_one_browsers_compute() {
        // The CSP specification's example: `alert('Hello, world.');`.
        assert_eq!(
            hash_source("alert('Hello, world.');"),
            "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
    }

    #[test]
    fn hashes_join_their_directives_once() {
        let csp = with_hashes(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
            &["'sha256-a'".into(), "'sha256-a'".into()],
            &["'sha256-b'".into()],
        )
        .unwrap();
        assert_eq!(
            csp,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a'; style-src 'self' 'sha256-b'"
        );
        assert!(with_hashes("default-src 'self'", &[], &[]).is_err());
    }
}
