//! `rungs skills`: the skill catalogue, with the levels that expect each skill.

use serde_json::{Value, json};

use super::output::{Out, emit, emit_json, fit_lines};
use super::{CliError, ListFormat};
use crate::ladder::Ladder;
use crate::present::one_line;
use crate::text::wrap;

pub fn run(ladder: &Ladder, format: ListFormat, out: Out) -> Result<(), CliError> {
    match format {
        ListFormat::Text => emit(&fit_lines(&text(ladder, out), out.width)),
        ListFormat::Json => emit_json(&json(ladder)),
    }
}

/// Skills by category: id and name, the description, then `expected at: level (proficiency)`.
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
            let levels: Vec<String> = ladder
                .levels_expecting(&skill.id)
                .into_iter()
                .map(|(level, p)| format!("{} ({p})", level.id))
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
                        "proficiency": p,
                        "proficiency_value": p.value(),
                    })
                })
                .collect();
            json!({
                "id": skill.id,
                "name": skill.name,
                "category": skill.category,
                "category_name": ladder.category(&skill.category).map(|c| c.name.as_str()),
                "description": skill.description,
                "levels": levels,
            })
        })
        .collect();
    json!({ "skills": skills })
}
