//! Panic safety: a panic logs once (with its location) and replaces the widget with a short message and a
//! reload button, so a partner's page never shows a frozen map. The host page is not touched: everything
//! happens inside the widget's own document (an iframe when embedded).

use std::sync::atomic::{AtomicBool, Ordering};
use twente_kaart_core::i18n::Strings;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

static PANICKED: AtomicBool = AtomicBool::new(false);

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        if PANICKED.swap(true, Ordering::SeqCst) {
            return;
        }
        web_sys::console::error_1(&format!("twente-kaart: {info}").into());
        // The loader suppresses the wasm trap that follows a panic (it would be a second, unreadable error).
        if let Some(w) = web_sys::window() {
            let _ = js_sys::Reflect::set(&w, &"__tkPanicked".into(), &JsValue::TRUE);
        }
        show_crash_message();
    }));
}

fn show_crash_message() -> Option<()> {
    let document = web_sys::window()?.document()?;
    let lang = crate::config::Config::from_location().lang;
    let t = Strings::get(lang);
    let root = document
        .get_element_by_id("tk-root")
        .or_else(|| document.body().map(Into::into))?;
    root.set_text_content(None);
    let box_ = document.create_element("div").ok()?;
    box_.set_class_name("tk tk-crash");
    box_.set_attribute("role", "alert").ok()?;
    let p = document.create_element("p").ok()?;
    p.set_text_content(Some(t.crashed));
    let button = document.create_element("button").ok()?;
    button.set_attribute("type", "button").ok()?;
    button.set_class_name("tk-button");
    button.set_text_content(Some(t.reload));
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    button
        .add_event_listener_with_callback("click", reload.as_ref().unchecked_ref())
        .ok()?;
    // After a panic no component owns anything any more, and the page ends with the reload this button
    // starts: the one listener is left to the page (the one `forget` outside the mount handle's).
    reload.forget();
    box_.append_child(&p).ok()?;
    box_.append_child(&button).ok()?;
    root.append_child(&box_).ok()?;
    Some(())
}

/// A warning in the browser console (on stderr when the components render natively at build time).
pub fn warn(msg: &str) {
    if cfg!(target_arch = "wasm32") {
        web_sys::console::warn_1(&format!("twente-kaart: {msg}").into());
    } else {
        eprintln!("twente-kaart: {msg}");
    }
}
