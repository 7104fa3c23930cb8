//! The command line. Every flag is documented where it is defined (the doc
//! comments below become `--help`); each subcommand lives in its own file,
//! parses its arguments and calls the library.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod claims;
mod exit;
mod geocode;
mod import_network;
mod itinerary;
mod places;
mod route;
mod run;

pub use exit::{Exit, Failure};

/// journeymap: map the journey that news articles describe, route it on real
/// rail and road networks, and check the distances and times they report.
///
/// With no subcommand it runs the whole pipeline on `seeds/` and writes
/// `out/`.
///
/// Exit codes: 0 success; 1 internal error; 2 usage error; 3 unreadable or
/// invalid input; 4 place or route not found, or no journey in the
/// articles; 5 malformed data or network file; 6 output could not be
/// written.
#[derive(Parser, Debug)]
#[command(name = "journeymap", version, about, long_about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the whole pipeline on articles and write map, GeoJSON and report.
    Run(run::RunArgs),
    /// Find and resolve the places named in articles (geoparsing only).
    Places(places::PlacesArgs),
    /// Build the itinerary (journeys, legs, modes) from articles.
    Itinerary(itinerary::ItineraryArgs),
    /// Route between places on the rail or road network, or by air.
    Route(route::RouteArgs),
    /// Extract the distances, durations and speeds that articles report.
    Claims(claims::ClaimsArgs),
    /// Look a place name up in the gazetteer and print ranked candidates.
    Geocode(geocode::GeocodeArgs),
    /// Import an OpenStreetMap extract or GeoJSON into a network file.
    ImportNetwork(import_network::ImportNetworkArgs),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => Exit::Usage.into(),
            };
        }
    };
    let result = match cli.command {
        None => run::run(run::RunArgs::default()),
        Some(Command::Run(a)) => run::run(a),
        Some(Command::Places(a)) => places::run(a),
        Some(Command::Itinerary(a)) => itinerary::run(a),
        Some(Command::Route(a)) => route::run(a),
        Some(Command::Claims(a)) => claims::run(a),
        Some(Command::Geocode(a)) => geocode::run(a),
        Some(Command::ImportNetwork(a)) => import_network::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("{f}");
            f.code.into()
        }
    }
}
