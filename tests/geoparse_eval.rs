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

/// F1 targets (met) and accuracy@161 regression floors at the level
/// measured when the geoparser landed (GeoVirus 0.712, LGL 0.724).
#[test]
fn geovirus_f1_target_and_accuracy_floor() {
    let Some(s) = score("GeoVirus.xml") else {
        return;
    };
    assert!(s.gold > 2000, "{s:?}");
    assert!(s.overlap.f1 >= 0.85, "F1 {:.3}", s.overlap.f1);
    assert!(s.acc_161 >= 0.70, "accuracy@161 {:.3}", s.acc_161);
}

#[test]
fn lgl_f1_target_and_accuracy_floor() {
    let Some(s) = score("lgl.xml") else { return };
    assert!(s.gold > 4000, "{s:?}");
    assert!(s.overlap.f1 >= 0.75, "F1 {:.3}", s.overlap.f1);
    assert!(s.acc_161 >= 0.71, "accuracy@161 {:.3}", s.acc_161);
}

/// Issue 3's accuracy targets. Not met: most misses are a right country or
/// US state placed at a different representative point than the corpora
/// use (docs/geoparse.md).
#[test]
#[ignore = "issue 3 target not yet met: accuracy@161 0.71 (GeoVirus) / 0.72 (LGL)"]
fn accuracy_targets() {
    let (Some(g), Some(l)) = (score("GeoVirus.xml"), score("lgl.xml")) else {
        return;
    };
    assert!(g.acc_161 >= 0.90, "GeoVirus accuracy@161 {:.3}", g.acc_161);
    assert!(l.acc_161 >= 0.75, "LGL accuracy@161 {:.3}", l.acc_161);
}
