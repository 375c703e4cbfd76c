//! `rungs show LEVEL`: everything about one level, as text, markdown or JSON.
//!
//! Every string from content passes through [`one_line`] or the wrapping helpers before it is
//! written: a content folder may come from someone else, and its text must not drive the
//! reader's terminal.

use serde_json::{Value, json};

use super::lookup::find_level;
use super::output::{Out, emit, emit_json};
use super::{CliError, Format};
use crate::ladder::{Citation, Ladder, Level};
use crate::present::{
    PROFILE_HEADING, cell, direct_reports, experience_rows, level_names, one_line, pips,
    profile_figure, track_title, with_note, years,
};
use crate::text::{clean, pad, wrap};
use unicode_width::UnicodeWidthStr;

pub fn run(ladder: &Ladder, id: &str, format: Format, out: Out) -> Result<(), CliError> {
    let level = find_level(ladder, id)?;
    match format {
        Format::Text => emit(&text(ladder, level, out)),
        Format::Markdown => emit(&markdown(ladder, level)),
        Format::Json => emit_json(&json(ladder, level)),
    }
}

/// A level as JSON: the content model's fields, with each skill reference also carrying the
/// skill's name, category and numeric proficiency so a script needs no second lookup; the
/// equivalent levels; the skill profile per category; and the ladder's years axis the
/// explorer draws the experience on.
fn json(ladder: &Ladder, level: &Level) -> Value {
    let mut value = serde_json::to_value(level).unwrap_or(Value::Null);
    let skills: Vec<Value> = level
        .skills
        .iter()
        .map(|r| {
            let skill = ladder.skill(&r.skill);
            json!({
                "skill": r.skill,
                "name": skill.map(|s| s.name.as_str()),
                "category": skill.map(|s| s.category.as_str()),
                "proficiency": r.proficiency,
                "proficiency_value": r.proficiency.value(),
            })
        })
        .collect();
    let profile: Vec<Value> = ladder
        .skill_profile(level)
        .iter()
        .map(|p| {
            json!({
                "category": p.category.id,
                "name": p.category.name,
                "skills": p.skills,
                "mean": p.mean,
            })
        })
        .collect();
    let equivalents: Vec<&str> = ladder
        .equivalents_of(&level.id)
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    if let Value::Object(map) = &mut value {
        map.insert("skills".into(), Value::Array(skills));
        map.insert("sources".into(), sources_json(ladder, level));
        map.insert("equivalents".into(), json!(equivalents));
        map.insert("profile".into(), Value::Array(profile));
        map.insert("years_axis".into(), json!(ladder.years_axis()));
        map.insert("track_title".into(), json!(track_title(ladder, level)));
        let rungs = ladder
            .track_index(&level.track)
            .map_or(0, |t| ladder.levels_of_track(t).len());
        map.insert("track_rungs".into(), json!(rungs));
    }
    value
}

/// The sources a level cites, each an object with at least `id` and `title`: the whole
/// catalogue entry, or `{"id": null, "title": TEXT}` for a free-text citation.
fn sources_json(ladder: &Ladder, level: &Level) -> Value {
    let cited: Vec<Value> = ladder
        .citations(level)
        .into_iter()
        .map(|citation| match citation {
            Citation::Catalogued(source) => serde_json::to_value(source).unwrap_or(Value::Null),
            Citation::Text(text) => json!({ "id": null, "title": text }),
        })
        .collect();
    Value::Array(cited)
}

/// How a level's sources are listed to a reader: `Title — Author, Year`.
fn citation_labels(ladder: &Ladder, level: &Level) -> Vec<String> {
    ladder
        .citations(level)
        .iter()
        .map(Citation::label)
        .collect()
}

fn push_lines(out: &mut String, lines: Vec<String>) {
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
}

/// A section heading, wrapped, then styled line by line.
fn heading(out: &mut String, text: &str, style: Out) {
    out.push('\n');
    for line in wrap(text, style.width, "", "") {
        out.push_str(&style.heading(&line));
        out.push('\n');
    }
}

fn bullets(out: &mut String, items: &[String], width: usize) {
    for item in items {
        push_lines(out, wrap(&one_line(item), width, "  • ", "    "));
    }
}

/// `  Label            value`, the value's further lines under its first; on a terminal too
/// narrow for the two side by side, the label on a line of its own and the value under it.
fn field(out: &mut String, label: &str, value: &str, width: usize) {
    const LABEL: usize = 17;
    if width < LABEL + 2 + 20 {
        if !label.is_empty() {
            push_lines(out, wrap(label, width, "  ", "  "));
        }
        push_lines(out, wrap(&one_line(value), width, "    ", "    "));
        return;
    }
    let text = format!("  {label:<LABEL$}{}", one_line(value));
    let hang = " ".repeat(LABEL + 2);
    push_lines(out, wrap(&text, width, "", &hang));
}

/// Everything about one level, for a reader at a terminal, wrapped to `width` columns.
fn text(ladder: &Ladder, level: &Level, style: Out) -> String {
    let width = style.width;
    let mut out = String::new();
    let rungs = ladder
        .track_index(&level.track)
        .map_or(0, |t| ladder.levels_of_track(t).len());
    let title = one_line(&level.title);
    let head = format!(
        "{title}  ({} · {}, rung {} of {})",
        level.id,
        one_line(track_title(ladder, level)),
        level.rank,
        rungs
    );
    for (i, line) in wrap(&head, width, "", "  ").into_iter().enumerate() {
        // Styled after wrapping, so escapes never count as width.
        match line.strip_prefix(&title) {
            Some(rest) if i == 0 => out.push_str(&format!("{}{rest}\n", style.heading(&title))),
            _ => out.push_str(&format!("{line}\n")),
        }
    }
    out.push('\n');
    push_lines(&mut out, wrap(&level.summary, width, "", ""));
    out.push('\n');
    field(&mut out, "Scope", &level.scope, width);
    if !level.reports_to.is_empty() {
        let bosses = level_names(ladder, level.reports_to.iter().map(String::as_str));
        field(&mut out, "Reports to", &bosses, width);
    }
    if !level.reporting_note.is_empty() {
        field(&mut out, "", &level.reporting_note, width);
    }
    if let Some(direct) = &level.direct_reports {
        field(&mut out, "Direct reports", &direct_reports(direct), width);
    }
    field(&mut out, "Decisions", &level.decision_scope, width);
    if !level.example_titles.is_empty() {
        field(
            &mut out,
            "Example titles",
            &level.example_titles.join(", "),
            width,
        );
    }

    heading(&mut out, "Experience", style);
    for (label, range) in experience_rows(&level.experience) {
        field(
            &mut out,
            label,
            &with_note(&years(range), &range.note),
            width,
        );
    }
    let education = &level.education;
    let mut school = education.typical.clone();
    if !education.preferred.is_empty() {
        school.push_str(&format!("; preferred: {}", education.preferred));
    }
    field(
        &mut out,
        "Education",
        &with_note(&school, &education.note),
        width,
    );

    heading(&mut out, "Responsibilities", style);
    bullets(&mut out, &level.responsibilities, width);

    heading(&mut out, "Skills", style);
    for group in ladder.skills_by_category(level) {
        push_lines(&mut out, wrap(&group.category.name, width, "  ", "  "));
        for (skill, proficiency) in group.skills {
            // The id is coloured after wrapping, so escapes never count as width.
            let lead = format!("    {} {:<9} ", pips(proficiency), proficiency.name());
            let line = format!("{lead}{} ({})", one_line(&skill.name), skill.id);
            let hang = " ".repeat(lead.width());
            for line in wrap(&line, width, "", &hang) {
                let line = match line.strip_suffix(&format!("({})", skill.id)) {
                    Some(before) => format!("{before}({})", style.id(&skill.id)),
                    None => line,
                };
                out.push_str(&line);
                out.push('\n');
            }
        }
    }

    heading(&mut out, PROFILE_HEADING, style);
    let profile = ladder.skill_profile(level);
    let names: Vec<String> = profile.iter().map(|p| one_line(&p.category.name)).collect();
    let name_width = names.iter().map(|n| n.width()).max().unwrap_or(0);
    for (p, name) in profile.iter().zip(&names) {
        let line = format!(
            "  {}  {}",
            pad(name, name_width),
            profile_figure(p.skills, p.mean)
        );
        push_lines(&mut out, wrap(line.trim_end(), width, "", "    "));
    }

    if !level.move_up.is_empty() {
        heading(&mut out, "How to move up", style);
        bullets(&mut out, &level.move_up, width);
    }
    let equivalents = ladder.equivalents_of(&level.id);
    if !equivalents.is_empty() {
        let names = level_names(ladder, equivalents.iter().map(|l| l.id.as_str()));
        out.push('\n');
        field(&mut out, "Equivalent to", &names, width);
    }
    heading(&mut out, "Sources", style);
    bullets(&mut out, &citation_labels(ladder, level), width);
    out
}

/// Everything about one level as a markdown document.
fn markdown(ladder: &Ladder, level: &Level) -> String {
    let mut out = format!("# {}\n\n", one_line(&level.title));
    out.push_str(&format!(
        "`{}` · {} track, rung {}\n\n",
        level.id,
        one_line(track_title(ladder, level)),
        level.rank
    ));
    out.push_str(&format!("{}\n\n", clean(&level.summary, true)));
    out.push_str("| | |\n|---|---|\n");
    out.push_str(&format!("| Scope | {} |\n", cell(&level.scope)));
    let bosses = level_names(ladder, level.reports_to.iter().map(String::as_str));
    let reporting = with_note(&bosses, &level.reporting_note);
    if !reporting.is_empty() {
        out.push_str(&format!("| Reports to | {} |\n", cell(&reporting)));
    }
    if let Some(direct) = &level.direct_reports {
        out.push_str(&format!(
            "| Direct reports | {} |\n",
            cell(&direct_reports(direct))
        ));
    }
    out.push_str(&format!(
        "| Decisions | {} |\n",
        cell(&level.decision_scope)
    ));
    if !level.example_titles.is_empty() {
        out.push_str(&format!(
            "| Example titles | {} |\n",
            cell(&level.example_titles.join(", "))
        ));
    }
    for (label, range) in experience_rows(&level.experience) {
        let note = if range.note.is_empty() {
            String::new()
        } else {
            format!(" ({})", range.note)
        };
        out.push_str(&format!("| {label} | {}{} |\n", years(range), cell(&note)));
    }
    let education = with_note(&level.education.typical, &level.education.note);
    out.push_str(&format!("| Education | {} |\n", cell(&education)));
    if !level.education.preferred.is_empty() {
        out.push_str(&format!(
            "| Preferred | {} |\n",
            cell(&level.education.preferred)
        ));
    }
    let equivalents = ladder.equivalents_of(&level.id);
    if !equivalents.is_empty() {
        let names = level_names(ladder, equivalents.iter().map(|l| l.id.as_str()));
        out.push_str(&format!("| Equivalent to | {} |\n", cell(&names)));
    }

    out.push_str("\n## Responsibilities\n\n");
    for r in &level.responsibilities {
        out.push_str(&format!("- {}\n", one_line(r)));
    }
    out.push_str("\n## Skills\n\n| Category | Skill | Proficiency |\n|---|---|---|\n");
    for group in ladder.skills_by_category(level) {
        for (skill, proficiency) in group.skills {
            out.push_str(&format!(
                "| {} | {} (`{}`) | {} {} |\n",
                cell(&group.category.name),
                cell(&skill.name),
                skill.id,
                pips(proficiency),
                proficiency
            ));
        }
    }
    out.push_str(&format!(
        "\n## {PROFILE_HEADING}\n\n| Category | Skills | Mean |\n|---|---|---|\n"
    ));
    for p in ladder.skill_profile(level) {
        let mean = if p.skills == 0 {
            "—".to_owned()
        } else {
            format!("{:.1}", p.mean)
        };
        out.push_str(&format!(
            "| {} | {} | {mean} |\n",
            cell(&p.category.name),
            p.skills
        ));
    }
    if !level.move_up.is_empty() {
        out.push_str("\n## How to move up\n\n");
        for advice in &level.move_up {
            out.push_str(&format!("- {}\n", one_line(advice)));
        }
    }
    out.push_str("\n## Sources\n\n");
    for citation in ladder.citations(level) {
        let url = match citation {
            Citation::Catalogued(source) if !source.url.is_empty() => {
                format!(" <{}>", one_line(&source.url))
            }
            _ => String::new(),
        };
        out.push_str(&format!("- {}{url}\n", one_line(&citation.label())));
    }
    out
}
