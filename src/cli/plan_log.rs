//! `rungs plan log`: every dated change of the plan, newest first.

use serde_json::{Value, json};

use crate::ladder::Ladder;
use crate::plan::{Change, LogEntry, Plan, log_newest_first};
use crate::text::clean;

use super::output::{Out, emit, emit_json, fit_lines};
use super::{CliError, ListFormat, you};

pub fn run(plan: &Plan, ladder: &Ladder, format: ListFormat, out: Out) -> Result<(), CliError> {
    let entries = log_newest_first(plan);
    match format {
        ListFormat::Text => emit(&fit_lines(&text(ladder, &entries), out.width)),
        ListFormat::Json => emit_json(&to_json(&entries)),
    }
}

fn quoted(text: Option<&str>) -> String {
    text.map_or_else(|| "—".to_owned(), |t| format!("“{}”", clean(t, false)))
}

fn or_none(value: Option<&str>, none: &str) -> String {
    value.map_or_else(|| none.to_owned(), you::id)
}

/// One change in words: `rating of Coaching (coaching): basic → working`.
pub fn describe(ladder: &Ladder, entry: &LogEntry) -> String {
    let skill = entry.skill.as_deref().map_or_else(String::new, |s| {
        format!("{} ({})", you::skill_name(ladder, s), you::id(s))
    });
    let at = entry
        .level
        .as_deref()
        .map_or_else(String::new, |l| format!(" at {}", you::id(l)));
    let (from, to) = (entry.from.as_deref(), entry.to.as_deref());
    match entry.change {
        Change::Added => format!("added {skill}{at} to the plan"),
        Change::Removed => format!("removed {skill}{at} from the plan"),
        Change::Status => format!(
            "status of {skill}{at}: {} → {}",
            or_none(from, "—"),
            or_none(to, "—")
        ),
        Change::Rating => format!(
            "rating of {skill}: {} → {}",
            or_none(from, "not rated"),
            or_none(to, "not rated")
        ),
        Change::Evidence => match (from, to) {
            (None, Some(_)) => format!("evidence for {skill}{at}: {}", quoted(to)),
            (Some(_), None) => format!("evidence removed from {skill}{at}: {}", quoted(from)),
            _ => format!(
                "evidence for {skill}{at} edited: {} → {}",
                quoted(from),
                quoted(to)
            ),
        },
        Change::Current => format!(
            "current level: {} → {}",
            or_none(from, "none"),
            or_none(to, "none")
        ),
        Change::Target => format!(
            "target: {} → {}",
            or_none(from, "none"),
            or_none(to, "none")
        ),
    }
}

pub fn text(ladder: &Ladder, entries: &[&LogEntry]) -> String {
    if entries.is_empty() {
        return "No changes logged yet: ratings, statuses, evidence, the current level and the \
                target are logged as they change.\n"
            .to_owned();
    }
    entries
        .iter()
        .map(|e| format!("{}  {}\n", e.date, describe(ladder, e)))
        .collect()
}

pub fn to_json(entries: &[&LogEntry]) -> Value {
    json!({
        "log": entries.iter().map(|e| json!({
            "date": e.date.to_string(),
            "change": e.change.name(),
            "skill": e.skill,
            "level": e.level,
            "from": e.from,
            "to": e.to,
        })).collect::<Vec<_>>(),
    })
}
