import fs from 'node:fs'
import path from 'node:path'
import { REST_GET } from '@payloadcms/next/routes'
import sharp from 'sharp'

import type { Media } from '../../src/payload-types'
import { createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload

beforeAll(async () => {
  t = await startPayload()
}, 120_000)
afterAll(async () => t?.stop())

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1200, channels: 3, background: '#6688aa' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'HavenTestCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '53/1 48/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '1/1 33/1 0/1',
      },
    })
    .toBuffer()
}

describe('media uploads', () => {
  it('stores the original and every size without EXIF or GPS tags', async () => {
    const original = await photoWithGps()
    const before = await sharp(original).metadata()
    expect(before.exif?.includes(Buffer.from('HavenTestCam'))).toBe(true)

    const doc = await t.payload.create({
      collection: 'media',
      data: { alt: 'A blue rectangle' },
      file: {
        data: original,
        mimetype: 'image/jpeg',
        name: 'phone-photo.jpg',
        size: original.length,
      },
    })

    const dir = path.join(t.dataDir, 'media')
    const files = [doc.filename!, ...Object.values(doc.sizes ?? {}).map((s) => s?.filename)].filter(
      (f): f is string => Boolean(f),
    )
    expect(files.length).toBe(4)
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(dir, file))
      expect(bytes.includes(Buffer.from('HavenTestCam'))).toBe(false)
      expect((await sharp(bytes).metadata()).exif).toBeUndefined()
    }
    expect(doc.sizes?.card?.mimeType).toBe('image/webp')
    expect(doc.width).toBe(2000)
  })

  it('refuses a file whose content does not match its label', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
    await expect(
      t.payload.create({
        collection: 'media',
        data: { alt: 'x' },
        file: { data: png, mimetype: 'image/jpeg', name: 'fake.jpg', size: png.length },
      }),
    ).rejects.toThrow(/labelled image\/jpeg but its content is image\/png/)
  })

  it('refuses a file that is not an image, and keeps nothing', async () => {
    const text = Buffer.from('not an image at all')
    await expect(
      t.payload.create({
        collection: 'media',
        data: { alt: 'x' },
        file: { data: text, mimetype: 'image/png', name: 'note.png', size: text.length },
      }),
    ).rejects.toThrow(/not a readable image/)
    const count = await t.payload.count({ collection: 'media' })
    expect(count.totalDocs).toBe(1)
  })

  it('refuses an upload over the size limit with a clear message', async () => {
    process.env.HAVEN_MAX_UPLOAD_MB = '0.001'
    try {
      const original = await photoWithGps()
      await expect(
        t.payload.create({
          collection: 'media',
          data: { alt: 'big' },
          file: { data: original, mimetype: 'image/jpeg', name: 'big.jpg', size: original.length },
        }),
      ).rejects.toThrow(/larger than the .* upload limit/)
    } finally {
      delete process.env.HAVEN_MAX_UPLOAD_MB
    }
  })

  it('requires alt text', async () => {
    const original = await photoWithGps()
    await expect(
      t.payload.create({
        collection: 'media',
        data: {} as never,
        file: { data: original, mimetype: 'image/jpeg', name: 'noalt.jpg', size: original.length },
      }),
    ).rejects.toThrow(/alt/i)
  })
})

describe('media file names', () => {
  const picture = (background: string, format: 'jpeg' | 'png') =>
    sharp({ create: { width: 1600, height: 1000, channels: 3, background } })
      .toFormat(format)
      .toBuffer()

  const upload = async (name: string, data: Buffer, mimetype: string) =>
    (await t.payload.create({
      collection: 'media',
      data: { alt: name },
      file: { data, mimetype, name, size: data.length },
    })) as Media

  const filesOf = (doc: Media) =>
    [doc.filename, ...Object.values(doc.sizes ?? {}).map((s) => s?.filename)].filter(
      (f): f is string => Boolean(f),
    )

  // Mean red and blue of a stored file: which picture its pixels really come from.
  const colourOf = async (file: string) => {
    const { channels } = await sharp(path.join(t.dataDir, 'media', file)).stats()
    return channels[0].mean > channels[2].mean ? 'red' : 'blue'
  }

  // As staff: anonymous callers may fetch only files that published content uses.
  let staffToken: string | undefined
  const fetchFile = async (filename: string) => {
    const { default: config } = await import('../../payload.config')
    if (!staffToken) {
      const admin = await createUser(t.payload, ['admin'])
      staffToken = (
        await t.payload.login({
          collection: 'users',
          data: { email: admin.email, password: 'correct-horse-battery-staple' },
        })
      ).token
    }
    const path = `media/file/${filename}`
    const request = new Request(`http://127.0.0.1/api/${path}`, {
      headers: { authorization: `JWT ${staffToken}` },
    })
    return REST_GET(config)(request, {
      params: Promise.resolve({ slug: path.split('/') }),
    })
  }

  it('gives every upload and every size its own file, and deletes only its own', async () => {
    const jpeg = await upload('x.jpg', await picture('#1030e0', 'jpeg'), 'image/jpeg')
    const png = await upload('x.png', await picture('#e03010', 'png'), 'image/png')

    const jpegFiles = filesOf(jpeg)
    const pngFiles = filesOf(png)
    expect(jpegFiles).toHaveLength(4)
    expect(pngFiles).toHaveLength(4)
    expect(new Set([...jpegFiles, ...pngFiles]).size).toBe(8)
    for (const file of jpegFiles) expect(await colourOf(file)).toBe('blue')
    for (const file of pngFiles) expect(await colourOf(file)).toBe('red')

    await t.payload.delete({ collection: 'media', id: png.id })
    for (const file of pngFiles)
      expect(fs.existsSync(path.join(t.dataDir, 'media', file))).toBe(false)
    for (const file of jpegFiles) {
      expect(await colourOf(file)).toBe('blue')
      expect((await fetchFile(file)).status).toBe(200)
    }
  })

  it('names the same upload twice differently', async () => {
    const bytes = await picture('#20a040', 'jpeg')
    const first = await upload('same.jpg', bytes, 'image/jpeg')
    const second = await upload('same.jpg', bytes, 'image/jpeg')
    const both = [...filesOf(first), ...filesOf(second)]
    expect(new Set(both).size).toBe(8)
    await t.payload.delete({ collection: 'media', id: first.id })
    for (const file of filesOf(second))
      expect(fs.existsSync(path.join(t.dataDir, 'media', file))).toBe(true)
  })

  it('answers 404, not 500, for a file the disk no longer has', async () => {
    const doc = await upload('gone.png', await picture('#808080', 'png'), 'image/png')
    const card = doc.sizes!.card!.filename!
    fs.rmSync(path.join(t.dataDir, 'media', card))
    const res = await fetchFile(card)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ errors: [{ message: 'File not found.' }] })
    expect((await fetchFile(doc.filename!)).status).toBe(200)
  })
})
