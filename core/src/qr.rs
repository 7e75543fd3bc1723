//! QR codes as SVG path data, generated here (no network, no image files): kiosk visitors scan a link to
//! open it on their own phone.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code ready to draw: `size` modules square (plus a 4-module quiet zone in `view_box`), `path` with
/// one unit square per dark module.
#[derive(Clone, Debug, PartialEq)]
pub struct QrPath {
    pub size: usize,
    pub path: String,
}

impl QrPath {
    /// The SVG viewBox including the quiet zone scanners need.
    pub fn view_box(&self) -> String {
        format!("-4 -4 {0} {0}", self.size + 8)
    }
}

/// Encodes `text` (medium error correction, readable from a phone at arm's length).
///
/// ```
/// let qr = twente_kaart_core::qr::qr_path("https://www.huisartsintwente.nl").unwrap();
/// assert!(qr.size >= 21 && qr.path.starts_with('M'));
/// ```
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let size = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if colors[y * size + x] == Color::Dark {
                // Runs of dark modules in a row become one rectangle: fewer path commands.
                let start = x;
                while x < size && colors[y * size + x] == Color::Dark {
                    x += 1;
                }
                path.push_str(&format!("M{start} {y}h{}v1h-{}z", x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    Some(QrPath { size, path })
}

/// The longest caption under a QR code: one line at the kiosk's caption size.
pub const SHORT_URL_MAX: usize = 48;

/// A short, human-readable form of a link for under the QR code: no scheme, no `www.`, no trailing slash, and
/// a long path cut after its last whole segment that fits (the code holds the whole link; the caption only says
/// where it goes).
///
/// ```
/// use twente_kaart_core::qr::short_url;
/// assert_eq!(short_url("https://www.mst.nl/werken-bij/"), "mst.nl/werken-bij");
/// assert_eq!(short_url("mailto:info@huisartsintwente.nl"), "info@huisartsintwente.nl");
/// assert_eq!(
///     short_url("https://www.huisartsintwente.nl/agenda/agd-enschede-partnermiddag-2027-04"),
///     "huisartsintwente.nl/agenda/…"
/// );
/// ```
pub fn short_url(link: &str) -> String {
    let s = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"))
        .unwrap_or(link);
    let s = s
        .strip_prefix("mailto:")
        .or_else(|| s.strip_prefix("tel:"))
        .unwrap_or(s);
    let s = s.strip_prefix("www.").unwrap_or(s);
    let s = s.trim_end_matches('/');
    if s.chars().count() <= SHORT_URL_MAX {
        return s.to_string();
    }
    // Cut at a `/` so the caption ends on a whole segment; the host is always kept whole.
    let fits: String = s.chars().take(SHORT_URL_MAX - 1).collect();
    let host_end = s.find('/').unwrap_or(s.len());
    match fits.rfind('/') {
        Some(cut) if cut >= host_end => format!("{}/…", &fits[..cut]),
        _ => format!("{}/…", &s[..host_end]),
    }
}
