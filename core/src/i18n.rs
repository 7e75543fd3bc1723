//! Every UI string in Dutch, English and German: a typed table rather than a library such as leptos_i18n.
//! Why: the compiler already checks that each language fills every field (a missing string is a build
//! error), the prerender (native, at build time) and the widget (wasm) share it, and it adds no proc-macro
//! build time and no runtime lookup. Placeholders are `{n}`-style and filled by [`fill`].

use crate::listing::{Category, Kind, PerCategory, Sector};
use crate::reason::{GeometryProblem, Reason, SyntaxReason, ValueKind};
use crate::text::Lang;

/// All UI strings of one language. Fields ending in `_one`/`_other` are singular/plural forms.
#[derive(Debug)]
pub struct Strings {
    /// The widget's name where it stands alone (page title, the embed's iframe title): `{title}` is the
    /// campaign's title from the data, which names the region.
    pub map_name: &'static str,
    /// The header's title when the data has none (it failed to load).
    pub untitled: &'static str,
    pub map_label: &'static str,
    pub map_hint: &'static str,
    pub layers: &'static str,
    pub praktijk: &'static str,
    pub wonen: &'static str,
    pub partnerwerk: &'static str,
    pub praktijk_one: &'static str,
    pub praktijk_other: &'static str,
    pub wonen_one: &'static str,
    pub wonen_other: &'static str,
    pub partnerwerk_one: &'static str,
    pub partnerwerk_other: &'static str,
    pub verhaal: &'static str,
    pub agenda: &'static str,
    pub verhaal_one: &'static str,
    pub verhaal_other: &'static str,
    pub agenda_one: &'static str,
    pub agenda_other: &'static str,
    /// An event's card: when, its registration link, and its calendar file.
    pub when: &'static str,
    pub register: &'static str,
    pub add_to_calendar: &'static str,
    /// A story's link to the whole text.
    pub read_story: &'static str,
    /// The footer's link to the calendar of all events.
    pub calendar_feed: &'static str,
    /// After a time: "" (nl, en) or " Uhr" (de).
    pub time_suffix: &'static str,
    pub kinds: KindNames,
    pub sectors: SectorNames,
    pub reasons: ReasonNames,
    pub legend_title: &'static str,
    pub legend_none: &'static str,
    pub close: &'static str,
    pub panel_empty: &'static str,
    pub start: &'static str,
    pub hours: &'static str,
    pub patients: &'static str,
    pub price: &'static str,
    pub per_month: &'static str,
    pub sector: &'static str,
    pub training: &'static str,
    pub more_info: &'static str,
    pub new_tab: &'static str,
    pub contact: &'static str,
    pub list_title: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub category: &'static str,
    pub all_categories: &'static str,
    pub municipality: &'static str,
    pub all_municipalities: &'static str,
    pub results_one: &'static str,
    pub results_other: &'static str,
    pub no_results: &'static str,
    pub show_more: &'static str,
    pub show_on_map: &'static str,
    /// Kiosk: the switch between the municipality panel and the list.
    pub tab_area: &'static str,
    pub tab_list: &'static str,
    pub tab_group: &'static str,
    pub skip_map: &'static str,
    pub attribution: &'static str,
    pub updated: &'static str,
    pub demo: &'static str,
    pub feed: &'static str,
    pub loading: &'static str,
    /// The map is shown, the listings are still loading.
    pub loading_listings: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub skipped_one: &'static str,
    pub skipped_other: &'static str,
    pub err_empty: &'static str,
    pub err_html: &'static str,
    pub err_encoding: &'static str,
    pub err_at: &'static str,
    pub err_http: &'static str,
    pub err_timeout: &'static str,
    pub err_network: &'static str,
    pub err_geometry: &'static str,
    pub crashed: &'static str,
    pub reload: &'static str,
    pub language: &'static str,
    pub share: &'static str,
    pub copied: &'static str,
    pub cluster: &'static str,
    pub selected: &'static str,
    pub closed: &'static str,
    pub kiosk_still_there: &'static str,
    pub kiosk_touch: &'static str,
    pub kiosk_scan: &'static str,
    pub kiosk_offline: &'static str,
    pub kiosk_refreshed: &'static str,
    pub kiosk_touch_to_start: &'static str,
    /// The household planner ("Waar gaan we wonen?").
    pub plan_start: &'static str,
    pub plan_work: &'static str,
    pub plan_partner: &'static str,
    pub plan_choose: &'static str,
    pub plan_search: &'static str,
    pub plan_employers: &'static str,
    pub plan_towns: &'static str,
    pub plan_pick: &'static str,
    pub plan_picking: &'static str,
    pub plan_pick_cancel: &'static str,
    pub plan_point_near: &'static str,
    pub plan_change: &'static str,
    pub plan_close: &'static str,
    pub plan_max_work: &'static str,
    pub plan_max_partner: &'static str,
    pub plan_no_max: &'static str,
    pub plan_minutes: &'static str,
    pub plan_kinds: &'static str,
    pub plan_filters: &'static str,
    pub plan_homes_one: &'static str,
    pub plan_homes_other: &'static str,
    pub plan_none: &'static str,
    pub plan_to_work: &'static str,
    pub plan_to_partner: &'static str,
    pub plan_car: &'static str,
    pub plan_bike: &'static str,
    pub plan_estimate: &'static str,
    pub plan_rings: &'static str,
    pub plan_take_home: &'static str,
    pub plan_ranked: &'static str,
    pub plan_err_unknown: &'static str,
    pub plan_err_category: &'static str,
    pub plan_err_no_point: &'static str,
    pub plan_err_outside: &'static str,
    pub plan_err_malformed: &'static str,
    /// The care context layer.
    pub care_layer: &'static str,
    pub care_hospital: &'static str,
    pub care_post: &'static str,
    pub care_distance: &'static str,
    pub months: [&'static str; 12],
    /// Monday first.
    pub weekdays: [&'static str; 7],
}

/// The name of every kind, a field each: a missing name is a compile error, and no name can be read for
/// another kind (as with a list looked up by position).
#[derive(Debug)]
pub struct KindNames {
    pub overname: &'static str,
    pub associatie: &'static str,
    pub waarneming: &'static str,
    pub startpraktijk: &'static str,
    pub koop: &'static str,
    pub huur: &'static str,
    pub nieuwbouw: &'static str,
    pub praktijkwoning: &'static str,
    pub praktijkruimte: &'static str,
    pub werkgever: &'static str,
}

impl KindNames {
    pub fn get(&self, k: Kind) -> &'static str {
        match k {
            Kind::Overname => self.overname,
            Kind::Associatie => self.associatie,
            Kind::Waarneming => self.waarneming,
            Kind::Startpraktijk => self.startpraktijk,
            Kind::Koop => self.koop,
            Kind::Huur => self.huur,
            Kind::Nieuwbouw => self.nieuwbouw,
            Kind::Praktijkwoning => self.praktijkwoning,
            Kind::Praktijkruimte => self.praktijkruimte,
            Kind::Werkgever => self.werkgever,
        }
    }
}

/// How the data's problems are said ([`crate::reason`]): one field per reason, so a missing one is a build error.
#[derive(Debug)]
pub struct ReasonNames {
    pub missing_field: &'static str,
    pub unknown_field: &'static str,
    pub unknown_value: &'static str,
    pub wrong_kind: &'static str,
    pub not_a_date: &'static str,
    pub not_a_moment: &'static str,
    pub no_offset: &'static str,
    pub point_too_long: &'static str,
    pub not_an_object: &'static str,
    pub kind_text: &'static str,
    pub kind_number: &'static str,
    pub kind_boolean: &'static str,
    pub kind_list: &'static str,
    pub kind_object: &'static str,
    pub kind_translations: &'static str,
    pub end_of_file: &'static str,
    pub expected_value: &'static str,
    pub trailing_comma: &'static str,
    pub expected_colon: &'static str,
    pub expected_comma_or_end: &'static str,
    pub key_must_be_text: &'static str,
    pub control_character: &'static str,
    pub invalid_escape: &'static str,
    pub invalid_number: &'static str,
    pub trailing_characters: &'static str,
    pub code_not_text: &'static str,
    pub missing_property: &'static str,
    pub code_format: &'static str,
    pub name_length: &'static str,
    pub hidden_characters: &'static str,
    pub no_geometry: &'static str,
    pub not_a_polygon: &'static str,
    pub ring_too_short: &'static str,
    pub not_wgs84: &'static str,
    pub ring_not_closed: &'static str,
    pub ring_crosses_itself: &'static str,
    pub polygon_without_rings: &'static str,
    pub empty_multipolygon: &'static str,
    pub duplicate_code: &'static str,
    pub no_municipalities: &'static str,
}

/// The name of every sector, a field each (see [`KindNames`]).
#[derive(Debug)]
pub struct SectorNames {
    pub zorg: &'static str,
    pub onderwijs_onderzoek: &'static str,
    pub techniek_industrie: &'static str,
    pub overheid: &'static str,
    pub zakelijke_dienstverlening: &'static str,
    pub overig: &'static str,
}

impl SectorNames {
    pub fn get(&self, s: Sector) -> &'static str {
        match s {
            Sector::Zorg => self.zorg,
            Sector::OnderwijsOnderzoek => self.onderwijs_onderzoek,
            Sector::TechniekIndustrie => self.techniek_industrie,
            Sector::Overheid => self.overheid,
            Sector::ZakelijkeDienstverlening => self.zakelijke_dienstverlening,
            Sector::Overig => self.overig,
        }
    }
}

impl Strings {
    /// What kind of value is needed, in this language.
    pub fn value_kind(&self, k: ValueKind) -> &'static str {
        let r = &self.reasons;
        match k {
            ValueKind::Text => r.kind_text,
            ValueKind::Number => r.kind_number,
            ValueKind::Boolean => r.kind_boolean,
            ValueKind::List => r.kind_list,
            ValueKind::Object => r.kind_object,
            ValueKind::Translations => r.kind_translations,
        }
    }

    /// Why a data file could not be used, in this language, after its file name (see `load_failed`).
    pub fn data_error(&self, e: &crate::error::DataError) -> String {
        use crate::error::DataError;
        let at = |line: usize, column: usize| {
            fill(
                self.err_at,
                &[("line", &line.to_string()), ("column", &column.to_string())],
            )
        };
        match e {
            DataError::Empty { .. } => self.err_empty.to_string(),
            DataError::Html { .. } => self.err_html.to_string(),
            DataError::Encoding { offset, .. } => {
                fill(self.err_encoding, &[("offset", &offset.to_string())])
            }
            DataError::Syntax { at: l, reason, .. } => {
                format!("{}: {}", at(l.line, l.column), self.reason(reason))
            }
            DataError::NoMunicipalities { .. } => self.reasons.no_municipalities.to_string(),
            DataError::Geometry {
                feature, problem, ..
            } => format!(
                "{}: {}",
                fill(self.err_geometry, &[("feature", feature)]),
                self.geometry(problem)
            ),
        }
    }

    /// Why a value was not accepted, in this language (names and values as written).
    pub fn reason(&self, reason: &Reason) -> String {
        let r = &self.reasons;
        match reason {
            Reason::MissingField { field } => fill(r.missing_field, &[("field", field)]),
            Reason::UnknownField { field } => fill(r.unknown_field, &[("field", field)]),
            Reason::UnknownValue { value, allowed } => fill(
                r.unknown_value,
                &[("value", value), ("allowed", &allowed.join(", "))],
            ),
            Reason::WrongKind { expected } => {
                fill(r.wrong_kind, &[("kind", self.value_kind(*expected))])
            }
            Reason::NotADate { value } => fill(r.not_a_date, &[("value", value)]),
            Reason::NotAMoment { value } => fill(r.not_a_moment, &[("value", value)]),
            Reason::NoOffset { value } => fill(r.no_offset, &[("value", value)]),
            Reason::PointTooLong => r.point_too_long.to_string(),
            Reason::NotAnObject => r.not_an_object.to_string(),
            Reason::Syntax(s) => match s {
                SyntaxReason::EndOfFile => r.end_of_file,
                SyntaxReason::ExpectedValue => r.expected_value,
                SyntaxReason::TrailingComma => r.trailing_comma,
                SyntaxReason::ExpectedColon => r.expected_colon,
                SyntaxReason::ExpectedCommaOrEnd => r.expected_comma_or_end,
                SyntaxReason::KeyMustBeText => r.key_must_be_text,
                SyntaxReason::ControlCharacter => r.control_character,
                SyntaxReason::InvalidEscape => r.invalid_escape,
                SyntaxReason::InvalidNumber => r.invalid_number,
                SyntaxReason::TrailingCharacters => r.trailing_characters,
            }
            .to_string(),
            Reason::Other(m) => m.clone(),
        }
    }

    /// Why a feature of the municipalities file was not accepted, in this language.
    pub fn geometry(&self, problem: &GeometryProblem) -> String {
        let r = &self.reasons;
        match problem {
            GeometryProblem::CodeNotText { found } => fill(r.code_not_text, &[("found", found)]),
            GeometryProblem::MissingProperty { name } => {
                fill(r.missing_property, &[("name", name)])
            }
            GeometryProblem::CodeFormat { code } => fill(r.code_format, &[("code", code)]),
            GeometryProblem::NameLength => r.name_length.to_string(),
            GeometryProblem::HiddenCharacters { name } => {
                fill(r.hidden_characters, &[("name", name)])
            }
            GeometryProblem::NoGeometry => r.no_geometry.to_string(),
            GeometryProblem::NotAPolygon { found } => fill(r.not_a_polygon, &[("found", found)]),
            GeometryProblem::RingTooShort => r.ring_too_short.to_string(),
            GeometryProblem::NotWgs84 => r.not_wgs84.to_string(),
            GeometryProblem::RingNotClosed => r.ring_not_closed.to_string(),
            GeometryProblem::RingCrossesItself => r.ring_crosses_itself.to_string(),
            GeometryProblem::PolygonWithoutRings => r.polygon_without_rings.to_string(),
            GeometryProblem::EmptyMultiPolygon => r.empty_multipolygon.to_string(),
            GeometryProblem::DuplicateCode => r.duplicate_code.to_string(),
        }
    }
}

// The tools' English is the English table: one text per reason.
impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&EN.reason(self))
    }
}

impl std::fmt::Display for GeometryProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&EN.geometry(self))
    }
}

impl Strings {
    /// The table for `lang`.
    pub fn get(lang: Lang) -> &'static Strings {
        match lang {
            Lang::Nl => &NL,
            Lang::En => &EN,
            Lang::De => &DE,
        }
    }

    pub fn category(&self, c: Category) -> &'static str {
        match c {
            Category::Praktijk => self.praktijk,
            Category::Wonen => self.wonen,
            Category::Partnerwerk => self.partnerwerk,
            Category::Verhaal => self.verhaal,
            Category::Agenda => self.agenda,
        }
    }

    /// "6 praktijken", "1 woning", …
    pub fn count(&self, c: Category, n: usize) -> String {
        let (one, other) = match c {
            Category::Praktijk => (self.praktijk_one, self.praktijk_other),
            Category::Wonen => (self.wonen_one, self.wonen_other),
            Category::Partnerwerk => (self.partnerwerk_one, self.partnerwerk_other),
            Category::Verhaal => (self.verhaal_one, self.verhaal_other),
            Category::Agenda => (self.agenda_one, self.agenda_other),
        };
        fill(if n == 1 { one } else { other }, &[("n", &n.to_string())])
    }

    pub fn kind(&self, k: Kind) -> &'static str {
        self.kinds.get(k)
    }

    pub fn sector_name(&self, s: Sector) -> &'static str {
        self.sectors.get(s)
    }

    /// "Enschede: 6 praktijken, 4 woningen, 5 werkgevers" — the accessible name of a municipality, with the
    /// counts of the layers that are on.
    pub fn municipality_summary(
        &self,
        name: &str,
        counts: PerCategory<usize>,
        layers: PerCategory<bool>,
    ) -> String {
        format!("{name}: {}", self.counts_line(counts, layers))
    }

    /// "6 praktijken, 4 woningen, 5 werkgevers" for the layers that are on; stories and events only where
    /// there are some (what is on offer is worth a zero, a story is not).
    pub fn counts_line(&self, counts: PerCategory<usize>, layers: PerCategory<bool>) -> String {
        let parts: Vec<String> = counts
            .into_iter()
            .filter(|(c, n)| layers[*c] && (c.has_kinds() || *n > 0))
            .map(|(c, n)| self.count(c, n))
            .collect();
        parts.join(", ")
    }

    /// What is wrong with a plan link, in words a visitor can act on.
    pub fn plan_error(&self, e: &crate::plan::PlanError) -> String {
        use crate::plan::PlanError::*;
        let (template, param, value, expected) = match e {
            UnknownItem { param, value } => (self.plan_err_unknown, param, value, None),
            WrongCategory {
                param,
                value,
                expected,
            } => (self.plan_err_category, param, value, Some(*expected)),
            NoPoint { param, value } => (self.plan_err_no_point, param, value, None),
            OutsideRegion { param, value } => (self.plan_err_outside, param, value, None),
            Malformed { param, value } => (self.plan_err_malformed, param, value, None),
        };
        let expected = expected.map(|c| self.category(c)).unwrap_or_default();
        fill(
            template,
            &[("param", param), ("value", value), ("expected", expected)],
        )
    }

    pub fn plural(&self, n: usize, one: &'static str, other: &'static str) -> String {
        fill(if n == 1 { one } else { other }, &[("n", &n.to_string())])
    }
}

/// Replaces `{key}` placeholders.
///
/// ```
/// use twente_kaart_core::i18n::fill;
/// assert_eq!(fill("{n} items", &[("n", "3")]), "3 items");
/// ```
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// A date written out per language: "1 februari 2027", "1 February 2027", "1. Februar 2027".
pub fn format_date(lang: Lang, d: crate::date::Date) -> String {
    let month = Strings::get(lang).months[(d.month as usize).saturating_sub(1).min(11)];
    match lang {
        Lang::De => format!("{}. {} {}", d.day, month, d.year),
        _ => format!("{} {} {}", d.day, month, d.year),
    }
}

/// A day with its weekday: "donderdag 14 januari 2027", "Thursday 14 January 2027",
/// "Donnerstag, 14. Januar 2027".
pub fn format_day(lang: Lang, d: crate::date::Date) -> String {
    let weekday = Strings::get(lang).weekdays[d.weekday()];
    match lang {
        Lang::De => format!("{weekday}, {}", format_date(lang, d)),
        _ => format!("{weekday} {}", format_date(lang, d)),
    }
}

/// When an event takes place, in the time the organiser wrote (the region's own):
/// "donderdag 14 januari 2027, 19:30–21:30", "Donnerstag, 14. Januar 2027, 19:30–21:30 Uhr", or a range of
/// days.
pub fn format_when(
    lang: Lang,
    start: crate::date::Moment,
    end: Option<crate::date::Moment>,
) -> String {
    use crate::date::Moment;
    let t = Strings::get(lang);
    let clock = |h: u8, m: u8| format!("{h:02}:{m:02}");
    match (start, end) {
        (Moment::At(a), Some(Moment::At(b))) if a.date == b.date => format!(
            "{}, {}–{}{}",
            format_day(lang, a.date),
            clock(a.hour, a.minute),
            clock(b.hour, b.minute),
            t.time_suffix
        ),
        (Moment::At(a), Some(Moment::At(b))) => format!(
            "{}, {}{} – {}, {}{}",
            format_day(lang, a.date),
            clock(a.hour, a.minute),
            t.time_suffix,
            format_day(lang, b.date),
            clock(b.hour, b.minute),
            t.time_suffix
        ),
        (Moment::At(a), _) => format!(
            "{}, {}{}",
            format_day(lang, a.date),
            clock(a.hour, a.minute),
            t.time_suffix
        ),
        (start, Some(end)) if end.date() != start.date() => format!(
            "{} – {}",
            format_day(lang, start.date()),
            format_day(lang, end.date())
        ),
        (start, _) => format_day(lang, start.date()),
    }
}

/// A distance in km with one decimal and the language's decimal sign: "8,2 km" (nl, de), "8.2 km" (en).
pub fn format_km(lang: Lang, km: f64) -> String {
    let s = format!("{} km", crate::plan::fixed(km.max(0.0), 1));
    if lang == Lang::En {
        s
    } else {
        s.replace('.', ",")
    }
}

/// Estimated minutes as shown: whole minutes, at least one.
pub fn round_minutes(minutes: f64) -> String {
    (minutes.round().max(1.0) as u32).to_string()
}

/// A whole number of euros with the language's grouping: "€ 1.250" (nl, de) or "€1,250" (en).
pub fn format_euros(lang: Lang, v: u32) -> String {
    let digits = v.to_string();
    let sep = if lang == Lang::En { ',' } else { '.' };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    if lang == Lang::En {
        format!("€{grouped}")
    } else {
        format!("€ {grouped}")
    }
}

pub static NL: Strings = Strings {
    map_name: "Kaart: {title}",
    untitled: "Kaart",
    map_label: "Kaart: kies een gemeente",
    map_hint: "Kies een gemeente op de kaart of in de lijst.",
    layers: "Lagen",
    praktijk: "Praktijken en vacatures",
    wonen: "Wonen en praktijkruimte",
    partnerwerk: "Werk voor je partner",
    praktijk_one: "{n} praktijk",
    praktijk_other: "{n} praktijken",
    wonen_one: "{n} woning",
    wonen_other: "{n} woningen",
    partnerwerk_one: "{n} werkgever",
    partnerwerk_other: "{n} werkgevers",
    verhaal: "Verhalen van huisartsen",
    agenda: "Agenda en bijeenkomsten",
    verhaal_one: "{n} verhaal",
    verhaal_other: "{n} verhalen",
    agenda_one: "{n} bijeenkomst",
    agenda_other: "{n} bijeenkomsten",
    when: "Wanneer",
    register: "Aanmelden",
    add_to_calendar: "Zet in je agenda",
    read_story: "Lees het hele verhaal",
    calendar_feed: "Agenda (iCal)",
    time_suffix: "",
    kinds: KindNames {
        overname: "Overname",
        associatie: "Associatie",
        waarneming: "Waarneming",
        startpraktijk: "Startpraktijk",
        koop: "Koop",
        huur: "Huur",
        nieuwbouw: "Nieuwbouw",
        praktijkwoning: "Woning met praktijk",
        praktijkruimte: "Praktijkruimte",
        werkgever: "Werkgever",
    },
    sectors: SectorNames {
        zorg: "Zorg",
        onderwijs_onderzoek: "Onderwijs en onderzoek",
        techniek_industrie: "Techniek en industrie",
        overheid: "Overheid",
        zakelijke_dienstverlening: "Zakelijke dienstverlening",
        overig: "Overig",
    },
    reasons: ReasonNames {
        missing_field: "het veld `{field}` ontbreekt",
        unknown_field: "er is geen veld `{field}` (een tikfout?)",
        unknown_value: "`{value}` is hier niet toegestaan; wel: {allowed}",
        wrong_kind: "dit moet {kind} zijn",
        not_a_date: "`{value}` is geen datum als JJJJ-MM-DD",
        not_a_moment: "`{value}` is geen datum (JJJJ-MM-DD) en geen datum met tijd (JJJJ-MM-DDTUU:MM+01:00)",
        no_offset: "`{value}` heeft een tijd zonder tijdzone: zet er +01:00 (wintertijd) of +02:00 (zomertijd) achter",
        point_too_long: "een lijst heeft te veel getallen (een punt is [lengtegraad, breedtegraad])",
        not_an_object: "dit moet een object { … } zijn, geen lijst [ … ]",
        kind_text: "een tekst",
        kind_number: "een getal",
        kind_boolean: "true of false",
        kind_list: "een lijst [ … ]",
        kind_object: "een object { … }",
        kind_translations: "een tekst, of een object met `nl` en eventueel `en` en `de`",
        end_of_file: "het bestand houdt te vroeg op (een ontbrekende } of ], of een afgebroken bestand?)",
        expected_value: "hier hoort een waarde (tekst tussen aanhalingstekens, een getal, true/false, { } of [ ])",
        trailing_comma: "een komma vóór } of ] (haal die weg)",
        expected_colon: "na de naam hoort een dubbele punt :",
        expected_comma_or_end: "hier hoort een komma , of een sluitende } of ] (een komma vergeten?)",
        key_must_be_text: "hier hoort een naam tussen dubbele aanhalingstekens (een komma te veel vóór }?)",
        control_character: "een regeleinde of tab binnen een tekst (schrijf \\n)",
        invalid_escape: "een ongeldige code na een backslash \\",
        invalid_number: "een ongeldig getal",
        trailing_characters: "na het einde van de gegevens staat nog iets",
        code_not_text: "`code` moet een tekst zijn zoals \"GM0153\", niet {found}",
        missing_property: "de eigenschap `{name}` ontbreekt",
        code_format: "`code` moet eruitzien als GM0153, niet `{code}`",
        name_length: "`name` moet 1 tot 60 tekens lang zijn",
        hidden_characters: "`name` bevat onzichtbare of richtingveranderende tekens: `{name}`",
        no_geometry: "geen geometrie",
        not_a_polygon: "de geometrie moet een Polygon of MultiPolygon zijn, geen {found}",
        ring_too_short: "een ring heeft minstens 4 posities nodig",
        not_wgs84: "de coördinaten moeten WGS84-lengte/breedte zijn (is dit RD New of een andere projectie?)",
        ring_not_closed: "een ring is niet gesloten (eerste en laatste positie verschillen)",
        ring_crosses_itself: "een ring snijdt zichzelf",
        polygon_without_rings: "een polygoon zonder ringen",
        empty_multipolygon: "een lege MultiPolygon",
        duplicate_code: "deze code komt twee keer voor",
        no_municipalities: "geen gemeenten (nul features)",
    },
    legend_title: "Open praktijken per gemeente",
    legend_none: "geen",
    close: "Sluiten",
    panel_empty: "Nog geen aanbod in deze gemeente.",
    start: "Start",
    hours: "Omvang",
    patients: "Patiënten",
    price: "Prijs",
    per_month: "per maand",
    sector: "Sector",
    training: "Opleidingspraktijk",
    more_info: "Meer informatie",
    new_tab: "opent in een nieuw tabblad",
    contact: "Contact",
    list_title: "Alle aanbod",
    search: "Zoeken",
    search_placeholder: "Zoek op titel of omschrijving",
    category: "Categorie",
    all_categories: "Alle categorieën",
    municipality: "Gemeente",
    all_municipalities: "Alle gemeenten",
    results_one: "{n} resultaat",
    results_other: "{n} resultaten",
    no_results: "Geen resultaten. Probeer een andere zoekterm of filter.",
    show_more: "Toon meer",
    show_on_map: "Toon op kaart",
    tab_area: "Gemeente",
    tab_list: "Lijst",
    tab_group: "Weergave",
    skip_map: "Sla de kaart over",
    attribution: "Grenzen: © CBS / PDOK (CC BY 4.0), vereenvoudigd door cartomap/nl",
    updated: "Bijgewerkt op {date}",
    demo: "Demodata",
    feed: "Volg nieuwe vacatures",
    loading: "Kaart laden…",
    loading_listings: "Het aanbod wordt geladen…",
    load_failed: "Kon {file} niet laden",
    retry: "Opnieuw proberen",
    skipped_one: "{n} item kon niet worden getoond.",
    skipped_other: "{n} items konden niet worden getoond.",
    err_empty: "het bestand is leeg",
    err_html: "de server stuurde een HTML-pagina in plaats van JSON",
    err_encoding: "geen geldige UTF-8-tekst (byte {offset})",
    err_at: "regel {line}, kolom {column}",
    err_http: "de server antwoordde met status {status}",
    err_timeout: "de server reageerde niet op tijd",
    err_network: "geen verbinding met de server",
    err_geometry: "gemeente {feature}",
    crashed: "Er ging iets mis in de kaart. Herlaad de pagina om het opnieuw te proberen.",
    reload: "Herladen",
    language: "Taal",
    share: "Deel deze kaart",
    copied: "Link gekopieerd",
    cluster: "{n} items op deze plek",
    selected: "{name} geselecteerd: {summary}",
    closed: "Terug naar het overzicht",
    kiosk_still_there: "Ben je nog aan het kijken?",
    kiosk_touch: "Raak het scherm aan om verder te gaan.",
    kiosk_scan: "Scan met je telefoon",
    kiosk_offline: "Offline: de gegevens van {date} worden getoond",
    kiosk_refreshed: "Gegevens bijgewerkt op {date}",
    kiosk_touch_to_start: "Raak een gemeente aan om te beginnen",
    plan_start: "Waar gaan we wonen?",
    plan_work: "Jouw werk",
    plan_partner: "Werk van je partner",
    plan_choose: "Waar werkt je partner? Kies een werkgever of een plaats.",
    plan_search: "Zoek een werkgever of plaats",
    plan_employers: "Werkgevers",
    plan_towns: "Plaatsen",
    plan_pick: "Kies een punt op de kaart",
    plan_picking: "Tik of klik op de kaart waar je partner werkt.",
    plan_pick_cancel: "Stoppen met kiezen",
    plan_point_near: "Punt bij {town}",
    plan_change: "Wijzig",
    plan_close: "Plan sluiten",
    plan_max_work: "Met de auto naar je werk",
    plan_max_partner: "Met de auto naar het werk van je partner",
    plan_no_max: "Geen maximum",
    plan_minutes: "hoogstens {n} min",
    plan_kinds: "Soort woning",
    plan_filters: "Reistijd en soort woning",
    plan_homes_one: "{n} woning, kortste reis samen eerst",
    plan_homes_other: "{n} woningen, kortste reis samen eerst",
    plan_none: "Geen woning past bij deze keuzes. Kies een ruimere reistijd of een andere soort woning.",
    plan_to_work: "{km} naar je werk",
    plan_to_partner: "{km} naar het werk van je partner",
    plan_car: "ca. {n} min met de auto",
    plan_bike: "ca. {n} min op de fiets",
    plan_estimate: "Reistijden zijn schattingen: afstand hemelsbreed × omrijfactor ÷ gemiddelde snelheid (auto 1,3 en 50 km/u, fiets 1,2 en 15 km/u).",
    plan_rings: "Op de kaart: ruit jouw werk, ster het werk van je partner; gearceerd binnen 15 min met de auto (schuin naar rechts vanaf jouw werk, naar links vanaf dat van je partner), gestippelde ring 30 min. Nummers: de volgorde in de lijst.",
    plan_take_home: "Neem dit plan mee naar huis",
    plan_ranked: "Plan: {summary}",
    plan_err_unknown: "Het plan in deze link verwijst naar ‘{value}’ ({param}), maar dat staat niet (meer) in het aanbod.",
    plan_err_category: "‘{value}’ ({param}) is geen item uit ‘{expected}’.",
    plan_err_no_point: "‘{value}’ ({param}) heeft geen plek op de kaart.",
    plan_err_outside: "Het punt {value} ({param}) ligt buiten de regio.",
    plan_err_malformed: "‘{value}’ ({param}) is geen id en geen punt als lengte,breedte (bijvoorbeeld 6.89,52.22).",
    care_layer: "Ziekenhuizen en huisartsenposten",
    care_hospital: "Ziekenhuis",
    care_post: "Huisartsenpost",
    care_distance: "ca. {km} ({name})",
    months: [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    weekdays: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
};

pub static EN: Strings = Strings {
    map_name: "Map: {title}",
    untitled: "Map",
    map_label: "Map: choose a municipality",
    map_hint: "Choose a municipality on the map or in the list.",
    layers: "Layers",
    praktijk: "Practices and positions",
    wonen: "Housing and practice premises",
    partnerwerk: "Work for your partner",
    praktijk_one: "{n} practice",
    praktijk_other: "{n} practices",
    wonen_one: "{n} home",
    wonen_other: "{n} homes",
    partnerwerk_one: "{n} employer",
    partnerwerk_other: "{n} employers",
    verhaal: "GPs' stories",
    agenda: "Events and meetings",
    verhaal_one: "{n} story",
    verhaal_other: "{n} stories",
    agenda_one: "{n} event",
    agenda_other: "{n} events",
    when: "When",
    register: "Register",
    add_to_calendar: "Add to your calendar",
    read_story: "Read the whole story",
    calendar_feed: "Calendar (iCal)",
    time_suffix: "",
    kinds: KindNames {
        overname: "Practice takeover",
        associatie: "Associate",
        waarneming: "Locum",
        startpraktijk: "Start a practice",
        koop: "Buy",
        huur: "Rent",
        nieuwbouw: "New-build",
        praktijkwoning: "Home with practice",
        praktijkruimte: "Practice premises",
        werkgever: "Employer",
    },
    sectors: SectorNames {
        zorg: "Care",
        onderwijs_onderzoek: "Education and research",
        techniek_industrie: "Tech and industry",
        overheid: "Government",
        zakelijke_dienstverlening: "Business services",
        overig: "Other",
    },
    reasons: ReasonNames {
        missing_field: "the field `{field}` is missing",
        unknown_field: "there is no field `{field}` (a typo?)",
        unknown_value: "`{value}` is not allowed here; allowed: {allowed}",
        wrong_kind: "this must be {kind}",
        not_a_date: "`{value}` is not a date as YYYY-MM-DD",
        not_a_moment: "`{value}` is neither a date (YYYY-MM-DD) nor a date and time (YYYY-MM-DDTHH:MM+01:00)",
        no_offset: "`{value}` has a time without a time zone: add +01:00 (winter time) or +02:00 (summer time)",
        point_too_long: "an array has too many elements (a point is [longitude, latitude])",
        not_an_object: "this must be an object { … }, not an array [ … ]",
        kind_text: "a text",
        kind_number: "a number",
        kind_boolean: "true or false",
        kind_list: "a list [ … ]",
        kind_object: "an object { … }",
        kind_translations: "a text, or an object with `nl` and optionally `en` and `de`",
        end_of_file: "the file ends too early (a missing } or ], or a cut-off file?)",
        expected_value: "a value was expected here (text in quotes, a number, true/false, { } or [ ])",
        trailing_comma: "a comma before } or ] (remove it)",
        expected_colon: "a colon : was expected after the name",
        expected_comma_or_end: "a comma , or a closing } or ] was expected (a missing comma?)",
        key_must_be_text: "a name in double quotes was expected here (a comma too many before }?)",
        control_character: "a line break or tab inside a text (write \\n)",
        invalid_escape: "an invalid escape after a backslash \\",
        invalid_number: "an invalid number",
        trailing_characters: "there is more after the end of the data",
        code_not_text: "`code` must be a text such as \"GM0153\", not {found}",
        missing_property: "missing property `{name}`",
        code_format: "`code` must look like GM0153, not `{code}`",
        name_length: "`name` must be 1 to 60 characters",
        hidden_characters: "`name` contains invisible or direction-changing characters: `{name}`",
        no_geometry: "no geometry",
        not_a_polygon: "geometry must be a Polygon or MultiPolygon, not {found}",
        ring_too_short: "a ring needs at least 4 positions",
        not_wgs84: "coordinates must be WGS84 longitude/latitude (is this RD New or another projection?)",
        ring_not_closed: "a ring is not closed (first and last position differ)",
        ring_crosses_itself: "a ring crosses itself",
        polygon_without_rings: "a polygon without rings",
        empty_multipolygon: "an empty MultiPolygon",
        duplicate_code: "this code occurs twice",
        no_municipalities: "no municipalities (zero features)",
    },
    legend_title: "Open practices per municipality",
    legend_none: "none",
    close: "Close",
    panel_empty: "Nothing on offer in this municipality yet.",
    start: "Start",
    hours: "Size",
    patients: "Patients",
    price: "Price",
    per_month: "per month",
    sector: "Sector",
    training: "Training practice",
    more_info: "More information",
    new_tab: "opens in a new tab",
    contact: "Contact",
    list_title: "Everything on offer",
    search: "Search",
    search_placeholder: "Search titles and descriptions",
    category: "Category",
    all_categories: "All categories",
    municipality: "Municipality",
    all_municipalities: "All municipalities",
    results_one: "{n} result",
    results_other: "{n} results",
    no_results: "No results. Try another search term or filter.",
    show_more: "Show more",
    show_on_map: "Show on map",
    tab_area: "Municipality",
    tab_list: "List",
    tab_group: "View",
    skip_map: "Skip the map",
    attribution: "Boundaries: © CBS / PDOK (CC BY 4.0), simplified by cartomap/nl",
    updated: "Updated {date}",
    demo: "Demo data",
    feed: "Follow new vacancies",
    loading: "Loading the map…",
    loading_listings: "Loading what is on offer…",
    load_failed: "Could not load {file}",
    retry: "Try again",
    skipped_one: "{n} item could not be shown.",
    skipped_other: "{n} items could not be shown.",
    err_empty: "the file is empty",
    err_html: "the server sent an HTML page instead of JSON",
    err_encoding: "not valid UTF-8 text (byte {offset})",
    err_at: "line {line}, column {column}",
    err_http: "the server answered with status {status}",
    err_timeout: "the server did not answer in time",
    err_network: "no connection to the server",
    err_geometry: "municipality {feature}",
    crashed: "Something went wrong in the map. Reload the page to try again.",
    reload: "Reload",
    language: "Language",
    share: "Share this map",
    copied: "Link copied",
    cluster: "{n} items at this place",
    selected: "{name} selected: {summary}",
    closed: "Back to the overview",
    kiosk_still_there: "Are you still looking?",
    kiosk_touch: "Touch the screen to continue.",
    kiosk_scan: "Scan with your phone",
    kiosk_offline: "Offline: showing the data of {date}",
    kiosk_refreshed: "Data refreshed {date}",
    kiosk_touch_to_start: "Touch a municipality to start",
    plan_start: "Where shall we live?",
    plan_work: "Your work",
    plan_partner: "Your partner's work",
    plan_choose: "Where does your partner work? Choose an employer or a town.",
    plan_search: "Search an employer or town",
    plan_employers: "Employers",
    plan_towns: "Towns",
    plan_pick: "Choose a point on the map",
    plan_picking: "Tap or click the map where your partner works.",
    plan_pick_cancel: "Stop choosing",
    plan_point_near: "Point near {town}",
    plan_change: "Change",
    plan_close: "Close plan",
    plan_max_work: "By car to your work",
    plan_max_partner: "By car to your partner's work",
    plan_no_max: "No maximum",
    plan_minutes: "at most {n} min",
    plan_kinds: "Kind of home",
    plan_filters: "Travel time and kind of home",
    plan_homes_one: "{n} home, shortest combined trip first",
    plan_homes_other: "{n} homes, shortest combined trip first",
    plan_none: "No home fits these choices. Allow a longer trip or another kind of home.",
    plan_to_work: "{km} to your work",
    plan_to_partner: "{km} to your partner's work",
    plan_car: "about {n} min by car",
    plan_bike: "about {n} min by bike",
    plan_estimate: "Travel times are estimates: straight-line distance × detour factor ÷ average speed (car 1.3 and 50 km/h, bike 1.2 and 15 km/h).",
    plan_rings: "On the map: diamond your work, star your partner's; hatched within 15 min by car (to the right from your work, to the left from your partner's), dotted ring 30 min. Numbers: the order of the list.",
    plan_take_home: "Take this plan home",
    plan_ranked: "Plan: {summary}",
    plan_err_unknown: "The plan in this link refers to ‘{value}’ ({param}), which is not (or no longer) on offer.",
    plan_err_category: "‘{value}’ ({param}) is not an item of ‘{expected}’.",
    plan_err_no_point: "‘{value}’ ({param}) has no place on the map.",
    plan_err_outside: "The point {value} ({param}) lies outside the region.",
    plan_err_malformed: "‘{value}’ ({param}) is neither an id nor a point as longitude,latitude (for example 6.89,52.22).",
    care_layer: "Hospitals and out-of-hours GP posts",
    care_hospital: "Hospital",
    care_post: "Out-of-hours GP post",
    care_distance: "about {km} ({name})",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

pub static DE: Strings = Strings {
    map_name: "Karte: {title}",
    untitled: "Karte",
    map_label: "Karte: Gemeinde wählen",
    map_hint: "Wählen Sie eine Gemeinde auf der Karte oder in der Liste.",
    layers: "Ebenen",
    praktijk: "Praxen und Stellen",
    wonen: "Wohnen und Praxisräume",
    partnerwerk: "Arbeit für Ihre Partnerin oder Ihren Partner",
    praktijk_one: "{n} Praxis",
    praktijk_other: "{n} Praxen",
    wonen_one: "{n} Wohnung",
    wonen_other: "{n} Wohnungen",
    partnerwerk_one: "{n} Arbeitgeber",
    partnerwerk_other: "{n} Arbeitgeber",
    verhaal: "Hausärztinnen und Hausärzte erzählen",
    agenda: "Termine und Treffen",
    verhaal_one: "{n} Geschichte",
    verhaal_other: "{n} Geschichten",
    agenda_one: "{n} Termin",
    agenda_other: "{n} Termine",
    when: "Wann",
    register: "Anmelden",
    add_to_calendar: "In den Kalender eintragen",
    read_story: "Die ganze Geschichte lesen",
    calendar_feed: "Kalender (iCal)",
    time_suffix: " Uhr",
    kinds: KindNames {
        overname: "Praxisübernahme",
        associatie: "Assoziation",
        waarneming: "Vertretung",
        startpraktijk: "Praxisgründung",
        koop: "Kauf",
        huur: "Miete",
        nieuwbouw: "Neubau",
        praktijkwoning: "Wohnhaus mit Praxis",
        praktijkruimte: "Praxisräume",
        werkgever: "Arbeitgeber",
    },
    sectors: SectorNames {
        zorg: "Gesundheit",
        onderwijs_onderzoek: "Bildung und Forschung",
        techniek_industrie: "Technik und Industrie",
        overheid: "Öffentlicher Dienst",
        zakelijke_dienstverlening: "Unternehmensdienste",
        overig: "Sonstiges",
    },
    reasons: ReasonNames {
        missing_field: "das Feld `{field}` fehlt",
        unknown_field: "es gibt kein Feld `{field}` (ein Tippfehler?)",
        unknown_value: "`{value}` ist hier nicht erlaubt; erlaubt: {allowed}",
        wrong_kind: "dies muss {kind} sein",
        not_a_date: "`{value}` ist kein Datum als JJJJ-MM-TT",
        not_a_moment: "`{value}` ist weder ein Datum (JJJJ-MM-TT) noch ein Datum mit Uhrzeit (JJJJ-MM-TTTHH:MM+01:00)",
        no_offset: "`{value}` hat eine Uhrzeit ohne Zeitzone: +01:00 (Winterzeit) oder +02:00 (Sommerzeit) anfügen",
        point_too_long: "eine Liste hat zu viele Zahlen (ein Punkt ist [Länge, Breite])",
        not_an_object: "dies muss ein Objekt { … } sein, keine Liste [ … ]",
        kind_text: "ein Text",
        kind_number: "eine Zahl",
        kind_boolean: "true oder false",
        kind_list: "eine Liste [ … ]",
        kind_object: "ein Objekt { … }",
        kind_translations: "ein Text oder ein Objekt mit `nl` und optional `en` und `de`",
        end_of_file: "die Datei endet zu früh (eine fehlende } oder ], oder eine abgebrochene Datei?)",
        expected_value: "hier gehört ein Wert hin (Text in Anführungszeichen, eine Zahl, true/false, { } oder [ ])",
        trailing_comma: "ein Komma vor } oder ] (entfernen)",
        expected_colon: "nach dem Namen gehört ein Doppelpunkt :",
        expected_comma_or_end: "hier gehört ein Komma , oder eine schließende } oder ] hin (ein Komma vergessen?)",
        key_must_be_text: "hier gehört ein Name in doppelten Anführungszeichen hin (ein Komma zu viel vor }?)",
        control_character: "ein Zeilenumbruch oder Tab in einem Text (\\n schreiben)",
        invalid_escape: "ein ungültiges Zeichen nach einem Backslash \\",
        invalid_number: "eine ungültige Zahl",
        trailing_characters: "nach dem Ende der Daten steht noch etwas",
        code_not_text: "`code` muss ein Text wie \"GM0153\" sein, nicht {found}",
        missing_property: "die Eigenschaft `{name}` fehlt",
        code_format: "`code` muss wie GM0153 aussehen, nicht `{code}`",
        name_length: "`name` muss 1 bis 60 Zeichen lang sein",
        hidden_characters: "`name` enthält unsichtbare oder richtungsändernde Zeichen: `{name}`",
        no_geometry: "keine Geometrie",
        not_a_polygon: "die Geometrie muss ein Polygon oder MultiPolygon sein, kein {found}",
        ring_too_short: "ein Ring braucht mindestens 4 Positionen",
        not_wgs84: "die Koordinaten müssen WGS84-Länge/Breite sein (ist dies RD New oder eine andere Projektion?)",
        ring_not_closed: "ein Ring ist nicht geschlossen (erste und letzte Position unterscheiden sich)",
        ring_crosses_itself: "ein Ring schneidet sich selbst",
        polygon_without_rings: "ein Polygon ohne Ringe",
        empty_multipolygon: "ein leeres MultiPolygon",
        duplicate_code: "dieser Code kommt zweimal vor",
        no_municipalities: "keine Gemeinden (null Features)",
    },
    legend_title: "Offene Praxen pro Gemeinde",
    legend_none: "keine",
    close: "Schließen",
    panel_empty: "In dieser Gemeinde gibt es noch keine Angebote.",
    start: "Beginn",
    hours: "Umfang",
    patients: "Patienten",
    price: "Preis",
    per_month: "pro Monat",
    sector: "Branche",
    training: "Weiterbildungspraxis",
    more_info: "Mehr Informationen",
    new_tab: "öffnet in einem neuen Tab",
    contact: "Kontakt",
    list_title: "Alle Angebote",
    search: "Suchen",
    search_placeholder: "Titel und Beschreibungen durchsuchen",
    category: "Kategorie",
    all_categories: "Alle Kategorien",
    municipality: "Gemeinde",
    all_municipalities: "Alle Gemeinden",
    results_one: "{n} Ergebnis",
    results_other: "{n} Ergebnisse",
    no_results: "Keine Ergebnisse. Versuchen Sie einen anderen Suchbegriff oder Filter.",
    show_more: "Mehr anzeigen",
    show_on_map: "Auf der Karte zeigen",
    tab_area: "Gemeinde",
    tab_list: "Liste",
    tab_group: "Ansicht",
    skip_map: "Karte überspringen",
    attribution: "Grenzen: © CBS / PDOK (CC BY 4.0), vereinfacht von cartomap/nl",
    updated: "Aktualisiert am {date}",
    demo: "Demodaten",
    feed: "Neuen Stellen folgen",
    loading: "Karte wird geladen…",
    loading_listings: "Die Angebote werden geladen…",
    load_failed: "{file} konnte nicht geladen werden",
    retry: "Erneut versuchen",
    skipped_one: "{n} Eintrag konnte nicht angezeigt werden.",
    skipped_other: "{n} Einträge konnten nicht angezeigt werden.",
    err_empty: "die Datei ist leer",
    err_html: "der Server hat eine HTML-Seite statt JSON gesendet",
    err_encoding: "kein gültiger UTF-8-Text (Byte {offset})",
    err_at: "Zeile {line}, Spalte {column}",
    err_http: "der Server antwortete mit Status {status}",
    err_timeout: "der Server hat nicht rechtzeitig geantwortet",
    err_network: "keine Verbindung zum Server",
    err_geometry: "Gemeinde {feature}",
    crashed: "In der Karte ist ein Fehler aufgetreten. Laden Sie die Seite neu, um es erneut zu versuchen.",
    reload: "Neu laden",
    language: "Sprache",
    share: "Diese Karte teilen",
    copied: "Link kopiert",
    cluster: "{n} Einträge an diesem Ort",
    selected: "{name} ausgewählt: {summary}",
    closed: "Zurück zur Übersicht",
    kiosk_still_there: "Schauen Sie noch?",
    kiosk_touch: "Berühren Sie den Bildschirm, um fortzufahren.",
    kiosk_scan: "Mit dem Telefon scannen",
    kiosk_offline: "Offline: Daten vom {date} werden angezeigt",
    kiosk_refreshed: "Daten aktualisiert am {date}",
    kiosk_touch_to_start: "Berühren Sie eine Gemeinde, um zu beginnen",
    plan_start: "Wo wollen wir wohnen?",
    plan_work: "Ihre Arbeit",
    plan_partner: "Arbeit Ihrer Partnerin oder Ihres Partners",
    plan_choose: "Wo arbeitet Ihre Partnerin oder Ihr Partner? Wählen Sie einen Arbeitgeber oder einen Ort.",
    plan_search: "Arbeitgeber oder Ort suchen",
    plan_employers: "Arbeitgeber",
    plan_towns: "Orte",
    plan_pick: "Einen Punkt auf der Karte wählen",
    plan_picking: "Tippen oder klicken Sie auf der Karte, wo Ihre Partnerin oder Ihr Partner arbeitet.",
    plan_pick_cancel: "Auswahl beenden",
    plan_point_near: "Punkt bei {town}",
    plan_change: "Ändern",
    plan_close: "Plan schließen",
    plan_max_work: "Mit dem Auto zu Ihrer Arbeit",
    plan_max_partner: "Mit dem Auto zur Arbeit Ihrer Partnerin oder Ihres Partners",
    plan_no_max: "Kein Maximum",
    plan_minutes: "höchstens {n} Min.",
    plan_kinds: "Art der Wohnung",
    plan_filters: "Fahrzeit und Art der Wohnung",
    plan_homes_one: "{n} Wohnung, kürzester gemeinsamer Weg zuerst",
    plan_homes_other: "{n} Wohnungen, kürzester gemeinsamer Weg zuerst",
    plan_none: "Keine Wohnung passt zu dieser Auswahl. Erlauben Sie eine längere Fahrzeit oder eine andere Wohnungsart.",
    plan_to_work: "{km} zu Ihrer Arbeit",
    plan_to_partner: "{km} zur Arbeit Ihrer Partnerin oder Ihres Partners",
    plan_car: "ca. {n} Min. mit dem Auto",
    plan_bike: "ca. {n} Min. mit dem Fahrrad",
    plan_estimate: "Fahrzeiten sind Schätzungen: Luftlinie × Umwegfaktor ÷ Durchschnittsgeschwindigkeit (Auto 1,3 und 50 km/h, Fahrrad 1,2 und 15 km/h).",
    plan_rings: "Auf der Karte: Raute Ihre Arbeit, Stern die Ihrer Partnerin oder Ihres Partners; schraffiert innerhalb von 15 Min. mit dem Auto (nach rechts ab Ihrer Arbeit, nach links ab der anderen), gepunkteter Ring 30 Min. Nummern: die Reihenfolge der Liste.",
    plan_take_home: "Nehmen Sie diesen Plan mit nach Hause",
    plan_ranked: "Plan: {summary}",
    plan_err_unknown: "Der Plan in diesem Link verweist auf ‚{value}‘ ({param}), das nicht (mehr) angeboten wird.",
    plan_err_category: "‚{value}‘ ({param}) ist kein Eintrag aus ‚{expected}‘.",
    plan_err_no_point: "‚{value}‘ ({param}) hat keinen Ort auf der Karte.",
    plan_err_outside: "Der Punkt {value} ({param}) liegt außerhalb der Region.",
    plan_err_malformed: "‚{value}‘ ({param}) ist weder eine ID noch ein Punkt als Länge,Breite (zum Beispiel 6.89,52.22).",
    care_layer: "Krankenhäuser und hausärztliche Notdienstpraxen",
    care_hospital: "Krankenhaus",
    care_post: "Hausärztliche Notdienstpraxis",
    care_distance: "ca. {km} ({name})",
    months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    weekdays: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_match_across_languages() {
        // The compiler checks every field exists; this checks each translation keeps the same placeholders.
        let debug = |s: &Strings| format!("{s:?}");
        let placeholders = |s: String| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split('}').next().map(str::to_string))
                .filter(|p| p.chars().all(|c| c.is_ascii_lowercase()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(placeholders(debug(&NL)), placeholders(debug(&EN)));
        assert_eq!(placeholders(debug(&NL)), placeholders(debug(&DE)));
    }

    #[test]
    fn a_broken_file_is_explained_in_the_readers_language() {
        let e = crate::dataset::parse_listings(
            "listings.json",
            b"{\n \"items\": []\n}",
            Default::default(),
        )
        .unwrap_err();
        assert_eq!(
            NL.data_error(&e),
            "regel 3, kolom 1: het veld `meta` ontbreekt"
        );
        assert_eq!(
            DE.data_error(&e),
            "Zeile 3, Spalte 1: das Feld `meta` fehlt"
        );
        assert_eq!(
            e.to_string(),
            "listings.json, line 3, column 1: the field `meta` is missing"
        );
        let g = crate::municipality::parse_municipalities("g.geojson", br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"GM0001","name":"Test"},"geometry":{"type":"Point","coordinates":[6,52]}}]}"#).unwrap_err();
        assert_eq!(
            NL.data_error(&g),
            format!(
                "{}: de geometrie moet een Polygon of MultiPolygon zijn, geen Point",
                fill(NL.err_geometry, &[("feature", "GM0001")])
            )
        );
    }

    fn counts([p, w, e]: [usize; 3]) -> PerCategory<usize> {
        enum_map::enum_map! {
            Category::Praktijk => p, Category::Wonen => w, Category::Partnerwerk => e,
            Category::Verhaal => 0, Category::Agenda => 0,
        }
    }

    #[test]
    fn stories_and_events_are_counted_when_there_are_any() {
        let mut c = counts([1, 0, 2]);
        c[Category::Verhaal] = 2;
        assert_eq!(
            NL.counts_line(c, crate::listing::all_layers()),
            "1 praktijk, 0 woningen, 2 werkgevers, 2 verhalen"
        );
        c[Category::Agenda] = 1;
        assert_eq!(
            DE.counts_line(c, crate::listing::all_layers()),
            "1 Praxis, 0 Wohnungen, 2 Arbeitgeber, 2 Geschichten, 1 Termin"
        );
    }

    #[test]
    fn summary_reads_like_a_sentence() {
        assert_eq!(
            NL.municipality_summary("Enschede", counts([6, 4, 5]), crate::listing::all_layers()),
            "Enschede: 6 praktijken, 4 woningen, 5 werkgevers"
        );
        assert_eq!(
            EN.municipality_summary("Borne", counts([1, 0, 2]), crate::listing::all_layers()),
            "Borne: 1 practice, 0 homes, 2 employers"
        );
    }

    #[test]
    fn dates_and_money_per_language() {
        let d = crate::date::Date::new(2027, 2, 1).unwrap();
        assert_eq!(format_date(Lang::Nl, d), "1 februari 2027");
        assert_eq!(format_date(Lang::De, d), "1. Februar 2027");
        assert_eq!(format_euros(Lang::Nl, 1250), "€ 1.250");
        assert_eq!(format_euros(Lang::En, 425000), "€425,000");
        assert_eq!(format_km(Lang::Nl, 8.24), "8,2 km");
        assert_eq!(format_km(Lang::En, 8.26), "8.3 km");
        assert_eq!(round_minutes(0.2), "1");
    }

    #[test]
    fn event_times_per_language() {
        use crate::date::Moment;
        let m = |s: &str| Moment::parse(s).unwrap();
        let (start, end) = (m("2027-01-14T19:30+01:00"), m("2027-01-14T21:30+01:00"));
        assert_eq!(
            format_when(Lang::Nl, start, Some(end)),
            "donderdag 14 januari 2027, 19:30–21:30"
        );
        assert_eq!(
            format_when(Lang::En, start, Some(end)),
            "Thursday 14 January 2027, 19:30–21:30"
        );
        assert_eq!(
            format_when(Lang::De, start, Some(end)),
            "Donnerstag, 14. Januar 2027, 19:30–21:30 Uhr"
        );
        assert_eq!(
            format_when(Lang::Nl, m("2027-03-19"), Some(m("2027-03-20"))),
            "vrijdag 19 maart 2027 – zaterdag 20 maart 2027"
        );
        assert_eq!(
            format_when(Lang::En, m("2027-03-19"), None),
            "Friday 19 March 2027"
        );
    }
}
