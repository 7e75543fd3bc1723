//! A link as a QR code with a short readable address under it (kiosk mode: visitors scan it with their own
//! phone; the kiosk itself never navigates away).

use leptos::prelude::*;
use twente_kaart_core::qr::{qr_path, short_url};

#[component]
pub fn QrCode(
    /// The link to encode (already checked to be a safe scheme).
    link: String,
    /// Accessible description, e.g. "Scan met je telefoon".
    label: &'static str,
) -> impl IntoView {
    let short = short_url(&link);
    qr_path(&link).map(|qr| {
        let (view_box, side) = (qr.view_box(), (qr.size + 8).to_string());
        view! {
            <figure class="tk-qr" data-link=link.clone()>
                <svg class="tk-qr-code" viewBox=view_box role="img" aria-label=format!("{label}: {short}")>
                    <rect x="-4" y="-4" width=side.clone() height=side class="tk-qr-bg"></rect>
                    <path d=qr.path class="tk-qr-dark"></path>
                </svg>
                <figcaption>{short.clone()}</figcaption>
            </figure>
        }
    })
}
