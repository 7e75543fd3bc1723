//! The region's hospitals and out-of-hours GP posts on the map: a white square with a cross (a shape no
//! listing uses), one per place, named in a tooltip. Context only: the distances are in the cards and the
//! plan as text.

use crate::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::care::{CareKind, CareSite};
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::map::labels::{clear_of, label_boxes, LABELS_MIN_PX};
use twente_kaart_core::map::projection::fmt;
use twente_kaart_core::map::MapLayout;

/// The symbol's half-size in CSS pixels.
const HALF_PX: f64 = 7.0;

#[component]
pub fn CareLayer(layout: Arc<MapLayout>, sites: Arc<Vec<CareSite>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    // A hospital and the GP post inside it are one place on the map.
    let mut places: Vec<([f64; 2], Vec<String>)> = Vec::new();
    for site in sites.iter() {
        let kind = match site.kind {
            CareKind::Ziekenhuis => t.care_hospital,
            CareKind::Huisartsenpost => t.care_post,
        };
        let name = format!("{kind}: {}", site.name);
        match places.iter_mut().find(|(p, _)| *p == site.point) {
            Some((_, names)) => names.push(name),
            None => places.push((site.point, vec![name])),
        }
    }
    let projection = layout.projection;
    let labels = label_boxes(&layout);
    let shown = move || state.care_layer.get() || state.plan_work.with(Option::is_some);
    move || {
        if !shown() {
            return ().into_any();
        }
        let px = projection.width / state.map_width.get().max(100.0);
        let h = HALF_PX * px * if state.kiosk { 1.6 } else { 1.0 };
        let names_shown = state.map_width.get() >= LABELS_MIN_PX;
        let (s, arm, w) = (fmt(2.0 * h), fmt(h * 0.6), fmt(h * 0.36));
        places
            .iter()
            .map(|(point, names)| {
                let at = projection.project(*point);
                let [x, y] = if names_shown { clear_of(at, h, 2.0 * px, &labels) } else { at };
                view! {
                    <g class="tk-care" transform=format!("translate({} {})", fmt(x), fmt(y)) aria-hidden="true">
                        <title>{names.join("; ")}</title>
                        <rect x=fmt(-h) y=fmt(-h) width=s.clone() height=s.clone() rx=fmt(h * 0.25)></rect>
                        <path d=format!("M-{arm} 0H{arm}M0 -{arm}V{arm}") stroke-width=w.clone()></path>
                    </g>
                }
            })
            .collect_view()
            .into_any()
    }
}
