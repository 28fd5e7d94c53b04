//! Machines and M2M tokens: the exact request of every operation, decoding of realistic
//! responses, and secrets kept out of `Debug`.

use clerk_backend::models::{
    AddMachineScopeParams, CreateM2mTokenParams, CreateMachineParams, M2mTokenFormat,
    M2mTokenListParams, Machine, MachineListParams, MachineOrderBy, RevokeM2mTokenParams,
    RotateMachineSecretKeyParams, UpdateMachineParams, VerifyM2mTokenParams,
};
use clerk_tests::{MockServer, Reply};
use futures_util::TryStreamExt;
use serde_json::json;

const MACHINE_ID: &str = "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const OTHER_ID: &str = "mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em";
const MACHINE_PATH: &str = "/machines/mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const MACHINE_SECRET: &str = "ak_m2m_9Hq2Lw7Xv3Rt8Yp1Zs6Nc4Bd0Kf5Jg";
const TOKEN_ID: &str = "mt_f7f0ba8c3b4843ce7d85fcdd5e71853e";
const TOKEN_VALUE: &str = "mt_8c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9f";

/// Checks every field of `tests/fixtures/machine.json`.
fn assert_is_the_fixture_machine(m: &Machine) {
    assert_eq!(m.object, "machine");
    assert_eq!(m.id, MACHINE_ID);
    assert_eq!(m.name, "billing-worker");
    assert_eq!(m.instance_id, "ins_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
    assert_eq!(m.created_at, 1715683260000);
    assert_eq!(m.updated_at, 1716883200000);
    assert_eq!(m.default_token_ttl, Some(3600));
    assert_eq!(m.scoped_machines.len(), 2);
    let api = &m.scoped_machines[0];
    assert_eq!(api.object, "machine");
    assert_eq!(api.id, OTHER_ID);
    assert_eq!(api.name, "invoice-api");
    assert_eq!(api.instance_id, "ins_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
    assert_eq!(api.created_at, 1705683260000);
    assert_eq!(api.updated_at, 1705683260000);
    assert_eq!(api.default_token_ttl, Some(600));
    let ledger = &m.scoped_machines[1];
    assert_eq!(ledger.name, "ledger");
    assert_eq!(ledger.default_token_ttl, None);
    assert_eq!(ledger.updated_at, 1707683260000);
}

#[tokio::test]
async fn list_sends_every_filter_and_decodes_the_envelope() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "machine_list.json"));
    server.reply(Reply::fixture(200, "machine_list.json"));
    let clerk = server.client();
    let page = clerk
        .machines()
        .list(
            MachineListParams::default()
                .limit(2)
                .offset(4)
                .query("billing")
                .order_by(MachineOrderBy::NameDesc),
        )
        .await
        .expect("list machines");
    clerk
        .machines()
        .list(MachineListParams::default())
        .await
        .expect("list without filters");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            "/machines",
            Some("limit=2&offset=4&query=billing&order_by=-name")
        )
    );
    assert!(reqs[0].body.is_empty());
    assert_eq!(reqs[1].line(), ("GET", "/machines", None));

    assert_eq!(page.total_count, Some(7));
    assert_eq!(page.len(), 2);
    assert_eq!(page.data[0].scoped_machines.len(), 1);
    assert_eq!(page.data[1].name, "invoice-api");
    assert!(page.data[1].scoped_machines.is_empty());
}

#[tokio::test]
async fn list_streams_every_page() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "machine_list.json"));
    server.reply(Reply::json(200, r#"{"data":[],"total_count":2}"#));
    let machines: Vec<Machine> = server
        .client()
        .machines()
        .list(MachineListParams::default().limit(2))
        .stream()
        .try_collect()
        .await
        .expect("stream machines");
    assert_eq!(machines.len(), 2);
    let reqs = server.requests();
    assert_eq!(reqs[0].query.as_deref(), Some("limit=2&offset=0"));
    assert_eq!(reqs[1].query.as_deref(), Some("limit=2&offset=2"));
}

#[tokio::test]
async fn order_by_covers_the_spec_values_and_keeps_unknown_ones() {
    let all = [
        (MachineOrderBy::CreatedAtAsc, "+created_at"),
        (MachineOrderBy::CreatedAtDesc, "-created_at"),
        (MachineOrderBy::NameAsc, "+name"),
        (MachineOrderBy::NameDesc, "-name"),
    ];
    for (value, wire) in all {
        assert_eq!(value.as_str(), wire);
        assert_eq!(wire.parse::<MachineOrderBy>().ok(), Some(value));
    }
    assert_eq!(
        "updated_at".parse::<MachineOrderBy>().ok(),
        Some(MachineOrderBy::Unknown("updated_at".into()))
    );
}

#[tokio::test]
async fn create_sends_every_field_and_keeps_the_secret_key_out_of_debug() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "machine_created.json"));
    server.reply(Reply::fixture(200, "machine_created.json"));
    let clerk = server.client();
    let created = clerk
        .machines()
        .create(
            CreateMachineParams::new("billing-worker")
                .scoped_machines([OTHER_ID, "mch_2zHmMqR8Z4sYTxuV35DaUl0J8Fn"])
                .default_token_ttl(3600_i64),
        )
        .await
        .expect("create machine");
    clerk
        .machines()
        .create(CreateMachineParams::new("bare"))
        .await
        .expect("create with the name only");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("POST", "/machines", None));
    assert_eq!(
        reqs[0].json(),
        json!({
            "name": "billing-worker",
            "scoped_machines": [OTHER_ID, "mch_2zHmMqR8Z4sYTxuV35DaUl0J8Fn"],
            "default_token_ttl": 3600
        })
    );
    assert_eq!(reqs[1].json(), json!({"name": "bare"}));

    assert_eq!(created.secret_key.expose(), MACHINE_SECRET);
    let printed = format!("{created:?}");
    assert!(
        !printed.contains(MACHINE_SECRET),
        "secret leaked: {printed}"
    );
    assert!(printed.contains("Secret([redacted])"));
    assert_eq!(created.machine.id, MACHINE_ID);
    assert_eq!(created.machine.name, "billing-worker");
    assert_eq!(created.machine.default_token_ttl, Some(3600));
    assert!(created.machine.scoped_machines.is_empty());
}

#[tokio::test]
async fn get_fetches_one_machine() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "machine.json"));
    let machine = server
        .client()
        .machines()
        .get(MACHINE_ID)
        .await
        .expect("get machine");
    let req = server.single();
    assert_eq!(req.line(), ("GET", MACHINE_PATH, None));
    assert!(req.body.is_empty());
    assert_is_the_fixture_machine(&machine);
}

#[tokio::test]
async fn update_sends_only_the_given_fields() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "machine.json"));
    server.reply(Reply::fixture(200, "machine.json"));
    let clerk = server.client();
    let machine = clerk
        .machines()
        .update(
            MACHINE_ID,
            UpdateMachineParams::default()
                .name("billing-worker")
                .default_token_ttl(3600_i64),
        )
        .await
        .expect("update machine");
    clerk
        .machines()
        .update(
            MACHINE_ID,
            UpdateMachineParams::default().default_token_ttl(60_i64),
        )
        .await
        .expect("update the ttl only");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("PATCH", MACHINE_PATH, None));
    assert_eq!(
        reqs[0].json(),
        json!({"name": "billing-worker", "default_token_ttl": 3600})
    );
    assert_eq!(reqs[1].json(), json!({"default_token_ttl": 60}));
    assert_is_the_fixture_machine(&machine);
}

#[tokio::test]
async fn delete_sends_no_body_and_decodes_the_deleted_object() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "machine_deleted.json"));
    let deleted = server
        .client()
        .machines()
        .delete(MACHINE_ID)
        .await
        .expect("delete machine");
    let req = server.single();
    assert_eq!(req.line(), ("DELETE", MACHINE_PATH, None));
    assert!(req.body.is_empty());
    assert_eq!(deleted.object, "machine");
    assert_eq!(deleted.id.as_deref(), Some(MACHINE_ID));
    assert!(deleted.deleted);
}

#[tokio::test]
async fn add_scope_sends_the_target_machine() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "machine_scope.json"));
    let scope = server
        .client()
        .machines()
        .add_scope(MACHINE_ID, AddMachineScopeParams::new(OTHER_ID))
        .await
        .expect("add scope");
    let req = server.single();
    let path = format!("{MACHINE_PATH}/scopes");
    assert_eq!(req.line(), ("POST", path.as_str(), None));
    assert_eq!(req.json(), json!({"to_machine_id": OTHER_ID}));
    assert_eq!(scope.object, "machine_scope");
    assert_eq!(scope.from_machine_id, MACHINE_ID);
    assert_eq!(scope.to_machine_id, OTHER_ID);
    assert_eq!(scope.created_at, 1716883200000);
}

#[tokio::test]
async fn remove_scope_puts_both_machines_in_the_path() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "machine_scope_deleted.json"));
    let removed = server
        .client()
        .machines()
        .remove_scope(MACHINE_ID, OTHER_ID)
        .await
        .expect("remove scope");
    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "DELETE",
            "/machines/mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk/scopes/mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em",
            None
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(removed.object, "machine_scope");
    assert_eq!(removed.from_machine_id, MACHINE_ID);
    assert_eq!(removed.to_machine_id, OTHER_ID);
    assert!(removed.deleted);
}

#[tokio::test]
async fn secret_key_is_fetched_and_rotated_without_printing_it() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "machine_secret_key.json"));
    server.reply(Reply::fixture(200, "machine_secret_key.json"));
    let clerk = server.client();
    let fetched = clerk
        .machines()
        .get_secret_key(MACHINE_ID)
        .await
        .expect("get secret key");
    let rotated = clerk
        .machines()
        .rotate_secret_key(MACHINE_ID, RotateMachineSecretKeyParams::new(0))
        .await
        .expect("rotate secret key");

    let reqs = server.requests();
    let get_path = format!("{MACHINE_PATH}/secret_key");
    let rotate_path = format!("{MACHINE_PATH}/secret_key/rotate");
    assert_eq!(reqs[0].line(), ("GET", get_path.as_str(), None));
    assert!(reqs[0].body.is_empty());
    assert_eq!(reqs[1].line(), ("POST", rotate_path.as_str(), None));
    // 0 is meaningful (end the previous key at once), so it is sent.
    assert_eq!(reqs[1].json(), json!({"previous_token_ttl": 0}));

    for key in [&fetched, &rotated] {
        assert_eq!(key.object, "machine_secret_key");
        assert_eq!(key.secret.expose(), MACHINE_SECRET);
        let printed = format!("{key:?}");
        assert!(
            !printed.contains(MACHINE_SECRET),
            "secret leaked: {printed}"
        );
    }
}

#[tokio::test]
async fn m2m_list_sends_the_filters_and_decodes_the_token_list() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "m2m_token_list.json"));
    let list = server
        .client()
        .m2m_tokens()
        .list(
            M2mTokenListParams::new(MACHINE_ID)
                .revoked(true)
                .expired(false)
                .limit(50)
                .offset(100),
        )
        .await
        .expect("list m2m tokens");
    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/m2m_tokens",
            Some(
                "subject=mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk&revoked=true&expired=false\
                 &limit=50&offset=100"
            )
        )
    );
    assert!(req.body.is_empty());

    assert_eq!(list.total_count, 12.0);
    assert_eq!(list.m2m_tokens.len(), 2);
    let live = &list.m2m_tokens[0];
    assert_eq!(live.object, "machine_to_machine_token");
    assert_eq!(live.id, TOKEN_ID);
    assert_eq!(live.subject, MACHINE_ID);
    assert_eq!(live.claims, Some(json!({"job": "nightly-invoices"})));
    assert_eq!(live.scopes.as_deref(), Some(&[OTHER_ID.to_owned()][..]));
    assert!(!live.revoked);
    assert_eq!(live.expiration, Some(1716886800000.0));
    assert_eq!(live.last_used_at, None);
    let old = &list.m2m_tokens[1];
    assert_eq!(old.claims, None);
    assert_eq!(old.scopes, None);
    assert!(old.revoked);
    assert!(old.expired);
    assert_eq!(old.revocation_reason.as_deref(), Some("Rotated"));
    assert_eq!(old.last_used_at, Some(1716790000000.0));
    assert_eq!(old.created_at, 1716700000000.0);
    assert_eq!(old.updated_at, 1716750000000.0);
}

#[tokio::test]
async fn m2m_create_is_sent_with_the_machine_key_and_hides_the_token() {
    let server = MockServer::start().await;
    server.reply(Reply::json(
        201,
        clerk_tests::fixture("m2m_token_created.json"),
    ));
    server.reply(Reply::json(
        201,
        clerk_tests::fixture("m2m_token_created.json"),
    ));
    // Creating M2M tokens needs the machine's own secret key, not the instance key.
    let machine_client = server
        .builder()
        .secret_key(MACHINE_SECRET)
        .build()
        .expect("machine client");
    let created = machine_client
        .m2m_tokens()
        .create(
            CreateM2mTokenParams::default()
                .token_format(M2mTokenFormat::Jwt)
                .seconds_until_expiration(3600)
                .claims(json!({"job": "nightly-invoices"}))
                .min_remaining_ttl_seconds(240_i64),
        )
        .await
        .expect("create m2m token");
    // Or the instance client, with the machine key for this one call.
    server
        .client()
        .m2m_tokens()
        .create(CreateM2mTokenParams::default())
        .secret_key(MACHINE_SECRET)
        .await
        .expect("create with defaults");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("POST", "/m2m_tokens", None));
    assert_eq!(
        reqs[0].header("authorization"),
        Some(format!("Bearer {MACHINE_SECRET}").as_str())
    );
    assert_eq!(
        reqs[0].json(),
        json!({
            "token_format": "jwt",
            "seconds_until_expiration": 3600.0,
            "claims": {"job": "nightly-invoices"},
            "min_remaining_ttl_seconds": 240
        })
    );
    // The spec requires a body, so the defaults go out as an empty object.
    assert_eq!(reqs[1].json(), json!({}));
    assert_eq!(
        reqs[1].header("authorization"),
        Some(format!("Bearer {MACHINE_SECRET}").as_str())
    );

    assert_eq!(created.token.expose(), TOKEN_VALUE);
    let printed = format!("{created:?}");
    assert!(!printed.contains(TOKEN_VALUE), "token leaked: {printed}");
    assert!(printed.contains("Secret([redacted])"));
    let token = &created.m2m_token;
    assert_eq!(token.id, TOKEN_ID);
    assert_eq!(token.claims, None);
    assert_eq!(token.scopes.as_deref(), Some(&[OTHER_ID.to_owned()][..]));
    assert_eq!(token.expiration, Some(1716886800000.0));
}

#[tokio::test]
async fn m2m_verify_sends_the_token_in_the_body_and_never_prints_it() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "m2m_token.json"));
    let params = VerifyM2mTokenParams::new(TOKEN_VALUE);
    let printed = format!("{params:?}");
    assert!(!printed.contains(TOKEN_VALUE), "token leaked: {printed}");
    assert!(printed.contains("[redacted]"));

    let token = server
        .client()
        .m2m_tokens()
        .verify(params)
        .await
        .expect("verify m2m token");
    let req = server.single();
    assert_eq!(req.line(), ("POST", "/m2m_tokens/verify", None));
    assert_eq!(req.json(), json!({"token": TOKEN_VALUE}));
    assert_eq!(token.id, TOKEN_ID);
    assert_eq!(token.subject, MACHINE_ID);
    assert_eq!(
        token.scopes,
        Some(vec![
            OTHER_ID.to_owned(),
            "mch_2zHmMqR8Z4sYTxuV35DaUl0J8Fn".to_owned()
        ])
    );
    assert!(!token.revoked);
    assert!(!token.expired);
    assert_eq!(token.revocation_reason, None);
    assert_eq!(token.last_used_at, Some(1716883500000.0));
    assert_eq!(token.created_at, 1716883200000.0);
}

#[tokio::test]
async fn m2m_revoke_sends_the_reason_or_an_empty_object() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "m2m_token_revoked.json"));
    server.reply(Reply::fixture(200, "m2m_token_revoked.json"));
    let clerk = server.client();
    let revoked = clerk
        .m2m_tokens()
        .revoke(
            TOKEN_ID,
            RevokeM2mTokenParams::default().revocation_reason("Job finished"),
        )
        .await
        .expect("revoke m2m token");
    clerk
        .m2m_tokens()
        .revoke(TOKEN_ID, RevokeM2mTokenParams::default())
        .await
        .expect("revoke without a reason");

    let reqs = server.requests();
    let path = "/m2m_tokens/mt_f7f0ba8c3b4843ce7d85fcdd5e71853e/revoke";
    assert_eq!(reqs[0].line(), ("POST", path, None));
    assert_eq!(reqs[0].json(), json!({"revocation_reason": "Job finished"}));
    assert_eq!(reqs[1].json(), json!({}));
    assert!(revoked.revoked);
    assert_eq!(revoked.revocation_reason.as_deref(), Some("Job finished"));
    assert_eq!(revoked.claims, None);
    assert_eq!(revoked.scopes, None);
    assert_eq!(revoked.expiration, None);
    assert_eq!(revoked.updated_at, 1716884000000.0);
}

#[test]
fn token_formats_round_trip_and_keep_unknown_values() {
    assert_eq!(M2mTokenFormat::Opaque.as_str(), "opaque");
    assert_eq!(M2mTokenFormat::Jwt.as_str(), "jwt");
    assert_eq!(
        "paseto".parse::<M2mTokenFormat>().ok(),
        Some(M2mTokenFormat::Unknown("paseto".into()))
    );
}

#[tokio::test]
async fn an_unusable_per_call_key_is_refused_before_sending() {
    let server = MockServer::start().await;
    for key in ["", "  ", "ak_line\nbreak"] {
        let err = server
            .client()
            .m2m_tokens()
            .create(CreateM2mTokenParams::default())
            .secret_key(key)
            .await
            .expect_err("an unusable key");
        assert!(
            matches!(err, clerk_backend::Error::InvalidInput { .. }),
            "{err:?}"
        );
        assert!(!err.to_string().contains("ak_line"), "{err}");
    }
    assert!(server.requests().is_empty());
}
