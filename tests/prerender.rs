//! The build-time first paint is the widget's own components rendered natively (`ssr` feature): every
//! municipality gets its panel with exactly its items, data text is never markup, and the pages carry the
//! widget's controls. Run by `cargo xtask test` (`--no-default-features --features ssr`).
#![cfg(feature = "ssr")]

mod common;

use common::{GEO, LISTINGS, TODAY};
use twente_kaart::load::assemble;
use twente_kaart::prerender::{render, render_within, Prerendered};
use twente_kaart_core::date::Now;

/// The panels file's text (the demo region has one).
fn panels(pages: &Prerendered) -> &str {
    &pages
        .panels
        .as_ref()
        .expect("the demo region has a panels file")
        .text
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
    let loaded = assemble(
        Ok(GEO.to_vec()),
        Ok(LISTINGS.to_vec()),
        Now::start_of(TODAY),
    );
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
    let name = &pages.panels.as_ref().map(|p| p.name.as_str());
    assert!(name.is_some_and(|n| n.starts_with("panels-") && n.ends_with(".html")));
}

#[test]
fn a_region_whose_panels_are_over_the_budget_has_no_panels_file() {
    let loaded = assemble(
        Ok(GEO.to_vec()),
        Ok(LISTINGS.to_vec()),
        Now::start_of(TODAY),
    );
    let full = panels(&render(&loaded)).len();
    let pages = render_within(&loaded, full - 1);
    assert!(pages.panels.is_none());
    assert!(
        pages
            .index
            .starts_with("<div id=\"tk-prerender\" data-panels=\"\">"),
        "the page names no panels file: {}",
        &pages.index[..80]
    );
    assert!(render_within(&loaded, full).panels.is_some());
}

#[test]
fn the_pages_have_the_widgets_controls() {
    let loaded = assemble(
        Ok(GEO.to_vec()),
        Ok(LISTINGS.to_vec()),
        Now::start_of(TODAY),
    );
    let pages = render(&loaded);
    let index = &pages.index;
    assert!(index.starts_with(&format!(
        "<div id=\"tk-prerender\" data-panels=\"./{}\">",
        pages.panels.as_ref().map_or("", |p| p.name.as_str())
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
