//! One item: title, kind and town, description, key facts and a link out. All data is inserted as text.

use crate::components::qr_code::QrCode;
use crate::state::AppState;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use twente_kaart_core::i18n::{format_date, format_euros, Strings};
use twente_kaart_core::listing::PricePeriod;
use twente_kaart_core::{Category, Listing};

#[component]
pub fn ItemCard(
    item: Listing,
    /// Heading level of the title (3 in the list, 4 under a category heading in a panel).
    heading: u8,
    /// Extra controls after the facts (e.g. "show on map" in the list).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let lang = state.lang.get_untracked();
    let highlighted = {
        let id = item.id.clone();
        move || state.item.with(|i| i.as_deref() == Some(id.as_str()))
    };
    let title = {
        let item = item.clone();
        move || item.title.get(lang).to_string()
    };
    let title = match heading {
        3 => EitherOf3::A(view! { <h3 class="tk-item-title">{title}</h3> }),
        4 => EitherOf3::B(view! { <h4 class="tk-item-title">{title}</h4> }),
        _ => EitherOf3::C(view! { <h5 class="tk-item-title">{title}</h5> }),
    };
    let meta = {
        let item = item.clone();
        format!("{} · {}", t.kind(item.kind), item.town)
    };
    let description = {
        let item = item.clone();
        move || item.description.get(lang).to_string()
    };
    let facts = {
        let item = item.clone();
        move || facts(&item, state)
    };
    let email = item
        .contact
        .clone()
        .and_then(|c| c.email)
        .filter(|e| twente_kaart_core::validate::is_email(e));
    // In kiosk mode a link is a QR code: the visitor opens it on their own phone, the kiosk stays put.
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
                    {t.more_info}
                    <span class="tk-sr">{format!(" ({})", t.new_tab)}</span>
                </a>
            }
            .into_any()
        });
        let contact =
            email.map(|e| view! { <a class="tk-mail" href=format!("mailto:{e}")>{e.clone()}</a> });
        (link, contact)
    };
    view! {
        <article
            class=format!("tk-item tk-cat-{}", item.category.as_str())
            class:is-highlighted=highlighted
            id=format!("tk-item-{}", item.id)
            data-item=item.id.clone()
        >
            {title}
            <p class="tk-item-meta">
                {meta}
                {item.training.then(|| view! { <span class="tk-badge">{t.training}</span> })}
            </p>
            <p class="tk-item-desc">{description}</p>
            {facts}
            <p class="tk-item-links">{link} {contact}</p>
            {children.map(|c| c())}
        </article>
    }
}

/// The key facts per category, as a description list; nothing when the item has none.
fn facts(item: &Listing, state: AppState) -> Option<impl IntoView> {
    let lang = state.lang.get_untracked();
    let t = Strings::get(lang);
    let mut rows: Vec<(&'static str, String)> = Vec::new();
    match item.category {
        Category::Praktijk => {
            if let Some(start) = item.start {
                rows.push((t.start, format_date(lang, start)));
            }
            if let Some(hours) = &item.hours {
                rows.push((t.hours, hours.get(lang).to_string()));
            }
            if let Some(p) = item.patients {
                rows.push((t.patients, p.to_string()));
            }
        }
        Category::Wonen => {
            if let Some(price) = item.price {
                let mut s = format_euros(lang, price.min);
                if let Some(max) = price.max.filter(|m| *m > price.min) {
                    s = format!("{s} – {}", format_euros(lang, max));
                }
                if price.per == PricePeriod::Maand {
                    s = format!("{s} {}", t.per_month);
                }
                rows.push((t.price, s));
            }
        }
        Category::Partnerwerk => {
            if let Some(sector) = item.sector {
                rows.push((t.sector, t.sector_name(sector).to_string()));
            }
        }
    }
    (!rows.is_empty()).then(|| {
        view! {
            <dl class="tk-facts">
                {rows.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
        }
    })
}
