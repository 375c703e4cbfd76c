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
use crate::compare::{Comparison, Duty, RangeComparison, Side, Status, compare};
use crate::ladder::{Ladder, Level, Proficiency, Range};
use crate::present::{
    DUTY_MARKS, FIELD_YEARS, MANAGING_YEARS, SKILL_MARKS, YearsScale, cell, change_words,
    duty_marker, headline, level_name, one_line, pips, relation_text, span_text, track_title,
    years_or_dash,
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

fn proficiency_text(p: Option<Proficiency>, with_pips: bool) -> String {
    match p {
        Some(p) if with_pips => format!("{} {}", pips(p), p.name()),
        Some(p) => p.name().to_owned(),
        None => "—".to_owned(),
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
                level.rank
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

    out.push('\n');
    let heading = format!("Experience (one axis, 0–{} years)", c.experience.axis_end);
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
    skills_text(&mut out, c, width);

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
fn skills_text(out: &mut String, c: &Comparison, width: usize) {
    const MARK: usize = 2;
    const GAP: usize = 2;
    let pips_width = "●●●● advanced".width();
    let plain_width = "advanced".width();
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
                if category != Some(&row.skill.category) {
                    category = Some(&row.skill.category);
                    let title = row
                        .category
                        .map_or(row.skill.category.as_str(), |c| c.name.as_str());
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
                            pad(&proficiency_text(row.a, with_pips), cell),
                            " ".repeat(GAP),
                            proficiency_text(row.b, with_pips)
                        )
                    } else {
                        format!("    {line}")
                    };
                    out.push_str(line.trim_end());
                    out.push('\n');
                }
            }
        }
        None => {
            for row in &c.skills {
                if category != Some(&row.skill.category) {
                    category = Some(&row.skill.category);
                    let title = row
                        .category
                        .map_or(row.skill.category.as_str(), |c| c.name.as_str());
                    for line in hanging(title, width - 2, "") {
                        out.push_str(&format!("  {line}\n"));
                    }
                }
                let mark = format!("  {} ", row.change.marker());
                push_wrapped(out, &row.skill.name, width, &mark);
                out.push_str(&format!("    A {}\n", proficiency_text(row.a, false)));
                out.push_str(&format!("    B {}\n", proficiency_text(row.b, false)));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown

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
        c.a.rank,
        cell(track_title(ladder, c.b)),
        c.b.rank
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
            proficiency_text(row.a, false),
            proficiency_text(row.b, false),
            change_words(row.change)
        ));
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
                "a": row.a,
                "b": row.b,
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
        "skills": skills,
        "responsibilities": {
            "a": duties(&c.responsibilities.a),
            "b": duties(&c.responsibilities.b),
        },
    })
}
