//! `cargo xtask serve`: release build, then the static server (`e2e/server.mjs`: brotli/gzip like a CDN,
//! the strict CSP header partners are advised to use) on http://127.0.0.1:8080.

use anyhow::Result;
use xshell::{cmd, Shell};

pub fn run(port: u16, region: &str) -> Result<()> {
    let sh = Shell::new()?;
    crate::setup::build_tools(&sh)?;
    crate::build::release(&sh, region)?;
    let port = port.to_string();
    let root = crate::root();
    let dist = root.join("dist");
    let server = root.join("e2e/server.mjs");
    println!("{region} on http://127.0.0.1:{port}/ (kiosk: /kiosk.html, embed configurator: /embed.html, editor: /editor.html); Ctrl+C stops");
    cmd!(sh, "node {server} {dist} --port {port}").run()?;
    Ok(())
}
