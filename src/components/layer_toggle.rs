//! Switches each category on and off; each label shows the category's marker symbol and its count, so it is
//! also the legend of the markers.

use crate::components::category_symbol::CategorySymbol;
use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::summary::totals;
use twente_kaart_core::Category;

#[component]
pub fn LayerToggle(data: Arc<MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let totals = totals(&data.items);
    let has_care = data.meta.as_ref().is_some_and(|m| !m.care.is_empty());
    view! {
        <fieldset class="tk-layers">
            <legend>{t.layers}</legend>
            {Category::ALL
                .into_iter()
                .map(|c| {
                    let id = format!("tk-layer-{}", c.as_str());
                    view! {
                        <div class=format!("tk-layer tk-cat-{}", c.as_str())>
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=move || state.layers.get()[c]
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    state.layers.update(|l| l[c] = on);
                                }
                            />
                            <label for=id>
                                <CategorySymbol category=c />
                                <span>{t.category(c)}</span>
                                <span class="tk-layer-count">{totals[c]}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()}
            {has_care.then(|| view! {
                <div class="tk-layer tk-layer-care">
                    <input type="checkbox" id="tk-layer-care"
                        prop:checked=move || state.care_layer.get()
                        on:change=move |ev| state.care_layer.set(event_target_checked(&ev)) />
                    <label for="tk-layer-care">
                        <svg class="tk-symbol" viewBox="-6 -6 12 12" aria-hidden="true">
                            <rect class="tk-care-symbol" x="-5" y="-5" width="10" height="10" rx="1.5"></rect>
                            <path class="tk-care-cross" d="M-3 0H3M0 -3V3"></path>
                        </svg>
                        <span>{t.care_layer}</span>
                    </label>
                </div>
            })}
        </fieldset>
    }
}
