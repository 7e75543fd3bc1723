//! From WGS84 boundaries to SVG: the projection, path data, label points, neighbours for arrow keys, and
//! marker clustering. Pure functions of the data, shared by the widget and the build-time prerender.

pub mod cluster;
pub mod labels;
pub mod layout;
pub mod projection;

pub use cluster::{cluster_points, Cluster};
pub use layout::{Direction, MapLayout, ShapeLayout};
pub use projection::Projection;
