//! Bringing what the visitor asked for into view: the panel below the map on a phone after a tap, and the
//! item of a deep link (`?item=`), opened, scrolled into view and focused. Browser work after the next
//! paint, so the new panel is laid out first.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the widget is one column (phones, narrow embeds): the panel is then below the map.
fn one_column() -> bool {
    crate::media::matches("(max-width: 47.99rem)")
        || document()
            .query_selector(".tk-compact")
            .ok()
            .flatten()
            .is_some()
}

fn scroll_to(el: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// On one column, brings the side panel into view after a tap. Keyboard users keep their focus on the map
/// and reach the panel with Tab.
pub fn side_panel() {
    if one_column() {
        request_animation_frame(|| {
            if let Some(side) = document().query_selector(".tk-side").ok().flatten() {
                scroll_to(&side, web_sys::ScrollLogicalPosition::Nearest);
            }
        });
    }
}

/// The card of item `id` in the side panel (its municipality's, open because it is highlighted): scrolled
/// into view — inside the panel and on the page — with keyboard focus on its toggle, so a screen reader
/// starts there. Tries for a few frames while the panel is still being built.
pub fn item(id: String) {
    let selector = format!(
        ".tk-side article.tk-item[data-item=\"{}\"] summary",
        css_escape(&id)
    );
    focus_when_built(selector, web_sys::ScrollLogicalPosition::Center, 30);
}

/// Keyboard focus on the element `selector` (a heading with `tabindex="-1"`) once it is built, brought into
/// view: where the planner moves focus when its step changes, so nobody is left on a button that is gone.
pub fn focus(selector: &'static str) {
    focus_when_built(selector.into(), web_sys::ScrollLogicalPosition::Nearest, 10);
}

/// Waits up to `frames` animation frames for `selector` to match, then scrolls it into view (`block`) and
/// focuses it without scrolling again.
fn focus_when_built(selector: String, block: web_sys::ScrollLogicalPosition, frames: u8) {
    fn attempt(selector: String, block: web_sys::ScrollLogicalPosition, frames_left: u8) {
        match document().query_selector(&selector).ok().flatten() {
            Some(el) => {
                scroll_to(&el, block);
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = el.focus_with_options(&options);
                }
            }
            None if frames_left > 0 => {
                request_animation_frame(move || attempt(selector, block, frames_left - 1));
            }
            None => {}
        }
    }
    request_animation_frame(move || attempt(selector, block, frames));
}

/// Item ids come from the validated data, but a selector is built from them here: keep only what a CSS
/// attribute selector in double quotes cannot misread, whatever a future id rule allows.
fn css_escape(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}
