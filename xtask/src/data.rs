//! `cargo xtask data …`: check, boundaries, schema, import-csv, export-csv, rank.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use twente_kaart_core::dataset::parse_listings;
use twente_kaart_core::date::Date;
use twente_kaart_core::municipality::parse_municipalities;
use twente_kaart_core::validate::Severity;

pub fn run(args: &[String]) -> Result<()> {
    let rest = args.get(1..).unwrap_or_default();
    match args.first().map(String::as_str) {
        Some("check") => check(
            &rest
                .first()
                .map(PathBuf::from)
                .unwrap_or_else(|| crate::root().join("public/data")),
        ),
        Some("boundaries") => crate::boundaries::run(rest),
        Some("schema") => crate::schema::write_all(),
        Some("import-csv") => crate::csv::import(rest),
        Some("export-csv") => crate::csv::export(rest),
        Some("rank") => crate::rank::run(
            &rest
                .first()
                .map(PathBuf::from)
                .unwrap_or_else(|| crate::root().join("public/data")),
        ),
        _ => bail!("usage: cargo xtask data check|boundaries|schema|import-csv|export-csv|rank"),
    }
}

/// Today's date (UTC) for the expiry check, from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Date::new(year, month, day).unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// Counts of a check, for the closing line and the benchmark.
pub struct CheckReport {
    pub errors: usize,
    pub warnings: usize,
    pub items: usize,
}

/// Validates the municipality file and the listings in `dir`, printing every problem.
pub fn check_dir(dir: &Path, quiet: bool) -> Result<CheckReport> {
    let geo_path = dir.join("gemeenten.geojson");
    let listings_path = dir.join("listings.json");
    let mut errors = 0;
    let mut warnings = 0;
    let geo_bytes =
        std::fs::read(&geo_path).with_context(|| format!("reading {}", geo_path.display()))?;
    let map = match parse_municipalities("gemeenten.geojson", &geo_bytes) {
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
        "listings.json",
        &bytes,
        map.as_ref().map(|m| m.municipalities.as_slice()),
        Some(today()),
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
