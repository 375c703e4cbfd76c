//! `rungs skills`: the skill catalogue, with the levels that expect each skill.

use serde_json::{Value, json};

use super::output::{Out, emit, emit_json, fit_lines};
use super::{CliError, ListFormat};
use crate::ladder::Ladder;
use crate::ladder::Proficiency;
use crate::present::{NOT_RATED, one_line, step_name};
use crate::text::wrap;

pub fn run(ladder: &Ladder, format: ListFormat, out: Out) -> Result<(), CliError> {
    match format {
        ListFormat::Text => emit(&fit_lines(&text(ladder, out), out.width)),
        ListFormat::Json => emit_json(&json(ladder)),
    }
}

/// Skills by category: id and name, the description, the rubric (what each step looks like),
/// then `expected at: level (step)`.
fn text(ladder: &Ladder, style: Out) -> String {
    let width = style.width;
    let mut out = String::new();
    for category in ladder.categories() {
        let skills: Vec<_> = ladder
            .skills()
            .iter()
            .filter(|s| s.category == category.id)
            .collect();
        if skills.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!(
            "{} ({})\n",
            style.heading(&one_line(&category.name)),
            category.id
        ));
        if !category.description.trim().is_empty() {
            for line in wrap(&category.description, width, "  ", "  ") {
                out.push_str(&line);
                out.push('\n');
            }
        }
        for skill in skills {
            out.push_str(&format!(
                "  {}  {}\n",
                style.id(&skill.id),
                one_line(&skill.name)
            ));
            for line in wrap(&one_line(&skill.description), width, "      ", "      ") {
                out.push_str(&line);
                out.push('\n');
            }
            for line in &skill.rubric {
                let first = format!("      {}: ", step_name(line.step, ladder.scale()));
                let rest = " ".repeat(8);
                for line in wrap(&line.text, width, &first, &rest) {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
            let levels: Vec<String> = ladder
                .levels_expecting(&skill.id)
                .into_iter()
                .map(|(level, p)| {
                    let step =
                        p.map_or_else(|| NOT_RATED.to_owned(), |p| step_name(p, ladder.scale()));
                    format!("{} ({step})", level.id)
                })
                .collect();
            let levels = if levels.is_empty() {
                "no level".to_owned()
            } else {
                levels.join(", ")
            };
            let lines = wrap(
                &format!("expected at: {levels}"),
                width,
                "      ",
                "        ",
            );
            for line in lines {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

fn json(ladder: &Ladder) -> Value {
    let skills: Vec<Value> = ladder
        .skills()
        .iter()
        .map(|skill| {
            let levels: Vec<Value> = ladder
                .levels_expecting(&skill.id)
                .into_iter()
                .map(|(level, p)| {
                    json!({
                        "level": level.id,
                        "title": level.title,
                        "proficiency": p.map(|p| ladder.scale().name(p)),
                        "proficiency_value": p.map(Proficiency::value),
                    })
                })
                .collect();
            json!({
                "id": skill.id,
                "name": skill.name,
                "category": skill.category,
                "category_name": ladder.category(&skill.category).map(|c| c.name.as_str()),
                "description": skill.description,
                "rubric": skill.rubric.iter().map(|line| json!({
                    "step": ladder.scale().name(line.step),
                    "step_value": line.step.value(),
                    "text": line.text,
                })).collect::<Vec<_>>(),
                "extra": skill.extra,
                "levels": levels,
            })
        })
        .collect();
    let scale: Vec<Value> = ladder
        .scale()
        .steps()
        .iter()
        .enumerate()
        .map(|(i, s)| json!({ "name": s.name, "value": i + 1, "description": s.description }))
        .collect();
    json!({ "scale": scale, "skills": skills })
}
