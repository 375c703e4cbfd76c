//! The plan: where a person stands (their current level and their own ratings of skills), the
//! skills they have bookmarked (each with the level it came from, a status and a note), a
//! target level, evidence, and a dated log of every change. Every change is an [`Edit`] that
//! returns its inverse, so undo is one more edit and a change can be replayed on top of a plan
//! reloaded from disk.

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

/// The plan file format this rungs writes. It reads this one and every earlier one.
pub const PLAN_VERSION: u32 = 2;

/// The first plan format: items, notes, dates and a target. Read as it is; the first save
/// writes it as [`PLAN_VERSION`] with everything it held.
pub const PLAN_VERSION_1: u32 = 1;

/// Where a bookmarked skill stands.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Planned,
    InProgress,
    Done,
}

impl Status {
    /// In the order the plan is shown: what is still ahead first.
    pub const ALL: [Status; 3] = [Status::Planned, Status::InProgress, Status::Done];

    /// The name used in the file, on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in-progress",
            Status::Done => "done",
        }
    }

    /// The next status in the cycle planned → in-progress → done → planned (for a key that
    /// steps through them).
    pub fn next(self) -> Status {
        match self {
            Status::Planned => Status::InProgress,
            Status::InProgress => Status::Done,
            Status::Done => Status::Planned,
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One bookmarked skill. An item is identified by its (skill, level) pair: the same skill may
/// be planned at two levels, since levels expect it at different proficiencies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// Skill id in the ladder.
    pub skill: String,
    /// The skill's name when it was bookmarked, for a person reading the file; never used to
    /// look anything up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill_name: Option<String>,
    /// Id of the level the skill was bookmarked from.
    pub level: String,
    /// The level's title when the skill was bookmarked, for a person reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_title: Option<String>,
    #[serde(default)]
    pub status: Status,
    /// Free text; may span lines. Shown through `text::clean`, stored as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When the skill was bookmarked (a TOML date such as `2026-01-05`).
    pub added: Datetime,
    /// What shows progress on this item, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl PlanItem {
    /// A new planned item with no note, added `added`.
    pub fn new(skill: impl Into<String>, level: impl Into<String>, added: Datetime) -> Self {
        PlanItem {
            skill: skill.into(),
            skill_name: None,
            level: level.into(),
            level_title: None,
            status: Status::Planned,
            note: String::new(),
            added,
            evidence: Vec::new(),
        }
    }

    pub fn is(&self, skill: &str, level: &str) -> bool {
        self.skill == skill && self.level == level
    }
}

/// A personal development plan, as stored in `plan.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub version: u32,
    /// Id of the level the person holds today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    /// The current level's title when it was set, for a person reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_title: Option<String>,
    /// Id of the level the person is working toward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The target's title when it was set, for a person reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_title: Option<String>,
    #[serde(default)]
    pub items: Vec<PlanItem>,
    /// The person's own rating of skills, one per skill.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<Rating>,
    /// Every change, oldest first: appended by each edit, never rewritten.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<LogEntry>,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            version: PLAN_VERSION,
            current: None,
            current_title: None,
            target: None,
            target_title: None,
            items: Vec::new(),
            ratings: Vec::new(),
            log: Vec::new(),
        }
    }
}

/// A dated piece of evidence: something done that shows a skill, with an optional link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub date: Datetime,
    /// Free text; may span lines. Shown through `text::clean`, stored as typed.
    pub text: String,
    /// A URL or a path, stored as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// A person's rating of one of their skills, on the ladder's scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// Skill id in the ladder.
    pub skill: String,
    /// The skill's name when it was rated, for a person reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill_name: Option<String>,
    /// The name of a step of the ladder's scale (`working`).
    pub step: String,
    /// When the step was last set.
    pub date: Datetime,
    /// Why this step; may span lines.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// What shows the skill at this step, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// What a [`LogEntry`] records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// An item was bookmarked (`skill`, `level`).
    Added,
    /// An item was taken out (`skill`, `level`).
    Removed,
    /// An item's status changed (`from`, `to`).
    Status,
    /// A skill's rating changed (`from`, `to`: step names; absent when unrated).
    Rating,
    /// Evidence was added (`to`), edited (`from`, `to`) or removed (`from`): its text.
    Evidence,
    /// The current level changed (`from`, `to`: level ids).
    Current,
    /// The target level changed (`from`, `to`: level ids).
    Target,
}

impl Change {
    pub fn name(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Status => "status",
            Change::Rating => "rating",
            Change::Evidence => "evidence",
            Change::Current => "current",
            Change::Target => "target",
        }
    }
}

/// One dated change in the plan's log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    pub date: Datetime,
    pub change: Change,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// Whose evidence: a skill's rating, or a plan item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceOwner {
    Rating { skill: String },
    Item { skill: String, level: String },
}

impl EvidenceOwner {
    pub fn skill(&self) -> &str {
        match self {
            EvidenceOwner::Rating { skill } | EvidenceOwner::Item { skill, .. } => skill,
        }
    }

    pub fn level(&self) -> Option<&str> {
        match self {
            EvidenceOwner::Rating { .. } => None,
            EvidenceOwner::Item { level, .. } => Some(level),
        }
    }
}

/// One change to a plan. Edits name items by (skill, level), never by position, so an edit
/// made against one version of the file still means the same thing when replayed on a newer
/// version that someone else changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Add the item, at the end, unless an item with its (skill, level) is already there.
    Add(PlanItem),
    /// Put the item back at `index` (or at the end if the plan is shorter): the inverse of a
    /// removal, so that undo restores the item where it was.
    Insert { index: usize, item: PlanItem },
    /// Remove the item with this (skill, level).
    Remove { skill: String, level: String },
    SetStatus {
        skill: String,
        level: String,
        status: Status,
    },
    SetNote {
        skill: String,
        level: String,
        note: String,
    },
    /// Set (or with `None` clear) the target level; `title` is stored beside the id.
    SetTarget {
        target: Option<String>,
        title: Option<String>,
    },
    /// Set (or with `None` clear) the current level; `title` is stored beside the id.
    SetCurrent {
        current: Option<String>,
        title: Option<String>,
    },
    /// Put the skill's rating record as given (`None` takes it out, with its evidence). The
    /// evidence of a rating already there stays as it is: evidence changes only through the
    /// evidence edits. Built by [`Edit::rate`].
    SetRating {
        skill: String,
        rating: Option<Rating>,
    },
    /// Put a rating back at `index` (or at the end), evidence included: the inverse of taking
    /// it out, so that undo restores it where it was.
    InsertRating { index: usize, rating: Rating },
    /// Add evidence at the end of the owner's list.
    AddEvidence {
        owner: EvidenceOwner,
        evidence: Evidence,
    },
    /// Put evidence back at `index` (or at the end): the inverse of a removal.
    InsertEvidence {
        owner: EvidenceOwner,
        index: usize,
        evidence: Evidence,
    },
    /// Remove the first entry of the owner's evidence equal to `evidence`. Entries are named
    /// by their content, not their position, for the same reason items are.
    RemoveEvidence {
        owner: EvidenceOwner,
        evidence: Evidence,
    },
    /// Replace the first entry equal to `old` with `new`.
    ReplaceEvidence {
        owner: EvidenceOwner,
        old: Evidence,
        new: Evidence,
    },
}

impl Edit {
    /// The edit that bookmarks `skill` at `level` if it is not in the plan, or removes it if it
    /// is: what a bookmark key does.
    pub fn toggle(plan: &Plan, item: PlanItem) -> Edit {
        if plan.contains(&item.skill, &item.level) {
            Edit::Remove {
                skill: item.skill,
                level: item.level,
            }
        } else {
            Edit::Add(item)
        }
    }

    /// The edit that rates `skill` at `step` on `date`: the step, date and (when given) note
    /// change; the rating's evidence stays. Without a note the previous note stays.
    pub fn rate(
        plan: &Plan,
        skill: &str,
        skill_name: Option<String>,
        step: &str,
        note: Option<String>,
        date: Datetime,
    ) -> Edit {
        let rating = match plan.rating(skill) {
            Some(old) => Rating {
                skill: skill.to_owned(),
                skill_name: skill_name.or_else(|| old.skill_name.clone()),
                step: step.to_owned(),
                date,
                note: note.unwrap_or_else(|| old.note.clone()),
                evidence: old.evidence.clone(),
            },
            None => Rating {
                skill: skill.to_owned(),
                skill_name,
                step: step.to_owned(),
                date,
                note: note.unwrap_or_default(),
                evidence: Vec::new(),
            },
        };
        Edit::SetRating {
            skill: skill.to_owned(),
            rating: Some(rating),
        }
    }

    /// Whether this edit takes something out of the plan (the only kind of edit after which
    /// the saved file may hold less than before).
    pub fn removes(&self) -> bool {
        matches!(
            self,
            Edit::Remove { .. }
                | Edit::RemoveEvidence { .. }
                | Edit::SetRating { rating: None, .. }
        )
    }
}

impl Plan {
    /// The person's rating of `skill`, if any.
    pub fn rating(&self, skill: &str) -> Option<&Rating> {
        self.ratings.iter().find(|r| r.skill == skill)
    }

    /// The evidence list of `owner`, if the owner exists.
    pub fn evidence_of(&self, owner: &EvidenceOwner) -> Option<&[Evidence]> {
        match owner {
            EvidenceOwner::Rating { skill } => self.rating(skill).map(|r| r.evidence.as_slice()),
            EvidenceOwner::Item { skill, level } => {
                self.item(skill, level).map(|i| i.evidence.as_slice())
            }
        }
    }

    fn evidence_mut(&mut self, owner: &EvidenceOwner) -> Option<&mut Vec<Evidence>> {
        match owner {
            EvidenceOwner::Rating { skill } => self
                .ratings
                .iter_mut()
                .find(|r| r.skill == *skill)
                .map(|r| &mut r.evidence),
            EvidenceOwner::Item { skill, level } => self
                .items
                .iter_mut()
                .find(|i| i.is(skill, level))
                .map(|i| &mut i.evidence),
        }
    }

    /// How many entries the plan holds: items, ratings, evidence and log entries. A save
    /// that would lower it without an edit that [`Edit::removes`] is refused.
    pub fn entry_count(&self) -> usize {
        let item_evidence: usize = self.items.iter().map(|i| i.evidence.len()).sum();
        let rating_evidence: usize = self.ratings.iter().map(|r| r.evidence.len()).sum();
        self.items.len() + item_evidence + self.ratings.len() + rating_evidence + self.log.len()
    }

    /// Takes back an edit whose save failed: applies its `inverse` and drops the log entries
    /// written since the log held `log_len`, so the plan is exactly as before.
    pub fn roll_back(&mut self, inverse: &Edit, log_len: usize) {
        self.apply(inverse);
        self.log.truncate(log_len);
    }

    pub fn position(&self, skill: &str, level: &str) -> Option<usize> {
        self.items.iter().position(|i| i.is(skill, level))
    }

    pub fn item(&self, skill: &str, level: &str) -> Option<&PlanItem> {
        self.items.iter().find(|i| i.is(skill, level))
    }

    /// Whether the skill is bookmarked at this level.
    pub fn contains(&self, skill: &str, level: &str) -> bool {
        self.position(skill, level).is_some()
    }

    /// Whether the skill is bookmarked at any level (for a ★ beside a skill wherever it shows).
    pub fn has_skill(&self, skill: &str) -> bool {
        self.items.iter().any(|i| i.skill == skill)
    }

    /// The items holding `skill`, at whatever level.
    pub fn items_of_skill<'a>(&'a self, skill: &'a str) -> impl Iterator<Item = &'a PlanItem> {
        self.items.iter().filter(move |i| i.skill == skill)
    }

    /// The items with this status, in file order.
    pub fn with_status(&self, status: Status) -> impl Iterator<Item = &PlanItem> {
        self.items.iter().filter(move |i| i.status == status)
    }

    /// Applies `edit` today: see [`Plan::apply_on`].
    pub fn apply(&mut self, edit: &Edit) -> Option<Edit> {
        self.apply_on(edit, today())
    }

    /// Applies `edit`, records it in the log dated `date` (when it is a kind of change the
    /// log keeps), and returns the edit that undoes it, or `None` when it changed nothing
    /// (adding what is there, removing what is not, setting a value to itself).
    pub fn apply_on(&mut self, edit: &Edit, date: Datetime) -> Option<Edit> {
        let inverse = self.change(edit)?;
        if let Some(entry) = log_entry(edit, &inverse, date) {
            self.log.push(entry);
        }
        Some(inverse)
    }

    fn change(&mut self, edit: &Edit) -> Option<Edit> {
        match edit {
            Edit::Add(item) => {
                if self.contains(&item.skill, &item.level) {
                    return None;
                }
                self.items.push(item.clone());
                Some(Edit::Remove {
                    skill: item.skill.clone(),
                    level: item.level.clone(),
                })
            }
            Edit::Insert { index, item } => {
                if self.contains(&item.skill, &item.level) {
                    return None;
                }
                let index = (*index).min(self.items.len());
                self.items.insert(index, item.clone());
                Some(Edit::Remove {
                    skill: item.skill.clone(),
                    level: item.level.clone(),
                })
            }
            Edit::Remove { skill, level } => {
                let index = self.position(skill, level)?;
                let item = self.items.remove(index);
                Some(Edit::Insert { index, item })
            }
            Edit::SetStatus {
                skill,
                level,
                status,
            } => {
                let index = self.position(skill, level)?;
                let old = std::mem::replace(&mut self.items[index].status, *status);
                (old != *status).then(|| Edit::SetStatus {
                    skill: skill.clone(),
                    level: level.clone(),
                    status: old,
                })
            }
            Edit::SetNote { skill, level, note } => {
                let index = self.position(skill, level)?;
                let old = std::mem::replace(&mut self.items[index].note, note.clone());
                (old != *note).then(|| Edit::SetNote {
                    skill: skill.clone(),
                    level: level.clone(),
                    note: old,
                })
            }
            Edit::SetTarget { target, title } => {
                if self.target == *target && self.target_title == *title {
                    return None;
                }
                let old_target = std::mem::replace(&mut self.target, target.clone());
                let old_title = std::mem::replace(&mut self.target_title, title.clone());
                Some(Edit::SetTarget {
                    target: old_target,
                    title: old_title,
                })
            }
            Edit::SetCurrent { current, title } => {
                if self.current == *current && self.current_title == *title {
                    return None;
                }
                let old_current = std::mem::replace(&mut self.current, current.clone());
                let old_title = std::mem::replace(&mut self.current_title, title.clone());
                Some(Edit::SetCurrent {
                    current: old_current,
                    title: old_title,
                })
            }
            Edit::SetRating { skill, rating } => {
                let index = self.ratings.iter().position(|r| r.skill == *skill);
                match (index, rating) {
                    (Some(i), Some(new)) => {
                        let new = Rating {
                            evidence: self.ratings[i].evidence.clone(),
                            ..new.clone()
                        };
                        if self.ratings[i] == new {
                            return None;
                        }
                        let old = std::mem::replace(&mut self.ratings[i], new);
                        Some(Edit::SetRating {
                            skill: skill.clone(),
                            rating: Some(old),
                        })
                    }
                    (Some(i), None) => Some(Edit::InsertRating {
                        index: i,
                        rating: self.ratings.remove(i),
                    }),
                    (None, Some(new)) => {
                        self.ratings.push(new.clone());
                        Some(Edit::SetRating {
                            skill: skill.clone(),
                            rating: None,
                        })
                    }
                    (None, None) => None,
                }
            }
            Edit::InsertRating { index, rating } => {
                if self.rating(&rating.skill).is_some() {
                    return None;
                }
                let index = (*index).min(self.ratings.len());
                self.ratings.insert(index, rating.clone());
                Some(Edit::SetRating {
                    skill: rating.skill.clone(),
                    rating: None,
                })
            }
            Edit::AddEvidence { owner, evidence } => {
                let list = self.evidence_mut(owner)?;
                // Entries are found by value (undo, remove, replace), so two identical entries
                // would make an undo act on the wrong one: an exact duplicate changes nothing.
                if list.contains(evidence) {
                    return None;
                }
                list.push(evidence.clone());
                Some(Edit::RemoveEvidence {
                    owner: owner.clone(),
                    evidence: evidence.clone(),
                })
            }
            Edit::InsertEvidence {
                owner,
                index,
                evidence,
            } => {
                let list = self.evidence_mut(owner)?;
                if list.contains(evidence) {
                    return None;
                }
                let index = (*index).min(list.len());
                list.insert(index, evidence.clone());
                Some(Edit::RemoveEvidence {
                    owner: owner.clone(),
                    evidence: evidence.clone(),
                })
            }
            Edit::RemoveEvidence { owner, evidence } => {
                let list = self.evidence_mut(owner)?;
                let index = list.iter().position(|e| e == evidence)?;
                let evidence = list.remove(index);
                Some(Edit::InsertEvidence {
                    owner: owner.clone(),
                    index,
                    evidence,
                })
            }
            Edit::ReplaceEvidence { owner, old, new } => {
                if old == new {
                    return None;
                }
                let list = self.evidence_mut(owner)?;
                if list.contains(new) {
                    return None;
                }
                let entry = list.iter_mut().find(|e| *e == old)?;
                *entry = new.clone();
                Some(Edit::ReplaceEvidence {
                    owner: owner.clone(),
                    old: new.clone(),
                    new: old.clone(),
                })
            }
        }
    }
}

/// The log entry for an applied `edit` whose inverse is `inverse`; `None` for changes the log
/// does not keep (notes, and a rating whose step stayed).
fn log_entry(edit: &Edit, inverse: &Edit, date: Datetime) -> Option<LogEntry> {
    let entry = |change, skill: Option<&str>, level: Option<&str>, from, to| LogEntry {
        date,
        change,
        skill: skill.map(str::to_owned),
        level: level.map(str::to_owned),
        from,
        to,
    };
    let evidence_entry = |owner: &EvidenceOwner, from: Option<&Evidence>, to: Option<&Evidence>| {
        entry(
            Change::Evidence,
            Some(owner.skill()),
            owner.level(),
            from.map(|e| e.text.clone()),
            to.map(|e| e.text.clone()),
        )
    };
    Some(match (edit, inverse) {
        (Edit::Add(item) | Edit::Insert { item, .. }, _) => entry(
            Change::Added,
            Some(&item.skill),
            Some(&item.level),
            None,
            None,
        ),
        (Edit::Remove { skill, level }, _) => {
            entry(Change::Removed, Some(skill), Some(level), None, None)
        }
        (
            Edit::SetStatus {
                skill,
                level,
                status,
            },
            Edit::SetStatus { status: old, .. },
        ) => entry(
            Change::Status,
            Some(skill),
            Some(level),
            Some(old.name().to_owned()),
            Some(status.name().to_owned()),
        ),
        (Edit::SetTarget { target, .. }, Edit::SetTarget { target: old, .. }) => {
            entry(Change::Target, None, None, old.clone(), target.clone())
        }
        (Edit::SetCurrent { current, .. }, Edit::SetCurrent { current: old, .. }) => {
            entry(Change::Current, None, None, old.clone(), current.clone())
        }
        (Edit::SetRating { skill, rating }, inverse) => {
            let from = match inverse {
                Edit::SetRating { rating: old, .. } => old.as_ref().map(|r| r.step.clone()),
                Edit::InsertRating { rating: old, .. } => Some(old.step.clone()),
                _ => None,
            };
            let to = rating.as_ref().map(|r| r.step.clone());
            if from == to {
                return None;
            }
            entry(Change::Rating, Some(skill), None, from, to)
        }
        (Edit::InsertRating { rating, .. }, _) => entry(
            Change::Rating,
            Some(&rating.skill),
            None,
            None,
            Some(rating.step.clone()),
        ),
        (
            Edit::AddEvidence { owner, evidence }
            | Edit::InsertEvidence {
                owner, evidence, ..
            },
            _,
        ) => evidence_entry(owner, None, Some(evidence)),
        (Edit::RemoveEvidence { owner, evidence }, _) => {
            evidence_entry(owner, Some(evidence), None)
        }
        (Edit::ReplaceEvidence { owner, old, new }, _) => {
            evidence_entry(owner, Some(old), Some(new))
        }
        _ => return None,
    })
}

/// Today's date (UTC) as a TOML date, for [`PlanItem::added`].
pub fn today() -> Datetime {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    let (year, month, day) = civil_from_days(days);
    Datetime {
        date: Some(toml::value::Date { year, month, day }),
        time: None,
        offset: None,
    }
}

/// Days since 1970-01-01 to a (year, month, day) in the proleptic Gregorian calendar
/// (Howard Hinnant's `civil_from_days`, for days on or after the epoch).
pub(crate) fn civil_from_days(days: u64) -> (u16, u8, u8) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (
        u16::try_from(year).unwrap_or(u16::MAX),
        month as u8,
        day as u8,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8, day: u8) -> Datetime {
        Datetime {
            date: Some(toml::value::Date { year, month, day }),
            time: None,
            offset: None,
        }
    }

    fn item(skill: &str, level: &str) -> PlanItem {
        PlanItem::new(skill, level, date(2026, 1, 5))
    }

    #[test]
    fn civil_dates_match_known_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_458), (2026, 1, 5));
    }

    #[test]
    fn toggle_adds_then_removes_and_undo_restores_the_position() {
        let mut plan = Plan::default();
        for skill in ["a", "b", "c"] {
            let edit = Edit::toggle(&plan, item(skill, "l"));
            assert!(plan.apply(&edit).is_some());
        }
        let before = plan.clone();
        let remove = Edit::toggle(&plan, item("b", "l"));
        assert_eq!(
            remove,
            Edit::Remove {
                skill: "b".into(),
                level: "l".into()
            }
        );
        let undo = plan.apply(&remove).expect("removed");
        assert_eq!(plan.items.len(), 2);
        let redo = plan.apply(&undo).expect("restored");
        assert_eq!(plan.items, before.items, "undo puts b back between a and c");
        assert_eq!(redo, remove);
        // The log keeps both the removal and the undo.
        let changes: Vec<Change> = plan.log.iter().map(|e| e.change).collect();
        assert_eq!(
            changes[before.log.len()..],
            [Change::Removed, Change::Added]
        );
    }

    #[test]
    fn same_skill_at_two_levels_is_two_items() {
        let mut plan = Plan::default();
        plan.apply(&Edit::Add(item("coaching", "manager")));
        plan.apply(&Edit::Add(item("coaching", "director")));
        assert_eq!(plan.items.len(), 2);
        assert!(plan.has_skill("coaching"));
        assert_eq!(plan.apply(&Edit::Add(item("coaching", "manager"))), None);
    }

    #[test]
    fn edits_that_change_nothing_have_no_inverse() {
        let mut plan = Plan::default();
        plan.apply(&Edit::Add(item("a", "l")));
        let same_status = Edit::SetStatus {
            skill: "a".into(),
            level: "l".into(),
            status: Status::Planned,
        };
        assert_eq!(plan.apply(&same_status), None);
        let missing = Edit::SetNote {
            skill: "zz".into(),
            level: "l".into(),
            note: "x".into(),
        };
        assert_eq!(plan.apply(&missing), None);
        let clear_target = Edit::SetTarget {
            target: None,
            title: None,
        };
        assert_eq!(plan.apply(&clear_target), None);
    }

    #[test]
    fn status_note_and_target_edits_invert() {
        let mut plan = Plan::default();
        plan.apply(&Edit::Add(item("a", "l")));
        let before = plan.clone();
        let edits = [
            Edit::SetStatus {
                skill: "a".into(),
                level: "l".into(),
                status: Status::Done,
            },
            Edit::SetNote {
                skill: "a".into(),
                level: "l".into(),
                note: "read \"the book\"\nthen practise".into(),
            },
            Edit::SetTarget {
                target: Some("director".into()),
                title: Some("Director".into()),
            },
        ];
        let mut undo = Vec::new();
        for edit in &edits {
            undo.push(plan.apply(edit).expect("changes something"));
        }
        assert_eq!(plan.items[0].status, Status::Done);
        assert_eq!(plan.target.as_deref(), Some("director"));
        while let Some(inverse) = undo.pop() {
            plan.apply(&inverse);
        }
        // A note change is not logged; status and target, and their undos, are.
        let log: Vec<Change> = plan.log.iter().map(|e| e.change).collect();
        assert_eq!(
            log[before.log.len()..],
            [
                Change::Status,
                Change::Target,
                Change::Target,
                Change::Status
            ]
        );
        plan.log.truncate(before.log.len());
        assert_eq!(plan, before);
    }

    fn evidence(text: &str) -> Evidence {
        Evidence {
            date: date(2026, 2, 1),
            text: text.into(),
            link: Some("https://example.com/doc".into()),
        }
    }

    #[test]
    fn rating_keeps_evidence_and_logs_each_step_change() {
        let mut plan = Plan::default();
        let day = date(2026, 2, 1);
        plan.apply_on(
            &Edit::rate(&plan, "coaching", None, "basic", None, day),
            day,
        );
        let owner = EvidenceOwner::Rating {
            skill: "coaching".into(),
        };
        plan.apply_on(
            &Edit::AddEvidence {
                owner: owner.clone(),
                evidence: evidence("mentored two new hires"),
            },
            day,
        );
        let later = date(2026, 3, 1);
        let edit = Edit::rate(
            &plan,
            "coaching",
            None,
            "working",
            Some("better".into()),
            later,
        );
        let undo = plan.apply_on(&edit, later).expect("changed");
        let rating = plan.rating("coaching").expect("rated");
        assert_eq!(
            (rating.step.as_str(), rating.note.as_str()),
            ("working", "better")
        );
        assert_eq!(rating.date, later);
        assert_eq!(rating.evidence.len(), 1, "evidence stays with the rating");
        // A note alone is not a step change: not logged.
        let note_only = Edit::rate(&plan, "coaching", None, "working", Some("x".into()), later);
        plan.apply_on(&note_only, later).expect("changed");
        let steps: Vec<(Option<&str>, Option<&str>)> = plan
            .log
            .iter()
            .filter(|e| e.change == Change::Rating)
            .map(|e| (e.from.as_deref(), e.to.as_deref()))
            .collect();
        assert_eq!(
            steps,
            [(None, Some("basic")), (Some("basic"), Some("working"))]
        );
        assert_eq!(plan.log.last().map(|e| e.date), Some(later));
        // Undo of the step change restores the whole record (step, date, note, evidence).
        let mut undone = plan.clone();
        undone.apply(&note_only_inverse(&plan, "working", "better"));
        undone.apply(&undo);
        assert_eq!(
            undone.rating("coaching").map(|r| r.step.as_str()),
            Some("basic")
        );
        assert_eq!(undone.rating("coaching").map(|r| r.date), Some(day));
    }

    fn note_only_inverse(plan: &Plan, step: &str, note: &str) -> Edit {
        let mut rating = plan.rating("coaching").expect("rated").clone();
        rating.step = step.into();
        rating.note = note.into();
        Edit::SetRating {
            skill: "coaching".into(),
            rating: Some(rating),
        }
    }

    #[test]
    fn evidence_is_added_edited_removed_and_restored_in_place() {
        let mut plan = Plan::default();
        plan.apply(&Edit::Add(item("a", "l")));
        let owner = EvidenceOwner::Item {
            skill: "a".into(),
            level: "l".into(),
        };
        for text in ["one", "two", "three"] {
            plan.apply(&Edit::AddEvidence {
                owner: owner.clone(),
                evidence: evidence(text),
            });
        }
        let texts = |plan: &Plan| -> Vec<String> {
            plan.evidence_of(&owner)
                .expect("item")
                .iter()
                .map(|e| e.text.clone())
                .collect()
        };
        let undo_edit = plan
            .apply(&Edit::ReplaceEvidence {
                owner: owner.clone(),
                old: evidence("two"),
                new: evidence("two, better"),
            })
            .expect("replaced");
        assert_eq!(texts(&plan), ["one", "two, better", "three"]);
        let remove = Edit::RemoveEvidence {
            owner: owner.clone(),
            evidence: evidence("two, better"),
        };
        assert!(remove.removes());
        let undo_remove = plan.apply(&remove).expect("removed");
        assert_eq!(texts(&plan), ["one", "three"]);
        plan.apply(&undo_remove);
        plan.apply(&undo_edit);
        assert_eq!(texts(&plan), ["one", "two", "three"]);
        // Evidence for an owner that is not there changes nothing.
        let nowhere = EvidenceOwner::Rating { skill: "a".into() };
        assert_eq!(
            plan.apply(&Edit::AddEvidence {
                owner: nowhere,
                evidence: evidence("x")
            }),
            None
        );
        let logged = plan
            .log
            .iter()
            .filter(|e| e.change == Change::Evidence)
            .count();
        assert_eq!(logged, 3 + 1 + 1 + 1 + 1);
    }

    #[test]
    fn entry_count_covers_everything_and_roll_back_leaves_no_trace() {
        let mut plan = Plan::default();
        plan.apply(&Edit::Add(item("a", "l")));
        plan.apply(&Edit::rate(
            &plan,
            "a",
            None,
            "working",
            None,
            date(2026, 1, 5),
        ));
        plan.apply(&Edit::AddEvidence {
            owner: EvidenceOwner::Rating { skill: "a".into() },
            evidence: evidence("e"),
        });
        // 1 item + 1 rating + 1 evidence + 3 log entries.
        assert_eq!(plan.entry_count(), 6);
        let before = plan.clone();
        let log_len = plan.log.len();
        let inverse = plan
            .apply(&Edit::SetCurrent {
                current: Some("manager".into()),
                title: None,
            })
            .expect("changed");
        plan.roll_back(&inverse, log_len);
        assert_eq!(plan, before);
    }

    #[test]
    fn status_cycles_through_all_three() {
        let mut s = Status::Planned;
        for _ in 0..3 {
            s = s.next();
        }
        assert_eq!(s, Status::Planned);
        assert_eq!(Status::InProgress.name(), "in-progress");
    }
}
