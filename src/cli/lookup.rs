//! Finding the level or skill a person named on the command line.

use super::CliError;
use crate::ladder::{Ladder, Level, Skill};
use crate::suggest::did_you_mean;
use crate::text::escape_control;

/// The level with this id, or a usage error naming the closest ids.
pub fn find_level<'a>(ladder: &'a Ladder, id: &str) -> Result<&'a Level, CliError> {
    ladder.level(id).ok_or_else(|| {
        let hint = did_you_mean(id, ladder.level_ids());
        CliError::Usage(format!(
            "no level `{}`{hint}; `rungs list` shows every id",
            escape_control(id)
        ))
    })
}

/// The skill with this id, or a usage error naming the closest ids.
pub fn find_skill<'a>(ladder: &'a Ladder, id: &str) -> Result<&'a Skill, CliError> {
    ladder.skill(id).ok_or_else(|| {
        let hint = did_you_mean(id, ladder.skills().iter().map(|s| s.id.as_str()));
        CliError::Usage(format!(
            "no skill `{}`{hint}; `rungs show LEVEL` lists a level's skills",
            escape_control(id)
        ))
    })
}
