//! The listings file: a metadata block and the items, parsed item by item so one bad item is skipped and
//! reported with its line instead of failing the whole file.

use crate::error::{decode, location_of, strip_position, DataError, Location};
use crate::listing::Listing;
use crate::reason::Reason;
pub use crate::validate::Context;
use crate::validate::{validate_items, Placed, Problem, ProblemKind, Severity};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

pub use crate::meta::{CampaignContact, Meta};

/// The listings file's name in the data folder (the widget, the editor and the tools all read it there).
pub const FILE: &str = "listings.json";

/// The listings file as written: `{ "$schema": …, "meta": {…}, "items": [ … ] }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ListingsFile {
    /// The JSON Schema this file follows, so editors validate while typing.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub meta: Meta,
    pub items: Vec<Listing>,
}

/// The same file with the items kept raw, so each one parses on its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "an object with `meta` and `items`")]
struct RawListingsFile<'a> {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    meta: Meta,
    #[serde(borrow)]
    items: Vec<&'a RawValue>,
}

/// The outcome of reading the listings: the usable items, and every problem found (errors skip an item,
/// warnings do not).
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedListings {
    pub meta: Meta,
    pub items: Vec<Listing>,
    pub problems: Vec<Problem>,
}

impl ParsedListings {
    /// How many items could not be shown because of an error.
    pub fn skipped(&self) -> usize {
        let skipped: std::collections::BTreeSet<usize> = self
            .problems
            .iter()
            .filter(|p| p.severity() == Severity::Error)
            .filter_map(|p| p.item_index)
            .collect();
        skipped.len()
    }

    /// The problems that are errors (each skips an item, or is about the metadata).
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity() == Severity::Error)
    }
}

/// Reads and checks the listings file. A broken file (syntax, wrong shape, no `meta`) is an error; a broken
/// item is a [`Problem`] and that item is left out, as are expired items and past events (with the context's
/// `now`). With its map, codes and points are checked against the municipalities too. Item locations are
/// absolute lines in the file.
pub fn parse_listings(file: &str, bytes: &[u8], cx: Context) -> Result<ParsedListings, DataError> {
    let text = decode(file, bytes)?;
    if text.trim_start().starts_with('[') {
        // serde would read the array as the struct's fields in order and say "expected a string".
        let at = location_of(text, text.len() - text.trim_start().len());
        return Err(DataError::Syntax {
            file: file.into(),
            at,
            reason: Reason::NotAnObject,
        });
    }
    let raw: RawListingsFile =
        serde_json::from_str(text).map_err(|e| DataError::from_json(file, &e))?;
    let mut parsed = Vec::with_capacity(raw.items.len());
    let mut problems = crate::validate::validate_meta(
        file,
        &raw.meta,
        cx.map.and_then(crate::validate::region_box),
    );
    let mut lines = crate::error::LineCounter::new(text);
    for (index, raw_item) in raw.items.iter().enumerate() {
        let src = raw_item.get();
        // RawValue borrows from `text`, so its offset in the file is the pointer difference.
        let offset = src.as_ptr() as usize - text.as_ptr() as usize;
        let start = lines.locate(offset);
        match serde_json::from_str::<Listing>(src) {
            Ok(item) => parsed.push(Placed {
                index,
                at: start,
                item,
            }),
            Err(e) => problems.push(Problem {
                file: file.to_string(),
                item_index: Some(index),
                id: peek_id(src),
                at: Some(shift(start, e.line(), e.column())),
                field: None,
                kind: ProblemKind::Invalid(item_reason(src, &e)),
            }),
        }
    }
    let item_problems = validate_items(file, &parsed, cx);
    let dropped: std::collections::BTreeSet<usize> = item_problems
        .iter()
        .filter(|p| {
            p.severity() == Severity::Error
                || matches!(p.kind, ProblemKind::Expired | ProblemKind::EventOver)
        })
        .filter_map(|p| p.item_index)
        .collect();
    problems.extend(item_problems);
    problems.sort_by_key(|p| (p.item_index, p.at.map(|a| a.line)));
    let items = parsed
        .into_iter()
        .filter(|p| !dropped.contains(&p.index))
        .map(|p| p.item)
        .collect();
    Ok(ParsedListings {
        meta: raw.meta,
        items,
        problems,
    })
}

/// Why the item did not parse, made plain where serde's message is misleading.
fn item_reason(src: &str, e: &serde_json::Error) -> Reason {
    if src.starts_with('[') {
        // serde reads an array as the struct's fields in order and would say "expected a string".
        return Reason::NotAnObject;
    }
    match Reason::from_serde(&strip_position(&e.to_string())) {
        // The item is one complete JSON value, so this can only be a fixed-size array that is too long.
        Reason::Syntax(crate::reason::SyntaxReason::TrailingCharacters) => Reason::PointTooLong,
        other => other,
    }
}

fn shift(start: Location, line: usize, column: usize) -> Location {
    if line <= 1 {
        Location {
            line: start.line,
            column: start.column + column.saturating_sub(1),
        }
    } else {
        Location {
            line: start.line + line - 1,
            column,
        }
    }
}

/// The `id` of an item that failed to parse, if it has a readable one, to name it in the message.
fn peek_id(src: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct IdOnly {
        id: Option<serde_json::Value>,
    }
    let v: IdOnly = serde_json::from_str(src).ok()?;
    v.id?.as_str().map(|s| s.chars().take(64).collect())
}
