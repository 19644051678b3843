/**
 * Hand-written texts for the content-integrity tests: a source article, rewrites of it, and
 * unrelated articles to pad partial copies with. Each array holds one sentence per entry so tests
 * can copy a share of the source sentence by sentence.
 */

export const peerSupportSource = [
  'Peer support groups bring together people who have lived through something similar.',
  'Nobody in the room is there as an expert, and nobody is there to fix anyone else.',
  'Members take turns to speak, and the others listen without interrupting or judging.',
  'Many people arrive at their first meeting feeling nervous and unsure what to say.',
  'It is fine to sit quietly for a few weeks before you decide to share anything at all.',
  'A facilitator keeps time, welcomes newcomers and reminds everyone of the ground rules.',
  'The most important rule is that what is said in the group stays in the group.',
  'Hearing how someone else coped with a bad week can make your own problems feel less strange.',
  'Over time members often notice that they have started to offer advice as well as receive it.',
  'That change from being helped to helping is one of the reasons groups work so well.',
  'Research on mutual aid suggests that members feel less isolated after a few months.',
  'Some also report that they understand their own feelings better once they have named them aloud.',
  'Groups are not a replacement for treatment from a doctor or a therapist.',
  'They work best alongside other care, and facilitators will say so if someone seems unwell.',
  'Most groups meet once a week or once a fortnight, in a library, a church hall or online.',
  'You do not usually need a referral, and many groups are free to attend.',
  'If a group does not feel right, it is worth trying another one before giving up.',
  'Each group has its own character, shaped by the people who keep coming back.',
  'Bring nothing but yourself, and leave whenever you need to.',
  'Some members stay for years, and others move on once they feel steadier.',
]

/** The source with most content words swapped for synonyms, in the same order. */
export const peerSupportSynonyms = [
  'Peer support circles bring together folks who have lived through something alike.',
  'No one in the room is there as a specialist, and no one is there to repair anyone else.',
  'Participants take turns to talk, and the others listen without cutting in or judging.',
  'Many folks arrive at their first session feeling anxious and uncertain what to say.',
  'It is okay to sit silently for a few weeks before you choose to share anything at all.',
  'A host keeps time, greets newcomers and reminds everyone of the basic rules.',
  'The most vital rule is that what is said in the circle stays in the circle.',
  'Hearing how somebody else managed a rough week can make your own troubles feel less odd.',
  'Over time participants often find that they have begun to give advice as well as get it.',
  'That shift from being helped to helping is one of the reasons circles work so well.',
  'Studies on mutual aid suggest that participants feel less lonely after a few months.',
  'Some also say that they grasp their own emotions better once they have named them aloud.',
  'Circles are not a substitute for care from a doctor or a counsellor.',
  'They work best alongside other help, and hosts will say so if somebody seems unwell.',
  'Most circles meet once a week or once a fortnight, in a library, a church hall or online.',
  'You do not normally need a referral, and many circles are free to join.',
  'If a circle does not feel right, it is worth trying another one before quitting.',
  'Each circle has its own nature, formed by the folks who keep coming back.',
  'Bring nothing but yourself, and go whenever you need to.',
  'Some participants stay for years, and others move on once they feel calmer.',
]

/** The same synonym rewrite with its sentences in another order. */
export const peerSupportSynonymsReordered = [
  ...peerSupportSynonyms.slice(10),
  ...peerSupportSynonyms.slice(5, 10),
  ...peerSupportSynonyms.slice(0, 5),
]

export const sleepArticle = [
  'Sleep problems are common when you are anxious, and they tend to feed each other.',
  'A racing mind at bedtime makes it harder to drift off, and a short night leaves you more on edge.',
  'Keeping the same wake-up time every day, even at weekends, steadies the body clock.',
  'Daylight in the morning helps too, so a walk before work is worth the effort.',
  'Caffeine lingers for hours, which is why a late coffee can still keep you awake at midnight.',
  'Screens are less of a problem than the worry that comes with them, such as late email.',
  'If you cannot sleep after twenty minutes, get up and do something dull in dim light.',
  'Lying in bed and trying harder usually teaches the brain that bed is a place to fret.',
  'Writing tomorrow’s tasks on paper before bed can stop them circling in your head.',
  'Slow breathing, with a longer breath out than in, calms the nervous system for many people.',
  'Alcohol may help you nod off, but it breaks up sleep in the second half of the night.',
  'Naps are fine if they are short and early in the afternoon.',
  'Persistent insomnia responds well to a structured course of cognitive behavioural therapy.',
  'A GP can refer you, and some courses are available as guided self-help online.',
  'Sleeping pills are meant for short periods only and are not a long-term answer.',
  'Keep the bedroom cool, dark and quiet, and keep the clock out of sight.',
  'Progress is often slow, and one bad night does not undo a week of good habits.',
  'Notice what helps and keep a simple diary for a fortnight to spot patterns.',
  'Talking to someone about what keeps you awake can take some of its power away.',
  'Most people sleep better within a month of changing two or three habits.',
]

export const workplaceArticle = [
  'Employers have a duty to make reasonable adjustments for staff with a long-term condition.',
  'An adjustment might be a later start, a quieter desk or a phased return after sick leave.',
  'You do not have to tell your manager about a diagnosis, but doing so can unlock support.',
  'Occupational health teams can recommend changes without sharing your medical details.',
  'Keep a written record of what was agreed, when, and with whom.',
  'If a request is refused, ask for the reasons in writing and for a review.',
  'Trade unions and advice services can help you prepare for a difficult meeting.',
  'Discrimination because of a disability is unlawful, and that includes many mental health conditions.',
  'A grievance procedure gives you a formal route when informal talks have failed.',
  'Time limits for an employment tribunal are short, so act quickly if things go wrong.',
  'Many employers also offer an assistance programme with free, confidential counselling.',
  'Returning to work is easier with a plan that builds up hours over several weeks.',
  'Regular check-ins with a manager help catch problems before they become a crisis.',
  'Colleagues do not need to know why your hours have changed unless you choose to tell them.',
  'Working from home can help some people and isolate others, so review it after a month.',
  'A wellness action plan sets out early warning signs and what helps when they appear.',
  'Small changes, agreed early, often prevent long periods of absence.',
  'If you are self-employed, different rules apply, but advice services can still help.',
  'Looking after your rights is not making a fuss; it is part of staying well at work.',
  'The law protects you from being treated worse for asking for an adjustment.',
]

export const join = (sentences: string[]) => sentences.join(' ')

/**
 * A new article that copies the first `share` of the source's sentences word for word and fills
 * the rest with sentences of its own, to the same length.
 */
export function partialCopy(share: number, source = peerSupportSource, filler = workplaceArticle) {
  const copied = Math.round(source.length * share)
  return join([...source.slice(0, copied), ...filler.slice(0, source.length - copied)])
}
