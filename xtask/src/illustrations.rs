//! The demo stories' pictures: landscapes of the region drawn as SVG by this program, so the demo shows no
//! real person and every picture's origin is this code (`cargo xtask data illustrations` writes them into
//! `regions/twente/img/`; a test checks the committed files are its output). Licence: the project's (EUPL-1.2).
//!
//! A scene is a few layers (sky, far fields, near ground) and the things that stand on them; a seeded
//! generator places trees and houses, so each file is the same on every run.

use anyhow::Result;
use std::fmt::Write as _;

pub const WIDTH: u32 = 800;
pub const HEIGHT: u32 = 533;

/// What stands in a scene.
#[derive(Clone, Copy)]
enum Feature {
    /// Rows of gabled houses and a few towers.
    Skyline,
    /// Meadows, a farmhouse and a row of oaks.
    Farm,
    /// A street of houses and a church tower.
    Street,
    /// A broad church tower above the roofs.
    Tower,
    /// A Twente farmhouse with a windmill.
    Windmill,
    /// A canal with a bridge.
    Canal,
    /// Heath with birches and a sandy path.
    Heath,
}

struct Scene {
    file: &'static str,
    /// Sky from top to horizon, ground far and near.
    sky: [&'static str; 2],
    ground: [&'static str; 2],
    sun: Option<(f64, f64, &'static str)>,
    feature: Feature,
    seed: u64,
}

const SCENES: [Scene; 7] = [
    Scene {
        file: "enschede-stad.svg",
        sky: ["#f6c48f", "#fbe7c6"],
        ground: ["#8fb36a", "#6e9a4c"],
        sun: Some((620.0, 150.0, "#fff3d6")),
        feature: Feature::Skyline,
        seed: 1,
    },
    Scene {
        file: "haaksbergen-buitengebied.svg",
        sky: ["#8ec5e8", "#dff0fa"],
        ground: ["#a7c96b", "#7fae4a"],
        sun: Some((140.0, 110.0, "#fffbe6")),
        feature: Feature::Farm,
        seed: 2,
    },
    Scene {
        file: "hengelo-stad.svg",
        sky: ["#9cc9e6", "#e6f3fb"],
        ground: ["#b9c7a3", "#93a77a"],
        sun: None,
        feature: Feature::Street,
        seed: 3,
    },
    Scene {
        file: "oldenzaal-toren.svg",
        sky: ["#b6d4ea", "#eef5fa"],
        ground: ["#9db87a", "#7b9c58"],
        sun: Some((680.0, 120.0, "#fffbe6")),
        feature: Feature::Tower,
        seed: 4,
    },
    Scene {
        file: "tubbergen-erf.svg",
        sky: ["#7fbfe3", "#d7ecf8"],
        ground: ["#c7cf6a", "#8db54e"],
        sun: Some((600.0, 100.0, "#fffbe6")),
        feature: Feature::Windmill,
        seed: 5,
    },
    Scene {
        file: "almelo-water.svg",
        sky: ["#a9cbe8", "#eaf3fb"],
        ground: ["#a3bf7f", "#86a863"],
        sun: None,
        feature: Feature::Canal,
        seed: 6,
    },
    Scene {
        file: "goor-heide.svg",
        sky: ["#c9b8e0", "#f4e9f2"],
        ground: ["#b58fc0", "#9a6fa8"],
        sun: Some((200.0, 140.0, "#fff4e0")),
        feature: Feature::Heath,
        seed: 7,
    },
];

/// A small deterministic generator (SplitMix64): the same picture on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next()
    }
}

/// Every picture as `(file name, SVG text)`.
pub fn all() -> Vec<(&'static str, String)> {
    SCENES.iter().map(|s| (s.file, draw(s))).collect()
}

/// Writes the pictures into `regions/twente/img/`.
pub fn write() -> Result<()> {
    let dir = crate::root().join("regions/twente/img");
    std::fs::create_dir_all(&dir)?;
    for (file, svg) in all() {
        std::fs::write(dir.join(file), &svg)?;
        println!("wrote img/{file} ({} bytes)", svg.len());
    }
    Ok(())
}

fn n(v: f64) -> String {
    format!("{}", (v * 10.0).round() / 10.0)
}

/// A gently rolling line across the picture at height `y`, closed to the bottom.
fn hills(rng: &mut Rng, y: f64, amp: f64, fill: &str) -> String {
    let mut d = format!("M0 {}", n(HEIGHT as f64));
    let phase = rng.range(0.0, std::f64::consts::TAU);
    let waves = rng.range(1.0, 2.5);
    for i in 0..=16 {
        let x = f64::from(i) * f64::from(WIDTH) / 16.0;
        let h = y + amp * (phase + waves * x / f64::from(WIDTH) * std::f64::consts::TAU).sin();
        let _ = write!(d, " L{} {}", n(x), n(h));
    }
    let _ = write!(d, " L{} {} Z", WIDTH, HEIGHT);
    format!("<path d=\"{d}\" fill=\"{fill}\"/>")
}

fn oak(x: f64, ground: f64, size: f64, leaf: &str) -> String {
    format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#6b4f36\"/><circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{leaf}\"/><circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{leaf}\"/><circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{leaf}\"/>",
        n(x - size * 0.08), n(ground - size * 0.9), n(size * 0.16), n(size * 0.9),
        n(x), n(ground - size * 1.15), n(size * 0.5),
        n(x - size * 0.38), n(ground - size * 0.9), n(size * 0.36),
        n(x + size * 0.38), n(ground - size * 0.92), n(size * 0.38),
    )
}

fn birch(x: f64, ground: f64, size: f64) -> String {
    format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f4f1ea\" stroke=\"#5b5b5b\" stroke-width=\"1\" stroke-dasharray=\"3 9\"/><ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\" fill=\"#9fbf5a\" opacity=\"0.9\"/>",
        n(x - 3.0), n(ground - size), 6, n(size),
        n(x), n(ground - size * 0.95), n(size * 0.28), n(size * 0.45),
    )
}

/// A house with a gabled roof; `wide` makes it a farmhouse with a low, long roof.
fn house(x: f64, ground: f64, w: f64, h: f64, wall: &str, roof: &str, wide: bool) -> String {
    let roof_h = if wide { h * 0.9 } else { h * 0.7 };
    let mut s = format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{wall}\"/><polygon points=\"{},{} {},{} {},{}\" fill=\"{roof}\"/>",
        n(x), n(ground - h), n(w), n(h),
        n(x - w * 0.06), n(ground - h), n(x + w / 2.0), n(ground - h - roof_h), n(x + w * 1.06), n(ground - h),
    );
    // Windows and a door.
    let win = w / 7.0;
    for i in [1.0, 4.5] {
        let _ = write!(s, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fdf6d8\" stroke=\"#4a3b2c\" stroke-width=\"1.5\"/>", n(x + win * i), n(ground - h * 0.7), n(win * 1.3), n(win * 1.3));
    }
    let _ = write!(
        s,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#3f5a3c\"/>",
        n(x + w * 0.45),
        n(ground - h * 0.55),
        n(w * 0.14),
        n(h * 0.55)
    );
    s
}

fn tower(x: f64, ground: f64, w: f64, h: f64, spire: f64) -> String {
    format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#9a8c7a\"/><polygon points=\"{},{} {},{} {},{}\" fill=\"#4d5a63\"/><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#3b3b3b\"/>",
        n(x), n(ground - h), n(w), n(h),
        n(x - 2.0), n(ground - h), n(x + w / 2.0), n(ground - h - spire), n(x + w + 2.0), n(ground - h),
        n(x + w * 0.35), n(ground - h * 0.8), n(w * 0.3), n(h * 0.15),
    )
}

fn windmill(x: f64, ground: f64, h: f64) -> String {
    let top = ground - h;
    let mut s = format!(
        "<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"#7a5c43\"/><polygon points=\"{},{} {},{} {},{}\" fill=\"#4b3a2c\"/>",
        n(x - h * 0.22), n(ground), n(x - h * 0.12), n(top), n(x + h * 0.12), n(top), n(x + h * 0.22), n(ground),
        n(x - h * 0.16), n(top), n(x), n(top - h * 0.14), n(x + h * 0.16), n(top),
    );
    for angle in [20.0, 110.0, 200.0, 290.0] {
        let _ = write!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#efe6d2\" stroke=\"#4b3a2c\" stroke-width=\"2\" transform=\"rotate({angle} {} {})\"/>",
            n(x - h * 0.05), n(top - h * 0.6), n(h * 0.1), n(h * 0.58), n(x), n(top)
        );
    }
    s
}

fn draw(scene: &Scene) -> String {
    let mut rng = Rng(scene.seed);
    let (w, h) = (f64::from(WIDTH), f64::from(HEIGHT));
    let horizon = h * 0.62;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\"><defs><linearGradient id=\"sky\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\"0\" stop-color=\"{}\"/><stop offset=\"1\" stop-color=\"{}\"/></linearGradient></defs><rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"url(#sky)\"/>",
        scene.sky[0], scene.sky[1]
    );
    if let Some((x, y, c)) = scene.sun {
        let _ = write!(
            s,
            "<circle cx=\"{}\" cy=\"{}\" r=\"46\" fill=\"{c}\"/>",
            n(x),
            n(y)
        );
    }
    for _ in 0..3 {
        let (cx, cy) = (rng.range(60.0, w - 60.0), rng.range(50.0, h * 0.3));
        let _ = write!(
            s,
            "<g fill=\"#ffffff\" opacity=\"0.8\"><ellipse cx=\"{}\" cy=\"{}\" rx=\"60\" ry=\"16\"/><ellipse cx=\"{}\" cy=\"{}\" rx=\"30\" ry=\"18\"/></g>",
            n(cx), n(cy), n(cx + 14.0), n(cy - 10.0)
        );
    }
    s.push_str(&hills(&mut rng, horizon, 8.0, scene.ground[0]));
    let leaf = "#4f7d3a";
    match scene.feature {
        Feature::Skyline | Feature::Street | Feature::Tower => {
            let mut x = -20.0;
            let mut i = 0;
            while x < w {
                let bw = rng.range(60.0, 100.0);
                let bh = rng.range(60.0, 130.0);
                let walls = ["#c9785a", "#b5654b", "#d9b38c", "#a9573f"];
                s.push_str(&house(
                    x,
                    horizon + 20.0,
                    bw,
                    bh,
                    walls[i % 4],
                    "#5a4a44",
                    false,
                ));
                x += bw + rng.range(4.0, 16.0);
                i += 1;
            }
            match scene.feature {
                Feature::Skyline => {
                    s.push_str(&tower(w * 0.3, horizon + 20.0, 40.0, 190.0, 70.0));
                    s.push_str(&format!(
                        "<rect x=\"{}\" y=\"{}\" width=\"70\" height=\"230\" fill=\"#8c9aa6\"/>",
                        n(w * 0.66),
                        n(horizon + 20.0 - 230.0)
                    ));
                }
                Feature::Street => s.push_str(&tower(w * 0.7, horizon + 20.0, 36.0, 170.0, 90.0)),
                _ => s.push_str(&tower(w * 0.42, horizon + 20.0, 110.0, 220.0, 40.0)),
            }
        }
        Feature::Farm | Feature::Windmill => {
            for i in 0..7 {
                let x = 40.0 + f64::from(i) * 60.0 + rng.range(-8.0, 8.0);
                s.push_str(&oak(x, horizon + 4.0, rng.range(55.0, 75.0), leaf));
            }
            s.push_str(&house(
                w * 0.58,
                horizon + 40.0,
                220.0,
                70.0,
                "#9b4a32",
                "#3f4a3c",
                true,
            ));
            if matches!(scene.feature, Feature::Windmill) {
                s.push_str(&windmill(w * 0.2, horizon + 30.0, 170.0));
            }
        }
        Feature::Canal => {
            for i in 0..9u8 {
                let bw = 80.0;
                let walls = ["#c9785a", "#d9b38c", "#b5654b"];
                s.push_str(&house(
                    f64::from(i) * 92.0 - 10.0,
                    horizon - 2.0,
                    bw,
                    rng.range(60.0, 100.0),
                    walls[usize::from(i % 3)],
                    "#5a4a44",
                    false,
                ));
            }
            let _ = write!(
                s,
                "<rect x=\"0\" y=\"{}\" width=\"{WIDTH}\" height=\"80\" fill=\"#5f93b8\"/>",
                n(horizon)
            );
            for i in 0..8 {
                let _ = write!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"60\" height=\"3\" fill=\"#cfe3f0\"/>",
                    n(rng.range(0.0, w - 60.0)),
                    n(horizon + 10.0 + f64::from(i) * 8.0)
                );
            }
            let _ = write!(
                s,
                "<path d=\"M{} {} Q{} {} {} {}\" stroke=\"#6b5747\" stroke-width=\"14\" fill=\"none\"/>",
                n(w * 0.35), n(horizon + 2.0), n(w * 0.5), n(horizon - 60.0), n(w * 0.65), n(horizon + 2.0)
            );
        }
        Feature::Heath => {
            for _ in 0..40 {
                let _ = write!(
                    s,
                    "<ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\" fill=\"#8a5a96\" opacity=\"0.7\"/>",
                    n(rng.range(0.0, w)), n(rng.range(horizon + 10.0, h)), n(rng.range(16.0, 40.0)), n(rng.range(6.0, 12.0))
                );
            }
            for _ in 0..6 {
                s.push_str(&birch(
                    rng.range(40.0, w - 40.0),
                    horizon + rng.range(10.0, 60.0),
                    rng.range(90.0, 150.0),
                ));
            }
        }
    }
    // The near ground, over the feet of what stands on the far one; a sandy path on the heath.
    let mut near = hills(&mut rng, h * 0.84, 6.0, scene.ground[1]);
    if matches!(scene.feature, Feature::Heath) {
        near.push_str(&format!(
            "<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"#e8d7a8\"/>",
            n(w * 0.42),
            n(h),
            n(w * 0.49),
            n(horizon + 30.0),
            n(w * 0.52),
            n(horizon + 30.0),
            n(w * 0.66),
            n(h)
        ));
    }
    s.push_str(&near);
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_committed_pictures_are_this_programs_output_and_small() {
        let dir = crate::root().join("regions/twente/img");
        for (file, svg) in super::all() {
            let committed = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|_| {
                panic!("img/{file} is missing: run `cargo xtask data illustrations`")
            });
            assert_eq!(
                committed, svg,
                "img/{file} differs: run `cargo xtask data illustrations`"
            );
            assert!(
                (svg.len() as u64) < twente_kaart_core::validate::MAX_PHOTO_BYTES,
                "img/{file}: {} bytes",
                svg.len()
            );
        }
    }
}
