//! A local equirectangular projection: longitude scaled by the cosine of the mid latitude. Over a region the
//! size of Twente (40 km) it is indistinguishable from the Mercator tiles a visitor knows, and it needs no
//! trigonometry per point.

/// Maps `[lon, lat]` to SVG user units, y down, fitting a bounding box into a view `width` wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    lon0: f64,
    lat1: f64,
    kx: f64,
    ky: f64,
    pad: f64,
    pub width: f64,
    pub height: f64,
}

impl Projection {
    /// Fits `bbox` (`[min_lon, min_lat, max_lon, max_lat]`) into `width` user units with `pad` around it.
    ///
    /// ```
    /// use twente_kaart_core::map::Projection;
    /// let p = Projection::fit([6.3, 52.1, 7.1, 52.5], 1000.0, 10.0);
    /// let [x, y] = p.project([6.3, 52.5]);
    /// assert!((x - 10.0).abs() < 1e-9 && (y - 10.0).abs() < 1e-9);
    /// ```
    pub fn fit(bbox: [f64; 4], width: f64, pad: f64) -> Projection {
        let [x0, y0, x1, y1] = bbox;
        let cos = ((y0 + y1) / 2.0).to_radians().cos();
        let span_x = ((x1 - x0) * cos).max(1e-9);
        let k = (width - 2.0 * pad) / span_x;
        let height = (y1 - y0) * k + 2.0 * pad;
        Projection {
            lon0: x0,
            lat1: y1,
            kx: k * cos,
            ky: k,
            pad,
            width,
            height: height.ceil(),
        }
    }

    pub fn project(&self, p: [f64; 2]) -> [f64; 2] {
        [
            (p[0] - self.lon0) * self.kx + self.pad,
            (self.lat1 - p[1]) * self.ky + self.pad,
        ]
    }

    /// The inverse of [`Projection::project`]: SVG user units back to `[lon, lat]` (e.g. where a click on the
    /// map landed).
    ///
    /// ```
    /// use twente_kaart_core::map::Projection;
    /// let p = Projection::fit([6.3, 52.1, 7.1, 52.5], 1000.0, 10.0);
    /// let [lon, lat] = p.unproject(p.project([6.89, 52.22]));
    /// assert!((lon - 6.89).abs() < 1e-9 && (lat - 52.22).abs() < 1e-9);
    /// ```
    pub fn unproject(&self, xy: [f64; 2]) -> [f64; 2] {
        [
            (xy[0] - self.pad) / self.kx + self.lon0,
            self.lat1 - (xy[1] - self.pad) / self.ky,
        ]
    }

    /// SVG units per km on the ground (the same along both axes: that is what the latitude's cosine is for),
    /// so a circle of `r` km around a point is an SVG circle (the planner's reach rings).
    pub fn units_per_km(&self) -> f64 {
        self.ky / (crate::plan::EARTH_RADIUS_KM * std::f64::consts::PI / 180.0)
    }

    /// The SVG `viewBox` attribute value.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", fmt(self.width), fmt(self.height))
    }

    /// SVG path data for rings, one decimal (a tenth of a user unit is far below a pixel): per ring an absolute
    /// `M`, then relative line segments `l` in tenths rounded once per point (so they add up to the same
    /// points), the command letter not repeated, no separator before a minus, no zero-length segment, and `z`.
    /// A national map's 342 outlines are a large part of its page; written this way they are about 40 % shorter
    /// than with absolute `L` points.
    pub fn path(&self, rings: impl IntoIterator<Item = impl AsRef<[[f64; 2]]>>) -> String {
        let mut d = String::new();
        for ring in rings {
            let ring = ring.as_ref();
            // The closing position repeats the first; `z` draws that edge.
            let open = if ring.len() > 1 && ring.first() == ring.last() {
                &ring[..ring.len() - 1]
            } else {
                ring
            };
            let mut last: Option<[i64; 2]> = None;
            for p in open {
                let [x, y] = self.project(*p);
                let at = [tenths(x), tenths(y)];
                match last {
                    None => {
                        d.push('M');
                        d.push_str(&fmt_tenths(at[0]));
                        push_number(&mut d, at[1]);
                        d.push('l');
                    }
                    Some(prev) if prev == at => continue,
                    Some(prev) => {
                        if !d.ends_with('l') {
                            push_number(&mut d, at[0] - prev[0]);
                        } else {
                            d.push_str(&fmt_tenths(at[0] - prev[0]));
                        }
                        push_number(&mut d, at[1] - prev[1]);
                    }
                }
                last = Some(at);
            }
            if last.is_some() {
                if d.ends_with('l') {
                    d.pop();
                }
                d.push('z');
            }
        }
        d
    }
}

/// `v` in tenths of a unit, rounded.
fn tenths(v: f64) -> i64 {
    (v * 10.0).round() as i64
}

/// Appends a number of tenths after another number: a space between them, unless a minus sign separates them.
fn push_number(d: &mut String, tenths: i64) {
    if tenths >= 0 {
        d.push(' ');
    }
    d.push_str(&fmt_tenths(tenths));
}

/// A number of tenths as SVG writes it: at most one decimal, no trailing `.0`.
fn fmt_tenths(tenths: i64) -> String {
    let (sign, abs) = if tenths < 0 {
        ("-", -tenths)
    } else {
        ("", tenths)
    };
    match abs % 10 {
        0 => format!("{sign}{}", abs / 10),
        d => format!("{sign}{}.{d}", abs / 10),
    }
}

/// A number with at most one decimal and no trailing `.0`.
///
/// Written with integer formatting: the float formatter would add about 10 KB to the wasm.
///
/// ```
/// use twente_kaart_core::map::projection::fmt;
/// assert_eq!((fmt(12.0), fmt(-0.04), fmt(3.25), fmt(-7.46)), ("12".into(), "0".into(), "3.3".into(), "-7.5".into()));
/// ```
pub fn fmt(v: f64) -> String {
    fmt_tenths(tenths(v))
}

/// From a click's client position to SVG user units, for an SVG drawn with the default
/// `preserveAspectRatio` (`xMidYMid meet`): the view box is scaled to fit and centred.
pub fn client_to_view(rect: [f64; 4], view: [f64; 2], client: [f64; 2]) -> [f64; 2] {
    let [left, top, width, height] = rect;
    let scale = (view[0] / width.max(1e-9)).max(view[1] / height.max(1e-9));
    let off_x = (width * scale - view[0]) / 2.0;
    let off_y = (height * scale - view[1]) / 2.0;
    [
        (client[0] - left) * scale - off_x,
        (client[1] - top) * scale - off_y,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_is_compact_and_closed() {
        let p = Projection::fit([0.0, 0.0, 1.0, 1.0], 100.0, 0.0);
        let d = p.path([[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]);
        assert_eq!(d, "M0 100l100 0 0-100z");
        // Rounded once per point, the steps add up: no drift over a long ring; a repeated point is left out.
        let ring: Vec<[f64; 2]> = (0..=30).map(|i| [f64::from(i) * 0.0123, 0.5]).collect();
        let d = p.path([ring.clone(), vec![[0.5, 0.5], [0.5, 0.5], [0.6, 0.5]]]);
        let (first, second) = d.split_once('z').unwrap();
        let steps: Vec<f64> = first
            .split_once('l')
            .unwrap()
            .1
            .split(' ')
            .map(|n| n.parse::<f64>().unwrap())
            .collect();
        let x_end: f64 = 0.0 + steps.iter().step_by(2).sum::<f64>();
        assert!(
            (x_end - fmt(30.0 * 1.23).parse::<f64>().unwrap()).abs() < 1e-9,
            "{x_end}"
        );
        assert_eq!(second, "M50 50l10 0z");
        assert_eq!(p.path([vec![[0.2, 0.3]]]), "M20 70z");
    }

    #[test]
    fn clicks_map_back_to_view_units_with_letterboxing() {
        // A 100×100 view drawn in a 200×100 box sits centred: 50 px empty on each side.
        let at = |x, y| client_to_view([10.0, 20.0, 200.0, 100.0], [100.0, 100.0], [x, y]);
        assert_eq!(at(110.0, 70.0), [50.0, 50.0]);
        assert_eq!(at(60.0, 20.0), [0.0, 0.0]);
        // Drawn exactly at its size (the planner's tap area covers the whole view box): proportional.
        assert_eq!(
            client_to_view([0.0, 0.0, 50.0, 25.0], [100.0, 50.0], [25.0, 5.0]),
            [50.0, 10.0]
        );
    }

    #[test]
    fn aspect_ratio_follows_latitude() {
        // At 52° a degree of longitude is ~0.62 of a degree of latitude.
        let p = Projection::fit([6.0, 52.0, 7.0, 53.0], 1000.0, 0.0);
        assert!((p.height / p.width - 1.0 / 52.5f64.to_radians().cos()).abs() < 0.01);
    }
}
