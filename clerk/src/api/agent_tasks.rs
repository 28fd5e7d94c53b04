//! Tasks performed by agents on behalf of users.

use crate::models::{AgentTask, CreateAgentTaskParams};

clerk_macros::endpoints! {
    /// Tasks performed by agents on behalf of users.
    AgentTasks {
        /// Create a task for an agent acting as a user; the answer's link starts a session
        /// for that user.
        #[secret]
        create = POST "/agents/tasks" json(CreateAgentTaskParams) -> AgentTask;
        /// Revoke a pending agent task.
        #[secret]
        revoke = POST "/agents/tasks/{agent_task_id}/revoke" -> AgentTask;
    }
}
