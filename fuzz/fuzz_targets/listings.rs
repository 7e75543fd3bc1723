//! Bytes → `parse_listings` with the real municipalities (parsed once), then every problem formatted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use twente_kaart_core::dataset::parse_listings;
use twente_kaart_core::date::Date;
use twente_kaart_core::municipality::parse_municipalities;
use twente_kaart_core::Municipality;

fn map() -> &'static [Municipality] {
    static MAP: OnceLock<Vec<Municipality>> = OnceLock::new();
    MAP.get_or_init(|| {
        let bytes = include_bytes!("../../public/data/gemeenten.geojson");
        parse_municipalities("gemeenten.geojson", bytes)
            .expect("public/data/gemeenten.geojson loads")
            .municipalities
    })
}

fuzz_target!(|data: &[u8]| {
    match parse_listings("listings.json", data, Some(map()), Date::new(2026, 11, 22)) {
        Ok(parsed) => {
            for problem in &parsed.problems {
                assert!(problem.to_string().starts_with("listings.json"));
            }
            let _ = parsed.skipped();
        }
        Err(e) => assert!(e.to_string().starts_with("listings.json")),
    }
});
