//! `cargo xtask data rank [DIR]`: times the household planner's ranking (core's `rank_homes`, the code the
//! widget runs) on the listings in DIR, for the benchmark's national-scale budget (< 16 ms). Natively, in the
//! release-like dev profile of the core (opt-level 2); the browser runs the same code as wasm.

use anyhow::{Context, Result};
use std::path::Path;
use std::time::Instant;
use twente_kaart_core::dataset::parse_listings;
use twente_kaart_core::municipality::parse_municipalities;
use twente_kaart_core::plan::{rank_homes, PlanFilters};
use twente_kaart_core::Category;

/// Plans timed: the first practices paired with the first employers.
const PAIRS: usize = 20;
/// Rankings per plan.
const REPEATS: usize = 10;

pub fn run(dir: &Path) -> Result<()> {
    let path = dir.join("listings.json");
    let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    let geo_path = dir.join("gemeenten.geojson");
    let geo =
        std::fs::read(&geo_path).with_context(|| format!("reading {}", geo_path.display()))?;
    let map = parse_municipalities("gemeenten.geojson", &geo)?;
    // With the map, as the widget loads it (points are checked against their own region's extent).
    let parsed = parse_listings(
        "listings.json",
        &bytes,
        twente_kaart_core::validate::Context::with_map(&map.municipalities),
    )?;
    let items = parsed.items;
    let with_point = |c: Category| {
        items
            .iter()
            .filter(move |i| i.category == c)
            .filter_map(|i| i.point)
    };
    let works: Vec<[f64; 2]> = with_point(Category::Praktijk).take(PAIRS).collect();
    let partners: Vec<[f64; 2]> = with_point(Category::Partnerwerk).take(PAIRS).collect();
    let filters = PlanFilters::default();
    let mut times = Vec::new();
    let mut ranked = 0;
    for (work, partner) in works.iter().zip(&partners) {
        for _ in 0..REPEATS {
            let t = Instant::now();
            let homes = rank_homes(&items, *work, *partner, &filters);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            ranked = homes.len();
        }
    }
    anyhow::ensure!(
        !times.is_empty(),
        "no practice and employer with a point in {}",
        path.display()
    );
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "rank: {} items, {ranked} homes ranked, {} rankings: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        items.len(),
        times.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
    Ok(())
}
