//! Compiles the bundled gazetteer (data/gazetteer) into the index files the
//! library embeds. The compiler lives in src/gazetteer/compile/; the
//! layout and the name folding are shared with the runtime.

#[path = "src/gazetteer/compile/mod.rs"]
mod compile;
#[path = "src/gazetteer/fold.rs"]
mod fold;
#[allow(dead_code)]
#[path = "src/gazetteer/format.rs"]
mod format;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let data = manifest.join("data/gazetteer");
    for f in compile::SOURCES {
        println!("cargo:rerun-if-changed=data/gazetteer/{f}");
    }
    for f in [
        "build.rs",
        "src/gazetteer/compile/mod.rs",
        "src/gazetteer/compile/sources.rs",
        "src/gazetteer/compile/index.rs",
        "src/gazetteer/fold.rs",
        "src/gazetteer/format.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    if let Err(e) = compile::compile(&data, &out_dir) {
        // A build script reports failure by panicking; say what and where.
        panic!("compiling the gazetteer from {}: {e}", data.display());
    }
}
