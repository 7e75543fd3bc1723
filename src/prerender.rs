//! The build-time first paint: the live widget's own components rendered to HTML natively (Leptos' SSR
//! `to_html`), so the page that paints before the wasm arrives is the widget itself and cannot drift from it.
//! `cargo xtask build` runs `src/bin/prerender.rs`, which calls [`render`]. The wasm replaces this markup with
//! the same markup when it takes over (`app::take_over`), in one task, so nothing shifts.
//!
//! Rendering here must not touch the browser: components do browser work only in effects and event
//! handlers, which never run in this native build.

use crate::app::Widget;
use crate::components::item_card::BodiesApart;
use crate::components::municipality_panel::MunicipalityPanel;
use crate::config::Config;
use crate::load::Loaded;
use crate::state::AppState;
use leptos::prelude::*;
use twente_kaart_core::hash::fnv_hex;

/// What the build writes: the overview page's widget (with every municipality's panel in it, as inert
/// `<template>`s the early script shows on a click), the kiosk page's, and the panels' card bodies.
#[derive(Debug, serde::Serialize)]
pub struct Prerendered {
    /// Goes inside `#tk-root` of `index.html`.
    pub index: String,
    /// Goes inside `#tk-root` of `kiosk.html`.
    pub kiosk: String,
    /// The bodies of the cards in `index`'s panels; none when the panels are over [`PANELS_BUDGET`] and the
    /// page has none.
    pub bodies: Option<File>,
}

/// A file the build writes: its content-hashed name and its text.
#[derive(Debug, serde::Serialize)]
pub struct File {
    pub name: String,
    pub text: String,
}

/// The most the panels in the page may weigh (uncompressed; Twente's 14 are 58 KB, 5 KB brotli). They are in
/// the page, not a file of their own, so a click on the prerendered map shows its panel at once: fetched, the
/// file had arrived before the map was on screen, but at 4× CPU its text reached the early script 100–250 ms
/// later, behind the page's own parsing, and a first click waited that long. Their cards come closed and
/// without bodies (less than half the bytes); an opened card takes its body from the bodies file, fetched
/// with the first panel shown. A region as large as the country (342 municipalities, 20,000 listings: megabytes) has no
/// panels in its page: a click that early outlines the municipality, and the widget opens its panel when it
/// takes over.
pub const PANELS_BUDGET: usize = 256 * 1024;

/// Renders `view` with a fresh widget state (Dutch, nothing selected, all layers) in its own reactive owner.
fn with_state<V: RenderHtml>(kiosk: bool, view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let config = Config {
            kiosk,
            ..Config::default()
        };
        AppState::new(&config).provide();
        view().to_html()
    })
}

/// The page's widget; `panels`: the closed panels' templates and the URL of their bodies, if the page has them.
fn page(loaded: &Loaded, kiosk: bool, panels: Option<(&str, String)>) -> String {
    let loaded = loaded.clone();
    let (templates, bodies) = panels.unwrap_or_default();
    let mut html = with_state(kiosk, move || {
        let retry = Callback::new(|_: ()| {});
        view! {
            <div id="tk-prerender" data-bodies=bodies>
                <Widget loaded=loaded retry=retry compact=false />
            </div>
        }
    });
    // The templates go last inside the prerendered widget: parsed after the map, never rendered, and gone
    // with the rest when the widget takes over.
    if let Some(end) = html.rfind("</div>") {
        html.insert_str(end, templates);
    }
    html
}

/// The prerendered pages and panels of `loaded`.
pub fn render(loaded: &Loaded) -> Prerendered {
    render_within(loaded, PANELS_BUDGET)
}

/// Every municipality's panel as a `<template id="tk-pre-<code>">`; `apart`: its cards without their bodies.
fn all_panels(loaded: &Loaded, apart: bool) -> String {
    let data = loaded.data.clone();
    let mut panels = String::new();
    for m in &data.municipalities {
        let (data, code) = (data.clone(), m.code.clone());
        let id = format!("tk-pre-{code}");
        let care = crate::state::CareSites::of(&data);
        panels.push_str(&with_state(false, move || {
            provide_context(care);
            if apart {
                provide_context(BodiesApart);
            }
            view! { <template id=id><MunicipalityPanel data=data code=code /></template> }
        }));
    }
    panels
}

/// [`render`], with the panels in the page only if they are at most `budget` bytes.
pub fn render_within(loaded: &Loaded, budget: usize) -> Prerendered {
    // Render effects (e.g. the highlight selectors) are spawned on an executor, also natively. Set once per
    // process; a second call finds it set, which is fine.
    let _ = any_spawner::Executor::init_futures_executor();
    let closed = all_panels(loaded, true);
    let bodies = (closed.len() <= budget).then(|| {
        let text = format!(
            "<!doctype html><meta charset=\"utf-8\"><title>twente-kaart panels</title>{}\n",
            all_panels(loaded, false)
        );
        File {
            name: format!("panel-bodies-{}.html", &fnv_hex(&text)[..12]),
            text,
        }
    });
    let index = page(
        loaded,
        false,
        bodies
            .as_ref()
            .map(|b| (closed.as_str(), format!("./{}", b.name))),
    );
    Prerendered {
        index,
        kiosk: page(loaded, true, None),
        bodies,
    }
}

/// The command line of `src/bin/prerender.rs`: reads `DATA_DIR/gemeenten.geojson` and `listings.json`, hides
/// what expired before `YYYY-MM-DD` and the events over at `UNIX_SECONDS`, and returns [`Prerendered`] as JSON. Bad data is an error that names the
/// file and place: the build must not publish a page drawn from data the widget would refuse.
pub fn run(args: &[String]) -> Result<String, String> {
    use crate::load::{assemble, LISTINGS_FILE, MUNICIPALITIES_FILE};
    let [dir, today, seconds] = args else {
        return Err("usage: prerender DATA_DIR YYYY-MM-DD UNIX_SECONDS".into());
    };
    let today = twente_kaart_core::date::Date::parse_iso(today)
        .ok_or_else(|| format!("not a date: {today} (use YYYY-MM-DD)"))?;
    let utc_seconds = seconds
        .parse()
        .map_err(|_| format!("not a time: {seconds} (use seconds since 1970)"))?;
    let now = twente_kaart_core::date::Now { today, utc_seconds };
    let read = |file: &str| {
        let path = std::path::Path::new(dir).join(file);
        std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let loaded = assemble(
        Ok(read(MUNICIPALITIES_FILE)?),
        Ok(read(LISTINGS_FILE)?),
        now,
    );
    if let Some(e) = loaded.errors.first() {
        return Err(e.to_string());
    }
    serde_json::to_string(&render(&loaded)).map_err(|e| e.to_string())
}
