//! The editor's UI strings (Dutch): a small typed table like the widget's `core::i18n`, so a missing string is
//! a build error. Category, kind and sector names come from the widget's own table (`core::i18n::NL`), so the
//! editor calls things what visitors see. The field help is not here: it comes from the JSON Schema.

use twente_kaart_core::validate::ProblemKind;

/// Every string of the editor.
#[derive(Debug)]
pub struct Strings {
    pub page_title: &'static str,
    pub intro: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub fetch_network: &'static str,
    pub fetch_http: &'static str,
    pub retry: &'static str,
    pub new_item: &'static str,
    pub open_file: &'static str,
    pub download: &'static str,
    pub unsaved: &'static str,
    pub all_saved: &'static str,
    pub restored: &'static str,
    pub discard: &'static str,
    pub discarded: &'static str,
    pub opened: &'static str,
    pub unreadable: &'static str,
    pub downloaded: &'static str,
    pub download_failed: &'static str,
    pub storage_full: &'static str,
    pub table_caption: &'static str,
    pub col_id: &'static str,
    pub col_category: &'static str,
    pub col_kind: &'static str,
    pub col_municipality: &'static str,
    pub col_town: &'static str,
    pub col_title: &'static str,
    pub col_valid_until: &'static str,
    pub col_check: &'static str,
    pub col_actions: &'static str,
    pub sort_by: &'static str,
    pub check_ok: &'static str,
    pub check_errors: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    pub confirm_delete: &'static str,
    pub yes_delete: &'static str,
    pub cancel: &'static str,
    pub deleted: &'static str,
    pub form_new: &'static str,
    pub form_edit: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub fix_first: &'static str,
    pub errors_summary: &'static str,
    pub choose: &'static str,
    pub none: &'static str,
    pub lang_nl: &'static str,
    pub lang_nl_optional: &'static str,
    pub lang_en: &'static str,
    pub lang_de: &'static str,
    pub map_label: &'static str,
    pub map_hint: &'static str,
    pub point_set: &'static str,
    pub point_outside: &'static str,
    pub clear_point: &'static str,
    pub not_a_number: &'static str,
    pub per_month: &'static str,
    pub once: &'static str,
    pub section_basics: &'static str,
    pub section_texts: &'static str,
    pub section_place: &'static str,
    pub section_contact: &'static str,
    pub section_dates: &'static str,
    pub section_praktijk: &'static str,
    pub section_wonen: &'static str,
    pub section_partnerwerk: &'static str,
    pub section_verhaal: &'static str,
    pub section_agenda: &'static str,
    /// How a date and time is typed, under the start and end of an event.
    pub moment_hint: &'static str,
    pub leave_warning: &'static str,
}

/// Labels of the form fields, by the field's name in the data (`contact.email`, …).
pub fn field_label(key: &str) -> &'static str {
    match key {
        "id" => "Id",
        "category" => "Categorie",
        "kind" => "Soort aanbod",
        "municipality" => "Gemeente",
        "town" => "Plaats",
        "point" => "Plek op de kaart",
        "point.lon" => "Lengtegraad (oost)",
        "point.lat" => "Breedtegraad (noord)",
        "title" => "Titel",
        "description" => "Omschrijving",
        "link" => "Link voor meer informatie",
        "contact.name" => "Naam contactpersoon",
        "contact.email" => "E-mailadres",
        "contact.phone" => "Telefoonnummer",
        "contact.url" => "Website",
        "updated" => "Laatst bijgewerkt",
        "valid_until" => "Zichtbaar tot en met",
        "training" => "Opleidingspraktijk",
        "start" => "Startdatum of begin",
        "end" => "Einde",
        "quote" => "Citaat (hoogstens 280 tekens)",
        "person.name" => "Naam van de huisarts",
        "person.role" => "Wie is het (bijvoorbeeld: huisarts in Haaksbergen sinds 2021)",
        "photo.src" => "Foto: bestand in img/ (bijvoorbeeld img/markt.jpg)",
        "photo.alt" => "Wat staat er op de foto (voor wie hem niet ziet)",
        "photo.width" => "Breedte van de foto (pixels)",
        "photo.height" => "Hoogte van de foto (pixels)",
        "hours" => "Omvang",
        "patients" => "Aantal patiënten",
        "price.min" => "Prijs (vanaf, in euro)",
        "price.max" => "Prijs (tot, in euro)",
        "price.per" => "Prijs per",
        "sector" => "Sector",
        "featured" => "Uitgelicht in de kioskmodus",
        _ => "",
    }
}

pub static NL: Strings = Strings {
    page_title: "Aanbod bewerken",
    intro: "Wijzig het aanbod op de kaart. Je wijzigingen worden in deze browser bewaard tot je het bestand downloadt; zet het gedownloade listings.json daarna op de website.",
    loading: "Gegevens laden…",
    load_failed: "De gegevens konden niet worden geladen: {error}",
    fetch_network: "{file} kon niet worden opgehaald: geen verbinding met de website.",
    fetch_http: "{file} kon niet worden opgehaald: de website antwoordde met foutcode {status}.",
    retry: "Opnieuw proberen",
    new_item: "Nieuw item",
    open_file: "Open een listings.json van je computer",
    download: "Download listings.json",
    unsaved: "Er zijn wijzigingen die nog niet zijn gedownload.",
    all_saved: "Geen openstaande wijzigingen.",
    restored: "Je wijzigingen van een vorige keer zijn hersteld (nog niet gedownload).",
    discard: "Wijzigingen weggooien",
    discarded: "Wijzigingen weggegooid; de gepubliceerde gegevens zijn geladen.",
    opened: "{file} geopend: {n} items.",
    unreadable: "{n} items konden niet worden gelezen en zijn weggelaten.",
    downloaded: "listings.json is gedownload. Zet het bestand op de website om de kaart bij te werken.",
    download_failed: "De browser kon het bestand niet aanbieden om op te slaan. Probeer het opnieuw, of open de editor in een ander browservenster; je wijzigingen zijn bewaard.",
    storage_full: "Let op: de wijzigingen konden niet in deze browser worden bewaard. Download het bestand voordat je de pagina sluit.",
    table_caption: "Alle items ({n})",
    col_id: "Id",
    col_category: "Categorie",
    col_kind: "Soort",
    col_municipality: "Gemeente",
    col_town: "Plaats",
    col_title: "Titel",
    col_valid_until: "Geldig tot",
    col_check: "Controle",
    col_actions: "Acties",
    sort_by: "Sorteer op {col}",
    check_ok: "In orde",
    check_errors: "{n} fout(en)",
    edit: "Bewerken",
    delete: "Verwijderen",
    confirm_delete: "{id} verwijderen?",
    yes_delete: "Ja, verwijderen",
    cancel: "Annuleren",
    deleted: "{id} is verwijderd.",
    form_new: "Nieuw item",
    form_edit: "Item {id} bewerken",
    save: "Opslaan",
    saved: "{id} is opgeslagen. Vergeet niet het bestand te downloaden.",
    fix_first: "Los eerst de fouten op; het item is nog niet opgeslagen.",
    errors_summary: "{n} fout(en) in dit item.",
    choose: "— kies —",
    none: "— geen —",
    lang_nl: "Nederlands (verplicht)",
    lang_nl_optional: "Nederlands",
    lang_en: "Engels",
    lang_de: "Duits",
    map_label: "Kaart: klik om de plek van het item te kiezen",
    map_hint: "Klik op de kaart om de plek te kiezen, of vul de coördinaten in. De gemeente wordt dan ingevuld.",
    point_set: "Plek gekozen in {name}.",
    point_outside: "Deze plek ligt buiten de gemeenten op de kaart.",
    clear_point: "Plek wissen",
    not_a_number: "Vul een getal in.",
    per_month: "per maand (huur)",
    once: "eenmalig (koop)",
    section_basics: "Basis",
    section_texts: "Teksten",
    section_place: "Plaats",
    section_contact: "Link en contact",
    section_dates: "Datums",
    section_praktijk: "Alleen voor praktijken",
    section_wonen: "Alleen voor wonen",
    section_partnerwerk: "Alleen voor werk voor je partner",
    section_verhaal: "Alleen voor verhalen",
    section_agenda: "Alleen voor de agenda",
    moment_hint: "Een datum voor een hele dag (2027-03-18), of datum en tijd met de tijdzone: 2027-03-18T19:30+01:00 in de wintertijd, +02:00 in de zomertijd.",
    leave_warning: "Er zijn wijzigingen die nog niet zijn gedownload.",
};

/// A validation problem in plain Dutch, for the person filling in the form. (The core's `Display` is English,
/// for the command line; the rule that found the problem is the same.)
pub fn problem_text(kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::Invalid(reason) => {
            format!(
                "Dit klopt niet: {}.",
                twente_kaart_core::i18n::NL.reason(reason)
            )
        }
        ProblemKind::BadId => {
            "Gebruik 1 tot 64 kleine letters, cijfers of streepjes, bijvoorbeeld prk-enschede-07."
                .into()
        }
        ProblemKind::DuplicateId { .. } => "Deze id wordt al door een ander item gebruikt.".into(),
        ProblemKind::KindNotInCategory => {
            "Dit soort aanbod hoort niet bij de gekozen categorie.".into()
        }
        ProblemKind::MissingSector => {
            "Kies een sector: die is verplicht bij werk voor je partner.".into()
        }
        ProblemKind::UnknownMunicipality(code) => {
            format!("Onbekende gemeente ‘{code}’. Kies een gemeente uit de lijst.")
        }
        ProblemKind::PointNotFinite => {
            "Een plek bestaat uit twee getallen: lengtegraad en breedtegraad.".into()
        }
        ProblemKind::PointOutsideRegion => {
            "Deze plek ligt buiten de regio op de kaart. Zijn lengte- en breedtegraad misschien verwisseld?"
                .into()
        }
        ProblemKind::PointOutsideMunicipality {
            found_in: Some(other),
        } => {
            format!("Deze plek ligt in {other}, niet in de gekozen gemeente.")
        }
        ProblemKind::PointOutsideMunicipality { found_in: None } => {
            "Deze plek ligt buiten de gekozen gemeente.".into()
        }
        ProblemKind::UnsafeLink => "Een link begint met https://, http://, mailto: of tel:.".into(),
        ProblemKind::HttpLink => "Deze link gebruikt http://; https:// is veiliger.".into(),
        ProblemKind::BadEmail => "Dit is geen geldig e-mailadres.".into(),
        ProblemKind::BadPhone => {
            "Dit is geen geldig telefoonnummer (alleen cijfers, spaties en + - ( )).".into()
        }
        ProblemKind::EmptyText => "Vul dit veld in; de Nederlandse tekst is verplicht.".into(),
        ProblemKind::TooLong { max, len } => {
            format!("Te lang: {len} tekens, de kaart toont er hoogstens {max}.")
        }
        ProblemKind::HiddenCharacters => {
            "De tekst bevat onzichtbare of richtingveranderende tekens; typ hem opnieuw.".into()
        }
        ProblemKind::Expired => {
            "Deze datum is voorbij: het item wordt op de kaart niet meer getoond.".into()
        }
        ProblemKind::PhotoPath => {
            "Een foto is een bestand in de map img/ naast listings.json, bijvoorbeeld img/markt.jpg (jpg, png, webp, avif of svg), geen webadres.".into()
        }
        ProblemKind::PhotoMissing => "Dit bestand staat niet in de map met gegevens.".into(),
        ProblemKind::PhotoTooLarge { bytes } => format!(
            "De foto is {} KB; hoogstens {} KB. Maak hem kleiner, bijvoorbeeld 800 pixels breed als JPEG of WebP.",
            bytes.div_ceil(1024),
            twente_kaart_core::validate::MAX_PHOTO_BYTES / 1024
        ),
        ProblemKind::PhotoSize => "Vul de breedte en hoogte van de foto in pixels in.".into(),
        ProblemKind::EndBeforeStart => "De bijeenkomst eindigt vóór het begin.".into(),
        ProblemKind::EventOver => {
            "Deze bijeenkomst is voorbij: ze wordt op de kaart niet meer getoond.".into()
        }
    }
}
