//! Why a value in a data file was not accepted, as data rather than sentences: the widget, the editor and the
//! tools say it in the reader's language (`i18n::Strings::reason`), with the names and values as written.
//! Their `Display` (in `i18n`) is the English table, which the command-line tools print.
//!
//! serde reports its errors as text only; [`Reason::from_serde`] reads the few fixed forms serde and
//! serde_json write ("missing field `x`", "unknown variant `x`, expected one of …", …) and keeps anything
//! else as [`Reason::Other`], serde's own words.

/// What kind of value a field needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    Number,
    Boolean,
    List,
    Object,
    /// A text, or `{ "nl": …, "en": …, "de": … }`.
    Translations,
}

/// Why JSON does not parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxReason {
    /// The file ends in the middle (a missing `}` or `]`, or a cut-off download).
    EndOfFile,
    ExpectedValue,
    TrailingComma,
    ExpectedColon,
    ExpectedCommaOrEnd,
    KeyMustBeText,
    /// A line break or tab inside a text (JSON wants `\n`).
    ControlCharacter,
    InvalidEscape,
    InvalidNumber,
    /// Something after the end of the JSON.
    TrailingCharacters,
}

/// Why a value, an item or a file was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    MissingField {
        field: String,
    },
    /// A field the format does not have (often a typo of one it has).
    UnknownField {
        field: String,
    },
    /// A value outside the allowed ones.
    UnknownValue {
        value: String,
        allowed: Vec<String>,
    },
    WrongKind {
        expected: ValueKind,
    },
    NotADate {
        value: String,
    },
    /// An event's `start` or `end` that is neither a date nor a date-time.
    NotAMoment {
        value: String,
    },
    /// A date-time without `Z` or `+01:00`: it names no instant.
    NoOffset {
        value: String,
    },
    /// A `[longitude, latitude]` with more than two numbers.
    PointTooLong,
    /// An array where an item (or the whole file) must be an object.
    NotAnObject,
    Syntax(SyntaxReason),
    /// Anything else, in serde's (English) words.
    Other(String),
}

/// Why a feature of the municipalities file was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GeometryProblem {
    /// `code` is there but not a text; `found` is the JSON as written (shortened).
    CodeNotText {
        found: String,
    },
    MissingProperty {
        name: &'static str,
    },
    CodeFormat {
        code: String,
    },
    NameLength,
    HiddenCharacters {
        name: String,
    },
    NoGeometry,
    NotAPolygon {
        found: String,
    },
    RingTooShort,
    /// Coordinates outside longitude/latitude: usually RD New (EPSG:28992) metres.
    NotWgs84,
    RingNotClosed,
    RingCrossesItself,
    PolygonWithoutRings,
    EmptyMultiPolygon,
    DuplicateCode,
}

/// The first `…` quoted name in `s`.
fn quoted(s: &str) -> Option<String> {
    let start = s.find('`')? + 1;
    let len = s[start..].find('`')?;
    Some(s[start..start + len].to_string())
}

/// Every `…` quoted name in `s`.
fn all_quoted(s: &str) -> Vec<String> {
    s.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

impl Reason {
    /// Reads serde's message (without serde_json's " at line L column C").
    pub fn from_serde(message: &str) -> Reason {
        let m = message.trim();
        let syntax = |r| Reason::Syntax(r);
        if m.starts_with("EOF while parsing") {
            return syntax(SyntaxReason::EndOfFile);
        }
        match m {
            "expected value" | "expected ident" => return syntax(SyntaxReason::ExpectedValue),
            "trailing comma" => return syntax(SyntaxReason::TrailingComma),
            "expected `:`" => return syntax(SyntaxReason::ExpectedColon),
            "expected `,` or `}`" | "expected `,` or `]`" => {
                return syntax(SyntaxReason::ExpectedCommaOrEnd)
            }
            "key must be a string" => return syntax(SyntaxReason::KeyMustBeText),
            "invalid escape"
            | "invalid unicode code point"
            | "lone leading surrogate in hex escape" => return syntax(SyntaxReason::InvalidEscape),
            "invalid number" | "number out of range" => return syntax(SyntaxReason::InvalidNumber),
            "trailing characters" => return syntax(SyntaxReason::TrailingCharacters),
            _ => {}
        }
        if m.starts_with("control character") {
            return syntax(SyntaxReason::ControlCharacter);
        }
        if let Some(rest) = m.strip_prefix("missing field ") {
            if let Some(field) = quoted(rest) {
                return Reason::MissingField { field };
            }
        }
        if let Some(rest) = m.strip_prefix("unknown field ") {
            if let Some(field) = quoted(rest) {
                return Reason::UnknownField { field };
            }
        }
        if let Some(rest) = m.strip_prefix("unknown variant ") {
            let mut names = all_quoted(rest);
            if !names.is_empty() {
                let value = names.remove(0);
                return Reason::UnknownValue {
                    value,
                    allowed: names,
                };
            }
        }
        if m.contains("has a time but no UTC offset") {
            if let Some(value) = quoted(m) {
                return Reason::NoOffset { value };
            }
        }
        if m.contains("is neither a date nor a date-time") {
            if let Some(value) = quoted(m) {
                return Reason::NotAMoment { value };
            }
        }
        if m.contains("is not an ISO date") {
            if let Some(value) = quoted(m) {
                return Reason::NotADate { value };
            }
        }
        if let Some(i) = m.find(", expected ") {
            if m.starts_with("invalid type:") || m.starts_with("invalid value:") {
                if let Some(expected) = kind_of(&m[i + ", expected ".len()..]) {
                    return Reason::WrongKind { expected };
                }
            }
        }
        Reason::Other(m.to_string())
    }
}

/// serde's description of what it expected, as the kind a person would name.
fn kind_of(expected: &str) -> Option<ValueKind> {
    let e = expected.trim();
    if e.starts_with("a text, or an object with `nl`") {
        return Some(ValueKind::Translations);
    }
    if e == "a string" || e == "string" || e.starts_with("a borrowed string") {
        return Some(ValueKind::Text);
    }
    if e == "a boolean" {
        return Some(ValueKind::Boolean);
    }
    let numeric = [
        "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "f32", "f64",
    ];
    if numeric.contains(&e) || e.starts_with("a number") || e.starts_with("a nonnegative") {
        return Some(ValueKind::Number);
    }
    if e == "a sequence" || e.starts_with("an array") || e.starts_with("a tuple") {
        return Some(ValueKind::List);
    }
    if e == "a map" || e.starts_with("struct ") || e.starts_with("an object") {
        return Some(ValueKind::Object);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_reason<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> Reason {
        let e = serde_json::from_str::<T>(json).unwrap_err().to_string();
        Reason::from_serde(&crate::error::strip_position(&e))
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        name: String,
        n: u32,
        kind: K,
    }
    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum K {
        Car,
        Bike,
    }

    #[test]
    fn reads_serdes_own_messages() {
        assert_eq!(
            serde_reason::<T>(r#"{"n":1,"kind":"car"}"#),
            Reason::MissingField {
                field: "name".into()
            }
        );
        assert_eq!(
            serde_reason::<T>(r#"{"name":"a","n":1,"kind":"car","colour":1}"#),
            Reason::UnknownField {
                field: "colour".into()
            }
        );
        assert_eq!(
            serde_reason::<T>(r#"{"name":"a","n":1,"kind":"boat"}"#),
            Reason::UnknownValue {
                value: "boat".into(),
                allowed: vec!["car".into(), "bike".into()]
            }
        );
        assert_eq!(
            serde_reason::<T>(r#"{"name":"a","n":"1","kind":"car"}"#),
            Reason::WrongKind {
                expected: ValueKind::Number
            }
        );
        assert_eq!(
            serde_reason::<T>(r#"{"name":5,"n":1,"kind":"car"}"#),
            Reason::WrongKind {
                expected: ValueKind::Text
            }
        );
        assert_eq!(
            serde_reason::<T>(r#"{"name":"a","n":1,"kind":"car""#),
            Reason::Syntax(SyntaxReason::EndOfFile)
        );
        assert_eq!(
            serde_reason::<T>(r#"{"name":"a","n":1,}"#),
            Reason::Syntax(SyntaxReason::TrailingComma)
        );
        assert_eq!(
            serde_reason::<T>(r#"{"name":"a" "n":1}"#),
            Reason::Syntax(SyntaxReason::ExpectedCommaOrEnd)
        );
        assert_eq!(
            serde_reason::<crate::date::Date>(r#""2026-02-30""#),
            Reason::NotADate {
                value: "2026-02-30".into()
            }
        );
        assert_eq!(
            serde_reason::<crate::date::Moment>(r#""2027-01-14T19:30""#),
            Reason::NoOffset {
                value: "2027-01-14T19:30".into()
            }
        );
        assert_eq!(
            serde_reason::<crate::date::Moment>(r#""14 jan""#),
            Reason::NotAMoment {
                value: "14 jan".into()
            }
        );
        assert_eq!(
            Reason::from_serde("something new"),
            Reason::Other("something new".into())
        );
    }
}
