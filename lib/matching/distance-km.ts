export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/**
 * Where a country's industry roughly is, for a buyer or supplier without coordinates: the centroid of
 * its population (rounded), not of its area. Countries we deliver to most; others have no fallback.
 */
export const countryCentroids: Record<string, GeoPoint> = {
  DE: { latitude: 50.6, longitude: 9.6 },
  AT: { latitude: 47.9, longitude: 14.6 },
  CH: { latitude: 47.2, longitude: 8.1 },
  FR: { latitude: 46.9, longitude: 2.4 },
  IT: { latitude: 43.5, longitude: 11.7 },
  ES: { latitude: 40.3, longitude: -3.6 },
  PT: { latitude: 39.9, longitude: -8.3 },
  NL: { latitude: 52.1, longitude: 5.2 },
  BE: { latitude: 50.8, longitude: 4.4 },
  LU: { latitude: 49.7, longitude: 6.1 },
  DK: { latitude: 55.9, longitude: 10.9 },
  SE: { latitude: 58.6, longitude: 15.6 },
  FI: { latitude: 61.7, longitude: 25.3 },
  NO: { latitude: 60.6, longitude: 9.6 },
  PL: { latitude: 51.7, longitude: 19.4 },
  CZ: { latitude: 49.9, longitude: 15.5 },
  SK: { latitude: 48.7, longitude: 19.4 },
  HU: { latitude: 47.3, longitude: 19.3 },
  SI: { latitude: 46.1, longitude: 14.8 },
  HR: { latitude: 45.5, longitude: 16.3 },
  RO: { latitude: 45.6, longitude: 25.3 },
  BG: { latitude: 42.8, longitude: 25.2 },
  GR: { latitude: 38.8, longitude: 23.2 },
  IE: { latitude: 53.2, longitude: -7.4 },
  GB: { latitude: 52.6, longitude: -1.5 },
  EE: { latitude: 58.9, longitude: 25.0 },
  LV: { latitude: 56.9, longitude: 24.4 },
  LT: { latitude: 55.2, longitude: 23.9 },
};

const earthRadiusKm = 6371;

// At module level rather than inside distanceKm: a ranking measures the distance to every supplier.
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine). */
export function distanceKm(from: GeoPoint, to: GeoPoint): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A company's own coordinates, else its country's centroid, else null. */
export function locationOf(place: {
  latitude: number | null;
  longitude: number | null;
  countryCode: string;
}): GeoPoint | null {
  if (place.latitude !== null && place.longitude !== null)
    return { latitude: place.latitude, longitude: place.longitude };
  return countryCentroids[place.countryCode.trim().toUpperCase()] ?? null;
}
