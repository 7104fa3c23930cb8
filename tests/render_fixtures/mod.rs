//! Hand-made itineraries and routed legs for the map and GeoJSON tests:
//! real coordinates (GeoNames places), not pipeline output.
#![allow(dead_code)]

use journeymap::itinerary::{Itinerary, Journey, Leg, Role, Waypoint};
use journeymap::measure::{densify_geodesic, geodesic_length, Km, LatLon};
use journeymap::mode::Mode;
use journeymap::route::{LineUse, RoutedLeg};
use journeymap::text::SourceRef;

pub fn wp(name: &str, lat: f64, lon: f64, role: Role) -> Waypoint {
    Waypoint {
        name: name.into(),
        place_id: Some(format!("test:{}", name.to_lowercase().replace(' ', "-"))),
        country: None,
        lat,
        lon,
        role,
        confidence: 0.9,
        evidence: vec![SourceRef {
            file: "seeds/test.txt".into(),
            line: 3,
            start: 10,
            end: 20,
            quote: format!("the train reached {name}"),
        }],
    }
}

fn leg(mode: Mode) -> Leg {
    Leg {
        mode,
        confidence: 0.8,
        evidence: vec![SourceRef {
            file: "seeds/test.txt".into(),
            line: 5,
            start: 0,
            end: 9,
            quote: "travelled by \"armoured\" train".into(),
        }],
    }
}

pub fn routed(
    journey: usize,
    index: usize,
    mode: Mode,
    stops: &[(&str, f64, f64)],
    routed: bool,
) -> RoutedLeg {
    let geometry: Vec<LatLon> = stops.iter().map(|s| LatLon::new(s.1, s.2)).collect();
    let length = geodesic_length(&geometry);
    RoutedLeg {
        journey,
        leg: index,
        mode,
        from: stops[0].0.into(),
        to: stops[stops.len() - 1].0.into(),
        geometry,
        length,
        routed,
        stops: stops.iter().map(|s| s.0.to_string()).collect(),
        lines: vec![LineUse {
            line: "Test line".into(),
            length,
            official: Some(Km(length.0.round())),
        }],
        warnings: vec![],
    }
}

/// Stations of the armoured train's corridor (GeoNames coordinates).
pub const RAIL: &[(&str, f64, f64)] = &[
    ("Pyongyang", 39.0339, 125.7543),
    ("Sinuiju", 40.1006, 124.3981),
    ("Dandong", 40.1292, 124.3947),
    ("Shenyang", 41.7922, 123.4328),
    ("Jinzhou", 41.1077, 121.1416),
    ("Shanhaiguan", 40.0094, 119.7537),
    ("Tianjin", 39.1422, 117.1767),
    ("Shijiazhuang", 38.0422, 114.5086),
    ("Zhengzhou", 34.7578, 113.6486),
    ("Wuhan", 30.5928, 114.3055),
    ("Changsha", 28.2282, 112.9388),
    ("Hengyang", 26.8968, 112.5719),
    ("Guilin", 25.2736, 110.2900),
    ("Liuzhou", 24.3264, 109.4281),
    ("Nanning", 22.8170, 108.3665),
    ("Pingxiang", 22.0975, 106.7553),
    ("Dong Dang", 21.9541, 106.7092),
];

pub const ROAD: &[(&str, f64, f64)] = &[
    ("Dong Dang", 21.9541, 106.7092),
    ("Lang Son", 21.8537, 106.7615),
    ("Bac Giang", 21.2731, 106.1946),
    ("Bac Ninh", 21.1861, 106.0763),
    ("Hanoi", 21.0245, 105.8412),
];

/// Kim Jong Un, February 2019: train Pyongyang → Dong Dang, car → Hanoi.
pub fn seeds_like() -> (Itinerary, Vec<RoutedLeg>) {
    let it = Itinerary {
        journeys: vec![Journey {
            traveller: "Kim Jong Un".into(),
            waypoints: vec![
                wp("Pyongyang", 39.0339, 125.7543, Role::Origin),
                wp("Dandong", 40.1292, 124.3947, Role::Via),
                wp("Nanning", 22.8170, 108.3665, Role::Via),
                wp("Dong Dang", 21.9541, 106.7092, Role::Stop),
                wp("Hanoi", 21.0245, 105.8412, Role::Destination),
            ],
            legs: vec![
                leg(Mode::Rail),
                leg(Mode::Rail),
                leg(Mode::Rail),
                leg(Mode::Road),
            ],
            notes: vec![],
        }],
    };
    let cut = |a: &str, b: &str| {
        let i = RAIL.iter().position(|s| s.0 == a).unwrap();
        let j = RAIL.iter().position(|s| s.0 == b).unwrap();
        &RAIL[i..=j]
    };
    let legs = vec![
        routed(0, 0, Mode::Rail, cut("Pyongyang", "Dandong"), true),
        routed(0, 1, Mode::Rail, cut("Dandong", "Nanning"), true),
        routed(0, 2, Mode::Rail, cut("Nanning", "Dong Dang"), true),
        routed(0, 3, Mode::Road, ROAD, true),
    ];
    (it, legs)
}

/// Background rail lines of the corridor (as a network would supply them),
/// plus a branch to Beijing.
pub fn seeds_background() -> Vec<(Mode, Vec<Vec<LatLon>>)> {
    let main: Vec<LatLon> = RAIL.iter().map(|s| LatLon::new(s.1, s.2)).collect();
    let beijing = vec![
        LatLon::new(39.9042, 116.4074),
        LatLon::new(39.1422, 117.1767),
    ];
    let bj_sjz = vec![
        LatLon::new(39.9042, 116.4074),
        LatLon::new(38.0422, 114.5086),
    ];
    vec![(Mode::Rail, vec![main, beijing, bj_sjz])]
}

/// The short drive alone.
pub fn road_only() -> (Itinerary, Vec<RoutedLeg>) {
    let it = Itinerary {
        journeys: vec![Journey {
            traveller: "Motorcade".into(),
            waypoints: vec![
                wp("Dong Dang", 21.9541, 106.7092, Role::Origin),
                wp("Hanoi", 21.0245, 105.8412, Role::Destination),
            ],
            legs: vec![leg(Mode::Road)],
            notes: vec![],
        }],
    };
    (it, vec![routed(0, 0, Mode::Road, ROAD, true)])
}

/// Tokyo → Los Angeles by air, across the antimeridian, plus an unrouted
/// road leg at the end.
pub fn pacific() -> (Itinerary, Vec<RoutedLeg>) {
    let tokyo = LatLon::new(35.5494, 139.7798);
    let lax = LatLon::new(33.9425, -118.4081);
    let it = Itinerary {
        journeys: vec![Journey {
            traveller: "Delegation".into(),
            waypoints: vec![
                wp("Tokyo", tokyo.lat, tokyo.lon, Role::Origin),
                wp("Los Angeles", lax.lat, lax.lon, Role::Via),
                wp("Pasadena", 34.1478, -118.1445, Role::Destination),
            ],
            legs: vec![leg(Mode::Air), leg(Mode::Road)],
            notes: vec![],
        }],
    };
    let arc = densify_geodesic(tokyo, lax, Km(50.0));
    let air = RoutedLeg {
        journey: 0,
        leg: 0,
        mode: Mode::Air,
        from: "Tokyo".into(),
        to: "Los Angeles".into(),
        length: geodesic_length(&arc),
        geometry: arc,
        routed: true,
        stops: vec![],
        lines: vec![],
        warnings: vec![],
    };
    let road = routed(
        0,
        1,
        Mode::Road,
        &[
            ("Los Angeles", 33.9425, -118.4081),
            ("Pasadena", 34.1478, -118.1445),
        ],
        false,
    );
    (it, vec![air, road])
}

fn air_leg(journey: usize, index: usize, a: (&str, f64, f64), b: (&str, f64, f64)) -> RoutedLeg {
    let arc = densify_geodesic(LatLon::new(a.1, a.2), LatLon::new(b.1, b.2), Km(50.0));
    RoutedLeg {
        journey,
        leg: index,
        mode: Mode::Air,
        from: a.0.into(),
        to: b.0.into(),
        length: geodesic_length(&arc),
        geometry: arc,
        routed: true,
        stops: vec![],
        lines: vec![],
        warnings: vec![],
    }
}

/// Two journeys to one summit: Kim by train and car, Trump by air with
/// refuelling stops — a near-global extent.
pub fn two_journeys() -> (Itinerary, Vec<RoutedLeg>) {
    let (mut it, mut legs) = seeds_like();
    let stops = [
        ("Washington", 38.8951, -77.0364),
        ("Mildenhall", 52.3447, 0.5086),
        ("Doha", 25.2854, 51.5310),
        ("Hanoi", 21.0245, 105.8412),
    ];
    let roles = [Role::Origin, Role::Stop, Role::Stop, Role::Destination];
    it.journeys.push(Journey {
        traveller: "Donald Trump".into(),
        waypoints: stops
            .iter()
            .zip(roles)
            .map(|(s, r)| wp(s.0, s.1, s.2, r))
            .collect(),
        legs: vec![leg(Mode::Air), leg(Mode::Air), leg(Mode::Air)],
        notes: vec![],
    });
    for i in 0..3 {
        legs.push(air_leg(1, i, stops[i], stops[i + 1]));
    }
    (it, legs)
}

/// Auckland → Honolulu: across the equator and the antimeridian.
pub fn south_pacific() -> (Itinerary, Vec<RoutedLeg>) {
    let a = ("Auckland", -36.8485, 174.7633);
    let b = ("Honolulu", 21.3069, -157.8583);
    let it = Itinerary {
        journeys: vec![Journey {
            traveller: "Team".into(),
            waypoints: vec![
                wp(a.0, a.1, a.2, Role::Origin),
                wp(b.0, b.1, b.2, Role::Destination),
            ],
            legs: vec![leg(Mode::Air)],
            notes: vec![],
        }],
    };
    (it, vec![air_leg(0, 0, a, b)])
}
