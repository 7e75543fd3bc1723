//! The widget's state: the loaded data (immutable after load) and the signals of what the user chose.

use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use twente_kaart_core::map::MapLayout;
use twente_kaart_core::{Category, Lang, Listing, Meta, Municipality};

/// Everything loaded, laid out once. Shared read-only by the components.
#[derive(Debug, Default)]
pub struct MapData {
    pub meta: Option<Meta>,
    pub municipalities: Vec<Municipality>,
    pub layout: Option<Arc<MapLayout>>,
    pub items: Vec<Listing>,
    /// Items per category and municipality code, over all items (layers do not change it).
    pub counts: HashMap<String, twente_kaart_core::listing::PerCategory<usize>>,
    /// How many items were left out because of errors.
    pub skipped: usize,
    /// Per item, its titles, descriptions, town, quote and teller in lower case: built once, so a search keystroke does not
    /// lowercase 20,000 items again.
    pub haystack: Vec<String>,
    /// Per municipality code, its items' indices in data order: a click looks at its 60 items, not 20,000.
    pub by_municipality: HashMap<String, Vec<usize>>,
    /// The map's shading classes, from the open practices per municipality.
    pub shades: twente_kaart_core::summary::ShadeScale,
}

impl MapData {
    pub fn name_of(&self, code: &str) -> Option<&str> {
        self.municipalities
            .iter()
            .find(|m| m.code == code)
            .map(|m| m.name.as_str())
    }

    pub fn counts_of(&self, code: &str) -> twente_kaart_core::listing::PerCategory<usize> {
        self.counts.get(code).copied().unwrap_or_default()
    }

    /// The indices of a municipality's items, in data order.
    pub fn items_of(&self, code: &str) -> &[usize] {
        self.by_municipality
            .get(code)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    pub fn item(&self, id: &str) -> Option<&Listing> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// The region's hospitals and GP posts, as context for the cards (each practice names its nearest post).
#[derive(Clone, Default)]
pub struct CareSites(pub Arc<Vec<twente_kaart_core::care::CareSite>>);

impl CareSites {
    pub fn of(data: &MapData) -> CareSites {
        CareSites(Arc::new(
            data.meta
                .as_ref()
                .map(|m| m.care.clone())
                .unwrap_or_default(),
        ))
    }
}

/// What the user chose. Provided as context; `Copy`, so components take it by value.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// The selected municipality's code (panel open; list filtered).
    pub selected: RwSignal<Option<String>>,
    /// The item chosen in the list or on the map, highlighted on the map.
    pub item: RwSignal<Option<String>>,
    /// Ids of a cluster of markers whose list is open.
    pub cluster: RwSignal<Option<Vec<String>>>,
    /// Which layers show.
    pub layers: RwSignal<twente_kaart_core::listing::PerCategory<bool>>,
    pub search: RwSignal<String>,
    pub category: RwSignal<Option<Category>>,
    /// The municipality under the pointer or keyboard focus (for the info line).
    pub hovered: RwSignal<Option<String>>,
    /// The municipality with keyboard focus (drawn with a focus outline above its neighbours).
    pub focused: RwSignal<Option<String>>,
    /// The polite live region's text.
    pub announcement: RwSignal<String>,
    /// Map width in CSS pixels (for marker sizes and clustering).
    pub map_width: RwSignal<f64>,
    /// Kiosk mode (congress stand): QR codes instead of links, idle reset, attract loop.
    pub kiosk: bool,
    /// The partner page that embeds the widget (`?host=`), for share links that open there.
    pub host_url: StoredValue<Option<String>>,
    /// The data folder (`data/` or `?data=`): the stories' photos are files in it.
    pub data_base: StoredValue<String>,
    /// Kiosk: the attract loop's slide (a municipality or a story), while it runs.
    pub attract: RwSignal<Option<twente_kaart_core::attract::Slide>>,
    /// Kiosk: whether the side column shows the list (else the municipality's panel or the overview).
    pub list_open: RwSignal<bool>,
    /// Kiosk: seconds left in the "are you still looking?" countdown, while it shows.
    pub countdown: RwSignal<Option<u32>>,
    /// The planner: the practice the visitor would work at (`?werk=`), while a plan is open.
    pub plan_work: RwSignal<Option<String>>,
    /// The planner: the partner's workplace as in the link (`?partner=`, an employer's id or `lon,lat`).
    pub plan_partner: RwSignal<Option<String>>,
    /// The planner: the next tap on the map chooses the partner's workplace.
    pub plan_picking: RwSignal<bool>,
    pub plan_filters: RwSignal<twente_kaart_core::plan::PlanFilters>,
    /// Whether the hospitals and GP posts show on the map (always in a plan).
    pub care_layer: RwSignal<bool>,
}

impl AppState {
    pub fn new(config: &crate::config::Config) -> AppState {
        AppState {
            lang: RwSignal::new(config.lang),
            selected: RwSignal::new(config.gemeente.clone()),
            item: RwSignal::new(config.item.clone()),
            cluster: RwSignal::new(None),
            layers: RwSignal::new(config.layers),
            search: RwSignal::new(config.search.clone()),
            category: RwSignal::new(config.category),
            hovered: RwSignal::new(None),
            focused: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            map_width: RwSignal::new(600.0),
            kiosk: config.kiosk,
            host_url: StoredValue::new(config.host_url.clone()),
            data_base: StoredValue::new(config.data_base.clone()),
            attract: RwSignal::new(None),
            list_open: RwSignal::new(false),
            countdown: RwSignal::new(None),
            plan_work: RwSignal::new(config.werk.clone()),
            plan_partner: RwSignal::new(config.partner.clone()),
            plan_picking: RwSignal::new(false),
            plan_filters: RwSignal::new(Default::default()),
            care_layer: RwSignal::new(false),
        }
    }

    /// Provides this state and its `Highlights` as context to the components below (call inside the view's owner).
    pub fn provide(self) {
        provide_context(self);
        provide_context(Highlights::new(self));
    }

    /// Back to the overview: no selection, no filters, no search (kiosk idle reset).
    pub fn reset(&self) {
        self.selected.set(None);
        self.item.set(None);
        self.cluster.set(None);
        self.search.set(String::new());
        self.category.set(None);
        self.layers.set(twente_kaart_core::listing::all_layers());
        self.list_open.set(false);
        self.close_plan();
    }

    /// Opens the planner from the practice `id` (the partner's workplace still to choose).
    pub fn open_plan(&self, id: &str) {
        self.cluster.set(None);
        self.plan_partner.set(None);
        self.plan_picking.set(false);
        self.plan_work.set(Some(id.to_string()));
        self.list_open.set(false);
    }

    pub fn close_plan(&self) {
        self.plan_picking.set(false);
        self.plan_partner.set(None);
        self.plan_work.set(None);
        self.plan_filters.set(Default::default());
    }

    /// Clears the highlighted item and the open marker group, notifying only when something was set: every
    /// marker and card listens to these, so a needless notification costs a frame at national scale.
    pub fn clear_item_and_cluster(&self) {
        if self.item.with_untracked(Option::is_some) {
            self.item.set(None);
        }
        if self.cluster.with_untracked(Option::is_some) {
            self.cluster.set(None);
        }
    }

    pub fn layer_on(&self, c: Category) -> bool {
        self.layers.get()[c]
    }
}

/// Which municipality and which item are highlighted, as selectors: a change notifies only the shapes, cards
/// and markers whose state changed, not every one of them (thousands at national scale; with a plain signal
/// each click re-ran them all and unsubscribing a closed panel's cards cost milliseconds). Provided as context.
#[derive(Clone)]
pub struct Highlights {
    pub municipality: Selector<Option<String>>,
    pub item: Selector<Option<String>>,
}

impl Highlights {
    pub fn new(state: AppState) -> Highlights {
        Highlights {
            municipality: Selector::new(move || state.selected.get()),
            item: Selector::new(move || state.item.get()),
        }
    }

    /// Reactive: whether the item `id` is the highlighted one.
    pub fn item_is(&self, id: &str) -> impl Fn() -> bool + Clone + Send + Sync + 'static {
        let (selector, key) = (self.item.clone(), Some(id.to_string()));
        move || selector.selected(&key)
    }

    /// Reactive: whether the municipality `code` is the selected one.
    pub fn municipality_is(&self, code: &str) -> impl Fn() -> bool + Clone + Send + Sync + 'static {
        let (selector, key) = (self.municipality.clone(), Some(code.to_string()));
        move || selector.selected(&key)
    }
}

/// The present: the date in the visitor's time zone (for expired items) and the instant (for past events).
pub fn now() -> twente_kaart_core::date::Now {
    let d = js_sys::Date::new_0();
    let today = twente_kaart_core::date::Date::new(
        d.get_full_year() as u16,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or(twente_kaart_core::date::Date {
        year: 2026,
        month: 1,
        day: 1,
    });
    twente_kaart_core::date::Now {
        today,
        utc_seconds: (d.get_time() / 1000.0) as i64,
    }
}
