//! The editor's data, free of the browser: the listings file being edited, one item as the form holds it
//! (text per field, so half-typed input is never lost), and the check of that item — by the core's own
//! `parse_listings`, on the file as it would be downloaded, so the editor, the widget and
//! `cargo xtask data check` can never disagree.

use serde_json::{Map, Value};
use twente_kaart_core::dataset::{parse_listings, ListingsFile, Meta};
use twente_kaart_core::date::Date;
use twente_kaart_core::listing::Listing;
use twente_kaart_core::municipality::Municipality;
use twente_kaart_core::reason::Reason;
use twente_kaart_core::validate::{Context, Problem, ProblemKind, Severity};

/// The name of the file, in messages and in the download.
pub use twente_kaart_core::dataset::FILE;

/// The checks the editor runs: the widget's, with the map and today's date. The photo files are not on the
/// staff member's computer, so only their names are checked here; `cargo xtask data check` checks the files.
fn checks(map: &[Municipality], today: Date) -> Context<'_> {
    Context {
        map: Some(map),
        now: Some(twente_kaart_core::date::Now::start_of(today)),
        file_size: None,
    }
}

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
        let parsed = parse_listings(FILE, bytes, Context::default()).map_err(|e| file_error(&e))?;
        let text = twente_kaart_core::error::decode(FILE, bytes).map_err(|e| file_error(&e))?;
        // Cannot fail: the core has just parsed the same text.
        let raw: Value = serde_json::from_str(text).unwrap_or(Value::Null);
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
        parse_listings(FILE, self.to_json().as_bytes(), checks(map, today))
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
        let problems = match parse_listings(FILE, text.as_bytes(), checks(map, today)) {
            Ok(p) => p.problems,
            Err(e) => {
                return vec![FieldProblem {
                    key: None,
                    text: file_error(&e),
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
                (ProblemKind::Invalid(reason), None) => named_field(reason),
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
        "person" => "person.name",
        "photo" => "photo.src",
        other => other,
    }
}

/// Every field name the form shows, so a missing `updated` can be placed at its field.
pub const KEYS: [&str; 32] = [
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
    "end",
    "quote",
    "person.name",
    "person.role",
    "photo.src",
    "photo.alt",
    "photo.width",
    "photo.height",
    "featured",
];

/// A data file's error as the staff member reads it: the file, then why, in Dutch.
pub fn file_error(e: &twente_kaart_core::DataError) -> String {
    format!(
        "{}: {}",
        e.file(),
        twente_kaart_core::i18n::NL.data_error(e)
    )
}

fn named_field(reason: &Reason) -> Option<&'static str> {
    let name = match reason {
        Reason::MissingField { field } | Reason::UnknownField { field } => field.as_str(),
        _ => return None,
    };
    let name = match name {
        "min" => "price.min",
        "per" => "price.per",
        "person" | "name" => "person.name",
        "role" => "person.role",
        "photo" | "src" => "photo.src",
        "alt" => "photo.alt",
        "width" => "photo.width",
        "height" => "photo.height",
        other => other,
    };
    KEYS.iter().copied().find(|k| *k == name)
}

/// One item as the form holds it: the core's flat row (the spreadsheet's columns too), text per field exactly
/// as typed, so half-typed input is never lost.
pub use twente_kaart_core::row::{Field, ItemRow as ItemForm};

/// The input's DOM id of a field, e.g. `ed-f-title-nl`.
pub fn dom_id(field: Field) -> String {
    const LANGS: [&str; 3] = ["nl", "en", "de"];
    let base = format!("ed-f-{}", field.key().replace(['.', '_'], "-"));
    match field {
        Field::Lon => "ed-f-point-lon".into(),
        Field::Lat => "ed-f-point-lat".into(),
        Field::Title(l)
        | Field::Description(l)
        | Field::Hours(l)
        | Field::Quote(l)
        | Field::PersonRole(l)
        | Field::PhotoAlt(l) => {
            format!("{base}-{}", LANGS[l.min(2)])
        }
        _ => base,
    }
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

    const LISTINGS: &[u8] = include_bytes!("../../regions/twente/listings.json");
    const SCHEMA: &[u8] = include_bytes!("../../public/schema/listings.schema.json");

    #[test]
    fn every_item_survives_the_form_unchanged() {
        let opened = EditorFile::parse(LISTINGS).unwrap();
        assert_eq!(opened.unreadable, 0);
        for item in &opened.file.items {
            assert_eq!(ItemForm::from_listing(item).to_listing().as_ref(), Ok(item));
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
