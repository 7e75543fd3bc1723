//! The metadata block of the listings file: the campaign's title, intro, contact and the region's care sites.

use crate::date::Date;
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// The campaign's contact, shown in the widget's header and footer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CampaignContact {
    /// E-mail address, e.g. info@huisartsintwente.nl.
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The campaign's website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The metadata block of the listings file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Dataset title, e.g. "Huisarts in Twente".
    pub title: LocalizedText,
    /// One intro line shown above the map.
    pub intro: LocalizedText,
    pub contact: CampaignContact,
    /// When the data was last updated (shown in the footer).
    pub updated: Date,
    /// Demo content: the widget shows a "demo data" badge.
    #[serde(default)]
    pub demo: bool,
    /// Kiosk mode: the "talk to us here at the stand" line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stand_text: Option<LocalizedText>,
    /// The region's hospitals and out-of-hours GP posts: a context layer of the map, and the distance to the
    /// nearest post on every practice's card.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub care: Vec<crate::care::CareSite>,
}
