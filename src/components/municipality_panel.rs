//! A municipality's panel: its name, counts, and its items grouped by category.

use crate::components::item_card::ItemCard;
use crate::components::municipality_shape::close_and_focus;
use crate::components::story_card::StoryCard;
use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::card::{panel_groups, PANEL_PAGE};
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::{Category, Listing};

#[component]
pub fn MunicipalityPanel(data: Arc<MapData>, code: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let name = data.name_of(&code).unwrap_or_default().to_string();
    let counts = data.counts_of(&code);
    // A national-scale municipality can have a hundred items: show the first few per category, the rest on
    // request (or at once when the highlighted item is among them).
    let expanded = RwSignal::new(twente_kaart_core::listing::PerCategory::<bool>::default());
    let groups = {
        let (data, code) = (data.clone(), code.clone());
        move || {
            let layers = state.layers.get();
            let open = expanded.get();
            let highlighted = state.item.get_untracked();
            let of_code = data.items_of(&code).iter().map(|&n| &data.items[n]);
            let groups: Vec<(Category, Vec<Listing>)> = panel_groups(of_code, layers)
                .into_iter()
                .map(|(c, items)| (c, items.into_iter().cloned().collect()))
                .collect();
            if groups.is_empty() {
                return view! { <p class="tk-empty">{t.panel_empty}</p> }.into_any();
            }
            groups
                .into_iter()
                .map(|(c, items)| {
                    let show_all = open[c] || items.iter().skip(PANEL_PAGE).any(|it| highlighted.as_deref() == Some(it.id.as_str()));
                    let hidden = if show_all { 0 } else { items.len().saturating_sub(PANEL_PAGE) };
                    let shown = items.into_iter().take(if show_all { usize::MAX } else { PANEL_PAGE });
                    // A story is read, not opened: its quote and photo show at once.
                    let card = move |item: Listing| {
                        if c == Category::Verhaal {
                            view! { <li><StoryCard item=item /></li> }.into_any()
                        } else {
                            view! { <li><ItemCard item=item heading=4 key_fact=true /></li> }.into_any()
                        }
                    };
                    view! {
                        <h3 class=format!("tk-group tk-cat-{}", c.as_str())>{t.category(c)}</h3>
                        <ul class=format!("tk-items tk-items-{}", c.as_str())>
                            {shown.map(card).collect_view()}
                        </ul>
                        {(hidden > 0).then(|| view! {
                            <button type="button" class="tk-button tk-more" on:click=move |_| expanded.update(|e| e[c] = true)>
                                {format!("{} ({hidden})", t.show_more)}
                            </button>
                        })}
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    let close = {
        let code = code.clone();
        move |_| close_and_focus(state, &code)
    };
    view! {
        <section class="tk-panel" data-panel=code.clone() aria-labelledby="tk-panel-title">
            <div class="tk-panel-head">
                <h2 id="tk-panel-title">{name}</h2>
                <button type="button" class="tk-close" aria-label=t.close on:click=close>
                    "×"
                </button>
            </div>
            <p class="tk-panel-summary">{move || t.counts_line(counts, state.layers.get())}</p>
            {groups}
        </section>
    }
}
