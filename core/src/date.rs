//! ISO calendar dates (`YYYY-MM-DD`) without a time zone, enough to sort, compare and check expiry; and the
//! moments of events: a whole day, or a date-time with its UTC offset (`2027-01-14T19:30+01:00`), so a
//! calendar file can say the exact instant and the widget the time as the organiser wrote it.
//!
//! Hand-written rather than `time` or `jiff`: the widget needs only parsing, comparing and a day count, and a
//! time crate with a zone database would add tens of KB to its wasm. The dev tools use `time` for the clock.

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

impl Date {
    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (the inverse of [`Date::days_since_epoch`]).
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(u16::try_from(year).ok()?, month, day)
    }

    /// The next calendar day.
    pub fn next_day(self) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch() + 1)
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday.
        (self.days_since_epoch() + 3).rem_euclid(7) as usize
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

/// A date and time with its offset from UTC, as ISO 8601 / RFC 3339 writes it: `2027-01-14T19:30+01:00`,
/// `2027-01-14T18:30:00Z`. A time without an offset is refused: it names no instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Minutes east of UTC (+60 in a Dutch winter, +120 in summer).
    pub offset_minutes: i16,
}

/// Why a text is not a [`Moment`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MomentError {
    /// A date-time without `Z` or `+01:00`.
    NoOffset,
    NotAMoment,
}

impl DateTime {
    /// Parses `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)` (a space for `T` is accepted, as spreadsheets write it).
    ///
    /// ```
    /// use twente_kaart_core::date::{DateTime, MomentError};
    /// let t = DateTime::parse("2027-01-14T19:30+01:00").unwrap();
    /// assert_eq!(t.to_utc().to_string(), "2027-01-14T18:30:00Z");
    /// assert_eq!(DateTime::parse("2027-01-14T19:30"), Err(MomentError::NoOffset));
    /// ```
    pub fn parse(s: &str) -> Result<DateTime, MomentError> {
        let bad = MomentError::NotAMoment;
        let date = Date::parse_iso(s.get(..10).ok_or(bad)?).ok_or(bad)?;
        let rest = s.get(10..).ok_or(bad)?;
        let rest = rest
            .strip_prefix('T')
            .or_else(|| rest.strip_prefix(' '))
            .ok_or(bad)?;
        let two = |t: &str| -> Option<u8> {
            (t.len() == 2 && t.bytes().all(|c| c.is_ascii_digit())).then(|| t.parse().ok())?
        };
        let hour = two(rest.get(..2).ok_or(bad)?).ok_or(bad)?;
        if rest.as_bytes().get(2) != Some(&b':') {
            return Err(bad);
        }
        let minute = two(rest.get(3..5).ok_or(bad)?).ok_or(bad)?;
        let mut zone = rest.get(5..).ok_or(bad)?;
        let mut second = 0;
        if let Some(sec) = zone.strip_prefix(':') {
            second = two(sec.get(..2).ok_or(bad)?).ok_or(bad)?;
            zone = &sec[2..];
        }
        if hour > 23 || minute > 59 || second > 59 {
            return Err(bad);
        }
        let offset_minutes = match zone.as_bytes().first() {
            None => return Err(MomentError::NoOffset),
            Some(b'Z' | b'z') if zone.len() == 1 => 0,
            Some(sign @ (b'+' | b'-')) if zone.len() == 6 && zone.as_bytes()[3] == b':' => {
                let h = two(&zone[1..3]).ok_or(bad)?;
                let m = two(&zone[4..6]).ok_or(bad)?;
                if h > 14 || m > 59 {
                    return Err(bad);
                }
                let v = i16::from(h) * 60 + i16::from(m);
                if *sign == b'-' {
                    -v
                } else {
                    v
                }
            }
            _ => return Err(bad),
        };
        Ok(DateTime {
            date,
            hour,
            minute,
            second,
            offset_minutes,
        })
    }

    /// Seconds since 1970-01-01T00:00:00Z: the instant, comparable across offsets.
    pub fn utc_seconds(&self) -> i64 {
        self.date.days_since_epoch() * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset_minutes) * 60
    }

    /// The same instant in UTC (what a calendar file writes as `…Z`).
    pub fn to_utc(&self) -> DateTime {
        let s = self.utc_seconds();
        let day = s.div_euclid(86_400);
        let sec = s.rem_euclid(86_400);
        DateTime {
            date: Date::from_days_since_epoch(day).unwrap_or(self.date),
            hour: (sec / 3600) as u8,
            minute: (sec / 60 % 60) as u8,
            second: (sec % 60) as u8,
            offset_minutes: 0,
        }
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{:02}:{:02}", self.date, self.hour, self.minute)?;
        if self.second != 0 || self.offset_minutes == 0 {
            write!(f, ":{:02}", self.second)?;
        }
        if self.offset_minutes == 0 {
            return f.write_str("Z");
        }
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let m = self.offset_minutes.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
    }
}

/// When an event starts or ends: a whole day (`2027-03-20`) or a date-time with its offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Moment {
    Day(Date),
    At(DateTime),
}

/// The present, for what is past: the local date (items valid until a date are shown through that day) and
/// the instant (an evening event is over at its end time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub today: Date,
    pub utc_seconds: i64,
}

impl Now {
    /// Midnight UTC at the start of `today` (for tests and tools that know only a date).
    pub fn start_of(today: Date) -> Now {
        Now {
            today,
            utc_seconds: today.days_since_epoch() * 86_400,
        }
    }
}

impl Moment {
    /// A date (`YYYY-MM-DD`) or a date-time with its offset.
    pub fn parse(s: &str) -> Result<Moment, MomentError> {
        if s.len() == 10 {
            return Date::parse_iso(s)
                .map(Moment::Day)
                .ok_or(MomentError::NotAMoment);
        }
        DateTime::parse(s).map(Moment::At)
    }

    /// The calendar day as written (in the organiser's offset).
    pub fn date(&self) -> Date {
        match self {
            Moment::Day(d) => *d,
            Moment::At(t) => t.date,
        }
    }

    /// Whether this moment, taken as an end, lies before `now`: a day is over when it is before today, a
    /// date-time when its instant is.
    pub fn is_over(&self, now: Now) -> bool {
        match self {
            Moment::Day(d) => *d < now.today,
            Moment::At(t) => t.utc_seconds() < now.utc_seconds,
        }
    }

    /// Whether `self` lies after `other` (a day is compared by its date, a time by its instant; a day and a
    /// time by their dates).
    pub fn is_after(&self, other: &Moment) -> bool {
        match (self, other) {
            (Moment::At(a), Moment::At(b)) => a.utc_seconds() > b.utc_seconds(),
            _ => self.date() > other.date(),
        }
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Moment::Day(d) => d.fmt(f),
            Moment::At(t) => t.fmt(f),
        }
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        // `reason::Reason::from_serde` reads these two messages back.
        Moment::parse(&s).map_err(|e| {
            serde::de::Error::custom(match e {
                MomentError::NoOffset => format!("`{s}` has a time but no UTC offset"),
                MomentError::NotAMoment => format!("`{s}` is neither a date nor a date-time"),
            })
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Moment {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Moment".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2}))?$",
            "description": "A date for a whole day (2027-03-20), or a date and time with its UTC offset (2027-03-20T19:30+01:00)."
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

    #[test]
    fn day_numbers_round_trip_and_know_the_weekday() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2026-12-31",
            "2027-03-01",
            "2100-03-01",
        ] {
            let d = Date::parse_iso(s).unwrap();
            assert_eq!(
                Date::from_days_since_epoch(d.days_since_epoch()),
                Some(d),
                "{s}"
            );
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        // 14 January 2027 is a Thursday.
        assert_eq!(Date::new(2027, 1, 14).unwrap().weekday(), 3);
        assert_eq!(
            Date::new(2026, 12, 31).unwrap().next_day(),
            Date::new(2027, 1, 1)
        );
    }

    #[test]
    fn date_times_need_their_offset_and_compare_as_instants() {
        let winter = DateTime::parse("2027-01-14T19:30+01:00").unwrap();
        assert_eq!(winter.to_utc().to_string(), "2027-01-14T18:30:00Z");
        let late = DateTime::parse("2027-01-14T00:30+01:00").unwrap();
        assert_eq!(late.to_utc().to_string(), "2027-01-13T23:30:00Z");
        assert_eq!(winter.to_string(), "2027-01-14T19:30+01:00");
        assert_eq!(
            DateTime::parse("2027-01-14 19:30:15Z").unwrap().to_string(),
            "2027-01-14T19:30:15Z"
        );
        for bad in [
            "2027-01-14T25:00+01:00",
            "2027-01-14T19:30+1",
            "2027-01-14T1930Z",
            "2027-01-14X",
        ] {
            assert_eq!(DateTime::parse(bad), Err(MomentError::NotAMoment), "{bad}");
        }
        assert_eq!(
            Moment::parse("2027-01-14T19:30"),
            Err(MomentError::NoOffset)
        );
        let a = Moment::parse("2027-01-14T19:30+01:00").unwrap();
        let b = Moment::parse("2027-01-14T19:00Z").unwrap();
        assert!(b.is_after(&a), "19:00 UTC is after 18:30 UTC");
        let now = Now {
            today: Date::new(2027, 1, 14).unwrap(),
            utc_seconds: winter.utc_seconds() + 1,
        };
        assert!(a.is_over(now));
        assert!(
            !Moment::Day(now.today).is_over(now),
            "a day lasts until its end"
        );
    }
}
