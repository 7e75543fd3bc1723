//! `cargo xtask build`: the release build in `dist/` — Trunk, then the post-build steps (external loader for
//! a strict CSP, prerendered map, Atom feed, kiosk and editor entries), then the deployment kit (precompressed
//! files, `_headers`).

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
        .env("CARGO_ENCODED_RUSTFLAGS", relative_paths_rustflags(&root))
        .run()?;
    crate::postbuild::run(&root.join("dist"), &root.join("public/data"))?;
    editor(sh, &root)?;
    // Last, so the precompressed copies and the headers cover every file, the editor's too.
    crate::deploy_kit::run(&root.join("dist"))?;
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
    .env("CARGO_ENCODED_RUSTFLAGS", relative_paths_rustflags(root))
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
