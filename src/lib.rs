//! twente-kaart: the widget. Leptos 0.8 (client-side rendering; rendered natively at build time for the first
//! paint) on top of the pure core (`twente-kaart-core`), which holds the data model, validation, projection
//! and strings.
//!
//! `start()` is the entry point of the wasm binary; tests mount [`app::App`] themselves.
// The widget's view types nest deeply; the native (ssr) build needs more than the default 128.
#![recursion_limit = "256"]

pub mod app;
pub mod components;
pub mod config;
pub mod host;
pub mod idle;
pub mod kiosk;
pub mod load;
pub mod media;
pub mod panic;
pub mod planner;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod reveal;
pub mod state;
pub mod url_state;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the widget into `#tk-root` (which may hold the prerendered map), or into `<body>`.
pub fn start() {
    panic::install_hook();
    let config = config::Config::from_location();
    let root = document()
        .get_element_by_id("tk-root")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document().body());
    let Some(root) = root else { return };
    let handle = mount_to(root, move || view! { <app::App config=config /> });
    // The widget lives as long as the page.
    handle.forget();
}
