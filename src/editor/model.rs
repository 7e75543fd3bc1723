//! The editor's data, free of the browser: the listings file being edited, one item as the form holds it
//! (text per field, so half-typed input is never lost), and the check of that item — by the core's own
//! `parse_listings`, on the file as it would be downloaded, so the editor, the widget and
//! `cargo xtask data check` can never disagree.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use twente_kaart_core::dataset::{parse_listings, ListingsFile, Meta};
use twente_kaart_core::date::Date;
use twente_kaart_core::listing::{Category, Kind, Listing};
use twente_kaart_core::municipality::Municipality;
use twente_kaart_core::text::LocalizedText;
use twente_kaart_core::validate::{Problem, ProblemKind, Severity};

/// The name of the file, in messages and in the download.
pub const FILE: &str = "listings.json";

/// The listings file being edited. Items are typed, so the download keeps the usual field order.
#[derive(Clone, Debug, PartialEq)]
pub struct EditorFile {
    pub schema: Option<String>,
    pub meta: Meta,
    pub items: Vec<Listing>,
}

/// A file that was opened, and how many of its items could not be read (they are left out).
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub file: EditorFile,
    pub unreadable: usize,
}

impl EditorFile {
    /// Reads a listings file. A broken file is an error (the core's message); an item that does not even
    /// have the shape of an item is counted in `unreadable` and left out; every other item is kept, also
    /// one that breaks a rule, so it can be fixed here.
    pub fn parse(bytes: &[u8]) -> Result<Opened, String> {
        // The file-level checks (encoding, syntax, shape, `meta`) are the core's.
        let parsed = parse_listings(FILE, bytes, None, None).map_err(|e| e.to_string())?;
        let text = twente_kaart_core::error::decode(FILE, bytes).map_err(|e| e.to_string())?;
        let raw: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut items = Vec::new();
        let mut unreadable = 0;
        for value in raw["items"].as_array().into_iter().flatten() {
            match serde_json::from_value::<Listing>(value.clone()) {
                Ok(item) => items.push(item),
                Err(_) => unreadable += 1,
            }
        }
        Ok(Opened {
            file: EditorFile {
                schema: raw["$schema"].as_str().map(str::to_string),
                meta: parsed.meta,
                items,
            },
            unreadable,
        })
    }

    /// The file as downloaded: pretty-printed, `$schema` first, a newline at the end.
    pub fn to_json(&self) -> String {
        let file = ListingsFile {
            schema: self.schema.clone(),
            meta: self.meta.clone(),
            items: self.items.clone(),
        };
        let mut out = serde_json::to_string_pretty(&file).unwrap_or_default();
        out.push('\n');
        out
    }

    /// Every problem of the file, checked as the widget checks it (with the map and today's date).
    pub fn problems(&self, map: &[Municipality], today: Date) -> Vec<Problem> {
        parse_listings(FILE, self.to_json().as_bytes(), Some(map), Some(today))
            .map(|p| p.problems)
            .unwrap_or_default()
    }

    /// Checks the form's item as it would stand at `index` (or at the end, for a new item) among the others.
    pub fn check_item(
        &self,
        index: Option<usize>,
        form: &ItemForm,
        map: &[Municipality],
        today: Date,
    ) -> Vec<FieldProblem> {
        let mut items: Vec<Value> = self
            .items
            .iter()
            .map(|i| serde_json::to_value(i).unwrap_or(Value::Null))
            .collect();
        let at = match index {
            Some(i) if i < items.len() => {
                items[i] = form.to_value();
                i
            }
            _ => {
                items.push(form.to_value());
                items.len() - 1
            }
        };
        let mut file = Map::new();
        file.insert(
            "meta".into(),
            serde_json::to_value(&self.meta).unwrap_or(Value::Null),
        );
        file.insert("items".into(), Value::Array(items));
        let text = Value::Object(file).to_string();
        let problems = match parse_listings(FILE, text.as_bytes(), Some(map), Some(today)) {
            Ok(p) => p.problems,
            Err(e) => {
                return vec![FieldProblem {
                    key: None,
                    text: e.to_string(),
                    error: true,
                }]
            }
        };
        let bad_numbers = form.unreadable_numbers();
        let mut out: Vec<FieldProblem> = bad_numbers
            .iter()
            .map(|key| FieldProblem {
                key: Some(key),
                text: super::strings::NL.not_a_number.into(),
                error: true,
            })
            .collect();
        for p in problems.into_iter().filter(|p| p.item_index == Some(at)) {
            let key = match (&p.kind, p.field) {
                (_, Some(field)) => Some(form_key(field)),
                (ProblemKind::Invalid(message), None) => named_field(message),
                _ => None,
            };
            // A number that is not a number is already said next to its field, in plain words.
            if key.is_none() && matches!(p.kind, ProblemKind::Invalid(_)) && !bad_numbers.is_empty()
            {
                continue;
            }
            out.push(FieldProblem {
                key,
                text: super::strings::problem_text(&p.kind),
                error: p.severity() == Severity::Error,
            });
        }
        out
    }
}

/// A problem of the item in the form, placed at the field it is about (`None`: the item as a whole).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldProblem {
    pub key: Option<&'static str>,
    pub text: String,
    /// An error blocks saving; a warning does not.
    pub error: bool,
}

/// The form's field for a problem's field (the price as a whole is shown at its first field).
fn form_key(field: &'static str) -> &'static str {
    match field {
        "price" => "price.min",
        other => other,
    }
}

/// Every field name the form shows, so serde's "missing field `updated`" can be placed at its field.
pub const KEYS: [&str; 24] = [
    "id",
    "category",
    "kind",
    "municipality",
    "town",
    "point",
    "title",
    "description",
    "link",
    "contact.name",
    "contact.email",
    "contact.phone",
    "contact.url",
    "updated",
    "valid_until",
    "training",
    "start",
    "hours",
    "patients",
    "price.min",
    "price.max",
    "price.per",
    "sector",
    "featured",
];

fn named_field(message: &str) -> Option<&'static str> {
    let name = message.split('`').nth(1)?;
    let name = match name {
        "min" => "price.min",
        "per" => "price.per",
        other => other,
    };
    KEYS.iter().copied().find(|k| *k == name)
}

/// One text in the three languages.
pub type Texts = [String; 3];

/// One item as the form holds it: text per field, exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemForm {
    pub id: String,
    pub category: String,
    pub kind: String,
    pub municipality: String,
    pub town: String,
    pub lon: String,
    pub lat: String,
    pub title: Texts,
    pub description: Texts,
    pub link: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub contact_url: String,
    pub updated: String,
    pub valid_until: String,
    pub training: bool,
    pub start: String,
    pub hours: Texts,
    pub patients: String,
    pub price_min: String,
    pub price_max: String,
    pub price_per: String,
    pub sector: String,
    pub featured: bool,
}

/// The text fields of the form (selects and text inputs), for one input component that fits them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Id,
    Category,
    Kind,
    Municipality,
    Town,
    Lon,
    Lat,
    Title(usize),
    Description(usize),
    Link,
    ContactName,
    ContactEmail,
    ContactPhone,
    ContactUrl,
    Updated,
    ValidUntil,
    Start,
    Hours(usize),
    Patients,
    PriceMin,
    PriceMax,
    PricePer,
    Sector,
}

impl Field {
    /// The field's name in the data and in problems (`title` for each language of the title).
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Category => "category",
            Field::Kind => "kind",
            Field::Municipality => "municipality",
            Field::Town => "town",
            Field::Lon | Field::Lat => "point",
            Field::Title(_) => "title",
            Field::Description(_) => "description",
            Field::Link => "link",
            Field::ContactName => "contact.name",
            Field::ContactEmail => "contact.email",
            Field::ContactPhone => "contact.phone",
            Field::ContactUrl => "contact.url",
            Field::Updated => "updated",
            Field::ValidUntil => "valid_until",
            Field::Start => "start",
            Field::Hours(_) => "hours",
            Field::Patients => "patients",
            Field::PriceMin => "price.min",
            Field::PriceMax => "price.max",
            Field::PricePer => "price.per",
            Field::Sector => "sector",
        }
    }

    /// The input's DOM id, e.g. `ed-f-title-nl`.
    pub fn dom_id(self) -> String {
        const LANGS: [&str; 3] = ["nl", "en", "de"];
        let base = format!("ed-f-{}", self.key().replace(['.', '_'], "-"));
        match self {
            Field::Lon => "ed-f-point-lon".into(),
            Field::Lat => "ed-f-point-lat".into(),
            Field::Title(l) | Field::Description(l) | Field::Hours(l) => {
                format!("{base}-{}", LANGS[l.min(2)])
            }
            _ => base,
        }
    }
}

impl ItemForm {
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Id => &self.id,
            Field::Category => &self.category,
            Field::Kind => &self.kind,
            Field::Municipality => &self.municipality,
            Field::Town => &self.town,
            Field::Lon => &self.lon,
            Field::Lat => &self.lat,
            Field::Title(l) => &self.title[l.min(2)],
            Field::Description(l) => &self.description[l.min(2)],
            Field::Link => &self.link,
            Field::ContactName => &self.contact_name,
            Field::ContactEmail => &self.contact_email,
            Field::ContactPhone => &self.contact_phone,
            Field::ContactUrl => &self.contact_url,
            Field::Updated => &self.updated,
            Field::ValidUntil => &self.valid_until,
            Field::Start => &self.start,
            Field::Hours(l) => &self.hours[l.min(2)],
            Field::Patients => &self.patients,
            Field::PriceMin => &self.price_min,
            Field::PriceMax => &self.price_max,
            Field::PricePer => &self.price_per,
            Field::Sector => &self.sector,
        }
    }

    /// Sets a field. Choosing a category whose kinds do not include the current kind picks its first kind.
    pub fn set(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::Id => &mut self.id,
            Field::Category => {
                if let Some(c) = Category::parse(&value) {
                    if Kind::parse(&self.kind).is_none_or(|k| k.category() != c) {
                        if let Some(k) = Kind::ALL.into_iter().find(|k| k.category() == c) {
                            self.kind = k.as_str().into();
                        }
                    }
                }
                &mut self.category
            }
            Field::Kind => &mut self.kind,
            Field::Municipality => &mut self.municipality,
            Field::Town => &mut self.town,
            Field::Lon => &mut self.lon,
            Field::Lat => &mut self.lat,
            Field::Title(l) => &mut self.title[l.min(2)],
            Field::Description(l) => &mut self.description[l.min(2)],
            Field::Link => &mut self.link,
            Field::ContactName => &mut self.contact_name,
            Field::ContactEmail => &mut self.contact_email,
            Field::ContactPhone => &mut self.contact_phone,
            Field::ContactUrl => &mut self.contact_url,
            Field::Updated => &mut self.updated,
            Field::ValidUntil => &mut self.valid_until,
            Field::Start => &mut self.start,
            Field::Hours(l) => &mut self.hours[l.min(2)],
            Field::Patients => &mut self.patients,
            Field::PriceMin => &mut self.price_min,
            Field::PriceMax => &mut self.price_max,
            Field::PricePer => &mut self.price_per,
            Field::Sector => &mut self.sector,
        };
        *slot = value;
    }

    /// A new item: praktijk/overname, updated today.
    pub fn new_item(today: Date) -> ItemForm {
        ItemForm {
            category: Category::Praktijk.as_str().into(),
            kind: Kind::Overname.as_str().into(),
            updated: today.to_string(),
            price_per: "maand".into(),
            ..ItemForm::default()
        }
    }

    pub fn from_listing(item: &Listing) -> ItemForm {
        let texts = |t: &LocalizedText| -> Texts {
            match t {
                LocalizedText::Plain(s) => [s.clone(), String::new(), String::new()],
                LocalizedText::Variants { nl, en, de } => [
                    nl.clone(),
                    en.clone().unwrap_or_default(),
                    de.clone().unwrap_or_default(),
                ],
            }
        };
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let contact = item.contact.clone().unwrap_or_default();
        let per = item.price.map(|p| {
            serde_json::to_value(p.per)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        });
        ItemForm {
            id: item.id.clone(),
            category: item.category.as_str().into(),
            kind: item.kind.as_str().into(),
            municipality: item.municipality.clone(),
            town: item.town.clone(),
            lon: item.point.map(|p| p[0].to_string()).unwrap_or_default(),
            lat: item.point.map(|p| p[1].to_string()).unwrap_or_default(),
            title: texts(&item.title),
            description: texts(&item.description),
            link: item.link.clone().unwrap_or_default(),
            contact_name: contact.name.unwrap_or_default(),
            contact_email: contact.email.unwrap_or_default(),
            contact_phone: contact.phone.unwrap_or_default(),
            contact_url: contact.url.unwrap_or_default(),
            updated: item.updated.to_string(),
            valid_until: date(item.valid_until),
            training: item.training,
            start: date(item.start),
            hours: item.hours.as_ref().map(texts).unwrap_or_default(),
            patients: item.patients.map(|n| n.to_string()).unwrap_or_default(),
            price_min: item.price.map(|p| p.min.to_string()).unwrap_or_default(),
            price_max: item
                .price
                .and_then(|p| p.max)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            price_per: per.unwrap_or_else(|| "maand".into()),
            sector: item.sector.map(|s| s.as_str().into()).unwrap_or_default(),
            featured: item.featured,
        }
    }

    /// The item as JSON, as it would be written in the file. Text that does not read as a number stays text,
    /// so the core's parser reports it; empty optional fields are left out.
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        let s = |v: &str| Value::String(v.to_string());
        m.insert("id".into(), s(&self.id));
        m.insert("category".into(), s(&self.category));
        m.insert("kind".into(), s(&self.kind));
        m.insert("municipality".into(), s(&self.municipality));
        m.insert("town".into(), s(&self.town));
        if !self.lon.trim().is_empty() || !self.lat.trim().is_empty() {
            m.insert(
                "point".into(),
                Value::Array(vec![decimal(&self.lon), decimal(&self.lat)]),
            );
        }
        m.insert("title".into(), texts(&self.title));
        m.insert("description".into(), texts(&self.description));
        if !self.link.is_empty() {
            m.insert("link".into(), s(&self.link));
        }
        let mut contact = Map::new();
        for (key, value) in [
            ("name", &self.contact_name),
            ("email", &self.contact_email),
            ("phone", &self.contact_phone),
            ("url", &self.contact_url),
        ] {
            if !value.is_empty() {
                contact.insert(key.into(), s(value));
            }
        }
        if !contact.is_empty() {
            m.insert("contact".into(), Value::Object(contact));
        }
        for (key, value) in [
            ("updated", &self.updated),
            ("valid_until", &self.valid_until),
            ("start", &self.start),
        ] {
            if !value.is_empty() {
                m.insert(key.into(), s(value));
            }
        }
        if self.training {
            m.insert("training".into(), Value::Bool(true));
        }
        if self.hours.iter().any(|t| !t.is_empty()) {
            m.insert("hours".into(), texts(&self.hours));
        }
        if !self.patients.trim().is_empty() {
            m.insert("patients".into(), whole(&self.patients));
        }
        if !self.price_min.trim().is_empty() || !self.price_max.trim().is_empty() {
            let mut price = Map::new();
            if !self.price_min.trim().is_empty() {
                price.insert("min".into(), whole(&self.price_min));
            }
            if !self.price_max.trim().is_empty() {
                price.insert("max".into(), whole(&self.price_max));
            }
            price.insert("per".into(), s(&self.price_per));
            m.insert("price".into(), Value::Object(price));
        }
        if !self.sector.is_empty() {
            m.insert("sector".into(), s(&self.sector));
        }
        if self.featured {
            m.insert("featured".into(), Value::Bool(true));
        }
        Value::Object(m)
    }

    /// The item, if the form reads as one (the check says what is wrong otherwise).
    pub fn to_listing(&self) -> Option<Listing> {
        serde_json::from_value(self.to_value()).ok()
    }

    /// The number fields whose text is not a number.
    pub fn unreadable_numbers(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if [&self.lon, &self.lat]
            .iter()
            .any(|v| !v.trim().is_empty() && parse_decimal(v).is_none())
        {
            out.push("point");
        }
        for (key, v) in [
            ("patients", &self.patients),
            ("price.min", &self.price_min),
            ("price.max", &self.price_max),
        ] {
            if !v.trim().is_empty() && v.trim().parse::<u32>().is_err() {
                out.push(key);
            }
        }
        out
    }

    /// The point, if both coordinates read as numbers.
    pub fn point(&self) -> Option<[f64; 2]> {
        Some([parse_decimal(&self.lon)?, parse_decimal(&self.lat)?])
    }
}

/// A decimal as people type it: `6.89` or, in Dutch, `6,89`.
fn parse_decimal(s: &str) -> Option<f64> {
    s.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

fn decimal(s: &str) -> Value {
    parse_decimal(s)
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
        .unwrap_or_else(|| Value::String(s.to_string()))
}

fn whole(s: &str) -> Value {
    s.trim()
        .parse::<u64>()
        .map(|n| Value::Number(n.into()))
        .unwrap_or_else(|_| Value::String(s.to_string()))
}

/// Dutch only as a plain string; with English or German as an object.
fn texts(t: &Texts) -> Value {
    if t[1].is_empty() && t[2].is_empty() {
        return Value::String(t[0].clone());
    }
    let mut m = Map::new();
    m.insert("nl".into(), Value::String(t[0].clone()));
    for (key, value) in [("en", &t[1]), ("de", &t[2])] {
        if !value.is_empty() {
            m.insert(key.into(), Value::String(value.clone()));
        }
    }
    Value::Object(m)
}

/// A coordinate as it goes into the form: five decimals (about a metre), without trailing zeros.
pub fn coordinate(v: f64) -> String {
    let s = format!("{v:.5}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The field help, read from the JSON Schema (`schema/listings.schema.json`) at run time: the schema's
/// descriptions are the Rust doc comments of the data types, so the editor, the schema and the code say the
/// same thing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SchemaHelp(Value);

impl SchemaHelp {
    pub fn parse(bytes: &[u8]) -> SchemaHelp {
        SchemaHelp(serde_json::from_slice(bytes).unwrap_or(Value::Null))
    }

    /// The description of a field: `town` from the Listing definition, `contact.email` from Contact's.
    pub fn get(&self, key: &str) -> Option<String> {
        let (def, field) = match key.split_once('.') {
            Some(("contact", f)) => ("Contact", f),
            Some(("price", f)) => ("Price", f),
            Some((_, _)) => return None,
            None => ("Listing", key),
        };
        self.0["$defs"][def]["properties"][field]["description"]
            .as_str()
            .map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTINGS: &[u8] = include_bytes!("../../public/data/listings.json");
    const SCHEMA: &[u8] = include_bytes!("../../public/schema/listings.schema.json");

    #[test]
    fn every_item_survives_the_form_unchanged() {
        let opened = EditorFile::parse(LISTINGS).unwrap();
        assert_eq!(opened.unreadable, 0);
        for item in &opened.file.items {
            assert_eq!(
                ItemForm::from_listing(item).to_listing().as_ref(),
                Some(item)
            );
        }
    }

    #[test]
    fn the_download_reads_back_as_the_same_file() {
        let opened = EditorFile::parse(LISTINGS).unwrap();
        let again = EditorFile::parse(opened.file.to_json().as_bytes()).unwrap();
        assert_eq!(again.file, opened.file);
        assert!(opened.file.to_json().starts_with("{\n  \"$schema\""));
    }

    #[test]
    fn a_missing_date_and_a_bad_number_are_placed_at_their_fields() {
        let opened = EditorFile::parse(LISTINGS).unwrap();
        let mut form = ItemForm::from_listing(&opened.file.items[0]);
        form.updated.clear();
        form.patients = "veel".into();
        let today = Date::parse_iso("2026-11-23").unwrap();
        let problems = opened.file.check_item(Some(0), &form, &[], today);
        let keys: Vec<_> = problems.iter().map(|p| p.key).collect();
        assert!(keys.contains(&Some("patients")), "{problems:?}");
        form.patients.clear();
        let problems = opened.file.check_item(Some(0), &form, &[], today);
        assert!(
            problems.iter().any(|p| p.key == Some("updated")),
            "{problems:?}"
        );
    }

    #[test]
    fn help_comes_from_the_schema() {
        let help = SchemaHelp::parse(SCHEMA);
        assert!(help.get("town").unwrap().contains("Glanerbrug"));
        assert!(help.get("contact.phone").is_some());
        assert!(help.get("price.min").is_some());
    }
}
