//! Runs every file of the bad-data corpus (`tests/fixtures/bad/`, see its README.md) through the parser it
//! replaces and checks the outcome written down for it below. Listings fixtures are read with the real
//! municipalities (`regions/twente/gemeenten.geojson`), gemeenten fixtures on their own.
//!
//! `BAD_CORPUS_PRINT=1 cargo test -p twente-kaart-core --test bad_corpus -- --nocapture` prints every
//! outcome, to write the row of a new fixture.

use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use twente_kaart_core::date::{Date, Now};
use twente_kaart_core::listing::is_safe_link;
use twente_kaart_core::municipality::parse_municipalities;
use twente_kaart_core::validate::Context;
use twente_kaart_core::validate::{is_email, MAX_TITLE};
use twente_kaart_core::{dataset::parse_listings, Lang, Municipality};

/// The names the widget loads; a fixture stands in for one of them.
const LISTINGS: &str = "listings.json";
const GEMEENTEN: &str = "gemeenten.geojson";

/// What loading a fixture must give.
#[derive(Debug)]
enum Expect {
    /// The whole file is refused; the message contains every one of these.
    FileError(&'static [&'static str]),
    /// The file loads: `shown` items (or selectable municipalities), `skipped` items left out because of an
    /// error, and for each string a problem whose message contains it.
    Loads {
        shown: usize,
        skipped: usize,
        problems: &'static [&'static str],
    },
}

use Expect::{FileError, Loads};

const fn loads(shown: usize, skipped: usize) -> Expect {
    Loads {
        shown,
        skipped,
        problems: &[],
    }
}

/// The base listings file has 4 valid items; most fixtures add a fifth (broken) one.
const BASE: usize = 4;

/// One row per fixture. A fixture without a row fails the test, and so does a row without a fixture.
const EXPECTED: &[(&str, Expect)] = &[
    // ---- listings: the file as a whole
    ("listings-baseline-valid.json", loads(BASE, 0)),
    (
        "listings-truncated.json",
        FileError(&["line ", "the file ends too early"]),
    ),
    ("listings-empty.json", FileError(&["the file is empty"])),
    (
        "listings-whitespace-only.json",
        FileError(&["the file is empty"]),
    ),
    ("listings-html-error-page.json", FileError(&["HTML page"])),
    ("listings-utf8-bom.json", loads(BASE, 0)),
    (
        "listings-invalid-utf8.json",
        FileError(&["line 62: not valid UTF-8 at byte 1523"]),
    ),
    (
        "listings-top-level-array.json",
        FileError(&["line 1, column 1", "must be an object", "not an array"]),
    ),
    (
        "listings-items-is-object.json",
        FileError(&["line ", "this must be a list"]),
    ),
    (
        "listings-missing-meta.json",
        FileError(&["line ", "the field `meta` is missing"]),
    ),
    (
        "listings-missing-items.json",
        FileError(&["line ", "the field `items` is missing"]),
    ),
    (
        "listings-meta-is-string.json",
        FileError(&["line 3", "this must be an object"]),
    ),
    (
        "listings-unknown-top-level-field.json",
        FileError(&["line ", "there is no field `version`"]),
    ),
    (
        "listings-unknown-meta-field.json",
        FileError(&["line ", "there is no field `subtitle`"]),
    ),
    (
        "listings-nan-token.json",
        FileError(&["line 58, column 9", "a value was expected here"]),
    ),
    (
        "listings-infinity-token.json",
        FileError(&["line 58, column 10", "invalid number"]),
    ),
    (
        "listings-trailing-comma.json",
        FileError(&["line 77, column 5", "a comma too many before }?"]),
    ),
    (
        "listings-deeply-nested-top-level.json",
        FileError(&["line 1, column 1", "must be an object"]),
    ),
    (
        "listings-deeply-nested-item.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &[
                "line 20, column 5",
                "this must be an object { … }, not an array",
            ],
        },
    ),
    (
        "listings-deeply-nested-object-in-title.json",
        Loads {
            shown: BASE - 1,
            skipped: 1,
            problems: &["line 88, column 646, item `won-almelo-01`: recursion limit exceeded"],
        },
    ),
    // ---- listings: one item broken, the rest loads
    (
        "listings-unknown-item-field.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["there is no field `salary`"],
        },
    ),
    (
        "listings-missing-id.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["the field `id` is missing"],
        },
    ),
    (
        "listings-missing-title.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["the field `title` is missing"],
        },
    ),
    (
        "listings-missing-municipality.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["the field `municipality` is missing"],
        },
    ),
    (
        "listings-wrong-type-patients-string.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["line 160, column 24, item `prk-hengelo-03`: this must be a number"],
        },
    ),
    (
        "listings-wrong-type-title-number.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &[
                "line 145, column 17, item `prk-hengelo-03`: a text, or an object with `nl`",
            ],
        },
    ),
    (
        "listings-wrong-type-point-strings.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["line 142, column 14, item `prk-hengelo-03`: this must be a number"],
        },
    ),
    (
        "listings-wrong-type-point-three-numbers.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &[
                "line 144, column 9",
                "too many elements (a point is [longitude, latitude])",
            ],
        },
    ),
    (
        "listings-wrong-type-item-is-string.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["this must be an object { … }"],
        },
    ),
    (
        "listings-wrong-type-item-is-null.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["this must be an object { … }"],
        },
    ),
    (
        "listings-unknown-category.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["`zorg` is not allowed here; allowed: praktijk, wonen, partnerwerk"],
        },
    ),
    (
        "listings-kind-not-in-category.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["does not belong to this category"],
        },
    ),
    (
        "listings-partnerwerk-without-sector.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["needs a `sector`"],
        },
    ),
    (
        "listings-unknown-municipality-code.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["unknown municipality code `GM9999`"],
        },
    ),
    (
        "listings-context-municipality-code.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["unknown municipality code `GM0150`"],
        },
    ),
    (
        "listings-duplicate-id.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["item `prk-almelo-01`", "already used on line 20"],
        },
    ),
    (
        "listings-huge-number-1e308.json",
        Loads {
            shown: BASE,
            skipped: 2,
            problems: &[
                "outside the map's region",
                "item `prk-hengelo-04`: this must be a number",
            ],
        },
    ),
    (
        "listings-number-overflow-1e400.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["an invalid number"],
        },
    ),
    (
        "listings-swapped-lon-lat.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["[latitude, longitude] instead of"],
        },
    ),
    (
        "listings-point-outside-municipality.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["point lies in Enschede (GM0153)"],
        },
    ),
    (
        "listings-point-outside-twente.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["outside the map's region"],
        },
    ),
    (
        "listings-valid-until-not-a-date.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["`volgende maand` is not a date as YYYY-MM-DD"],
        },
    ),
    (
        "listings-valid-until-impossible-date.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["`2027-02-30` is not a date as YYYY-MM-DD"],
        },
    ),
    // Expired is not an error: the item is left out silently (a warning for maintainers).
    (
        "listings-valid-until-expired.json",
        Loads {
            shown: BASE,
            skipped: 0,
            problems: &["valid_until is in the past"],
        },
    ),
    (
        "listings-title-too-long.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["91 characters"],
        },
    ),
    (
        "listings-empty-title.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["field `title`: text is empty"],
        },
    ),
    (
        "listings-bad-contact-email.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["contact.email`: not a valid e-mail"],
        },
    ),
    (
        "listings-bad-meta-email.json",
        Loads {
            shown: BASE,
            skipped: 0,
            problems: &["meta, field `meta.contact.email`"],
        },
    ),
    (
        "listings-huge-title-5mb.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["field `title`: text has 5242878 characters"],
        },
    ),
    // ---- listings: stories and events
    ("listings-story-and-event-valid.json", loads(BASE + 2, 0)),
    (
        "listings-story-photo-without-alt.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["the field `alt` is missing"],
        },
    ),
    // The tools see the data folder (the widget cannot, and shows the story without its picture).
    (
        "listings-story-photo-missing-file.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["field `photo.src`: there is no such file in the data folder"],
        },
    ),
    (
        "listings-story-photo-web-address.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["field `photo.src`: a photo must be a file in the data folder's img/"],
        },
    ),
    (
        "listings-story-quote-too-long.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["field `quote`: text has 300 characters; the layout shows at most 280"],
        },
    ),
    (
        "listings-story-without-person.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["the field `person` is missing"],
        },
    ),
    (
        "listings-event-end-before-start.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["field `end`: the event ends before it starts"],
        },
    ),
    (
        "listings-event-time-without-offset.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["`2027-01-21T19:30` has a time without a time zone"],
        },
    ),
    (
        "listings-event-past.json",
        Loads {
            shown: BASE,
            skipped: 0,
            problems: &["field `end`: the event is over; it is not shown"],
        },
    ),
    (
        "listings-event-without-start.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["field `start`: the field `start` is missing"],
        },
    ),
    // ---- listings: injection payloads. Text is data: it loads and must be shown as text.
    ("listings-xss-script-in-text.json", loads(BASE + 2, 0)),
    ("listings-xss-img-onerror-in-text.json", loads(BASE + 2, 0)),
    ("listings-xss-javascript-in-text.json", loads(BASE + 2, 0)),
    ("listings-xss-data-uri-in-text.json", loads(BASE + 2, 0)),
    (
        "listings-xss-attribute-breakout-in-text.json",
        loads(BASE + 2, 0),
    ),
    // Links and e-mail addresses with payloads are refused: 3 items per payload skipped, meta flagged.
    (
        "listings-xss-javascript-links.json",
        Loads {
            shown: BASE,
            skipped: 12,
            problems: &[
                "meta, field `meta.contact.url`",
                "meta, field `meta.contact.email`",
                "field `link`: links must start with",
            ],
        },
    ),
    (
        "listings-xss-data-links.json",
        Loads {
            shown: BASE,
            skipped: 9,
            problems: &[
                "meta, field `meta.contact.url`",
                "field `contact.url`: links must start with",
            ],
        },
    ),
    (
        "listings-xss-markup-links.json",
        Loads {
            shown: BASE,
            skipped: 15,
            problems: &["field `contact.email`: not a valid e-mail"],
        },
    ),
    (
        "listings-xss-attribute-breakout-link.json",
        loads(BASE + 1, 0),
    ),
    // ---- listings: invisible and direction-changing characters
    (
        "listings-rtl-override-in-text.json",
        Loads {
            shown: BASE + 1,
            skipped: 0,
            problems: &[
                "field `title`: text contains invisible",
                "field `town`: text contains invisible",
            ],
        },
    ),
    (
        "listings-zero-width-in-id.json",
        Loads {
            shown: BASE,
            skipped: 2,
            problems: &[
                "item `prk-hengelo-03\\u{200b}`, field `id`: id must be",
                "item `prk-\\u{202e}40-olegneh`",
            ],
        },
    ),
    (
        "listings-zero-width-in-municipality-code.json",
        Loads {
            shown: BASE,
            skipped: 1,
            problems: &["unknown municipality code `GM0164\\u{200b}`"],
        },
    ),
    (
        "listings-rtl-override-in-link.json",
        Loads {
            shown: BASE + 1,
            skipped: 0,
            problems: &["field `link`: text contains invisible"],
        },
    ),
    // ---- gemeenten
    ("gemeenten-baseline-valid.geojson", loads(14, 0)),
    ("gemeenten-empty.geojson", FileError(&["the file is empty"])),
    (
        "gemeenten-truncated.geojson",
        FileError(&["line ", "the file ends too early"]),
    ),
    (
        "gemeenten-html-error-page.geojson",
        FileError(&["HTML page"]),
    ),
    ("gemeenten-utf8-bom.geojson", loads(14, 0)),
    (
        "gemeenten-invalid-utf8.geojson",
        FileError(&["line 3: not valid UTF-8 at byte 474"]),
    ),
    (
        "gemeenten-zero-features.geojson",
        FileError(&["zero features"]),
    ),
    (
        "gemeenten-self-intersecting-ring.geojson",
        FileError(&["feature GM0147", "crosses itself"]),
    ),
    (
        "gemeenten-unclosed-ring.geojson",
        FileError(&["feature GM0147", "not closed"]),
    ),
    (
        "gemeenten-ring-too-few-positions.geojson",
        FileError(&["feature GM0147", "at least 4 positions"]),
    ),
    (
        "gemeenten-point-geometry.geojson",
        FileError(&["feature GM0147", "not Point"]),
    ),
    (
        "gemeenten-null-geometry.geojson",
        FileError(&["feature GM0147", "no geometry"]),
    ),
    (
        "gemeenten-empty-multipolygon.geojson",
        FileError(&["feature GM0147", "empty MultiPolygon"]),
    ),
    (
        "gemeenten-rd-new-coordinates.geojson",
        FileError(&["feature GM0141", "RD New"]),
    ),
    // Still valid WGS84 (lat 6.6, lon 52.3, in the Indian Ocean): not detectable without assuming a region.
    ("gemeenten-swapped-lon-lat.geojson", loads(14, 0)),
    (
        "gemeenten-huge-number-1e308.geojson",
        FileError(&["feature GM0147", "WGS84"]),
    ),
    (
        "gemeenten-nan-token.geojson",
        FileError(&["line 3, column 136", "a value was expected here"]),
    ),
    (
        "gemeenten-duplicate-code.geojson",
        FileError(&["feature GM0141", "occurs twice"]),
    ),
    (
        "gemeenten-missing-code.geojson",
        FileError(&["feature #2", "missing property `code`"]),
    ),
    (
        "gemeenten-missing-name.geojson",
        FileError(&["feature GM0147", "missing property `name`"]),
    ),
    (
        "gemeenten-code-wrong-format.geojson",
        FileError(&["feature 0147", "must look like GM0153, not `0147`"]),
    ),
    (
        "gemeenten-code-is-number.geojson",
        FileError(&[
            "feature #2",
            "`code` must be a text such as \"GM0153\", not 147",
        ]),
    ),
    (
        "gemeenten-zero-width-in-code.geojson",
        FileError(&["feature GM0147\\u{200b}:", "not `GM0147\\u{200b}`"]),
    ),
    (
        "gemeenten-all-context.geojson",
        FileError(&["no municipalities"]),
    ),
    ("gemeenten-extra-unknown-properties.geojson", loads(14, 0)),
    ("gemeenten-xss-script-in-name.geojson", loads(14, 0)),
    ("gemeenten-xss-img-onerror-in-name.geojson", loads(14, 0)),
    (
        "gemeenten-rtl-override-in-name.geojson",
        FileError(&["feature GM0147", "invisible or direction-changing"]),
    ),
    (
        "gemeenten-features-is-object.geojson",
        FileError(&["line 1"]),
    ),
    (
        "gemeenten-not-a-feature-collection.geojson",
        FileError(&["line ", "FeatureCollection"]),
    ),
    (
        "gemeenten-deeply-nested-coordinates.geojson",
        FileError(&["line 3", "recursion limit exceeded"]),
    ),
];

/// Files in the corpus directory that are not fixtures.
const NOT_FIXTURES: &[&str] = &["README.md", "generate.py"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn today() -> Option<Date> {
    Date::new(2026, 11, 22)
}

/// The size of a file in the committed data folder, as `cargo xtask data check` reads it.
fn data_file_size(src: &str) -> Option<u64> {
    std::fs::metadata(root().join("regions/twente").join(src))
        .ok()
        .map(|m| m.len())
}

/// What the checks compare with: the real map, the corpus's fixed day, and the data folder's files.
fn cx(map: &[Municipality]) -> Context<'_> {
    Context {
        map: Some(map),
        now: today().map(Now::start_of),
        file_size: Some(&data_file_size),
    }
}

fn real_municipalities() -> Vec<Municipality> {
    let bytes = std::fs::read(root().join("regions/twente/gemeenten.geojson")).unwrap();
    parse_municipalities(GEMEENTEN, &bytes)
        .expect("regions/twente/gemeenten.geojson must load")
        .municipalities
}

/// The outcome in comparable form.
#[derive(Debug)]
enum Outcome {
    Error(String),
    Loaded {
        shown: usize,
        skipped: usize,
        problems: Vec<String>,
    },
}

/// Loads a fixture as the file it replaces, and checks what must hold for every file whatever it contains:
/// every message names the file, and nothing unsafe is handed to the widget.
fn run(name: &str, bytes: &[u8], map: &[Municipality]) -> Outcome {
    if name.starts_with("listings-") {
        match parse_listings(LISTINGS, bytes, cx(map)) {
            Err(e) => {
                assert_eq!(e.file(), LISTINGS, "{name}");
                Outcome::Error(e.to_string())
            }
            Ok(p) => {
                for item in &p.items {
                    assert!(
                        item.link.as_deref().is_none_or(is_safe_link),
                        "{name}: unsafe link shown: {:?}",
                        item.link
                    );
                    let contact = item.contact.clone().unwrap_or_default();
                    assert!(
                        contact.url.as_deref().is_none_or(is_safe_link),
                        "{name}: unsafe url shown: {:?}",
                        contact.url
                    );
                    assert!(
                        contact.email.as_deref().is_none_or(is_email),
                        "{name}: bad e-mail shown: {:?}",
                        contact.email
                    );
                    assert!(
                        item.title
                            .iter()
                            .flat_map(|t| t.variants())
                            .all(|t| t.chars().count() <= MAX_TITLE),
                        "{name}: {}",
                        item.id
                    );
                    let home = map.iter().find(|m| m.code == item.municipality);
                    assert!(
                        home.is_some(),
                        "{name}: {} shown in an unknown municipality",
                        item.id
                    );
                    if let Some(pt) = item.point {
                        assert!(
                            home.unwrap().contains(pt),
                            "{name}: {} shown outside its municipality",
                            item.id
                        );
                    }
                }
                let problems: Vec<String> = p.problems.iter().map(ToString::to_string).collect();
                for m in &problems {
                    assert!(
                        m.starts_with(LISTINGS),
                        "{name}: problem does not name the file: {m}"
                    );
                }
                Outcome::Loaded {
                    shown: p.items.len(),
                    skipped: p.skipped(),
                    problems,
                }
            }
        }
    } else {
        match parse_municipalities(GEMEENTEN, bytes) {
            Err(e) => {
                assert_eq!(e.file(), GEMEENTEN, "{name}");
                Outcome::Error(e.to_string())
            }
            Ok(f) => Outcome::Loaded {
                shown: f.municipalities.len(),
                skipped: 0,
                problems: Vec::new(),
            },
        }
    }
}

fn check(name: &str, expect: &Expect, outcome: &Outcome) -> Result<(), String> {
    let file = if name.starts_with("listings-") {
        LISTINGS
    } else {
        GEMEENTEN
    };
    match (expect, outcome) {
        (FileError(parts), Outcome::Error(msg)) => {
            if !msg.starts_with(file) {
                return Err(format!(
                    "message does not start with the file name `{file}`: {msg}"
                ));
            }
            match parts.iter().find(|p| !msg.contains(*p)) {
                Some(missing) => Err(format!("message lacks `{missing}`: {msg}")),
                None => Ok(()),
            }
        }
        (
            Loads {
                shown,
                skipped,
                problems,
            },
            Outcome::Loaded {
                shown: s,
                skipped: k,
                problems: ps,
            },
        ) => {
            if (shown, skipped) != (s, k) {
                return Err(format!("expected {shown} shown, {skipped} skipped; got {s} shown, {k} skipped: {ps:#?}"));
            }
            match problems
                .iter()
                .find(|want| !ps.iter().any(|p| p.contains(*want)))
            {
                Some(missing) => Err(format!("no problem contains `{missing}`: {ps:#?}")),
                None => Ok(()),
            }
        }
        (expect, outcome) => Err(format!("expected {expect:?}, got {outcome:?}")),
    }
}

fn corpus_dir() -> PathBuf {
    root().join("tests/fixtures/bad")
}

fn fixture_names() -> BTreeSet<String> {
    std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !NOT_FIXTURES.contains(&n.as_str()))
        .collect()
}

#[test]
fn every_fixture_has_an_expectation_and_every_expectation_a_fixture() {
    let files = fixture_names();
    let table: BTreeSet<String> = EXPECTED.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(table.len(), EXPECTED.len(), "a fixture is listed twice");
    let unlisted: Vec<_> = files.difference(&table).collect();
    let missing: Vec<_> = table.difference(&files).collect();
    assert!(
        unlisted.is_empty(),
        "fixtures without an expectation in EXPECTED: {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "expectations without a fixture: {missing:?}"
    );
    for name in &files {
        let ok = (name.starts_with("listings-") && name.ends_with(".json"))
            || (name.starts_with("gemeenten-") && name.ends_with(".geojson"));
        assert!(
            ok,
            "`{name}`: fixtures are named listings-<what>.json or gemeenten-<what>.geojson"
        );
    }
    assert!(files.len() >= 34, "the corpus has {} files", files.len());
}

#[test]
fn every_fixture_is_listed_in_the_readme() {
    let readme = std::fs::read_to_string(corpus_dir().join("README.md")).unwrap();
    let missing: Vec<_> = fixture_names()
        .into_iter()
        .filter(|n| !readme.contains(&format!("`{n}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "fixtures without a row in tests/fixtures/bad/README.md: {missing:?}"
    );
}

#[test]
fn every_fixture_gives_its_expected_outcome_without_panicking() {
    let map = real_municipalities();
    let print = std::env::var_os("BAD_CORPUS_PRINT").is_some();
    let mut failures = Vec::new();
    for (name, expect) in EXPECTED {
        let Ok(bytes) = std::fs::read(corpus_dir().join(name)) else {
            continue;
        }; // reported by the test above
        let outcome = match catch_unwind(AssertUnwindSafe(|| run(name, &bytes, &map))) {
            Ok(o) => o,
            Err(panic) => {
                let msg = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
                failures.push(format!("{name}: panicked: {}", msg.unwrap_or_default()));
                continue;
            }
        };
        if print {
            let shown = match &outcome {
                Outcome::Error(m) => format!("error: {}", m.chars().take(300).collect::<String>()),
                Outcome::Loaded {
                    shown,
                    skipped,
                    problems,
                } => {
                    let ps: Vec<String> = problems
                        .iter()
                        .map(|p| p.chars().take(200).collect())
                        .collect();
                    format!("loads: {shown} shown, {skipped} skipped; {ps:#?}")
                }
            };
            println!("{name}: {shown}");
        }
        if let Err(why) = check(name, expect, &outcome) {
            failures.push(format!("{name}: {why}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Text with markup is data: it reaches the widget unchanged, and the widget shows it as text.
#[test]
fn injection_payloads_in_text_are_kept_verbatim() {
    let map = real_municipalities();
    for name in fixture_names()
        .iter()
        .filter(|n| n.starts_with("listings-xss-") && n.ends_with("-in-text.json"))
    {
        let bytes = std::fs::read(corpus_dir().join(name)).unwrap();
        let raw: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let payload = raw["items"][0]["description"].as_str().unwrap();
        let parsed = parse_listings(LISTINGS, &bytes, cx(&map)).unwrap();
        for item in &parsed.items {
            assert_eq!(item.description(Lang::Nl), payload, "{name}");
            assert_eq!(item.heading(Lang::De), payload, "{name}");
            assert_eq!(item.town(), payload, "{name}");
        }
        assert_eq!(parsed.meta.title.get(Lang::En), payload, "{name}");
    }
}

/// Regression tests for the bugs the corpus found, each on a minimal input.
mod regressions {
    use super::*;

    fn listings_with_item(item: &str) -> String {
        format!(
            r#"{{"meta":{{"title":"T","intro":"I","contact":{{"email":"a@b.nl"}},"updated":"2026-11-20"}},"items":[{item}]}}"#
        )
    }

    const HENGELO: &str = r#""id":"a","category":"praktijk","kind":"overname","municipality":"GM0164","town":"Hengelo","title":"T","description":"D","updated":"2026-01-01""#;

    fn problems(item: &str) -> Vec<String> {
        let map = real_municipalities();
        let p = parse_listings(LISTINGS, listings_with_item(item).as_bytes(), cx(&map)).unwrap();
        p.problems.iter().map(ToString::to_string).collect()
    }

    /// Was: "unknown municipality code `GM0164​`" with the zero-width space invisible, naming a code that looks right.
    #[test]
    fn hidden_characters_in_ids_and_codes_are_written_out_in_messages() {
        let item = HENGELO
            .replace(r#""id":"a""#, "\"id\":\"a\u{200b}\"")
            .replace("GM0164", "GM0164\u{202e}");
        let ps = problems(&format!("{{{item}}}"));
        assert!(
            ps.iter()
                .any(|p| p.contains(r"item `a\u{200b}`, field `id`")),
            "{ps:?}"
        );
        assert!(
            ps.iter()
                .any(|p| p.contains(r"unknown municipality code `GM0164\u{202e}`")),
            "{ps:?}"
        );
        let geo = std::fs::read_to_string(root().join("regions/twente/gemeenten.geojson")).unwrap();
        let e = parse_municipalities(
            GEMEENTEN,
            geo.replacen("GM0147", "GM0147\u{200b}", 1).as_bytes(),
        )
        .unwrap_err();
        assert!(
            e.to_string().contains(
                r"feature GM0147\u{200b}: `code` must look like GM0153, not `GM0147\u{200b}`"
            ),
            "{e}"
        );
    }

    /// Was: "data did not match any variant of untagged enum LocalizedText".
    #[test]
    fn wrong_type_for_a_text_field_names_the_expected_shape() {
        let ps = problems(&format!(
            "{{{}}}",
            HENGELO.replace(r#""title":"T""#, r#""title":42"#)
        ));
        assert!(
            ps.iter()
                .any(|p| p.contains("a text, or an object with `nl`")),
            "{ps:?}"
        );
        assert!(!ps.iter().any(|p| p.contains("untagged enum")), "{ps:?}");
    }

    /// Was: "line 1, column 1: invalid type: map, expected a string" (serde reads an array as the fields in order).
    #[test]
    fn listings_file_that_is_an_array_says_so_instead_of_expected_a_string() {
        let e = parse_listings(LISTINGS, b"\n  [{\"meta\": {}}]", Context::default()).unwrap_err();
        assert!(
            e.to_string().starts_with(
                "listings.json, line 2, column 3: this must be an object { … }, not an array"
            ),
            "{e}"
        );
    }

    /// Was: "invalid type: sequence, expected a string" for an item that is an array.
    #[test]
    fn item_that_is_an_array_says_so_instead_of_expected_a_string() {
        let ps = problems(r#"["a", "praktijk"]"#);
        assert!(
            ps.iter()
                .any(|p| p.contains("this must be an object { … }, not an array")),
            "{ps:?}"
        );
    }

    /// Was: "trailing characters" for `"point": [6.8, 52.2, 0]`.
    #[test]
    fn point_with_three_numbers_is_not_reported_as_trailing_characters() {
        let ps = problems(&format!(r#"{{{HENGELO},"point":[6.8,52.26,0]}}"#));
        assert!(
            ps.iter()
                .any(|p| p.contains("too many elements (a point is [longitude, latitude])")),
            "{ps:?}"
        );
    }

    /// Was: only a byte offset, which no editor shows.
    #[test]
    fn invalid_utf8_error_gives_the_line() {
        let e =
            parse_listings(LISTINGS, b"{\n\n\"meta\": \"\xff\"}", Context::default()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("listings.json, line 3: not valid UTF-8 at byte 12"),
            "{e}"
        );
    }

    /// Was: "missing property `code`" for `"code": 147`.
    #[test]
    fn gemeenten_code_that_is_a_number_is_not_reported_as_missing() {
        let geo = std::fs::read_to_string(root().join("regions/twente/gemeenten.geojson")).unwrap();
        let e = parse_municipalities(GEMEENTEN, geo.replacen(r#""GM0141""#, "141", 1).as_bytes())
            .unwrap_err();
        assert!(
            e.to_string()
                .contains("feature #1: `code` must be a text such as \"GM0153\", not 141"),
            "{e}"
        );
    }

    /// Was: accepted, and drawn as a label whose letters run backwards.
    #[test]
    fn gemeenten_name_with_direction_override_is_refused() {
        let geo = std::fs::read_to_string(root().join("regions/twente/gemeenten.geojson")).unwrap();
        let e = parse_municipalities(
            GEMEENTEN,
            geo.replacen(r#""Borne""#, "\"\u{202e}enroB\"", 1)
                .as_bytes(),
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("feature GM0147: `name` contains invisible"),
            "{e}"
        );
    }

    /// Was: no warning for a link with a direction override, unlike every text field.
    #[test]
    fn hidden_characters_in_links_are_warned() {
        let ps = problems(&format!(
            "{{{HENGELO},\"link\":\"https://a.nl/\u{202e}fdp.exe\"}}"
        ));
        assert!(
            ps.iter()
                .any(|p| p.contains("field `link`: text contains invisible")),
            "{ps:?}"
        );
    }
}
