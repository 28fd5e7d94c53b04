//! The stand-in's role sets through this crate's own client: the default set, create with
//! existing roles, key-or-id addressing, the single initial set, adding and replacing roles
//! and retiring a set.

use clerk_backend::models::{
    AddRoleSetRolesParams, CreateRoleParams, CreateRoleSetParams, ReplaceRoleSetParams,
    ReplaceRoleSetRoleParams, RoleSetListParams, RoleSetOrderBy, RoleSetType, UpdateRoleSetParams,
};
use clerk_backend::testing::StandIn;
use clerk_tests::refusal;

/// The item keys of a role set, in order.
fn keys(set: &clerk_backend::models::RoleSet) -> Vec<&str> {
    set.roles.iter().map(|r| r.key.as_str()).collect()
}

#[tokio::test]
async fn a_fresh_instance_has_the_default_initial_role_set() {
    let standin = StandIn::start().await.expect("start");
    let sets = standin.clerk().role_sets();
    let all = sets.list(RoleSetListParams::default()).await.expect("list");
    assert_eq!(all.total_count, Some(1));
    let default = &all.data[0];
    assert_eq!(default.key, "role_set:default");
    assert_eq!(default.kind, RoleSetType::Initial);
    assert_eq!(keys(default), ["org:admin", "org:member"]);
    assert_eq!(
        default.default_role.as_ref().map(|r| r.key.as_str()),
        Some("org:member")
    );
    assert_eq!(
        default.creator_role.as_ref().map(|r| r.key.as_str()),
        Some("org:admin")
    );
    // Key or id: both reach it.
    assert_eq!(
        &sets.get("role_set:default").await.expect("by key"),
        default
    );
    assert_eq!(&sets.get(&default.id).await.expect("by id"), default);
    assert_eq!(
        refusal(sets.get("role_set:missing").await),
        (404, "resource_not_found".to_owned(), None)
    );
}

#[tokio::test]
async fn role_sets_are_made_of_existing_roles() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    clerk
        .organization_roles()
        .create(CreateRoleParams::new("Support", "org:support"))
        .await
        .expect("role");
    let sets = clerk.role_sets();

    let support = sets
        .create(
            CreateRoleSetParams::new(
                "Support Team",
                "org:support",
                "org:admin",
                ["org:admin", "org:support"],
            )
            .description("For the help desk"),
        )
        .await
        .expect("create");
    assert_eq!(support.object, "role_set");
    // No key given: Clerk derives one from the name.
    assert_eq!(support.key, "role_set:support_team");
    assert_eq!(support.kind, RoleSetType::Custom);
    assert_eq!(keys(&support), ["org:admin", "org:support"]);
    assert_eq!(support.roles[1].object, "role_set_item");
    assert_eq!(sets.get(&support.key).await.expect("get"), support);

    // An unknown role: 404; a default role outside the set, a bad key, a taken key: refused.
    let unknown =
        CreateRoleSetParams::new("X", "org:ghost", "org:admin", ["org:admin", "org:ghost"]);
    assert_eq!(refusal(sets.create(unknown).await).0, 404);
    let outside = CreateRoleSetParams::new("X", "org:member", "org:admin", ["org:admin"]);
    assert_eq!(
        refusal(sets.create(outside).await),
        (
            422,
            "form_param_value_invalid".to_owned(),
            Some("default_role_key".to_owned())
        )
    );
    // The creator role must be able to manage the organization.
    let weak_creator =
        CreateRoleSetParams::new("X", "org:member", "org:member", ["org:admin", "org:member"]);
    assert_eq!(
        refusal(sets.create(weak_creator).await).2.as_deref(),
        Some("creator_role_key")
    );
    let bad_key =
        CreateRoleSetParams::new("X", "org:admin", "org:admin", ["org:admin"]).key("Team");
    assert_eq!(
        refusal(sets.create(bad_key).await).1,
        "form_param_format_invalid"
    );
    let taken = CreateRoleSetParams::new("Other", "org:admin", "org:admin", ["org:admin"])
        .key("role_set:support_team");
    assert_eq!(
        refusal(sets.create(taken).await),
        (400, "duplicate_record".to_owned(), Some("key".to_owned()))
    );

    let page = sets
        .list(
            RoleSetListParams::default()
                .query("support")
                .order_by(RoleSetOrderBy::NameAsc),
        )
        .await
        .expect("list");
    assert_eq!(page.total_count, Some(1));
    assert_eq!(page.data, vec![support]);
}

#[tokio::test]
async fn only_one_role_set_is_initial_and_organization_settings_follow() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let sets = clerk.role_sets();
    let lean = sets
        .create(
            CreateRoleSetParams::new("Lean", "org:admin", "org:admin", ["org:admin"])
                .key("role_set:lean"),
        )
        .await
        .expect("create");

    let changed = sets
        .update(
            &lean.id,
            UpdateRoleSetParams::default()
                .kind(RoleSetType::Initial)
                .name("Lean set"),
        )
        .await
        .expect("update");
    assert_eq!(changed.kind, RoleSetType::Initial);
    assert_eq!(changed.name, "Lean set");
    assert_eq!(
        sets.get("role_set:default").await.expect("get").kind,
        RoleSetType::Custom
    );
    let settings = clerk
        .instance_settings()
        .get_organization_settings()
        .await
        .expect("settings");
    assert_eq!(
        settings.initial_role_set_key.as_deref(),
        Some("role_set:lean")
    );

    // Only `initial` may be set; default and creator roles must already be in the set.
    assert_eq!(
        refusal(
            sets.update(
                "role_set:lean",
                UpdateRoleSetParams::default().kind(RoleSetType::Custom)
            )
            .await
        )
        .2
        .as_deref(),
        Some("type")
    );
    assert_eq!(
        refusal(
            sets.update(
                "role_set:lean",
                UpdateRoleSetParams::default().default_role_key("org:member")
            )
            .await
        )
        .1,
        "form_param_value_invalid"
    );
    // Re-keying: the new key reaches it, the old one no longer does.
    sets.update(
        "role_set:lean",
        UpdateRoleSetParams::default().key("role_set:slim"),
    )
    .await
    .expect("re-key");
    assert_eq!(sets.get("role_set:slim").await.expect("get").id, lean.id);
    assert_eq!(refusal(sets.get("role_set:lean").await).0, 404);
}

#[tokio::test]
async fn roles_are_added_and_replaced_inside_a_set() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    clerk
        .organization_roles()
        .create(CreateRoleParams::new("Viewer", "org:viewer"))
        .await
        .expect("role");
    let sets = clerk.role_sets();

    let added = sets
        .add_roles(
            "role_set:default",
            AddRoleSetRolesParams::new(["org:viewer", "org:member"]).default_role_key("org:viewer"),
        )
        .await
        .expect("add");
    assert_eq!(keys(&added), ["org:admin", "org:member", "org:viewer"]);
    assert_eq!(
        added.default_role.as_ref().map(|r| r.key.as_str()),
        Some("org:viewer")
    );
    assert_eq!(
        refusal(
            sets.add_roles(
                "role_set:default",
                AddRoleSetRolesParams::new(["org:ghost"])
            )
            .await
        )
        .0,
        404
    );

    // Replacing the default role moves the default to the replacement.
    let replaced = sets
        .replace_role(
            "role_set:default",
            ReplaceRoleSetRoleParams::new("org:viewer", "org:member"),
        )
        .await
        .expect("replace role");
    assert_eq!(keys(&replaced), ["org:admin", "org:member"]);
    assert_eq!(
        replaced.default_role.as_ref().map(|r| r.key.as_str()),
        Some("org:member")
    );
    assert_eq!(sets.get("role_set:default").await.expect("get"), replaced);
    assert_eq!(
        refusal(
            sets.replace_role(
                "role_set:default",
                ReplaceRoleSetRoleParams::new("org:member", "org:viewer"),
            )
            .await
        )
        .2
        .as_deref(),
        Some("to_role_key"),
        "the destination must be in the set"
    );
}

#[tokio::test]
async fn a_replaced_role_set_is_gone_and_its_successor_inherits_initial() {
    let standin = StandIn::start().await.expect("start");
    let sets = standin.clerk().role_sets();
    let next = sets
        .create(
            CreateRoleSetParams::new("Next", "org:admin", "org:admin", ["org:admin"])
                .key("role_set:next"),
        )
        .await
        .expect("create");

    assert_eq!(
        refusal(
            sets.replace(
                "role_set:default",
                ReplaceRoleSetParams::new("role_set:next").map_role("org:member", "org:member"),
            )
            .await
        )
        .2
        .as_deref(),
        Some("reassignment_mappings"),
        "org:member is not a role of the destination"
    );
    assert_eq!(
        refusal(
            sets.replace(
                "role_set:default",
                ReplaceRoleSetParams::new("role_set:none")
            )
            .await
        )
        .0,
        404
    );

    let gone = sets
        .replace(
            "role_set:default",
            ReplaceRoleSetParams::new("role_set:next").map_role("org:member", "org:admin"),
        )
        .await
        .expect("replace");
    assert!(gone.deleted);
    assert_eq!(refusal(sets.get("role_set:default").await).0, 404);
    assert_eq!(
        sets.get(&next.id).await.expect("get").kind,
        RoleSetType::Initial
    );
    let all = sets.list(RoleSetListParams::default()).await.expect("list");
    assert_eq!(all.total_count, Some(1));
}
