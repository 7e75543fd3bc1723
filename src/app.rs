//! The root component: loads the data once, then shows the widget (or what loaded, with errors).

use crate::components::{
    error_banner::ErrorBanner, kiosk_overlay::KioskOverlay, kiosk_tabs::KioskTabs,
    layer_toggle::LayerToggle, legend::Legend, list_view::ListView, map_preview::MapPreview,
    region_map::RegionMap, side_panel::SidePanel, widget_footer::WidgetFooter,
    widget_header::WidgetHeader,
};
use crate::config::Config;
use crate::load::{load_all, Loaded};
use crate::state::AppState;
use leptos::prelude::*;
use twente_kaart_core::i18n::Strings;

/// Removes the build-time prerendered overview once the live widget is in the DOM (same task, so the
/// browser never paints both or neither).
fn remove_prerender() {
    if let Some(el) = document().get_element_by_id("tk-prerender") {
        el.remove();
    }
}

/// The live widget replaces the prerendered page: what the visitor chose there is kept.
fn take_over(state: AppState) {
    if let Some(choice) = pending_click() {
        state.selected.set(choice);
    }
    remove_prerender();
}

/// What the visitor chose on the prerendered map before the widget took over (see the early script in
/// `xtask/src/postbuild.rs`): `Some(Some(code))` a municipality, `Some(None)` its panel closed again.
fn pending_click() -> Option<Option<String>> {
    let value = js_sys::Reflect::get(&window(), &"__tkPending".into())
        .ok()?
        .as_string()?;
    let _ = js_sys::Reflect::delete_property(&window(), &"__tkPending".into());
    if value.is_empty() {
        return Some(None);
    }
    twente_kaart_core::municipality::is_municipality_code(&value).then_some(Some(value))
}

/// A deep link lands on its target: `?item=` opens the item's municipality (unless another was asked for),
/// then scrolls the opened card into view with focus on it; `?gemeente=` on a phone brings the panel below
/// the map into view.
fn reveal_deep_link(state: AppState, data: &crate::state::MapData) {
    if let Some(item) = state.item.get_untracked().and_then(|id| data.item(&id)) {
        if state.selected.with_untracked(Option::is_none) {
            state.selected.set(Some(item.municipality.clone()));
        }
        if state
            .selected
            .with_untracked(|s| s.as_deref() == Some(item.municipality.as_str()))
        {
            crate::reveal::item(item.id.clone());
        }
    } else if state.selected.with_untracked(Option::is_some) {
        crate::reveal::side_panel();
    }
}

#[component]
pub fn App(config: Config) -> impl IntoView {
    let state = AppState::new(&config);
    state.provide();
    let config = StoredValue::new(config);
    let base = config.with_value(|c| c.data_base.clone());
    // With a prerendered map on the page, show nothing extra while loading: the map is already there.
    let prerendered = document().get_element_by_id("tk-prerender").is_some();
    // Other data than the prerendered (`?data=`, e.g. the whole country): show its map as soon as the
    // boundaries are in, without waiting for the listings.
    let early_map = RwSignal::new(None::<Loaded>);
    let early = (!prerendered || base != crate::config::DEFAULT_DATA_BASE).then_some(early_map);
    let loaded = LocalResource::new(move || load_all(base.clone(), early));

    if let Some(accent) = config.with_value(|c| c.accent.clone()) {
        // CSSOM, not a style attribute: allowed by a strict `style-src 'self'`.
        if let Some(root) = document().document_element() {
            use wasm_bindgen::JsCast;
            if let Ok(html) = root.dyn_into::<web_sys::HtmlElement>() {
                let _ = html.style().set_property("--tk-accent", &accent);
            }
        }
    }
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", state.lang.get().code());
        }
    });
    crate::url_state::sync_url(state);
    crate::host::watch_height();
    Effect::new(move |_| {
        if let Some(code) = state.selected.get() {
            crate::host::post("select", &[("gemeente", code.into())]);
        }
    });
    let _escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "Escape" {
            return;
        }
        if state.plan_picking.get_untracked() {
            state.plan_picking.set(false);
        } else if state.cluster.get_untracked().is_some() {
            state.cluster.set(None);
        } else if let Some(code) = state.selected.get_untracked() {
            crate::components::municipality_shape::close_and_focus(state, &code);
        }
    });

    let retry = Callback::new(move |_| loaded.refetch());
    // The kiosk's listeners belong to the app, not to the loading view that starts them (which a retry rebuilds).
    let app_owner = Owner::current();
    let kiosk_started = StoredValue::new(false);
    let revealed = StoredValue::new(false);
    if state.kiosk {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("tk-kiosk-page");
        }
    }
    view! {
        {move || match loaded.get() {
            None => match early_map.get() {
                Some(map) => {
                    take_over(state);
                    let compact = config.with_value(|c| c.compact);
                    view! { <MapPreview data=map.data compact=compact /> }.into_any()
                }
                None if prerendered => ().into_any(),
                None => {
                    let t = Strings::get(state.lang.get_untracked());
                    view! { <div class="tk"><p class="tk-loading" role="status">{t.loading}</p></div> }.into_any()
                }
            },
            Some(l) => {
                take_over(state);
                crate::host::post("ready", &[]);
                if config.with_value(|c| c.panic_test) {
                    set_timeout(|| panic!("panic-test: a deliberate panic to test panic safety"), std::time::Duration::from_millis(100));
                }
                if !revealed.get_value() {
                    revealed.set_value(true);
                    reveal_deep_link(state, &l.data);
                }
                if state.kiosk && !kiosk_started.get_value() {
                    kiosk_started.set_value(true);
                    let (data, idle) = (l.data.clone(), config.with_value(|c| c.idle_seconds));
                    match &app_owner {
                        Some(owner) => owner.with(|| crate::kiosk::start(state, data, idle)),
                        None => crate::kiosk::start(state, data, idle),
                    }
                }
                let compact = config.with_value(|c| c.compact);
                // A language switch rebuilds the widget: every string is then plain text, not a reactive
                // closure, which keeps the wasm small. The state lives in signals, so nothing is lost.
                (move || {
                    state.lang.track();
                    view! { <Widget loaded=l.clone() retry=retry compact=compact /> }
                })
                .into_any()
            }
        }}
    }
}

#[component]
pub fn Widget(loaded: Loaded, retry: Callback<()>, compact: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = loaded.data.clone();
    provide_context(crate::state::CareSites::of(&data));
    crate::planner::Planner::provide(state, data.clone());
    let t = Strings::get(state.lang.get_untracked());
    let has_map = data.layout.is_some();
    // The order is the reading order on a phone: the map, what was chosen on it, then the map's controls.
    // On wider screens the stylesheet puts the panel beside the map, as tall as the map.
    view! {
        <div class="tk" class:tk-compact=compact class:tk-kiosk=state.kiosk lang=state.lang.get_untracked().code()>
            <WidgetHeader data=data.clone() />
            <ErrorBanner errors=loaded.errors.clone() skipped=data.skipped retry=retry />
            <a class="tk-skip" href="#tk-list">{t.skip_map}</a>
            <div class="tk-body">
                <section class="tk-mapcol">
                    {has_map.then(|| view! { <RegionMap data=data.clone() /> })}
                </section>
                <aside class="tk-side">
                    {if state.kiosk {
                        view! { <KioskTabs data=data.clone() /> }.into_any()
                    } else {
                        view! { <SidePanel data=data.clone() /> }.into_any()
                    }}
                </aside>
                <div class="tk-mapctl">
                    {has_map.then(|| view! { <Legend scale=data.shades /> })}
                    <LayerToggle data=data.clone() />
                </div>
            </div>
            // In kiosk mode the list is the side column's second tab (one screen, no page scrolling).
            {(!state.kiosk).then(|| view! { <ListView data=data.clone() /> })}
            <WidgetFooter data=data.clone() />
            <p class="tk-sr" aria-live="polite" aria-atomic="true">{move || state.announcement.get()}</p>
            {state.kiosk.then(|| view! { <KioskOverlay data=data.clone() /> })}
        </div>
    }
}
