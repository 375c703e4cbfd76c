//! `rungs show LEVEL`: everything about one level, as text, markdown or JSON.
//!
//! Every string from content passes through [`one_line`] or the wrapping helpers before it is
//! written: a content folder may come from someone else, and its text must not drive the
//! reader's terminal.

use serde_json::{Value, json};

use super::lookup::find_level;
use super::output::{Out, emit, emit_json};
use super::{CliError, Format};
use crate::ladder::{Citation, Ladder, Level, Proficiency, SkillRef};
use crate::present::{
    NOT_RATED, cell, company_size_lines, direct_reports, experience_rows, level_names, one_line,
    pips, profile_figure, profile_heading, rating, rung_of_track, step_name, track_title,
    with_note, years,
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

/// A level as JSON: the content model's fields (absent sections left out, `extra` kept),
/// with each skill reference also carrying the skill's name, category, step name and value,
/// expectations, examples and the rubric line of its step, so a script needs no second
/// lookup; the equivalent levels; the skill profile per category; and the ladder's years
/// axis the explorer draws the experience on.
fn json(ladder: &Ladder, level: &Level) -> Value {
    let mut value = serde_json::to_value(level).unwrap_or(Value::Null);
    let scale = ladder.scale();
    let skills: Vec<Value> = level
        .skills
        .iter()
        .map(|r| {
            let skill = ladder.skill(&r.skill);
            json!({
                "skill": r.skill,
                "name": skill.map(|s| s.name.as_str()),
                "category": skill.map(|s| s.category.as_str()),
                "proficiency": r.proficiency.map(|p| scale.name(p)),
                "proficiency_value": r.proficiency.map(Proficiency::value),
                "expectations": r.expectations,
                "examples": r.examples,
                "rubric": r.proficiency.and_then(|p| skill.and_then(|s| s.rubric_at(p))),
            })
        })
        .collect();
    // The categories the level rates skills in, as the explorer's chart lists them.
    let profile: Vec<Value> = ladder
        .skill_profile(level)
        .iter()
        .filter(|p| p.skills > 0)
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
        // Text the content leaves out is absent here too, not an empty string.
        map.retain(|_, v| v.as_str() != Some(""));
        map.insert("skills".into(), Value::Array(skills));
        map.insert("sources".into(), sources_json(ladder, level));
        map.insert("equivalents".into(), json!(equivalents));
        map.insert("profile".into(), Value::Array(profile));
        map.insert("years_axis".into(), json!(ladder.years_axis()));
        map.insert("track_title".into(), json!(track_title(ladder, level)));
        let (rung, rungs) = ladder.rung_of(&level.id).unwrap_or((0, 0));
        map.insert("track_rungs".into(), json!(rungs));
        map.insert("rung".into(), json!(rung));
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

/// Bullets; a line break inside an item starts a new line under the bullet, so a list
/// written inside a text stays a list.
fn bullets(out: &mut String, items: &[String], width: usize) {
    bullets_at(out, items, width, "  • ", "    ");
}

fn bullets_at(out: &mut String, items: &[String], width: usize, first: &str, rest: &str) {
    for item in items {
        push_lines(out, wrap(item, width, first, rest));
    }
}

/// A field shown only when the content states it.
fn stated_field(out: &mut String, label: &str, value: &str, width: usize) {
    if !value.trim().is_empty() {
        field(out, label, value, width);
    }
}

fn education_text(level: &Level) -> Option<String> {
    let education = level.education.as_ref()?;
    let mut school = education.typical.clone();
    if !education.preferred.is_empty() {
        school.push_str(&format!("; preferred: {}", education.preferred));
    }
    Some(with_note(&school, &education.note))
}

/// What a skill looks like at this level: the rubric's line for the expected step, the
/// level's statements, its examples.
fn skill_detail(out: &mut String, ladder: &Ladder, reference: &SkillRef, width: usize) {
    let rubric = reference
        .proficiency
        .and_then(|p| ladder.skill(&reference.skill).and_then(|s| s.rubric_at(p)));
    if let Some(rubric) = rubric {
        // On a very narrow terminal the long lead would leave no room for the text.
        let (first, rest) = if width >= 40 {
            ("      at this step: ", "        ")
        } else {
            ("  at this step: ", "    ")
        };
        bullets_at(out, &[rubric.to_owned()], width, first, rest);
    }
    bullets_at(out, &reference.expectations, width, "      – ", "        ");
    bullets_at(
        out,
        &reference.examples,
        width,
        "      e.g. ",
        "           ",
    );
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
/// Sections the content leaves out are left out here too.
fn text(ladder: &Ladder, level: &Level, style: Out) -> String {
    let width = style.width;
    let mut out = String::new();
    let title = one_line(&level.title);
    let head = format!(
        "{title}  ({} · {}, {})",
        level.id,
        one_line(track_title(ladder, level)),
        rung_of_track(ladder, level)
    );
    for (i, line) in wrap(&head, width, "", "  ").into_iter().enumerate() {
        // Styled after wrapping, so escapes never count as width.
        match line.strip_prefix(&title) {
            Some(rest) if i == 0 => out.push_str(&format!("{}{rest}\n", style.heading(&title))),
            _ => out.push_str(&format!("{line}\n")),
        }
    }
    out.push('\n');
    if !level.summary.trim().is_empty() {
        push_lines(&mut out, wrap(&level.summary, width, "", ""));
        out.push('\n');
    }
    stated_field(&mut out, "Scope", &level.scope, width);
    if !level.follows.is_empty() {
        let before = level_names(ladder, level.follows.iter().map(String::as_str));
        field(&mut out, "Follows", &before, width);
    }
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
    stated_field(&mut out, "Decisions", &level.decision_scope, width);
    if !level.example_titles.is_empty() {
        field(
            &mut out,
            "Example titles",
            &level.example_titles.join(", "),
            width,
        );
    }
    if !level.titles_by_function.is_empty() {
        heading(&mut out, "Titles by function", style);
        for (function, titles) in &level.titles_by_function {
            // The label column is fixed; a longer function name gets its own line.
            let label = one_line(function);
            if label.chars().count() < 16 {
                field(&mut out, &label, &titles.join(", "), width);
            } else {
                field(&mut out, &label, "", width);
                field(&mut out, "", &titles.join(", "), width);
            }
        }
    }
    if !level.company_size.is_empty() {
        heading(&mut out, "By company size", style);
        for (label, line) in company_size_lines(level) {
            field(&mut out, label, &line, width);
        }
    }

    let education = education_text(level);
    if level.experience.is_some() || education.is_some() {
        heading(&mut out, "Experience", style);
    }
    if let Some(experience) = &level.experience {
        for (label, range) in experience_rows(experience) {
            field(
                &mut out,
                label,
                &with_note(&years(range), &range.note),
                width,
            );
        }
    }
    if let Some(school) = education {
        field(&mut out, "Education", &school, width);
    }

    if !level.responsibilities.is_empty() {
        heading(&mut out, "Responsibilities", style);
        bullets(&mut out, &level.responsibilities, width);
    }

    let groups = ladder.skills_by_category(level);
    if !groups.is_empty() {
        heading(&mut out, "Skills", style);
    }
    let scale = ladder.scale();
    let name_width = scale
        .steps()
        .iter()
        .map(|s| one_line(&s.name).width())
        .max()
        .unwrap_or(0);
    let rating_width = usize::from(scale.max()) + 1 + name_width;
    for group in groups {
        push_lines(&mut out, wrap(&group.category.name, width, "  ", "  "));
        for (skill, reference) in group.skills {
            let rating = match reference.proficiency {
                Some(p) => format!(
                    "{} {}",
                    pips(p, scale),
                    pad(&step_name(p, scale), name_width)
                ),
                None => pad(&format!("({NOT_RATED})"), rating_width),
            };
            // The id is coloured after wrapping, so escapes never count as width.
            let lead = format!("    {rating} ");
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
            skill_detail(&mut out, ladder, reference, width);
        }
    }

    let profile: Vec<_> = ladder
        .skill_profile(level)
        .into_iter()
        .filter(|p| p.skills > 0)
        .collect();
    if !profile.is_empty() {
        heading(&mut out, &profile_heading(scale), style);
    }
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
    if !level.sources.is_empty() {
        heading(&mut out, "Sources", style);
        bullets(&mut out, &citation_labels(ladder, level), width);
    }
    // Sections left out must not leave gaps of blank lines behind.
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out
}

/// Text for a markdown list item: line breaks become indented continuation lines, so a list
/// inside the text stays readable and the item stays one item.
fn md_item(text: &str) -> String {
    clean(text, true)
        .split('\n')
        .collect::<Vec<_>>()
        .join("  \n  ")
}

/// Everything about one level as a markdown document.
fn markdown(ladder: &Ladder, level: &Level) -> String {
    let mut out = format!("# {}\n\n", one_line(&level.title));
    out.push_str(&format!(
        "`{}` · {} track, {}\n\n",
        level.id,
        one_line(track_title(ladder, level)),
        rung_of_track(ladder, level)
    ));
    if !level.summary.trim().is_empty() {
        out.push_str(&format!("{}\n\n", clean(&level.summary, true)));
    }
    let mut rows = String::new();
    if !level.scope.trim().is_empty() {
        rows.push_str(&format!("| Scope | {} |\n", cell(&level.scope)));
    }
    if !level.follows.is_empty() {
        let names = level_names(ladder, level.follows.iter().map(String::as_str));
        rows.push_str(&format!("| Follows | {} |\n", cell(&names)));
    }
    let bosses = level_names(ladder, level.reports_to.iter().map(String::as_str));
    let reporting = with_note(&bosses, &level.reporting_note);
    if !reporting.is_empty() {
        rows.push_str(&format!("| Reports to | {} |\n", cell(&reporting)));
    }
    if let Some(direct) = &level.direct_reports {
        rows.push_str(&format!(
            "| Direct reports | {} |\n",
            cell(&direct_reports(direct))
        ));
    }
    if !level.decision_scope.trim().is_empty() {
        rows.push_str(&format!(
            "| Decisions | {} |\n",
            cell(&level.decision_scope)
        ));
    }
    if !level.example_titles.is_empty() {
        rows.push_str(&format!(
            "| Example titles | {} |\n",
            cell(&level.example_titles.join(", "))
        ));
    }
    for (function, titles) in &level.titles_by_function {
        rows.push_str(&format!(
            "| Titles in {} | {} |\n",
            cell(function),
            cell(&titles.join(", "))
        ));
    }
    for (label, line) in company_size_lines(level) {
        rows.push_str(&format!("| {label} | {} |\n", cell(&line)));
    }
    if let Some(experience) = &level.experience {
        for (label, range) in experience_rows(experience) {
            let note = if range.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", range.note)
            };
            rows.push_str(&format!("| {label} | {}{} |\n", years(range), cell(&note)));
        }
    }
    if let Some(education) = &level.education {
        let typical = with_note(&education.typical, &education.note);
        rows.push_str(&format!("| Education | {} |\n", cell(&typical)));
        if !education.preferred.is_empty() {
            rows.push_str(&format!("| Preferred | {} |\n", cell(&education.preferred)));
        }
    }
    let equivalents = ladder.equivalents_of(&level.id);
    if !equivalents.is_empty() {
        let names = level_names(ladder, equivalents.iter().map(|l| l.id.as_str()));
        rows.push_str(&format!("| Equivalent to | {} |\n", cell(&names)));
    }
    if !rows.is_empty() {
        out.push_str("| | |\n|---|---|\n");
        out.push_str(&rows);
    }

    if !level.responsibilities.is_empty() {
        out.push_str("\n## Responsibilities\n\n");
        for r in &level.responsibilities {
            out.push_str(&format!("- {}\n", md_item(r)));
        }
    }
    let groups = ladder.skills_by_category(level);
    if !groups.is_empty() {
        out.push_str("\n## Skills\n\n| Category | Skill | Proficiency |\n|---|---|---|\n");
    }
    let scale = ladder.scale();
    let mut statements = String::new();
    for group in &groups {
        for (skill, reference) in &group.skills {
            out.push_str(&format!(
                "| {} | {} (`{}`) | {} |\n",
                cell(&group.category.name),
                cell(&skill.name),
                skill.id,
                cell(&rating(reference.proficiency, scale))
            ));
            let rubric = reference.proficiency.and_then(|p| skill.rubric_at(p));
            if rubric.is_some()
                || !reference.expectations.is_empty()
                || !reference.examples.is_empty()
            {
                statements.push_str(&format!("\n### {}\n\n", one_line(&skill.name)));
                if let Some(rubric) = rubric {
                    statements.push_str(&format!("*At this step:* {}\n\n", md_item(rubric)));
                }
                for e in &reference.expectations {
                    statements.push_str(&format!("- {}\n", md_item(e)));
                }
                for e in &reference.examples {
                    statements.push_str(&format!("- *Example:* {}\n", md_item(e)));
                }
            }
        }
    }
    if !statements.is_empty() {
        out.push_str("\n## What the skills look like at this level\n");
        out.push_str(&statements);
    }
    let profile: Vec<_> = ladder
        .skill_profile(level)
        .into_iter()
        .filter(|p| p.skills > 0)
        .collect();
    if !profile.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n| Category | Skills | Mean |\n|---|---|---|\n",
            profile_heading(ladder.scale())
        ));
    }
    for p in profile {
        out.push_str(&format!(
            "| {} | {} | {:.1} |\n",
            cell(&p.category.name),
            p.skills,
            p.mean
        ));
    }
    if !level.move_up.is_empty() {
        out.push_str("\n## How to move up\n\n");
        for advice in &level.move_up {
            out.push_str(&format!("- {}\n", md_item(advice)));
        }
    }
    if !level.sources.is_empty() {
        out.push_str("\n## Sources\n\n");
        for citation in ladder.citations(level) {
            let url = match citation {
                Citation::Catalogued(source) if !source.url.is_empty() => {
                    format!(" <{}>", one_line(&source.url))
                }
                _ => String::new(),
            };
            out.push_str(&format!("- {}{url}\n", md_item(&citation.label())));
        }
    }
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out
}
