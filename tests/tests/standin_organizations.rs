//! The stand-in's organizations, memberships and organization invitations, driven through the
//! real client: what it decodes, and Clerk's status and code for each error.

use clerk_backend::models::{
    CreateOrganizationInvitationParams, CreateOrganizationMembershipParams,
    CreateOrganizationParams, CreateUserParams, GetOrganizationParams,
    InstanceOrganizationInvitationListParams, InstanceOrganizationMembershipListParams,
    Organization, OrganizationInvitationListParams, OrganizationInvitationStatus, OrganizationKey,
    OrganizationListParams, OrganizationMembershipListParams, OrganizationMembershipOrderBy,
    OrganizationOrderBy, RevokeOrganizationInvitationParams,
    UpdateOrganizationMembershipMetadataParams, UpdateOrganizationMembershipParams,
    UpdateOrganizationMetadataParams, UpdateOrganizationParams, User, UserListParams,
    UserOrganizationInvitationListParams, UserOrganizationMembershipListParams,
};
use clerk_backend::testing::StandIn;
use clerk_backend::{Clerk, Method};
use clerk_tests::{metadata, refusal};
use serde_json::{json, Value};

async fn user(clerk: &Clerk, email: &str, first: &str, last: &str) -> User {
    clerk
        .users()
        .create(
            CreateUserParams::default()
                .email_address([email])
                .first_name(first)
                .last_name(last),
        )
        .await
        .expect("create user")
}

/// Two users and an organization the first one created (so she is its admin).
async fn ada_bob_and_acme(clerk: &Clerk) -> (User, User, Organization) {
    let ada = user(clerk, "ada@example.com", "Ada", "Lovelace").await;
    let bob = user(clerk, "bob@example.com", "Bob", "Builder").await;
    let acme = org(
        clerk,
        CreateOrganizationParams::new("Acme").created_by(ada.id.clone()),
    )
    .await;
    (ada, bob, acme)
}

async fn org(clerk: &Clerk, params: CreateOrganizationParams) -> Organization {
    clerk
        .organizations()
        .create(params)
        .await
        .expect("create organization")
}

#[tokio::test]
async fn create_derives_the_slug_makes_the_creator_admin_and_gets_by_id_or_slug() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let ada = user(clerk, "ada@example.com", "Ada", "Lovelace").await;

    let created = org(
        clerk,
        CreateOrganizationParams::new("Acme, Inc.")
            .created_by(ada.id.clone())
            .max_allowed_memberships(5)
            .public_metadata(metadata(json!({"plan": "pro"}))),
    )
    .await;
    assert!(created.id.starts_with("org_"));
    assert_eq!(created.slug, "acme-inc");
    assert_eq!(created.created_by.as_deref(), Some(ada.id.as_str()));
    assert_eq!(created.max_allowed_memberships, 5);
    assert_eq!(created.public_metadata["plan"], "pro");

    let by_slug = clerk
        .organizations()
        .get(
            OrganizationKey::slug("acme-inc"),
            GetOrganizationParams::default().include_members_count(true),
        )
        .await
        .expect("get by slug");
    assert_eq!(by_slug.id, created.id);
    assert_eq!(by_slug.members_count, Some(1));
    let by_id = clerk
        .organizations()
        .get(&created.id, GetOrganizationParams::default())
        .await
        .expect("get by id");
    assert_eq!(by_id.slug, "acme-inc");
    assert_eq!(by_id.members_count, None);

    let mine = clerk
        .users()
        .list_organization_memberships(&ada.id, UserOrganizationMembershipListParams::default())
        .await
        .expect("memberships of the creator");
    assert_eq!(mine.total_count, Some(1));
    let membership = &mine.data[0];
    assert!(membership.id.starts_with("orgmem_"));
    assert_eq!(membership.role, "org:admin");
    assert_eq!(membership.organization.id, created.id);
    let public = membership
        .public_user_data
        .as_ref()
        .expect("public user data");
    assert_eq!(public.user_id, ada.id);
    assert_eq!(public.identifier.as_deref(), Some("ada@example.com"));
    assert_eq!(public.first_name.as_deref(), Some("Ada"));

    // A second organization with the same name gets a slug of its own.
    let twin = org(clerk, CreateOrganizationParams::new("Acme, Inc.")).await;
    assert_ne!(twin.slug, "acme-inc");
    assert!(twin.slug.starts_with("acme-inc-"));
}

#[tokio::test]
async fn create_refuses_a_missing_name_a_taken_or_malformed_slug_and_an_unknown_creator() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    org(clerk, CreateOrganizationParams::new("Acme").slug("acme")).await;

    let no_name = clerk
        .raw::<Value>(Method::POST, "/organizations")
        .json(&json!({"slug": "nameless"}))
        .await;
    assert_eq!(
        refusal(no_name),
        (422, "form_param_missing".into(), Some("name".into()))
    );
    let blank = clerk
        .organizations()
        .create(CreateOrganizationParams::new("  "))
        .await;
    assert_eq!(refusal(blank).1, "form_param_missing");

    let taken = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Other").slug("acme"))
        .await;
    assert_eq!(
        refusal(taken),
        (422, "form_identifier_exists".into(), Some("slug".into()))
    );
    let malformed = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Other").slug("Not A Slug"))
        .await;
    assert_eq!(
        refusal(malformed),
        (422, "form_param_format_invalid".into(), Some("slug".into()))
    );
    let ghost = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Other").created_by("user_nobody"))
        .await;
    assert_eq!(refusal(ghost).1, "organization_creator_not_found");
    let bad_time = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Other").created_at("yesterday"))
        .await;
    assert_eq!(refusal(bad_time).1, "form_param_invalid_time");
}

#[tokio::test]
async fn get_update_and_delete_answer_404_for_unknown_organizations() {
    let standin = StandIn::start().await.expect("start");
    let orgs = standin.clerk().organizations();
    let by_id = orgs
        .get("org_missing", GetOrganizationParams::default())
        .await;
    assert_eq!(refusal(by_id), (404, "resource_not_found".into(), None));
    let by_slug = orgs.get("missing", GetOrganizationParams::default()).await;
    assert_eq!(refusal(by_slug).1, "resource_not_found");
    let update = orgs
        .update("org_missing", UpdateOrganizationParams::default().name("X"))
        .await;
    assert_eq!(refusal(update).0, 404);
    assert_eq!(refusal(orgs.delete("org_missing").await).0, 404);
    let metadata = orgs
        .update_metadata("org_missing", UpdateOrganizationMetadataParams::default())
        .await;
    assert_eq!(refusal(metadata).0, 404);
}

#[tokio::test]
async fn list_filters_orders_and_pages() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let ada = user(clerk, "ada@example.com", "Ada", "Lovelace").await;
    let bob = user(clerk, "bob@example.com", "Bob", "Builder").await;
    let beta = org(
        clerk,
        CreateOrganizationParams::new("Beta").created_by(ada.id.clone()),
    )
    .await;
    let alpha = org(
        clerk,
        CreateOrganizationParams::new("Alpha").created_by(bob.id.clone()),
    )
    .await;
    let gamma = org(clerk, CreateOrganizationParams::new("Gamma Labs")).await;
    for u in [&ada, &bob] {
        clerk
            .organization_memberships()
            .create(
                &gamma.id,
                CreateOrganizationMembershipParams::new(u.id.clone(), "org:member"),
            )
            .await
            .expect("add a member to gamma");
    }

    let orgs = clerk.organizations();
    let newest_first = orgs
        .list(OrganizationListParams::default())
        .await
        .expect("list");
    assert_eq!(newest_first.total_count, Some(3));
    let ids: Vec<&str> = newest_first.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, [&gamma.id, &alpha.id, &beta.id]);

    let by_name = orgs
        .list(
            OrganizationListParams::default()
                .order_by(OrganizationOrderBy::NameAsc)
                .limit(2)
                .offset(1),
        )
        .await
        .expect("ordered page");
    assert_eq!(by_name.total_count, Some(3));
    let names: Vec<&str> = by_name.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Beta", "Gamma Labs"]);

    let of_ada = orgs
        .list(
            OrganizationListParams::default()
                .user_id([ada.id.clone()])
                .include_members_count(true)
                .order_by(OrganizationOrderBy::NameAsc),
        )
        .await
        .expect("ada's organizations");
    let names: Vec<&str> = of_ada.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Beta", "Gamma Labs"]);
    let counts: Vec<Option<i64>> = of_ada.iter().map(|o| o.members_count).collect();
    assert_eq!(counts, [Some(1), Some(2)]);

    let not_ada = orgs
        .list(OrganizationListParams::default().user_id([format!("-{}", ada.id)]))
        .await
        .expect("excluding ada");
    assert_eq!(not_ada.len(), 1);
    assert_eq!(not_ada.data[0].id, alpha.id);

    let queried = orgs
        .list(OrganizationListParams::default().query("LABS"))
        .await
        .expect("query");
    assert_eq!(queried.len(), 1);
    assert_eq!(queried.data[0].id, gamma.id);
    let by_id = orgs
        .list(OrganizationListParams::default().organization_id([beta.id.clone()]))
        .await
        .expect("by id");
    assert_eq!(by_id.data[0].id, beta.id);

    let most_members = orgs
        .list(OrganizationListParams::default().order_by(OrganizationOrderBy::MembersCountDesc))
        .await
        .expect("by members");
    assert_eq!(most_members.data[0].id, gamma.id);

    let bad_order = orgs
        .list(
            OrganizationListParams::default()
                .order_by(OrganizationOrderBy::Unknown("-shoe_size".into())),
        )
        .await;
    assert_eq!(
        refusal(bad_order),
        (
            422,
            "form_param_value_invalid".into(),
            Some("order_by".into())
        )
    );
    let bad_limit = orgs.list(OrganizationListParams::default().limit(0)).await;
    assert_eq!(refusal(bad_limit).0, 422);
}

#[tokio::test]
async fn update_changes_fields_and_checks_the_slug() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    org(clerk, CreateOrganizationParams::new("Taken").slug("taken")).await;
    let acme = org(clerk, CreateOrganizationParams::new("Acme")).await;

    let updated = clerk
        .organizations()
        .update(
            &acme.id,
            UpdateOrganizationParams::default()
                .name("Acme Two")
                .slug("acme-two")
                .max_allowed_memberships(10)
                .admin_delete_enabled(false),
        )
        .await
        .expect("update");
    assert_eq!(updated.name, "Acme Two");
    assert_eq!(updated.slug, "acme-two");
    assert_eq!(updated.max_allowed_memberships, 10);
    assert!(!updated.admin_delete_enabled);
    assert!(updated.updated_at >= acme.updated_at);

    let taken = clerk
        .organizations()
        .update(&acme.id, UpdateOrganizationParams::default().slug("taken"))
        .await;
    assert_eq!(
        refusal(taken),
        (422, "form_identifier_exists".into(), Some("slug".into()))
    );
    // Metadata moved to its own endpoints in this API version.
    let path = format!("/organizations/{}", acme.id);
    let with_metadata = clerk
        .raw::<Value>(Method::PATCH, &path)
        .json(&json!({"public_metadata": {"a": 1}}))
        .await;
    assert_eq!(
        refusal(with_metadata),
        (
            422,
            "form_param_unknown".into(),
            Some("public_metadata".into())
        )
    );
}

#[tokio::test]
async fn metadata_merges_deeply_with_null_deleting_and_put_replaces() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let acme = org(
        clerk,
        CreateOrganizationParams::new("Acme")
            .public_metadata(metadata(json!({"a": {"b": 1, "c": 2}, "d": 1})))
            .private_metadata(metadata(json!({"secret": true}))),
    )
    .await;

    let merged = clerk
        .organizations()
        .update_metadata(
            &acme.id,
            UpdateOrganizationMetadataParams::default().public_metadata(metadata(
                json!({"a": {"b": null, "e": 3}, "d": null, "f": [1]}),
            )),
        )
        .await
        .expect("merge");
    assert_eq!(
        Value::Object(merged.public_metadata),
        json!({"a": {"c": 2, "e": 3}, "f": [1]})
    );
    assert_eq!(
        merged.private_metadata,
        Some(metadata(json!({"secret": true})))
    );

    let replaced = clerk
        .organizations()
        .replace_metadata(
            &acme.id,
            UpdateOrganizationMetadataParams::default().private_metadata(metadata(json!({"x": 1}))),
        )
        .await
        .expect("replace");
    assert_eq!(replaced.private_metadata, Some(metadata(json!({"x": 1}))));
    assert_eq!(
        Value::Object(replaced.public_metadata),
        json!({"a": {"c": 2, "e": 3}, "f": [1]})
    );
}

#[tokio::test]
async fn delete_takes_memberships_and_invitations_along() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let ada = user(clerk, "ada@example.com", "Ada", "Lovelace").await;
    let acme = org(
        clerk,
        CreateOrganizationParams::new("Acme").created_by(ada.id.clone()),
    )
    .await;
    clerk
        .organization_invitations()
        .create(
            &acme.id,
            CreateOrganizationInvitationParams::new("new@example.com", "org:member"),
        )
        .await
        .expect("invite");

    let deleted = clerk
        .organizations()
        .delete(&acme.id)
        .await
        .expect("delete");
    assert!(deleted.deleted);
    assert_eq!(deleted.object, "organization");
    assert_eq!(deleted.id.as_deref(), Some(acme.id.as_str()));
    assert_eq!(deleted.slug.as_deref(), Some("acme"));

    let gone = clerk
        .organizations()
        .get(&acme.id, GetOrganizationParams::default())
        .await;
    assert_eq!(refusal(gone).0, 404);
    let memberships = clerk
        .users()
        .list_organization_memberships(&ada.id, UserOrganizationMembershipListParams::default())
        .await
        .expect("memberships after delete");
    assert!(memberships.is_empty());
    assert_eq!(memberships.total_count, Some(0));
    let invitations = clerk
        .organization_invitations()
        .list_instance(InstanceOrganizationInvitationListParams::default())
        .await
        .expect("invitations after delete");
    assert!(invitations.is_empty());
    assert_eq!(refusal(clerk.organizations().delete(&acme.id).await).0, 404);
}

#[tokio::test]
async fn memberships_are_created_with_clerk_rules() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let (_, bob, acme) = ada_bob_and_acme(clerk).await;
    let members = clerk.organization_memberships();

    let added = members
        .create(
            &acme.id,
            CreateOrganizationMembershipParams::new(bob.id.clone(), "org:member")
                .public_metadata(metadata(json!({"team": "red"}))),
        )
        .await
        .expect("add bob");
    assert!(added.id.starts_with("orgmem_"));
    assert_eq!(added.role, "org:member");
    assert_eq!(added.role_name.as_deref(), Some("Member"));
    assert_eq!(added.public_metadata["team"], "red");
    assert_eq!(added.organization.id, acme.id);
    let public = added.public_user_data.expect("public user data");
    assert_eq!(public.user_id, bob.id);
    assert_eq!(public.identifier.as_deref(), Some("bob@example.com"));
    assert_eq!(public.last_name.as_deref(), Some("Builder"));

    let unknown_user = members
        .create(
            &acme.id,
            CreateOrganizationMembershipParams::new("user_nobody", "org:member"),
        )
        .await;
    assert_eq!(refusal(unknown_user).0, 404);
    let unknown_org = members
        .create(
            "org_missing",
            CreateOrganizationMembershipParams::new(bob.id.clone(), "org:member"),
        )
        .await;
    assert_eq!(
        refusal(unknown_org),
        (404, "resource_not_found".into(), None)
    );
    let again = members
        .create(
            &acme.id,
            CreateOrganizationMembershipParams::new(bob.id.clone(), "org:admin"),
        )
        .await;
    assert_eq!(
        refusal(again),
        (400, "already_a_member_in_organization".into(), None)
    );
    let carol = user(clerk, "carol@example.com", "Carol", "Danvers").await;
    let bad_role = members
        .create(
            &acme.id,
            CreateOrganizationMembershipParams::new(carol.id.clone(), "org:owner"),
        )
        .await;
    assert_eq!(
        refusal(bad_role),
        (422, "form_param_value_invalid".into(), Some("role".into()))
    );
    let missing_role = clerk
        .raw::<Value>(
            Method::POST,
            &format!("/organizations/{}/memberships", acme.id),
        )
        .json(&json!({"user_id": carol.id}))
        .await;
    assert_eq!(
        refusal(missing_role),
        (422, "form_param_missing".into(), Some("role".into()))
    );
}

#[tokio::test]
async fn the_membership_limit_counts_members_and_pending_invitations() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let ada = user(clerk, "ada@example.com", "Ada", "Lovelace").await;
    let bob = user(clerk, "bob@example.com", "Bob", "Builder").await;
    let acme = org(
        clerk,
        CreateOrganizationParams::new("Acme")
            .created_by(ada.id.clone())
            .max_allowed_memberships(2),
    )
    .await;
    clerk
        .organization_invitations()
        .create(
            &acme.id,
            CreateOrganizationInvitationParams::new("new@example.com", "org:member"),
        )
        .await
        .expect("the invitation takes the second seat");
    let full = clerk
        .organization_memberships()
        .create(
            &acme.id,
            CreateOrganizationMembershipParams::new(bob.id.clone(), "org:member"),
        )
        .await;
    assert_eq!(
        refusal(full),
        (403, "organization_membership_quota_exceeded".into(), None)
    );
}

#[tokio::test]
async fn membership_lists_filter_order_and_page() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let ada = user(clerk, "ada@example.com", "Ada", "Lovelace").await;
    let bob = user(clerk, "bob@example.com", "Bob", "Builder").await;
    let carol = user(clerk, "carol@example.com", "Carol", "Danvers").await;
    let acme = org(
        clerk,
        CreateOrganizationParams::new("Acme").created_by(ada.id.clone()),
    )
    .await;
    let members = clerk.organization_memberships();
    for u in [&bob, &carol] {
        members
            .create(
                &acme.id,
                CreateOrganizationMembershipParams::new(u.id.clone(), "org:member"),
            )
            .await
            .expect("add member");
    }

    let all = members
        .list(&acme.id, OrganizationMembershipListParams::default())
        .await
        .expect("list");
    assert_eq!(all.total_count, Some(3));
    let by_last_name = members
        .list(
            &acme.id,
            OrganizationMembershipListParams::default()
                .order_by(OrganizationMembershipOrderBy::LastNameAsc)
                .limit(2)
                .offset(1),
        )
        .await
        .expect("ordered page");
    let users: Vec<&str> = by_last_name
        .iter()
        .filter_map(|m| m.public_user_data.as_ref())
        .map(|p| p.user_id.as_str())
        .collect();
    assert_eq!(users, [carol.id.as_str(), ada.id.as_str()]);
    assert_eq!(by_last_name.total_count, Some(3));

    let admins = members
        .list(
            &acme.id,
            OrganizationMembershipListParams::default().role(["org:admin"]),
        )
        .await
        .expect("admins");
    assert_eq!(admins.len(), 1);
    assert_eq!(admins.data[0].role, "org:admin");
    let by_email = members
        .list(
            &acme.id,
            OrganizationMembershipListParams::default().email_address(["BOB@example.com"]),
        )
        .await
        .expect("by email");
    assert_eq!(by_email.len(), 1);
    let queried = members
        .list(
            &acme.id,
            OrganizationMembershipListParams::default().query("danv"),
        )
        .await
        .expect("query");
    assert_eq!(queried.len(), 1);
    let without_ada = members
        .list(
            &acme.id,
            OrganizationMembershipListParams::default().user_id([format!("-{}", ada.id)]),
        )
        .await
        .expect("exclusion");
    assert_eq!(without_ada.total_count, Some(2));

    let instance = members
        .list_instance(InstanceOrganizationMembershipListParams::default().limit(2))
        .await
        .expect("instance list");
    assert_eq!(instance.total_count, Some(3));
    assert_eq!(instance.len(), 2);
    let unknown_org = members
        .list("org_missing", OrganizationMembershipListParams::default())
        .await;
    assert_eq!(refusal(unknown_org).0, 404);
    let unknown_user = clerk
        .users()
        .list_organization_memberships(
            "user_nobody",
            UserOrganizationMembershipListParams::default(),
        )
        .await;
    assert_eq!(refusal(unknown_user).0, 404);
}

#[tokio::test]
async fn users_filter_by_organization_through_the_membership_table() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let ada = user(clerk, "ada@example.com", "Ada", "Lovelace").await;
    let bob = user(clerk, "bob@example.com", "Bob", "Builder").await;
    user(clerk, "carol@example.com", "Carol", "Danvers").await;
    let acme = org(
        clerk,
        CreateOrganizationParams::new("Acme").created_by(ada.id.clone()),
    )
    .await;
    clerk
        .organization_memberships()
        .create(
            &acme.id,
            CreateOrganizationMembershipParams::new(bob.id.clone(), "org:member"),
        )
        .await
        .expect("add bob");

    let in_acme = clerk
        .users()
        .list(UserListParams::default().organization_id([acme.id.clone()]))
        .await
        .expect("users of acme");
    let mut ids: Vec<&str> = in_acme.iter().map(|u| u.id.as_str()).collect();
    ids.sort_unstable();
    let mut expected = [ada.id.as_str(), bob.id.as_str()];
    expected.sort_unstable();
    assert_eq!(ids, expected);
}

#[tokio::test]
async fn deleting_a_user_drops_their_memberships() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let (ada, bob, acme) = ada_bob_and_acme(clerk).await;
    clerk
        .organization_memberships()
        .create(
            &acme.id,
            CreateOrganizationMembershipParams::new(bob.id.clone(), "org:member"),
        )
        .await
        .expect("add bob");

    clerk.users().delete(&bob.id).await.expect("delete bob");
    let left = clerk
        .organization_memberships()
        .list(&acme.id, OrganizationMembershipListParams::default())
        .await
        .expect("members");
    assert_eq!(left.total_count, Some(1));
    assert_eq!(
        left.data[0]
            .public_user_data
            .as_ref()
            .map(|p| p.user_id.as_str()),
        Some(ada.id.as_str())
    );
}

#[tokio::test]
async fn memberships_change_role_merge_metadata_and_leave() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let (_, bob, acme) = ada_bob_and_acme(clerk).await;
    let members = clerk.organization_memberships();
    members
        .create(
            &acme.id,
            CreateOrganizationMembershipParams::new(bob.id.clone(), "org:member")
                .public_metadata(metadata(json!({"team": {"name": "red", "size": 3}}))),
        )
        .await
        .expect("add bob");

    let promoted = members
        .update(
            &acme.id,
            &bob.id,
            UpdateOrganizationMembershipParams::new("org:admin"),
        )
        .await
        .expect("promote");
    assert_eq!(promoted.role, "org:admin");
    assert!(promoted
        .permissions
        .iter()
        .any(|p| p == "org:sys_memberships:manage"));
    let bad_role = members
        .update(
            &acme.id,
            &bob.id,
            UpdateOrganizationMembershipParams::new("boss"),
        )
        .await;
    assert_eq!(refusal(bad_role).1, "form_param_value_invalid");
    let stranger = members
        .update(
            &acme.id,
            "user_nobody",
            UpdateOrganizationMembershipParams::new("org:admin"),
        )
        .await;
    assert_eq!(refusal(stranger), (404, "resource_not_found".into(), None));

    let merged = members
        .update_metadata(
            &acme.id,
            &bob.id,
            UpdateOrganizationMembershipMetadataParams::default()
                .public_metadata(metadata(json!({"team": {"size": null}, "lead": true})))
                .private_metadata(metadata(json!({"note": "x"}))),
        )
        .await
        .expect("merge metadata");
    assert_eq!(
        Value::Object(merged.public_metadata),
        json!({"team": {"name": "red"}, "lead": true})
    );
    assert_eq!(
        merged.private_metadata,
        Some(metadata(json!({"note": "x"})))
    );
    let unknown = members
        .update_metadata(
            "org_missing",
            &bob.id,
            UpdateOrganizationMembershipMetadataParams::default(),
        )
        .await;
    assert_eq!(refusal(unknown).0, 404);

    let removed = members.delete(&acme.id, &bob.id).await.expect("remove");
    assert_eq!(removed.public_user_data.expect("data").user_id, bob.id);
    assert_eq!(refusal(members.delete(&acme.id, &bob.id).await).0, 404);
    let left = clerk
        .users()
        .list_organization_memberships(&bob.id, UserOrganizationMembershipListParams::default())
        .await
        .expect("bob's memberships");
    assert!(left.is_empty());
}

#[tokio::test]
async fn organization_invitations_are_created_listed_and_revoked_once() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let ada = user(clerk, "ada@example.com", "Ada", "Lovelace").await;
    let acme = org(
        clerk,
        CreateOrganizationParams::new("Acme").created_by(ada.id.clone()),
    )
    .await;
    let invitations = clerk.organization_invitations();

    let invited = invitations
        .create(
            &acme.id,
            CreateOrganizationInvitationParams::new("new@example.com", "org:member")
                .inviter_user_id(ada.id.clone())
                .public_metadata(metadata(json!({"source": "test"})))
                .expires_in_days(7),
        )
        .await
        .expect("invite");
    assert!(invited.id.starts_with("orginv_"));
    assert_eq!(invited.status, Some(OrganizationInvitationStatus::Pending));
    assert_eq!(invited.role_name, "Member");
    assert_eq!(invited.organization_id.as_deref(), Some(acme.id.as_str()));
    assert_eq!(invited.inviter_id.as_deref(), Some(ada.id.as_str()));
    let inviter = invited.public_inviter_data.as_ref().expect("inviter data");
    assert_eq!(inviter.identifier, "ada@example.com");
    let expires = invited.expires_at.expect("expiry");
    assert_eq!(expires - invited.created_at, 7 * 86_400_000);
    assert!(invited.url.is_some());

    let second = invitations
        .create(
            &acme.id,
            CreateOrganizationInvitationParams::new("other@example.com", "org:admin"),
        )
        .await
        .expect("second invite");

    let fetched = invitations
        .get(&acme.id, &invited.id)
        .await
        .expect("get one");
    assert_eq!(fetched, invited);
    let listed = invitations
        .list(&acme.id, OrganizationInvitationListParams::default())
        .await
        .expect("list");
    assert_eq!(listed.total_count, Some(2));
    assert_eq!(listed.data[0].id, second.id, "newest first");

    let revoked = invitations
        .revoke(
            &acme.id,
            &invited.id,
            RevokeOrganizationInvitationParams::default(),
        )
        .await
        .expect("revoke");
    assert_eq!(revoked.status, Some(OrganizationInvitationStatus::Revoked));
    let twice = invitations
        .revoke(
            &acme.id,
            &invited.id,
            RevokeOrganizationInvitationParams::default(),
        )
        .await;
    assert_eq!(
        refusal(twice),
        (404, "organization_invitation_not_pending".into(), None)
    );

    let pending = invitations
        .list(
            &acme.id,
            OrganizationInvitationListParams::default()
                .status(OrganizationInvitationStatus::Pending),
        )
        .await
        .expect("pending only");
    assert_eq!(pending.len(), 1);
    assert_eq!(pending.data[0].id, second.id);
    let revoked_only = invitations
        .list(
            &acme.id,
            OrganizationInvitationListParams::default()
                .status(OrganizationInvitationStatus::Revoked),
        )
        .await
        .expect("revoked only");
    assert_eq!(revoked_only.data[0].id, invited.id);

    let instance = invitations
        .list_instance(InstanceOrganizationInvitationListParams::default().query("other@"))
        .await
        .expect("instance list");
    assert_eq!(instance.len(), 1);
    let public_org = instance.data[0]
        .public_organization_data
        .as_ref()
        .expect("organization data");
    assert_eq!(public_org.slug, "acme");

    // The invitee signs up: the invitation now shows on their account.
    let other = user(clerk, "other@example.com", "Otto", "Other").await;
    let theirs = clerk
        .users()
        .list_organization_invitations(&other.id, UserOrganizationInvitationListParams::default())
        .await
        .expect("user's invitations");
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs.data[0].id, second.id);
}

#[tokio::test]
async fn organization_invitations_refuse_duplicates_members_bad_input_and_strangers() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let (_, bob, acme) = ada_bob_and_acme(clerk).await;
    let invitations = clerk.organization_invitations();
    invitations
        .create(
            &acme.id,
            CreateOrganizationInvitationParams::new("new@example.com", "org:member"),
        )
        .await
        .expect("invite");

    let duplicate = invitations
        .create(
            &acme.id,
            CreateOrganizationInvitationParams::new("NEW@example.com", "org:member"),
        )
        .await;
    assert_eq!(
        refusal(duplicate),
        (400, "organization_invitation_not_unique".into(), None)
    );
    let member = invitations
        .create(
            &acme.id,
            CreateOrganizationInvitationParams::new("ada@example.com", "org:member"),
        )
        .await;
    assert_eq!(refusal(member).1, "already_a_member_in_organization");
    let bad_email = invitations
        .create(
            &acme.id,
            CreateOrganizationInvitationParams::new("not-an-email", "org:member"),
        )
        .await;
    assert_eq!(
        refusal(bad_email),
        (
            422,
            "form_param_format_invalid".into(),
            Some("email_address".into())
        )
    );
    let bad_role = invitations
        .create(
            &acme.id,
            CreateOrganizationInvitationParams::new("x@example.com", "org:owner"),
        )
        .await;
    assert_eq!(refusal(bad_role).2.as_deref(), Some("role"));
    let not_admin = invitations
        .create(
            &acme.id,
            CreateOrganizationInvitationParams::new("x@example.com", "org:member")
                .inviter_user_id(bob.id.clone()),
        )
        .await;
    assert_eq!(refusal(not_admin).0, 403);
    let too_long = invitations
        .create(
            &acme.id,
            CreateOrganizationInvitationParams::new("x@example.com", "org:member")
                .expires_in_days(400),
        )
        .await;
    assert_eq!(refusal(too_long).2.as_deref(), Some("expires_in_days"));
    let unknown_org = invitations
        .create(
            "org_missing",
            CreateOrganizationInvitationParams::new("x@example.com", "org:member"),
        )
        .await;
    assert_eq!(refusal(unknown_org).0, 404);
    let unknown_invitation = invitations.get(&acme.id, "orginv_missing").await;
    assert_eq!(
        refusal(unknown_invitation),
        (404, "resource_not_found".into(), None)
    );
    let bad_status = clerk
        .raw::<Value>(
            Method::GET,
            &format!("/organizations/{}/invitations", acme.id),
        )
        .query(&[("status", "lost")])
        .await;
    assert_eq!(refusal(bad_status).2.as_deref(), Some("status"));
}

#[tokio::test]
async fn organization_invitations_come_in_bulk() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let acme = org(clerk, CreateOrganizationParams::new("Acme")).await;
    let invitations = clerk.organization_invitations();

    let created = invitations
        .create_bulk(
            &acme.id,
            vec![
                CreateOrganizationInvitationParams::new("a@example.com", "org:member"),
                CreateOrganizationInvitationParams::new("b@example.com", "org:admin"),
            ],
        )
        .await
        .expect("bulk");
    assert_eq!(created.total_count, 2);
    assert_eq!(created.data[1].role, "org:admin");

    // One bad item refuses the whole batch.
    let mixed = invitations
        .create_bulk(
            &acme.id,
            vec![
                CreateOrganizationInvitationParams::new("c@example.com", "org:member"),
                CreateOrganizationInvitationParams::new("a@example.com", "org:member"),
            ],
        )
        .await;
    assert_eq!(refusal(mixed).1, "organization_invitation_not_unique");
    let listed = invitations
        .list(&acme.id, OrganizationInvitationListParams::default())
        .await
        .expect("list");
    assert_eq!(listed.total_count, Some(2));
}

#[tokio::test]
async fn organization_operations_it_does_not_implement_answer_501() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let acme = org(clerk, CreateOrganizationParams::new("Acme")).await;
    let err = clerk
        .organizations()
        .get_billing_subscription(&acme.id)
        .await
        .expect_err("organization billing is not implemented");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(501));
    assert_eq!(err.code(), Some("not_implemented"));
}
