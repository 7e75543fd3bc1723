//! Browser tests (wasm-bindgen-test in headless Chromium): components mounted with the committed demo data,
//! asserting what a user sees. Run by `cargo xtask test` (plain `cargo test` runs none of these).
#![cfg(target_arch = "wasm32")]

mod common;

use common::{GEO, LISTINGS, TODAY};
use leptos::prelude::*;
use twente_kaart::app::Widget;
use twente_kaart::config::Config;
use twente_kaart::load::{assemble, LoadError, Loaded};
use twente_kaart::state::AppState;
use twente_kaart_core::date::Now;
use twente_kaart_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn demo() -> Loaded {
    assemble(
        Ok(GEO.to_vec()),
        Ok(LISTINGS.to_vec()),
        Now::start_of(TODAY),
    )
}

/// The list's rows follow a change after the next paint (at the latest 250 ms later, see `ListView`).
async fn rows_follow() {
    leptos::task::tick().await;
    gloo_timers::future::TimeoutFuture::new(300).await;
}

/// Mounts the widget into a fresh container and returns it with the state.
fn mount(loaded: Loaded, config: Config) -> (web_sys::HtmlElement, AppState) {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let state = AppState::new(&config);
    let handle = mount_to(host.clone(), move || {
        state.provide();
        view! { <Widget loaded=loaded retry=Callback::new(|_| ()) compact=false /> }
    });
    handle.forget();
    (host, state)
}

fn nl() -> Config {
    Config {
        lang: Lang::Nl,
        ..Config::default()
    }
}

fn count(host: &web_sys::HtmlElement, selector: &str) -> u32 {
    host.query_selector_all(selector).unwrap().length()
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    let el = host
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"));
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &{
        let i = web_sys::MouseEventInit::new();
        i.set_bubbles(true);
        i
    })
    .unwrap();
    el.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn draws_the_14_municipalities_with_names_and_counts() {
    let (host, _) = mount(demo(), nl());
    leptos::task::tick().await;
    assert_eq!(count(&host, "path.tk-shape[data-code]"), 14);
    let enschede = host
        .query_selector("path.tk-shape[data-code=\"GM0153\"]")
        .unwrap()
        .unwrap();
    assert_eq!(
        enschede.get_attribute("aria-label").unwrap(),
        "Enschede: 6 praktijken, 4 woningen, 5 werkgevers, 1 verhaal, 2 bijeenkomsten"
    );
    assert_eq!(enschede.get_attribute("role").as_deref(), Some("button"));
    // Exactly one shape is in the tab order (roving tab stop).
    assert_eq!(count(&host, "path.tk-shape[tabindex=\"0\"]"), 1);
    host.remove();
}

#[wasm_bindgen_test]
async fn clicking_a_municipality_opens_its_panel_and_close_returns() {
    let (host, state) = mount(demo(), nl());
    leptos::task::tick().await;
    click(&host, "path.tk-shape[data-code=\"GM0153\"]");
    leptos::task::tick().await;
    assert_eq!(state.selected.get_untracked().as_deref(), Some("GM0153"));
    let panel = host
        .query_selector("[data-panel=\"GM0153\"]")
        .unwrap()
        .expect("panel open");
    assert_eq!(
        panel
            .query_selector("h2")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Enschede"
    );
    assert_eq!(
        panel
            .query_selector_all("article.tk-item")
            .unwrap()
            .length(),
        // 15 offers and 2 events; the story is a figure of its own.
        17
    );
    assert_eq!(
        panel
            .query_selector_all("figure.tk-story")
            .unwrap()
            .length(),
        1
    );
    // Every link out opens in a new tab without giving the target page a handle on ours.
    let links = panel.query_selector_all("a.tk-link").unwrap();
    assert!(links.length() > 0);
    for i in 0..links.length() {
        let a: web_sys::Element = links.item(i).unwrap().unchecked_into();
        assert_eq!(
            a.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
        assert!(a.get_attribute("href").unwrap().starts_with("https://"));
    }
    click(&host, ".tk-panel .tk-close");
    leptos::task::tick().await;
    assert!(host.query_selector("[data-panel]").unwrap().is_none());
    assert_eq!(state.selected.get_untracked(), None);
    host.remove();
}

#[wasm_bindgen_test]
async fn switching_a_layer_off_removes_its_markers_and_list_entries() {
    let (host, state) = mount(demo(), nl());
    leptos::task::tick().await;
    // The list shows a page of ten rows; with only homes chosen, ten homes and "show more" for the other 17.
    state.category.set(Some(twente_kaart_core::Category::Wonen));
    rows_follow().await;
    assert_eq!(count(&host, ".tk-list-items article.tk-cat-wonen"), 10);
    let more = host
        .query_selector(".tk-list .tk-more")
        .unwrap()
        .expect("a show-more button");
    assert_eq!(more.text_content().unwrap(), "Toon meer (17)");
    assert!(count(&host, "g.tk-marker.tk-cat-wonen") > 0);
    click(&host, "#tk-layer-wonen");
    rows_follow().await;
    assert_eq!(
        state.layers.get_untracked().into_array(),
        [true, false, true, true, true]
    );
    assert_eq!(count(&host, "g.tk-marker.tk-cat-wonen"), 0);
    assert_eq!(count(&host, ".tk-list-items article.tk-cat-wonen"), 0);
    host.remove();
}

#[wasm_bindgen_test]
async fn search_narrows_the_list() {
    let (host, state) = mount(demo(), nl());
    leptos::task::tick().await;
    state.search.set("universiteit twente".into());
    rows_follow().await;
    let n = count(&host, ".tk-list-items article");
    assert!((1..10).contains(&n), "{n} results");
    assert!(host
        .query_selector(".tk-count")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains(&n.to_string()));
    host.remove();
}

#[wasm_bindgen_test]
async fn a_broken_listings_file_shows_file_line_and_reason_and_the_map_still_draws() {
    let broken = br#"{ "meta": { "title": "x", "intro": "y", "contact": {"email": "a@b.nl"}, "updated": "2026-01-01" },
  "items": [ { "id": "x" ]
}"#;
    let loaded = assemble(Ok(GEO.to_vec()), Ok(broken.to_vec()), Now::start_of(TODAY));
    let (host, _) = mount(loaded, nl());
    leptos::task::tick().await;
    let alert = host
        .query_selector("[role=alert]")
        .unwrap()
        .expect("error shown")
        .text_content()
        .unwrap();
    assert!(alert.contains("Kon listings.json niet laden"), "{alert}");
    assert!(alert.contains("regel 2, kolom"), "{alert}");
    assert_eq!(count(&host, "path.tk-shape[data-code]"), 14);
    host.remove();
}

#[wasm_bindgen_test]
async fn network_errors_are_translated_and_offer_a_retry() {
    let loaded = assemble(
        Ok(GEO.to_vec()),
        Err(LoadError::Http {
            file: "listings.json".into(),
            status: 500,
        }),
        Now::start_of(TODAY),
    );
    let (host, _) = mount(
        loaded,
        Config {
            lang: Lang::En,
            ..Config::default()
        },
    );
    leptos::task::tick().await;
    let alert = host
        .query_selector("[role=alert]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        alert.contains("Could not load listings.json") && alert.contains("status 500"),
        "{alert}"
    );
    assert!(host
        .query_selector("[role=alert] button")
        .unwrap()
        .is_some());
    host.remove();
}

#[wasm_bindgen_test]
async fn hostile_text_is_shown_as_text_and_bad_links_never_become_links() {
    let json = String::from_utf8(LISTINGS.to_vec()).unwrap().replacen(
        "\"items\": [",
        r#""items": [{"id":"xss-1","category":"praktijk","kind":"overname","municipality":"GM0153","town":"Enschede","point":[6.89,52.22],"title":"<img src=x onerror=\"window.__tkInjected()\">","description":"<script>window.__tkInjected()</script>","updated":"2026-11-01"},"#,
        1,
    );
    let loaded = assemble(
        Ok(GEO.to_vec()),
        Ok(json.into_bytes()),
        Now::start_of(TODAY),
    );
    let (host, state) = mount(loaded, nl());
    state.search.set("onerror".into());
    leptos::task::tick().await;
    let card = host
        .query_selector("article[data-item=\"xss-1\"]")
        .unwrap()
        .expect("item shown");
    assert!(
        card.query_selector("img, script").unwrap().is_none(),
        "markup from data was inserted"
    );
    assert!(card.text_content().unwrap().contains("<img src=x"));
    host.remove();
}

#[wasm_bindgen_test]
fn configuration_ignores_invalid_values() {
    let c = Config::from_query("?lang=fr&gemeente=Enschede&layers=wonen,bogus&accent=url(x)&idle=2&data=https://evil.example/", None);
    assert_eq!(c.lang, Lang::Nl);
    assert_eq!(c.gemeente, None);
    assert_eq!(c.layers.into_array(), [false, true, false, false, false]);
    assert_eq!(c.accent, None);
    assert_eq!(c.idle_seconds, 60);
    assert_eq!(c.data_base, "data/");
    let ok = Config::from_query(
        "?lang=de&gemeente=GM0153&accent=%230b6e4f&kiosk=1&idle=30",
        Some("en-US".into()),
    );
    assert_eq!(
        (
            ok.lang,
            ok.gemeente.as_deref(),
            ok.accent.as_deref(),
            ok.kiosk,
            ok.idle_seconds
        ),
        (Lang::De, Some("GM0153"), Some("#0b6e4f"), true, 30)
    );
    assert_eq!(Config::from_query("", Some("de-AT".into())).lang, Lang::De);
}
