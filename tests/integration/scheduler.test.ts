import { describe, expect, it } from 'vitest'
import { acquireLease, listJobStatus, runDueJobs, type Job } from '~/jobs/scheduler.server'
import { setClock } from '~/utils/clock.server'
import { TEST_EPOCH } from '../setup/integration'

const HOUR = 60 * 60_000

describe('job leases', () => {
  it('lets exactly one of several processes run a due job, once per interval', async () => {
    const advance = setClock(TEST_EPOCH)
    let runs = 0
    const job: Job = { name: 'count', intervalMs: HOUR, run: () => ++runs }
    expect(await runDueJobs([job], 'process-a')).toEqual(['count'])
    expect(await runDueJobs([job], 'process-b')).toEqual([])
    expect(await runDueJobs([job], 'process-a')).toEqual([])
    advance(HOUR - 1)
    expect(await runDueJobs([job], 'process-b')).toEqual([])
    advance(1)
    expect(await runDueJobs([job], 'process-b')).toEqual(['count'])
    expect(runs).toBe(2)
    expect(listJobStatus()[0]).toMatchObject({ name: 'count', owner: 'process-b', lastResult: '2' })
  })

  it('records a failure and still lets the next interval run', async () => {
    ;(globalThis as { __expectConsoleError?: boolean }).__expectConsoleError = true
    const advance = setClock(TEST_EPOCH)
    let fail = true
    const job: Job = {
      name: 'flaky',
      intervalMs: HOUR,
      run: () => {
        if (fail) throw new Error('disk full')
        return { done: true }
      },
    }
    await runDueJobs([job], 'a')
    expect(listJobStatus()[0].lastResult).toBe('failed: disk full')
    fail = false
    advance(HOUR)
    await runDueJobs([job], 'a')
    expect(listJobStatus()[0].lastResult).toBe('{"done":true}')
  })

  it('does not hand out a lease that has not expired', () => {
    setClock(TEST_EPOCH)
    expect(acquireLease('x', 'a', HOUR)).toBe(true)
    expect(acquireLease('x', 'b', HOUR)).toBe(false)
  })
})
