// Drives Clerk's official JavaScript client, @clerk/backend (pinned in ../package.json), against
// the clerk_backend::testing stand-in, configured as an app would configure it in production.
// tests/tests/official_client.rs starts the stand-in and runs this script with:
//   STANDIN_URL       the stand-in's base URL (the client adds /v1 itself)
//   CLERK_SECRET_KEY  the secret key the stand-in accepts
//   CLERK_JWT_KEY     the PEM of the stand-in's session-token signing key
// Every step asserts what it got back; the first failure exits non-zero with the step's name.

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

// authenticateRequest wants a publishable key: CLERK_PUBLISHABLE_KEY (the stand-in's) when given, else a
// development key naming a local Frontend API. With a Bearer token it never calls that API.
const publishableKey =
  process.env.CLERK_PUBLISHABLE_KEY ||
  `pk_test_${Buffer.from('clerk.standin.localhost$').toString('base64')}`;

const clerk = createClerkClient({ secretKey, apiUrl, publishableKey });

let current = 'setup';
const step = (name) => {
  current = name;
  console.log(`- ${name}`);
};

// A run-unique suffix keeps the script honest if it is ever pointed at a stand-in with data.
const tag = Date.now().toString(36);
const email = (who) => `${who}.${tag}@example.com`;

async function users() {
  step('users: create');
  const ada = await clerk.users.createUser({
    emailAddress: [email('ada')],
    firstName: 'Ada',
    lastName: 'Lovelace',
    publicMetadata: { plan: 'free' },
  });
  assert.match(ada.id, /^user_/);
  assert.equal(ada.firstName, 'Ada');
  assert.equal(ada.emailAddresses.length, 1);
  assert.equal(ada.emailAddresses[0].emailAddress, email('ada'));
  assert.equal(ada.primaryEmailAddressId, ada.emailAddresses[0].id);
  assert.equal(ada.primaryEmailAddress?.emailAddress, email('ada'));
  assert.deepEqual(ada.publicMetadata, { plan: 'free' });

  const grace = await clerk.users.createUser({
    emailAddress: [email('grace')],
    username: `grace_${tag}`,
    password: 'correct-horse-battery-staple-1815',
  });
  assert.equal(grace.username, `grace_${tag}`);
  assert.equal(grace.passwordEnabled, true);

  step('users: get');
  const fetched = await clerk.users.getUser(ada.id);
  assert.equal(fetched.id, ada.id);
  assert.equal(fetched.fullName, 'Ada Lovelace');

  step('users: list with total');
  const all = await clerk.users.getUserList();
  assert.equal(all.totalCount, 2);
  assert.deepEqual(all.data.map((u) => u.id).sort(), [ada.id, grace.id].sort());
  const newest = await clerk.users.getUserList({ limit: 1, orderBy: '-created_at' });
  assert.equal(newest.data.length, 1);
  assert.equal(newest.data[0].id, grace.id);
  assert.equal(newest.totalCount, 2, 'the count ignores limit');
  const byEmail = await clerk.users.getUserList({ emailAddress: [email('ada')] });
  assert.deepEqual(byEmail.data.map((u) => u.id), [ada.id]);
  assert.equal(byEmail.totalCount, 1);
  const second = await clerk.users.getUserList({ limit: 1, offset: 1, orderBy: '+created_at' });
  assert.deepEqual(second.data.map((u) => u.id), [grace.id]);
  assert.equal(await clerk.users.getCount(), 2);

  step('users: update');
  const renamed = await clerk.users.updateUser(ada.id, { firstName: 'Augusta' });
  assert.equal(renamed.firstName, 'Augusta');
  assert.equal((await clerk.users.getUser(ada.id)).firstName, 'Augusta');

  step('users: metadata (merge, then replace)');
  const merged = await clerk.users.updateUserMetadata(ada.id, {
    publicMetadata: { role: 'engineer' },
    privateMetadata: { note: 'first' },
  });
  assert.deepEqual(merged.publicMetadata, { plan: 'free', role: 'engineer' });
  assert.deepEqual(merged.privateMetadata, { note: 'first' });
  const replaced = await clerk.users.replaceUserMetadata(ada.id, {
    publicMetadata: { plan: 'pro' },
  });
  assert.deepEqual(replaced.publicMetadata, { plan: 'pro' });

  step('users: search, lock, ban, verify password');
  const searched = await clerk.users.getUserList({ query: 'grace' });
  assert.deepEqual(searched.data.map((u) => u.id), [grace.id]);
  assert.equal(searched.totalCount, 1);
  const checked = await clerk.users.verifyPassword({
    userId: grace.id,
    password: 'correct-horse-battery-staple-1815',
  });
  assert.equal(checked.verified, true);
  await assert.rejects(
    clerk.users.verifyPassword({ userId: grace.id, password: 'wrong-password-0000' }),
    (err) => err.status === 422 || err.status === 400,
  );
  assert.equal((await clerk.users.lockUser(grace.id)).locked, true);
  assert.equal((await clerk.users.unlockUser(grace.id)).locked, false);
  assert.equal((await clerk.users.banUser(grace.id)).banned, true);
  assert.equal((await clerk.users.unbanUser(grace.id)).banned, false);

  step('users: a missing user is a ClerkAPIResponseError 404');
  await assert.rejects(clerk.users.getUser('user_missing'), (err) => {
    assert.equal(err.status, 404);
    assert.equal(err.errors[0].code, 'resource_not_found');
    assert.ok(err.clerkTraceId, 'the trace id is read from the body');
    return true;
  });

  return { ada, grace };
}

async function organizations({ ada, grace }) {
  step('organizations: create');
  const org = await clerk.organizations.createOrganization({
    name: 'Analytical Engines',
    slug: `engines-${tag}`,
    createdBy: ada.id,
    publicMetadata: { tier: 'gold' },
  });
  assert.match(org.id, /^org_/);
  assert.equal(org.slug, `engines-${tag}`);
  assert.equal(org.createdBy, ada.id);
  assert.deepEqual(org.publicMetadata, { tier: 'gold' });
  const other = await clerk.organizations.createOrganization({ name: 'Difference Engines' });

  step('organizations: get by id and by slug');
  assert.equal((await clerk.organizations.getOrganization({ organizationId: org.id })).name, org.name);
  const bySlug = await clerk.organizations.getOrganization({
    slug: org.slug,
    includeMembersCount: true,
  });
  assert.equal(bySlug.id, org.id);
  assert.equal(bySlug.membersCount, 1, 'the creator is a member');

  step('organizations: list');
  const list = await clerk.organizations.getOrganizationList();
  assert.equal(list.totalCount, 2);
  assert.deepEqual(list.data.map((o) => o.id).sort(), [org.id, other.id].sort());
  const found = await clerk.organizations.getOrganizationList({ query: 'analytical', limit: 5 });
  assert.deepEqual(found.data.map((o) => o.id), [org.id]);
  assert.equal(found.totalCount, 1);

  step('organizations: update and metadata');
  const updated = await clerk.organizations.updateOrganization(other.id, { name: 'Engines Ltd' });
  assert.equal(updated.name, 'Engines Ltd');
  const tagged = await clerk.organizations.updateOrganizationMetadata(org.id, {
    privateMetadata: { billing: 'annual' },
  });
  assert.deepEqual(tagged.publicMetadata, { tier: 'gold' });
  assert.deepEqual(tagged.privateMetadata, { billing: 'annual' });
  const counted = await clerk.organizations.getOrganizationList({
    includeMembersCount: true,
    orderBy: '-created_at',
  });
  assert.deepEqual(counted.data.map((o) => o.id), [other.id, org.id]);
  assert.equal(counted.data[1].membersCount, 1);

  step('memberships: create');
  const membership = await clerk.organizations.createOrganizationMembership({
    organizationId: org.id,
    userId: grace.id,
    role: 'org:member',
  });
  assert.equal(membership.role, 'org:member');
  assert.equal(membership.organization.id, org.id);
  assert.equal(membership.publicUserData?.userId, grace.id);

  step('memberships: list');
  const members = await clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
  assert.equal(members.totalCount, 2);
  const roles = Object.fromEntries(members.data.map((m) => [m.publicUserData?.userId, m.role]));
  assert.deepEqual(roles, { [ada.id]: 'org:admin', [grace.id]: 'org:member' });
  const mine = await clerk.users.getOrganizationMembershipList({ userId: grace.id });
  assert.equal(mine.totalCount, 1);
  assert.equal(mine.data[0].organization.id, org.id);

  const admins = await clerk.organizations.getOrganizationMembershipList({
    organizationId: org.id,
    role: ['org:admin'],
  });
  assert.deepEqual(admins.data.map((m) => m.publicUserData?.userId), [ada.id]);
  const everywhere = await clerk.organizations.getInstanceOrganizationMembershipList({});
  assert.equal(everywhere.totalCount, 2);

  step('memberships: update role');
  const promoted = await clerk.organizations.updateOrganizationMembership({
    organizationId: org.id,
    userId: grace.id,
    role: 'org:admin',
  });
  assert.equal(promoted.role, 'org:admin');

  step('memberships: delete');
  const removed = await clerk.organizations.deleteOrganizationMembership({
    organizationId: org.id,
    userId: grace.id,
  });
  assert.equal(removed.publicUserData?.userId, grace.id);
  const after = await clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
  assert.equal(after.totalCount, 1);
  assert.equal(after.data[0].publicUserData?.userId, ada.id);

  step('organization invitations: create, list, revoke');
  const invited = await clerk.organizations.createOrganizationInvitation({
    organizationId: org.id,
    inviterUserId: ada.id,
    emailAddress: email('recruit'),
    role: 'org:member',
  });
  assert.match(invited.id, /^orginv_/);
  assert.equal(invited.organizationId, org.id);
  assert.equal(invited.status, 'pending');
  const orgInvites = await clerk.organizations.getOrganizationInvitationList({
    organizationId: org.id,
    status: ['pending'],
  });
  assert.equal(orgInvites.totalCount, 1);
  assert.equal(orgInvites.data[0].emailAddress, email('recruit'));
  const withdrawn = await clerk.organizations.revokeOrganizationInvitation({
    organizationId: org.id,
    invitationId: invited.id,
    requestingUserId: ada.id,
  });
  assert.equal(withdrawn.status, 'revoked');

  step('organizations: delete');
  const gone = await clerk.organizations.deleteOrganization(other.id);
  assert.equal(gone.id, other.id);
  assert.equal(gone.deleted, true);
  assert.equal((await clerk.organizations.getOrganizationList()).totalCount, 1);

  return { org };
}

async function invitations() {
  step('invitations: create');
  const first = await clerk.invitations.createInvitation({
    emailAddress: email('invitee1'),
    publicMetadata: { source: 'check' },
    notify: false,
  });
  assert.match(first.id, /^inv_/);
  assert.equal(first.emailAddress, email('invitee1'));
  assert.equal(first.status, 'pending');
  assert.deepEqual(first.publicMetadata, { source: 'check' });
  const second = await clerk.invitations.createInvitation({ emailAddress: email('invitee2') });

  step('invitations: create in bulk');
  const bulk = await clerk.invitations.createInvitationBulk([
    { emailAddress: email('bulk1'), notify: false },
    { emailAddress: email('bulk2'), notify: false },
  ]);
  assert.deepEqual(bulk.map((i) => i.emailAddress), [email('bulk1'), email('bulk2')]);

  step('invitations: list (paginated envelope)');
  const list = await clerk.invitations.getInvitationList();
  assert.equal(list.totalCount, 4);
  assert.deepEqual(
    list.data.map((i) => i.id).sort(),
    [first.id, second.id, ...bulk.map((i) => i.id)].sort(),
  );
  const page = await clerk.invitations.getInvitationList({ limit: 1, offset: 1 });
  assert.equal(page.data.length, 1);
  assert.equal(page.totalCount, 4, 'the total counts every invitation, not the page');
  const found = await clerk.invitations.getInvitationList({ query: 'invitee2' });
  assert.deepEqual(found.data.map((i) => i.id), [second.id]);

  step('invitations: revoke');
  const revoked = await clerk.invitations.revokeInvitation(first.id);
  assert.equal(revoked.id, first.id);
  assert.equal(revoked.status, 'revoked');
  assert.equal(revoked.revoked, true);
  const revokedOnly = await clerk.invitations.getInvitationList({ status: 'revoked' });
  assert.deepEqual(revokedOnly.data.map((i) => i.id), [first.id]);
  assert.equal(revokedOnly.totalCount, 1);
}

async function allowlist() {
  step('allow-list: create');
  const entry = await clerk.allowlistIdentifiers.createAllowlistIdentifier({
    identifier: email('allowed'),
    notify: false,
  });
  assert.match(entry.id, /^alid_/);
  assert.equal(entry.identifier, email('allowed'));
  assert.equal(entry.identifierType, 'email_address');
  const domain = await clerk.allowlistIdentifiers.createAllowlistIdentifier({
    identifier: '*@example.org',
    notify: false,
  });

  step('allow-list: list (paginated envelope)');
  const list = await clerk.allowlistIdentifiers.getAllowlistIdentifierList();
  assert.equal(list.totalCount, 2);
  assert.deepEqual(list.data.map((e) => e.id).sort(), [entry.id, domain.id].sort());

  step('allow-list: delete');
  const deleted = await clerk.allowlistIdentifiers.deleteAllowlistIdentifier(entry.id);
  assert.equal(deleted.id, entry.id);
  assert.equal(deleted.deleted, true);
  assert.equal(deleted.object, 'allowlist_identifier');
  const after = await clerk.allowlistIdentifiers.getAllowlistIdentifierList();
  assert.deepEqual(after.data.map((e) => e.id), [domain.id]);
  assert.equal(after.totalCount, 1);
}

async function blocklist() {
  step('block-list: create, list, delete');
  const entry = await clerk.blocklistIdentifiers.createBlocklistIdentifier({
    identifier: email('blocked'),
  });
  assert.match(entry.id, /^blid_/);
  assert.equal(entry.identifierType, 'email_address');
  const list = await clerk.blocklistIdentifiers.getBlocklistIdentifierList();
  assert.equal(list.totalCount, 1);
  assert.equal(list.data[0].identifier, email('blocked'));
  const deleted = await clerk.blocklistIdentifiers.deleteBlocklistIdentifier(entry.id);
  assert.equal(deleted.deleted, true);
  assert.equal((await clerk.blocklistIdentifiers.getBlocklistIdentifierList()).totalCount, 0);
}

async function sessions({ ada }, { org }) {
  step('sessions: create');
  const session = await clerk.sessions.createSession({ userId: ada.id });
  assert.match(session.id, /^sess_/);
  assert.equal(session.userId, ada.id);
  assert.equal(session.status, 'active');
  const withOrg = await clerk.sessions.createSession({ userId: ada.id, activeOrganizationId: org.id });
  assert.equal(withOrg.lastActiveOrganizationId, org.id);

  step('sessions: get and list');
  assert.equal((await clerk.sessions.getSession(session.id)).clientId, session.clientId);
  const list = await clerk.sessions.getSessionList({ userId: ada.id });
  assert.equal(list.totalCount, 2);
  assert.deepEqual(list.data.map((s) => s.id).sort(), [session.id, withOrg.id].sort());
  const byClient = await clerk.sessions.getSessionList({ clientId: session.clientId });
  assert.deepEqual(byClient.data.map((s) => s.id), [session.id]);

  step('sessions: getToken');
  const token = await clerk.sessions.getToken(session.id);
  assert.equal(typeof token.jwt, 'string');
  assert.equal(token.jwt.split('.').length, 3);
  const orgToken = await clerk.sessions.getToken(withOrg.id, undefined, 120);

  step('verifyToken with jwtKey (networkless)');
  const claims = await verifyToken(token.jwt, { jwtKey });
  assert.equal(claims.sub, ada.id);
  assert.equal(claims.sid, session.id);
  assert.ok(claims.exp > claims.iat);
  const orgClaims = await verifyToken(orgToken.jwt, { jwtKey });
  assert.equal(orgClaims.sid, withOrg.id);
  assert.equal(orgClaims.exp - orgClaims.iat, 120);

  step('verifyToken through the JWKS (secretKey + apiUrl)');
  const remote = await verifyToken(token.jwt, { secretKey, apiUrl, skipJwksCache: true });
  assert.equal(remote.sub, ada.id);
  assert.equal(remote.sid, session.id);

  step('authenticateRequest with a Bearer session token');
  const request = (jwt) =>
    new Request('http://localhost:3000/api/me', { headers: { authorization: `Bearer ${jwt}` } });
  const local = await clerk.authenticateRequest(request(orgToken.jwt), { jwtKey });
  assert.equal(local.isAuthenticated, true, `${local.reason}: ${local.message}`);
  const auth = local.toAuth();
  assert.equal(auth.userId, ada.id);
  assert.equal(auth.sessionId, withOrg.id);
  assert.equal(auth.orgId, org.id);
  assert.equal(auth.orgSlug, org.slug);
  assert.equal(auth.orgRole, 'org:admin');
  const viaJwks = await clerk.authenticateRequest(request(token.jwt));
  assert.equal(viaJwks.isAuthenticated, true, `${viaJwks.reason}: ${viaJwks.message}`);
  assert.equal(viaJwks.toAuth().userId, ada.id);
  assert.equal(viaJwks.toAuth().orgId, undefined);
  const anonymous = await clerk.authenticateRequest(request('not-a-jwt'), { jwtKey });
  assert.equal(anonymous.isAuthenticated, false);

  step('verifyToken refuses a tampered token');
  const [header, payload, signature] = token.jwt.split('.');
  const forged = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url')), sub: 'user_forged' }),
  ).toString('base64url');
  await assert.rejects(verifyToken(`${header}.${forged}.${signature}`, { jwtKey }));

  step('sessions: revoke');
  const revoked = await clerk.sessions.revokeSession(session.id);
  assert.equal(revoked.status, 'revoked');
  const active = await clerk.sessions.getSessionList({ userId: ada.id, status: 'active' });
  assert.deepEqual(active.data.map((s) => s.id), [withOrg.id]);
}

async function deletion({ ada, grace }) {
  step('users: delete');
  const deleted = await clerk.users.deleteUser(grace.id);
  assert.equal(deleted.id, grace.id);
  assert.equal(deleted.deleted, true);
  assert.equal(deleted.object, 'user');
  const left = await clerk.users.getUserList();
  assert.deepEqual(left.data.map((u) => u.id), [ada.id]);
  assert.equal(left.totalCount, 1);
  await assert.rejects(clerk.users.getUser(grace.id), (err) => err.status === 404);
}

try {
  const people = await users();
  const orgs = await organizations(people);
  await invitations();
  await allowlist();
  await blocklist();
  await sessions(people, orgs);
  await deletion(people);
  console.log('official client: all checks passed');
} catch (err) {
  console.error(`official client: step "${current}" failed`);
  console.error(err);
  if (err?.errors) {
    console.error(JSON.stringify(err.errors, null, 2));
  }
  process.exit(1);
}
