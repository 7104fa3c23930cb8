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

/// Train services and kinds that news names instead of "train"
/// (lowercase): a cue for rail wherever modes are read.
pub const NAMED_TRAINS: &[&str] = &[
    "shinkansen",
    "tgv",
    "eurostar",
    "thalys",
    "amtrak",
    "acela",
    "sapsan",
    "tram",
    "metro",
    "subway",
];

/// Words that make a train a high-speed one (lowercase; "high-speed" and
/// "bullet" as written before "train").
pub const HIGH_SPEED_TRAINS: &[&str] = &[
    "shinkansen",
    "tgv",
    "eurostar",
    "thalys",
    "acela",
    "sapsan",
    "frecciarossa",
    "ktx",
    "fuxing",
    "high-speed",
    "bullet",
];

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
        .any(|w| HIGH_SPEED_TRAINS.contains(&w.to_lowercase().as_str()))
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
