//! Maintainers' tool for the `clerk` crate: an inventory of the Clerk Backend
//! API and the coverage of that inventory by the crate's declared endpoints.
//!
//! - [`Spec`] reads an OpenAPI document; [`Spec::inventory`] gives the
//!   [`Inventory`] that `endpoints sync` writes to `inventory.tsv`, and
//!   [`Inventory::committed`] reads that file back (it is embedded).
//! - [`Declared`] is one endpoint of the crate's catalog, as plain data.
//! - [`check()`] lists what is wrong with a set of declarations: unknown
//!   endpoints (except [`LEGACY`] ones), duplicates, missing deprecations.
//! - [`Coverage`] counts declared operations per tag, and
//!   [`coverage_report`] prints the table and drafts of the missing
//!   declarations (see [`draft`]).

pub mod check;
pub mod coverage;
pub mod declared;
pub mod draft;
mod error;
pub mod inventory;
pub mod matching;
pub mod report;
pub mod shape;
pub mod spec;

pub use check::{check, Legacy, Problem, LEGACY};
pub use coverage::{render_table, Coverage, TagRow};
pub use declared::{clerk_catalog, Declared};
pub use error::Error;
pub use inventory::{Entry, Inventory};
pub use report::{coverage_report, ReportOptions, UnknownTag};
pub use shape::{Body, Response, Shape};
pub use spec::{Operation, Spec};
