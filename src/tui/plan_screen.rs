//! The development plan inside the explorer: the store it saves through, the plan screen's
//! cursor and panes, the note editor, and the one-line messages about saving. `App` holds one
//! [`PlanState`] and hands it the plan actions; drawing is in `view::plan`.

use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::screens::Drawn;
pub use super::status::Message;
use super::widgets::scroll::{Scroll, step};
use super::widgets::text_input::TextInput;
use crate::ladder::Ladder;
use crate::plan::{
    Edit, Plan, PlanError, PlanItem, PlanStore, Saved, Status, new_item, target_progress,
};
use crate::text::clean;

/// The panes of the plan screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanPane {
    /// The bookmarked skills, grouped by status.
    Items,
    /// The target level's skills not yet in the plan.
    Missing,
}

/// A single-line text input for an item's note, with the item it belongs to. Keys reach it as
/// [`Action::Edit`], like the search field's.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    pub skill: String,
    pub level: String,
    pub input: TextInput,
    /// The note as it was put in the input, to tell whether anything was typed.
    original: String,
}

impl NoteEditor {
    fn new(item: &PlanItem) -> NoteEditor {
        // The input is one line: a note with line breaks is shown (and, if edited, saved)
        // with spaces for them. Untouched, the note stays exactly as stored.
        let original = clean(&item.note, false).into_owned();
        NoteEditor {
            skill: item.skill.clone(),
            level: item.level.clone(),
            input: TextInput::new(&original),
            original,
        }
    }
}

/// Everything the explorer knows about the plan.
#[derive(Debug, Clone)]
pub struct PlanState {
    /// `None` when there is no plan file to use (no home folder, or an app built without one).
    store: Option<PlanStore>,
    /// Why the plan file could not be read (file, line, column): the plan is read-only.
    pub load_error: Option<String>,
    /// What the last change did, or why it failed: the app moves it to the status line.
    pub message: Option<Message>,
    pub pane: PlanPane,
    /// Index into [`PlanState::items`].
    pub item_cursor: usize,
    /// Index into the target's missing skills.
    pub missing_cursor: usize,
    pub editor: Option<NoteEditor>,
    /// The items list and the missing-skills list, as the last frame drew them.
    pub items_list: Scroll,
    pub missing_list: Scroll,
    /// Where the two panes were drawn in the last frame.
    pub panes: Drawn<Option<(Rect, Rect)>>,
}

/// What the plan screen asks of the app after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// Not the plan screen's action: the app's global commands may take it.
    Pass,
    /// Leave the plan screen.
    Back,
}

impl PlanState {
    /// No plan file: bookmarking says why it cannot save.
    pub fn without_store(reason: Option<String>) -> PlanState {
        PlanState {
            store: None,
            load_error: reason.clone(),
            message: reason.map(|text| Message {
                text: first_line(&text),
                is_error: true,
            }),
            pane: PlanPane::Items,
            item_cursor: 0,
            missing_cursor: 0,
            editor: None,
            items_list: Scroll::default(),
            missing_list: Scroll::default(),
            panes: Drawn::default(),
        }
    }

    /// A plan store, and the error it was opened with if the file could not be read as a plan
    /// (the store is then read-only).
    pub fn with_store(store: PlanStore, error: Option<&PlanError>) -> PlanState {
        let mut state = PlanState::without_store(error.map(ToString::to_string));
        state.store = Some(store);
        if let Some(message) = &mut state.message {
            message.text = format!("plan opened read-only: {}", message.text);
        }
        state
    }

    pub fn plan(&self) -> Option<&Plan> {
        self.store.as_ref().map(PlanStore::plan)
    }

    pub fn is_read_only(&self) -> bool {
        self.store.as_ref().is_none_or(PlanStore::is_read_only)
    }

    pub fn path(&self) -> Option<&std::path::Path> {
        self.store.as_ref().map(PlanStore::path)
    }

    /// Whether the skill is bookmarked at this level.
    pub fn is_bookmarked(&self, skill: &str, level: &str) -> bool {
        self.plan().is_some_and(|p| p.contains(skill, level))
    }

    /// Whether the skill is in the plan at all, from whichever level.
    pub fn has_skill(&self, skill: &str) -> bool {
        self.plan().is_some_and(|p| p.has_skill(skill))
    }

    /// The items in the order the plan screen lists them: grouped by status, file order
    /// within a group.
    pub fn items(&self) -> Vec<&PlanItem> {
        let Some(plan) = self.plan() else {
            return Vec::new();
        };
        Status::ALL
            .iter()
            .flat_map(|&status| plan.with_status(status))
            .collect()
    }

    pub fn selected_item(&self) -> Option<&PlanItem> {
        self.items().get(self.item_cursor).copied()
    }

    /// The target level's skills not yet in the plan, in the level's order.
    pub fn missing(&self, ladder: &Ladder) -> Vec<String> {
        self.plan()
            .and_then(|plan| target_progress(plan, ladder))
            .map(|p| p.missing_skills().map(|s| s.skill.clone()).collect())
            .unwrap_or_default()
    }

    /// The (skill, level) under the plan screen's cursor: an item, or a missing skill of the
    /// target at the target level.
    pub fn selected_skill(&self, ladder: &Ladder) -> Option<(String, String)> {
        match self.pane {
            PlanPane::Items => self
                .selected_item()
                .map(|i| (i.skill.clone(), i.level.clone())),
            PlanPane::Missing => {
                let target = self.plan()?.target.clone()?;
                let skill = self.missing(ladder).into_iter().nth(self.missing_cursor)?;
                Some((skill, target))
            }
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: false,
        });
    }

    fn complain(&mut self, error: &PlanError) {
        let text = match error {
            PlanError::ReadOnly { .. } => format!(
                "the plan is read-only, nothing was saved: {}",
                first_line(
                    self.load_error
                        .as_deref()
                        .unwrap_or("its file has problems")
                )
            ),
            other => format!("not saved: {}", first_line(&other.to_string())),
        };
        self.message = Some(Message {
            text,
            is_error: true,
        });
    }

    /// Applies an edit through the store and says what happened; `done` describes the change.
    pub(super) fn apply(&mut self, edit: &Edit, done: &str) -> bool {
        self.apply_all(std::slice::from_ref(edit), done)
    }

    /// Applies edits as one change (one undo takes them all back) and says what happened.
    pub(super) fn apply_all(&mut self, edits: &[Edit], done: &str) -> bool {
        let Some(store) = self.store.as_mut() else {
            self.message = Some(Message {
                text: "no plan file to save to: give one with --plan FILE or RUNGS_PLAN".into(),
                is_error: true,
            });
            return false;
        };
        match store.apply_all(edits) {
            Ok(saved) => {
                self.report(saved, done);
                saved.changed
            }
            Err(error) => {
                self.complain(&error);
                false
            }
        }
    }

    fn report(&mut self, saved: Saved, done: &str) {
        if saved.reloaded {
            self.say(format!(
                "{done} — the plan had changed on disk: reloaded, and this change made on top"
            ));
        } else {
            self.say(done);
        }
    }

    /// Bookmarks `skill` at `level`, or removes it if it is there.
    pub fn toggle(&mut self, ladder: &Ladder, skill: &str, level: &str) {
        let Some(plan) = self.plan() else {
            self.apply(&Edit::Add(new_item(ladder, skill, level)), "");
            return;
        };
        let edit = Edit::toggle(plan, new_item(ladder, skill, level));
        let name = ladder
            .skill(skill)
            .map_or_else(|| skill.to_owned(), |s| s.name.clone());
        let title = ladder
            .level(level)
            .map_or_else(|| level.to_owned(), |l| l.title.clone());
        let done = if edit.removes() {
            format!("removed {name} ({title}) from the plan; undo brings it back")
        } else {
            format!("★ bookmarked {name} ({title})")
        };
        self.apply(&edit, &clean(&done, false));
        self.clamp(ladder);
    }

    pub fn undo(&mut self, ladder: &Ladder) {
        let under_cursor = self.selected_key();
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let result = store.undo();
        match result {
            Ok(Some(saved)) => self.report(saved, "undone"),
            Ok(None) => self.say("nothing to undo"),
            Err(error) => self.complain(&error),
        }
        self.keep_cursor_on(under_cursor);
        self.clamp(ladder);
    }

    /// The (skill, level) of the item under the cursor.
    fn selected_key(&self) -> Option<(String, String)> {
        self.selected_item()
            .map(|i| (i.skill.clone(), i.level.clone()))
    }

    /// Puts the cursor back on an item after the list was regrouped, if it is still there.
    fn keep_cursor_on(&mut self, key: Option<(String, String)>) {
        let Some((skill, level)) = key else {
            return;
        };
        if let Some(index) = self.items().iter().position(|i| i.is(&skill, &level)) {
            self.item_cursor = index;
        }
    }

    /// Sets the target level (`None` clears it).
    pub fn set_target(&mut self, ladder: &Ladder, level_id: Option<&str>) {
        let title = level_id
            .and_then(|id| ladder.level(id))
            .map(|l| l.title.clone());
        let done = match (&title, level_id) {
            (Some(title), _) => format!("target: {}", clean(title, false)),
            (None, Some(id)) => format!("target: {}", clean(id, false)),
            (None, None) => "target cleared".to_owned(),
        };
        let edit = Edit::SetTarget {
            target: level_id.map(str::to_owned),
            title,
        };
        self.apply(&edit, &done);
        self.missing_cursor = 0;
        self.clamp(ladder);
    }

    /// Sets the current level, where the person is (`None` clears it).
    pub fn set_current(&mut self, ladder: &Ladder, level_id: Option<&str>) {
        let title = level_id
            .and_then(|id| ladder.level(id))
            .map(|l| l.title.clone());
        let done = match (&title, level_id) {
            (Some(title), _) => format!("current level: {}", clean(title, false)),
            (None, Some(id)) => format!("current level: {}", clean(id, false)),
            (None, None) => "current level cleared".to_owned(),
        };
        let edit = Edit::SetCurrent {
            current: level_id.map(str::to_owned),
            title,
        };
        self.apply(&edit, &done);
    }

    /// Grows with every change to the plan in memory (see [`PlanStore::revision`]).
    pub fn revision(&self) -> u64 {
        self.store.as_ref().map_or(0, PlanStore::revision)
    }

    /// The plan's current level, if it has one.
    pub fn current(&self) -> Option<&str> {
        self.plan()?.current.as_deref()
    }

    pub fn target(&self) -> Option<&str> {
        self.plan()?.target.as_deref()
    }

    /// Reads the file again if it changed on disk (when the plan screen opens).
    pub fn reload(&mut self, ladder: &Ladder) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        match store.reload() {
            Ok(true) => {
                self.load_error = None;
                self.say("the plan had changed on disk: reloaded");
            }
            Ok(false) => {}
            Err(error) => {
                if !store.is_read_only() {
                    self.complain(&error);
                }
            }
        }
        self.clamp(ladder);
    }

    pub fn is_editing(&self) -> bool {
        self.editor.is_some()
    }

    /// The note being typed, when it differs from the saved one: (skill, level, text). What a
    /// signal must not lose.
    pub fn unsaved_note(&self) -> Option<(&str, &str, &str)> {
        self.editor
            .as_ref()
            .filter(|e| e.input.value() != e.original)
            .map(|e| (e.skill.as_str(), e.level.as_str(), e.input.value()))
    }

    /// Saves the note being edited (Enter).
    fn save_note(&mut self, ladder: &Ladder) {
        let Some(editor) = self.editor.take() else {
            return;
        };
        if editor.input.value() == editor.original {
            self.say("note unchanged");
            return;
        }
        let edit = Edit::SetNote {
            skill: editor.skill.clone(),
            level: editor.level.clone(),
            note: editor.input.value().to_owned(),
        };
        if !self.apply(&edit, "note saved") && self.message.as_ref().is_some_and(|m| m.is_error) {
            // Keep what was typed: the person can try again or copy it.
            self.editor = Some(editor);
        }
        self.clamp(ladder);
    }

    /// The plan screen's own actions. Bookmark, undo and target are the app's (they work on
    /// every screen). While a note is edited, only editing, Open (save) and Back (cancel) count.
    /// PgUp and PgDn move by the rows of the focused list the last frame showed.
    pub fn update(&mut self, ladder: &Ladder, action: Action) -> Outcome {
        if let Some(editor) = self.editor.as_mut() {
            match action {
                Action::Edit(edit) => {
                    editor.input.apply(edit);
                }
                Action::Open => self.save_note(ladder),
                Action::Back => {
                    self.editor = None;
                    self.say("note not changed");
                }
                _ => {}
            }
            return Outcome::Stay;
        }
        let items = self.items().len();
        let missing = self.missing(ladder).len();
        let (cursor, count, list) = match self.pane {
            PlanPane::Items => (&mut self.item_cursor, items, &self.items_list),
            PlanPane::Missing => (&mut self.missing_cursor, missing, &self.missing_list),
        };
        let page = isize::try_from(list.page()).unwrap_or(1);
        let moved = match action {
            Action::Back => return Outcome::Back,
            Action::Up => step(cursor, -1, count),
            Action::Down => step(cursor, 1, count),
            Action::PageUp => step(cursor, -page, count),
            Action::PageDown => step(cursor, page, count),
            Action::Top => step(cursor, isize::MIN, count),
            Action::Bottom => step(cursor, isize::MAX, count),
            _ => true,
        };
        if !moved {
            let end = if matches!(action, Action::Up | Action::PageUp | Action::Top) {
                "already at the top"
            } else {
                "already at the end"
            };
            self.say(end);
            return Outcome::Stay;
        }
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {}
            Action::PreviousPane | Action::NextPane | Action::FocusNext | Action::FocusPrevious => {
                self.pane = match self.pane {
                    PlanPane::Items if self.target().is_some() => PlanPane::Missing,
                    _ => PlanPane::Items,
                };
            }
            Action::CycleStatus => self.cycle_status(ladder),
            Action::Remove => {
                if let Some((skill, level)) = self
                    .selected_item()
                    .map(|i| (i.skill.clone(), i.level.clone()))
                {
                    self.toggle(ladder, &skill, &level);
                }
            }
            Action::EditNote | Action::Open => match self.pane {
                PlanPane::Items => self.start_editing(),
                PlanPane::Missing => {
                    if let Some((skill, level)) = self.selected_skill(ladder) {
                        self.toggle(ladder, &skill, &level);
                    }
                }
            },
            _ => return Outcome::Pass,
        }
        self.clamp(ladder);
        Outcome::Stay
    }

    /// Focuses the pane drawn at a terminal cell in the last frame; `false` when none was.
    pub fn focus_at(&mut self, at: Position) -> bool {
        let Some((items, target)) = self.panes.get() else {
            return false;
        };
        if items.contains(at) {
            self.pane = PlanPane::Items;
        } else if target.contains(at) && self.target().is_some() {
            self.pane = PlanPane::Missing;
        } else {
            return false;
        }
        true
    }

    /// A click: the pane under it takes the focus and the row under it the cursor, as the
    /// last frame drew them.
    pub fn click(&mut self, ladder: &Ladder, at: Position) {
        if !self.focus_at(at) {
            return;
        }
        if let Some(row) = self.items_list.row_at(at) {
            if let Some(index) = item_of_row(&self.items(), row) {
                self.item_cursor = index;
            }
        } else if let Some(row) = self.missing_list.row_at(at)
            && row < self.missing(ladder).len()
        {
            self.missing_cursor = row;
        }
    }

    fn start_editing(&mut self) {
        if self.is_read_only() {
            self.complain(&PlanError::ReadOnly {
                path: Default::default(),
            });
            return;
        }
        self.editor = self.selected_item().map(NoteEditor::new);
    }

    fn cycle_status(&mut self, ladder: &Ladder) {
        let Some(item) = self.selected_item() else {
            return;
        };
        let (skill, level, status) = (item.skill.clone(), item.level.clone(), item.status.next());
        let edit = Edit::SetStatus {
            skill: skill.clone(),
            level: level.clone(),
            status,
        };
        self.apply(&edit, &format!("status: {status}"));
        // The item moves to its new group: keep the cursor on it.
        if let Some(index) = self.items().iter().position(|i| i.is(&skill, &level)) {
            self.item_cursor = index;
        }
        self.clamp(ladder);
    }

    /// Keeps cursors on rows that exist, and off the missing list when there is no target.
    pub fn clamp(&mut self, ladder: &Ladder) {
        self.item_cursor = self.item_cursor.min(self.items().len().saturating_sub(1));
        self.missing_cursor = self
            .missing_cursor
            .min(self.missing(ladder).len().saturating_sub(1));
        if self.target().is_none() {
            self.pane = PlanPane::Items;
        }
    }
}

/// A row of the items list: a status heading, or an item (index into `PlanState::items`).
pub enum ItemRow<'a> {
    Heading(Status, usize),
    Item(usize, &'a PlanItem),
}

/// The items list's rows: each status as a heading with its items under it.
pub fn item_rows<'a>(items: &[&'a PlanItem]) -> Vec<ItemRow<'a>> {
    let mut rows = Vec::new();
    for status in Status::ALL {
        let count = items.iter().filter(|i| i.status == status).count();
        rows.push(ItemRow::Heading(status, count));
        rows.extend(
            items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.status == status)
                .map(|(index, item)| ItemRow::Item(index, item)),
        );
    }
    rows
}

/// The item on a row of the items list; headings are `None`.
fn item_of_row(items: &[&PlanItem], row: usize) -> Option<usize> {
    match item_rows(items).get(row)? {
        ItemRow::Item(index, _) => Some(*index),
        ItemRow::Heading(..) => None,
    }
}

fn first_line(text: &str) -> String {
    let mut lines = text.lines();
    let first = clean(lines.next().unwrap_or(""), false).into_owned();
    let more = lines.count();
    if more > 0 {
        format!("{first} (and {more} more)")
    } else {
        first
    }
}
