//! Each category's marker shape, on the map and in the layer switches that are its legend: a different
//! shape per category (circle, square, triangle, diamond, star), so no one has to tell them apart by colour.

use leptos::prelude::*;
use twente_kaart_core::map::projection::fmt;
use twente_kaart_core::Category;

/// How far the tallest shape (the star) reaches from its centre, in half-sizes.
pub const SYMBOL_REACH: f64 = 1.3;

/// The SVG shape of a category's marker, centred on 0,0 with half-size `r`.
pub fn symbol(category: Category, r: f64) -> impl IntoView {
    match category {
        Category::Praktijk => view! { <circle r=fmt(r)></circle> }.into_any(),
        Category::Wonen => {
            let s = fmt(r * 1.8);
            let o = fmt(-r * 0.9);
            view! { <rect x=o.clone() y=o width=s.clone() height=s></rect> }.into_any()
        }
        Category::Partnerwerk => {
            let pts = format!(
                "0,{} {},{} {},{}",
                fmt(-r * 1.15),
                fmt(r * 1.1),
                fmt(r * 0.85),
                fmt(-r * 1.1),
                fmt(r * 0.85)
            );
            view! { <polygon points=pts></polygon> }.into_any()
        }
        Category::Verhaal => {
            let d = r * 1.25;
            let pts = format!("0,{} {},0 0,{} {},0", fmt(-d), fmt(d), fmt(d), fmt(-d));
            view! { <polygon points=pts></polygon> }.into_any()
        }
        Category::Agenda => {
            view! { <polygon points=star(r * SYMBOL_REACH, r * 0.6)></polygon> }.into_any()
        }
    }
}

/// The ten corners of a star of radius 1, point up: (sin, −cos) of multiples of 36°. Constants, so the
/// wasm needs no trigonometry.
const STAR: [(f64, f64); 10] = [
    (0.0, -1.0),
    (0.5878, -0.809),
    (0.9511, -0.309),
    (0.9511, 0.309),
    (0.5878, 0.809),
    (0.0, 1.0),
    (-0.5878, 0.809),
    (-0.9511, 0.309),
    (-0.9511, -0.309),
    (-0.5878, -0.809),
];

/// A five-pointed star, point up.
fn star(outer: f64, inner: f64) -> String {
    STAR.iter()
        .enumerate()
        .map(|(i, (x, y))| {
            let radius = if i % 2 == 0 { outer } else { inner };
            format!("{},{}", fmt(radius * x), fmt(radius * y))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The shape as a small inline SVG, for a label.
#[component]
pub fn CategorySymbol(category: Category) -> impl IntoView {
    view! {
        <svg class="tk-symbol" viewBox="-6 -6 12 12" aria-hidden="true">
            {symbol(category, 4.5)}
        </svg>
    }
}
