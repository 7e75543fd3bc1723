//! The unsaved draft in `localStorage` (the editor's own key), so an accidental reload or a closed tab
//! loses nothing. It is the file as it would be downloaded, and is cleared once the file is downloaded.

use leptos::prelude::window;

/// The editor's key; the widget stores nothing.
pub const KEY: &str = "twente-kaart-editor-draft";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The saved draft, if there is one.
pub fn load() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Saves the draft; `false` when the browser refused (storage full or disabled).
pub fn save(json: &str) -> bool {
    storage().is_some_and(|s| s.set_item(KEY, json).is_ok())
}

pub fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}
