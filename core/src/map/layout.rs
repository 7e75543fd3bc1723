//! The laid-out map: every shape's path, label point and neighbours, computed once at load (or at build time
//! for the prerender), so selecting or hovering never recomputes geometry.

use super::projection::Projection;
use crate::municipality::Municipality;
use std::collections::{HashMap, HashSet};

/// Width of the SVG view in user units; the SVG itself scales to its container.
pub const VIEW_WIDTH: f64 = 1000.0;
/// Label font size in user units (the CSS uses the same value).
pub const LABEL_SIZE: f64 = 20.0;

/// One municipality, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct ShapeLayout {
    pub code: String,
    pub name: String,
    pub path: String,
    /// Label position in user units.
    pub label: [f64; 2],
    /// Whether the name fits inside the shape at the map's full size.
    pub label_fits: bool,
}

/// Arrow-key directions on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

/// The whole map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    pub projection: Projection,
    pub shapes: Vec<ShapeLayout>,
    pub context: Vec<ShapeLayout>,
    /// For each shape, the indices of the shapes sharing at least one vertex with it.
    pub neighbours: Vec<Vec<usize>>,
}

impl MapLayout {
    /// Lays out the municipalities (fitted to the view) and the grey context around them (clipped by the view).
    pub fn new(municipalities: &[Municipality], context: &[Municipality]) -> MapLayout {
        let bbox = crate::geometry::bbox(
            municipalities
                .iter()
                .flat_map(|m| m.polygons.iter().flatten().flatten()),
        );
        let projection = Projection::fit(bbox, VIEW_WIDTH, 12.0);
        let shape = |m: &Municipality| {
            let b = m.bbox();
            let [x0, _] = projection.project([b[0], b[1]]);
            let [x1, _] = projection.project([b[2], b[3]]);
            let text_width = m.name.chars().count() as f64 * LABEL_SIZE * 0.56;
            ShapeLayout {
                code: m.code.clone(),
                name: m.name.clone(),
                path: projection.path(m.polygons.iter().flatten()),
                label: projection.project(m.label_point()),
                label_fits: text_width < (x1 - x0) * 0.9,
            }
        };
        let mut shapes: Vec<ShapeLayout> = municipalities.iter().map(shape).collect();
        show_overflowing_names(&mut shapes, &projection);
        let context = context.iter().map(shape).collect();
        let neighbours = neighbours(municipalities);
        MapLayout {
            projection,
            shapes,
            context,
            neighbours,
        }
    }

    /// The shape to move to from `from` with an arrow key: the neighbour whose label lies most nearly in that
    /// direction; when no neighbour lies that way, the nearest shape that does; else stay.
    pub fn step(&self, from: usize, dir: Direction) -> usize {
        let Some(origin) = self.shapes.get(from).map(|s| s.label) else {
            return from;
        };
        let score = |i: usize| -> Option<f64> {
            let [x, y] = self.shapes[i].label;
            let (dx, dy) = (x - origin[0], y - origin[1]);
            let (along, across) = match dir {
                Direction::Up => (-dy, dx),
                Direction::Down => (dy, dx),
                Direction::Left => (-dx, dy),
                Direction::Right => (dx, dy),
            };
            // Within 60° of the direction; prefer straight ahead, then near.
            (along > 0.0 && across.abs() <= along * 1.8).then(|| along + 2.0 * across.abs())
        };
        let best = |candidates: &mut dyn Iterator<Item = usize>| {
            candidates
                .filter_map(|i| score(i).map(|s| (i, s)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i)
        };
        best(&mut self.neighbours[from].iter().copied())
            .or_else(|| best(&mut (0..self.shapes.len()).filter(|&i| i != from)))
            .unwrap_or(from)
    }
}

/// Shapes are neighbours when they share a vertex: CBS boundaries share their borders exactly.
fn neighbours(municipalities: &[Municipality]) -> Vec<Vec<usize>> {
    let key = |p: &[f64; 2]| ((p[0] * 1e6).round() as i64, (p[1] * 1e6).round() as i64);
    let mut owners: HashMap<(i64, i64), HashSet<usize>> = HashMap::new();
    for (i, m) in municipalities.iter().enumerate() {
        for p in m.polygons.iter().flatten().flatten() {
            owners.entry(key(p)).or_default().insert(i);
        }
    }
    let mut out = vec![HashSet::new(); municipalities.len()];
    for set in owners.values().filter(|s| s.len() > 1) {
        for &a in set {
            out[a].extend(set.iter().copied().filter(|&b| b != a));
        }
    }
    out.into_iter()
        .map(|s| {
            let mut v: Vec<usize> = s.into_iter().collect();
            v.sort_unstable();
            v
        })
        .collect()
}

/// An axis-aligned box in map units: `[x0, y0, x1, y1]`.
pub type Rect = [f64; 4];

/// Whether two boxes share any area (touching edges do not count).
pub fn overlaps(a: Rect, b: Rect) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// The box a shown name takes: its width estimated from its length (bold sans-serif averages well under
/// 0.62 em a character, so the estimate is generous) plus the halo stroke around the letters.
pub fn label_box(center: [f64; 2], name: &str) -> Rect {
    let w = name.chars().count() as f64 * LABEL_SIZE * 0.62 + 4.0;
    let h = LABEL_SIZE * 1.25;
    [
        center[0] - w / 2.0,
        center[1] - h / 2.0,
        center[0] + w / 2.0,
        center[1] + h / 2.0,
    ]
}

/// A name wider than its shape (a long name on a small municipality, such as Hendrik-Ido-Ambacht in the
/// Drechtsteden) is shown all the same when its box stays inside the view and clear of every other shown
/// name, smallest overflow first; a map with one name fewer reads worse than a name over a border.
fn show_overflowing_names(shapes: &mut [ShapeLayout], projection: &Projection) {
    let mut taken: Vec<Rect> = shapes
        .iter()
        .filter(|s| s.label_fits)
        .map(|s| label_box(s.label, &s.name))
        .collect();
    let mut waiting: Vec<usize> = (0..shapes.len())
        .filter(|&i| !shapes[i].label_fits)
        .collect();
    waiting.sort_by_key(|&i| shapes[i].name.chars().count());
    for i in waiting {
        let b = label_box(shapes[i].label, &shapes[i].name);
        let inside =
            b[0] >= 0.0 && b[1] >= 0.0 && b[2] <= projection.width && b[3] <= projection.height;
        if inside && taken.iter().all(|&t| !overlaps(b, t)) {
            shapes[i].label_fits = true;
            taken.push(b);
        }
    }
}

#[cfg(test)]
mod step_tests {
    use super::*;

    fn committed() -> MapLayout {
        let geo = crate::municipality::parse_municipalities(
            "gemeenten.geojson",
            include_bytes!("../../../regions/twente/gemeenten.geojson"),
        )
        .expect("committed boundaries parse");
        MapLayout::new(&geo.municipalities, &geo.context)
    }

    fn index(layout: &MapLayout, name: &str) -> usize {
        layout
            .shapes
            .iter()
            .position(|s| s.name == name)
            .unwrap_or_else(|| panic!("{name} on the map"))
    }

    /// Each committed region's map writes every municipality's name, and no two names overlap.
    #[test]
    fn every_regions_map_names_every_municipality() {
        let regions = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../regions");
        let mut seen = 0;
        for entry in std::fs::read_dir(regions).expect("regions/") {
            let file = entry.expect("entry").path().join("gemeenten.geojson");
            let bytes = std::fs::read(&file).expect("a region's boundaries");
            let geo = crate::municipality::parse_municipalities("gemeenten.geojson", &bytes)
                .expect("committed boundaries parse");
            let layout = MapLayout::new(&geo.municipalities, &geo.context);
            let unnamed: Vec<&str> = layout
                .shapes
                .iter()
                .filter(|s| !s.label_fits)
                .map(|s| s.name.as_str())
                .collect();
            assert!(
                unnamed.is_empty(),
                "{}: no name on {unnamed:?}",
                file.display()
            );
            let boxes = crate::map::labels::label_boxes(&layout);
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
                    assert!(apart, "{}: names overlap: {a:?} {b:?}", file.display());
                }
            }
            seen += 1;
        }
        assert_eq!(seen, 3);
    }

    const ARROWS: [Direction; 4] = [
        Direction::Up,
        Direction::Down,
        Direction::Left,
        Direction::Right,
    ];

    /// Every arrow from Hengelo (in the middle of the region) goes to a neighbour that lies that way.
    #[test]
    fn all_four_arrows_move_to_a_neighbour_in_that_direction() {
        let layout = committed();
        let from = index(&layout, "Hengelo");
        let [x0, y0] = layout.shapes[from].label;
        for dir in ARROWS {
            let to = layout.step(from, dir);
            assert_ne!(to, from, "{dir:?} from Hengelo moves");
            assert!(
                layout.neighbours[from].contains(&to),
                "{dir:?}: a neighbour"
            );
            let [x, y] = layout.shapes[to].label;
            let ahead = match dir {
                Direction::Up => y0 - y,
                Direction::Down => y - y0,
                Direction::Left => x0 - x,
                Direction::Right => x - x0,
            };
            assert!(
                ahead > 0.0,
                "{dir:?} goes to {}, which lies that way",
                layout.shapes[to].name
            );
        }
        // The keyboard path the end-to-end test walks: Almelo → Borne → Hengelo → Enschede.
        let walk = |name: &str, dir| {
            layout.shapes[layout.step(index(&layout, name), dir)]
                .name
                .clone()
        };
        assert_eq!(walk("Almelo", Direction::Right), "Borne");
        assert_eq!(walk("Borne", Direction::Down), "Hengelo");
        assert_eq!(walk("Hengelo", Direction::Right), "Enschede");
    }

    /// Each of the 14 municipalities is reached from the first with the arrows alone.
    #[test]
    fn the_arrows_reach_every_municipality() {
        let layout = committed();
        let mut seen = vec![false; layout.shapes.len()];
        let mut queue = vec![0];
        seen[0] = true;
        while let Some(i) = queue.pop() {
            for dir in ARROWS {
                let j = layout.step(i, dir);
                if !seen[j] {
                    seen[j] = true;
                    queue.push(j);
                }
            }
        }
        let missed: Vec<&str> = layout
            .shapes
            .iter()
            .zip(&seen)
            .filter(|(_, s)| !**s)
            .map(|(s, _)| s.name.as_str())
            .collect();
        assert!(missed.is_empty(), "not reachable by arrows: {missed:?}");
    }

    /// At the region's edge an arrow that leads nowhere keeps the focus where it is.
    #[test]
    fn an_arrow_off_the_edge_stays() {
        let layout = committed();
        let top = (0..layout.shapes.len())
            .min_by(|&a, &b| layout.shapes[a].label[1].total_cmp(&layout.shapes[b].label[1]))
            .expect("shapes");
        assert_eq!(layout.step(top, Direction::Up), top);
    }
}
