//! "Waar gaan we wonen?": the household planner's geometry. Straight-line distances on WGS84, a simple
//! documented travel-time estimate, and the homes ranked by combined travel to two workplaces. Pure: the
//! widget only renders what this computes, and the bench times it at national scale.
//!
//! The estimate is deliberately simple and says so in the UI ("ca. 14 min"): time = distance × detour factor
//! ÷ average speed, one factor and one speed per mode (see [`Mode`] for the values and where they come from).
//! With one linear model per mode, ranking by the sum of the two car times is the same order as ranking by
//! the sum of the two distances, which is what [`rank_homes`] does.

use crate::listing::{Category, Kind, Listing};

/// The mean Earth radius (IUGG), in km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// The great-circle distance between two `[lon, lat]` points (haversine), in km.
///
/// ```
/// use twente_kaart_core::plan::distance_km;
/// // Enschede station to Hengelo station: 8.1 km as the crow flies.
/// let km = distance_km([6.8937, 52.2225], [6.7937, 52.2621]);
/// assert!((km - 8.1).abs() < 0.1, "{km}");
/// ```
pub fn distance_km(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (lat1, lat2) = (a[1].to_radians(), b[1].to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b[0] - a[0]).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// How one travels to work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Car,
    Bike,
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::Car, Mode::Bike];

    /// Route length ÷ straight-line distance. Car 1.3: published circuity factors of road networks lie mostly
    /// between 1.2 and 1.5 (Ballou, Rahardja & Sakai 2002, Transportation Research A 36; Boscoe, Henry & Zdeb
    /// 2012, The Professional Geographer 64), the low end for a dense grid like Twente's. Bike 1.2: the Dutch
    /// design guideline's target for the directness ("omrijfactor") of cycle routes (CROW, Ontwerpwijzer
    /// fietsverkeer).
    pub fn detour(self) -> f64 {
        match self {
            Mode::Car => 1.3,
            Mode::Bike => 1.2,
        }
    }

    /// Average door-to-door speed in km/h. Car 50: a regional trip mixes town streets (30–50 km/h),
    /// provincial roads (80) and a stretch of motorway, plus parking. Bike 15: the average speed of a
    /// conventional bicycle in Dutch travel surveys (KiM, Fietsfeiten, 2023; an e-bike does about 18–19).
    pub fn speed_kmh(self) -> f64 {
        match self {
            Mode::Car => 50.0,
            Mode::Bike => 15.0,
        }
    }
}

/// The estimated travel time in minutes for a straight-line distance.
///
/// ```
/// use twente_kaart_core::plan::{minutes, Mode};
/// assert_eq!(minutes(10.0, Mode::Car).round(), 16.0); // 10 km × 1.3 ÷ 50 km/h
/// assert_eq!(minutes(5.0, Mode::Bike).round(), 24.0); // 5 km × 1.2 ÷ 15 km/h
/// ```
pub fn minutes(km: f64, mode: Mode) -> f64 {
    km * mode.detour() / mode.speed_kmh() * 60.0
}

/// The straight-line distance reached in `minutes` (the inverse of [`minutes`]), for the reach rings.
pub fn reach_km(minutes: f64, mode: Mode) -> f64 {
    minutes / 60.0 * mode.speed_kmh() / mode.detour()
}

/// The reach rings drawn around each workplace, in minutes by car.
pub const RING_MINUTES: [u32; 2] = [15, 30];

/// The choices for a maximum travel time by car, in minutes (`None`: no maximum).
pub const MAX_MINUTES: [u32; 4] = [15, 30, 45, 60];

/// The housing kinds a plan can show; practice premises are not homes and are off unless asked for.
pub const HOME_KINDS: [Kind; 5] = [
    Kind::Koop,
    Kind::Huur,
    Kind::Nieuwbouw,
    Kind::Praktijkwoning,
    Kind::Praktijkruimte,
];

/// What the visitor narrowed the plan to.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanFilters {
    /// The longest estimated car time to the visitor's work and to the partner's, in minutes.
    pub max_minutes: [Option<u32>; 2],
    /// Which of [`HOME_KINDS`] are shown, in that order.
    pub kinds: [bool; 5],
}

impl Default for PlanFilters {
    fn default() -> Self {
        PlanFilters {
            max_minutes: [None, None],
            kinds: [true, true, true, true, false],
        }
    }
}

impl PlanFilters {
    pub fn allows(&self, kind: Kind) -> bool {
        HOME_KINDS
            .iter()
            .position(|k| *k == kind)
            .is_some_and(|i| self.kinds[i])
    }
}

/// One home in the plan: its index in the items, and its straight-line distance to each workplace in km.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RankedHome {
    pub index: usize,
    pub km: [f64; 2],
}

impl RankedHome {
    /// The estimated travel times to both workplaces in minutes, by `mode`.
    pub fn minutes(&self, mode: Mode) -> [f64; 2] {
        [minutes(self.km[0], mode), minutes(self.km[1], mode)]
    }
}

/// The housing items with a point that pass `filters`, ordered by combined travel to `work` and `partner`
/// (the sum of the distances, which is the order of the sum of the estimated car times); ties keep data order.
///
/// ```
/// use twente_kaart_core::plan::{rank_homes, PlanFilters};
/// let homes: Vec<twente_kaart_core::Listing> = vec![]; // see the unit tests for a worked example
/// assert!(rank_homes(&homes, [6.89, 52.22], [6.79, 52.26], &PlanFilters::default()).is_empty());
/// ```
pub fn rank_homes(
    items: &[Listing],
    work: [f64; 2],
    partner: [f64; 2],
    filters: &PlanFilters,
) -> Vec<RankedHome> {
    let mut ranked: Vec<RankedHome> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| {
            item.category == Category::Wonen && item.kind.is_some_and(|k| filters.allows(k))
        })
        .filter_map(|(index, item)| {
            let p = item.point?;
            Some(RankedHome {
                index,
                km: [distance_km(work, p), distance_km(partner, p)],
            })
        })
        .filter(|home| {
            let car = home.minutes(Mode::Car);
            (0..2).all(|w| filters.max_minutes[w].is_none_or(|max| car[w] <= f64::from(max)))
        })
        .collect();
    // Stable: equal sums keep data order, so the order is the same in every run and in the tests.
    ranked.sort_by(|a, b| (a.km[0] + a.km[1]).total_cmp(&(b.km[0] + b.km[1])));
    ranked
}

/// The partner's workplace as given in a link: an item id (`partner=wrk-enschede-mst`) or a point
/// (`partner=6.8937,52.2225`, WGS84, longitude first).
#[derive(Clone, Debug, PartialEq)]
pub enum PartnerPlace {
    Item(String),
    Point([f64; 2]),
}

/// Why a plan in a link cannot be shown. The UI translates each variant; the English text is for the console.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PlanError {
    #[error("{param}={value}: no item with this id")]
    UnknownItem { param: &'static str, value: String },
    #[error("{param}={value}: this item is not in the category {}", expected.as_str())]
    WrongCategory {
        param: &'static str,
        value: String,
        expected: Category,
    },
    #[error("{param}={value}: this item has no location on the map")]
    NoPoint { param: &'static str, value: String },
    #[error("{param}={value}: this point lies outside the region")]
    OutsideRegion { param: &'static str, value: String },
    #[error("{param}={value}: not an item id, nor a point as longitude,latitude")]
    Malformed { param: &'static str, value: String },
}

/// A number as JSON writes one (`6.89`, `-0.5`, `5e1`; not `inf`, `NaN`, `+6.8` or `.5`), read by serde_json,
/// whose parser the widget has anyway: `str::parse::<f64>` would add Rust's own float parser and its tables
/// (12 KB of the wasm, brotli: its tables of powers of five).
fn json_number(text: &str) -> Option<f64> {
    serde_json::from_str::<f64>(text.trim()).ok()
}

/// Reads the `partner` parameter. A value with a comma is a point and must be two finite numbers; anything
/// else is an id (checked against the data by the caller).
///
/// ```
/// use twente_kaart_core::plan::{parse_partner, PartnerPlace};
/// assert_eq!(parse_partner("6.89,52.22"), Ok(PartnerPlace::Point([6.89, 52.22])));
/// assert_eq!(parse_partner("wrk-enschede-mst"), Ok(PartnerPlace::Item("wrk-enschede-mst".into())));
/// assert!(parse_partner("6.89,abc").is_err());
/// ```
pub fn parse_partner(value: &str) -> Result<PartnerPlace, PlanError> {
    let malformed = || PlanError::Malformed {
        param: "partner",
        value: value.chars().take(64).collect(),
    };
    if let Some((lon, lat)) = value.split_once(',') {
        let lon = json_number(lon).ok_or_else(malformed)?;
        let lat = json_number(lat).ok_or_else(malformed)?;
        if !lon.is_finite() || !lat.is_finite() || lon.abs() > 180.0 || lat.abs() > 90.0 {
            return Err(malformed());
        }
        return Ok(PartnerPlace::Point([lon, lat]));
    }
    if value.is_empty()
        || value.len() > 64
        || !value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(malformed());
    }
    Ok(PartnerPlace::Item(value.to_string()))
}

/// A point as it is written in a link: longitude first, five decimals (about a metre). Integer formatting
/// only: float formatting would add its machinery to the widget's wasm for this one use.
pub fn point_param(p: [f64; 2]) -> String {
    format!("{},{}", fixed(p[0], 5), fixed(p[1], 5))
}

/// `v` with exactly `decimals` decimals (at most 9), rounded half away from zero, from integers.
pub fn fixed(v: f64, decimals: u32) -> String {
    let scale = 10_i64.pow(decimals.min(9));
    let n = (v * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let (whole, frac) = (
        n.unsigned_abs() / scale as u64,
        n.unsigned_abs() % scale as u64,
    );
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = decimals as usize)
    }
}

/// A plan whose link was checked against the data: the practice (an index into the items) and where it is,
/// and the partner's workplace when one was chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub work: usize,
    pub work_point: [f64; 2],
    pub partner: Option<Partner>,
}

/// The partner's workplace, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Partner {
    /// The employer's index into the items, or `None` for a point chosen on the map.
    pub item: Option<usize>,
    pub point: [f64; 2],
}

/// Checks a plan link (`werk`, `partner`) against the items and the region's municipalities: the work must be
/// a practice with a point, the partner an employer with a point or a point inside the region.
pub fn resolve(
    items: &[Listing],
    region: &[crate::municipality::Municipality],
    werk: &str,
    partner: Option<&str>,
) -> Result<Plan, PlanError> {
    let find = |param: &'static str, id: &str, expected: Category| {
        let (index, item) = items
            .iter()
            .enumerate()
            .find(|(_, i)| i.id == id)
            .ok_or_else(|| PlanError::UnknownItem {
                param,
                value: id.chars().take(64).collect(),
            })?;
        if item.category != expected {
            return Err(PlanError::WrongCategory {
                param,
                value: id.to_string(),
                expected,
            });
        }
        let point = item.point.ok_or_else(|| PlanError::NoPoint {
            param,
            value: id.to_string(),
        })?;
        Ok((index, point))
    };
    let (work, work_point) = find("werk", werk, Category::Praktijk)?;
    let partner = match partner.map(parse_partner).transpose()? {
        None => None,
        Some(PartnerPlace::Item(id)) => {
            let (index, point) = find("partner", &id, Category::Partnerwerk)?;
            Some(Partner {
                item: Some(index),
                point,
            })
        }
        Some(PartnerPlace::Point(point)) => {
            if !region.iter().any(|m| m.contains(point)) {
                return Err(PlanError::OutsideRegion {
                    param: "partner",
                    value: point_param(point),
                });
            }
            Some(Partner { item: None, point })
        }
    };
    Ok(Plan {
        work,
        work_point,
        partner,
    })
}

/// The towns in the data with a point, each at the mean of its items' points, by name: the places a
/// keyboard user can choose as the partner's workplace, and the name near a point picked on the map.
pub fn towns(items: &[Listing]) -> Vec<(String, [f64; 2])> {
    let mut sums: std::collections::BTreeMap<&str, ([f64; 2], usize)> = Default::default();
    // A story may name no town: it then places none.
    for item in items.iter().filter(|i| !i.town().is_empty()) {
        if let Some(p) = item.point {
            let e = sums.entry(item.town()).or_insert(([0.0, 0.0], 0));
            e.0[0] += p[0];
            e.0[1] += p[1];
            e.1 += 1;
        }
    }
    sums.into_iter()
        .map(|(town, (sum, n))| (town.to_string(), [sum[0] / n as f64, sum[1] / n as f64]))
        .collect()
}

/// The town nearest to `p`, to name a point picked on the map ("bij Hengelo").
pub fn nearest_town(towns: &[(String, [f64; 2])], p: [f64; 2]) -> Option<&str> {
    towns
        .iter()
        .min_by(|a, b| distance_km(a.1, p).total_cmp(&distance_km(b.1, p)))
        .map(|(t, _)| t.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::listing::Price;
    use crate::text::LocalizedText;

    fn home(id: &str, kind: Kind, point: Option<[f64; 2]>) -> Listing {
        Listing {
            id: id.into(),
            category: kind.category(),
            kind: Some(kind),
            municipality: "GM0153".into(),
            town: Some("Enschede".into()),
            point,
            title: Some(LocalizedText::Plain(id.into())),
            description: Some(LocalizedText::Plain(String::new())),
            link: None,
            contact: None,
            updated: Date::new(2026, 11, 1).unwrap(),
            valid_until: None,
            training: false,
            start: None,
            end: None,
            hours: None,
            patients: None,
            price: Some(Price {
                min: 1000,
                max: None,
                per: crate::listing::PricePeriod::Maand,
            }),
            sector: None,
            quote: None,
            person: None,
            photo: None,
            featured: false,
        }
    }

    #[test]
    fn known_distances() {
        // Amsterdam Centraal to Utrecht Centraal: 35.4 km as the crow flies.
        let d = distance_km([4.9003, 52.3791], [5.1109, 52.0894]);
        assert!((d - 35.4).abs() < 0.2, "{d}");
        // One degree of latitude is 111.2 km on the mean sphere.
        let d = distance_km([6.8, 52.0], [6.8, 53.0]);
        assert!((d - 111.19).abs() < 0.01, "{d}");
        assert_eq!(distance_km([6.8, 52.2], [6.8, 52.2]), 0.0);
    }

    #[test]
    fn reach_is_the_inverse_of_the_estimate() {
        for mode in Mode::ALL {
            let km = reach_km(30.0, mode);
            assert!((minutes(km, mode) - 30.0).abs() < 1e-9);
        }
    }

    #[test]
    fn homes_ranked_by_combined_distance_and_filtered() {
        let work = [6.89, 52.22]; // Enschede
        let partner = [6.79, 52.26]; // Hengelo
        let items = vec![
            home("far", Kind::Koop, Some([6.66, 52.36])), // Almelo
            home("between", Kind::Huur, Some([6.84, 52.24])), // between the two
            home("premises", Kind::Praktijkruimte, Some([6.84, 52.24])),
            home("no-point", Kind::Koop, None),
            home("near-work", Kind::Nieuwbouw, Some([6.89, 52.221])),
            home("practice", Kind::Overname, Some([6.84, 52.24])), // not a home
        ];
        let ranked = rank_homes(&items, work, partner, &PlanFilters::default());
        let ids: Vec<&str> = ranked.iter().map(|r| items[r.index].id.as_str()).collect();
        assert_eq!(ids, ["between", "near-work", "far"]);
        // Practice premises only when asked for; ties keep data order.
        let mut with_premises = PlanFilters::default();
        with_premises.kinds[4] = true;
        let ranked = rank_homes(&items, work, partner, &with_premises);
        assert_eq!(items[ranked[0].index].id, "between");
        assert_eq!(items[ranked[1].index].id, "premises");
        // A maximum of 20 minutes by car to the visitor's work leaves out Almelo (21.6 km away, ~34 min).
        let short = PlanFilters {
            max_minutes: [Some(20), None],
            ..PlanFilters::default()
        };
        let ranked = rank_homes(&items, work, partner, &short);
        assert!(ranked.iter().all(|r| items[r.index].id != "far"));
        assert_eq!(ranked.len(), 2);
    }

    #[test]
    fn partner_parameter() {
        assert_eq!(
            parse_partner(" 6.5 , 52.3"),
            Ok(PartnerPlace::Point([6.5, 52.3]))
        );
        for bad in [
            "",
            "6.5,",
            ",52",
            "NaN,52",
            "inf,52",
            "+6.5,52",
            ".5,52",
            "1e400,52",
            "6.5x,52",
            "200,52",
            "Robert'); drop",
            "a,b,c",
        ] {
            assert!(
                matches!(parse_partner(bad), Err(PlanError::Malformed { .. })),
                "{bad}"
            );
        }
        assert_eq!(point_param([6.893712, 52.22251]), "6.89371,52.22251");
        assert_eq!(point_param([-0.5, 52.0]), "-0.50000,52.00000");
        assert_eq!(
            (fixed(8.25, 1), fixed(0.04, 1), fixed(12.0, 0)),
            ("8.3".into(), "0.0".into(), "12".into())
        );
    }

    #[test]
    fn plan_links_are_checked_against_the_data() {
        let square = crate::municipality::Municipality {
            code: "GM0153".into(),
            name: "Enschede".into(),
            polygons: vec![vec![vec![
                [6.7, 52.1],
                [7.0, 52.1],
                [7.0, 52.4],
                [6.7, 52.4],
                [6.7, 52.1],
            ]]],
            label: None,
            context: false,
        };
        let region = [square];
        let mut employer = home("wrk", Kind::Werkgever, Some([6.8, 52.3]));
        employer.category = Category::Partnerwerk;
        let items = vec![
            home("prk", Kind::Overname, Some([6.89, 52.22])),
            home("prk-nowhere", Kind::Overname, None),
            employer,
            home("woning", Kind::Koop, Some([6.85, 52.2])),
        ];
        let plan = resolve(&items, &region, "prk", Some("wrk")).unwrap();
        assert_eq!((plan.work, plan.partner.unwrap().item), (0, Some(2)));
        let plan = resolve(&items, &region, "prk", Some("6.9,52.3")).unwrap();
        assert_eq!(plan.partner.unwrap().point, [6.9, 52.3]);
        assert!(resolve(&items, &region, "prk", None)
            .unwrap()
            .partner
            .is_none());
        let err = |w, p| resolve(&items, &region, w, p).unwrap_err();
        assert!(matches!(
            err("nope", None),
            PlanError::UnknownItem { param: "werk", .. }
        ));
        assert!(matches!(
            err("woning", None),
            PlanError::WrongCategory {
                expected: Category::Praktijk,
                ..
            }
        ));
        assert!(matches!(
            err("prk", Some("prk")),
            PlanError::WrongCategory {
                param: "partner",
                ..
            }
        ));
        assert!(matches!(
            err("prk-nowhere", None),
            PlanError::NoPoint { .. }
        ));
        assert!(matches!(
            err("prk", Some("5.1,52.1")),
            PlanError::OutsideRegion { .. }
        ));
        assert!(matches!(
            err("prk", Some("6.9;52")),
            PlanError::Malformed { .. }
        ));
    }

    #[test]
    fn towns_at_the_mean_of_their_items() {
        let items = vec![
            home("a", Kind::Koop, Some([6.8, 52.2])),
            home("b", Kind::Koop, Some([6.9, 52.3])),
            home("c", Kind::Koop, None),
        ];
        let towns = towns(&items);
        assert_eq!(towns.len(), 1);
        assert_eq!(towns[0].0, "Enschede");
        assert!((towns[0].1[0] - 6.85).abs() < 1e-9 && (towns[0].1[1] - 52.25).abs() < 1e-9);
        assert_eq!(nearest_town(&towns, [7.0, 52.0]), Some("Enschede"));
    }
}
