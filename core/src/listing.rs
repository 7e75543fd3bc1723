//! One listing: an open practice or position, a housing option, a partner employer, a GP's story or an event.

use crate::date::{Date, Moment, Now};
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// The layers of the map.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, enum_map::Enum,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Open practices and positions.
    Praktijk,
    /// Housing and practice premises.
    Wonen,
    /// Employers where a doctor's partner can work.
    Partnerwerk,
    /// A GP's own story: a quote, who says it, and where.
    Verhaal,
    /// An event where people meet: a visit day, a congress, an evening for starting and stopping GPs.
    Agenda,
}

/// One value per category (which layers are on, how many items each has): indexed by [`Category`], so no
/// category can be forgotten or mixed up with another's position.
pub type PerCategory<T> = enum_map::EnumMap<Category, T>;

/// Every layer on.
pub fn all_layers() -> PerCategory<bool> {
    PerCategory::from_fn(|_| true)
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Praktijk,
        Category::Wonen,
        Category::Partnerwerk,
        Category::Verhaal,
        Category::Agenda,
    ];

    /// The name in the data and in URLs (`?layers=praktijk,wonen`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Praktijk => "praktijk",
            Category::Wonen => "wonen",
            Category::Partnerwerk => "partnerwerk",
            Category::Verhaal => "verhaal",
            Category::Agenda => "agenda",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Whether items of this category name their `kind` (stories and events have none).
    pub fn has_kinds(self) -> bool {
        Kind::ALL.iter().any(|k| k.category() == self)
    }
}

/// What a listing offers. Each kind belongs to exactly one category (see [`Kind::category`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// praktijk: taking over a practice.
    Overname,
    /// praktijk: joining as an associate (partner in the practice).
    Associatie,
    /// praktijk: locum (waarnemer), employed or self-employed.
    Waarneming,
    /// praktijk: room for a new practice.
    Startpraktijk,
    /// wonen: a home to buy.
    Koop,
    /// wonen: a home to rent.
    Huur,
    /// wonen: a new-build project.
    Nieuwbouw,
    /// wonen: a home with a practice room.
    Praktijkwoning,
    /// wonen: practice premises (no home).
    Praktijkruimte,
    /// partnerwerk: an employer.
    Werkgever,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Overname,
        Kind::Associatie,
        Kind::Waarneming,
        Kind::Startpraktijk,
        Kind::Koop,
        Kind::Huur,
        Kind::Nieuwbouw,
        Kind::Praktijkwoning,
        Kind::Praktijkruimte,
        Kind::Werkgever,
    ];

    pub fn category(self) -> Category {
        match self {
            Kind::Overname | Kind::Associatie | Kind::Waarneming | Kind::Startpraktijk => {
                Category::Praktijk
            }
            Kind::Koop
            | Kind::Huur
            | Kind::Nieuwbouw
            | Kind::Praktijkwoning
            | Kind::Praktijkruimte => Category::Wonen,
            Kind::Werkgever => Category::Partnerwerk,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Overname => "overname",
            Kind::Associatie => "associatie",
            Kind::Waarneming => "waarneming",
            Kind::Startpraktijk => "startpraktijk",
            Kind::Koop => "koop",
            Kind::Huur => "huur",
            Kind::Nieuwbouw => "nieuwbouw",
            Kind::Praktijkwoning => "praktijkwoning",
            Kind::Praktijkruimte => "praktijkruimte",
            Kind::Werkgever => "werkgever",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The sector of a partner employer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Sector {
    Zorg,
    OnderwijsOnderzoek,
    TechniekIndustrie,
    Overheid,
    ZakelijkeDienstverlening,
    Overig,
}

impl Sector {
    pub const ALL: [Sector; 6] = [
        Sector::Zorg,
        Sector::OnderwijsOnderzoek,
        Sector::TechniekIndustrie,
        Sector::Overheid,
        Sector::ZakelijkeDienstverlening,
        Sector::Overig,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Zorg => "zorg",
            Sector::OnderwijsOnderzoek => "onderwijs-onderzoek",
            Sector::TechniekIndustrie => "techniek-industrie",
            Sector::Overheid => "overheid",
            Sector::ZakelijkeDienstverlening => "zakelijke-dienstverlening",
            Sector::Overig => "overig",
        }
    }

    pub fn parse(s: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Whether a price is per month (rent) or once (purchase).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum PricePeriod {
    Maand,
    Eenmalig,
}

/// A price range in whole euros.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// Lowest price in euros.
    pub min: u32,
    /// Highest price in euros; omit for a single price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// `maand` for rent per month, `eenmalig` for a purchase price.
    pub per: PricePeriod,
}

/// How to reach the person behind a listing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// An e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A phone number, e.g. +31 53 123 4567.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// A web page (https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Who tells a story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The name as it may be published, e.g. "Sanne de Vries" (at most 60 characters).
    pub name: String,
    /// Who they are, e.g. "huisarts in Haaksbergen sinds 2021" (at most 90 characters).
    pub role: LocalizedText,
}

/// A picture that goes with a story: a file of the campaign's own, never a web address (the widget makes
/// no third-party requests).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Photo {
    /// A file in the data folder's `img/`, e.g. `img/haaksbergen-markt.jpg` (jpg, png, webp, avif or svg;
    /// at most 80 KB).
    pub src: String,
    /// What the picture shows, for people who cannot see it (required).
    pub alt: LocalizedText,
    /// The picture's width in pixels (so the page keeps its place while it loads).
    pub width: u32,
    /// The picture's height in pixels.
    pub height: u32,
}

/// One item on the map and in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Listing {
    /// Stable identifier: lowercase letters, digits and dashes, unique in the file (used in links).
    pub id: String,
    /// The layer: praktijk, wonen, partnerwerk, verhaal or agenda.
    pub category: Category,
    /// What is offered; must belong to the category (e.g. overname → praktijk). Required for praktijk, wonen
    /// and partnerwerk; stories and events have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// CBS municipality code, e.g. GM0153 for Enschede.
    pub municipality: String,
    /// Town or village, e.g. Glanerbrug. Required except for a story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    /// Location as [longitude, latitude] (WGS84); without it the item is in the list only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<[f64; 2]>,
    /// Short title (at most 90 characters). Required except for a story (whose heading is the person).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<LocalizedText>,
    /// One paragraph (at most 600 characters). Required except for a story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
    /// Where to read more: https (http is accepted with a warning), mailto: or tel:.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// When this item was last changed.
    pub updated: crate::date::Date,
    /// After this date the item is not shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// praktijk: a training practice (opleidingspraktijk) with places for GP trainees.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub training: bool,
    /// praktijk: when the position starts (a date). agenda: when the event starts (required): a date for a
    /// whole day, or a date-time with its offset, e.g. 2027-03-20T19:30+01:00.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Moment>,
    /// agenda: when the event ends (a date or date-time; not before `start`). Without it, `start` is the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Moment>,
    /// praktijk: hours or size of the position, e.g. "3 dagen per week".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<LocalizedText>,
    /// praktijk: number of registered patients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patients: Option<u32>,
    /// wonen: price range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Price>,
    /// partnerwerk: the employer's sector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// verhaal: the story in the GP's own words (at most 280 characters; required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<LocalizedText>,
    /// verhaal: who tells it (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Person>,
    /// verhaal: a picture (a file in `img/`, with its alt text and size).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<Photo>,
    /// Shown first in kiosk mode's attract loop.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub featured: bool,
}

impl Listing {
    /// Whether the item is still current on `today` (an item is shown up to and including `valid_until`).
    pub fn is_current(&self, today: Date) -> bool {
        self.valid_until.is_none_or(|until| until >= today)
    }

    /// The card's heading: the title, or for a story without one the person's name.
    pub fn heading(&self, lang: crate::text::Lang) -> &str {
        match (&self.title, &self.person) {
            (Some(t), _) => t.get(lang),
            (None, Some(p)) => &p.name,
            (None, None) => "",
        }
    }

    /// The town, or empty (a story may name only its municipality).
    pub fn town(&self) -> &str {
        self.town.as_deref().unwrap_or_default()
    }

    /// The description in `lang`, or empty.
    pub fn description(&self, lang: crate::text::Lang) -> &str {
        self.description
            .as_ref()
            .map(|d| d.get(lang))
            .unwrap_or_default()
    }

    /// An event's last moment: its `end`, or its `start` without one.
    pub fn last_moment(&self) -> Option<Moment> {
        self.end.or(self.start)
    }

    /// Whether an event is over at `now` (other categories never are).
    pub fn is_over(&self, now: Now) -> bool {
        self.category == Category::Agenda && self.last_moment().is_some_and(|m| m.is_over(now))
    }

    /// A link that is safe to put in an `href`: only `https:`, `http:`, `mailto:` and `tel:`.
    pub fn safe_link(&self) -> Option<&str> {
        self.link.as_deref().filter(|l| is_safe_link(l))
    }
}

/// Only these schemes become links; `javascript:`, `data:` and relative URLs never do.
///
/// ```
/// use twente_kaart_core::listing::is_safe_link;
/// assert!(is_safe_link("https://www.mst.nl/werken-bij"));
/// assert!(!is_safe_link(" javascript:alert(1)"));
/// ```
pub fn is_safe_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    let has_host = |rest: &str| {
        rest.len() > 1 && !rest.starts_with('/') && !rest.contains(char::is_whitespace)
    };
    if let Some(rest) = lower.strip_prefix("https://") {
        has_host(rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        has_host(rest)
    } else if let Some(rest) = lower.strip_prefix("mailto:") {
        crate::checks::is_email(rest)
    } else if let Some(rest) = lower.strip_prefix("tel:") {
        crate::checks::is_phone(rest)
    } else {
        false
    }
}
