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
    match toml::from_str::<Plan>(text) {
        Ok(plan) if is_readable(plan.version) => {
            let mistakes = mistakes(&plan);
            if mistakes.is_empty() {
                Ok(plan)
            } else {
                Err(locate(name, text, |parsed| {
                    mistakes
                        .iter()
                        .map(|(path, message)| {
                            parsed.problem_at(Some(parsed.locate(path, true)), message)
                        })
                        .collect()
                }))
            }
        }
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

/// What a plan that deserialized still gets wrong, each with the path of the key to point at:
/// keys of version 2 in a file that says version 1 (rungs would drop or misread them; the
/// file should say `version = 2`), and a skill rated twice (which rating counts would be a
/// guess).
fn mistakes(plan: &Plan) -> Vec<(Vec<Step>, String)> {
    let mut found = Vec::new();
    if plan.version == PLAN_VERSION_1 {
        let newer = |key: &str| {
            format!(
                "`{key}` belongs to plan version {PLAN_VERSION}, but the file says version \
                 {PLAN_VERSION_1}: set `version = {PLAN_VERSION}` (or take `{key}` out)"
            )
        };
        let top = [
            ("current", plan.current.is_some()),
            ("current_title", plan.current_title.is_some()),
            ("ratings", !plan.ratings.is_empty()),
            ("log", !plan.log.is_empty()),
        ];
        for (key, present) in top {
            if present {
                found.push((vec![Step::from(key)], newer(key)));
            }
        }
        for (index, item) in plan.items.iter().enumerate() {
            if !item.evidence.is_empty() {
                found.push((
                    vec![
                        Step::from("items"),
                        Step::Index(index),
                        Step::from("evidence"),
                    ],
                    newer("evidence"),
                ));
            }
        }
    }
    let mut first_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (index, rating) in plan.ratings.iter().enumerate() {
        if let Some(first) = first_of.get(rating.skill.as_str()) {
            found.push((
                vec![
                    Step::from("ratings"),
                    Step::Index(index),
                    Step::from("skill"),
                ],
                format!(
                    "`{}` is rated twice (ratings {} and {}): keep one rating per skill",
                    crate::text::escape_control(&rating.skill),
                    first + 1,
                    index + 1
                ),
            ));
        } else {
            first_of.insert(&rating.skill, index);
        }
    }
    found
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

    /// A plan of 500 items, more than a person bookmarks.
    fn big_plan(note_for: impl Fn(usize) -> String) -> Plan {
        let added: toml::value::Datetime = "2026-01-05".parse().expect("date");
        let mut plan = Plan {
            target: Some("director".into()),
            ..Plan::default()
        };
        for i in 0..500 {
            let mut item = PlanItem::new(format!("skill-{i}"), "director", added);
            item.status = Status::ALL[i % 3];
            item.note = note_for(i);
            plan.items.push(item);
        }
        plan
    }

    #[test]
    fn a_large_plan_round_trips() {
        let plan = big_plan(|i| format!("note {i} with \"quotes\" and ünïcode\n[[items]]"));
        let text = to_toml(&plan).expect("encodes");
        assert_eq!(parse("plan.toml", &text).expect("parses"), plan);
    }

    #[test]
    fn a_problem_at_the_end_of_a_large_plan_is_located() {
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
    fn version_2_keys_in_a_version_1_file_are_located() {
        let text = "version = 1\ncurrent = \"manager\"\n\n[[items]]\nskill = \"a\"\nlevel = \"b\"\nadded = 2026-01-05\n\n[[items.evidence]]\ndate = 2026-01-06\ntext = \"x\"\n\n[[ratings]]\nskill = \"a\"\nstep = \"working\"\ndate = 2026-01-05\n";
        let problems = parse("plan.toml", text).expect_err("v2 keys in v1");
        let places: Vec<(Option<(usize, usize)>, bool)> = problems
            .iter()
            .map(|p| (p.position, p.message.contains("set `version = 2`")))
            .collect();
        assert_eq!(
            places,
            [
                (Some((2, 1)), true),
                (Some((13, 3)), true),
                (Some((9, 9)), true)
            ],
            "{problems:?}"
        );
        // The same file saying version 2 reads.
        let v2 = text.replacen("version = 1", "version = 2", 1);
        assert!(parse("plan.toml", &v2).is_ok());
    }

    #[test]
    fn a_skill_rated_twice_is_located_at_the_second_rating() {
        let text = "version = 2\n\n[[ratings]]\nskill = \"a\"\nstep = \"working\"\ndate = 2026-01-05\n\n[[ratings]]\nskill = \"a\"\nstep = \"basic\"\ndate = 2026-01-06\n";
        let problems = parse("plan.toml", text).expect_err("rated twice");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].position, Some((9, 1)), "{problems:?}");
        assert!(
            problems[0]
                .message
                .contains("rated twice (ratings 1 and 2)")
        );
    }

    #[test]
    fn an_empty_file_needs_a_version() {
        let problems = parse("plan.toml", "").expect_err("no version");
        assert!(problems[0].message.contains("version"), "{problems:?}");
    }
}
