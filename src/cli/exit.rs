//! Exit codes and the error the CLI prints: what was wrong, where, and what
//! to do about it.

use std::process::ExitCode;

/// Documented exit codes (also listed in `journeymap --help` and README).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 1: a bug in journeymap.
    Internal = 1,
    /// 2: bad command-line usage.
    Usage = 2,
    /// 3: an input file or argument could not be read or is not valid.
    Input = 3,
    /// 4: a place or route was not found.
    NotFound = 4,
    /// 5: bundled data or a network/itinerary file is malformed.
    Data = 5,
    /// 6: an output could not be written.
    Output = 6,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// A failure to report to the user.
#[derive(Debug)]
pub struct Failure {
    pub code: Exit,
    pub message: String,
    pub hint: Option<String>,
}

impl Failure {
    pub fn new(code: Exit, message: impl Into<String>) -> Failure {
        Failure {
            code,
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Failure {
        self.hint = Some(hint.into());
        self
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "journeymap: error: {}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}
