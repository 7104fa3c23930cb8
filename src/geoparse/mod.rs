//! Finding the places an article names and resolving each against the
//! gazetteer, with evidence.
//!
//! CONTRACT (consumed by itinerary, report, geojson): `Mention` is one
//! toponym occurrence in a document.

pub mod eval;
mod lists;
mod lookalikes;
mod persons;
mod recognise;
mod regions;
mod resolve;
mod tokens;

pub use recognise::{recognise, Found, What};

use crate::gazetteer::Gazetteer;
use crate::text::Document;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Finds and resolves the places named in each document, in document and
/// text order. Rejected look-alikes (person and organisation names) are
/// included with kind `Rejected` so a user can see why.
///
/// ```
/// use journeymap::geoparse::{geoparse, MentionKind};
/// use journeymap::text::Document;
/// let d = Document::from_text("a.txt", "Kim Jong Un left Pyongyang for Hanoi's summit with Vietnamese hosts.");
/// let m = geoparse(&[d]);
/// let places: Vec<(&str, &str)> = m
///     .iter()
///     .filter(|m| m.kind == MentionKind::Place)
///     .map(|m| (m.text.as_str(), m.place.as_ref().unwrap().id.as_str()))
///     .collect();
/// assert_eq!(places, [("Pyongyang", "geonames:1871859"), ("Hanoi", "geonames:1581130")]);
/// assert!(m.iter().any(|m| m.text == "Vietnamese" && m.kind == MentionKind::Adjectival));
/// ```
pub fn geoparse(docs: &[Document]) -> Vec<Mention> {
    let g = Gazetteer::bundled();
    docs.iter()
        .enumerate()
        .flat_map(|(i, d)| geoparse_text(g, i, &d.text))
        .collect()
}

/// Geoparses one text (document index `doc`).
pub fn geoparse_text(g: &Gazetteer, doc: usize, text: &str) -> Vec<Mention> {
    let found = recognise(g, text);
    resolve::resolve(g, doc, text, &found)
}

/// What a recognised name turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A place named as a place ("in Hanoi").
    Place,
    /// A demonym or adjective ("Vietnamese", "North Korean"): resolves to
    /// its country but is not a place visited.
    Adjectival,
    /// Looked like a place name but is part of a person's or
    /// organisation's name, or an ordinary word.
    Rejected,
}

/// Feature codes of the water bodies in the region table: ocean, sea,
/// gulf, bay, strait, channel. A journey crosses them and never stops in
/// them; a division named after one is not the water ("Red Sea State").
pub fn is_water_code(code: &str) -> bool {
    matches!(code, "OCN" | "SEA" | "GULF" | "BAY" | "STRT" | "CHN")
}

/// Feature codes of the region table's land areas: continent, region,
/// island, islands, peninsula. Like a country, such a place is an area,
/// not a point a journey passes.
pub fn is_land_region_code(code: &str) -> bool {
    matches!(code, "CONT" | "RGN" | "ISL" | "ISLS" | "PEN")
}

/// A gazetteer place as a mention resolves to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedPlace {
    /// Gazetteer source id: `geonames:1581130`, `iata:HAN`, `supp:nanning-station`.
    pub id: String,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// GeoNames feature code (`PPLC`, `PPLA`, `ADM1`, `PCLI`, `AIRP`, `RSTN`, ...).
    pub feature_code: String,
    pub population: u64,
    pub lat: f64,
    pub lon: f64,
}

impl ResolvedPlace {
    /// An ocean, sea, gulf, bay, strait or channel ([`is_water_code`]).
    pub fn is_water(&self) -> bool {
        is_water_code(&self.feature_code)
    }
}

/// A candidate that lost, kept so the user can see the alternatives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunnerUp {
    pub place: ResolvedPlace,
    pub score: f64,
}

/// One toponym occurrence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Index of the document in the corpus passed to the geoparser.
    pub doc: usize,
    /// Byte span into the document's normalised text.
    pub span: Range<usize>,
    /// The text as matched.
    pub text: String,
    pub kind: MentionKind,
    /// The resolved place (None only for `Rejected`).
    pub place: Option<ResolvedPlace>,
    /// 0..1.
    pub confidence: f64,
    pub runners_up: Vec<RunnerUp>,
    /// A short human-readable reason for the decision.
    pub reason: String,
}

/// Helpers for the geoparser's unit tests: geoparse a short invented text
/// whole, with the bundled gazetteer.
#[cfg(test)]
mod test_support {
    use super::{geoparse_text, Mention, MentionKind};
    use crate::gazetteer::Gazetteer;

    /// The place mentions of `t`.
    pub fn places(t: &str) -> Vec<Mention> {
        geoparse_text(Gazetteer::bundled(), 0, t)
            .into_iter()
            .filter(|m| m.kind == MentionKind::Place)
            .collect()
    }

    /// (text, place id) of every place mention of `t`.
    pub fn resolved(t: &str) -> Vec<(String, String)> {
        places(t)
            .into_iter()
            .map(|m| (m.text, m.place.map_or(String::new(), |p| p.id)))
            .collect()
    }

    /// The text of every place mention of `t`, in order.
    pub fn texts(t: &str) -> Vec<String> {
        resolved(t).into_iter().map(|(text, _)| text).collect()
    }

    /// The place id of every place mention of `t`, in order.
    pub fn ids(t: &str) -> Vec<String> {
        resolved(t).into_iter().map(|(_, id)| id).collect()
    }

    /// Owned (text, id) pairs, to compare with [`resolved`].
    pub fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }
}
