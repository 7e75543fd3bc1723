//! Kiosk overlays: the "are you still looking?" countdown and the attract loop's slide (a municipality's
//! caption, or a GP's story with photo and quote, large). Each covers the widget, so the tap that dismisses it
//! does not also select something underneath.

use crate::components::story_card::StoryCard;
use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::attract::Slide;
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
        state.attract.get().map(|slide| {
            let code = slide.code().to_string();
            let name = data.name_of(&code).unwrap_or_default().to_string();
            let content = match slide {
                Slide::Story { item, .. } => {
                    let story = data.items.get(item).cloned();
                    view! {
                        <p class="tk-overlay-title">{format!("{} — {name}", t.verhaal)}</p>
                        {story.map(|item| view! { <StoryCard item=item without_link=true /> })}
                    }
                    .into_any()
                }
                Slide::Municipality(_) => {
                    let counts = data.counts_of(&code);
                    let featured: Vec<String> = data
                        .items
                        .iter()
                        .filter(|i| i.municipality == code && (i.featured || i.category == Category::Praktijk))
                        .filter(|i| i.category != Category::Verhaal)
                        .take(2)
                        .map(|i| i.heading(state.lang.get_untracked()).to_string())
                        .collect();
                    view! {
                        <p class="tk-overlay-title">{format!("{name} — {}", t.counts_line(counts, twente_kaart_core::listing::all_layers()))}</p>
                        <ul>{featured.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                    }
                    .into_any()
                }
            };
            let story = matches!(slide, Slide::Story { .. });
            view! {
                <div class="tk-overlay tk-attract" class:is-story=story data-attract=code on:click=move |_| crate::kiosk::stop_attract(state)>
                    <div class="tk-attract-card">
                        {content}
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
