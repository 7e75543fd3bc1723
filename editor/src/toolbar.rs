//! The actions on the whole file: a new item, open a local file, download, and throw the draft away.

use super::model::{EditorFile, FILE};
use super::strings::NL;
use super::{EditorState, Target};
use leptos::prelude::*;
use twente_kaart_core::i18n::fill;

#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<EditorState>();
    view! {
        <div class="ed-toolbar">
            <button id="ed-new" type="button" class="ed-primary" on:click=move |_| state.open_form(Target::New)>
                {NL.new_item}
            </button>
            <OpenFile />
            <button id="ed-download" type="button" on:click=move |_| state.download()>{NL.download}</button>
            <p class="ed-dirty" class:ed-dirty-on=move || state.dirty.get()>
                {move || if state.dirty.get() { NL.unsaved } else { NL.all_saved }}
            </p>
            {move || {
                state
                    .dirty
                    .get()
                    .then(|| {
                        view! {
                            <button type="button" class="ed-quiet" on:click=move |_| state.discard()>
                                {NL.discard}
                            </button>
                        }
                    })
            }}
        </div>
    }
}

/// Opening a `listings.json` from the computer (read in the browser; nothing is uploaded).
#[component]
fn OpenFile() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        let name = file.name();
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let Some(text) = text else {
                state
                    .status
                    .set(fill(NL.load_failed, &[("error", name.as_str())]));
                return;
            };
            match EditorFile::parse(text.as_bytes()) {
                Ok(opened) => {
                    let n = opened.file.items.len();
                    state.replace(opened.file);
                    let mut message = fill(NL.opened, &[("file", &name), ("n", &n.to_string())]);
                    if opened.unreadable > 0 {
                        message.push(' ');
                        message.push_str(&fill(
                            NL.unreadable,
                            &[("n", &opened.unreadable.to_string())],
                        ));
                    }
                    state.status.set(message);
                }
                Err(e) => state.status.set(fill(
                    NL.load_failed,
                    &[("error", &e.replacen(FILE, &name, 1))],
                )),
            }
        });
    };
    // The `<input type=file>` is visually hidden; its label looks like a button and shows the input's focus.
    view! {
        <span class="ed-open">
            <input id="ed-open" class="ed-file" type="file" accept=".json,application/json" on:change=on_change />
            <label for="ed-open" class="ed-button">{NL.open_file}</label>
        </span>
    }
}
