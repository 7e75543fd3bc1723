//! Kiosk mode for congress stands: an idle timer that asks "are you still looking?", resets the widget to
//! the overview, then runs a calm attract loop through the municipalities; the service worker that keeps the
//! kiosk working offline; and no context menu, text selection or navigation away.
//!
//! One 1-second interval drives it all, created once: nothing grows over a 10-hour day.

use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long the "are you still looking?" countdown runs.
pub const COUNTDOWN_SECONDS: u32 = 10;

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn reduced_motion() -> bool {
    crate::media::matches("(prefers-reduced-motion: reduce)")
}

/// Whether the visitor left anything to reset.
fn is_pristine(state: &AppState) -> bool {
    state.selected.get_untracked().is_none()
        && state.item.get_untracked().is_none()
        && state.cluster.get_untracked().is_none()
        && state.search.get_untracked().is_empty()
        && state.category.get_untracked().is_none()
        && state.layers.get_untracked() == twente_kaart_core::listing::all_layers()
        && state.plan_work.with_untracked(Option::is_none)
}

/// Starts the idle timer and the attract loop. `idle_seconds` comes from `?idle=` (default 60).
pub fn start(state: AppState, data: Arc<MapData>, idle_seconds: u32) {
    let last_activity = Rc::new(Cell::new(now_ms()));
    let activity = {
        let last = last_activity.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            last.set(now_ms());
            // A key press during the countdown keeps the visitor's state. A touch does too, but through the
            // overlay's own click handler: removing the overlay here, on pointerdown, would let the click that
            // follows land on the map underneath.
            if ev.type_() == "keydown" && state.countdown.get_untracked().is_some() {
                state.countdown.set(None);
            }
        })
    };
    const ACTIVITY: [&str; 4] = ["pointerdown", "keydown", "wheel", "touchstart"];
    for kind in ACTIVITY {
        let _ = window().add_event_listener_with_callback_and_bool(
            kind,
            activity.as_ref().unchecked_ref(),
            true,
        );
    }
    let prevent = block_escapes();

    let codes: Vec<String> = data
        .municipalities
        .iter()
        .filter(|m| !m.context)
        .map(|m| m.code.clone())
        .collect();
    // Municipalities alternating with GPs' stories (see core::attract).
    let slides = twente_kaart_core::attract::slides(&codes, &data.items);
    let step = Cell::new(0usize);
    let since_cycle = Cell::new(0u32);
    let tick = Closure::<dyn Fn()>::new(move || {
        let idle = ((now_ms() - last_activity.get()) / 1000.0) as u32;
        if state.attract.get_untracked().is_some() {
            if idle == 0 {
                // The first touch stops the loop.
                state.attract.set(None);
                return;
            }
            let cycle = if reduced_motion() { 12 } else { 6 };
            since_cycle.set(since_cycle.get() + 1);
            if since_cycle.get() >= cycle && !slides.is_empty() {
                since_cycle.set(0);
                step.set((step.get() + 1) % slides.len());
                state.attract.set(Some(slides[step.get()].clone()));
            }
            return;
        }
        if idle < idle_seconds {
            return;
        }
        if is_pristine(&state) {
            state.countdown.set(None);
            since_cycle.set(0);
            state.attract.set(slides.get(step.get()).cloned());
            return;
        }
        let left = COUNTDOWN_SECONDS.saturating_sub(idle - idle_seconds);
        if left == 0 {
            state.countdown.set(None);
            state.reset();
            // The last tapped shape keeps focus otherwise, and its outline would compete with the attract loop.
            if let Some(el) = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.blur();
            }
            state.focused.set(None);
        } else if state.countdown.get_untracked() != Some(left) {
            state.countdown.set(Some(left));
        }
    });
    let interval = window()
        .set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 1000)
        .ok();
    // The listeners and the timer live as long as the component that started the kiosk (the app): then
    // they are removed and their closures freed, instead of being leaked with `forget`.
    let kept = send_wrapper::SendWrapper::new((activity, prevent, tick));
    on_cleanup(move || {
        let (activity, prevent, _tick) = kept.take();
        for kind in ACTIVITY {
            let _ = window().remove_event_listener_with_callback_and_bool(
                kind,
                activity.as_ref().unchecked_ref(),
                true,
            );
        }
        for kind in ESCAPES {
            let _ = document()
                .remove_event_listener_with_callback(kind, prevent.as_ref().unchecked_ref());
        }
        if let Some(id) = interval {
            window().clear_interval_with_handle(id);
        }
    });
    register_service_worker();
}

/// The page gestures a kiosk stops (see `block_escapes`).
const ESCAPES: [&str; 4] = ["contextmenu", "gesturestart", "dragstart", "selectstart"];

/// Stops the attract loop (a tap on its overlay).
pub fn stop_attract(state: AppState) {
    state.attract.set(None);
}

/// No context menu, no pinch-zoom gesture of the page (Safari), no drag-and-drop of links out of the kiosk.
/// Returns the listener, for its removal.
fn block_escapes() -> Closure<dyn Fn(web_sys::Event)> {
    let prevent = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        // Text fields keep selection (select-all to replace a search).
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if !(in_field && ev.type_() == "selectstart") {
            ev.prevent_default();
        }
    });
    for kind in ESCAPES {
        let _ = document().add_event_listener_with_callback(kind, prevent.as_ref().unchecked_ref());
    }
    prevent
}

/// Caches the app and its data for offline use (kiosk only; never in an embed).
fn register_service_worker() {
    let container = window().navigator().service_worker();
    let _ = container.register("sw.js");
}
