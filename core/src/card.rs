//! What an item's card says beyond its title and description, shared by the live widget's `ItemCard` and the
//! build-time prerender of the panels, so both say exactly the same.

use crate::i18n::{format_date, format_euros, format_when, Strings};
use crate::listing::{Category, Listing, PricePeriod};
use crate::text::Lang;

/// Items a municipality's panel shows per category before "show more". Six fill the panel's scroll box and
/// keep every category within a short scroll; at national scale (60 items a municipality) it halves the
/// work of a click compared with twelve.
pub const PANEL_PAGE: usize = 6;

/// The line under the title: kind and town; a story's teller; an event's day and town.
pub fn meta_line(item: &Listing, lang: Lang) -> String {
    let t = Strings::get(lang);
    match (item.category, item.kind) {
        (Category::Verhaal, _) => item
            .person
            .as_ref()
            .map(|p| {
                if item.title.is_some() {
                    format!("{} · {}", p.name, p.role.get(lang))
                } else {
                    p.role.get(lang).to_string()
                }
            })
            .unwrap_or_default(),
        (Category::Agenda, _) => match item.start {
            Some(start) => format!("{} · {}", format_date(lang, start.date()), item.town()),
            None => item.town().to_string(),
        },
        (_, Some(kind)) => format!("{} · {}", t.kind(kind), item.town()),
        (_, None) => item.town().to_string(),
    }
}

/// An event's calendar file, relative to the page (the build writes one per upcoming event).
pub fn calendar_file(item: &Listing) -> Option<String> {
    (item.category == Category::Agenda).then(|| format!("agenda/{}.ics", item.id))
}

/// The key facts per category, as (label, value) rows; empty when the item has none.
pub fn facts(item: &Listing, lang: Lang) -> Vec<(&'static str, String)> {
    let t = Strings::get(lang);
    let mut rows: Vec<(&'static str, String)> = Vec::new();
    match item.category {
        Category::Praktijk => {
            if let Some(start) = item.start {
                rows.push((t.start, format_date(lang, start.date())));
            }
            if let Some(hours) = &item.hours {
                rows.push((t.hours, hours.get(lang).to_string()));
            }
            if let Some(p) = item.patients {
                rows.push((t.patients, p.to_string()));
            }
        }
        Category::Wonen => {
            if let Some(price) = item.price {
                let mut s = format_euros(lang, price.min);
                if let Some(max) = price.max.filter(|m| *m > price.min) {
                    s = format!("{s} – {}", format_euros(lang, max));
                }
                if price.per == PricePeriod::Maand {
                    s = format!("{s} {}", t.per_month);
                }
                rows.push((t.price, s));
            }
        }
        Category::Partnerwerk => {
            if let Some(sector) = item.sector {
                rows.push((t.sector, t.sector_name(sector).to_string()));
            }
        }
        Category::Agenda => {
            if let Some(start) = item.start {
                rows.push((t.when, format_when(lang, start, item.end)));
            }
        }
        Category::Verhaal => {}
    }
    rows
}

/// For a practice with a point: the distance to the nearest out-of-hours GP post, as a fact row
/// ("Huisartsenpost", "ca. 12,3 km (Huisartsenpost Hengelo)").
pub fn post_fact(
    item: &Listing,
    care: &[crate::care::CareSite],
    lang: Lang,
) -> Option<(&'static str, String)> {
    if item.category != Category::Praktijk {
        return None;
    }
    let t = Strings::get(lang);
    let (site, km) =
        crate::care::nearest(care, crate::care::CareKind::Huisartsenpost, item.point?)?;
    Some((
        t.care_post,
        crate::i18n::fill(
            t.care_distance,
            &[
                ("km", &crate::i18n::format_km(lang, km)),
                ("name", &site.name),
            ],
        ),
    ))
}

/// A start's instant for ordering (a whole day first on its date).
fn start_seconds(m: crate::date::Moment) -> i64 {
    match m {
        crate::date::Moment::Day(_) => i64::MIN,
        crate::date::Moment::At(t) => t.utc_seconds(),
    }
}

/// The contact e-mail address, when it is a valid one.
pub fn email(item: &Listing) -> Option<&str> {
    item.contact
        .as_ref()
        .and_then(|c| c.email.as_deref())
        .filter(|e| crate::checks::is_email(e))
}

/// A municipality's `items` per category (in data order; events by their start), for the categories whose
/// layer is on; the categories without items left out. Shared by the live panel and the prerendered one.
pub fn panel_groups<'a>(
    items: impl IntoIterator<Item = &'a Listing>,
    layers: crate::listing::PerCategory<bool>,
) -> Vec<(Category, Vec<&'a Listing>)> {
    let mut groups: crate::listing::PerCategory<Vec<&Listing>> = Default::default();
    for item in items {
        groups[item.category].push(item);
    }
    groups[Category::Agenda].sort_by_key(|i| i.start.map(|s| (s.date(), start_seconds(s))));
    groups
        .into_iter()
        .filter(|(c, of_c)| layers[*c] && !of_c.is_empty())
        .collect()
}
