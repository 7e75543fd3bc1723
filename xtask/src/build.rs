//! `cargo xtask build [--region <name>]`: a region's release build in `dist/` — Trunk (the same for every
//! region), then the region's data and the post-build steps (external loader for a strict CSP, prerendered map,
//! titles, Atom feed, calendars, kiosk and editor entries), then the deployment kit (precompressed files,
//! `_headers`).

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use xshell::{cmd, Shell};

/// `cargo xtask build [--region <name> | --all] [--out <dir>]`: one region (`Some`), or every region (`None`),
/// each in its own folder of `out` beside an index page.
pub fn run(region: Option<String>, out: Option<PathBuf>) -> Result<()> {
    let sh = Shell::new()?;
    crate::setup::build_tools(&sh)?;
    let out = out.unwrap_or_else(|| crate::root().join("dist"));
    let compiled = compile(&sh)?;
    let Some(region) = region else {
        if out.exists() {
            std::fs::remove_dir_all(&out).with_context(|| format!("emptying {}", out.display()))?;
        }
        let mut regions = Vec::new();
        for name in crate::region::all()? {
            assemble(&compiled, &name, &out.join(&name))?;
            regions.push((name.clone(), crate::region::load(&name)?.name));
        }
        std::fs::write(out.join("index.html"), index_page(&regions))?;
        println!(
            "release builds of {} regions in {}",
            regions.len(),
            out.display()
        );
        return Ok(());
    };
    assemble(&compiled, &region, &out)?;
    println!("release build of {region} in {}", out.display());
    Ok(())
}

/// The page at the root of a site with every region: a link to each (folder, name).
fn index_page(regions: &[(String, String)]) -> String {
    let mut items = String::new();
    for (folder, name) in regions {
        items.push_str(&format!(
            "    <li><a href=\"./{folder}/\">{}</a> · <a href=\"./{folder}/embed.html\">insluiten</a></li>\n",
            twente_kaart_core::html::escape(name)
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n  <meta charset=\"utf-8\">\n  \
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <title>Kaarten per regio</title>\n\
         </head>\n<body>\n  <h1>Kaarten per regio</h1>\n  <ul>\n{items}  </ul>\n</body>\n</html>\n"
    )
}

/// Builds `dist/` for `region` (tools must be installed).
pub fn release(sh: &Shell, region: &str) -> Result<()> {
    let compiled = compile(sh)?;
    assemble(&compiled, region, &crate::root().join("dist"))
}

/// What Trunk made, the same for every region: the widget's folder and the editor's.
pub struct Compiled {
    widget: PathBuf,
    editor: PathBuf,
}

/// The region-independent part: Trunk builds the widget and the editor (tools must be installed).
pub fn compile(sh: &Shell) -> Result<Compiled> {
    let root = crate::root();
    let _dir = sh.push_dir(&root);
    sh.set_var("PATH", crate::setup::tool_path()?);
    // Offline: Trunk never downloads tools, and cargo uses what `cargo fetch` brought.
    cmd!(sh, "cargo fetch --target wasm32-unknown-unknown")
        .quiet()
        .run()?;
    let widget = root.join("target/widget-dist");
    cmd!(sh, "trunk build --release --offline --dist {widget}")
        .env("TRUNK_OFFLINE", "true")
        .env("CARGO_ENCODED_RUSTFLAGS", relative_paths_rustflags(&root))
        .run()?;
    let editor = root.join("target/editor-dist");
    cmd!(
        sh,
        "trunk build editor.html --release --offline --dist {editor}"
    )
    .env("TRUNK_OFFLINE", "true")
    .env("CARGO_ENCODED_RUSTFLAGS", relative_paths_rustflags(&root))
    .run()?;
    Ok(Compiled { widget, editor })
}

/// One region's site in `out` (emptied first): the compiled widget, the region's data folder as `data/`, the
/// post-build steps on that data, the editor, and last the deployment kit, so its precompressed copies and
/// headers cover every file.
pub fn assemble(compiled: &Compiled, name: &str, out: &Path) -> Result<()> {
    let region = crate::region::load(name)?;
    let data = crate::region::dir(name);
    if out.exists() {
        std::fs::remove_dir_all(out).with_context(|| format!("emptying {}", out.display()))?;
    }
    copy_dir(&compiled.widget, out, &|_| true)?;
    // region.json is the build's input; the widget reads what the build made of it.
    copy_dir(&data, &out.join("data"), &|rel| {
        rel != Path::new("region.json")
    })?;
    let meta = crate::postbuild::run(out, &data, &region)?;
    editor(&compiled.editor, out, &meta)?;
    crate::deploy_kit::run(out)?;
    Ok(())
}

/// Copies the files of `from` whose path (relative to `from`) passes `keep` into `to`, folders included.
fn copy_dir(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result<()> {
    for rel in crate::dist::files(from)? {
        let rel = Path::new(&rel);
        if !keep(rel) {
            continue;
        }
        let target = to.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(from.join(rel), &target)
            .with_context(|| format!("copying {}", from.join(rel).display()))?;
    }
    Ok(())
}

/// Rust flags for the wasm builds (`CARGO_ENCODED_RUSTFLAGS`, so a path with a space stays one flag): source paths
/// in the wasm (its panic locations) relative to the project and to the registry (`tachys-0.2.19/src/…`, not
/// `/root/.cargo/registry/src/index.crates.io-…/tachys-0.2.19/src/…`), so the build machine's directories are not
/// in every visitor's download, the same sources give the same wasm on any machine, and it is smaller. Keeps the
/// flags already set.
fn relative_paths_rustflags(root: &std::path::Path) -> String {
    let mut flags: Vec<String> = match std::env::var("CARGO_ENCODED_RUSTFLAGS") {
        Ok(encoded) => encoded.split('\x1f').map(str::to_string).collect(),
        Err(_) => std::env::var("RUSTFLAGS")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect(),
    };
    flags.retain(|f| !f.is_empty());
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".cargo")));
    let registries = cargo_home
        .and_then(|home| std::fs::read_dir(home.join("registry/src")).ok())
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path());
    for dir in registries.chain([root.to_path_buf()]) {
        flags.push(format!("--remap-path-prefix={}/=", dir.display()));
    }
    flags.join("\x1f")
}

/// The data editor (`editor.html`, its own wasm), built by Trunk into its own folder (Trunk empties its dist, so
/// not `out` itself), copied into `out` with its page renamed to `editor.html`, titled for the region, and given
/// the same external loader for the strict CSP. It comes after the service worker's asset list is made, so the
/// kiosk never caches the editor.
fn editor(compiled: &Path, out: &Path, meta: &twente_kaart_core::Meta) -> Result<()> {
    let mut page = None;
    for entry in std::fs::read_dir(compiled)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !path.is_file() {
            continue;
        }
        if name == "index.html" || name == "editor.html" {
            page = Some(std::fs::read_to_string(&path)?);
        } else {
            std::fs::copy(&path, out.join(name))?;
        }
    }
    let html = page.context("Trunk wrote no page for editor.html")?;
    let html = crate::postbuild::externalise_loader(&html, out)?;
    let html = crate::region_pages::editor_page(&html, meta)?;
    std::fs::write(out.join("editor.html"), html)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_index_links_every_region_by_its_name() {
        let page = super::index_page(&[
            ("drenthe".into(), "Drenthe".into()),
            ("twente".into(), "Twente & <co>".into()),
        ]);
        assert!(page.contains("<a href=\"./drenthe/\">Drenthe</a>"));
        assert!(page.contains(">Twente &amp; &lt;co&gt;</a>"));
        assert!(!page.contains("<script") && !page.contains("style="));
    }
}
