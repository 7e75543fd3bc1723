//! Attribution of the boundaries, the data's date, the vacancy feed, the events calendar and the campaign
//! contact.

use crate::components::qr_code::QrCode;
use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::{fill, format_date, Strings};

#[component]
pub fn WidgetFooter(data: Arc<MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let updated = data.meta.as_ref().map(|m| m.updated);
    let email = data.meta.as_ref().map(|m| m.contact.email.clone());
    if state.kiosk {
        return view! { <KioskFooter data=data /> }.into_any();
    }
    view! {
        <footer class="tk-footer">
            <p>{t.attribution}</p>
            {updated.map(|d| view! { <p>{fill(t.updated, &[("date", &format_date(state.lang.get_untracked(), d))])}</p> })}
            <p>
                <a href="feed.xml" type="application/atom+xml">{t.feed}</a>
                " · "
                <a href="agenda.ics" type="text/calendar">{t.calendar_feed}</a>
                {email.map(|e| view! { " · " <a href=format!("mailto:{e}")>{e.clone()}</a> })}
            </p>
        </footer>
    }
    .into_any()
}

/// Kiosk: the stand's line, the contact as a QR code, and how fresh the data is.
#[component]
fn KioskFooter(data: Arc<MapData>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let t = Strings::get(lang);
    let meta = data.meta.clone();
    let stand = meta
        .as_ref()
        .and_then(|m| m.stand_text.as_ref())
        .map(|s| s.get(lang).to_string());
    let email = meta.as_ref().map(|m| m.contact.email.clone());
    let date = meta
        .as_ref()
        .map(|m| format_date(lang, m.updated))
        .unwrap_or_default();
    // Rendered at build time too (the kiosk page's first paint), where there is no browser: online.
    let online = !cfg!(target_arch = "wasm32") || window().navigator().on_line();
    let status = if online {
        fill(t.kiosk_refreshed, &[("date", &date)])
    } else {
        fill(t.kiosk_offline, &[("date", &date)])
    };
    view! {
        <footer class="tk-footer tk-kiosk-footer">
            <div class="tk-stand">
                {stand.map(|s| view! { <p class="tk-stand-text">{s}</p> })}
                {email.map(|e| view! { <QrCode link=format!("mailto:{e}") label=t.kiosk_scan /> })}
            </div>
            <p class="tk-data-status" role="status">{status}</p>
            <p>{t.attribution}</p>
        </footer>
    }
}
