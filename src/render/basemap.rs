//! The basemap on the page: Natural Earth countries projected, clipped to
//! the map frame and simplified to the pixel resolution — land polygons,
//! coastlines (arcs used by one country), land borders (arcs shared by two)
//! and a label anchor for each country that shows.

use super::clip::{clip_line, clip_ring, Px, Rect};
use super::projection::{normalise_lon, PageProjection};
use super::simplify::radial;
use super::topology::{arc_index, is_cut, Basemap, Scale};
use crate::measure::LatLon;
use geo::{Area, InteriorPoint};

/// Points further than this from the projection centre are dropped: near the
/// antipode the azimuthal projection tears, and nothing that far away can be
/// in a route map's frame.
const MAX_ANGLE_RAD: f64 = 2.6;

/// Vertices closer than this (pixels) to the previous one are dropped.
const SIMPLIFY_PX: f64 = 0.6;

#[derive(Debug, Default)]
pub struct PageBasemap {
    /// Land rings, with `true` for countries the route passes through.
    pub land: Vec<(Vec<Px>, bool)>,
    pub coast: Vec<Vec<Px>>,
    pub borders: Vec<Vec<Px>>,
    pub names: Vec<CountryName>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CountryName {
    pub name: String,
    /// A point inside the country's largest visible part.
    pub anchor: Px,
    /// Visible area of that part, px².
    pub area: f64,
}

/// Projects, clips and simplifies the basemap for `frame`; `route_points`
/// (page pixels) mark the countries to tint.
pub fn prepare(
    world: &Basemap,
    proj: &PageProjection,
    frame: &Rect,
    route_points: &[Px],
) -> PageBasemap {
    let window = frame.inflate(3.0);
    let geo_box = GeoBox::of_frame(proj, frame);
    let visible: Vec<bool> = world.arcs.iter().map(|a| geo_box.may_touch(a)).collect();
    let to_px = |p: LatLon| -> Option<Px> {
        (proj.azimuthal.angle_from_centre(p) < MAX_ANGLE_RAD).then(|| proj.to_px(p))
    };

    let mut out = PageBasemap::default();
    for (i, arc) in world.arcs.iter().enumerate() {
        if !visible[i] {
            continue;
        }
        let target = match world.arc_uses[i] {
            1 => &mut out.coast,
            2 => &mut out.borders,
            _ => continue,
        };
        for run in split_runs(arc, &to_px) {
            for part in clip_line(&run, &window) {
                let s = radial(&part, SIMPLIFY_PX);
                if s.len() > 1 {
                    target.push(s);
                }
            }
        }
    }

    for country in &world.countries {
        let mut best: Option<(f64, Vec<Px>)> = None;
        let mut on_route = false;
        let mut rings = Vec::new();
        for polygon in &country.polygons {
            let Some(exterior) = polygon.first() else {
                continue;
            };
            if !exterior
                .iter()
                .any(|r| visible.get(arc_index(*r)) == Some(&true))
            {
                continue;
            }
            let Some(ring) = world
                .ring(exterior)
                .into_iter()
                .map(to_px)
                .collect::<Option<Vec<Px>>>()
            else {
                continue;
            };
            on_route |= route_points
                .iter()
                .any(|p| frame.contains(*p) && inside(*p, &ring));
            let clipped = radial(&clip_ring(&ring, &window), SIMPLIFY_PX);
            if clipped.len() < 3 {
                continue;
            }
            let area = ring_area(&clipped);
            if best.as_ref().is_none_or(|(a, _)| area > *a) {
                best = Some((area, clipped.clone()));
            }
            rings.push(clipped);
        }
        out.land.extend(rings.into_iter().map(|r| (r, on_route)));
        if let Some((area, ring)) = best {
            if let Some(anchor) = interior(&ring) {
                out.names.push(CountryName {
                    name: country.name.clone(),
                    anchor,
                    area,
                });
            }
        }
    }
    out
}

/// The basemap scale for a frame spanning `diagonal_km`.
pub fn scale_for(diagonal_km: f64) -> Scale {
    if diagonal_km < 2500.0 {
        Scale::Fine
    } else {
        Scale::Medium
    }
}

/// Splits an arc into projected runs, breaking at globe cuts and at points
/// too far from the centre to project.
fn split_runs(arc: &[LatLon], to_px: &impl Fn(LatLon) -> Option<Px>) -> Vec<Vec<Px>> {
    let mut runs = Vec::new();
    let mut cur: Vec<Px> = Vec::new();
    let mut prev: Option<LatLon> = None;
    for &p in arc {
        let cut = prev.is_some_and(|q| is_cut(q, p));
        match to_px(p) {
            Some(px) if !cut => cur.push(px),
            Some(px) => {
                if cur.len() > 1 {
                    runs.push(std::mem::take(&mut cur));
                }
                cur = vec![px];
            }
            None => {
                if cur.len() > 1 {
                    runs.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
        prev = Some(p);
    }
    if cur.len() > 1 {
        runs.push(cur);
    }
    runs
}

/// Even–odd point-in-ring test in page pixels.
fn inside(p: Px, ring: &[Px]) -> bool {
    let mut c = false;
    let n = ring.len();
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + n - 1) % n]);
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < (b.0 - a.0) * (p.1 - a.1) / (b.1 - a.1) + a.0 {
            c = !c;
        }
    }
    c
}

fn to_polygon(ring: &[Px]) -> geo::Polygon<f64> {
    geo::Polygon::new(
        geo::LineString::from(ring.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>()),
        vec![],
    )
}

fn ring_area(ring: &[Px]) -> f64 {
    to_polygon(ring).unsigned_area()
}

fn interior(ring: &[Px]) -> Option<Px> {
    to_polygon(ring).interior_point().map(|p| (p.x(), p.y()))
}

/// The frame's extent in latitude and in longitude relative to the
/// projection centre, for a quick reject of arcs that cannot show.
struct GeoBox {
    lat: (f64, f64),
    rel_lon: (f64, f64),
    centre_lon: f64,
    everything: bool,
}

impl GeoBox {
    fn of_frame(proj: &PageProjection, frame: &Rect) -> GeoBox {
        let c = proj.azimuthal.centre;
        let pole_inside = [LatLon::new(90.0, 0.0), LatLon::new(-90.0, 0.0)]
            .iter()
            .any(|p| proj.azimuthal.angle_from_centre(*p) < 1.5 && frame.contains(proj.to_px(*p)));
        let mut b = GeoBox {
            lat: (f64::MAX, f64::MIN),
            rel_lon: (f64::MAX, f64::MIN),
            centre_lon: c.lon,
            everything: pole_inside,
        };
        let n = 64;
        for i in 0..=n {
            let t = i as f64 / n as f64;
            let (w, h) = (frame.width(), frame.height());
            for px in [
                (frame.x0 + t * w, frame.y0),
                (frame.x0 + t * w, frame.y1),
                (frame.x0, frame.y0 + t * h),
                (frame.x1, frame.y0 + t * h),
            ] {
                let g = proj.from_px(px);
                let rl = normalise_lon(g.lon - c.lon);
                b.lat = (b.lat.0.min(g.lat), b.lat.1.max(g.lat));
                b.rel_lon = (b.rel_lon.0.min(rl), b.rel_lon.1.max(rl));
            }
        }
        // Sampling the edges can miss a bulge between samples: widen a little.
        b.lat = (b.lat.0 - 1.0, b.lat.1 + 1.0);
        b.rel_lon = (b.rel_lon.0 - 1.0, b.rel_lon.1 + 1.0);
        b
    }

    fn may_touch(&self, arc: &[LatLon]) -> bool {
        if self.everything {
            return true;
        }
        let (mut lat0, mut lat1, mut lon0, mut lon1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for p in arc {
            let rl = normalise_lon(p.lon - self.centre_lon);
            lat0 = lat0.min(p.lat);
            lat1 = lat1.max(p.lat);
            lon0 = lon0.min(rl);
            lon1 = lon1.max(rl);
        }
        // An arc across the meridian opposite the centre spans ~360° of
        // relative longitude: keep it (it is rare and clipping sorts it out).
        let wraps = lon1 - lon0 > 180.0;
        lat1 >= self.lat.0
            && lat0 <= self.lat.1
            && (wraps || (lon1 >= self.rel_lon.0 && lon0 <= self.rel_lon.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn point_in_ring() {
        let sq = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        assert!(inside((5.0, 5.0), &sq));
        assert!(!inside((15.0, 5.0), &sq));
    }
}
