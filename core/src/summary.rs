//! Counts per municipality and category, and the shading classes of the map's legend.

use crate::listing::{Listing, PerCategory};
use std::collections::HashMap;

/// Shading classes by number of open practices: none, 1–2, 3–5, 6 or more.
pub const SHADE_CLASSES: [(usize, &str); 4] = [(0, "0"), (1, "1–2"), (3, "3–5"), (6, "6+")];

/// The shading class (0–3) for a number of open practices.
///
/// ```
/// use twente_kaart_core::summary::shade;
/// assert_eq!((shade(0), shade(2), shade(3), shade(9)), (0, 1, 2, 3));
/// ```
pub fn shade(practices: usize) -> usize {
    SHADE_CLASSES
        .iter()
        .rposition(|(min, _)| practices >= *min)
        .unwrap_or(0)
}

/// Items per municipality code and category.
pub fn counts_by_municipality(items: &[Listing]) -> HashMap<String, PerCategory<usize>> {
    let mut out: HashMap<String, PerCategory<usize>> = HashMap::new();
    for item in items {
        out.entry(item.municipality.clone()).or_default()[item.category] += 1;
    }
    out
}

/// Items per category over all municipalities.
pub fn totals(items: &[Listing]) -> PerCategory<usize> {
    let mut t = PerCategory::default();
    for item in items {
        t[item.category] += 1;
    }
    t
}
