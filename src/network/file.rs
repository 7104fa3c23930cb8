//! The compact binary graph file that `import-network` writes and
//! `--network` loads: arrays copied in and out with no parsing, so a graph of
//! millions of nodes loads in milliseconds.
//!
//! Format, version 2, all integers and floats little-endian:
//!
//! | offset | type | field |
//! |---|---|---|
//! | 0 | `[u8; 8]` | magic `JMNETGRF` |
//! | 8 | u32 | version (2; version 1 files, the same without landmarks, load too) |
//! | 12 | u8, u8, `[u8; 2]` | mode (0 rail, 1 road), landmark count K (≤ 32), reserved zeros |
//! | 16 | u32 × 6 | counts: nodes N, edges E, shape points S, lines L, names M, string bytes B |
//! | 40 | u64 | checksum of everything after the header (see [`checksum`]) |
//! | 48 | | arrays, in order: |
//! | | N × (i32, i32) | node lat, lon in 1e-7 degrees |
//! | | N × u32 | node name: index into names, or `u32::MAX` |
//! | | E × (u32 a, u32 b, u32 line, u32 shape start, u32 shape count, f64 km) | edges with their geodesic length |
//! | | S × (i32, i32) | shape points, lat, lon in 1e-7 degrees |
//! | | L × (u32 name, u8 kind, `[u8; 3]`, f64 official km or NaN) | lines; kind 0 conventional, 1 high-speed, 2 expressway, 3 highway |
//! | | M × (u32 offset, u32 length) | names: byte ranges of the string blob |
//! | | B bytes | UTF-8 string blob |
//! | | K × (u32, f64) | landmark node, km per distance unit ([`crate::network::landmarks`]) |
//! | | N × K × u16 | each node's distance from each landmark in units, rounded down, node-major; 65 535 unreachable |
//!
//! Loading checks the magic, version, that the file size is exactly what the
//! counts say (a truncated file is named as such), the checksum, and every
//! index and coordinate.

use crate::measure::{Km, LatLon};
use crate::mode::Mode;
use crate::network::graph::{Edge, Graph, GraphBuilder, LineInfo, NO_NAME};
use crate::network::landmarks::{Landmarks, MAX_LANDMARKS};
use crate::network::lines::LineKind;
use std::path::Path;

pub const MAGIC: &[u8; 8] = b"JMNETGRF";
pub const VERSION: u32 = 2;
/// Version 1 files (no landmarks) still load.
const OLDEST_VERSION: u32 = 1;
const HEADER: usize = 48;
const NODE: usize = 8;
const NAME_REF: usize = 4;
const EDGE: usize = 28;
const SHAPE: usize = 8;
const LINE: usize = 16;
const NAME: usize = 8;

/// Why a graph file cannot be loaded.
#[derive(Debug, thiserror::Error)]
pub enum GraphFileError {
    #[error("{path}: cannot read: {err}")]
    Io { path: String, err: std::io::Error },
    #[error("{path}: {what}")]
    Corrupt { path: String, what: String },
}

/// Checksum of a byte slice: FNV-1a over 8-byte little-endian words (the
/// tail zero-padded), fast enough to run on every load.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    (h ^ u64::from_le_bytes(tail) ^ bytes.len() as u64).wrapping_mul(0x0000_0100_0000_01b3)
}

fn e7(x: f64) -> i32 {
    (x * 1e7).round() as i32
}

fn kind_code(k: LineKind) -> u8 {
    match k {
        LineKind::Conventional => 0,
        LineKind::HighSpeed => 1,
        LineKind::Expressway => 2,
        LineKind::Highway => 3,
    }
}

fn mode_code(m: Mode) -> u8 {
    match m {
        Mode::Road => 1,
        _ => 0,
    }
}

/// Serialises a graph in the format above.
pub fn to_bytes(g: &Graph) -> Vec<u8> {
    // Line names go after the node names in the one names table.
    let mut names: Vec<&str> = g.names.iter().map(String::as_str).collect();
    let line_name0 = names.len() as u32;
    names.extend(g.lines.iter().map(|l| l.name.as_str()));
    let mut body = Vec::new();
    for p in &g.nodes {
        body.extend_from_slice(&e7(p.lat).to_le_bytes());
        body.extend_from_slice(&e7(p.lon).to_le_bytes());
    }
    for n in &g.node_names {
        body.extend_from_slice(&n.to_le_bytes());
    }
    for e in &g.edges {
        for x in [e.a, e.b, e.line, e.shape_start, e.shape_len] {
            body.extend_from_slice(&x.to_le_bytes());
        }
        body.extend_from_slice(&e.length.0.to_le_bytes());
    }
    for p in &g.shapes {
        body.extend_from_slice(&e7(p.lat).to_le_bytes());
        body.extend_from_slice(&e7(p.lon).to_le_bytes());
    }
    for (i, l) in g.lines.iter().enumerate() {
        body.extend_from_slice(&(line_name0 + i as u32).to_le_bytes());
        body.extend_from_slice(&[kind_code(l.kind), 0, 0, 0]);
        body.extend_from_slice(&l.official.map_or(f64::NAN, |k| k.0).to_le_bytes());
    }
    let mut blob = Vec::new();
    for n in &names {
        body.extend_from_slice(&(blob.len() as u32).to_le_bytes());
        body.extend_from_slice(&(n.len() as u32).to_le_bytes());
        blob.extend_from_slice(n.as_bytes());
    }
    body.extend_from_slice(&blob);
    let landmark_count = match g.landmarks() {
        Some(lm) => {
            for (v, s) in lm.nodes().iter().zip(lm.scales()) {
                body.extend_from_slice(&v.to_le_bytes());
                body.extend_from_slice(&s.to_le_bytes());
            }
            for d in lm.distances() {
                body.extend_from_slice(&d.to_le_bytes());
            }
            lm.nodes().len() as u8
        }
        None => 0,
    };
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&[mode_code(g.mode), landmark_count, 0, 0]);
    for c in [
        g.nodes.len(),
        g.edges.len(),
        g.shapes.len(),
        g.lines.len(),
        names.len(),
        blob.len(),
    ] {
        out.extend_from_slice(&(c as u32).to_le_bytes());
    }
    out.extend_from_slice(&checksum(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// Reads and checks a graph file.
pub fn load(path: &Path) -> Result<Graph, GraphFileError> {
    let bytes = std::fs::read(path).map_err(|err| GraphFileError::Io {
        path: path.display().to_string(),
        err,
    })?;
    from_bytes(&bytes).map_err(|what| GraphFileError::Corrupt {
        path: path.display().to_string(),
        what,
    })
}

/// A little-endian reader over a checked slice.
struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn u32(&mut self) -> u32 {
        let v = u32::from_le_bytes([
            self.b[self.at],
            self.b[self.at + 1],
            self.b[self.at + 2],
            self.b[self.at + 3],
        ]);
        self.at += 4;
        v
    }
    fn i32(&mut self) -> i32 {
        self.u32() as i32
    }
    fn f64(&mut self) -> f64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&self.b[self.at..self.at + 8]);
        self.at += 8;
        f64::from_le_bytes(w)
    }
    fn point(&mut self, what: &str) -> Result<LatLon, String> {
        let at = self.at;
        let p = LatLon::new(self.i32() as f64 / 1e7, self.i32() as f64 / 1e7);
        if p.is_valid() {
            Ok(p)
        } else {
            Err(format!(
                "corrupt graph file: {what} at byte {at} has coordinates {p:?}"
            ))
        }
    }
}

/// Parses the format above; Err says what is wrong and at which byte.
pub fn from_bytes(b: &[u8]) -> Result<Graph, String> {
    if b.len() < HEADER {
        if b.len() >= 8 && &b[..8] != MAGIC || b.len() < 8 && !MAGIC.starts_with(b) {
            return Err("not a journeymap network file (bad magic); make one with `journeymap import-network`".into());
        }
        return Err(format!(
            "truncated: {} bytes, shorter than the {HEADER}-byte header",
            b.len()
        ));
    }
    if &b[..8] != MAGIC {
        return Err(
            "not a journeymap network file (bad magic); make one with `journeymap import-network`"
                .into(),
        );
    }
    let mut c = Cursor { b, at: 8 };
    let version = c.u32();
    if !(OLDEST_VERSION..=VERSION).contains(&version) {
        return Err(format!("graph file version {version}, this journeymap reads version {VERSION}; re-import the network"));
    }
    let mode = match b[12] {
        0 => Mode::Rail,
        1 => Mode::Road,
        m => {
            return Err(format!(
                "corrupt graph file: unknown mode code {m} at byte 12"
            ))
        }
    };
    let k = b[13] as u64;
    if k as usize > MAX_LANDMARKS {
        return Err(format!(
            "corrupt graph file: {k} landmarks at byte 13, at most {MAX_LANDMARKS}"
        ));
    }
    c.at = 16;
    let [n, e, s, l, m, blob] =
        [c.u32(), c.u32(), c.u32(), c.u32(), c.u32(), c.u32()].map(|x| x as u64);
    let sum = c.f64().to_bits();
    let want = HEADER as u64
        + n * (NODE + NAME_REF) as u64
        + e * EDGE as u64
        + s * SHAPE as u64
        + l * LINE as u64
        + m * NAME as u64
        + blob
        + k * 12
        + n * k * 2;
    if (b.len() as u64) < want {
        return Err(format!(
            "truncated: {} bytes, the header's counts need {want}",
            b.len()
        ));
    }
    if b.len() as u64 > want {
        return Err(format!(
            "corrupt graph file: {} bytes of trailing data after byte {want}",
            b.len() as u64 - want
        ));
    }
    if checksum(&b[HEADER..]) != sum {
        return Err(
            "corrupt graph file: checksum mismatch (the file was changed or damaged after import)"
                .into(),
        );
    }
    let (n, e, s, l, m) = (n as usize, e as usize, s as usize, l as usize, m as usize);
    let nodes = (0..n)
        .map(|_| c.point("node"))
        .collect::<Result<Vec<_>, _>>()?;
    let node_names: Vec<u32> = (0..n).map(|_| c.u32()).collect();
    let edges: Vec<Edge> = (0..e)
        .map(|_| Edge {
            a: c.u32(),
            b: c.u32(),
            line: c.u32(),
            shape_start: c.u32(),
            shape_len: c.u32(),
            length: Km(c.f64()),
        })
        .collect();
    let shapes = (0..s)
        .map(|_| c.point("shape point"))
        .collect::<Result<Vec<_>, _>>()?;
    let raw_lines: Vec<(u32, u8, f64)> = (0..l)
        .map(|_| {
            let name = c.u32();
            let kind = b[c.at];
            c.at += 4;
            (name, kind, c.f64())
        })
        .collect();
    let ranges: Vec<(usize, usize)> = (0..m)
        .map(|_| (c.u32() as usize, c.u32() as usize))
        .collect();
    let blob_at = c.at;
    let blob_end = blob_at + blob as usize;
    let text = std::str::from_utf8(&b[blob_at..blob_end]).map_err(|err| {
        format!(
            "corrupt graph file: names are not UTF-8 at byte {}",
            blob_at + err.valid_up_to()
        )
    })?;
    let names = ranges
        .iter()
        .map(|&(o, len)| {
            text.get(o..o.saturating_add(len))
                .map(str::to_string)
                .ok_or_else(|| {
                    format!("corrupt graph file: name range {o}+{len} outside the string blob")
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let lines = raw_lines
        .into_iter()
        .map(|(name, kind, official)| {
            let kind = match kind {
                0 => LineKind::Conventional,
                1 => LineKind::HighSpeed,
                2 => LineKind::Expressway,
                3 => LineKind::Highway,
                k => return Err(format!("corrupt graph file: unknown line kind {k}")),
            };
            let name = names
                .get(name as usize)
                .ok_or("corrupt graph file: line name index out of range")?;
            let official = (official.is_finite() && official > 0.0).then_some(Km(official));
            Ok(LineInfo::new(name.clone(), kind, official))
        })
        .collect::<Result<Vec<_>, String>>()?;
    if node_names
        .iter()
        .any(|&k| k != NO_NAME && k as usize >= names.len())
    {
        return Err("corrupt graph file: node name index out of range".into());
    }
    let mut g = GraphBuilder::from_parts(mode, nodes, node_names, names, edges, shapes, lines)
        .finish()
        .map_err(|err| format!("corrupt graph file: {err}"))?;
    if k > 0 {
        c.at = blob_end;
        let k = k as usize;
        let (marks, scales): (Vec<u32>, Vec<f64>) = (0..k).map(|_| (c.u32(), c.f64())).unzip();
        let dist: Vec<u16> = b[c.at..c.at + n * k * 2]
            .chunks_exact(2)
            .map(|w| u16::from_le_bytes([w[0], w[1]]))
            .collect();
        let lm = Landmarks::from_parts(&g, marks, scales, dist)
            .map_err(|err| format!("corrupt graph file: {err}"))?;
        g.set_landmarks(Some(lm))
            .map_err(|err| format!("corrupt graph file: {err}"))?;
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::graph::GraphBuilder;

    fn sample() -> Graph {
        let mut b = GraphBuilder::new(Mode::Road);
        let a = b.add_node(LatLon::new(21.0, 105.8), Some("Hà Nội"));
        let c = b.add_node(LatLon::new(21.85, 106.76), None);
        let l = b.add_line(LineInfo::new("QL1A", LineKind::Highway, Some(Km(160.0))));
        b.add_edge(a, c, l, &[LatLon::new(21.4, 106.2)]);
        b.finish().unwrap()
    }

    #[test]
    fn round_trips() {
        let g = sample();
        let bytes = to_bytes(&g);
        let h = from_bytes(&bytes).unwrap();
        assert_eq!(h.mode(), Mode::Road);
        assert_eq!(h.node_name(0), Some("Hà Nội"));
        assert_eq!(h.node_name(1), None);
        assert_eq!(h.edge(0), g.edge(0));
        assert_eq!(h.lines()[0], g.lines()[0]);
        assert_eq!(h.shape(0), &[LatLon::new(21.4, 106.2)]);
    }

    #[test]
    fn landmarks_round_trip_and_version_1_files_load() {
        let mut g = sample();
        g.build_landmarks(2);
        let bytes = to_bytes(&g);
        let k = g.landmarks().map_or(0, |l| l.nodes().len());
        assert!(k > 0);
        assert_eq!(bytes[13] as usize, k, "landmark count in the header");
        let h = from_bytes(&bytes).unwrap();
        assert_eq!(h.landmarks(), g.landmarks());
        let err = from_bytes(&bytes[..bytes.len() - 4]).unwrap_err();
        assert!(err.contains("truncated"), "{err}");
        let mut too_many = bytes.clone();
        too_many[13] = 33;
        let err = from_bytes(&too_many).unwrap_err();
        assert!(err.contains("33 landmarks at byte 13"), "{err}");
        let mut v1 = to_bytes(&sample());
        v1[8..12].copy_from_slice(&1u32.to_le_bytes());
        assert!(from_bytes(&v1).unwrap().landmarks().is_none());
        v1[8..12].copy_from_slice(&3u32.to_le_bytes());
        assert!(from_bytes(&v1).unwrap_err().contains("version 3"));
    }

    #[test]
    fn rejects_truncated_corrupt_and_foreign_files() {
        let bytes = to_bytes(&sample());
        for cut in [0, 5, 20, HEADER, bytes.len() - 1] {
            let err = from_bytes(&bytes[..cut]).unwrap_err();
            assert!(
                err.contains("truncated") || err.contains("magic"),
                "{cut}: {err}"
            );
        }
        let mut bad = bytes.clone();
        bad[HEADER + 3] ^= 0x40;
        assert!(from_bytes(&bad).unwrap_err().contains("checksum"));
        assert!(
            from_bytes(b"<?xml version='1.0'?><osm></osm>......................")
                .unwrap_err()
                .contains("magic")
        );
    }
}
