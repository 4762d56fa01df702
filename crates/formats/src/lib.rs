//! Getting orgs in and out: CSV from HR systems, the JSON document format, Backstage catalogs
//! and Team APIs.
//!
//! Every reader turns a file into [`Incoming`]: the records of one scenario with ids local to
//! the file, plus every [`Problem`] found on the way, each with a line, a column and a reason.
//! Nothing is written while reading, so a caller can show the problems and let the person
//! cancel. [`apply`] then writes an `Incoming` through typed operations: into a new document,
//! into a new scenario, or merged into the open scenario as one undo step.
//!
//! Writers read a [`topograph_document::Document`] (or one scenario's `Org`) and never change it.
//!
//! The formats, mapping rules and merge rules are described in `docs/schema/README.md`.

pub mod apply;
pub mod backstage;
mod build;
pub mod csv;
#[doc(hidden)]
pub mod fuzzing;
pub mod head;
mod incoming;
mod infer;
pub mod json;
mod merge;
mod problem;
mod slug;
pub mod source;
pub mod teamapi;
mod text;
mod yaml;

pub use apply::Summary;

/// Builds the incoming records into an org through operations (every rule checked), ids kept:
/// what a new document is written from.
pub fn build_org(inc: Incoming) -> topograph_model::Result<topograph_model::Org> {
    let label = inc.label();
    build::org_from(inc.records, &label).map_err(build::inconsistent)
}
pub use incoming::{Incoming, PersonField, Preview};
pub use problem::Problem;
pub use text::{decode, Decoded};
