//! `rungs import csv`: a spreadsheet export, one row per statement about one skill at one
//! level. Columns are found by their header, in any order and any case.

use super::Imported;
use super::draft::{Draft, Statement, parse_step};
use super::report::ReportKind;
use crate::ladder::{Problem, Scale, ScaleStep};

/// What the command line adds to the file.
#[derive(Debug, Clone, Default)]
pub struct CsvOptions {
    /// `--scale`: the steps' names, lowest first; `None` for rungs' four steps.
    pub scale: Option<Vec<String>>,
}

/// The columns rungs knows, by their lower-case header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Level,
    Skill,
    Track,
    Family,
    Rank,
    Title,
    Follows,
    Category,
    Proficiency,
    Expectation,
    Example,
    Summary,
    Scope,
}

impl Column {
    fn from_header(header: &str) -> Option<Column> {
        Some(match header.trim().to_lowercase().as_str() {
            "level" => Column::Level,
            "skill" => Column::Skill,
            "track" => Column::Track,
            "family" => Column::Family,
            "rank" => Column::Rank,
            "title" => Column::Title,
            "follows" => Column::Follows,
            "category" => Column::Category,
            "proficiency" => Column::Proficiency,
            "expectation" => Column::Expectation,
            "example" => Column::Example,
            "summary" => Column::Summary,
            "scope" => Column::Scope,
            _ => return None,
        })
    }
}

fn problem(file: &str, line: usize, column: usize, message: String) -> Problem {
    Problem {
        file: file.to_owned(),
        position: Some((line, column)),
        message: crate::text::escape_control(&message).into_owned(),
        excerpt: None,
        caret: 0,
    }
}

/// `,`, `;` or tab: whichever the header line holds most of (`,` on a tie or none).
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |d: char| header.chars().filter(|&c| c == d).count();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count(char::from(d)), d == b','))
        .unwrap_or(b',')
}

/// Where a quoted field opens and is never closed, as (line, column), if one does.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut line, mut column) = (1, 1);
    let mut at_field_start = true;
    let mut open: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match open {
            Some(_) if b == b'"' => {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                    column += 1;
                } else {
                    open = None;
                }
            }
            Some(_) => {}
            None if b == b'"' && at_field_start => open = Some((line, column)),
            None => {}
        }
        at_field_start = open.is_none() && (b == delimiter || b == b'\n' || b == b'\r');
        if b == b'\n' {
            line += 1;
            column = 1;
        } else if (b & 0xC0) != 0x80 {
            column += 1;
        }
        i += 1;
    }
    open
}

/// The scale proficiencies are read on: `--scale` or rungs' own.
fn scale_of(options: &CsvOptions, file: &str, problems: &mut Vec<Problem>) -> Option<Scale> {
    let names = options.scale.as_ref()?;
    let mut steps: Vec<ScaleStep> = Vec::new();
    for name in names {
        let name = name.trim();
        if name.is_empty() {
            problems.push(Problem::whole_file(file, "--scale has an empty step name"));
        } else if steps.iter().any(|s| s.name.eq_ignore_ascii_case(name)) {
            problems.push(Problem::whole_file(
                file,
                format!("--scale names step `{name}` twice"),
            ));
        } else {
            steps.push(ScaleStep {
                name: name.to_owned(),
                description: String::new(),
            });
        }
    }
    Some(Scale::new(steps))
}

/// Imports a CSV file's bytes; `file` is its name as given (for messages and the report).
/// On failure, every problem found, each at `FILE:LINE:COL`.
pub fn import_csv(
    file: &str,
    bytes: &[u8],
    options: &CsvOptions,
) -> Result<Imported, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(vec![problem(
                file,
                line,
                1,
                format!(
                    "not UTF-8 text (byte {}); save the sheet as UTF-8 CSV",
                    e.valid_up_to()
                ),
            )]);
        }
    };
    let delimiter = delimiter(text);
    if let Some((line, column)) = unclosed_quote(text, delimiter) {
        return Err(vec![problem(
            file,
            line,
            column,
            "this quote is never closed: the rest of the file would be one cell".into(),
        )]);
    }

    let mut problems = Vec::new();
    let scale = scale_of(options, file, &mut problems);
    let reading_scale = scale.clone().unwrap_or_default();
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(vec![problem(
                file,
                1,
                1,
                format!("cannot read the header row: {e}"),
            )]);
        }
    };
    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut extra_columns: Vec<(usize, String)> = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        let column = Column::from_header(header);
        if let Some(c) = column
            && columns.contains(&Some(c))
        {
            problems.push(problem(
                file,
                1,
                1,
                format!("column `{}` appears twice in the header row", header.trim()),
            ));
        }
        if column.is_none() {
            if header.trim().is_empty() {
                problems.push(problem(
                    file,
                    1,
                    1,
                    format!("column {} has no header", i + 1),
                ));
            } else {
                extra_columns.push((i, header.trim().to_owned()));
            }
        }
        columns.push(column);
    }
    for required in [Column::Level, Column::Skill] {
        if !columns.contains(&Some(required)) {
            problems.push(problem(
                file,
                1,
                1,
                format!(
                    "the header row has no `{required:?}` column (found: {})",
                    headers.iter().map(str::trim).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let index_of = |c: Column| columns.iter().position(|x| *x == Some(c));

    let mut draft = Draft::new(file, scale);
    let stem = std::path::Path::new(file).file_stem().map_or_else(
        || "Imported ladder".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    for (column, name) in &extra_columns {
        let _ = column;
        draft.report.note(
            ReportKind::Extra,
            file,
            format!("column \"{name}\" is kept in each level's `extra.{name}`, by skill"),
        );
    }
    let mut blank_rows = 0;
    let mut surplus_rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
                draft.problem(file, line, 1, format!("cannot read this row: {e}"));
                continue;
            }
        };
        let line = record
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        if record.iter().all(|cell| cell.trim().is_empty()) {
            blank_rows += 1;
            continue;
        }
        if record.len() > headers.len()
            && record
                .iter()
                .skip(headers.len())
                .any(|c| !c.trim().is_empty())
        {
            surplus_rows.push(line);
        }
        let cell = |c: Column| {
            index_of(c)
                .and_then(|i| record.get(i))
                .map_or("", str::trim)
        };
        let rank = match cell(Column::Rank) {
            "" => None,
            text => match text.parse::<u32>() {
                Ok(rank) => Some(rank),
                Err(_) => {
                    let at = index_of(Column::Rank).map_or(1, |i| i + 1);
                    draft.problem(
                        file,
                        line,
                        at,
                        format!("Rank \"{text}\" is not a whole number"),
                    );
                    None
                }
            },
        };
        let proficiency = match cell(Column::Proficiency) {
            "" => None,
            text => match parse_step(&reading_scale, text) {
                Some(p) => Some(p),
                None => {
                    let names: Vec<&str> = reading_scale
                        .steps()
                        .iter()
                        .map(|s| s.name.as_str())
                        .collect();
                    let at = index_of(Column::Proficiency).map_or(1, |i| i + 1);
                    draft.problem(
                        file,
                        line,
                        at,
                        format!(
                            "Proficiency \"{text}\" is not on the scale ({}, or 1–{}){}",
                            names.join(", "),
                            names.len(),
                            if options.scale.is_none() {
                                "; give the file's own steps with --scale"
                            } else {
                                ""
                            }
                        ),
                    );
                    None
                }
            },
        };
        let extra: Vec<(&str, &str)> = extra_columns
            .iter()
            .filter_map(|(i, name)| record.get(*i).map(|v| (name.as_str(), v.trim())))
            .collect();
        draft.add(&Statement {
            file,
            line,
            place: "",
            family: cell(Column::Family),
            track: cell(Column::Track),
            level: cell(Column::Level),
            title: cell(Column::Title),
            rank,
            follows: cell(Column::Follows),
            category: cell(Column::Category),
            skill: cell(Column::Skill),
            proficiency,
            expectation: cell(Column::Expectation),
            example: cell(Column::Example),
            summary: cell(Column::Summary),
            scope: cell(Column::Scope),
            extra,
        });
    }
    if blank_rows > 0 {
        draft.report.note(
            ReportKind::Repaired,
            file,
            format!(
                "{blank_rows} blank row{} skipped",
                if blank_rows == 1 { "" } else { "s" }
            ),
        );
    }
    for line in surplus_rows {
        draft.report.note(
            ReportKind::Dropped,
            format!("{file}:{line}"),
            "cells beyond the last named column are not kept".into(),
        );
    }
    draft.into_imported(&stem)
}
