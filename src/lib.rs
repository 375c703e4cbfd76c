//! rungs: explore career ladders, compare levels, keep a development plan.
//!
//! The domain core (`ladder`, `compare`, `search`, `plan`, `import`) knows nothing of terminals; the
//! explorer (`tui`) and the headless commands (`cli`) are two thin front ends over it, and
//! share their wording through `present`. `tests/architecture.rs` keeps it so.

pub mod cli;
pub mod compare;
pub mod exit;
pub(crate) mod files;
pub mod import;
pub mod ladder;
pub mod plan;
pub(crate) mod present;
pub mod search;
pub(crate) mod suggest;
pub(crate) mod text;
pub mod tui;

pub use ladder::Ladder;
