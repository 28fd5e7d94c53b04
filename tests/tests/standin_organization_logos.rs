//! Organization logos against the stand-in (upload, delete, `organization.updated`), and the
//! `role.*` and `permission.*` events the organization roles send.

use std::time::Duration;

use clerk_backend::models::{
    CreateOrganizationParams, CreatePermissionParams, CreateRoleParams, GetOrganizationParams,
    OrganizationLogo, UpdatePermissionParams, UpdateRoleParams,
};
use clerk_backend::multipart::FileUpload;
use clerk_backend::testing::{generate_webhook_secret, StandIn};
use clerk_tests::refusal;

/// A stand-in with an endpoint that never answers: the attempts still name each event.
async fn recording() -> StandIn {
    StandIn::builder()
        .webhook("http://127.0.0.1:9/hooks", generate_webhook_secret())
        .webhook_retry_delays([Duration::ZERO])
        .start()
        .await
        .expect("start")
}

/// The types of the events sent so far, in order, each once.
async fn event_types(standin: &StandIn) -> Vec<String> {
    tokio::time::timeout(Duration::from_secs(20), standin.webhooks_settled())
        .await
        .expect("settled");
    standin
        .webhook_attempts()
        .into_iter()
        .filter(|a| a.attempt == 1)
        .map(|a| a.event_type)
        .collect()
}

#[tokio::test]
async fn a_logo_is_uploaded_shown_and_deleted_with_organization_updated() {
    let standin = recording().await;
    let orgs = standin.clerk().organizations();
    let acme = orgs
        .create(CreateOrganizationParams::new("Acme"))
        .await
        .expect("org");
    assert!(!acme.has_image);
    let default_image = acme.image_url.clone();

    // No content type sent: the stand-in reads the GIF from its bytes, as Clerk sniffs.
    let with_logo = orgs
        .set_logo(
            &acme.id,
            OrganizationLogo::new(FileUpload::from_bytes(b"GIF89a-logo".to_vec(), "logo.gif"))
                .uploader_user_id("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk"),
        )
        .await
        .expect("upload");
    assert!(with_logo.has_image);
    assert_ne!(with_logo.image_url, default_image);
    assert!(with_logo
        .image_url
        .as_deref()
        .is_some_and(|u| u.ends_with(".gif")));
    let fetched = orgs
        .get(acme.id.as_str(), GetOrganizationParams::default())
        .await
        .expect("get");
    assert_eq!(
        (fetched.has_image, fetched.image_url.clone()),
        (true, with_logo.image_url.clone())
    );

    assert_eq!(
        refusal(
            orgs.set_logo(
                &acme.id,
                OrganizationLogo::new(FileUpload::from_bytes(b"plain text".to_vec(), "a.txt"))
            )
            .await
        )
        .0,
        400,
        "only JPEG, PNG, GIF and WebP images"
    );
    assert_eq!(
        refusal(
            orgs.set_logo(
                "org_missing",
                OrganizationLogo::new(FileUpload::from_bytes(b"GIF89a".to_vec(), "a.gif"))
            )
            .await
        ),
        (404, "resource_not_found".into(), None)
    );

    let without = orgs.delete_logo(&acme.id).await.expect("delete logo");
    assert!(!without.has_image);
    assert_eq!(without.image_url, default_image);
    let again = orgs.delete_logo(&acme.id).await.expect("again");
    assert_eq!(again, without, "nothing left to delete");
    assert_eq!(refusal(orgs.delete_logo("org_missing").await).0, 404);

    let types = event_types(&standin).await;
    assert_eq!(
        types,
        [
            "organization.created",
            "organization.updated",
            "organization.updated"
        ]
    );
}

#[tokio::test]
async fn roles_and_permissions_send_their_events() {
    let standin = recording().await;
    let clerk = standin.clerk();
    let permission = clerk
        .organization_permissions()
        .create(CreatePermissionParams::new("Read posts", "org:posts:read"))
        .await
        .expect("permission");
    clerk
        .organization_permissions()
        .update(
            &permission.id,
            UpdatePermissionParams::default().name("Read all posts"),
        )
        .await
        .expect("update permission");
    let role = clerk
        .organization_roles()
        .create(CreateRoleParams::new("Reader", "org:reader"))
        .await
        .expect("role");
    clerk
        .organization_roles()
        .assign_permission(&role.id, &permission.id)
        .await
        .expect("assign");
    clerk
        .organization_roles()
        .update(&role.id, UpdateRoleParams::default().name("Readers"))
        .await
        .expect("update role");
    clerk
        .organization_roles()
        .delete(&role.id)
        .await
        .expect("delete role");
    clerk
        .organization_permissions()
        .delete(&permission.id)
        .await
        .expect("delete permission");
    // A refused change sends nothing.
    let refused = clerk
        .organization_roles()
        .create(CreateRoleParams::new("Dup", "org:admin"))
        .await;
    assert_eq!(refusal(refused).0, 400, "the key is taken");

    assert_eq!(
        event_types(&standin).await,
        [
            "permission.created",
            "permission.updated",
            "role.created",
            "role.updated",
            "role.updated",
            "role.deleted",
            "permission.deleted",
        ]
    );
}
