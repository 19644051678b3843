import fs from 'node:fs'
import path from 'node:path'

import type { TextBlock } from '../../src/lib/lexical'
import { fixturePath } from './fixturePath'

/**
 * Distinct, well-titled articles written for the quality tests. Several share a subject with the
 * seed copy (peer support, DBT, TMS, resilience) so the tests show that writing about the same
 * thing is not mistaken for a spun duplicate, and that a title matching its body is not flagged.
 */
export type SampleArticle = { title: string; blocks: TextBlock[] }

const p = (text: string): TextBlock => ({ type: 'paragraph', text })
const h = (text: string): TextBlock => ({ type: 'heading', text })

export const sampleArticles: SampleArticle[] = [
  {
    title: 'Peer support groups: what happens at a meeting',
    blocks: [
      p(
        'If you have never been to a peer support group, the first meeting can feel daunting. Knowing the usual shape of a session makes it easier to walk through the door, or to log in, for the first time.',
      ),
      h('Arriving'),
      p(
        'Most groups start with a short welcome from the facilitator, who is usually a volunteer with lived experience of the same difficulty. Newcomers are not expected to introduce themselves at length; saying your first name, or just listening, is enough.',
      ),
      h('Ground rules'),
      p(
        'Groups agree a few rules that keep the room safe: what is said in the group stays in the group, people speak one at a time, and nobody gives medical advice. Some groups read these rules aloud at every meeting so that newcomers hear them.',
      ),
      h('The round'),
      p(
        'Many meetings go round the circle, giving each person a few minutes to say how their week has been. Others choose a theme, such as sleep, setbacks or talking to family, and open the floor. You can pass at any time.',
      ),
      p(
        'After the meeting, members often stay for tea or swap contact details. Over months, these informal conversations can matter as much as the meeting itself. If a group does not suit you, another may meet on a different evening, online, or with a different mix of people.',
      ),
    ],
  },
  {
    title: 'Starting and running a peer support group',
    blocks: [
      p(
        'Many peer support groups begin when one person notices that nothing exists locally for people in their situation. Setting up a group takes less than most people expect, but a little planning avoids common problems.',
      ),
      h('Choosing a focus and a venue'),
      p(
        'Decide who the group is for: carers, new parents, people living with bipolar disorder, or anyone affected by loss. A clear focus helps people decide whether to come. Libraries, community centres and faith buildings often lend rooms for free; a video call can reach people who cannot travel.',
      ),
      h('The facilitator role'),
      p(
        'A facilitator keeps time, welcomes newcomers and steps in if a conversation becomes unsafe. Facilitators are not therapists, and it helps to share the role between two people so that no one carries it alone. Short training courses in facilitation and safeguarding are widely available.',
      ),
      h('Keeping the group going'),
      p(
        'Groups fade when they depend on a single organiser. Rotate tasks such as booking the room and sending reminders, review the ground rules once a year, and keep a list of local services to hand out when someone needs more help than the group can give.',
      ),
    ],
  },
  {
    title: 'Dialectical behaviour therapy skills you can practise at home',
    blocks: [
      p(
        'Dialectical behaviour therapy (DBT) is usually delivered by a trained team, but many of its skills can be practised between sessions. These exercises are not a substitute for a DBT programme; they show what the skills look like in daily life.',
      ),
      h('Distress tolerance: TIPP'),
      p(
        'When an emotion spikes, DBT suggests changing body chemistry first: cold water on the face, intense exercise for a few minutes, paced breathing, and progressive muscle relaxation. The aim is to get through the peak without acting on an urge.',
      ),
      h('Emotion regulation: checking the facts'),
      p(
        'DBT asks whether the emotion and its intensity fit the facts of the situation. Writing down the prompting event, your interpretation and other possible interpretations can reduce a feeling that is out of proportion.',
      ),
      h('Interpersonal effectiveness: DEAR MAN'),
      p(
        'DEAR MAN is a DBT script for asking for something: describe the situation, express your feelings, assert your request, reinforce the benefit, stay mindful, appear confident and negotiate. Rehearsing the script with a skills group makes it easier to use under pressure.',
      ),
    ],
  },
  {
    title: 'CBT for anxiety: how exposure works',
    blocks: [
      p(
        'Cognitive behavioural therapy (CBT) for anxiety often includes exposure: facing feared situations in planned, gradual steps. Avoidance brings short-term relief but teaches the brain that the situation was dangerous, so the fear grows.',
      ),
      h('Building a ladder'),
      p(
        'In CBT you and your therapist list situations you avoid and rate how anxious each would make you. The ladder starts with something mildly uncomfortable and climbs towards the situations that feel impossible today.',
      ),
      h('Staying with the anxiety'),
      p(
        'Each step is repeated until the anxiety falls on its own. CBT therapists encourage dropping safety behaviours, such as carrying water or avoiding eye contact, because they stop you learning that you can cope without them.',
      ),
      p(
        'Exposure is hard work, and progress is rarely smooth. Most people find that the anxiety at each step peaks and then fades sooner than they predicted, which is exactly what CBT sets out to show.',
      ),
    ],
  },
  {
    title: 'Resilience in psychology: what the research says',
    blocks: [
      p(
        'In psychology, resilience describes the process of adapting well in the face of adversity, trauma or significant stress. Researchers no longer treat resilience as a rare trait; studies of people after bereavement or disaster find that resilience is common.',
      ),
      h('Protective factors'),
      p(
        'Longitudinal studies point to a handful of factors that predict resilience: supportive relationships, a sense of control over some part of life, problem-solving skills, and the ability to manage strong feelings. Resilience researchers stress that these are resources that can be built, not fixed qualities.',
      ),
      h('Resilience is not toughness'),
      p(
        'Resilient people still feel distress. The research describes resilience as returning to everyday functioning over time, often with help from others, rather than carrying on as if nothing happened.',
      ),
    ],
  },
  {
    title: 'What to expect from a course of TMS',
    blocks: [
      p(
        'Transcranial magnetic stimulation (TMS) is offered for depression that has not responded to other treatments. Before a course of TMS starts, a doctor measures the motor threshold: the lowest strength of pulse that makes your thumb twitch.',
      ),
      h('During a TMS session'),
      p(
        'You sit in a reclining chair while a magnetic coil rests on your head. TMS makes a loud clicking sound, so earplugs are provided. A standard session lasts about twenty minutes, and theta-burst TMS takes only a few.',
      ),
      h('After TMS'),
      p(
        'You can drive and return to work straight after a TMS session. Mild headache is the most common side effect. Your team will review your mood with questionnaires during the course of TMS and decide with you whether further sessions are worthwhile.',
      ),
    ],
  },
  {
    title: 'Talking to your GP about your mental health',
    blocks: [
      p(
        'A GP appointment is often the first step towards getting help with your mental health, yet many people find it hard to know what to say in a ten-minute slot.',
      ),
      h('Before the appointment'),
      p(
        'Jot down what you have noticed, how long it has been going on, and how it affects sleep, work and relationships. Bring a list of any medication you take. You can ask for a longer appointment, or bring someone with you.',
      ),
      h('In the room'),
      p(
        'Your GP may ask questions from a short questionnaire about mood and anxiety. Answer honestly; there are no wrong answers. Ask what the options are, from talking therapy to medication, and what happens if the first option does not help.',
      ),
      p(
        'If you feel you were not listened to, you are entitled to ask for another appointment or to see a different GP.',
      ),
    ],
  },
]

/** The three seed files of real web copy (tests/fixtures/seeds). */
export const SEEDS_DIR = fixturePath('seeds')

export const readSeeds = () =>
  fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, bytes: fs.readFileSync(path.join(SEEDS_DIR, file)) }))

export const plainText = (blocks: TextBlock[]) =>
  blocks.map((b) => (b.type === 'list' ? b.items.join('\n') : b.text)).join('\n')
