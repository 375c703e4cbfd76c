//! The personal development plan: the model and its edits, the TOML file format, the atomic
//! store, progress toward a target level, and where the person stands: placement on the
//! ladder, gaps against a level, a check-in compared with someone else's ratings, and the
//! promotion case.
//!
//! For a front end: open a [`PlanStore`], read [`PlanStore::plan`], change it only through
//! [`PlanStore::apply`] with an [`Edit`] (each one saved at once) and [`PlanStore::undo`].

mod case;
mod checkin;
mod fold;
mod format;
mod history;
mod model;
mod placement;
mod progress;
mod scale;
mod store;

pub use case::{EvidenceSource, LevelMention, PromotionCase, SkillCase, promotion_case};
pub use checkin::{Checkin, CheckinRow, checkin, read_checkin_file};
pub use fold::{LOG_CAP, LOG_KEEP, fold_log};
pub use format::{parse, to_toml};
pub use history::{MAX_WEEKS, WeekPoint, day_number, log_newest_first, progress_by_week};
pub use model::{
    Change, Edit, Evidence, EvidenceOwner, LogEntry, PLAN_VERSION, PLAN_VERSION_1, Plan, PlanItem,
    Rating, Status, today,
};
pub use placement::{
    Gap, LevelFit, MAX_SHORTFALL, MET_SHARE, Placement, TrackPlacement, gaps, level_fit, place,
};
pub use progress::{
    TargetProgress, TargetSkill, default_level, is_in_ladder, new_item, target_progress,
};
pub use scale::{RatingScale, Ratings, StepRank};
pub use store::{
    DEFAULT_LOCK_WAIT, PlanError, PlanStore, Protection, Saved, default_path, resolve_path,
    write_atomically,
};
