import { describe, expect, it } from 'vitest'
import { readEnv, siteUrl } from '~/utils/env.server'

const read = (vars: Record<string, string>) =>
  readEnv({ BASE_URL: 'http://localhost:3000', ...vars })

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told', () => {
    expect(read({}).TRUST_PROXY).toBe(false)
    expect(read({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false)
    expect(read({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false)
  })

  it('reads true as one hop, never as "every hop"', () => {
    expect(read({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1)
    expect(read({ TRUST_PROXY: 'TRUE' }).TRUST_PROXY).toBe(1)
  })

  it('takes a number of hops', () => {
    expect(read({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1)
    expect(read({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2)
    expect(() => read({ TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY: at most 10 hops/)
  })

  it('takes proxy addresses, subnets and the named ranges, separated by commas', () => {
    expect(
      read({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback, fd00::/8, ::1' }).TRUST_PROXY,
    ).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback', 'fd00::/8', '::1'])
  })

  it('refuses anything else with a message that names the bad entries', () => {
    for (const bad of [
      'yes',
      '10.0.0.300',
      '10.0.0.0/33',
      '::1/129',
      'loopback, proxy.local',
      '-1',
    ])
      expect(() => read({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/)
    expect(() => read({ TRUST_PROXY: '10.0.0.1, proxy.local' })).toThrow(/"proxy\.local"/)
  })
})

describe('BASE_URL', () => {
  it('is the one site origin, without path or trailing slash', () => {
    expect(siteUrl(read({ BASE_URL: 'https://tanya.example/some/path' })).origin).toBe(
      'https://tanya.example',
    )
    expect(siteUrl(read({ BASE_URL: 'https://tanya.example:8443' })).host).toBe(
      'tanya.example:8443',
    )
    expect(siteUrl(readEnv({ PORT: '4000' })).origin).toBe('http://localhost:4000')
  })

  it('must be an http or https URL', () => {
    expect(() => read({ BASE_URL: 'ftp://tanya.example' })).toThrow(/BASE_URL/)
    expect(() => read({ BASE_URL: 'tanya.example' })).toThrow(/BASE_URL/)
  })
})

describe('SIGNUP_LIMIT_PER_IP', () => {
  it('allows ten sign-ups per address and hour unless told, and refuses nonsense', () => {
    expect(read({}).SIGNUP_LIMIT_PER_IP).toBe(10)
    expect(read({ SIGNUP_LIMIT_PER_IP: '200' }).SIGNUP_LIMIT_PER_IP).toBe(200)
    expect(() => read({ SIGNUP_LIMIT_PER_IP: '0' })).toThrow(/SIGNUP_LIMIT_PER_IP/)
    expect(() => read({ SIGNUP_LIMIT_PER_IP: 'lots' })).toThrow(/SIGNUP_LIMIT_PER_IP/)
  })
})
