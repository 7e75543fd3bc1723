//! The overview map as static HTML, rendered at build time into `index.html` so the map paints before the
//! wasm arrives. It mirrors the markup of the live widget's overview (same classes, same geometry), so the
//! takeover causes no layout shift. Until then each shape is a plain link to its deep link.

use crate::dataset::Meta;
use crate::i18n::Strings;
use crate::listing::Listing;
use crate::map::layout::{MapLayout, LABEL_SIZE};
use crate::map::projection::fmt;
use crate::summary::{counts_by_municipality, shade, totals, SHADE_CLASSES};
use crate::text::Lang;
use std::fmt::Write;

/// Escapes text for HTML text and attribute values.
///
/// ```
/// use twente_kaart_core::prerender::escape;
/// assert_eq!(escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The prerendered overview: header, map (links to deep links), legend and the side column's overview,
/// in Dutch. The caller places it inside the page's `#tk-root`.
pub fn overview_html(layout: &MapLayout, meta: &Meta, items: &[Listing]) -> String {
    let lang = Lang::Nl;
    let t = Strings::get(lang);
    let counts = counts_by_municipality(items);
    let mut h = String::new();
    let _ = write!(h, r#"<div class="tk" id="tk-prerender" lang="nl">"#);
    header(&mut h, meta, t, lang);
    h.push_str(r#"<div class="tk-body"><section class="tk-mapcol">"#);
    let _ = write!(
        h,
        r#"<figure class="tk-map"><svg class="tk-svg" viewBox="{}" role="group" aria-label="{}"><g class="tk-context" aria-hidden="true">"#,
        layout.projection.view_box(),
        escape(t.map_label)
    );
    for c in &layout.context {
        let _ = write!(h, r#"<path d="{}"></path>"#, c.path);
    }
    h.push_str(r#"</g><g class="tk-shapes">"#);
    for s in &layout.shapes {
        let n = counts.get(&s.code).copied().unwrap_or_default();
        let _ = write!(
            h,
            r#"<a href="?gemeente={code}" data-code="{code}" class="tk-shape-link" aria-label="{label}"><path class="tk-shape tk-shade-{shade}" d="{d}"></path></a>"#,
            code = escape(&s.code),
            label = escape(&t.municipality_summary(&s.name, n, [true; 3])),
            shade = shade(n[0]),
            d = s.path
        );
    }
    h.push_str(r#"</g><g class="tk-labels" aria-hidden="true">"#);
    for s in layout.shapes.iter().filter(|s| s.label_fits) {
        let _ = write!(
            h,
            r#"<text class="tk-label" x="{}" y="{}" font-size="{}">{}</text>"#,
            fmt(s.label[0]),
            fmt(s.label[1]),
            LABEL_SIZE,
            escape(&s.name)
        );
    }
    h.push_str("</g></svg></figure>");
    legend(&mut h, t);
    h.push_str("</section>");
    let _ = write!(
        h,
        r#"<aside class="tk-side"><div class="tk-overview"><p class="tk-hint">{}</p><ul class="tk-totals">"#,
        escape(t.map_hint)
    );
    for (c, n) in crate::listing::Category::ALL.iter().zip(totals(items)) {
        let _ = write!(
            h,
            r#"<li class="tk-total tk-cat-{}">{}</li>"#,
            c.as_str(),
            escape(&t.count(*c, n))
        );
    }
    h.push_str("</ul></div></aside></div></div>");
    h
}

fn header(h: &mut String, meta: &Meta, t: &Strings, lang: Lang) {
    let _ = write!(
        h,
        r#"<header class="tk-header"><div class="tk-heading"><h1 class="tk-title">{}</h1>"#,
        escape(meta.title.get(lang))
    );
    if meta.demo {
        let _ = write!(h, r#"<span class="tk-demo">{}</span>"#, escape(t.demo));
    }
    let _ = write!(
        h,
        r#"</div><p class="tk-intro">{}</p></header>"#,
        escape(meta.intro.get(lang))
    );
}

/// The shading legend; the live widget renders the same markup.
pub fn legend(h: &mut String, t: &Strings) {
    let _ = write!(
        h,
        r#"<div class="tk-legend"><p class="tk-legend-title">{}</p><ul class="tk-legend-list">"#,
        escape(t.legend_title)
    );
    for (i, (_, label)) in SHADE_CLASSES.iter().enumerate() {
        let label = if i == 0 { t.legend_none } else { label };
        let _ = write!(
            h,
            r#"<li><span class="tk-swatch tk-shade-{i}" aria-hidden="true"></span>{}</li>"#,
            escape(label)
        );
    }
    h.push_str("</ul></div>");
}
