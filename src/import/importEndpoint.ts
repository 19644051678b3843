import path from 'node:path'
import type { Endpoint } from 'payload'

import { hasRole } from '../access/roles'
import { seedBlockedPhrases } from '../quality/seedBlockedPhrases'
import { MAX_FILE_BYTES } from './decodeText'
import { importArticles, type ImportFile, type ImportOutcome } from './importArticles'

const MAX_FILES = 200

const fail = (status: number, error: string) => Response.json({ error }, { status })

const cleanName = (name: string) =>
  path
    .basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f]/g, '')
    .slice(0, 200) || 'upload.txt'

/**
 * POST /api/articles/import — the admin upload: multipart form data with one or more plain-text
 * files in the "files" field. Answers with one outcome per file and the summary; a bad file is an
 * outcome with an error, not a failed request.
 */
export const importEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return fail(401, 'Sign in to import articles.')
    if (!hasRole(req.user, 'admin', 'editor')) return fail(403, 'Only editors can import articles.')
    let form: FormData
    try {
      form = await (req.formData as () => Promise<FormData>)()
    } catch {
      return fail(400, 'Send the files as multipart/form-data in a field named "files".')
    }
    const uploads = form.getAll('files').filter((f): f is File => typeof f !== 'string')
    if (uploads.length === 0) return fail(400, 'No files received: choose one or more .txt files.')
    if (uploads.length > MAX_FILES) return fail(400, `Import at most ${MAX_FILES} files at a time.`)

    const tooLarge: ImportOutcome[] = []
    const files: ImportFile[] = []
    for (const upload of uploads) {
      const name = cleanName(upload.name)
      if (upload.size > MAX_FILE_BYTES)
        tooLarge.push({ file: name, status: 'failed', error: 'File is larger than 2 MB.' })
      else files.push({ name, bytes: new Uint8Array(await upload.arrayBuffer()) })
    }
    await seedBlockedPhrases(req.payload)
    const { outcomes, summary } = await importArticles(req.payload, files, { user: req.user })
    summary.failed += tooLarge.length
    return Response.json({ outcomes: [...outcomes, ...tooLarge], summary })
  },
}
