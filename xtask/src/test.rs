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

pub fn run(e2e_only: bool) -> Result<()> {
    let sh = Shell::new()?;
    let root = crate::root();
    let _dir = sh.push_dir(&root);
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
        step("clippy (wasm: widget, editor)", || {
            Ok(cmd!(sh, "cargo clippy -p twente-kaart -p twente-kaart-editor --target wasm32-unknown-unknown --all-targets -- -D warnings").run()?)
        })?;
        step("unit tests (native: core, xtask)", || {
            Ok(cmd!(sh, "cargo test -p twente-kaart-core -p xtask").run()?)
        })?;
        // The editor natively, without its browser feature: its model and its tests.
        step("editor natively (model)", || {
            Ok(cmd!(
                sh,
                "cargo clippy -p twente-kaart-editor --no-default-features --all-targets -- -D warnings"
            )
            .run()
            .and_then(|()| {
                cmd!(
                    sh,
                    "cargo test -p twente-kaart-editor --no-default-features"
                )
                .run()
            })?)
        })?;
        // The widget crate natively with its `ssr` feature: the build-time prerender.
        step("widget natively (prerender)", || {
            Ok(cmd!(
                sh,
                "cargo clippy -p twente-kaart --no-default-features --features ssr --all-targets -- -D warnings"
            )
            .run()
            .and_then(|()| {
                cmd!(
                    sh,
                    "cargo test -p twente-kaart --no-default-features --features ssr"
                )
                .run()
            })?)
        })?;
        // The patched copy of Leptos's reactive graph (vendor/README.md): its own tests, upstream's and ours.
        // One test thread: upstream's effect tests share one executor, and in parallel
        // `effect_immediate::recursive_effect_runs_recursively` fails about 2 runs in 30 (0 in 30 serially).
        step("reactive graph fork (vendor/reactive_graph)", || {
            Ok(cmd!(
                sh,
                "cargo test --manifest-path vendor/reactive_graph/Cargo.toml --features effects --target-dir target/vendor -- --test-threads=1"
            )
            .run()?)
        })?;
        step(
            "browser tests (wasm-bindgen-test, headless Chromium and Firefox)",
            || {
                // The runner takes the first driver it finds on PATH unless told; each engine is named here.
                for (var, driver) in [
                    ("CHROMEDRIVER", "chromedriver"),
                    ("GECKODRIVER", "geckodriver"),
                ] {
                    let path = crate::setup::find(driver)
                        .with_context(|| format!("{driver} is not on PATH"))?;
                    cmd!(
                        sh,
                        "cargo test -p twente-kaart -p twente-kaart-editor --target wasm32-unknown-unknown"
                    )
                    .env(var, path)
                    .run()?;
                }
                Ok(())
            },
        )?;
        step("data check (every region)", || {
            for name in crate::region::all()? {
                crate::data::check(&crate::region::dir(&name))?;
            }
            Ok(())
        })?;
    }
    // One Trunk build; the default region's site in dist/, each other region's beside it for the e2e suite.
    step("release build (every region)", || {
        let compiled = crate::build::compile(&sh)?;
        crate::build::assemble(&compiled, crate::region::DEFAULT, &root.join("dist"))?;
        for name in crate::region::all()? {
            if name != crate::region::DEFAULT {
                crate::build::assemble(&compiled, &name, &root.join("target/regions").join(&name))?;
            }
        }
        Ok(())
    })?;
    step(
        "end-to-end tests (Chromium by playwright-core; WebKit and Firefox over WebDriver)",
        || {
            let _e2e = sh.push_dir(root.join("e2e"));
            Ok(cmd!(sh, "node --test --test-concurrency=1 tests/").run()?)
        },
    )?;
    eprintln!("\nall checks passed");
    Ok(())
}

/// `cargo xtask fuzz [--seconds N]`: see fuzz/README.md. Runs the cargo-fuzz targets `listings` and `gemeenten`
/// for N seconds each (libFuzzer on the stable toolchain with `RUSTC_BOOTSTRAP=1`), seeded from
/// tests/fixtures/bad/, regions/twente/ and fuzz/seeds/, and prints executions and crashes per target.
pub fn fuzz(seconds: u64) -> Result<()> {
    use std::io::BufRead;
    use std::process::{Command, Stdio};

    /// Files in `dir` whose names start with one of the artifact prefixes libFuzzer writes on a failure.
    fn failures(dir: &std::path::Path) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| {
                ["crash-", "oom-", "timeout-", "leak-"]
                    .iter()
                    .any(|p| n.starts_with(p))
            })
            .collect();
        names.sort();
        names
    }

    let root = crate::root();
    let fuzz_dir = root.join("fuzz");
    let has_cargo_fuzz = Command::new("cargo")
        .args(["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_cargo_fuzz {
        let sh = Shell::new()?;
        cmd!(sh, "cargo install cargo-fuzz --locked").run()?;
    }
    let targets = [
        ("listings", "listings-", "listings.json"),
        ("gemeenten", "gemeenten-", "gemeenten.geojson"),
    ];
    let mut summary = Vec::new();
    let mut found = Vec::new();
    for (target, prefix, real) in targets {
        // Seeds: the real file, the bad corpus and the committed seeds. The 5 MB fixture is left out (libFuzzer
        // would cut it to -max_len anyway).
        let corpus = fuzz_dir.join("corpus").join(target);
        std::fs::create_dir_all(&corpus)?;
        let mut seeds = vec![root.join("regions/twente").join(real)];
        for dir in [
            root.join("tests/fixtures/bad"),
            fuzz_dir.join("seeds").join(target),
        ] {
            for entry in
                std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?
            {
                let path = entry?.path();
                let name = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default();
                if name.starts_with(prefix) || dir.ends_with(target) {
                    seeds.push(path);
                }
            }
        }
        let mut copied = 0;
        for seed in &seeds {
            if std::fs::metadata(seed)?.len() <= 1 << 20 {
                let name = seed.file_name().and_then(|n| n.to_str()).unwrap_or("seed");
                std::fs::copy(seed, corpus.join(format!("seed-{name}")))?;
                copied += 1;
            }
        }
        let artifacts = fuzz_dir.join("artifacts").join(target);
        let before = failures(&artifacts);
        eprintln!("\n=== fuzz {target}: {seconds} s, {copied} seeds");
        let mut child = Command::new("cargo")
            .current_dir(&fuzz_dir)
            .env("RUSTC_BOOTSTRAP", "1")
            .args(["fuzz", "run", target])
            .arg(&corpus)
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-max_len=65536",
                "-timeout=10",
                "-rss_limit_mb=4096",
            ])
            .arg("-print_final_stats=1")
            .stderr(Stdio::piped())
            .spawn()
            .context("running cargo fuzz")?;
        // libFuzzer reports on stderr: echo the progress sparingly and keep the final statistics.
        let mut executions = None;
        let mut tail: Vec<String> = Vec::new();
        for line in std::io::BufReader::new(child.stderr.take().expect("piped")).lines() {
            let line = line?;
            if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
                executions = n.trim().parse::<u64>().ok();
            }
            if line.contains("pulse")
                || line.contains("DONE")
                || line.contains("ERROR")
                || line.contains("panicked")
            {
                eprintln!("{line}");
            }
            tail.push(line);
            if tail.len() > 40 {
                tail.remove(0);
            }
        }
        let status = child.wait()?;
        let new: Vec<String> = failures(&artifacts)
            .into_iter()
            .filter(|f| !before.contains(f))
            .collect();
        if !status.success() && new.is_empty() {
            eprintln!("{}", tail.join("\n"));
            anyhow::bail!(
                "cargo fuzz run {target} failed ({status}) without writing a crash artifact"
            );
        }
        let executions = executions.map_or_else(|| "?".to_string(), |n| n.to_string());
        summary.push(format!(
            "{target}: {executions} executions in {seconds} s, {} crashes",
            new.len()
        ));
        found.extend(
            new.into_iter()
                .map(|f| format!("fuzz/artifacts/{target}/{f}")),
        );
    }
    println!("\nfuzz results");
    for line in &summary {
        println!("  {line}");
    }
    if !found.is_empty() {
        println!("crash inputs (reproduce with `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run <target> <file>`):");
        for f in &found {
            println!("  {f}");
        }
        anyhow::bail!("the fuzzer found {} crash(es)", found.len());
    }
    Ok(())
}
