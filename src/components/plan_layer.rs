//! The plan on the map: reach rings around both workplaces (hatched within 15 minutes by car, a dotted
//! ring at 30; the two workplaces hatched in opposite directions, so the overlap reads as cross-hatching
//! without colour), the workplaces as a diamond (yours) and a star (your partner's) — the panel's legend
//! shows the same symbols — and the homes numbered by rank, nudged off the names like every marker. Decoration for the
//! ordered list, which says it all; hidden from assistive technology. While the visitor picks the partner's
//! workplace, a tap anywhere on the map chooses that point.

use crate::planner::Planner;
use crate::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::map::labels::{clear_of, label_boxes, LABELS_MIN_PX};
use twente_kaart_core::map::projection::{client_to_view, fmt};
use twente_kaart_core::map::MapLayout;
use twente_kaart_core::plan::{point_param, reach_km, Mode, RING_MINUTES};

/// How many homes get a numbered marker (the list goes on; the map stays readable).
const NUMBERED: usize = 20;
/// A numbered marker's radius in CSS pixels.
const BADGE_PX: f64 = 9.0;

#[component]
pub fn PlanLayer(layout: Arc<MapLayout>, data: Arc<crate::state::MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The map-only preview (while the listings load) has no plan.
    let Some(planner) = use_context::<Planner>() else {
        return ().into_any();
    };
    let projection = layout.projection;
    let names = label_boxes(&layout);
    // (cx, cy, r) of the 15- and 30-minute rings around a workplace.
    let rings = move |center: [f64; 2]| {
        let [x, y] = projection.project(center);
        RING_MINUTES.map(|m| {
            let r = reach_km(f64::from(m), Mode::Car) * projection.units_per_km();
            (fmt(x), fmt(y), fmt(r))
        })
    };
    let highlights = expect_context::<crate::state::Highlights>();
    let drawing = move || {
        let Some(Ok(plan)) = planner.plan.get() else {
            return ().into_any();
        };
        let px = projection.width / state.map_width.get().max(100.0);
        let kiosk_scale = if state.kiosk { 1.6 } else { 1.0 };
        let r = BADGE_PX * px * kiosk_scale;
        let names_shown = state.map_width.get() >= LABELS_MIN_PX;
        let clear = |at: [f64; 2], half: f64| {
            if names_shown {
                clear_of(at, half, 2.0 * px, &names)
            } else {
                at
            }
        };
        let place = |at: [f64; 2], symbol: PlaceSymbol| {
            let [x, y] = clear(projection.project(at), r * 1.5);
            view! {
                <g class=format!("tk-plan-place-marker {}", symbol.class()) transform=format!("translate({} {})", fmt(x), fmt(y))>
                    <polygon points=symbol.points(r * 1.3)></polygon>
                </g>
            }
        };
        let [work15, work30] = rings(plan.work_point);
        let partner = plan.partner.clone().map(|p| {
            let [p15, p30] = rings(p.point);
            view! {
                <circle class="tk-reach tk-reach-partner" cx=p15.0 cy=p15.1 r=p15.2 fill="url(#tk-hatch-partner)"></circle>
                <circle class="tk-reach-ring tk-reach-partner" cx=p30.0 cy=p30.1 r=p30.2></circle>
            }
        });
        let homes = planner
            .ranked
            .get()
            .into_iter()
            .take(NUMBERED)
            .enumerate()
            .filter_map(|(rank, home)| {
                let [x, y] = clear(projection.project(data.items[home.index].point?), r);
                let highlighted = highlights.item_is(&data.items[home.index].id);
                Some(view! {
                    <g class="tk-plan-home-marker" class:is-highlighted=highlighted
                        data-item=data.items[home.index].id.clone()
                        transform=format!("translate({} {})", fmt(x), fmt(y))>
                        <circle r=fmt(r)></circle>
                        <text dy="0.35em" font-size=fmt(r * 1.1)>{(rank + 1).to_string()}</text>
                    </g>
                })
            })
            .collect_view();
        let partner_marker = plan
            .partner
            .as_ref()
            .map(|p| place(p.point, PlaceSymbol::Partner));
        view! {
            <g class="tk-plan-layer" aria-hidden="true">
                <defs>
                    <pattern id="tk-hatch-work" patternUnits="userSpaceOnUse" width="10" height="10" patternTransform="rotate(45)">
                        <line x1="0" y1="0" x2="0" y2="10"></line>
                    </pattern>
                    <pattern id="tk-hatch-partner" patternUnits="userSpaceOnUse" width="10" height="10" patternTransform="rotate(-45)">
                        <line x1="0" y1="0" x2="0" y2="10"></line>
                    </pattern>
                </defs>
                <circle class="tk-reach tk-reach-work" cx=work15.0 cy=work15.1 r=work15.2 fill="url(#tk-hatch-work)"></circle>
                <circle class="tk-reach-ring tk-reach-work" cx=work30.0 cy=work30.1 r=work30.2></circle>
                {partner}
                {homes}
                {place(plan.work_point, PlaceSymbol::Work)}
                {partner_marker}
            </g>
        }
        .into_any()
    };
    // The whole map answers a tap while picking; a tap converts from screen to map to WGS84.
    let (width, height) = (projection.width, projection.height);
    let pick = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let Some(area) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let r = area.get_bounding_client_rect();
        if r.width() <= 0.0 || r.height() <= 0.0 {
            return;
        }
        let xy = client_to_view(
            [r.left(), r.top(), r.width(), r.height()],
            [width, height],
            [f64::from(ev.client_x()), f64::from(ev.client_y())],
        );
        state.plan_picking.set(false);
        state
            .plan_partner
            .set(Some(point_param(projection.unproject(xy))));
        crate::reveal::focus("#tk-plan-results");
    };
    view! {
        {drawing}
        {move || state.plan_picking.get().then(|| view! {
            <rect class="tk-pick-area" x="0" y="0" width=fmt(width) height=fmt(height) on:click=pick></rect>
        })}
    }
    .into_any()
}

/// The two workplaces' symbols, on the map and in the panel's legend: different shapes, not only colours.
#[derive(Clone, Copy)]
pub enum PlaceSymbol {
    Work,
    Partner,
}

impl PlaceSymbol {
    pub fn class(self) -> &'static str {
        match self {
            PlaceSymbol::Work => "tk-plan-work",
            PlaceSymbol::Partner => "tk-plan-partner",
        }
    }

    /// The polygon around 0,0 reaching `d` from it: a diamond, or a five-pointed star.
    pub fn points(self, d: f64) -> String {
        let corners: Vec<(f64, f64)> = match self {
            PlaceSymbol::Work => vec![(0.0, -d), (d, 0.0), (0.0, d), (-d, 0.0)],
            PlaceSymbol::Partner => (0..10)
                .map(|i| {
                    let radius = if i % 2 == 0 { d * 1.15 } else { d * 0.5 };
                    let a = std::f64::consts::PI * f64::from(i) / 5.0;
                    (radius * a.sin(), -radius * a.cos())
                })
                .collect(),
        };
        corners
            .iter()
            .map(|(x, y)| format!("{},{}", fmt(*x), fmt(*y)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The symbol as a small inline SVG for the panel's legend.
    pub fn icon(self) -> impl IntoView {
        view! {
            <svg class=format!("tk-symbol {}", self.class()) viewBox="-7 -7 14 14" aria-hidden="true">
                <polygon points=self.points(5.5)></polygon>
            </svg>
        }
    }
}
