//! `cargo xtask test`: every check, in the order that fails fastest. Installs what it needs first.

use anyhow::{Context, Result};
use std::time::Instant;
use xshell::{cmd, Shell};

fn step(name: &str, f: impl FnOnce() -> Result<()>) -> Result<()> {
    let start = Instant::now();
    eprintln!("\n=== {name}");
    f().with_context(|| format!("step failed: {name}"))?;
    eprintln!("=== {name}: ok ({:.1} s)", start.elapsed().as_secs_f64());
    Ok(())
}

pub fn run(args: &[String]) -> Result<()> {
    let sh = Shell::new()?;
    let root = crate::root();
    let _dir = sh.push_dir(&root);
    let e2e_only = args.iter().any(|a| a == "--e2e-only");
    step("setup (tools, browser)", || {
        crate::setup::build_tools(&sh)?;
        crate::setup::browser(&sh)
    })?;
    sh.set_var("PATH", crate::setup::tool_path()?);
    if !e2e_only {
        step("cargo fmt --check", || {
            Ok(cmd!(sh, "cargo fmt --all --check").run()?)
        })?;
        step("clippy (native: core, xtask)", || {
            Ok(cmd!(
                sh,
                "cargo clippy -p twente-kaart-core -p xtask --all-targets -- -D warnings"
            )
            .run()?)
        })?;
        step("clippy (wasm: widget)", || {
            Ok(cmd!(sh, "cargo clippy -p twente-kaart --target wasm32-unknown-unknown --all-targets -- -D warnings").run()?)
        })?;
        step("unit tests (native: core, xtask)", || {
            Ok(cmd!(sh, "cargo test -p twente-kaart-core -p xtask").run()?)
        })?;
        step(
            "browser tests (wasm-bindgen-test, headless Chromium)",
            || {
                Ok(cmd!(
                    sh,
                    "cargo test -p twente-kaart --target wasm32-unknown-unknown"
                )
                .run()?)
            },
        )?;
        step("data check (public/data)", || {
            crate::data::check(&root.join("public/data"))
        })?;
    }
    step("release build", || crate::build::release(&sh))?;
    step(
        "end-to-end tests (playwright-core, headless Chromium)",
        || {
            let _e2e = sh.push_dir(root.join("e2e"));
            Ok(cmd!(sh, "node --test --test-concurrency=1 tests/").run()?)
        },
    )?;
    eprintln!("\nall checks passed");
    Ok(())
}

/// `cargo xtask fuzz [--seconds N]`: see fuzz/README.md.
pub fn fuzz(args: &[String]) -> Result<()> {
    let seconds = args
        .iter()
        .position(|a| a == "--seconds")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| "60".into());
    let sh = Shell::new()?;
    let _dir = sh.push_dir(crate::root());
    cmd!(
        sh,
        "cargo run --release -p twente-kaart-fuzz -- --seconds {seconds}"
    )
    .run()?;
    Ok(())
}
