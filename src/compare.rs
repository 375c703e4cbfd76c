//! What changes between two levels: a pure function from two levels of a ladder to a
//! [`Comparison`] that the explorer and the headless command both render.
//!
//! Every part of a comparison is laid out as rows a two-column view can draw top to bottom:
//! each row holds the A side and the B side and knows whether it is the same on both, changed,
//! or present on one side only. Nothing here touches a terminal; text is borrowed from the
//! ladder uncleaned, so renderers must pass it through [`crate::text::clean`].
//!
//! `compare(ladder, b, a)` is the mirror of `compare(ladder, a, b)`: see
//! [`Comparison::mirrored`] for exactly what that means.

use std::borrow::Cow;
use std::cmp::Ordering;

use serde::Serialize;

use crate::ladder::{Category, Ladder, Level, Proficiency, Range, Skill, SkillRef};

/// Which side of a comparison: A is the level compared from, B the level compared to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    A,
    B,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::A => Side::B,
            Side::B => Side::A,
        }
    }
}

/// How one row differs between the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Present on both sides with the same value.
    Same,
    /// Present on both sides with different values.
    Changed,
    /// Present at A only.
    OnlyA,
    /// Present at B only: new at B.
    OnlyB,
}

impl Status {
    fn of<T: PartialEq + ?Sized>(a: Option<&T>, b: Option<&T>) -> Status {
        match (a, b) {
            (Some(a), Some(b)) if a == b => Status::Same,
            (Some(_), Some(_)) => Status::Changed,
            (Some(_), None) => Status::OnlyA,
            (None, Some(_)) => Status::OnlyB,
            (None, None) => Status::Same,
        }
    }

    pub fn mirrored(self) -> Status {
        match self {
            Status::OnlyA => Status::OnlyB,
            Status::OnlyB => Status::OnlyA,
            other => other,
        }
    }
}

/// How the two levels sit in the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Relation {
    /// A compared with itself.
    Itself,
    /// Both in one track; `steps` is B's rank minus A's (positive: B is higher).
    SameTrack { steps: i64 },
    /// In different tracks; ranks are not comparable.
    OtherTrack,
}

/// The single-valued facts of a level, in the order a comparison lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fact {
    Summary,
    Scope,
    ReportsTo,
    DirectReports,
    DecisionScope,
    Education,
    PreferredEducation,
}

impl Fact {
    pub fn label(self) -> &'static str {
        match self {
            Fact::Summary => "Summary",
            Fact::Scope => "Scope",
            Fact::ReportsTo => "Reports to",
            Fact::DirectReports => "Direct reports",
            Fact::DecisionScope => "Decisions",
            Fact::Education => "Education",
            Fact::PreferredEducation => "Preferred education",
        }
    }
}

/// One fact of both levels. A side is `None` where the level does not state the fact (no
/// `reports_to`, no `direct_reports`, no preferred education); a fact neither states is
/// `Same` (renderers skip such rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactRow<'a> {
    pub fact: Fact,
    pub a: Option<Cow<'a, str>>,
    pub b: Option<Cow<'a, str>>,
    pub status: Status,
}

/// Where two year ranges meet on the axis. Ranges are closed (`1–5` and `5–10` share the
/// point 5); an open-ended range (`4+`) runs on forever.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Span {
    /// The years both ranges cover: `from` to `to`, or `from` onwards when `to` is `None`.
    /// `from == to` when they touch at one point.
    Overlap { from: u32, to: Option<u32> },
    /// No year in common: the `lower` side's range ends at `from`, the other starts at `to`;
    /// the gap is `to - from` years.
    Gap { from: u32, to: u32, lower: Side },
}

impl Span {
    fn between(a: &Range, b: &Range) -> Span {
        let from = a.min.max(b.min);
        let to = match (a.max, b.max) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        match to {
            Some(to) if to < from => {
                // The range with the smaller maximum is the lower one; with no overlap its
                // maximum is `to`.
                let lower = if a.max == Some(to) { Side::A } else { Side::B };
                Span::Gap {
                    from: to,
                    to: from,
                    lower,
                }
            }
            to => Span::Overlap { from, to },
        }
    }

    fn mirrored(self) -> Span {
        match self {
            Span::Gap { from, to, lower } => Span::Gap {
                from,
                to,
                lower: lower.other(),
            },
            overlap => overlap,
        }
    }
}

/// One kind of experience (in the field, or managing people) at both levels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeComparison<'a> {
    pub a: Option<&'a Range>,
    pub b: Option<&'a Range>,
    /// `Same` when the bounds agree (notes and estimate marks aside), and when both are absent.
    pub status: Status,
    /// Overlap or gap; `None` unless both sides give a range.
    pub span: Option<Span>,
    /// B's minimum minus A's minimum, in years; an absent range counts as a minimum of 0
    /// (engineer → manager: managing goes from none to `1–5`, a delta of +1).
    pub min_delta: i64,
}

impl<'a> RangeComparison<'a> {
    fn new(a: Option<&'a Range>, b: Option<&'a Range>) -> Self {
        let bounds = |r: Option<&Range>| r.map(|r| (r.min, r.max));
        RangeComparison {
            a,
            b,
            status: Status::of(bounds(a).as_ref(), bounds(b).as_ref()),
            span: a.zip(b).map(|(a, b)| Span::between(a, b)),
            min_delta: i64::from(b.map_or(0, |r| r.min)) - i64::from(a.map_or(0, |r| r.min)),
        }
    }

    fn mirrored(&self) -> Self {
        RangeComparison {
            a: self.b,
            b: self.a,
            status: self.status.mirrored(),
            span: self.span.map(Span::mirrored),
            min_delta: -self.min_delta,
        }
    }
}

/// Extra room past the last bound so an open-ended range (`15+`) still shows as a bar.
pub const OPEN_TAIL_YEARS: u32 = 5;

/// Experience of both levels on one axis, for bars drawn to the same scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExperienceComparison<'a> {
    pub field: RangeComparison<'a>,
    pub managing: RangeComparison<'a>,
    /// The axis runs from 0 to `axis_end` years: the largest bound of the four ranges (a
    /// maximum, or the minimum of an open-ended range), plus [`OPEN_TAIL_YEARS`] when some
    /// range is open-ended. Open-ended ranges are drawn to the end of the axis.
    pub axis_end: u32,
}

impl<'a> ExperienceComparison<'a> {
    fn new(a: &'a Level, b: &'a Level) -> Self {
        let field = |l: &'a Level| l.experience.as_ref().map(|e| &e.field);
        let managing = |l: &'a Level| l.experience.as_ref().and_then(|e| e.managing.as_ref());
        let ranges = [field(a), managing(a), field(b), managing(b)];
        let ranges = ranges.iter().flatten();
        let last = ranges.clone().map(|r| r.max.unwrap_or(r.min)).max();
        let open = ranges.clone().any(|r| r.max.is_none());
        ExperienceComparison {
            field: RangeComparison::new(field(a), field(b)),
            managing: RangeComparison::new(managing(a), managing(b)),
            axis_end: last.unwrap_or(0) + if open { OPEN_TAIL_YEARS } else { 0 },
        }
    }
}

/// How a skill's expected proficiency changes from A to B.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkillChange {
    Same,
    Raised,
    Lowered,
    OnlyA,
    /// Not expected at A: new at B.
    OnlyB,
    /// Expected at both, but at least one side gives no step: nothing to compare by.
    Unrated,
}

impl SkillChange {
    pub fn mirrored(self) -> SkillChange {
        match self {
            SkillChange::Raised => SkillChange::Lowered,
            SkillChange::Lowered => SkillChange::Raised,
            SkillChange::OnlyA => SkillChange::OnlyB,
            SkillChange::OnlyB => SkillChange::OnlyA,
            SkillChange::Same => SkillChange::Same,
            SkillChange::Unrated => SkillChange::Unrated,
        }
    }

    /// A one-character mark that carries the change without colour (`NO_COLOR`, pipes):
    /// `+` new at B, `−` only at A, `↑` raised, `↓` lowered, `·` at both but not rated on
    /// both, a space when the same.
    pub fn marker(self) -> char {
        match self {
            SkillChange::Same => ' ',
            SkillChange::Unrated => '·',
            SkillChange::Raised => '↑',
            SkillChange::Lowered => '↓',
            SkillChange::OnlyA => '−',
            SkillChange::OnlyB => '+',
        }
    }
}

/// One catalogue skill expected at A, at B or at both.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillRow<'a> {
    pub skill: &'a Skill,
    /// `None` only if the skill's category is missing from the catalogue, which a validated
    /// ladder rules out.
    pub category: Option<&'a Category>,
    /// The expected step at A and at B; `None` where the level does not name the skill or
    /// names it unrated.
    pub a: Option<Proficiency>,
    pub b: Option<Proficiency>,
    /// Each level's reference (with its expectations and examples), where it names the skill.
    pub a_ref: Option<&'a SkillRef>,
    pub b_ref: Option<&'a SkillRef>,
    pub change: SkillChange,
}

impl SkillRow<'_> {
    /// Steps on the proficiency scale from A to B (`working → expert` is +2); 0 unless the
    /// skill is at both levels.
    pub fn steps(&self) -> i8 {
        match (self.a, self.b) {
            (Some(a), Some(b)) => b.value() as i8 - a.value() as i8,
            _ => 0,
        }
    }
}

/// A responsibility of one level; `shared` when the other level lists it too.
///
/// Matching is on normalised text, not meaning: case, runs of whitespace and a final full
/// stop are ignored, nothing else. Two duties worded differently count as different.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duty<'a> {
    pub text: &'a str,
    pub shared: bool,
}

/// The responsibilities of both levels, each side in its own (the content's) order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Responsibilities<'a> {
    pub a: Vec<Duty<'a>>,
    /// Entries with `shared == false` are the responsibilities new at B.
    pub b: Vec<Duty<'a>>,
}

impl<'a> Responsibilities<'a> {
    fn new(a: &'a Level, b: &'a Level) -> Self {
        let keys_a: Vec<String> = a.responsibilities.iter().map(|t| duty_key(t)).collect();
        let keys_b: Vec<String> = b.responsibilities.iter().map(|t| duty_key(t)).collect();
        let side = |texts: &'a [String], keys: &[String], others: &[String]| {
            texts
                .iter()
                .zip(keys)
                .map(|(text, key)| Duty {
                    text,
                    shared: others.contains(key),
                })
                .collect()
        };
        Responsibilities {
            a: side(&a.responsibilities, &keys_a, &keys_b),
            b: side(&b.responsibilities, &keys_b, &keys_a),
        }
    }

    /// Row `i` holds the `i`-th duty of each side, for two columns drawn side by side.
    pub fn rows(&self) -> impl Iterator<Item = (Option<&Duty<'a>>, Option<&Duty<'a>>)> {
        (0..self.a.len().max(self.b.len())).map(|i| (self.a.get(i), self.b.get(i)))
    }

    /// How many of B's responsibilities A does not list.
    pub fn new_at_b(&self) -> usize {
        self.b.iter().filter(|d| !d.shared).count()
    }
}

fn duty_key(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut key = words.join(" ").to_lowercase();
    if key.ends_with('.') {
        key.pop();
    }
    key
}

/// The counts behind the one-line summary of what changes from A to B.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Headline {
    /// Skills expected at B and not at A.
    pub skills_new: usize,
    /// Skills expected at A and not at B.
    pub skills_only_a: usize,
    /// Skills at both levels with a higher proficiency at B.
    pub skills_raised: usize,
    /// Skills at both levels with a lower proficiency at B.
    pub skills_lowered: usize,
    /// Skills at both levels with the same proficiency.
    pub skills_same: usize,
    /// Skills at both levels, not rated at one or both: no step to compare.
    pub skills_unrated: usize,
    /// B's minimum years in the field minus A's.
    pub field_years: i64,
    /// B's minimum years managing people minus A's; an absent range counts as 0.
    pub managing_years: i64,
    /// Responsibilities of B that A does not list (normalised text match).
    pub responsibilities_new: usize,
}

impl Headline {
    fn mirrored(self) -> Headline {
        Headline {
            skills_new: self.skills_only_a,
            skills_only_a: self.skills_new,
            skills_raised: self.skills_lowered,
            skills_lowered: self.skills_raised,
            skills_same: self.skills_same,
            skills_unrated: self.skills_unrated,
            field_years: -self.field_years,
            managing_years: -self.managing_years,
            // Not derivable from this side alone: the mirror's count is A's unshared duties.
            responsibilities_new: self.responsibilities_new,
        }
    }
}

/// Everything that differs (and what does not) between level A and level B.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison<'a> {
    pub a: &'a Level,
    pub b: &'a Level,
    pub relation: Relation,
    /// Summary, scope, reporting lines, decision scope and education, in [`Fact`] order.
    pub facts: Vec<FactRow<'a>>,
    pub experience: ExperienceComparison<'a>,
    /// Every skill of either level, ordered by category (in catalogue order), then skill
    /// name, then id.
    pub skills: Vec<SkillRow<'a>>,
    pub responsibilities: Responsibilities<'a>,
    pub headline: Headline,
}

impl<'a> Comparison<'a> {
    /// The comparison seen from the other side, built from this one without the ladder.
    /// `compare(l, b, a) == compare(l, a, b).mirrored()` for any levels: A and B swap in every
    /// row; only-at-A and only-at-B swap; raised and lowered swap; `steps`, `min_delta` and the
    /// headline's year differences change sign; a gap's lower side flips; the headline's
    /// new/only-A and raised/lowered counts swap. Overlaps, the axis, `Same` and `Changed`
    /// rows, and the order of rows are unchanged.
    pub fn mirrored(&self) -> Comparison<'a> {
        let responsibilities = Responsibilities {
            a: self.responsibilities.b.clone(),
            b: self.responsibilities.a.clone(),
        };
        let mut headline = self.headline.mirrored();
        headline.responsibilities_new = responsibilities.new_at_b();
        Comparison {
            a: self.b,
            b: self.a,
            relation: match self.relation {
                Relation::SameTrack { steps } => Relation::SameTrack { steps: -steps },
                other => other,
            },
            facts: self
                .facts
                .iter()
                .map(|row| FactRow {
                    fact: row.fact,
                    a: row.b.clone(),
                    b: row.a.clone(),
                    status: row.status.mirrored(),
                })
                .collect(),
            experience: ExperienceComparison {
                field: self.experience.field.mirrored(),
                managing: self.experience.managing.mirrored(),
                axis_end: self.experience.axis_end,
            },
            skills: self
                .skills
                .iter()
                .map(|row| SkillRow {
                    a: row.b,
                    b: row.a,
                    a_ref: row.b_ref,
                    b_ref: row.a_ref,
                    change: row.change.mirrored(),
                    ..row.clone()
                })
                .collect(),
            responsibilities,
            headline,
        }
    }
}

/// Compares level `a` with level `b` of `ladder`. Pure: no I/O; besides the result it
/// allocates only the two sorted skill lists and the normalised duty texts.
pub fn compare<'a>(ladder: &'a Ladder, a: &'a Level, b: &'a Level) -> Comparison<'a> {
    let relation = if a.id == b.id {
        Relation::Itself
    } else if a.track == b.track {
        Relation::SameTrack {
            steps: i64::from(b.rank) - i64::from(a.rank),
        }
    } else {
        Relation::OtherTrack
    };
    let experience = ExperienceComparison::new(a, b);
    let skills = skill_rows(ladder, a, b);
    let responsibilities = Responsibilities::new(a, b);
    let mut headline = Headline {
        field_years: experience.field.min_delta,
        managing_years: experience.managing.min_delta,
        responsibilities_new: responsibilities.new_at_b(),
        ..Headline::default()
    };
    for row in &skills {
        match row.change {
            SkillChange::Same => headline.skills_same += 1,
            SkillChange::Raised => headline.skills_raised += 1,
            SkillChange::Lowered => headline.skills_lowered += 1,
            SkillChange::OnlyA => headline.skills_only_a += 1,
            SkillChange::OnlyB => headline.skills_new += 1,
            SkillChange::Unrated => headline.skills_unrated += 1,
        }
    }
    Comparison {
        a,
        b,
        relation,
        facts: fact_rows(ladder, a, b),
        experience,
        skills,
        responsibilities,
        headline,
    }
}

fn fact_rows<'a>(ladder: &'a Ladder, a: &'a Level, b: &'a Level) -> Vec<FactRow<'a>> {
    fn text(s: &str) -> Option<Cow<'_, str>> {
        (!s.is_empty()).then_some(Cow::Borrowed(s))
    }
    let reports_to = |level: &'a Level| -> Option<Cow<'a, str>> {
        if level.reports_to.is_empty() {
            return None;
        }
        let titles: Vec<&str> = level
            .reports_to
            .iter()
            .map(|id| ladder.level(id).map_or(id.as_str(), |l| l.title.as_str()))
            .collect();
        Some(Cow::Owned(titles.join(", ")))
    };
    let direct = |level: &Level| level.direct_reports.as_ref().map(|r| Cow::Owned(r.label()));
    let row = |fact, a: Option<Cow<'a, str>>, b: Option<Cow<'a, str>>| FactRow {
        fact,
        status: Status::of(a.as_deref(), b.as_deref()),
        a,
        b,
    };
    vec![
        row(Fact::Summary, text(&a.summary), text(&b.summary)),
        row(Fact::Scope, text(&a.scope), text(&b.scope)),
        row(Fact::ReportsTo, reports_to(a), reports_to(b)),
        row(Fact::DirectReports, direct(a), direct(b)),
        row(
            Fact::DecisionScope,
            text(&a.decision_scope),
            text(&b.decision_scope),
        ),
        row(
            Fact::Education,
            text(a.education.as_ref().map_or("", |e| e.typical.as_str())),
            text(b.education.as_ref().map_or("", |e| e.typical.as_str())),
        ),
        row(
            Fact::PreferredEducation,
            text(a.education.as_ref().map_or("", |e| e.preferred.as_str())),
            text(b.education.as_ref().map_or("", |e| e.preferred.as_str())),
        ),
    ]
}

/// A level's skills with the keys they are ordered by.
struct Keyed<'a> {
    category_index: usize,
    skill: &'a Skill,
    reference: &'a SkillRef,
}

impl Keyed<'_> {
    fn order(&self, other: &Self) -> Ordering {
        (self.category_index, &self.skill.name, &self.skill.id).cmp(&(
            other.category_index,
            &other.skill.name,
            &other.skill.id,
        ))
    }
}

fn keyed<'a>(ladder: &'a Ladder, level: &'a Level) -> Vec<Keyed<'a>> {
    let categories = ladder.categories();
    let mut keyed: Vec<Keyed<'a>> = level
        .skills
        .iter()
        .filter_map(|r| {
            let skill = ladder.skill(&r.skill)?;
            // A handful of categories: a scan is cheaper than hashing the id.
            let category_index = categories
                .iter()
                .position(|c| c.id == skill.category)
                .unwrap_or(usize::MAX);
            Some(Keyed {
                category_index,
                skill,
                reference: r,
            })
        })
        .collect();
    keyed.sort_unstable_by(Keyed::order);
    keyed
}

/// Both skill lists sorted by the display order, then merged in one pass.
fn skill_rows<'a>(ladder: &'a Ladder, a: &'a Level, b: &'a Level) -> Vec<SkillRow<'a>> {
    let left = keyed(ladder, a);
    let right = keyed(ladder, b);
    let categories = ladder.categories();
    let row = |k: &Keyed<'a>, a_ref: Option<&'a SkillRef>, b_ref: Option<&'a SkillRef>| {
        let (a, b) = (
            a_ref.and_then(|r| r.proficiency),
            b_ref.and_then(|r| r.proficiency),
        );
        let change = match (a_ref, b_ref) {
            (Some(_), Some(_)) => match (a, b) {
                (Some(x), Some(y)) => match y.cmp(&x) {
                    Ordering::Greater => SkillChange::Raised,
                    Ordering::Less => SkillChange::Lowered,
                    Ordering::Equal => SkillChange::Same,
                },
                _ => SkillChange::Unrated,
            },
            (Some(_), None) => SkillChange::OnlyA,
            _ => SkillChange::OnlyB,
        };
        SkillRow {
            skill: k.skill,
            category: categories.get(k.category_index),
            a,
            b,
            a_ref,
            b_ref,
            change,
        }
    };
    let mut rows = Vec::with_capacity(left.len().max(right.len()));
    let (mut i, mut j) = (0, 0);
    while i < left.len() || j < right.len() {
        let step = match (left.get(i), right.get(j)) {
            (Some(x), Some(y)) => x.order(y),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        match step {
            Ordering::Less => {
                rows.push(row(&left[i], Some(left[i].reference), None));
                i += 1;
            }
            Ordering::Greater => {
                rows.push(row(&right[j], None, Some(right[j].reference)));
                j += 1;
            }
            Ordering::Equal => {
                rows.push(row(
                    &left[i],
                    Some(left[i].reference),
                    Some(right[j].reference),
                ));
                i += 1;
                j += 1;
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests;
