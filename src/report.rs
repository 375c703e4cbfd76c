//! Text, markdown and JSON renderings of ladder facts for the headless commands.
//!
//! Every string from content passes through [`clean`] before it is written: a content folder
//! may come from someone else, and its text must not drive the reader's terminal.

use serde_json::{Value, json};

use crate::ladder::{Experience, Ladder, Level, Proficiency, Range};
use crate::text::clean;

/// Output formats of the headless commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

fn one_line(text: &str) -> String {
    clean(text, false).into_owned()
}

/// Pips for a proficiency: `●●●○` for advanced.
pub fn pips(p: Proficiency) -> String {
    let filled = usize::from(p.value());
    let empty = usize::from(Proficiency::MAX).saturating_sub(filled);
    format!("{}{}", "●".repeat(filled), "○".repeat(empty))
}

/// `5–10 yrs`, `15+ yrs`, `~3–6 yrs (estimate)`.
pub fn years(range: &Range) -> String {
    let unit = if range.max == Some(1) && range.min <= 1 {
        "yr"
    } else {
        "yrs"
    };
    let estimate = if range.estimate { " (estimate)" } else { "" };
    format!("{} {unit}{estimate}", range.label())
}

fn level_name(ladder: &Ladder, id: &str) -> String {
    ladder.level(id).map_or_else(
        || id.to_owned(),
        |l| format!("{} ({})", one_line(&l.title), l.id),
    )
}

/// `Title (id), Title (id)` for a list of level ids.
fn level_names<'a>(ladder: &Ladder, ids: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<String> = ids.into_iter().map(|id| level_name(ladder, id)).collect();
    names.join(", ")
}

/// Tracks and their levels in order, lowest rung first.
pub fn list_text(ladder: &Ladder) -> String {
    let mut out = format!("{}\n", one_line(&ladder.info.name));
    for (t, track) in ladder.tracks().iter().enumerate() {
        out.push_str(&format!("\n{} ({})\n", one_line(&track.title), track.id));
        let levels = ladder.levels_of_track(t);
        let id_width = levels.iter().map(|l| l.id.len()).max().unwrap_or(0);
        for level in levels {
            out.push_str(&format!(
                "  {:>2}  {}  {}\n",
                level.rank,
                crate::text::pad_to(&level.id, id_width),
                one_line(&level.title)
            ));
        }
    }
    out
}

pub fn list_json(ladder: &Ladder) -> Value {
    let tracks: Vec<Value> = ladder
        .tracks()
        .iter()
        .enumerate()
        .map(|(t, track)| {
            let levels: Vec<Value> = ladder
                .levels_of_track(t)
                .iter()
                .map(|l| json!({ "id": l.id, "title": l.title, "rank": l.rank }))
                .collect();
            json!({
                "id": track.id,
                "title": track.title,
                "description": track.description,
                "order": track.order,
                "levels": levels,
            })
        })
        .collect();
    json!({ "ladder": ladder.info, "tracks": tracks })
}

/// A level as JSON: the content model's fields, with each skill reference also carrying the
/// skill's name, category and numeric proficiency so a script needs no second lookup.
pub fn level_json(ladder: &Ladder, level: &Level) -> Value {
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
    if let Value::Object(map) = &mut value {
        map.insert("skills".into(), Value::Array(skills));
        map.insert(
            "equivalents".into(),
            json!(
                ladder
                    .equivalents_of(&level.id)
                    .iter()
                    .map(|l| &l.id)
                    .collect::<Vec<_>>()
            ),
        );
    }
    value
}

/// Skill references grouped by category, in catalogue order of categories.
pub fn skills_by_category<'a>(
    ladder: &'a Ladder,
    level: &'a Level,
) -> Vec<(&'a str, Vec<(&'a str, Proficiency)>)> {
    let mut groups: Vec<(&str, Vec<(&str, Proficiency)>)> = Vec::new();
    for category in ladder.categories() {
        let members: Vec<(&str, Proficiency)> = level
            .skills
            .iter()
            .filter_map(|r| {
                let skill = ladder.skill(&r.skill)?;
                (skill.category == category.id).then_some((skill.name.as_str(), r.proficiency))
            })
            .collect();
        if !members.is_empty() {
            groups.push((category.name.as_str(), members));
        }
    }
    groups
}

fn wrap_into(out: &mut String, text: &str, width: usize, indent: &str) {
    let options = textwrap::Options::new(width.max(20))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .initial_indent(indent)
        .subsequent_indent(indent);
    for paragraph in clean(text, true).split('\n') {
        for line in textwrap::wrap(paragraph, &options) {
            out.push_str(&line);
            out.push('\n');
        }
    }
}

fn bullets(out: &mut String, items: &[String], width: usize) {
    let options = textwrap::Options::new(width.max(20))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .initial_indent("  • ")
        .subsequent_indent("    ");
    for item in items {
        for line in textwrap::wrap(&one_line(item), &options) {
            out.push_str(&line);
            out.push('\n');
        }
    }
}

fn field(out: &mut String, label: &str, value: &str, width: usize) {
    const LABEL: usize = 17;
    let options = textwrap::Options::new(width.max(LABEL + 20))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .initial_indent("")
        .subsequent_indent("                   ");
    let text = format!("  {label:<LABEL$}{}", one_line(value));
    for line in textwrap::wrap(&text, &options) {
        out.push_str(&line);
        out.push('\n');
    }
}

fn experience_lines(experience: &Experience) -> Vec<(&'static str, &Range)> {
    let mut lines = vec![("In the field", &experience.field)];
    if let Some(managing) = &experience.managing {
        lines.push(("Managing people", managing));
    }
    lines
}

/// Everything about one level, for a reader at a terminal, wrapped to `width` columns.
pub fn level_text(ladder: &Ladder, level: &Level, width: usize) -> String {
    let mut out = String::new();
    let track = ladder.track(&level.track);
    let track_title = track.map_or(level.track.as_str(), |t| t.title.as_str());
    let rungs = ladder
        .track_index(&level.track)
        .map_or(0, |t| ladder.levels_of_track(t).len());
    out.push_str(&format!(
        "{}  ({} · {}, rung {} of {})\n\n",
        one_line(&level.title),
        level.id,
        one_line(track_title),
        level.rank,
        rungs
    ));
    wrap_into(&mut out, &level.summary, width, "");
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
        let note = if direct.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", direct.note)
        };
        field(
            &mut out,
            "Direct reports",
            &format!("{}{note}", direct.label()),
            width,
        );
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

    out.push_str("\nExperience\n");
    for (label, range) in experience_lines(&level.experience) {
        let note = if range.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", range.note)
        };
        field(&mut out, label, &format!("{}{note}", years(range)), width);
    }
    let education = &level.education;
    let mut school = education.typical.clone();
    if !education.preferred.is_empty() {
        school.push_str(&format!("; preferred: {}", education.preferred));
    }
    if !education.note.is_empty() {
        school.push_str(&format!(" — {}", education.note));
    }
    field(&mut out, "Education", &school, width);

    out.push_str("\nResponsibilities\n");
    bullets(&mut out, &level.responsibilities, width);

    out.push_str("\nSkills\n");
    for (category, members) in skills_by_category(ladder, level) {
        out.push_str(&format!("  {}\n", one_line(category)));
        for (name, proficiency) in members {
            out.push_str(&format!(
                "    {} {:<9} {}\n",
                pips(proficiency),
                proficiency.name(),
                one_line(name)
            ));
        }
    }

    if !level.move_up.is_empty() {
        out.push_str("\nHow to move up\n");
        bullets(&mut out, &level.move_up, width);
    }
    let equivalents = ladder.equivalents_of(&level.id);
    if !equivalents.is_empty() {
        let names = level_names(ladder, equivalents.iter().map(|l| l.id.as_str()));
        out.push('\n');
        field(&mut out, "Equivalent to", &names, width);
    }
    out.push_str("\nSources\n");
    bullets(&mut out, &level.sources, width);
    out
}

/// Markdown cells must not break the table: no pipes or line breaks.
fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

/// `fact — note`, or whichever of the two is there.
fn with_note(fact: &str, note: &str) -> String {
    match (fact.is_empty(), note.is_empty()) {
        (_, true) => fact.to_owned(),
        (true, false) => note.to_owned(),
        (false, false) => format!("{fact} — {note}"),
    }
}

/// Everything about one level as a markdown document.
pub fn level_markdown(ladder: &Ladder, level: &Level) -> String {
    let mut out = format!("# {}\n\n", one_line(&level.title));
    let track_title = ladder
        .track(&level.track)
        .map_or(level.track.as_str(), |t| t.title.as_str());
    out.push_str(&format!(
        "`{}` · {} track, rung {}\n\n",
        level.id,
        one_line(track_title),
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
        let reports = with_note(&direct.label(), &direct.note);
        out.push_str(&format!("| Direct reports | {} |\n", cell(&reports)));
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
    for (label, range) in experience_lines(&level.experience) {
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
    for (category, members) in skills_by_category(ladder, level) {
        for (name, proficiency) in members {
            out.push_str(&format!(
                "| {} | {} | {} {} |\n",
                cell(category),
                cell(name),
                pips(proficiency),
                proficiency
            ));
        }
    }
    if !level.move_up.is_empty() {
        out.push_str("\n## How to move up\n\n");
        for advice in &level.move_up {
            out.push_str(&format!("- {}\n", one_line(advice)));
        }
    }
    out.push_str("\n## Sources\n\n");
    for source in &level.sources {
        out.push_str(&format!("- {}\n", one_line(source)));
    }
    out
}
