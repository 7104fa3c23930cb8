//! Quantities that carry their unit in their type, so a mile can never be
//! added to a kilometre by accident.

use serde::{Deserialize, Serialize};

/// Kilometres in one international mile (exact by definition).
pub const KM_PER_MILE: f64 = 1.609344;
/// Kilometres in one nautical mile (exact by definition).
pub const KM_PER_NAUTICAL_MILE: f64 = 1.852;

/// A length in kilometres.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Km(pub f64);

/// A duration in hours.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Hours(pub f64);

/// A speed in kilometres per hour.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct KmPerHour(pub f64);

impl Km {
    pub fn from_miles(mi: f64) -> Km {
        Km(mi * KM_PER_MILE)
    }
    pub fn from_nautical_miles(nm: f64) -> Km {
        Km(nm * KM_PER_NAUTICAL_MILE)
    }
    pub fn from_metres(m: f64) -> Km {
        Km(m / 1000.0)
    }
    pub fn miles(self) -> f64 {
        self.0 / KM_PER_MILE
    }
    /// Average speed over this distance in `t`; `None` for a zero or
    /// negative duration rather than an infinite speed.
    pub fn per(self, t: Hours) -> Option<KmPerHour> {
        (t.0 > 0.0).then(|| KmPerHour(self.0 / t.0))
    }
}

impl std::ops::Add for Km {
    type Output = Km;
    fn add(self, o: Km) -> Km {
        Km(self.0 + o.0)
    }
}

impl std::ops::Sub for Km {
    type Output = Km;
    fn sub(self, o: Km) -> Km {
        Km(self.0 - o.0)
    }
}

impl std::iter::Sum for Km {
    fn sum<I: Iterator<Item = Km>>(iter: I) -> Km {
        Km(iter.map(|k| k.0).sum())
    }
}

impl std::fmt::Display for Km {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.0} km", self.0)
    }
}

impl std::fmt::Display for Hours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.1} h", self.0)
    }
}

impl std::fmt::Display for KmPerHour {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.0} km/h", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        assert!((Km::from_miles(1850.0).0 - 2977.286).abs() < 1e-3);
        assert!((Km(100.0).miles() - 62.137).abs() < 1e-3);
        assert_eq!(Km(100.0).per(Hours(2.0)), Some(KmPerHour(50.0)));
        assert_eq!(Km(100.0).per(Hours(0.0)), None);
    }
}
