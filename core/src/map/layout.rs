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
        let shapes: Vec<ShapeLayout> = municipalities.iter().map(shape).collect();
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
