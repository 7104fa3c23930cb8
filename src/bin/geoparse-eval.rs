//! Scores the geoparser on annotated corpora (LGL, GeoVirus) and prints the
//! measures of Gritta et al. (2018, 2019).
//!
//! Usage: `cargo run --release --bin geoparse-eval -- ../shared/eval/lgl.xml ../shared/eval/GeoVirus.xml`

use journeymap::gazetteer::Gazetteer;
use journeymap::geoparse::eval::{evaluate, read_corpus, Counted};

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // --errors: also print one line per miss, false positive and wrong resolution.
    let show_errors = args.iter().any(|a| a == "--errors");
    // --by-kind: also print accuracy@161 by the kind of place chosen.
    let show_kinds = args.iter().any(|a| a == "--by-kind");
    let files: Vec<String> = args
        .into_iter()
        .filter(|a| a != "--errors" && a != "--by-kind")
        .collect();
    if files.is_empty() {
        eprintln!(
            "usage: geoparse-eval [--errors] [--by-kind] CORPUS.xml…  (LGL or GeoVirus format)"
        );
        return ExitCode::from(2);
    }
    let g = Gazetteer::bundled();
    println!("corpus\tarticles\tgold\tpredicted\tP_exact\tR_exact\tF1_exact\tP_overlap\tR_overlap\tF1_overlap\tresolved\tacc@161\tmean_km\tmedian_km\tAUC");
    for f in &files {
        let xml = match std::fs::read_to_string(f) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("geoparse-eval: {f}: {e}");
                return ExitCode::from(3);
            }
        };
        let (articles, bad) = match read_corpus(&xml) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("geoparse-eval: {f}: not a corpus XML file: {e}");
                return ExitCode::from(3);
            }
        };
        if bad > 0 {
            eprintln!("geoparse-eval: {f}: {bad} gold toponym(s) whose offsets do not match their phrase were skipped");
        }
        let counted = Counted::for_corpus(&xml);
        if show_errors {
            for line in journeymap::geoparse::eval::errors(g, &articles, counted) {
                eprintln!("{line}");
            }
        }
        let s = evaluate(g, &articles, counted);
        let name = std::path::Path::new(f)
            .file_name()
            .map_or(f.clone(), |n| n.to_string_lossy().into_owned());
        println!(
            "{name}\t{}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{}\t{:.3}\t{:.0}\t{:.1}\t{:.3}",
            s.articles, s.gold, s.predicted, s.exact.p, s.exact.r, s.exact.f1, s.overlap.p,
            s.overlap.r, s.overlap.f1, s.resolved, s.acc_161, s.mean_km, s.median_km, s.auc
        );
        if show_kinds {
            for k in &s.by_kind {
                println!(
                    "  {name}: resolved to a {}: {} toponyms, acc@161 {:.3}",
                    k.kind, k.resolved, k.acc_161
                );
            }
        }
    }
    ExitCode::SUCCESS
}
