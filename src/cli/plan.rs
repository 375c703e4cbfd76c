//! `rungs plan …`: print the development plan, change it, export it.

use std::path::Path;

use clap::Subcommand;
use clap_complete::ArgValueCandidates;
use serde_json::{Value, json};

use super::lookup::{find_level, find_skill, plan_level, plan_skill};
use super::output::{Out, emit, fit_lines};
use super::{CliError, you};
use crate::ladder::Ladder;
use crate::plan::{
    Edit, Evidence, EvidenceOwner, Plan, PlanItem, PlanStore, RatingScale, Ratings, Status,
    default_level, gaps, is_in_ladder, new_item, progress_by_week, resolve_path, target_progress,
    today,
};
use crate::present;

/// How many weeks of progress `rungs plan` shows.
const WEEKS_SHOWN: usize = 12;
use crate::present::{one_line, progress_line, status_title};
use crate::suggest::did_you_mean;
use crate::text::{clean, escape_control};

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Bookmark a skill. Without --level: the target level if it names the skill, else the
    /// lowest level that does. With --gaps LEVEL: every skill where your rating is below the
    /// level's step.
    Add {
        /// A skill id (`rungs skills`), or its name in any case.
        #[arg(required_unless_present = "gaps", add = ArgValueCandidates::new(super::complete::skills))]
        skill: Option<String>,
        /// The level the skill is planned at (an id, a title or an example title).
        #[arg(long, conflicts_with = "gaps", add = ArgValueCandidates::new(super::complete::levels))]
        level: Option<String>,
        /// A note to keep with it.
        #[arg(long, conflicts_with = "gaps")]
        note: Option<String>,
        /// Add every gap between your ratings and this level (`rungs compare me LEVEL`).
        #[arg(long, value_name = "LEVEL", conflicts_with = "skill", add = ArgValueCandidates::new(super::complete::levels))]
        gaps: Option<String>,
    },
    /// Take a skill out of the plan.
    Remove {
        /// The planned skill: its id or name.
        #[arg(add = ArgValueCandidates::new(super::complete::skills))]
        skill: String,
        /// Which level's item, when the skill is planned at more than one.
        #[arg(long)]
        level: Option<String>,
    },
    /// Set where a planned skill stands.
    Status {
        /// The planned skill: its id or name.
        #[arg(add = ArgValueCandidates::new(super::complete::skills))]
        skill: String,
        #[arg(value_enum)]
        status: StatusArg,
        /// Which level's item, when the skill is planned at more than one.
        #[arg(long)]
        level: Option<String>,
    },
    /// Replace the note of a planned skill ("" clears it).
    Note {
        /// The planned skill: its id or name.
        #[arg(add = ArgValueCandidates::new(super::complete::skills))]
        skill: String,
        note: String,
        /// Which level's item, when the skill is planned at more than one.
        #[arg(long)]
        level: Option<String>,
    },
    /// Set the level you are working toward (or clear it with --clear).
    Target {
        /// A level id (`rungs list`), or its title or an example title.
        #[arg(required_unless_present = "clear", add = ArgValueCandidates::new(super::complete::levels))]
        level: Option<String>,
        /// Clear the target instead (the plan's items stay).
        #[arg(long, conflicts_with = "level")]
        clear: bool,
    },
    /// Set the level you hold today (or clear it with --clear).
    Current {
        /// A level id (`rungs list`), or its title or an example title.
        #[arg(required_unless_present = "clear", add = ArgValueCandidates::new(super::complete::levels))]
        level: Option<String>,
        /// Clear the current level instead.
        #[arg(long, conflicts_with = "level")]
        clear: bool,
    },
    /// Rate yourself on a skill, on the ladder's scale (e.g. `working`).
    Rate {
        /// A skill id (`rungs skills`), or its name in any case.
        #[arg(add = ArgValueCandidates::new(super::complete::skills))]
        skill: String,
        /// A step of the ladder's scale; an unknown name lists them.
        step: String,
        /// Why this step (kept with the rating; without it the previous note stays).
        #[arg(long)]
        note: Option<String>,
    },
    /// Add dated evidence to your rating of a skill, or with --level to a plan item.
    Evidence {
        /// The skill: its id or name.
        #[arg(add = ArgValueCandidates::new(super::complete::skills))]
        skill: String,
        /// What you did that shows the skill.
        text: String,
        /// A link to it (a URL or a path).
        #[arg(long)]
        link: Option<String>,
        /// The plan item's level: the evidence goes to that item instead of your rating.
        #[arg(long)]
        level: Option<String>,
    },
    /// Every dated change of the plan, newest first.
    Log {
        /// text to read, json for scripts.
        #[arg(long, value_enum, default_value_t = super::ListFormat::Text)]
        format: super::ListFormat,
    },
    /// Print the promotion case (current level, target, placement, gaps, evidence), then the
    /// plan's items: a document to bring to a promotion conversation.
    Export {
        /// markdown for a document, json for scripts.
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Someone else's ratings of you (a plan file): adds the check-in disagreements.
        #[arg(long, value_name = "FILE")]
        checkin: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusArg {
    Planned,
    InProgress,
    Done,
}

impl From<StatusArg> for Status {
    fn from(arg: StatusArg) -> Self {
        match arg {
            StatusArg::Planned => Status::Planned,
            StatusArg::InProgress => Status::InProgress,
            StatusArg::Done => Status::Done,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

/// Runs `rungs plan [COMMAND]`.
pub fn run(
    ladder: &Ladder,
    plan_path: Option<&Path>,
    command: Option<PlanCommand>,
    out: Out,
) -> Result<(), CliError> {
    let mut store = PlanStore::open(resolve_path(plan_path)?)?;
    let plan = store.plan();
    let (edits, done) = match command {
        None => return emit(&fit_lines(&plan_text(&store, ladder, out), out.width)),
        Some(PlanCommand::Log { format }) => {
            return super::plan_log::run(plan, ladder, format, out);
        }
        Some(PlanCommand::Export { format, checkin }) => {
            let theirs = checkin
                .as_deref()
                .map(super::checkin::read_checkin)
                .transpose()?;
            return match format {
                ExportFormat::Markdown => emit(&super::plan_export::markdown(
                    &store,
                    ladder,
                    theirs.as_ref(),
                )),
                ExportFormat::Json => {
                    let text = super::plan_export::json(&store, ladder, theirs.as_ref())
                        .map_err(|e| CliError::Output(std::io::Error::other(e)))?;
                    emit(&(text + "\n"))
                }
            };
        }
        Some(PlanCommand::Add {
            gaps: Some(level), ..
        }) => add_gaps(plan, ladder, &level)?,
        Some(PlanCommand::Add {
            skill, level, note, ..
        }) => {
            let skill =
                skill.ok_or_else(|| CliError::Usage("give a skill, or --gaps LEVEL".into()))?;
            add(plan, ladder, &skill, level.as_deref(), note)?
        }
        Some(PlanCommand::Current { level, clear }) => {
            let (current, title, done) = level_or_clear(ladder, level, clear, "current level")?;
            (vec![Edit::SetCurrent { current, title }], done)
        }
        Some(PlanCommand::Rate { skill, step, note }) => rate(plan, ladder, &skill, &step, note)?,
        Some(PlanCommand::Evidence {
            skill,
            text,
            link,
            level,
        }) => evidence(plan, ladder, &skill, text, link, level.as_deref())?,
        Some(PlanCommand::Remove { skill, level }) => {
            let item = find_planned(plan, ladder, &skill, level.as_deref())?;
            (
                vec![Edit::Remove {
                    skill: item.skill.clone(),
                    level: item.level.clone(),
                }],
                format!("removed {} at {}", item.skill, item.level),
            )
        }
        Some(PlanCommand::Status {
            skill,
            status,
            level,
        }) => {
            let item = find_planned(plan, ladder, &skill, level.as_deref())?;
            let status = Status::from(status);
            (
                vec![Edit::SetStatus {
                    skill: item.skill.clone(),
                    level: item.level.clone(),
                    status,
                }],
                format!("{} at {} is {status}", item.skill, item.level),
            )
        }
        Some(PlanCommand::Note { skill, note, level }) => {
            let item = find_planned(plan, ladder, &skill, level.as_deref())?;
            (
                vec![Edit::SetNote {
                    skill: item.skill.clone(),
                    level: item.level.clone(),
                    note,
                }],
                format!("note of {} at {} set", item.skill, item.level),
            )
        }
        Some(PlanCommand::Target { level, clear }) => {
            let (target, title, done) = level_or_clear(ladder, level, clear, "target")?;
            (vec![Edit::SetTarget { target, title }], done)
        }
    };
    // One save for the whole command (every gap of `add --gaps`): all of it or none.
    let saved = store.apply_all(&edits)?;
    if saved.reloaded {
        eprintln!("rungs: the plan had changed on disk; your change was applied on top of it");
    }
    let changed = saved.changed;
    // The ids in `done` may come from the plan file.
    let done = escape_control(&done);
    let path = escape_control(&store.path().display().to_string()).into_owned();
    if changed {
        emit(&format!("{done} ({path})\n"))
    } else {
        emit(&format!("nothing to change: {done} already ({path})\n"))
    }
}

/// The edits of `rungs plan add` and a line saying what they do.
fn add(
    plan: &Plan,
    ladder: &Ladder,
    skill: &str,
    level: Option<&str>,
    note: Option<String>,
) -> Result<(Vec<Edit>, String), CliError> {
    let skill = find_skill(ladder, skill)?;
    let level = match level {
        Some(id) => {
            let level = find_level(ladder, id)?;
            if level.proficiency_of(&skill.id).is_none() {
                let naming: Vec<&str> = ladder
                    .levels_expecting(&skill.id)
                    .into_iter()
                    .map(|(l, _)| l.id.as_str())
                    .collect();
                return Err(CliError::Usage(format!(
                    "level `{}` does not name skill `{}`; levels that do: {}",
                    level.id,
                    skill.id,
                    if naming.is_empty() {
                        "none".to_owned()
                    } else {
                        naming.join(", ")
                    }
                )));
            }
            level
        }
        None => default_level(plan, ladder, &skill.id).ok_or_else(|| {
            CliError::Usage(format!(
                "no level names skill `{}`; give one with --level",
                skill.id
            ))
        })?,
    };
    let mut edits = vec![Edit::Add(new_item(ladder, &skill.id, &level.id))];
    if let Some(note) = note {
        edits.push(Edit::SetNote {
            skill: skill.id.clone(),
            level: level.id.clone(),
            note,
        });
    }
    Ok((edits, format!("planned {} at {}", skill.id, level.id)))
}

/// `rungs plan rate`: the skill by id or name, the step by its name on the ladder's scale.
fn rate(
    plan: &Plan,
    ladder: &Ladder,
    skill: &str,
    step: &str,
    note: Option<String>,
) -> Result<(Vec<Edit>, String), CliError> {
    let skill = find_skill(ladder, skill)?;
    let scale = RatingScale::of(ladder);
    if scale.rank(step).is_none() {
        return Err(CliError::Usage(format!(
            "no step `{}` on this ladder's scale; its steps, lowest first: {}",
            escape_control(step),
            scale.listing()
        )));
    }
    let edit = Edit::rate(
        plan,
        &skill.id,
        Some(skill.name.clone()),
        step,
        note,
        today(),
    );
    Ok((vec![edit], format!("rated {} at {step}", skill.id)))
}

/// `rungs plan evidence`: to the rating of the skill, or with a level to the plan item there.
fn evidence(
    plan: &Plan,
    ladder: &Ladder,
    skill: &str,
    text: String,
    link: Option<String>,
    level: Option<&str>,
) -> Result<(Vec<Edit>, String), CliError> {
    let owner = match level {
        Some(level) => {
            let item = find_planned(plan, ladder, skill, Some(level))?;
            EvidenceOwner::Item {
                skill: item.skill.clone(),
                level: item.level.clone(),
            }
        }
        None => {
            let id = match plan.rating(skill) {
                Some(rating) => rating.skill.clone(),
                None => find_skill(ladder, skill)?.id.clone(),
            };
            if plan.rating(&id).is_none() {
                return Err(CliError::Usage(format!(
                    "you have not rated `{id}` yet: rate it first (`rungs plan rate {id} STEP`), \
                     or give --level LEVEL to add the evidence to a plan item"
                )));
            }
            EvidenceOwner::Rating { skill: id }
        }
    };
    let done = match owner.level() {
        Some(level) => format!("evidence added to {} at {level}", owner.skill()),
        None => format!("evidence added to your rating of {}", owner.skill()),
    };
    let evidence = Evidence {
        date: today(),
        text,
        link,
    };
    Ok((vec![Edit::AddEvidence { owner, evidence }], done))
}

/// `rungs plan add --gaps LEVEL`: an item at LEVEL for every skill where your rating is below
/// the level's step (skills already planned there are left as they are).
fn add_gaps(plan: &Plan, ladder: &Ladder, level: &str) -> Result<(Vec<Edit>, String), CliError> {
    let level = find_level(ladder, level)?;
    let scale = RatingScale::of(ladder);
    let gaps = gaps(level, &scale, &Ratings::of(plan, &scale));
    let edits: Vec<Edit> = gaps
        .iter()
        .map(|g| Edit::Add(new_item(ladder, &g.expectation.skill, &level.id)))
        .collect();
    let done = format!(
        "{} gap{} of {} in the plan",
        gaps.len(),
        if gaps.len() == 1 { "" } else { "s" },
        level.id
    );
    Ok((edits, done))
}

/// The level (id and title) a `current` or `target` command sets, or nothing with `--clear`,
/// and the sentence that reports it; `what` names the field ("target").
fn level_or_clear(
    ladder: &Ladder,
    level: Option<String>,
    clear: bool,
    what: &str,
) -> Result<(Option<String>, Option<String>, String), CliError> {
    match level {
        Some(id) if !clear => {
            let level = find_level(ladder, &id)?;
            Ok((
                Some(level.id.clone()),
                Some(level.title.clone()),
                format!("{what} set to {}", level.id),
            ))
        }
        _ => Ok((None, None, format!("{what} cleared"))),
    }
}

/// The plan's item a command names, by id or by the ladder's name for it.
fn find_planned<'a>(
    plan: &'a Plan,
    ladder: &Ladder,
    skill: &str,
    level: Option<&str>,
) -> Result<&'a PlanItem, CliError> {
    let skill = plan_skill(plan, ladder, skill)?;
    let level = level.map(|l| plan_level(plan, ladder, l)).transpose()?;
    find_item(plan, &skill, level.as_deref())
}

/// The plan's item for `skill` (at `level` when given). Works for items the ladder does not
/// know, so a renamed skill can still be removed. Ids quoted in messages come from the plan
/// file too, so each message is printed with its control characters escaped.
fn find_item<'a>(
    plan: &'a Plan,
    skill: &str,
    level: Option<&str>,
) -> Result<&'a PlanItem, CliError> {
    let refuse = |message: String| CliError::Usage(escape_control(&message).into_owned());
    let of_skill: Vec<&PlanItem> = plan.items.iter().filter(|i| i.skill == skill).collect();
    if of_skill.is_empty() {
        // Sorted so that a skill planned at two levels is suggested once.
        let ids: std::collections::BTreeSet<&str> =
            plan.items.iter().map(|i| i.skill.as_str()).collect();
        let hint = did_you_mean(skill, ids);
        return Err(refuse(format!(
            "skill `{skill}` is not in the plan{hint}; `rungs plan` lists it"
        )));
    }
    let levels = || {
        of_skill
            .iter()
            .map(|i| i.level.as_str())
            .collect::<Vec<_>>()
    };
    match level {
        Some(level) => of_skill
            .iter()
            .copied()
            .find(|i| i.level == level)
            .ok_or_else(|| {
                let hint = did_you_mean(level, levels());
                refuse(format!(
                    "skill `{skill}` is not planned at level `{level}`{hint}; it is planned at: {}",
                    levels().join(", ")
                ))
            }),
        None if of_skill.len() > 1 => Err(refuse(format!(
            "skill `{skill}` is planned at more than one level ({}); say which with --level",
            levels().join(", ")
        ))),
        None => Ok(of_skill[0]),
    }
}

/// The skill's name: from the ladder, else the one stored in the file, else its id.
fn skill_name(item: &PlanItem, ladder: &Ladder) -> String {
    ladder
        .skill(&item.skill)
        .map(|s| s.name.as_str())
        .or(item.skill_name.as_deref())
        .map_or_else(|| one_line(&item.skill), one_line)
}

fn level_title(item: &PlanItem, ladder: &Ladder) -> String {
    ladder
        .level(&item.level)
        .map(|l| l.title.as_str())
        .or(item.level_title.as_deref())
        .map_or_else(|| one_line(&item.level), one_line)
}

/// A target the plan names but the ladder does not know: its id and stored title.
fn unknown_target(plan: &Plan) -> Option<String> {
    let id = plan.target.as_deref()?;
    Some(match &plan.target_title {
        Some(title) => format!("{} ({})", one_line(title), one_line(id)),
        None => one_line(id),
    })
}

/// `rungs plan`: the target and its progress, then the items grouped by status.
fn plan_text(store: &PlanStore, ladder: &Ladder, style: Out) -> String {
    let plan = store.plan();
    let scale = RatingScale::of(ladder);
    let ratings = Ratings::of(plan, &scale);
    let mut out = format!(
        "Development plan ({})\n",
        escape_control(&store.path().display().to_string())
    );
    if let Some(current) = &plan.current {
        out.push_str(&format!(
            "\nCurrent level: {} ({})\n",
            you::level_title(ladder, current),
            one_line(current)
        ));
    }
    match target_progress(plan, ladder) {
        Some(progress) => {
            out.push_str(&format!(
                "\nTarget: {} ({})\n  {}\n",
                one_line(&progress.level.title),
                progress.level.id,
                progress_line(&progress)
            ));
            let weeks = progress_by_week(plan, progress.level, &scale, &today());
            if let Some(line) = present::weekly_line(&weeks, WEEKS_SHOWN) {
                out.push_str(&format!("  expectations met, by week: {line}\n"));
            }
            if progress.missing > 0 {
                out.push_str("  not yet in the plan:\n");
                for skill in progress.missing_skills() {
                    let name = ladder.skill(&skill.skill).map_or("", |s| s.name.as_str());
                    out.push_str(&format!(
                        "    {} ({}) — {}\n",
                        one_line(name),
                        skill.skill,
                        step_name(ladder, skill.proficiency)
                    ));
                }
            }
        }
        None => match unknown_target(plan) {
            Some(target) => out.push_str(&format!("\nTarget: {target} — not in this ladder\n")),
            None => out.push_str("\nNo target level: set one with `rungs plan target LEVEL`.\n"),
        },
    }
    if !plan.ratings.is_empty() {
        out.push_str(&format!(
            "\n{} ({})\n",
            style.heading("Your ratings"),
            plan.ratings.len()
        ));
        for rating in &plan.ratings {
            let step = match scale.rank(&rating.step) {
                Some(rank) => format!("{} {}", present::step_pips(rank, &scale), rating.step),
                None => format!("{} — not on this ladder's scale", one_line(&rating.step)),
            };
            let evidence = match rating.evidence.len() {
                0 => String::new(),
                1 => " · 1 piece of evidence".to_owned(),
                n => format!(" · {n} pieces of evidence"),
            };
            out.push_str(&format!(
                "  {step} · {} ({}) · since {}{evidence}\n",
                you::skill_name(ladder, &rating.skill),
                one_line(&rating.skill),
                rating.date
            ));
        }
    }
    if plan.items.is_empty() {
        out.push_str("\nThe plan is empty: add a skill with `rungs plan add SKILL`.\n");
        return out;
    }
    for status in Status::ALL {
        let items: Vec<&PlanItem> = plan.with_status(status).collect();
        out.push_str(&format!(
            "\n{} ({})\n",
            style.heading(status_title(status)),
            items.len()
        ));
        if items.is_empty() {
            out.push_str("  (none)\n");
        }
        for item in items {
            let flag = if is_in_ladder(item, ladder) {
                ""
            } else {
                " — not in this ladder"
            };
            let you = ladder
                .level(&item.level)
                .and_then(|l| l.skills.iter().find(|r| r.skill == item.skill))
                .and_then(|r| scale.expected(r))
                .map_or_else(String::new, |expected| {
                    let have = ratings.get(&item.skill).unwrap_or(0);
                    format!(" · {}", present::expected_and_you(expected, have, &scale))
                });
            out.push_str(&format!(
                "  ★ {} ({}) · {} ({}) · added {}{flag}{you}\n",
                skill_name(item, ladder),
                one_line(&item.skill),
                level_title(item, ladder),
                one_line(&item.level),
                item.added
            ));
            for line in clean(&item.note, true).lines() {
                out.push_str(&format!("      {line}\n"));
            }
            for evidence in &item.evidence {
                out.push_str(&format!(
                    "      ✓ {} {}{}\n",
                    evidence.date,
                    one_line(&evidence.text),
                    evidence
                        .link
                        .as_deref()
                        .map_or_else(String::new, |l| format!(" <{}>", one_line(l)))
                ));
            }
        }
    }
    out
}

/// `rungs plan export --format markdown`: a document for a one-on-one.
pub(super) fn plan_markdown(plan: &Plan, ladder: &Ladder) -> String {
    let mut out = String::from("# Development plan\n");
    match target_progress(plan, ladder) {
        Some(progress) => {
            out.push_str(&format!(
                "\n**Target:** {} (`{}`): {}.\n",
                one_line(&progress.level.title),
                progress.level.id,
                progress_line(&progress)
            ));
            if progress.missing > 0 {
                out.push_str("\n## Not yet in the plan\n\n");
                for skill in progress.missing_skills() {
                    let name = ladder.skill(&skill.skill).map_or("", |s| s.name.as_str());
                    out.push_str(&format!(
                        "- {} (`{}`), expected at {}\n",
                        one_line(name),
                        skill.skill,
                        step_name(ladder, skill.proficiency)
                    ));
                }
            }
        }
        None => {
            if let Some(target) = unknown_target(plan) {
                out.push_str(&format!("\n**Target:** {target}, not in this ladder.\n"));
            }
        }
    }
    for status in Status::ALL {
        let items: Vec<&PlanItem> = plan.with_status(status).collect();
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {}\n\n", status_title(status)));
        for item in items {
            let flag = if is_in_ladder(item, ladder) {
                ""
            } else {
                " *(not in this ladder)*"
            };
            out.push_str(&format!(
                "- **{}** (`{}`), from {} (`{}`), added {}{flag}\n",
                skill_name(item, ladder),
                one_line(&item.skill),
                level_title(item, ladder),
                one_line(&item.level),
                item.added
            ));
            for line in clean(&item.note, true).lines() {
                out.push_str(&format!("  {line}\n"));
            }
        }
    }
    out
}

/// `rungs plan export --format json`.
pub(super) fn plan_json(store: &PlanStore, ladder: &Ladder) -> Value {
    let plan = store.plan();
    let target = match target_progress(plan, ladder) {
        Some(progress) => json!({
            "id": progress.level.id,
            "title": progress.level.title,
            "in_ladder": true,
            "progress": {
                "done": progress.done,
                "in_progress": progress.in_progress,
                "planned": progress.planned,
                "missing": progress.missing,
                "total": progress.total(),
            },
            "missing": progress.missing_skills().map(|s| json!({
                "skill": s.skill,
                "name": ladder.skill(&s.skill).map(|k| k.name.as_str()),
                "proficiency": s.proficiency.map(|p| ladder.scale().name(p)),
            })).collect::<Vec<_>>(),
        }),
        None => match &plan.target {
            Some(id) => json!({ "id": id, "title": plan.target_title, "in_ladder": false }),
            None => Value::Null,
        },
    };
    let items: Vec<Value> = plan
        .items
        .iter()
        .map(|item| {
            json!({
                "skill": item.skill,
                "skill_name": ladder.skill(&item.skill).map(|s| s.name.as_str()).or(item.skill_name.as_deref()),
                "level": item.level,
                "level_title": ladder.level(&item.level).map(|l| l.title.as_str()).or(item.level_title.as_deref()),
                "status": item.status.name(),
                "note": item.note,
                "added": item.added.to_string(),
                "in_ladder": is_in_ladder(item, ladder),
            })
        })
        .collect();
    json!({
        "version": plan.version,
        "path": store.path().display().to_string(),
        "target": target,
        "items": items,
    })
}

/// The name of an expected step, or `not rated`.
fn step_name(ladder: &Ladder, p: Option<crate::ladder::Proficiency>) -> String {
    p.map_or_else(
        || "not rated".to_owned(),
        |p| one_line(&ladder.scale().name(p)),
    )
}
