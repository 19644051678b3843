/** Demo support groups. Private fields hold obviously fake data (example.org, 555-01xx numbers). */
export const demoTopics = [
  { slug: 'therapies', name: 'Therapies', description: 'Talking and physical treatments.' },
  { slug: 'dbt', name: 'Dialectical behaviour therapy', parent: 'therapies' },
  { slug: 'cbt', name: 'Cognitive behavioural therapy', parent: 'therapies' },
  { slug: 'tms', name: 'Transcranial magnetic stimulation', parent: 'therapies' },
  { slug: 'crisis-support', name: 'Crisis support', isCrisisRelated: true },
  { slug: 'wellbeing', name: 'Wellbeing' },
  { slug: 'resilience', name: 'Resilience', parent: 'wellbeing' },
  { slug: 'workplace-rights', name: 'Workplace rights', parent: 'wellbeing' },
  { slug: 'peer-support', name: 'Peer support' },
]

export const demoGroups = [
  {
    name: 'Tuesday evening peer circle',
    description: 'A friendly drop-in circle for anyone living with low mood or anxiety.',
    topics: ['peer-support'],
    organisation: 'Haven demo organisation',
    facilitation: 'peer-led' as const,
    format: 'in-person' as const,
    schedule: {
      timezone: 'Europe/London',
      weekly: [{ weekdays: ['tuesday' as const], startTime: '18:30', endTime: '20:00' }],
    },
    languages: ['en'],
    cost: 'Free',
    accessibilityNotes: 'Step-free access and a hearing loop.',
    openToNewMembers: true,
    area: { city: 'Leeds', region: 'West Yorkshire', country: 'GB', lat: 53.8, lng: -1.55 },
    private: {
      address: 'DEMO DATA: 1 Example Street, Exampletown',
      accessInstructions: 'DEMO DATA: ring the bell marked Community Room.',
      facilitatorContact: {
        name: 'Demo Facilitator',
        phone: '+44 20 7946 0000',
        email: 'facilitator@example.org',
      },
      internalNotes: 'DEMO DATA: fictional group for trying Haven.',
    },
  },
  {
    name: 'Online DBT skills practice',
    description: 'Practise DBT skills together between therapy sessions. Camera optional.',
    topics: ['dbt', 'peer-support'],
    organisation: 'Haven demo organisation',
    facilitation: 'co-facilitated' as const,
    format: 'online' as const,
    schedule: {
      timezone: 'America/New_York',
      weekly: [
        {
          weekdays: ['monday' as const, 'thursday' as const],
          startTime: '19:00',
          endTime: '20:00',
        },
      ],
    },
    languages: ['en', 'es'],
    cost: 'Free',
    openToNewMembers: true,
    area: { region: 'Online', country: 'US' },
    private: {
      meetingLink: 'https://meet.example.org/demo-dbt-skills',
      meetingLinkIsPublic: false,
      facilitatorContact: {
        name: 'Demo Coordinator',
        phone: '+1 202 555 0100',
        email: 'coordinator@example.org',
      },
      internalNotes: 'DEMO DATA: fictional group for trying Haven.',
    },
  },
  {
    name: 'Grupo de apoyo entre pares',
    description: 'Grupo en español para compartir experiencias de ansiedad y depresión.',
    topics: ['peer-support', 'resilience'],
    organisation: 'Haven demo organisation',
    facilitation: 'professional' as const,
    format: 'hybrid' as const,
    schedule: {
      timezone: 'Europe/Madrid',
      weekly: [{ weekdays: ['wednesday' as const], startTime: '17:00', endTime: '18:30' }],
    },
    languages: ['es'],
    cost: 'Gratuito',
    openToNewMembers: false,
    area: { city: 'Madrid', country: 'ES', lat: 40.42, lng: -3.7 },
    private: {
      address: 'DEMO DATA: Calle Ejemplo 1, Madrid',
      meetingLink: 'https://meet.example.org/demo-grupo',
      meetingLinkIsPublic: true,
      internalNotes: 'DEMO DATA: fictional group for trying Haven.',
    },
  },
]

export const demoHelplines = [
  {
    country: 'GB',
    name: 'Samaritans',
    phone: '116 123',
    hours: '24/7',
    url: 'https://www.samaritans.org',
  },
  {
    country: 'US',
    name: '988 Suicide & Crisis Lifeline',
    phone: '988',
    textNumber: '988',
    hours: '24/7',
    url: 'https://988lifeline.org',
  },
  {
    country: 'ES',
    name: 'Línea 024',
    phone: '024',
    hours: '24/7',
    url: 'https://www.sanidad.gob.es/linea024/',
  },
]
