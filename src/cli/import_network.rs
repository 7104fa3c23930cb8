//! `journeymap import-network`: read an OpenStreetMap extract or GeoJSON and
//! write a network file that `route --network` loads in milliseconds.

use super::{Exit, Failure};
use journeymap::mode::Mode;
use journeymap::network::{file, import, landmarks};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Import `.osm.pbf`, `.osm` (XML) or GeoJSON LineStrings into a compact
/// network file. Rail takes `railway=rail` ways; road takes
/// `highway=motorway|trunk|primary|secondary` and their `_link`s.
#[derive(clap::Args, Debug)]
pub struct ImportNetworkArgs {
    /// The OpenStreetMap (.osm.pbf, .osm) or GeoJSON file to read.
    pub file: PathBuf,
    /// rail or road: which ways to take.
    #[arg(long, value_parser = parse_mode)]
    pub mode: Mode,
    /// Where to write the network file.
    #[arg(long, value_name = "NET")]
    pub out: PathBuf,
    /// Precompute K landmarks (ALT, 0 to 32) so that routes on a large
    /// network search far fewer nodes: costs 2·K bytes per node in the file
    /// and in memory and K + 1 shortest-path trees at import. Default: 16
    /// for networks of 100 000 nodes or more, none below.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u8).range(0..=32))]
    pub landmarks: Option<u8>,
}

fn parse_mode(s: &str) -> Result<Mode, String> {
    match s.parse::<Mode>()? {
        m @ (Mode::Rail | Mode::Road) => Ok(m),
        m => Err(format!("mode {m} has no network: import rail or road")),
    }
}

pub fn run(args: ImportNetworkArgs) -> Result<(), Failure> {
    let started = Instant::now();
    let bar = Progress::new(started);
    let mut report = |done: u64, total: u64| bar.update(done, total);
    let graph = import::import(&args.file, args.mode, &mut report).map_err(|e| {
        bar.finish();
        let hint = if e.empty {
            format!("the file holds no {} ways this importer takes; check the --mode and the extract", args.mode)
        } else {
            "check that the file is a complete OpenStreetMap or GeoJSON file (re-download or re-export it)".to_string()
        };
        Failure::new(Exit::Input, e.to_string()).hint(hint)
    })?;
    bar.finish();
    let mut graph = graph;
    let k = args
        .landmarks
        .map_or_else(|| landmarks::default_count(graph.node_count()), usize::from);
    graph.build_landmarks(k);
    let bytes = file::to_bytes(&graph);
    journeymap::output::write_atomic(&args.out, &bytes).map_err(|e| {
        Failure::new(
            Exit::Output,
            format!("cannot write {}: {e}", args.out.display()),
        )
    })?;
    println!(
        "imported {} {} network: {} nodes, {} edges, {} lines, {} landmarks from {} in {:.2} s → {} ({} bytes)",
        args.mode,
        args.file.display(),
        graph.node_count(),
        graph.edge_count(),
        graph.lines().len(),
        graph.landmarks().map_or(0, |l| l.nodes().len()),
        args.file.display(),
        started.elapsed().as_secs_f64(),
        args.out.display(),
        bytes.len()
    );
    Ok(())
}

/// A progress bar on stderr that appears only when stderr is a terminal and
/// the import has run for over a second.
struct Progress {
    started: Instant,
    bar: std::cell::RefCell<Option<indicatif::ProgressBar>>,
    tty: bool,
}

impl Progress {
    fn new(started: Instant) -> Progress {
        Progress {
            started,
            bar: std::cell::RefCell::new(None),
            tty: std::io::stderr().is_terminal(),
        }
    }

    fn update(&self, done: u64, total: u64) {
        if !self.tty || self.started.elapsed() < Duration::from_secs(1) {
            return;
        }
        let mut bar = self.bar.borrow_mut();
        let b = bar.get_or_insert_with(|| {
            let b = indicatif::ProgressBar::new(total);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "importing {wide_bar} {bytes}/{total_bytes} {eta}",
            ) {
                b.set_style(style);
            }
            b
        });
        b.set_position(done.min(total));
    }

    fn finish(&self) {
        if let Some(b) = self.bar.borrow_mut().take() {
            b.finish_and_clear();
        }
    }
}
