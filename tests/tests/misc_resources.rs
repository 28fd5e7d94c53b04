//! Smaller resources: JWKS, the interstitial page, redirect URLs, sign-ups, waitlist
//! entries and the Svix webhook app. The exact request of every operation and decoding of
//! realistic responses.

use bytes::Bytes;
use clerk_backend::models::{
    CreateRedirectUrlParams, CreateWaitlistEntryParams, InterstitialParams,
    InviteWaitlistEntryParams, JwkKeyType, RedirectUrlListParams, SignUpNextAction, SignUpStatus,
    UpdateSignUpParams, WaitlistEntryListParams, WaitlistEntryOrderBy, WaitlistEntryStatus,
};
use clerk_tests::{fixture, MockServer, Reply};
use serde_json::json;

const SIGN_UP_ID: &str = "sua_2xhW3xZaC5dEfH7jKlMnOpQrStW";
const ENTRY_ID: &str = "wle_2xhX4yAbD6eFgI8kLmNoPqRsTuX";
const REDIRECT_ID: &str = "ru_2xhU1vXyA3bCdF5hIjKlMnOpQrU";

// --- JWKS -------------------------------------------------------------------------------

#[tokio::test]
async fn jwks_decodes_every_key_type_and_hides_private_material() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "jwks.json"));
    let set = server.client().jwks().get().await.expect("jwks");

    let req = server.single();
    assert_eq!(req.line(), ("GET", "/jwks", None));
    assert!(req.body.is_empty());

    let keys = set.keys.as_deref().expect("keys");
    assert_eq!(keys.len(), 4);
    let rsa = &keys[0];
    assert_eq!(rsa.kid, "ins_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
    assert_eq!(rsa.alg, "RS256");
    assert_eq!(rsa.use_, "sig");
    assert_eq!(rsa.kty, JwkKeyType::Rsa);
    assert_eq!(
        rsa.n.as_deref(),
        Some("uKq7yPjzUQ4n0dFv6a2pLkDvXw9hZ3cT5sR1mN8bGfE0oJiHqWtYx2AeC4uK6lM")
    );
    assert_eq!(rsa.e.as_deref(), Some("AQAB"));
    assert_eq!(
        rsa.x5c.as_deref(),
        Some(&["MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuKq7".to_owned()][..])
    );
    assert_eq!(rsa.x5t.as_deref(), Some("k3Pd5cWqXz0"));
    assert_eq!(rsa.x5t_s256.as_deref(), Some("b7N2qLw9RkT4"));
    assert_eq!(
        rsa.x5u.as_deref(),
        Some("https://clerk.example.com/certs/ins_2xh.pem")
    );
    assert_eq!(rsa.crv, None);
    assert_eq!(rsa.d, None);

    let okp = &keys[1];
    assert_eq!(okp.kty, JwkKeyType::Okp);
    assert_eq!(okp.crv.as_deref(), Some("Ed25519"));
    assert_eq!(
        okp.x.as_deref(),
        Some("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
    );
    assert_eq!(okp.n, None);

    let ec = &keys[2];
    assert_eq!(ec.kty, JwkKeyType::Ec);
    assert_eq!(ec.crv.as_deref(), Some("P-256"));
    assert_eq!(
        ec.y.as_deref(),
        Some("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")
    );
    assert_eq!(ec.d.as_ref().map(|d| d.expose()), Some("EC-PRIVATE-SECRET"));

    let oct = &keys[3];
    assert_eq!(oct.kty, JwkKeyType::Oct);
    assert_eq!(
        oct.k.as_ref().map(|k| k.expose()),
        Some("SYMMETRIC-KEY-SECRET")
    );

    let debug = format!("{set:?}");
    assert!(!debug.contains("SECRET"), "{debug}");
}

#[tokio::test]
async fn jwks_without_keys_decodes() {
    let server = MockServer::start().await;
    server.reply(Reply::json(200, "{}"));
    let set = server.client().jwks().get().await.expect("jwks");
    assert_eq!(set.keys, None);
}

// --- Interstitial ------------------------------------------------------------------------

#[tokio::test]
async fn interstitial_sends_every_parameter_and_returns_the_html() {
    let server = MockServer::start().await;
    let html = fixture("interstitial.html");
    server.reply(Reply::Respond {
        status: 200,
        headers: vec![("content-type".into(), "text/html; charset=utf-8".into())],
        body: Bytes::from(html.clone()),
    });
    let page = server
        .client()
        .interstitial()
        .get(
            InterstitialParams::default()
                .frontend_api_legacy("clerk.example.com")
                .frontend_api("clerk.example.com")
                .publishable_key("pk_test_Y2xlcmsuZXhhbXBsZS5jb20k")
                .proxy_url("https://example.com/__clerk")
                .domain("example.com")
                .sign_in_url("https://example.com/sign-in")
                .use_domain_for_script(true),
        )
        .await
        .expect("interstitial");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/public/interstitial",
            Some(
                "frontendApi=clerk.example.com&frontend_api=clerk.example.com\
                 &publishable_key=pk_test_Y2xlcmsuZXhhbXBsZS5jb20k\
                 &proxy_url=https%3A%2F%2Fexample.com%2F__clerk&domain=example.com\
                 &sign_in_url=https%3A%2F%2Fexample.com%2Fsign-in&use_domain_for_script=true"
            )
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(page, html);
    assert!(page.contains("clerk.browser.js"));
    // A public operation (`security: []` in the spec): the secret key stays home.
    assert_eq!(req.header("authorization"), None);
    assert!(req.header("clerk-api-version").is_some());
}

#[tokio::test]
async fn interstitial_without_parameters_sends_no_query() {
    let server = MockServer::start().await;
    server.reply(Reply::Respond {
        status: 200,
        headers: vec![("content-type".into(), "text/html".into())],
        body: Bytes::from_static(b"<html></html>"),
    });
    let page = server
        .client()
        .interstitial()
        .get(InterstitialParams::default())
        .await
        .expect("interstitial");
    assert_eq!(
        server.single().line(),
        ("GET", "/public/interstitial", None)
    );
    assert_eq!(page, "<html></html>");
}

// --- Redirect URLs -----------------------------------------------------------------------

#[tokio::test]
async fn redirect_urls_list_sends_pagination_and_decodes_a_bare_array() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "redirect_url_list.json"));
    let page = server
        .client()
        .redirect_urls()
        .list(
            RedirectUrlListParams::default()
                .paginated(false)
                .limit(50)
                .offset(10),
        )
        .await
        .expect("list");
    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/redirect_urls",
            Some("paginated=false&limit=50&offset=10")
        )
    );
    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, None);
    assert_eq!(page.data[1].url, "https://my-app.com/oauth-callback");
    assert_eq!(page.data[1].updated_at, 1718100000000);
}

#[tokio::test]
async fn redirect_urls_create_get_and_delete() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "redirect_url.json"));
    server.reply(Reply::fixture(200, "redirect_url.json"));
    server.reply(Reply::fixture(200, "redirect_url_deleted.json"));
    let clerk = server.client();
    let created = clerk
        .redirect_urls()
        .create(CreateRedirectUrlParams::new("my-app://oauth-callback"))
        .await
        .expect("create");
    let fetched = clerk.redirect_urls().get(REDIRECT_ID).await.expect("get");
    let deleted = clerk
        .redirect_urls()
        .delete(REDIRECT_ID)
        .await
        .expect("delete");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    assert_eq!(reqs[0].line(), ("POST", "/redirect_urls", None));
    assert_eq!(reqs[0].json(), json!({"url": "my-app://oauth-callback"}));
    assert_eq!(
        reqs[1].line(),
        ("GET", "/redirect_urls/ru_2xhU1vXyA3bCdF5hIjKlMnOpQrU", None)
    );
    assert!(reqs[1].body.is_empty());
    assert_eq!(
        reqs[2].line(),
        (
            "DELETE",
            "/redirect_urls/ru_2xhU1vXyA3bCdF5hIjKlMnOpQrU",
            None
        )
    );
    assert!(reqs[2].body.is_empty());

    assert_eq!(created.object, "redirect_url");
    assert_eq!(created.id, REDIRECT_ID);
    assert_eq!(created.url, "my-app://oauth-callback");
    assert_eq!(created.created_at, 1718361600000);
    assert_eq!(created.updated_at, 1718361600000);
    assert_eq!(fetched, created);
    assert_eq!(deleted.object, "redirect_url");
    assert_eq!(deleted.id.as_deref(), Some(REDIRECT_ID));
    assert!(deleted.deleted);
}

// --- Sign-ups ----------------------------------------------------------------------------

#[tokio::test]
async fn sign_up_get_decodes_every_field() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "sign_up.json"));
    let s = server
        .client()
        .sign_ups()
        .get(SIGN_UP_ID)
        .await
        .expect("get sign-up");

    let req = server.single();
    assert_eq!(
        req.line(),
        ("GET", "/sign_ups/sua_2xhW3xZaC5dEfH7jKlMnOpQrStW", None)
    );
    assert!(req.body.is_empty());

    assert_eq!(s.object, "sign_up_attempt");
    assert_eq!(s.id, SIGN_UP_ID);
    assert_eq!(s.status, SignUpStatus::MissingRequirements);
    assert_eq!(s.required_fields, ["email_address", "password"]);
    assert_eq!(s.optional_fields, ["first_name", "last_name"]);
    assert_eq!(s.missing_fields, ["password"]);
    assert_eq!(s.unverified_fields, ["email_address"]);
    let email = s.verifications.email_address.as_ref().expect("email");
    assert_eq!(email.next_action, Some(SignUpNextAction::NeedsAttempt));
    assert_eq!(
        email.supported_strategies.as_deref(),
        Some(&["email_code".to_owned(), "email_link".to_owned()][..])
    );
    assert_eq!(email.other["status"], "unverified");
    assert_eq!(email.other["attempts"], 1);
    assert_eq!(email.other["expire_at"], 1718362200000_i64);
    assert_eq!(s.verifications.phone_number, None);
    let wallet = s.verifications.web3_wallet.as_ref().expect("wallet");
    assert_eq!(wallet.next_action, Some(SignUpNextAction::Nothing));
    assert_eq!(wallet.supported_strategies.as_deref(), Some(&[][..]));
    assert!(wallet.other.is_empty());
    assert_eq!(s.verifications.external_account, None);
    assert_eq!(s.username, None);
    assert_eq!(s.email_address.as_deref(), Some("ada@example.com"));
    assert_eq!(s.phone_number, None);
    assert_eq!(s.web3_wallet, None);
    assert!(!s.password_enabled);
    assert_eq!(s.first_name.as_deref(), Some("Ada"));
    assert_eq!(s.last_name, None);
    assert_eq!(
        s.unsafe_metadata.as_ref().map(|m| m["referrer"].clone()),
        Some(json!("newsletter"))
    );
    assert_eq!(s.public_metadata.as_ref().map(|m| m.len()), Some(0));
    assert!(s.custom_action);
    assert_eq!(s.external_id.as_deref(), Some("legacy-4812"));
    assert_eq!(s.created_session_id, None);
    assert_eq!(s.created_user_id, None);
    assert_eq!(s.abandon_at, 1718448000000);
    assert_eq!(s.legal_accepted_at, Some(1718361700000));
    assert_eq!(s.locale.as_deref(), Some("en-GB"));
    assert_eq!(s.external_account, None);
}

#[tokio::test]
async fn sign_up_update_sends_the_given_fields() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "sign_up.json"));
    server.reply(Reply::fixture(200, "sign_up.json"));
    let clerk = server.client();
    let s = clerk
        .sign_ups()
        .update(
            SIGN_UP_ID,
            UpdateSignUpParams::default()
                .external_id("legacy-4812")
                .custom_action(true),
        )
        .await
        .expect("update sign-up");
    clerk
        .sign_ups()
        .update(SIGN_UP_ID, UpdateSignUpParams::default())
        .await
        .expect("empty update");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        ("PATCH", "/sign_ups/sua_2xhW3xZaC5dEfH7jKlMnOpQrStW", None)
    );
    assert_eq!(
        reqs[0].json(),
        json!({"external_id": "legacy-4812", "custom_action": true})
    );
    assert_eq!(reqs[1].json(), json!({}));
    assert_eq!(s.external_id.as_deref(), Some("legacy-4812"));
}

// --- Waitlist entries --------------------------------------------------------------------

#[tokio::test]
async fn waitlist_list_sends_every_filter_and_decodes_the_envelope() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "waitlist_entry_list.json"));
    let page = server
        .client()
        .waitlist_entries()
        .list(
            WaitlistEntryListParams::default()
                .limit(2)
                .offset(4)
                .query("example.com")
                .status(WaitlistEntryStatus::Invited)
                .order_by(WaitlistEntryOrderBy::InvitedAtAsc),
        )
        .await
        .expect("list");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/waitlist_entries",
            Some("limit=2&offset=4&query=example.com&status=invited&order_by=%2Binvited_at")
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, Some(31));
    let invited = &page.data[0];
    assert_eq!(invited.status, WaitlistEntryStatus::Invited);
    assert_eq!(invited.is_locked, Some(true));
    let invitation = invited.invitation.as_ref().expect("invitation");
    assert_eq!(invitation.id, "inv_2xhY5zBcE7fGhJ9lMnOpQrStUvY");
    assert_eq!(invitation.expires_at, None);
    assert_eq!(invitation.updated_at, 1718370000000);
    let other = &page.data[1];
    assert_eq!(other.status, WaitlistEntryStatus::Unknown("on_hold".into()));
    assert_eq!(other.is_locked, None);
    assert_eq!(other.invitation, None);
}

#[tokio::test]
async fn waitlist_create_and_create_bulk_send_the_addresses() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "waitlist_entry.json"));
    server.reply(Reply::fixture(200, "waitlist_entry_bulk.json"));
    let clerk = server.client();
    let entry = clerk
        .waitlist_entries()
        .create(CreateWaitlistEntryParams::new("grace@example.com").notify(false))
        .await
        .expect("create");
    let entries = clerk
        .waitlist_entries()
        .create_bulk(vec![
            CreateWaitlistEntryParams::new("grace@example.com"),
            CreateWaitlistEntryParams::new("alan@example.com").notify(true),
        ])
        .await
        .expect("create bulk");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].line(), ("POST", "/waitlist_entries", None));
    assert_eq!(
        reqs[0].json(),
        json!({"email_address": "grace@example.com", "notify": false})
    );
    assert_eq!(reqs[1].line(), ("POST", "/waitlist_entries/bulk", None));
    assert_eq!(
        reqs[1].json(),
        json!([
            {"email_address": "grace@example.com"},
            {"email_address": "alan@example.com", "notify": true}
        ])
    );

    assert_eq!(entry.object, "waitlist_entry");
    assert_eq!(entry.id, ENTRY_ID);
    assert_eq!(entry.email_address, "grace@example.com");
    assert_eq!(entry.status, WaitlistEntryStatus::Pending);
    assert_eq!(entry.is_locked, Some(false));
    assert_eq!(entry.created_at, 1718361600000);
    assert_eq!(entry.updated_at, 1718361600000);
    assert_eq!(entry.invitation, None);
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1].email_address, "alan@example.com");
}

#[tokio::test]
async fn waitlist_delete_invite_and_reject() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "waitlist_entry_deleted.json"));
    server.reply(Reply::fixture(200, "waitlist_entry_invited.json"));
    server.reply(Reply::fixture(200, "waitlist_entry_rejected.json"));
    let clerk = server.client();
    let deleted = clerk
        .waitlist_entries()
        .delete(ENTRY_ID)
        .await
        .expect("delete");
    let invited = clerk
        .waitlist_entries()
        .invite(
            ENTRY_ID,
            InviteWaitlistEntryParams::default().ignore_existing(true),
        )
        .await
        .expect("invite");
    let rejected = clerk
        .waitlist_entries()
        .reject(ENTRY_ID)
        .await
        .expect("reject");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    assert_eq!(
        reqs[0].line(),
        (
            "DELETE",
            "/waitlist_entries/wle_2xhX4yAbD6eFgI8kLmNoPqRsTuX",
            None
        )
    );
    assert!(reqs[0].body.is_empty());
    assert_eq!(
        reqs[1].line(),
        (
            "POST",
            "/waitlist_entries/wle_2xhX4yAbD6eFgI8kLmNoPqRsTuX/invite",
            None
        )
    );
    assert_eq!(reqs[1].json(), json!({"ignore_existing": true}));
    assert_eq!(
        reqs[2].line(),
        (
            "POST",
            "/waitlist_entries/wle_2xhX4yAbD6eFgI8kLmNoPqRsTuX/reject",
            None
        )
    );
    assert!(reqs[2].body.is_empty());

    assert_eq!(deleted.object, "waitlist_entry");
    assert!(deleted.deleted);
    assert_eq!(invited.status, WaitlistEntryStatus::Invited);
    let invitation = invited.invitation.as_ref().expect("invitation");
    assert_eq!(invitation.email_address, "grace@example.com");
    assert_eq!(invitation.expires_at, Some(1720957200000));
    assert_eq!(rejected.status, WaitlistEntryStatus::Rejected);
    assert_eq!(rejected.is_locked, None);
    assert_eq!(rejected.invitation, None);
    assert_eq!(rejected.updated_at, 1718368800000);
}

// --- Webhooks (Svix) ---------------------------------------------------------------------

#[tokio::test]
async fn svix_app_create_delete_and_url_hide_the_dashboard_link() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "svix_url.json"));
    server.reply(Reply::Respond {
        status: 204,
        headers: Vec::new(),
        body: Bytes::new(),
    });
    server.reply(Reply::fixture(200, "svix_url.json"));
    let clerk = server.client();
    let created = clerk
        .webhooks()
        .create_svix_app()
        .await
        .expect("create svix app");
    clerk
        .webhooks()
        .delete_svix_app()
        .await
        .expect("delete svix app");
    let url = clerk
        .webhooks()
        .generate_svix_auth_url()
        .await
        .expect("svix url");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    assert_eq!(reqs[0].line(), ("POST", "/webhooks/svix", None));
    assert_eq!(reqs[1].line(), ("DELETE", "/webhooks/svix", None));
    assert_eq!(reqs[2].line(), ("POST", "/webhooks/svix_url", None));
    assert!(reqs.iter().all(|r| r.body.is_empty()));

    assert_eq!(
        created.svix_url.expose(),
        "https://app.svix.com/login#key=SVIX-DASHBOARD-SECRET"
    );
    assert_eq!(url, created);
    let debug = format!("{created:?} {url:?}");
    assert!(!debug.contains("SECRET"), "{debug}");
    assert!(debug.contains("Secret([redacted])"), "{debug}");
}
