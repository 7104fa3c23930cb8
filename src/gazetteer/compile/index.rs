//! Writing the index: postings lists, the four `fst` maps, place records
//! and the string pool, plus the derived names (administrative prefixes and
//! suffixes dropped) that the name index also carries.

use super::{bad, Builder, OUTPUTS};
use crate::fold::fold;
use crate::format::{encode_posting, MatchKind, PlaceKind, RECORD_LEN};
use std::collections::BTreeMap;
use std::io;
use std::path::Path;

/// Vietnamese administrative prefixes and Chinese/other suffixes that
/// GeoNames keeps in names but articles drop (folded forms).
const PREFIXES: [&str; 8] = [
    "thi tran ",
    "thanh pho ",
    "thi xa ",
    "xa ",
    "phuong ",
    "huyen ",
    "tinh ",
    "quan ",
];
const SUFFIXES: [&str; 12] = [
    " zhuang autonomous region",
    " autonomous region",
    " province",
    " municipality",
    " prefecture",
    " sheng",
    " shi",
    " city",
    " region",
    " oblast",
    " district",
    " county",
];

/// English prefixes of region names ("Province of Pangasinan") that
/// articles drop; only for regions, since towns' nicknames start so too
/// ("City of Flowers"). Likewise a region's " State" suffix.
const REGION_PREFIXES: [&str; 3] = ["province of ", "city of ", "municipality of "];

/// Compass adjectives that start GeoNames region names and their short
/// forms in news ("Southern Darfur" is written "South Darfur", "Northern
/// Kordofan" "North Kordofan").
const COMPASS: [(&str, &str); 4] = [
    ("northern ", "north "),
    ("southern ", "south "),
    ("eastern ", "east "),
    ("western ", "west "),
];

/// The folded name without an administrative prefix/suffix, if it has one,
/// and a region's name with its compass adjective shortened.
fn derived_names(folded: &str, region: bool) -> Vec<String> {
    let mut out = Vec::new();
    if region {
        for p in REGION_PREFIXES {
            if let Some(rest) = folded.strip_prefix(p) {
                out.push(rest.to_string());
            }
        }
        // "Zamfara State" is written "Zamfara". A common word left over
        // ("Free" of "Free State") is rejected by the recogniser's
        // common-word rule, as any one-word common name is.
        if let Some(rest) = folded.strip_suffix(" state") {
            if rest.len() >= 3 {
                out.push(rest.to_string());
            }
        }
        for (long, short) in COMPASS {
            if let Some(rest) = folded.strip_prefix(long) {
                out.push(format!("{short}{rest}"));
            }
        }
    }
    for p in PREFIXES {
        if let Some(rest) = folded.strip_prefix(p) {
            if rest.len() >= 3 {
                out.push(rest.to_string());
            }
        }
    }
    // "Noi Bai International Airport" is often just "Noi Bai Airport".
    if folded.contains(" international airport") {
        out.push(folded.replace(" international airport", " airport"));
    }
    for s in SUFFIXES {
        if let Some(rest) = folded.strip_suffix(s) {
            if rest.len() >= 3 {
                out.push(rest.to_string());
            }
        }
    }
    out
}

/// Sorted (key, postings) groups: one postings list per distinct key, each
/// place once with its best match kind.
fn group(mut entries: Vec<(String, u32, MatchKind)>) -> Vec<(String, Vec<u32>)> {
    entries.sort_unstable_by(|a, b| (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2)));
    entries.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let mut out: Vec<(String, Vec<u32>)> = Vec::new();
    for (key, place, kind) in entries {
        let p = encode_posting(place, kind);
        match out.last_mut() {
            Some((k, v)) if *k == key => v.push(p),
            _ => out.push((key, vec![p])),
        }
    }
    out
}

fn write_fst(path: &Path, groups: &[(String, u64)]) -> io::Result<()> {
    let mut builder = fst::MapBuilder::memory();
    for (k, v) in groups {
        builder
            .insert(k, *v)
            .map_err(|e| bad(format!("fst insert {k:?}: {e}")))?;
    }
    let bytes = builder
        .into_inner()
        .map_err(|e| bad(format!("fst finish: {e}")))?;
    std::fs::write(path, bytes)
}

fn write_postings_fst(
    path: &Path,
    groups: Vec<(String, Vec<u32>)>,
    postings: &mut Vec<u8>,
) -> io::Result<()> {
    let mut index = Vec::with_capacity(groups.len());
    for (key, list) in groups {
        let start = postings.len() / 4;
        postings.extend_from_slice(&(list.len() as u32).to_le_bytes());
        for p in list {
            postings.extend_from_slice(&p.to_le_bytes());
        }
        index.push((key, start as u64));
    }
    write_fst(path, &index)
}

pub(super) fn write_outputs(b: Builder, _data_dir: &Path, out_dir: &Path) -> io::Result<()> {
    let mut places = Vec::with_capacity(b.drafts.len() * RECORD_LEN);
    let mut names = Vec::new();
    let mut codes = Vec::new();
    let mut ids: BTreeMap<String, u64> = BTreeMap::new();
    let mut demonyms: BTreeMap<String, (u64, u32)> = BTreeMap::new();
    for (i, d) in b.drafts.iter().enumerate() {
        let id = i as u32;
        d.rec.encode(&mut places);
        for sid in &d.ids {
            ids.entry(sid.clone()).or_insert(u64::from(id));
        }
        let region = matches!(d.rec.kind, PlaceKind::Admin1 | PlaceKind::Admin2);
        for (name, kind) in &d.names {
            let f = fold(name);
            if f.is_empty() {
                continue;
            }
            for derived in derived_names(&f, region) {
                names.push((derived, id, MatchKind::Derived));
            }
            names.push((f, id, *kind));
        }
        for (c, how) in &d.codes {
            if let Some(dem) = c.strip_prefix("demonym:") {
                // An adjective shared by several countries goes to the most
                // populous. "-an"/"-i" demonyms also name the people in the
                // plural ("Americans", "Qataris").
                let folded = fold(dem);
                let mut forms = vec![folded.clone()];
                if folded.ends_with('n') || folded.ends_with('i') {
                    forms.push(format!("{folded}s"));
                }
                for form in forms {
                    let e = demonyms
                        .entry(form)
                        .or_insert((u64::from(id), d.rec.population));
                    if d.rec.population > e.1 {
                        *e = (u64::from(id), d.rec.population);
                    }
                }
            } else if !c.is_empty() {
                codes.push((c.clone(), id, *how));
            }
        }
    }
    let mut postings = Vec::new();
    write_postings_fst(&out_dir.join(OUTPUTS[3]), group(names), &mut postings)?;
    write_postings_fst(&out_dir.join(OUTPUTS[4]), group(codes), &mut postings)?;
    let ids: Vec<(String, u64)> = ids.into_iter().collect();
    write_fst(&out_dir.join(OUTPUTS[5]), &ids)?;
    let dem: Vec<(String, u64)> = demonyms.into_iter().map(|(k, v)| (k, v.0)).collect();
    write_fst(&out_dir.join(OUTPUTS[6]), &dem)?;
    std::fs::write(out_dir.join(OUTPUTS[0]), places)?;
    std::fs::write(out_dir.join(OUTPUTS[1]), &b.pool.bytes)?;
    std::fs::write(out_dir.join(OUTPUTS[2]), postings)?;
    Ok(())
}
