const EARTH_RADIUS_KM = 6371
const KM_PER_DEGREE_LAT = 111.32

const rad = (deg: number) => (deg * Math.PI) / 180

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = rad(lat2 - lat1)
  const dLng = rad(lng2 - lng1)
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)))
}

export type Box = { minLat: number; maxLat: number; lngRanges: Array<[number, number]> }

/**
 * A latitude/longitude box containing the circle, for an indexable database filter before the
 * exact distance check. Near the poles it covers all longitudes; across the antimeridian it
 * splits into two longitude ranges.
 */
export function boundingBox(lat: number, lng: number, radiusKm: number): Box {
  const dLat = radiusKm / KM_PER_DEGREE_LAT
  const minLat = Math.max(-90, lat - dLat)
  const maxLat = Math.min(90, lat + dLat)
  const cos = Math.cos(rad(Math.max(Math.abs(minLat), Math.abs(maxLat))))
  if (cos < 1e-6 || maxLat === 90 || minLat === -90) {
    return { minLat, maxLat, lngRanges: [[-180, 180]] }
  }
  const dLng = radiusKm / (KM_PER_DEGREE_LAT * cos)
  if (dLng >= 180) return { minLat, maxLat, lngRanges: [[-180, 180]] }
  const west = lng - dLng
  const east = lng + dLng
  if (west < -180)
    return {
      minLat,
      maxLat,
      lngRanges: [
        [west + 360, 180],
        [-180, east],
      ],
    }
  if (east > 180)
    return {
      minLat,
      maxLat,
      lngRanges: [
        [west, 180],
        [-180, east - 360],
      ],
    }
  return { minLat, maxLat, lngRanges: [[west, east]] }
}
