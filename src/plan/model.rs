//! The plan: skills a person has bookmarked, each with the level it came from, a status and a
//! note, and optionally a target level. Every change is an [`Edit`] that returns its inverse,
//! so undo is one more edit and a change can be replayed on top of a plan reloaded from disk.

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

/// The plan file format this rungs reads and writes.
pub const PLAN_VERSION: u32 = 1;

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
    /// Id of the level the person is working toward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The target's title when it was set, for a person reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_title: Option<String>,
    #[serde(default)]
    pub items: Vec<PlanItem>,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            version: PLAN_VERSION,
            target: None,
            target_title: None,
            items: Vec::new(),
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

    /// Whether this edit takes something out of the plan (the only kind of edit after which
    /// the saved file may hold less than before).
    pub fn removes(&self) -> bool {
        matches!(self, Edit::Remove { .. })
    }
}

impl Plan {
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

    /// Applies `edit` and returns the edit that undoes it, or `None` when it changed nothing
    /// (adding what is there, removing what is not, setting a value to itself).
    pub fn apply(&mut self, edit: &Edit) -> Option<Edit> {
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
        }
    }
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
fn civil_from_days(days: u64) -> (u16, u8, u8) {
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
        assert_eq!(plan, before, "undo puts b back between a and c");
        assert_eq!(redo, remove);
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
