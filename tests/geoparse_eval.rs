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

/// F1 targets (met), and F1 and accuracy@161 regression floors just under
/// the level measured after the recogniser fixes of possessives, codes,
/// surnames, sentence ends, oceans, compass words, diseases and currencies,
/// and the joint readings of "X, Y" qualifiers and of a town beside its county
/// (GeoVirus F1 0.926, acc 0.848; LGL F1 0.788, acc 0.830; acc 0.712 /
/// 0.724 when the geoparser landed).
#[test]
fn geovirus_f1_target_and_accuracy_floor() {
    let Some(s) = score("GeoVirus.xml") else {
        return;
    };
    assert!(s.gold > 2000, "{s:?}");
    assert!(s.overlap.f1 >= 0.85, "F1 {:.3}", s.overlap.f1);
    assert!(s.overlap.f1 >= 0.92, "F1 floor {:.3}", s.overlap.f1);
    assert!(s.acc_161 >= 0.843, "accuracy@161 {:.3}", s.acc_161);
}

#[test]
fn lgl_f1_target_and_accuracy_floor() {
    let Some(s) = score("lgl.xml") else { return };
    assert!(s.gold > 4000, "{s:?}");
    assert!(s.overlap.f1 >= 0.75, "F1 {:.3}", s.overlap.f1);
    assert!(s.overlap.f1 >= 0.78, "F1 floor {:.3}", s.overlap.f1);
    assert!(s.acc_161 >= 0.825, "accuracy@161 {:.3}", s.acc_161);
    // Issue 3's LGL target (met).
    assert!(s.acc_161 >= 0.75, "LGL accuracy@161 {:.3}", s.acc_161);
}

/// Issue 3's GeoVirus accuracy target. Not met: most remaining misses are
/// countries whose gold point (Wikipedia's rounded coordinates: China
/// 35,103; Canada 60,−95; Russia 60,90) is 160–700 km from the centre of
/// their major landmasses (230 of the 326 resolutions over 161 km), and
/// Europe, whose gold point 51°N 17.5°E is 653 km from GeoNames' (docs/geoparse.md).
/// The LGL target (0.75) is met and asserted above.
#[test]
#[ignore = "issue 3 target not yet met: GeoVirus accuracy@161 0.848 (target 0.90)"]
fn accuracy_targets() {
    let Some(g) = score("GeoVirus.xml") else {
        return;
    };
    assert!(g.acc_161 >= 0.90, "GeoVirus accuracy@161 {:.3}", g.acc_161);
}
