//! The build-time first paint: the live widget's own components rendered to HTML natively (Leptos' SSR
//! `to_html`), so the page that paints before the wasm arrives is the widget itself and cannot drift from it.
//! `cargo xtask build` runs `src/bin/prerender.rs`, which calls [`render`]. The wasm replaces this markup with
//! the same markup when it takes over (`app::take_over`), in one task, so nothing shifts.
//!
//! Rendering here must not touch the browser: components do browser work only in effects and event
//! handlers, which never run in this native build.

use crate::app::Widget;
use crate::components::municipality_panel::MunicipalityPanel;
use crate::config::Config;
use crate::load::Loaded;
use crate::state::AppState;
use leptos::prelude::*;
use twente_kaart_core::hash::fnv_hex;

/// What the build writes: the overview page's widget, the kiosk page's, and the municipality panels (as
/// `<template>`s in their own file, fetched by the early script once the page is parsed).
#[derive(Debug, serde::Serialize)]
pub struct Prerendered {
    /// Goes inside `#tk-root` of `index.html`.
    pub index: String,
    /// Goes inside `#tk-root` of `kiosk.html`.
    pub kiosk: String,
    /// The panels file's name (content-hashed) and its text; none for a region whose panels together are
    /// larger than [`PANELS_BUDGET`].
    pub panels: Option<PanelsFile>,
}

/// The prerendered panels, one `<template>` per municipality.
#[derive(Debug, serde::Serialize)]
pub struct PanelsFile {
    pub name: String,
    pub text: String,
}

/// The most the panels file may weigh (uncompressed; Twente's is about 0.3 MB, 30 KB brotli). The page preloads
/// it at high priority on every view, for the clicks made before the wasm is in. For a region as large as the
/// country (342 municipalities, 20,000 listings: tens of megabytes) that would cost every visitor far more than
/// it saves the few who click that early; such a page has no panels file, and a click before the wasm outlines
/// the municipality and the widget opens its panel when it takes over.
pub const PANELS_BUDGET: usize = 2 * 1024 * 1024;

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

fn page(loaded: &Loaded, kiosk: bool, panels_url: &str) -> String {
    let loaded = loaded.clone();
    let url = panels_url.to_string();
    with_state(kiosk, move || {
        let retry = Callback::new(|_: ()| {});
        view! {
            <div id="tk-prerender" data-panels=url>
                <Widget loaded=loaded retry=retry compact=false />
            </div>
        }
    })
}

/// The prerendered pages and panels of `loaded`.
pub fn render(loaded: &Loaded) -> Prerendered {
    render_within(loaded, PANELS_BUDGET)
}

/// [`render`], with a panels file only if it is at most `budget` bytes.
pub fn render_within(loaded: &Loaded, budget: usize) -> Prerendered {
    // Render effects (e.g. the highlight selectors) are spawned on an executor, also natively. Set once per
    // process; a second call finds it set, which is fine.
    let _ = any_spawner::Executor::init_futures_executor();
    let data = loaded.data.clone();
    let mut panels =
        String::from("<!doctype html><meta charset=\"utf-8\"><title>twente-kaart panels</title>");
    for m in &data.municipalities {
        let (data, code) = (data.clone(), m.code.clone());
        let id = format!("tk-pre-{code}");
        let care = crate::state::CareSites::of(&data);
        panels.push_str(&with_state(false, move || {
            provide_context(care);
            view! { <template id=id><MunicipalityPanel data=data code=code /></template> }
        }));
    }
    panels.push('\n');
    let panels = (panels.len() <= budget).then(|| PanelsFile {
        name: format!("panels-{}.html", &fnv_hex(&panels)[..12]),
        text: panels,
    });
    let url = panels
        .as_ref()
        .map_or(String::new(), |p| format!("./{}", p.name));
    Prerendered {
        index: page(loaded, false, &url),
        kiosk: page(loaded, true, ""),
        panels,
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
