//! `rungs compare me LEVEL`: you (your ratings) against a level: the skills where you are
//! below its step, largest gap first, then the ones you meet.

use serde_json::{Value, json};

use super::output::{Out, emit, emit_json, fit_lines};
use super::you::{self, You};
use super::{CliError, Format};
use crate::ladder::Level;
use crate::plan::{Gap, LevelFit, Ratings, gaps, level_fit};
use crate::present;

/// What `rungs compare` takes as side A to mean you.
pub const ME: &str = "me";

pub fn run(you: &You, level: &str, format: Format, out: Out) -> Result<(), CliError> {
    let level = super::lookup::find_level(&you.ladder, level)?;
    let ratings = Ratings::of(you.plan(), &you.scale);
    let fit = level_fit(level, &you.scale, &ratings);
    let gaps = gaps(level, &you.scale, &ratings);
    let met: Vec<(&str, u8, u8)> = level
        .skills
        .iter()
        .filter_map(|r| {
            let asks = you.scale.expected(r)?;
            let have = ratings.get(&r.skill).unwrap_or(0);
            (have >= asks).then_some((r.skill.as_str(), have, asks))
        })
        .collect();
    let report = Report {
        you,
        level,
        fit,
        gaps,
        met,
    };
    match format {
        Format::Text => emit(&fit_lines(&report.text(), out.width)),
        Format::Markdown => emit(&report.markdown()),
        Format::Json => emit_json(&report.json()),
    }
}

struct Report<'a> {
    you: &'a You,
    level: &'a Level,
    fit: LevelFit<'a>,
    gaps: Vec<Gap<'a>>,
    met: Vec<(&'a str, u8, u8)>,
}

impl Report<'_> {
    fn summary(&self) -> String {
        let verdict = if self.fit.is_met() {
            "you meet this level"
        } else {
            "you do not meet this level yet"
        };
        format!(
            "{} of {} expectations met ({}): {verdict}",
            self.fit.met,
            self.fit.of,
            present::percent(self.fit.fit())
        )
    }

    fn gap_words(&self, gap: &Gap<'_>) -> String {
        let scale = &self.you.scale;
        let steps = gap.size();
        let have = match scale.name(gap.have) {
            Some(step) => format!("you have {step}"),
            None => "you have not rated it".to_owned(),
        };
        format!(
            "asks {}, {have} ({steps} step{} short)",
            present::step_or_unrated(Some(gap.asks), scale),
            if steps == 1 { "" } else { "s" }
        )
    }

    fn text(&self) -> String {
        let ladder = &self.you.ladder;
        let scale = &self.you.scale;
        let mut out = format!(
            "You against {} ({})\n  {}\n",
            you::level_title(ladder, &self.level.id),
            self.level.id,
            self.summary()
        );
        if self.gaps.is_empty() {
            out.push_str("\nNo gaps: you meet every expectation of this level.\n");
        } else {
            out.push_str(&format!("\nGaps, largest first ({})\n", self.gaps.len()));
            for gap in &self.gaps {
                let skill = &gap.expectation.skill;
                out.push_str(&format!(
                    "  {} · {} ({}) — {}\n",
                    present::expected_and_you(gap.asks, gap.have, scale),
                    you::skill_name(ladder, skill),
                    you::id(skill),
                    self.gap_words(gap)
                ));
            }
            out.push_str(&format!(
                "\nAdd them all to your plan with `rungs plan add --gaps {}`.\n",
                self.level.id
            ));
        }
        if !self.met.is_empty() {
            out.push_str(&format!("\nMet ({})\n", self.met.len()));
            for (skill, have, asks) in &self.met {
                out.push_str(&format!(
                    "  {} · {} ({})\n",
                    present::expected_and_you(*asks, *have, scale),
                    you::skill_name(ladder, skill),
                    you::id(skill)
                ));
            }
        }
        out
    }

    fn markdown(&self) -> String {
        let ladder = &self.you.ladder;
        let scale = &self.you.scale;
        let mut out = format!(
            "# You against {} (`{}`)\n\n{}.\n",
            you::level_title(ladder, &self.level.id),
            self.level.id,
            self.summary()
        );
        out.push_str("\n## Gaps, largest first\n\n");
        if self.gaps.is_empty() {
            out.push_str("None: you meet every expectation of this level.\n");
        } else {
            out.push_str("| Skill | Asks | You | Short by |\n|---|---|---|---|\n");
            for gap in &self.gaps {
                out.push_str(&format!(
                    "| {} (`{}`) | {} | {} | {} |\n",
                    you::skill_name(ladder, &gap.expectation.skill).replace('|', "\\|"),
                    you::id(&gap.expectation.skill),
                    present::step_or_unrated(Some(gap.asks), scale),
                    present::step_or_unrated((gap.have > 0).then_some(gap.have), scale),
                    gap.size()
                ));
            }
        }
        if !self.met.is_empty() {
            out.push_str("\n## Met\n\n");
            for (skill, have, asks) in &self.met {
                out.push_str(&format!(
                    "- {} (`{}`): asks {}, you have {}\n",
                    you::skill_name(ladder, skill),
                    you::id(skill),
                    present::step_or_unrated(Some(*asks), scale),
                    present::step_or_unrated(Some(*have), scale)
                ));
            }
        }
        out
    }

    fn json(&self) -> Value {
        let ladder = &self.you.ladder;
        let scale = &self.you.scale;
        let rated = |rank: u8| (rank > 0).then_some(rank);
        json!({
            "level": self.level.id,
            "title": self.level.title,
            "met": self.fit.met,
            "of": self.fit.of,
            "fit": self.fit.fit(),
            "meets": self.fit.is_met(),
            "gaps": self.gaps.iter().map(|g| json!({
                "skill": g.expectation.skill,
                "name": ladder.skill(&g.expectation.skill).map(|s| s.name.as_str()),
                "have": you::step_json(rated(g.have), scale),
                "asks": you::step_json(Some(g.asks), scale),
                "steps_short": g.size(),
            })).collect::<Vec<_>>(),
            "met_skills": self.met.iter().map(|(skill, have, asks)| json!({
                "skill": skill,
                "name": ladder.skill(skill).map(|s| s.name.as_str()),
                "have": you::step_json(Some(*have), scale),
                "asks": you::step_json(Some(*asks), scale),
            })).collect::<Vec<_>>(),
        })
    }
}
