//! End to end: a bare `journeymap` in a directory holding seeds/ writes
//! every output into out/, and they parse; bad inputs fail cleanly.

use std::path::Path;
use std::process::Command;

mod common;
use common::write_tmp;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
}

/// `journeymap run` on one article written into a temporary directory,
/// with `--out <dir>/out`.
fn run_article(text: &str) -> (tempfile::TempDir, std::process::Output) {
    let (dir, article) = write_tmp("article.txt", text);
    let out = dir.path().join("out");
    let st = bin()
        .args([
            "run",
            article.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    (dir, st)
}

/// Asserts the command succeeded, showing its stderr when it did not.
fn assert_succeeded(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `journeymap run` on one article that must succeed, and its
/// out/report.json.
fn report_of(text: &str) -> (tempfile::TempDir, serde_json::Value) {
    let (dir, st) = run_article(text);
    assert_succeeded(&st);
    let json = std::fs::read_to_string(dir.path().join("out/report.json")).unwrap();
    (dir, serde_json::from_str(&json).unwrap())
}

/// The label of the measure the report compared the claim quoted `quote`
/// with ("air route Beijing → Moscow").
fn named_label(report: &serde_json::Value, quote: &str) -> String {
    let c = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["claim"]["sources"][0]["figure"]["quote"] == quote)
        .unwrap_or_else(|| panic!("no claim {quote}: {report:#}"));
    c["named"]["label"].as_str().unwrap_or("").to_string()
}

fn copy_seeds(dir: &Path) {
    std::fs::create_dir_all(dir.join("seeds")).unwrap();
    for e in std::fs::read_dir("seeds").unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join("seeds").join(p.file_name().unwrap())).unwrap();
    }
}

#[test]
fn bare_journeymap_runs_the_seeds_and_writes_out() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let out = bin().current_dir(dir.path()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Kim Jong Un: Pyongyang → Hanoi"),
        "{stdout}"
    );
    assert!(
        stdout.contains("origin not stated"),
        "Trump's origin: {stdout}"
    );
    let o = dir.path().join("out");
    let svg = std::fs::read_to_string(o.join("map.svg")).unwrap();
    roxmltree::Document::parse(&svg).expect("map.svg is XML");
    let gj: serde_json::Value =
        serde_json::from_slice(&std::fs::read(o.join("route.geojson")).unwrap()).unwrap();
    assert_eq!(gj["type"], "FeatureCollection");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(o.join("report.json")).unwrap()).unwrap();
    assert_eq!(report["journeys"].as_array().map(|a| a.len()), Some(2));
    let toml = std::fs::read_to_string(o.join("itinerary.toml")).unwrap();
    journeymap::itinerary::from_toml("itinerary.toml", &toml).expect("itinerary.toml reads back");

    // Deterministic: a second run writes the same bytes.
    let again = bin().current_dir(dir.path()).output().unwrap();
    assert!(again.status.success());
    assert_eq!(std::fs::read_to_string(o.join("map.svg")).unwrap(), svg);
}

#[test]
fn edited_itinerary_is_used() {
    let (dir, it) = write_tmp(
        "it.toml",
        "[[journey]]\ntraveller = \"A\"\n\n[[journey.waypoint]]\nname = \"Dong Dang\"\nlat = 21.9569\nlon = 106.7083\nrole = \"origin\"\n\n[[journey.waypoint]]\nname = \"Hanoi\"\nlat = 21.0245\nlon = 105.8412\nrole = \"destination\"\n\n[[journey.leg]]\nmode = \"road\"\n",
    );
    let out = bin()
        .args(["run", "seeds", "--itinerary"])
        .arg(&it)
        .arg("--out")
        .arg(dir.path().join("o"))
        .output()
        .unwrap();
    assert_succeeded(&out);
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("o/report.json")).unwrap()).unwrap();
    assert_eq!(report["journeys"].as_array().map(|a| a.len()), Some(1));
}

#[test]
fn missing_and_binary_inputs_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin().current_dir(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "no seeds/ here");
    assert!(String::from_utf8_lossy(&out.stderr).contains("hint:"));
    let bin_file = dir.path().join("x.txt");
    std::fs::write(&bin_file, [0u8, 1, 2, 0, 255, 0]).unwrap();
    let out = bin()
        .arg("run")
        .arg(&bin_file)
        .arg("--out")
        .arg(dir.path().join("o"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(!dir.path().join("o").exists(), "nothing written on error");
}

/// A figure with one end named is measured on the legs of its mode through
/// that end ("a nine-hour flight from Beijing" is the flight to Moscow, not
/// the whole round trip back to Beijing; "fly to Minsk, some 700 km" the
/// flight from St Petersburg).
#[test]
fn figures_with_one_end_named_measure_their_own_legs() {
    let (dir, report) = report_of(
        "MOSCOW (Reuters) - Chinese President Xi Jinping arrived in Moscow on Monday after a \
         nine-hour flight from Beijing. Xi will travel on to St Petersburg by train.\n\n\
         After two days in St Petersburg, Xi is expected to fly to Minsk, some 700 km away, \
         and then return to Beijing, roughly 5,800 km to the east.\n",
    );
    let out = dir.path().join("out");
    let label = |quote: &str| named_label(&report, quote);
    assert_eq!(label("nine-hour"), "air route Beijing → Moscow");
    assert_eq!(label("some 700 km"), "air route St Petersburg → Minsk");
    // A flight is one leg: the flight home, not St Petersburg → Beijing.
    assert_eq!(label("roughly 5,800 km"), "air route Minsk → Beijing");
    // A round trip's straight line runs to its farthest point, not 0 km
    // back to its start.
    let j = &report["journeys"][0];
    assert_eq!(j["round_trip"], true);
    assert_eq!(j["straight_line_to"], "Minsk");
    let km = j["straight_line_km"].as_f64().unwrap();
    assert!((6400.0..6600.0).contains(&km), "Beijing–Minsk {km} km");
    let svg = std::fs::read_to_string(out.join("map.svg")).unwrap();
    assert!(svg.contains("round trip from Beijing"), "map title");
}

/// An article that names places but moves nobody between them: a clear
/// error (exit 4) naming the places found, and nothing written.
#[test]
fn an_article_without_a_journey_says_so() {
    let (dir, st) = run_article(
        "Floods hit Hanoi and Haiphong on Monday. Officials in Hanoi said schools would close.\n",
    );
    let out = dir.path().join("out");
    assert_eq!(st.status.code(), Some(4));
    let err = String::from_utf8_lossy(&st.stderr);
    assert!(err.contains("no journey found"), "{err}");
    assert!(err.contains("Hanoi") && err.contains("Haiphong"), "{err}");
    assert!(err.contains("--itinerary"), "{err}");
    assert!(!out.exists(), "nothing is written");
}

/// A journey told the way news tells it, across the Russian Far East: the
/// border crossing, a sequence word before the verb, a sentence opening on
/// what came before, a cosmodrome, a region named after its seat
/// (Khabarovsk), a reported plan ("said … would"), and a distance "east of"
/// a place. Every leg routes on the bundled network.
#[test]
fn a_train_journey_across_the_russian_far_east() {
    let (_dir, report) = report_of(
        "SEOUL (Reuters) - North Korean leader Kim Jong Un's train left Pyongyang on Sunday and \
         crossed the border at Khasan on Tuesday before heading north towards Ussuriysk. The \
         train then travelled on the Trans-Siberian Railway past Khabarovsk to Belogorsk, \
         where it turned onto the branch line to the Vostochny Cosmodrome in the Amur region.\n\n\
         After the summit, Kim travelled by train to Komsomolsk-on-Amur, about 1,000 km east \
         of Vostochny. Officials said Kim would then go on to Vladivostok before returning to \
         Pyongyang.\n",
    );
    let j = &report["journeys"][0];
    let legs = j["legs"].as_array().unwrap();
    let stops: Vec<&str> = std::iter::once(legs[0]["from"].as_str().unwrap())
        .chain(legs.iter().map(|l| l["to"].as_str().unwrap()))
        .collect();
    assert_eq!(
        stops,
        [
            "Pyongyang",
            "Khasan",
            "Ussuriysk",
            "Khabarovsk",
            "Belogorsk",
            "Vostochny",
            "Komsomolsk-on-Amur",
            "Vladivostok",
            "Pyongyang"
        ]
    );
    for l in legs {
        assert_eq!(l["mode"], "rail", "{l}");
        assert_eq!(l["routed"], true, "{l}");
    }
    // Khabarovsk is the city on the Trans-Siberian, not the krai's centre
    // 550 km to the north-east: the leg from Ussuriysk is the line's
    // 656 km of km posts.
    let khb = legs[2]["length_km"].as_f64().unwrap();
    assert!(
        (640.0..670.0).contains(&khb),
        "Ussuriysk–Khabarovsk {khb} km"
    );
    assert_eq!(
        named_label(&report, "about 1,000 km"),
        "straight line Vostochny → Komsomolsk-on-Amur"
    );
}

/// A place gone back to is visited twice, and "the flight" with two
/// flights in the journey is the one told last before it (with a note),
/// not both summed.
#[test]
fn a_return_through_the_same_airport_and_the_flight_told_last() {
    let (_dir, report) = report_of(
        "KYIV (AP) — President Volodymyr Zelenskyy left Kyiv by overnight train on Tuesday and \
         crossed into Poland at Przemyśl.\n\n\
         From Przemyśl, Zelenskyy was driven to the airport at Rzeszów, where he boarded a plane \
         bound for Washington. The flight across the Atlantic took about 10 hours.\n\n\
         He then flew back to Rzeszów and returned to Kyiv by train on Thursday.\n",
    );
    let legs = report["journeys"][0]["legs"].as_array().unwrap();
    let hops: Vec<String> = legs
        .iter()
        .map(|l| {
            format!(
                "{}-{}",
                l["from"].as_str().unwrap(),
                l["mode"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        hops,
        [
            "Kyiv-rail",
            "Przemyśl-road",
            "Rzeszów-air",
            "Washington-air",
            "Rzeszów-rail"
        ]
    );
    assert_eq!(
        named_label(&report, "about 10 hours"),
        "air route Rzeszów → Washington"
    );
}

/// What is told as done comes before what is told as to come: by
/// geography alone Canberra (nearer Copenhagen by the great circle) would
/// come before Sydney.
#[test]
fn an_arrival_told_as_done_comes_before_a_trip_told_as_to_come() {
    let (_dir, article) = write_tmp(
        "royal.txt",
        "King Frederik arrived in Sydney on Friday after a 22-hour flight from Copenhagen. The \
         king will travel to Canberra by car on Monday, before flying on to Samoa for the \
         summit.\n",
    );
    let out = bin()
        .args(["itinerary", article.to_str().unwrap()])
        .output()
        .unwrap();
    assert_succeeded(&out);
    let toml = String::from_utf8_lossy(&out.stdout);
    let names: Vec<&str> = toml
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert_eq!(names, ["Copenhagen", "Sydney", "Canberra", "Samoa"]);
}
