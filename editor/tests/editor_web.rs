//! Browser tests of the data editor (wasm-bindgen-test in headless Chromium): the editor mounted with the
//! committed demo data, used the way a staff member would — through the table, the form and the map.
//! Run: cargo test -p twente-kaart-editor --target wasm32-unknown-unknown
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use twente_kaart_core::dataset::parse_listings;
use twente_kaart_core::municipality::parse_municipalities;
use twente_kaart_core::Lang;
use twente_kaart_editor::model::EditorFile;
use twente_kaart_editor::{storage, EditorData, EditorState, EditorView};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SCHEMA: &[u8] = include_bytes!("../../public/schema/listings.schema.json");
const GEO: &[u8] = include_bytes!("../../regions/twente/gemeenten.geojson");
const LISTINGS: &[u8] = include_bytes!("../../regions/twente/listings.json");
/// A fixed "today", so the demo's expiry dates give the same items whatever day the tests run.
const TODAY: twente_kaart_core::date::Date = twente_kaart_core::date::Date {
    year: 2026,
    month: 11,
    day: 23,
};

/// Mounts the editor into a fresh container, with no draft left from an earlier test.
fn mount() -> (web_sys::HtmlElement, EditorState) {
    storage::clear();
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let data = EditorData::from_bytes(GEO, LISTINGS, Some(SCHEMA)).expect("demo data");
    let state = EditorState::new(data, TODAY);
    mount_to(host.clone(), move || view! { <EditorView state=state /> }).forget();
    (host, state)
}

fn done(host: web_sys::HtmlElement) {
    host.remove();
    storage::clear();
}

fn find(host: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .unchecked_into()
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    find(host, selector).click();
}

/// Types `value` into an input like a user: the value, then a bubbling `input` event.
fn type_into(host: &web_sys::HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = find(host, selector).unchecked_into();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
}

fn demo_items() -> Vec<String> {
    EditorFile::parse(LISTINGS)
        .unwrap()
        .file
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect()
}

#[wasm_bindgen_test]
async fn the_table_lists_the_demo_items() {
    let (host, _) = mount();
    leptos::task::tick().await;
    let ids = demo_items();
    assert!(ids.len() > 10);
    let rows = host.query_selector_all("table.ed-table tbody tr").unwrap();
    assert_eq!(rows.length() as usize, ids.len());
    let shown: Vec<String> = (0..rows.length())
        .map(|i| {
            let row: web_sys::Element = rows.item(i).unwrap().unchecked_into();
            row.query_selector("th[scope=row]")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(shown, ids);
    // Each row has a named edit button, and the table has sortable column headers.
    let first = find(&host, "#ed-edit-0");
    assert_eq!(
        first.get_attribute("aria-label").unwrap(),
        format!("Bewerken {}", ids[0])
    );
    assert_eq!(
        host.query_selector_all("th[aria-sort]").unwrap().length(),
        7
    );
    done(host);
}

#[wasm_bindgen_test]
async fn an_empty_title_shows_the_error_at_the_title() {
    let (host, state) = mount();
    leptos::task::tick().await;
    click(&host, "#ed-edit-0");
    leptos::task::tick().await;
    assert!(host.query_selector("form.ed-form").unwrap().is_some());
    let errors = find(&host, "#ed-err-title");
    assert_eq!(errors.text_content().unwrap(), "");
    type_into(&host, "#ed-f-title-nl", "");
    leptos::task::tick().await;
    assert!(
        errors.text_content().unwrap().contains("Vul dit veld in"),
        "{:?}",
        errors.text_content()
    );
    let input = find(&host, "#ed-f-title-nl");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(input
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("ed-err-title"));
    // The help under the field is the schema's description of `title`.
    assert_eq!(
        find(&host, "#ed-help-title").text_content().unwrap(),
        "Short title (at most 90 characters). Required except for a story (whose heading is the person)."
    );
    // Saving is refused while the error stands.
    click(&host, ".ed-form button[type=submit]");
    leptos::task::tick().await;
    assert!(host.query_selector("form.ed-form").unwrap().is_some());
    assert!(!state.dirty.get_untracked());
    done(host);
}

#[wasm_bindgen_test]
async fn a_click_inside_enschede_sets_the_point_and_the_municipality() {
    let (host, state) = mount();
    leptos::task::tick().await;
    click(&host, "#ed-edit-0");
    leptos::task::tick().await;
    assert_ne!(state.form.get_untracked().municipality, "GM0153");
    // Enschede's label point, from SVG units to the screen, the way the picker reads it back.
    let geo = parse_municipalities("gemeenten.geojson", GEO).unwrap();
    let layout = twente_kaart_core::map::MapLayout::new(&geo.municipalities, &geo.context);
    let enschede = layout.shapes.iter().find(|s| s.code == "GM0153").unwrap();
    let p = layout.projection;
    let svg = find(&host, "svg.ed-map");
    let r = svg.get_bounding_client_rect();
    assert!(r.width() > 0.0);
    let scale = (p.width / r.width()).max(p.height / r.height());
    let off = [
        (r.width() * scale - p.width) / 2.0,
        (r.height() * scale - p.height) / 2.0,
    ];
    let x = r.left() + (enschede.label[0] + off[0]) / scale;
    let y = r.top() + (enschede.label[1] + off[1]) / scale;
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x(x.round() as i32);
    init.set_client_y(y.round() as i32);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    svg.dispatch_event(&ev).unwrap();
    leptos::task::tick().await;
    let form = state.form.get_untracked();
    assert_eq!(form.municipality, "GM0153");
    let point = form.point().expect("a point");
    let home = geo
        .municipalities
        .iter()
        .find(|m| m.code == "GM0153")
        .unwrap();
    assert!(home.contains(point), "{point:?}");
    let select: web_sys::HtmlSelectElement = find(&host, "#ed-f-municipality").unchecked_into();
    assert_eq!(select.value(), "GM0153");
    assert!(host.query_selector("circle.ed-marker").unwrap().is_some());
    done(host);
}

#[wasm_bindgen_test]
async fn an_edit_is_saved_and_the_file_reads_back_without_errors() {
    let (host, state) = mount();
    leptos::task::tick().await;
    click(&host, "#ed-edit-1");
    leptos::task::tick().await;
    type_into(&host, "#ed-f-title-nl", "Praktijk met uitzicht op de Lutte");
    leptos::task::tick().await;
    click(&host, ".ed-form button[type=submit]");
    leptos::task::tick().await;
    assert!(host.query_selector("form.ed-form").unwrap().is_none());
    assert!(state.dirty.get_untracked());
    let json = state.file.with_untracked(EditorFile::to_json);
    // What would be downloaded is also the draft in localStorage.
    assert_eq!(storage::load().as_deref(), Some(json.as_str()));
    let geo = parse_municipalities("gemeenten.geojson", GEO).unwrap();
    let parsed = parse_listings(
        "listings.json",
        json.as_bytes(),
        twente_kaart_core::validate::Context::with_map(&geo.municipalities),
    )
    .unwrap();
    assert_eq!(parsed.errors().count(), 0, "{:?}", parsed.problems);
    assert_eq!(parsed.items.len(), demo_items().len());
    assert_eq!(
        parsed.items[1].heading(Lang::Nl),
        "Praktijk met uitzicht op de Lutte"
    );
    assert!(json.contains("\"$schema\": \"../schema/listings.schema.json\""));
    // The table shows the new title.
    assert!(find(&host, "tr[data-index=\"1\"]")
        .text_content()
        .unwrap()
        .contains("uitzicht op de Lutte"));
    done(host);
}
