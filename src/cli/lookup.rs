//! Finding the level or skill a person named on the command line: an id, or a title or name
//! in any case (see [`Ladder::find_level`]). Anything else is a usage error that says what is
//! close, or which candidates a name fits.

use super::CliError;
use crate::ladder::{Ladder, Level, NotFound, Skill};
use crate::plan::Plan;
use crate::present::one_line;
use crate::text::escape_control;
use unicode_width::UnicodeWidthStr;

/// ` (did you mean `a`, `b`?)`, or nothing.
fn hint(close: &[&str]) -> String {
    if close.is_empty() {
        return String::new();
    }
    let list: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
    format!(" (did you mean {}?)", list.join(", "))
}

/// `a` fits more than one: `id` (Title), …; say which by id.
fn ambiguous<'a>(
    what: &str,
    name: &str,
    candidates: impl Iterator<Item = (&'a str, &'a str)>,
) -> CliError {
    let candidates: Vec<(&str, &str)> = candidates.collect();
    let id_width = candidates
        .iter()
        .map(|(id, _)| escape_control(id).width())
        .max()
        .unwrap_or(0);
    let list: Vec<String> = candidates
        .iter()
        .map(|(id, title)| {
            let id = crate::text::pad(&escape_control(id), id_width);
            format!("  {id}  {}", one_line(title))
        })
        .collect();
    CliError::Usage(format!(
        "`{}` fits more than one {what}; give one of these ids:\n{}",
        escape_control(name),
        list.join("\n")
    ))
}

/// The level `name` means, or a usage error.
pub fn find_level<'a>(ladder: &'a Ladder, name: &str) -> Result<&'a Level, CliError> {
    ladder.find_level(name).map_err(|e| level_error(name, e))
}

fn level_error(name: &str, e: NotFound<'_, Level>) -> CliError {
    match e {
        NotFound::Unknown { close } => CliError::Usage(format!(
            "no level `{}`{}; `rungs list` shows every id",
            escape_control(name),
            hint(&close)
        )),
        NotFound::Ambiguous(levels) => ambiguous(
            "level",
            name,
            levels
                .into_iter()
                .map(|l| (l.id.as_str(), l.title.as_str())),
        ),
    }
}

/// The skill `name` means, or a usage error.
pub fn find_skill<'a>(ladder: &'a Ladder, name: &str) -> Result<&'a Skill, CliError> {
    ladder.find_skill(name).map_err(|e| skill_error(name, e))
}

fn skill_error(name: &str, e: NotFound<'_, Skill>) -> CliError {
    match e {
        NotFound::Unknown { close } => CliError::Usage(format!(
            "no skill `{}`{}; `rungs skills` lists every id",
            escape_control(name),
            hint(&close)
        )),
        NotFound::Ambiguous(skills) => ambiguous(
            "skill",
            name,
            skills.into_iter().map(|s| (s.id.as_str(), s.name.as_str())),
        ),
    }
}

/// The skill id a plan command means by `name`: an id the plan holds as it is (the ladder
/// may no longer know it), else the id of the ladder's skill with that name, else `name`
/// unchanged for the plan's own "not in the plan" message. An ambiguous name is an error.
pub fn plan_skill(plan: &Plan, ladder: &Ladder, name: &str) -> Result<String, CliError> {
    if plan.items.iter().any(|i| i.skill == name) {
        return Ok(name.to_owned());
    }
    match ladder.find_skill(name) {
        Ok(skill) => Ok(skill.id.clone()),
        Err(NotFound::Unknown { .. }) => Ok(name.to_owned()),
        Err(e) => Err(skill_error(name, e)),
    }
}

/// Like [`plan_skill`], for the `--level` of a plan command.
pub fn plan_level(plan: &Plan, ladder: &Ladder, name: &str) -> Result<String, CliError> {
    if plan.items.iter().any(|i| i.level == name) {
        return Ok(name.to_owned());
    }
    match ladder.find_level(name) {
        Ok(level) => Ok(level.id.clone()),
        Err(NotFound::Unknown { .. }) => Ok(name.to_owned()),
        Err(e) => Err(level_error(name, e)),
    }
}
