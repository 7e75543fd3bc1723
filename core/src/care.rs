//! Care on the way to work: the region's hospitals and out-of-hours GP posts (huisartsenposten), a context
//! layer of the map and a fact on every practice's card ("huisartsenpost: ca. 12 km"): evening and weekend
//! shifts at the post are part of a GP's job.

use crate::plan::distance_km;
use serde::{Deserialize, Serialize};

/// What a care site is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum CareKind {
    /// A hospital with an emergency department.
    Ziekenhuis,
    /// An out-of-hours GP post, where the region's GPs work evening, night and weekend shifts.
    Huisartsenpost,
}

/// One hospital or GP post. Not a listing: it is context, not on offer, and it is not counted or listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CareSite {
    /// Stable identifier: lowercase letters, digits and dashes.
    pub id: String,
    pub kind: CareKind,
    /// The name as the public knows it, e.g. "MST Enschede".
    pub name: String,
    pub town: String,
    /// CBS municipality code.
    pub municipality: String,
    /// Location as [longitude, latitude] (WGS84).
    pub point: [f64; 2],
    /// Where the location comes from (a public page of the organisation, or a note on how it was found).
    pub source: String,
}

/// The nearest site of `kind` to `from`, with its straight-line distance in km.
///
/// ```
/// use twente_kaart_core::care::{nearest, CareKind, CareSite};
/// let post = |id: &str, point| CareSite { id: id.into(), kind: CareKind::Huisartsenpost, name: id.into(),
///     town: "".into(), municipality: "GM0153".into(), point, source: "".into() };
/// let sites = [post("far", [7.0, 52.3]), post("near", [6.9, 52.22])];
/// let (site, km) = nearest(&sites, CareKind::Huisartsenpost, [6.89, 52.22]).unwrap();
/// assert_eq!(site.id, "near");
/// assert!((km - 0.68).abs() < 0.01);
/// ```
pub fn nearest(sites: &[CareSite], kind: CareKind, from: [f64; 2]) -> Option<(&CareSite, f64)> {
    sites
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| (s, distance_km(from, s.point)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
}
