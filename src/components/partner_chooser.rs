//! The planner's second step: where the partner works. An employer from the data or a town, both found by
//! typing part of the name, or a point tapped on the map (keyboard users choose a town: the same result
//! without a pointer).

use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::plan::{point_param, towns};
use twente_kaart_core::Category;

/// Options shown per group before the visitor types or asks for more.
const FIRST: usize = 8;

#[component]
pub fn PartnerChooser(data: Arc<MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let lang = state.lang.get_untracked();
    let mut employers: Vec<(String, String, String)> = data
        .items
        .iter()
        .filter(|i| i.category == Category::Partnerwerk && i.point.is_some())
        .map(|i| {
            (
                i.id.clone(),
                i.heading(lang).to_string(),
                i.town().to_string(),
            )
        })
        .collect();
    employers.sort_by_key(|e| e.1.to_lowercase());
    let towns = towns(&data.items);
    let query = RwSignal::new(String::new());
    let all = RwSignal::new(false);
    let choose = move |value: String| {
        state.plan_picking.set(false);
        state.plan_partner.set(Some(value));
        crate::reveal::focus("#tk-plan-results");
    };
    let matches = move |name: &str, town: &str| {
        let q = query.get().trim().to_lowercase();
        q.is_empty() || name.to_lowercase().contains(&q) || town.to_lowercase().contains(&q)
    };
    let employer_options = move || {
        let shown: Vec<_> = employers
            .iter()
            .filter(|(_, name, town)| matches(name, town))
            .collect();
        let limit = if all.get() || !query.get().trim().is_empty() {
            usize::MAX
        } else {
            FIRST
        };
        let more = shown.len().saturating_sub(limit);
        view! {
            <ul class="tk-plan-options">
                {shown.into_iter().take(limit).map(|(id, name, town)| {
                    let id = id.clone();
                    view! {
                        <li><button type="button" class="tk-plan-option" data-partner=id.clone()
                            on:click=move |_| choose(id.clone())>
                            <span class="tk-plan-option-name">{name.clone()}</span>
                            <span class="tk-plan-option-town">{town.clone()}</span>
                        </button></li>
                    }
                }).collect_view()}
            </ul>
            {(more > 0).then(|| view! {
                <button type="button" class="tk-button tk-more" on:click=move |_| all.set(true)>
                    {format!("{} ({more})", t.show_more)}
                </button>
            })}
        }
    };
    let town_options = move || {
        view! {
            <ul class="tk-plan-options tk-plan-towns">
                {towns.iter().filter(|(name, _)| matches(name, "")).map(|(name, point)| {
                    let value = point_param(*point);
                    view! {
                        <li><button type="button" class="tk-plan-option" data-partner=value.clone()
                            on:click=move |_| choose(value.clone())>
                            {name.clone()}
                        </button></li>
                    }
                }).collect_view()}
            </ul>
        }
    };
    let picking = state.plan_picking;
    view! {
        <div class="tk-plan-choose">
            <h3 class="tk-plan-step">{t.plan_partner}</h3>
            <p>{t.plan_choose}</p>
            <label class="tk-field">
                <span>{t.plan_search}</span>
                <input type="search" class="tk-input" autocomplete="off"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev)) />
            </label>
            <button type="button" class="tk-button tk-plan-pick" aria-pressed=move || picking.get().to_string()
                on:click=move |_| picking.update(|p| *p = !*p)>
                {move || if picking.get() { t.plan_pick_cancel } else { t.plan_pick }}
            </button>
            <p class="tk-plan-picking" role="status">{move || picking.get().then_some(t.plan_picking)}</p>
            <h4 class="tk-plan-group">{t.plan_employers}</h4>
            {employer_options}
            <h4 class="tk-plan-group">{t.plan_towns}</h4>
            {town_options}
        </div>
    }
}
