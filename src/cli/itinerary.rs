//! `journeymap itinerary FILE…`: the journeys the articles describe.

use super::{Exit, Failure};
use journeymap::itinerary;
use journeymap::pipeline;
use std::io::Write;
use std::path::PathBuf;

/// Build the itinerary from articles: each traveller's journey as ordered
/// waypoints and legs with a mode, and the sentences that say so. Prints
/// the TOML that `run --itinerary` accepts (or JSON with --json).
#[derive(clap::Args, Debug, Default)]
pub struct ItineraryArgs {
    /// Article files or directories.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// Print JSON instead of TOML (same field names).
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: ItineraryArgs) -> Result<(), Failure> {
    let files = pipeline::collect_inputs(&args.inputs)
        .map_err(|e| Failure::new(Exit::Input, e.to_string()))?;
    let (_, _, it) =
        pipeline::analyse(&files).map_err(|e| Failure::new(Exit::Input, e.to_string()))?;
    let out = if args.json {
        serde_json::to_string_pretty(&it).unwrap_or_default() + "\n"
    } else {
        itinerary::to_toml(&it)
    };
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(|e| Failure::new(Exit::Output, format!("writing to standard output: {e}")))
}
