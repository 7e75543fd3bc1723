//! A GP's story: the photo, the quote in their own words, who they are, and a link to the whole story. In a
//! municipality's panel and the list, and large on the kiosk's attract loop. All data is inserted as text; the
//! photo is a file of the data folder (the validator refuses web addresses), sized so nothing shifts.

use crate::components::qr_code::QrCode;
use crate::state::AppState;
use leptos::prelude::*;
use twente_kaart_core::i18n::Strings;
use twente_kaart_core::Listing;

#[component]
pub fn StoryCard(
    item: Listing,
    /// Whether the teller's name is shown under the quote (not when a card's heading already says it).
    #[prop(optional)]
    without_name: bool,
    /// Whether the link to the whole story is left out (the kiosk's slide: nobody can scan a moving slide).
    #[prop(optional)]
    without_link: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let t = Strings::get(lang);
    let base = state.data_base.get_value();
    // A picture that does not load (a file the tools would have refused) is left out, not shown broken.
    let broken = RwSignal::new(false);
    let item_has_photo = item.photo.is_some();
    let has_photo = move || item_has_photo && !broken.get();
    let photo = item.photo.as_ref().map(|p| {
        view! {
            <img
                hidden=move || broken.get()
                on:error=move |_| broken.set(true)
                class="tk-story-photo"
                src=format!("{base}{}", p.src)
                alt=p.alt.get(lang).to_string()
                width=p.width.to_string()
                height=p.height.to_string()
                loading="lazy"
                decoding="async"
            />
        }
    });
    let quote = item
        .quote
        .as_ref()
        .map(|q| q.get(lang).to_string())
        .unwrap_or_default();
    let (name, role) = item
        .person
        .as_ref()
        .map(|p| (p.name.clone(), p.role.get(lang).to_string()))
        .unwrap_or_default();
    let caption = if without_name {
        view! { <figcaption class="tk-story-by">{role}</figcaption> }.into_any()
    } else {
        view! {
            <figcaption class="tk-story-by">
                <span class="tk-story-name">{name}</span>
                {format!(", {role}")}
            </figcaption>
        }
        .into_any()
    };
    let link = (!without_link)
        .then(|| item.safe_link().map(str::to_string))
        .flatten()
        .map(|href| {
            if state.kiosk {
                view! { <QrCode link=href label=t.kiosk_scan /> }.into_any()
            } else {
                view! {
                    <a class="tk-link" href=href target="_blank" rel="noopener noreferrer">
                        {t.read_story}
                        <span class="tk-sr">{format!(" ({})", t.new_tab)}</span>
                    </a>
                }
                .into_any()
            }
        });
    view! {
        <figure class="tk-story" class:has-photo=has_photo data-item=item.id.clone()>
            {photo}
            <blockquote class="tk-story-quote">
                <p><q>{quote}</q></p>
            </blockquote>
            {caption}
            {link.map(|l| view! { <p class="tk-item-links">{l}</p> })}
        </figure>
    }
}
