//! Organization domains against the stand-in beyond one organization's list: the
//! instance-wide list with the spec's filters, ownership verified by manual override, and the
//! `organizationDomain.*` events every change sends, received and verified by an app's
//! webhook endpoint as typed events.

use std::time::Duration;

use axum::extract::State;
use axum::routing::post;
use axum::Router;
use clerk_backend::models::{
    CreateOrganizationDomainParams, CreateOrganizationParams, EnrollmentMode, EnrollmentModeFilter,
    OrganizationDomainListAllParams, OrganizationDomainOrderBy, UpdateOrganizationDomainParams,
    VerificationStatus,
};
use clerk_backend::testing::{generate_webhook_secret, StandIn};
use clerk_backend::webhooks::{Event, EventData, Webhook};
use clerk_tests::refusal;
use http::{HeaderMap, StatusCode};
use tokio::sync::mpsc;

/// An app endpoint that verifies each delivery with `secret` and reports the typed event.
async fn receiver(secret: &str) -> (String, mpsc::UnboundedReceiver<Event>) {
    let (seen, events) = mpsc::unbounded_channel();
    let webhook = Webhook::new(secret).expect("secret");
    let app = Router::new()
        .route(
            "/hooks",
            post(
                |State((webhook, seen)): State<(Webhook, mpsc::UnboundedSender<Event>)>,
                 headers: HeaderMap,
                 body: axum::body::Bytes| async move {
                    match webhook.verify(&headers, &body) {
                        Ok(event) => {
                            let _ = seen.send(event);
                            StatusCode::NO_CONTENT
                        }
                        Err(_) => StatusCode::BAD_REQUEST,
                    }
                },
            ),
        )
        .with_state((webhook, seen));
    (format!("{}/hooks", clerk_tests::serve(app).await), events)
}

/// A stand-in whose events reach a fresh receiver.
async fn with_webhooks() -> (StandIn, mpsc::UnboundedReceiver<Event>) {
    let secret = generate_webhook_secret();
    let (url, events) = receiver(&secret).await;
    let standin = StandIn::builder()
        .webhook(url, secret)
        .start()
        .await
        .expect("start");
    (standin, events)
}

/// Every event delivered so far.
async fn settle(standin: &StandIn, events: &mut mpsc::UnboundedReceiver<Event>) -> Vec<Event> {
    tokio::time::timeout(Duration::from_secs(20), standin.webhooks_settled())
        .await
        .expect("webhooks settle");
    let mut seen = Vec::new();
    while let Ok(event) = events.try_recv() {
        seen.push(event);
    }
    seen
}

#[tokio::test]
async fn every_domain_change_sends_its_organization_domain_event() {
    let (standin, mut events) = with_webhooks().await;
    let clerk = standin.clerk();
    let acme = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Acme"))
        .await
        .expect("org");
    let domains = clerk.organization_domains();
    let main = domains
        .create(&acme.id, CreateOrganizationDomainParams::new("acme.com"))
        .await
        .expect("domain");
    let side = domains
        .create(&acme.id, CreateOrganizationDomainParams::new("acme.dev"))
        .await
        .expect("side");
    domains
        .update(
            &acme.id,
            &main.id,
            UpdateOrganizationDomainParams::default()
                .enrollment_mode(EnrollmentMode::AutomaticSuggestion),
        )
        .await
        .expect("update");
    domains.verify(&acme.id, &main.id).await.expect("verify");
    domains.delete(&acme.id, &main.id).await.expect("delete");
    // Deleting the organization takes its remaining domain along, announced too.
    clerk
        .organizations()
        .delete(&acme.id)
        .await
        .expect("delete org");

    let seen = settle(&standin, &mut events).await;
    let domain_events: Vec<&Event> = seen
        .iter()
        .filter(|e| e.type_name().starts_with("organizationDomain."))
        .collect();
    let types: Vec<&str> = domain_events.iter().map(|e| e.type_name()).collect();
    assert_eq!(
        types,
        [
            "organizationDomain.created",
            "organizationDomain.created",
            "organizationDomain.updated",
            "organizationDomain.updated",
            "organizationDomain.deleted",
            "organizationDomain.deleted",
        ]
    );
    match &domain_events[0].data {
        EventData::OrganizationDomainCreated(d) => assert_eq!(d.id, main.id),
        other => panic!("expected the created domain, got {other:?}"),
    }
    match &domain_events[3].data {
        EventData::OrganizationDomainUpdated(d) => assert_eq!(
            d.ownership_verification
                .as_ref()
                .map(|v| v.strategy.as_str()),
            Some("manual_override")
        ),
        other => panic!("expected the verified domain, got {other:?}"),
    }
    match &domain_events[5].data {
        EventData::OrganizationDomainDeleted(d) => {
            assert_eq!(d.id.as_deref(), Some(side.id.as_str()));
            assert!(d.deleted);
        }
        other => panic!("expected the cascaded deletion, got {other:?}"),
    }
}

#[tokio::test]
async fn verify_ownership_is_a_manual_override_and_idempotent() {
    let (standin, mut events) = with_webhooks().await;
    let clerk = standin.clerk();
    let acme = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Acme"))
        .await
        .expect("org");
    let other = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Other"))
        .await
        .expect("org");
    let domains = clerk.organization_domains();
    let domain = domains
        .create(
            &acme.id,
            CreateOrganizationDomainParams::new("acme.com").verified(false),
        )
        .await
        .expect("domain");
    assert_eq!(domain.ownership_verification, None);

    let verified = domains.verify(&acme.id, &domain.id).await.expect("verify");
    let ownership = verified.ownership_verification.clone().expect("ownership");
    assert_eq!(ownership.status, VerificationStatus::Verified);
    assert_eq!(ownership.strategy, "manual_override");
    // Ownership is not the affiliation: that one stays unverified.
    assert_eq!(verified.affiliation_verification, None);
    let again = domains.verify(&acme.id, &domain.id).await.expect("again");
    assert_eq!(again, verified, "a second call changes nothing");

    assert_eq!(
        refusal(domains.verify(&other.id, &domain.id).await),
        (404, "resource_not_found".into(), None),
        "the domain belongs to another organization"
    );
    assert_eq!(
        refusal(domains.verify(&acme.id, "orgdmn_missing").await).0,
        404
    );
    let seen = settle(&standin, &mut events).await;
    let updates = seen
        .iter()
        .filter(|e| e.type_name() == "organizationDomain.updated")
        .count();
    assert_eq!(updates, 1, "the idempotent call sends no event");
}

#[tokio::test]
async fn the_instance_list_filters_orders_and_pages_across_organizations() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let acme = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Acme"))
        .await
        .expect("org");
    let beta = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Beta"))
        .await
        .expect("org");
    let domains = clerk.organization_domains();
    let acme_com = domains
        .create(
            &acme.id,
            CreateOrganizationDomainParams::new("acme.com")
                .enrollment_mode(EnrollmentMode::AutomaticInvitation),
        )
        .await
        .expect("acme.com");
    let acme_dev = domains
        .create(
            &acme.id,
            CreateOrganizationDomainParams::new("acme.dev").verified(false),
        )
        .await
        .expect("acme.dev");
    let beta_io = domains
        .create(&beta.id, CreateOrganizationDomainParams::new("beta.io"))
        .await
        .expect("beta.io");

    let all = domains
        .list_all(OrganizationDomainListAllParams::default())
        .await
        .expect("all");
    assert_eq!(all.total_count, Some(3));
    let ids: Vec<&str> = all.data.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [&beta_io.id, &acme_dev.id, &acme_com.id],
        "newest first"
    );

    let names = |page: &clerk_backend::Page<clerk_backend::models::OrganizationDomain>| {
        page.data.iter().map(|d| d.name.clone()).collect::<Vec<_>>()
    };
    let by_org = domains
        .list_all(OrganizationDomainListAllParams::default().organization_id(&acme.id))
        .await
        .expect("by org");
    assert_eq!(names(&by_org), ["acme.dev", "acme.com"]);
    let by_name = domains
        .list_all(
            OrganizationDomainListAllParams::default().order_by(OrganizationDomainOrderBy::NameAsc),
        )
        .await
        .expect("by name");
    assert_eq!(names(&by_name), ["acme.com", "acme.dev", "beta.io"]);
    let unverified = domains
        .list_all(OrganizationDomainListAllParams::default().verified(false))
        .await
        .expect("unverified");
    assert_eq!(names(&unverified), ["acme.dev"]);
    let automatic = domains
        .list_all(OrganizationDomainListAllParams::default().enrollment_mode([
            EnrollmentModeFilter::include(EnrollmentMode::AutomaticInvitation),
        ]))
        .await
        .expect("automatic");
    assert_eq!(names(&automatic), ["acme.com"]);
    let not_manual = domains
        .list_all(OrganizationDomainListAllParams::default().enrollment_mode([
            EnrollmentModeFilter::exclude(EnrollmentMode::ManualInvitation),
        ]))
        .await
        .expect("not manual");
    assert_eq!(names(&not_manual), ["acme.com"]);
    // `query`: an `org_` id matches exactly, anything else is part of the name.
    let query_org = domains
        .list_all(OrganizationDomainListAllParams::default().query(&beta.id))
        .await
        .expect("query org");
    assert_eq!(names(&query_org), ["beta.io"]);
    let query_name = domains
        .list_all(OrganizationDomainListAllParams::default().query("ACME"))
        .await
        .expect("query name");
    assert_eq!(query_name.total_count, Some(2));
    let exact = domains
        .list_all(OrganizationDomainListAllParams::default().domains(["beta.io", "acme.com"]))
        .await
        .expect("domains");
    assert_eq!(names(&exact), ["beta.io", "acme.com"]);
    let page = domains
        .list_all(
            OrganizationDomainListAllParams::default()
                .limit(1)
                .offset(2),
        )
        .await
        .expect("page");
    assert_eq!(
        (names(&page), page.total_count),
        (vec!["acme.com".to_owned()], Some(3))
    );

    assert_eq!(
        refusal(
            domains
                .list_all(OrganizationDomainListAllParams::default().query(" "))
                .await
        ),
        (
            422,
            "form_param_format_invalid".into(),
            Some("query".into())
        )
    );
    assert_eq!(
        refusal(
            domains
                .list_all(OrganizationDomainListAllParams::default().limit(0))
                .await
        )
        .0,
        422
    );
}
