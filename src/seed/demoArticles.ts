import type { TextBlock } from '../lib/lexical'

export type DemoArticle = {
  title: string
  summary: string
  /** Topic slugs. */
  topics: string[]
  contentWarnings?: string[]
  blocks: TextBlock[]
}

const p = (text: string): TextBlock => ({ type: 'paragraph', text })
const h = (text: string): TextBlock => ({ type: 'heading', text })

/**
 * Short demo articles written for Haven. They are deliberately plain, general information (not
 * clinical advice) and contain no personal data, so they pass every content check.
 */
export const demoArticles: DemoArticle[] = [
  {
    title: 'What is dialectical behaviour therapy (DBT)?',
    summary:
      'DBT teaches skills for handling intense emotions. Here is how a typical DBT programme is organised.',
    topics: ['dbt'],
    blocks: [
      p(
        'Dialectical behaviour therapy, usually shortened to DBT, is a talking therapy built for people whose emotions feel overwhelming and hard to steer. It grew out of cognitive behavioural approaches and adds a steady emphasis on acceptance alongside change.',
      ),
      h('The four DBT skill modules'),
      p(
        'Most DBT programmes teach mindfulness, distress tolerance, emotion regulation and interpersonal effectiveness. Mindfulness helps you notice what is happening without judging it. Distress tolerance offers ways through a crisis moment without making things worse. Emotion regulation looks at what drives a feeling and how to shift it. Interpersonal effectiveness covers asking for what you need while keeping self-respect.',
      ),
      h('How DBT is delivered'),
      p(
        'A standard DBT course combines weekly individual therapy with a weekly skills group, often for six months to a year. Many services also offer short phone coaching between sessions so that skills can be tried in real situations. Diary cards help you and your therapist see patterns over time.',
      ),
      p(
        'DBT has the strongest evidence for people who self-harm or live with a diagnosis of borderline personality disorder, and it is increasingly adapted for adolescents and for eating difficulties. Ask your care team whether a DBT programme runs in your area.',
      ),
    ],
  },
  {
    title: 'Cognitive behavioural therapy (CBT): how thoughts, feelings and actions connect',
    summary:
      'CBT is a structured, time-limited therapy. What happens in sessions and what to expect.',
    topics: ['cbt'],
    blocks: [
      p(
        'Cognitive behavioural therapy, or CBT, starts from a simple observation: the way we interpret a situation shapes how we feel and what we do next, and what we do feeds back into how we think. CBT works on that loop.',
      ),
      h('What a CBT session looks like'),
      p(
        'Sessions are structured and collaborative. You and your therapist agree an agenda, review the week, and work on a specific problem. Between sessions you practise: keeping a thought record, testing a prediction with a small behavioural experiment, or gradually facing something you have been avoiding.',
      ),
      h('Who CBT helps'),
      p(
        'CBT is recommended for depression, anxiety disorders, obsessive-compulsive disorder and post-traumatic stress, among others. A course is often between six and twenty sessions. It can be delivered face to face, in groups, by video, or as guided self-help with a practitioner checking in.',
      ),
      p(
        'CBT asks for active effort, and it is normal for it to feel hard at first. If the fit with a therapist does not feel right, it is reasonable to say so and ask about alternatives.',
      ),
    ],
  },
  {
    title: 'Transcranial magnetic stimulation (TMS) for depression',
    summary:
      'TMS uses magnetic pulses to stimulate areas of the brain linked to mood. Who it is offered to and what treatment involves.',
    topics: ['tms'],
    blocks: [
      p(
        'Transcranial magnetic stimulation, known as TMS, is a non-invasive treatment in which a coil held against the scalp delivers magnetic pulses to a region of the brain involved in mood regulation. It does not need anaesthetic and you stay awake throughout.',
      ),
      h('Who is offered TMS'),
      p(
        'TMS is mainly offered to adults with depression that has not improved after trying antidepressant medication and talking therapy. A psychiatrist assesses whether it is suitable; it is generally not used for people with certain metal implants or a history of seizures.',
      ),
      h('What a course of TMS involves'),
      p(
        'A typical course means short sessions on most weekdays for several weeks. Newer protocols deliver stimulation in bursts, shortening each session to a few minutes. The most common side effects are scalp discomfort and headache during the first sessions, which usually ease.',
      ),
      p(
        'Response varies: some people notice a lift in mood within weeks, others need a further course or combine TMS with therapy. Your clinician should explain the evidence for your situation before you decide.',
      ),
    ],
  },
  {
    title: 'Getting through a mental health crisis',
    summary:
      'What a crisis can feel like, immediate steps that help, and where to find urgent support.',
    topics: ['crisis-support'],
    contentWarnings: ['suicide', 'self-harm'],
    blocks: [
      p(
        'A mental health crisis is any moment when you feel you cannot keep yourself safe or cope with what is happening. It might involve thoughts of suicide, an urge to self-harm, panic that will not settle, or feeling detached from reality.',
      ),
      h('Immediate steps'),
      p(
        'If you are in danger right now, contact your local emergency number. If you can, move to a safer space, put distance between yourself and anything you could use to hurt yourself, and tell someone you trust how you are feeling.',
      ),
      h('Making a safety plan'),
      p(
        'A safety plan is a short written list you prepare while you feel calmer: your warning signs, things that have helped before, people and places that distract you, professionals you can reach, and steps that make your surroundings safer. Keep it somewhere easy to find.',
      ),
      p(
        'Crisis lines listed with this article are free and confidential. Talking to a trained listener does not commit you to anything; it is a way to get through the next hour.',
      ),
    ],
  },
  {
    title: 'Building resilience after a hard year',
    summary:
      'Resilience is a set of habits and connections, not a fixed trait. Practical ways to rebuild it.',
    topics: ['resilience'],
    blocks: [
      p(
        'Resilience is often described as bouncing back, but recovery after a difficult period is rarely a straight line. It is better understood as the resources that help you adapt: relationships, routines, a sense of meaning, and the ability to ask for help.',
      ),
      h('Small routines that steady you'),
      p(
        'Regular sleep and waking times, some daylight and movement, and meals at predictable times give the body a rhythm that supports mood. None of these fix a problem on their own; together they make it easier to face one.',
      ),
      h('Connection and meaning'),
      p(
        'People who feel connected to others cope better with setbacks. That might be one trusted friend, a community group or volunteering. Noticing what still matters to you, and taking one small action towards it each week, rebuilds a sense of direction.',
      ),
      p(
        'Resilience does not mean coping alone. Reaching out when things are heavy is itself a resilient act.',
      ),
    ],
  },
  {
    title: 'Your rights at work when you have a mental health condition',
    summary:
      'Reasonable adjustments, disclosure and confidentiality at work: an overview of common protections.',
    topics: ['workplace-rights'],
    blocks: [
      p(
        'In many countries, a long-term mental health condition that substantially affects daily life counts as a disability in employment law. That can give you protection from discrimination and a right to reasonable adjustments.',
      ),
      h('Reasonable adjustments'),
      p(
        'Adjustments are changes that remove a disadvantage: flexible start times around medication side effects, a quieter workspace, time off for therapy appointments, a phased return after sick leave, or clearer written instructions. Employers are generally expected to consider requests seriously.',
      ),
      h('Telling your employer'),
      p(
        'You usually do not have to disclose a diagnosis, but an employer can only make adjustments for needs it knows about. You can choose how much detail to share and with whom. Information about your health should be kept confidential and used only for the purpose you shared it for.',
      ),
      p(
        'Laws differ between countries and regions. A trade union, an employment advice service or a legal clinic can explain what applies where you work.',
      ),
    ],
  },
  {
    title: 'Why peer support groups help',
    summary:
      'Meeting people who have lived through something similar reduces isolation and builds hope.',
    topics: ['peer-support'],
    blocks: [
      p(
        'A peer support group brings together people with shared lived experience: of depression, of caring for someone, of recovery from addiction, or of a particular diagnosis. Members support each other as equals rather than as patient and professional.',
      ),
      h('What members say they gain'),
      p(
        'Hearing someone describe a feeling you thought only you had can be a relief. Groups offer practical tips from people who have tried them, a regular point of contact in the week, and a chance to help others, which many members find as valuable as being helped.',
      ),
      h('Finding a group that fits'),
      p(
        'Groups differ in size, format and facilitation. Some are led by trained peers, others by a professional, and many meet online. It is fine to try a group once or twice before deciding, and to listen without speaking until you feel ready.',
      ),
    ],
  },
]
