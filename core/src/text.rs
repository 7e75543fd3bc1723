//! Text that may come in Dutch, English and German, with Dutch as the fallback.

use serde::{Deserialize, Serialize};

/// The languages of the widget. Dutch is the default and the fallback for data text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nl, Lang::En, Lang::De];

    /// The BCP 47 tag, as used in `lang` attributes and the `?lang=` option.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// Parses `nl`, `en`, `de` and regional forms such as `de-AT` or `en_GB`; anything else is `None`.
    ///
    /// ```
    /// use twente_kaart_core::Lang;
    /// assert_eq!(Lang::parse("de-AT"), Some(Lang::De));
    /// assert_eq!(Lang::parse("fr"), None);
    /// ```
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }
}

/// A text field of the data: either a plain Dutch string or `{ "nl": …, "en": …, "de": … }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(
    untagged,
    expecting = "a text, or an object with `nl` and optionally `en` and `de` texts"
)]
pub enum LocalizedText {
    /// Dutch only.
    Plain(String),
    /// Per language; `nl` is required because it is the fallback.
    Variants {
        nl: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        en: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        de: Option<String>,
    },
}

impl LocalizedText {
    /// The text in `lang`, falling back to Dutch when that variant is missing or empty.
    ///
    /// ```
    /// use twente_kaart_core::{Lang, LocalizedText};
    /// let t: LocalizedText = serde_json::from_str(r#"{"nl":"Huis","en":"House"}"#).unwrap();
    /// assert_eq!(t.get(Lang::En), "House");
    /// assert_eq!(t.get(Lang::De), "Huis");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            LocalizedText::Plain(s) => s,
            LocalizedText::Variants { nl, en, de } => {
                let chosen = match lang {
                    Lang::Nl => None,
                    Lang::En => en.as_deref(),
                    Lang::De => de.as_deref(),
                };
                chosen.filter(|s| !s.trim().is_empty()).unwrap_or(nl)
            }
        }
    }

    /// Every variant that is present, for validation and search.
    pub fn variants(&self) -> impl Iterator<Item = &str> {
        let (a, b, c) = match self {
            LocalizedText::Plain(s) => (Some(s.as_str()), None, None),
            LocalizedText::Variants { nl, en, de } => {
                (Some(nl.as_str()), en.as_deref(), de.as_deref())
            }
        };
        [a, b, c].into_iter().flatten()
    }
}

impl From<&str> for LocalizedText {
    fn from(s: &str) -> Self {
        LocalizedText::Plain(s.to_string())
    }
}
