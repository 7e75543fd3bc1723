//! The build-time first paint is the widget's own components rendered natively (`ssr` feature): every
//! municipality gets its panel with exactly its items, data text is never markup, and the pages carry the
//! widget's controls. Run by `cargo xtask test` (`--no-default-features --features ssr`).
#![cfg(feature = "ssr")]

mod common;

use common::{GEO, LISTINGS, TODAY};
use twente_kaart::load::{assemble, Loaded};
use twente_kaart::prerender::{render, render_within, Prerendered};
use twente_kaart_core::date::Now;

/// The demo data, loaded as the widget loads it.
fn demo() -> Loaded {
    assemble(
        Ok(GEO.to_vec()),
        Ok(LISTINGS.to_vec()),
        Now::start_of(TODAY),
    )
}

/// The panels with their cards' bodies (the demo region has them).
fn panels(pages: &Prerendered) -> &str {
    &pages.bodies.as_ref().expect("a bodies file").text
}

/// The panels in the page, at its end: closed cards without bodies, what a click before the wasm shows.
fn closed_panels(pages: &Prerendered) -> &str {
    let at = pages
        .index
        .find("<template id=\"tk-pre-")
        .expect("the page has its panels");
    &pages.index[at..]
}

/// The `data-item` ids in `html`, in order.
fn item_ids(html: &str) -> Vec<&str> {
    html.split("data-item=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect()
}

/// The text between `start` and the next `end` after it.
fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let from = s.find(start).unwrap_or_else(|| panic!("{start} not found"));
    let to = from
        + s[from..]
            .find(end)
            .unwrap_or_else(|| panic!("{end} not found"));
    &s[from..to]
}

#[test]
fn every_municipality_has_a_panel_with_its_items() {
    let loaded = demo();
    let pages = render(&loaded);
    assert_eq!(
        panels(&pages).matches("<template id=\"tk-pre-GM").count(),
        14
    );
    for m in &loaded.data.municipalities {
        let panel = between(
            panels(&pages),
            &format!("<template id=\"tk-pre-{}\">", m.code),
            "</template>",
        );
        assert!(panel.contains(&format!("data-panel=\"{}\"", m.code)));
        assert!(panel.contains(&format!(">{}</h2>", m.name)), "{}", m.name);
        let n = loaded.data.items_of(&m.code).len();
        let shown = panel.matches("<article ").count();
        // A group shows its first page; the rest is behind "show more" (the same rule as the live panel).
        assert!(
            shown <= n && (shown > 0 || n == 0),
            "{}: {shown} of {n}",
            m.name
        );
    }
    let bodies = &pages.bodies.as_ref().expect("a bodies file").name;
    assert!(bodies.starts_with("panel-bodies-") && bodies.ends_with(".html"));
    assert_eq!(
        closed_panels(&pages)
            .matches("<template id=\"tk-pre-GM")
            .count(),
        14,
        "the page has every panel"
    );
    assert!(
        closed_panels(&pages).ends_with("</template></div>"),
        "the panels come last inside the prerendered widget"
    );
    assert!(
        !pages.kiosk.contains("<template"),
        "the kiosk page has no panels"
    );
}

#[test]
fn the_closed_panels_have_the_same_cards_without_their_bodies() {
    let loaded = demo();
    let pages = render(&loaded);
    let (closed, bodies) = (closed_panels(&pages), panels(&pages));
    assert!(!item_ids(closed).is_empty());
    assert_eq!(
        item_ids(closed),
        item_ids(bodies),
        "the same cards, in the same order"
    );
    let body = "<div class=\"tk-item-body\">";
    assert_eq!(closed.matches(body).count(), bodies.matches(body).count());
    assert_eq!(
        closed.matches(body).count(),
        closed
            .matches("<div class=\"tk-item-body\"><!></div>")
            .count(),
        "every closed card's body is empty"
    );
    for part in ["class=\"tk-facts\"", "class=\"tk-item-desc\""] {
        assert!(!closed.contains(part), "no {part} in the closed panels");
        assert!(bodies.contains(part), "{part} in the bodies");
    }
    assert!(
        closed.len() * 2 < bodies.len(),
        "the closed panels ({} B) are less than half the bodies' ({} B)",
        closed.len(),
        bodies.len()
    );
}

#[test]
fn a_region_whose_panels_are_over_the_budget_has_none_in_its_page() {
    let loaded = demo();
    let pages = render(&loaded);
    let size = closed_panels(&pages).len() - "</div>".len();
    let over = render_within(&loaded, size - 1);
    assert!(over.bodies.is_none());
    assert!(!over.index.contains("<template"), "no panels in the page");
    assert!(
        over.index
            .starts_with("<div id=\"tk-prerender\" data-bodies=\"\">"),
        "the page names no bodies file: {}",
        &over.index[..80]
    );
    assert!(render_within(&loaded, size).bodies.is_some());
}

#[test]
fn the_pages_have_the_widgets_controls() {
    let loaded = demo();
    let pages = render(&loaded);
    let index = &pages.index;
    assert!(index.starts_with(&format!(
        "<div id=\"tk-prerender\" data-bodies=\"./{}\">",
        pages.bodies.as_ref().map_or("", |p| p.name.as_str())
    )));
    assert_eq!(
        index.matches("class=\"tk-shape tk-shade-").count(),
        14,
        "every municipality is drawn"
    );
    for control in [
        "class=\"tk-langs\"",
        "tk-share",
        "class=\"tk-layers\"",
        "id=\"tk-list\"",
        "class=\"tk-footer\"",
    ] {
        assert!(index.contains(control), "index has {control}");
    }
    assert!(
        pages.kiosk.contains("tk-kiosk"),
        "the kiosk page is rendered in kiosk mode"
    );
}

#[test]
fn data_text_is_never_markup() {
    // The first Enschede item's town becomes markup (an item, not the metadata's care sites, which panels do
    // not show).
    let mut file: serde_json::Value = serde_json::from_slice(LISTINGS).unwrap();
    let item = file["items"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|i| i["municipality"] == "GM0153" && i["category"] == "praktijk")
        .unwrap();
    item["town"] = "<img src=x onerror=alert(1)>".into();
    let hostile = file.to_string();
    let loaded = assemble(
        Ok(GEO.to_vec()),
        Ok(hostile.into_bytes()),
        Now::start_of(TODAY),
    );
    let pages = render(&loaded);
    for html in [pages.index.as_str(), panels(&pages)] {
        assert!(!html.contains("<img src=x"), "text is never markup");
    }
    assert!(panels(&pages).contains("&lt;img src=x onerror=alert(1)&gt;"));
}
