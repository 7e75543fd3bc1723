//! The list of all items: the accessible alternative to the map. Filter by category and municipality,
//! search titles and descriptions; choosing an item highlights it on the map.

use crate::components::item_card::ItemCard;
use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::Category;

/// Rows shown at first and added per "show more": ten compact rows keep the widget about a screen tall on
/// a phone; search, the filters and paging reach every item (national data has 20,000).
pub const PAGE: usize = 10;

#[component]
pub fn ListView(data: Arc<MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let limit = RwSignal::new(PAGE);
    let filtered = {
        let data = data.clone();
        Memo::new(move |_| {
            let layers = state.layers.get();
            let category = state.category.get();
            let selected = state.selected.get();
            let needle = state.search.get().trim().to_lowercase();
            let keep = |n: &usize| {
                let i = &data.items[*n];
                layers[i.category]
                    && category.is_none_or(|c| c == i.category)
                    && (needle.is_empty() || data.haystack[*n].contains(&needle))
            };
            match selected.as_deref() {
                Some(code) => data.items_of(code).iter().copied().filter(keep).collect(),
                None => (0..data.items.len()).filter(keep).collect::<Vec<usize>>(),
            }
        })
    };
    let hidden = move || filtered.with(Vec::len).saturating_sub(limit.get());
    let count = move || {
        let n = filtered.with(Vec::len);
        t.plural(n, t.results_one, t.results_other)
    };
    // The rows follow the filters once the browser is idle: a click or keystroke first paints what the visitor
    // is looking at (the panel, the count), then the rows catch up. Each update takes the latest filter, so
    // quick successive changes end on the right rows.
    let visible_now = move || {
        filtered
            .try_with_untracked(|f| {
                f.iter()
                    .take(limit.get_untracked())
                    .copied()
                    .collect::<Vec<usize>>()
            })
            .unwrap_or_default()
    };
    let rows = RwSignal::new(visible_now());
    Effect::new(move |first: Option<()>| {
        filtered.track();
        limit.track();
        if first.is_some() {
            crate::idle::when_idle(
                move || {
                    let next = visible_now();
                    if rows.try_with_untracked(|r| *r != next) == Some(true) {
                        rows.try_set(next);
                    }
                },
                std::time::Duration::from_millis(250),
            );
        }
    });
    let row = {
        let data = data.clone();
        move |n: usize| {
            let item = data.items[n].clone();
            let (id, code, has_point) = (
                item.id.clone(),
                item.municipality.clone(),
                item.point.is_some(),
            );
            view! {
                <li>
                    <ItemCard item=item heading=3>
                        {has_point.then(|| {
                            let (id, code) = (id.clone(), code.clone());
                            view! {
                                <button type="button" class="tk-button tk-show" on:click=move |_| {
                                    if state.cluster.with_untracked(Option::is_some) {
                                        state.cluster.set(None);
                                    }
                                    state.selected.set(Some(code.clone()));
                                    state.item.set(Some(id.clone()));
                                    crate::components::municipality_shape::focus_shape(&code);
                                }>
                                    {t.show_on_map}
                                </button>
                            }
                        })}
                    </ItemCard>
                </li>
            }
        }
    };
    let highlights = expect_context::<crate::state::Highlights>();
    let municipalities: Vec<(String, String)> = {
        let mut v: Vec<_> = data
            .municipalities
            .iter()
            .map(|m| (m.code.clone(), m.name.clone()))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v
    };
    view! {
        <section class="tk-list" id="tk-list" aria-labelledby="tk-list-title" tabindex="-1">
            <h2 id="tk-list-title">{t.list_title}</h2>
            <div class="tk-filters">
                <label class="tk-field">
                    <span>{t.search}</span>
                    <input
                        type="search"
                        placeholder=t.search_placeholder
                        prop:value=move || state.search.get()
                        on:input=move |ev| {
                            limit.set(PAGE);
                            state.search.set(event_target_value(&ev));
                        }
                    />
                </label>
                <label class="tk-field">
                    <span>{t.category}</span>
                    <select on:change=move |ev| {
                        limit.set(PAGE);
                        state.category.set(Category::parse(&event_target_value(&ev)));
                    }>
                        <option value="" selected=move || state.category.get().is_none()>{t.all_categories}</option>
                        {Category::ALL
                            .into_iter()
                            .map(|c| view! {
                                <option value=c.as_str() selected=move || state.category.get() == Some(c)>{t.category(c)}</option>
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="tk-field">
                    <span>{t.municipality}</span>
                    <select on:change=move |ev| {
                        limit.set(PAGE);
                        let v = event_target_value(&ev);
                        state.clear_item_and_cluster();
                        state.selected.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="" selected=move || state.selected.get().is_none()>{t.all_municipalities}</option>
                        {municipalities
                            .into_iter()
                            .map(|(code, name)| {
                                let is_selected = highlights.municipality_is(&code);
                                view! { <option value=code selected=is_selected>{name}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <p class="tk-count" role="status">{count}</p>
            <ul class="tk-items tk-list-items"><For each=move || rows.get() key=|n| *n children=row /></ul>
            {move || (filtered.with(Vec::len) == 0).then(|| view! { <p class="tk-empty">{t.no_results}</p> })}
            // One button that stays (only its count changes), so keyboard focus stays on it page after page.
            <button
                type="button"
                class="tk-button tk-more"
                hidden=move || hidden() == 0
                on:click=move |_| limit.update(|l| *l += PAGE)
            >
                {move || format!("{} ({})", t.show_more, hidden())}
            </button>
        </section>
    }
}
