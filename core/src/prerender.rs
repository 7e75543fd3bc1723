//! The overview map as static HTML, rendered at build time into `index.html` so the map paints before the
//! wasm arrives. It mirrors the markup of the live widget's overview (same classes, same geometry), so the
//! takeover causes no layout shift. Until then each shape is a plain link to its deep link.

use crate::dataset::Meta;
use crate::i18n::Strings;
use crate::listing::Listing;
use crate::map::layout::{MapLayout, LABEL_SIZE};
use crate::map::projection::fmt;
use crate::summary::{counts_by_municipality, shade, totals, SHADE_CLASSES};
use crate::text::Lang;
use std::fmt::Write;

/// Escapes text for HTML text and attribute values.
///
/// ```
/// use twente_kaart_core::prerender::escape;
/// assert_eq!(escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The prerendered overview: header, map (links to deep links), legend and the side column's overview,
/// in Dutch. `panels_url` is where the early script finds the prerendered panels ([`panel_templates`]).
/// The caller places it inside the page's `#tk-root`.
pub fn overview_html(
    layout: &MapLayout,
    meta: &Meta,
    items: &[Listing],
    panels_url: &str,
) -> String {
    let lang = Lang::Nl;
    let t = Strings::get(lang);
    let counts = counts_by_municipality(items);
    let mut h = String::new();
    let _ = write!(
        h,
        r#"<div class="tk" id="tk-prerender" data-panels="{}" lang="nl">"#,
        escape(panels_url)
    );
    header(&mut h, meta, t, lang);
    h.push_str(r#"<div class="tk-body"><section class="tk-mapcol">"#);
    let _ = write!(
        h,
        r#"<figure class="tk-map"><svg class="tk-svg" viewBox="{}" role="group" aria-label="{}"><g class="tk-context" aria-hidden="true">"#,
        layout.projection.view_box(),
        escape(t.map_label)
    );
    for c in &layout.context {
        let _ = write!(h, r#"<path d="{}"></path>"#, c.path);
    }
    h.push_str(r#"</g><g class="tk-shapes">"#);
    for s in &layout.shapes {
        let n = counts.get(&s.code).copied().unwrap_or_default();
        let _ = write!(
            h,
            r#"<a href="?gemeente={code}" data-code="{code}" class="tk-shape-link" aria-label="{label}"><path class="tk-shape tk-shade-{shade}" d="{d}"></path></a>"#,
            code = escape(&s.code),
            label = escape(&t.municipality_summary(&s.name, n, [true; 3])),
            shade = shade(n[0]),
            d = s.path
        );
    }
    // The selection outline the early script draws when a shape is clicked (as the live map does).
    h.push_str(r#"</g><g class="tk-outlines" aria-hidden="true"><path class="tk-outline-selected"></path></g><g class="tk-labels" aria-hidden="true">"#);
    for s in layout.shapes.iter().filter(|s| s.label_fits) {
        let _ = write!(
            h,
            r#"<text class="tk-label" x="{}" y="{}" font-size="{}">{}</text>"#,
            fmt(s.label[0]),
            fmt(s.label[1]),
            LABEL_SIZE,
            escape(&s.name)
        );
    }
    h.push_str("</g></svg></figure>");
    legend(&mut h, t);
    h.push_str("</section>");
    let _ = write!(
        h,
        r#"<aside class="tk-side"><div class="tk-overview"><p class="tk-hint">{}</p><ul class="tk-totals">"#,
        escape(t.map_hint)
    );
    for (c, n) in crate::listing::Category::ALL.iter().zip(totals(items)) {
        let _ = write!(
            h,
            r#"<li class="tk-total tk-cat-{}">{}</li>"#,
            c.as_str(),
            escape(&t.count(*c, n))
        );
    }
    h.push_str("</ul></div></aside></div></div>");
    h
}

fn header(h: &mut String, meta: &Meta, t: &Strings, lang: Lang) {
    let _ = write!(
        h,
        r#"<header class="tk-header"><div class="tk-heading"><h1 class="tk-title">{}</h1>"#,
        escape(meta.title.get(lang))
    );
    if meta.demo {
        let _ = write!(h, r#"<span class="tk-demo">{}</span>"#, escape(t.demo));
    }
    let _ = write!(
        h,
        r#"</div><p class="tk-intro">{}</p></header>"#,
        escape(meta.intro.get(lang))
    );
}

/// The shading legend; the live widget renders the same markup.
pub fn legend(h: &mut String, t: &Strings) {
    let _ = write!(
        h,
        r#"<div class="tk-legend"><p class="tk-legend-title">{}</p><ul class="tk-legend-list">"#,
        escape(t.legend_title)
    );
    for (i, (_, label)) in SHADE_CLASSES.iter().enumerate() {
        let label = if i == 0 { t.legend_none } else { label };
        let _ = write!(
            h,
            r#"<li><span class="tk-swatch tk-shade-{i}" aria-hidden="true"></span>{}</li>"#,
            escape(label)
        );
    }
    h.push_str("</ul></div>");
}

/// Each municipality's panel as an inert `<template id="tk-pre-CODE">`, in the markup of the live
/// `MunicipalityPanel` (all layers on, links as in the widget; items past the first page `hidden` behind a
/// "show more" button). Written to their own file (`panels-<hash>.html`), which the early script fetches
/// once the page is parsed: it shows one when its shape is clicked before the wasm has taken over, so the
/// first answer does not wait for the wasm; the widget then replaces it with the same panel. (Inline, they
/// made the page 7 KiB larger and its map paint ~50 ms later on slow 4G.)
pub fn panel_templates(layout: &MapLayout, items: &[Listing]) -> String {
    let lang = Lang::Nl;
    let t = Strings::get(lang);
    let counts = counts_by_municipality(items);
    let mut h = String::new();
    for s in &layout.shapes {
        let code = escape(&s.code);
        let n = counts.get(&s.code).copied().unwrap_or_default();
        let _ = write!(
            h,
            r#"<template id="tk-pre-{code}"><section class="tk-panel" data-panel="{code}" aria-labelledby="tk-panel-title"><div class="tk-panel-head"><h2 id="tk-panel-title">{name}</h2><button type="button" class="tk-close" aria-label="{close}">×</button></div><p class="tk-panel-summary">{summary}</p>"#,
            name = escape(&s.name),
            close = escape(t.close),
            summary = escape(&t.counts_line(n, [true; 3])),
        );
        let groups =
            crate::card::panel_groups(items.iter().filter(|i| i.municipality == s.code), [true; 3]);
        if groups.is_empty() {
            let _ = write!(h, r#"<p class="tk-empty">{}</p>"#, escape(t.panel_empty));
        }
        for (c, of_c) in groups {
            let _ = write!(
                h,
                r#"<h3 class="tk-group tk-cat-{}">{}</h3><ul class="tk-items">"#,
                c.as_str(),
                escape(t.category(c))
            );
            for (i, item) in of_c.iter().enumerate() {
                h.push_str(if i < crate::card::PANEL_PAGE {
                    "<li>"
                } else {
                    "<li hidden>"
                });
                item_card(&mut h, item, t, lang);
                h.push_str("</li>");
            }
            h.push_str("</ul>");
            let hidden = of_c.len().saturating_sub(crate::card::PANEL_PAGE);
            if hidden > 0 {
                let _ = write!(
                    h,
                    r#"<button type="button" class="tk-button tk-more">{} ({hidden})</button>"#,
                    escape(t.show_more)
                );
            }
        }
        h.push_str("</section></template>");
    }
    h
}

/// One item's card, as the live `ItemCard` draws it in a panel (title as `h4`).
fn item_card(h: &mut String, item: &Listing, t: &Strings, lang: Lang) {
    let id = escape(&item.id);
    let _ = write!(
        h,
        r#"<article class="tk-item tk-cat-{cat}" data-item="{id}"><h4 class="tk-item-title">{title}</h4><p class="tk-item-meta">{meta}"#,
        cat = item.category.as_str(),
        title = escape(item.title.get(lang)),
        meta = escape(&crate::card::meta_line(item, t)),
    );
    if item.training {
        let _ = write!(h, r#"<span class="tk-badge">{}</span>"#, escape(t.training));
    }
    let _ = write!(
        h,
        r#"</p><p class="tk-item-desc">{}</p>"#,
        escape(item.description.get(lang))
    );
    let facts = crate::card::facts(item, lang);
    if !facts.is_empty() {
        h.push_str(r#"<dl class="tk-facts">"#);
        for (k, v) in facts {
            let _ = write!(
                h,
                "<div><dt>{}</dt><dd>{}</dd></div>",
                escape(k),
                escape(&v)
            );
        }
        h.push_str("</dl>");
    }
    h.push_str(r#"<p class="tk-item-links">"#);
    if let Some(href) = item.safe_link() {
        let _ = write!(
            h,
            r#"<a class="tk-link" href="{}" target="_blank" rel="noopener noreferrer">{}<span class="tk-sr"> ({})</span></a>"#,
            escape(href),
            escape(t.more_info),
            escape(t.new_tab)
        );
    }
    h.push(' ');
    if let Some(e) = crate::card::email(item) {
        let _ = write!(
            h,
            r#"<a class="tk-mail" href="mailto:{e}">{e}</a>"#,
            e = escape(e)
        );
    }
    h.push_str("</p></article>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::parse_listings;
    use crate::municipality::parse_municipalities;

    fn committed() -> (MapLayout, Vec<Listing>) {
        let geo = parse_municipalities(
            "gemeenten.geojson",
            include_bytes!("../../public/data/gemeenten.geojson"),
        )
        .expect("committed boundaries parse");
        let parsed = parse_listings(
            "listings.json",
            include_bytes!("../../public/data/listings.json"),
            Some(&geo.municipalities),
            None,
        )
        .expect("committed listings parse");
        (
            MapLayout::new(&geo.municipalities, &geo.context),
            parsed.items,
        )
    }

    #[test]
    fn every_municipality_has_a_panel_with_exactly_its_items() {
        let (layout, items) = committed();
        let html = panel_templates(&layout, &items);
        assert_eq!(html.matches("<template id=\"tk-pre-GM").count(), 14);
        for shape in &layout.shapes {
            let start = html
                .find(&format!("<template id=\"tk-pre-{}\">", shape.code))
                .expect("a template per municipality");
            let end = start + html[start..].find("</template>").expect("closed");
            let panel = &html[start..end];
            assert!(panel.contains(&format!("data-panel=\"{}\"", shape.code)));
            let n = items
                .iter()
                .filter(|i| i.municipality == shape.code)
                .count();
            assert_eq!(panel.matches("<article ").count(), n, "{}", shape.name);
        }
    }

    #[test]
    fn item_text_is_escaped_and_long_groups_are_paged() {
        let (layout, items) = committed();
        let mut one = items
            .iter()
            .find(|i| i.municipality == "GM0153")
            .expect("an Enschede item")
            .clone();
        one.town = "<img src=x onerror=alert(1)>".into();
        let many: Vec<Listing> = (0..crate::card::PANEL_PAGE + 2)
            .map(|n| Listing {
                id: format!("x-{n}"),
                ..one.clone()
            })
            .collect();
        let html = panel_templates(&layout, &many);
        assert!(!html.contains("<img"), "text is never markup");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert_eq!(html.matches("<li hidden>").count(), 2);
        assert!(html.contains("Toon meer (2)</button>"));
        // A municipality without items says so.
        assert!(html.contains(Strings::get(Lang::Nl).panel_empty));
    }
}
