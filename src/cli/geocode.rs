//! `journeymap geocode NAME`: ranked gazetteer candidates for a place name.

use super::{Exit, Failure};
use journeymap::gazetteer::{Candidate, Context, Gazetteer};
use journeymap::measure::LatLon;
use std::ffi::OsString;
use std::io::Write;

/// Longest name accepted (bytes). No place name comes close.
const MAX_NAME_BYTES: usize = 1024;

/// Look NAME up in the bundled gazetteer (GeoNames cities500, admin regions,
/// countries, airports, supplement) and print ranked candidates: id, name,
/// country, admin1, feature code, population, lat/lon, score.
///
/// Exit codes: 0 found; 3 invalid input (empty, over 1024 bytes, not UTF-8,
/// bad --country or --near); 4 no place has that name.
#[derive(clap::Args, Debug, Default)]
#[command(
    after_help = "Exit codes: 0 found; 3 invalid input (empty, over 1024 bytes, not UTF-8, bad --country or --near coordinates); 4 no place by that name (or unknown --near place).\nPlace data © GeoNames (CC BY 4.0); airports: airportsdata (MIT); country names: world-countries (ODbL)."
)]
pub struct GeocodeArgs {
    /// Place name in any script or spelling ("Dong Dang", "Đồng Đăng",
    /// "평양"), or a code (IATA "HAN", ICAO "VVNB", ISO "KP", "UK").
    pub name: OsString,
    /// Prefer places in this country (ISO 3166-1 alpha-2, e.g. VN).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Prefer places near this point: a place name (its best match) or
    /// "LAT,LON" in decimal degrees. May be repeated.
    #[arg(long, value_name = "PLACE|LAT,LON")]
    pub near: Vec<String>,
    /// Show at most N candidates.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Print JSON (an array of candidates with score reasons) instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: GeocodeArgs) -> Result<(), Failure> {
    let g = Gazetteer::bundled();
    let name = check_name(&args.name)?;
    let ctx = context(g, &args)?;
    let found = g.candidates(name, &ctx);
    if found.is_empty() {
        let hint = match g.demonym(name) {
            Some(cc) => format!(
                "{name:?} is an adjective or demonym for {} ({cc}); try: journeymap geocode {cc}",
                g.country_name(cc).unwrap_or(cc)
            ),
            None => "check the spelling, drop words such as 'city', or try the local name".into(),
        };
        return Err(Failure::new(
            Exit::NotFound,
            format!("no place named {name:?} in the gazetteer"),
        )
        .hint(hint));
    }
    let shown = &found[..found.len().min(args.limit.max(1))];
    let text = if args.json {
        json(g, shown)
    } else {
        table(g, shown)
    };
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|e| Failure::new(Exit::Output, format!("writing to standard output: {e}")))
}

fn check_name(raw: &OsString) -> Result<&str, Failure> {
    let Some(name) = raw.to_str() else {
        return Err(
            Failure::new(Exit::Input, "the place name is not valid UTF-8")
                .hint("pass the name as UTF-8 text"),
        );
    };
    if name.len() > MAX_NAME_BYTES {
        return Err(Failure::new(
            Exit::Input,
            format!(
                "the place name is {} bytes long; names are at most {MAX_NAME_BYTES}",
                name.len()
            ),
        )
        .hint("pass one place name, not a document (use `journeymap places` for articles)"));
    }
    let name = name.trim();
    if name.is_empty() {
        return Err(Failure::new(Exit::Input, "the place name is empty")
            .hint("e.g. journeymap geocode \"Dong Dang\""));
    }
    Ok(name)
}

fn context(g: &Gazetteer, args: &GeocodeArgs) -> Result<Context, Failure> {
    let mut ctx = Context::default();
    if let Some(cc) = &args.country {
        if g.country(cc).is_none() {
            return Err(Failure::new(
                Exit::Input,
                format!("--country {cc:?} is not an ISO 3166-1 alpha-2 country code"),
            )
            .hint("use two letters, e.g. --country VN"));
        }
        ctx.country = Some(cc.trim().to_ascii_uppercase());
    }
    for near in &args.near {
        ctx.near.push(near_point(g, near)?);
    }
    Ok(ctx)
}

fn near_point(g: &Gazetteer, near: &str) -> Result<LatLon, Failure> {
    if let Some(p) = LatLon::parse(near) {
        return Ok(p);
    }
    if looks_like_coordinates(near) {
        return Err(Failure::new(
            Exit::Input,
            format!("--near {near:?}: not a valid LAT,LON (latitude -90..90, longitude -180..180)"),
        ));
    }
    if near.len() > MAX_NAME_BYTES || near.trim().is_empty() {
        return Err(Failure::new(
            Exit::Input,
            "--near needs a place name or LAT,LON",
        ));
    }
    match g.candidates(near, &Context::default()).first() {
        Some(c) => Ok(g.place(c.id).point()),
        None => Err(Failure::new(
            Exit::NotFound,
            format!("--near {near:?}: no such place, and not LAT,LON"),
        )
        .hint("give a place name or decimal degrees, e.g. --near 22.82,108.32")),
    }
}

/// "95,200" or "-1.5, 3": digits, signs, dots and one comma.
fn looks_like_coordinates(s: &str) -> bool {
    s.contains(',')
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+' | ' '))
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.chars().take(width).collect()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

fn table(g: &Gazetteer, cands: &[Candidate]) -> String {
    let mut out = format!(
        "{} {} {} {} {} {:>10} {:>9} {:>10} {:>6}\n",
        pad("id", 30),
        pad("name", 32),
        pad("cc", 2),
        pad("admin1", 20),
        pad("code", 5),
        "population",
        "lat",
        "lon",
        "score"
    );
    for c in cands {
        let p = g.place(c.id);
        let pt = p.point();
        out.push_str(&format!(
            "{} {} {} {} {} {:>10} {:>9.4} {:>10.4} {:>6.2}\n",
            pad(p.source_id(), 30),
            pad(p.name(), 32),
            pad(p.country(), 2),
            pad(p.admin1_name(), 20),
            pad(p.feature_code(), 5),
            p.population(),
            pt.lat,
            pt.lon,
            c.score
        ));
    }
    out
}

fn json(g: &Gazetteer, cands: &[Candidate]) -> String {
    let rows: Vec<serde_json::Value> = cands
        .iter()
        .map(|c| {
            let p = g.place(c.id);
            let pt = p.point();
            serde_json::json!({
                "id": p.source_id(),
                "name": p.name(),
                "short_name": p.short_name(),
                "country": p.country(),
                "admin1": p.admin1_name(),
                "kind": p.kind().as_str(),
                "feature_class": p.feature_class().to_string(),
                "feature_code": p.feature_code(),
                "population": p.population(),
                "lat": pt.lat,
                "lon": pt.lon,
                "score": (c.score * 1000.0).round() / 1000.0,
                "reasons": c.reasons,
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}
