//! CSS media queries from Rust, for behaviour that must follow the same breakpoints as the stylesheet.

use leptos::prelude::window;

/// Whether the page currently matches `query`, e.g. `"(prefers-reduced-motion: reduce)"`.
pub fn matches(query: &str) -> bool {
    window()
        .match_media(query)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
