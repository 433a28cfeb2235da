// Writes the sample data set of the examples and the demo report: two years (2024–2025) of a fictional
// help-desk software company, "Lumen Desk", that sells monthly and annual subscriptions to small
// businesses in Brazil, the United States, the United Kingdom and India, and reports in São Paulo time.
//
// Everything is drawn from one seeded generator, so the files are the same on every machine:
//   npx tsx examples/data/generate.ts
//
// The accounts' health signals genuinely, and stochastically, precede churn: a latent satisfaction drives
// survey scores, ticket volume and the churn hazard, and in `usage` most customers who cancel log in less
// in the three months before their access ends (about 7 in 10 of them; the others leave without warning).
// So a health score built on them predicts churn well, never perfectly.
//
// A few records are deliberately broken (scores out of range, a timestamp without an offset, a missing
// score) so that the examples can show how the library counts what it leaves out.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Customer {
  id: string
  name: string
  region: 'BR' | 'US' | 'UK' | 'IN'
  timeZone: string
  channel: 'organic' | 'paid-search' | 'paid-social' | 'partner' | 'outbound'
  signedUpAt: string
}

export interface Subscription {
  subscriptionId: string
  customerId: string
  plan: 'starter' | 'growth' | 'scale'
  billingInterval: 'month' | 'year'
  amount: number
  currency: 'USD'
  quantity: number
  trial: boolean
  start: string
  end: string | null
  cancelledAt: string | null
}

export interface SurveyResponse {
  id: string
  customerId: string
  survey: 'nps' | 'csat' | 'ces'
  ticketId: string | null
  offeredAt: string
  answeredAt: string | null
  score: number | null
}

export interface Ticket {
  id: string
  requesterId: string
  channel: 'email' | 'chat' | 'phone'
  team: 'tier-1' | 'tier-2'
  topic: 'billing' | 'how-to' | 'bug' | 'integration' | 'account'
  createdAt: string
  firstReplyAt: string | null
  solvedAt: string | null
  agentReplies: number
  reopens: number
  status: 'open' | 'pending' | 'solved' | 'closed'
}

export interface Spend {
  month: string
  channel: Customer['channel'] | 'brand'
  kind: 'media' | 'salaries' | 'tools' | 'events'
  amount: number
  currency: 'USD'
}

export interface Comment {
  id: string
  customerId: string
  responseId: string
  at: string
  /** `'pt'` for customers in Brazil, `'en'` elsewhere. */
  language: 'pt' | 'en'
  text: string
}

/** A social mention of Lumen Desk or of one of the two competitors it tracks. */
export interface Mention {
  id: string
  platform: 'x' | 'instagram' | 'linkedin' | 'reclameaqui'
  at: string
  author: string
  language: 'pt' | 'en'
  text: string
  /** As the listening tool scores it: −1…1. */
  sentiment: number
  reach: number
  brand: 'Lumen Desk' | 'Zenbox' | 'HelpHub'
  /** A question or complaint about Lumen Desk, which its team should answer. */
  needsReply: boolean
  /** When Lumen Desk's team first replied; `null` if it has not. */
  repliedAt: string | null
}

export interface Usage {
  customerId: string
  /** Calendar month (UTC), `YYYY-MM`. */
  month: string
  /** Seats paid for. */
  seats: number
  /** Seats that logged in during the month. */
  activeSeats: number
  /** Logins during the month. */
  logins: number
}

export interface SampleData {
  customers: Customer[]
  subscriptions: Subscription[]
  surveys: SurveyResponse[]
  tickets: Ticket[]
  spend: Spend[]
  comments: Comment[]
  usage: Usage[]
  mentions: Mention[]
}

const DAY = 86_400_000
const START = Date.UTC(2024, 0, 1)
const END = Date.UTC(2026, 0, 1)

/** mulberry32: a tiny seeded generator, enough for sample data. */
export function generator(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function generate(seed = 20240101): SampleData {
  const random = generator(seed)
  const pick = <T>(items: readonly T[], weights?: readonly number[]): T => {
    if (weights === undefined) return items[Math.floor(random() * items.length)] as T
    let u = random() * weights.reduce((a, b) => a + b, 0)
    for (let i = 0; i < items.length; i++) {
      u -= weights[i] as number
      if (u < 0) return items[i] as T
    }
    return items[items.length - 1] as T
  }
  const exponential = (mean: number): number => -Math.log(1 - random()) * mean
  const poisson = (mean: number): number => {
    let k = 0
    let p = Math.exp(-mean)
    let s = p
    const u = random()
    while (u > s) {
      k++
      p *= mean / k
      s += p
    }
    return k
  }
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const iso = (t: number): string => new Date(Math.round(t / 1000) * 1000).toISOString().replace('.000Z', 'Z')
  const clampScore = (x: number, min: number, max: number): number => Math.max(min, Math.min(max, Math.round(x)))

  const regions = [
    { region: 'BR', timeZone: 'America/Sao_Paulo', offset: -3 },
    { region: 'US', timeZone: 'America/New_York', offset: -5 },
    { region: 'UK', timeZone: 'Europe/London', offset: 0 },
    { region: 'IN', timeZone: 'Asia/Kolkata', offset: 5.5 },
  ] as const
  const channels = ['organic', 'paid-search', 'paid-social', 'partner', 'outbound'] as const
  const prices = { starter: 29, growth: 99, scale: 299 } as const
  const monthlyChurn = { starter: 0.035, growth: 0.018, scale: 0.01 } as const
  const names = ['Acme', 'Bright', 'Cedar', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Iris', 'Juniper']
  const kinds = ['Bakery', 'Clinic', 'Studio', 'Logistics', 'Labs', 'Outfitters', 'Dental', 'Legal', 'Travel']

  const data: SampleData = {
    customers: [],
    subscriptions: [],
    surveys: [],
    tickets: [],
    spend: [],
    comments: [],
    usage: [],
    mentions: [],
  }
  const moods = new Map<string, number>()
  let ticketSeq = 0
  let responseSeq = 0

  // Acquisition: about 40 new customers in January 2024, growing 4 % a month.
  for (let month = 0; month < 24; month++) {
    const monthStart = Date.UTC(2024, month, 1)
    const monthEnd = Date.UTC(2024, month + 1, 1)
    const newCustomers = poisson(40 * 1.04 ** month)
    const byChannel: Record<string, number> = {}
    for (let c = 0; c < newCustomers; c++) {
      const place = pick(regions, [4, 3, 2, 1])
      const channel = pick(channels, [4, 3, 2, 1, 1])
      byChannel[channel] = (byChannel[channel] ?? 0) + 1
      const id = `C${String(data.customers.length + 1).padStart(5, '0')}`
      const signedUp = monthStart + random() * (monthEnd - monthStart)
      data.customers.push({
        id,
        name: `${pick(names)} ${pick(kinds)}`,
        region: place.region,
        timeZone: place.timeZone,
        channel,
        signedUpAt: iso(signedUp),
      })
      // Latent satisfaction drives scores, tickets and churn.
      const mood = normal()
      moods.set(id, mood)
      let plan = pick(['starter', 'growth', 'scale'] as const, [6, 3, 1])
      const annual = random() < 0.2
      const trial = random() < 0.5
      let subscriptionNumber = 0
      let start = signedUp
      const hazardScale = Math.exp(-0.5 * mood)
      if (trial) {
        const trialEnd = start + 14 * DAY
        data.subscriptions.push({
          subscriptionId: `${id}-S${++subscriptionNumber}`,
          customerId: id,
          plan,
          billingInterval: 'month',
          amount: 0,
          currency: 'USD',
          quantity: 1,
          trial: true,
          start: iso(start),
          end: iso(trialEnd),
          cancelledAt: null,
        })
        if (random() < 0.25) continue // trial not converted
        start = trialEnd
      }
      // Paid life: month by month, the customer may churn, upgrade, downgrade or add seats.
      let seats = 1 + Math.floor(exponential(plan === 'scale' ? 4 : 1.5))
      let segmentStart = start
      let t = start
      let ended = false
      while (t < END && !ended) {
        const step = annual ? 365 * DAY : 30.44 * DAY
        const next = t + step
        const hazard = 1 - (1 - monthlyChurn[plan] * hazardScale) ** (annual ? 12 : 1)
        const u = random()
        const close = (at: number, cancelled: number | null): void => {
          data.subscriptions.push({
            subscriptionId: `${id}-S${++subscriptionNumber}`,
            customerId: id,
            plan,
            billingInterval: annual ? 'year' : 'month',
            amount: annual ? prices[plan] * 10 : prices[plan],
            currency: 'USD',
            quantity: seats,
            trial: false,
            start: iso(segmentStart),
            end: at >= END ? null : iso(at),
            cancelledAt: cancelled === null ? null : iso(cancelled),
          })
        }
        if (u < hazard) {
          const cancelled = t + random() * (next - t) * 0.8
          close(next < END ? next : END, cancelled)
          ended = true
        } else if (next < END && u < hazard + 0.02 && plan !== 'scale') {
          close(next, null)
          plan = plan === 'starter' ? 'growth' : 'scale'
          segmentStart = next
        } else if (next < END && u < hazard + 0.028 && plan !== 'starter') {
          close(next, null)
          plan = plan === 'scale' ? 'growth' : 'starter'
          segmentStart = next
        } else if (next < END && u < hazard + 0.05) {
          close(next, null)
          seats += 1
          segmentStart = next
        }
        t = next
        if (!ended && t >= END) close(END, null)
      }
      // A few churned customers come back months later.
      const last = data.subscriptions[data.subscriptions.length - 1] as Subscription
      if (last.customerId === id && last.end !== null && random() < 0.08) {
        const back = Date.parse(last.end) + (60 + random() * 200) * DAY
        if (back < END - 30 * DAY) {
          data.subscriptions.push({
            subscriptionId: `${id}-S${++subscriptionNumber}`,
            customerId: id,
            plan: 'starter',
            billingInterval: 'month',
            amount: prices.starter,
            currency: 'USD',
            quantity: 1,
            trial: false,
            start: iso(back),
            end: null,
            cancelledAt: null,
          })
        }
      }
      // Support tickets over the customer's paid life.
      const lifeEnd = Math.max(signedUp, ...data.subscriptions.filter((s) => s.customerId === id).map((s) => (s.end === null ? END : Date.parse(s.end))))
      const life = Math.max(0, lifeEnd - signedUp)
      const tickets = poisson((life / (30.44 * DAY)) * (0.6 + 0.3 * Math.max(0, -mood)))
      for (let k = 0; k < tickets; k++) {
        const day = Math.floor((signedUp + random() * life - START) / DAY)
        // Mostly in the customer's working hours (local 08:00–19:00), some at night.
        const localHour = random() < 0.85 ? 8 + random() * 11 : random() * 24
        const created = START + day * DAY + (localHour - place.offset) * 3_600_000
        if (created >= END) continue
        const channel = pick(['email', 'chat', 'phone'] as const, [5, 4, 1])
        const team = random() < 0.8 ? 'tier-1' : 'tier-2'
        const topic = pick(['billing', 'how-to', 'bug', 'integration', 'account'] as const, [2, 4, 2, 1, 1])
        const answered = random() < 0.97
        const firstReply = answered ? created + exponential(channel === 'chat' ? 0.3 : 5) * 3_600_000 : null
        const agentReplies = answered ? 1 + poisson(topic === 'bug' ? 1.8 : 0.7) : 0
        const solved = answered && random() < 0.95 ? (firstReply as number) + exponential(20) * 3_600_000 : null
        const reopens = solved !== null && random() < 0.08 ? 1 : 0
        const ticketId = `T${String(++ticketSeq).padStart(6, '0')}`
        const solvedAt = solved !== null && solved < END ? solved : null
        data.tickets.push({
          id: ticketId,
          requesterId: id,
          channel,
          team,
          topic,
          createdAt: iso(created),
          firstReplyAt: firstReply !== null && firstReply < END ? iso(firstReply) : null,
          solvedAt: solvedAt === null ? null : iso(solvedAt),
          agentReplies,
          reopens,
          status: solvedAt === null ? (answered ? 'pending' : 'open') : solvedAt < END - 4 * DAY ? 'closed' : 'solved',
        })
        // Transactional surveys after a solved ticket: CSAT (1–5) always offered, CES (1–7) on a third.
        if (solvedAt !== null) {
          const offered = solvedAt + DAY
          if (offered < END) {
            const answeredCsat = random() < 0.32
            const slow = (solvedAt - created) / 3_600_000 > 48 ? -0.6 : 0.2
            data.surveys.push({
              id: `R${String(++responseSeq).padStart(6, '0')}`,
              customerId: id,
              survey: 'csat',
              ticketId,
              offeredAt: iso(offered),
              answeredAt: answeredCsat ? iso(offered + exponential(6) * 3_600_000) : null,
              score: answeredCsat ? clampScore(4 + 0.9 * mood + slow + 0.8 * normal(), 1, 5) : null,
            })
            if (random() < 0.33) {
              const answeredCes = random() < 0.3
              data.surveys.push({
                id: `R${String(++responseSeq).padStart(6, '0')}`,
                customerId: id,
                survey: 'ces',
                ticketId,
                offeredAt: iso(offered),
                answeredAt: answeredCes ? iso(offered + exponential(6) * 3_600_000) : null,
                score: answeredCes ? clampScore(5.3 + 1.1 * mood + slow + normal(), 1, 7) : null,
              })
            }
          }
        }
      }
      // Relationship NPS, offered to active paying customers in the middle month of each quarter.
      for (let quarter = 0; quarter < 8; quarter++) {
        const offered = Date.UTC(2024, quarter * 3 + 1, 10) + random() * 5 * DAY
        const active = data.subscriptions.some(
          (s) =>
            s.customerId === id &&
            !s.trial &&
            Date.parse(s.start) <= offered &&
            (s.end === null || Date.parse(s.end) > offered),
        )
        if (!active) continue
        const answeredNps = random() < 0.38
        const score = answeredNps ? clampScore(7.6 + 2.1 * mood + 0.1 * quarter + 1.2 * normal(), 0, 10) : null
        const responseId = `R${String(++responseSeq).padStart(6, '0')}`
        data.surveys.push({
          id: responseId,
          customerId: id,
          survey: 'nps',
          ticketId: null,
          offeredAt: iso(offered),
          answeredAt: answeredNps ? iso(offered + exponential(2) * DAY) : null,
          score,
        })
        if (score !== null && random() < 0.3) {
          data.comments.push({
            id: `F${String(data.comments.length + 1).padStart(5, '0')}`,
            customerId: id,
            responseId,
            at: iso(offered + exponential(2) * DAY),
            language: place.region === 'BR' ? 'pt' : 'en',
            text: comment(score, quarter, place.region === 'BR' ? 'pt' : 'en', pick),
          })
        }
      }
    }
    // Acquisition spend for the month, by channel and kind.
    const monthKey = `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`
    const media: Record<string, number> = { 'paid-search': 5200, 'paid-social': 3100, partner: 1400, brand: 2000 }
    for (const [channel, base] of Object.entries(media)) {
      data.spend.push({
        month: monthKey,
        channel: channel as Spend['channel'],
        kind: 'media',
        amount: Math.round(base * 1.03 ** month * (0.85 + 0.3 * random()) * 100) / 100,
        currency: 'USD',
      })
    }
    data.spend.push({ month: monthKey, channel: 'outbound', kind: 'salaries', amount: 14_000 + (month >= 12 ? 7_000 : 0), currency: 'USD' })
    data.spend.push({ month: monthKey, channel: 'organic', kind: 'tools', amount: 1_250, currency: 'USD' })
    if (month % 6 === 4) data.spend.push({ month: monthKey, channel: 'brand', kind: 'events', amount: 9_500, currency: 'USD' })
    void byChannel
  }

  // Product usage per customer and month of paid access, from its own seeded generator (so that the
  // other files do not depend on it): logins and active seats follow the customer's satisfaction, and
  // fall in the three months before a cancelled customer's access ends for about 7 in 10 of them.
  const usageRandom = generator(seed ^ 0x5eed)
  const usageNormal = (): number =>
    Math.sqrt(-2 * Math.log(1 - usageRandom())) * Math.cos(2 * Math.PI * usageRandom())
  const paidBy = new Map<string, Subscription[]>()
  for (const sub of data.subscriptions) {
    if (sub.trial) continue
    const list = paidBy.get(sub.customerId) ?? []
    list.push(sub)
    paidBy.set(sub.customerId, list)
  }
  for (const customer of data.customers) {
    const subs = paidBy.get(customer.id)
    if (subs === undefined) continue
    const mood = moods.get(customer.id) as number
    const final = subs[subs.length - 1] as Subscription
    const churnAt = final.cancelledAt !== null && final.end !== null ? Date.parse(final.end) : null
    const warns = usageRandom() < 0.7
    const first = new Date(subs[0]?.start as string)
    for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); Date.UTC(y, m, 1) < END; m++) {
      const monthStart = Date.UTC(y, m, 1)
      const monthEnd = Date.UTC(y, m + 1, 1)
      const active = subs.filter(
        (x) => Date.parse(x.start) < monthEnd && (x.end === null || Date.parse(x.end) > monthStart),
      )
      if (active.length === 0) continue
      const seats = (active[active.length - 1] as Subscription).quantity
      const ahead = churnAt === null ? Number.POSITIVE_INFINITY : (churnAt - monthStart) / (30.44 * DAY)
      const factor = !warns || ahead > 3 ? 1 : ahead > 2 ? 0.75 : ahead > 1 ? 0.5 : 0.3
      const share = Math.max(0.05, Math.min(1, 0.75 + 0.12 * mood + 0.15 * usageNormal())) * (0.5 + factor / 2)
      const activeSeats = Math.min(seats, Math.max(0, Math.round(seats * share)))
      const mean = activeSeats * 14 * Math.exp(0.3 * mood) * factor
      data.usage.push({
        customerId: customer.id,
        month: new Date(monthStart).toISOString().slice(0, 7),
        seats,
        activeSeats,
        logins: Math.max(0, Math.round(mean + Math.sqrt(mean) * usageNormal())),
      })
    }
  }

  // Social mentions of Lumen Desk and the two competitors it tracks, from their own seeded generator.
  const social = generator(seed ^ 0x50c1a1)
  const socialPick = <T>(items: readonly T[]): T => items[Math.floor(social() * items.length)] as T
  for (let day = 0; day < (END - START) / DAY; day++) {
    const count = social() < 0.35 ? 2 : social() < 0.6 ? 1 : 0
    for (let k = 0; k < count; k++) {
      const at = START + day * DAY + social() * DAY
      const quarter = Math.floor(day / 91.3)
      const u = social()
      const brand = u < 0.45 + 0.02 * quarter ? 'Lumen Desk' : u < 0.8 ? 'Zenbox' : 'HelpHub'
      const platform = socialPick(['x', 'x', 'instagram', 'linkedin', 'reclameaqui'] as const)
      const language = platform === 'reclameaqui' || social() < 0.4 ? 'pt' : 'en'
      const mood = social() < (platform === 'reclameaqui' ? 0.7 : 0.3) ? 'negative' : social() < 0.5 ? 'neutral' : 'positive'
      const sentiment =
        Math.round((mood === 'negative' ? -0.3 - 0.6 * social() : mood === 'neutral' ? 0.08 * (social() - 0.5) : 0.3 + 0.6 * social()) * 100) / 100 || 0
      const question = mood === 'neutral' && social() < 0.5
      const needsReply = brand === 'Lumen Desk' && (mood === 'negative' || question)
      const replied = needsReply && social() < 0.82
      data.mentions.push({
        id: `M${String(data.mentions.length + 1).padStart(5, '0')}`,
        platform,
        at: iso(at),
        author: `@${socialPick(['ana', 'bruno', 'carla', 'dev', 'ops', 'joao', 'mia', 'li', 'sam', 'tom'])}${Math.floor(social() * 900 + 100)}`,
        language,
        text: post(brand, mood, question, language, socialPick),
        sentiment,
        reach: Math.round(50 * Math.exp(2.2 * social())) * (platform === 'linkedin' ? 3 : 1),
        brand,
        needsReply,
        repliedAt: replied ? iso(at + (0.2 + -Math.log(1 - social()) * 5) * 3_600_000) : null,
      })
    }
  }

  // Deliberately broken records, to be counted rather than used.
  const someNps = data.surveys.filter((s) => s.survey === 'nps' && s.score !== null)
  if (someNps[3]) someNps[3].score = 11
  if (someNps[17]) someNps[17].score = 7.5
  const someCsat = data.surveys.filter((s) => s.survey === 'csat' && s.score !== null)
  if (someCsat[5]) someCsat[5].score = 0
  if (data.tickets[10]) data.tickets[10].createdAt = data.tickets[10].createdAt.replace('Z', '')
  return data
}

/** An open comment, in the customer's language; price complaints grow after the 2025 price increase. */
function comment(score: number, quarter: number, language: 'pt' | 'en', pick: <T>(items: readonly T[]) => T): string {
  const en = {
    praise: [
      'Support answered in minutes and solved it on the first reply.',
      'Onboarding was smooth, the setup guide is excellent.',
      'Reports save us hours every week.',
      'The Slack integration works perfectly for our team.',
      'Great value for the price.',
      'The agents are friendly and the app is easy to use.',
      'n/a',
    ],
    neutral: [
      'Good product, but the reporting could be more flexible.',
      'Works fine, the mobile app is a bit slow.',
      'Pricing is fair, though the seat cost adds up.',
      'Support is helpful but replies take a day.',
      'ok',
    ],
    complaints: [
      'Too expensive for what we use.',
      'Support took days to answer and I had to repeat myself.',
      'The integration with our CRM keeps breaking.',
      'Onboarding was confusing and the docs are outdated.',
      'We had two outages this month, reliability is a concern.',
      'We were charged twice and the invoice was wrong.',
      'The app crashes when we export reports.',
    ],
    outage: ['Another outage this week, the system was down for hours.'],
    increase: ['The new price is hard to justify.', 'Prices went up again, we are considering alternatives.'],
  }
  const pt = {
    praise: [
      'O suporte respondeu em minutos e resolveu de primeira.',
      'A implantação foi tranquila e o guia de configuração é ótimo.',
      'Os relatórios nos poupam horas toda semana.',
      'A integração com o Slack funciona perfeitamente.',
      'Ótimo custo-benefício pelo preço.',
      'Atendentes simpáticos e o sistema é fácil de usar.',
      'nada',
    ],
    neutral: [
      'Bom produto, mas os relatórios poderiam ser mais flexíveis.',
      'Funciona bem, o aplicativo no celular é um pouco lento.',
      'O preço é justo, mas o custo por usuário pesa.',
      'O atendimento é bom, mas a resposta demora um dia.',
      'ok',
    ],
    complaints: [
      'Caro demais para o que usamos.',
      'O atendimento demorou dias para responder e tive que repetir tudo.',
      'A integração com o nosso CRM vive quebrando.',
      'A implantação foi confusa e a documentação está desatualizada.',
      'Tivemos duas quedas este mês, a estabilidade preocupa.',
      'Fomos cobrados duas vezes e a fatura veio errada.',
      'O sistema trava quando exportamos relatórios.',
    ],
    outage: ['Mais uma queda esta semana, o sistema ficou fora do ar por horas.'],
    increase: ['O novo preço é difícil de justificar.', 'O preço subiu de novo, estamos avaliando alternativas.'],
  }
  const t = language === 'pt' ? pt : en
  // The price increase of April 2025 (quarter 5) and the outages of late 2024 (quarter 3).
  const increase = quarter >= 5 ? [...t.increase, ...t.increase] : []
  const outage = quarter === 3 ? [...t.outage, ...t.outage] : []
  if (score >= 9) return pick(t.praise)
  if (score >= 7) return pick([...t.neutral, ...(quarter >= 5 ? t.increase : [])])
  return pick([...t.complaints, ...increase, ...outage])
}

/** A social post about a brand. */
function post(
  brand: string,
  mood: 'positive' | 'neutral' | 'negative',
  question: boolean,
  language: 'pt' | 'en',
  pick: <T>(items: readonly T[]) => T,
): string {
  const en = {
    positive: [`${brand} support fixed our issue in minutes!`, `Switched to ${brand}, reports are great.`, `Loving the new ${brand} Slack integration.`],
    neutral: [`Trying ${brand} for our help desk this month.`, `${brand} webinar on SLAs today.`],
    question: [`Does ${brand} support business hours per team?`, `How do I export invoices from ${brand}?`],
    negative: [`${brand} is down again, our agents cannot reply.`, `Charged twice by ${brand} this month.`, `${brand} support took three days to answer.`, `${brand} got too expensive after the price increase.`],
  }
  const pt = {
    positive: [`O suporte da ${brand} resolveu em minutos!`, `Migramos para a ${brand}, os relatórios são ótimos.`],
    neutral: [`Testando a ${brand} no nosso atendimento.`, `Webinar da ${brand} sobre SLA hoje.`],
    question: [`A ${brand} tem horário comercial por equipe?`, `Como emito a fatura na ${brand}?`],
    negative: [`A ${brand} caiu de novo, ninguém consegue atender.`, `Fui cobrado duas vezes pela ${brand}.`, `O atendimento da ${brand} demorou três dias.`, `A ${brand} ficou cara demais depois do reajuste.`],
  }
  const t = language === 'pt' ? pt : en
  return pick(question ? t.question : t[mood])
}

const here = dirname(fileURLToPath(import.meta.url))
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const data = generate()
  for (const [name, rows] of Object.entries(data)) {
    writeFileSync(join(here, `${name}.json`), `${JSON.stringify(rows, null, 0).replaceAll('},{', '},\n{')}\n`)
    console.log(`${name}.json: ${rows.length} rows`)
  }
}
