//! `cargo xtask bench`: see `e2e/bench/`. Builds the release widget and runs the Node harness.

use anyhow::Result;
use xshell::{cmd, Shell};

pub fn run(args: &[String]) -> Result<()> {
    let sh = Shell::new()?;
    crate::setup::build_tools(&sh)?;
    crate::setup::browser(&sh)?;
    crate::build::release(&sh, crate::region::DEFAULT)?;
    sh.set_var("PATH", crate::setup::tool_path()?);
    let _dir = sh.push_dir(crate::root().join("e2e"));
    cmd!(sh, "node bench/run.mjs {args...}").run()?;
    Ok(())
}
