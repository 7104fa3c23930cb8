//! Reported figures: every distance, duration and speed an article states
//! about the journey, with what it says it measures and where it says so.
//!
//! ```
//! use journeymap::claims::{extract, Measured, Quantity, Qualifier};
//! use journeymap::text::Document;
//! let doc = Document::from_text(
//!     "a.txt",
//!     "Kim stood 1.7m tall in 2019. The start and finish are only about 2900 kilometers apart.",
//! );
//! let claims = extract(&doc);
//! assert_eq!(claims.len(), 1);
//! let c = &claims[0];
//! assert_eq!(c.measured, Measured::StraightLine);
//! assert_eq!(c.qualifier, Qualifier::About);
//! assert!(matches!(c.quantity, Quantity::Distance(km) if km.0 == 2900.0));
//! assert_eq!(c.sources[0].figure.quote, "about 2900 kilometers");
//! ```
//!
//! # How figures are read
//!
//! - **Numbers**: digits with thousands separators and decimals ("1,850",
//!   "3.5"); words ("three", "twenty-five", "two hundred", "a dozen",
//!   "half an hour", "one and a half", "an hour's drive"); vague words ("several", "a few",
//!   "many", "dozens of") give a [`Quantity::Vague`] claim with no number.
//! - **Units**: km, kilometres/kilometers, metres/meters, miles, nautical
//!   miles, km/h (kph, "kilometres per hour"), mph ("miles an hour"),
//!   minutes, hours, days; spaced ("70 hours"), compact ("3220km") or
//!   hyphenated ("1,850-mile", "65-hour", "three-day"). A bare "m" is never
//!   read as metres (it is a height or "million" far more often). A
//!   conversion in brackets right after a figure ("500 km (310 miles)") is
//!   the same claim, not another.
//! - **Qualifiers** right before the number: about, around, roughly,
//!   approximately, some, close to → [`Qualifier::About`]; nearly, almost →
//!   `Nearly`; more than, over → `MoreThan`; at least → `AtLeast`; up to →
//!   `UpTo`; less than, under → `LessThan`.
//! - **Not claims**: a number without one of the units above (years, clock
//!   times "9pm", ages "35-year-old", counts "421 officials", money, dates,
//!   weights "300 grams"); metres next to a height word (stood, tall,
//!   height, heels); durations that are points in time ("two days ago",
//!   "the past few days"); figures whose noun is not the journey ("a
//!   half-hour stop", "a three-day visit", "spent three days in Paris");
//!   sizes of things ("the bridge is 1.2 km long", unless the clause names
//!   a line, road, route or journey); vague words with no journey noun near
//!   them.
//! - **What it measures** ([`Measured`]): a straight-line cue in the clause
//!   ("as the crow flies", "apart", "direct", "straight line", "300 km
//!   north of") →
//!   `StraightLine`; a mode word that qualifies the figure's noun ("train
//!   journey", "rail track", "drive", "flight", "by air") → `RailTrack`,
//!   `Road`, `Flight` or `Sea`; "leg", "stretch", "section", "segment" in
//!   the clause → `Leg`; a journey noun (journey, trip, ride, way) → `Journey`;
//!   no noun but a mode word in the clause ("the rail track amounts to
//!   4500 km", "the flight would take five hours") → that mode; else
//!   `Journey`. `mode_hint` keeps the nearest mode word of the clause, or
//!   else of the sentence ("arrived by train after a 1,850-mile journey").
//! - **From/to**: capitalised place words after "from", "leaving", "to",
//!   "into", "reach", "between … and …" in the clause, else the sentence.
//!   They stay text; [`crate::report`] matches them to waypoints.
//! - **Traveller**: the nearest person named before the figure in the
//!   sentence, or a pronoun (he, his, she, they…) standing for the last
//!   person named in the document; else the first person named after it.
//!   A *person* is a capitalised run of words followed by a verb (short list,
//!   or a word ending in -ed/-ing), written possessive before a travel
//!   noun ("Kim's train"), or after a title ("President Donald Trump"). It is
//!   a heuristic: it can miss, and it never looks at the gazetteer.
//! - **Duplicates**: the same sentence repeated (photo captions) gives one
//!   claim with a source per occurrence; sentences are compared after
//!   folding curly quotes, case and spacing and dropping final punctuation.

mod context;
mod figure;
mod tokens;
mod traveller;

use crate::measure::{Hours, Km, KmPerHour};
use crate::mode::Mode;
use crate::text::{Document, SourceRef};
use figure::Unit;
use serde::{Deserialize, Serialize};

/// A figure an article reports about a journey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The figure in km, hours or km/h, or vague.
    pub quantity: Quantity,
    /// The number as written ("1,850", "three", "several").
    pub value_as_written: String,
    /// The number as a number, in the written unit (1850, 3); `None` when
    /// vague.
    pub value: Option<f64>,
    /// The unit as written ("mile", "km", "hours").
    pub unit_as_written: String,
    /// The rounding unit of the figure, in the written unit: "2900" → 100,
    /// "3220" → 10, "three" → 1, "3.5" → 0.1. Used for the tolerance.
    pub rounding: f64,
    pub qualifier: Qualifier,
    /// What the figure says it measures.
    pub measured: Measured,
    /// The nearest mode word in the clause or sentence, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode_hint: Option<Mode>,
    /// Who travels, when the sentence says (see module docs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traveller: Option<String>,
    /// Place words after "from" (text, not resolved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Place words after "to" (text, not resolved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The figure is about one flight, drive, ride or voyage ("the flight
    /// across the Atlantic took 10 hours"), not all of them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub one_leg: bool,
    /// Every place the figure is stated, in document order.
    pub sources: Vec<ClaimSource>,
}

/// One occurrence of a claim: the figure and its sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimSource {
    /// The figure with its qualifier ("about 2900 kilometers").
    pub figure: SourceRef,
    /// The whole sentence.
    pub sentence: SourceRef,
}

/// The figure, in journeymap's units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Quantity {
    Distance(Km),
    Duration(Hours),
    Speed(KmPerHour),
    /// "several hours": a dimension without a number.
    Vague(Dimension),
}

/// What a vague figure is a quantity of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Distance,
    Duration,
    Speed,
}

/// The word before the number that widens or bounds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No qualifier: the figure as written.
    Exact,
    /// about, around, roughly, approximately, some, close to.
    About,
    /// nearly, almost: a little below the true value.
    Nearly,
    /// more than, over.
    MoreThan,
    /// at least.
    AtLeast,
    /// up to.
    UpTo,
    /// less than, under.
    LessThan,
}

/// What a figure says it measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measured {
    /// The straight line ("as the crow flies", "apart", "direct").
    StraightLine,
    /// Along the railway ("rail track", "train journey", "by train").
    RailTrack,
    /// Along the road ("drive", "by car", "road").
    Road,
    /// By air ("flight", "by air", "by plane").
    Flight,
    /// By sea ("by sea", "ferry").
    Sea,
    /// The journey as a whole (or as far as `from`/`to` say).
    Journey,
    /// One leg or stretch of the journey.
    Leg,
}

impl Measured {
    pub fn as_str(self) -> &'static str {
        match self {
            Measured::StraightLine => "straight line",
            Measured::RailTrack => "rail track",
            Measured::Road => "road",
            Measured::Flight => "flight",
            Measured::Sea => "sea",
            Measured::Journey => "journey",
            Measured::Leg => "leg",
        }
    }

    /// The mode the measure names, if it names one.
    pub fn mode(self) -> Option<Mode> {
        match self {
            Measured::RailTrack => Some(Mode::Rail),
            Measured::Road => Some(Mode::Road),
            Measured::Flight => Some(Mode::Air),
            Measured::Sea => Some(Mode::Sea),
            _ => None,
        }
    }
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::MoreThan => "more than",
            Qualifier::AtLeast => "at least",
            Qualifier::UpTo => "up to",
            Qualifier::LessThan => "less than",
        }
    }
}

fn quantity(unit: Unit, value: Option<f64>) -> Quantity {
    let dim = match unit {
        Unit::Km | Unit::Metre | Unit::Mile | Unit::NauticalMile => Dimension::Distance,
        Unit::KmPerHour | Unit::MilePerHour => Dimension::Speed,
        Unit::Minute | Unit::Hour | Unit::Day => Dimension::Duration,
    };
    let Some(v) = value else {
        return Quantity::Vague(dim);
    };
    // Conversions rounded to a millionth so JSON shows 2977.2864, not
    // 2977.2864000000004.
    let r6 = |x: f64| (x * 1e6).round() / 1e6;
    let q = match unit {
        Unit::Km => Quantity::Distance(Km(v)),
        Unit::Metre => Quantity::Distance(Km::from_metres(v)),
        Unit::Mile => Quantity::Distance(Km::from_miles(v)),
        Unit::NauticalMile => Quantity::Distance(Km::from_nautical_miles(v)),
        Unit::KmPerHour => Quantity::Speed(KmPerHour(v)),
        Unit::MilePerHour => Quantity::Speed(KmPerHour(Km::from_miles(v).0)),
        Unit::Minute => Quantity::Duration(Hours(v / 60.0)),
        Unit::Hour => Quantity::Duration(Hours(v)),
        Unit::Day => Quantity::Duration(Hours(v * 24.0)),
    };
    match q {
        Quantity::Distance(k) => Quantity::Distance(Km(r6(k.0))),
        Quantity::Duration(h) => Quantity::Duration(Hours(r6(h.0))),
        Quantity::Speed(s) => Quantity::Speed(KmPerHour(r6(s.0))),
        vague => vague,
    }
}

/// Every claim in one document, in order of first occurrence; repeated
/// sentences give one claim with several sources.
pub fn extract(doc: &Document) -> Vec<Claim> {
    let mut claims: Vec<(String, Claim)> = Vec::new();
    let mut last_person: Option<String> = None;
    for range in doc.sentences() {
        let sentence = &doc.text[range.clone()];
        let toks = tokens::tokenize(sentence, range.start);
        let people = traveller::persons(&toks);
        for (nth, f) in figure::find_figures(&toks).into_iter().enumerate() {
            let Some(reading) = context::read(&toks, &f) else {
                continue;
            };
            let traveller = traveller::traveller(&toks, &f, &people, last_person.as_deref());
            let span = toks[f.first].start..toks[f.end - 1].end;
            let num_text = &doc.text[toks[f.num_first].start..toks[f.unit_first - 1].end];
            let num_text = num_text.trim_end_matches('-').trim().to_string();
            let unit_text = doc.text[toks[f.unit_first].start..toks[f.end - 1].end].to_string();
            let source = ClaimSource {
                figure: doc.source_ref(span),
                sentence: doc.source_ref(range.clone()),
            };
            let key = format!("{}#{nth}", dedup_key(sentence));
            if let Some((_, c)) = claims.iter_mut().find(|(k, _)| *k == key) {
                c.sources.push(source);
                continue;
            }
            claims.push((
                key,
                Claim {
                    quantity: quantity(f.unit, f.number.value),
                    value_as_written: num_text,
                    value: f.number.value,
                    unit_as_written: unit_text,
                    rounding: f.number.rounding,
                    qualifier: f.qualifier,
                    measured: reading.measured,
                    mode_hint: reading.mode_hint,
                    one_leg: reading.one_leg,
                    traveller,
                    from: reading.from,
                    to: reading.to,
                    sources: vec![source],
                },
            ));
        }
        if let Some((_, p)) = people.last() {
            last_person = Some(p.clone());
        }
    }
    claims.into_iter().map(|(_, c)| c).collect()
}

/// Claims of several documents: each document's claims in order.
pub fn extract_all(docs: &[Document]) -> Vec<Claim> {
    docs.iter().flat_map(extract).collect()
}

/// A sentence folded for duplicate detection: curly quotes straightened,
/// lower case, single spaces, no final punctuation.
fn dedup_key(sentence: &str) -> String {
    let folded: String = sentence
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    let words: Vec<&str> = folded.split_whitespace().collect();
    words
        .join(" ")
        .trim_end_matches(['.', '!', '?', ' '])
        .to_string()
}

#[cfg(test)]
mod tests;
