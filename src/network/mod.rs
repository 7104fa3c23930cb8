//! Transport networks: the bundled hand-kept rail and road lines, and graphs
//! imported from OpenStreetMap or GeoJSON.

pub mod lines;
