//! Bytes → `parse_municipalities`, then the derived values the widget computes from a loaded file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twente_kaart_core::municipality::parse_municipalities;

fuzz_target!(|data: &[u8]| {
    match parse_municipalities("gemeenten.geojson", data) {
        Ok(file) => {
            for m in file.municipalities.iter().chain(&file.context) {
                let p = m.label_point();
                let _ = m.contains(p);
                let _ = m.vertex_count();
            }
        }
        Err(e) => assert!(e.to_string().starts_with("gemeenten.geojson")),
    }
});
