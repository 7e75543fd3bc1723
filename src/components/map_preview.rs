//! The map alone, shown while a large listings file is still on its way: the municipalities can be seen and
//! chosen (the choice opens its panel once the listings are in), and the side column says what is loading.

use crate::components::{legend::Legend, region_map::RegionMap};
use crate::state::{AppState, MapData};
use leptos::prelude::*;
use std::sync::Arc;
use twente_kaart_core::i18n::Strings;

#[component]
pub fn MapPreview(data: Arc<MapData>, compact: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = Strings::get(state.lang.get_untracked());
    let shades = data.shades;
    view! {
        <div class="tk tk-preview" class:tk-compact=compact class:tk-kiosk=state.kiosk lang=state.lang.get_untracked().code()>
            <div class="tk-body">
                <section class="tk-mapcol">
                    <RegionMap data=data />
                </section>
                <aside class="tk-side">
                    <p class="tk-loading" role="status">{t.loading_listings}</p>
                </aside>
                <div class="tk-mapctl">
                    <Legend scale=shades />
                </div>
            </div>
        </div>
    }
}
