import { describe, expect, it } from 'vitest'
import { acceptAnswer } from '~/modules/answers/answers.server'
import { deleteQuestion, hideAnswer } from '~/modules/moderation/posts.server'
import { getProfile } from '~/modules/users/users.server'
import { loader } from '~/routes/users.$handle'
import { setClock } from '~/utils/clock.server'
import { context, makeAnswer, makeQuestion, makeUser, request } from '../factories'
import { TEST_EPOCH } from '../setup/integration'
import { statementCounter } from '../setup/statement-counter'

async function loadProfile(handle: string) {
  const response = await loader({
    request: await request(`/users/${handle}`),
    params: { handle },
    context,
  })
  return (await response.json()).profile
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected a Response to be thrown')
}

describe('profile page', () => {
  it('shows counts and recent posts, leaving out deleted questions and answers under them', async () => {
    const advance = setClock(TEST_EPOCH)
    const asker = await makeUser({ handle: 'ayu' })
    const helper = await makeUser({ handle: 'budi', role: 'helper' })
    const moderator = await makeUser({ role: 'moderator' })

    const kept = await makeQuestion(asker, { title: 'Where is my bag of Toraja beans?' })
    advance(60_000)
    const deleted = await makeQuestion(asker, { title: 'Wrong grind on my order, please help' })
    advance(60_000)
    const removed = await makeQuestion(asker, { title: 'Can I pay by bank transfer instead?' })
    advance(60_000)
    const accepted = await makeAnswer(
      helper,
      kept,
      'It left the roastery yesterday; tracking updates tonight.',
    )
    advance(60_000)
    await makeAnswer(helper, removed, 'Yes, choose “Transfer” at checkout.')
    advance(60_000)
    const hidden = await makeAnswer(
      helper,
      kept,
      'Also check your spam folder for the tracking mail.',
    )
    acceptAnswer(asker, accepted)
    deleteQuestion(asker, deleted, { reason: 'no-longer-needed', note: '' })
    deleteQuestion(moderator, removed, { reason: 'off-topic', note: '' })
    hideAnswer(moderator, hidden, { reason: 'spam', note: '' })

    const askerProfile = await loadProfile('ayu')
    expect(askerProfile.user).toEqual({
      handle: 'ayu',
      displayName: asker.displayName,
      role: 'member',
      bio: '',
      // none chosen: the avatar's colour comes from the handle
      avatarColour: null,
      reputation: 0,
      trustLevel: 1,
      createdAt: TEST_EPOCH.toISOString(),
    })
    expect(askerProfile.counts).toEqual({ questions: 1, answers: 0, accepted: 0 })
    expect(askerProfile.recentQuestions.map((q) => q.title)).toEqual([
      'Where is my bag of Toraja beans?',
    ])
    expect(askerProfile.recentQuestions[0]).toMatchObject({ id: kept, status: 'solved' })
    expect(askerProfile.recentAnswers).toEqual([])

    const helperProfile = await loadProfile('budi')
    expect(helperProfile.user).toMatchObject({ role: 'helper', reputation: 15 })
    expect(helperProfile.counts).toEqual({ questions: 0, answers: 1, accepted: 1 })
    expect(helperProfile.recentAnswers).toEqual([
      {
        id: accepted,
        score: 0,
        createdAt: expect.any(String),
        isAccepted: true,
        question: {
          id: kept,
          title: 'Where is my bag of Toraja beans?',
          language: 'en',
          visibility: 'public',
        },
      },
    ])
    // Nothing private leaks into the page data.
    expect(JSON.stringify(helperProfile)).not.toContain('@example.test')
  })

  it('lists the 10 most recent posts in a fixed number of queries however active the member is', async () => {
    const advance = setClock(TEST_EPOCH)
    const asker = await makeUser()
    const helper = await makeUser({ handle: 'sibuk' })
    const questionIds: number[] = []
    for (let i = 1; i <= 12; i++) {
      questionIds.push(await makeQuestion(asker, { title: `Question number ${i} about grinders` }))
      advance(60_000)
    }

    const before = statementCounter.count
    getProfile('sibuk')
    const quiet = statementCounter.count - before
    expect(quiet).toBe(3)

    for (const id of questionIds) {
      await makeAnswer(helper, id, `Answer for question ${id}`)
      advance(60_000)
    }
    const start = statementCounter.count
    const busy = getProfile('sibuk')
    expect(statementCounter.count - start).toBe(quiet)

    expect(busy?.counts.answers).toBe(12)
    expect(busy?.recentAnswers).toHaveLength(10)
    expect(busy?.recentAnswers[0].question.id).toBe(questionIds[11])
    const askerProfile = getProfile(asker.handle)
    expect(askerProfile?.counts.questions).toBe(12)
    expect(askerProfile?.recentQuestions).toHaveLength(10)
    expect(askerProfile?.recentQuestions[0].title).toBe('Question number 12 about grinders')
  })

  it('finds a member whatever the case of the handle in the address', async () => {
    await makeUser({ handle: 'citra' })
    expect((await loadProfile('Citra')).user.handle).toBe('citra')
  })

  it('answers an unknown handle with a thrown 404', async () => {
    for (const handle of ['nobody_here', 'not a handle!']) {
      const response = await thrown(
        loader({ request: await request(`/users/${handle}`), params: { handle }, context }),
      )
      expect(response.status).toBe(404)
    }
    expect(getProfile('nobody_here')).toBeNull()
  })
})
