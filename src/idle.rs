//! Work the visitor is not waiting for (the address bar, the list's rows below the panel) runs once the browser
//! is idle after the frame that shows what they asked for, so it never lengthens a click or a keystroke.

use leptos::prelude::{request_animation_frame, set_timeout};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Runs `f` once the page is idle, and at the latest after `max`: an embed scrolled out of view or a busy page
/// has no idle time, and what `f` does must still happen. Where the browser has no idle callbacks (Safari),
/// after the next paint, with the same limit.
pub fn when_idle(f: impl FnOnce() + 'static, max: Duration) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Whichever way comes first runs `f`; the other finds it gone.
    let once = Rc::new(Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(u32::try_from(max.as_millis()).unwrap_or(u32::MAX));
    let idle = Closure::once_into_js(run.clone());
    if window
        .request_idle_callback_with_options(idle.unchecked_ref(), &options)
        .is_err()
    {
        let after_paint = run.clone();
        request_animation_frame(move || set_timeout(after_paint, Duration::ZERO));
        set_timeout(run, max);
    }
}
