//! The SVG map: grey context, the region's municipality shapes, their labels, and the markers.

use crate::components::care_layer::CareLayer;
use crate::components::marker_layer::MarkerLayer;
use crate::components::municipality_shape::MunicipalityShape;
use crate::components::plan_layer::PlanLayer;
use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::map::layout::LABEL_SIZE;
use twente_kaart_core::map::projection::fmt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn RegionMap(data: Arc<MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(layout) = data.layout.clone() else {
        return ().into_any();
    };
    let t = Strings::get(state.lang.get_untracked());
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // The marker size and clustering follow the map's size on screen.
    svg_ref.on_load(move |svg| {
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                let w = entry.content_rect().width();
                if w > 0.0 && (w - state.map_width.get_untracked()).abs() > 1.0 {
                    state.map_width.set(w);
                }
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&svg);
            // The map is rebuilt on a language switch: the old observer stops and its callback is freed then,
            // instead of living on (one leaked per switch).
            let kept = send_wrapper::SendWrapper::new((observer, callback));
            on_cleanup(move || kept.0.disconnect());
        }
    });
    // Roving tab stop: one shape is in the tab order; arrows move between shapes.
    let first = layout
        .shapes
        .first()
        .map(|s| s.code.clone())
        .unwrap_or_default();
    let tab_stop = RwSignal::new(state.selected.get_untracked().unwrap_or(first));
    let shapes = layout
        .shapes
        .iter()
        .enumerate()
        .map(|(index, _)| {
            view! { <MunicipalityShape data=data.clone() layout=layout.clone() index=index tab_stop=tab_stop /> }
        })
        .collect_view();
    let context = layout
        .context
        .iter()
        .map(|c| view! { <path d=c.path.clone()></path> })
        .collect_view();
    let labels = layout
        .shapes
        .iter()
        .filter(|s| s.label_fits)
        .map(|s| {
            view! {
                <text class="tk-label" x=fmt(s.label[0]) y=fmt(s.label[1]) font-size=fmt(LABEL_SIZE)>
                    {s.name.clone()}
                </text>
            }
        })
        .collect_view();
    let info = {
        let data = data.clone();
        move || {
            state.hovered.get().and_then(|code| {
                let name = data.name_of(&code)?.to_string();
                Some(t.municipality_summary(&name, data.counts_of(&code), state.layers.get()))
            })
        }
    };
    // Outlines of the selected and the focused shape, drawn above all shapes so no neighbour covers them.
    let outline = {
        let layout = layout.clone();
        move |code: Option<String>| {
            code.and_then(|c| {
                layout
                    .shapes
                    .iter()
                    .find(|s| s.code == c)
                    .map(|s| s.path.clone())
            })
            .unwrap_or_default()
        }
    };
    let outline2 = outline.clone();
    let selected_path = move || outline(state.selected.get());
    let focus_path = move || {
        outline2(
            state
                .attract
                .get()
                .map(|slide| slide.code().to_string())
                .or_else(|| state.focused.get()),
        )
    };
    view! {
        <figure class="tk-map" class:tk-planning=move || state.plan_work.with(Option::is_some)
            class:tk-picking=move || state.plan_picking.get()>
            <svg class="tk-svg" viewBox=layout.projection.view_box() role="group" aria-label=t.map_label node_ref=svg_ref>
                <g class="tk-context" aria-hidden="true">{context}</g>
                <g class="tk-shapes">{shapes}</g>
                <g class="tk-outlines" aria-hidden="true">
                    <path class="tk-outline-selected" d=selected_path></path>
                    <path class="tk-outline-focus-halo" d=focus_path.clone()></path>
                    <path class="tk-outline-focus" d=focus_path></path>
                </g>
                <g class="tk-labels" aria-hidden="true">{labels}</g>
                <MarkerLayer data=data.clone() layout=layout.clone() />
                <CareLayer layout=layout.clone() sites=crate::state::CareSites::of(&data).0 />
                <PlanLayer layout=layout.clone() data=data.clone() />
            </svg>
            <figcaption class="tk-info" class:is-empty=move || state.hovered.get().is_none() aria-hidden="true">
                {info}
            </figcaption>
        </figure>
    }
    .into_any()
}
