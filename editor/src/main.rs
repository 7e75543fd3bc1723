//! The data editor's page (`editor.html`): mounts [`twente_kaart_editor::Editor`]; everything else lives in the
//! library, where the tests mount it.

use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(twente_kaart_editor::Editor);
}
