//! One municipality on the map: focusable, named with its counts, selected by click, tap, Enter or Space;
//! the arrow keys move to the neighbour in that direction.

use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::map::{Direction, MapLayout};
use wasm_bindgen::JsCast;

/// Moves keyboard focus to the shape of `code`.
pub fn focus_shape(code: &str) {
    let selector = format!("path.tk-shape[data-code=\"{code}\"]");
    if let Some(el) = document().query_selector(&selector).ok().flatten() {
        if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
            let _ = el.focus();
        }
    }
}

/// Selects a municipality and announces it.
pub fn select(state: AppState, data: &Arc<MapData>, code: &str) {
    state.clear_item_and_cluster();
    if state
        .selected
        .with_untracked(|s| s.as_deref() != Some(code))
    {
        state.selected.set(Some(code.to_string()));
    }
    if let Some(name) = data.name_of(code) {
        let t = Strings::get(state.lang.get_untracked());
        let summary = t.counts_line(data.counts_of(code), state.layers.get_untracked());
        state.announcement.set(twente_kaart_core::i18n::fill(
            t.selected,
            &[("name", name), ("summary", &summary)],
        ));
    }
}

/// Closes the panel and returns focus to the municipality it was about.
pub fn close_and_focus(state: AppState, code: &str) {
    state.selected.set(None);
    state.item.set(None);
    state
        .announcement
        .set(Strings::get(state.lang.get_untracked()).closed.to_string());
    focus_shape(code);
}

#[component]
pub fn MunicipalityShape(
    data: Arc<MapData>,
    layout: Arc<MapLayout>,
    index: usize,
    tab_stop: RwSignal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let shape = &layout.shapes[index];
    let code = shape.code.clone();
    let counts = data.counts_of(&code);
    let class = format!(
        "tk-shape tk-shade-{}",
        data.shades
            .class(counts[twente_kaart_core::Category::Praktijk])
    );
    let is_selected = expect_context::<crate::state::Highlights>().municipality_is(&code);
    let is_selected2 = is_selected.clone();
    let label = {
        let (name, code) = (shape.name.clone(), code.clone());
        let data = data.clone();
        move || {
            Strings::get(state.lang.get_untracked()).municipality_summary(
                &name,
                data.counts_of(&code),
                state.layers.get(),
            )
        }
    };
    let tab_index = {
        let code = code.clone();
        move || {
            if tab_stop.with(|t| *t == code) {
                "0"
            } else {
                "-1"
            }
        }
    };
    let on_click = {
        let (code, data) = (code.clone(), data.clone());
        move |_| {
            select(state, &data, &code);
            crate::reveal::side_panel();
        }
    };
    let on_key = {
        let (code, data, layout) = (code.clone(), data.clone(), layout.clone());
        move |ev: web_sys::KeyboardEvent| {
            let dir = match ev.key().as_str() {
                "Enter" | " " => {
                    ev.prevent_default();
                    select(state, &data, &code);
                    return;
                }
                "ArrowUp" => Direction::Up,
                "ArrowDown" => Direction::Down,
                "ArrowLeft" => Direction::Left,
                "ArrowRight" => Direction::Right,
                _ => return,
            };
            ev.prevent_default();
            let next = &layout.shapes[layout.step(index, dir)].code;
            tab_stop.set(next.clone());
            focus_shape(next);
        }
    };
    let hover = {
        let code = code.clone();
        move || state.hovered.set(Some(code.clone()))
    };
    let unhover = move || state.hovered.set(None);
    let (hover2, unhover2) = (hover.clone(), unhover);
    let on_focus = {
        let code = code.clone();
        move |_| {
            tab_stop.set(code.clone());
            state.focused.set(Some(code.clone()));
            hover2()
        }
    };
    view! {
        <path
            class=class
            class:is-selected=is_selected
            d=shape.path.clone()
            data-code=code.clone()
            role="button"
            tabindex=tab_index
            aria-label=label
            aria-pressed=move || if is_selected2() { "true" } else { "false" }
            on:click=on_click
            on:keydown=on_key
            on:pointerenter=move |_| hover()
            on:pointerleave=move |_| unhover()
            on:focus=on_focus
            on:blur=move |_| {
                state.focused.set(None);
                unhover2()
            }
        ></path>
    }
}
