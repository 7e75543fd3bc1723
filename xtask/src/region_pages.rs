//! The region in the pages around the widget: the page titles, the embed's iframe title (embed.js and the
//! configurator), the configurator's list of municipalities and default colour, the editor's title, and the
//! region's accent as a stylesheet of its own (a strict `style-src 'self'` allows no inline style). The
//! widget itself takes the campaign's title from the data at run time; these pages are static, so the build
//! writes the region into them.

use anyhow::{bail, Result};
use lol_html::{element, html_content::ContentType, text};
use std::path::Path;
use twente_kaart_core::hash::fnv_hex;
use twente_kaart_core::i18n::{fill, Strings};
use twente_kaart_core::{Lang, Meta, Municipality};

/// Where embed.js and the configurator take the iframe's title per language.
const TITLES_PLACEHOLDER: &str = "__TK_TITLES__";

/// The widget's name in `lang`: "Kaart: Huisarts in Drenthe".
fn map_name(meta: &Meta, lang: Lang) -> String {
    fill(
        Strings::get(lang).map_name,
        &[("title", meta.title.get(lang))],
    )
}

/// Writes the region into the built pages in `out` (after the prerender wrote index.html and kiosk.html).
pub fn write(
    out: &Path,
    region: &crate::region::Region,
    meta: &Meta,
    map: &[Municipality],
) -> Result<()> {
    let titles: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .iter()
        .map(|&l| (l.code().to_string(), map_name(meta, l).into()))
        .collect();
    let titles = serde_json::to_string(&titles)?;
    for script in ["embed.js", "embed-configurator.js"] {
        let path = out.join(script);
        let code = std::fs::read_to_string(&path)?;
        if !code.contains(TITLES_PLACEHOLDER) {
            bail!("{script} has no {TITLES_PLACEHOLDER} for the iframe's titles");
        }
        std::fs::write(&path, code.replace(TITLES_PLACEHOLDER, &titles))?;
    }
    let stylesheet = match region.accent_css() {
        Some(css) => {
            let name = format!("region-{}.css", &fnv_hex(&css)[..12]);
            std::fs::write(out.join(&name), css)?;
            Some(name)
        }
        None => None,
    };
    let title = map_name(meta, Lang::Nl);
    for page in ["index.html", "kiosk.html"] {
        let path = out.join(page);
        let html = std::fs::read_to_string(&path)?;
        std::fs::write(&path, widget_page(&html, &title, stylesheet.as_deref())?)?;
    }
    let path = out.join("embed.html");
    let html = std::fs::read_to_string(&path)?;
    let accent = region.accent.as_ref().map(|a| a.light.as_str());
    std::fs::write(&path, embed_page(&html, meta, map, accent)?)?;
    let path = out.join("schema/listings.schema.json");
    let schema = std::fs::read_to_string(&path)?;
    std::fs::write(&path, region_schema(&schema, meta, map)?)?;
    Ok(())
}

/// The data's JSON Schema for this region: every `municipality` field may hold only the region's codes, so a
/// data editor (VS Code, the host's web editor with a plugin) flags a code from elsewhere while typing.
fn region_schema(schema: &str, meta: &Meta, map: &[Municipality]) -> Result<String> {
    let mut schema: serde_json::Value = serde_json::from_str(schema)?;
    let mut region: Vec<&Municipality> = map.iter().filter(|m| !m.context).collect();
    region.sort_by(|a, b| a.code.cmp(&b.code));
    let codes: Vec<serde_json::Value> = region.iter().map(|m| m.code.clone().into()).collect();
    let names = region
        .iter()
        .map(|m| format!("{} {}", m.code, m.name))
        .collect::<Vec<_>>()
        .join(", ");
    let description = format!(
        "CBS municipality code, one of the region's {}: {names}.",
        region.len()
    );
    fn walk(v: &mut serde_json::Value, found: &mut usize, set: &dyn Fn(&mut serde_json::Value)) {
        match v {
            serde_json::Value::Object(o) => {
                if let Some(serde_json::Value::Object(props)) = o.get_mut("properties") {
                    if let Some(field) = props.get_mut("municipality") {
                        *found += 1;
                        set(field);
                    }
                }
                o.values_mut().for_each(|v| walk(v, found, set));
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|v| walk(v, found, set)),
            _ => {}
        }
    }
    let mut found = 0;
    walk(&mut schema, &mut found, &|field| {
        field["enum"] = codes.clone().into();
        field["description"] = description.clone().into();
    });
    if found == 0 {
        bail!("the listings schema has no `municipality` field to limit to the region's codes");
    }
    schema["title"] = format!("Listings: {}", meta.title.get(Lang::Nl)).into();
    let mut out = serde_json::to_string_pretty(&schema)?;
    out.push('\n');
    Ok(out)
}

/// The widget's page with its title and, after the widget's stylesheet, the region's.
fn widget_page(html: &str, title: &str, stylesheet: Option<&str>) -> Result<String> {
    let link = stylesheet.map(|s| format!("<link rel=\"stylesheet\" href=\"./{s}\">"));
    let out = lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings {
            element_content_handlers: vec![
                element!("title", |el| {
                    el.set_inner_content(title, ContentType::Text);
                    Ok(())
                }),
                element!("link[rel=stylesheet]", |el| {
                    if let Some(link) = &link {
                        el.after(link, ContentType::Html);
                    }
                    Ok(())
                }),
            ],
            ..lol_html::RewriteStrSettings::new()
        },
    )?;
    Ok(out)
}

/// The embed configurator's page: its title and lead name the campaign, its municipality menu lists the
/// region's municipalities, its colour picker starts at the region's accent.
fn embed_page(
    html: &str,
    meta: &Meta,
    map: &[Municipality],
    accent: Option<&str>,
) -> Result<String> {
    let campaign = meta.title.get(Lang::Nl);
    let mut selectable: Vec<&Municipality> = map.iter().filter(|m| !m.context).collect();
    selectable.sort_by(|a, b| a.name.cmp(&b.name));
    let mut options = String::new();
    for m in selectable {
        options.push_str(&format!(
            "\n              <option value=\"{}\">{}</option>",
            m.code,
            twente_kaart_core::html::escape(&m.name)
        ));
    }
    let found = std::cell::Cell::new(0);
    let out = lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings {
            element_content_handlers: vec![
                element!("title", |el| {
                    el.set_inner_content(
                        &format!("Kaart insluiten – {campaign}"),
                        ContentType::Text,
                    );
                    Ok(())
                }),
                element!("#tk-campaign", |el| {
                    found.set(found.get() + 1);
                    el.set_inner_content(campaign, ContentType::Text);
                    Ok(())
                }),
                // The first option (none chosen) stays; the region's municipalities follow it.
                element!("#f-gemeente option:not([value=''])", |el| {
                    el.remove();
                    Ok(())
                }),
                element!("#f-gemeente option[value='']", |el| {
                    found.set(found.get() + 1);
                    el.after(&options, ContentType::Html);
                    Ok(())
                }),
                element!("#f-accent", |el| {
                    if let Some(a) = accent {
                        el.set_attribute("value", a)?;
                    }
                    Ok(())
                }),
                text!("#f-accent-value", |t| {
                    if let Some(a) = accent {
                        if !t.as_str().trim().is_empty() {
                            t.replace(a, ContentType::Text);
                        }
                    }
                    Ok(())
                }),
            ],
            ..lol_html::RewriteStrSettings::new()
        },
    )?;
    if found.get() != 2 {
        bail!("embed.html lacks #tk-campaign or the empty first option of #f-gemeente");
    }
    Ok(out)
}

/// The editor's page titled for the campaign.
pub fn editor_page(html: &str, meta: &Meta) -> Result<String> {
    let title = format!("Aanbod bewerken – {}", meta.title.get(Lang::Nl));
    let out = lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings {
            element_content_handlers: vec![element!("title", |el| {
                el.set_inner_content(&title, ContentType::Text);
                Ok(())
            })],
            ..lol_html::RewriteStrSettings::new()
        },
    )?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use twente_kaart_core::Municipality;

    fn municipality(code: &str, name: &str, context: bool) -> Municipality {
        Municipality {
            code: code.into(),
            name: name.into(),
            polygons: vec![],
            label: None,
            context,
        }
    }

    #[test]
    fn the_schema_allows_only_the_regions_codes() {
        let file: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(crate::region::dir("drenthe").join("listings.json")).unwrap(),
        )
        .unwrap();
        let meta = serde_json::from_value(file["meta"].clone()).unwrap();
        let map = [
            municipality("GM0114", "Emmen", false),
            municipality("GM0106", "Assen", false),
            municipality("GM0153", "Enschede", true),
        ];
        let schema = super::region_schema(&crate::schema::listings_schema(), &meta, &map).unwrap();
        let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
        let text = schema.to_string();
        // The items' and the care points' fields, each limited to the two region codes (not the neighbour).
        assert_eq!(
            text.matches(r#""enum":["GM0106","GM0114"]"#).count(),
            2,
            "{text}"
        );
        assert!(text.contains("one of the region's 2: GM0106 Assen, GM0114 Emmen."));
        assert!(!text.contains("\"GM0153\"") && !text.contains("GM0153 Enschede"));
        assert_eq!(schema["title"], "Listings: Huisarts in Drenthe");
    }
}
