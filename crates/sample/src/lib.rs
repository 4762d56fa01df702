//! The embedded sample org and a deterministic generator of realistic orgs of any size.
//!
//! [`sample`] is the org the app opens on first run: a marketplace for independent shops with
//! about 150 people and a handful of deliberate problems for the health checks to find (see the
//! `sample` module). [`generate`] builds a healthy-looking org of exactly the requested size for
//! demos, tests and benchmarks; the same seed always gives the same org.
//!
//! Interactions read "`from` serves or helps `to`": for x-as-a-service `from` is the provider,
//! for facilitating `from` is the enabling team, for collaboration the order carries no meaning.

mod common;
mod generate;
pub mod hostile;
mod names;
mod rng;
mod sample;

use topograph_model::Org;

/// The sample product organisation (about 150 people) the app opens on first run.
pub fn sample() -> Org {
    sample::build()
}

/// A realistic org of `people` people; the same seed gives the same org.
pub fn generate(people: usize, seed: u64) -> Org {
    generate::generate(people, seed)
}
