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

/// Keeps the URL in step with the state.
pub fn sync_url(state: AppState) {
    Effect::new(move |_| {
        let pairs = state_pairs(&state);
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let Ok(params) =
            web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default())
        else {
            return;
        };
        for key in STATE_KEYS {
            params.delete(key);
        }
        for (k, v) in &pairs {
            params.append(k, v);
        }
        let query: String = params.to_string().into();
        let path = location.pathname().unwrap_or_default();
        let url = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    });
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
            let href = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            match web_sys::Url::new(&href) {
                Ok(url) => {
                    url.search_params().set("lang", lang);
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
