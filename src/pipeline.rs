//! The whole run: articles → places → itinerary → routes → claims →
//! report, map and GeoJSON. Everything is computed before anything is
//! written, and each file is written atomically, so a failed run leaves no
//! half-written output.

use crate::claims::{self, Claim};
use crate::geoparse::{self, Mention, MentionKind};
use crate::itinerary::{self, Itinerary, ItineraryError};
use crate::measure::LatLon;
use crate::mode::Mode;
use crate::network::{self, lines::LineSet, Network, NetworkError};
use crate::output::write_atomic;
use crate::text::{read_path, Document, ReadError};
use crate::{geojson, render, report, route};
use std::path::{Path, PathBuf};

/// Article file extensions read from a directory.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "jsonl"];

/// What to run on and what to write.
#[derive(Debug, Clone)]
pub struct Config {
    /// Article files or directories of them.
    pub inputs: Vec<PathBuf>,
    pub out_dir: PathBuf,
    /// An edited itinerary to use instead of extracting one.
    pub itinerary: Option<PathBuf>,
    /// User network files (from `import-network`) by mode.
    pub networks: Vec<(Mode, PathBuf)>,
    pub title: Option<String>,
    pub map: render::MapOptions,
    pub png: bool,
    /// Also write out/places.json.
    pub emit_places: bool,
}

/// Why a run failed.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("{0}")]
    Input(String),
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Itinerary(#[from] ItineraryError),
    #[error(transparent)]
    Network(#[from] NetworkError),
    #[error("{path}: {err}")]
    NetworkFile { path: String, err: String },
    /// No named traveller moves between two places in the articles.
    #[error("no journey found in the articles: no named traveller is said to move between two places ({0})")]
    NoJourney(String),
    #[error("map: {0}")]
    Render(#[from] render::RenderError),
    #[error("writing {path}: {err}")]
    Output { path: String, err: std::io::Error },
}

/// What a run produced.
#[derive(Debug)]
pub struct RunOutput {
    pub written: Vec<PathBuf>,
    pub summary: String,
    pub warnings: Vec<String>,
}

/// The article files named by `inputs`: files as given, directories
/// expanded to their article files, sorted so runs are deterministic.
pub fn collect_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, PipelineError> {
    let mut files = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| PipelineError::Input(format!("{}: {e}", p.display())))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                        ARTICLE_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())
                    })
                })
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(PipelineError::Input(format!(
                    "{}: no article files (.txt, .md, .html, .jsonl) in this directory",
                    p.display()
                )));
            }
            files.extend(found);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            return Err(PipelineError::Input(format!(
                "{}: no such file or directory",
                p.display()
            )));
        }
    }
    Ok(files)
}

/// Reads, geoparses and builds the itinerary of a corpus.
pub fn analyse(
    files: &[PathBuf],
) -> Result<(Vec<Document>, Vec<Mention>, Itinerary), PipelineError> {
    let mut docs = Vec::new();
    for f in files {
        docs.extend(read_path(f)?);
    }
    let mentions = geoparse::geoparse(&docs);
    let it = itinerary::extract(&docs, &mentions);
    Ok((docs, mentions, it))
}

fn load_network(cfg: &Config) -> Result<Network, PipelineError> {
    let mut net = Network::bundled()?;
    for (mode, path) in &cfg.networks {
        let g = network::file::load(path).map_err(|e| PipelineError::NetworkFile {
            path: path.display().to_string(),
            err: e.to_string(),
        })?;
        if g.mode() != *mode {
            return Err(PipelineError::NetworkFile {
                path: path.display().to_string(),
                err: format!(
                    "is a {} network, given as the {mode} network (import it with --mode {mode})",
                    g.mode()
                ),
            });
        }
        net.insert(g);
    }
    Ok(net)
}

/// Runs the pipeline and writes every output into `cfg.out_dir`.
pub fn run(cfg: &Config) -> Result<RunOutput, PipelineError> {
    let files = collect_inputs(&cfg.inputs)?;
    let (docs, mentions, extracted) = analyse(&files)?;
    let it = match &cfg.itinerary {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| PipelineError::Input(format!("{}: {e}", p.display())))?;
            itinerary::from_toml(&p.display().to_string(), &text)?
        }
        None => extracted,
    };
    if it.journeys.is_empty() {
        return Err(PipelineError::NoJourney(places_found(&mentions)));
    }
    let net = load_network(cfg)?;
    let legs = route::route_itinerary(&net, &it);
    let claims: Vec<Claim> = claims::extract_all(&docs);
    let rep = report::build(&it, &legs, &claims);

    let title = cfg.title.clone().unwrap_or_else(|| default_title(&it));
    let mut input = render::MapInput::new(&title, &it, &legs);
    input.subtitle = format!("{} article(s): {}", docs.len(), file_names(&files));
    input.background = background(&it, cfg.networks.is_empty());
    let svg = render::svg(&input, &cfg.map)?;
    let png = if cfg.png {
        Some(render::png(&svg, 1.0)?)
    } else {
        None
    };

    let mut outputs: Vec<(&str, Vec<u8>)> = vec![
        ("map.svg", svg.into_bytes()),
        ("route.geojson", geojson::write(&it, &legs).into_bytes()),
        ("report.md", report::to_markdown(&rep).into_bytes()),
        ("report.json", report::to_json(&rep).into_bytes()),
        ("itinerary.toml", itinerary::to_toml(&it).into_bytes()),
    ];
    if let Some(p) = png {
        outputs.push(("map.png", p));
    }
    if cfg.emit_places {
        let json = serde_json::to_string_pretty(&mentions).unwrap_or_default() + "\n";
        outputs.push(("places.json", json.into_bytes()));
    }
    let mut written = Vec::new();
    for (name, bytes) in outputs {
        let path = cfg.out_dir.join(name);
        write_atomic(&path, &bytes).map_err(|err| PipelineError::Output {
            path: path.display().to_string(),
            err,
        })?;
        written.push(path);
    }
    let mut warnings: Vec<String> = docs
        .iter()
        .flat_map(|d| d.warnings.iter().map(move |w| format!("{}: {w}", d.name)))
        .collect();
    warnings.extend(legs.iter().flat_map(|l| {
        l.warnings
            .iter()
            .map(move |w| format!("{} → {} ({}): {w}", l.from, l.to, l.mode))
    }));
    Ok(RunOutput {
        written,
        summary: report::summary(&rep),
        warnings,
    })
}

/// "places found: A, B, C" (distinct, in reading order, at most ten) or
/// "no places found", for the no-journey error.
fn places_found(mentions: &[Mention]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == MentionKind::Place) {
        if let Some(p) = &m.place {
            if !names.contains(&p.name.as_str()) {
                names.push(&p.name);
            }
        }
    }
    match names.len() {
        0 => "no places found".to_string(),
        n if n > 10 => format!("places found: {}, … ({n} in all)", names[..10].join(", ")),
        _ => format!("places found: {}", names.join(", ")),
    }
}

fn default_title(it: &Itinerary) -> String {
    match it.journeys.first() {
        Some(j) => {
            let first = j.waypoints.first().map(|w| w.name.as_str()).unwrap_or("?");
            let last = j.waypoints.last().map(|w| w.name.as_str()).unwrap_or("?");
            if j.is_round_trip() {
                format!("{}: round trip from {first}", j.traveller)
            } else {
                format!("{}: {first} to {last}", j.traveller)
            }
        }
        None => "No journey found".to_string(),
    }
}

fn file_names(files: &[PathBuf]) -> String {
    files
        .iter()
        .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The bundled lines of the modes the itinerary uses, for the map's
/// background (none when the user brought their own network).
fn background(it: &Itinerary, bundled: bool) -> Vec<(Mode, Vec<Vec<LatLon>>)> {
    if !bundled {
        return Vec::new();
    }
    let mut modes: Vec<Mode> = it
        .journeys
        .iter()
        .flat_map(|j| j.legs.iter().map(|l| l.mode))
        .filter(|m| m.uses_network())
        .collect();
    modes.sort();
    modes.dedup();
    modes
        .into_iter()
        .filter_map(|m| {
            let set = LineSet::bundled(m).ok()?;
            Some((m, set.lines.iter().map(|l| set.line_geometry(l)).collect()))
        })
        .collect()
}

/// The default input directory and output directory of a bare `journeymap`.
pub fn default_paths() -> (PathBuf, PathBuf) {
    (
        Path::new("seeds").to_path_buf(),
        Path::new("out").to_path_buf(),
    )
}
