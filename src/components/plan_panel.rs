//! "Waar gaan we wonen?": the planner in the column beside the map. It starts from a practice, asks where
//! the partner works (`PartnerChooser`), then lists the homes by combined travel (`PlanResults`). A plan link
//! that does not fit the data shows what is wrong in place of the plan; the rest of the widget is untouched.

use crate::components::partner_chooser::PartnerChooser;
use crate::components::plan_layer::PlaceSymbol;
use crate::components::plan_results::PlanResults;
use crate::planner::Planner;
use crate::state::{AppState, CareSites, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::plan::PlanError;

#[component]
pub fn PlanPanel(data: Arc<MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let planner = expect_context::<Planner>();
    let t = Strings::get(state.lang.get_untracked());
    let lang = state.lang.get_untracked();
    let care = expect_context::<CareSites>();
    let close = move |_| {
        state.close_plan();
        crate::reveal::side_panel();
    };
    let body = move || match planner.plan.get() {
        None => ().into_any(),
        Some(Err(e)) => {
            crate::panic::warn(&format!("plan link: {e}"));
            let partner_wrong = matches!(
                &e,
                PlanError::UnknownItem {
                    param: "partner",
                    ..
                } | PlanError::WrongCategory {
                    param: "partner",
                    ..
                } | PlanError::NoPoint {
                    param: "partner",
                    ..
                } | PlanError::OutsideRegion { .. }
                    | PlanError::Malformed { .. }
            );
            view! {
                <p class="tk-plan-error" role="alert">{t.plan_error(&e)}</p>
                {partner_wrong.then(|| view! {
                    <button type="button" class="tk-button" on:click=move |_| state.plan_partner.set(None)>
                        {t.plan_choose}
                    </button>
                })}
            }
            .into_any()
        }
        Some(Ok(plan)) => {
            let work = &data.items[plan.work];
            let post = twente_kaart_core::card::post_fact(work, &care.0, lang);
            let place = view! {
                <div class="tk-plan-place">
                    <dt>{PlaceSymbol::Work.icon()} {t.plan_work}</dt>
                    <dd>{format!("{} · {}", work.heading(lang), work.town())}</dd>
                </div>
                {post.map(|(k, v)| view! {
                    <div class="tk-plan-place"><dt>{k}</dt><dd>{v}</dd></div>
                })}
            };
            match plan.partner {
                None => view! {
                    <dl class="tk-plan-places">{place}</dl>
                    <PartnerChooser data=data.clone() />
                }
                .into_any(),
                Some(partner) => view! {
                    <dl class="tk-plan-places">{place}</dl>
                    <PlanResults data=data.clone() partner=partner />
                }
                .into_any(),
            }
        }
    };
    view! {
        <section class="tk-panel tk-plan" aria-labelledby="tk-plan-title">
            <div class="tk-panel-head">
                <h2 id="tk-plan-title" tabindex="-1">{t.plan_start}</h2>
                <button type="button" class="tk-close" aria-label=t.plan_close on:click=close>
                    "×"
                </button>
            </div>
            {body}
        </section>
    }
}
