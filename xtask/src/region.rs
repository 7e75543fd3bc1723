//! A region other than the demo's: a folder `regions/<name>/` with its `region.json` (the region's name and its
//! municipality codes, CBS `GM` + four digits) and the files made for it, such as `gemeenten.geojson`
//! (`cargo xtask data boundaries --region <name>`).

use anyhow::{bail, Context, Result};
use std::path::PathBuf;

/// `regions/<name>/region.json`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// As people say it: "Drenthe".
    pub name: String,
    /// The municipalities the region is made of.
    pub codes: Vec<String>,
}

/// The folder of region `name`.
pub fn dir(name: &str) -> PathBuf {
    crate::root().join("regions").join(name)
}

/// Reads and checks `regions/<name>/region.json`.
pub fn load(name: &str) -> Result<Region> {
    let path = dir(name).join("region.json");
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "reading {} (a region is a folder regions/<name>/ with a region.json)",
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
    Ok(region)
}
