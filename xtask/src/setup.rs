//! Installs what the build and the tests need, each step skipped when the right version is already there.
//! Versions follow the tested recipe: wasm-bindgen-cli exactly as in Cargo.lock, trunk 0.21.14, wasm-opt
//! from npm `binaryen@132` (Debian's binaryen breaks wasm-bindgen output), Debian's chromium + driver, and
//! for the other engines Debian's WebKitGTK driver (under xvfb) and Firefox ESR with geckodriver from crates.io.

use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use xshell::{cmd, Shell};

pub const TRUNK_VERSION: &str = "0.21.14";
/// geckodriver 0.36+ speaks to Firefox 128+ (Debian's ESR is 140).
pub const GECKODRIVER_VERSION: &str = "0.37.1";

pub fn run(with_browser: bool) -> Result<()> {
    let sh = Shell::new()?;
    build_tools(&sh)?;
    if with_browser {
        browser(&sh)?;
    }
    Ok(())
}

/// The wasm-bindgen version in Cargo.lock (the CLI must match it exactly).
pub fn wasm_bindgen_version() -> Result<String> {
    let lock =
        std::fs::read_to_string(crate::root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    bail!("wasm-bindgen not found in Cargo.lock")
}

fn version_of(sh: &Shell, program: &str) -> Option<String> {
    cmd!(sh, "{program} --version")
        .quiet()
        .ignore_stderr()
        .read()
        .ok()
}

/// `e2e/node_modules/.bin` (wasm-opt, playwright) first on PATH, for Trunk and the tests.
pub fn tool_path() -> Result<String> {
    let bin = crate::root().join("e2e/node_modules/.bin");
    let cargo_bin = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo")
        });
    Ok(format!(
        "{}:{}:{}",
        bin.display(),
        cargo_bin.join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    ))
}

pub fn build_tools(sh: &Shell) -> Result<()> {
    sh.set_var("PATH", tool_path()?);
    let targets = cmd!(sh, "rustup target list --installed")
        .quiet()
        .read()
        .unwrap_or_default();
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        eprintln!("setup: adding the wasm32-unknown-unknown target");
        cmd!(sh, "rustup target add wasm32-unknown-unknown").run()?;
    }
    if !version_of(sh, "trunk").is_some_and(|v| v.contains(TRUNK_VERSION)) {
        eprintln!("setup: installing trunk {TRUNK_VERSION} (about 7 minutes, once)");
        cmd!(sh, "cargo install trunk --version {TRUNK_VERSION} --locked").run()?;
    }
    let wb = wasm_bindgen_version()?;
    let have = |p: &str| version_of(sh, p).is_some_and(|v| v.split_whitespace().any(|w| w == wb));
    if !have("wasm-bindgen") || !have("wasm-bindgen-test-runner") {
        eprintln!("setup: installing wasm-bindgen-cli {wb} (about 2 minutes, once)");
        // Without --locked: its lockfile pins a crate version the registry does not serve.
        cmd!(sh, "cargo install wasm-bindgen-cli --version {wb} --force").run()?;
    }
    npm_tools(sh)?;
    Ok(())
}

/// binaryen (wasm-opt), playwright-core, axe-core, jsqr and selenium-webdriver, pinned in e2e/package-lock.json.
pub fn npm_tools(sh: &Shell) -> Result<()> {
    require_major(
        sh,
        "node",
        NODE_MAJOR,
        "Node.js (the test harness and the build's npm tools)",
    )?;
    let e2e = crate::root().join("e2e");
    let opt = e2e.join("node_modules/.bin/wasm-opt");
    let axe = e2e.join("node_modules/axe-core/axe.min.js");
    let pw = e2e.join("node_modules/playwright-core/package.json");
    let jsqr = e2e.join("node_modules/jsqr/package.json");
    let selenium = e2e.join("node_modules/selenium-webdriver/package.json");
    if !(opt.exists() && axe.exists() && pw.exists() && jsqr.exists() && selenium.exists()) {
        eprintln!(
            "setup: npm ci in e2e/ (wasm-opt, playwright-core, axe-core, jsqr, selenium-webdriver)"
        );
        let _dir = sh.push_dir(&e2e);
        cmd!(sh, "npm ci --no-audit --no-fund").run()?;
    }
    Ok(())
}

/// The oldest Node.js major version the harness runs on (node:test, fetch, the npm lock file's format).
const NODE_MAJOR: u32 = 20;
/// The oldest Chromium major version the tests are written for (container queries, `:has`, CSS nesting).
const CHROMIUM_MAJOR: u32 = 120;

/// Fails with a clear message when `program`'s major version (from `program --version`) is below `min`.
fn require_major(sh: &Shell, program: &str, min: u32, what: &str) -> Result<()> {
    let version = version_of(sh, program).with_context(|| {
        format!("{what}: `{program}` is not installed (version {min} or newer is needed)")
    })?;
    let major = version
        .split(|c: char| !c.is_ascii_digit())
        .find(|p| !p.is_empty())
        .and_then(|p| p.parse::<u32>().ok())
        .with_context(|| {
            format!("{what}: cannot read a version from `{program} --version`: {version}")
        })?;
    if major < min {
        bail!("{what}: `{program}` is version {version}; version {min} or newer is needed");
    }
    Ok(())
}

/// Debian's packages `packages`, installed (as root) when one of `programs` is missing.
fn debian_packages(sh: &Shell, programs: &[&str], packages: &[&str]) -> Result<()> {
    if programs.iter().all(|p| which(p)) {
        return Ok(());
    }
    let uid = cmd!(sh, "id -u").quiet().read().unwrap_or_default();
    if uid.trim() != "0" {
        bail!(
            "{} missing: install Debian's {} (as root)",
            programs.join(", "),
            packages.join(" ")
        );
    }
    eprintln!("setup: installing Debian's {}", packages.join(" "));
    cmd!(sh, "apt-get update -q").run()?;
    // With the recommended packages, as before: Chromium's fonts among them, which the layout tests measure.
    cmd!(sh, "apt-get install -y -q {packages...}")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .run()?;
    Ok(())
}

/// Where `program` is on PATH.
pub fn find(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// Whether `program` is on PATH (some, like WebKitWebDriver, have no `--version`).
fn which(program: &str) -> bool {
    find(program).is_some()
}

/// The browsers of the tests: Debian's chromium and chromedriver (checked for the version the tests are
/// written for), WebKitGTK's WebDriver with xvfb, Firefox ESR and geckodriver.
pub fn browser(sh: &Shell) -> Result<()> {
    sh.set_var("PATH", tool_path()?);
    debian_packages(
        sh,
        &["chromium", "chromedriver"],
        &["chromium", "chromium-driver"],
    )?;
    require_major(
        sh,
        "chromium",
        CHROMIUM_MAJOR,
        "the browser the tests launch",
    )?;
    debian_packages(
        sh,
        &["WebKitWebDriver", "xvfb-run", "firefox-esr"],
        &["webkit2gtk-driver", "xvfb", "xauth", "firefox-esr"],
    )?;
    if !version_of(sh, "geckodriver").is_some_and(|v| v.contains(GECKODRIVER_VERSION)) {
        eprintln!("setup: installing geckodriver {GECKODRIVER_VERSION} (about 2 minutes, once)");
        cmd!(
            sh,
            "cargo install geckodriver --version {GECKODRIVER_VERSION} --locked"
        )
        .run()?;
    }
    Ok(())
}
