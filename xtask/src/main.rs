//! Dev commands of twente-kaart (the cargo-xtask pattern): `cargo xtask <command>`.
//!
//! Each command installs what it needs on a fresh machine (see `setup`), so the README's two commands,
//! `cargo xtask serve` and `cargo xtask test`, work on their own.

mod bench;
mod boundaries;
mod build;
mod csv;
mod data;
mod feed;
mod postbuild;
mod rank;
mod schema;
mod serve;
mod setup;
mod test;
mod today;

use anyhow::{bail, Result};
use std::path::PathBuf;

const USAGE: &str = "\
usage: cargo xtask <command>

  serve                      build the release widget and serve it on http://127.0.0.1:8080
  build                      release build into dist/ (what a partner deploys)
  test                       every check: fmt, clippy, unit, browser (wasm), data, end-to-end
  bench                      measure size, load and interaction times against the budgets
  fuzz [--seconds N]         fuzz the data parser and validator
  data check [DIR]           validate the data files (default public/data)
  data boundaries IN.geojson [--codes GM0141,…] [--context] [--budget BYTES] [--out FILE]
                             build the municipality file from a CBS/PDOK GeoJSON
  data schema                regenerate the JSON Schemas under public/schema/
  data import-csv IN.csv [--out FILE]   vacancies from a spreadsheet into listings.json
  data export-csv [--out FILE]          listings.json to a spreadsheet
  data rank [DIR]            time the planner's ranking on DIR's listings (the benchmark runs it)
";

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default().to_vec();
    match args.first().map(String::as_str) {
        Some("serve") => serve::run(&rest),
        Some("build") => build::run(&rest),
        Some("test") => test::run(&rest),
        Some("bench") => bench::run(&rest),
        Some("fuzz") => test::fuzz(&rest),
        Some("data") => data::run(&rest),
        Some("setup") => setup::run(&rest),
        Some("-h" | "--help" | "help") | None => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}
