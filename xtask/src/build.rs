//! `cargo xtask build`: the release build in `dist/` — Trunk, then the post-build steps (external loader for
//! a strict CSP, prerendered map, Atom feed, kiosk and editor entries).

use anyhow::{Context, Result};
use xshell::{cmd, Shell};

pub fn run() -> Result<()> {
    let sh = Shell::new()?;
    crate::setup::build_tools(&sh)?;
    release(&sh)?;
    println!("release build in {}", crate::root().join("dist").display());
    Ok(())
}

/// Builds `dist/` (tools must be installed).
pub fn release(sh: &Shell) -> Result<()> {
    let root = crate::root();
    let _dir = sh.push_dir(&root);
    sh.set_var("PATH", crate::setup::tool_path()?);
    // Offline: Trunk never downloads tools, and cargo uses what `cargo fetch` brought.
    cmd!(sh, "cargo fetch --target wasm32-unknown-unknown")
        .quiet()
        .run()?;
    cmd!(sh, "trunk build --release --offline")
        .env("TRUNK_OFFLINE", "true")
        .run()?;
    crate::postbuild::run(&root.join("dist"), &root.join("public/data"))?;
    editor(sh, &root)?;
    Ok(())
}

/// The data editor (`editor.html`, its own wasm): built by Trunk into `target/editor-dist` (Trunk empties
/// its dist, so not `dist/` itself), copied into `dist/` with its page renamed to `editor.html`, and given
/// the same external loader for the strict CSP. It runs after the service worker's asset list is made, so
/// the kiosk never caches the editor.
fn editor(sh: &Shell, root: &std::path::Path) -> Result<()> {
    let out = root.join("target/editor-dist");
    cmd!(
        sh,
        "trunk build editor.html --release --offline --dist {out}"
    )
    .env("TRUNK_OFFLINE", "true")
    .run()?;
    let dist = root.join("dist");
    let mut page = None;
    for entry in std::fs::read_dir(&out)? {
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
            std::fs::copy(&path, dist.join(name))?;
        }
    }
    let html = page.context("Trunk wrote no page for editor.html")?;
    let html = crate::postbuild::externalise_loader(&html, &dist)?;
    std::fs::write(dist.join("editor.html"), html)?;
    Ok(())
}
