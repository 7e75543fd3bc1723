//! Loading the two data files: bounded time per request, a few retries with backoff, then a clear error.
//! What loaded is kept: a broken listings file still leaves the map, and the other way round.

use crate::state::MapData;
use gloo_net::http::Request;
use leptos::prelude::{RwSignal, Set};
use std::sync::Arc;
use twente_kaart_core::dataset::parse_listings;
use twente_kaart_core::map::MapLayout;
use twente_kaart_core::municipality::{parse_municipalities, MunicipalityFile};
use twente_kaart_core::summary::counts_by_municipality;
use twente_kaart_core::{DataError, ParsedListings};

pub use twente_kaart_core::dataset::FILE as LISTINGS_FILE;
pub use twente_kaart_core::municipality::FILE as MUNICIPALITIES_FILE;

/// One request may take this long before it is aborted.
pub const TIMEOUT_MS: u32 = 8_000;
/// Waits before the 2nd and 3rd try; then the user gets a "try again" button. No loop is unbounded.
pub const BACKOFF_MS: [u32; 2] = [500, 1_500];

/// Why a file could not be used.
/// The English text is for the console; the UI translates each variant (see `components::error_banner`).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: HTTP {status}")]
    Http { file: String, status: u16 },
    #[error("{file}: timed out")]
    Timeout { file: String },
    #[error("{file}: network error")]
    Network { file: String },
    #[error("{0}")]
    Data(DataError),
}

impl LoadError {
    pub fn file(&self) -> &str {
        match self {
            LoadError::Http { file, .. }
            | LoadError::Timeout { file }
            | LoadError::Network { file } => file,
            LoadError::Data(e) => e.file(),
        }
    }

    fn retryable(&self) -> bool {
        match self {
            LoadError::Http { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            LoadError::Timeout { .. } | LoadError::Network { .. } => true,
            LoadError::Data(_) => false,
        }
    }
}

/// The outcome of a load: the data that could be used, and the errors of what could not.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub data: Arc<MapData>,
    pub errors: Vec<LoadError>,
}

async fn fetch_once(url: &str, file: &str) -> Result<Vec<u8>, LoadError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller
        .clone()
        .map(|c| gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || c.abort()));
    let result = async {
        let response = Request::get(url).abort_signal(signal.as_ref()).send().await;
        let response = response.map_err(|_| LoadError::Network { file: file.into() })?;
        if !response.ok() {
            return Err(LoadError::Http {
                file: file.into(),
                status: response.status(),
            });
        }
        response
            .binary()
            .await
            .map_err(|_| LoadError::Network { file: file.into() })
    }
    .await;
    let aborted = signal.as_ref().is_some_and(|s| s.aborted());
    drop(timer);
    match result {
        Err(_) if aborted => Err(LoadError::Timeout { file: file.into() }),
        other => other,
    }
}

/// Fetches with retries for transient failures (timeouts, network errors, 5xx).
pub async fn fetch_bytes(base: &str, file: &str) -> Result<Vec<u8>, LoadError> {
    let url = format!("{base}{file}");
    if let Some(bytes) = preloaded(&url).await {
        return Ok(bytes);
    }
    let mut attempt = 0;
    loop {
        match fetch_once(&url, file).await {
            Err(e) if e.retryable() && attempt < BACKOFF_MS.len() => {
                gloo_timers::future::TimeoutFuture::new(BACKOFF_MS[attempt]).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// From the early script (`src/early.js`): the bytes of the page's preload of `url` (an `ArrayBuffer`), taken
    /// once, or `null` when it was not preloaded, failed, was not OK or took longer than `timeout_ms`. Missing
    /// (a page without the early script): an error, and the widget simply asks the server.
    #[wasm_bindgen(catch, js_name = __tkTakePreloaded)]
    fn take_preloaded(url: &str, timeout_ms: u32)
        -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

/// The preloaded bytes of `url`, if the early script has them; `None` leaves it to the normal request, with its
/// retries and its error.
async fn preloaded(url: &str) -> Option<Vec<u8>> {
    use wasm_bindgen::JsCast;
    let bytes = wasm_bindgen_futures::JsFuture::from(take_preloaded(url, TIMEOUT_MS).ok()?)
        .await
        .ok()?;
    bytes
        .dyn_ref::<js_sys::ArrayBuffer>()
        .map(|b| js_sys::Uint8Array::new(b).to_vec())
}

/// How long the listings may lag behind the boundaries before the map is shown without them.
const EARLY_MAP_GRACE_MS: u32 = 200;

/// Loads and checks both files. Never fails as a whole: errors are returned beside what did load.
///
/// With `early`, the map is published there as soon as the boundaries are in, while the listings are still
/// on their way (national data: a map in a second or two instead of after 9 MB of listings).
pub async fn load_all(base: String, early: Option<RwSignal<Option<Loaded>>>) -> Loaded {
    use futures::future::{select, Either};
    let geo = std::pin::pin!(fetch_bytes(&base, MUNICIPALITIES_FILE));
    let listings = std::pin::pin!(fetch_bytes(&base, LISTINGS_FILE));
    match select(geo, listings).await {
        Either::Left((geo, mut listings)) => {
            let map = parse_map(geo);
            if let (Some(early), Ok(parsed)) = (early, &map) {
                // Listings close behind (a normal-sized file) need no intermediate map: no flash.
                let grace = gloo_timers::future::TimeoutFuture::new(EARLY_MAP_GRACE_MS);
                match select(listings.as_mut(), grace).await {
                    Either::Left((listings, _)) => {
                        return assemble_parsed(map, listings, crate::state::now())
                    }
                    Either::Right(_) => {
                        early.try_set(Some(map_only(parsed)));
                    }
                }
            }
            assemble_parsed(map, listings.await, crate::state::now())
        }
        Either::Right((listings, geo)) => assemble(geo.await, listings, crate::state::now()),
    }
}

/// The parsed boundaries and their layout (`None` when there are no municipalities to draw).
type ParsedMap = (Vec<twente_kaart_core::Municipality>, Option<Arc<MapLayout>>);

fn parse_map(geo: Result<Vec<u8>, LoadError>) -> Result<ParsedMap, LoadError> {
    let file: MunicipalityFile =
        geo.and_then(|b| parse_municipalities(MUNICIPALITIES_FILE, &b).map_err(LoadError::Data))?;
    let layout = (!file.municipalities.is_empty())
        .then(|| Arc::new(MapLayout::new(&file.municipalities, &file.context)));
    Ok((file.municipalities, layout))
}

/// The map alone, while the listings load.
fn map_only((municipalities, layout): &ParsedMap) -> Loaded {
    Loaded {
        data: Arc::new(MapData {
            municipalities: municipalities.clone(),
            layout: layout.clone(),
            ..MapData::default()
        }),
        errors: Vec::new(),
    }
}

/// Parses, checks and lays out what was fetched (also used by the browser tests with in-memory files).
pub fn assemble(
    geo: Result<Vec<u8>, LoadError>,
    listings: Result<Vec<u8>, LoadError>,
    now: twente_kaart_core::date::Now,
) -> Loaded {
    assemble_parsed(parse_map(geo), listings, now)
}

fn assemble_parsed(
    map: Result<ParsedMap, LoadError>,
    listings: Result<Vec<u8>, LoadError>,
    now: twente_kaart_core::date::Now,
) -> Loaded {
    let mut errors = Vec::new();
    let (municipalities, layout, map_ok) = match map {
        Ok((m, l)) => (m, l, true),
        Err(e) => {
            errors.push(e);
            (Vec::new(), None, false)
        }
    };
    // Without boundaries the listings are still shown, their municipality codes unchecked.
    let known = map_ok.then_some(municipalities.as_slice());
    let parsed: Option<ParsedListings> = match listings.and_then(|b| {
        let cx = twente_kaart_core::validate::Context {
            map: known,
            now: Some(now),
            file_size: None,
        };
        parse_listings(LISTINGS_FILE, &b, cx).map_err(LoadError::Data)
    }) {
        Ok(p) => Some(p),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    if let Some(p) = &parsed {
        for problem in p.errors() {
            crate::panic::warn(&format!("item skipped: {problem}"));
        }
    }
    let (meta, items, skipped) = match parsed {
        Some(p) => {
            let skipped = p.skipped();
            (Some(p.meta), p.items, skipped)
        }
        None => (None, Vec::new(), 0),
    };
    let counts = counts_by_municipality(&items);
    let mut by_municipality: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (n, item) in items.iter().enumerate() {
        by_municipality
            .entry(item.municipality.clone())
            .or_default()
            .push(n);
    }
    let haystack = items
        .iter()
        .map(|i| {
            let texts = [&i.title, &i.description, &i.quote];
            let parts: Vec<&str> = texts
                .into_iter()
                .flatten()
                .flat_map(|t| t.variants())
                .chain([i.town()])
                .chain(i.person.iter().map(|p| p.name.as_str()))
                .chain(i.person.iter().flat_map(|p| p.role.variants()))
                .collect();
            parts.join("\n").to_lowercase()
        })
        .collect();
    let shades = twente_kaart_core::summary::ShadeScale::for_counts(
        counts
            .values()
            .map(|c| c[twente_kaart_core::Category::Praktijk]),
    );
    Loaded {
        data: Arc::new(MapData {
            meta,
            municipalities,
            layout,
            items,
            counts,
            skipped,
            haystack,
            by_municipality,
            shades,
        }),
        errors,
    }
}
