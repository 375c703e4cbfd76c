//! `rungs plan export`: the promotion case (current level, target, placement, the gaps to the
//! target, per skill your rating and its evidence, and the check-in when a file is given),
//! followed by the plan's items.

use serde_json::Value;

use crate::ladder::Ladder;
use crate::plan::{EvidenceSource, LevelMention, Plan, PlanStore, PromotionCase, RatingScale};
use crate::text::clean;

use super::you;
use crate::present;

/// `rungs plan export --format markdown`, with `theirs` (a check-in file) when given.
pub fn markdown(store: &PlanStore, ladder: &Ladder, theirs: Option<&Plan>) -> String {
    let scale = RatingScale::of(ladder);
    let case = case(store.plan(), ladder, &scale, theirs);
    case_markdown(
        ladder,
        &scale,
        &case,
        &super::plan::plan_markdown(store.plan(), ladder),
    )
}

/// `rungs plan export --format json`, with `theirs` (a check-in file) when given.
pub fn json(
    store: &PlanStore,
    ladder: &Ladder,
    theirs: Option<&Plan>,
) -> Result<String, serde_json::Error> {
    let scale = RatingScale::of(ladder);
    let case = case(store.plan(), ladder, &scale, theirs);
    case_json(ladder, &scale, &case, super::plan::plan_json(store, ladder))
}

fn case<'a>(
    plan: &'a Plan,
    ladder: &'a Ladder,
    scale: &RatingScale,
    theirs: Option<&Plan>,
) -> PromotionCase<'a> {
    let compared = theirs.map(|theirs| crate::plan::checkin(plan, theirs, ladder, scale));
    crate::plan::promotion_case(plan, ladder, scale, compared)
}

fn mention(ladder: &Ladder, level: Option<&LevelMention<'_>>) -> String {
    match level {
        Some(LevelMention::Known(level)) => {
            format!("{} (`{}`)", you::level_title(ladder, &level.id), level.id)
        }
        Some(LevelMention::Unknown { id, title }) => format!(
            "{} (`{}`), not in this ladder",
            clean(title.unwrap_or(id), false),
            you::id(id)
        ),
        None => "not set".to_owned(),
    }
}

fn md_cell(text: &str) -> String {
    clean(text, false).replace('|', "\\|")
}

/// The case as markdown, before the plan's items (`plan_items`, the document
/// `rungs plan export` printed before the promotion case, heading included).
fn case_markdown(
    ladder: &Ladder,
    scale: &RatingScale,
    case: &PromotionCase<'_>,
    plan_items: &str,
) -> String {
    let mut out = String::from("# Development plan\n\n");
    out.push_str(&format!(
        "**Current level:** {}.  \n**Target level:** {}.\n",
        mention(ladder, case.current.as_ref()),
        mention(ladder, case.target.as_ref())
    ));
    let placed: Vec<String> = case
        .placement
        .tracks
        .iter()
        .map(|t| {
            let at = t.placed.map_or_else(
                || "not placed".to_owned(),
                |l| format!("{} (`{}`)", you::level_title(ladder, &l.id), l.id),
            );
            format!("- {}: {at}", you::track_title(ladder, &t.track.id))
        })
        .collect();
    out.push_str(&format!(
        "\n## Where my ratings place me\n\n{}\n",
        placed.join("\n")
    ));
    if let Some(fit) = &case.target_fit {
        out.push_str(&format!(
            "\n## Gaps to the target\n\n{} of {} of the target's expectations met ({}).\n\n",
            fit.met,
            fit.of,
            present::percent(fit.fit())
        ));
        if case.gaps.is_empty() {
            out.push_str("No gaps.\n");
        } else {
            out.push_str("| Skill | Asks | Me | Short by |\n|---|---|---|---|\n");
            for gap in &case.gaps {
                out.push_str(&format!(
                    "| {} (`{}`) | {} | {} | {} |\n",
                    md_cell(&you::skill_name(ladder, &gap.expectation.skill)),
                    you::id(&gap.expectation.skill),
                    present::step_or_unrated(Some(gap.asks), scale),
                    present::step_or_unrated((gap.have > 0).then_some(gap.have), scale),
                    gap.size()
                ));
            }
        }
    }
    if let Some(checkin) = &case.checkin {
        let disagreements: Vec<_> = checkin.disagreements().collect();
        out.push_str("\n## Check-in disagreements\n\n");
        if disagreements.is_empty() {
            out.push_str("None: we agree within a step on every skill we both rated.\n");
        }
        for row in disagreements {
            out.push_str(&format!(
                "- {} (`{}`): I say {}, they say {}\n",
                you::skill_name(ladder, &row.skill),
                you::id(&row.skill),
                present::step_or_unrated(row.yours, scale),
                present::step_or_unrated(row.theirs, scale)
            ));
        }
    }
    let with_something: Vec<_> = case
        .skills
        .iter()
        .filter(|s| s.rating.is_some() || !s.evidence.is_empty())
        .collect();
    if !with_something.is_empty() {
        out.push_str("\n## Skills and evidence\n");
    }
    for skill in with_something {
        out.push_str(&format!(
            "\n### {} (`{}`)\n\n",
            you::skill_name(ladder, skill.skill),
            you::id(skill.skill)
        ));
        let rated = (skill.have > 0).then_some(skill.have);
        let mut line = match skill.expected {
            Some(expected) => format!(
                "{} — ",
                present::expected_and_you(expected, skill.have, scale)
            ),
            None => String::new(),
        };
        line.push_str(&format!(
            "my rating: {}",
            present::step_or_unrated(rated, scale)
        ));
        if let Some(rating) = skill.rating {
            line.push_str(&format!(" (since {})", rating.date));
        }
        out.push_str(&line);
        out.push('\n');
        if let Some(rating) = skill.rating.filter(|r| !r.note.is_empty()) {
            for note_line in clean(&rating.note, true).lines() {
                out.push_str(&format!("> {note_line}\n"));
            }
        }
        if !skill.evidence.is_empty() {
            out.push('\n');
        }
        for (source, evidence) in &skill.evidence {
            let text = clean(&evidence.text, false);
            let link = evidence
                .link
                .as_deref()
                .map_or_else(String::new, |l| format!(" <{}>", clean(l, false)));
            let from = match source {
                EvidenceSource::Rating => String::new(),
                EvidenceSource::Item { level } => format!(" *(plan item at `{}`)*", you::id(level)),
            };
            out.push_str(&format!("- {}: {text}{link}{from}\n", evidence.date));
        }
        if let Some(row) = skill.checkin.as_ref().filter(|r| r.theirs.is_some()) {
            let flag = if row.disagrees() { " ⚠" } else { "" };
            out.push_str(&format!(
                "\nCheck-in: they rate it {}{flag}.\n",
                present::step_or_unrated(row.theirs, scale)
            ));
        }
    }
    let items = plan_items
        .strip_prefix("# Development plan\n")
        .unwrap_or(plan_items);
    out.push_str("\n---\n");
    out.push_str(items);
    out
}

/// The case as JSON text: the plan's JSON (`plan`: `version`, `path`, `target`, `items`)
/// followed by the case's fields. Written through borrowed records rather than a
/// `serde_json::Value` tree: a case on a large ladder holds thousands of values.
fn case_json(
    ladder: &Ladder,
    scale: &RatingScale,
    case: &PromotionCase<'_>,
    plan: Value,
) -> Result<String, serde_json::Error> {
    let rated = |rank: u8| (rank > 0).then_some(rank);
    let step = |rank: Option<u8>| rank.and_then(|r| scale.name(r));
    let name = |skill: &str| ladder.skill(skill).map(|s| s.name.as_str());
    let document = CaseJson {
        plan,
        current: mention_json(case.current.as_ref()),
        placement: PlacementJson {
            tracks: case
                .placement
                .tracks
                .iter()
                .map(|t| TrackJson {
                    track: &t.track.id,
                    placed: t.placed.map(|l| l.id.as_str()),
                    levels: t
                        .levels
                        .iter()
                        .map(|f| FitJson {
                            level: &f.level.id,
                            fit: f.fit(),
                            met: f.met,
                            of: f.of,
                            meets: None,
                        })
                        .collect(),
                })
                .collect(),
        },
        target_fit: case.target_fit.map(|f| FitJson {
            level: &f.level.id,
            fit: f.fit(),
            met: f.met,
            of: f.of,
            meets: Some(f.is_met()),
        }),
        gaps: case
            .gaps
            .iter()
            .map(|g| GapJson {
                skill: &g.expectation.skill,
                name: name(&g.expectation.skill),
                have: step(rated(g.have)),
                asks: step(Some(g.asks)),
                steps_short: g.size(),
            })
            .collect(),
        skills: case
            .skills
            .iter()
            .map(|s| SkillJson {
                skill: s.skill,
                name: name(s.skill),
                rating: s.rating.map(|r| RatingJson {
                    step: &r.step,
                    date: r.date.to_string(),
                    note: &r.note,
                }),
                expected: step(s.expected),
                evidence: s
                    .evidence
                    .iter()
                    .map(|(source, e)| EvidenceJson {
                        date: e.date.to_string(),
                        text: &e.text,
                        link: e.link.as_deref(),
                        item_level: match source {
                            EvidenceSource::Rating => None,
                            EvidenceSource::Item { level } => Some(level),
                        },
                    })
                    .collect(),
                checkin: s.checkin.as_ref().map(|row| SkillCheckinJson {
                    theirs: step(row.theirs),
                    disagree: row.disagrees(),
                }),
            })
            .collect(),
        checkin: case
            .checkin
            .as_ref()
            .map(|c| super::checkin::to_json(ladder, scale, c)),
    };
    crate::text::to_json(&document)
}

fn mention_json<'a>(level: Option<&LevelMention<'a>>) -> Option<MentionJson<'a>> {
    level.map(|level| match level {
        LevelMention::Known(level) => MentionJson {
            id: &level.id,
            title: Some(&level.title),
            in_ladder: true,
        },
        LevelMention::Unknown { id, title } => MentionJson {
            id,
            title: *title,
            in_ladder: false,
        },
    })
}

#[derive(serde::Serialize)]
struct CaseJson<'a> {
    #[serde(flatten)]
    plan: Value,
    current: Option<MentionJson<'a>>,
    placement: PlacementJson<'a>,
    target_fit: Option<FitJson<'a>>,
    gaps: Vec<GapJson<'a>>,
    skills: Vec<SkillJson<'a>>,
    checkin: Option<Value>,
}

#[derive(serde::Serialize)]
struct MentionJson<'a> {
    id: &'a str,
    title: Option<&'a str>,
    in_ladder: bool,
}

/// The shape `rungs place --format json` prints.
#[derive(serde::Serialize)]
struct PlacementJson<'a> {
    tracks: Vec<TrackJson<'a>>,
}

#[derive(serde::Serialize)]
struct TrackJson<'a> {
    track: &'a str,
    placed: Option<&'a str>,
    levels: Vec<FitJson<'a>>,
}

#[derive(serde::Serialize)]
struct FitJson<'a> {
    level: &'a str,
    fit: f64,
    met: usize,
    of: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    meets: Option<bool>,
}

#[derive(serde::Serialize)]
struct GapJson<'a> {
    skill: &'a str,
    name: Option<&'a str>,
    have: Option<&'a str>,
    asks: Option<&'a str>,
    steps_short: u8,
}

#[derive(serde::Serialize)]
struct SkillJson<'a> {
    skill: &'a str,
    name: Option<&'a str>,
    rating: Option<RatingJson<'a>>,
    expected: Option<&'a str>,
    evidence: Vec<EvidenceJson<'a>>,
    checkin: Option<SkillCheckinJson<'a>>,
}

#[derive(serde::Serialize)]
struct RatingJson<'a> {
    step: &'a str,
    date: String,
    note: &'a str,
}

#[derive(serde::Serialize)]
struct EvidenceJson<'a> {
    date: String,
    text: &'a str,
    link: Option<&'a str>,
    item_level: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct SkillCheckinJson<'a> {
    theirs: Option<&'a str>,
    disagree: bool,
}
