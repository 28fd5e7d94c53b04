//! Small response shapes shared by many resources.

use serde::{Deserialize, Serialize};

/// What the API answers after deleting an object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeletedObject {
    /// Type of the deleted object, e.g. `user`.
    pub object: String,
    /// Id of the deleted object, when it had one.
    #[serde(default)]
    pub id: Option<String>,
    /// Slug of the deleted object (organizations).
    #[serde(default)]
    pub slug: Option<String>,
    /// Always `true` on success.
    pub deleted: bool,
    /// External id of the deleted object, when it had one.
    #[serde(default)]
    pub external_id: Option<String>,
}

/// A bare count, as returned by `GET /users/count`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TotalCount {
    /// Always `total_count`.
    pub object: String,
    /// The number of matching objects.
    pub total_count: i64,
}

/// Arbitrary JSON metadata (public, private or unsafe) attached to an object.
pub type Metadata = serde_json::Map<String, serde_json::Value>;
