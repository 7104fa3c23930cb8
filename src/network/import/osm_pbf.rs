//! OpenStreetMap PBF (`.osm.pbf`) with the osmpbf crate, blob by blob in two
//! passes: ways first, then the positions of the nodes they use.

use super::{stop_name, way_kind, way_line_name, ImportError, Parts, Progress};
use crate::measure::LatLon;
use crate::mode::Mode;
use osmpbf::{BlobDecode, BlobReader, Element};
use std::path::Path;

pub(super) fn read(path: &Path, mode: Mode, progress: Progress) -> Result<Parts, ImportError> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let total = size * 2;
    let mut parts = Parts::default();
    scan(
        path,
        &mut |el| {
            if let Element::Way(w) = el {
                let tag = |k: &str| {
                    w.tags()
                        .find(|(key, _)| *key == k)
                        .map(|(_, v)| v.to_string())
                };
                if let Some(kind) = way_kind(mode, tag) {
                    let refs: Vec<i64> = w.refs().collect();
                    if refs.len() >= 2 {
                        parts.add_way(way_line_name(mode, tag), kind, refs);
                    }
                }
            }
        },
        &mut |b| progress(b, total),
    )?;
    parts.index_nodes();
    scan(
        path,
        &mut |el| {
            // Tags are looked at only for the nodes the ways use.
            match el {
                Element::Node(n) => {
                    if let Some(slot) = parts.wants(n.id()) {
                        let tag = |k: &str| {
                            n.tags()
                                .find(|(key, _)| *key == k)
                                .map(|(_, v)| v.to_string())
                        };
                        set(&mut parts, slot, n.lat(), n.lon(), stop_name(tag));
                    }
                }
                Element::DenseNode(n) => {
                    if let Some(slot) = parts.wants(n.id()) {
                        let tag = |k: &str| {
                            n.tags()
                                .find(|(key, _)| *key == k)
                                .map(|(_, v)| v.to_string())
                        };
                        set(&mut parts, slot, n.lat(), n.lon(), stop_name(tag));
                    }
                }
                _ => {}
            }
        },
        &mut |b| progress(size + b, total),
    )?;
    Ok(parts)
}

fn set(parts: &mut Parts, slot: usize, lat: f64, lon: f64, name: Option<String>) {
    let p = LatLon::new(lat, lon);
    if p.is_valid() {
        parts.set_node(slot, p, name);
    }
}

/// Calls `on` for every element, blob by blob; errors name the byte offset
/// of the blob that could not be read.
fn scan(
    path: &Path,
    on: &mut dyn FnMut(Element),
    progress: &mut dyn FnMut(u64),
) -> Result<(), ImportError> {
    let reader = BlobReader::from_path(path)
        .map_err(|e| ImportError::new(path, None, format!("cannot open: {e}")))?;
    let mut next_offset = 0u64;
    let mut blobs = 0usize;
    for blob in reader {
        let at = format!("blob {}, after byte {next_offset}", blobs + 1);
        let blob = blob.map_err(|e| ImportError::new(path, Some(at.clone()), describe(&e)))?;
        let decoded = blob
            .decode()
            .map_err(|e| ImportError::new(path, Some(at.clone()), describe(&e)))?;
        if blobs == 0 && !matches!(decoded, BlobDecode::OsmHeader(_)) {
            return Err(ImportError::new(
                path,
                Some(at),
                "not an OSM PBF file: the first blob is not an OSMHeader",
            ));
        }
        if let BlobDecode::OsmData(block) = decoded {
            block.for_each_element(&mut *on);
        }
        blobs += 1;
        if let Some(o) = blob.offset() {
            next_offset = o.0;
        }
        progress(next_offset);
    }
    if blobs == 0 {
        return Err(ImportError::new(
            path,
            Some("byte 0".into()),
            "not an OSM PBF file: no blobs",
        ));
    }
    Ok(())
}

fn describe(e: &osmpbf::Error) -> String {
    use osmpbf::ErrorKind;
    match e.kind() {
        ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            "truncated OSM PBF: the file ends inside a blob".into()
        }
        _ if e.to_string().contains("nexpected end of file") => {
            format!("truncated OSM PBF: the file ends inside a blob ({e})")
        }
        _ => format!("malformed OSM PBF: {e}"),
    }
}
