//! Spreadsheet round trip for recruiters: `import-csv` turns a CSV (semicolon or comma, UTF-8 with or
//! without BOM, Dutch dates and numbers accepted) into listings.json with the same validation as the widget;
//! `export-csv` goes back. A row is the core's `ItemRow` — the editor's form is the same type — read and
//! written with the `csv` crate, so every field survives the round trip.
//!
//! Columns (header row, any order; an unknown column is an error, so a typo is not silently lost): see
//! `twente_kaart_core::row::COLUMNS`.

use anyhow::{bail, Context, Result};
use twente_kaart_core::row::{ItemRow, COLUMNS};
use twente_kaart_core::{Listing, ListingsFile};

/// One read row with the line it starts on (for messages).
pub struct Row {
    pub line: u64,
    pub row: ItemRow,
}

/// Reads the rows of a CSV. Bad shape (an unknown column, a row with the wrong number of cells) is an error
/// that names the line.
pub fn rows_from_csv(text: &str) -> Result<Vec<Row>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let sep = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let header: csv::StringRecord = reader
        .headers()
        .context("the CSV has no header row")?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    if header.is_empty() {
        bail!("the CSV is empty");
    }
    for h in &header {
        if !COLUMNS.contains(&h) {
            bail!(
                "line 1: unknown column `{h}` (known: {})",
                COLUMNS.join(", ")
            );
        }
    }
    reader.set_headers(header.clone());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| anyhow::anyhow!("{}", csv_message(&e)))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let row: ItemRow = record
            .deserialize(Some(&header))
            .with_context(|| format!("line {line}: {}", record.as_slice()))?;
        rows.push(Row { line, row });
    }
    Ok(rows)
}

fn csv_message(e: &csv::Error) -> String {
    match e.position() {
        Some(p) => format!("line {}: {e}", p.line()),
        None => e.to_string(),
    }
}

/// One read row as an item; a cell that does not read names its line and column.
fn listing_of(Row { line, row }: &Row) -> Result<Listing> {
    serde_path_to_error::deserialize(row.to_value()).map_err(|e| {
        let column = column_of(&e.path().to_string());
        anyhow::anyhow!("line {line}, column `{column}`: {}", e.into_inner())
    })
}

/// The CSV column of a path in the item (`contact.email` → `contact_email`, `title.en` → `title_en`).
fn column_of(path: &str) -> String {
    match path {
        "point[0]" => "lon".into(),
        "point[1]" => "lat".into(),
        "." => "(row)".into(),
        p => p.replace(".nl", "").replace('.', "_"),
    }
}

/// Listings to CSV (semicolon-separated, as Dutch spreadsheet programs expect, with a BOM for Excel).
pub fn listings_to_csv(items: &[Listing]) -> Result<String> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    writer.write_record(COLUMNS)?;
    for item in items {
        writer.serialize(ItemRow::from_listing(item))?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

/// `import` into region `region`'s listings.json (validated against its map), `export` from it.
pub fn import(input: &std::path::Path, region: &str) -> Result<()> {
    crate::region::load(region)?;
    let dir = crate::region::dir(region);
    let input = input.display().to_string();
    let csv = std::fs::read_to_string(&input)
        .with_context(|| format!("reading {input} (UTF-8 expected)"))?;
    let (json, n) = listings_json_from_csv(&csv, &input, &dir)?;
    let out = dir.join("listings.json");
    std::fs::write(&out, json)?;
    println!("wrote {n} items to {}", out.display());
    Ok(())
}

/// The new listings.json of the data folder `dir` with the items of `csv` (read from `input`) and the folder's
/// current texts, and its item count; checked as `data check` and the widget check it, against the folder's
/// map. Problems are printed with the CSV's line numbers; any error refuses the whole file.
fn listings_json_from_csv(
    csv: &str,
    input: &str,
    dir: &std::path::Path,
) -> Result<(String, usize)> {
    let rows = rows_from_csv(csv)?;
    let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    let items = rows.iter().map(listing_of).collect::<Result<Vec<_>>>()?;
    // The campaign's texts stay as they are: a spreadsheet holds only the items.
    let current_path = dir.join("listings.json");
    let current: ListingsFile = serde_json::from_slice(&std::fs::read(&current_path)?)
        .with_context(|| format!("reading {} for its meta", current_path.display()))?;
    let file = ListingsFile {
        schema: current.schema,
        meta: current.meta,
        items,
    };
    let mut json = serde_json::to_string_pretty(&file)?;
    json.push('\n');
    let map = twente_kaart_core::municipality::parse_municipalities(
        "gemeenten.geojson",
        &std::fs::read(dir.join("gemeenten.geojson"))?,
    )?;
    let parsed = twente_kaart_core::dataset::parse_listings(
        "listings.json",
        json.as_bytes(),
        twente_kaart_core::validate::Context {
            now: Some(crate::today::now()),
            file_size: Some(&crate::data::file_size_in(dir)),
            ..twente_kaart_core::validate::Context::with_map(&map.municipalities)
        },
    )?;
    let errors: Vec<_> = parsed.errors().collect();
    for p in &parsed.problems {
        let row = p
            .item_index
            .and_then(|i| lines.get(i))
            .map(|l| format!("{input}, line {l}: "))
            .unwrap_or_default();
        println!("{:?}: {row}{p}", p.severity());
    }
    if !errors.is_empty() {
        bail!("{} errors: nothing written", errors.len());
    }
    Ok((json, file.items.len()))
}

pub fn export(region: &str, out: &std::path::Path) -> Result<()> {
    crate::region::load(region)?;
    let path = crate::region::dir(region).join("listings.json");
    let file: ListingsFile = serde_json::from_slice(&std::fs::read(&path)?)
        .with_context(|| format!("reading {}", path.display()))?;
    std::fs::write(out, listings_to_csv(&file.items)?)?;
    println!("wrote {} items to {}", file.items.len(), out.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CSV text to listings, as the import reads it.
    fn listings_from_csv(text: &str) -> Result<Vec<Listing>> {
        rows_from_csv(text)?.iter().map(listing_of).collect()
    }
    use twente_kaart_core::LocalizedText;

    #[test]
    fn round_trip_keeps_every_field() {
        // The demo data, and one item that uses every field the format has (translations of every text,
        // contact url and phone, a price range, sector, training, featured, separators and newlines in text).
        let path = crate::region::dir(crate::region::DEFAULT).join("listings.json");
        let file: ListingsFile = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        let every: Listing =
            serde_json::from_str(include_str!("../../tests/fixtures/every-field.json")).unwrap();
        let mut items = file.items.clone();
        items.push(every);
        let csv = listings_to_csv(&items).unwrap();
        let back = listings_from_csv(&csv).unwrap();
        assert_eq!(back.len(), items.len());
        for (b, i) in back.iter().zip(&items) {
            assert_eq!(b, i, "{} changed in the round trip", i.id);
        }
    }

    #[test]
    fn a_region_imports_into_its_own_file_and_keeps_its_texts() {
        let dir = crate::region::dir("drenthe");
        let committed = std::fs::read_to_string(dir.join("listings.json")).unwrap();
        let file: ListingsFile = serde_json::from_str(&committed).unwrap();
        let csv = listings_to_csv(&file.items).unwrap();
        let (json, n) = listings_json_from_csv(&csv, "drenthe.csv", &dir).unwrap();
        assert_eq!(n, file.items.len());
        let back: ListingsFile = serde_json::from_str(&json).unwrap();
        assert_eq!(
            back, file,
            "Drenthe's items and texts, unchanged by the round trip"
        );
        // Drenthe's municipalities are not on another region's map: refused, nothing written.
        let other = crate::region::dir(crate::region::DEFAULT);
        let e = listings_json_from_csv(&csv, "drenthe.csv", &other)
            .unwrap_err()
            .to_string();
        assert!(e.ends_with("errors: nothing written"), "{e}");
    }

    #[test]
    fn comma_csv_with_bom_and_dutch_dates() {
        let csv = "\u{feff}id,category,kind,municipality,town,title,description,updated,valid_until\r\nprk-x,praktijk,waarneming,GM0153,Enschede,\"Waarneming, 3 dagen\",Tekst,1-2-2026,31/12/2026\r\n";
        let items = listings_from_csv(csv).unwrap();
        assert_eq!(
            items[0].title,
            Some(LocalizedText::Plain("Waarneming, 3 dagen".into()))
        );
        assert_eq!(items[0].updated.to_string(), "2026-02-01");
        assert_eq!(items[0].valid_until.unwrap().to_string(), "2026-12-31");
    }

    #[test]
    fn a_cell_that_does_not_read_names_its_line_and_column() {
        let csv =
            "id;category;kind;municipality;town;title;description;updated;contact_email;hours_en\n\
                   prk-x;praktijk;waarneming;GM0153;Enschede;T;D;2026-01-01;;3 days\n\
                   prk-y;praktijk;kiosk;GM0153;Enschede;T;D;2026-01-01;;\n";
        let e = listings_from_csv(csv).unwrap_err().to_string();
        assert!(
            e.starts_with("line 3, column `kind`: unknown variant `kiosk`"),
            "{e}"
        );
        let csv = csv.lines().take(2).collect::<Vec<_>>().join("\n");
        let items = listings_from_csv(&csv).unwrap();
        assert_eq!(
            items[0]
                .hours
                .as_ref()
                .map(|h| h.get(twente_kaart_core::Lang::En)),
            Some("3 days")
        );
    }

    #[test]
    fn bad_date_names_line_and_column() {
        let csv = "id;category;kind;municipality;town;title;description;updated\nprk-x;praktijk;waarneming;GM0153;Enschede;T;D;gisteren\n";
        let e = listings_from_csv(csv).unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("updated"), "{e}");
    }

    #[test]
    fn unknown_column_is_refused() {
        let e = listings_from_csv("id;titel\n1;x\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown column `titel`"), "{e}");
    }
}
