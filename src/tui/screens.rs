//! The screens and overlays of the explorer, each owning its state: scroll positions, cursors
//! and which pane has the focus. A screen put on the back stack keeps all of it, so Esc
//! returns to it exactly as it was.

use std::cell::RefCell;

use ratatui::layout::{Position, Rect};

pub use super::catalogue::CatalogueScreen;
use super::finder::PickPurpose;
use super::plan_screen::PlanScreen;
use super::widgets::scroll::Scroll;
use crate::search::EntryKind;

/// The kinds of screens, for tests and for the keys and help of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScreenKind {
    Ladder,
    Level,
    Compare,
    Plan,
    Catalogue,
    /// You against a level: your gaps, largest first (see `you_screen`).
    You,
}

impl ScreenKind {
    /// The name of the screen's section in keymap files (`[keys.ladder]`).
    pub fn config_name(self) -> &'static str {
        match self {
            ScreenKind::Ladder => "ladder",
            ScreenKind::Level => "level",
            ScreenKind::Compare => "compare",
            ScreenKind::Plan => "plan",
            ScreenKind::Catalogue => "catalogue",
            ScreenKind::You => "you",
        }
    }

    /// The screen's name in the help.
    pub fn title(self) -> &'static str {
        match self {
            ScreenKind::Ladder => "Ladder",
            ScreenKind::Level => "Level",
            ScreenKind::Compare => "Compare",
            ScreenKind::Plan => "Plan",
            ScreenKind::Catalogue => "Catalogue",
            ScreenKind::You => "You against a level",
        }
    }

    pub const ALL: [ScreenKind; 6] = [
        ScreenKind::Ladder,
        ScreenKind::Level,
        ScreenKind::Compare,
        ScreenKind::Plan,
        ScreenKind::Catalogue,
        ScreenKind::You,
    ];
}

/// A full-screen view with its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The home screen: the ladder, and the selected level beside it.
    Ladder(LevelScreen),
    /// One level in full, without the ladder.
    Level(LevelScreen),
    /// Two levels side by side.
    Compare(CompareScreen),
    /// The development plan: its panes, cursors, editor and check-in (the plan itself is
    /// `App::plan`, shared with bookmarking from every screen).
    Plan(Box<PlanScreen>),
    /// Every skill by category, with its rubric and the levels that expect it.
    Catalogue(CatalogueScreen),
    /// You (your ratings) against a level.
    You(super::you_screen::YouScreen),
}

impl Screen {
    pub fn kind(&self) -> ScreenKind {
        match self {
            Screen::Ladder(_) => ScreenKind::Ladder,
            Screen::Level(_) => ScreenKind::Level,
            Screen::Compare(_) => ScreenKind::Compare,
            Screen::Plan(_) => ScreenKind::Plan,
            Screen::Catalogue(_) => ScreenKind::Catalogue,
            Screen::You(_) => ScreenKind::You,
        }
    }

    /// The level of the you-against-a-level screen, if this is one.
    pub fn you_level(&self) -> Option<usize> {
        match self {
            Screen::You(y) => Some(y.level),
            _ => None,
        }
    }

    /// The level screen or home screen state, if this is one.
    pub fn level_screen(&self) -> Option<&LevelScreen> {
        match self {
            Screen::Ladder(s) | Screen::Level(s) => Some(s),
            _ => None,
        }
    }
}

/// Which pane of a level screen has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The ladder (home screen only).
    Ladder,
    /// The level's page: summary, scope, years, responsibilities and more.
    Page,
    /// The level's skills, with the cursor.
    Skills,
}

/// Where each level pane was drawn, recorded by the last frame; `None` when not on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LevelPanes {
    pub ladder: Option<Rect>,
    pub page: Option<Rect>,
    pub skills: Option<Rect>,
    /// Whether the skills column is drawn beside the page (then the page leaves skills out).
    pub skills_beside: bool,
    /// Whether the selected skill's description is on screen.
    pub detail: bool,
}

/// Something recorded while drawing, read by the next update. It is not part of the state a
/// person sees, so it never makes two screens differ.
#[derive(Debug, Clone, Default)]
pub struct Drawn<T>(RefCell<T>);

impl<T: Clone + Default> Drawn<T> {
    pub fn get(&self) -> T {
        self.0.borrow().clone()
    }

    pub fn set(&self, value: T) {
        *self.0.borrow_mut() = value;
    }
}

impl<T> Drawn<T> {
    /// Works on the value in place (for what is too large to copy out each frame).
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        f(&mut self.0.borrow_mut())
    }
}

/// Lines laid out for one width, kept until what they were made from changes: wrapping a
/// whole page is most of the cost of a frame, and most frames only scroll.
#[derive(Debug, Clone, Default)]
pub struct Laid<K> {
    pub key: Option<K>,
    pub lines: Vec<ratatui::text::Line<'static>>,
    /// Where search hits sit on the page: (kind, item, line).
    pub anchors: Vec<(EntryKind, usize, usize)>,
}

impl<K: PartialEq> Laid<K> {
    /// The lines for `key`, made by `make` unless they already are.
    pub fn get_or_make(
        &mut self,
        key: K,
        make: impl FnOnce(&mut Vec<(EntryKind, usize, usize)>) -> Vec<ratatui::text::Line<'static>>,
    ) -> &[ratatui::text::Line<'static>] {
        if self.key.as_ref() != Some(&key) {
            self.anchors.clear();
            self.lines = make(&mut self.anchors);
            self.key = Some(key);
        }
        &self.lines
    }
}

impl<T> PartialEq for Drawn<T> {
    fn eq(&self, _: &Drawn<T>) -> bool {
        true
    }
}

impl<T> Eq for Drawn<T> {}

/// A rung drawn on the ladder: its cell area and the level's index.
pub type LadderCell = (Rect, usize);

/// The home screen and the level screen: one level, its page and its skills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelScreen {
    /// Index into `Ladder::levels`.
    pub level: usize,
    pub focus: Focus,
    /// The level's page.
    pub page: Scroll,
    /// Index among the level's skills (headings not counted).
    pub skill: usize,
    /// The skills list.
    pub skills: Scroll,
    /// The selected skill's description, where it has a pane of its own.
    pub detail: Scroll,
    /// Where the panes went in the last frame.
    pub panes: Drawn<LevelPanes>,
    /// Where each rung of the ladder went in the last frame (home screen).
    pub rungs: Drawn<Vec<LadderCell>>,
    /// A search hit to bring into view on the page: only drawing knows on which line it lands.
    pub anchor: Drawn<Option<(EntryKind, usize)>>,
    /// The page as last laid out: (level, columns, with skills, plan revision).
    pub laid: Drawn<Laid<(usize, usize, bool, u64)>>,
}

impl LevelScreen {
    pub fn new(level: usize, focus: Focus) -> LevelScreen {
        LevelScreen {
            level,
            focus,
            page: Scroll::default(),
            skill: 0,
            skills: Scroll::default(),
            detail: Scroll::default(),
            panes: Drawn::default(),
            rungs: Drawn::default(),
            anchor: Drawn::default(),
            laid: Drawn::default(),
        }
    }

    /// The level drawn at a terminal cell of the ladder in the last frame.
    pub fn rung_at(&self, at: Position) -> Option<usize> {
        self.rungs
            .get()
            .iter()
            .find(|(area, _)| area.contains(at))
            .map(|(_, level)| *level)
    }

    /// Selects another level: its page and skills start at the top.
    pub fn select(&mut self, level: usize) -> bool {
        if level == self.level {
            return false;
        }
        self.level = level;
        self.page = Scroll::default();
        self.skill = 0;
        self.skills = Scroll::default();
        self.detail = Scroll::default();
        true
    }
}

/// The panes of the compare screen: the two-column page, and the skills list with a cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparePane {
    Page,
    Skills,
}

/// Two levels side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareScreen {
    /// Indexes into `Ladder::levels`.
    pub a: usize,
    pub b: usize,
    pub pane: ComparePane,
    pub page: Scroll,
    /// Index into the comparison's skill rows (headings not counted).
    pub cursor: usize,
    pub skills: Scroll,
    /// The page as last laid out: (a, b, columns, with skills).
    pub laid: Drawn<Laid<(usize, usize, usize, bool)>>,
}

impl CompareScreen {
    pub fn new(a: usize, b: usize) -> CompareScreen {
        CompareScreen {
            a,
            b,
            pane: ComparePane::Page,
            page: Scroll::default(),
            cursor: 0,
            skills: Scroll::default(),
            laid: Drawn::default(),
        }
    }
}

/// Something drawn over the screen that takes the keys while it is open; the top one first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The keys, grouped by screen, starting with the screen it was opened on.
    Help { screen: ScreenKind, scroll: Scroll },
    /// Search everything; choosing a result jumps to it. Its state is `App::finder`.
    Search,
    /// Choose a level; what happens with it depends on the purpose.
    Picker { purpose: PickPurpose },
    /// One skill in full: its description and what a level expects of it.
    Skill {
        level: usize,
        skill: String,
        scroll: Scroll,
    },
    /// The last messages of the status line.
    Messages { scroll: Scroll },
    /// Choose the job family to show.
    Families(super::family_picker::FamilyPicker),
    /// Your rating of a skill: the scale's steps to choose from.
    Rating(super::rating::RatingPicker),
}

/// The kinds of overlays, for tests and routing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverlayKind {
    Help,
    Search,
    Picker { purpose: PickPurpose },
    Skill,
    Messages,
    Families,
    Rating,
}

impl Overlay {
    pub fn kind(&self) -> OverlayKind {
        match self {
            Overlay::Help { .. } => OverlayKind::Help,
            Overlay::Search => OverlayKind::Search,
            Overlay::Picker { purpose } => OverlayKind::Picker { purpose: *purpose },
            Overlay::Skill { .. } => OverlayKind::Skill,
            Overlay::Messages { .. } => OverlayKind::Messages,
            Overlay::Families(_) => OverlayKind::Families,
            Overlay::Rating(_) => OverlayKind::Rating,
        }
    }

    /// Whether the overlay has a text field that printable keys type into.
    pub fn takes_text(&self) -> bool {
        matches!(
            self,
            Overlay::Search | Overlay::Picker { .. } | Overlay::Families(_)
        )
    }
}
