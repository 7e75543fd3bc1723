//! One listing: an open practice or position, a housing option or a partner employer.

use crate::date::Date;
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// The three layers of the map.
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
}

/// One value per category (which layers are on, how many items each has): indexed by [`Category`], so no
/// category can be forgotten or mixed up with another's position.
pub type PerCategory<T> = enum_map::EnumMap<Category, T>;

/// Every layer on.
pub fn all_layers() -> PerCategory<bool> {
    PerCategory::from_fn(|_| true)
}

impl Category {
    pub const ALL: [Category; 3] = [Category::Praktijk, Category::Wonen, Category::Partnerwerk];

    /// The name in the data and in URLs (`?layers=praktijk,wonen`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Praktijk => "praktijk",
            Category::Wonen => "wonen",
            Category::Partnerwerk => "partnerwerk",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
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

/// One item on the map and in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Listing {
    /// Stable identifier: lowercase letters, digits and dashes, unique in the file (used in links).
    pub id: String,
    /// The layer: praktijk, wonen or partnerwerk.
    pub category: Category,
    /// What is offered; must belong to the category (e.g. overname → praktijk).
    pub kind: Kind,
    /// CBS municipality code, e.g. GM0153 for Enschede.
    pub municipality: String,
    /// Town or village, e.g. Glanerbrug.
    pub town: String,
    /// Location as [longitude, latitude] (WGS84); without it the item is in the list only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<[f64; 2]>,
    /// Short title (at most 90 characters).
    pub title: LocalizedText,
    /// One paragraph (at most 600 characters).
    pub description: LocalizedText,
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
    /// praktijk: when the position starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
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
    /// Shown first in kiosk mode's attract loop.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub featured: bool,
}

impl Listing {
    /// Whether the item is still current on `today` (an item is shown up to and including `valid_until`).
    pub fn is_current(&self, today: Date) -> bool {
        self.valid_until.is_none_or(|until| until >= today)
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
