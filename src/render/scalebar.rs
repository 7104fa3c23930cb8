//! The scale bar: a round length whose drawn size is true at the map's
//! centre, measured geodesically (WGS84) along the parallel direction.
//!
//! ```
//! use journeymap::render::scalebar::round_length;
//! assert_eq!(round_length(730.0), 1000.0);
//! assert_eq!(round_length(370.0), 500.0);
//! assert_eq!(round_length(0.03), 0.02);
//! ```

use super::projection::PageProjection;
use crate::measure::{geodesic_destination, Km, LatLon};

/// A scale bar: its stated length and its pixel length on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleBar {
    pub length: Km,
    /// Drawn length in pixels, true at `at`.
    pub px: f64,
    /// Where the scale is true (the map's centre).
    pub at: LatLon,
}

/// The 1, 2 or 5 × 10ⁿ nearest to `km` on a log scale (for `km` > 0).
pub fn round_length(km: f64) -> f64 {
    if !(km.is_finite() && km > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(km.log10().floor());
    let best = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|f| f * p)
        .min_by(|a, b| (km / a).ln().abs().total_cmp(&(km / b).ln().abs()))
        .unwrap_or(p);
    // Round away float noise (0.1 × 2 = 0.2000000001).
    let digits = (-(best.log10().floor())).max(0.0) as i32;
    let k = 10f64.powi(digits);
    (best * k).round() / k
}

/// Chooses the round length closest to `target_px` pixels at `at`.
pub fn choose(proj: &PageProjection, at: LatLon, target_px: f64) -> ScaleBar {
    let px_for = |km: f64| {
        let a = proj.to_px(at);
        let b = proj.to_px(geodesic_destination(at, 90.0, Km(km)));
        (b.0 - a.0).hypot(b.1 - a.1)
    };
    let probe = 10.0 / proj.px_per_km.max(1e-9);
    let km_per_px = probe / px_for(probe).max(1e-9);
    let length = round_length(target_px * km_per_px);
    ScaleBar {
        length: Km(length),
        px: px_for(length),
        at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_lengths() {
        assert_eq!(round_length(1.0), 1.0);
        assert_eq!(round_length(199.0), 200.0);
        assert_eq!(round_length(140.0), 100.0);
        assert_eq!(round_length(200.0), 200.0);
        assert_eq!(round_length(4999.0), 5000.0);
        assert_eq!(round_length(8000.0), 10000.0);
        assert_eq!(round_length(0.25), 0.2);
        assert_eq!(round_length(-3.0), 1.0);
    }
}
