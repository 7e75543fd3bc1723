//! `cargo xtask data …`: check, boundaries, schema, import-csv, export-csv, rank.

use anyhow::{bail, Context, Result};
use std::path::Path;
use twente_kaart_core::dataset::parse_listings;
use twente_kaart_core::municipality::parse_municipalities;
use twente_kaart_core::validate::{Context as Checks, Severity};

/// The size of a file in the data folder `dir` (for the photo checks): `None` when there is none.
pub fn file_size_in(dir: &Path) -> impl Fn(&str) -> Option<u64> + '_ {
    move |src| std::fs::metadata(dir.join(src)).ok().map(|m| m.len())
}

/// Counts of a check, for the closing line and the benchmark.
pub struct CheckReport {
    pub errors: usize,
    pub warnings: usize,
    pub items: usize,
}

/// Validates the municipality file and the listings in `dir`, printing every problem.
pub fn check_dir(dir: &Path, quiet: bool) -> Result<CheckReport> {
    let geo_path = dir.join(twente_kaart_core::municipality::FILE);
    let listings_path = dir.join(twente_kaart_core::dataset::FILE);
    let mut errors = 0;
    let mut warnings = 0;
    let geo_bytes =
        std::fs::read(&geo_path).with_context(|| format!("reading {}", geo_path.display()))?;
    let map = match parse_municipalities(twente_kaart_core::municipality::FILE, &geo_bytes) {
        Ok(m) => Some(m),
        Err(e) => {
            println!("error: {e}");
            errors += 1;
            None
        }
    };
    let bytes = std::fs::read(&listings_path)
        .with_context(|| format!("reading {}", listings_path.display()))?;
    let mut items = 0;
    match parse_listings(
        twente_kaart_core::dataset::FILE,
        &bytes,
        Checks {
            map: map.as_ref().map(|m| m.municipalities.as_slice()),
            now: Some(crate::today::now()),
            file_size: Some(&file_size_in(dir)),
        },
    ) {
        Ok(parsed) => {
            items = parsed.items.len();
            for p in &parsed.problems {
                match p.severity() {
                    Severity::Error => {
                        errors += 1;
                        if !quiet || errors <= 20 {
                            println!("error: {p}");
                        }
                    }
                    Severity::Warning => {
                        warnings += 1;
                        if !quiet {
                            println!("warning: {p}");
                        }
                    }
                }
            }
        }
        Err(e) => {
            println!("error: {e}");
            errors += 1;
        }
    }
    Ok(CheckReport {
        errors,
        warnings,
        items,
    })
}

pub fn check(dir: &Path) -> Result<()> {
    let r = check_dir(dir, false)?;
    println!(
        "data check: {} items shown, {} errors, {} warnings ({})",
        r.items,
        r.errors,
        r.warnings,
        dir.display()
    );
    if r.errors > 0 {
        bail!("{} errors in {}", r.errors, dir.display());
    }
    Ok(())
}
