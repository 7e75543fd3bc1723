//! Dev commands of twente-kaart (the cargo-xtask pattern): `cargo xtask <command>`.
//!
//! Each command installs what it needs on a fresh machine (see `setup`), so the README's two commands,
//! `cargo xtask serve` and `cargo xtask test`, work on their own.

mod bench;
mod boundaries;
mod build;
mod calendar;
mod csv;
mod data;
mod deploy_kit;
mod dist;
mod feed;
mod illustrations;
mod inline_assets;
mod postbuild;
mod rank;
mod region;
mod region_pages;
mod schema;
mod serve;
mod setup;
mod test;
mod today;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Dev commands of twente-kaart. The README's two: `cargo xtask serve` and `cargo xtask test`.
#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the release widget and serve it on http://127.0.0.1:8080
    Serve {
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// The region folder under regions/ to build
        #[arg(long, default_value = region::DEFAULT)]
        region: String,
    },
    /// Release build of a region into dist/ (what a partner deploys)
    Build {
        /// The region folder under regions/ to build (or a folder path with a region.json, e.g. bench/national)
        #[arg(long, default_value = region::DEFAULT, conflicts_with = "all")]
        region: String,
        /// Every region, each in <out>/<name>/, with an index page of them in <out>/
        #[arg(long)]
        all: bool,
        /// Where to write the site (default dist/; emptied first)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Every check: fmt, clippy, unit, browser (wasm), data, end-to-end
    Test {
        /// Only the end-to-end tests (on an existing build)
        #[arg(long)]
        e2e_only: bool,
    },
    /// Measure size, load and interaction times against the budgets (options go to e2e/bench/run.mjs)
    Bench {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Fuzz the data parser and validator
    Fuzz {
        /// Seconds per target
        #[arg(long, default_value_t = 60)]
        seconds: u64,
    },
    /// The data tools
    #[command(subcommand)]
    Data(DataCommand),
    /// Install the build tools (and with --browser, Chromium)
    Setup {
        #[arg(long)]
        browser: bool,
    },
}

#[derive(Subcommand)]
enum DataCommand {
    /// Validate the data files
    Check {
        /// The data folder (default regions/twente, the default region's)
        dir: Option<PathBuf>,
    },
    /// Build the municipality file from a CBS/PDOK GeoJSON
    Boundaries(boundaries::Options),
    /// Regenerate the JSON Schemas under public/schema/
    Schema,
    /// Vacancies from a spreadsheet into a region's listings.json (validated first; its texts kept)
    ImportCsv {
        input: PathBuf,
        /// The region (a folder under regions/)
        #[arg(long, default_value = region::DEFAULT)]
        region: String,
    },
    /// A region's listings.json to a spreadsheet
    ExportCsv {
        /// The region (a folder under regions/)
        #[arg(long, default_value = region::DEFAULT)]
        region: String,
        #[arg(long, default_value = "listings.csv")]
        out: PathBuf,
    },
    /// Draw the demo stories' pictures into regions/twente/img/
    Illustrations,
    /// Time the planner's ranking on a folder's listings (the benchmark runs it)
    Rank {
        /// The data folder (default regions/twente, the default region's)
        dir: Option<PathBuf>,
    },
}

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// The data folder given, or the default region's.
fn data_dir(dir: Option<PathBuf>) -> PathBuf {
    dir.unwrap_or_else(|| region::dir(region::DEFAULT))
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Serve { port, region } => serve::run(port, &region),
        Command::Build { region, all, out } => build::run((!all).then_some(region), out),
        Command::Test { e2e_only } => test::run(e2e_only),
        Command::Bench { args } => bench::run(&args),
        Command::Fuzz { seconds } => test::fuzz(seconds),
        Command::Setup { browser } => setup::run(browser),
        Command::Data(data) => match data {
            DataCommand::Check { dir } => data::check(&data_dir(dir)),
            DataCommand::Boundaries(options) => boundaries::run(options),
            DataCommand::Schema => schema::write_all(),
            DataCommand::ImportCsv { input, region } => csv::import(&input, &region),
            DataCommand::ExportCsv { region, out } => csv::export(&region, &out),
            DataCommand::Illustrations => illustrations::write(),
            DataCommand::Rank { dir } => rank::run(&data_dir(dir)),
        },
    }
}
