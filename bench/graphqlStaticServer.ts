/** A node:http server answering every request with the bytes in BENCH_BODY_FILE (the ceiling). */
import fs from 'node:fs'
import http from 'node:http'

const port = Number(process.env.BENCH_PORT)
const body = fs.readFileSync(process.env.BENCH_BODY_FILE!)

http
  .createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length })
      res.end(body)
    })
  })
  .listen(port, '127.0.0.1', () => process.send?.({ type: 'listening', port }))
