//! SVG render time and size for a seeds-sized map (target ≤ 300 ms, ≤ 1.5 MB).
//! `cargo bench --bench render` prints the figures.

#[path = "../tests/render_fixtures/mod.rs"]
mod render_fixtures;

use journeymap::render::{self, MapInput, MapOptions};
use std::time::Instant;

fn main() {
    let (it, legs) = render_fixtures::seeds_like();
    let mut input = MapInput::new("Kim Jong Un's train to Hanoi", &it, &legs);
    input.subtitle = "23–26 February 2019".into();
    input.background = render_fixtures::seeds_background();
    let opts = MapOptions::default();

    // The first render also decodes the bundled basemap (once per process).
    let t = Instant::now();
    let svg = render::svg(&input, &opts).expect("renders");
    let first_ms = t.elapsed().as_secs_f64() * 1e3;

    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let t = Instant::now();
            let s = render::svg(&input, &opts).expect("renders");
            std::hint::black_box(s);
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];

    let t = Instant::now();
    let png = render::png(&svg, 1.0).expect("PNG");
    let png_ms = t.elapsed().as_secs_f64() * 1e3;

    let (road_it, road_legs) = render_fixtures::road_only();
    let road = MapInput::new("Dong Dang to Hanoi", &road_it, &road_legs);
    let t = Instant::now();
    let road_svg = render::svg(&road, &opts).expect("renders");
    let road_first_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    std::hint::black_box(render::svg(&road, &opts).expect("renders"));
    let road_ms = t.elapsed().as_secs_f64() * 1e3;

    println!("render/svg seeds first (incl. basemap decode): {first_ms:.1} ms");
    println!("render/svg seeds median of 15: {median:.1} ms (target <= 300 ms)");
    println!(
        "render/svg seeds size: {} bytes (limit 1,500,000)",
        svg.len()
    );
    println!(
        "render/svg road (1:10m basemap) first (incl. decode): {road_first_ms:.1} ms, then {road_ms:.1} ms, {} bytes",
        road_svg.len()
    );
    println!(
        "render/png seeds 1400x1000: {png_ms:.1} ms, {} bytes",
        png.len()
    );
}
