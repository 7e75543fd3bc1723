//! Validation rules for the listings: one implementation, run by `cargo xtask data check` and by the widget.
//! Every rule returns all problems it finds, each with the file, line and item id a person needs.

use crate::date::Now;
use crate::error::Location;
use crate::listing::{is_safe_link, Category, Listing, Photo};
use crate::meta::Meta;
use crate::municipality::Municipality;
use crate::text::LocalizedText;
use std::collections::HashMap;
use std::fmt;

/// Longest title the panel and list show without cutting.
pub const MAX_TITLE: usize = 90;
/// Longest description (one paragraph).
pub const MAX_DESCRIPTION: usize = 600;
/// Longest town, hours, contact or person name.
pub const MAX_SHORT: usize = 60;
/// Longest quote of a story: a tweet's length, large enough for a thought, short enough for a kiosk slide.
pub const MAX_QUOTE: usize = 280;
/// Longest alt text of a photo.
pub const MAX_ALT: usize = 200;
/// Largest photo file: a phone on a slow connection loads it in about a second.
pub const MAX_PHOTO_BYTES: u64 = 80 * 1024;
/// The folder of the data's pictures, and the file types a browser shows in every engine.
pub const PHOTO_DIR: &str = "img/";
pub const PHOTO_TYPES: [&str; 6] = ["jpg", "jpeg", "png", "webp", "avif", "svg"];
/// How far (degrees, about 7 km) a point may lie outside the box of the map's municipalities, the grey
/// neighbours included, before it is taken for a mistake such as swapped coordinates.
pub const REGION_MARGIN: f64 = 0.1;

/// The box the region's points must lie in: the map's box widened by [`REGION_MARGIN`], as
/// `[min_lon, min_lat, max_lon, max_lat]`; `None` for an empty map.
pub fn region_box(map: &[Municipality]) -> Option<[f64; 4]> {
    let [x0, y0, x1, y1] = crate::geometry::bbox(
        map.iter()
            .flat_map(|m| m.polygons.iter().flatten().flatten()),
    );
    (x0 <= x1 && y0 <= y1).then_some([
        x0 - REGION_MARGIN,
        y0 - REGION_MARGIN,
        x1 + REGION_MARGIN,
        y1 + REGION_MARGIN,
    ])
}

/// Errors skip the item; warnings are shown to maintainers only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The item does not match the schema (missing field, wrong type, unknown value…).
    Invalid(crate::reason::Reason),
    BadId,
    DuplicateId {
        first_line: usize,
    },
    KindNotInCategory,
    MissingSector,
    UnknownMunicipality(String),
    PointNotFinite,
    PointOutsideRegion,
    PointOutsideMunicipality {
        found_in: Option<String>,
    },
    UnsafeLink,
    HttpLink,
    BadEmail,
    BadPhone,
    EmptyText,
    TooLong {
        max: usize,
        len: usize,
    },
    HiddenCharacters,
    Expired,
    /// A photo's `src` that is not a file name in `img/` (a web address, a path out of the folder…).
    PhotoPath,
    /// No such file in the data folder.
    PhotoMissing,
    PhotoTooLarge {
        bytes: u64,
    },
    /// `width` or `height` of 0.
    PhotoSize,
    EndBeforeStart,
    /// An event whose end (or start) has passed: not shown.
    EventOver,
}

/// One problem in the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub file: String,
    /// Position of the item in `items` (0-based); `None` for the metadata.
    pub item_index: Option<usize>,
    pub id: Option<String>,
    pub at: Option<Location>,
    pub field: Option<&'static str>,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn severity(&self) -> Severity {
        match self.kind {
            ProblemKind::HttpLink
            | ProblemKind::Expired
            | ProblemKind::EventOver
            | ProblemKind::HiddenCharacters => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::Invalid(r) => write!(f, "{r}"),
            ProblemKind::BadId => write!(f, "id must be 1–64 lowercase letters, digits or dashes"),
            ProblemKind::DuplicateId { first_line } => {
                write!(f, "this id is already used on line {first_line}")
            }
            ProblemKind::KindNotInCategory => {
                write!(f, "this kind does not belong to this category")
            }
            ProblemKind::MissingSector => write!(f, "a partner employer needs a `sector`"),
            ProblemKind::UnknownMunicipality(c) => {
                write!(f, "unknown municipality code `{}`", visible(c))
            }
            ProblemKind::PointNotFinite => {
                write!(f, "point must be two finite numbers [longitude, latitude]")
            }
            ProblemKind::PointOutsideRegion => {
                write!(f, "point lies outside the map's region (is it [latitude, longitude] instead of [longitude, latitude]?)")
            }
            ProblemKind::PointOutsideMunicipality { found_in: Some(c) } => {
                write!(f, "point lies in {c}, not in the item's municipality")
            }
            ProblemKind::PointOutsideMunicipality { found_in: None } => {
                write!(f, "point lies outside the item's municipality")
            }
            ProblemKind::UnsafeLink => write!(
                f,
                "links must start with https://, http://, mailto: or tel:"
            ),
            ProblemKind::HttpLink => write!(f, "link uses http://; prefer https://"),
            ProblemKind::BadEmail => write!(f, "not a valid e-mail address"),
            ProblemKind::BadPhone => {
                write!(f, "not a valid phone number (digits, spaces, + - ( ) only)")
            }
            ProblemKind::EmptyText => write!(f, "text is empty"),
            ProblemKind::TooLong { max, len } => write!(
                f,
                "text has {len} characters; the layout shows at most {max}"
            ),
            ProblemKind::HiddenCharacters => write!(
                f,
                "text contains invisible or direction-changing characters"
            ),
            ProblemKind::Expired => write!(f, "valid_until is in the past; the item is not shown"),
            ProblemKind::PhotoPath => write!(
                f,
                "a photo must be a file in the data folder's img/ (jpg, png, webp, avif or svg), e.g. img/markt.jpg, not a web address"
            ),
            ProblemKind::PhotoMissing => write!(f, "there is no such file in the data folder"),
            ProblemKind::PhotoTooLarge { bytes } => write!(
                f,
                "the photo file has {} KB; at most {} KB (make it smaller, e.g. 800 px wide as JPEG or WebP)",
                bytes.div_ceil(1024),
                MAX_PHOTO_BYTES / 1024
            ),
            ProblemKind::PhotoSize => write!(f, "width and height must be the picture's size in pixels"),
            ProblemKind::EndBeforeStart => write!(f, "the event ends before it starts"),
            ProblemKind::EventOver => write!(f, "the event is over; it is not shown"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(at) = self.at {
            write!(f, ", line {}, column {}", at.line, at.column)?;
        }
        if let Some(id) = &self.id {
            write!(f, ", item `{}`", visible(id))?;
        } else if self.item_index.is_none() {
            write!(f, ", meta")?;
        }
        if let Some(field) = self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.kind)
    }
}

use crate::checks::is_id;
pub use crate::checks::{has_hidden_characters, is_email, is_phone, visible};

struct Checker<'a> {
    file: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn push(&mut self, placed: Option<&Placed>, field: Option<&'static str>, kind: ProblemKind) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            item_index: placed.map(|p| p.index),
            id: placed.map(|p| p.item.id.chars().take(64).collect()),
            at: placed.map(|p| p.at),
            field,
            kind,
        });
    }

    fn text(
        &mut self,
        placed: Option<&Placed>,
        field: &'static str,
        text: &LocalizedText,
        max: usize,
    ) {
        for variant in text.variants() {
            self.plain(placed, field, variant, max);
        }
        if text.variants().next().is_none_or(|nl| nl.trim().is_empty()) {
            self.push(placed, Some(field), ProblemKind::EmptyText);
        }
    }

    fn plain(&mut self, placed: Option<&Placed>, field: &'static str, s: &str, max: usize) {
        let len = s.chars().count();
        if len > max {
            self.push(placed, Some(field), ProblemKind::TooLong { max, len });
        }
        if has_hidden_characters(s) {
            self.push(placed, Some(field), ProblemKind::HiddenCharacters);
        }
    }

    /// A field this item's category needs, and the item does not have.
    fn missing(&mut self, placed: Option<&Placed>, field: &'static str) {
        let reason = crate::reason::Reason::MissingField {
            field: field.into(),
        };
        self.push(placed, Some(field), ProblemKind::Invalid(reason));
    }

    fn link(&mut self, placed: Option<&Placed>, field: &'static str, link: &str) {
        if has_hidden_characters(link) {
            self.push(placed, Some(field), ProblemKind::HiddenCharacters);
        }
        if !is_safe_link(link) {
            self.push(placed, Some(field), ProblemKind::UnsafeLink);
        } else if link.to_ascii_lowercase().starts_with("http://") {
            self.push(placed, Some(field), ProblemKind::HttpLink);
        }
    }
}

/// An item that parsed, with where it stands in the file: what the validator checks.
pub struct Placed {
    pub index: usize,
    pub at: Location,
    pub item: Listing,
}

/// Checks the metadata block; with the map's [`region_box`], the care sites' points too.
pub fn validate_meta(file: &str, meta: &Meta, region: Option<[f64; 4]>) -> Vec<Problem> {
    let mut c = Checker {
        file,
        problems: Vec::new(),
    };
    c.text(None, "meta.title", &meta.title, MAX_TITLE);
    c.text(None, "meta.intro", &meta.intro, MAX_DESCRIPTION);
    if !is_email(&meta.contact.email) {
        c.push(None, Some("meta.contact.email"), ProblemKind::BadEmail);
    }
    if let Some(phone) = &meta.contact.phone {
        if !is_phone(phone) {
            c.push(None, Some("meta.contact.phone"), ProblemKind::BadPhone);
        }
    }
    if let Some(url) = &meta.contact.url {
        c.link(None, "meta.contact.url", url);
    }
    for site in &meta.care {
        if !is_id(&site.id) {
            c.push(None, Some("meta.care.id"), ProblemKind::BadId);
        }
        c.plain(None, "meta.care.name", &site.name, MAX_TITLE);
        if site.name.trim().is_empty() {
            c.push(None, Some("meta.care.name"), ProblemKind::EmptyText);
        }
        if site.source.trim().is_empty() {
            c.push(None, Some("meta.care.source"), ProblemKind::EmptyText);
        }
        let [lon, lat] = site.point;
        if !lon.is_finite() || !lat.is_finite() {
            c.push(None, Some("meta.care.point"), ProblemKind::PointNotFinite);
        } else if region.is_some_and(|b| !in_box(site.point, b)) {
            c.push(
                None,
                Some("meta.care.point"),
                ProblemKind::PointOutsideRegion,
            );
        }
    }
    c.problems
}

/// The size in bytes of a file in the data folder, `None` when there is none.
pub type FileSize<'a> = &'a dyn Fn(&str) -> Option<u64>;

/// What the checks compare the items with, beyond the file itself; each part is optional.
#[derive(Clone, Copy, Default)]
pub struct Context<'a> {
    /// The municipalities: codes and points are checked against them.
    pub map: Option<&'a [Municipality]>,
    /// The present: expired items and past events are left out (with a warning).
    pub now: Option<Now>,
    /// The size in bytes of a file in the data folder (`None`: no such file). The tools read the disk; the
    /// widget and the editor cannot, and check the photo's name only.
    pub file_size: Option<FileSize<'a>>,
}

impl<'a> Context<'a> {
    pub fn with_map(map: &'a [Municipality]) -> Context<'a> {
        Context {
            map: Some(map),
            ..Context::default()
        }
    }
}

/// Checks the parsed items: ids, category rules, text, links, contact, dates and, with the context's map,
/// municipality codes and points.
pub fn validate_items(file: &str, items: &[Placed], cx: Context) -> Vec<Problem> {
    let places = cx.map.map(Places::new);
    let mut c = Checker {
        file,
        problems: Vec::new(),
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for placed in items {
        let p = Some(placed);
        let item: &Listing = &placed.item;
        if !is_id(&item.id) {
            c.push(p, Some("id"), ProblemKind::BadId);
        } else if let Some(first_line) = seen.get(item.id.as_str()) {
            c.push(
                p,
                Some("id"),
                ProblemKind::DuplicateId {
                    first_line: *first_line,
                },
            );
        } else {
            seen.insert(&item.id, placed.at.line);
        }
        match item.kind {
            Some(kind) if kind.category() != item.category => {
                c.push(p, Some("kind"), ProblemKind::KindNotInCategory);
            }
            None if item.category.has_kinds() => c.missing(p, "kind"),
            _ => {}
        }
        if item.category == Category::Partnerwerk && item.sector.is_none() {
            c.push(p, Some("sector"), ProblemKind::MissingSector);
        }
        let story = item.category == Category::Verhaal;
        match &item.title {
            Some(title) => c.text(p, "title", title, MAX_TITLE),
            None if !story => c.missing(p, "title"),
            None => {}
        }
        match &item.description {
            Some(d) => c.text(p, "description", d, MAX_DESCRIPTION),
            None if !story => c.missing(p, "description"),
            None => {}
        }
        match &item.town {
            Some(town) => {
                if town.trim().is_empty() {
                    c.push(p, Some("town"), ProblemKind::EmptyText);
                }
                c.plain(p, "town", town, MAX_SHORT);
            }
            None if !story => c.missing(p, "town"),
            None => {}
        }
        if story {
            check_story(&mut c, placed, cx.file_size);
        }
        if item.category == Category::Agenda {
            check_event(&mut c, placed, cx.now);
        }
        if let Some(hours) = &item.hours {
            c.text(p, "hours", hours, MAX_SHORT);
        }
        if let Some(link) = &item.link {
            c.link(p, "link", link);
        }
        if let Some(contact) = &item.contact {
            if let Some(name) = &contact.name {
                c.plain(p, "contact.name", name, MAX_SHORT);
            }
            if contact.email.as_deref().is_some_and(|e| !is_email(e)) {
                c.push(p, Some("contact.email"), ProblemKind::BadEmail);
            }
            if contact.phone.as_deref().is_some_and(|t| !is_phone(t)) {
                c.push(p, Some("contact.phone"), ProblemKind::BadPhone);
            }
            if let Some(url) = &contact.url {
                c.link(p, "contact.url", url);
            }
        }
        if let (Some(now), Some(until)) = (cx.now, item.valid_until) {
            if until < now.today {
                c.push(p, Some("valid_until"), ProblemKind::Expired);
            }
        }
        if let Some(places) = &places {
            check_place(&mut c, placed, places);
        } else if let Some(pt) = item.point {
            // Without a map (the editor before the boundaries load) only the globe bounds the point.
            check_point_range(&mut c, placed, pt, [-180.0, -90.0, 180.0, 90.0]);
        }
    }
    c.problems
}

/// A story: its quote and who tells it are required, its photo is a file of the data folder's own.
fn check_story(c: &mut Checker, placed: &Placed, file_size: Option<FileSize>) {
    let p = Some(placed);
    let item = &placed.item;
    match &item.quote {
        Some(quote) => c.text(p, "quote", quote, MAX_QUOTE),
        None => c.missing(p, "quote"),
    }
    match &item.person {
        Some(person) => {
            if person.name.trim().is_empty() {
                c.push(p, Some("person.name"), ProblemKind::EmptyText);
            }
            c.plain(p, "person.name", &person.name, MAX_SHORT);
            c.text(p, "person.role", &person.role, MAX_TITLE);
        }
        None => c.missing(p, "person"),
    }
    if let Some(photo) = &item.photo {
        check_photo(c, placed, photo, file_size);
    }
}

fn check_photo(c: &mut Checker, placed: &Placed, photo: &Photo, file_size: Option<FileSize>) {
    let p = Some(placed);
    c.text(p, "photo.alt", &photo.alt, MAX_ALT);
    if photo.width == 0 || photo.height == 0 {
        c.push(p, Some("photo.width"), ProblemKind::PhotoSize);
    }
    if !is_photo_path(&photo.src) {
        c.push(p, Some("photo.src"), ProblemKind::PhotoPath);
        return;
    }
    if let Some(size_of) = file_size {
        match size_of(&photo.src) {
            None => c.push(p, Some("photo.src"), ProblemKind::PhotoMissing),
            Some(bytes) if bytes > MAX_PHOTO_BYTES => {
                c.push(p, Some("photo.src"), ProblemKind::PhotoTooLarge { bytes })
            }
            Some(_) => {}
        }
    }
}

/// `img/` and a plain file name of a picture type: no web address (privacy), no `..` out of the folder.
///
/// ```
/// use twente_kaart_core::validate::is_photo_path;
/// assert!(is_photo_path("img/haaksbergen-markt.jpg"));
/// assert!(!is_photo_path("https://example.org/a.jpg"));
/// assert!(!is_photo_path("img/../listings.json"));
/// ```
pub fn is_photo_path(src: &str) -> bool {
    let Some(name) = src.strip_prefix(PHOTO_DIR) else {
        return false;
    };
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty()
        && !stem.starts_with('.')
        && stem
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "-_.".contains(ch))
        && !stem.contains("..")
        && PHOTO_TYPES.contains(&ext.to_ascii_lowercase().as_str())
}

/// An event: it starts (required), ends no earlier, and is left out once over.
fn check_event(c: &mut Checker, placed: &Placed, now: Option<Now>) {
    let p = Some(placed);
    let item = &placed.item;
    let Some(start) = item.start else {
        c.missing(p, "start");
        return;
    };
    if let Some(end) = item.end {
        if start.is_after(&end) {
            c.push(p, Some("end"), ProblemKind::EndBeforeStart);
            return;
        }
    }
    if now.is_some_and(|now| item.is_over(now)) {
        let field = if item.end.is_some() { "end" } else { "start" };
        c.push(p, Some(field), ProblemKind::EventOver);
    }
}

fn in_box(pt: [f64; 2], [x0, y0, x1, y1]: [f64; 4]) -> bool {
    (x0..=x1).contains(&pt[0]) && (y0..=y1).contains(&pt[1])
}

fn check_point_range(c: &mut Checker, placed: &Placed, pt: [f64; 2], region: [f64; 4]) -> bool {
    if !pt[0].is_finite() || !pt[1].is_finite() {
        c.push(Some(placed), Some("point"), ProblemKind::PointNotFinite);
        return false;
    }
    if !in_box(pt, region) {
        c.push(Some(placed), Some("point"), ProblemKind::PointOutsideRegion);
        return false;
    }
    true
}

/// The municipalities indexed once per validation: by code, each with its bounding box (a cheap reject before
/// point-in-polygon), and the box of the whole map (see [`region_box`]).
struct Places<'a> {
    by_code: HashMap<&'a str, usize>,
    shapes: Vec<(&'a Municipality, [f64; 4])>,
    region: [f64; 4],
}

impl<'a> Places<'a> {
    fn new(map: &'a [Municipality]) -> Places<'a> {
        let shapes: Vec<(&Municipality, [f64; 4])> = map.iter().map(|m| (m, m.bbox())).collect();
        let by_code = shapes
            .iter()
            .enumerate()
            .filter(|(_, (m, _))| !m.context)
            .map(|(i, (m, _))| (m.code.as_str(), i))
            .collect();
        // An empty map: no point is in the region.
        let region = region_box(map).unwrap_or([f64::NAN; 4]);
        Places {
            by_code,
            shapes,
            region,
        }
    }

    fn contains(&self, index: usize, p: [f64; 2]) -> bool {
        let (m, b) = self.shapes[index];
        p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3] && m.contains(p)
    }

    /// The first shape containing `p`, selectable ones only when `selectable`.
    fn find(&self, p: [f64; 2], selectable: bool) -> Option<&'a Municipality> {
        (0..self.shapes.len())
            .filter(|&i| !selectable || !self.shapes[i].0.context)
            .find(|&i| self.contains(i, p))
            .map(|i| self.shapes[i].0)
    }
}

fn check_place(c: &mut Checker, placed: &Placed, places: &Places) {
    let item = &placed.item;
    let Some(&home) = places.by_code.get(item.municipality.as_str()) else {
        let shown: String = item.municipality.chars().take(20).collect();
        c.push(
            Some(placed),
            Some("municipality"),
            ProblemKind::UnknownMunicipality(shown),
        );
        return;
    };
    let Some(pt) = item.point else { return };
    if !check_point_range(c, placed, pt, places.region) {
        return;
    }
    if !places.contains(home, pt) {
        let found_in = places
            .find(pt, true)
            .map(|m| format!("{} ({})", m.name, m.code));
        let kind = if found_in.is_none() && places.find(pt, false).is_none() {
            ProblemKind::PointOutsideRegion
        } else {
            ProblemKind::PointOutsideMunicipality { found_in }
        };
        c.push(Some(placed), Some("point"), kind);
    }
}

#[cfg(test)]
mod rule_tests {
    //! One bad example per rule: each must produce exactly its problem kind, with the right severity.
    use super::*;
    use crate::dataset::parse_listings;
    use crate::municipality::parse_municipalities;

    const GEO: &[u8] = include_bytes!("../../regions/twente/gemeenten.geojson");
    use crate::date::Date;
    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 23,
    };

    fn item(extra: &str) -> String {
        // A valid Enschede practice; `extra` overrides fields (later keys are not allowed twice in JSON, so the
        // base is built without the overridden ones).
        let mut base = serde_json::json!({
            "id": "prk-test-1", "category": "praktijk", "kind": "overname", "municipality": "GM0153",
            "town": "Enschede", "point": [6.8937, 52.2215], "title": "Titel", "description": "Tekst",
            "updated": "2026-11-01"
        });
        let over: serde_json::Value = serde_json::from_str(extra).unwrap();
        for (k, v) in over.as_object().unwrap() {
            base[k] = v.clone();
        }
        base.to_string()
    }

    fn problems(items: &[String]) -> Vec<Problem> {
        let map = parse_municipalities("gemeenten.geojson", GEO).unwrap();
        let file = format!(
            r#"{{"meta":{{"title":"T","intro":"I","contact":{{"email":"info@huisartsintwente.nl"}},"updated":"2026-11-20"}},"items":[{}]}}"#,
            items.join(",")
        );
        let cx = Context {
            map: Some(&map.municipalities),
            now: Some(Now::start_of(TODAY)),
            file_size: Some(&|src: &str| match src {
                "img/small.jpg" => Some(40_000),
                "img/large.jpg" => Some(200_000),
                _ => None,
            }),
        };
        parse_listings("listings.json", file.as_bytes(), cx)
            .unwrap()
            .problems
    }

    fn only(extra: &str) -> ProblemKind {
        let p = problems(&[item(extra)]);
        assert_eq!(p.len(), 1, "{extra}: {p:?}");
        p[0].kind.clone()
    }

    #[test]
    fn the_valid_base_item_has_no_problems() {
        assert!(problems(&[item("{}")]).is_empty());
    }

    #[test]
    fn every_rule_has_a_bad_example() {
        assert!(matches!(only(r#"{"id":"Prk 1"}"#), ProblemKind::BadId));
        assert!(matches!(
            only(r#"{"kind":"huur"}"#),
            ProblemKind::KindNotInCategory
        ));
        assert!(matches!(
            only(r#"{"category":"partnerwerk","kind":"werkgever"}"#),
            ProblemKind::MissingSector
        ));
        assert!(
            matches!(only(r#"{"municipality":"GM9999"}"#), ProblemKind::UnknownMunicipality(c) if c == "GM9999")
        );
        assert!(matches!(
            only(r#"{"point":[52.2215,6.8937]}"#),
            ProblemKind::PointOutsideRegion
        ));
        assert!(
            matches!(only(r#"{"point":[6.7923,52.2658]}"#), ProblemKind::PointOutsideMunicipality { found_in: Some(m) } if m.contains("GM0164"))
        );
        assert!(matches!(
            only(r#"{"link":"javascript:alert(1)"}"#),
            ProblemKind::UnsafeLink
        ));
        assert!(matches!(
            only(r#"{"link":"http://example.org/x"}"#),
            ProblemKind::HttpLink
        ));
        assert!(matches!(
            only(r#"{"contact":{"email":"not-an-address"}}"#),
            ProblemKind::BadEmail
        ));
        assert!(matches!(
            only(r#"{"contact":{"phone":"call me"}}"#),
            ProblemKind::BadPhone
        ));
        assert!(matches!(only(r#"{"title":"  "}"#), ProblemKind::EmptyText));
        let long = format!(r#"{{"title":"{}"}}"#, "x".repeat(MAX_TITLE + 1));
        assert!(
            matches!(only(&long), ProblemKind::TooLong { max: MAX_TITLE, len } if len == MAX_TITLE + 1)
        );
        assert!(matches!(
            only("{\"town\":\"Ensch\u{202e}ede\"}"),
            ProblemKind::HiddenCharacters
        ));
        assert!(matches!(
            only(r#"{"valid_until":"2026-06-30"}"#),
            ProblemKind::Expired
        ));
        assert!(
            matches!(only(r#"{"updated":"2026-02-30"}"#), ProblemKind::Invalid(crate::reason::Reason::NotADate { value }) if value == "2026-02-30")
        );
        assert!(
            matches!(only(r#"{"colour":"red"}"#), ProblemKind::Invalid(crate::reason::Reason::UnknownField { field }) if field == "colour")
        );
    }

    /// A valid story and a valid event in Enschede, with `extra` overriding fields (`null` removes one).
    fn of_category(category: &str, extra: &str) -> String {
        let mut base = match category {
            "verhaal" => serde_json::json!({
                "id": "vhl-test-1", "category": "verhaal", "municipality": "GM0153",
                "quote": "Hier ken je je patiënten.", "person": {"name": "Anne", "role": "huisarts in Enschede"},
                "photo": {"src": "img/small.jpg", "alt": "De markt", "width": 800, "height": 600},
                "updated": "2026-11-01"
            }),
            _ => serde_json::json!({
                "id": "agd-test-1", "category": "agenda", "municipality": "GM0153", "town": "Enschede",
                "title": "Kennismakingsdag", "description": "Een dag langs praktijken.",
                "start": "2027-01-14T19:30+01:00", "end": "2027-01-14T21:30+01:00", "updated": "2026-11-01"
            }),
        };
        let over: serde_json::Value = serde_json::from_str(extra).unwrap();
        for (k, v) in over.as_object().unwrap() {
            if v.is_null() {
                base.as_object_mut().unwrap().remove(k);
            } else {
                base[k] = v.clone();
            }
        }
        base.to_string()
    }

    fn only_of(category: &str, extra: &str) -> ProblemKind {
        let p = problems(&[of_category(category, extra)]);
        assert_eq!(p.len(), 1, "{category} {extra}: {p:?}");
        p[0].kind.clone()
    }

    fn missing(field: &str) -> ProblemKind {
        ProblemKind::Invalid(crate::reason::Reason::MissingField {
            field: field.into(),
        })
    }

    #[test]
    fn stories_and_events_have_their_own_rules() {
        assert!(problems(&[of_category("verhaal", "{}")]).is_empty());
        assert!(problems(&[of_category("agenda", "{}")]).is_empty());
        assert_eq!(only_of("verhaal", r#"{"quote":null}"#), missing("quote"));
        assert_eq!(only_of("verhaal", r#"{"person":null}"#), missing("person"));
        let long = format!(r#"{{"quote":"{}"}}"#, "x".repeat(MAX_QUOTE + 1));
        assert_eq!(
            only_of("verhaal", &long),
            ProblemKind::TooLong {
                max: MAX_QUOTE,
                len: MAX_QUOTE + 1
            }
        );
        let photo = |src: &str, alt: &str| {
            format!(r#"{{"photo":{{"src":"{src}","alt":"{alt}","width":800,"height":600}}}}"#)
        };
        assert_eq!(
            only_of("verhaal", &photo("img/small.jpg", " ")),
            ProblemKind::EmptyText
        );
        assert_eq!(
            only_of("verhaal", &photo("https://example.org/a.jpg", "Markt")),
            ProblemKind::PhotoPath
        );
        assert_eq!(
            only_of("verhaal", &photo("img/gone.jpg", "Markt")),
            ProblemKind::PhotoMissing
        );
        assert_eq!(
            only_of("verhaal", &photo("img/large.jpg", "Markt")),
            ProblemKind::PhotoTooLarge { bytes: 200_000 }
        );
        assert_eq!(
            only_of("verhaal", r#"{"kind":"overname"}"#),
            ProblemKind::KindNotInCategory
        );
        assert_eq!(only_of("agenda", r#"{"start":null}"#), missing("start"));
        assert_eq!(only_of("agenda", r#"{"title":null}"#), missing("title"));
        assert_eq!(
            only_of("agenda", r#"{"end":"2027-01-14T18:00+01:00"}"#),
            ProblemKind::EndBeforeStart
        );
        assert!(
            matches!(only_of("agenda", r#"{"start":"2027-01-14T19:30"}"#), ProblemKind::Invalid(crate::reason::Reason::NoOffset { value }) if value == "2027-01-14T19:30")
        );
        let past = r#"{"start":"2026-10-01T19:30+02:00","end":"2026-10-01T21:30+02:00"}"#;
        assert_eq!(only_of("agenda", past), ProblemKind::EventOver);
        assert_eq!(missing("kind"), only(r#"{"kind":null}"#));
    }

    #[test]
    fn a_past_event_is_a_warning_and_is_left_out() {
        let map = parse_municipalities("gemeenten.geojson", GEO).unwrap();
        let file = format!(
            r#"{{"meta":{{"title":"T","intro":"I","contact":{{"email":"info@huisartsintwente.nl"}},"updated":"2026-11-20"}},"items":[{},{}]}}"#,
            of_category("agenda", r#"{"id":"past","start":"2026-11-22","end":null}"#),
            of_category(
                "agenda",
                r#"{"id":"today","start":"2026-11-23","end":null}"#
            ),
        );
        let cx = Context {
            now: Some(Now::start_of(TODAY)),
            ..Context::with_map(&map.municipalities)
        };
        let parsed = parse_listings("listings.json", file.as_bytes(), cx).unwrap();
        let ids: Vec<&str> = parsed.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["today"], "an all-day event shows through its day");
        assert_eq!(parsed.problems[0].severity(), Severity::Warning);
        assert_eq!(parsed.skipped(), 0, "a past event is not an error");
    }

    #[test]
    fn duplicate_ids_name_the_first_line() {
        let p = problems(&[item("{}"), item("{}")]);
        assert!(
            matches!(
                &p[..],
                [Problem {
                    kind: ProblemKind::DuplicateId { .. },
                    ..
                }]
            ),
            "{p:?}"
        );
    }

    #[test]
    fn non_finite_points_are_refused() {
        // JSON cannot spell NaN (that is a syntax error, see the corpus); a huge exponent is out of range too,
        // so this rule guards data built in code (the CSV import, the editor).
        let map = parse_municipalities("gemeenten.geojson", GEO).unwrap();
        let mut listing: crate::Listing = serde_json::from_str(&item("{}")).unwrap();
        listing.point = Some([f64::NAN, 52.2]);
        let placed = [Placed {
            index: 0,
            at: crate::error::Location { line: 1, column: 1 },
            item: listing,
        }];
        let p = validate_items(
            "listings.json",
            &placed,
            Context::with_map(&map.municipalities),
        );
        assert!(
            matches!(
                &p[..],
                [Problem {
                    kind: ProblemKind::PointNotFinite,
                    ..
                }]
            ),
            "{p:?}"
        );
    }

    #[test]
    fn severities_errors_skip_and_warnings_do_not() {
        let warn = |k: ProblemKind| {
            Problem {
                file: String::new(),
                item_index: None,
                id: None,
                at: None,
                field: None,
                kind: k,
            }
            .severity()
        };
        assert_eq!(warn(ProblemKind::HttpLink), Severity::Warning);
        assert_eq!(warn(ProblemKind::Expired), Severity::Warning);
        assert_eq!(warn(ProblemKind::UnsafeLink), Severity::Error);
    }
}
