//! Time that itinerary extraction adds to a run on the seed articles
//! (target: ≤ 10 ms). Run with `cargo bench --bench itinerary`; prints the
//! median and best time per extraction, after reading and geoparsing the
//! seeds once (those stages have their own benches).

use journeymap::geoparse::geoparse;
use journeymap::itinerary;
use journeymap::text::read_path;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let mut files: Vec<_> = std::fs::read_dir("seeds")
        .expect("run from the project root (seeds/)")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let docs: Vec<_> = files
        .iter()
        .flat_map(|f| read_path(f).expect("read seed"))
        .collect();
    let mentions = geoparse(&docs);
    let runs = 200;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(itinerary::extract(black_box(&docs), black_box(&mentions)));
            t.elapsed()
        })
        .collect();
    times.sort();
    let it = itinerary::extract(&docs, &mentions);
    println!(
        "itinerary::extract on {} seed documents ({} mentions, {} journeys): median {:.3} ms, best {:.3} ms over {runs} runs (target ≤ 10 ms)",
        docs.len(),
        mentions.len(),
        it.journeys.len(),
        times[runs / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
    );
}
