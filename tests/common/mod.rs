//! The committed demo data and a fixed "today", shared by the test files (the browser tests and the native
//! prerender test), so each sees the same items whatever the date the tests run on.

use twente_kaart_core::date::Date;

pub const GEO: &[u8] = include_bytes!("../../regions/twente/gemeenten.geojson");
pub const LISTINGS: &[u8] = include_bytes!("../../regions/twente/listings.json");
pub const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 23,
};
