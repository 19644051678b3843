/**
 * `npm run site`: the reader-facing site on SITE_PORT (default 3001), reading Haven's public API
 * at HAVEN_API_URL (default the `npm start` one on this machine). See docs/site.md.
 */
import { createSite } from './app'

const port = Number(process.env.SITE_PORT || 3001)
const host = process.env.SITE_HOST || '127.0.0.1'
const apiUrl = process.env.HAVEN_API_URL || 'http://127.0.0.1:3000/graphql'
const publicUrl = (process.env.SITE_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '')
const secrets = (process.env.SITE_WEBHOOK_SECRET ?? '').split(/[\s,]+/).filter(Boolean)

const site = createSite({
  apiUrl,
  publicUrl,
  webhookSecrets: secrets,
  mediaOrigin: process.env.SITE_MEDIA_ORIGIN || undefined,
})
site.server.on('error', (error: NodeJS.ErrnoException) => {
  const hint = error.code === 'EADDRINUSE' ? ` Port ${port} is taken: set SITE_PORT.` : ''
  process.stderr.write(`The site cannot start: ${error.message}.${hint}\n`)
  process.exit(1)
})
site.server.listen(port, host, () => {
  process.stdout.write(
    `Haven site on ${publicUrl} (reading ${apiUrl})\n` +
      (secrets.length
        ? `  Webhook receiver ${publicUrl}/webhooks/haven\n`
        : '  Webhooks off: set SITE_WEBHOOK_SECRET to refresh pages when Haven publishes.\n'),
  )
})
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    site.server.close(() => process.exit(0))
    site.server.closeIdleConnections()
    setTimeout(() => process.exit(0), 5_000).unref()
  })
}
