//! NL / EN / DE: switches the UI language in place (no reload) and keeps the choice in the URL. Real links
//! (`?lang=en`): before the wasm has taken over, a click loads that address, and the widget then starts in
//! that language (the prerendered first paint itself is Dutch).

use crate::state::AppState;
use leptos::prelude::*;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::Lang;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = expect_context::<AppState>();
    let label = Strings::get(state.lang.get_untracked()).language;
    view! {
        <nav class="tk-langs" aria-label=label>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    let current = state.lang.get_untracked() == lang;
                    view! {
                        <a
                            class="tk-lang"
                            href=format!("?lang={}", lang.code())
                            hreflang=lang.code()
                            lang=lang.code()
                            aria-current=current.then_some("true")
                            on:click=move |ev| {
                                ev.prevent_default();
                                state.lang.set(lang);
                                set_lang_param(lang);
                                // The widget was rebuilt in the new language: keep keyboard focus here.
                                let selector = format!("a.tk-lang[hreflang=\"{}\"]", lang.code());
                                request_animation_frame(move || {
                                    if let Some(el) = document().query_selector(&selector).ok().flatten() {
                                        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                                            let _ = el.focus();
                                        }
                                    }
                                });
                            }
                        >
                            {lang.code().to_uppercase()}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

fn set_lang_param(lang: Lang) {
    let Some(w) = web_sys::window() else { return };
    let Ok(url) = web_sys::Url::new(&w.location().href().unwrap_or_default()) else {
        return;
    };
    url.search_params().set("lang", lang.code());
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
