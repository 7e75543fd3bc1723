//! The pure core of twente-kaart: the data model (serde types), parsing with locations a person can act on,
//! validation, projection of WGS84 boundaries to SVG, marker clustering, and the text of item cards.
//!
//! Invariant: this crate never imports leptos or web-sys. It compiles and is tested natively, and serves the
//! widget (wasm) and the dev tools (`xtask`) alike: one implementation, two callers.

pub mod attract;
pub mod card;
pub mod care;
pub mod checks;
pub mod dataset;
pub mod date;
pub mod error;
pub mod geometry;
pub mod hash;
pub mod html;
pub mod i18n;
pub mod listing;
pub mod map;
pub mod meta;
pub mod municipality;
pub mod plan;
pub mod qr;
pub mod reason;
pub mod row;
pub mod summary;
pub mod text;
pub mod validate;

pub use dataset::{ListingsFile, ParsedListings};
pub use error::{DataError, Location};
pub use listing::{Category, Kind, Listing, Sector};
pub use meta::Meta;
pub use municipality::{Municipality, MunicipalityFile};
pub use text::{Lang, LocalizedText};
