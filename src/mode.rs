//! The means of transport of a leg.

use serde::{Deserialize, Serialize};

/// How a leg is travelled. Rail and road legs are routed on a network; air
/// and sea legs follow the geodesic (great-circle) arc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Rail,
    Road,
    Air,
    Sea,
}

/// High-speed services news names instead of "train" (lowercase).
const HIGH_SPEED_SERVICES: &[&str] =
    &["shinkansen", "tgv", "eurostar", "thalys", "acela", "sapsan"];

/// Other train services and kinds news names instead of "train".
const OTHER_TRAINS: &[&str] = &["amtrak", "tram", "metro", "subway"];

/// Words that make a train high-speed besides the services above
/// ("high-speed" and "bullet" as written before "train").
const HIGH_SPEED_WORDS: &[&str] = &["frecciarossa", "ktx", "fuxing", "high-speed", "bullet"];

/// Is `word` (lowercase) a train service or kind named instead of "train":
/// a cue for rail wherever modes are read?
///
/// ```
/// assert!(journeymap::mode::is_named_train("tgv"));
/// assert!(!journeymap::mode::is_named_train("bus"));
/// ```
pub fn is_named_train(word: &str) -> bool {
    HIGH_SPEED_SERVICES.contains(&word) || OTHER_TRAINS.contains(&word)
}

/// Does `text` name a high-speed train ("by TGV", "the bullet train")?
///
/// ```
/// use journeymap::mode::names_high_speed_train;
/// assert!(names_high_speed_train("He took the TGV to Marseille."));
/// assert!(names_high_speed_train("a high-speed train"));
/// assert!(!names_high_speed_train("He took the overnight train."));
/// ```
pub fn names_high_speed_train(text: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(str::to_lowercase)
        .any(|w| {
            HIGH_SPEED_SERVICES.contains(&w.as_str()) || HIGH_SPEED_WORDS.contains(&w.as_str())
        })
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Rail, Mode::Road, Mode::Air, Mode::Sea];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Rail => "rail",
            Mode::Road => "road",
            Mode::Air => "air",
            Mode::Sea => "sea",
        }
    }

    /// True for modes whose legs follow a network rather than a geodesic.
    pub fn uses_network(self) -> bool {
        matches!(self, Mode::Rail | Mode::Road)
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Mode {
    type Err = String;
    fn from_str(s: &str) -> Result<Mode, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "rail" | "train" => Ok(Mode::Rail),
            "road" | "car" => Ok(Mode::Road),
            "air" | "flight" | "plane" => Ok(Mode::Air),
            "sea" | "ship" | "ferry" => Ok(Mode::Sea),
            other => Err(format!(
                "unknown mode '{other}': expected one of rail, road, air, sea"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        for m in Mode::ALL {
            assert_eq!(m.as_str().parse::<Mode>(), Ok(m));
        }
        assert!("hovercraft".parse::<Mode>().is_err());
    }
}
