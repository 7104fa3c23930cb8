//! `journeymap claims FILE… [--json]`: the distances, durations and speeds
//! the articles report, with what each says it measures and where.

use super::{Exit, Failure};
use journeymap::claims::{self, Claim, Quantity};
use journeymap::text::Document;
use std::path::PathBuf;

#[derive(clap::Args, Debug, Default)]
pub struct ClaimsArgs {
    /// Article files to read (plain text, UTF-8).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Print the claims as JSON (an array of claims; field names as in
    /// report.json's `claims[].claim`) instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: ClaimsArgs) -> Result<(), Failure> {
    let mut docs = Vec::new();
    for path in &args.files {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Failure::new(Exit::Input, format!("cannot read {}: {e}", path.display()))
                .hint("give the path of a UTF-8 text file with the article")
        })?;
        docs.push(Document::from_text(path.display().to_string(), text));
    }
    let found = claims::extract_all(&docs);
    if args.json {
        let json = serde_json::to_string_pretty(&found)
            .map_err(|e| Failure::new(Exit::Internal, format!("cannot write JSON: {e}")))?;
        println!("{json}");
    } else {
        print!("{}", table(&found));
    }
    Ok(())
}

fn table(found: &[Claim]) -> String {
    let mut out = format!(
        "{:<28} {:>9} {:<13} {:<10} {:<24} {}\n",
        "source", "value", "measures", "qualifier", "from → to", "quote"
    );
    for c in found {
        let value = match c.quantity {
            Quantity::Distance(k) => format!("{:.0} km", k.0),
            Quantity::Duration(h) => format!("{:.1} h", h.0),
            Quantity::Speed(s) => format!("{:.0} km/h", s.0),
            Quantity::Vague(_) => "vague".to_string(),
        };
        let s = &c.sources[0].figure;
        let leg = match (&c.from, &c.to) {
            (None, None) => String::new(),
            (f, t) => format!(
                "{} → {}",
                f.as_deref().unwrap_or("?"),
                t.as_deref().unwrap_or("?")
            ),
        };
        let more = if c.sources.len() > 1 {
            format!(" (+{} repeats)", c.sources.len() - 1)
        } else {
            String::new()
        };
        let file = s.file.rsplit('/').next().unwrap_or(&s.file);
        out.push_str(&format!(
            "{:<28} {:>9} {:<13} {:<10} {:<24} \"{}\"{more}\n",
            format!("{file}:{}", s.line),
            value,
            c.measured.as_str(),
            c.qualifier.as_str(),
            leg,
            s.quote
        ));
    }
    out.push_str(&format!("{} claims\n", found.len()));
    out
}
