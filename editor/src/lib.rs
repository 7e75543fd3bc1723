//! The data editor for campaign staff (`editor.html`, its own crate and wasm, depending on the core only): load the published data
//! or a local file, add / edit / delete items in a form that checks each field with the core's own rules,
//! place an item by clicking the map, and download the new `listings.json`. Unsaved work is kept in
//! `localStorage` until the download.
//!
//! Layout: [`model`] is the data and the check (no browser), [`toolbar`], [`item_table`], [`item_form`] and
//! [`point_picker`] are what the user sees, [`storage`], [`download`] and [`fetch`] talk to the browser.

pub mod download;
pub mod fetch;
pub mod item_form;
pub mod item_table;
pub mod model;
pub mod point_picker;
pub mod storage;
pub mod strings;
pub mod toolbar;

use fetch::{fetch_bytes, today};
use leptos::prelude::*;
use model::{EditorFile, ItemForm, SchemaHelp, FILE};
use strings::NL;
use twente_kaart_core::date::Date;
use twente_kaart_core::i18n::fill;
use twente_kaart_core::listing::Listing;
use twente_kaart_core::map::MapLayout;
use twente_kaart_core::municipality::{parse_municipalities, Municipality};
use twente_kaart_core::validate::Problem;

/// The map: the municipalities (for the check and the point picker) and their layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Geo {
    pub municipalities: Vec<Municipality>,
    pub layout: MapLayout,
}

/// Everything the editor starts with.
#[derive(Clone, Debug, PartialEq)]
pub struct EditorData {
    pub geo: Geo,
    pub help: SchemaHelp,
    pub file: EditorFile,
    /// Items of the opened file that could not be read at all (left out).
    pub unreadable: usize,
    /// The file is a draft from `localStorage`, not the published data.
    pub restored: bool,
}

impl EditorData {
    /// Builds the editor's data from the three files (the schema only gives the help texts, so it may be
    /// missing).
    pub fn from_bytes(
        geo: &[u8],
        listings: &[u8],
        schema: Option<&[u8]>,
    ) -> Result<EditorData, String> {
        let map = parse_municipalities(twente_kaart_core::municipality::FILE, geo)
            .map_err(|e| model::file_error(&e))?;
        let layout = MapLayout::new(&map.municipalities, &map.context);
        let opened = EditorFile::parse(listings)?;
        Ok(EditorData {
            geo: Geo {
                municipalities: map.municipalities,
                layout,
            },
            help: schema.map(SchemaHelp::parse).unwrap_or_default(),
            file: opened.file,
            unreadable: opened.unreadable,
            restored: false,
        })
    }
}

/// Where the form's item goes when saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    New,
    Item(usize),
}

/// The editor's state, shared by its components (as context).
#[derive(Clone, Copy)]
pub struct EditorState {
    pub file: RwSignal<EditorFile>,
    pub geo: StoredValue<Geo>,
    pub help: StoredValue<SchemaHelp>,
    /// Changes that are not downloaded yet (and so are in `localStorage`).
    pub dirty: RwSignal<bool>,
    /// The item in the form, if the form is open.
    pub target: RwSignal<Option<Target>>,
    pub form: RwSignal<ItemForm>,
    /// The form as opened, to tell whether it was changed.
    pub original: RwSignal<ItemForm>,
    /// The last message for the live region.
    pub status: RwSignal<String>,
    /// Every problem of the file (for the table's check column).
    pub problems: Memo<Vec<Problem>>,
    pub today: Date,
}

impl EditorState {
    pub fn new(data: EditorData, today: Date) -> EditorState {
        let file = RwSignal::new(data.file);
        let geo = StoredValue::new(data.geo);
        let problems = Memo::new(move |_| {
            file.with(|f| geo.with_value(|g| f.problems(&g.municipalities, today)))
        });
        let mut status = String::new();
        if data.restored {
            status.push_str(NL.restored);
        }
        if data.unreadable > 0 {
            status.push(' ');
            status.push_str(&fill(NL.unreadable, &[("n", &data.unreadable.to_string())]));
        }
        EditorState {
            file,
            geo,
            help: StoredValue::new(data.help),
            dirty: RwSignal::new(data.restored),
            target: RwSignal::new(None),
            form: RwSignal::new(ItemForm::default()),
            original: RwSignal::new(ItemForm::default()),
            status: RwSignal::new(status.trim().to_string()),
            problems,
            today,
        }
    }

    /// Changes the items, and keeps the result as the draft.
    pub fn commit(self, change: impl FnOnce(&mut Vec<Listing>)) {
        self.file.update(|f| change(&mut f.items));
        self.dirty.set(true);
        self.persist();
    }

    /// Writes the draft to `localStorage`.
    pub fn persist(self) {
        let json = self.file.with_untracked(EditorFile::to_json);
        if !storage::save(&json) {
            self.status.set(NL.storage_full.into());
        }
    }

    /// Whether leaving the page would lose work: undownloaded changes, or an open form that was changed.
    pub fn unsaved(self) -> bool {
        self.dirty.get_untracked()
            || (self.target.get_untracked().is_some()
                && self
                    .form
                    .with_untracked(|f| self.original.with_untracked(|o| f != o)))
    }

    /// Opens the form on an item (or a new one) and moves the focus to its first field.
    pub fn open_form(self, target: Target) {
        let mut form = match target {
            Target::Item(i) => self
                .file
                .with_untracked(|f| f.items.get(i).map(ItemForm::from_listing)),
            Target::New => None,
        }
        .unwrap_or_else(|| ItemForm::new_item(self.today));
        // The period select always shows a choice; an item without a price starts on "per maand", as a new one.
        if form.price_per.is_empty() {
            form.price_per = "maand".into();
        }
        self.original.set(form.clone());
        self.form.set(form);
        self.target.set(Some(target));
        focus_later("ed-f-id");
    }

    /// Closes the form and gives the focus back to where editing started.
    pub fn close_form(self, back_to: Option<usize>) {
        self.target.set(None);
        match back_to {
            Some(i) => focus_later(&format!("ed-edit-{i}")),
            None => focus_later("ed-new"),
        }
    }

    /// Replaces the items with an opened file's.
    pub fn replace(self, file: EditorFile) {
        self.target.set(None);
        self.file.set(file);
        self.dirty.set(true);
        self.persist();
    }

    /// Offers the file as a download and, once handed over, forgets the draft.
    pub fn download(self) {
        let json = self.file.with_untracked(EditorFile::to_json);
        match download::download(FILE, &json, "application/json") {
            Ok(()) => {
                storage::clear();
                self.dirty.set(false);
                self.status.set(NL.downloaded.into());
            }
            Err(e) => {
                // The browser's own reason goes to the console for the web team; the user reads what to do.
                web_sys::console::warn_2(&"editor: download failed".into(), &e);
                self.status.set(NL.download_failed.into());
            }
        }
    }

    /// Throws the draft away and loads the published data again.
    pub fn discard(self) {
        storage::clear();
        self.dirty.set(false);
        leptos::task::spawn_local(async move {
            match fetch_bytes("data/", FILE).await {
                Ok(bytes) => match EditorFile::parse(&bytes) {
                    Ok(opened) => {
                        self.target.set(None);
                        self.file.set(opened.file);
                        self.status.set(NL.discarded.into());
                    }
                    Err(e) => self.status.set(e),
                },
                Err(e) => self
                    .status
                    .set(fill(NL.load_failed, &[("error", &e.message())])),
            }
        });
    }
}

/// Focuses the element with `id` once the current update has reached the DOM.
pub fn focus_later(id: &str) {
    let id = id.to_string();
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// Loads the map, the schema and the listings (the draft in `localStorage` if there is one).
async fn load() -> Result<EditorData, String> {
    let (geo, schema) = futures::future::join(
        fetch_bytes("data/", twente_kaart_core::municipality::FILE),
        fetch_bytes("schema/", "listings.schema.json"),
    )
    .await;
    let geo = geo.map_err(|e| e.message())?;
    let schema = schema.ok();
    if let Some(draft) = storage::load() {
        if let Ok(mut data) = EditorData::from_bytes(&geo, draft.as_bytes(), schema.as_deref()) {
            data.restored = true;
            return Ok(data);
        }
    }
    let listings = fetch_bytes("data/", FILE).await.map_err(|e| e.message())?;
    EditorData::from_bytes(&geo, &listings, schema.as_deref())
}

/// The editor page: loads, then shows [`EditorView`].
#[component]
pub fn Editor() -> impl IntoView {
    let loaded = LocalResource::new(load);
    move || match loaded.get() {
        None => view! { <p class="ed-loading" role="status">{NL.loading}</p> }.into_any(),
        Some(Err(error)) => view! {
            <div class="ed-load-error" role="alert">
                <p>{fill(NL.load_failed, &[("error", &error)])}</p>
                <button type="button" on:click=move |_| loaded.refetch()>{NL.retry}</button>
            </div>
        }
        .into_any(),
        Some(Ok(data)) => {
            let state = EditorState::new(data, today());
            view! { <EditorView state=state /> }.into_any()
        }
    }
}

/// The editor with its data: toolbar, table of items and, while editing, the form.
#[component]
pub fn EditorView(state: EditorState) -> impl IntoView {
    provide_context(state);
    let _leave = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if state.unsaved() {
            ev.prevent_default();
            ev.set_return_value(NL.leave_warning);
        }
    });
    view! {
        <div class="ed">
            <header class="ed-header">
                <h1>{NL.page_title}</h1>
                <p>{NL.intro}</p>
            </header>
            <toolbar::Toolbar />
            <p class="ed-status" role="status" aria-live="polite">{move || state.status.get()}</p>
            <div class="ed-body">
                <item_table::ItemTable />
                {move || state.target.get().map(|_| view! { <item_form::ItemFormView /> })}
            </div>
        </div>
    }
}
