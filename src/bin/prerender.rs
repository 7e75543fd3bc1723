//! `prerender DATA_DIR YYYY-MM-DD`: the first paint of the widget's pages, rendered at build time from the
//! widget's own components (see `twente_kaart::prerender`), printed as JSON for `cargo xtask build`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match twente_kaart::prerender::run(&args) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
