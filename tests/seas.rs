//! Seas, gulfs, bays, straits and channels: `journeymap places` on short
//! invented texts (not seed or corpus articles), and every listed water
//! body's point checked against independent data (the Natural Earth map
//! bundled for drawing, and GeoNames towns on its coast).

use geo::{Contains, Coord, LineString, Point, Polygon};
use journeymap::gazetteer::Gazetteer;
use journeymap::measure::{geodesic_distance, LatLon};
use journeymap::render::topology::{Basemap, Scale};

mod common;
use common::{mentions, places};

/// (id, name, lat, lon) of every water body in `regions.tsv`.
fn water_rows() -> Vec<(String, String, f64, f64)> {
    include_str!("../data/geoparse/regions.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let code = *f.get(5)?;
            journeymap::geoparse::is_water_code(code).then(|| {
                let num = |i: usize| f[i].parse::<f64>().expect(l);
                (f[0].to_string(), f[1].to_string(), num(3), num(4))
            })
        })
        .collect()
}

#[test]
fn the_defect_sentence_names_only_seas() {
    let t = "Ships crossed the Red Sea, the Black Sea, the Baltic Sea, the South China Sea, \
             the Yellow Sea, the Sea of Japan, the Caspian Sea, the Persian Gulf, the Gulf of \
             Mexico, the Bay of Bengal and the North Sea.";
    let want = [
        ("Red Sea", "wikipedia:Red_Sea"),
        ("Black Sea", "wikipedia:Black_Sea"),
        ("Baltic Sea", "wikipedia:Baltic_Sea"),
        ("South China Sea", "wikipedia:South_China_Sea"),
        ("Yellow Sea", "wikipedia:Yellow_Sea"),
        ("Sea of Japan", "wikipedia:Sea_of_Japan"),
        ("Caspian Sea", "wikipedia:Caspian_Sea"),
        ("Persian Gulf", "wikipedia:Persian_Gulf"),
        ("Gulf of Mexico", "region:gulf_of_mexico"),
        ("Bay of Bengal", "wikipedia:Bay_of_Bengal"),
        ("North Sea", "wikipedia:North_Sea"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(t, id)| (t.to_string(), id.to_string()))
        .collect();
    assert_eq!(places(t), want);
}

/// Each sea of the defect sentence lies near a port on it (GeoNames
/// coordinates from the bundled gazetteer, independent of the sea rows):
/// a sea's middle is a few hundred km offshore, never a continent away.
#[test]
fn seas_lie_near_ports_on_their_coasts() {
    let g = Gazetteer::bundled();
    let cases = [
        ("wikipedia:Red_Sea", "geonames:105343", 400.0), // Jeddah
        ("wikipedia:Black_Sea", "geonames:688533", 300.0), // Yalta
        ("wikipedia:Baltic_Sea", "geonames:2662689", 300.0), // Visby
        ("wikipedia:Yellow_Sea", "geonames:1797929", 400.0), // Qingdao
        ("wikipedia:Caspian_Sea", "geonames:587084", 300.0), // Baku
        ("wikipedia:Persian_Gulf", "geonames:290030", 300.0), // Doha
        ("region:gulf_of_mexico", "geonames:4335045", 700.0), // New Orleans
        ("wikipedia:Bay_of_Bengal", "geonames:1253102", 700.0), // Visakhapatnam
        ("wikipedia:North_Sea", "geonames:2657832", 500.0), // Aberdeen
    ];
    let rows = water_rows();
    for (sea, town, max_km) in cases {
        let (_, name, lat, lon) = rows.iter().find(|r| r.0 == sea).expect(sea);
        let t = g.by_source_id(town).expect(town);
        let d = geodesic_distance(g.point(t), LatLon::new(*lat, *lon)).0;
        assert!(
            d <= max_km,
            "{name} is {d:.0} km from {}",
            g.place(t).name()
        );
    }
}

/// Every water body's point is at sea on the Natural Earth 1:10m map
/// (world-atlas `countries-10m.json`): no point fell on land by a slip of
/// sign or a swapped latitude and longitude.
#[test]
fn every_water_point_is_off_the_land() {
    let map = Basemap::load(Scale::Fine).expect("basemap");
    let polygons: Vec<Polygon<f64>> = map
        .countries
        .iter()
        .flat_map(|c| c.polygons.iter())
        .filter_map(|rings| {
            let mut rings = rings.iter().map(|r| {
                let pts: Vec<Coord<f64>> = map
                    .ring(r)
                    .iter()
                    .map(|p| Coord { x: p.lon, y: p.lat })
                    .collect();
                LineString::new(pts)
            });
            let outer = rings.next()?;
            Some(Polygon::new(outer, rings.collect()))
        })
        .collect();
    let mut on_land = Vec::new();
    for (id, name, lat, lon) in water_rows() {
        let p = Point::new(lon, lat);
        if polygons.iter().any(|poly| poly.contains(&p)) {
            on_land.push(format!("{id} {name} ({lat}, {lon})"));
        }
    }
    assert!(on_land.is_empty(), "{on_land:#?}");
}

#[test]
fn divisions_and_towns_named_after_seas_stay_themselves() {
    let got = places(
        "Officials in Red Sea State and the Red Sea governorate met. Tourists left \
         Gulf Shores and Sea Girt.",
    );
    let ids: Vec<&str> = got.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids[0], ids[1], "{got:?}");
    assert!(ids[0].starts_with("admin1:"), "{got:?}");
    let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts[2..], ["Gulf Shores", "Sea Girt"]);
    assert!(got[2..].iter().all(|(_, id)| id.starts_with("geonames:")));
}

#[test]
fn an_unlisted_sea_is_not_its_namesake_place() {
    // "Bohol" is a Philippine province, "Timor" an island: with a
    // capitalised "Sea" after them they are part of an unlisted sea's name.
    let got = mentions(
        "Pirates crossed the Bohol Sea, the Timor Sea and the Java Sea to the Southern Ocean.",
    );
    for name in ["Bohol", "Timor"] {
        let m = got.iter().find(|(t, _, _)| t == name).expect(name);
        assert_eq!(m.1, "rejected", "{got:?}");
    }
    let java = got
        .iter()
        .find(|(t, _, _)| t == "Java Sea")
        .expect("Java Sea");
    assert_eq!(java.2, "wikipedia:Java_Sea");
    assert!(
        !got.iter().any(|(t, k, _)| t == "Southern" && k == "place"),
        "{got:?}"
    );
    // "Ocean City" is a town of its own.
    let got = places("Crowds filled Ocean City and the Jersey Shore.");
    assert_eq!(got[0].0, "Ocean City");
}

#[test]
fn names_around_seas_do_not_break_the_scan() {
    for t in [
        "The North Sea Jazz festival opened.",
        "Sea Sea Sea Ocean Ocean.",
        "the the Red Sea",
        "Gulf of",
        "Strait of Hormuz-based tankers and the Baltic-Black Sea corridor.",
    ] {
        let _ = mentions(t);
    }
}
