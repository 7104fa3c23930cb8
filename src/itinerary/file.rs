//! The itinerary as TOML, for people to read, correct and pass back with
//! `--itinerary`.
//!
//! ```toml
//! [[journey]]
//! traveller = "Kim Jong Un"
//! notes = []
//!
//! [[journey.waypoint]]            # in travel order, origin first
//! name = "Pyongyang"
//! place_id = "geonames:1871859"   # optional: gazetteer id
//! country = "KP"                  # optional: ISO 3166-1 alpha-2
//! lat = 39.03385
//! lon = 125.75432
//! role = "origin"                 # origin | via | stop | destination
//!
//! [[journey.leg]]                 # leg N joins waypoint N and N+1
//! mode = "rail"                   # rail | road | air | sea
//! ```
//!
//! `confidence` and `evidence` are written for the reader and optional on
//! input.

use super::{Itinerary, Journey};

const HEADER: &str = "\
# journeymap itinerary. Edit and pass back with `journeymap run --itinerary FILE`.
# Each [[journey]] lists its waypoints in travel order ([[journey.waypoint]]);
# leg N ([[journey.leg]]) joins waypoint N to waypoint N+1 and has one mode:
# rail | road | air | sea. Waypoint roles: origin | via | stop | destination.
# lat/lon are WGS84 decimal degrees. confidence and evidence are informative.

";

/// A problem in an itinerary file, with the line it is on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct ItineraryError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Serialises an itinerary as commented TOML.
pub fn to_toml(it: &Itinerary) -> String {
    let body = toml::to_string_pretty(it).unwrap_or_else(|e| format!("# cannot write: {e}\n"));
    format!("{HEADER}{body}")
}

/// Parses and checks an itinerary file. `file` names it in errors.
pub fn from_toml(file: &str, text: &str) -> Result<Itinerary, ItineraryError> {
    let err = |line: usize, message: String| ItineraryError {
        file: file.to_string(),
        line,
        message,
    };
    let it: Itinerary = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
            .unwrap_or(1);
        err(line, e.message().to_string())
    })?;
    if it.journeys.is_empty() {
        return Err(err(1, "no [[journey]] in the file".into()));
    }
    let lines = HeaderLines::scan(text);
    for (j, journey) in it.journeys.iter().enumerate() {
        check_journey(journey, j, &lines).map_err(|(line, m)| err(line, m))?;
    }
    Ok(it)
}

fn check_journey(journey: &Journey, j: usize, lines: &HeaderLines) -> Result<(), (usize, String)> {
    let jline = lines.journey(j);
    if journey.traveller.trim().is_empty() {
        return Err((jline, format!("journey {} has an empty traveller", j + 1)));
    }
    if journey.waypoints.len() < 2 {
        return Err((
            jline,
            format!(
                "journey {} ({}) needs at least two [[journey.waypoint]] entries, has {}",
                j + 1,
                journey.traveller,
                journey.waypoints.len()
            ),
        ));
    }
    for (w, wp) in journey.waypoints.iter().enumerate() {
        let line = lines.child(j, "waypoint", w);
        if wp.name.trim().is_empty() {
            return Err((line, format!("waypoint {} has an empty name", w + 1)));
        }
        if !wp.point().is_valid() {
            return Err((
                line,
                format!(
                    "waypoint '{}' has lat={} lon={}: latitude must be within -90..90 and longitude within -180..180",
                    wp.name, wp.lat, wp.lon
                ),
            ));
        }
    }
    let want = journey.waypoints.len() - 1;
    if journey.legs.len() != want {
        let line = lines
            .child_opt(j, "leg", journey.legs.len().min(want))
            .unwrap_or(jline);
        return Err((
            line,
            format!(
                "journey {} ({}) has {} waypoints, so it needs {} [[journey.leg]] entries, not {}",
                j + 1,
                journey.traveller,
                journey.waypoints.len(),
                want,
                journey.legs.len()
            ),
        ));
    }
    Ok(())
}

/// Line numbers of the `[[journey]]`, `[[journey.waypoint]]` and
/// `[[journey.leg]]` headers, so checks can point at the entry at fault.
struct HeaderLines {
    /// (journey line, [(kind, line)]).
    journeys: Vec<(usize, Vec<(String, usize)>)>,
}

impl HeaderLines {
    fn scan(text: &str) -> HeaderLines {
        let mut journeys: Vec<(usize, Vec<(String, usize)>)> = Vec::new();
        for (i, l) in text.lines().enumerate() {
            let l = l.trim();
            if l.starts_with("[[journey]]") {
                journeys.push((i + 1, Vec::new()));
            } else if let Some(kind) = l
                .strip_prefix("[[journey.")
                .and_then(|r| r.split(']').next())
            {
                if let Some(j) = journeys.last_mut() {
                    j.1.push((kind.to_string(), i + 1));
                }
            }
        }
        HeaderLines { journeys }
    }

    fn journey(&self, j: usize) -> usize {
        self.journeys.get(j).map(|x| x.0).unwrap_or(1)
    }

    fn child_opt(&self, j: usize, kind: &str, n: usize) -> Option<usize> {
        self.journeys
            .get(j)?
            .1
            .iter()
            .filter(|(k, _)| k == kind)
            .nth(n)
            .map(|(_, l)| *l)
    }

    fn child(&self, j: usize, kind: &str, n: usize) -> usize {
        self.child_opt(j, kind, n)
            .unwrap_or_else(|| self.journey(j))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::itinerary::{Leg, Role, Waypoint};
    use crate::mode::Mode;

    fn sample() -> Itinerary {
        let wp = |name: &str, lat, lon, role| Waypoint {
            name: name.into(),
            place_id: None,
            country: None,
            lat,
            lon,
            role,
            confidence: 1.0,
            evidence: vec![],
        };
        Itinerary {
            journeys: vec![Journey {
                traveller: "A".into(),
                waypoints: vec![
                    wp("X", 1.0, 2.0, Role::Origin),
                    wp("Y", 3.0, 4.0, Role::Destination),
                ],
                legs: vec![Leg {
                    mode: Mode::Rail,
                    confidence: 1.0,
                    evidence: vec![],
                }],
                notes: vec!["n".into()],
            }],
        }
    }

    #[test]
    fn round_trips() {
        let it = sample();
        let text = to_toml(&it);
        assert_eq!(from_toml("i.toml", &text), Ok(it));
    }

    #[test]
    fn errors_name_the_line() {
        let text = to_toml(&sample()).replace("lat = 3.0", "lat = 93.0");
        let e = from_toml("i.toml", &text).unwrap_err();
        let wp2 = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with("[[journey.waypoint]]"))
            .nth(1)
            .unwrap()
            .0
            + 1;
        assert_eq!(e.line, wp2, "{e}");
        assert!(e.message.contains("latitude"), "{e}");

        let text = to_toml(&sample()).replace("mode = \"rail\"", "mode = \"teleport\"");
        let e = from_toml("i.toml", &text).unwrap_err();
        let bad = text.lines().position(|l| l.contains("teleport")).unwrap() + 1;
        assert_eq!(e.line, bad, "{e}");

        let e = from_toml("i.toml", "journey = 3").unwrap_err();
        assert_eq!(e.line, 1);
    }

    #[test]
    fn leg_count_must_match() {
        let mut it = sample();
        it.journeys[0].legs.clear();
        let e = from_toml("i.toml", &to_toml(&it)).unwrap_err();
        assert!(e.message.contains("needs 1 [[journey.leg]]"), "{e}");
    }
}
