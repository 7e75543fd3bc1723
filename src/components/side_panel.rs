//! The column beside the map: the overview, a municipality's panel, or the items of a marker group.

use crate::components::item_card::ItemCard;
use crate::components::municipality_panel::MunicipalityPanel;
use crate::components::plan_panel::PlanPanel;
use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::{fill, Strings};
use twente_kaart_core::summary::totals;

#[component]
pub fn SidePanel(data: Arc<MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        if state.plan_work.with(Option::is_some) {
            view! { <PlanPanel data=data.clone() /> }.into_any()
        } else if let Some(ids) = state.cluster.get() {
            view! { <ClusterPanel data=data.clone() ids=ids /> }.into_any()
        } else if let Some(code) = state.selected.get().filter(|c| data.name_of(c).is_some()) {
            view! { <MunicipalityPanel data=data.clone() code=code /> }.into_any()
        } else {
            view! { <Overview data=data.clone() /> }.into_any()
        }
    }
}

/// Shown while nothing is selected: a hint, the totals and the campaign contact.
#[component]
fn Overview(data: Arc<MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let totals = totals(&data.items);
    let email = data.meta.as_ref().map(|m| m.contact.email.clone());
    view! {
        <div class="tk-overview">
            <p class="tk-hint">{t.map_hint}</p>
            <ul class="tk-totals">
                {totals
                    .into_iter()
                    .map(|(c, n)| view! { <li class=format!("tk-total tk-cat-{}", c.as_str())>{t.count(c, n)}</li> })
                    .collect_view()}
            </ul>
            {email.map(|e| view! {
                <p class="tk-contact">{t.contact} ": " <a href=format!("mailto:{e}")>{e.clone()}</a></p>
            })}
        </div>
    }
}

/// The items of a group of markers that overlapped on the map.
#[component]
fn ClusterPanel(data: Arc<MapData>, ids: Vec<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let n = ids.len();
    let items = ids
        .iter()
        .filter_map(|id| data.item(id).cloned())
        .map(|item| view! { <li><ItemCard item=item heading=3 key_fact=true /></li> })
        .collect_view();
    let title_ref = NodeRef::<leptos::html::H2>::new();
    title_ref.on_load(|h| {
        let _ = h.focus();
    });
    view! {
        <section class="tk-panel tk-cluster-panel" aria-labelledby="tk-cluster-title">
            <div class="tk-panel-head">
                <h2 id="tk-cluster-title" tabindex="-1" node_ref=title_ref>{fill(t.cluster, &[("n", &n.to_string())])}</h2>
                <button type="button" class="tk-close" aria-label=t.close on:click=move |_| state.cluster.set(None)>
                    "×"
                </button>
            </div>
            <ul class="tk-items">{items}</ul>
        </section>
    }
}
