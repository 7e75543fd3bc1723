//! ISO calendar dates (`YYYY-MM-DD`) without a time zone: enough to sort, compare and check expiry.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses a strict ISO date, checking the day against the month (and leap years).
    ///
    /// ```
    /// use twente_kaart_core::date::Date;
    /// assert!(Date::parse_iso("2027-02-29").is_none());
    /// assert_eq!(Date::parse_iso("2028-02-29").unwrap().to_string(), "2028-02-29");
    /// ```
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let (year, month, day) = (num(0..4)?, num(5..7)? as u8, num(8..10)? as u8);
        Date::new(year, month, day)
    }

    /// Parses the Dutch spreadsheet forms `d-m-yyyy` and `d/m/yyyy` as well as ISO.
    pub fn parse_lenient(s: &str) -> Option<Date> {
        let s = s.trim();
        if let Some(d) = Date::parse_iso(s) {
            return Some(d);
        }
        let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
        if parts.len() != 3 || parts[2].len() != 4 {
            return None;
        }
        let day = parts[0].parse().ok()?;
        let month = parts[1].parse().ok()?;
        let year = parts[2].parse().ok()?;
        Date::new(year, month, day)
    }

    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1000..=9999).contains(&year).then_some(())?;
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("`{s}` is not an ISO date (YYYY-MM-DD)"))
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "An ISO calendar date, e.g. 2027-01-31."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_impossible_and_sloppy_dates() {
        for bad in [
            "2026-13-01",
            "2026-04-31",
            "26-01-01",
            "2026-1-01",
            "2026-01-0a",
            "",
        ] {
            assert!(Date::parse_iso(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn dutch_spreadsheet_dates_are_accepted() {
        assert_eq!(Date::parse_lenient("1-2-2027"), Date::new(2027, 2, 1));
        assert_eq!(Date::parse_lenient("31/12/2026"), Date::new(2026, 12, 31));
        assert_eq!(Date::parse_lenient("2027-02-01"), Date::new(2027, 2, 1));
    }

    #[test]
    fn orders_chronologically() {
        assert!(Date::parse_iso("2026-12-31").unwrap() < Date::parse_iso("2027-01-01").unwrap());
    }
}
