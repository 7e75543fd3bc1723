//! The shading legend: open practices per municipality, in the classes the data gives. Same markup as the
//! prerender's.

use crate::state::AppState;
use leptos::prelude::*;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::summary::ShadeScale;

#[component]
pub fn Legend(scale: ShadeScale) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    view! {
        <div class="tk-legend">
            <p class="tk-legend-title">{t.legend_title}</p>
            <ul class="tk-legend-list">
                {scale
                    .labels()
                    .into_iter()
                    .enumerate()
                    .map(|(i, label)| {
                        view! {
                            <li>
                                <span class=format!("tk-swatch tk-shade-{i}") aria-hidden="true"></span>
                                {if i == 0 { t.legend_none.to_string() } else { label }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
