//! Bytes → `parse_listings` with the real municipalities (parsed once), then every problem formatted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use twente_kaart_core::dataset::parse_listings;
use twente_kaart_core::date::{Date, Now};
use twente_kaart_core::municipality::parse_municipalities;
use twente_kaart_core::Municipality;

fn map() -> &'static [Municipality] {
    static MAP: OnceLock<Vec<Municipality>> = OnceLock::new();
    MAP.get_or_init(|| {
        let bytes = include_bytes!("../../regions/twente/gemeenten.geojson");
        parse_municipalities("gemeenten.geojson", bytes)
            .expect("regions/twente/gemeenten.geojson loads")
            .municipalities
    })
}

fuzz_target!(|data: &[u8]| {
    let cx = twente_kaart_core::validate::Context {
        now: Date::new(2026, 11, 22).map(Now::start_of),
        // Every photo file "exists" and is small: the rules after the file check run too.
        file_size: Some(&|_: &str| Some(1024)),
        ..twente_kaart_core::validate::Context::with_map(map())
    };
    match parse_listings("listings.json", data, cx) {
        Ok(parsed) => {
            for problem in &parsed.problems {
                assert!(problem.to_string().starts_with("listings.json"));
            }
            let _ = parsed.skipped();
        }
        Err(e) => assert!(e.to_string().starts_with("listings.json")),
    }
});
