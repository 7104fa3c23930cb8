//! The bundled rail and road networks (data/networks/*.toml): every line's
//! computed geodesic length against its official length, gazetteer refs,
//! spacing of stops, and connectivity of the corridors the articles need.
//!
//! `cargo test --release --test network_lines -- --nocapture` prints the
//! length table.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use journeymap::measure::{geodesic_distance, LatLon};
use journeymap::mode::Mode;
use journeymap::network::lines::{is_gazetteer_ref, LineSet, MAX_GAP};

/// Largest allowed difference between computed and official length.
const LENGTH_TOLERANCE: f64 = 0.03;
/// A station lies within this distance of the GeoNames place it refers to.
const GAZETTEER_RADIUS_KM: f64 = 30.0;

fn sets() -> [(Mode, &'static LineSet); 2] {
    [
        (
            Mode::Rail,
            LineSet::bundled(Mode::Rail).expect("bundled rail network loads"),
        ),
        (
            Mode::Road,
            LineSet::bundled(Mode::Road).expect("bundled road network loads"),
        ),
    ]
}

/// Issue 4's target. Not met yet: lines that follow a sourced trace are
/// within 3 % (see [`lines_within_the_target_stay_there`]), lines drawn
/// through stations only are 4.7–24 % short of their official length.
#[test]
#[ignore = "issue 4 target not yet met: bundled geometry is short of official lengths"]
fn computed_lengths_agree_with_official_lengths() {
    check_lengths(LENGTH_TOLERANCE);
}

/// Regression floor (worst line today: Ussuriysk–Vladivostok, 23.2 %
/// short): prints the table and fails if any line gets worse.
#[test]
fn computed_lengths_stay_near_official_lengths() {
    check_lengths(0.24);
}

/// The lines that meet issue 4's 3 % today (traced track, or stations
/// close together) must keep meeting it.
#[test]
fn lines_within_the_target_stay_there() {
    let met = [
        "pyongui",
        "pyongbu",
        "pyongra",
        "rajin-tumangang",
        "shendan",
        "shenshan",
        "jingshan",
        "jingjiu",
    ];
    let mut seen = 0;
    for (_, set) in sets() {
        for line in set.lines.iter().filter(|l| met.contains(&l.id.as_str())) {
            seen += 1;
            let official = line
                .official
                .expect("these lines have an official length")
                .0;
            let diff = (set.line_length(line).0 - official) / official;
            assert!(
                diff.abs() <= LENGTH_TOLERANCE,
                "{} is {:+.1} % off its official length",
                line.id,
                diff * 100.0
            );
        }
    }
    assert_eq!(seen, met.len(), "a listed line is missing");
}

fn check_lengths(tolerance: f64) {
    let mut failures = Vec::new();
    println!(
        "{:<6} {:<34} {:>10} {:>10} {:>8}",
        "mode", "line", "computed", "official", "diff"
    );
    for (mode, set) in sets() {
        for line in &set.lines {
            let computed = set.line_length(line).0;
            let Some(official) = line.official else {
                println!(
                    "{:<6} {:<34} {:>10.1} {:>10} {:>8}",
                    mode, line.id, computed, "-", "-"
                );
                continue;
            };
            let diff = (computed - official.0) / official.0;
            println!(
                "{:<6} {:<34} {:>10.1} {:>10.1} {:>+7.1}%",
                mode,
                line.id,
                computed,
                official.0,
                diff * 100.0
            );
            if diff.abs() > tolerance {
                failures.push(format!(
                    "{} {}: {computed:.1} km vs official {:.1} km",
                    mode, line.id, official.0
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "lines off by more than {:.0} %:\n{}",
        tolerance * 100.0,
        failures.join("\n")
    );
}

/// GeoNames coordinates of every `geonames:` id the network files use, taken
/// from cities500.txt when the data was written (data/networks/gazetteer-refs.tsv).
fn recorded_refs() -> BTreeMap<String, LatLon> {
    let text = include_str!("../data/networks/gazetteer-refs.tsv");
    let mut refs = BTreeMap::new();
    for row in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = row.split('\t').collect();
        assert_eq!(f.len(), 5, "gazetteer-refs.tsv row {row:?}");
        let p = LatLon::new(f[3].parse().expect("lat"), f[4].parse().expect("lon"));
        refs.insert(format!("geonames:{}", f[0]), p);
    }
    refs
}

#[test]
fn every_station_refers_to_a_nearby_gazetteer_place() {
    let refs = recorded_refs();
    let mut problems = Vec::new();
    for (mode, set) in sets() {
        for st in &set.stations {
            let Some(g) = &st.gazetteer else {
                problems.push(format!("{mode} {}: no gazetteer ref", st.id));
                continue;
            };
            if !is_gazetteer_ref(g) {
                problems.push(format!("{mode} {}: malformed ref {g}", st.id));
            } else if g.starts_with("geonames:") {
                match refs.get(g) {
                    None => {
                        problems.push(format!("{mode} {}: {g} not in gazetteer-refs.tsv", st.id))
                    }
                    Some(p) => {
                        let d = geodesic_distance(*p, st.point).0;
                        if d > GAZETTEER_RADIUS_KM {
                            problems.push(format!("{mode} {}: {d:.1} km from {g}", st.id));
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn ids_are_unique_and_stops_close_together() {
    for (mode, set) in sets() {
        let ids: BTreeSet<_> = set.stations.iter().map(|s| &s.id).collect();
        assert_eq!(
            ids.len(),
            set.stations.len(),
            "{mode}: duplicate station ids"
        );
        let lines: BTreeSet<_> = set.lines.iter().map(|l| &l.id).collect();
        assert_eq!(lines.len(), set.lines.len(), "{mode}: duplicate line ids");
        for line in &set.lines {
            let stops = stop_names(set, line);
            let geometry = set.line_geometry(line);
            for (i, w) in geometry.windows(2).enumerate() {
                let d = geodesic_distance(w[0], w[1]);
                let pair = (stops[i].as_str(), stops[i + 1].as_str());
                let excepted = LONG_GAPS
                    .iter()
                    .any(|&(l, a, b)| l == line.id && (a, b) == pair);
                assert!(
                    d.0 <= MAX_GAP.0 || excepted,
                    "{mode} {}: {} to {} is {:.1} km",
                    line.id,
                    pair.0,
                    pair.1,
                    d.0
                );
            }
        }
        // Every station is on some line.
        let used: BTreeSet<usize> = set
            .lines
            .iter()
            .flat_map(|l| set.line_stations(l))
            .collect();
        for (i, st) in set.stations.iter().enumerate() {
            assert!(used.contains(&i), "{mode}: station {} is on no line", st.id);
        }
    }
}

/// Station ids reachable from `from` over the set's lines (stations shared
/// by lines are the junctions).
fn reachable(set: &LineSet, from: &str) -> BTreeSet<String> {
    let mut adj: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for line in &set.lines {
        let stops: Vec<usize> = set.line_stations(line).collect();
        for w in stops.windows(2) {
            adj.entry(w[0]).or_default().insert(w[1]);
            adj.entry(w[1]).or_default().insert(w[0]);
        }
    }
    let start = set
        .station_index(from)
        .unwrap_or_else(|| panic!("no station {from}"));
    let mut seen = BTreeSet::from([start]);
    let mut queue = VecDeque::from([start]);
    while let Some(i) = queue.pop_front() {
        for &j in adj.get(&i).into_iter().flatten() {
            if seen.insert(j) {
                queue.push_back(j);
            }
        }
    }
    seen.into_iter()
        .map(|i| set.stations[i].id.clone())
        .collect()
}

#[test]
fn corridors_are_connected() {
    let rail = LineSet::bundled(Mode::Rail).unwrap();
    let from_pyongyang = reachable(rail, "pyongyang");
    for id in RAIL_MUST_REACH {
        assert!(
            from_pyongyang.contains(*id),
            "rail: {id} not reachable from pyongyang"
        );
    }
    let road = LineSet::bundled(Mode::Road).unwrap();
    let from_border = reachable(road, ROAD_FROM);
    for id in ROAD_MUST_REACH {
        assert!(
            from_border.contains(*id),
            "road: {id} not reachable from {ROAD_FROM}"
        );
    }
}

/// Stop ids of a line in order; shape points as `@lat,lon`.
fn stop_names(set: &LineSet, line: &journeymap::network::lines::Line) -> Vec<String> {
    use journeymap::network::lines::LineStop;
    line.stops
        .iter()
        .map(|s| match s {
            LineStop::Station(i) => set.stations[*i].id.clone(),
            LineStop::Shape(p) => format!("@{p}"),
        })
        .collect()
}

/// Consecutive stops more than `MAX_GAP` apart that are kept: no station
/// position between them was known well enough to add one (README:
/// "Known gaps"). Each is a straight chord where the track bends less or
/// more; it makes the line's computed length shorter, never longer.
const LONG_GAPS: &[(&str, &str, &str)] = &[
    ("shenshan", "xinmin", "dahushan"),
    ("jingguang", "miluo", "changsha"),
    ("jingjiu", "shangqiu-jj", "bozhou"),
    ("jingjiu", "fengcheng-jx", "xingan-jx"),
    ("jingjiu", "jinggangshan", "xingguo"),
    ("jingjiu", "xingguo", "ganzhou"),
    ("jingjiu", "longchuan", "heyuan"),
    ("jingjiu", "heyuan", "huizhou"),
    ("xianggui", "liuzhou", "laibin"),
    ("xianggui", "laibin", "litang"),
    ("xianggui", "fusui", "chongzuo"),
    ("jiaoliu", "dengzhou", "xiangyang"),
    ("jiaoliu", "yicheng", "jingmen"),
    ("jiaoliu", "dangyang", "zhicheng"),
    ("jiaoliu", "cili", "zhangjiajie"),
    ("jiaoliu", "zhangjiajie", "guzhang"),
    ("jiaoliu", "sanjiang", "rongshui"),
    ("jiaoliu", "rongan", "luoman"),
    ("zhegan", "zhangshu", "xinyu"),
    ("xianqian", "xinhua", "xupu"),
    ("xianqian", "xupu", "zhongfang"),
    ("nankun", "nanning", "longan"),
    ("kunming-hekou", "jianshui", "mengzi"),
    ("north-south", "minh-khoi", "cho-sy"),
    (
        "transsib-khabarovsk-ussuriysk",
        "luchegorsk-st",
        "dalnerechensk",
    ),
    ("transsib-khabarovsk-ussuriysk", "ruzhino", "spassk-dalny"),
    (
        "transsib-belogorsk-khabarovsk",
        "arkhara",
        "@49.1033,130.7592",
    ),
    (
        "transsib-belogorsk-khabarovsk",
        "birobidzhan-1",
        "in-smidovich",
    ),
    ("khabarovsk-komsomolsk", "volochayevka-2", "litovko"),
    ("khabarovsk-komsomolsk", "litovko", "@50.0953,136.5011"),
];

/// The corridors the seed articles need: Pyongyang to Đồng Đăng and Hanoi
/// through China, and Pyongyang to Vladivostok.
const RAIL_MUST_REACH: &[&str] = &[
    "sinuiju",
    "dandong",
    "shenyang",
    "tianjin",
    "beijing",
    "zhengzhou",
    "wuchang",
    "changsha",
    "hengyang",
    "guilin",
    "liuzhou",
    "nanning",
    "pingxiang",
    "dong-dang",
    "lang-son",
    "hanoi",
    "lao-cai",
    "hai-phong",
    "saigon",
    "kunming",
    "hekou",
    "guiyang",
    "hangzhou",
    "shanghai",
    "xian",
    "lianyungang",
    "guangzhou",
    "hung-hom",
    "jiaozuo",
    "kaesong",
    "tumangang",
    "khasan",
    "ussuriysk",
    "vladivostok",
];
const ROAD_FROM: &str = "huu-nghi-gate";
const ROAD_MUST_REACH: &[&str] = &["dong-dang", "lang-son", "hanoi", "noi-bai", "nanning"];
