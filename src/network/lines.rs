//! Networks as named lines, each an ordered list of stations (or road
//! junctions and towns), the form the bundled data is kept in.
//!
//! CONTRACT (netdata fills in the loader; routing builds graphs from it).

use crate::measure::{Km, LatLon};
use crate::mode::Mode;
use serde::{Deserialize, Serialize};

/// `(text, origin)` of a file under `data/networks/`.
macro_rules! bundled_file {
    ($path:literal) => {
        (
            include_str!(concat!("../../data/networks/", $path)),
            concat!("data/networks/", $path),
        )
    };
}

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

// ---------------------------------------------------------------------------
// Loader
// ---------------------------------------------------------------------------

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::measure::{geodesic_distance, geodesic_length};
use toml::Spanned;

/// Target spacing of consecutive entries (stations or shape points) of a
/// line: beyond it a straight chord no longer follows the track well. The
/// bundled data keeps to it, with the exceptions listed in
/// tests/network_lines.rs; user files are not held to it.
pub const MAX_GAP: Km = Km(60.0);

/// Consecutive entries further apart than this are a data error (a wrong
/// coordinate or a missing station), and the loader rejects the line.
pub const HARD_GAP_LIMIT: Km = Km(150.0);

/// A problem in a network file: which file, which line of it (1-based; 0
/// when the problem concerns the whole file) and what is wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct LinesError {
    pub origin: String,
    pub line: usize,
    pub problem: String,
}

impl LinesError {
    fn at(origin: &str, line: usize, problem: impl Into<String>) -> Self {
        LinesError {
            origin: origin.to_string(),
            line,
            problem: problem.into(),
        }
    }

    fn describe(&self) -> String {
        match self.line {
            0 => format!("{}: {}", self.origin, self.problem),
            n => format!("{}:{}: {}", self.origin, n, self.problem),
        }
    }
}

/// The file as written; `Spanned` keeps byte offsets for error positions.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    mode: Option<Spanned<String>>,
    #[serde(default)]
    station: Vec<Spanned<RawStation>>,
    #[serde(default)]
    line: Vec<Spanned<RawLine>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStation {
    id: String,
    name: String,
    local: Option<String>,
    lat: f64,
    lon: f64,
    gazetteer: Option<String>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLine {
    id: String,
    name: String,
    local: Option<String>,
    kind: LineKind,
    #[serde(default)]
    countries: Vec<String>,
    official_km: Option<f64>,
    official_source: Option<String>,
    /// Free text for the reader of the file (extent decisions); not loaded.
    #[serde(default, rename = "note")]
    _note: Option<String>,
    stations: Vec<Spanned<String>>,
}

/// Byte offset → 1-based line number.
/// Byte offsets where each line of a file starts, so a span's line number
/// is a binary search (counting newlines per entry made parsing quadratic).
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        LineIndex(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }
}

/// 1-based line number of a byte offset.
fn line_at(lines: &LineIndex, offset: usize) -> usize {
    lines.0.partition_point(|&s| s <= offset)
}

/// True for `geonames:<digits>` and `supp:<lowercase-ascii id>`.
pub fn is_gazetteer_ref(s: &str) -> bool {
    if let Some(n) = s.strip_prefix("geonames:") {
        return !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    }
    if let Some(id) = s.strip_prefix("supp:") {
        return !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    }
    false
}

fn parse_shape(s: &str) -> Option<LatLon> {
    LatLon::parse(s.strip_prefix('@')?)
}

impl LineSet {
    /// Parses a network file (format: `data/README.md`). `origin`
    /// names the file in error messages. The file's `mode` key says which
    /// mode its lines belong to.
    ///
    /// ```
    /// use journeymap::network::lines::LineSet;
    /// let text = r#"
    /// mode = "rail"
    /// [[station]]
    /// id = "a"
    /// name = "A"
    /// lat = 39.0
    /// lon = 125.7
    /// source = "example"
    /// [[station]]
    /// id = "b"
    /// name = "B"
    /// lat = 39.3
    /// lon = 125.6
    /// source = "example"
    /// [[line]]
    /// id = "ab"
    /// name = "A–B line"
    /// kind = "conventional"
    /// stations = ["a", "@39.15,125.70", "b"]
    /// "#;
    /// let set = LineSet::parse(text, "example.toml").unwrap();
    /// let line = &set.lines[0];
    /// assert_eq!(set.line_geometry(line).len(), 3);
    /// assert!((set.line_length(line).0 - 35.0).abs() < 1.0);
    /// ```
    pub fn parse(text: &str, origin: &str) -> Result<LineSet, LinesError> {
        LineSet::parse_files(&[(text, origin)])
    }

    /// Parses a network split over several files, given as `(text,
    /// origin)` pairs: one id space for stations and lines, so a line in
    /// one file may run through a station defined in another (a junction
    /// between regions). Every file states the same mode.
    pub fn parse_files(files: &[(&str, &str)]) -> Result<LineSet, LinesError> {
        let mut parsed = Vec::with_capacity(files.len());
        for &(text, origin) in files {
            let lines = LineIndex::new(text);
            let raw: RawFile = toml::from_str(text).map_err(|e| {
                let line = e.span().map(|s| line_at(&lines, s.start)).unwrap_or(0);
                LinesError::at(
                    origin,
                    line,
                    format!("not a valid network file: {}", e.message()),
                )
            })?;
            let mode = file_mode(&raw, &lines, origin)?;
            parsed.push((raw, lines, origin, mode));
        }
        let Some((first_origin, mode)) = parsed.first().map(|p| (p.2, p.3)) else {
            return Err(LinesError::at("network", 0, "no network files given"));
        };
        if let Some((_, _, origin, other)) = parsed.iter().find(|p| p.3 != mode) {
            return Err(LinesError::at(
                origin,
                1,
                format!("mode {other}, but {first_origin} is {mode}: one network has one mode"),
            ));
        }
        let mut set = LineSet::default();
        let mut index: HashMap<String, (usize, Place)> = HashMap::new();
        let mut raw_lines = Vec::new();
        for (raw, lines, origin, _) in parsed.iter_mut() {
            for st in std::mem::take(&mut raw.station) {
                let line = line_at(lines, st.span().start);
                let station = check_station(st.into_inner(), origin, line)?;
                if let Some((_, first)) = index.get(&station.id) {
                    return Err(LinesError::at(
                        origin,
                        line,
                        format!(
                            "duplicate station id '{}' (first at {})",
                            station.id,
                            first.seen_from(origin)
                        ),
                    ));
                }
                index.insert(
                    station.id.clone(),
                    (set.stations.len(), Place::new(origin, line)),
                );
                set.stations.push(station);
            }
            raw_lines.extend(
                std::mem::take(&mut raw.line)
                    .into_iter()
                    .map(|l| (l, &*lines, *origin)),
            );
        }
        let mut line_ids: HashMap<String, Place> = HashMap::new();
        for (raw_line, lines, origin) in raw_lines {
            let at = line_at(lines, raw_line.span().start);
            let l = build_line(raw_line.into_inner(), mode, &set, &index, lines, origin, at)?;
            if let Some(first) = line_ids.get(&l.id) {
                return Err(LinesError::at(
                    origin,
                    at,
                    format!(
                        "duplicate line id '{}' (first at {})",
                        l.id,
                        first.seen_from(origin)
                    ),
                ));
            }
            line_ids.insert(l.id.clone(), Place::new(origin, at));
            set.lines.push(l);
        }
        Ok(set)
    }

    /// The bundled network of `mode` (the files of `data/networks/rail/`
    /// or `data/networks/road.toml`), parsed once per process.
    ///
    /// ```
    /// use journeymap::{mode::Mode, network::lines::LineSet};
    /// let rail = LineSet::bundled(Mode::Rail).unwrap();
    /// assert!(rail.station_by_id("pyongyang").is_some());
    /// assert!(LineSet::bundled(Mode::Air).is_err());
    /// ```
    pub fn bundled(mode: Mode) -> Result<&'static LineSet, LinesError> {
        static RAIL: OnceLock<Result<LineSet, LinesError>> = OnceLock::new();
        static ROAD: OnceLock<Result<LineSet, LinesError>> = OnceLock::new();
        let (cell, files) = match mode {
            Mode::Rail => (&RAIL, RAIL_FILES),
            Mode::Road => (&ROAD, ROAD_FILES),
            other => {
                return Err(LinesError::at(
                    "bundled networks",
                    0,
                    format!(
                    "no bundled network for mode {other}: only rail and road legs follow a network"
                ),
                ))
            }
        };
        cell.get_or_init(|| {
            let set = LineSet::parse_files(files)?;
            match set.lines.iter().find(|l| l.mode != mode) {
                Some(l) => Err(LinesError::at(
                    files[0].1,
                    0,
                    format!("line '{}' is {}, expected {mode}", l.id, l.mode),
                )),
                None => Ok(set),
            }
        })
        .as_ref()
        .map_err(Clone::clone)
    }

    /// The station with this id.
    pub fn station_by_id(&self, id: &str) -> Option<&Station> {
        self.station_index(id).map(|i| &self.stations[i])
    }

    /// Index into `stations` of the station with this id.
    pub fn station_index(&self, id: &str) -> Option<usize> {
        self.stations.iter().position(|s| s.id == id)
    }

    /// The line with this id.
    pub fn line_by_id(&self, id: &str) -> Option<&Line> {
        self.lines.iter().find(|l| l.id == id)
    }

    /// The points of a line in order: its stations and shape points.
    pub fn line_geometry(&self, line: &Line) -> Vec<LatLon> {
        line.stops
            .iter()
            .filter_map(|s| match *s {
                LineStop::Station(i) => self.stations.get(i).map(|st| st.point),
                LineStop::Shape(p) => Some(p),
            })
            .collect()
    }

    /// Geodesic (WGS84) length of a line's geometry.
    pub fn line_length(&self, line: &Line) -> Km {
        geodesic_length(&self.line_geometry(line))
    }

    /// The stations of a line in order (shape points left out), as indices
    /// into `stations`.
    pub fn line_stations<'a>(&'a self, line: &'a Line) -> impl Iterator<Item = usize> + 'a {
        line.stops.iter().filter_map(|s| match *s {
            LineStop::Station(i) => Some(i),
            LineStop::Shape(_) => None,
        })
    }
}

/// Where a station or line was defined, for "first at" in duplicate errors.
#[derive(Debug, Clone, Copy)]
struct Place<'a> {
    origin: &'a str,
    line: usize,
}

impl<'a> Place<'a> {
    fn new(origin: &'a str, line: usize) -> Place<'a> {
        Place { origin, line }
    }
}

impl Place<'_> {
    /// "line N" within the same file, "file:N" across files.
    fn seen_from(&self, origin: &str) -> String {
        if self.origin == origin {
            format!("line {}", self.line)
        } else {
            format!("{}:{}", self.origin, self.line)
        }
    }
}

/// The bundled rail network, one file per region (`data/networks/rail/`);
/// a unit test checks every `.toml` there is listed.
pub const RAIL_FILES: &[(&str, &str)] = &[
    bundled_file!("rail/korea.toml"),
    bundled_file!("rail/russia.toml"),
    bundled_file!("rail/china-north.toml"),
    bundled_file!("rail/china-south.toml"),
    bundled_file!("rail/vietnam.toml"),
];

/// The bundled road network.
pub const ROAD_FILES: &[(&str, &str)] = &[bundled_file!("road.toml")];

fn file_mode(raw: &RawFile, lines: &LineIndex, origin: &str) -> Result<Mode, LinesError> {
    let Some(m) = &raw.mode else {
        return Err(LinesError::at(
            origin,
            1,
            "missing top-level `mode = \"rail\"` or `mode = \"road\"`",
        ));
    };
    match m.get_ref().parse::<Mode>() {
        Ok(mode) if mode.uses_network() => Ok(mode),
        _ => Err(LinesError::at(
            origin,
            line_at(lines, m.span().start),
            format!("mode '{}': a network file is rail or road", m.get_ref()),
        )),
    }
}

fn check_station(raw: RawStation, origin: &str, line: usize) -> Result<Station, LinesError> {
    let err = |p: String| Err(LinesError::at(origin, line, p));
    if raw.id.is_empty() || raw.id.starts_with('@') || raw.id.chars().any(char::is_whitespace) {
        return err(format!(
            "station id '{}': ids are non-empty, without spaces, not starting with '@'",
            raw.id
        ));
    }
    if raw.name.trim().is_empty() {
        return err(format!("station '{}' has an empty name", raw.id));
    }
    let point = LatLon::new(raw.lat, raw.lon);
    if !point.is_valid() {
        return err(format!(
            "station '{}': bad coordinate lat {} lon {}",
            raw.id, raw.lat, raw.lon
        ));
    }
    if let Some(g) = raw.gazetteer.as_deref().filter(|g| !is_gazetteer_ref(g)) {
        return err(format!(
            "station '{}': gazetteer '{g}' is not `geonames:<digits>` or `supp:<id>`",
            raw.id
        ));
    }
    if raw.source.trim().is_empty() {
        return err(format!(
            "station '{}' has no source for its coordinates",
            raw.id
        ));
    }
    Ok(Station {
        id: raw.id,
        name: raw.name,
        local: raw.local,
        point,
        gazetteer: raw.gazetteer,
        source: raw.source,
    })
}

fn build_line(
    raw: RawLine,
    mode: Mode,
    set: &LineSet,
    index: &HashMap<String, (usize, Place)>,
    lines: &LineIndex,
    origin: &str,
    at: usize,
) -> Result<Line, LinesError> {
    let err = |line: usize, p: String| Err(LinesError::at(origin, line, p));
    if raw.id.is_empty() || raw.id.chars().any(char::is_whitespace) {
        return err(at, format!("line id '{}' is empty or has spaces", raw.id));
    }
    if raw.name.trim().is_empty() {
        return err(at, format!("line '{}' has an empty name", raw.id));
    }
    if let Some(c) = raw
        .countries
        .iter()
        .find(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return err(
            at,
            format!(
                "line '{}': country '{c}' is not an ISO 3166 alpha-2 code",
                raw.id
            ),
        );
    }
    let official = match (raw.official_km, &raw.official_source) {
        (Some(km), Some(_)) if km.is_finite() && km > 0.0 => Some(Km(km)),
        (Some(km), Some(_)) => {
            return err(
                at,
                format!(
                    "line '{}': official_km {km} is not a positive length",
                    raw.id
                ),
            )
        }
        (Some(_), None) => {
            return err(
                at,
                format!("line '{}': official_km needs an official_source", raw.id),
            )
        }
        (None, _) => None,
    };
    let mut stops = Vec::with_capacity(raw.stations.len());
    let mut prev: Option<(LatLon, String)> = None;
    for entry in &raw.stations {
        let line = line_at(lines, entry.span().start);
        let name = entry.get_ref();
        let (stop, point) = if name.starts_with('@') {
            match parse_shape(name) {
                Some(p) => (LineStop::Shape(p), p),
                None => {
                    return err(
                        line,
                        format!(
                            "line '{}': bad shape point '{name}' (expected \"@lat,lon\")",
                            raw.id
                        ),
                    )
                }
            }
        } else {
            match index.get(name) {
                Some(&(i, _)) => (LineStop::Station(i), set.stations[i].point),
                None => {
                    return err(
                        line,
                        format!("line '{}': unknown station id '{name}'", raw.id),
                    )
                }
            }
        };
        if let Some((p, prev_name)) = &prev {
            let gap = geodesic_distance(*p, point);
            if gap.0 > HARD_GAP_LIMIT.0 {
                return err(line, format!(
                    "line '{}': '{prev_name}' to '{name}' is {:.1} km, more than {} km: add the station between or a shape point on the track",
                    raw.id, gap.0, HARD_GAP_LIMIT.0
                ));
            }
            if stops.last() == Some(&stop) {
                return err(line, format!("line '{}': '{name}' repeated", raw.id));
            }
        }
        prev = Some((point, name.clone()));
        stops.push(stop);
    }
    let ends_are_stations = matches!(stops.first(), Some(LineStop::Station(_)))
        && matches!(stops.last(), Some(LineStop::Station(_)));
    if stops.len() < 2 || !ends_are_stations {
        return err(
            at,
            format!(
                "line '{}': a line needs at least two stops and starts and ends at a station",
                raw.id
            ),
        );
    }
    Ok(Line {
        id: raw.id,
        name: raw.name,
        local: raw.local,
        kind: raw.kind,
        mode,
        official,
        official_source: raw.official_source,
        stops,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "mode = \"rail\"\n";

    fn station(id: &str, lat: f64, lon: f64) -> String {
        format!("[[station]]\nid = \"{id}\"\nname = \"{id}\"\nlat = {lat}\nlon = {lon}\nsource = \"test\"\n")
    }

    fn two_stations() -> String {
        format!(
            "{HEAD}{}{}",
            station("a", 21.0, 105.8),
            station("b", 21.2, 105.9)
        )
    }

    fn parse_err(text: &str) -> LinesError {
        match LineSet::parse(text, "t.toml") {
            Err(e) => e,
            Ok(_) => panic!("expected an error for:\n{text}"),
        }
    }

    #[test]
    fn parses_stations_lines_and_shape_points() {
        let text = format!(
            "{}[[line]]\nid = \"ab\"\nname = \"AB\"\nkind = \"high-speed\"\nofficial_km = 26\nofficial_source = \"s\"\nstations = [\"a\", \"@21.1,105.86\", \"b\"]\n",
            two_stations()
        );
        let set = LineSet::parse(&text, "t.toml").unwrap();
        assert_eq!(set.stations.len(), 2);
        let line = set.line_by_id("ab").unwrap();
        assert_eq!(line.kind, LineKind::HighSpeed);
        assert_eq!(line.mode, Mode::Rail);
        assert_eq!(line.official, Some(Km(26.0)));
        assert_eq!(line.stops[1], LineStop::Shape(LatLon::new(21.1, 105.86)));
        assert_eq!(set.line_stations(line).collect::<Vec<_>>(), vec![0, 1]);
        let direct = geodesic_distance(LatLon::new(21.0, 105.8), LatLon::new(21.2, 105.9));
        assert!(set.line_length(line).0 > direct.0);
        assert_eq!(set.station_by_id("b").map(|s| s.point.lat), Some(21.2));
        assert!(set.station_by_id("c").is_none());
    }

    #[test]
    fn unknown_station_names_file_and_line() {
        let text = format!(
            "{}[[line]]\nid = \"ab\"\nname = \"AB\"\nkind = \"conventional\"\nstations = [\n  \"a\",\n  \"zz\",\n]\n",
            two_stations()
        );
        let e = parse_err(&text);
        let zz_line = text.lines().position(|l| l.contains("\"zz\"")).unwrap() + 1;
        assert_eq!(e.line, zz_line);
        assert!(e.problem.contains("unknown station id 'zz'"), "{e}");
        assert!(
            e.to_string().starts_with(&format!("t.toml:{zz_line}: ")),
            "{e}"
        );
    }

    #[test]
    fn duplicate_station_id() {
        let text = format!("{}{}", two_stations(), station("a", 21.3, 105.9));
        let e = parse_err(&text);
        assert!(
            e.problem
                .contains("duplicate station id 'a' (first at line 2)"),
            "{e}"
        );
        assert_eq!(e.line, 14);
    }

    #[test]
    fn bad_coordinate() {
        let e = parse_err(&format!("{HEAD}{}", station("a", 95.0, 105.8)));
        assert!(e.problem.contains("bad coordinate"), "{e}");
        assert_eq!(e.line, 2);
    }

    #[test]
    fn empty_and_one_stop_lines() {
        for stops in ["", "\"a\"", "\"a\", \"@21.1,105.85\""] {
            let text = format!(
                "{}[[line]]\nid = \"x\"\nname = \"X\"\nkind = \"conventional\"\nstations = [{stops}]\n",
                two_stations()
            );
            let e = parse_err(&text);
            assert!(e.problem.contains("at least two stops"), "{e}");
        }
    }

    #[test]
    fn long_gap_is_an_error_naming_both_stops() {
        let text = format!(
            "{HEAD}{}{}[[line]]\nid = \"x\"\nname = \"X\"\nkind = \"conventional\"\nstations = [\"a\", \"far\"]\n",
            station("a", 21.0, 105.8),
            station("far", 23.0, 105.8)
        );
        let e = parse_err(&text);
        assert!(
            e.problem.contains("'a' to 'far' is 221.") && e.problem.contains("shape point"),
            "{e}"
        );
    }

    #[test]
    fn malformed_inputs() {
        let cases = [
            ("", "missing top-level"),
            ("mode = \"air\"\n", "a network file is rail or road"),
            (
                "mode = \"rail\"\n[[station]]\nid = \"a\"\n",
                "not a valid network file",
            ),
            ("mode = \"rail\"\n[[station]\n", "not a valid network file"),
            ("mode = \"rail\"\nspeed = 3\n", "not a valid network file"),
            ("\u{0}\u{1}binary", "not a valid network file"),
        ];
        for (text, want) in cases {
            let e = parse_err(text);
            assert!(e.problem.contains(want), "{text:?}: {e}");
        }
        let bad_ref = format!("{HEAD}{}gazetteer = \"osm:1\"\n", station("a", 21.0, 105.0));
        assert!(parse_err(&bad_ref).problem.contains("gazetteer 'osm:1'"));
        let bad_shape = format!(
            "{}[[line]]\nid = \"x\"\nname = \"X\"\nkind = \"conventional\"\nstations = [\"a\", \"@91,0\", \"b\"]\n",
            two_stations()
        );
        assert!(parse_err(&bad_shape)
            .problem
            .contains("bad shape point '@91,0'"));
        let no_source = format!(
            "{}[[line]]\nid = \"x\"\nname = \"X\"\nkind = \"conventional\"\nofficial_km = 3\nstations = [\"a\", \"b\"]\n",
            two_stations()
        );
        assert!(parse_err(&no_source)
            .problem
            .contains("needs an official_source"));
    }

    #[test]
    fn gazetteer_refs() {
        assert!(is_gazetteer_ref("geonames:1581130"));
        assert!(is_gazetteer_ref("supp:huu-nghi-gate"));
        for bad in [
            "geonames:",
            "geonames:12a",
            "supp:",
            "supp:Big Name",
            "1581130",
        ] {
            assert!(!is_gazetteer_ref(bad), "{bad}");
        }
    }

    #[test]
    fn bundled_sets_load_once_and_other_modes_fail() {
        let rail = LineSet::bundled(Mode::Rail).unwrap();
        assert!(std::ptr::eq(rail, LineSet::bundled(Mode::Rail).unwrap()));
        assert!(LineSet::bundled(Mode::Road)
            .unwrap()
            .lines
            .iter()
            .all(|l| l.mode == Mode::Road));
        let e = LineSet::bundled(Mode::Sea).unwrap_err();
        assert!(
            e.to_string().contains("no bundled network for mode sea"),
            "{e}"
        );
    }

    #[test]
    fn every_rail_file_is_bundled() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/networks/rail");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .map(|n| format!("data/networks/rail/{n}"))
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = RAIL_FILES.iter().map(|f| f.1.to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed, "add new files to RAIL_FILES");
    }

    const TWO_STATIONS: &str = r#"mode = "rail"
[[station]]
id = "a"
name = "A"
lat = 39.0
lon = 125.7
source = "example"
"#;

    #[test]
    fn lines_may_use_stations_of_other_files() {
        let other = r#"mode = "rail"
[[station]]
id = "b"
name = "B"
lat = 39.3
lon = 125.6
source = "example"
[[line]]
id = "ab"
name = "A–B"
kind = "conventional"
stations = ["a", "b"]
"#;
        let set = LineSet::parse_files(&[(TWO_STATIONS, "one.toml"), (other, "two.toml")]).unwrap();
        assert_eq!(set.lines.len(), 1);
        assert_eq!(set.line_stations(&set.lines[0]).count(), 2);
    }

    #[test]
    fn duplicates_across_files_and_mixed_modes_are_errors() {
        let e = LineSet::parse_files(&[(TWO_STATIONS, "one.toml"), (TWO_STATIONS, "two.toml")])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("two.toml") && e.contains("first at one.toml:2"),
            "{e}"
        );
        let road = TWO_STATIONS.replace("\"rail\"", "\"road\"");
        let e = LineSet::parse_files(&[(TWO_STATIONS, "one.toml"), (&road, "two.toml")])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("two.toml") && e.contains("one network has one mode"),
            "{e}"
        );
        assert!(LineSet::parse_files(&[]).is_err());
    }
}
