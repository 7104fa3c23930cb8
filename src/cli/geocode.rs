//! `journeymap geocode` (not built yet: its issue is open).

use super::{Exit, Failure};

#[derive(clap::Args, Debug, Default)]
pub struct GeocodeArgs {
    /// Arguments, until this subcommand is built.
    pub rest: Vec<String>,
}

pub fn run(_args: GeocodeArgs) -> Result<(), Failure> {
    Err(
        Failure::new(Exit::Internal, "the 'geocode' stage is not built yet")
            .hint("this subcommand lands with its issue; see README"),
    )
}
