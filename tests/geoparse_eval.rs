//! The geoparser on the public LGL and GeoVirus corpora (../shared/eval,
//! or $JOURNEYMAP_EVAL_DIR): prints the papers' measures and asserts the
//! issue's targets. Skips, saying so, when the corpora are absent.

use journeymap::gazetteer::Gazetteer;
use journeymap::geoparse::eval::{evaluate, read_corpus, Counted, Scores};
use std::path::PathBuf;

fn eval_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("JOURNEYMAP_EVAL_DIR").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|d| d.join("lgl.xml").is_file())
}

fn score(file: &str) -> Option<Scores> {
    let Some(dir) = eval_dir() else {
        eprintln!("SKIPPED: ../shared/eval (or $JOURNEYMAP_EVAL_DIR) with {file} not found");
        return None;
    };
    let xml = std::fs::read_to_string(dir.join(file)).expect("read corpus");
    let (articles, _) = read_corpus(&xml).expect("parse corpus");
    let s = evaluate(Gazetteer::bundled(), &articles, Counted::for_corpus(&xml));
    eprintln!("{file}: {s:?}");
    Some(s)
}

#[test]
fn geovirus_targets() {
    let Some(s) = score("GeoVirus.xml") else {
        return;
    };
    assert!(s.gold > 2000, "{s:?}");
    assert!(s.overlap.f1 >= 0.85, "F1 {:.3}", s.overlap.f1);
    assert!(s.acc_161 >= 0.90, "accuracy@161 {:.3}", s.acc_161);
}

#[test]
fn lgl_targets() {
    let Some(s) = score("lgl.xml") else { return };
    assert!(s.gold > 4000, "{s:?}");
    assert!(s.overlap.f1 >= 0.75, "F1 {:.3}", s.overlap.f1);
    assert!(s.acc_161 >= 0.75, "accuracy@161 {:.3}", s.acc_161);
}
