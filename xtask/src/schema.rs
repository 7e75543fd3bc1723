//! JSON Schemas generated from the Rust types, committed under `public/schema/`, so editors validate the
//! data files while typing (the files point at them with `$schema`).

use anyhow::Result;
use twente_kaart_core::ListingsFile;

pub fn listings_schema() -> String {
    let mut schema = schemars::schema_for!(ListingsFile);
    schema.insert("$id".into(), "listings.schema.json".into());
    schema.insert("title".into(), "twente-kaart listings".into());
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

pub fn path() -> std::path::PathBuf {
    crate::root().join("public/schema/listings.schema.json")
}

pub fn write_all() -> Result<()> {
    std::fs::create_dir_all(crate::root().join("public/schema"))?;
    std::fs::write(path(), listings_schema())?;
    println!("wrote {}", path().display());
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn committed_schema_is_up_to_date() {
        let committed = std::fs::read_to_string(super::path()).unwrap_or_default();
        assert!(
            committed == super::listings_schema(),
            "public/schema/listings.schema.json is stale: run `cargo xtask data schema`"
        );
    }
}
