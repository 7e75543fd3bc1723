//! Spreadsheet round trip for recruiters: `import-csv` turns a CSV (semicolon or comma, UTF-8 with or
//! without BOM, Dutch dates accepted) into listings.json with the same validation; `export-csv` goes back.
//!
//! Columns (header row, any order; unknown columns are an error so a typo is not silently lost):
//! id, category, kind, municipality, town, lon, lat, title, title_en, title_de, description,
//! description_en, description_de, link, contact_name, contact_email, contact_phone, updated, valid_until,
//! training, start, hours, patients, price_min, price_max, price_per, sector, featured

use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use twente_kaart_core::date::Date;
use twente_kaart_core::listing::{Contact, Price, PricePeriod};
use twente_kaart_core::{Category, Kind, Listing, ListingsFile, LocalizedText, Sector};

pub const COLUMNS: [&str; 28] = [
    "id",
    "category",
    "kind",
    "municipality",
    "town",
    "lon",
    "lat",
    "title",
    "title_en",
    "title_de",
    "description",
    "description_en",
    "description_de",
    "link",
    "contact_name",
    "contact_email",
    "contact_phone",
    "updated",
    "valid_until",
    "training",
    "start",
    "hours",
    "patients",
    "price_min",
    "price_max",
    "price_per",
    "sector",
    "featured",
];

/// Splits CSV text into records, honouring quotes ("" inside quotes is a quote) and newlines in quotes.
pub fn parse_csv(text: &str, sep: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, c) if c == sep => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                if row.iter().any(|f| !f.is_empty()) {
                    rows.push(std::mem::take(&mut row));
                } else {
                    row.clear();
                }
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn quote(s: &str, sep: char) -> String {
    if s.contains(sep) || s.contains('"') || s.contains('\n') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn localized(nl: &str, en: &str, de: &str) -> LocalizedText {
    if en.is_empty() && de.is_empty() {
        LocalizedText::Plain(nl.to_string())
    } else {
        LocalizedText::Variants {
            nl: nl.to_string(),
            en: (!en.is_empty()).then(|| en.to_string()),
            de: (!de.is_empty()).then(|| de.to_string()),
        }
    }
}

fn parts(t: &LocalizedText) -> (String, String, String) {
    match t {
        LocalizedText::Plain(s) => (s.clone(), String::new(), String::new()),
        LocalizedText::Variants { nl, en, de } => (
            nl.clone(),
            en.clone().unwrap_or_default(),
            de.clone().unwrap_or_default(),
        ),
    }
}

/// Converts CSV text to listings; every problem names its line and column.
pub fn listings_from_csv(text: &str) -> Result<Vec<Listing>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let sep = if first.matches(';').count() > first.matches(',').count() {
        ';'
    } else {
        ','
    };
    let rows = parse_csv(text, sep);
    let header: Vec<String> = rows
        .first()
        .context("the CSV is empty")?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    for h in &header {
        if !COLUMNS.contains(&h.as_str()) {
            bail!(
                "line 1: unknown column `{h}` (known: {})",
                COLUMNS.join(", ")
            );
        }
    }
    let mut out = Vec::new();
    for (n, row) in rows.iter().enumerate().skip(1) {
        let line = n + 1;
        let get = |k: &str| {
            header
                .iter()
                .position(|h| h == k)
                .and_then(|i| row.get(i))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let need = |k: &str| -> Result<String> {
            let v = get(k);
            if v.is_empty() {
                bail!("line {line}, column `{k}`: required");
            }
            Ok(v)
        };
        let date = |k: &str| -> Result<Option<Date>> {
            let v = get(k);
            if v.is_empty() {
                return Ok(None);
            }
            Date::parse_lenient(&v).map(Some).with_context(|| {
                format!("line {line}, column `{k}`: `{v}` is not a date (2027-02-01 or 1-2-2027)")
            })
        };
        let num = |k: &str| -> Result<Option<f64>> {
            let v = get(k).replace(',', ".");
            if v.is_empty() {
                return Ok(None);
            }
            v.parse::<f64>()
                .map(Some)
                .with_context(|| format!("line {line}, column `{k}`: `{v}` is not a number"))
        };
        let int = |k: &str| -> Result<Option<u32>> {
            let v: String = get(k)
                .chars()
                .filter(|c| !matches!(c, '.' | ' ' | '€'))
                .collect();
            if v.is_empty() {
                return Ok(None);
            }
            v.parse::<u32>()
                .map(Some)
                .with_context(|| format!("line {line}, column `{k}`: `{v}` is not a whole number"))
        };
        let yes = |k: &str| {
            matches!(
                get(k).to_lowercase().as_str(),
                "ja" | "yes" | "true" | "1" | "x"
            )
        };
        let category = Category::parse(&need("category")?).with_context(|| {
            format!("line {line}, column `category`: use praktijk, wonen or partnerwerk")
        })?;
        let kind = Kind::parse(&need("kind")?).with_context(|| {
            format!("line {line}, column `kind`: unknown kind `{}`", get("kind"))
        })?;
        let point = match (num("lon")?, num("lat")?) {
            (Some(lon), Some(lat)) => Some([lon, lat]),
            (None, None) => None,
            _ => bail!("line {line}: give both lon and lat, or neither"),
        };
        let contact = Contact {
            name: Some(get("contact_name")).filter(|s| !s.is_empty()),
            email: Some(get("contact_email")).filter(|s| !s.is_empty()),
            phone: Some(get("contact_phone")).filter(|s| !s.is_empty()),
            url: None,
        };
        let price = match int("price_min")? {
            Some(min) => Some(Price {
                min,
                max: int("price_max")?,
                per: if get("price_per").starts_with('m') {
                    PricePeriod::Maand
                } else {
                    PricePeriod::Eenmalig
                },
            }),
            None => None,
        };
        let sector =
            match get("sector") {
                s if s.is_empty() => None,
                s => Some(Sector::parse(&s).with_context(|| {
                    format!("line {line}, column `sector`: unknown sector `{s}`")
                })?),
            };
        let hours = get("hours");
        out.push(Listing {
            id: need("id")?,
            category,
            kind,
            municipality: need("municipality")?,
            town: need("town")?,
            point,
            title: localized(&need("title")?, &get("title_en"), &get("title_de")),
            description: localized(
                &need("description")?,
                &get("description_en"),
                &get("description_de"),
            ),
            link: Some(get("link")).filter(|s| !s.is_empty()),
            contact: (contact != Contact::default()).then_some(contact),
            updated: date("updated")?
                .with_context(|| format!("line {line}, column `updated`: required"))?,
            valid_until: date("valid_until")?,
            training: yes("training"),
            start: date("start")?,
            hours: (!hours.is_empty()).then_some(LocalizedText::Plain(hours)),
            patients: int("patients")?,
            price,
            sector,
            featured: yes("featured"),
        });
    }
    Ok(out)
}

/// Listings to CSV (semicolon-separated, as Dutch spreadsheet programs expect, with a BOM for Excel).
pub fn listings_to_csv(items: &[Listing]) -> String {
    let sep = ';';
    let mut s = String::from("\u{feff}");
    s.push_str(&COLUMNS.join(";"));
    s.push('\n');
    for i in items {
        let (t_nl, t_en, t_de) = parts(&i.title);
        let (d_nl, d_en, d_de) = parts(&i.description);
        let c = i.contact.clone().unwrap_or_default();
        let opt_date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let fields: Vec<String> = vec![
            i.id.clone(),
            i.category.as_str().into(),
            i.kind.as_str().into(),
            i.municipality.clone(),
            i.town.clone(),
            i.point.map(|p| p[0].to_string()).unwrap_or_default(),
            i.point.map(|p| p[1].to_string()).unwrap_or_default(),
            t_nl,
            t_en,
            t_de,
            d_nl,
            d_en,
            d_de,
            i.link.clone().unwrap_or_default(),
            c.name.unwrap_or_default(),
            c.email.unwrap_or_default(),
            c.phone.unwrap_or_default(),
            i.updated.to_string(),
            opt_date(i.valid_until),
            if i.training {
                "ja".into()
            } else {
                String::new()
            },
            opt_date(i.start),
            i.hours
                .as_ref()
                .map(|h| h.get(twente_kaart_core::Lang::Nl).to_string())
                .unwrap_or_default(),
            i.patients.map(|p| p.to_string()).unwrap_or_default(),
            i.price.map(|p| p.min.to_string()).unwrap_or_default(),
            i.price
                .and_then(|p| p.max)
                .map(|p| p.to_string())
                .unwrap_or_default(),
            i.price
                .map(|p| {
                    if p.per == PricePeriod::Maand {
                        "maand"
                    } else {
                        "eenmalig"
                    }
                    .to_string()
                })
                .unwrap_or_default(),
            i.sector.map(|s| s.as_str().to_string()).unwrap_or_default(),
            if i.featured {
                "ja".into()
            } else {
                String::new()
            },
        ];
        s.push_str(
            &fields
                .iter()
                .map(|f| quote(f, sep))
                .collect::<Vec<_>>()
                .join(";"),
        );
        s.push('\n');
    }
    s
}

fn listings_path() -> PathBuf {
    crate::root().join("public/data/listings.json")
}

pub fn import(args: &[String]) -> Result<()> {
    let input = args
        .first()
        .context("usage: cargo xtask data import-csv IN.csv [--out FILE]")?;
    let out = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(listings_path);
    let csv = std::fs::read_to_string(input)
        .with_context(|| format!("reading {input} (UTF-8 expected)"))?;
    let items = listings_from_csv(&csv)?;
    let current: ListingsFile = serde_json::from_slice(&std::fs::read(listings_path())?)
        .context("reading the current listings.json for its meta")?;
    let file = ListingsFile {
        schema: current.schema,
        meta: current.meta,
        items,
    };
    let mut json = serde_json::to_string_pretty(&file)?;
    json.push('\n');
    // Same validation as `data check` and the widget, before anything is written.
    let dir = crate::root().join("public/data");
    let map = twente_kaart_core::municipality::parse_municipalities(
        "gemeenten.geojson",
        &std::fs::read(dir.join("gemeenten.geojson"))?,
    )?;
    let parsed = twente_kaart_core::dataset::parse_listings(
        "listings.json",
        json.as_bytes(),
        Some(&map.municipalities),
        Some(crate::data::today()),
    )?;
    let errors: Vec<_> = parsed.errors().collect();
    for p in &parsed.problems {
        println!("{:?}: {p}", p.severity());
    }
    if !errors.is_empty() {
        bail!("{} errors: nothing written", errors.len());
    }
    std::fs::write(&out, json)?;
    println!("wrote {} items to {}", file.items.len(), out.display());
    Ok(())
}

pub fn export(args: &[String]) -> Result<()> {
    let out = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("listings.csv"));
    let file: ListingsFile = serde_json::from_slice(&std::fs::read(listings_path())?)?;
    std::fs::write(&out, listings_to_csv(&file.items))?;
    println!("wrote {} items to {}", file.items.len(), out.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_every_field() {
        let file: ListingsFile =
            serde_json::from_slice(&std::fs::read(listings_path()).unwrap()).unwrap();
        let csv = listings_to_csv(&file.items);
        let back = listings_from_csv(&csv).unwrap();
        // Hours are exported in Dutch only; everything else survives exactly.
        let strip = |v: &[Listing]| {
            v.iter()
                .cloned()
                .map(|mut l| {
                    l.hours = l
                        .hours
                        .map(|h| LocalizedText::Plain(h.get(twente_kaart_core::Lang::Nl).into()));
                    l
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(&back), strip(&file.items));
    }

    #[test]
    fn comma_csv_with_bom_and_dutch_dates() {
        let csv = "\u{feff}id,category,kind,municipality,town,title,description,updated,valid_until\r\nprk-x,praktijk,waarneming,GM0153,Enschede,\"Waarneming, 3 dagen\",Tekst,1-2-2026,31/12/2026\r\n";
        let items = listings_from_csv(csv).unwrap();
        assert_eq!(
            items[0].title,
            LocalizedText::Plain("Waarneming, 3 dagen".into())
        );
        assert_eq!(items[0].updated.to_string(), "2026-02-01");
        assert_eq!(items[0].valid_until.unwrap().to_string(), "2026-12-31");
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
