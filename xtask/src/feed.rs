//! The Atom feed of open practices and upcoming events (`feed.xml`): newest first, one entry per item, Dutch
//! titles. Anyone can follow new vacancies and events with a feed reader or an e-mail digest service: no
//! accounts, no server.

use std::fmt::Write as _;
use twente_kaart_core::html::escape;
use twente_kaart_core::{Category, Lang, ParsedListings};

pub fn atom(
    parsed: &ParsedListings,
    municipality_name: impl Fn(&str) -> String,
    site: &str,
) -> String {
    let mut items: Vec<_> = parsed
        .items
        .iter()
        .filter(|i| matches!(i.category, Category::Praktijk | Category::Agenda))
        .collect();
    items.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
    let updated = items
        .first()
        .map(|i| i.updated)
        .unwrap_or(parsed.meta.updated);
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n");
    let _ = writeln!(
        x,
        "  <title>{} – open praktijken en agenda</title>",
        escape(parsed.meta.title.get(Lang::Nl))
    );
    let _ = writeln!(x, "  <id>{}feed.xml</id>", escape(site));
    let _ = writeln!(x, "  <updated>{updated}T00:00:00Z</updated>");
    let _ = writeln!(
        x,
        "  <author><name>{}</name><email>{}</email></author>",
        escape(parsed.meta.title.get(Lang::Nl)),
        escape(&parsed.meta.contact.email)
    );
    let _ = writeln!(
        x,
        "  <link rel=\"self\" href=\"{}feed.xml\"/>",
        escape(site)
    );
    for item in items {
        let link = item
            .safe_link()
            .map(str::to_string)
            .unwrap_or_else(|| format!("{site}?item={}", item.id));
        let _ = writeln!(x, "  <entry>");
        let when = item
            .start
            .map(|start| twente_kaart_core::i18n::format_when(Lang::Nl, start, item.end));
        let title = match &when {
            Some(when) => format!("{} – {when}", item.heading(Lang::Nl)),
            None => item.heading(Lang::Nl).to_string(),
        };
        let _ = writeln!(x, "    <title>{}</title>", escape(&title));
        let _ = writeln!(x, "    <id>{}?item={}</id>", escape(site), escape(&item.id));
        let _ = writeln!(x, "    <link href=\"{}\"/>", escape(&link));
        let _ = writeln!(x, "    <updated>{}T00:00:00Z</updated>", item.updated);
        let _ = writeln!(
            x,
            "    <category term=\"{}\" label=\"{}\"/>",
            escape(&item.municipality),
            escape(&municipality_name(&item.municipality))
        );
        let _ = writeln!(
            x,
            "    <category term=\"{}\" label=\"{}\"/>",
            item.category.as_str(),
            escape(twente_kaart_core::i18n::NL.category(item.category))
        );
        let label = match (item.kind, &when) {
            (Some(kind), _) => twente_kaart_core::i18n::NL.kind(kind).to_string(),
            (None, Some(when)) => when.clone(),
            (None, None) => String::new(),
        };
        let _ = writeln!(
            x,
            "    <summary>{} – {}, {}: {}</summary>",
            escape(&label),
            escape(item.town()),
            escape(&municipality_name(&item.municipality)),
            escape(item.description(Lang::Nl))
        );
        let _ = writeln!(x, "  </entry>");
    }
    x.push_str("</feed>\n");
    x
}

#[cfg(test)]
mod tests {
    use twente_kaart_core::dataset::parse_listings;
    use twente_kaart_core::municipality::parse_municipalities;

    /// The feed of the committed data parses as Atom: one entry per open practice and upcoming event, newest
    /// first, each with a link, its municipality and an `updated` date.
    fn child<'a, 'i>(e: &roxmltree::Node<'a, 'i>, tag: &str) -> roxmltree::Node<'a, 'i> {
        e.children()
            .find(|n| n.has_tag_name(tag))
            .unwrap_or_else(|| panic!("entry without <{tag}>"))
    }

    #[test]
    fn feed_is_valid_atom_with_the_open_practices_and_events_newest_first() {
        let dir = crate::root().join("regions/twente");
        let geo = parse_municipalities(
            "gemeenten.geojson",
            &std::fs::read(dir.join("gemeenten.geojson")).unwrap(),
        )
        .unwrap();
        let today = twente_kaart_core::date::Date::new(2026, 11, 23);
        let parsed = parse_listings(
            "listings.json",
            &std::fs::read(dir.join("listings.json")).unwrap(),
            twente_kaart_core::validate::Context {
                now: today.map(twente_kaart_core::date::Now::start_of),
                ..twente_kaart_core::validate::Context::with_map(&geo.municipalities)
            },
        )
        .unwrap();
        let name = |c: &str| {
            geo.municipalities
                .iter()
                .find(|m| m.code == c)
                .map(|m| m.name.clone())
                .unwrap_or_default()
        };
        let xml = super::atom(&parsed, name, "https://www.huisartsintwente.nl/");
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let feed = doc.root_element();
        assert_eq!(feed.tag_name().name(), "feed");
        assert_eq!(
            feed.tag_name().namespace(),
            Some("http://www.w3.org/2005/Atom")
        );
        let entries: Vec<_> = feed
            .children()
            .filter(|n| n.has_tag_name("entry"))
            .collect();
        let count = |c| parsed.items.iter().filter(|i| i.category == c).count();
        let events = count(twente_kaart_core::Category::Agenda);
        assert!(events >= 6, "the demo has upcoming events: {events}");
        assert_eq!(
            entries.len(),
            count(twente_kaart_core::Category::Praktijk) + events
        );
        let past = "agd-hengelo-startersavond-2026-10";
        assert!(!xml.contains(past), "a past event is not in the feed");
        let mut dates = Vec::new();
        for e in &entries {
            assert!(child(e, "link")
                .attribute("href")
                .is_some_and(|h| h.starts_with("https://")));
            assert!(!child(e, "title").text().unwrap_or_default().is_empty());
            assert!(child(e, "category")
                .attribute("term")
                .is_some_and(|t| t.starts_with("GM")));
            dates.push(child(e, "updated").text().unwrap_or_default().to_string());
        }
        let mut sorted = dates.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(dates, sorted, "entries are newest first");
    }
}
