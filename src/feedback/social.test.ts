import { describe, expect, it } from 'vitest'
import { isKpiError } from '../core/isKpiError.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import { businessHours } from '../time/businessHours.ts'
import { classifyComments } from './classifyComments.ts'
import { codeFrame } from './codeFrame.ts'
import { mentionReplies } from './mentionReplies.ts'
import { mentionVolume } from './mentionVolume.ts'
import { netSentiment } from './netSentiment.ts'
import { shareOfVoice, shareOfVoiceAggregator } from './shareOfVoice.ts'
import { themes } from './themes.ts'

describe('netSentiment', () => {
  it('is % positive minus % negative, in points, with the adjusted-Wald interval of NPS', () => {
    const r = netSentiment([0.8, 'positive', -0.4, 0.01, 'Muito negativo', 'mixed', null, 'great', 3])
    expect(r).toMatchObject({ positive: 2, neutral: 2, negative: 2, n: 6, value: 0 })
    expect(r.excluded).toEqual({ missing: 1, invalid: 1, outOfRange: 1 })
    // Adjusted Wald (Rocks 2016): add 3 responses split as (z²/4, z²/2, z²/4)… with z = 1.96 the
    // interval of 2/2/2 out of 6 is symmetric about 0.
    expect((r.ci?.lower ?? 0) + (r.ci?.upper ?? 0)).toBeCloseTo(0, 10)
    expect(netSentiment([]).value).toBeNull()
    expect(netSentiment([]).reason).toBe('no-data')
  })

  it('takes a threshold, labels, a level and minN', () => {
    expect(netSentiment([0.1, -0.1]).positive).toBe(1)
    expect(netSentiment([0.1, -0.1], { threshold: 0.2 }).neutral).toBe(2)
    expect(netSentiment(['bom', 'ruim'], { labels: { bom: 'positive', ruim: 'negative' } })).toMatchObject({
      positive: 1,
      negative: 1,
    })
    const wide = netSentiment([0.5, 0.5, -0.5, 0]).ci
    const narrow = netSentiment([0.5, 0.5, -0.5, 0], { level: 0.8 }).ci
    expect((narrow?.upper ?? 0) - (narrow?.lower ?? 0)).toBeLessThan((wide?.upper ?? 0) - (wide?.lower ?? 0))
    expect(netSentiment([0.5], { minN: 2 })).toMatchObject({ value: null, reason: 'low-sample' })
    expect(() => netSentiment(['bad'], { onInvalid: 'throw' })).toThrow(
      /netSentiment: observation 0 is invalid/,
    )
    expect(() => netSentiment([], { labels: { x: 'great' } as never })).toThrow(
      /netSentiment expected `options.labels`/,
    )
  })
})

describe('shareOfVoice', () => {
  const mentions = [
    { brand: 'Lumen Desk', reach: 100 },
    { brand: 'lumen desk ', reach: 300 },
    { brand: 'Zenbox', reach: 50 },
    { brand: 'HelpHub', reach: 50 },
    { brand: 'Other', reach: 1000 },
    { brand: null },
    { reach: 5 },
  ]

  it('is your mentions over the tracked brands’, with a Wilson interval; untracked ones are counted', () => {
    const r = shareOfVoice(mentions, { brand: 'Lumen Desk', competitors: ['Zenbox', 'HelpHub'] })
    expect(r.value).toBe(0.5)
    expect(r.n).toBe(4)
    expect(r.ci).toEqual(wilsonInterval(2, 4))
    expect(r.excluded).toEqual({ missing: 2, invalid: 0, untracked: 1, invalidReach: 0 })
    expect(r.brands.map((b) => [b.brand, b.mentions, b.own])).toEqual([
      ['Lumen Desk', 2, true],
      ['HelpHub', 1, false],
      ['Zenbox', 1, false],
    ])
  })

  it('tracks every brand without competitors, and weighs by reach', () => {
    expect(shareOfVoice(mentions, { brand: 'Lumen Desk' }).n).toBe(5)
    const reach = shareOfVoice(mentions, {
      brand: 'Lumen Desk',
      competitors: ['Zenbox', 'HelpHub'],
      weight: 'reach',
    })
    expect(reach.value).toBe(400 / 500)
    expect(reach.ci).toBeNull()
    expect(
      shareOfVoice([{ brand: 'Zenbox', reach: 'lots' }], { brand: 'Lumen', weight: 'reach' }).excluded
        .invalidReach,
    ).toBe(1)
    const narrow = shareOfVoice(mentions, { brand: 'Lumen Desk', level: 0.5 }).ci
    expect(narrow).toEqual(wilsonInterval(2, 5, { level: 0.5 }))
  })

  it('refuses to merge states of other brands, and names bad options', () => {
    const a = shareOfVoice([], { brand: 'A' })
    expect(a.brands).toEqual([
      { brand: 'A', own: true, mentions: 0, share: null, reach: 0, reachShare: null },
    ])
    expect(() => shareOfVoice([], { brand: '  ' })).toThrow(/shareOfVoice expected `options.brand`/)
    expect(() => shareOfVoice([], { brand: 'A', competitors: ['a'] })).toThrow(/`options.competitors\[0\]`/)
    expect(() => shareOfVoice([7] as never, { brand: 'A', onInvalid: 'throw' })).toThrow(
      /shareOfVoice: observation 0/,
    )
  })
})

describe('mentionVolume', () => {
  it('counts mentions by platform, with reach, and lists the platforms it is told', () => {
    const r = mentionVolume(
      [
        { platform: 'x', reach: 120 },
        { platform: 'instagram' },
        { platform: 'x', reach: '30' },
        { platform: null },
        {},
      ],
      { platforms: ['linkedin'] },
    )
    expect(r).toMatchObject({ value: 3, n: 3, reach: 150, withoutReach: 1 })
    expect(r.excluded).toEqual({ missing: 2, invalid: 0 })
    expect(r.platforms.map((p) => [p.platform, p.mentions])).toEqual([
      ['x', 2],
      ['instagram', 1],
      ['linkedin', 0],
    ])
    expect(mentionVolume([{ platform: 'x' }]).platforms).toHaveLength(1)
    expect(() => mentionVolume([5] as never, { onInvalid: 'throw' })).toThrow(
      /mentionVolume: observation 0 is invalid/,
    )
  })
})

describe('mentionReplies', () => {
  const at = '2025-03-03T10:00:00Z' // a Monday
  const mentions = [
    { at, repliedAt: '2025-03-03T10:30:00Z' },
    { at, repliedAt: '2025-03-03T12:00:00Z' },
    { at, repliedAt: null },
    { at, needsReply: false },
    { at: '2025-03-08T10:00:00Z', repliedAt: '2025-03-10T09:30:00Z' }, // Saturday, answered on Monday
  ]

  it('gives the reply rate and the reply time as firstReplyTime measures it', () => {
    const r = mentionReplies(mentions)
    expect(r).toMatchObject({ value: 3 / 4, needingReply: 4, replied: 3, notNeedingReply: 1 })
    expect(r.ci).toEqual(wilsonInterval(3, 4))
    expect(r.replyTime.excluded.unanswered).toBe(1)
    expect(r.replyTime.calendar.medianMs).toBe(2 * 3_600_000)
  })

  it('measures in business hours with a schedule, against a target', () => {
    const day = [['09:00', '17:00']] as const
    const schedule = businessHours({
      timeZone: 'UTC',
      hours: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day },
    })
    const r = mentionReplies(mentions, { replyTime: { schedule, targetMs: 3_600_000 } })
    // 30 min, 2 h, and the weekend mention's 30 min of Monday morning.
    expect(r.replyTime.business?.medianMs).toBe(30 * 60_000)
    expect(r.replyTime.withinTarget?.value).toBeCloseTo(2 / 3, 12)
    expect(mentionReplies(mentions, { level: 0.5 }).ci).toEqual(wilsonInterval(3, 4, { level: 0.5 }))
  })

  it('names bad options and mentions', () => {
    expect(() => mentionReplies([], { replyTime: { schedul: 1 } as never })).toThrow(
      /^mentionReplies expected `options.replyTime` to have only the keys/,
    )
    expect(() => mentionReplies([], { replyTime: 5 as never })).toThrow(
      /mentionReplies expected `options.replyTime`/,
    )
    expect(mentionReplies([{ at, needsReply: 'yes' as never }]).excluded.invalid).toBe(1)
    expect(() => mentionReplies([{ needsReply: true }], { onInvalid: 'throw' })).toThrow(
      /mentionReplies: observation 0 is missing/,
    )
    expect(mentionReplies([{ at, needsReply: false }]).reason).toBe('zero-denominator')
  })
})

describe('classifyComments', () => {
  const frame = codeFrame({
    id: 'c',
    version: '1',
    themes: [
      { id: 'price', label: 'Price' },
      { id: 'support', label: 'Support' },
    ],
  })

  it('runs an asynchronous classifier, keeps input order, sets unknown themes and errors apart', async () => {
    const out = await classifyComments(
      ['Too expensive', { text: 'Agents were slow', language: 'en' }, '', 'boom', 'Mystery'],
      async (text, context) => {
        await new Promise((resolve) => setTimeout(resolve, text.length % 3))
        if (text === 'boom') throw new Error('model unavailable')
        if (text === 'Mystery') return [{ theme: 'weather' }]
        return text.includes('expensive')
          ? [{ theme: 'price', confidence: 0.9 }]
          : [{ theme: context.language === 'en' ? 'support' : 'price', confidence: 0.4 }]
      },
      frame,
    )
    expect(out.map((c) => [c.text, c.tags, c.unknown, c.error])).toEqual([
      ['Too expensive', [{ theme: 'price', confidence: 0.9 }], [], null],
      ['Agents were slow', [{ theme: 'support', confidence: 0.4 }], [], null],
      ['', [], [], null],
      ['boom', [], [], 'model unavailable'],
      ['Mystery', [], ['weather'], null],
    ])
    const r = themes(out, (c) => ({ text: c.text, tags: c.tags }), { codeFrame: frame })
    expect(r.themes.map((t) => [t.id, t.mentions, t.needsReview])).toEqual([
      ['price', 1, 0],
      ['support', 0, 1],
    ])
  })

  it('classifies at most `concurrency` comments at once', async () => {
    let running = 0
    let most = 0
    const classifier = async () => {
      running++
      most = Math.max(most, running)
      await new Promise((resolve) => setTimeout(resolve, 2))
      running--
      return []
    }
    await classifyComments(Array(12).fill('x y'), classifier, frame, { concurrency: 3 })
    expect(most).toBe(3)
    most = 0
    await classifyComments(Array(12).fill('x y'), classifier, frame)
    expect(most).toBe(4)
    await expect(classifyComments([], classifier, frame, { concurrency: 0 })).rejects.toThrow(
      /classifyComments expected `options.concurrency`/,
    )
    await expect(classifyComments([], classifier, { id: 'x' } as never)).rejects.toThrow(
      /^classifyComments expected `frame/,
    )
  })
})

describe('merging', () => {
  it('refuses share-of-voice states of other brands', () => {
    const a = shareOfVoiceAggregator({ brand: 'A' })
    const b = shareOfVoiceAggregator({ brand: 'B' })
    try {
      a.merge(a.init(), b.init())
      expect.unreachable()
    } catch (e) {
      expect(isKpiError(e) && e.code).toBe('incompatible-state')
    }
  })
})
