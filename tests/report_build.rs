//! The report on a small synthetic itinerary with routed legs: every
//! verdict follows from the numbers written beside it, unrouted legs flag
//! the figures that use them, and the straight line is geodesic on WGS84.

use journeymap::claims::{extract, Qualifier};
use journeymap::itinerary::{Itinerary, Journey, Leg, Role, Waypoint};
use journeymap::measure::{Km, LatLon};
use journeymap::mode::Mode;
use journeymap::report::{
    self, distance_verdict, speed_range, speed_verdict, Basis, Report, Verdict,
};
use journeymap::route::{LineUse, RoutedLeg};
use journeymap::text::Document;

fn wp(name: &str, lat: f64, lon: f64, role: Role) -> Waypoint {
    Waypoint {
        name: name.into(),
        place_id: None,
        country: None,
        lat,
        lon,
        role,
        confidence: 1.0,
        evidence: Vec::new(),
    }
}

fn leg(mode: Mode) -> Leg {
    Leg {
        mode,
        confidence: 1.0,
        evidence: Vec::new(),
    }
}

// Coordinates as in the test below (GeoNames-like centres).
const PYONGYANG: (f64, f64) = (39.0339, 125.7543);
const DONG_DANG: (f64, f64) = (21.9569, 106.7083);
const HANOI: (f64, f64) = (21.0245, 105.8412);

fn itinerary() -> Itinerary {
    Itinerary {
        journeys: vec![Journey {
            traveller: "Kim Jong Un".into(),
            waypoints: vec![
                wp("Pyongyang", PYONGYANG.0, PYONGYANG.1, Role::Origin),
                wp("Dong Dang", DONG_DANG.0, DONG_DANG.1, Role::Via),
                wp("Hanoi", HANOI.0, HANOI.1, Role::Destination),
            ],
            legs: vec![leg(Mode::Rail), leg(Mode::Road)],
            notes: Vec::new(),
        }],
    }
}

fn routed(road_routed: bool) -> Vec<RoutedLeg> {
    let p = |(a, b): (f64, f64)| LatLon::new(a, b);
    vec![
        RoutedLeg {
            journey: 0,
            leg: 0,
            mode: Mode::Rail,
            from: "Pyongyang".into(),
            to: "Dong Dang".into(),
            geometry: vec![p(PYONGYANG), p(DONG_DANG)],
            length: Km(4000.0),
            routed: true,
            stops: Vec::new(),
            lines: vec![
                LineUse {
                    line: "North line".into(),
                    length: Km(1000.0),
                    official: Some(Km(1010.0)),
                },
                LineUse {
                    line: "South line".into(),
                    length: Km(3000.0),
                    official: None,
                },
            ],
            warnings: Vec::new(),
        },
        RoutedLeg {
            journey: 0,
            leg: 1,
            mode: Mode::Road,
            from: "Dong Dang".into(),
            to: "Hanoi".into(),
            geometry: vec![p(DONG_DANG), p(HANOI)],
            length: Km(160.0),
            routed: road_routed,
            stops: Vec::new(),
            lines: Vec::new(),
            warnings: Vec::new(),
        },
    ]
}

/// Sentences of this test's own writing, one per line.
const ARTICLE: &str = "\
Kim made a 4,010 km train journey from Pyongyang.
The cities are about 2800 kilometers apart.
Kim made a 1,850-mile journey from Pyongyang by train.
The rail track is 3000 km long.
The rail track is more than 3,000 km.
Kim took a 65-hour train journey from Pyongyang.
Kim's car made the two-hour journey to Hanoi.
Kim's car made the 20-minute journey to Hanoi.
The flight from Pyongyang to Hanoi would take about five hours.
Kim arrived after a drive of several hours.";

fn build(road_routed: bool) -> Report {
    let doc = Document::from_text("synthetic.txt", ARTICLE);
    let claims = extract(&doc);
    assert_eq!(claims.len(), 10, "{claims:#?}");
    report::build(&itinerary(), &routed(road_routed), &claims)
}

#[test]
fn straight_line_is_geodesic_on_wgs84() {
    // Reference computed once with GeographicLib (PyPI geographiclib 2.x):
    //   pip install geographiclib
    //   python3 -c "from geographiclib.geodesic import Geodesic;
    //     print(Geodesic.WGS84.Inverse(39.0339,125.7543,21.0245,105.8412)['s12'])"
    //   → 2757660.038016828 m
    let r = build(true);
    let j = &r.journeys[0];
    assert!(
        (j.straight_line_km.unwrap() - 2757.660).abs() < 1.0,
        "{:?}",
        j.straight_line_km
    );
}

#[test]
fn journey_measures_and_basis() {
    let r = build(true);
    let j = &r.journeys[0];
    // Rail: 1000 km of geometry replaced by the official 1010 km.
    assert_eq!(j.legs[0].length_km, 4010.0);
    assert_eq!(j.legs[0].basis, Basis::Mixed);
    assert_eq!(j.legs[1].basis, Basis::Geometry);
    assert_eq!(j.total_km, 4170.0);
    assert_eq!(j.by_mode.len(), 2);
}

#[test]
fn every_verdict_follows_from_the_numbers_beside_it() {
    let r = build(true);
    for c in &r.claims {
        if let (Some(f), Some(k), Some(t)) = (c.figure_km, c.computed_km, c.tolerance_km) {
            assert_eq!(c.difference_km, Some(((f - k) * 10.0).round() / 10.0));
            assert_eq!(
                c.verdict,
                distance_verdict(f, k, t, c.claim.qualifier),
                "#{}",
                c.id
            );
        }
        if let (Some(h), Some(k), Some(v)) = (c.duration_h, c.computed_km, c.implied_speed_kmh) {
            assert!((k / h - v).abs() < 0.06, "#{}", c.id);
            let t = c.tolerance_h.unwrap();
            let mode = c.named.as_ref().and_then(|m| m.mode).unwrap_or(Mode::Air);
            // The range printed beside the verdict (high-speed rail has its own).
            let range = c
                .speed_range_kmh
                .map_or_else(|| speed_range(mode, false), |[lo, hi]| (lo, hi));
            let expected = speed_verdict(k / (h + t), k / (h - t).max(h * 0.01), range);
            assert_eq!(c.verdict, expected, "#{}", c.id);
        }
    }
    let v: Vec<Verdict> = r.claims.iter().map(|c| c.verdict).collect();
    use Verdict::*;
    assert_eq!(
        v,
        vec![
            Consistent,  // 4,010 km train journey vs rail 4010 km
            Consistent,  // about 2800 km apart vs 2758 km (±10 % + 50)
            Understated, // 1,850 miles = 2977 km vs rail 4010 km
            Understated, // 3000 km vs 4010 km (±3 % + 500)
            Consistent,  // more than 3,000 km: 4010 km is more
            Plausible,   // 4010 km in 65 h = 62 km/h by rail
            Plausible,   // 160 km in 2 h = 80 km/h by road
            TooFast,     // 160 km in 20 min = 480 km/h by road
            Plausible,   // great circle 2758 km in ~5 h by air
            Vague,       // several hours
        ]
    );
    assert_eq!(r.claims[4].claim.qualifier, Qualifier::MoreThan);
    // The 1,850-mile journey is closest to the straight line, and says so.
    let c = &r.claims[2];
    assert_eq!(c.closest.as_ref().unwrap().kind, "straight_line");
    assert!(c.note.contains("nearer the straight line"), "{}", c.note);
    // "about 2800 km apart" would match the straight line even if it were
    // taken as the track: the closest measure is reported either way.
    assert_eq!(r.claims[1].closest.as_ref().unwrap().kind, "straight_line");
    assert!(r.claims.iter().all(|c| !c.flagged));
}

#[test]
fn unrouted_legs_flag_the_figures_that_use_them() {
    let r = build(false);
    let flagged: Vec<usize> = r
        .claims
        .iter()
        .filter(|c| c.flagged)
        .map(|c| c.id)
        .collect();
    // The road claims (two-hour, 20-minute, several hours) rest on the
    // unrouted road leg; rail-only and straight-line claims do not.
    assert_eq!(flagged, vec![7, 8, 10]);
    assert_eq!(r.journeys[0].legs[1].basis, Basis::Unrouted);
    assert!(report::to_markdown(&r).contains("⚑"));
}

#[test]
fn outputs_are_deterministic_and_complete() {
    let a = build(true);
    let b = build(true);
    assert_eq!(report::to_json(&a), report::to_json(&b));
    assert_eq!(report::to_markdown(&a), report::to_markdown(&b));
    let md = report::to_markdown(&a);
    for needle in [
        "synthetic.txt:2",
        "about 2800 kilometers",
        "GeoNames",
        "CC BY 4.0",
        "Natural Earth",
        "official",
    ] {
        assert!(md.contains(needle), "{needle} missing:\n{md}");
    }
    let json: serde_json::Value = serde_json::from_str(&report::to_json(&a)).unwrap();
    assert_eq!(json["schema"], "journeymap-report/1");
    assert_eq!(json["claims"][0]["verdict"], "consistent");
    assert_eq!(json["claims"][7]["verdict"], "too_fast");
    let dir = tempfile::tempdir().unwrap();
    report::write(dir.path(), &a).unwrap();
    let written = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert_eq!(written, md);
    let summary = report::summary(&a);
    assert!(summary.contains("10 reported figures"), "{summary}");
}

#[test]
fn a_track_figure_that_is_really_the_straight_line_says_so() {
    let doc = Document::from_text("t.txt", "Kim made a 2,760 km train journey from Pyongyang.");
    let r = report::build(&itinerary(), &routed(true), &extract(&doc));
    let c = &r.claims[0];
    assert_eq!(c.verdict, Verdict::Understated);
    assert_eq!(c.named.as_ref().unwrap().km, 4010.0);
    assert!(
        c.note.starts_with(
            "matches the straight line Pyongyang → Hanoi (2758 km), not the rail route"
        ),
        "{}",
        c.note
    );
}

#[test]
fn claims_without_an_itinerary_are_unchecked_not_wrong() {
    let doc = Document::from_text("t.txt", ARTICLE);
    let r = report::build(&Itinerary::default(), &[], &extract(&doc));
    assert!(r
        .claims
        .iter()
        .all(|c| matches!(c.verdict, Verdict::Unchecked | Verdict::Vague)));
    assert!(r.claims.iter().all(|c| c.computed_km.is_none()));
}

#[test]
fn claims_go_to_their_travellers_journey() {
    let mut it = itinerary();
    it.journeys.push(Journey {
        traveller: "Donald Trump".into(),
        waypoints: vec![
            wp("Washington", 38.8951, -77.0364, Role::Origin),
            wp("Hanoi", HANOI.0, HANOI.1, Role::Destination),
        ],
        legs: vec![leg(Mode::Air)],
        notes: Vec::new(),
    });
    let mut legs = routed(true);
    let (a, b) = (
        LatLon::new(38.8951, -77.0364),
        LatLon::new(HANOI.0, HANOI.1),
    );
    let arc = journeymap::measure::densify_geodesic(a, b, Km(50.0));
    legs.push(RoutedLeg {
        journey: 1,
        leg: 0,
        mode: Mode::Air,
        from: "Washington".into(),
        to: "Hanoi".into(),
        length: journeymap::measure::geodesic_length(&arc),
        geometry: arc,
        routed: true,
        stops: Vec::new(),
        lines: Vec::new(),
        warnings: Vec::new(),
    });
    let doc = Document::from_text(
        "t.txt",
        "Trump flew 13,000 km to Hanoi.\nKim took a 65-hour train journey.",
    );
    let r = report::build(&it, &legs, &extract(&doc));
    assert_eq!(r.claims[0].journey, Some(1));
    assert_eq!(r.claims[0].named.as_ref().unwrap().mode, Some(Mode::Air));
    assert_eq!(
        r.claims[0].verdict,
        Verdict::Consistent,
        "{:#?}",
        r.claims[0]
    );
    assert_eq!(r.claims[1].journey, Some(0));
    assert_eq!(r.journeys[1].legs[0].basis, Basis::Geodesic);
}

#[test]
fn bad_coordinates_and_lengths_give_no_verdict_rather_than_a_wrong_one() {
    let mut it = itinerary();
    it.journeys[0].waypoints[2].lat = f64::NAN;
    let mut legs = routed(true);
    legs[1].length = Km(f64::NAN);
    let doc = Document::from_text(
        "t.txt",
        "The cities are about 2800 kilometers apart.\nKim's car made the two-hour journey to Hanoi.",
    );
    let r = report::build(&it, &legs, &extract(&doc));
    for c in &r.claims {
        assert_eq!(c.verdict, Verdict::Unchecked, "{c:#?}");
        assert!(c.computed_km.is_none());
    }
    assert_eq!(r.journeys[0].straight_line_km, None);
    let json = report::to_json(&r);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
}
