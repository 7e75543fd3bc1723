//! `cargo xtask data boundaries`: builds the widget's municipality file from an official CBS/PDOK
//! municipality GeoJSON of any year. Selects the region's municipalities (Twente's by default, or a region
//! folder's), simplifies with topology preserved (rings are cut into arcs at the junctions where neighbours
//! meet; each shared arc is simplified once and used by both neighbours, so no gaps or overlaps appear — the
//! TopoJSON/mapshaper approach), rounds the coordinates, adds label points, and meets a byte budget.

use anyhow::{bail, Context, Result};
use geo::{Coord, InteriorPoint, LineString, Polygon, Simplify};
use geojson::{FeatureCollection, GeometryValue};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One municipality while it is being processed: polygons of rings of `[lon, lat]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub code: String,
    pub name: String,
    pub context: bool,
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

impl Shape {
    pub fn vertices(&self) -> usize {
        self.polygons
            .iter()
            .flatten()
            .map(|r| r.len().saturating_sub(1))
            .sum()
    }
}

/// Options of the command.
#[derive(clap::Args)]
pub struct Options {
    /// CBS/PDOK GeoJSON files with the municipalities (and their neighbours)
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The municipality codes, comma-separated, instead of a region's
    #[arg(long, value_delimiter = ',', conflicts_with = "region")]
    pub codes: Vec<String>,
    /// A region folder's codes (regions/<name>/region.json), written to regions/<name>/gemeenten.geojson
    /// (default: the default region, twente)
    #[arg(long)]
    pub region: Option<String>,
    /// Also write the touching neighbours as grey context
    #[arg(long)]
    pub context: bool,
    /// Simplify until the file is at most this many bytes
    #[arg(long)]
    pub budget: Option<usize>,
    /// Decimals of the coordinates
    #[arg(long, default_value_t = 5)]
    pub precision: u32,
    /// Where to write (default the region's folder)
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(options: Options) -> Result<()> {
    let mut o = options;
    let out = if o.codes.is_empty() {
        let name = o
            .region
            .clone()
            .unwrap_or_else(|| crate::region::DEFAULT.into());
        let region = crate::region::load(&name)?;
        println!("{}: {} municipalities", region.name, region.codes.len());
        o.codes = region.codes;
        o.out
            .clone()
            .unwrap_or_else(|| crate::region::dir(&name).join("gemeenten.geojson"))
    } else {
        o.out
            .clone()
            .context("--codes needs --out: where to write the municipalities")?
    };
    let mut all = Vec::new();
    for input in &o.inputs {
        all.extend(read_shapes(input)?);
    }
    let before: usize = all
        .iter()
        .filter(|s| o.codes.contains(&s.code))
        .map(Shape::vertices)
        .sum();
    let before_bytes: usize = o
        .inputs
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len() as usize)
        .sum();
    let selected = select(all, &o.codes, o.context)?;
    let (shapes, text, tolerance) = fit_budget(&selected, o.budget, o.precision)?;
    let after: usize = shapes
        .iter()
        .filter(|s| !s.context)
        .map(Shape::vertices)
        .sum();
    std::fs::write(&out, &text).with_context(|| format!("writing {}", out.display()))?;
    println!(
        "{}: {} municipalities (+{} context); vertices {before} → {after}; bytes {before_bytes} (input) → {}; tolerance {tolerance}°",
        out.display(),
        shapes.iter().filter(|s| !s.context).count(),
        shapes.iter().filter(|s| s.context).count(),
        text.len()
    );
    Ok(())
}

/// Reads a municipality GeoJSON, accepting the CBS/PDOK property names (`statcode`, `statnaam`) as well as
/// the widget's own (`code`, `name`). Refuses anything that is not WGS84 polygons.
pub fn read_shapes(path: &Path) -> Result<Vec<Shape>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let fc: FeatureCollection = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a GeoJSON FeatureCollection", path.display()))?;
    let mut out = Vec::new();
    for (i, f) in fc.features.iter().enumerate() {
        let prop = |k: &str| {
            f.properties
                .as_ref()
                .and_then(|p| p.get(k))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let code = prop("code").or_else(|| prop("statcode")).with_context(|| {
            format!(
                "{}: feature {i} has no `code` or `statcode`",
                path.display()
            )
        })?;
        let name = clean_name(
            &prop("name")
                .or_else(|| prop("statnaam"))
                .unwrap_or_else(|| code.clone()),
        );
        let context = f
            .properties
            .as_ref()
            .and_then(|p| p.get("context"))
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        let geometry = f
            .geometry
            .as_ref()
            .with_context(|| format!("{}: {code} has no geometry", path.display()))?;
        let raw = match &geometry.value {
            GeometryValue::Polygon { coordinates } => vec![coordinates.clone()],
            GeometryValue::MultiPolygon { coordinates } => coordinates.clone(),
            other => bail!(
                "{}: {code} is a {}, expected Polygon or MultiPolygon",
                path.display(),
                other.type_name()
            ),
        };
        let polygons: Vec<Vec<Vec<[f64; 2]>>> = raw
            .iter()
            .map(|poly| {
                poly.iter()
                    .map(|ring| ring.iter().map(|p| [p[0], p[1]]).collect())
                    .collect()
            })
            .collect();
        for p in polygons.iter().flatten().flatten() {
            if !(p[0].is_finite() && p[1].is_finite() && p[0].abs() <= 180.0 && p[1].abs() <= 90.0)
            {
                bail!(
                    "{}: {code} has coordinate {:?}, which is not WGS84 longitude/latitude (RD New metres? use the wgs84/ file)",
                    path.display(),
                    p
                );
            }
        }
        out.push(Shape {
            code,
            name,
            context,
            polygons,
        });
    }
    Ok(out)
}

/// CBS writes some names with a province suffix, e.g. `Hengelo (O.)`; the map shows `Hengelo`.
fn clean_name(name: &str) -> String {
    match name.rfind(" (") {
        Some(i) if name.ends_with(')') && name.len() - i <= 8 => name[..i].to_string(),
        _ => name.to_string(),
    }
}

/// The requested municipalities, plus (with `context`) the features touching them, marked as context.
pub fn select(all: Vec<Shape>, codes: &[String], context: bool) -> Result<Vec<Shape>> {
    let missing: Vec<&String> = codes
        .iter()
        .filter(|c| !all.iter().any(|s| &s.code == *c))
        .collect();
    if !missing.is_empty() {
        bail!("the input has no feature with code {missing:?}");
    }
    let key = |p: &[f64; 2]| ((p[0] * 1e6).round() as i64, (p[1] * 1e6).round() as i64);
    let chosen: HashSet<(i64, i64)> = all
        .iter()
        .filter(|s| codes.contains(&s.code))
        .flat_map(|s| s.polygons.iter().flatten().flatten().map(key))
        .collect();
    let mut out: Vec<Shape> = Vec::new();
    for mut s in all {
        if out.iter().any(|o| o.code == s.code) {
            continue;
        }
        if codes.contains(&s.code) {
            s.context = false;
            out.push(s);
        } else if (context || s.context)
            && s.polygons
                .iter()
                .flatten()
                .flatten()
                .any(|p| chosen.contains(&key(p)))
        {
            s.context = true;
            out.push(s);
        }
    }
    out.sort_by(|a, b| (a.context, &a.name).cmp(&(b.context, &b.name)));
    Ok(out)
}

/// Simplifies more and more until the written file is within `budget` bytes (or simplification stops
/// helping). Without a budget the geometry is kept exactly.
pub fn fit_budget(
    shapes: &[Shape],
    budget: Option<usize>,
    precision: u32,
) -> Result<(Vec<Shape>, String, f64)> {
    let mut tolerance = 0.0;
    loop {
        let simplified = simplify_shared(shapes, tolerance);
        let text = write_geojson(&simplified, precision);
        match budget {
            Some(b) if text.len() > b => {
                if tolerance > 0.05 {
                    bail!("cannot meet the budget of {b} bytes (still {} bytes at tolerance {tolerance}°)", text.len());
                }
                tolerance = if tolerance == 0.0 {
                    0.0002
                } else {
                    tolerance * 1.5
                };
            }
            _ => return Ok((simplified, text, tolerance)),
        }
    }
}

type Key = (i64, i64);

fn key(p: [f64; 2]) -> Key {
    ((p[0] * 1e7).round() as i64, (p[1] * 1e7).round() as i64)
}

/// Topology-preserving simplification: vertices where the neighbourhood changes (junctions) are fixed, the
/// rings are cut there into arcs, each distinct arc is simplified once (Douglas–Peucker keeps its end
/// points), and every ring is rebuilt from the simplified arcs, so shared borders stay identical.
pub fn simplify_shared(shapes: &[Shape], tolerance: f64) -> Vec<Shape> {
    if tolerance <= 0.0 {
        return shapes.to_vec();
    }
    // Which rings use each vertex, and with which neighbours.
    let mut uses: HashMap<Key, Vec<(Key, Key)>> = HashMap::new();
    for ring in shapes.iter().flat_map(|s| s.polygons.iter().flatten()) {
        let open = &ring[..ring.len().saturating_sub(1)];
        let n = open.len();
        for i in 0..n {
            let (prev, next) = (key(open[(i + n - 1) % n]), key(open[(i + 1) % n]));
            let pair = if prev < next {
                (prev, next)
            } else {
                (next, prev)
            };
            uses.entry(key(open[i])).or_default().push(pair);
        }
    }
    let junction = |k: &Key| {
        uses.get(k)
            .is_some_and(|v| v.len() > 1 && v.iter().any(|p| *p != v[0]))
    };
    let mut cache: HashMap<Vec<Key>, Vec<[f64; 2]>> = HashMap::new();
    let mut simplify_arc = |arc: &[[f64; 2]]| -> Vec<[f64; 2]> {
        let keys: Vec<Key> = arc.iter().map(|p| key(*p)).collect();
        let mut rev = keys.clone();
        rev.reverse();
        if let Some(done) = cache.get(&keys) {
            return done.clone();
        }
        if let Some(done) = cache.get(&rev) {
            let mut d = done.clone();
            d.reverse();
            return d;
        }
        let line = LineString::from(
            arc.iter()
                .map(|p| Coord { x: p[0], y: p[1] })
                .collect::<Vec<_>>(),
        );
        let simple: Vec<[f64; 2]> = line
            .simplify(tolerance)
            .coords()
            .map(|c| [c.x, c.y])
            .collect();
        cache.insert(keys, simple.clone());
        simple
    };
    let mut out = shapes.to_vec();
    for shape in &mut out {
        for ring in shape.polygons.iter_mut().flatten() {
            let open: Vec<[f64; 2]> = ring[..ring.len().saturating_sub(1)].to_vec();
            let Some(start) = open.iter().position(|p| junction(&key(*p))) else {
                // An island ring: simplify it whole, but never below a triangle.
                let mut closed = open.clone();
                closed.push(open[0]);
                let s = simplify_arc(&closed);
                if s.len() >= 4 {
                    *ring = s;
                }
                continue;
            };
            let rotated: Vec<[f64; 2]> = open[start..]
                .iter()
                .chain(open[..start].iter())
                .copied()
                .collect();
            let mut rebuilt: Vec<[f64; 2]> = vec![rotated[0]];
            let mut arc = vec![rotated[0]];
            for p in rotated.iter().skip(1).chain(std::iter::once(&rotated[0])) {
                arc.push(*p);
                if junction(&key(*p)) {
                    rebuilt.extend(simplify_arc(&arc).into_iter().skip(1));
                    arc = vec![*p];
                }
            }
            if rebuilt.len() >= 4 && !twente_kaart_core::geometry::ring_self_intersects(&rebuilt) {
                *ring = rebuilt;
            }
        }
    }
    out
}

fn round(v: f64, precision: u32) -> f64 {
    let f = 10f64.powi(precision as i32);
    (v * f).round() / f
}

/// The output file: one feature per line, features sorted by name, label points for the map's names.
pub fn write_geojson(shapes: &[Shape], precision: u32) -> String {
    let mut s = String::from("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (i, shape) in shapes.iter().enumerate() {
        let label = label_point(shape);
        let coords: Vec<Vec<Vec<[f64; 2]>>> = shape
            .polygons
            .iter()
            .map(|poly| {
                poly.iter()
                    .map(|r| {
                        r.iter()
                            .map(|p| [round(p[0], precision), round(p[1], precision)])
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let (kind, geometry) = if coords.len() == 1 {
            (
                "Polygon",
                serde_json::to_string(&coords[0]).unwrap_or_default(),
            )
        } else {
            (
                "MultiPolygon",
                serde_json::to_string(&coords).unwrap_or_default(),
            )
        };
        let mut props = serde_json::json!({ "code": shape.code, "name": shape.name });
        if let Some(l) = label {
            props["label"] = serde_json::json!([round(l[0], precision), round(l[1], precision)]);
        }
        if shape.context {
            props["context"] = serde_json::json!(true);
        }
        let _ = writeln!(
            s,
            "{{\"type\":\"Feature\",\"properties\":{props},\"geometry\":{{\"type\":\"{kind}\",\"coordinates\":{geometry}}}}}{}",
            if i + 1 < shapes.len() { "," } else { "" }
        );
    }
    s.push_str("]}\n");
    s
}

/// A point inside the largest polygon, where the name label goes.
fn label_point(shape: &Shape) -> Option<[f64; 2]> {
    use geo::Area;
    let polygons: Vec<Polygon> = shape
        .polygons
        .iter()
        .filter_map(|poly| {
            let mut rings = poly.iter().map(|r| {
                LineString::from(
                    r.iter()
                        .map(|p| Coord { x: p[0], y: p[1] })
                        .collect::<Vec<_>>(),
                )
            });
            let outer = rings.next()?;
            Some(Polygon::new(outer, rings.collect()))
        })
        .collect();
    let largest = polygons
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    largest.interior_point().map(|p| [p.x(), p.y()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Area, BooleanOps, MultiPolygon};

    fn to_geo(s: &Shape) -> MultiPolygon {
        MultiPolygon::new(
            s.polygons
                .iter()
                .map(|poly| {
                    let mut rings = poly.iter().map(|r| {
                        LineString::from(
                            r.iter()
                                .map(|p| Coord { x: p[0], y: p[1] })
                                .collect::<Vec<_>>(),
                        )
                    });
                    let outer = rings.next().unwrap_or_else(|| LineString::new(vec![]));
                    Polygon::new(outer, rings.collect())
                })
                .collect(),
        )
    }

    /// Two squares sharing a wiggly border, and a third touching both: simplification must keep the borders
    /// identical (no gap, no overlap) while removing the wiggles.
    fn neighbours() -> Vec<Shape> {
        let border: Vec<[f64; 2]> = (0..=20)
            .map(|i| [1.0 + if i % 2 == 0 { 0.0 } else { 0.001 }, i as f64 * 0.05])
            .collect();
        let mut left = vec![[0.0, 0.0]];
        left.extend(border.iter().copied());
        left.extend([[0.0, 1.0], [0.0, 0.0]]);
        let mut right: Vec<[f64; 2]> = vec![[1.0, 0.0], [2.0, 0.0], [2.0, 1.0]];
        right.extend(border.iter().rev().copied());
        let top = vec![
            [0.0, 1.0],
            [1.0, 1.0],
            [2.0, 1.0],
            [2.0, 2.0],
            [0.0, 2.0],
            [0.0, 1.0],
        ];
        let shape = |code: &str, ring: Vec<[f64; 2]>| Shape {
            code: code.into(),
            name: code.into(),
            context: false,
            polygons: vec![vec![ring]],
        };
        vec![
            shape("GM0001", left),
            shape("GM0002", right),
            shape("GM0003", top),
        ]
    }

    fn assert_no_gaps_or_overlaps(shapes: &[Shape]) {
        let total: f64 = shapes.iter().map(|s| to_geo(s).unsigned_area()).sum();
        let mut union = to_geo(&shapes[0]);
        for (i, a) in shapes.iter().enumerate() {
            for b in &shapes[i + 1..] {
                let overlap = to_geo(a).intersection(&to_geo(b)).unsigned_area();
                assert!(
                    overlap < 1e-9,
                    "{} and {} overlap by {overlap}",
                    a.code,
                    b.code
                );
            }
            union = union.union(&to_geo(a));
        }
        assert!(
            (union.unsigned_area() - total).abs() < 1e-9,
            "areas do not add up: gap or overlap"
        );
        // Boolean operations on floats leave slivers of ~1e-11 deg² (a tenth of a square metre); a real gap
        // from simplification is orders of magnitude larger (≥ 1e-7 deg² at the smallest tolerance).
        let holes: Vec<f64> = union
            .0
            .iter()
            .flat_map(|p| {
                p.interiors()
                    .iter()
                    .map(|r| Polygon::new(r.clone(), vec![]).unsigned_area())
            })
            .collect();
        assert!(
            holes.iter().all(|a| *a < 1e-9),
            "the union has holes of area {holes:?}: a gap between neighbours"
        );
    }

    #[test]
    fn shared_borders_stay_shared_after_simplification() {
        let shapes = neighbours();
        assert_no_gaps_or_overlaps(&shapes);
        let simple = simplify_shared(&shapes, 0.01);
        let before: usize = shapes.iter().map(Shape::vertices).sum();
        let after: usize = simple.iter().map(Shape::vertices).sum();
        assert!(after < before / 2, "wiggles removed: {before} → {after}");
        assert_no_gaps_or_overlaps(&simple);
    }

    #[test]
    fn budget_is_met_by_simplifying() {
        let shapes = neighbours();
        let full = write_geojson(&shapes, 5).len();
        let (_, text, tol) = fit_budget(&shapes, Some(full - 200), 5).unwrap();
        assert!(text.len() <= full - 200 && tol > 0.0);
    }

    #[test]
    fn rd_new_input_is_refused() {
        let dir = std::env::temp_dir().join("tk-rd-test.geojson");
        std::fs::write(&dir, r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"GM0153","statnaam":"Enschede"},"geometry":{"type":"Polygon","coordinates":[[[250000,470000],[251000,470000],[251000,471000],[250000,470000]]]}}]}"#).unwrap();
        let err = read_shapes(&dir).unwrap_err().to_string();
        assert!(err.contains("not WGS84"), "{err}");
    }

    #[test]
    fn cbs_names_lose_their_province_suffix() {
        assert_eq!(clean_name("Hengelo (O.)"), "Hengelo");
        assert_eq!(clean_name("Enschede"), "Enschede");
    }

    /// A committed municipality file: the widget reads it, it holds exactly `expected`, its rings are valid
    /// (the widget's parser checks them), and the region's municipalities fit together without gaps or overlaps.
    fn assert_committed(path: &Path, expected: &[String]) {
        let bytes = std::fs::read(path).unwrap();
        let file =
            twente_kaart_core::municipality::parse_municipalities("gemeenten.geojson", &bytes)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut codes: Vec<&str> = file
            .municipalities
            .iter()
            .map(|m| m.code.as_str())
            .collect();
        codes.sort();
        let mut expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        expected.sort();
        assert_eq!(codes, expected, "{}", path.display());
        let shapes: Vec<Shape> = read_shapes(path)
            .unwrap()
            .into_iter()
            .filter(|s| !s.context)
            .collect();
        assert_no_gaps_or_overlaps(&shapes);
    }

    /// Every region folder's file holds its region.json's codes and fits together.
    #[test]
    fn each_regions_committed_boundaries_fit_together() {
        let mut seen = Vec::new();
        for name in crate::region::all().unwrap() {
            let region = crate::region::load(&name).unwrap();
            assert_committed(
                &crate::region::dir(&name).join("gemeenten.geojson"),
                &region.codes,
            );
            seen.push((name, region.codes.len()));
        }
        seen.sort();
        assert_eq!(
            seen,
            [
                ("drechtsteden".to_string(), 7),
                ("drenthe".to_string(), 12),
                ("twente".to_string(), 14)
            ]
        );
    }
}
