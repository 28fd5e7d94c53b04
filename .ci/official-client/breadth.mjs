// The families beyond check.mjs's core, driven through @clerk/backend against the stand-in:
// machine auth (machines, M2M tokens, API keys, and authenticateRequest accepting them),
// identities (email addresses, phone numbers), and the instance's own resources (JWT
// templates, redirect URLs, domains, sign-in, testing and actor tokens, the waitlist,
// organization roles and permissions), and the instance's configuration (settings, role
// sets, SAML connections, OAuth applications, clients). Same environment and conventions as check.mjs; run
// by tests/tests/official_client.rs after it.

import assert from 'node:assert/strict';
import { createClerkClient, verifyToken } from '@clerk/backend';

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
const publishableKey = env('CLERK_PUBLISHABLE_KEY');

const clerk = createClerkClient({ secretKey, apiUrl, publishableKey });

let current = 'setup';
const step = (name) => {
  current = name;
  console.log(`- ${name}`);
};

const tag = Date.now().toString(36);
const email = (who) => `${who}.${tag}@example.com`;
const bearer = (token) =>
  new Request('http://localhost:3000/api/jobs', { headers: { authorization: `Bearer ${token}` } });

async function machineAuth() {
  step('machines: create, scope, list');
  const worker = await clerk.machines.create({ name: `worker-${tag}`, defaultTokenTtl: 600 });
  assert.match(worker.id, /^mch_/);
  assert.equal(worker.defaultTokenTtl, 600);
  assert.match(worker.secretKey ?? '', /^ak_/, 'the secret key comes with the new machine');
  const api = await clerk.machines.create({ name: `api-${tag}` });
  const scope = await clerk.machines.createScope(worker.id, api.id);
  assert.equal(scope.toMachineId, api.id);
  const fetched = await clerk.machines.get(worker.id);
  assert.deepEqual(fetched.scopedMachines.map((m) => m.id), [api.id]);
  const listed = await clerk.machines.list();
  assert.equal(listed.totalCount, 2);

  step('m2m: create with the machine secret, verify, authenticateRequest');
  const { secret } = await clerk.machines.getSecretKey(worker.id);
  assert.equal(secret, worker.secretKey);
  const m2m = await clerk.m2m.createToken({ machineSecretKey: secret, secondsUntilExpiration: 300 });
  assert.match(m2m.token ?? '', /^mt_/);
  assert.equal(m2m.subject, worker.id);
  assert.deepEqual(m2m.scopes, [api.id]);
  const verified = await clerk.m2m.verify({ token: m2m.token });
  assert.equal(verified.id, m2m.id);
  assert.equal(verified.revoked, false);
  const asMachine = await clerk.authenticateRequest(bearer(m2m.token), {
    acceptsToken: 'm2m_token',
  });
  assert.equal(asMachine.isAuthenticated, true, `${asMachine.reason}: ${asMachine.message}`);
  assert.equal(asMachine.toAuth().machineId, worker.id);

  step('m2m: revoke, then verification fails');
  const revoked = await clerk.m2m.revokeToken({ m2mTokenId: m2m.id, revocationReason: 'rotated' });
  assert.equal(revoked.revoked, true);
  assert.equal(revoked.revocationReason, 'rotated');
  await assert.rejects(clerk.m2m.verify({ token: m2m.token }));
  const refused = await clerk.authenticateRequest(bearer(m2m.token), { acceptsToken: 'm2m_token' });
  assert.equal(refused.isAuthenticated, false);

  step('api keys: create, verify, authenticateRequest, revoke');
  const owner = await clerk.users.createUser({ emailAddress: [email('owner')] });
  const key = await clerk.apiKeys.create({
    name: 'ci-runner',
    subject: owner.id,
    scopes: ['jobs:read'],
    claims: { team: 'data' },
  });
  assert.match(key.secret ?? '', /^ak_/);
  assert.equal(key.subject, owner.id);
  const checked = await clerk.apiKeys.verify(key.secret);
  assert.equal(checked.id, key.id);
  assert.deepEqual(checked.claims, { team: 'data' });
  const viaKey = await clerk.authenticateRequest(bearer(key.secret), { acceptsToken: 'api_key' });
  assert.equal(viaKey.isAuthenticated, true, `${viaKey.reason}: ${viaKey.message}`);
  assert.equal(viaKey.toAuth().userId, owner.id);
  assert.deepEqual(viaKey.toAuth().scopes, ['jobs:read']);
  const keys = await clerk.apiKeys.list({ subject: owner.id });
  assert.deepEqual(keys.data.map((k) => k.id), [key.id]);
  await clerk.apiKeys.revoke({ apiKeyId: key.id, revocationReason: 'leaked' });
  await assert.rejects(clerk.apiKeys.verify(key.secret));
  const afterRevoke = await clerk.authenticateRequest(bearer(key.secret), { acceptsToken: 'api_key' });
  assert.equal(afterRevoke.isAuthenticated, false);
  const wrongKind = await clerk.authenticateRequest(bearer(key.secret), { acceptsToken: 'm2m_token' });
  assert.equal(wrongKind.isAuthenticated, false, 'an API key is not an M2M token');
}

async function identities() {
  step('email addresses: add, verify flag, make primary, delete');
  const ada = await clerk.users.createUser({ emailAddress: [email('ada')] });
  const work = await clerk.emailAddresses.createEmailAddress({
    userId: ada.id,
    emailAddress: email('ada.work'),
    verified: false,
  });
  assert.equal(work.emailAddress, email('ada.work'));
  assert.notEqual(work.verification?.status, 'verified');
  const verified = await clerk.emailAddresses.updateEmailAddress(work.id, { verified: true });
  assert.equal(verified.verification?.status, 'verified');
  await clerk.emailAddresses.updateEmailAddress(work.id, { primary: true });
  const user = await clerk.users.getUser(ada.id);
  assert.equal(user.primaryEmailAddressId, work.id);
  assert.equal(user.emailAddresses.length, 2);
  await assert.rejects(
    clerk.emailAddresses.createEmailAddress({ userId: ada.id, emailAddress: email('ada.work') }),
    (err) => err.status >= 400 && err.status < 500,
    'an address is held once',
  );
  const gone = await clerk.emailAddresses.deleteEmailAddress(user.emailAddresses.find((e) => e.id !== work.id).id);
  assert.equal(gone.deleted, true);
  assert.equal((await clerk.users.getUser(ada.id)).emailAddresses.length, 1);

  step('phone numbers: add, get, delete');
  const phone = await clerk.phoneNumbers.createPhoneNumber({
    userId: ada.id,
    phoneNumber: '+15555550100',
    verified: true,
    primary: true,
  });
  assert.equal(phone.phoneNumber, '+15555550100');
  assert.equal((await clerk.phoneNumbers.getPhoneNumber(phone.id)).id, phone.id);
  assert.equal((await clerk.users.getUser(ada.id)).primaryPhoneNumberId, phone.id);
  const spare = await clerk.phoneNumbers.createPhoneNumber({ userId: ada.id, phoneNumber: '+15555550101' });
  await clerk.phoneNumbers.deletePhoneNumber(spare.id);
  await assert.rejects(clerk.phoneNumbers.getPhoneNumber(spare.id), (err) => err.status === 404);
  assert.deepEqual((await clerk.users.getUser(ada.id)).phoneNumbers.map((p) => p.id), [phone.id]);
  return ada;
}

async function instanceResources(ada) {
  step('jwt templates: create, token from template carries its claims');
  const template = await clerk.jwtTemplates.create({
    name: `api-${tag}`,
    claims: { role: '{{user.public_metadata.role}}', aud: 'https://api.example.com' },
    lifetime: 120,
  });
  assert.equal(template.lifetime, 120);
  await clerk.users.updateUserMetadata(ada.id, { publicMetadata: { role: 'editor' } });
  const session = await clerk.sessions.createSession({ userId: ada.id });
  const token = await clerk.sessions.getToken(session.id, template.name);
  const claims = await verifyToken(token.jwt, { jwtKey, audience: 'https://api.example.com' });
  assert.equal(claims.sub, ada.id);
  assert.equal(claims.role, 'editor');
  assert.equal(claims.exp - claims.iat, 120);
  const templates = await clerk.jwtTemplates.list();
  assert.deepEqual(templates.data.map((t) => t.id), [template.id]);

  step('redirect URLs and domains');
  const redirect = await clerk.redirectUrls.createRedirectUrl({ url: 'myapp://oauth-callback' });
  assert.equal((await clerk.redirectUrls.getRedirectUrl(redirect.id)).url, 'myapp://oauth-callback');
  const redirects = await clerk.redirectUrls.getRedirectUrlList();
  assert.deepEqual(redirects.data.map((r) => r.id), [redirect.id]);
  const domains = await clerk.domains.list();
  assert.equal(domains.data.length, 1, 'the primary domain');
  const satellite = await clerk.domains.add({ name: `sat-${tag}.example.com`, is_satellite: true });
  assert.equal(satellite.isSatellite, true);
  assert.equal((await clerk.domains.list()).totalCount, 2);
  await clerk.domains.delete(satellite.id);

  step('sign-in, testing and actor tokens');
  const signIn = await clerk.signInTokens.createSignInToken({ userId: ada.id, expiresInSeconds: 600 });
  assert.ok(signIn.token);
  assert.equal(signIn.userId, ada.id);
  const revokedSignIn = await clerk.signInTokens.revokeSignInToken(signIn.id);
  assert.equal(revokedSignIn.status, 'revoked');
  const testing = await clerk.testingTokens.createTestingToken();
  assert.ok(testing.token);
  // No class maps testing tokens in @clerk/backend 3.25: the JSON comes back as sent.
  const expiresAt = testing.expiresAt ?? testing.expires_at;
  assert.ok(expiresAt > Date.now() / 1000 && expiresAt <= Date.now() / 1000 + 3600);
  const actor = await clerk.actorTokens.create({ userId: ada.id, actor: { sub: 'user_support' } });
  assert.equal(actor.status, 'pending');
  assert.equal(actor.userId, ada.id);
  assert.equal((await clerk.actorTokens.revoke(actor.id)).status, 'revoked');

  step('waitlist: add, invite, reject');
  const entry = await clerk.waitlistEntries.create({ emailAddress: email('waiting') });
  assert.equal(entry.status, 'pending');
  const invited = await clerk.waitlistEntries.invite(entry.id);
  assert.equal(invited.status, 'invited');
  const other = await clerk.waitlistEntries.create({ emailAddress: email('later') });
  assert.equal((await clerk.waitlistEntries.reject(other.id)).status, 'rejected');
  const waiting = await clerk.waitlistEntries.list({ status: 'rejected' });
  assert.deepEqual(waiting.data.map((e) => e.id), [other.id]);

  step('organization roles and permissions');
  const permission = await clerk.organizationPermissions.createOrganizationPermission({
    name: 'Publish',
    key: 'org:posts:publish',
    description: 'Publish posts',
  });
  const role = await clerk.organizationRoles.createOrganizationRole({
    name: 'Editor',
    key: 'org:editor',
    permissions: [permission.id],
  });
  assert.deepEqual(role.permissions.map((p) => p.key), ['org:posts:publish']);
  const roles = await clerk.organizationRoles.getOrganizationRoleList({ query: 'editor' });
  assert.deepEqual(roles.data.map((r) => r.id), [role.id]);
  const org = await clerk.organizations.createOrganization({ name: `Press ${tag}`, createdBy: ada.id });
  await clerk.organizations.createOrganizationMembership({
    organizationId: org.id,
    userId: (await clerk.users.createUser({ emailAddress: [email('ed')] })).id,
    role: 'org:editor',
  });
  await assert.rejects(
    clerk.organizationRoles.deleteOrganizationRole(role.id),
    (err) => err.status >= 400 && err.status < 500,
    'a role in use stays',
  );
}

async function configuration(ada) {
  step('instance: settings and organization settings');
  const instance = await clerk.instance.get();
  assert.match(instance.id, /^ins_/);
  await clerk.instance.update({ supportEmail: 'help@example.com', allowedOrigins: ['https://app.example.com'] });
  const settings = await clerk.instance.updateOrganizationSettings({ maxAllowedMemberships: 25 });
  assert.equal(settings.maxAllowedMemberships, 25);
  assert.equal((await clerk.instance.getOrganizationSettings()).maxAllowedMemberships, 25);
  const restrictions = await clerk.instance.updateRestrictions({ blockEmailSubaddresses: true });
  assert.equal(restrictions.blockEmailSubaddresses, true);

  step('role sets: the default one, a new one, roles added');
  const sets = await clerk.roleSets.getRoleSetList();
  assert.ok(sets.data.some((set) => set.key === 'role_set:default'));
  const support = await clerk.roleSets.createRoleSet({
    name: 'Support',
    key: 'role_set:support',
    roles: ['org:admin', 'org:member'],
    defaultRoleKey: 'org:member',
    creatorRoleKey: 'org:admin',
  });
  assert.equal(support.key, 'role_set:support');
  const fetchedSet = await clerk.roleSets.getRoleSet('role_set:support');
  assert.equal(fetchedSet.id, support.id);

  step('SAML connections: create, get, delete');
  const saml = await clerk.samlConnections.createSamlConnection({
    name: 'Okta',
    provider: 'saml_okta',
    domain: `sso-${tag}.example.com`,
  });
  assert.match(saml.id, /^samlc_/);
  assert.equal((await clerk.samlConnections.getSamlConnection(saml.id)).domain, `sso-${tag}.example.com`);
  await assert.rejects(
    clerk.samlConnections.createSamlConnection({ name: 'Again', provider: 'saml_custom', domain: `sso-${tag}.example.com` }),
    (err) => err.status >= 400 && err.status < 500,
    'a domain routes to one connection',
  );
  await clerk.samlConnections.deleteSamlConnection(saml.id);
  await assert.rejects(clerk.samlConnections.getSamlConnection(saml.id), (err) => err.status === 404);

  step('OAuth applications: create, rotate, unknown tokens do not verify');
  const app = await clerk.oauthApplications.create({
    name: 'Partner',
    redirectUris: ['https://partner.example.com/callback'],
    scopes: 'profile email',
  });
  assert.ok(app.clientId);
  assert.ok(app.clientSecret, 'the secret is shown on creation');
  const rotated = await clerk.oauthApplications.rotateSecret(app.id);
  assert.ok(rotated.clientSecret && rotated.clientSecret !== app.clientSecret);
  const fetchedApp = await clerk.oauthApplications.get(app.id);
  assert.ok(!fetchedApp.clientSecret, 'and never again');
  await assert.rejects(clerk.idPOAuthAccessToken.verify('oat_0123456789abcdef0123456789abcdef'), (err) => err.status === 404);
  const unknown = await clerk.authenticateRequest(bearer('oat_0123456789abcdef0123456789abcdef'), {
    acceptsToken: 'oauth_token',
  });
  assert.equal(unknown.isAuthenticated, false);
  await clerk.oauthApplications.delete(app.id);

  step('clients: get and verify from a session token');
  const session = await clerk.sessions.createSession({ userId: ada.id });
  const client = await clerk.clients.getClient(session.clientId);
  assert.deepEqual(client.sessionIds, [session.id]);
  const token = await clerk.sessions.getToken(session.id);
  const verified = await clerk.clients.verifyClient(token.jwt);
  assert.equal(verified.id, session.clientId);
}

try {
  await machineAuth();
  const ada = await identities();
  await instanceResources(ada);
  await configuration(ada);
  console.log('official client (breadth): all checks passed');
} catch (err) {
  console.error(`official client (breadth): step "${current}" failed`);
  console.error(err);
  if (err?.errors) {
    console.error(JSON.stringify(err.errors, null, 2));
  }
  process.exit(1);
}
