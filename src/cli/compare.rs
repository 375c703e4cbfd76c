//! `rungs compare A B`: a [`Comparison`] as text in two columns, markdown tables or JSON.
//!
//! Text from content passes through [`crate::text::clean`] (inside the wrapping helpers and
//! [`one_line`]) before it is written. Widths are display widths (unicode-width), never byte
//! lengths, so CJK titles and emoji line up.

use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use super::lookup::find_level;
use super::output::{Out, emit, emit_json};
use super::{CliError, Format};
use crate::compare::{Comparison, Duty, RangeComparison, Side, SkillRow, Status, compare};
use crate::ladder::{CompanySize, Ladder, Level, Proficiency, Range, Scale, SkillRef};
use crate::present::{
    DUTY_MARKS, FIELD_YEARS, MANAGING_YEARS, NOT_RATED, SKILL_MARKS, YearsScale, cell,
    change_words, company_size_label, company_size_line, duty_marker, headline, level_name,
    one_line, pips, relation_text, rung, span_text, step_name, track_title, years_or_dash,
};
use crate::text::{fit, pad, wrap};

/// Finds both levels (a usage error naming the closest ids for an unknown one) and prints
/// the comparison.
pub fn run(ladder: &Ladder, a: &str, b: &str, format: Format, out: Out) -> Result<(), CliError> {
    let a = find_level(ladder, a)?;
    let b = find_level(ladder, b)?;
    let comparison = compare(ladder, a, b);
    match format {
        Format::Text => emit(&text(ladder, &comparison, out.width)),
        Format::Markdown => emit(&markdown(ladder, &comparison)),
        Format::Json => emit_json(&json(ladder, &comparison)),
    }
}

/// One side of a skill row: `—` where the level does not name the skill, `not rated` where
/// it names it without a step.
fn proficiency_text(reference: Option<&SkillRef>, scale: &Scale, with_pips: bool) -> String {
    match reference.map(|r| r.proficiency) {
        Some(Some(p)) if with_pips => format!("{} {}", pips(p, scale), step_name(p, scale)),
        Some(Some(p)) => step_name(p, scale),
        Some(None) => NOT_RATED.to_owned(),
        None => "—".to_owned(),
    }
}

/// Each side's statements about the skill at its level, A's then B's, under the skill, so
/// what a skill looks like at A and at B reads side by side. Line breaks inside a statement
/// are kept.
fn statements_text(out: &mut String, row: &SkillRow<'_>, width: usize) {
    for (letter, reference) in [("A", row.a_ref), ("B", row.b_ref)] {
        let Some(reference) = reference else { continue };
        for statement in &reference.expectations {
            for (i, paragraph) in statement.split('\n').enumerate() {
                let first = if i == 0 {
                    format!("      {letter} – ")
                } else {
                    "        ".to_owned()
                };
                push_wrapped(out, paragraph, width, &first);
            }
        }
        for example in &reference.examples {
            push_wrapped(out, example, width, &format!("      {letter} e.g. "));
        }
    }
}

/// Content `text` on one line, wrapped to `width` columns; `first` goes before the first
/// line and spaces of the same width before the others.
fn hanging(text: &str, width: usize, first: &str) -> Vec<String> {
    let hang = " ".repeat(first.width());
    wrap(&one_line(text), width, first, &hang)
}

// ---------------------------------------------------------------------------------------------
// Text

/// Appends `text` wrapped to `width` columns, one line each; `first` as in [`wrap`].
fn push_wrapped(out: &mut String, text: &str, width: usize, first: &str) {
    for line in hanging(text, width, first) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// Two columns side by side, `left` padded to `left_width`, with `gutter` between.
struct Columns {
    left: usize,
    right: usize,
}

impl Columns {
    const INDENT: &'static str = "  ";

    /// Splits `width` into two columns after a two-space indent and a three-column gutter.
    fn for_width(width: usize) -> Columns {
        let room = width.saturating_sub(Self::INDENT.len() + 3).max(2);
        let left = room / 2;
        Columns {
            left,
            right: room - left,
        }
    }

    fn push(&self, out: &mut String, left: &[String], right: &[String], gutter: char) {
        for i in 0..left.len().max(right.len()) {
            let l = left.get(i).map_or("", String::as_str);
            let r = right.get(i).map_or("", String::as_str);
            let line = format!("{}{} {gutter} {r}", Self::INDENT, pad(l, self.left));
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }

    fn push_text(&self, out: &mut String, a: Option<&str>, b: Option<&str>, status: Status) {
        let side =
            |t: Option<&str>, w| t.map_or_else(|| vec!["—".to_owned()], |t| hanging(t, w, ""));
        let gutter = if status == Status::Same { '=' } else { '│' };
        self.push(out, &side(a, self.left), &side(b, self.right), gutter);
    }
}

/// Two columns fitting `width` display columns: A on the left, B on the right. Readable
/// without colour: `=` in the gutter marks a row that is the same on both sides; skills carry
/// `+ − ↑ ↓`; duties `+` (new at B), `−` (only at A) and `=` (at both).
fn text(ladder: &Ladder, c: &Comparison, width: usize) -> String {
    let width = width.max(20);
    let cols = Columns::for_width(width);
    let mut out = String::new();

    let header = |level: &Level| {
        vec![
            one_line(&level.title),
            format!(
                "{} · {}, rung {}",
                level.id,
                one_line(track_title(ladder, level)),
                rung(ladder, level)
            ),
        ]
    };
    let wrap_all = |lines: Vec<String>, w| lines.iter().flat_map(|l| hanging(l, w, "")).collect();
    let a_head: Vec<String> = wrap_all(header(c.a), cols.left.saturating_sub(3));
    let b_head: Vec<String> = wrap_all(header(c.b), cols.right.saturating_sub(3));
    let tag = |lines: Vec<String>, letter: &str| -> Vec<String> {
        lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    format!("{letter}: {l}")
                } else {
                    format!("   {l}")
                }
            })
            .collect()
    };
    cols.push(&mut out, &tag(a_head, "A"), &tag(b_head, "B"), '│');
    out.push('\n');
    push_wrapped(&mut out, &relation_text(ladder, c), width, "");
    push_wrapped(&mut out, &headline(&c.headline), width, "Changes: ");

    for row in &c.facts {
        if row.a.is_none() && row.b.is_none() {
            continue;
        }
        out.push_str(&format!("\n{}\n", row.fact.label()));
        cols.push_text(&mut out, row.a.as_deref(), row.b.as_deref(), row.status);
    }
    for (key, a, b) in company_sizes(c) {
        let status = match (&a, &b) {
            (Some(a), Some(b)) if a == b => Status::Same,
            (Some(_), Some(_)) => Status::Changed,
            (Some(_), None) => Status::OnlyA,
            _ => Status::OnlyB,
        };
        out.push('\n');
        let heading = format!("Scope in a {}", company_size_label(key).to_lowercase());
        push_wrapped(&mut out, &heading, width, "");
        cols.push_text(&mut out, a.as_deref(), b.as_deref(), status);
    }

    out.push('\n');
    let stated = [&c.experience.field, &c.experience.managing]
        .iter()
        .any(|r| r.a.is_some() || r.b.is_some());
    let heading = if stated {
        format!("Experience (one axis, 0–{} years)", c.experience.axis_end)
    } else {
        "Experience: not stated at either level".to_owned()
    };
    push_wrapped(&mut out, &heading, width, "");
    for (label, range) in [
        (FIELD_YEARS, &c.experience.field),
        (MANAGING_YEARS, &c.experience.managing),
    ] {
        if range.a.is_none() && range.b.is_none() {
            continue;
        }
        for line in hanging(
            &format!("{label}: {}", span_text(range)),
            width.saturating_sub(2),
            "",
        ) {
            out.push_str(&format!("  {line}\n"));
        }
        let axis = c.experience.axis_end;
        // Both bars the same width so that one year is the same length on both sides.
        let bar_width = cols.left.min(cols.right);
        let side = |r: Option<&Range>, w: usize| {
            let mut lines = hanging(&years_or_dash(r), w, "");
            if let Some(r) = r {
                lines.push(bar(r, axis, bar_width));
            }
            lines
        };
        let a = side(range.a, cols.left);
        let b = side(range.b, cols.right);
        let gutter = if range.status == Status::Same {
            '='
        } else {
            '│'
        };
        cols.push(&mut out, &a, &b, gutter);
    }

    out.push('\n');
    push_wrapped(&mut out, &format!("Skills  ({SKILL_MARKS})"), width, "");
    skills_text(&mut out, c, ladder.scale(), width);

    out.push('\n');
    push_wrapped(
        &mut out,
        &format!("Responsibilities  ({DUTY_MARKS})"),
        width,
        "",
    );
    for (a, b) in c.responsibilities.rows() {
        let cell = |d: Option<&Duty>, side, w| {
            d.map_or_else(Vec::new, |d| {
                hanging(d.text, w, &format!("{} ", duty_marker(d, side)))
            })
        };
        cols.push(
            &mut out,
            &cell(a, Side::A, cols.left),
            &cell(b, Side::B, cols.right),
            '│',
        );
    }
    out
}

/// A range drawn on the axis `0..=axis_end` years in `width` cells: `█` for the years it
/// covers (an open-ended range runs to the end, with `▶`), `░` for the rest.
fn bar(range: &Range, axis_end: u32, width: usize) -> String {
    let (before, bar, after) = YearsScale::new(axis_end, width).bar(range, "█");
    format!("{}{bar}{}", "░".repeat(before), "░".repeat(after))
}

/// Skills as a table (name, A, B) when there is room, else each skill over two lines.
fn skills_text(out: &mut String, c: &Comparison, scale: &Scale, width: usize) {
    const MARK: usize = 2;
    const GAP: usize = 2;
    let plain_width = scale
        .steps()
        .iter()
        .map(|s| one_line(&s.name).width())
        .chain([NOT_RATED.width()])
        .max()
        .unwrap_or(0);
    let pips_width = usize::from(scale.max()) + 1 + plain_width;
    let table = [(pips_width, true, 16), (plain_width, false, 12)]
        .into_iter()
        .find_map(|(cell, with_pips, least)| {
            let name = width.checked_sub(2 + MARK + 2 * (GAP + cell))?;
            // No wider than the longest name, so the proficiencies stay near the names.
            let longest = c.skills.iter().map(|r| r.skill.name.width()).max();
            let name = name.min(longest.unwrap_or(0).max(least));
            (name >= least).then_some((cell, with_pips, name))
        });
    let mut category = None;
    match table {
        Some((cell, with_pips, name_width)) => {
            let head = format!(
                "  {}{}{}{}{}",
                " ".repeat(MARK),
                pad("", name_width),
                " ".repeat(GAP),
                pad(&fit(&format!("A {}", c.a.id), cell), cell),
                " ".repeat(GAP) + &fit(&format!("B {}", c.b.id), cell),
            );
            out.push_str(head.trim_end());
            out.push('\n');
            for row in &c.skills {
                if let Some(title) = category_change(&mut category, row) {
                    out.push_str(&format!("  {}\n", fit(&one_line(title), width - 2)));
                }
                let names = hanging(&row.skill.name, name_width, "");
                for (i, line) in names.iter().enumerate() {
                    let line = if i == 0 {
                        format!(
                            "  {} {}{}{}{}{}",
                            row.change.marker(),
                            pad(line, name_width),
                            " ".repeat(GAP),
                            pad(&proficiency_text(row.a_ref, scale, with_pips), cell),
                            " ".repeat(GAP),
                            proficiency_text(row.b_ref, scale, with_pips)
                        )
                    } else {
                        format!("    {line}")
                    };
                    out.push_str(line.trim_end());
                    out.push('\n');
                }
                statements_text(out, row, width);
            }
        }
        None => {
            for row in &c.skills {
                if let Some(title) = category_change(&mut category, row) {
                    for line in hanging(title, width - 2, "") {
                        out.push_str(&format!("  {line}\n"));
                    }
                }
                let mark = format!("  {} ", row.change.marker());
                push_wrapped(out, &row.skill.name, width, &mark);
                let a = proficiency_text(row.a_ref, scale, false);
                let b = proficiency_text(row.b_ref, scale, false);
                out.push_str(&format!("    A {a}\n"));
                out.push_str(&format!("    B {b}\n"));
                statements_text(out, row, width);
            }
        }
    }
}

/// The category's title when `row` starts a new category (rows come grouped by category);
/// `shown` holds the category of the rows before.
fn category_change<'a>(
    shown: &mut Option<&'a str>,
    row: &'a crate::compare::SkillRow<'_>,
) -> Option<&'a str> {
    if *shown == Some(row.skill.category.as_str()) {
        return None;
    }
    *shown = Some(row.skill.category.as_str());
    Some(
        row.category
            .map_or(row.skill.category.as_str(), |c| c.name.as_str()),
    )
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// Text for a markdown list item: line breaks become indented continuation lines.
fn md_item(text: &str) -> String {
    crate::text::clean(text, true)
        .split('\n')
        .collect::<Vec<_>>()
        .join("  \n  ")
}

/// The comparison as markdown tables, to paste into a document or a promotion case.
fn markdown(ladder: &Ladder, c: &Comparison) -> String {
    let mut out = format!(
        "# {} → {}\n\n{}\n\n**What changes:** {}\n\n",
        one_line(&c.a.title),
        one_line(&c.b.title),
        relation_text(ladder, c),
        headline(&c.headline)
    );
    out.push_str(&format!(
        "| | A: {} | B: {} |\n|---|---|---|\n",
        cell(&level_name(c.a)),
        cell(&level_name(c.b))
    ));
    out.push_str(&format!(
        "| Track | {}, rung {} | {}, rung {} |\n",
        cell(track_title(ladder, c.a)),
        rung(ladder, c.a),
        cell(track_title(ladder, c.b)),
        rung(ladder, c.b)
    ));
    for row in &c.facts {
        if row.a.is_none() && row.b.is_none() {
            continue;
        }
        let side = |t: Option<&str>| t.map_or_else(|| "—".to_owned(), cell);
        let same = if row.status == Status::Same {
            " (same)"
        } else {
            ""
        };
        out.push_str(&format!(
            "| {}{same} | {} | {} |\n",
            row.fact.label(),
            side(row.a.as_deref()),
            side(row.b.as_deref())
        ));
    }
    for (label, range) in [
        ("Years in the field", &c.experience.field),
        ("Years managing people", &c.experience.managing),
    ] {
        if range.a.is_none() && range.b.is_none() {
            continue;
        }
        out.push_str(&format!(
            "| {label} ({}) | {} | {} |\n",
            cell(&span_text(range)),
            years_or_dash(range.a),
            years_or_dash(range.b)
        ));
    }

    out.push_str("\n## Skills\n\n| Category | Skill | A | B | Change |\n|---|---|---|---|---|\n");
    for row in &c.skills {
        let category = row
            .category
            .map_or(row.skill.category.as_str(), |c| c.name.as_str());
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(category),
            cell(&row.skill.name),
            cell(&proficiency_text(row.a_ref, ladder.scale(), false)),
            cell(&proficiency_text(row.b_ref, ladder.scale(), false)),
            change_words(row.change)
        ));
    }

    // What each skill looks like at A and at B, where either level says.
    let mut statements = String::new();
    for row in &c.skills {
        let said = |r: Option<&SkillRef>| {
            r.is_some_and(|r| !r.expectations.is_empty() || !r.examples.is_empty())
        };
        if !said(row.a_ref) && !said(row.b_ref) {
            continue;
        }
        statements.push_str(&format!("\n### {}\n", one_line(&row.skill.name)));
        for (letter, reference) in [("A", row.a_ref), ("B", row.b_ref)] {
            let Some(reference) = reference.filter(|r| said(Some(r))) else {
                continue;
            };
            statements.push_str(&format!("\n**{letter}:**\n\n"));
            for e in &reference.expectations {
                statements.push_str(&format!("- {}\n", md_item(e)));
            }
            for e in &reference.examples {
                statements.push_str(&format!("- *Example:* {}\n", md_item(e)));
            }
        }
    }
    if !statements.is_empty() {
        out.push_str("\n## What the skills look like at A and at B\n");
        out.push_str(&statements);
    }

    out.push_str("\n## Responsibilities\n\n`+` new at B, `−` only at A, `=` at both.\n\n| A | B |\n|---|---|\n");
    for (a, b) in c.responsibilities.rows() {
        let side = |d: Option<&Duty>, s| {
            d.map_or_else(String::new, |d| {
                format!("{} {}", duty_marker(d, s), cell(d.text))
            })
        };
        out.push_str(&format!(
            "| {} | {} |\n",
            side(a, Side::A),
            side(b, Side::B)
        ));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// JSON

fn range_json(range: Option<&Range>) -> Value {
    range.map_or(
        Value::Null,
        |r| json!({ "min": r.min, "max": r.max, "estimate": r.estimate, "label": r.label() }),
    )
}

fn range_comparison_json(range: &RangeComparison) -> Value {
    json!({
        "a": range_json(range.a),
        "b": range_json(range.b),
        "status": range.status,
        "span": range.span,
        "min_delta": range.min_delta,
    })
}

/// The comparison as JSON; the field names are documented in the README and kept stable.
/// Each company size either level describes: (key, A's marked line, B's marked line).
fn company_sizes(c: &Comparison) -> Vec<(&'static str, Option<String>, Option<String>)> {
    CompanySize::SIZES
        .into_iter()
        .map(|key| {
            (
                key,
                company_size_line(c.a, key),
                company_size_line(c.b, key),
            )
        })
        .filter(|(_, a, b)| a.is_some() || b.is_some())
        .collect()
}

fn json(ladder: &Ladder, c: &Comparison) -> Value {
    let level = |l: &Level| {
        json!({
            "id": l.id,
            "title": l.title,
            "track": l.track,
            "track_title": track_title(ladder, l),
            "rank": l.rank,
        })
    };
    let facts: Vec<Value> = c
        .facts
        .iter()
        .map(|row| {
            json!({
                "fact": row.fact,
                "a": row.a.as_deref(),
                "b": row.b.as_deref(),
                "status": row.status,
            })
        })
        .collect();
    let skills: Vec<Value> = c
        .skills
        .iter()
        .map(|row| {
            json!({
                "skill": row.skill.id,
                "name": row.skill.name,
                "category": row.skill.category,
                "a": row.a.map(|p| ladder.scale().name(p)),
                "b": row.b.map(|p| ladder.scale().name(p)),
                "a_value": row.a.map(Proficiency::value),
                "b_value": row.b.map(Proficiency::value),
                "at_a": row.a_ref.is_some(),
                "at_b": row.b_ref.is_some(),
                "a_expectations": row.a_ref.map_or(&[][..], |r| &r.expectations[..]),
                "b_expectations": row.b_ref.map_or(&[][..], |r| &r.expectations[..]),
                "a_examples": row.a_ref.map_or(&[][..], |r| &r.examples[..]),
                "b_examples": row.b_ref.map_or(&[][..], |r| &r.examples[..]),
                "change": row.change,
                "steps": row.steps(),
            })
        })
        .collect();
    let duties = |list: &[Duty]| -> Vec<Value> {
        list.iter()
            .map(|d| json!({ "text": d.text, "shared": d.shared }))
            .collect()
    };
    let mut summary = serde_json::to_value(c.headline).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut summary {
        map.insert("text".into(), Value::String(headline(&c.headline)));
    }
    json!({
        "a": level(c.a),
        "b": level(c.b),
        "relation": c.relation,
        "headline": summary,
        "facts": facts,
        "experience": {
            "axis_end": c.experience.axis_end,
            "field": range_comparison_json(&c.experience.field),
            "managing": range_comparison_json(&c.experience.managing),
        },
        "company_size": company_sizes(c)
            .into_iter()
            .map(|(key, a, b)| json!({ "size": key, "a": a, "b": b }))
            .collect::<Vec<_>>(),
        "skills": skills,
        "responsibilities": {
            "a": duties(&c.responsibilities.a),
            "b": duties(&c.responsibilities.b),
        },
    })
}
