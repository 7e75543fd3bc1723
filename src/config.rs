//! The widget's options, from the URL query (a plain iframe) or passed through by `embed.js` from the
//! partner's `data-*` attributes. Unknown or invalid values are ignored with a console warning.

use twente_kaart_core::{Category, Lang};

/// Everything a partner or a kiosk can configure.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub lang: Lang,
    /// Whether `lang` was chosen explicitly (URL or embed), rather than from the browser.
    pub lang_fixed: bool,
    pub gemeente: Option<String>,
    pub item: Option<String>,
    /// The planner's practice (`?werk=<item id>`) and the partner's workplace (`?partner=<id>|<lon>,<lat>`),
    /// as given: the plan panel checks them against the data and explains what is wrong.
    pub werk: Option<String>,
    pub partner: Option<String>,
    pub layers: twente_kaart_core::listing::PerCategory<bool>,
    pub accent: Option<String>,
    pub compact: bool,
    pub kiosk: bool,
    pub idle_seconds: u32,
    pub search: String,
    pub category: Option<Category>,
    /// Base folder of the data files (same origin only), default `data/`.
    pub data_base: String,
    /// The host page's URL, when the partner allows sharing it (`data-share`).
    pub host_url: Option<String>,
    /// `?panic-test=1`: panics once the map is drawn, so the end-to-end tests can check that a panic shows
    /// the "something went wrong" message. Harmless: it only breaks the visitor's own view of the widget.
    pub panic_test: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: Lang::Nl,
            lang_fixed: false,
            gemeente: None,
            item: None,
            werk: None,
            partner: None,
            layers: twente_kaart_core::listing::all_layers(),
            accent: None,
            compact: false,
            kiosk: false,
            idle_seconds: 60,
            search: String::new(),
            category: None,
            data_base: DEFAULT_DATA_BASE.into(),
            host_url: None,
            panic_test: false,
        }
    }
}

fn warn(msg: String) {
    web_sys::console::warn_1(&format!("twente-kaart: {msg}").into());
}

/// A CSS colour we accept as accent: `#rgb`, `#rrggbb`, or a short name of letters. Anything else (e.g. a
/// `url(...)` or `expression(...)`) is refused.
pub fn valid_colour(s: &str) -> bool {
    let hex = s.strip_prefix('#').is_some_and(|h| {
        (h.len() == 3 || h.len() == 6) && h.bytes().all(|b| b.is_ascii_hexdigit())
    });
    hex || (s.len() <= 20 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Where the widget's own data lives (the data the page was prerendered from).
pub const DEFAULT_DATA_BASE: &str = "data/";

/// A data folder must be a relative path on the widget's own origin.
pub fn valid_data_base(s: &str) -> bool {
    !s.is_empty()
        && !s.contains("//")
        && !s.contains(':')
        && !s.contains("..")
        && !s.starts_with('/')
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_/.".contains(&b))
}

impl Config {
    /// Parses a query string such as `?lang=en&gemeente=GM0153`.
    pub fn from_query(query: &str, browser_lang: Option<String>) -> Config {
        let mut c = Config::default();
        if let Some(l) = browser_lang.as_deref().and_then(Lang::parse) {
            c.lang = l;
        }
        let params = web_sys::UrlSearchParams::new_with_str(query).ok();
        let get = |k: &str| {
            params
                .as_ref()
                .and_then(|p| p.get(k))
                .filter(|v| !v.is_empty())
        };
        if let Some(v) = get("lang") {
            match Lang::parse(&v) {
                Some(l) => {
                    c.lang = l;
                    c.lang_fixed = true;
                }
                None => warn(format!("ignoring lang={v}: use nl, en or de")),
            }
        }
        if let Some(v) = get("gemeente") {
            if twente_kaart_core::municipality::is_municipality_code(&v) {
                c.gemeente = Some(v);
            } else {
                warn(format!(
                    "ignoring gemeente={v}: expected a code like GM0153"
                ));
            }
        }
        c.item = get("item").filter(|v| v.len() <= 64);
        c.werk = get("werk").map(|v| v.chars().take(64).collect());
        c.partner = get("partner")
            .filter(|_| c.werk.is_some())
            .map(|v| v.chars().take(64).collect());
        if let Some(v) = get("layers") {
            let mut layers = twente_kaart_core::listing::PerCategory::<bool>::default();
            for part in v.split(',') {
                match Category::parse(part.trim()) {
                    Some(cat) => layers[cat] = true,
                    None => warn(format!(
                        "ignoring layer `{part}`: use praktijk, wonen, partnerwerk"
                    )),
                }
            }
            if layers.values().any(|l| *l) {
                c.layers = layers;
            }
        }
        if let Some(v) = get("accent") {
            if valid_colour(&v) {
                c.accent = Some(v);
            } else {
                warn(format!("ignoring accent={v}: use a colour such as #0b6e4f"));
            }
        }
        c.compact = matches!(get("compact").as_deref(), Some("1" | "true"));
        c.kiosk = matches!(get("kiosk").as_deref(), Some("1" | "true"));
        if let Some(v) = get("idle") {
            match v.parse::<u32>() {
                Ok(s) if (5..=3600).contains(&s) => c.idle_seconds = s,
                _ => warn(format!("ignoring idle={v}: use seconds between 5 and 3600")),
            }
        }
        c.search = get("q")
            .map(|q| q.chars().take(100).collect())
            .unwrap_or_default();
        if let Some(v) = get("categorie") {
            c.category = Category::parse(&v);
        }
        if let Some(v) = get("data") {
            if valid_data_base(&v) {
                c.data_base = if v.ends_with('/') { v } else { format!("{v}/") };
            } else {
                warn(format!(
                    "ignoring data={v}: only a relative folder on this site is allowed"
                ));
            }
        }
        c.panic_test = get("panic-test").as_deref() == Some("1");
        c.host_url = get("host").filter(|h| h.starts_with("https://") || h.starts_with("http://"));
        c
    }

    /// The configuration of the current page.
    pub fn from_location() -> Config {
        let Some(window) = web_sys::window() else {
            return Config::default();
        };
        let query = window.location().search().unwrap_or_default();
        let mut config = Config::from_query(&query, window.navigator().language());
        // kiosk.html is the same page with `<html data-kiosk="1">`.
        let kiosk_page = window
            .document()
            .and_then(|d| d.document_element())
            .is_some_and(|e| e.get_attribute("data-kiosk").as_deref() == Some("1"));
        config.kiosk |= kiosk_page;
        config
    }
}
