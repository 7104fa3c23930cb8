//! `journeymap run` (not built yet: its issue is open).

use super::{Exit, Failure};

#[derive(clap::Args, Debug, Default)]
pub struct RunArgs {
    /// Arguments, until this subcommand is built.
    pub rest: Vec<String>,
}

pub fn run(_args: RunArgs) -> Result<(), Failure> {
    Err(
        Failure::new(Exit::Internal, "the 'run' stage is not built yet")
            .hint("this subcommand lands with its issue; see README"),
    )
}
