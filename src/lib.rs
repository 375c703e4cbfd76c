//! rungs: explore career ladders, compare levels, keep a development plan.
//!
//! The domain core (ladder, compare, search, plan) knows nothing of terminals; the explorer and
//! the headless commands are thin front ends over it.

pub mod cli;
pub mod compare;
pub mod files;
pub mod ladder;
pub mod plan;
pub mod report;
pub mod search;
pub mod suggest;
pub mod text;
pub mod tui;

pub use ladder::Ladder;
