//! The search overlay's state, used in two modes: **search** (every kind of entry; choosing
//! one jumps to it) and **pick** (levels only; choosing one hands its id to whoever opened the
//! picker, see [`PickPurpose`]).
//!
//! Matching runs on a [`Searcher`] worker thread: every edit of the query submits it, and the
//! loop polls [`Finder::poll`] each iteration, so no frame waits on matching. Until the answer
//! to the newest query arrives, the rows of the previous answer stay on screen.
//!
//! The picker filters the search results to level titles and example titles and keeps each
//! level once, at its best-ranked hit. Using the one index (instead of a second one over
//! titles only) keeps one worker and one ranking: "sr acc" finds a level by an example title
//! exactly as search does.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use crate::ladder::Ladder;
use crate::search::{Entry, EntryKind, Hit, Matches, Ranked, SearchIndex, Searcher};

use super::widgets::scroll::Scroll;
use super::widgets::text_input::{TextEdit, TextInput};

/// Why a level picker was opened, which decides what happens with the level picked.
/// [`crate::tui::app::App::level_picked`] matches on it.
///
/// New purposes go here, each with a title for the overlay, and an arm in
/// `App::level_picked`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PickPurpose {
    /// Open the picked level's screen.
    GoTo,
    /// Make the picked level the plan's target.
    Target,
    /// Compare: put the picked level on side B.
    CompareWith,
}

impl PickPurpose {
    /// The overlay's title while picking for this purpose.
    pub fn title(self) -> &'static str {
        match self {
            PickPurpose::GoTo => "Go to level",
            PickPurpose::Target => "Target level for your plan",
            PickPurpose::CompareWith => "Compare with (level B)",
        }
    }
}

/// Which entries the finder lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinderMode {
    Search,
    Levels,
}

#[derive(Debug, Default)]
pub struct Finder {
    pub input: TextInput,
    pub mode: Option<FinderMode>,
    /// Index into [`Finder::rows`].
    pub selected: usize,
    /// Enter was pressed before the answer to the query as typed arrived: choose when it does,
    /// so that Enter always acts on what was typed, not on an older answer still shown.
    pub choose_when_ready: bool,
    searcher: Option<Searcher>,
    /// The newest answer received, and the generation it answers.
    matches: Option<Arc<Matches>>,
    received: u64,
    /// In levels mode: the rows kept from `matches`.
    level_rows: Vec<Ranked>,
    /// The level the cursor should start on (a level index), until the person types or moves.
    preferred: Option<usize>,
    /// The result rows as the last frame drew them.
    pub list: Scroll,
    /// The compare picker lists "You" (your ratings as side A) above the levels while the
    /// query is empty; [`Finder::selected`] then counts that row as row 0.
    pub you_row: bool,
    /// The highlighted characters of the rows drawn, for the query they answer: finding them
    /// runs the matcher again, too slow to do for every row of every frame.
    highlights: RefCell<(String, HashMap<usize, Vec<usize>>)>,
}

impl Finder {
    /// Starts a new query in `mode`, starting the worker the first time; it builds the index
    /// on its own thread, so the overlay opens at once and says so until the index is ready.
    /// `preferred` is the level the cursor starts on once the rows arrive (the picker's
    /// default: what Enter should pick).
    pub fn open(&mut self, ladder: &Arc<Ladder>, mode: FinderMode, preferred: Option<usize>) {
        if self.searcher.is_none() {
            let ladder = Arc::clone(ladder);
            self.searcher = Some(Searcher::spawn_with(move || {
                Arc::new(SearchIndex::new(&ladder))
            }));
        }
        self.mode = Some(mode);
        self.choose_when_ready = false;
        self.input.clear();
        self.selected = 0;
        self.matches = None;
        self.level_rows.clear();
        self.preferred = preferred;
        self.list = Scroll::default();
        self.you_row = false;
        self.submit();
    }

    /// Rows above the results: 1 while the "You" row is listed, else 0.
    pub fn offset(&self) -> usize {
        usize::from(self.you_row && self.input.value().is_empty())
    }

    /// Whether the cursor is on the "You" row.
    pub fn you_chosen(&self) -> bool {
        self.offset() == 1 && self.selected == 0
    }

    pub fn close(&mut self) {
        self.mode = None;
        self.choose_when_ready = false;
    }

    /// The index, once the worker has built it (it has by the time any answer arrives).
    pub fn index(&self) -> Option<&SearchIndex> {
        self.searcher.as_ref()?.index().map(AsRef::as_ref)
    }

    /// Applies an edit to the query, asking for new results when the text changed.
    pub fn edit(&mut self, edit: TextEdit) {
        if self.input.apply(edit) {
            self.preferred = None;
            self.submit();
        }
    }

    fn submit(&mut self) {
        let query = self.input.value().to_owned();
        if let Some(searcher) = &mut self.searcher {
            searcher.submit(&query);
        }
    }

    /// Whether the answer to the newest query is still to come: the loop then wakes up
    /// regularly to poll for it.
    pub fn pending(&self) -> bool {
        self.mode.is_some()
            && self
                .searcher
                .as_ref()
                .is_some_and(|s| s.latest_generation() > self.received)
    }

    /// Takes the newest answer if it has arrived. Never blocks. Returns whether rows changed.
    pub fn poll(&mut self) -> bool {
        let Some(answer) = self.searcher.as_mut().and_then(Searcher::try_recv) else {
            return false;
        };
        self.accept(answer.generation, answer.matches);
        true
    }

    /// Waits up to `timeout` for the answer to the newest query; for tests and scripted use.
    pub fn wait(&mut self, timeout: Duration) -> bool {
        if !self.pending() {
            return true;
        }
        let Some(answer) = self.searcher.as_mut().and_then(|s| s.recv_timeout(timeout)) else {
            return false;
        };
        self.accept(answer.generation, answer.matches);
        true
    }

    fn accept(&mut self, generation: u64, matches: Arc<Matches>) {
        self.received = generation;
        self.level_rows = if self.mode == Some(FinderMode::Levels) {
            self.levels_only(&matches)
        } else {
            Vec::new()
        };
        self.matches = Some(matches);
        self.selected = 0;
        let offset = self.offset();
        if let Some(level) = self.preferred {
            let index = self.index();
            let found = self.rows().iter().position(|r| {
                index
                    .and_then(|i| i.entries().get(r.entry))
                    .is_some_and(|e| e.level == level)
            });
            self.selected = found.map_or(0, |row| row + offset);
        }
    }

    /// Each level once, at its best-ranked title or example-title hit.
    fn levels_only(&self, matches: &Matches) -> Vec<Ranked> {
        let Some(index) = self.index() else {
            return Vec::new();
        };
        let entries = index.entries();
        let mut seen = std::collections::HashSet::new();
        matches
            .ranked()
            .iter()
            .filter(|r| {
                entries.get(r.entry).is_some_and(|e| {
                    matches!(e.kind, EntryKind::Level | EntryKind::ExampleTitle)
                        && seen.insert(e.level)
                })
            })
            .copied()
            .collect()
    }

    /// The rows to list, best first.
    pub fn rows(&self) -> &[Ranked] {
        match (self.mode, &self.matches) {
            (Some(FinderMode::Levels), _) => &self.level_rows,
            (_, Some(matches)) => matches.ranked(),
            _ => &[],
        }
    }

    /// The query the rows answer (it trails the typed text while a search runs).
    pub fn answered_query(&self) -> &str {
        self.matches.as_ref().map_or("", |m| m.query())
    }

    /// Whether the rows shown answer the text as typed now.
    pub fn is_current(&self) -> bool {
        self.matches.is_some() && !self.pending()
    }

    /// A row ready to draw, its matched characters found once per query.
    pub fn hit<'i>(&self, index: &'i SearchIndex, ranked: &Ranked) -> Hit<'i> {
        let query = self.answered_query();
        let mut cache = self.highlights.borrow_mut();
        // Bounded: scrolling through a huge result list keeps at most this many.
        if cache.0 != query || cache.1.len() > 4096 {
            cache.0 = query.to_owned();
            cache.1.clear();
        }
        if let (Some(indices), Some(entry)) = (
            cache.1.get(&ranked.entry),
            index.entries().get(ranked.entry),
        ) {
            return Hit {
                entry,
                text: index.text(entry),
                score: ranked.score,
                indices: indices.clone(),
            };
        }
        let hit = index.hit(ranked, query);
        cache.1.insert(ranked.entry, hit.indices.clone());
        hit
    }

    /// The entry of the selected row.
    pub fn chosen(&self) -> Option<Entry> {
        let row = self.selected.checked_sub(self.offset())?;
        let ranked = self.rows().get(row)?;
        self.index()?.entries().get(ranked.entry).cloned()
    }

    /// Moves the selection by `step` rows, staying in the list.
    pub fn move_selection(&mut self, step: isize) {
        self.preferred = None;
        let last = (self.rows().len() + self.offset()).saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(step).min(last);
    }
}
