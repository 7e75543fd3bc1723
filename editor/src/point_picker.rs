//! Placing an item by clicking a small map of the municipalities: the click is taken back from SVG units to
//! `[lon, lat]` with the map's own projection (`Projection::unproject`), and the municipality is the shape the
//! point lies in (`Municipality::contains`). The coordinate inputs next to it are the keyboard's way.

use super::model::coordinate;
use super::strings::NL;
use super::EditorState;
use leptos::prelude::*;
use twente_kaart_core::i18n::fill;
use twente_kaart_core::map::projection::{client_to_view, fmt};
use wasm_bindgen::JsCast;

#[component]
pub fn PointPicker() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let layout = state.geo.with_value(|g| g.layout.clone());
    let projection = layout.projection;
    let view_box = projection.view_box();
    let context = layout
        .context
        .iter()
        .map(|s| view! { <path class="ed-ctx" d=s.path.clone() /> })
        .collect_view();
    let shapes = layout
        .shapes
        .iter()
        .map(|s| {
            let code = s.code.clone();
            let current = move || state.form.with(|f| f.municipality == code);
            view! { <path class="ed-shape" class:ed-shape-current=current d=s.path.clone() data-code=s.code.clone() /> }
        })
        .collect_view();
    let labels = layout
        .shapes
        .iter()
        .filter(|s| s.label_fits)
        .map(|s| {
            view! {
                <text class="ed-label" x=fmt(s.label[0]) y=fmt(s.label[1])>
                    {s.name.clone()}
                </text>
            }
        })
        .collect_view();
    let marker = move || {
        state.form.with(|f| f.point()).map(|p| {
            let [x, y] = projection.project(p);
            view! { <circle class="ed-marker" cx=fmt(x) cy=fmt(y) r="9" /> }
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(svg) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let r = svg.get_bounding_client_rect();
        let xy = client_to_view(
            [r.left(), r.top(), r.width(), r.height()],
            [projection.width, projection.height],
            [f64::from(ev.client_x()), f64::from(ev.client_y())],
        );
        let [lon, lat] = projection.unproject(xy);
        let found = state.geo.with_value(|g| {
            g.municipalities
                .iter()
                .find(|m| m.contains([lon, lat]))
                .map(|m| (m.code.clone(), m.name.clone()))
        });
        state.form.update(|f| {
            f.lon = coordinate(lon);
            f.lat = coordinate(lat);
            if let Some((code, _)) = &found {
                f.municipality = code.clone();
            }
        });
        state.status.set(match found {
            Some((_, name)) => fill(NL.point_set, &[("name", &name)]),
            None => NL.point_outside.into(),
        });
    };
    view! {
        <div class="ed-picker">
            <svg class="ed-map" viewBox=view_box role="img" aria-label=NL.map_label on:click=on_click>
                <g aria-hidden="true">{context} {shapes} {labels} {marker}</g>
            </svg>
            <p class="ed-hint">{NL.map_hint}</p>
        </div>
    }
}
