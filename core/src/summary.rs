//! Counts per municipality and category, and the shading classes of the map's legend.

use crate::listing::{Listing, PerCategory};
use std::collections::HashMap;

/// The shading of the map by open practices per municipality: "none", then three classes whose bounds come from
/// the data. A region's few practices keep the campaign's 1–2, 3–5, 6+; a map whose busiest municipality has
/// more than 8 gets thirds of that maximum in round numbers (national data: 1–30, 31–60, 61+), so the classes
/// still tell municipalities apart instead of all being "6+".
///
/// ```
/// use twente_kaart_core::summary::ShadeScale;
/// let region = ShadeScale::for_counts([0, 2, 5, 8]);
/// assert_eq!((region.class(0), region.class(2), region.class(3), region.class(9)), (0, 1, 2, 3));
/// assert_eq!(region.labels(), ["0", "1–2", "3–5", "6+"]);
/// let national = ShadeScale::for_counts([0, 4, 17, 30]);
/// assert_eq!(national.labels(), ["0", "1–10", "11–20", "21+"]);
/// assert_eq!((national.class(10), national.class(11), national.class(30)), (1, 2, 3));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShadeScale {
    /// The least number of practices in each class; the first is always 0, the second 1.
    starts: [usize; 4],
}

impl Default for ShadeScale {
    fn default() -> ShadeScale {
        ShadeScale {
            starts: [0, 1, 3, 6],
        }
    }
}

impl ShadeScale {
    /// The scale for these numbers of open practices, one per municipality.
    pub fn for_counts(counts: impl IntoIterator<Item = usize>) -> ShadeScale {
        let max = counts.into_iter().max().unwrap_or(0);
        if max <= 8 {
            return ShadeScale::default();
        }
        // A third of the maximum, rounded down to a round number (a multiple of 5 from 30, of 10 from 150), so
        // the busiest municipality is always in the top class.
        let unit = match max {
            0..30 => 1,
            30..150 => 5,
            _ => 10,
        };
        let step = max / 3 / unit * unit;
        ShadeScale {
            starts: [0, 1, step + 1, 2 * step + 1],
        }
    }

    /// The class (0–3) of a municipality with `practices` open practices.
    pub fn class(&self, practices: usize) -> usize {
        self.starts
            .iter()
            .rposition(|min| practices >= *min)
            .unwrap_or(0)
    }

    /// The classes' labels, "0" first (the legend shows its translated "none" there).
    pub fn labels(&self) -> [String; 4] {
        let [_, a, b, c] = self.starts;
        [
            "0".to_string(),
            format!("{a}–{}", b - 1),
            format!("{b}–{}", c - 1),
            format!("{c}+"),
        ]
    }
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

#[cfg(test)]
mod shade_tests {
    use super::ShadeScale;

    #[test]
    fn classes_follow_the_busiest_municipality() {
        let labels = |max: usize| ShadeScale::for_counts([0, max]).labels();
        assert_eq!(labels(0), ["0", "1–2", "3–5", "6+"], "no practices at all");
        assert_eq!(labels(8), ["0", "1–2", "3–5", "6+"]);
        assert_eq!(labels(9), ["0", "1–3", "4–6", "7+"]);
        assert_eq!(labels(29), ["0", "1–9", "10–18", "19+"]);
        assert_eq!(
            labels(101),
            ["0", "1–30", "31–60", "61+"],
            "the national benchmark's data"
        );
        assert_eq!(labels(200), ["0", "1–60", "61–120", "121+"]);
        // Every municipality lands in a class, and the busiest in the top one.
        for max in 9..2000 {
            let s = ShadeScale::for_counts([0, max]);
            assert_eq!(
                (s.class(0), s.class(1), s.class(max)),
                (0, 1, 3),
                "max {max}"
            );
        }
    }
}
