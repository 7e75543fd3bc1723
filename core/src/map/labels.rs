//! Keeping the municipality names readable: every shown name has a box on the map, and markers yield to it.
//! A marker (or a group's count badge) whose box touches a name's box is nudged just outside it — up, down,
//! left or right, whichever is the shortest move that lands clear of every name — so no marker covers a name
//! (the cartographer's rule: markers yield to labels). The marker stays within a few pixels of its place.

pub use super::layout::{label_box, Rect};
use super::layout::{overlaps, MapLayout};

/// Below this map width (CSS pixels) the names are not shown (the stylesheet hides them with a container
/// query of the same width): they would be too small to read, and each shape says its name when touched.
pub const LABELS_MIN_PX: f64 = 448.0;

/// The boxes of the names a map shows (those that fit their shape).
pub fn label_boxes(layout: &MapLayout) -> Vec<Rect> {
    layout
        .shapes
        .iter()
        .filter(|s| s.label_fits)
        .map(|s| label_box(s.label, &s.name))
        .collect()
}

fn square(at: [f64; 2], r: f64) -> Rect {
    [at[0] - r, at[1] - r, at[0] + r, at[1] + r]
}

/// Where a marker of half-size `r` at `at` is drawn so that it keeps `gap` clear of every box in `labels`:
/// `at` itself when it is clear, else the nearest clear spot just outside the box it touches. After a few
/// rounds without a clear spot (names packed tightly) it stays at its last spot.
///
/// ```
/// use twente_kaart_core::map::labels::clear_of;
/// let label = [[0.0, 0.0, 100.0, 20.0]];
/// assert_eq!(clear_of([50.0, 50.0], 5.0, 1.0, &label), [50.0, 50.0]); // clear already
/// assert_eq!(clear_of([50.0, 4.0], 5.0, 1.0, &label), [50.0, -6.0]); // moved up, out of the name
/// ```
pub fn clear_of(at: [f64; 2], r: f64, gap: f64, labels: &[Rect]) -> [f64; 2] {
    let reach = r + gap;
    let hits = |p: [f64; 2]| {
        labels
            .iter()
            .copied()
            .find(|&l| overlaps(square(p, reach - 1e-9), l))
    };
    let mut p = at;
    for _ in 0..4 {
        let Some(b) = hits(p) else { return p };
        // The four ways out of this box, shortest first; take the first that is clear of every name.
        let mut ways = [
            [p[0], b[1] - reach],
            [p[0], b[3] + reach],
            [b[0] - reach, p[1]],
            [b[2] + reach, p[1]],
        ];
        ways.sort_by(|u, v| {
            let d = |q: &[f64; 2]| (q[0] - p[0]).abs() + (q[1] - p[1]).abs();
            d(u).total_cmp(&d(v))
        });
        match ways.iter().find(|&&q| hits(q).is_none()) {
            Some(&q) => return q,
            None => p = ways[0],
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_on_a_name_moves_the_shortest_way_out() {
        let label = [[0.0, 0.0, 100.0, 20.0]];
        // Near the bottom edge: down is shorter than up.
        assert_eq!(clear_of([50.0, 18.0], 5.0, 1.0, &label), [50.0, 26.0]);
        // Near the left end: left is shortest.
        assert_eq!(clear_of([2.0, 10.0], 5.0, 1.0, &label), [-6.0, 10.0]);
        // Touching the edge (within the gap) counts as covering.
        assert_eq!(clear_of([50.0, 25.5], 5.0, 1.0, &label), [50.0, 26.0]);
    }

    #[test]
    fn a_move_never_lands_on_another_name() {
        // Two names stacked with a narrow gap: moving down out of the first would land on the second.
        let labels = [[0.0, 0.0, 100.0, 20.0], [0.0, 24.0, 100.0, 44.0]];
        let p = clear_of([50.0, 18.0], 5.0, 1.0, &labels);
        assert!(
            labels.iter().all(|&l| !overlaps(square(p, 6.0 - 1e-9), l)),
            "{p:?}"
        );
        assert_eq!(p, [50.0, -6.0]);
    }

    #[test]
    fn the_committed_map_shows_at_least_12_names_and_boxes_inside_the_view() {
        let geo = crate::municipality::parse_municipalities(
            "gemeenten.geojson",
            include_bytes!("../../../regions/twente/gemeenten.geojson"),
        )
        .expect("committed boundaries parse");
        let layout = MapLayout::new(&geo.municipalities, &geo.context);
        let boxes = label_boxes(&layout);
        assert!(boxes.len() >= 12, "{} names shown", boxes.len());
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!overlaps(*a, *b), "two names overlap: {a:?} {b:?}");
            }
        }
    }
}
