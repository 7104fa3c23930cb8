//! Azimuthal equidistant projection centred on the route, scaled and offset
//! into pixel space.
//!
//! Distances from the centre are true on the sphere and shapes stay close to
//! true across a regional extent, which is all a route map needs; it works
//! the same for a 150 km drive, a 3,000 km train ride and a trans-Pacific
//! flight across the antimeridian. The projection is spherical (mean Earth
//! radius) because it only places things on the page: every distance the map
//! states (scale bar, leg lengths) is measured geodesically on WGS84.
//!
//! ```
//! use journeymap::measure::LatLon;
//! use journeymap::render::projection::Azimuthal;
//! let p = Azimuthal::new(LatLon::new(30.0, 110.0));
//! let (x, y) = p.project(LatLon::new(31.0, 111.0));
//! let back = p.unproject(x, y);
//! assert!((back.lat - 31.0).abs() < 1e-9 && (back.lon - 111.0).abs() < 1e-9);
//! ```

use crate::measure::LatLon;

/// Mean Earth radius (IUGG), km. Used for placement on the page only.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Spherical azimuthal equidistant projection; outputs kilometres east and
/// north of the centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Azimuthal {
    pub centre: LatLon,
    sin_lat0: f64,
    cos_lat0: f64,
}

impl Azimuthal {
    pub fn new(centre: LatLon) -> Self {
        let lat0 = centre.lat.to_radians();
        Azimuthal {
            centre,
            sin_lat0: lat0.sin(),
            cos_lat0: lat0.cos(),
        }
    }

    /// Angular distance (radians) of `p` from the centre: points near π are
    /// near the antipode, where the projection tears.
    pub fn angle_from_centre(&self, p: LatLon) -> f64 {
        let (lat, dlon) = (p.lat.to_radians(), (p.lon - self.centre.lon).to_radians());
        let cos_c = self.sin_lat0 * lat.sin() + self.cos_lat0 * lat.cos() * dlon.cos();
        cos_c.clamp(-1.0, 1.0).acos()
    }

    /// (x east, y north) in km.
    pub fn project(&self, p: LatLon) -> (f64, f64) {
        let (lat, dlon) = (p.lat.to_radians(), (p.lon - self.centre.lon).to_radians());
        let (sin_lat, cos_lat) = lat.sin_cos();
        let cos_c =
            (self.sin_lat0 * sin_lat + self.cos_lat0 * cos_lat * dlon.cos()).clamp(-1.0, 1.0);
        let c = cos_c.acos();
        let k = if c < 1e-12 { 1.0 } else { c / c.sin() };
        let x = EARTH_RADIUS_KM * k * cos_lat * dlon.sin();
        let y =
            EARTH_RADIUS_KM * k * (self.cos_lat0 * sin_lat - self.sin_lat0 * cos_lat * dlon.cos());
        (x, y)
    }

    /// Inverse of [`Azimuthal::project`].
    pub fn unproject(&self, x: f64, y: f64) -> LatLon {
        let rho = x.hypot(y);
        if rho < 1e-12 {
            return self.centre;
        }
        let c = rho / EARTH_RADIUS_KM;
        let (sin_c, cos_c) = c.sin_cos();
        let lat = (cos_c * self.sin_lat0 + y * sin_c * self.cos_lat0 / rho)
            .clamp(-1.0, 1.0)
            .asin();
        let dlon = (x * sin_c).atan2(rho * self.cos_lat0 * cos_c - y * self.sin_lat0 * sin_c);
        LatLon::new(
            lat.to_degrees(),
            normalise_lon(self.centre.lon + dlon.to_degrees()),
        )
    }
}

/// Longitude into [-180, 180).
pub fn normalise_lon(lon: f64) -> f64 {
    let l = (lon + 180.0).rem_euclid(360.0) - 180.0;
    if l.is_finite() {
        l
    } else {
        0.0
    }
}

/// The projection plus the affine map from km to page pixels (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageProjection {
    pub azimuthal: Azimuthal,
    /// Pixels per projected km.
    pub px_per_km: f64,
    /// Pixel position of the projection centre.
    pub origin_px: (f64, f64),
}

impl PageProjection {
    pub fn to_px(&self, p: LatLon) -> (f64, f64) {
        let (x, y) = self.azimuthal.project(p);
        (
            self.origin_px.0 + x * self.px_per_km,
            self.origin_px.1 - y * self.px_per_km,
        )
    }

    pub fn from_px(&self, px: (f64, f64)) -> LatLon {
        self.azimuthal.unproject(
            (px.0 - self.origin_px.0) / self.px_per_km,
            (self.origin_px.1 - px.1) / self.px_per_km,
        )
    }
}

/// A centre for the projection: the middle of the points' latitude range and
/// of their longitude range, longitudes unwrapped so that a route across the
/// antimeridian is centred on the Pacific, not on Greenwich.
pub fn centre_of(points: &[LatLon]) -> Option<LatLon> {
    let first = points.iter().find(|p| p.is_valid())?;
    let unwrap = |lon: f64| first.lon + normalise_lon(lon - first.lon);
    let (mut lat0, mut lat1, mut lon0, mut lon1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in points.iter().filter(|p| p.is_valid()) {
        let lon = unwrap(p.lon);
        lat0 = lat0.min(p.lat);
        lat1 = lat1.max(p.lat);
        lon0 = lon0.min(lon);
        lon1 = lon1.max(lon);
    }
    Some(LatLon::new(
        (lat0 + lat1) / 2.0,
        normalise_lon((lon0 + lon1) / 2.0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_from_centre_is_true_on_the_sphere() {
        let p = Azimuthal::new(LatLon::new(0.0, 0.0));
        let (x, y) = p.project(LatLon::new(0.0, 90.0));
        assert!((x - EARTH_RADIUS_KM * std::f64::consts::FRAC_PI_2).abs() < 1e-6);
        assert!(y.abs() < 1e-6);
    }

    #[test]
    fn centre_across_antimeridian_is_in_the_pacific() {
        let c = centre_of(&[LatLon::new(35.6, 139.7), LatLon::new(34.0, -118.2)]).unwrap();
        assert!(c.lon > 160.0 || c.lon < -160.0, "{c:?}");
    }

    #[test]
    fn round_trip() {
        let p = Azimuthal::new(LatLon::new(45.0, -170.0));
        for q in [
            LatLon::new(35.6, 139.7),
            LatLon::new(34.0, -118.2),
            LatLon::new(-10.0, 170.0),
        ] {
            let (x, y) = p.project(q);
            let r = p.unproject(x, y);
            assert!((r.lat - q.lat).abs() < 1e-9 && normalise_lon(r.lon - q.lon).abs() < 1e-9);
        }
    }
}
