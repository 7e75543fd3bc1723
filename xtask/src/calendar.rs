//! The agenda as iCalendar files (RFC 5545): `agenda.ics` with every upcoming event, for a calendar app to
//! subscribe to, and `agenda/<id>.ics` per event, linked from its card ("Zet in je agenda"). Written with the
//! `icalendar` crate (it escapes text and folds lines at 75 octets); times in UTC, so no time-zone
//! definition is needed and every calendar app shows them in its own zone.

use chrono::{NaiveDate, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use twente_kaart_core::date::{Date, Moment};
use twente_kaart_core::{Category, Lang, Listing, ParsedListings};

/// The calendar of every upcoming event in `parsed` (past events were left out when it was read).
pub fn agenda(
    parsed: &ParsedListings,
    municipality_name: &dyn Fn(&str) -> String,
    site: &str,
) -> String {
    let mut cal = calendar(parsed, "Agenda");
    for item in events(parsed) {
        cal.push(event(item, municipality_name, site));
    }
    cal.to_string()
}

/// One event's own file, as `(file name under agenda/, its calendar)`.
pub fn per_event(
    parsed: &ParsedListings,
    municipality_name: &dyn Fn(&str) -> String,
    site: &str,
) -> Vec<(String, String)> {
    events(parsed)
        .map(|item| {
            let mut cal = calendar(parsed, item.heading(Lang::Nl));
            cal.push(event(item, municipality_name, site));
            (format!("{}.ics", item.id), cal.to_string())
        })
        .collect()
}

fn events(parsed: &ParsedListings) -> impl Iterator<Item = &Listing> {
    let mut events: Vec<&Listing> = parsed
        .items
        .iter()
        .filter(|i| i.category == Category::Agenda && i.start.is_some())
        .collect();
    events.sort_by_key(|i| i.start.map(|s| start_key(&s)));
    events.into_iter()
}

/// Sorts all-day events before timed ones on the same day.
fn start_key(m: &Moment) -> (Date, i64) {
    match m {
        Moment::Day(d) => (*d, i64::MIN),
        Moment::At(t) => (t.date, t.utc_seconds()),
    }
}

fn calendar(parsed: &ParsedListings, name: &str) -> Calendar {
    let title = parsed.meta.title.get(Lang::Nl);
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//twente-kaart//agenda//NL"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .name(&format!("{title} – {name}"))
        .description(parsed.meta.intro.get(Lang::Nl))
        // Subscribers look again once a day.
        .ttl(&chrono::Duration::days(1));
    cal
}

fn event(item: &Listing, municipality_name: &dyn Fn(&str) -> String, site: &str) -> Event {
    let mut e = Event::new();
    e.uid(&format!("{}@{}", item.id, host(site)))
        .timestamp(midnight(item.updated))
        .summary(item.heading(Lang::Nl));
    let municipality = municipality_name(&item.municipality);
    let where_ = [item.town(), &municipality]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>();
    // "Enschede, Enschede" says nothing twice.
    let location = if where_.len() == 2 && where_[0] == where_[1] {
        where_[0].to_string()
    } else {
        where_.join(", ")
    };
    e.location(&location);
    let link = item
        .safe_link()
        .map(str::to_string)
        .unwrap_or_else(|| format!("{site}?item={}", item.id));
    e.description(&format!("{}\n\n{link}", item.description(Lang::Nl)))
        .url(&link);
    if let Some(start) = item.start {
        match (start, item.end) {
            (Moment::At(s), end) => {
                e.starts(utc(s.utc_seconds()));
                let end = match end {
                    Some(Moment::At(t)) => t.utc_seconds(),
                    // A timed start with an all-day end: until the end of that day.
                    Some(Moment::Day(d)) => d.next_day().unwrap_or(d).days_since_epoch() * 86_400,
                    // No end: an hour, the calendar apps' own default for a meeting.
                    None => s.utc_seconds() + 3600,
                };
                e.ends(utc(end));
            }
            (Moment::Day(s), end) => {
                // DTEND of an all-day event is the day after its last day (exclusive).
                let last = end.map(|m| m.date()).unwrap_or(s);
                e.starts(naive(s))
                    .ends(naive(last.next_day().unwrap_or(last)));
            }
        }
    }
    e.done()
}

fn host(site: &str) -> &str {
    let rest = site.split_once("://").map(|(_, r)| r).unwrap_or(site);
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() {
        "twente-kaart.invalid"
    } else {
        host
    }
}

fn utc(seconds: i64) -> chrono::DateTime<Utc> {
    Utc.timestamp_opt(seconds, 0).single().unwrap_or_default()
}

fn midnight(d: Date) -> chrono::DateTime<Utc> {
    utc(d.days_since_epoch() * 86_400)
}

fn naive(d: Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    //! The files are read back with a different crate (`ical`), not the code that wrote them.
    use std::collections::BTreeMap;
    use twente_kaart_core::dataset::parse_listings;
    use twente_kaart_core::date::{Date, Now};
    use twente_kaart_core::municipality::parse_municipalities;
    use twente_kaart_core::validate::Context;
    use twente_kaart_core::{Category, ParsedListings};

    const SITE: &str = "https://www.huisartsintwente.nl/";

    fn demo(today: Date) -> (ParsedListings, Vec<twente_kaart_core::Municipality>) {
        let dir = crate::root().join("regions/twente");
        let geo = parse_municipalities(
            "gemeenten.geojson",
            &std::fs::read(dir.join("gemeenten.geojson")).unwrap(),
        )
        .unwrap();
        let parsed = parse_listings(
            "listings.json",
            &std::fs::read(dir.join("listings.json")).unwrap(),
            Context {
                now: Some(Now::start_of(today)),
                ..Context::with_map(&geo.municipalities)
            },
        )
        .unwrap();
        (parsed, geo.municipalities)
    }

    /// Every event of a calendar: UID → its properties (name → value, with parameters as `NAME;P=V`).
    fn read(text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
        let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
        let cal = parser.next().expect("one calendar").expect("it parses");
        assert!(parser.next().is_none(), "exactly one calendar");
        cal.events
            .iter()
            .map(|e| {
                let props: BTreeMap<String, String> = e
                    .properties
                    .iter()
                    .map(|p| {
                        let params = p
                            .params
                            .iter()
                            .flatten()
                            .map(|(k, v)| format!(";{k}={}", v.join(",")))
                            .collect::<String>();
                        (
                            format!("{}{params}", p.name),
                            p.value.clone().unwrap_or_default(),
                        )
                    })
                    .collect();
                (props["UID"].clone(), props)
            })
            .collect()
    }

    fn assert_folded(name: &str, text: &str) {
        assert!(text.ends_with("\r\n"), "{name} ends with CRLF");
        for (n, line) in text.split("\r\n").enumerate() {
            assert!(!line.contains('\n'), "{name} line {n}: a bare LF");
            assert!(
                line.len() <= 75,
                "{name} line {n} has {} octets: {line}",
                line.len()
            );
        }
    }

    #[test]
    fn the_agenda_has_every_upcoming_event_once_with_its_times() {
        let (parsed, map) = demo(Date::new(2026, 11, 23).unwrap());
        let name = |c: &str| {
            map.iter()
                .find(|m| m.code == c)
                .map(|m| m.name.clone())
                .unwrap_or_default()
        };
        let text = super::agenda(&parsed, &name, SITE);
        assert_folded("agenda.ics", &text);
        assert!(
            text.lines().any(|l| l.len() == 75),
            "the demo's descriptions are long enough to need folding"
        );
        let events = read(&text);
        let upcoming: Vec<_> = parsed
            .items
            .iter()
            .filter(|i| i.category == Category::Agenda)
            .collect();
        assert!(
            upcoming.len() >= 6,
            "the demo has {} upcoming events",
            upcoming.len()
        );
        assert_eq!(
            events.len(),
            upcoming.len(),
            "each upcoming event exactly once"
        );
        assert!(
            !text.contains("agd-hengelo-startersavond-2026-10"),
            "a past event is not in the calendar"
        );
        // Times, read back: a winter evening, a summer afternoon, a whole day and a week.
        let e = &events["agd-hengelo-startersavond-2027-01@www.huisartsintwente.nl"];
        assert_eq!(
            e["DTSTART"], "20270121T183000Z",
            "19:30 in Dutch winter time is 18:30 UTC"
        );
        assert_eq!(e["DTEND"], "20270121T203000Z");
        assert_eq!(
            e["SUMMARY"],
            "Startersavond: beginnende en stoppende huisartsen"
        );
        assert_eq!(e["LOCATION"], "Hengelo");
        assert_eq!(
            e["URL"],
            "https://www.huisartsintwente.nl/agenda/agd-hengelo-startersavond-2027-01"
        );
        assert_eq!(e["DTSTAMP"], "20261201T000000Z");
        let e = &events["agd-enschede-partnermiddag-2027-04@www.huisartsintwente.nl"];
        assert_eq!(
            e["DTSTART"], "20270415T120000Z",
            "14:00 in summer time is 12:00 UTC"
        );
        let e = &events["agd-almelo-aiosdag-2027-03@www.huisartsintwente.nl"];
        assert_eq!(e["DTSTART;VALUE=DATE"], "20270318");
        assert_eq!(
            e["DTEND;VALUE=DATE"], "20270319",
            "an all-day end is the next day"
        );
        let e = &events["agd-hof-van-twente-aiosweek-2027-05@www.huisartsintwente.nl"];
        assert_eq!(e["DTEND;VALUE=DATE"], "20270515");
        assert!(e["LOCATION"].contains("Delden") && e["LOCATION"].contains("Hof van Twente"));
        for (uid, e) in &events {
            for key in [
                "UID",
                "DTSTAMP",
                "SUMMARY",
                "LOCATION",
                "DESCRIPTION",
                "URL",
            ] {
                assert!(e.keys().any(|k| k == key), "{uid} has {key}");
            }
        }
    }

    #[test]
    fn each_event_has_its_own_file() {
        let (parsed, map) = demo(Date::new(2026, 11, 23).unwrap());
        let name = |c: &str| {
            map.iter()
                .find(|m| m.code == c)
                .map(|m| m.name.clone())
                .unwrap_or_default()
        };
        let files = super::per_event(&parsed, &name, SITE);
        let all = read(&super::agenda(&parsed, &name, SITE));
        assert_eq!(files.len(), all.len());
        for (file, text) in &files {
            assert_folded(file, text);
            let one = read(text);
            assert_eq!(one.len(), 1, "{file}");
            let (uid, props) = one.into_iter().next().unwrap();
            assert_eq!(format!("{}.ics", uid.split('@').next().unwrap()), *file);
            assert_eq!(all[&uid], props, "{file} says what the agenda says");
        }
    }
}
