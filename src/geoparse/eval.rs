//! Evaluation against annotated corpora (LGL, GeoVirus) with the measures of
//! Gritta et al. (2018, 2019): geotagging precision/recall/F1 with exact and
//! overlapping spans, and for each gold toponym that was recognised the
//! geodesic error of its resolution: accuracy@161 km, mean and median error,
//! and the AUC of the curve of ln(error + 1) normalised by ln(20039 km).

use super::{geoparse_text, Mention, MentionKind};
use crate::gazetteer::Gazetteer;
use crate::measure::{geodesic_distance, LatLon};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::ops::Range;

/// A gold toponym: byte span into the article text, and its coordinates
/// (None where the corpus gives none).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldToponym {
    pub span: Range<usize>,
    pub phrase: String,
    pub point: Option<LatLon>,
}

/// One annotated article.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldArticle {
    pub text: String,
    pub toponyms: Vec<GoldToponym>,
}

/// A toponym as read: char start, char end, phrase, lat, lon.
type RawToponym = (usize, usize, String, Option<f64>, Option<f64>);

/// Reads LGL (`<article><text>…<toponym><start>…<gaztag><lat>…`) or
/// GeoVirus (`<article><text>…<location><start>…<lat>…`). Offsets in both
/// are character offsets; they are converted to byte offsets. Toponyms
/// whose offsets do not point at their phrase are dropped and counted.
pub fn read_corpus(xml: &str) -> Result<(Vec<GoldArticle>, usize), quick_xml::Error> {
    let mut r = Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut articles = Vec::new();
    let mut text = String::new();
    let mut raw: Vec<RawToponym> = Vec::new();
    let mut cur: RawToponym = Default::default();
    let mut bad = 0;
    loop {
        match r.read_event()? {
            Event::Start(e) => {
                path.push(e.name().as_ref().to_string());
                if matches!(
                    path.last().map(String::as_str),
                    Some("toponym" | "location")
                ) {
                    cur = Default::default();
                }
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                match name.as_str() {
                    "toponym" | "location" => raw.push(std::mem::take(&mut cur)),
                    "article" => {
                        let (a, b) =
                            to_article(std::mem::take(&mut text), std::mem::take(&mut raw));
                        bad += b;
                        articles.push(a);
                    }
                    _ => {}
                }
            }
            Event::Text(t) => on_text(&path, &t.xml10_content(), &mut text, &mut cur),
            Event::CData(t) => on_text(&path, &t.xml10_content(), &mut text, &mut cur),
            Event::GeneralRef(e) => {
                let s = match e.as_ref() {
                    "amp" => "&".to_string(),
                    "lt" => "<".to_string(),
                    "gt" => ">".to_string(),
                    "quot" => "\"".to_string(),
                    "apos" => "'".to_string(),
                    _ => e
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .map(String::from)
                        .unwrap_or_default(),
                };
                on_text(&path, &s, &mut text, &mut cur);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((articles, bad))
}

fn on_text(path: &[String], s: &str, text: &mut String, cur: &mut RawToponym) {
    let leaf = path.last().map(String::as_str).unwrap_or("");
    let in_top = path.iter().any(|p| p == "toponym" || p == "location");
    match (leaf, in_top) {
        ("text", false) => text.push_str(s),
        ("start", true) => cur.0 = s.trim().parse().unwrap_or(0),
        ("end", true) => cur.1 = s.trim().parse().unwrap_or(0),
        ("phrase", true) => cur.2.push_str(s),
        ("name", true) if !path.iter().any(|p| p == "gaztag") => cur.2.push_str(s),
        ("lat", true) => cur.3 = s.trim().parse().ok(),
        ("lon", true) => cur.4 = s.trim().parse().ok(),
        _ => {}
    }
}

fn to_article(text: String, raw: Vec<RawToponym>) -> (GoldArticle, usize) {
    let byte_at: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut bad = 0;
    let toponyms = raw
        .into_iter()
        .filter_map(|(s, e, phrase, lat, lon)| {
            let want = byte_at.get(s).copied().unwrap_or(s);
            let len = byte_at.get(e).copied().unwrap_or(e).saturating_sub(want);
            let Some(span) = align(&text, phrase.trim(), want, len) else {
                bad += 1;
                return None;
            };
            let point = lat.zip(lon).map(|(lat, lon)| LatLon::new(lat, lon));
            Some(GoldToponym {
                span,
                phrase,
                point,
            })
        })
        .collect();
    (GoldArticle { text, toponyms }, bad)
}

/// How far (bytes) a gold offset may be from its phrase: GeoVirus offsets
/// are sometimes off by a character or two.
const ALIGN_SLACK: usize = 40;

/// The span of `phrase` nearest to byte `want` (within [`ALIGN_SLACK`]),
/// or, when the phrase is not there, the span the offsets give if it is
/// the phrase apart from surrounding spaces.
fn align(text: &str, phrase: &str, want: usize, len: usize) -> Option<Range<usize>> {
    if phrase.is_empty() {
        return None;
    }
    let lo = floor_char(text, want.saturating_sub(ALIGN_SLACK));
    let hi = floor_char(text, (want + len + ALIGN_SLACK).min(text.len()));
    text[lo..hi]
        .match_indices(phrase)
        .map(|(k, _)| lo + k)
        .min_by_key(|&k| k.abs_diff(want))
        .map(|k| k..k + phrase.len())
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The measures for one corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub articles: usize,
    pub gold: usize,
    pub predicted: usize,
    pub exact: Prf,
    pub overlap: Prf,
    /// Gold toponyms with coordinates that were recognised (overlap).
    pub resolved: usize,
    pub acc_161: f64,
    pub mean_km: f64,
    pub median_km: f64,
    pub auc: f64,
    /// Resolved toponyms and accuracy@161 by the kind of place chosen:
    /// where the errors are (a country's point is a convention that differs
    /// between gazetteers and corpora; a town's is not).
    pub by_kind: Vec<KindAccuracy>,
}

/// Accuracy@161 over the toponyms resolved to one kind of place.
#[derive(Debug, Clone, PartialEq)]
pub struct KindAccuracy {
    /// `country`, `first-level region`, `second-level region`,
    /// `continent, ocean or region` (also seas, islands, peninsulas),
    /// `town or facility`.
    pub kind: &'static str,
    pub resolved: usize,
    pub acc_161: f64,
}

/// The kind of place a resolution chose, for [`Scores::by_kind`].
fn kind_of(p: &super::ResolvedPlace) -> &'static str {
    match p.feature_code.as_str() {
        c if c.starts_with("PCL") => "country",
        "ADM1" => "first-level region",
        "ADM2" => "second-level region",
        c if super::is_water_code(c) || super::is_land_region_code(c) => {
            "continent, ocean or region"
        }
        _ => "town or facility",
    }
}

/// Accuracy@161 per kind, in a fixed order.
fn by_kind(errors: &[(&'static str, f64)]) -> Vec<KindAccuracy> {
    [
        "country",
        "first-level region",
        "second-level region",
        "continent, ocean or region",
        "town or facility",
    ]
    .into_iter()
    .filter_map(|kind| {
        let of_kind: Vec<f64> = errors
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, e)| *e)
            .collect();
        (!of_kind.is_empty()).then(|| KindAccuracy {
            kind,
            resolved: of_kind.len(),
            acc_161: ratio(
                of_kind.iter().filter(|&&e| e <= 161.0).count(),
                of_kind.len(),
            ),
        })
    })
    .collect()
}

/// Precision, recall, F1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

impl Prf {
    fn of(tp_pred: usize, n_pred: usize, tp_gold: usize, n_gold: usize) -> Prf {
        let p = ratio(tp_pred, n_pred);
        let r = ratio(tp_gold, n_gold);
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf { p, r, f1 }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Which mention kinds count as predicted toponyms: LGL annotates demonyms
/// ("Russian", "Palestinian") as toponyms, GeoVirus does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    PlacesOnly,
    PlacesAndAdjectivals,
}

impl Counted {
    fn counts(self, k: MentionKind) -> bool {
        match self {
            Counted::PlacesOnly => k == MentionKind::Place,
            Counted::PlacesAndAdjectivals => k != MentionKind::Rejected,
        }
    }

    /// LGL (its gold has `gaztag`s) counts adjectivals; GeoVirus does not.
    pub fn for_corpus(xml: &str) -> Counted {
        if xml.contains("<gaztag") {
            Counted::PlacesAndAdjectivals
        } else {
            Counted::PlacesOnly
        }
    }
}

/// Geoparses every article and scores it against the gold.
pub fn evaluate(g: &Gazetteer, articles: &[GoldArticle], counted: Counted) -> Scores {
    let mut s = Scores {
        articles: articles.len(),
        ..Scores::default()
    };
    let (mut ex_p, mut ex_g, mut ov_p, mut ov_g) = (0, 0, 0, 0);
    let mut errors = Vec::new();
    let mut kinds = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let pred: Vec<Mention> = geoparse_text(g, i, &a.text)
            .into_iter()
            .filter(|m| counted.counts(m.kind))
            .collect();
        s.gold += a.toponyms.len();
        s.predicted += pred.len();
        let overlaps = |x: &Range<usize>, y: &Range<usize>| x.start < y.end && y.start < x.end;
        ex_p += pred
            .iter()
            .filter(|m| a.toponyms.iter().any(|t| t.span == m.span))
            .count();
        ex_g += a
            .toponyms
            .iter()
            .filter(|t| pred.iter().any(|m| t.span == m.span))
            .count();
        ov_p += pred
            .iter()
            .filter(|m| a.toponyms.iter().any(|t| overlaps(&t.span, &m.span)))
            .count();
        for t in &a.toponyms {
            let Some(m) = pred.iter().find(|m| overlaps(&t.span, &m.span)) else {
                continue;
            };
            ov_g += 1;
            if let (Some(gold), Some(p)) = (t.point, &m.place) {
                let e = geodesic_distance(gold, LatLon::new(p.lat, p.lon)).0;
                errors.push(e);
                kinds.push((kind_of(p), e));
            }
        }
    }
    s.exact = Prf::of(ex_p, s.predicted, ex_g, s.gold);
    s.overlap = Prf::of(ov_p, s.predicted, ov_g, s.gold);
    s.resolved = errors.len();
    s.by_kind = by_kind(&kinds);
    errors.sort_by(f64::total_cmp);
    if !errors.is_empty() {
        let n = errors.len();
        s.acc_161 = ratio(errors.iter().filter(|&&e| e <= 161.0).count(), n);
        s.mean_km = errors.iter().sum::<f64>() / n as f64;
        s.median_km = if n % 2 == 1 {
            errors[n / 2]
        } else {
            (errors[n / 2 - 1] + errors[n / 2]) / 2.0
        };
        s.auc = auc(&errors);
    }
    s
}

/// AUC of the sorted ln(error + 1) curve, trapezoidal, normalised by
/// ln(20039) (half the Earth's circumference in km) and the curve length:
/// 0 is perfect, 1 is every place on the far side of the world.
pub fn auc(sorted_errors_km: &[f64]) -> f64 {
    let y: Vec<f64> = sorted_errors_km.iter().map(|e| (e + 1.0).ln()).collect();
    match y.len() {
        0 => 0.0,
        1 => y[0] / 20039f64.ln(),
        n => {
            let area: f64 = y.windows(2).map(|w| (w[0] + w[1]) / 2.0).sum();
            area / ((n - 1) as f64 * 20039f64.ln())
        }
    }
}

/// Error analysis: missed gold phrases, false positives, and wrong
/// resolutions (> 161 km) with the place chosen, one line each.
pub fn errors(g: &Gazetteer, articles: &[GoldArticle], counted: Counted) -> Vec<String> {
    let mut out = Vec::new();
    let overlaps = |x: &Range<usize>, y: &Range<usize>| x.start < y.end && y.start < x.end;
    for (i, a) in articles.iter().enumerate() {
        let pred: Vec<Mention> = geoparse_text(g, i, &a.text)
            .into_iter()
            .filter(|m| counted.counts(m.kind))
            .collect();
        for t in &a.toponyms {
            match pred.iter().find(|m| overlaps(&t.span, &m.span)) {
                None => out.push(format!("MISS\t{}", t.phrase)),
                Some(m) => {
                    if let (Some(gp), Some(p)) = (t.point, &m.place) {
                        let e = geodesic_distance(gp, LatLon::new(p.lat, p.lon)).0;
                        if e > 161.0 {
                            out.push(format!(
                                "WRONG\t{}\t{} {} ({:.0} km)",
                                t.phrase, p.id, p.name, e
                            ));
                        }
                    }
                }
            }
        }
        for m in &pred {
            if !a.toponyms.iter().any(|t| overlaps(&t.span, &m.span)) {
                let id = m.place.as_ref().map_or("", |p| p.id.as_str());
                out.push(format!("FP\t{}\t{id}", m.text));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_formats_with_char_offsets() {
        let lgl = "<articles><article><text>Café in Hanoi &amp; more</text><toponyms><toponym><start>8</start><end>13</end><phrase>Hanoi</phrase><gaztag geonameid=\"1\"><name>Hanoi</name><lat>21.0</lat><lon>105.8</lon></gaztag></toponym></toponyms></article></articles>";
        let (a, bad) = read_corpus(lgl).unwrap();
        assert_eq!(bad, 0);
        assert_eq!(a[0].text, "Café in Hanoi & more");
        assert_eq!(&a[0].text[a[0].toponyms[0].span.clone()], "Hanoi");
        let gv = "<articles><article><text>To Hanoi.</text><locations><location><name>Hanoi</name><start>3</start><end>8</end><lat>21</lat><lon>105.8</lon></location><location><name>Oops</name><start>0</start><end>2</end></location></locations></article></articles>";
        let (a, bad) = read_corpus(gv).unwrap();
        assert_eq!((a[0].toponyms.len(), bad), (1, 1));
        assert_eq!(a[0].toponyms[0].point, Some(LatLon::new(21.0, 105.8)));
    }

    #[test]
    fn accuracy_by_kind_counts_each_kind_apart() {
        let k = by_kind(&[
            ("country", 300.0),
            ("country", 100.0),
            ("town or facility", 5.0),
        ]);
        assert_eq!(
            k,
            [
                KindAccuracy {
                    kind: "country",
                    resolved: 2,
                    acc_161: 0.5
                },
                KindAccuracy {
                    kind: "town or facility",
                    resolved: 1,
                    acc_161: 1.0
                },
            ]
        );
    }

    #[test]
    fn auc_bounds() {
        assert_eq!(auc(&[0.0, 0.0]), 0.0);
        assert!((auc(&[20038.0, 20038.0]) - 1.0).abs() < 1e-9);
    }
}
