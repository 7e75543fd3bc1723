//! Attribution of the boundaries, the data's date, the vacancy feed and the campaign contact.

use crate::state::{AppState, SharedData};
use leptos::prelude::*;
use twente_kaart_core::i18n::{fill, format_date, Strings};

#[component]
pub fn WidgetFooter(data: SharedData) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let updated = data.meta.as_ref().map(|m| m.updated);
    let email = data.meta.as_ref().map(|m| m.contact.email.clone());
    view! {
        <footer class="tk-footer">
            <p>{t.attribution}</p>
            {updated.map(|d| view! { <p>{fill(t.updated, &[("date", &format_date(state.lang.get_untracked(), d))])}</p> })}
            <p>
                <a href="feed.xml" type="application/atom+xml">{t.feed}</a>
                {email.map(|e| view! { " · " <a href=format!("mailto:{e}")>{e.clone()}</a> })}
            </p>
        </footer>
    }
}
