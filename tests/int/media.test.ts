import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

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
