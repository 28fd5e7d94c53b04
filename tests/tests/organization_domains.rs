//! Organization domains: the exact request of every operation and decoding of realistic
//! responses, including enrollment modes and verification states this crate does not know.

use clerk_backend::models::{
    CreateOrganizationDomainParams, EnrollmentMode, EnrollmentModeFilter,
    OrganizationDomainListAllParams, OrganizationDomainListParams, OrganizationDomainOrderBy,
    UpdateOrganizationDomainParams, VerificationStatus,
};
use clerk_tests::{MockServer, Reply};

const ORG_ID: &str = "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const DOMAIN_ID: &str = "orgdmn_2xhG0aVJ3kq8XlEPuQmZf4Rt7Ys";
const DOMAIN_PATH: &str =
    "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/domains/orgdmn_2xhG0aVJ3kq8XlEPuQmZf4Rt7Ys";

#[tokio::test]
async fn list_all_sends_every_filter_and_decodes_known_and_unknown_values() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_domain_list.json"));
    let page = server
        .client()
        .organization_domains()
        .list_all(
            OrganizationDomainListAllParams::default()
                .organization_id(ORG_ID)
                .verified(true)
                .enrollment_mode([
                    EnrollmentModeFilter::include(EnrollmentMode::AutomaticInvitation),
                    EnrollmentModeFilter::exclude(EnrollmentMode::EnterpriseSso),
                ])
                .query("acme")
                .domains(["acme.com", "acme.io"])
                .order_by(OrganizationDomainOrderBy::NameAsc)
                .limit(10)
                .offset(20),
        )
        .await
        .expect("list all domains");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/organization_domains",
            Some(
                "organization_id=org_2xhFjEI5X2qWRvtV13BzSj8H6Dk&verified=true\
                 &enrollment_mode=automatic_invitation%2C-enterprise_sso&query=acme\
                 &domains=acme.com&domains=acme.io&order_by=%2Bname&limit=10&offset=20"
            )
        )
    );
    assert!(req.body.is_empty());

    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, Some(2));
    let acme = &page.data[0];
    assert_eq!(acme.object, "organization_domain");
    assert_eq!(acme.id, DOMAIN_ID);
    assert_eq!(acme.organization_id, ORG_ID);
    assert_eq!(acme.name, "acme.com");
    assert_eq!(acme.enrollment_mode, EnrollmentMode::AutomaticInvitation);
    assert_eq!(
        acme.affiliation_email_address.as_deref(),
        Some("it@acme.com")
    );
    let affiliation = acme
        .affiliation_verification
        .as_ref()
        .expect("affiliation verification");
    assert_eq!(affiliation.status, VerificationStatus::Verified);
    assert_eq!(affiliation.strategy, "email_code");
    assert_eq!(affiliation.attempts, Some(1));
    assert_eq!(affiliation.expire_at, Some(1715684100000));
    assert_eq!(affiliation.verified_at, None);
    assert_eq!(acme.ownership_verification, None);
    assert_eq!(acme.verification.as_ref(), Some(affiliation));
    assert_eq!(acme.total_pending_invitations, 4);
    assert_eq!(acme.public_organization_data, None);

    let globex = &page.data[1];
    assert_eq!(
        globex.enrollment_mode,
        EnrollmentMode::Unknown("sso_only_preview".into())
    );
    assert_eq!(globex.affiliation_email_address, None);
    let ownership = globex
        .ownership_verification
        .as_ref()
        .expect("ownership verification");
    assert_eq!(
        ownership.status,
        VerificationStatus::Unknown("pending_dns".into())
    );
    assert_eq!(ownership.strategy, "dns_txt");
    assert_eq!(ownership.attempts, Some(2));
    assert_eq!(globex.verification, None);
    assert_eq!(globex.total_pending_suggestions, 7);
}

#[tokio::test]
async fn list_all_without_filters_and_with_a_single_enrollment_mode() {
    let server = MockServer::start().await;
    server.reply(Reply::json(200, r#"{"data":[],"total_count":0}"#));
    server.reply(Reply::json(200, r#"{"data":[],"total_count":0}"#));
    let clerk = server.client();
    let empty = clerk
        .organization_domains()
        .list_all(OrganizationDomainListAllParams::default())
        .await
        .expect("list all");
    clerk
        .organization_domains()
        .list_all(
            OrganizationDomainListAllParams::default()
                .enrollment_mode([EnrollmentMode::ManualInvitation])
                .order_by(OrganizationDomainOrderBy::CreatedAtDesc),
        )
        .await
        .expect("list manual invitation domains");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("GET", "/organization_domains", None));
    assert_eq!(
        reqs[1].query.as_deref(),
        Some("enrollment_mode=manual_invitation&order_by=-created_at")
    );
    assert!(empty.is_empty());
    assert_eq!(empty.total_count, Some(0));
}

#[tokio::test]
async fn list_of_one_organization_sends_its_filters() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_domain_list.json"));
    server.reply(Reply::fixture(200, "organization_domain_list.json"));
    let clerk = server.client();
    let page = clerk
        .organization_domains()
        .list(
            ORG_ID,
            OrganizationDomainListParams::default()
                .verified(false)
                .enrollment_mode([EnrollmentModeFilter::exclude(
                    EnrollmentMode::ManualInvitation,
                )])
                .limit(5)
                .offset(0),
        )
        .await
        .expect("list domains");
    clerk
        .organization_domains()
        .list(ORG_ID, OrganizationDomainListParams::default())
        .await
        .expect("list domains without filters");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/domains",
            Some("verified=false&enrollment_mode=-manual_invitation&limit=5&offset=0")
        )
    );
    assert_eq!(
        reqs[1].line(),
        (
            "GET",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/domains",
            None
        )
    );
    assert!(reqs.iter().all(|r| r.body.is_empty()));
    assert_eq!(page.data[1].name, "globex.io");
}

#[tokio::test]
async fn create_sends_the_name_alone_or_with_mode_and_verification() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_domain.json"));
    server.reply(Reply::fixture(200, "organization_domain.json"));
    let clerk = server.client();
    clerk
        .organization_domains()
        .create(ORG_ID, CreateOrganizationDomainParams::new("acme.com"))
        .await
        .expect("create minimal");
    let created = clerk
        .organization_domains()
        .create(
            ORG_ID,
            CreateOrganizationDomainParams::new("acme.com")
                .enrollment_mode(EnrollmentMode::AutomaticInvitation)
                .verified(false),
        )
        .await
        .expect("create full");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for req in &reqs {
        assert_eq!(
            req.line(),
            (
                "POST",
                "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/domains",
                None
            )
        );
        assert_eq!(req.header("content-type"), Some("application/json"));
    }
    assert_eq!(reqs[0].json(), serde_json::json!({ "name": "acme.com" }));
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({
            "name": "acme.com",
            "enrollment_mode": "automatic_invitation",
            "verified": false
        })
    );

    assert_eq!(created.id, DOMAIN_ID);
    assert_eq!(created.enrollment_mode, EnrollmentMode::AutomaticInvitation);
    let ownership = created
        .ownership_verification
        .as_ref()
        .expect("ownership verification");
    assert_eq!(ownership.status, VerificationStatus::Verified);
    assert_eq!(ownership.strategy, "manual_override");
    assert_eq!(ownership.attempts, None);
    assert_eq!(ownership.verified_at, Some(1715769600000));
    let org = created
        .public_organization_data
        .as_ref()
        .expect("public organization data");
    assert_eq!(org.id, ORG_ID);
    assert_eq!(org.slug, "acme-corp");
    assert!(!org.has_image);
    assert_eq!(created.created_at, 1715683200000);
    assert_eq!(created.updated_at, 1715769600000);
}

#[tokio::test]
async fn update_patches_only_the_fields_set() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_domain.json"));
    server.reply(Reply::fixture(200, "organization_domain.json"));
    let clerk = server.client();
    clerk
        .organization_domains()
        .update(
            ORG_ID,
            DOMAIN_ID,
            UpdateOrganizationDomainParams::default()
                .enrollment_mode(EnrollmentMode::AutomaticSuggestion),
        )
        .await
        .expect("change mode");
    let updated = clerk
        .organization_domains()
        .update(
            ORG_ID,
            DOMAIN_ID,
            UpdateOrganizationDomainParams::default()
                .enrollment_mode(EnrollmentMode::EnterpriseSso)
                .verified(true),
        )
        .await
        .expect("update everything");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for req in &reqs {
        assert_eq!(req.line(), ("PATCH", DOMAIN_PATH, None));
    }
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({ "enrollment_mode": "automatic_suggestion" })
    );
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({ "enrollment_mode": "enterprise_sso", "verified": true })
    );
    assert_eq!(updated.name, "acme.com");
}

#[tokio::test]
async fn delete_and_verify_send_no_body() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_domain_deleted.json"));
    server.reply(Reply::fixture(200, "organization_domain.json"));
    let clerk = server.client();
    let deleted = clerk
        .organization_domains()
        .delete(ORG_ID, DOMAIN_ID)
        .await
        .expect("delete");
    let verified = clerk
        .organization_domains()
        .verify(ORG_ID, DOMAIN_ID)
        .await
        .expect("verify ownership");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].line(), ("DELETE", DOMAIN_PATH, None));
    let verify_path = format!("{DOMAIN_PATH}/verify_ownership");
    assert_eq!(reqs[1].line(), ("POST", verify_path.as_str(), None));
    assert!(reqs.iter().all(|r| r.body.is_empty()));

    assert_eq!(deleted.object, "organization_domain");
    assert_eq!(deleted.id.as_deref(), Some(DOMAIN_ID));
    assert!(deleted.deleted);
    assert_eq!(
        verified.ownership_verification.as_ref().map(|v| &v.status),
        Some(&VerificationStatus::Verified)
    );
}

#[tokio::test]
async fn ids_with_reserved_characters_stay_one_segment_each() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_domain.json"));
    server
        .client()
        .organization_domains()
        .verify("org/1", "dmn?x=1")
        .await
        .expect("verify");
    assert_eq!(
        server.single().line(),
        (
            "POST",
            "/organizations/org%2F1/domains/dmn%3Fx%3D1/verify_ownership",
            None
        )
    );
}

#[test]
fn enrollment_modes_round_trip_their_wire_values() {
    for (mode, wire) in [
        (EnrollmentMode::ManualInvitation, "manual_invitation"),
        (EnrollmentMode::AutomaticInvitation, "automatic_invitation"),
        (EnrollmentMode::AutomaticSuggestion, "automatic_suggestion"),
        (EnrollmentMode::EnterpriseSso, "enterprise_sso"),
    ] {
        assert_eq!(mode.as_str(), wire);
        assert_eq!(wire.parse::<EnrollmentMode>().ok(), Some(mode.clone()));
        assert_eq!(
            serde_json::to_value(EnrollmentModeFilter::exclude(mode)).ok(),
            Some(serde_json::Value::String(format!("-{wire}")))
        );
    }
}
