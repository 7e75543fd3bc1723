//! One item as a flat row of text: the spreadsheet's columns (`cargo xtask data import-csv` / `export-csv`)
//! and the editor's form are the same type, so a field added here reaches both, and nothing a campaign
//! worker typed is lost on the way (text is kept as typed; the core's parser says what does not read).

use crate::date::{Date, Moment};
use crate::listing::{Category, Kind, Listing};
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The row. Field names are the CSV column names; a missing column reads as empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ItemRow {
    pub id: String,
    pub category: String,
    pub kind: String,
    pub municipality: String,
    pub town: String,
    pub lon: String,
    pub lat: String,
    pub title: String,
    pub title_en: String,
    pub title_de: String,
    pub description: String,
    pub description_en: String,
    pub description_de: String,
    pub link: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub contact_url: String,
    pub updated: String,
    pub valid_until: String,
    #[serde(with = "yes_no")]
    pub training: bool,
    pub start: String,
    pub hours: String,
    pub hours_en: String,
    pub hours_de: String,
    pub patients: String,
    pub price_min: String,
    pub price_max: String,
    pub price_per: String,
    pub sector: String,
    pub end: String,
    pub quote: String,
    pub quote_en: String,
    pub quote_de: String,
    pub person_name: String,
    pub person_role: String,
    pub person_role_en: String,
    pub person_role_de: String,
    pub photo_src: String,
    pub photo_alt: String,
    pub photo_alt_en: String,
    pub photo_alt_de: String,
    pub photo_width: String,
    pub photo_height: String,
    #[serde(with = "yes_no")]
    pub featured: bool,
}

/// The column names, in the order of the export (the struct's order).
pub const COLUMNS: [&str; 45] = [
    "id",
    "category",
    "kind",
    "municipality",
    "town",
    "lon",
    "lat",
    "title",
    "title_en",
    "title_de",
    "description",
    "description_en",
    "description_de",
    "link",
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_url",
    "updated",
    "valid_until",
    "training",
    "start",
    "hours",
    "hours_en",
    "hours_de",
    "patients",
    "price_min",
    "price_max",
    "price_per",
    "sector",
    "end",
    "quote",
    "quote_en",
    "quote_de",
    "person_name",
    "person_role",
    "person_role_en",
    "person_role_de",
    "photo_src",
    "photo_alt",
    "photo_alt_en",
    "photo_alt_de",
    "photo_width",
    "photo_height",
    "featured",
];

/// Yes/no cells as people fill them in: `ja`, `yes`, `true`, `1` or `x` is yes; written as `ja` or empty.
mod yes_no {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &bool, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(if *v { "ja" } else { "" })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        let s = String::deserialize(d)?;
        Ok(matches!(
            s.trim().to_lowercase().as_str(),
            "ja" | "yes" | "true" | "1" | "x"
        ))
    }
}

/// The text fields of the row, for one input component in the editor that fits them all. `Title(l)` is the
/// title in language `l` (0 nl, 1 en, 2 de); likewise the other translated texts.
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
    End,
    Quote(usize),
    PersonName,
    PersonRole(usize),
    PhotoSrc,
    PhotoAlt(usize),
    PhotoWidth,
    PhotoHeight,
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
            Field::End => "end",
            Field::Quote(_) => "quote",
            Field::PersonName => "person.name",
            Field::PersonRole(_) => "person.role",
            Field::PhotoSrc => "photo.src",
            Field::PhotoAlt(_) => "photo.alt",
            Field::PhotoWidth => "photo.width",
            Field::PhotoHeight => "photo.height",
        }
    }
}

/// The one table of which field is which slot of the row, for `get` (shared) and `slot` (mutable).
macro_rules! slots {
    ($row:expr, $field:expr, $($borrow:tt)+) => {
        match $field {
            Field::Id => $($borrow)+ $row.id,
            Field::Category => $($borrow)+ $row.category,
            Field::Kind => $($borrow)+ $row.kind,
            Field::Municipality => $($borrow)+ $row.municipality,
            Field::Town => $($borrow)+ $row.town,
            Field::Lon => $($borrow)+ $row.lon,
            Field::Lat => $($borrow)+ $row.lat,
            Field::Title(0) => $($borrow)+ $row.title,
            Field::Title(1) => $($borrow)+ $row.title_en,
            Field::Title(_) => $($borrow)+ $row.title_de,
            Field::Description(0) => $($borrow)+ $row.description,
            Field::Description(1) => $($borrow)+ $row.description_en,
            Field::Description(_) => $($borrow)+ $row.description_de,
            Field::Link => $($borrow)+ $row.link,
            Field::ContactName => $($borrow)+ $row.contact_name,
            Field::ContactEmail => $($borrow)+ $row.contact_email,
            Field::ContactPhone => $($borrow)+ $row.contact_phone,
            Field::ContactUrl => $($borrow)+ $row.contact_url,
            Field::Updated => $($borrow)+ $row.updated,
            Field::ValidUntil => $($borrow)+ $row.valid_until,
            Field::Start => $($borrow)+ $row.start,
            Field::Hours(0) => $($borrow)+ $row.hours,
            Field::Hours(1) => $($borrow)+ $row.hours_en,
            Field::Hours(_) => $($borrow)+ $row.hours_de,
            Field::Patients => $($borrow)+ $row.patients,
            Field::PriceMin => $($borrow)+ $row.price_min,
            Field::PriceMax => $($borrow)+ $row.price_max,
            Field::PricePer => $($borrow)+ $row.price_per,
            Field::Sector => $($borrow)+ $row.sector,
            Field::End => $($borrow)+ $row.end,
            Field::Quote(0) => $($borrow)+ $row.quote,
            Field::Quote(1) => $($borrow)+ $row.quote_en,
            Field::Quote(_) => $($borrow)+ $row.quote_de,
            Field::PersonName => $($borrow)+ $row.person_name,
            Field::PersonRole(0) => $($borrow)+ $row.person_role,
            Field::PersonRole(1) => $($borrow)+ $row.person_role_en,
            Field::PersonRole(_) => $($borrow)+ $row.person_role_de,
            Field::PhotoSrc => $($borrow)+ $row.photo_src,
            Field::PhotoAlt(0) => $($borrow)+ $row.photo_alt,
            Field::PhotoAlt(1) => $($borrow)+ $row.photo_alt_en,
            Field::PhotoAlt(_) => $($borrow)+ $row.photo_alt_de,
            Field::PhotoWidth => $($borrow)+ $row.photo_width,
            Field::PhotoHeight => $($borrow)+ $row.photo_height,
        }
    };
}

impl ItemRow {
    fn slot(&mut self, field: Field) -> &mut String {
        slots!(self, field, &mut)
    }

    pub fn get(&self, field: Field) -> &str {
        slots!(self, field, &)
    }

    /// Sets a field. Choosing a category whose kinds do not include the current kind picks its first kind
    /// (or none, for a story or an event).
    pub fn set(&mut self, field: Field, value: String) {
        if field == Field::Category {
            if let Some(c) = Category::parse(&value) {
                if Kind::parse(&self.kind).is_none_or(|k| k.category() != c) {
                    self.kind = Kind::ALL
                        .into_iter()
                        .find(|k| k.category() == c)
                        .map(|k| k.as_str().into())
                        .unwrap_or_default();
                }
            }
        }
        *self.slot(field) = value;
    }

    /// A new item: praktijk/overname, updated today.
    pub fn new_item(today: Date) -> ItemRow {
        ItemRow {
            category: Category::Praktijk.as_str().into(),
            kind: Kind::Overname.as_str().into(),
            updated: today.to_string(),
            price_per: "maand".into(),
            ..ItemRow::default()
        }
    }

    pub fn from_listing(item: &Listing) -> ItemRow {
        let texts = |t: &LocalizedText| -> [String; 3] {
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
        let [title, title_en, title_de] = item.title.as_ref().map(texts).unwrap_or_default();
        let [description, description_en, description_de] =
            item.description.as_ref().map(texts).unwrap_or_default();
        let [hours, hours_en, hours_de] = item.hours.as_ref().map(texts).unwrap_or_default();
        let [quote, quote_en, quote_de] = item.quote.as_ref().map(texts).unwrap_or_default();
        let person = item.person.as_ref();
        let [person_role, person_role_en, person_role_de] =
            person.map(|p| texts(&p.role)).unwrap_or_default();
        let photo = item.photo.as_ref();
        let [photo_alt, photo_alt_en, photo_alt_de] =
            photo.map(|p| texts(&p.alt)).unwrap_or_default();
        let moment = |m: Option<Moment>| m.map(|m| m.to_string()).unwrap_or_default();
        ItemRow {
            id: item.id.clone(),
            category: item.category.as_str().into(),
            kind: item.kind.map(|k| k.as_str().into()).unwrap_or_default(),
            municipality: item.municipality.clone(),
            town: item.town().into(),
            lon: item.point.map(|p| p[0].to_string()).unwrap_or_default(),
            lat: item.point.map(|p| p[1].to_string()).unwrap_or_default(),
            title,
            title_en,
            title_de,
            description,
            description_en,
            description_de,
            link: item.link.clone().unwrap_or_default(),
            contact_name: contact.name.unwrap_or_default(),
            contact_email: contact.email.unwrap_or_default(),
            contact_phone: contact.phone.unwrap_or_default(),
            contact_url: contact.url.unwrap_or_default(),
            updated: item.updated.to_string(),
            valid_until: date(item.valid_until),
            training: item.training,
            start: moment(item.start),
            hours,
            hours_en,
            hours_de,
            patients: item.patients.map(|n| n.to_string()).unwrap_or_default(),
            price_min: item.price.map(|p| p.min.to_string()).unwrap_or_default(),
            price_max: item
                .price
                .and_then(|p| p.max)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            price_per: per.unwrap_or_default(),
            sector: item.sector.map(|s| s.as_str().into()).unwrap_or_default(),
            end: moment(item.end),
            quote,
            quote_en,
            quote_de,
            person_name: person.map(|p| p.name.clone()).unwrap_or_default(),
            person_role,
            person_role_en,
            person_role_de,
            photo_src: photo.map(|p| p.src.clone()).unwrap_or_default(),
            photo_alt,
            photo_alt_en,
            photo_alt_de,
            photo_width: photo.map(|p| p.width.to_string()).unwrap_or_default(),
            photo_height: photo.map(|p| p.height.to_string()).unwrap_or_default(),
            featured: item.featured,
        }
    }

    /// The item as JSON, as it would be written in the file. Dates may be typed the Dutch way (1-2-2027),
    /// decimals with a comma and euros with dots (1.250); text that still does not read stays text, so the
    /// core's parser reports it at its field. Empty fields are left out (the check says which ones the
    /// category needs).
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        let s = |v: &str| Value::String(v.trim().to_string());
        let filled = |vs: &[&String]| vs.iter().any(|v| !v.trim().is_empty());
        m.insert("id".into(), s(&self.id));
        m.insert("category".into(), s(&self.category));
        for (key, value) in [("kind", &self.kind)] {
            if filled(&[value]) {
                m.insert(key.into(), s(value));
            }
        }
        m.insert("municipality".into(), s(&self.municipality));
        if filled(&[&self.town]) {
            m.insert("town".into(), s(&self.town));
        }
        if !self.lon.trim().is_empty() || !self.lat.trim().is_empty() {
            m.insert(
                "point".into(),
                Value::Array(vec![decimal(&self.lon), decimal(&self.lat)]),
            );
        }
        let title = [&self.title, &self.title_en, &self.title_de];
        if filled(&title) {
            m.insert("title".into(), texts(title));
        }
        let description = [
            &self.description,
            &self.description_en,
            &self.description_de,
        ];
        if filled(&description) {
            m.insert("description".into(), texts(description));
        }
        if !self.link.trim().is_empty() {
            m.insert("link".into(), s(&self.link));
        }
        let mut contact = Map::new();
        for (key, value) in [
            ("name", &self.contact_name),
            ("email", &self.contact_email),
            ("phone", &self.contact_phone),
            ("url", &self.contact_url),
        ] {
            if !value.trim().is_empty() {
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
            ("end", &self.end),
        ] {
            if !value.trim().is_empty() {
                m.insert(key.into(), date(value));
            }
        }
        if self.training {
            m.insert("training".into(), Value::Bool(true));
        }
        if [&self.hours, &self.hours_en, &self.hours_de]
            .iter()
            .any(|t| !t.trim().is_empty())
        {
            m.insert(
                "hours".into(),
                texts([&self.hours, &self.hours_en, &self.hours_de]),
            );
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
            if !self.price_per.trim().is_empty() {
                price.insert("per".into(), s(&self.price_per));
            }
            m.insert("price".into(), Value::Object(price));
        }
        if !self.sector.trim().is_empty() {
            m.insert("sector".into(), s(&self.sector));
        }
        let quote = [&self.quote, &self.quote_en, &self.quote_de];
        if filled(&quote) {
            m.insert("quote".into(), texts(quote));
        }
        let role = [
            &self.person_role,
            &self.person_role_en,
            &self.person_role_de,
        ];
        if filled(&[&self.person_name]) || filled(&role) {
            let mut person = Map::new();
            person.insert("name".into(), s(&self.person_name));
            person.insert("role".into(), texts(role));
            m.insert("person".into(), Value::Object(person));
        }
        let alt = [&self.photo_alt, &self.photo_alt_en, &self.photo_alt_de];
        let size = [&self.photo_width, &self.photo_height];
        if filled(&[&self.photo_src]) || filled(&alt) || filled(&size) {
            let mut photo = Map::new();
            photo.insert("src".into(), s(&self.photo_src));
            if filled(&alt) {
                photo.insert("alt".into(), texts(alt));
            }
            for (key, value) in [("width", size[0]), ("height", size[1])] {
                if filled(&[value]) {
                    photo.insert(key.into(), whole(value));
                }
            }
            m.insert("photo".into(), Value::Object(photo));
        }
        if self.featured {
            m.insert("featured".into(), Value::Bool(true));
        }
        Value::Object(m)
    }

    /// The item, or serde's message of what does not read (the check places it at its field).
    pub fn to_listing(&self) -> Result<Listing, String> {
        serde_json::from_value(self.to_value()).map_err(|e| e.to_string())
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
            ("photo.width", &self.photo_width),
            ("photo.height", &self.photo_height),
        ] {
            if !v.trim().is_empty() && parse_whole(v).is_none() {
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
pub fn parse_decimal(s: &str) -> Option<f64> {
    s.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// A whole number as people type it: `1250`, `1.250`, `€ 1.250`.
pub fn parse_whole(s: &str) -> Option<u64> {
    let digits: String = s
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '€' | '\u{a0}'))
        .collect();
    digits.parse().ok()
}

fn decimal(s: &str) -> Value {
    parse_decimal(s)
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
        .unwrap_or_else(|| Value::String(s.to_string()))
}

fn whole(s: &str) -> Value {
    parse_whole(s)
        .map(|n| Value::Number(n.into()))
        .unwrap_or_else(|| Value::String(s.to_string()))
}

/// A date as typed (ISO or the Dutch way); a date-time stays as written (its offset is the organiser's).
fn date(s: &str) -> Value {
    Value::String(
        Date::parse_lenient(s)
            .map(|d| d.to_string())
            .unwrap_or_else(|| s.trim().to_string()),
    )
}

/// Dutch only as a plain string; with English or German as an object.
fn texts([nl, en, de]: [&String; 3]) -> Value {
    if en.trim().is_empty() && de.trim().is_empty() {
        return Value::String(nl.clone());
    }
    let mut m = Map::new();
    m.insert("nl".into(), Value::String(nl.clone()));
    for (key, value) in [("en", en), ("de", de)] {
        if !value.trim().is_empty() {
            m.insert(key.into(), Value::String(value.clone()));
        }
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An item that uses every field the format has (the CSV round trip's fixture too).
    fn every_field() -> Listing {
        serde_json::from_str(include_str!("../../tests/fixtures/every-field.json")).unwrap()
    }

    #[test]
    fn every_field_survives_the_row() {
        let item = every_field();
        assert_eq!(ItemRow::from_listing(&item).to_listing(), Ok(item));
    }

    #[test]
    fn columns_are_the_fields_in_order() {
        let value = serde_json::to_value(ItemRow::default()).unwrap();
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted = COLUMNS.to_vec();
        sorted.sort_unstable();
        let mut got = keys.clone();
        got.sort_unstable();
        assert_eq!(got, sorted, "COLUMNS lists every field of ItemRow");
    }

    #[test]
    fn typed_the_dutch_way() {
        let mut row = ItemRow::from_listing(&every_field());
        row.updated = "1-11-2026".into();
        row.price_min = "€ 1.250".into();
        row.lon = "6,8937".into();
        assert_eq!(row.to_listing(), Ok(every_field()));
        row.patients = "veel".into();
        assert_eq!(row.unreadable_numbers(), ["patients"]);
        assert!(
            row.to_listing().is_err(),
            "text in a number field does not read as an item"
        );
    }

    #[test]
    fn fields_set_and_get_the_same_slot() {
        let mut row = ItemRow::default();
        row.set(Field::Hours(2), "4 Tage".into());
        row.set(Field::Title(1), "Title".into());
        assert_eq!(
            (row.hours_de.as_str(), row.get(Field::Hours(2))),
            ("4 Tage", "4 Tage")
        );
        assert_eq!(row.get(Field::Title(1)), "Title");
        row.set(Field::Category, "partnerwerk".into());
        assert_eq!(
            row.kind, "werkgever",
            "a category change picks one of its kinds"
        );
    }
}
