//! Kiosk: the side column as two panes the visitor switches between with large buttons — the chosen
//! municipality (or the overview) and the list of everything — each scrolling by touch inside itself, so the
//! stand screen never scrolls as a page. Choosing a municipality shows its pane.

use crate::components::list_view::ListView;
use crate::components::side_panel::SidePanel;
use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::Strings;

#[component]
pub fn KioskTabs(data: Arc<MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    // A municipality chosen on the map (or by the attract loop's visitor) brings its panel to the front.
    Effect::new(move |prev: Option<Option<String>>| {
        let selected = state.selected.get();
        if prev.is_some_and(|p| p != selected) && selected.is_some() {
            state.list_open.set(false);
        }
        selected
    });
    let list = state.list_open;
    view! {
        <div class="tk-tabs" role="group" aria-label=t.tab_group>
            <button type="button" class="tk-button tk-tab" aria-pressed=move || (!list.get()).to_string()
                on:click=move |_| list.set(false)>
                {t.tab_area}
            </button>
            <button type="button" class="tk-button tk-tab" aria-pressed=move || list.get().to_string()
                on:click=move |_| list.set(true)>
                {t.tab_list}
            </button>
        </div>
        <div class="tk-pane" hidden=move || list.get()>
            <SidePanel data=data.clone() />
        </div>
        <div class="tk-pane" hidden=move || !list.get()>
            <ListView data=data />
        </div>
    }
}
