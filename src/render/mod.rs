//! The map: out/map.svg drawn with plotters, and a PNG preview via resvg.
//!
//! One algorithm per module: [`projection`] (azimuthal equidistant centred on
//! the route), [`topology`] (Natural Earth TopoJSON decoding), [`basemap`]
//! (projecting, clipping and simplifying it for the frame), [`clip`],
//! [`simplify`], [`labels`] (collision-free label placement), [`scalebar`],
//! [`straight`] (each journey's geodesic origin→destination), [`font`]
//! (the bundled typeface and text measurement), `layout` (where things go)
//! and `draw` (plotters calls).
//!
//! ```
//! use journeymap::itinerary::{Itinerary, Journey, Leg, Role, Waypoint};
//! use journeymap::measure::{geodesic_length, LatLon};
//! use journeymap::mode::Mode;
//! use journeymap::render::{self, MapInput, MapOptions};
//! use journeymap::route::RoutedLeg;
//! let wp = |name: &str, lat, lon, role| Waypoint { name: name.into(), place_id: None,
//!     country: Some("VN".into()), lat, lon, role, confidence: 1.0, evidence: vec![] };
//! let it = Itinerary { journeys: vec![Journey { traveller: "Kim Jong Un".into(),
//!     waypoints: vec![wp("Dong Dang", 21.9397, 106.7006, Role::Origin),
//!                     wp("Hanoi", 21.0245, 105.8412, Role::Destination)],
//!     legs: vec![Leg { mode: Mode::Road, confidence: 1.0, evidence: vec![] }],
//!     notes: vec![] }] };
//! let geometry = vec![LatLon::new(21.9397, 106.7006), LatLon::new(21.85, 106.76),
//!                     LatLon::new(21.27, 106.19), LatLon::new(21.0245, 105.8412)];
//! let legs = vec![RoutedLeg { journey: 0, leg: 0, mode: Mode::Road, from: "Dong Dang".into(),
//!     to: "Hanoi".into(), length: geodesic_length(&geometry), geometry, routed: true,
//!     stops: vec![], lines: vec![], warnings: vec![] }];
//! let input = MapInput::new("The drive to Hanoi", &it, &legs);
//! let map = render::render(&input, &MapOptions::default()).unwrap();
//! assert!(map.svg.starts_with("<svg"));
//! assert_eq!(map.labels.iter().filter(|l| l.kind == render::LabelKind::Waypoint).count(), 2);
//! ```

pub mod basemap;
pub mod canvas;
pub mod clip;
mod draw;
pub mod font;
pub mod labels;
mod layout;
mod png;
pub mod projection;
pub mod scalebar;
pub mod simplify;
pub mod straight;
mod style;
pub mod topology;

pub use clip::{Px, Rect};
pub use draw::totals_line;
pub use projection::PageProjection;
pub use scalebar::ScaleBar;
pub use straight::{straight_lines, StraightLine};
pub use topology::Scale;

use crate::itinerary::Itinerary;
use crate::measure::LatLon;
use crate::mode::Mode;
use crate::route::RoutedLeg;

/// The attribution the map carries by default.
pub const ATTRIBUTION: &str =
    "Basemap: Natural Earth. Places: GeoNames (CC BY 4.0). Rail: sources per row, incl. © OpenStreetMap contributors (ODbL).";

/// What the map shows.
#[derive(Debug, Clone)]
pub struct MapInput<'a> {
    pub title: String,
    /// The date line under the title ("27–26 February 2019"); may be empty.
    pub subtitle: String,
    pub itinerary: &'a Itinerary,
    /// The routed legs of every journey in `itinerary`.
    pub legs: &'a [RoutedLeg],
    /// Network lines of the route's modes, drawn faintly behind the route.
    pub background: Vec<(Mode, Vec<Vec<LatLon>>)>,
    pub attribution: String,
}

impl<'a> MapInput<'a> {
    /// An input with no subtitle, no background network and the default
    /// attribution.
    pub fn new(title: &str, itinerary: &'a Itinerary, legs: &'a [RoutedLeg]) -> MapInput<'a> {
        MapInput {
            title: title.to_string(),
            subtitle: String::new(),
            itinerary,
            legs,
            background: Vec::new(),
            attribution: ATTRIBUTION.to_string(),
        }
    }
}

/// Page size in pixels (`--size WxH`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapOptions {
    pub width: u32,
    pub height: u32,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            width: 1400,
            height: 1000,
        }
    }
}

impl MapOptions {
    /// Parses `"WxH"` (`1400x1000`).
    pub fn parse_size(s: &str) -> Option<MapOptions> {
        let (w, h) = s.trim().split_once(['x', 'X'])?;
        Some(MapOptions {
            width: w.trim().parse().ok()?,
            height: h.trim().parse().ok()?,
        })
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum RenderError {
    #[error("nothing to draw: the itinerary has no waypoint with valid coordinates")]
    NothingToDraw,
    #[error(
        "map size {0}x{1} is out of range: use a width of 400–8000 and a height of 300–8000 pixels"
    )]
    Size(u32, u32),
    #[error("the bundled basemap could not be read: {0}")]
    Basemap(String),
    #[error("drawing the map failed: {0}")]
    Draw(String),
    #[error("PNG preview failed: {0}")]
    Png(String),
}

/// What kind of thing a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    Waypoint,
    StraightLine,
    Country,
}

/// A label as placed on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLabel {
    pub text: String,
    /// The label's box, page pixels.
    pub rect: Rect,
    pub kind: LabelKind,
    /// The point the label names (a waypoint marker's centre), if any.
    pub anchor: Option<Px>,
    /// Font size, px.
    pub size: f64,
    pub bold: bool,
}

/// The rendered map and the geometry behind it (for checks and tests).
#[derive(Debug, Clone)]
pub struct RenderedMap {
    pub svg: String,
    pub projection: PageProjection,
    /// The map frame (between header and footer), page pixels.
    pub frame: Rect,
    pub labels: Vec<PlacedLabel>,
    /// Waypoint marker boxes, page pixels.
    pub markers: Vec<Rect>,
    /// The legend box (which also holds the scale bar).
    pub legend: Rect,
    pub scale_bar: ScaleBar,
    /// Left end of the scale bar; the right end is `px` further right.
    pub scale_bar_start: Px,
    /// Labels that found no free position and were left out.
    pub unplaced: Vec<String>,
    pub basemap_scale: Scale,
}

/// Renders the map and returns the SVG with its layout.
pub fn render(input: &MapInput, opts: &MapOptions) -> Result<RenderedMap, RenderError> {
    let page = layout::Page::new(opts)?;
    let straight = straight_lines(input.itinerary);
    let mut points: Vec<LatLon> = input
        .itinerary
        .journeys
        .iter()
        .flat_map(|j| j.waypoints.iter().map(|w| w.point()))
        .chain(input.legs.iter().flat_map(|l| l.geometry.iter().copied()))
        .chain(straight.iter().flat_map(|s| s.geometry.iter().copied()))
        .filter(|p| p.is_valid())
        .collect();
    if points.is_empty() {
        return Err(RenderError::NothingToDraw);
    }
    points.dedup();
    let proj = layout::fit(&points, &page)?;
    let route_px = layout::route_points(input, &straight, &proj);
    let diagonal_km = page.frame.width().hypot(page.frame.height()) / proj.px_per_km;
    let scale = basemap::scale_for(diagonal_km);
    let world = topology::Basemap::load(scale).map_err(RenderError::Basemap)?;
    // Countries with a waypoint are tinted (not those a flight passes over).
    let waypoints_px: Vec<Px> = input
        .itinerary
        .journeys
        .iter()
        .flat_map(|j| j.waypoints.iter().map(|w| w.point()))
        .filter(|p| p.is_valid())
        .take(512)
        .map(|p| proj.to_px(p))
        .collect();
    let base = basemap::prepare(world, &proj, &page.frame, &waypoints_px);
    let lay = layout::layout(input, opts, &straight, &route_px, proj, page, &base.names);
    let svg = draw::draw(input, &lay, &base, &straight).map_err(RenderError::Draw)?;
    Ok(RenderedMap {
        svg,
        projection: lay.proj,
        frame: lay.page.frame,
        markers: lay
            .markers
            .iter()
            .map(|m| layout::marker_box(m, &lay.page))
            .collect(),
        labels: lay.labels,
        legend: lay.legend.rect,
        scale_bar: lay.legend.scale_bar,
        scale_bar_start: lay.legend.bar_start,
        unplaced: lay.unplaced,
        basemap_scale: scale,
    })
}

/// Renders the map to an SVG document.
pub fn svg(input: &MapInput, opts: &MapOptions) -> Result<String, RenderError> {
    render(input, opts).map(|m| m.svg)
}

/// Renders an SVG document (map.svg) to PNG bytes at `zoom` × its size, with
/// the bundled font.
pub fn png(svg: &str, zoom: f32) -> Result<Vec<u8>, RenderError> {
    png::png(svg, zoom)
}

/// "2,759 km"; one decimal below 10 km.
pub fn fmt_km(km: f64) -> String {
    if km.abs() < 10.0 {
        return format!("{km:.1} km");
    }
    let n = km.round() as i64;
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    format!("{out} km")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn km_formatting() {
        assert_eq!(fmt_km(2758.6), "2,759 km");
        assert_eq!(fmt_km(1_234_567.0), "1,234,567 km");
        assert_eq!(fmt_km(500.0), "500 km");
        assert_eq!(fmt_km(2.25), "2.2 km");
    }

    #[test]
    fn size_parsing() {
        assert_eq!(
            MapOptions::parse_size("1600x900"),
            Some(MapOptions {
                width: 1600,
                height: 900
            })
        );
        assert_eq!(MapOptions::parse_size("big"), None);
    }
}
