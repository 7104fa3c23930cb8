//! `journeymap import_network` (not built yet: its issue is open).

use super::{Exit, Failure};

#[derive(clap::Args, Debug, Default)]
pub struct ImportNetworkArgs {
    /// Arguments, until this subcommand is built.
    pub rest: Vec<String>,
}

pub fn run(_args: ImportNetworkArgs) -> Result<(), Failure> {
    Err(Failure::new(
        Exit::Internal,
        "the 'import_network' stage is not built yet",
    )
    .hint("this subcommand lands with its issue; see README"))
}
