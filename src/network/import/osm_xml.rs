//! OpenStreetMap XML (`.osm`), streamed with quick-xml in two passes: ways
//! first (which nodes matter), then the positions of those nodes.

use super::{stop_name, way_kind, way_line_name, ImportError, Parts, Progress};
use crate::measure::LatLon;
use crate::mode::Mode;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::BufReader;
use std::path::Path;

/// One OSM element as the scanner hands it over.
enum Element {
    Node {
        id: i64,
        point: LatLon,
        tags: Vec<(String, String)>,
    },
    Way {
        refs: Vec<i64>,
        tags: Vec<(String, String)>,
    },
}

fn tag_fn(tags: &[(String, String)]) -> impl Fn(&str) -> Option<String> + '_ {
    move |k| {
        tags.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    }
}

pub(super) fn read(path: &Path, mode: Mode, progress: Progress) -> Result<Parts, ImportError> {
    let total = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) * 2;
    let mut parts = Parts::default();
    let mut seen = 0u64;
    scan(
        path,
        &mut |el| {
            if let Element::Way { refs, tags } = el {
                let tag = tag_fn(&tags);
                if let Some(kind) = way_kind(mode, &tag) {
                    if refs.len() >= 2 {
                        parts.add_way(way_line_name(mode, &tag), kind, refs);
                    }
                }
            }
        },
        &mut |b| {
            seen = b;
            progress(b, total)
        },
    )?;
    parts.index_nodes();
    scan(
        path,
        &mut |el| {
            if let Element::Node { id, point, tags } = el {
                if let Some(slot) = parts.wants(id) {
                    parts.set_node(slot, point, stop_name(tag_fn(&tags)));
                }
            }
        },
        &mut |b| progress(seen + b, total),
    )?;
    Ok(parts)
}

/// 1-based line number of a byte offset (for error messages only).
fn line_of(path: &Path, offset: u64) -> Option<usize> {
    let bytes = std::fs::read(path).ok()?;
    let end = (offset as usize).min(bytes.len());
    Some(bytes[..end].iter().filter(|&&b| b == b'\n').count() + 1)
}

fn position(path: &Path, offset: u64) -> Option<String> {
    Some(match line_of(path, offset) {
        Some(l) => format!("line {l}, byte {offset}"),
        None => format!("byte {offset}"),
    })
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Streams the file, calling `on` for every complete node and way.
fn scan(
    path: &Path,
    on: &mut dyn FnMut(Element),
    progress: &mut dyn FnMut(u64),
) -> Result<(), ImportError> {
    let file = std::fs::File::open(path)
        .map_err(|e| ImportError::new(path, None, format!("cannot open: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(u64::MAX);
    let mut reader = Reader::from_reader(BufReader::with_capacity(1 << 16, file));
    reader.config_mut().check_end_names = true;
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut saw_osm = false;
    // The element being read: kind, byte where it opened, its parts.
    let mut current: Current = None;
    let mut count = 0u64;
    let bad = |at: u64, msg: String| ImportError::new(path, position(path, at), msg);
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            let what = if reader.buffer_position() >= size {
                "truncated OSM XML (the file ends inside a tag)"
            } else {
                "malformed OSM XML"
            };
            bad(reader.error_position(), format!("{what}: {e}"))
        })?;
        count += 1;
        if count % 65_536 == 0 {
            progress(reader.buffer_position());
        }
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            Event::End(_) => (None, false),
            Event::Eof => break,
            Event::Text(t) if !t.trim().is_empty() && depth == 0 => {
                return Err(bad(
                    at,
                    "not OSM XML: text outside the <osm> element".into(),
                ));
            }
            _ => continue,
        };
        if let Some(e) = start {
            if !empty {
                depth += 1;
            }
            match e.name().as_ref() {
                "osm" | "osmChange" => saw_osm = true,
                name @ ("node" | "way") => {
                    if !saw_osm {
                        return Err(bad(at, "not OSM XML: <node>/<way> outside <osm>".into()));
                    }
                    let id = attr(&e, "id")
                        .and_then(|v| v.parse::<i64>().ok())
                        .ok_or_else(|| bad(at, "element without a numeric id".into()))?;
                    let point = if name == "node" {
                        let lat = attr(&e, "lat").and_then(|v| v.parse::<f64>().ok());
                        let lon = attr(&e, "lon").and_then(|v| v.parse::<f64>().ok());
                        match (lat, lon) {
                            (Some(lat), Some(lon)) if LatLon::new(lat, lon).is_valid() => {
                                Some(LatLon::new(lat, lon))
                            }
                            _ => return Err(bad(at, format!("node {id} without valid lat/lon"))),
                        }
                    } else {
                        None
                    };
                    let kind = if name == "node" { "node" } else { "way" };
                    current = Some((kind, at, id, point, Vec::new(), Vec::new()));
                }
                "nd" => {
                    if let Some(c) = current.as_mut() {
                        let r = attr(&e, "ref")
                            .and_then(|v| v.parse::<i64>().ok())
                            .ok_or_else(|| bad(at, "<nd> without a numeric ref".into()))?;
                        c.4.push(r);
                    }
                }
                "tag" => {
                    if let Some(c) = current.as_mut() {
                        if let (Some(k), Some(v)) = (attr(&e, "k"), attr(&e, "v")) {
                            c.5.push((k, v));
                        }
                    }
                }
                _ => {}
            }
            let closes_now = empty && matches!(e.name().as_ref(), "node" | "way");
            if closes_now {
                emit(&mut current, on);
            }
        } else {
            depth = depth.saturating_sub(1);
            if let Event::End(e) = &event {
                if matches!(e.name().as_ref(), "node" | "way") {
                    emit(&mut current, on);
                }
            }
        }
    }
    if depth > 0 {
        let what = current
            .as_ref()
            .map(|c| format!(" inside the {} opened at byte {}", c.0, c.1))
            .unwrap_or_default();
        return Err(bad(
            reader.buffer_position(),
            format!("truncated OSM XML: the file ends{what} with {depth} element(s) still open"),
        ));
    }
    if !saw_osm {
        return Err(bad(0, "not OSM XML: no <osm> element".into()));
    }
    Ok(())
}

type Current = Option<(
    &'static str,
    u64,
    i64,
    Option<LatLon>,
    Vec<i64>,
    Vec<(String, String)>,
)>;

fn emit(current: &mut Current, on: &mut dyn FnMut(Element)) {
    if let Some((kind, _, id, point, refs, tags)) = current.take() {
        match (kind, point) {
            ("node", Some(point)) => on(Element::Node { id, point, tags }),
            ("way", _) => on(Element::Way { refs, tags }),
            _ => {}
        }
    }
}
