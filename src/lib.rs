//! journeymap: read news articles about a journey, find the places they name,
//! assemble the journey as legs by rail, road and air, route each leg on a
//! real transport network, measure it geodesically, and check every distance
//! and time the articles report.
//!
//! The pipeline flows one way; each stage is a module with one job:
//!
//! ```text
//! text ─► geoparse ─► itinerary ─► route ─► measure/claims ─► report, render, geojson
//!           ▲                        ▲
//!       gazetteer                 network
//! ```

pub mod claims;
pub mod gazetteer;
pub mod geojson;
pub mod geoparse;
pub mod itinerary;
pub mod measure;
pub mod mode;
pub mod network;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod route;
pub mod text;
