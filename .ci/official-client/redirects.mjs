// Sign-in and sign-up redirects as @clerk/backend builds them (`createRedirect` from
// `@clerk/backend/internal`): reads the cases tests/tests/browser_decisions.rs wrote (path
// in argv[2]) and prints one JSON line per case with both URLs.

import { readFileSync } from 'node:fs';
import { createRedirect } from '@clerk/backend/internal';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const c of cases) {
  const { redirectToSignIn, redirectToSignUp } = createRedirect({
    publishableKey: c.publishable_key,
    devBrowserToken: c.dev_browser ?? undefined,
    redirectAdapter: (url) => url,
    baseUrl: c.url,
    signInUrl: c.sign_in_url ?? undefined,
    signUpUrl: c.sign_up_url ?? undefined,
    isSatellite: c.is_satellite,
  });
  console.log(
    JSON.stringify({
      sign_in: redirectToSignIn({ returnBackUrl: c.url }),
      sign_up: redirectToSignUp({ returnBackUrl: c.url }),
    }),
  );
}
console.log('redirects: done');
