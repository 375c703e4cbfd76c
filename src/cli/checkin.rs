//! `rungs checkin FILE`: someone else's ratings of you (a plan file of the same format) beside
//! yours and beside what your target expects, disagreements first. Neither file is written.

use std::path::Path;

use serde_json::{Value, json};

use crate::ladder::Ladder;
use crate::plan::{Checkin, Plan, RatingScale, checkin, read_checkin_file};

use super::output::{Out, emit, emit_json, fit_lines};
use super::you::{self, You};
use super::{CliError, Format};
use crate::present;

pub fn run(you: &You, file: &Path, format: Format, out: Out) -> Result<(), CliError> {
    let theirs = read_checkin(file)?;
    let compared = checkin(you.plan(), &theirs, &you.ladder, &you.scale);
    match format {
        Format::Text => emit(&fit_lines(
            &text(&you.ladder, &you.scale, &compared),
            out.width,
        )),
        Format::Markdown => emit(&markdown(&you.ladder, &you.scale, &compared)),
        Format::Json => emit_json(&to_json(&you.ladder, &you.scale, &compared)),
    }
}

/// Reads another person's plan file (only reads it); every problem located.
pub fn read_checkin(file: &Path) -> Result<Plan, CliError> {
    read_checkin_file(file).map_err(CliError::Checkin)
}

fn target_line(ladder: &Ladder, compared: &Checkin<'_>) -> String {
    match compared.target {
        Some(level) => format!(
            "your target: {} ({})",
            you::level_title(ladder, &level.id),
            level.id
        ),
        None => "no target set (`rungs plan target LEVEL`): the expected column is empty".into(),
    }
}

pub fn text(ladder: &Ladder, scale: &RatingScale, compared: &Checkin<'_>) -> String {
    let mut out = format!(
        "Check-in: your ratings beside theirs; {}\n",
        target_line(ladder, compared)
    );
    let disagreements = compared.disagreements().count();
    out.push_str(&format!(
        "{disagreements} disagreement{} of a step or more (flagged ⚠, listed first)\n\n",
        if disagreements == 1 { "" } else { "s" }
    ));
    if compared.rows.is_empty() {
        out.push_str("Neither of you has rated a skill yet.\n");
        return out;
    }
    out.push_str("    you         theirs      expected    skill\n");
    for row in &compared.rows {
        let flag = if row.disagrees() { "⚠" } else { " " };
        out.push_str(&format!(
            "  {flag} {:<11} {:<11} {:<11} {} ({})\n",
            present::step_or_unrated(row.yours, scale),
            present::step_or_unrated(row.theirs, scale),
            row.expected.and_then(|r| scale.name(r)).unwrap_or("—"),
            you::skill_name(ladder, &row.skill),
            you::id(&row.skill)
        ));
    }
    out
}

pub fn markdown(ladder: &Ladder, scale: &RatingScale, compared: &Checkin<'_>) -> String {
    let mut out = format!("# Check-in\n\n{}.\n\n", target_line(ladder, compared));
    if compared.rows.is_empty() {
        out.push_str("Neither of you has rated a skill yet.\n");
        return out;
    }
    out.push_str("| | Skill | You | Them | Expected |\n|---|---|---|---|---|\n");
    for row in &compared.rows {
        out.push_str(&format!(
            "| {} | {} (`{}`) | {} | {} | {} |\n",
            if row.disagrees() { "⚠" } else { "" },
            you::skill_name(ladder, &row.skill).replace('|', "\\|"),
            you::id(&row.skill),
            present::step_or_unrated(row.yours, scale),
            present::step_or_unrated(row.theirs, scale),
            row.expected.and_then(|r| scale.name(r)).unwrap_or("—"),
        ));
    }
    out
}

pub fn to_json(ladder: &Ladder, scale: &RatingScale, compared: &Checkin<'_>) -> Value {
    json!({
        "target": compared.target.map(|l| l.id.as_str()),
        "disagreements": compared.disagreements().count(),
        "skills": compared.rows.iter().map(|row| json!({
            "skill": row.skill,
            "name": ladder.skill(&row.skill).map(|s| s.name.as_str()),
            "yours": you::step_json(row.yours, scale),
            "theirs": you::step_json(row.theirs, scale),
            "expected": you::step_json(row.expected, scale),
            "difference": row.difference(),
            "disagree": row.disagrees(),
        })).collect::<Vec<_>>(),
    })
}
