/* Public support groups in the Meeting Guide JSON format (src/graphql/feeds/meetingGuide.ts). */
import { handleMeetingGuideRoute } from '../../../graphql/http/nextRoute'

export const dynamic = 'force-dynamic'

export const GET = handleMeetingGuideRoute
