//! Small planar geometry on `[lon, lat]` rings: point in polygon, bounding boxes, self-intersection.
//! The widget needs only these few functions, so they are written here rather than pulling the `geo`
//! crate (and its size) into the wasm; the dev tools use `geo` for the heavier work.

/// A closed ring of `[lon, lat]` positions (first == last).
pub type Ring = Vec<[f64; 2]>;

/// Even-odd ray casting. Points exactly on an edge may fall either way.
pub fn point_in_ring(p: [f64; 2], ring: &[[f64; 2]]) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let ([x1, y1], [x2, y2]) = (w[0], w[1]);
        if (y1 > p[1]) != (y2 > p[1]) && p[0] < (x2 - x1) * (p[1] - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// `[min_x, min_y, max_x, max_y]` of the points; all infinite for none.
pub fn bbox<'a>(points: impl IntoIterator<Item = &'a [f64; 2]>) -> [f64; 4] {
    points.into_iter().fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |b, p| {
            [
                b[0].min(p[0]),
                b[1].min(p[1]),
                b[2].max(p[0]),
                b[3].max(p[1]),
            ]
        },
    )
}

fn orientation(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> f64 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/// Whether two segments cross properly (touching at end points does not count).
fn segments_cross(a: [f64; 2], b: [f64; 2], c: [f64; 2], d: [f64; 2]) -> bool {
    let (o1, o2) = (orientation(a, b, c), orientation(a, b, d));
    let (o3, o4) = (orientation(c, d, a), orientation(c, d, b));
    o1 * o2 < 0.0 && o3 * o4 < 0.0
}

/// Whether any two non-adjacent edges of a closed ring cross. Quadratic, fine for generalised boundaries
/// (tens of vertices per ring).
pub fn ring_self_intersects(ring: &[[f64; 2]]) -> bool {
    let n = ring.len().saturating_sub(1);
    for i in 0..n {
        for j in i + 2..n {
            if i == 0 && j == n - 1 {
                continue;
            }
            if segments_cross(ring[i], ring[i + 1], ring[j], ring[j + 1]) {
                return true;
            }
        }
    }
    false
}

/// Signed area (shoelace); positive for counter-clockwise rings in lon/lat.
pub fn signed_area(ring: &[[f64; 2]]) -> f64 {
    ring.windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum::<f64>()
        / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: [[f64; 2]; 5] = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];

    #[test]
    fn point_in_square() {
        assert!(point_in_ring([0.5, 0.5], &SQUARE));
        assert!(!point_in_ring([1.5, 0.5], &SQUARE));
    }

    #[test]
    fn square_does_not_self_intersect_but_bow_tie_does() {
        assert!(!ring_self_intersects(&SQUARE));
        assert!(ring_self_intersects(&[
            [0.0, 0.0],
            [1.0, 1.0],
            [1.0, 0.0],
            [0.0, 1.0],
            [0.0, 0.0]
        ]));
    }

    #[test]
    fn counter_clockwise_area_is_positive() {
        assert!((signed_area(&SQUARE) - 1.0).abs() < 1e-12);
    }
}
