//! The widget's state in its URL (`?gemeente=GM0153&layers=praktijk,wonen&q=…`), written with
//! `history.replaceState`: inside an iframe `pushState` would add entries to the partner page's history.

use crate::state::AppState;
use leptos::prelude::*;

/// The state as query pairs, in a stable order. Layers are written only when not all are on.
pub fn state_pairs(state: &AppState) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if let Some(code) = state.selected.get() {
        pairs.push(("gemeente", code));
    }
    if let Some(item) = state.item.get() {
        pairs.push(("item", item));
    }
    let layers = state.layers.get();
    if layers.values().any(|on| !on) {
        let on: Vec<&str> = layers
            .iter()
            .filter(|(_, on)| **on)
            .map(|(c, _)| c.as_str())
            .collect();
        pairs.push(("layers", on.join(",")));
    }
    let q = state.search.get();
    if !q.trim().is_empty() {
        pairs.push(("q", q));
    }
    if let Some(c) = state.category.get() {
        pairs.push(("categorie", c.as_str().to_string()));
    }
    if let Some(werk) = state.plan_work.get() {
        pairs.push(("werk", werk));
        if let Some(partner) = state.plan_partner.get() {
            pairs.push(("partner", partner));
        }
    }
    pairs
}

/// Keys the widget owns in its URL; everything else (lang, kiosk, accent, …) is left as it is.
const STATE_KEYS: [&str; 7] = [
    "gemeente",
    "item",
    "layers",
    "q",
    "categorie",
    "werk",
    "partner",
];

/// The widget's own address for this state: the current page with the state's pairs in place of the old ones.
fn own_url(state: &AppState) -> Option<String> {
    let location = web_sys::window()?.location();
    let params =
        web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default()).ok()?;
    for key in STATE_KEYS {
        params.delete(key);
    }
    for (k, v) in state_pairs(state) {
        params.append(k, &v);
    }
    let query: String = params.to_string().into();
    let path = location.pathname().unwrap_or_default();
    Some(if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    })
}

fn write_url(state: &AppState) {
    let Some(url) = untrack(|| own_url(state)) else {
        return;
    };
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Keeps the URL in step with the state. The address bar is written when the browser is idle, at most
/// this long after the change: `history.replaceState` takes 1–2 ms, which a click should not wait for.
/// Links the widget builds itself (share, QR code) come from the state, never from the address bar.
const URL_DELAY: std::time::Duration = std::time::Duration::from_millis(200);

pub fn sync_url(state: AppState) {
    let pending = std::rc::Rc::new(std::cell::Cell::new(false));
    Effect::new({
        let pending = pending.clone();
        move |_| {
            state_pairs(&state); // what the URL depends on
            if !pending.replace(true) {
                let pending = pending.clone();
                crate::idle::when_idle(
                    move || {
                        pending.set(false);
                        write_url(&state);
                    },
                    URL_DELAY,
                );
            }
        }
    });
    // Leaving the page (a reload, a link) writes what is still pending.
    let handle = window_event_listener(leptos::ev::pagehide, move |_| {
        if pending.replace(false) {
            write_url(&state);
        }
    });
    on_cleanup(move || handle.remove());
}

/// A link to the current view: on the host page (params prefixed `tk-`, which embed.js passes back into
/// the iframe) when the partner allowed it, else on the widget's own page.
pub fn share_url(state: &AppState, host_url: Option<&str>) -> String {
    let pairs = state_pairs(state);
    let lang = state.lang.get_untracked().code();
    match host_url.and_then(|h| web_sys::Url::new(h).ok()) {
        Some(url) => {
            let params = url.search_params();
            for key in STATE_KEYS.iter().chain(["lang"].iter()) {
                params.delete(&format!("tk-{key}"));
            }
            for (k, v) in &pairs {
                params.append(&format!("tk-{k}"), v);
            }
            params.append("tk-lang", lang);
            url.href()
        }
        None => {
            let location = web_sys::window().map(|w| w.location());
            let href = location
                .as_ref()
                .and_then(|l| l.href().ok())
                .unwrap_or_default();
            let own = own_url(state).unwrap_or_default();
            match web_sys::Url::new_with_base(&own, &href) {
                Ok(url) => {
                    url.search_params().set("lang", lang);
                    url.set_hash(&location.and_then(|l| l.hash().ok()).unwrap_or_default());
                    url.href()
                }
                Err(_) => href,
            }
        }
    }
}

/// A link for the visitor's own phone (the kiosk's "take this plan home" QR code): on the partner page when
/// one is configured (`?host=`), else on the widget's normal page rather than the kiosk page. Built from the
/// state, not from the address bar, which the URL effect may not have updated yet.
pub fn phone_link(state: &AppState, host_url: Option<&str>) -> String {
    if host_url.is_some() {
        return share_url(state, host_url);
    }
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let Ok(url) = web_sys::Url::new(&href) else {
        return href;
    };
    let path = url.pathname();
    if let Some(base) = path.strip_suffix("kiosk.html") {
        url.set_pathname(base);
    }
    url.set_search("");
    url.set_hash("");
    let params = url.search_params();
    for (k, v) in state_pairs(state) {
        params.append(k, &v);
    }
    params.append("lang", state.lang.get_untracked().code());
    url.href()
}
