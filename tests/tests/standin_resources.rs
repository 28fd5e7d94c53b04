//! The stand-in's plain resources, served by its generic layer, through this crate's own
//! client: redirect URLs, the waitlist, sign-in and testing tokens, and domains.

use clerk_backend::models::{
    CreateDomainParams, CreateRedirectUrlParams, CreateSignInTokenParams, CreateUserParams,
    CreateWaitlistEntryParams, InvitationStatus, InviteWaitlistEntryParams, RedirectUrlListParams,
    SignInTokenStatus, UpdateDomainParams, WaitlistEntryListParams, WaitlistEntryOrderBy,
    WaitlistEntryStatus,
};
use clerk_backend::testing::StandIn;
use clerk_tests::refusal;
use serde_json::Value;

/// `GET <url><path>` with the stand-in's key: status and JSON body.
async fn raw_get(standin: &StandIn, path: &str) -> (u16, Value) {
    let response = reqwest::Client::new()
        .get(format!("{}{path}", standin.url()))
        .bearer_auth(standin.secret_key())
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).expect("a JSON body"))
}

#[tokio::test]
async fn redirect_urls_are_created_listed_fetched_and_deleted() {
    let standin = StandIn::start().await.expect("start");
    let urls = standin.clerk().redirect_urls();

    let web = urls
        .create(CreateRedirectUrlParams::new(
            "https://my-app.com/oauth-callback",
        ))
        .await
        .expect("an https URL");
    assert_eq!(web.object, "redirect_url");
    assert!(web.id.starts_with("ru_"), "{}", web.id);
    assert_eq!(web.url, "https://my-app.com/oauth-callback");
    assert_eq!(web.created_at, web.updated_at);
    let native = urls
        .create(CreateRedirectUrlParams::new("my-app://oauth-callback"))
        .await
        .expect("a custom scheme");

    assert_eq!(urls.get(&native.id).await.expect("get"), native);

    // A bare array, oldest first, unless `paginated=true` asks for the envelope.
    let all = urls
        .list(RedirectUrlListParams::default())
        .await
        .expect("list");
    assert_eq!(all.total_count, None);
    assert_eq!(all.data, vec![web.clone(), native.clone()]);
    let second = urls
        .list(
            RedirectUrlListParams::default()
                .paginated(true)
                .limit(1)
                .offset(1),
        )
        .await
        .expect("a page");
    assert_eq!(second.total_count, Some(2));
    assert_eq!(second.data, vec![native.clone()]);
    assert_eq!(
        refusal(urls.list(RedirectUrlListParams::default().limit(0)).await),
        (
            422,
            "form_param_format_invalid".into(),
            Some("limit".into())
        )
    );

    for bad in ["my-app.com/callback", "https://", "https://my app.com"] {
        assert_eq!(
            refusal(urls.create(CreateRedirectUrlParams::new(bad)).await),
            (422, "form_param_format_invalid".into(), Some("url".into())),
            "{bad}"
        );
    }
    assert_eq!(
        refusal(urls.create(CreateRedirectUrlParams::new("")).await),
        (422, "form_param_missing".into(), Some("url".into()))
    );
    assert_eq!(
        refusal(
            urls.create(CreateRedirectUrlParams::new("my-app://oauth-callback"))
                .await
        ),
        (400, "duplicate_record".into(), Some("url".into()))
    );

    let deleted = urls.delete(&native.id).await.expect("delete");
    assert_eq!(
        (
            deleted.object.as_str(),
            deleted.id.as_deref(),
            deleted.deleted
        ),
        ("redirect_url", Some(native.id.as_str()), true)
    );
    assert_eq!(
        refusal(urls.get(&native.id).await),
        (404, "resource_not_found".into(), None)
    );
    assert_eq!(
        refusal(urls.delete(&native.id).await),
        (404, "resource_not_found".into(), None)
    );
}

#[tokio::test]
async fn list_routes_refuse_an_unknown_order_and_answer_under_v1() {
    let standin = StandIn::start().await.expect("start");
    let (status, body) = raw_get(&standin, "/redirect_urls?order_by=-nope").await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["code"], "form_param_value_invalid");
    assert_eq!(body["errors"][0]["meta"]["param_name"], "order_by");

    let (status, body) = raw_get(&standin, "/v1/waitlist_entries").await;
    assert_eq!(status, 200);
    assert_eq!(body["total_count"], 0);
}

#[tokio::test]
async fn waitlist_entries_are_added_once_filtered_ordered_and_paged() {
    let standin = StandIn::start().await.expect("start");
    let waitlist = standin.clerk().waitlist_entries();

    let mut added = Vec::new();
    for email in ["carol@example.com", "ada@example.com", "bob@example.com"] {
        added.push(
            waitlist
                .create(CreateWaitlistEntryParams::new(email))
                .await
                .expect("add"),
        );
    }
    assert_eq!(added[0].object, "waitlist_entry");
    assert_eq!(added[0].status, WaitlistEntryStatus::Pending);
    assert_eq!(added[0].invitation, None);
    let again = waitlist
        .create(CreateWaitlistEntryParams::new("ADA@example.com"))
        .await
        .expect("an address already there");
    assert_eq!(again.id, added[1].id);

    // Newest first by default; `total_count` counts every match.
    let page = waitlist
        .list(WaitlistEntryListParams::default().limit(2))
        .await
        .expect("list");
    assert_eq!(page.total_count, Some(3));
    let ids: Vec<&str> = page.data.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, [added[2].id.as_str(), added[1].id.as_str()]);

    let by_email = waitlist
        .list(WaitlistEntryListParams::default().order_by(WaitlistEntryOrderBy::EmailAddressAsc))
        .await
        .expect("by email");
    let emails: Vec<&str> = by_email
        .data
        .iter()
        .map(|e| e.email_address.as_str())
        .collect();
    assert_eq!(
        emails,
        ["ada@example.com", "bob@example.com", "carol@example.com"]
    );

    let found = waitlist
        .list(WaitlistEntryListParams::default().query("BOB"))
        .await
        .expect("query");
    assert_eq!(found.total_count, Some(1));
    assert_eq!(found.data[0].id, added[2].id);

    let bulk = waitlist
        .create_bulk(vec![
            CreateWaitlistEntryParams::new("dan@example.com"),
            CreateWaitlistEntryParams::new("ada@example.com"),
        ])
        .await
        .expect("bulk");
    assert_eq!(bulk.len(), 2);
    assert_eq!(bulk[1].id, added[1].id);

    assert_eq!(
        refusal(
            waitlist
                .create(CreateWaitlistEntryParams::new("not-an-email"))
                .await
        ),
        (
            422,
            "form_param_format_invalid".into(),
            Some("email_address".into())
        )
    );
}

#[tokio::test]
async fn waitlist_entries_are_invited_rejected_and_deleted_by_state() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let waitlist = clerk.waitlist_entries();
    let ada = waitlist
        .create(CreateWaitlistEntryParams::new("ada@example.com"))
        .await
        .expect("add ada");
    let bob = waitlist
        .create(CreateWaitlistEntryParams::new("bob@example.com"))
        .await
        .expect("add bob");

    let invited = waitlist
        .invite(&ada.id, InviteWaitlistEntryParams::default())
        .await
        .expect("invite");
    assert_eq!(invited.status, WaitlistEntryStatus::Invited);
    let invitation = invited.invitation.clone().expect("an invitation");
    assert_eq!(invitation.email_address, "ada@example.com");
    assert_eq!(invitation.status, InvitationStatus::Pending);
    // The invitation is a real one of the stand-in's invitations.
    let invitations = clerk
        .invitations()
        .list(Default::default())
        .await
        .expect("invitations");
    assert!(invitations.data.iter().any(|i| i.id == invitation.id));

    assert_eq!(
        refusal(
            waitlist
                .invite(&ada.id, InviteWaitlistEntryParams::default())
                .await
        ),
        (400, "duplicate_record".into(), Some("email_address".into()))
    );
    let reinvited = waitlist
        .invite(
            &ada.id,
            InviteWaitlistEntryParams::default().ignore_existing(true),
        )
        .await
        .expect("ignore_existing invites again");
    assert_ne!(
        reinvited.invitation.map(|i| i.id),
        Some(invitation.id.clone())
    );

    let rejected = waitlist.reject(&bob.id).await.expect("reject");
    assert_eq!(rejected.status, WaitlistEntryStatus::Rejected);
    let only_rejected = waitlist
        .list(WaitlistEntryListParams::default().status(WaitlistEntryStatus::Rejected))
        .await
        .expect("by status");
    assert_eq!(only_rejected.total_count, Some(1));
    assert_eq!(only_rejected.data[0].id, bob.id);

    // Only a pending entry can be deleted.
    assert_eq!(refusal(waitlist.delete(&ada.id).await).0, 409);
    let carol = waitlist
        .create(CreateWaitlistEntryParams::new("carol@example.com"))
        .await
        .expect("add carol");
    let deleted = waitlist.delete(&carol.id).await.expect("delete");
    assert_eq!(
        (deleted.object.as_str(), deleted.deleted),
        ("waitlist_entry", true)
    );
    assert_eq!(
        refusal(waitlist.reject(&carol.id).await),
        (404, "resource_not_found".into(), None)
    );

    // An address that belongs to a user is refused unless told to ignore it.
    clerk
        .users()
        .create(CreateUserParams::default().email_address(["dan@example.com"]))
        .await
        .expect("user");
    let dan = waitlist
        .create(CreateWaitlistEntryParams::new("dan@example.com"))
        .await
        .expect("add dan");
    assert_eq!(
        refusal(
            waitlist
                .invite(&dan.id, InviteWaitlistEntryParams::default())
                .await
        ),
        (
            422,
            "form_identifier_exists".into(),
            Some("email_address".into())
        )
    );
}

#[tokio::test]
async fn sign_in_tokens_are_minted_for_users_and_revoked_once() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = clerk
        .users()
        .create(CreateUserParams::default().email_address(["ada@example.com"]))
        .await
        .expect("user");
    let tokens = clerk.sign_in_tokens();

    let token = tokens
        .create(CreateSignInTokenParams::new(&user.id).expires_in_seconds(600))
        .await
        .expect("create");
    assert_eq!(token.object, "sign_in_token");
    assert_eq!(token.status, SignInTokenStatus::Pending);
    assert_eq!(token.user_id, user.id);
    let secret = token.token.as_ref().expect("a token").expose().to_owned();
    assert!(!secret.is_empty());
    let url = token.url.as_ref().expect("a url").expose().to_owned();
    assert!(url.starts_with(standin.url()), "{url}");
    assert!(url.ends_with(&format!("ticket={secret}")), "{url}");

    let revoked = tokens.revoke(&token.id).await.expect("revoke");
    assert_eq!(revoked.status, SignInTokenStatus::Revoked);
    assert_eq!(revoked.id, token.id);
    assert!(revoked.token.is_none(), "the secret is shown once");
    assert_eq!(refusal(tokens.revoke(&token.id).await).0, 400);
    assert_eq!(
        refusal(tokens.revoke("sit_unknown").await),
        (404, "resource_not_found".into(), None)
    );

    assert_eq!(
        refusal(
            tokens
                .create(CreateSignInTokenParams::new("user_unknown"))
                .await
        ),
        (404, "resource_not_found".into(), None)
    );
    assert_eq!(
        refusal(
            tokens
                .create(CreateSignInTokenParams::new(&user.id).expires_in_seconds(0))
                .await
        ),
        (
            422,
            "form_param_value_invalid".into(),
            Some("expires_in_seconds".into())
        )
    );
    assert_eq!(
        refusal(
            tokens
                .create(CreateSignInTokenParams::new(&user.id).org_id("org_unknown"))
                .await
        ),
        (
            422,
            "form_param_value_invalid".into(),
            Some("org_id".into())
        )
    );
}

#[tokio::test]
async fn testing_tokens_expire_an_hour_after_they_are_made() {
    let standin = StandIn::start().await.expect("start");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let now = i64::try_from(now).expect("fits");
    let first = standin
        .clerk()
        .testing_tokens()
        .create()
        .await
        .expect("create");
    let second = standin
        .clerk()
        .testing_tokens()
        .create()
        .await
        .expect("again");
    assert_eq!(first.object, "testing_token");
    assert!(
        (now + 3_590..=now + 3_610).contains(&first.expires_at),
        "{} vs {now}",
        first.expires_at
    );
    let (issued, _) = first.token.expose().split_once('-').expect("issued-random");
    assert_eq!(
        issued.parse::<i64>().expect("seconds") + 3_600,
        first.expires_at
    );
    assert_ne!(first.token, second.token);
}

#[tokio::test]
async fn domains_start_with_the_primary_and_take_satellites() {
    let standin = StandIn::start().await.expect("start");
    let domains = standin.clerk().domains();

    let listed = domains.list().await.expect("list");
    assert_eq!(listed.total_count, Some(1));
    let primary = listed.data[0].clone();
    assert!(!primary.is_satellite);
    assert_eq!(primary.object, "domain");
    assert_eq!(primary.name, standin.url().trim_start_matches("http://"));
    assert_eq!(primary.frontend_api_url, standin.url());

    let satellite = domains
        .create(CreateDomainParams::satellite("satellite.example.com"))
        .await
        .expect("create");
    assert!(satellite.is_satellite);
    assert_eq!(satellite.name, "satellite.example.com");
    assert_eq!(
        refusal(
            domains
                .create(CreateDomainParams::satellite("satellite.example.com"))
                .await
        ),
        (400, "duplicate_record".into(), Some("name".into()))
    );
    assert_eq!(
        refusal(
            domains
                .create(CreateDomainParams::satellite("https://x.example.com"))
                .await
        ),
        (422, "form_param_format_invalid".into(), Some("name".into()))
    );
    // A development instance takes no proxy.
    assert_eq!(
        refusal(
            domains
                .create(
                    CreateDomainParams::satellite("proxied.example.com")
                        .proxy_url("https://proxied.example.com/__clerk")
                )
                .await
        )
        .0,
        400
    );

    let renamed = domains
        .update(
            &satellite.id,
            UpdateDomainParams::default().name("moon.example.com"),
        )
        .await
        .expect("rename");
    assert_eq!(renamed.name, "moon.example.com");
    assert_eq!(renamed.frontend_api_url, "https://clerk.moon.example.com");
    assert_eq!(
        refusal(
            domains
                .update(
                    &satellite.id,
                    UpdateDomainParams::default().name(&primary.name)
                )
                .await
        ),
        (400, "duplicate_record".into(), Some("name".into()))
    );
    assert_eq!(
        refusal(
            domains
                .update("dmn_unknown", UpdateDomainParams::default())
                .await
        ),
        (404, "resource_not_found".into(), None)
    );

    assert_eq!(refusal(domains.delete(&primary.id).await).0, 403);
    let deleted = domains.delete(&satellite.id).await.expect("delete");
    assert_eq!((deleted.object.as_str(), deleted.deleted), ("domain", true));
    let listed = domains.list().await.expect("list again");
    assert_eq!(listed.data, vec![primary]);
}
