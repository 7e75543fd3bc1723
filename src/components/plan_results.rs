//! The plan itself: both workplaces, the filters, and the homes as an ordered list — the primary result,
//! readable on its own ("1. Rijwoning Hengelo-Noord — 8,2 km naar je werk, ca. 13 min met de auto …").
//! In kiosk mode a QR code takes the plan home on the visitor's phone.

use crate::components::plan_layer::PlaceSymbol;
use crate::components::qr_code::QrCode;
use crate::planner::Planner;
use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::{fill, format_km, round_minutes, Strings};
use twente_kaart_core::plan::{nearest_town, towns, Mode, Partner, HOME_KINDS, MAX_MINUTES};
use twente_kaart_core::Lang;

/// Homes listed before "show more" (the list is the whole region at national scale).
const PAGE: usize = 10;

/// "8,2 km naar je werk · ca. 13 min met de auto · ca. 39 min op de fiets"
fn leg(t: &Strings, lang: Lang, template: &str, km: f64) -> String {
    [
        fill(template, &[("km", &format_km(lang, km))]),
        fill(
            t.plan_car,
            &[(
                "n",
                &round_minutes(twente_kaart_core::plan::minutes(km, Mode::Car)),
            )],
        ),
        fill(
            t.plan_bike,
            &[(
                "n",
                &round_minutes(twente_kaart_core::plan::minutes(km, Mode::Bike)),
            )],
        ),
    ]
    .join(" · ")
}

#[component]
pub fn PlanResults(data: Arc<MapData>, partner: Partner) -> impl IntoView {
    let state = expect_context::<AppState>();
    let planner = expect_context::<Planner>();
    let t = Strings::get(state.lang.get_untracked());
    let lang = state.lang.get_untracked();
    let partner_name = match partner.item {
        Some(i) => format!("{} · {}", data.items[i].heading(lang), data.items[i].town()),
        None => {
            let towns = towns(&data.items);
            fill(
                t.plan_point_near,
                &[("town", nearest_town(&towns, partner.point).unwrap_or("?"))],
            )
        }
    };
    let filters = state.plan_filters;
    let max_select = move |w: usize, label: &'static str| {
        let id = format!("tk-plan-max-{w}");
        view! {
            <div class="tk-field">
                <label for=id.clone()>{label}</label>
                <select id=id class="tk-input"
                    on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<u32>().ok();
                        filters.update(|f| f.max_minutes[w] = v);
                    }>
                    <option value="" selected=move || filters.with(|f| f.max_minutes[w].is_none())>{t.plan_no_max}</option>
                    {MAX_MINUTES.into_iter().map(|m| view! {
                        <option value=m.to_string() selected=move || filters.with(|f| f.max_minutes[w] == Some(m))>
                            {fill(t.plan_minutes, &[("n", &m.to_string())])}
                        </option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let kinds = HOME_KINDS
        .into_iter()
        .enumerate()
        .map(|(i, kind)| {
            let id = format!("tk-plan-kind-{}", kind.as_str());
            view! {
                <div class="tk-check">
                    <input type="checkbox" id=id.clone()
                        prop:checked=move || filters.with(|f| f.kinds[i])
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            filters.update(|f| f.kinds[i] = on);
                        } />
                    <label for=id>{t.kind(kind)}</label>
                </div>
            }
        })
        .collect_view();
    let shown = RwSignal::new(PAGE);
    let list = {
        let data = data.clone();
        move || {
            let ranked = planner.ranked.get();
            if ranked.is_empty() {
                return view! { <p class="tk-empty">{t.plan_none}</p> }.into_any();
            }
            let more = ranked.len().saturating_sub(shown.get());
            let rows = ranked
                .into_iter()
                .take(shown.get())
                .map(|home| {
                    let item = &data.items[home.index];
                    let id = item.id.clone();
                    let price = twente_kaart_core::card::facts(item, lang)
                        .into_iter()
                        .next()
                        .map(|(_, v)| format!(" · {v}"))
                        .unwrap_or_default();
                    let highlighted = expect_context::<crate::state::Highlights>().item_is(&id);
                    view! {
                        <li class="tk-plan-home" class:is-highlighted=highlighted data-item=item.id.clone()>
                            <button type="button" class="tk-plan-home-title"
                                on:click=move |_| state.item.set(Some(id.clone()))>
                                {item.heading(lang).to_string()}
                            </button>
                            <span class="tk-plan-home-meta">{format!("{}{price}", twente_kaart_core::card::meta_line(item, lang))}</span>
                            <span class="tk-plan-leg">{leg(t, lang, t.plan_to_work, home.km[0])}</span>
                            <span class="tk-plan-leg">{leg(t, lang, t.plan_to_partner, home.km[1])}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ol class="tk-plan-list">{rows}</ol>
                {(more > 0).then(|| view! {
                    <button type="button" class="tk-button tk-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {format!("{} ({more})", t.show_more)}
                    </button>
                })}
            }
            .into_any()
        }
    };
    let count = move || {
        let n = planner.ranked.with(Vec::len);
        t.plural(n, t.plan_homes_one, t.plan_homes_other)
    };
    let qr = state.kiosk.then(|| {
        let host = state.host_url.get_value();
        let link = crate::url_state::phone_link(&state, host.as_deref());
        view! { <QrCode link=link label=t.plan_take_home /> }
    });
    view! {
        <dl class="tk-plan-places">
            <div class="tk-plan-place">
                <dt>{PlaceSymbol::Partner.icon()} {t.plan_partner}</dt>
                <dd>
                    {partner_name}
                    " "
                    <button type="button" class="tk-link-button" on:click=move |_| state.plan_partner.set(None)>
                        {t.plan_change}
                    </button>
                </dd>
            </div>
        </dl>
        // In the kiosk, the way home comes first: a visitor takes the plan along before browsing it.
        {qr.map(|qr| view! { <div class="tk-plan-qr"><p>{t.plan_take_home}</p>{qr}</div> })}
        // Closed at first: the list is the answer, the filters refine it (and a phone sees the list sooner).
        <details class="tk-plan-filter-box">
            <summary class="tk-button">{t.plan_filters}</summary>
            <div class="tk-plan-filters">
                {max_select(0, t.plan_max_work)}
                {max_select(1, t.plan_max_partner)}
                <fieldset class="tk-plan-kinds">
                    <legend>{t.plan_kinds}</legend>
                    {kinds}
                </fieldset>
            </div>
        </details>
        <h3 id="tk-plan-results" class="tk-plan-step" tabindex="-1">{count}</h3>
        {list}
        <p class="tk-plan-note">{t.plan_estimate}</p>
        <p class="tk-plan-note">{t.plan_rings}</p>
    }
}
