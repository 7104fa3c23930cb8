//! Networks as named lines, each an ordered list of stations (or road
//! junctions and towns), the form the bundled data is kept in.
//!
//! CONTRACT (netdata fills in the loader; routing builds graphs from it).

use crate::measure::{Km, LatLon};
use crate::mode::Mode;
use serde::{Deserialize, Serialize};

/// What kind of line this is; routing profiles use it (a conventional train
/// stays off high-speed-only lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineKind {
    Conventional,
    HighSpeed,
    Expressway,
    Highway,
}

/// A station, junction or town a line passes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Station {
    /// Unique within its network file.
    pub id: String,
    pub name: String,
    /// Name in the local script, if known.
    pub local: Option<String>,
    pub point: LatLon,
    /// Gazetteer source id of the place this station is, or serves
    /// (`geonames:1799869`, `supp:nanning-station`).
    pub gazetteer: Option<String>,
    /// Where the coordinates come from.
    pub source: String,
}

/// One stop of a line: a station, or a shape point that only bends the
/// geometry to follow the real track.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum LineStop {
    /// Index into `LineSet::stations`.
    Station(usize),
    Shape(LatLon),
}

/// A named line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub id: String,
    pub name: String,
    pub local: Option<String>,
    pub kind: LineKind,
    pub mode: Mode,
    /// Official route length, where one is published.
    pub official: Option<Km>,
    pub official_source: Option<String>,
    pub stops: Vec<LineStop>,
}

/// All the lines of one mode.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LineSet {
    pub stations: Vec<Station>,
    pub lines: Vec<Line>,
}
