//! Translated errors that say which file and what went wrong, with a "try again" button, and the count of
//! items that could not be shown.

use crate::load::LoadError;
use crate::state::AppState;
use leptos::prelude::*;
use twente_kaart_core::i18n::{fill, Strings};

/// The reason, in the user's language (names and values as written in the file).
pub fn describe(e: &LoadError, t: &Strings) -> String {
    match e {
        LoadError::Http { status, .. } => fill(t.err_http, &[("status", &status.to_string())]),
        LoadError::Timeout { .. } => t.err_timeout.to_string(),
        LoadError::Network { .. } => t.err_network.to_string(),
        LoadError::Data(d) => t.data_error(d),
    }
}

#[component]
pub fn ErrorBanner(errors: Vec<LoadError>, skipped: usize, retry: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    for e in &errors {
        crate::panic::warn(&e.to_string());
    }
    let has_errors = !errors.is_empty();
    let messages = errors
        .into_iter()
        .map(|e| {
            let file = e.file().to_string();
            view! {
                <p class="tk-error-line">
                    <strong>{fill(t.load_failed, &[("file", &file)])}</strong>
                    {format!(": {}", describe(&e, t))}
                </p>
            }
        })
        .collect_view();
    view! {
        {has_errors.then(|| view! {
            <div class="tk-error" role="alert">
                {messages}
                <button type="button" class="tk-button" on:click=move |_| retry.run(())>{t.retry}</button>
            </div>
        })}
        {(skipped > 0).then(|| view! {
            <p class="tk-skipped" role="status">{t.plural(skipped, t.skipped_one, t.skipped_other)}</p>
        })}
    }
}
