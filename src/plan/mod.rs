//! The personal development plan: the model and its edits, the TOML file format, the atomic
//! store, and progress toward a target level.
//!
//! For a front end: open a [`PlanStore`], read [`PlanStore::plan`], change it only through
//! [`PlanStore::apply`] with an [`Edit`] (each one saved at once) and [`PlanStore::undo`].

mod format;
mod model;
mod progress;
mod store;

pub use format::{parse, to_toml};
pub use model::{Edit, PLAN_VERSION, Plan, PlanItem, Status, today};
pub use progress::{
    TargetProgress, TargetSkill, default_level, is_in_ladder, new_item, target_progress,
};
pub use store::{
    DEFAULT_LOCK_WAIT, PlanError, PlanStore, Protection, Saved, default_path, resolve_path,
    write_atomically,
};
