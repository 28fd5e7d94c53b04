//! Tasks performed by agents on behalf of users.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.agent_tasks().create(
        CreateAgentTaskParams::new(
            OnBehalfOf::user_id("user_1"),
            "billing-bot",
            "Download the June invoice",
            "https://app.example.com/agent/done",
        )
        .session_max_duration_in_seconds(600_i64),
    ))
    .await;
    run.ok(clerk.agent_tasks().create(CreateAgentTaskParams::new(
        OnBehalfOf::identifier("ada@example.com"),
        "billing-bot",
        "Check the plan",
        "https://app.example.com/agent/done",
    )))
    .await;
    run.ok(clerk.agent_tasks().revoke("agtask_1")).await;
}
