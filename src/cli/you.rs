//! What the commands about you on the ladder share: loading the ladder with your plan, and the
//! wording of steps and ratings (`●●●○ expected · ●●○○ you`).

use std::path::Path;

use crate::ladder::Ladder;
use crate::plan::{Plan, PlanStore, RatingScale, StepRank, resolve_path};
use crate::text::{clean, escape_control};

use super::CliError;

/// The ladder, its scale and your plan, read only.
pub struct You {
    pub ladder: Ladder,
    pub scale: RatingScale,
    pub store: PlanStore,
}

impl You {
    pub fn plan(&self) -> &Plan {
        self.store.plan()
    }
}

/// Loads the ladder and the plan (read only).
pub fn load(content: Option<&Path>, plan_path: Option<&Path>) -> Result<You, CliError> {
    let ladder = super::ladder(content)?;
    let store = PlanStore::open(resolve_path(plan_path)?)?;
    Ok(You {
        scale: RatingScale::of(&ladder),
        ladder,
        store,
    })
}

/// The step's name for JSON: `null` when unrated.
pub fn step_json(rank: Option<StepRank>, scale: &RatingScale) -> serde_json::Value {
    rank.and_then(|r| scale.name(r))
        .map_or(serde_json::Value::Null, |s| s.into())
}

/// The skill's name from the ladder, else its id; one line, control characters dropped.
pub fn skill_name(ladder: &Ladder, skill: &str) -> String {
    let name = ladder.skill(skill).map_or(skill, |s| s.name.as_str());
    clean(name, false).into_owned()
}

/// The level's title from the ladder, else the id.
pub fn level_title(ladder: &Ladder, level: &str) -> String {
    let title = ladder.level(level).map_or(level, |l| l.title.as_str());
    clean(title, false).into_owned()
}

/// An id as typed or read from a file, safe to print.
pub fn id(text: &str) -> String {
    escape_control(text).into_owned()
}

/// The track's title from the ladder, else the id.
pub fn track_title(ladder: &Ladder, track: &str) -> String {
    let title = ladder.track(track).map_or(track, |t| t.title.as_str());
    clean(title, false).into_owned()
}
