//! Routing a whole itinerary: every leg of every journey, in order.

use super::{route_leg, RoutePoint, RoutedLeg};
use crate::itinerary::{Itinerary, Waypoint};
use crate::measure::{Km, LatLon};
use crate::network::Network;

fn point(w: &Waypoint) -> RoutePoint {
    RoutePoint::new(&w.name, LatLon::new(w.lat, w.lon))
}

/// Routes each leg (`legs[i]` joins `waypoints[i]` and `waypoints[i + 1]`)
/// on its mode's network or geodesic, with `journey` and `leg` set. A leg
/// whose end waypoint is missing comes back unrouted, empty, and says so.
///
/// ```
/// use journeymap::itinerary::Itinerary;
/// use journeymap::network::Network;
/// use journeymap::route::route_itinerary;
/// assert!(route_itinerary(&Network::new(), &Itinerary::default()).is_empty());
/// ```
pub fn route_itinerary(network: &Network, itinerary: &Itinerary) -> Vec<RoutedLeg> {
    let mut out = Vec::new();
    for (j, journey) in itinerary.journeys.iter().enumerate() {
        for (i, leg) in journey.legs.iter().enumerate() {
            let mut routed = match (journey.waypoints.get(i), journey.waypoints.get(i + 1)) {
                (Some(a), Some(b)) => route_leg(network, leg.mode, &point(a), &point(b), &[]),
                _ => RoutedLeg {
                    journey: j,
                    leg: i,
                    mode: leg.mode,
                    from: journey.waypoints.get(i).map(|w| w.name.clone()).unwrap_or_default(),
                    to: String::new(),
                    geometry: Vec::new(),
                    length: Km(0.0),
                    routed: false,
                    stops: Vec::new(),
                    lines: Vec::new(),
                    warnings: vec![format!(
                        "leg {} of journey {} has no waypoint at its end ({} waypoints for {} legs): not drawn or measured",
                        i + 1,
                        j + 1,
                        journey.waypoints.len(),
                        journey.legs.len()
                    )],
                },
            };
            routed.journey = j;
            routed.leg = i;
            out.push(routed);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legs_get_their_indices_and_missing_ends_are_flagged() {
        let it: Itinerary = serde_json::from_value(serde_json::json!({"journey": [
            {"traveller": "A", "notes": [],
             "waypoint": [
                {"name": "P", "place_id": null, "country": null, "lat": 39.0, "lon": 125.7, "role": "origin", "confidence": 1.0, "evidence": []},
                {"name": "H", "place_id": null, "country": null, "lat": 21.0, "lon": 105.8, "role": "destination", "confidence": 1.0, "evidence": []}],
             "leg": [{"mode": "air", "confidence": 1.0, "evidence": []}, {"mode": "road", "confidence": 1.0, "evidence": []}]}
        ]}))
        .unwrap();
        let legs = route_itinerary(&Network::new(), &it);
        assert_eq!(legs.len(), 2);
        assert!(legs[0].routed && legs[0].length.0 > 2700.0);
        assert_eq!(
            (legs[1].journey, legs[1].leg, legs[1].routed),
            (0, 1, false)
        );
        assert!(legs[1].warnings[0].contains("no waypoint at its end"));
    }
}
