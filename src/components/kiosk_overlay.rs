//! Kiosk overlays: the "are you still looking?" countdown and the attract loop's caption. Each covers the
//! widget, so the tap that dismisses it does not also select something underneath.

use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::Category;

#[component]
pub fn KioskOverlay(data: Arc<MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let countdown = move || {
        state.countdown.get().map(|left| {
            view! {
                <div class="tk-overlay tk-countdown" role="alertdialog" aria-modal="true" aria-labelledby="tk-countdown-title"
                    on:click=move |_| state.countdown.set(None)>
                    <div class="tk-overlay-card">
                        <p id="tk-countdown-title" class="tk-overlay-title">{t.kiosk_still_there}</p>
                        <p class="tk-countdown-number" aria-live="assertive">{left}</p>
                        <p>{t.kiosk_touch}</p>
                    </div>
                </div>
            }
        })
    };
    let attract = move || {
        state.attract.get().map(|code| {
            let name = data.name_of(&code).unwrap_or_default().to_string();
            let counts = data.counts_of(&code);
            let featured: Vec<String> = data
                .items
                .iter()
                .filter(|i| i.municipality == code && (i.featured || i.category == Category::Praktijk))
                .take(2)
                .map(|i| i.title.get(state.lang.get_untracked()).to_string())
                .collect();
            view! {
                <div class="tk-overlay tk-attract" data-attract=code.clone() on:click=move |_| crate::kiosk::stop_attract(state)>
                    <div class="tk-attract-card">
                        <p class="tk-overlay-title">{format!("{name} — {}", t.counts_line(counts, twente_kaart_core::listing::all_layers()))}</p>
                        <ul>{featured.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                        <p class="tk-attract-hint">{t.kiosk_touch_to_start}</p>
                    </div>
                </div>
            }
        })
    };
    view! {
        {countdown}
        {attract}
    }
}
