//! The Atom feed of open practices (`feed.xml`): newest first, one entry per item, Dutch titles. Anyone can
//! follow new vacancies with a feed reader or an e-mail digest service: no accounts, no server.

use std::fmt::Write as _;
use twente_kaart_core::prerender::escape;
use twente_kaart_core::{Category, Lang, ParsedListings};

pub fn atom(
    parsed: &ParsedListings,
    municipality_name: impl Fn(&str) -> String,
    site: &str,
) -> String {
    let mut items: Vec<_> = parsed
        .items
        .iter()
        .filter(|i| i.category == Category::Praktijk)
        .collect();
    items.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
    let updated = items
        .first()
        .map(|i| i.updated)
        .unwrap_or(parsed.meta.updated);
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n");
    let _ = writeln!(
        x,
        "  <title>{} – open praktijken</title>",
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
        let _ = writeln!(x, "    <title>{}</title>", escape(item.title.get(Lang::Nl)));
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
            "    <summary>{} – {}, {}: {}</summary>",
            escape(twente_kaart_core::i18n::NL.kind(item.kind)),
            escape(&item.town),
            escape(&municipality_name(&item.municipality)),
            escape(item.description.get(Lang::Nl))
        );
        let _ = writeln!(x, "  </entry>");
    }
    x.push_str("</feed>\n");
    x
}
