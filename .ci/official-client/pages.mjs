// The browser flow's decision table as @clerk/backend decides it: reads the cases that
// tests/tests/browser_decisions.rs wrote (path in argv[2]), runs each through
// `authenticateRequest`, and prints one JSON line per case with the status, reason,
// Location, Cache-Control and Set-Cookie directives; the Rust test compares them with its
// own answers. Verification is networkless (jwtKey); refreshes and handshake payloads go to
// the stand-in (apiUrl).

import { readFileSync } from 'node:fs';
import { createClerkClient } from '@clerk/backend';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};
const apiUrl = env('STANDIN_URL');
const secretKey = env('CLERK_SECRET_KEY');
const jwtKey = env('CLERK_JWT_KEY');

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const clerk = createClerkClient({ secretKey, apiUrl });

for (const c of cases) {
  const request = new Request(c.url, { method: c.method, headers: c.headers });
  const options = {
    publishableKey: c.publishable_key,
    secretKey,
    jwtKey,
    apiUrl,
    isSatellite: c.is_satellite || undefined,
    domain: c.domain ?? undefined,
    proxyUrl: c.proxy_url ?? undefined,
    signInUrl: c.sign_in_url ?? undefined,
  };
  let line;
  try {
    const state = await clerk.authenticateRequest(request, options);
    line = {
      name: c.name,
      status: state.status,
      reason: state.reason ?? null,
      location: state.headers.get('location'),
      cache_control: state.headers.get('cache-control'),
      set_cookie: state.headers.getSetCookie(),
    };
  } catch (error) {
    line = { name: c.name, status: 'error', reason: String(error?.message ?? error) };
  }
  console.log(JSON.stringify(line));
}
console.log('pages: done');
