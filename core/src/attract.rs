//! The kiosk's attract loop: the slides it shows while nobody touches the stand, municipalities alternating
//! with GPs' stories (a face to the numbers). Pure, so the order is tested natively.

use crate::listing::{Category, Listing};

/// One slide of the loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slide {
    /// A municipality and its counts.
    Municipality(String),
    /// A story (its index in the items) and the municipality it is told in, which the map outlines.
    Story { item: usize, code: String },
}

impl Slide {
    /// The municipality the map outlines during this slide.
    pub fn code(&self) -> &str {
        match self {
            Slide::Municipality(code) | Slide::Story { code, .. } => code,
        }
    }
}

/// The loop: each municipality followed by a story, featured stories first, the stories repeating when
/// there are fewer of them than municipalities. Without stories, the municipalities alone.
///
/// ```
/// use twente_kaart_core::attract::{slides, Slide};
/// let s = slides(&["A".to_string(), "B".to_string()], &[]);
/// assert_eq!(s, [Slide::Municipality("A".into()), Slide::Municipality("B".into())]);
/// ```
pub fn slides(codes: &[String], items: &[Listing]) -> Vec<Slide> {
    let mut stories: Vec<(usize, &Listing)> = items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.category == Category::Verhaal)
        .collect();
    // Featured first, otherwise in data order (a stable sort keeps it).
    stories.sort_by_key(|(_, i)| !i.featured);
    let mut out = Vec::with_capacity(codes.len() * 2);
    for (n, code) in codes.iter().enumerate() {
        out.push(Slide::Municipality(code.clone()));
        if !stories.is_empty() {
            let (item, story) = stories[n % stories.len()];
            out.push(Slide::Story {
                item,
                code: story.municipality.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: &str, code: &str, featured: bool) -> Listing {
        serde_json::from_value(serde_json::json!({
            "id": id, "category": "verhaal", "municipality": code, "featured": featured,
            "quote": "Q", "person": {"name": "N", "role": "R"}, "updated": "2026-12-01"
        }))
        .unwrap()
    }

    #[test]
    fn municipalities_alternate_with_stories_featured_first() {
        let items = [story("a", "GM1", false), story("b", "GM2", true)];
        let codes: Vec<String> = ["GM1", "GM2", "GM3"].map(String::from).to_vec();
        let s = slides(&codes, &items);
        assert_eq!(
            s,
            [
                Slide::Municipality("GM1".into()),
                Slide::Story {
                    item: 1,
                    code: "GM2".into()
                },
                Slide::Municipality("GM2".into()),
                Slide::Story {
                    item: 0,
                    code: "GM1".into()
                },
                Slide::Municipality("GM3".into()),
                Slide::Story {
                    item: 1,
                    code: "GM2".into()
                },
            ]
        );
        assert_eq!(
            s[1].code(),
            "GM2",
            "a story's slide outlines its own municipality"
        );
    }
}
