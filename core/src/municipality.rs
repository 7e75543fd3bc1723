//! The municipalities file: a GeoJSON FeatureCollection of Polygons/MultiPolygons with `code` and `name`.

use crate::error::{decode, DataError};
use crate::geometry::{ring_self_intersects, Ring};
use crate::reason::GeometryProblem;
use geojson::{FeatureCollection, GeometryValue};

/// The municipalities file's name in the data folder (written by `cargo xtask data boundaries`).
pub const FILE: &str = "gemeenten.geojson";

/// One municipality: its CBS code, name and outline (exterior rings and holes, WGS84 `[lon, lat]`).
#[derive(Clone, Debug, PartialEq)]
pub struct Municipality {
    /// CBS code, e.g. `GM0153`.
    pub code: String,
    pub name: String,
    /// Polygons, each as exterior ring followed by its holes. Rings are closed (first == last).
    pub polygons: Vec<Vec<Ring>>,
    /// Where the name label goes (written by the boundary import); falls back to the bounding-box centre.
    pub label: Option<[f64; 2]>,
    /// A grey neighbour drawn for context only, never selectable.
    pub context: bool,
}

impl Municipality {
    /// Whether `p` (`[lon, lat]`) lies inside the municipality (inside an exterior ring and outside its holes).
    pub fn contains(&self, p: [f64; 2]) -> bool {
        self.polygons.iter().any(|poly| {
            let mut rings = poly.iter();
            rings
                .next()
                .is_some_and(|outer| crate::geometry::point_in_ring(p, outer))
                && rings.all(|hole| !crate::geometry::point_in_ring(p, hole))
        })
    }

    /// `[min_lon, min_lat, max_lon, max_lat]`.
    pub fn bbox(&self) -> [f64; 4] {
        crate::geometry::bbox(self.polygons.iter().flatten().flatten())
    }

    /// The label point, or the bounding-box centre when the file has none.
    pub fn label_point(&self) -> [f64; 2] {
        self.label.unwrap_or_else(|| {
            let b = self.bbox();
            [(b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0]
        })
    }

    pub fn vertex_count(&self) -> usize {
        self.polygons
            .iter()
            .flatten()
            .map(|r| r.len().saturating_sub(1))
            .sum()
    }
}

/// The parsed municipalities file, split into the selectable municipalities and the grey context.
#[derive(Clone, Debug, PartialEq)]
pub struct MunicipalityFile {
    pub municipalities: Vec<Municipality>,
    pub context: Vec<Municipality>,
}

/// A CBS municipality code: `GM` and four digits.
pub fn is_municipality_code(code: &str) -> bool {
    code.len() == 6 && code.starts_with("GM") && code[2..].bytes().all(|b| b.is_ascii_digit())
}

/// Reads the municipalities file and checks every feature: properties, geometry type, closed rings with at
/// least four positions, finite WGS84 coordinates, no self-intersection, unique codes.
pub fn parse_municipalities(file: &str, bytes: &[u8]) -> Result<MunicipalityFile, DataError> {
    let text = decode(file, bytes)?;
    let fc: FeatureCollection =
        serde_json::from_str(text).map_err(|e| DataError::from_json(file, &e))?;
    let mut out = MunicipalityFile {
        municipalities: Vec::new(),
        context: Vec::new(),
    };
    for (i, feature) in fc.features.iter().enumerate() {
        let props = feature.properties.as_ref();
        let prop_str = |key: &str| {
            props
                .and_then(|p| p.get(key))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let label_name = prop_str("code")
            .map(|c| truncate(&c))
            .unwrap_or_else(|| format!("#{}", i + 1));
        let geo_err = |problem: GeometryProblem| DataError::Geometry {
            file: file.into(),
            feature: label_name.clone(),
            problem,
        };
        let code = prop_str("code").ok_or_else(|| match props.and_then(|p| p.get("code")) {
            Some(other) => geo_err(GeometryProblem::CodeNotText {
                found: truncate(&other.to_string()),
            }),
            None => geo_err(GeometryProblem::MissingProperty { name: "code" }),
        })?;
        if !is_municipality_code(&code) {
            return Err(geo_err(GeometryProblem::CodeFormat {
                code: truncate(&code),
            }));
        }
        let name = prop_str("name")
            .ok_or_else(|| geo_err(GeometryProblem::MissingProperty { name: "name" }))?;
        if name.trim().is_empty() || name.chars().count() > 60 {
            return Err(geo_err(GeometryProblem::NameLength));
        }
        if crate::checks::has_hidden_characters(&name) {
            return Err(geo_err(GeometryProblem::HiddenCharacters {
                name: truncate(&name),
            }));
        }
        let context = props
            .and_then(|p| p.get("context"))
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        let label = props
            .and_then(|p| p.get("label"))
            .and_then(|v| serde_json::from_value::<[f64; 2]>(v.clone()).ok());
        let geometry = feature
            .geometry
            .as_ref()
            .ok_or_else(|| geo_err(GeometryProblem::NoGeometry))?;
        let raw_polygons = match &geometry.value {
            GeometryValue::Polygon { coordinates } => vec![coordinates],
            GeometryValue::MultiPolygon { coordinates } => coordinates.iter().collect(),
            other => {
                return Err(geo_err(GeometryProblem::NotAPolygon {
                    found: other.type_name().to_string(),
                }))
            }
        };
        let mut polygons = Vec::with_capacity(raw_polygons.len());
        for poly in raw_polygons {
            let mut rings = Vec::with_capacity(poly.len());
            for ring in poly {
                let ring: Ring = ring
                    .iter()
                    .map(|p| {
                        let s = p.as_slice();
                        [
                            s.first().copied().unwrap_or(f64::NAN),
                            s.get(1).copied().unwrap_or(f64::NAN),
                        ]
                    })
                    .collect();
                check_ring(&ring).map_err(&geo_err)?;
                rings.push(ring);
            }
            if rings.is_empty() {
                return Err(geo_err(GeometryProblem::PolygonWithoutRings));
            }
            polygons.push(rings);
        }
        if polygons.is_empty() {
            return Err(geo_err(GeometryProblem::EmptyMultiPolygon));
        }
        let m = Municipality {
            code,
            name,
            polygons,
            label,
            context,
        };
        if out
            .municipalities
            .iter()
            .chain(out.context.iter())
            .any(|o| o.code == m.code)
        {
            return Err(geo_err(GeometryProblem::DuplicateCode));
        }
        if context {
            out.context.push(m)
        } else {
            out.municipalities.push(m)
        }
    }
    if out.municipalities.is_empty() {
        return Err(DataError::NoMunicipalities { file: file.into() });
    }
    Ok(out)
}

fn check_ring(ring: &Ring) -> Result<(), GeometryProblem> {
    if ring.len() < 4 {
        return Err(GeometryProblem::RingTooShort);
    }
    if ring
        .iter()
        .any(|p| !p[0].is_finite() || !p[1].is_finite() || p[0].abs() > 180.0 || p[1].abs() > 90.0)
    {
        return Err(GeometryProblem::NotWgs84);
    }
    if ring.first() != ring.last() {
        return Err(GeometryProblem::RingNotClosed);
    }
    if ring_self_intersects(ring) {
        return Err(GeometryProblem::RingCrossesItself);
    }
    Ok(())
}

/// At most 40 characters, hidden ones made visible: for quoting a value in a message.
fn truncate(s: &str) -> String {
    crate::checks::visible(&s.chars().take(40).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fc(geometry: &str) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"code":"GM0001","name":"Test"}},"geometry":{geometry}}}]}}"#
        )
    }

    #[test]
    fn reads_a_square() {
        let f = parse_municipalities(
            "g.geojson",
            fc(r#"{"type":"Polygon","coordinates":[[[6,52],[7,52],[7,53],[6,53],[6,52]]]}"#)
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(f.municipalities[0].vertex_count(), 4);
        assert!(f.municipalities[0].contains([6.5, 52.5]));
        assert!(!f.municipalities[0].contains([7.5, 52.5]));
    }

    #[test]
    fn unclosed_ring_is_named() {
        let e = parse_municipalities(
            "g.geojson",
            fc(r#"{"type":"Polygon","coordinates":[[[6,52],[7,52],[7,53],[6,53]]]}"#).as_bytes(),
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("GM0001") && e.to_string().contains("not closed"),
            "{e}"
        );
    }

    #[test]
    fn bow_tie_is_rejected() {
        let e = parse_municipalities(
            "g.geojson",
            fc(r#"{"type":"Polygon","coordinates":[[[6,52],[7,53],[7,52],[6,53],[6,52]]]}"#)
                .as_bytes(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("crosses itself"), "{e}");
    }

    #[test]
    fn rd_new_coordinates_are_refused() {
        let e = parse_municipalities("g.geojson", fc(r#"{"type":"Polygon","coordinates":[[[250000,470000],[251000,470000],[251000,471000],[250000,470000]]]}"#).as_bytes()).unwrap_err();
        assert!(e.to_string().contains("WGS84"), "{e}");
    }

    #[test]
    fn zero_features_is_an_error() {
        let e = parse_municipalities(
            "g.geojson",
            br#"{"type":"FeatureCollection","features":[]}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("zero features"), "{e}");
    }
}
