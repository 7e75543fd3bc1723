//! The deployment kit, the last step of `cargo xtask build`: what a host needs beside the files themselves.
//! - `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) next to every text asset and the wasm, so
//!   nginx's `brotli_static`/`gzip_static`, Caddy's `precompressed` or a CDN serve the smallest form without
//!   compressing on every request (and without the CPU a quality-11 brotli of the wasm takes).
//! - `_headers` (Netlify, Cloudflare Pages): the documented CSP, with the hashes of this build's inline
//!   stylesheet and early script (`inline_assets`), on every file; long immutable caching for the
//!   content-hashed files and short caching for the data, `embed.js` and the pages.
//! - `nginx-csp.conf`: that CSP as an nginx `add_header` line, for the README's nginx rules to `include`.
//!
//! The same rules are written for nginx by [`nginx`]; the README shows that text, and a test keeps the two equal.

use anyhow::Result;
use std::io::Write;
use std::path::Path;

/// The Content-Security-Policy the widget works under (the README's), before the build adds the hashes of its
/// pages' inline stylesheet and early script to `script-src` and `style-src` ([`crate::inline_assets::csp`]).
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; base-uri 'none'; object-src 'none'";

/// Extensions compressed ahead of time: everything a browser downloads that is not already compressed
/// (PNG and JPEG are).
const COMPRESSED: [&str; 11] = [
    "html",
    "js",
    "css",
    "wasm",
    "json",
    "geojson",
    "xml",
    "ics",
    "svg",
    "webmanifest",
    "txt",
];

/// Smaller files gain less from compression than a response's headers cost; hosts skip them too.
const MIN_BYTES: usize = 256;

/// How long a browser or CDN may keep a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caching {
    /// A content-hashed name: a new build gives new names, so the old file never changes.
    Immutable,
    /// Data, feeds, calendars and `embed.js`: a change goes live within five minutes.
    Short,
    /// Pages and the service worker: asked again every time (a cheap 304), so a visitor never gets a page that
    /// names hashed files an atomic deploy has removed.
    Revalidate,
}

impl Caching {
    pub fn header(self) -> &'static str {
        match self {
            Caching::Immutable => "public, max-age=31536000, immutable",
            Caching::Short => "public, max-age=300",
            Caching::Revalidate => "no-cache",
        }
    }
}

/// Whether a file name carries a content hash: `<stem>-<12 to 16 hex digits>[_bg].<ext>`, as Trunk
/// (`twente-kaart-<hash>_bg.wasm`, `style-<hash>.css`) and the post-build steps (`loader-`, `early-`,
/// `panels-<hash>`) write them.
pub fn is_hashed(name: &str) -> bool {
    let Some((stem, _ext)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    (12..=16).contains(&hash.len())
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The caching of a file, by its path relative to `dist/` (`/` separated).
pub fn caching(rel: &str) -> Caching {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if !rel.contains('/') && is_hashed(name) {
        Caching::Immutable
    } else if name.ends_with(".html") || name == "sw.js" {
        Caching::Revalidate
    } else {
        Caching::Short
    }
}

/// Whether `rel` is a precompressed copy (which hosts serve in place of the original, never by its name).
fn is_precompressed(rel: &str) -> bool {
    rel.ends_with(".br") || rel.ends_with(".gz")
}

/// The `_headers` file for the files of a build: the security headers on `/*`, and one `Cache-Control` per
/// file (Netlify and Cloudflare join the values of every rule that matches a path, so no cache header is on
/// `/*`, and a folder whose files all cache alike gets one `/<folder>/*` rule).
pub fn headers_file(files: &[String], csp: &str) -> String {
    let mut out = String::from(
        "# Response headers for Netlify and Cloudflare Pages, written by `cargo xtask build`.\n\
         # The same rules for nginx are in the README (\"Hosting it\").\n\
         /*\n",
    );
    out.push_str(&format!("  Content-Security-Policy: {csp}\n"));
    out.push_str("  X-Content-Type-Options: nosniff\n");
    let served: Vec<&String> = files
        .iter()
        .filter(|f| !is_precompressed(f) && f.as_str() != "_headers")
        .collect();
    let mut rules: Vec<(String, Caching)> = Vec::new();
    let mut folders: Vec<&str> = served
        .iter()
        .filter_map(|f| f.split_once('/').map(|(dir, _)| dir))
        .collect();
    folders.dedup();
    for folder in &folders {
        let inside: Vec<Caching> = served
            .iter()
            .filter(|f| f.starts_with(&format!("{folder}/")))
            .map(|f| caching(f))
            .collect();
        if inside.iter().all(|c| *c == inside[0]) {
            rules.push((format!("/{folder}/*"), inside[0]));
        }
    }
    for file in &served {
        let covered = file
            .split_once('/')
            .is_some_and(|(dir, _)| rules.iter().any(|(p, _)| *p == format!("/{dir}/*")));
        if !covered {
            rules.push((format!("/{file}"), caching(file)));
        }
        if file.as_str() == "index.html" {
            rules.push(("/".into(), caching(file)));
        }
    }
    rules.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, cache) in rules {
        out.push_str(&format!("{path}\n  Cache-Control: {}\n", cache.header()));
    }
    out
}

/// The same rules for nginx (lines for a `server` block whose `root` is the build's folder, also under a
/// sub-path: regex locations are tried in order, before the `/` prefix). Shown in the README, which a test keeps
/// equal to this; the build itself does not need it.
#[cfg(test)]
pub fn nginx() -> String {
    let security = format!(
        "    include {NGINX_ROOT}/{NGINX_CSP};\n    \
         add_header X-Content-Type-Options nosniff always;\n"
    );
    // add_header in a location replaces the server's, so each location repeats the security headers.
    let location = |pattern: &str, caching: Caching| {
        format!(
            "location {pattern} {{\n{security}    add_header Cache-Control \"{}\" always;\n}}\n",
            caching.header()
        )
    };
    let mut out = String::from(
        "# twente-kaart: serve dist/ with its precompressed files and headers (written by cargo xtask build).\n\
         # brotli_static needs the ngx_brotli module; without it, delete that line (gzip_static is built in).\n\
         # nginx's mime.types has wasm; add `application/geo+json geojson;` and `text/calendar ics;` to it (a\n\
         # types block here would replace the whole file).\n\
         # nginx-csp.conf is this release's CSP (/var/www/kaart: where dist/ is): reload nginx after each\n\
         # deploy (`nginx -s reload`); until then the pages load their inline style and script as files.\n\
         brotli_static on;\n\
         gzip_static on;\n",
    );
    out.push_str(&location("/", Caching::Short));
    out.push_str(&location(
        "~ \"-[0-9a-f]{12,16}(_bg)?\\.(js|css|wasm|html)$\"",
        Caching::Immutable,
    ));
    out.push_str(&location(
        "~ \"(\\.html|/|/sw\\.js)$\"",
        Caching::Revalidate,
    ));
    out
}

/// The file with the build's CSP for nginx, beside the pages.
pub const NGINX_CSP: &str = "nginx-csp.conf";

/// Where the README's nginx rules say `dist/` is on the server.
#[cfg(test)]
const NGINX_ROOT: &str = "/var/www/kaart";

/// `nginx-csp.conf`: the build's CSP as an nginx directive.
fn nginx_csp(csp: &str) -> String {
    format!(
        "# The Content-Security-Policy of this build (written by cargo xtask build): it lists the hashes of the\n\
         # pages' inline stylesheet and early script, which change with a release.\n\
         add_header Content-Security-Policy \"{csp}\" always;\n"
    )
}

/// Writes `<file>.br` and `<file>.gz` next to each of the build's `files` worth compressing; returns how many
/// files and the bytes before and after brotli.
pub fn precompress(dist: &Path, files: &[String]) -> Result<(usize, u64, u64)> {
    let (mut count, mut raw, mut brotli_bytes) = (0, 0, 0);
    for rel in files {
        let ext = rel.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        if is_precompressed(rel) || !COMPRESSED.contains(&ext) {
            continue;
        }
        let path = dist.join(rel);
        let body = std::fs::read(&path)?;
        if body.len() < MIN_BYTES {
            continue;
        }
        let br = brotli_11(&body)?;
        let gz = gzip_9(&body)?;
        std::fs::write(with_suffix(&path, "br"), &br)?;
        std::fs::write(with_suffix(&path, "gz"), &gz)?;
        count += 1;
        raw += body.len() as u64;
        brotli_bytes += br.len() as u64;
    }
    Ok((count, raw, brotli_bytes))
}

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    name.into()
}

fn brotli_11(body: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &body[..], &mut out, &params)?;
    Ok(out)
}

fn gzip_9(body: &[u8]) -> Result<Vec<u8>> {
    // No file name and a zero time in the header: the same input gives the same bytes.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(body)?;
    Ok(encoder.finish()?)
}

/// The kit for the build in `dist`.
pub fn run(dist: &Path) -> Result<()> {
    let csp = crate::inline_assets::csp(dist, CSP)?;
    std::fs::write(dist.join(NGINX_CSP), nginx_csp(&csp))?;
    let listed = crate::dist::files(dist)?;
    std::fs::write(dist.join("_headers"), headers_file(&listed, &csp))?;
    let (count, raw, br) = precompress(dist, &listed)?;
    println!(
        "deployment kit: _headers, .br and .gz for {count} files ({} KB, {} KB as brotli)",
        raw / 1000,
        br / 1000
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn hashed_names_are_the_builds_own() {
        for name in [
            "twente-kaart-3f9a1c2b4d5e6f70_bg.wasm",
            "twente-kaart-3f9a1c2b4d5e6f70.js",
            "style-0123456789abcdef.css",
            "loader-0123456789ab.js",
            "panels-0123456789ab.html",
        ] {
            assert!(is_hashed(name), "{name}");
        }
        for name in [
            "embed.js",
            "sw.js",
            "index.html",
            "twente-kaart.js",
            "style-0123456789AB.css",
            "x-0123456789a.js",
            "gemeenten.geojson",
        ] {
            assert!(!is_hashed(name), "{name}");
        }
    }

    #[test]
    fn pages_revalidate_data_is_short_hashed_files_are_immutable() {
        assert_eq!(caching("index.html"), Caching::Revalidate);
        assert_eq!(caching("kiosk.html"), Caching::Revalidate);
        assert_eq!(caching("sw.js"), Caching::Revalidate);
        assert_eq!(caching("panels-0123456789ab.html"), Caching::Immutable);
        assert_eq!(caching("style-0123456789abcdef.css"), Caching::Immutable);
        assert_eq!(caching("embed.js"), Caching::Short);
        assert_eq!(caching("data/listings.json"), Caching::Short);
        assert_eq!(caching("feed.xml"), Caching::Short);
        assert_eq!(caching("agenda/lovah.ics"), Caching::Short);
    }

    /// The `Cache-Control` values a Netlify-style `_headers` gives `path`: every rule whose pattern matches.
    fn cache_headers(file: &str, path: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut current: Option<String> = None;
        for line in file.lines().filter(|l| !l.starts_with('#')) {
            if let Some(header) = line.strip_prefix("  ") {
                if let (Some(p), Some(value)) = (&current, header.strip_prefix("Cache-Control: ")) {
                    let matches = match p.strip_suffix('*') {
                        Some(prefix) => path.starts_with(prefix),
                        None => p == path,
                    };
                    if matches {
                        out.push(value.to_string());
                    }
                }
            } else {
                current = Some(line.to_string());
            }
        }
        out
    }

    #[test]
    fn every_file_gets_one_cache_rule_and_every_file_the_csp() {
        let files: Vec<String> = [
            "index.html",
            "kiosk.html",
            "sw.js",
            "embed.js",
            "style-0123456789abcdef.css",
            "twente-kaart-0123456789abcdef_bg.wasm",
            "data/listings.json",
            "data/img/a.svg",
            "agenda.ics",
            "agenda/a.ics",
            "index.html.br",
        ]
        .map(String::from)
        .to_vec();
        let text = headers_file(&files, "default-src 'self'");
        assert!(text.contains("/*\n  Content-Security-Policy: default-src 'self'\n"));
        for (path, want) in [
            ("/", "no-cache"),
            ("/index.html", "no-cache"),
            ("/sw.js", "no-cache"),
            ("/embed.js", "public, max-age=300"),
            ("/data/listings.json", "public, max-age=300"),
            ("/data/img/a.svg", "public, max-age=300"),
            ("/agenda/a.ics", "public, max-age=300"),
            (
                "/twente-kaart-0123456789abcdef_bg.wasm",
                "public, max-age=31536000, immutable",
            ),
        ] {
            assert_eq!(cache_headers(&text, path), vec![want.to_string()], "{path}");
        }
        assert!(text.contains("/data/*\n"), "one rule for the data folder");
        assert!(!text.contains(".br"), "precompressed copies need no rule");
    }

    #[test]
    fn precompressed_files_decompress_to_the_original() {
        let dist = std::env::temp_dir().join(format!("tk-kit-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("data")).unwrap();
        let body = "{\"gemeente\":\"Enschede\"}\n".repeat(100);
        std::fs::write(dist.join("data/listings.json"), &body).unwrap();
        std::fs::write(dist.join("tiny.js"), "x").unwrap();
        std::fs::write(dist.join("icon.png"), body.as_bytes()).unwrap();
        let (count, raw, br) = precompress(&dist, &crate::dist::files(&dist).unwrap()).unwrap();
        assert_eq!((count, raw), (1, body.len() as u64));
        assert!(br < raw / 10, "brotli {br} of {raw} bytes");
        let mut plain = Vec::new();
        brotli::BrotliDecompress(
            &mut std::fs::File::open(dist.join("data/listings.json.br")).unwrap(),
            &mut plain,
        )
        .unwrap();
        assert_eq!(plain, body.as_bytes());
        let mut plain = String::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(dist.join("data/listings.json.gz")).unwrap(),
        )
        .read_to_string(&mut plain)
        .unwrap();
        assert_eq!(plain, body);
        assert!(!dist.join("tiny.js.br").exists() && !dist.join("icon.png.br").exists());
        std::fs::remove_dir_all(&dist).ok();
    }

    #[test]
    fn the_readme_shows_the_nginx_rules_the_build_writes() {
        let readme = std::fs::read_to_string(crate::root().join("README.md")).unwrap();
        assert!(
            readme.contains(&nginx()),
            "README.md's nginx block differs from deploy_kit::nginx():\n{}",
            nginx()
        );
    }
}
