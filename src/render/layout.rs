//! Where everything goes on the page: the frame, the projection fitted to
//! the route, the markers, the legend and scale bar, and every label. Pure
//! geometry; `draw` turns it into SVG.

use super::clip::{Px, Rect};
use super::font::{measure, Weight};
use super::labels::Placer;
use super::projection::{centre_of, Azimuthal, PageProjection};
use super::scalebar::{self, ScaleBar};
use super::straight::StraightLine;
use super::{canvas, fmt_km, style, LabelKind, MapInput, MapOptions, PlacedLabel, RenderError};
use crate::itinerary::Role;
use crate::measure::LatLon;
use crate::mode::Mode;

/// Smallest extent shown around the route, km (a single place, a short
/// drive).
const MIN_EXTENT_KM: f64 = 60.0;

/// Page metrics in pixels, scaled with the page size.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    /// One "design pixel" (1.0 on a 1400 × 1000 page).
    pub u: f64,
    pub frame: Rect,
}

impl Page {
    pub fn new(opts: &MapOptions) -> Result<Page, RenderError> {
        if !(400..=8000).contains(&opts.width) || !(300..=8000).contains(&opts.height) {
            return Err(RenderError::Size(opts.width, opts.height));
        }
        let (width, height) = (f64::from(opts.width), f64::from(opts.height));
        let u = (width / 1400.0).min(height / 1000.0).clamp(0.5, 4.0);
        let frame = Rect::new(0.0, 104.0 * u, width, height - 30.0 * u);
        Ok(Page {
            width,
            height,
            u,
            frame,
        })
    }
}

/// A waypoint marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub name: String,
    pub at: Px,
    pub radius: f64,
    /// Origin or destination of a journey.
    pub end: bool,
}

/// A row of the legend.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LegendRow {
    Leg(Mode),
    Network(Mode),
    Unrouted,
    Straight,
}

#[derive(Debug, Clone)]
pub struct Legend {
    pub rect: Rect,
    pub rows: Vec<(LegendRow, String)>,
    pub row_height: f64,
    pub scale_bar: ScaleBar,
    /// Left end of the scale bar, page px.
    pub bar_start: Px,
}

/// A line of text fitted to a width: the text (possibly shortened with an
/// ellipsis) and its font size in px.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedLine {
    pub text: String,
    pub size: f64,
}

/// Title, date line and totals line, fitted to the page width.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub title: FittedLine,
    pub subtitle: FittedLine,
    pub totals: FittedLine,
    pub attribution: FittedLine,
}

pub struct Layout {
    pub page: Page,
    pub header: Header,
    pub proj: PageProjection,
    pub markers: Vec<Marker>,
    pub legend: Legend,
    pub labels: Vec<PlacedLabel>,
    pub unplaced: Vec<String>,
}

pub const LEGEND_SIZE: f64 = 12.5;
pub const LABEL_SIZE: f64 = 12.5;
pub const END_LABEL_SIZE: f64 = 15.0;
pub const COUNTRY_SIZE: f64 = 11.0;
pub const STRAIGHT_SIZE: f64 = 12.0;

/// Fits an azimuthal projection centred on the route into the frame. The
/// centre is refined until it sits in the middle of the projected route, so
/// the frame's centre is the projection's centre, where scale is true in
/// every direction (and the scale bar holds).
pub fn fit(points: &[LatLon], page: &Page) -> Result<PageProjection, RenderError> {
    let mut centre = centre_of(points).ok_or(RenderError::NothingToDraw)?;
    let mut az = Azimuthal::new(centre);
    let mut bbox = projected_bbox(points, &az);
    for _ in 0..4 {
        let (cx, cy) = ((bbox.0 + bbox.2) / 2.0, (bbox.1 + bbox.3) / 2.0);
        if cx.hypot(cy) < 0.01 {
            break;
        }
        centre = az.unproject(cx, cy);
        az = Azimuthal::new(centre);
        bbox = projected_bbox(points, &az);
    }
    let (x0, y0, x1, y1) = bbox;
    let (w_km, h_km) = ((x1 - x0).max(MIN_EXTENT_KM), (y1 - y0).max(MIN_EXTENT_KM));
    let f = page.frame;
    // Room for labels and the legend around the route.
    let pad_x = (f.width() * 0.12).max(90.0 * page.u);
    let pad_y = (f.height() * 0.10).max(60.0 * page.u);
    let px_per_km = ((f.width() - 2.0 * pad_x) / w_km).min((f.height() - 2.0 * pad_y) / h_km);
    if !(px_per_km.is_finite() && px_per_km > 0.0) {
        return Err(RenderError::NothingToDraw);
    }
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let (fx, fy) = f.centre();
    Ok(PageProjection {
        azimuthal: az,
        px_per_km,
        origin_px: (fx - cx * px_per_km, fy + cy * px_per_km),
    })
}

/// (x0, y0, x1, y1) of the projected points, km.
fn projected_bbox(points: &[LatLon], az: &Azimuthal) -> (f64, f64, f64, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points.iter().filter(|p| p.is_valid()) {
        let (x, y) = az.project(*p);
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    (x0, y0, x1, y1)
}

/// Markers for every journey's waypoints; a place visited twice (or shared by
/// two journeys) gets one marker, emphasised if it ends any journey.
pub fn markers(input: &MapInput, proj: &PageProjection, page: &Page) -> Vec<Marker> {
    let mut out: Vec<Marker> = Vec::new();
    for j in &input.itinerary.journeys {
        let last = j.waypoints.len().saturating_sub(1);
        for (i, w) in j.waypoints.iter().enumerate() {
            if !w.point().is_valid() {
                continue;
            }
            let end = i == 0 || i == last || matches!(w.role, Role::Origin | Role::Destination);
            let at = proj.to_px(w.point());
            if let Some(m) = out
                .iter_mut()
                .find(|m| m.name == w.name && (m.at.0 - at.0).hypot(m.at.1 - at.1) < 2.0)
            {
                m.end |= end;
                m.radius = m.radius.max(radius(end, page));
                continue;
            }
            out.push(Marker {
                name: w.name.clone(),
                at,
                radius: radius(end, page),
                end,
            });
        }
    }
    out
}

fn radius(end: bool, page: &Page) -> f64 {
    page.u * if end { 6.5 } else { 4.0 }
}

pub fn marker_box(m: &Marker, page: &Page) -> Rect {
    let r = m.radius + 1.5 * page.u;
    Rect::new(m.at.0 - r, m.at.1 - r, m.at.0 + r, m.at.1 + r)
}

/// The legend rows for what the map shows.
fn legend_rows(input: &MapInput, straight: &[StraightLine]) -> Vec<(LegendRow, String)> {
    let mut modes: Vec<Mode> = input.legs.iter().map(|l| l.mode).collect();
    modes.sort();
    modes.dedup();
    let mut rows: Vec<(LegendRow, String)> = modes
        .iter()
        .map(|m| (LegendRow::Leg(*m), style::mode_label(*m).to_string()))
        .collect();
    if input.legs.iter().any(|l| !l.routed) {
        rows.push((
            LegendRow::Unrouted,
            "Not on network (straight fallback)".into(),
        ));
    }
    if !straight.is_empty() {
        rows.push((LegendRow::Straight, "Straight line (geodesic)".into()));
    }
    let mut net: Vec<Mode> = input
        .background
        .iter()
        .filter(|(_, lines)| !lines.is_empty())
        .map(|(m, _)| *m)
        .collect();
    net.sort();
    net.dedup();
    rows.extend(net.into_iter().map(|m| {
        (
            LegendRow::Network(m),
            format!("{} network", style::mode_label(m)),
        )
    }));
    rows
}

/// Sizes the legend (rows + scale bar) and puts it in the frame corner that
/// covers the fewest route points.
fn legend(
    input: &MapInput,
    straight: &[StraightLine],
    proj: &PageProjection,
    page: &Page,
    route: &[Px],
) -> Legend {
    let u = page.u;
    let rows = legend_rows(input, straight);
    let texts: Vec<(&str, f64, Weight)> = rows
        .iter()
        .map(|(_, t)| (t.as_str(), LEGEND_SIZE * u, Weight::Regular))
        .collect();
    let text_w = measure(&texts).into_iter().fold(0.0, f64::max);
    let at = proj.from_px(page.frame.centre());
    let bar = scalebar::choose(proj, at, 120.0 * u);
    let row_height = 21.0 * u;
    let pad = 12.0 * u;
    let w = (44.0 * u + text_w).max(bar.px + 60.0 * u) + 2.0 * pad;
    let h = rows.len() as f64 * row_height + 44.0 * u + 2.0 * pad;
    let inset = 14.0 * u;
    let f = page.frame;
    let corners = [
        Rect::new(
            f.x0 + inset,
            f.y1 - inset - h,
            f.x0 + inset + w,
            f.y1 - inset,
        ),
        Rect::new(
            f.x1 - inset - w,
            f.y1 - inset - h,
            f.x1 - inset,
            f.y1 - inset,
        ),
        Rect::new(
            f.x0 + inset,
            f.y0 + inset,
            f.x0 + inset + w,
            f.y0 + inset + h,
        ),
        Rect::new(
            f.x1 - inset - w,
            f.y0 + inset,
            f.x1 - inset,
            f.y0 + inset + h,
        ),
    ];
    let rect = corners
        .iter()
        .enumerate()
        .min_by_key(|(i, r)| {
            let covered = route
                .iter()
                .filter(|p| r.inflate(20.0 * u).contains(**p))
                .count();
            (covered, *i)
        })
        .map(|(_, r)| *r)
        .unwrap_or(corners[0]);
    let bar_start = (rect.x0 + pad, rect.y1 - pad - 8.0 * u);
    Legend {
        rect,
        rows,
        row_height,
        scale_bar: bar,
        bar_start,
    }
}

/// Computes the whole layout.
pub fn layout(
    input: &MapInput,
    opts: &MapOptions,
    straight: &[StraightLine],
    route_px: &[Px],
    proj: PageProjection,
    page: Page,
    countries: &[super::basemap::CountryName],
) -> Layout {
    let u = page.u;
    let markers = markers(input, &proj, &page);
    let legend = legend(input, straight, &proj, &page, route_px);
    let _ = opts;
    let mut blocked: Vec<Rect> = markers.iter().map(|m| marker_box(m, &page)).collect();
    blocked.push(legend.rect.inflate(4.0 * u));
    let mut placer = Placer::new(page.frame.inflate(-6.0 * u), blocked, route_px.to_vec());
    let mut labels = Vec::new();
    let mut unplaced = Vec::new();

    // Ends of journeys first: they matter most.
    let mut order: Vec<&Marker> = markers.iter().filter(|m| m.end).collect();
    order.extend(markers.iter().filter(|m| !m.end));
    let sizes: Vec<(&str, f64, Weight)> = order
        .iter()
        .map(|m| {
            if m.end {
                (m.name.as_str(), END_LABEL_SIZE * u, Weight::Bold)
            } else {
                (m.name.as_str(), LABEL_SIZE * u, Weight::Regular)
            }
        })
        .collect();
    let widths = measure(&sizes);
    for ((m, (_, size, weight)), w) in order.iter().zip(&sizes).zip(widths) {
        let box_size = (w + 4.0 * u, size * 1.15);
        match placer.place_near(m.at, m.radius + 3.0 * u, box_size) {
            Some(rect) => labels.push(PlacedLabel {
                text: m.name.clone(),
                rect,
                kind: LabelKind::Waypoint,
                anchor: Some(m.at),
                size: *size,
                bold: *weight == Weight::Bold,
            }),
            None => unplaced.push(m.name.clone()),
        }
    }

    for s in straight {
        let line: Vec<Px> = s.geometry.iter().map(|p| proj.to_px(*p)).collect();
        let Some(&mid) = line.get(line.len() / 2) else {
            continue;
        };
        let text = format!("{} straight line", fmt_km(s.length.0));
        let size = STRAIGHT_SIZE * u;
        let w = measure(&[(&text, size, Weight::Regular)])[0];
        match placer.place_near(mid, 6.0 * u, (w + 4.0 * u, size * 1.15)) {
            Some(rect) => labels.push(PlacedLabel {
                text,
                rect,
                kind: LabelKind::StraightLine,
                anchor: None,
                size,
                bold: false,
            }),
            None => unplaced.push(text),
        }
    }

    let mut names: Vec<&super::basemap::CountryName> = countries.iter().collect();
    names.sort_by(|a, b| b.area.total_cmp(&a.area).then(a.name.cmp(&b.name)));
    let size = COUNTRY_SIZE * u;
    let upper: Vec<String> = names.iter().map(|c| c.name.to_uppercase()).collect();
    let widths = measure(
        &upper
            .iter()
            .map(|t| (t.as_str(), size, Weight::Regular))
            .collect::<Vec<_>>(),
    );
    for ((c, text), w) in names.iter().zip(upper).zip(widths) {
        let (bw, bh) = (w + 4.0 * u, size * 1.15);
        if c.area < bw * bh * 5.0 {
            continue;
        }
        let candidates: Vec<Rect> = [(0.0, 0.0), (0.0, -1.5), (0.0, 1.5), (-0.5, 0.0), (0.5, 0.0)]
            .iter()
            .map(|(fx, fy)| {
                let x0 = c.anchor.0 - bw / 2.0 + fx * bw;
                let y0 = c.anchor.1 - bh / 2.0 + fy * bh;
                Rect::new(x0, y0, x0 + bw, y0 + bh)
            })
            .collect();
        if let Some(rect) = placer.place_clear(&candidates) {
            labels.push(PlacedLabel {
                text,
                rect,
                kind: LabelKind::Country,
                anchor: None,
                size,
                bold: false,
            });
        }
    }
    let header = header(input, straight, &page);
    Layout {
        page,
        header,
        proj,
        markers,
        legend,
        labels,
        unplaced,
    }
}

/// Every route point (legs, straight lines) in page pixels, sampled densely
/// enough for label placement to see the lines between vertices.
pub fn route_points(input: &MapInput, straight: &[StraightLine], proj: &PageProjection) -> Vec<Px> {
    let lines = input
        .legs
        .iter()
        .map(|l| &l.geometry)
        .chain(straight.iter().map(|s| &s.geometry));
    let mut out = Vec::new();
    for line in lines {
        let px: Vec<Px> = line
            .iter()
            .filter(|p| p.is_valid())
            .map(|p| proj.to_px(*p))
            .collect();
        out.extend(canvas::sample(&px, 6.0));
    }
    out
}

/// Shrinks `text` to fit `max_w` px: first the font size (down to
/// `min_size`), then the text itself, cut at a character with "…".
pub fn fit_line(text: &str, size: f64, weight: Weight, max_w: f64, min_size: f64) -> FittedLine {
    let w = measure(&[(text, size, weight)])[0];
    if w <= max_w {
        return FittedLine {
            text: text.to_string(),
            size,
        };
    }
    let size = (size * max_w / w).max(min_size);
    if measure(&[(text, size, weight)])[0] <= max_w {
        return FittedLine {
            text: text.to_string(),
            size,
        };
    }
    let chars: Vec<char> = text.chars().collect();
    let shortened = |n: usize| chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
    // Largest prefix that fits with the ellipsis (binary search; 0 always "fits").
    let (mut lo, mut hi) = (0usize, chars.len().saturating_sub(1));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if measure(&[(&shortened(mid), size, weight)])[0] <= max_w {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let text = shortened(lo);
    FittedLine { text, size }
}

fn header(input: &MapInput, straight: &[StraightLine], page: &Page) -> Header {
    let u = page.u;
    let full = page.width - 48.0 * u;
    let totals = super::draw::totals_line(input, straight);
    Header {
        title: fit_line(&input.title, 26.0 * u, Weight::Bold, full, 16.0 * u),
        subtitle: fit_line(&input.subtitle, 15.0 * u, Weight::Regular, full, 11.0 * u),
        totals: fit_line(&totals, 13.5 * u, Weight::Regular, full, 10.0 * u),
        // The footer shares its line with the projection note on the right.
        attribution: fit_line(
            &input.attribution,
            11.5 * u,
            Weight::Regular,
            full * 0.58,
            9.0 * u,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_shrink_then_shorten() {
        let short = fit_line("Hanoi", 20.0, Weight::Bold, 500.0, 10.0);
        assert_eq!(
            short,
            FittedLine {
                text: "Hanoi".into(),
                size: 20.0
            }
        );
        let long = "A very long title about a journey across many countries ".repeat(4);
        let f = fit_line(&long, 20.0, Weight::Bold, 300.0, 12.0);
        assert_eq!(f.size, 12.0);
        assert!(f.text.ends_with('…'));
        assert!(measure(&[(&f.text, f.size, Weight::Bold)])[0] <= 300.0);
    }
}
