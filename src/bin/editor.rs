//! The data editor for campaign staff (`editor.html`): a second binary of the same crate, so the public
//! widget's wasm does not grow. Everything else lives in `twente_kaart::editor`, where the tests mount it.
// The widget's view types nest deeply; the native (ssr) build needs more than the default 128.
#![recursion_limit = "256"]

use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(twente_kaart::editor::Editor);
}
