//! The household planner's state, derived once per widget and shared by the panel (the ordered list) and
//! the map (rings and numbered homes): the plan link checked against the data, and the homes ranked.
//! The geometry is in `twente_kaart_core::plan`; this only wires it to the signals.

use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::plan::{rank_homes, resolve, Plan, PlanError, RankedHome};

#[derive(Clone, Copy)]
pub struct Planner {
    /// The open plan, checked (`None`: no plan open).
    pub plan: Memo<Option<Result<Plan, PlanError>>>,
    /// The homes in order, once both workplaces are known (empty before).
    pub ranked: Memo<Vec<RankedHome>>,
}

impl Planner {
    /// Derives the plan from `state` and provides it as context (call inside the widget's owner).
    pub fn provide(state: AppState, data: Arc<MapData>) {
        let plan = {
            let data = data.clone();
            Memo::new(move |_| {
                let werk = state.plan_work.get()?;
                let partner = state.plan_partner.get();
                Some(resolve(
                    &data.items,
                    &data.municipalities,
                    &werk,
                    partner.as_deref(),
                ))
            })
        };
        let ranked = Memo::new(move |_| {
            let Some(Ok(Plan {
                work_point,
                partner: Some(partner),
                ..
            })) = plan.get()
            else {
                return Vec::new();
            };
            state
                .plan_filters
                .with(|filters| rank_homes(&data.items, work_point, partner.point, filters))
        });
        // The result is announced, so a screen reader hears that the list below changed.
        Effect::new(move |_| {
            let has_partner = plan.with(|p| {
                matches!(
                    p,
                    Some(Ok(Plan {
                        partner: Some(_),
                        ..
                    }))
                )
            });
            let n = ranked.with(Vec::len);
            if has_partner {
                let t = Strings::get(state.lang.get_untracked());
                let summary = t.plural(n, t.plan_homes_one, t.plan_homes_other);
                state.announcement.set(twente_kaart_core::i18n::fill(
                    t.plan_ranked,
                    &[("summary", &summary)],
                ));
            }
        });
        provide_context(Planner { plan, ranked });
    }
}
