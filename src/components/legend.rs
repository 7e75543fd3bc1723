//! The shading legend: open practices per municipality. Same markup as the prerender's.

use crate::state::AppState;
use leptos::prelude::*;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::summary::SHADE_CLASSES;

#[component]
pub fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    view! {
        <div class="tk-legend">
            <p class="tk-legend-title">{t.legend_title}</p>
            <ul class="tk-legend-list">
                {SHADE_CLASSES
                    .iter()
                    .enumerate()
                    .map(|(i, (_, label))| {
                        let label = *label;
                        view! {
                            <li>
                                <span class=format!("tk-swatch tk-shade-{i}") aria-hidden="true"></span>
                                {move || if i == 0 { t.legend_none } else { label }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
