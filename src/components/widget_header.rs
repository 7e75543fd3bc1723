//! Title, demo badge, intro line, language switch and share button.

use crate::components::language_switch::LanguageSwitch;
use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::Strings;

#[component]
pub fn WidgetHeader(data: Arc<MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let meta = data.meta.clone();
    let (title, intro, demo) = {
        let meta = meta.clone();
        let title = {
            let meta = meta.clone();
            move || {
                meta.as_ref()
                    .map(|m| m.title.get(state.lang.get_untracked()).to_string())
                    .unwrap_or_else(|| t.untitled.into())
            }
        };
        let intro = move || {
            meta.as_ref()
                .map(|m| m.intro.get(state.lang.get_untracked()).to_string())
                .unwrap_or_default()
        };
        (title, intro, data.meta.as_ref().is_some_and(|m| m.demo))
    };
    view! {
        <header class="tk-header">
            <div class="tk-heading">
                <h1 class="tk-title">{title}</h1>
                {demo.then(|| view! { <span class="tk-demo">{t.demo}</span> })}
            </div>
            <p class="tk-intro">{intro}</p>
            <div class="tk-tools">
                <LanguageSwitch />
                <ShareButton />
            </div>
        </header>
    }
}

/// Copies a link to the current view.
#[component]
fn ShareButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let copied = RwSignal::new(false);
    let t = Strings::get(state.lang.get_untracked());
    let on_click = move |_| {
        let url = state
            .host_url
            .with_value(|host| crate::url_state::share_url(&state, host.as_deref()));
        let Some(w) = web_sys::window() else { return };
        let written = w.navigator().clipboard().write_text(&url);
        // "Copied" only once the browser has the link: the write is asynchronous and may be refused.
        wasm_bindgen_futures::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(written).await.is_ok() {
                copied.try_set(true);
                state.announcement.try_set(t.copied.to_string());
            }
        });
    };
    view! {
        <button type="button" class="tk-button tk-share" on:click=on_click>
            {move || if copied.get() { t.copied } else { t.share }}
        </button>
    }
}
