//! The skill catalogue screen: every skill of the ladder (on a ladder of job families, of one
//! family at a time) grouped under its category, the selected skill's description and rubric,
//! and the levels that expect it, each of which Enter opens. Its state and its update live
//! here; `view::catalogue` draws it.

use std::collections::{HashMap, HashSet};

use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::app::{Reply, WHEEL_LINES, moved_or_stuck, skill_ids};
use super::family;
use super::keymap::{Command, command};
use super::screens::{Drawn, Focus, LevelScreen, Screen};
use super::widgets::scroll::{Scroll, step};
use crate::ladder::{Category, Ladder, Level, Proficiency, Skill};

/// One row of the catalogue list: a category heading, or a skill under it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CatalogueRow<'a> {
    Category(&'a Category),
    Skill(&'a Skill),
}

/// The catalogue's rows for `family` (an index into the ladder's families; `None`: every
/// category): each category in ladder order, then its skills in catalogue order. Categories
/// without a skill are left out.
pub fn rows(ladder: &Ladder, family: Option<usize>) -> Vec<CatalogueRow<'_>> {
    let family_id = family
        .and_then(|f| ladder.families().get(f))
        .map(|f| f.id.as_str());
    let mut rows = Vec::new();
    for category in ladder.categories() {
        if family_id.is_some_and(|id| !category.family.is_empty() && category.family != id) {
            continue;
        }
        let mut skills = ladder
            .skills()
            .iter()
            .filter(|s| s.category == category.id)
            .peekable();
        if skills.peek().is_none() {
            continue;
        }
        rows.push(CatalogueRow::Category(category));
        rows.extend(skills.map(CatalogueRow::Skill));
    }
    rows
}

/// The skills of the rows, in order (headings left out).
pub fn skills<'a>(rows: &[CatalogueRow<'a>]) -> Vec<&'a Skill> {
    rows.iter()
        .filter_map(|r| match r {
            CatalogueRow::Skill(s) => Some(*s),
            CatalogueRow::Category(_) => None,
        })
        .collect()
}

/// The list row of the `cursor`-th skill.
pub fn cursor_row(rows: &[CatalogueRow<'_>], cursor: usize) -> usize {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, CatalogueRow::Skill(_)))
        .nth(cursor)
        .map_or(0, |(i, _)| i)
}

/// A level that expects a skill: its index in the ladder's levels, and the step expected
/// (`None`: expected, not rated).
pub type Expected = (usize, Option<Proficiency>);

/// Which pane of the catalogue has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogueFocus {
    /// The skills, by category.
    List,
    /// The selected skill's description and rubric.
    Detail,
    /// The levels that expect the selected skill.
    Levels,
}

/// Where the catalogue's panes went in the last frame; `None` when not on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CataloguePanes {
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
    pub levels: Option<Rect>,
}

/// The catalogue screen's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueScreen {
    /// The family shown (index into the ladder's families); `None` shows every category.
    pub family: Option<usize>,
    pub focus: CatalogueFocus,
    /// Index among the skills of the list (headings not counted).
    pub skill: usize,
    pub list: Scroll,
    pub detail: Scroll,
    /// Index among the levels that expect the selected skill.
    pub level: usize,
    pub levels: Scroll,
    pub panes: Drawn<CataloguePanes>,
    /// How many levels expect each skill, by id, counted on first use: the ladder does not
    /// change while the explorer runs, and counting for every row of every frame took 30 ms
    /// a frame on a ladder of 1,000 levels.
    pub uses: Drawn<HashMap<String, usize>>,
    /// The levels that expect the selected skill (indexes into the ladder's levels, with the
    /// step), kept while the cursor stays on that skill.
    pub expected: Drawn<Option<(String, Vec<Expected>)>>,
}

impl CatalogueScreen {
    /// The catalogue of `family`, its cursor on the first skill.
    pub fn new(family: Option<usize>) -> CatalogueScreen {
        CatalogueScreen {
            family,
            focus: CatalogueFocus::List,
            skill: 0,
            list: Scroll::default(),
            detail: Scroll::default(),
            level: 0,
            levels: Scroll::default(),
            panes: Drawn::default(),
            uses: Drawn::default(),
            expected: Drawn::default(),
        }
    }

    /// How many levels expect the skill `skill_id`.
    pub fn uses(&self, ladder: &Ladder, skill_id: &str) -> usize {
        self.uses.with(|uses| {
            if uses.is_empty() {
                for level in ladder.levels() {
                    // A level counts once however it names the skill.
                    let named: HashSet<&str> =
                        level.skills.iter().map(|r| r.skill.as_str()).collect();
                    for id in named {
                        *uses.entry(id.to_owned()).or_default() += 1;
                    }
                }
            }
            uses.get(skill_id).copied().unwrap_or(0)
        })
    }

    /// The levels that expect `skill`, in ladder order, with the step each expects.
    pub fn expecting<'a>(
        &self,
        ladder: &'a Ladder,
        skill: &Skill,
    ) -> Vec<(&'a Level, Option<Proficiency>)> {
        self.expected.with(|expected| {
            if expected.as_ref().is_none_or(|(id, _)| *id != skill.id) {
                let levels = ladder
                    .levels()
                    .iter()
                    .enumerate()
                    .filter_map(|(i, l)| l.skill_ref(&skill.id).map(|r| (i, r.proficiency)))
                    .collect();
                *expected = Some((skill.id.clone(), levels));
            }
            expected
                .as_ref()
                .map(|(_, levels)| {
                    levels
                        .iter()
                        .filter_map(|&(i, p)| ladder.levels().get(i).map(|l| (l, p)))
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    /// The catalogue opened from a place showing `level` (its family), or from nowhere.
    pub fn for_level(ladder: &Ladder, level: Option<&Level>) -> CatalogueScreen {
        let family = if family::switches(ladder) {
            level.and_then(|l| family::of_level(ladder, l)).or(Some(0))
        } else {
            None
        };
        CatalogueScreen::new(family)
    }

    /// The catalogue with its cursor on the skill `skill_id`, showing the skill's family when
    /// `family` does not hold it. `None` when the ladder has no such skill.
    pub fn at_skill(
        ladder: &Ladder,
        family: Option<usize>,
        skill_id: &str,
    ) -> Option<CatalogueScreen> {
        let find = |family: Option<usize>| {
            skills(&rows(ladder, family))
                .iter()
                .position(|s| s.id == skill_id)
        };
        let (family, cursor) = match find(family) {
            Some(cursor) => (family, cursor),
            None => {
                let skill = ladder.skill(skill_id)?;
                let own = ladder
                    .category(&skill.category)
                    .and_then(|c| ladder.families().iter().position(|f| f.id == c.family));
                let family = own.or(family);
                (family, find(family)?)
            }
        };
        let mut screen = CatalogueScreen::new(family);
        screen.skill = cursor;
        Some(screen)
    }

    /// The selected skill.
    pub fn selected<'a>(&self, ladder: &'a Ladder) -> Option<&'a Skill> {
        skills(&rows(ladder, self.family)).get(self.skill).copied()
    }

    /// Puts the cursor on another skill: its description and levels start at the top.
    fn select(&mut self, skill: usize) {
        self.skill = skill;
        self.detail = Scroll::default();
        self.level = 0;
        self.levels = Scroll::default();
    }
}

/// The catalogue's answer to an action.
pub(super) fn update(ladder: &Ladder, s: &mut CatalogueScreen, action: Action) -> Reply {
    let rows = rows(ladder, s.family);
    let count = skills(&rows).len();
    let selected = skills(&rows).get(s.skill).copied();
    let levels = selected.map_or(0, |skill| s.expecting(ladder, skill).len());
    let list_page = isize::try_from(s.list.page()).unwrap_or(1);
    let detail_page = isize::try_from(s.detail.page()).unwrap_or(1);
    let levels_page = isize::try_from(s.levels.page()).unwrap_or(1);
    let order: &[CatalogueFocus] = if levels > 0 {
        &[
            CatalogueFocus::List,
            CatalogueFocus::Detail,
            CatalogueFocus::Levels,
        ]
    } else {
        &[CatalogueFocus::List, CatalogueFocus::Detail]
    };
    let at = order.iter().position(|f| *f == s.focus).unwrap_or(0);
    // A step through the list keeps the description and levels of the skill it lands on
    // at their top.
    let move_cursor = |s: &mut CatalogueScreen, delta: isize| {
        let mut cursor = s.skill;
        let moved = step(&mut cursor, delta, count);
        if moved {
            s.select(cursor);
        }
        moved
    };
    let moved = match (action, s.focus) {
        (Action::Back, CatalogueFocus::List) => return Reply::Back,
        (Action::Back, _) => {
            s.focus = CatalogueFocus::List;
            true
        }
        (Action::FocusNext, _) => {
            s.focus = order[(at + 1) % order.len()];
            true
        }
        (Action::FocusPrevious, _) => {
            s.focus = order[(at + order.len() - 1) % order.len()];
            true
        }
        (Action::NextPane, _) => match order.get(at + 1) {
            Some(next) => {
                s.focus = *next;
                true
            }
            None => return Reply::Stuck("no pane further right".to_owned()),
        },
        (Action::PreviousPane, _) => match at.checked_sub(1).and_then(|i| order.get(i)) {
            Some(previous) => {
                s.focus = *previous;
                true
            }
            None => return Reply::Stuck("no pane further left".to_owned()),
        },
        (Action::Up, CatalogueFocus::List) => move_cursor(s, -1),
        (Action::Down, CatalogueFocus::List) => move_cursor(s, 1),
        (Action::PageUp, CatalogueFocus::List) => move_cursor(s, -list_page),
        (Action::PageDown, CatalogueFocus::List) => move_cursor(s, list_page),
        (Action::Top, CatalogueFocus::List) => move_cursor(s, isize::MIN),
        (Action::Bottom, CatalogueFocus::List) => move_cursor(s, isize::MAX),
        (Action::Up, CatalogueFocus::Detail) => s.detail.scroll_by(-1),
        (Action::Down, CatalogueFocus::Detail) => s.detail.scroll_by(1),
        (Action::PageUp, CatalogueFocus::Detail) => s.detail.scroll_by(-detail_page),
        (Action::PageDown, CatalogueFocus::Detail) => s.detail.scroll_by(detail_page),
        (Action::Top, CatalogueFocus::Detail) => s.detail.to_top(),
        (Action::Bottom, CatalogueFocus::Detail) => s.detail.to_bottom(),
        (Action::Up, CatalogueFocus::Levels) => step(&mut s.level, -1, levels),
        (Action::Down, CatalogueFocus::Levels) => step(&mut s.level, 1, levels),
        (Action::PageUp, CatalogueFocus::Levels) => step(&mut s.level, -levels_page, levels),
        (Action::PageDown, CatalogueFocus::Levels) => step(&mut s.level, levels_page, levels),
        (Action::Top, CatalogueFocus::Levels) => step(&mut s.level, isize::MIN, levels),
        (Action::Bottom, CatalogueFocus::Levels) => step(&mut s.level, isize::MAX, levels),
        (Action::Open, CatalogueFocus::Levels) => return open_level(ladder, s),
        (Action::Open, _) => {
            let Some(skill) = selected else {
                return Reply::Stuck("this catalogue lists no skills".to_owned());
            };
            if levels == 0 {
                return Reply::Stuck(format!(
                    "no level expects {}: it is in the catalogue only",
                    crate::text::clean(&skill.name, false)
                ));
            }
            s.focus = CatalogueFocus::Levels;
            true
        }
        (Action::NextFamily | Action::PreviousFamily, _) => {
            let delta = if action == Action::NextFamily { 1 } else { -1 };
            match s.family.and_then(|f| family::step(ladder, f, delta)) {
                Some(next) => {
                    *s = CatalogueScreen::new(Some(next));
                    true
                }
                None => return Reply::Stuck(one_family(ladder)),
            }
        }
        (Action::Click(column, row), _) => {
            click(ladder, s, Position::new(column, row));
            return Reply::Done;
        }
        (Action::Wheel { column, row, up }, _) => {
            let at = Position::new(column, row);
            let delta = if up { -1 } else { 1 };
            if s.list.contains(at) {
                move_cursor(s, delta);
            } else if s.detail.contains(at) {
                s.detail.scroll_by(delta * WHEEL_LINES);
            } else if s.levels.contains(at) {
                step(&mut s.level, delta, levels);
            }
            return Reply::Done;
        }
        _ => return Reply::Pass,
    };
    moved_or_stuck(moved, action)
}

/// The (skill, level) that bookmarking and rating act on from the catalogue: the selected
/// skill at the level under the cursor of the levels pane, when that pane has the focus.
pub fn skill_at_level(ladder: &Ladder, s: &CatalogueScreen) -> Option<(String, String)> {
    if s.focus != CatalogueFocus::Levels {
        return None;
    }
    let skill = s.selected(ladder)?;
    let (level, _) = s.expecting(ladder, skill).get(s.level).copied()?;
    Some((skill.id.clone(), level.id.clone()))
}

/// Why a family key does nothing on this ladder: the status line's words.
pub fn one_family(ladder: &Ladder) -> String {
    if ladder.families().is_empty() {
        "this ladder has no job families to switch between".to_owned()
    } else {
        "this ladder has one job family: nothing to switch to".to_owned()
    }
}

/// Enter on a level: the level opens with the skills cursor on this skill.
fn open_level(ladder: &Ladder, s: &CatalogueScreen) -> Reply {
    let Some(skill) = s.selected(ladder) else {
        return Reply::Stuck("this catalogue lists no skills".to_owned());
    };
    let Some((level, _)) = s.expecting(ladder, skill).get(s.level).copied() else {
        return Reply::Stuck("no level expects this skill".to_owned());
    };
    let Some(index) = ladder.level_index(&level.id) else {
        return Reply::Pass;
    };
    let mut screen = LevelScreen::new(index, Focus::Skills);
    if let Some(cursor) = skill_ids(ladder, level)
        .iter()
        .position(|id| *id == skill.id)
    {
        screen.skill = cursor;
    }
    Reply::Push(Box::new(Screen::Level(screen)))
}

/// A click: a skill takes the cursor, a level row the level cursor, a pane the focus.
fn click(ladder: &Ladder, s: &mut CatalogueScreen, at: Position) {
    let panes = s.panes.get();
    if let Some(row) = s.list.row_at(at) {
        s.focus = CatalogueFocus::List;
        let rows = rows(ladder, s.family);
        if matches!(rows.get(row), Some(CatalogueRow::Skill(_))) {
            let cursor = rows[..row]
                .iter()
                .filter(|r| matches!(r, CatalogueRow::Skill(_)))
                .count();
            if cursor != s.skill {
                s.select(cursor);
            }
        }
    } else if let Some(row) = s.levels.row_at(at) {
        s.focus = CatalogueFocus::Levels;
        s.level = row;
    } else if panes.detail.is_some_and(|r| r.contains(at)) {
        s.focus = CatalogueFocus::Detail;
    } else if panes.levels.is_some_and(|r| r.contains(at)) {
        s.focus = CatalogueFocus::Levels;
    } else if panes.list.is_some_and(|r| r.contains(at)) {
        s.focus = CatalogueFocus::List;
    }
}

/// The catalogue's commands, most useful first, with whether each applies now (`current`:
/// the catalogue is on show; `families`: the ladder switches between job families).
pub(super) fn commands(app: &super::app::App, current: bool, families: bool) -> Vec<Command> {
    use Action as A;
    let state = match &app.screen {
        Screen::Catalogue(c) if current => Some(c),
        _ => None,
    };
    let focus = state.map(|c| c.focus);
    let has_levels = state.is_none_or(|c| {
        c.selected(&app.ladder)
            .is_some_and(|skill| !c.expecting(&app.ladder, skill).is_empty())
    });
    let mut commands = vec![
        command(&[A::Up, A::Down], "move", true),
        command(&[A::FocusNext], "pane", true),
        command(
            &[A::Open],
            if focus == Some(CatalogueFocus::Levels) {
                "open level"
            } else {
                "levels"
            },
            has_levels,
        ),
        command(
            &[A::Bookmark],
            "bookmark",
            !current || focus == Some(CatalogueFocus::Levels),
        ),
        command(
            &[A::Rate],
            "rate",
            !current || (focus == Some(CatalogueFocus::Levels) && !app.plan.is_read_only()),
        ),
        command(&[A::Back], "back", true),
        command(&[A::PageUp, A::PageDown], "page", true),
    ];
    if families {
        commands.insert(5, command(&[A::PickFamily], "family", true));
        commands.push(command(
            &[A::NextFamily, A::PreviousFamily],
            "next/previous family",
            // In the help; the footer leaves the room to the picker's key, which
            // does the same with a list, and to search.
            false,
        ));
    }
    commands
}
