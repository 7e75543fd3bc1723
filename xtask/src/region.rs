//! A region is a folder `regions/<name>/`: its `region.json` (the region's name, its municipality codes, CBS
//! `GM` + four digits, and optionally its accent colours), its `gemeenten.geojson` (made by
//! `cargo xtask data boundaries --region <name>`) and its `listings.json` (the campaign's texts and items, kept
//! by the campaign's staff with the editor). Everything else in the folder (pictures, ATTRIBUTION.md) is
//! published with the data.

use anyhow::{bail, Context, Result};
use std::path::PathBuf;

/// The region `cargo xtask build`, `serve` and the data commands take when none is named.
pub const DEFAULT: &str = "twente";

/// `regions/<name>/region.json`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// As people say it: "Drenthe".
    pub name: String,
    /// The municipalities the region is made of.
    pub codes: Vec<String>,
    /// The colour of links, buttons and the selected state, if not the widget's green.
    #[serde(default)]
    pub accent: Option<Accent>,
}

/// Accent colours as `#rrggbb`, one for a light and one for a dark page; each must be readable as text on its
/// page's background.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accent {
    pub light: String,
    pub dark: String,
}

/// The widget's page backgrounds (`--tk-bg` in style/widget.css), light and dark.
const BACKGROUNDS: [(&str, &str); 2] = [("light", "#ffffff"), ("dark", "#111816")];

/// WCAG's minimum contrast for text.
const MIN_CONTRAST: f64 = 4.5;

/// The folder of region `name`: `regions/<name>/`, or, when `name` is a path (it has a `/`), that folder itself,
/// relative to the project; the benchmark builds its generated national data set (`bench/national`) that way.
pub fn dir(name: &str) -> PathBuf {
    if name.contains('/') {
        crate::root().join(name)
    } else {
        crate::root().join("regions").join(name)
    }
}

/// The names of the region folders, sorted.
pub fn all() -> Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(crate::root().join("regions"))? {
        let entry = entry?;
        if entry.path().join("region.json").is_file() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    Ok(names)
}

/// Reads and checks `regions/<name>/region.json`.
pub fn load(name: &str) -> Result<Region> {
    let path = dir(name).join("region.json");
    let text = std::fs::read_to_string(&path).with_context(|| {
        let known = all().unwrap_or_default().join(", ");
        format!(
            "reading {} (a region is a folder regions/<name>/, or a folder path, with a region.json; there are: {known})",
            path.display()
        )
    })?;
    let region: Region =
        serde_json::from_str(&text).with_context(|| format!("{}: not a region", path.display()))?;
    let well_formed = |c: &String| {
        c.len() == 6 && c.starts_with("GM") && c[2..].bytes().all(|b| b.is_ascii_digit())
    };
    if let Some(bad) = region.codes.iter().find(|c| !well_formed(c)) {
        bail!(
            "{}: `codes`: {bad:?} is not a CBS municipality code (GM and four digits)",
            path.display()
        );
    }
    if region.codes.is_empty() {
        bail!("{}: `codes` lists no municipality", path.display());
    }
    if region.name.trim().is_empty() {
        bail!("{}: `name` is empty", path.display());
    }
    if let Some(accent) = &region.accent {
        for ((which, bg), colour) in BACKGROUNDS.iter().zip([&accent.light, &accent.dark]) {
            let Some(fg) = rgb(colour) else {
                bail!(
                    "{}: `accent.{which}`: {colour:?} is not a colour as #rrggbb",
                    path.display()
                );
            };
            let ratio = contrast(fg, rgb(bg).unwrap_or([255; 3]));
            if ratio < MIN_CONTRAST {
                bail!(
                    "{}: `accent.{which}`: {colour} on the {which} background {bg} has contrast {ratio:.2}:1; \
                     text needs at least {MIN_CONTRAST}:1 (choose a {} colour)",
                    path.display(),
                    if *which == "light" { "darker" } else { "lighter" }
                );
            }
        }
    }
    Ok(region)
}

impl Region {
    /// The stylesheet that gives the widget the region's accent, if it has one.
    pub fn accent_css(&self) -> Option<String> {
        self.accent.as_ref().map(|a| {
            format!(
                ":root {{ --tk-accent: {}; }}\n@media (prefers-color-scheme: dark) {{ :root {{ --tk-accent: {}; }} }}\n",
                a.light, a.dark
            )
        })
    }
}

/// `#rrggbb` as bytes.
fn rgb(colour: &str) -> Option<[u8; 3]> {
    let hex = colour.strip_prefix('#').filter(|h| h.len() == 6)?;
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// WCAG 2 contrast ratio of two sRGB colours.
fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    fn luminance(c: [u8; 3]) -> f64 {
        let lin = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.039_28 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_wcags() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        // The widget's own accents pass on their backgrounds.
        assert!(contrast(rgb("#0b6e4f").unwrap(), [255; 3]) >= MIN_CONTRAST);
        assert!(contrast(rgb("#5cc79a").unwrap(), rgb("#111816").unwrap()) >= MIN_CONTRAST);
        assert!(contrast(rgb("#7fbf7f").unwrap(), [255; 3]) < MIN_CONTRAST);
        assert_eq!(rgb("#0b6e4"), None);
        assert_eq!(rgb("0b6e4f"), None);
    }

    #[test]
    fn every_region_folder_loads() {
        let names = all().unwrap();
        assert_eq!(names, ["drechtsteden", "drenthe", "twente"]);
        for name in names {
            load(&name).unwrap();
        }
    }
}
