//! One item as a compact card that expands in place: the title, kind and town (and, in a panel, one key
//! fact) are the card's toggle; the description, facts and links open below it. A native `<details>`, so it
//! is keyboard operable, announced as expandable, and works in the prerendered page before the wasm runs.
//! All data is inserted as text. A story opens to its quote and photo; an event to its time, registration and
//! calendar file.

use crate::components::qr_code::QrCode;
use crate::components::story_card::StoryCard;
use crate::state::AppState;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::{Category, Listing};

/// Context for the build-time render of the panels in the page: their cards leave their bodies out (the early
/// script takes each from the bodies file when the card opens), so the page carries less than half the bytes.
#[derive(Clone, Copy)]
pub struct BodiesApart;

#[component]
pub fn ItemCard(
    item: Listing,
    /// Heading level of the title (3 in the list, 4 under a category heading in a panel).
    heading: u8,
    /// Whether the closed card shows the item's key fact (panels do; the list's rows stay one line shorter).
    #[prop(optional)]
    key_fact: bool,
    /// Extra controls at the end of the opened card (e.g. "show on map" in the list).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let lang = state.lang.get_untracked();
    let highlighted = expect_context::<crate::state::Highlights>().item_is(&item.id);
    let opened = highlighted.clone();
    // Plain text, not closures: the widget is rebuilt on a language change, and a panel builds dozens of cards
    // per click, so each reactive closure saved is work saved.
    let title = item.heading(lang).to_string();
    let title = match heading {
        3 => EitherOf3::A(view! { <h3 class="tk-item-title">{title}</h3> }),
        4 => EitherOf3::B(view! { <h4 class="tk-item-title">{title}</h4> }),
        _ => EitherOf3::C(view! { <h5 class="tk-item-title">{title}</h5> }),
    };
    // A panel's event card says its day in the key fact below; the meta line then names only the town.
    let meta = if key_fact && item.category == Category::Agenda {
        item.town().to_string()
    } else {
        twente_kaart_core::card::meta_line(&item, lang)
    };
    let mut rows = twente_kaart_core::card::facts(&item, lang);
    // Evening and weekend shifts are part of a GP's work: a practice names its nearest GP post.
    if let Some(care) = use_context::<crate::state::CareSites>() {
        rows.extend(twente_kaart_core::card::post_fact(&item, &care.0, lang));
    }
    let key = key_fact
        .then(|| rows.first().map(|(k, v)| format!("{k}: {v}")))
        .flatten();
    // The opened part is built when the card first opens (a click on its summary, or being highlighted):
    // a panel shows a dozen closed cards per click, and their bodies were most of its DOM. The prerendered
    // page has every body, as it has no wasm to build one (its panels' bodies are in a file of their own).
    let body = {
        let item = item.clone();
        let children = std::cell::Cell::new(children);
        move || {
            let item = item.clone();
            let children = children.take();
            let description = item.description(lang).to_string();
            let rows = rows.clone();
            let facts = (!rows.is_empty()).then(|| {
                view! {
                    <dl class="tk-facts">
                        {rows.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                    </dl>
                }
            });
            let email = twente_kaart_core::card::email(&item).map(str::to_string);
            // In kiosk mode a link is a QR code: the visitor opens it on their own phone, the kiosk stays put.
            let link_text = if item.category == Category::Agenda {
                t.register
            } else {
                t.more_info
            };
            let (link, contact) = if state.kiosk {
                let target = item
                    .safe_link()
                    .map(str::to_string)
                    .or_else(|| email.as_ref().map(|e| format!("mailto:{e}")));
                (
                    target.map(|href| view! { <QrCode link=href label=t.kiosk_scan /> }.into_any()),
                    None,
                )
            } else {
                let link = item.safe_link().map(|href| {
                    view! {
                        <a class="tk-link" href=href.to_string() target="_blank" rel="noopener noreferrer">
                            {link_text}
                            <span class="tk-sr">{format!(" ({})", t.new_tab)}</span>
                        </a>
                    }
                    .into_any()
                });
                let contact = email.map(
                    |e| view! { <a class="tk-mail" href=format!("mailto:{e}")>{e.clone()}</a> },
                );
                (link, contact)
            };
            // An event goes into the visitor's own calendar app (not on a kiosk: it is not the visitor's device).
            let calendar = (!state.kiosk)
                .then(|| twente_kaart_core::card::calendar_file(&item))
                .flatten()
                .map(|href| {
                    view! {
                        <a class="tk-calendar" href=href type="text/calendar">
                            {t.add_to_calendar}
                        </a>
                    }
                });
            let story = (item.category == Category::Verhaal).then(
                || view! { <StoryCard item=item.clone() without_name=true without_link=true /> },
            );
            // "Where shall we live?": a practice with a place on the map opens the household planner.
            let plan = (item.category == Category::Praktijk && item.point.is_some()).then(|| {
                let id = item.id.clone();
                view! {
                    <button type="button" class="tk-button tk-plan-start" on:click=move |_| {
                        state.open_plan(&id);
                        crate::reveal::focus("#tk-plan-title");
                    }>
                        {t.plan_start}
                    </button>
                }
            });
            view! {
                {story}
                {(!description.is_empty()).then(|| view! { <p class="tk-item-desc">{description}</p> })}
                {facts}
                <p class="tk-item-links">{link} {calendar} {contact}</p>
                {plan}
                {children.map(|c| c())}
            }
        }
    };
    // Once built, a body stays (it only ever goes from not built to built), so its one-off children are used once.
    let prerendered = cfg!(feature = "ssr") && use_context::<BodiesApart>().is_none();
    let built = RwSignal::new(prerendered || untrack(&opened));
    let build = move || {
        if !built.get_untracked() {
            built.set(true);
        }
    };
    let body = move || built.get().then(&body);
    view! {
        <article
            class=format!("tk-item tk-cat-{}", item.category.as_str())
            // Highlighted later (a marker or "show on map" chose it), it opens: its body is built in the same
            // update, not a task later by the toggle event. (Here, not in an effect of its own: a card's own
            // `Effect` stayed in the reactive graph after the card was gone, 12 pages of wasm in 200 rounds.)
            class:is-highlighted=move || {
                let on = highlighted();
                if on {
                    build();
                }
                on
            }
            data-item=item.id.clone()
        >
            // The highlighted item (chosen on the map, in the list or by a deep link) opens by itself.
            <details prop:open=opened on:toggle=move |_| build()>
                <summary class="tk-item-head" on:click=move |_| build()>
                    {title}
                    <span class="tk-item-meta">
                        {meta}
                        {item.training.then(|| view! { <span class="tk-badge">{t.training}</span> })}
                    </span>
                    {key.map(|k| view! { <span class="tk-item-key">{k}</span> })}
                </summary>
                <div class="tk-item-body">{body}</div>
            </details>
        </article>
    }
}
