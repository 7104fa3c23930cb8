//! `journeymap run` (and bare `journeymap`): the whole pipeline.

use super::{Exit, Failure};
use journeymap::mode::Mode;
use journeymap::pipeline::{self, Config, PipelineError};
use journeymap::render::MapOptions;
use std::path::PathBuf;

/// The map size of a bare `journeymap` and of `run` without `--size`.
const DEFAULT_SIZE: &str = "1400x1000";

/// Read articles, build the itinerary, route it, check the reported
/// figures, and write out/map.svg, out/route.geojson, out/report.md,
/// out/report.json and out/itinerary.toml.
#[derive(clap::Args, Debug, Default)]
pub struct RunArgs {
    /// Article files or directories (.txt, .md, .html, .jsonl). Default:
    /// seeds/.
    #[arg(value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// Directory to write the outputs into. Default: out/.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Use this itinerary (an edited out/itinerary.toml) instead of the one
    /// extracted from the articles.
    #[arg(long, value_name = "FILE")]
    pub itinerary: Option<PathBuf>,
    /// A rail network file from `import-network` to route rail legs on.
    #[arg(long, value_name = "NET")]
    pub rail_network: Option<PathBuf>,
    /// A road network file from `import-network` to route road legs on.
    #[arg(long, value_name = "NET")]
    pub road_network: Option<PathBuf>,
    /// Map title. Default: "<traveller>: <origin> to <destination>".
    #[arg(long)]
    pub title: Option<String>,
    /// Map page size in pixels, WIDTHxHEIGHT.
    #[arg(long, value_name = "WxH", default_value = DEFAULT_SIZE)]
    pub size: String,
    /// Also render out/map.png (with resvg) for a quick look.
    #[arg(long)]
    pub png: bool,
    /// Also write intermediate stages: `places` writes out/places.json.
    #[arg(long, value_name = "STAGE", value_parser = ["places"])]
    pub emit: Vec<String>,
}

pub fn run(args: RunArgs) -> Result<(), Failure> {
    let (seeds, out) = pipeline::default_paths();
    // A bare `journeymap` builds RunArgs by Default, which leaves size empty.
    let size = if args.size.is_empty() {
        DEFAULT_SIZE
    } else {
        &args.size
    };
    let map = MapOptions::parse_size(size).ok_or_else(|| {
        Failure::new(
            Exit::Usage,
            format!("--size '{}' is not WIDTHxHEIGHT", args.size),
        )
        .hint("for example --size 1400x1000 (width 400–8000, height 300–8000)")
    })?;
    let mut networks = Vec::new();
    if let Some(p) = args.rail_network {
        networks.push((Mode::Rail, p));
    }
    if let Some(p) = args.road_network {
        networks.push((Mode::Road, p));
    }
    let default_inputs = args.inputs.is_empty();
    let cfg = Config {
        inputs: if default_inputs {
            vec![seeds]
        } else {
            args.inputs
        },
        out_dir: args.out.unwrap_or(out),
        itinerary: args.itinerary,
        networks,
        title: args.title,
        map,
        png: args.png,
        emit_places: args.emit.iter().any(|e| e == "places"),
    };
    let result = pipeline::run(&cfg).map_err(|e| failure(e, default_inputs))?;
    for w in &result.warnings {
        eprintln!("journeymap: warning: {w}");
    }
    print!("{}", result.summary);
    for p in &result.written {
        println!("wrote {}", p.display());
    }
    Ok(())
}

fn failure(e: PipelineError, default_inputs: bool) -> Failure {
    let code = match &e {
        PipelineError::Input(_) | PipelineError::Read(_) => Exit::Input,
        PipelineError::Itinerary(_)
        | PipelineError::Network(_)
        | PipelineError::NetworkFile { .. } => Exit::Data,
        PipelineError::NoJourney(_) => Exit::NotFound,
        PipelineError::Render(_) => Exit::Internal,
        PipelineError::Output { .. } => Exit::Output,
    };
    let f = Failure::new(code, e.to_string());
    match code {
        Exit::Input if default_inputs => {
            f.hint("run from the project directory (it has seeds/), or name the article files")
        }
        Exit::Data => f.hint("fix the file at the line given, or regenerate it"),
        Exit::Output => f.hint("check that the output directory is writable (--out DIR)"),
        Exit::NotFound => f.hint(
            "`journeymap itinerary FILE` shows what was read; write the journey in an \
             itinerary file (format: the header of an out/itinerary.toml) and pass it with \
             --itinerary FILE",
        ),
        _ => f,
    }
}
