//! Grouping markers that would overlap at the map's current size into one marker with a count.

use std::collections::HashMap;

/// A group of points drawn as one marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Position of the marker: the mean of its members.
    pub at: [f64; 2],
    /// Indices into the input of the points in this group.
    pub members: Vec<usize>,
}

/// Greedy grid clustering: each point joins the first existing cluster whose seed lies within `radius`,
/// else starts a new one. Looks only at the 3×3 neighbouring grid cells, so it stays linear in the number
/// of points (20,000 national listings cluster in milliseconds).
///
/// ```
/// use twente_kaart_core::map::cluster_points;
/// let c = cluster_points(&[[0.0, 0.0], [1.0, 1.0], [50.0, 50.0]], 5.0);
/// assert_eq!(c.len(), 2);
/// assert_eq!(c[0].members, vec![0, 1]);
/// ```
pub fn cluster_points(points: &[[f64; 2]], radius: f64) -> Vec<Cluster> {
    let radius = radius.max(1e-9);
    let cell = |p: [f64; 2]| {
        (
            (p[0] / radius).floor() as i64,
            (p[1] / radius).floor() as i64,
        )
    };
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    let mut seeds: Vec<[f64; 2]> = Vec::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    for (i, &p) in points.iter().enumerate() {
        let (cx, cy) = cell(p);
        let mut found = None;
        'search: for dx in -1..=1 {
            for dy in -1..=1 {
                for &c in grid.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                    let s = seeds[c];
                    if (s[0] - p[0]).powi(2) + (s[1] - p[1]).powi(2) <= radius * radius {
                        found = Some(c);
                        break 'search;
                    }
                }
            }
        }
        match found {
            Some(c) => clusters[c].members.push(i),
            None => {
                grid.entry((cx, cy)).or_default().push(clusters.len());
                seeds.push(p);
                clusters.push(Cluster {
                    at: p,
                    members: vec![i],
                });
            }
        }
    }
    for c in &mut clusters {
        let n = c.members.len() as f64;
        let (sx, sy) = c.members.iter().fold((0.0, 0.0), |(x, y), &i| {
            (x + points[i][0], y + points[i][1])
        });
        c.at = [sx / n, sy / n];
    }
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_points_stay_apart_and_near_points_merge() {
        let pts = [
            [10.0, 10.0],
            [12.0, 10.0],
            [100.0, 100.0],
            [101.0, 101.0],
            [300.0, 10.0],
        ];
        let c = cluster_points(&pts, 5.0);
        let sizes: Vec<usize> = c.iter().map(|c| c.members.len()).collect();
        assert_eq!(sizes, vec![2, 2, 1]);
        assert_eq!(c[0].at, [11.0, 10.0]);
    }
}
