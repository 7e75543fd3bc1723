//! `cargo xtask build`: the release build in `dist/` — Trunk, then the post-build steps (external loader for
//! a strict CSP, prerendered map, Atom feed, kiosk and editor entries).

use anyhow::Result;
use xshell::{cmd, Shell};

pub fn run(_args: &[String]) -> Result<()> {
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
    Ok(())
}
