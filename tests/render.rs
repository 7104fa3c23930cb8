//! The map: SVG validity, label collisions, scale bar truth, size,
//! determinism, and other extents. Run on hand-made itineraries (real
//! coordinates); the pipeline wires real routes in later.

mod render_fixtures;

use journeymap::measure::{geodesic_distance, LatLon};
use journeymap::render::{self, LabelKind, MapInput, MapOptions, RenderedMap, Scale};
use render_fixtures::*;

fn render_seeds() -> RenderedMap {
    let (it, legs) = seeds_like();
    let mut input = MapInput::new("Kim Jong Un's train to Hanoi", &it, &legs);
    input.subtitle = "23–26 February 2019".into();
    input.background = seeds_background();
    render::render(&input, &MapOptions::default()).expect("seeds map renders")
}

/// Parses as XML and renders with resvg; returns the PNG.
fn check_svg(svg: &str) -> Vec<u8> {
    let doc = roxmltree::Document::parse(svg).expect("map.svg is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let png = render::png(svg, 1.0).expect("resvg renders map.svg");
    assert!(png.starts_with(b"\x89PNG"));
    png
}

fn check_labels(map: &RenderedMap) {
    for (i, a) in map.labels.iter().enumerate() {
        assert!(
            map.frame.contains_rect(&a.rect),
            "{} outside the frame",
            a.text
        );
        for b in &map.labels[i + 1..] {
            assert!(
                !a.rect.intersects(&b.rect),
                "labels {} and {} overlap",
                a.text,
                b.text
            );
        }
        for m in &map.markers {
            assert!(!a.rect.intersects(m), "label {} covers a marker", a.text);
        }
        assert!(
            !a.rect.intersects(&map.legend),
            "label {} covers the legend",
            a.text
        );
    }
}

/// The scale bar's stated length against the geodesic length it spans at
/// the map's centre.
fn check_scale_bar(map: &RenderedMap) {
    let c = map.frame.centre();
    let a = map.projection.from_px(c);
    let b = map.projection.from_px((c.0 + map.scale_bar.px, c.1));
    let spanned = geodesic_distance(a, b).0;
    let stated = map.scale_bar.length.0;
    let err = (spanned - stated).abs() / stated;
    assert!(
        err < 0.01,
        "scale bar says {stated} km, spans {spanned:.2} km"
    );
    let label = format!(">\n{}\n</text>", render::fmt_km(stated));
    assert!(
        map.svg.contains(&label),
        "scale bar label {label:?} missing"
    );
}

#[test]
fn seeds_map_is_valid_readable_and_true_to_scale() {
    let map = render_seeds();
    let png = check_svg(&map.svg);
    check_labels(&map);
    check_scale_bar(&map);
    assert_eq!(map.basemap_scale, Scale::Medium);
    for name in ["Pyongyang", "Dandong", "Nanning", "Dong Dang", "Hanoi"] {
        assert!(
            map.labels
                .iter()
                .any(|l| l.kind == LabelKind::Waypoint && l.text == name),
            "{name} not labelled (unplaced: {:?})",
            map.unplaced
        );
    }
    assert!(map.labels.iter().any(|l| l.kind == LabelKind::StraightLine));
    assert!(map
        .labels
        .iter()
        .any(|l| l.kind == LabelKind::Country && l.text == "CHINA"));
    assert!(
        map.svg.len() <= 1_500_000,
        "map.svg is {} bytes",
        map.svg.len()
    );
    // Places are where they are: Hanoi south-west of Pyongyang on the page.
    let px = |p: LatLon| map.projection.to_px(p);
    let (pyongyang, hanoi) = (
        px(LatLon::new(39.0339, 125.7543)),
        px(LatLon::new(21.0245, 105.8412)),
    );
    assert!(hanoi.0 < pyongyang.0 && hanoi.1 > pyongyang.1);
    if let Ok(dir) = std::env::var("JOURNEYMAP_RENDER_OUT") {
        std::fs::write(format!("{dir}/seeds.svg"), &map.svg).unwrap();
        std::fs::write(format!("{dir}/seeds.png"), &png).unwrap();
    }
}

#[test]
fn rendering_is_deterministic() {
    let a = render_seeds();
    let b = render_seeds();
    assert!(a.svg == b.svg, "two renders differ");
}

#[test]
fn short_road_leg_uses_the_fine_basemap() {
    let (it, legs) = road_only();
    let input = MapInput::new("Dong Dang to Hanoi", &it, &legs);
    let map = render::render(&input, &MapOptions::default()).unwrap();
    let png = check_svg(&map.svg);
    check_labels(&map);
    check_scale_bar(&map);
    assert_eq!(map.basemap_scale, Scale::Fine);
    assert!(map.scale_bar.length.0 <= 100.0, "{:?}", map.scale_bar);
    assert!(
        map.svg.len() <= 1_500_000,
        "map.svg is {} bytes",
        map.svg.len()
    );
    if let Ok(dir) = std::env::var("JOURNEYMAP_RENDER_OUT") {
        std::fs::write(format!("{dir}/road.png"), &png).unwrap();
    }
}

#[test]
fn flight_across_the_antimeridian() {
    let (it, legs) = pacific();
    let input = MapInput::new("Tokyo to Los Angeles", &it, &legs);
    let map = render::render(&input, &MapOptions::default()).unwrap();
    let png = check_svg(&map.svg);
    check_labels(&map);
    check_scale_bar(&map);
    // Centred on the Pacific, Tokyo west of Los Angeles on the page.
    let c = map.projection.azimuthal.centre;
    assert!(c.lon > 150.0 || c.lon < -150.0, "{c:?}");
    let tokyo = map.projection.to_px(LatLon::new(35.5494, 139.7798));
    let lax = map.projection.to_px(LatLon::new(33.9425, -118.4081));
    assert!(tokyo.0 < lax.0);
    assert!(
        map.svg.contains("Not on network"),
        "unrouted leg not in the legend"
    );
    if let Ok(dir) = std::env::var("JOURNEYMAP_RENDER_OUT") {
        std::fs::write(format!("{dir}/pacific.png"), &png).unwrap();
        std::fs::write(format!("{dir}/pacific.svg"), &map.svg).unwrap();
    }
}

#[test]
fn bad_inputs_are_errors_not_panics() {
    let empty = journeymap::itinerary::Itinerary::default();
    let input = MapInput::new("Nothing", &empty, &[]);
    assert_eq!(
        render::render(&input, &MapOptions::default()).unwrap_err(),
        render::RenderError::NothingToDraw
    );
    let (it, legs) = road_only();
    let input = MapInput::new("Tiny", &it, &legs);
    assert!(matches!(
        render::render(
            &input,
            &MapOptions {
                width: 10,
                height: 10
            }
        ),
        Err(render::RenderError::Size(10, 10))
    ));
    let mut nan = it.clone();
    nan.journeys[0].waypoints[0].lat = f64::NAN;
    let input = MapInput::new("NaN & <escaped>", &nan, &legs);
    let map = render::render(&input, &MapOptions::default()).unwrap();
    check_svg(&map.svg);
    assert!(render::png("not svg", 1.0).is_err());
    // Round the world: a degenerate extent still gives a valid map.
    let mut world = it.clone();
    world.journeys[0].waypoints = vec![
        wp("Null Island", 0.0, 0.0, journeymap::itinerary::Role::Origin),
        wp("Antipode", 0.0, 180.0, journeymap::itinerary::Role::Via),
        wp("Pole", 90.0, 0.0, journeymap::itinerary::Role::Destination),
    ];
    let input = MapInput::new("Everywhere", &world, &[]);
    let map = render::render(&input, &MapOptions::default()).unwrap();
    check_svg(&map.svg);
    check_labels(&map);
}

#[test]
fn two_journeys_on_a_near_global_extent() {
    let (it, legs) = two_journeys();
    let input = MapInput::new("Two roads to Hanoi", &it, &legs);
    let map = render::render(&input, &MapOptions::default()).unwrap();
    let png = check_svg(&map.svg);
    check_labels(&map);
    check_scale_bar(&map);
    assert!(
        map.svg.len() <= 1_500_000,
        "map.svg is {} bytes",
        map.svg.len()
    );
    for name in ["Washington", "Hanoi", "Pyongyang"] {
        assert!(
            map.labels.iter().any(|l| l.text == name),
            "{name} unlabelled: {:?}",
            map.unplaced
        );
    }
    if let Ok(dir) = std::env::var("JOURNEYMAP_RENDER_OUT") {
        std::fs::write(format!("{dir}/two.png"), &png).unwrap();
    }
}

#[test]
fn flight_across_equator_and_antimeridian() {
    let (it, legs) = south_pacific();
    let input = MapInput::new("Auckland to Honolulu", &it, &legs);
    let map = render::render(
        &input,
        &MapOptions {
            width: 1000,
            height: 1200,
        },
    )
    .unwrap();
    let png = check_svg(&map.svg);
    check_labels(&map);
    check_scale_bar(&map);
    let akl = map.projection.to_px(LatLon::new(-36.8485, 174.7633));
    let hnl = map.projection.to_px(LatLon::new(21.3069, -157.8583));
    assert!(
        akl.1 > hnl.1 && akl.0 < hnl.0,
        "Auckland must be south-west of Honolulu"
    );
    if let Ok(dir) = std::env::var("JOURNEYMAP_RENDER_OUT") {
        std::fs::write(format!("{dir}/south.png"), &png).unwrap();
    }
}

#[test]
fn crowded_waypoints_never_overlap() {
    let (mut it, legs) = seeds_like();
    // Every station of the corridor as a waypoint: labels compete.
    it.journeys[0].waypoints = RAIL
        .iter()
        .chain(ROAD.iter().skip(1))
        .enumerate()
        .map(|(i, s)| {
            let role = match i {
                0 => journeymap::itinerary::Role::Origin,
                _ => journeymap::itinerary::Role::Via,
            };
            wp(s.0, s.1, s.2, role)
        })
        .collect();
    let input = MapInput::new("Every station", &it, &legs);
    let map = render::render(
        &input,
        &MapOptions {
            width: 900,
            height: 700,
        },
    )
    .unwrap();
    let png = check_svg(&map.svg);
    check_labels(&map);
    let placed = map
        .labels
        .iter()
        .filter(|l| l.kind == LabelKind::Waypoint)
        .count();
    assert!(
        placed >= 15,
        "only {placed} placed; unplaced {:?}",
        map.unplaced
    );
    let unplaced_waypoints = map
        .unplaced
        .iter()
        .filter(|u| !u.contains("straight line"))
        .count();
    assert_eq!(placed + unplaced_waypoints, map.markers.len());
    if let Ok(dir) = std::env::var("JOURNEYMAP_RENDER_OUT") {
        std::fs::write(format!("{dir}/crowded.png"), &png).unwrap();
        let zoomed = render::png(&map.svg, 2.0).unwrap();
        std::fs::write(format!("{dir}/crowded@2x.png"), zoomed).unwrap();
    }
}
