import type { Field, FieldHook } from 'payload'

// Two decimal places are about 1.1 km of latitude: enough to find a group nearby, too coarse to
// point at a house. The exact address lives in the private fields.
const roundToKm: FieldHook = ({ value }) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) / 100 : value

/** The coarse, public location of a group. */
export function publicAreaField(): Field {
  return {
    name: 'area',
    type: 'group',
    admin: { description: 'Public and approximate. Never put the meeting address here.' },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'city', type: 'text' },
          { name: 'region', type: 'text' },
          {
            name: 'country',
            type: 'text',
            maxLength: 2,
            admin: { description: 'ISO 3166 code, e.g. GB, US, ES.' },
          },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'lat', type: 'number', min: -90, max: 90, hooks: { beforeChange: [roundToKm] } },
          {
            name: 'lng',
            type: 'number',
            min: -180,
            max: 180,
            hooks: { beforeChange: [roundToKm] },
          },
        ],
      },
    ],
  }
}
