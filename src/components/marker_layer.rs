//! Markers for items with a point: a shape and colour per category (see `category_symbol`), grouped into a
//! numbered marker where they would overlap at the map's current size.

use crate::components::category_symbol::{symbol, SYMBOL_REACH};
use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::{fill, Strings};
use twente_kaart_core::map::labels::{clear_of, label_boxes, LABELS_MIN_PX};
use twente_kaart_core::map::projection::fmt;
use twente_kaart_core::map::{cluster_points, MapLayout};

/// Marker size on screen, in CSS pixels.
const MARKER_PX: f64 = 10.0;
/// A kiosk's markers are fingertip-sized, in rem: the kiosk's type grows with the screen (4K doubles it), and
/// its markers grow with it (24 px on a 1080p stand screen).
const KIOSK_MARKER_REM: f64 = 1.2;

/// The page's rem in CSS pixels (16 when rendering at build time, where there is no browser).
fn root_font_px() -> f64 {
    if !cfg!(target_arch = "wasm32") {
        return 16.0;
    }
    document()
        .document_element()
        .and_then(|e| window().get_computed_style(&e).ok().flatten())
        .and_then(|s| s.get_property_value("font-size").ok())
        // The browser's parser ("16px" → 16): Rust's float parser is not in the wasm otherwise.
        .map(|v| js_sys::parse_float(&v))
        .filter(|px| px.is_finite() && *px > 0.0)
        .unwrap_or(16.0)
}
/// A group's badge radius, in marker half-sizes.
const BADGE_SCALE: f64 = 1.5;
/// Markers closer than this many marker sizes on screen are grouped: a group's badge is `BADGE_SCALE`
/// markers wide, so badges seldom overlap one another.
const CLUSTER_FACTOR: f64 = BADGE_SCALE;

#[component]
pub fn MarkerLayer(data: Arc<MapData>, layout: Arc<MapLayout>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Projected once: selecting or toggling never re-projects.
    let placed: Arc<Vec<(usize, [f64; 2])>> = Arc::new(
        data.items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| item.point.map(|p| (i, layout.projection.project(p))))
            .collect(),
    );
    let view_width = layout.projection.width;
    let marker_px = if state.kiosk {
        KIOSK_MARKER_REM * root_font_px()
    } else {
        MARKER_PX
    };
    // Markers yield to the names: one drawn on a name moves just off it (see core::map::labels).
    let names = label_boxes(&layout);
    // What to draw, as plain data: recomputed when layers or the map size change, then drawn with a keyed
    // `For`, so a layer toggle adds or removes only the markers that changed instead of redrawing them all.
    let specs = {
        let data = data.clone();
        Memo::new(move |_| {
            let layers = state.layers.get();
            let units_per_px = view_width / state.map_width.get().max(100.0);
            let visible: Vec<(usize, [f64; 2])> = placed
                .iter()
                .copied()
                .filter(|(i, _)| layers[data.items[*i].category])
                .collect();
            let points: Vec<[f64; 2]> = visible.iter().map(|(_, p)| *p).collect();
            let r = marker_px / 2.0 * units_per_px;
            // Thousands of markers (national data) would cost a frame on every change and hide the map: the
            // grouping radius grows with the number of points (unchanged up to 400 points).
            let density = (points.len() as f64 / 400.0).sqrt().max(1.0);
            let names_shown = state.map_width.get() >= LABELS_MIN_PX;
            cluster_points(&points, marker_px * CLUSTER_FACTOR * density * units_per_px)
                .into_iter()
                .map(|cluster| {
                    let half = if cluster.members.len() > 1 {
                        r * BADGE_SCALE
                    } else {
                        r * SYMBOL_REACH
                    };
                    let at = if names_shown {
                        clear_of(cluster.at, half, 2.0 * units_per_px, &names)
                    } else {
                        cluster.at
                    };
                    MarkerSpec {
                        members: cluster.members.iter().map(|&m| visible[m].0).collect(),
                        transform: format!("translate({} {})", fmt(at[0]), fmt(at[1])),
                        r_hundredths: (r * 100.0).round() as u32,
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let highlights = expect_context::<crate::state::Highlights>();
    let marker = move |spec: MarkerSpec| {
        let t = Strings::get(state.lang.get_untracked());
        let r = f64::from(spec.r_hundredths) / 100.0;
        if let [only] = spec.members[..] {
            let item = &data.items[only];
            let id = item.id.clone();
            let code = item.municipality.clone();
            let label = format!(
                "{}: {}",
                t.category(item.category),
                item.heading(state.lang.get_untracked())
            );
            let highlighted = highlights.item_is(&id);
            view! {
                <g
                    class=format!("tk-marker tk-cat-{}", item.category.as_str())
                    class:is-highlighted=highlighted
                    transform=spec.transform
                    role="button"
                    tabindex="-1"
                    aria-label=label
                    data-item=id.clone()
                    on:click=move |_| {
                        state.cluster.set(None);
                        state.selected.set(Some(code.clone()));
                        state.item.set(Some(id.clone()));
                    }
                >
                    {symbol(item.category, r)}
                </g>
            }
            .into_any()
        } else {
            let ids: Vec<String> = spec
                .members
                .iter()
                .map(|&m| data.items[m].id.clone())
                .collect();
            let n = ids.len();
            let label = fill(t.cluster, &[("n", &n.to_string())]);
            view! {
                <g
                    class="tk-cluster"
                    transform=spec.transform
                    role="button"
                    tabindex="-1"
                    aria-label=label
                    on:click=move |_| state.cluster.set(Some(ids.clone()))
                >
                    <circle r=fmt(r * BADGE_SCALE)></circle>
                    <text dy="0.35em" font-size=fmt(r * 1.7)>{n.to_string()}</text>
                </g>
            }
            .into_any()
        }
    };
    view! {
        <g class="tk-markers">
            <For each=move || specs.get() key=|spec| spec.clone() children=marker />
        </g>
    }
}

/// One marker or group as drawn: the items it stands for (indices into the data), where, and how big. The
/// whole spec is the key: a marker is rebuilt only when it moves, resizes or stands for other items.
#[derive(Clone, PartialEq, Eq, Hash)]
struct MarkerSpec {
    members: Vec<usize>,
    transform: String,
    /// Half-size in map units, in hundredths (an integer, so the spec can be a key).
    r_hundredths: u32,
}
