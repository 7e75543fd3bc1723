//! The editor's two browser facts: a file from the published site, and today's date.
//!
//! Staff open the editor on a working connection and can retry by hand, so one request without the widget's
//! retries and timeout is enough.

use gloo_net::http::Request;
use twente_kaart_core::date::Date;
use twente_kaart_core::i18n::fill;

use crate::strings::NL;

/// Why a file could not be fetched.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("{file}: no connection")]
    Network { file: String },
    #[error("{file}: HTTP {status}")]
    Http { file: String, status: u16 },
}

impl FetchError {
    /// What the staff member reads (Dutch, with the file's name).
    pub fn message(&self) -> String {
        match self {
            FetchError::Network { file } => fill(NL.fetch_network, &[("file", file)]),
            FetchError::Http { file, status } => fill(
                NL.fetch_http,
                &[("file", file), ("status", &status.to_string())],
            ),
        }
    }
}

/// Fetches `base` + `file` once.
pub async fn fetch_bytes(base: &str, file: &str) -> Result<Vec<u8>, FetchError> {
    let network = || FetchError::Network { file: file.into() };
    let response = Request::get(&format!("{base}{file}"))
        .send()
        .await
        .map_err(|_| network())?;
    if !response.ok() {
        return Err(FetchError::Http {
            file: file.into(),
            status: response.status(),
        });
    }
    response.binary().await.map_err(|_| network())
}

/// Today in the staff member's time zone: the check hides nothing, but warns of expired items.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(
        d.get_full_year() as u16,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}
