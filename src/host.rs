//! Talking to the host page when embedded: versioned messages (`twente-kaart:ready`, `:select`, `:resize`)
//! to the parent window, so embed.js can size the iframe and partners can hook their own analytics. The
//! widget itself tracks nothing, and the messages carry no personal data (only codes and a height).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The message format's version; bump it when a payload changes shape.
pub const MESSAGE_VERSION: u32 = 1;

pub fn in_iframe() -> bool {
    web_sys::window().is_some_and(|w| {
        w.parent()
            .ok()
            .flatten()
            .is_some_and(|p| !js_sys::Object::is(&p, &w))
    })
}

/// Posts `{ type: "twente-kaart:<kind>", version: 1, …fields }` to the parent window.
pub fn post(kind: &str, fields: &[(&str, JsValue)]) {
    if !in_iframe() {
        return;
    }
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &format!("twente-kaart:{kind}").into());
    let _ = js_sys::Reflect::set(&msg, &"version".into(), &MESSAGE_VERSION.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
    }
    // The payload is public (a municipality code, a height), so any parent origin may read it.
    let _ = parent.post_message(&msg, "*");
}

/// Reports the document's height whenever it changes, so embed.js keeps the iframe as tall as its content.
/// The widget never sizes anything from the viewport height, so this cannot loop.
pub fn watch_height() {
    if !in_iframe() {
        return;
    }
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let last = std::cell::Cell::new(0i32);
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        else {
            return;
        };
        let height = el.scroll_height().max(el.offset_height());
        if height != last.get() {
            last.set(height);
            post("resize", &[("height", height.into())]);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            observer.observe(&body);
        }
        // Lives as long as the component that asked (the app); then it stops and its callback is freed.
        let kept = send_wrapper::SendWrapper::new((observer, callback));
        leptos::prelude::on_cleanup(move || kept.0.disconnect());
    }
}
