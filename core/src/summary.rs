//! Counts per municipality and category, and the shading classes of the map's legend.

use crate::listing::{Category, Listing};
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

pub fn category_index(c: Category) -> usize {
    match c {
        Category::Praktijk => 0,
        Category::Wonen => 1,
        Category::Partnerwerk => 2,
    }
}

/// Items per municipality code and category (`[praktijk, wonen, partnerwerk]`).
pub fn counts_by_municipality(items: &[Listing]) -> HashMap<String, [usize; 3]> {
    let mut out: HashMap<String, [usize; 3]> = HashMap::new();
    for item in items {
        out.entry(item.municipality.clone()).or_default()[category_index(item.category)] += 1;
    }
    out
}

/// Items per category over all municipalities.
pub fn totals(items: &[Listing]) -> [usize; 3] {
    let mut t = [0; 3];
    for item in items {
        t[category_index(item.category)] += 1;
    }
    t
}
