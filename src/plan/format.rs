//! The plan file: TOML text to [`Plan`] and back, with every problem located.

use crate::ladder::{ParsedFile, Problem, SourceFile, Step};

use super::model::{PLAN_VERSION, PLAN_VERSION_1, Plan};

/// Whether this rungs reads plan files of `version`.
fn is_readable(version: u32) -> bool {
    (PLAN_VERSION_1..=PLAN_VERSION).contains(&version)
}

/// The first line of every saved plan, for a person who opens the file.
const HEADER: &str = "# rungs development plan. Hand edits are welcome; see \"Your development plan\" in \
                      rungs' README.\n# rungs rewrites this file when the plan changes: comments \
                      are not kept.\n\n";

/// Parses a plan file. `name` is how the file is named in messages (its path).
///
/// Versions 1 and 2 are read (a version 1 file is read as it is; it becomes version 2 at the
/// first save). A file written by a newer rungs (another `version`) is reported as such before
/// anything else, since its unknown fields would only be a symptom.
pub fn parse(name: &str, text: &str) -> Result<Plan, Vec<Problem>> {
    if text.len() >= PARSE_IN_HALVES_FROM
        && let Some(plan) = parse_in_halves(text)
        && is_readable(plan.version)
    {
        return Ok(plan);
    }
    match toml::from_str::<Plan>(text) {
        Ok(plan) if is_readable(plan.version) => Ok(plan),
        Ok(plan) => Err(locate(name, text, |parsed| {
            vec![version_problem(parsed, &plan.version.to_string())]
        })),
        Err(error) => Err(locate(name, text, |parsed| {
            if let Some(problem) = probe_version(parsed, text) {
                return vec![problem];
            }
            vec![parsed.problem_at(error.span(), error.message())]
        })),
    }
}

/// From this size on (about 1,000 items) a plan is parsed in two halves on two threads:
/// the TOML parser is the whole cost of loading a large plan.
const PARSE_IN_HALVES_FROM: usize = 200_000;

/// Parses the file as two halves split at an `[[items]]` header near the middle, on two
/// threads; `None` whenever that is not certain to equal a whole parse, and the caller then
/// parses the whole file. Safe because every problem makes a half fail: a split inside a
/// multi-line string leaves the first half with an unclosed string, and a top-level key in the
/// second half would land inside an item, where unknown keys are refused.
fn parse_in_halves(text: &str) -> Option<Plan> {
    /// What may follow an `[[items]]` header: more items, then the ratings and the log.
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Rest {
        items: Vec<super::model::PlanItem>,
        #[serde(default)]
        ratings: Vec<super::model::Rating>,
        #[serde(default)]
        log: Vec<super::model::LogEntry>,
    }
    const HEADER: &str = "\n[[items]]\n";
    let middle = text.len() / 2;
    let split = middle + text.get(middle..)?.find(HEADER)? + 1;
    let (first, second) = text.split_at(split);
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| toml::from_str::<Rest>(second));
        let first = toml::from_str::<Plan>(first);
        (first, second.join())
    });
    let mut plan = first.ok()?;
    let rest = second.ok()?.ok()?;
    // Each array keeps file order: the first half's entries come before the second half's.
    plan.items.extend(rest.items);
    plan.ratings.extend(rest.ratings);
    plan.log.extend(rest.log);
    Some(plan)
}

/// Builds located problems; a syntax error is reported (all of them) before anything else.
fn locate(
    name: &str,
    text: &str,
    problems: impl FnOnce(&ParsedFile<'_>) -> Vec<Problem>,
) -> Vec<Problem> {
    let source = SourceFile {
        name: name.to_owned(),
        text: text.to_owned(),
    };
    match ParsedFile::parse(&source) {
        Ok(parsed) => problems(&parsed),
        Err(syntax) => syntax,
    }
}

/// A problem when the file declares a version other than ours, whatever else is in it.
fn probe_version(parsed: &ParsedFile<'_>, text: &str) -> Option<Problem> {
    #[derive(serde::Deserialize)]
    struct Probe {
        version: Option<toml::Value>,
    }
    let version = toml::from_str::<Probe>(text).ok()?.version?;
    if version
        .as_integer()
        .and_then(|v| u32::try_from(v).ok())
        .is_some_and(is_readable)
    {
        return None;
    }
    Some(version_problem(parsed, &version.to_string()))
}

fn version_problem(parsed: &ParsedFile<'_>, found: &str) -> Problem {
    parsed.problem_at_path(
        &[Step::from("version")],
        &format!(
            "unsupported plan version {found}: this rungs reads versions {PLAN_VERSION_1} to \
             {PLAN_VERSION} (was the file written by a newer rungs?); the file is left as it is"
        ),
    )
}

/// The plan as the text of a plan file, always in the newest version: a version 1 plan is
/// written as version 2 with everything it held.
pub fn to_toml(plan: &Plan) -> Result<String, toml::ser::Error> {
    let body = if plan.version == PLAN_VERSION {
        toml::to_string(plan)?
    } else {
        toml::to_string(&Plan {
            version: PLAN_VERSION,
            ..plan.clone()
        })?
    };
    Ok(format!("{HEADER}{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{PlanItem, Status};

    /// A plan big enough to be parsed in halves, with notes chosen to trip a naive split.
    fn big_plan(note_for: impl Fn(usize) -> String) -> Plan {
        let added: toml::value::Datetime = "2026-01-05".parse().expect("date");
        let mut plan = Plan {
            target: Some("director".into()),
            ..Plan::default()
        };
        for i in 0..2_000 {
            let mut item = PlanItem::new(format!("skill-{i}"), "director", added);
            item.status = Status::ALL[i % 3];
            item.note = note_for(i);
            plan.items.push(item);
        }
        plan
    }

    fn whole_parse(text: &str) -> Plan {
        toml::from_str(text).expect("whole parse")
    }

    #[test]
    fn a_large_plan_parsed_in_halves_equals_the_whole_parse() {
        let plan = big_plan(|i| format!("note {i} with \"quotes\" and ünïcode"));
        let text = to_toml(&plan).expect("encodes");
        assert!(text.len() >= PARSE_IN_HALVES_FROM);
        let halves = parse_in_halves(&text).expect("splits");
        assert_eq!(halves, plan);
        assert_eq!(
            parse("plan.toml", &text).expect("parses"),
            whole_parse(&text)
        );
    }

    #[test]
    fn an_items_header_inside_a_note_never_splits_the_plan_wrongly() {
        // The first note is long enough to span the middle of the file, and after the middle
        // it holds what looks like the start of another item: the first `[[items]]` line
        // after the middle is inside that note.
        let fake = "\n[[items]]\nskill = \"fake\"\n";
        let plan = big_plan(|i| match i {
            0 => format!("{}{fake}end", "x".repeat(2 * PARSE_IN_HALVES_FROM)),
            _ => format!("note {i}"),
        });
        let text = to_toml(&plan).expect("encodes");
        let middle = text.len() / 2;
        let in_note = text.find(fake).expect("the fake header is in the file");
        assert!(
            in_note > middle && !text[middle..in_note].contains("\n[[items]]\n"),
            "the split point must fall inside the note"
        );
        assert_eq!(
            parse_in_halves(&text),
            None,
            "a split inside a note is refused"
        );
        assert_eq!(parse("plan.toml", &text).expect("parses"), plan);
    }

    #[test]
    fn a_problem_in_the_second_half_is_still_located() {
        let mut text = to_toml(&big_plan(|i| format!("note {i}"))).expect("encodes");
        text.push_str(
            "\n[[items]]\nskill = \"x\"\nlevel = \"y\"\nadded = 2026-01-05\nstauts = \"done\"\n",
        );
        let problems = parse("plan.toml", &text).expect_err("unknown field");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("stauts"), "{problems:?}");
        assert_eq!(
            problems[0].position.map(|p| p.0),
            Some(text.lines().count())
        );
    }

    #[test]
    fn an_unknown_field_is_located() {
        let text = "version = 1\n\n[[items]]\nskill = \"a\"\nlevel = \"b\"\nadded = 2026-01-05\nstauts = \"done\"\n";
        let problems = parse("plan.toml", text).expect_err("unknown field");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].position, Some((7, 1)), "{problems:?}");
        assert!(problems[0].message.contains("stauts"), "{problems:?}");
    }

    #[test]
    fn a_newer_version_is_reported_before_its_new_fields() {
        let text = "version = 3\nshiny = true\n";
        let problems = parse("plan.toml", text).expect_err("version 3");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].position, Some((1, 11)));
        assert!(problems[0].message.contains("unsupported plan version 3"));
    }

    #[test]
    fn a_syntax_error_is_located_and_escaped() {
        let text = "version = 1\ntarget = \"dir\u{1b}[31m\n";
        let problems = parse("plan.toml", text).expect_err("unterminated string");
        assert_eq!(problems[0].position.map(|p| p.0), Some(2));
        let rendered = problems[0].render();
        assert!(!rendered.contains('\u{1b}'), "{rendered}");
    }

    #[test]
    fn a_bad_status_is_located() {
        let text = "version = 1\n[[items]]\nskill = \"a\"\nlevel = \"b\"\nstatus = \"finished\"\nadded = 2026-01-05\n";
        let problems = parse("plan.toml", text).expect_err("bad status");
        assert_eq!(problems[0].position, Some((5, 10)), "{problems:?}");
    }

    #[test]
    fn an_empty_file_needs_a_version() {
        let problems = parse("plan.toml", "").expect_err("no version");
        assert!(problems[0].message.contains("version"), "{problems:?}");
    }
}
