//! Fuzzy search over everything a ladder says: level titles, example titles, skills,
//! responsibilities, summaries, advice on moving up, …
//!
//! A [`SearchIndex`] is built once from a loaded [`Ladder`]. Each [`Entry`] knows what it is
//! ([`EntryKind`]), which level it belongs to and where inside that level it sits, so a front
//! end can jump straight to it.
//!
//! Skills: a skill *name* gets one entry per level that asks for the skill (its `item` is the
//! position in that level's `skills`), so a hit lands on that level with the cursor on that
//! skill and the results show every level that needs it, lowest rung first. A skill's
//! *description* is the same at every level, so it gets one entry only, filed under the first
//! level (in ladder order) that asks for the skill; repeating it per level would fill the
//! results with copies of the same sentence. A category's name is filed the same way, under
//! the first level with a skill of the category. A catalogue skill no level asks for is
//! indexed at the end, under no level ([`NO_LEVEL`]).
//!
//! Matching uses fuzzy-matcher's skim v2 scoring. The query is split on whitespace into
//! terms that must all match (in any order, like fzf); scores add up. Each term is smart-case
//! with full Unicode case folding: a term without an upper-case letter matches regardless of
//! case (`é` finds `É`), a term with one matches case exactly.
//!
//! Identical texts (a skill name repeated at every level) are matched once and the score is
//! shared by every entry using the text, so the cost of a query grows with the number of
//! distinct texts, not of entries.

mod worker;

use std::sync::Arc;

use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::HashMap;
use unicode_width::UnicodeWidthChar;

use crate::ladder::Ladder;
use crate::text::clean;

pub use worker::{SearchResults, Searcher};

/// What an entry is. The order of the variants is the order of entries within a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    /// The level's own title.
    Level,
    /// The level's id (`senior-manager`), as commands and plans name it.
    LevelId,
    /// One of the level's example job titles; `item` is its position in `example_titles`
    /// (0 for a title from `titles_by_function`).
    ExampleTitle,
    Summary,
    /// The scope, or one of its company-size lines.
    Scope,
    DecisionScope,
    /// `item` is the position in `responsibilities`.
    Responsibility,
    /// A skill's name at a level that asks for it; `item` is the position in `skills`.
    Skill,
    /// A statement of what a skill looks like at this level (or an example of it); `item`
    /// is the position of the skill in `skills`.
    Expectation,
    /// A skill's description, filed under the first level that asks for the skill; `item` is
    /// the position in that level's `skills`.
    SkillDescription,
    /// A skill category's name, filed under the first level that asks for a skill of the
    /// category; `item` is the position of that skill in the level's `skills`.
    Category,
    /// `item`: 0 typical, 1 preferred, 2 note.
    Education,
    /// Advice on reaching the next rung; `item` is the position in `move_up`.
    MoveUp,
    /// The name or description of a catalogue skill that no level expects. Such an entry
    /// belongs to no level: its `level` is [`NO_LEVEL`] and its `item` the skill's position
    /// in [`Ladder::skills`].
    CatalogueSkill,
}

/// The `level` of an entry that belongs to no level (a catalogue-only skill).
pub const NO_LEVEL: usize = usize::MAX;

impl EntryKind {
    pub const ALL: [EntryKind; 14] = [
        EntryKind::Level,
        EntryKind::LevelId,
        EntryKind::ExampleTitle,
        EntryKind::Summary,
        EntryKind::Scope,
        EntryKind::DecisionScope,
        EntryKind::Responsibility,
        EntryKind::Skill,
        EntryKind::Expectation,
        EntryKind::SkillDescription,
        EntryKind::Category,
        EntryKind::Education,
        EntryKind::MoveUp,
        EntryKind::CatalogueSkill,
    ];

    /// A short label for result rows.
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Level => "level",
            EntryKind::LevelId => "level id",
            EntryKind::ExampleTitle => "example title",
            EntryKind::Summary => "summary",
            EntryKind::Scope => "scope",
            EntryKind::DecisionScope => "decisions",
            EntryKind::Responsibility => "responsibility",
            EntryKind::Skill => "skill",
            EntryKind::SkillDescription => "skill description",
            EntryKind::Expectation => "expectation",
            EntryKind::Category => "category",
            EntryKind::Education => "education",
            EntryKind::MoveUp => "moving up",
            EntryKind::CatalogueSkill => "catalogue skill",
        }
    }

    /// The name used in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Level => "level",
            EntryKind::LevelId => "level_id",
            EntryKind::ExampleTitle => "example_title",
            EntryKind::Summary => "summary",
            EntryKind::Scope => "scope",
            EntryKind::DecisionScope => "decision_scope",
            EntryKind::Responsibility => "responsibility",
            EntryKind::Skill => "skill",
            EntryKind::SkillDescription => "skill_description",
            EntryKind::Expectation => "expectation",
            EntryKind::Category => "category",
            EntryKind::Education => "education",
            EntryKind::MoveUp => "move_up",
            EntryKind::CatalogueSkill => "catalogue_skill",
        }
    }

    /// Names: level titles, example titles and skill names.
    pub fn is_title(self) -> bool {
        matches!(
            self,
            EntryKind::Level
                | EntryKind::ExampleTitle
                | EntryKind::Skill
                | EntryKind::CatalogueSkill
        )
    }

    /// Added to a title's score so that it ranks above the same match in body text. One
    /// matched character is worth 16 in skim v2 scoring; a word-start match earns 8 more per
    /// word, so a scattered title match still loses to a clean word-start match in prose.
    fn bonus(self) -> i64 {
        if self.is_title() { TITLE_BONUS } else { 0 }
    }
}

/// Asked during a scan whether its result is still wanted.
pub type Cancel<'a> = dyn Fn() -> bool + Sync + 'a;

/// See [`EntryKind::bonus`].
pub const TITLE_BONUS: i64 = 16;

/// One searchable text and where it lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntryKind,
    /// Position of the level in [`Ladder::levels`]; [`NO_LEVEL`] for a catalogue-only skill.
    pub level: usize,
    /// Position inside the level's list for list kinds (see [`EntryKind`]); 0 otherwise.
    pub item: usize,
    text: u32,
}

/// One matched entry of a result set: its position in [`SearchIndex::entries`] and its rank
/// score (skim score plus the title bonus). Higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranked {
    pub entry: usize,
    pub score: i64,
}

/// A ranked hit ready for display: the entry, its cleaned text and the matched characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    pub entry: &'a Entry,
    pub text: &'a str,
    pub score: i64,
    /// Char (not byte) positions in `text` of the matched characters, ascending.
    pub indices: Vec<usize>,
}

/// The full ranked result of one query. Kept whole so that the next, longer query can narrow
/// it instead of scanning the index again.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    query: String,
    /// Distinct texts that matched, ascending, with their skim scores (without bonus).
    texts: Vec<Scored>,
    ranked: Vec<Ranked>,
}

impl Matches {
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Every match, best first; ties in ladder order.
    pub fn ranked(&self) -> &[Ranked] {
        &self.ranked
    }

    pub fn len(&self) -> usize {
        self.ranked.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ranked.is_empty()
    }
}

/// A matched text's skim score: the sum over the query's terms, and the last term's share, so
/// that the next query can reuse the terms it did not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Scored {
    text: u32,
    total: i64,
    last: i64,
}

/// What a narrowing scan keeps of the previous scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Nothing: every term is matched again.
    Nothing,
    /// The total: the old terms are unchanged, only added terms are matched.
    Total,
    /// The total without the last term's share: only the (grown) last term and added terms
    /// are matched.
    AllButLast,
}

/// A query term, prepared once per query.
#[derive(Debug, PartialEq, Eq)]
struct Term {
    /// Folded to lower case unless `exact`.
    pattern: String,
    /// The term has an upper-case letter: match case exactly against the original text.
    exact: bool,
}

fn terms_of(query: &str) -> Vec<Term> {
    query
        .split_whitespace()
        .map(|word| {
            let exact = word.chars().any(char::is_uppercase);
            let pattern = if exact {
                word.to_owned()
            } else {
                word.chars().map(fold).collect()
            };
            Term { pattern, exact }
        })
        .collect()
}

/// Lower case when it is one character, so that char positions in folded text are the same
/// as in the original (`İ` lowers to two characters and is kept as it is).
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// A matcher with a clean score matrix: skim v2 scoring, case handled by [`Term`] (respect
/// case; folded text for case-insensitive terms).
///
/// One per call, on purpose. fuzzy-matcher 0.3.7 keeps its score matrix between calls and
/// reads a `bonus` an earlier call left in it, so a reused matcher scores the same text and
/// pattern differently depending on what it matched before (found by the narrowing property
/// test: narrowed and fresh results disagreed). `use_cache(false)` panics on a double borrow,
/// and the linear mode (`element_limit`) misplaces the start of its alignment. A new matcher
/// costs allocations (about 4x the time of a reused one) but its scores depend on the text
/// and the pattern only.
fn fresh_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

/// Whether `pattern`'s chars appear in `haystack` in order: exactly when skim matching (case
/// respected) finds a match at all.
fn is_subsequence(pattern: &str, haystack: &str) -> bool {
    let mut rest = haystack.chars();
    pattern.chars().all(|p| rest.any(|c| c == p))
}

/// Below this many candidate texts a scan runs on the calling thread: starting threads would
/// cost more than it saves.
const PARALLEL_MIN: usize = 4_096;
/// How many texts a scan matches between two looks at its cancel flag.
const CANCEL_CHECK_EVERY: usize = 512;

/// A set of [`Entry`]s and the machinery to match a query against them.
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Distinct cleaned texts.
    texts: Vec<Box<str>>,
    /// The same texts, case-folded char by char.
    folded: Vec<Box<str>>,
    /// For each text, the entries using it, ascending.
    text_entries: Vec<Vec<usize>>,
    /// Entries of kind [`EntryKind::Level`], in ladder order: the result of an empty query.
    levels: Vec<usize>,
    threads: usize,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .field("distinct_texts", &self.texts.len())
            .finish_non_exhaustive()
    }
}

/// Collects entries while an index is built, sharing identical texts.
#[derive(Default)]
struct Builder {
    entries: Vec<Entry>,
    texts: Vec<Box<str>>,
    text_ids: HashMap<Box<str>, u32>,
}

impl Builder {
    fn push(&mut self, kind: EntryKind, level: usize, item: usize, raw: &str) {
        let cleaned = clean(raw, false);
        let trimmed = cleaned.trim();
        if trimmed.is_empty() {
            return;
        }
        let text = match self.text_ids.get(trimmed) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(self.texts.len()).unwrap_or(u32::MAX);
                self.texts.push(trimmed.into());
                self.text_ids.insert(trimmed.into(), id);
                id
            }
        };
        self.entries.push(Entry {
            kind,
            level,
            item,
            text,
        });
    }
}

impl SearchIndex {
    /// Indexes everything searchable in `ladder`, in ladder order.
    pub fn new(ladder: &Ladder) -> SearchIndex {
        let mut b = Builder::default();
        let mut described = std::collections::HashSet::new();
        let mut categories_seen = std::collections::HashSet::new();
        for (l, level) in ladder.levels().iter().enumerate() {
            b.push(EntryKind::Level, l, 0, &level.title);
            b.push(EntryKind::LevelId, l, 0, &level.id);
            for (i, title) in level.example_titles.iter().enumerate() {
                b.push(EntryKind::ExampleTitle, l, i, title);
            }
            // Titles by function share the example titles' place on the level page.
            for title in level.titles_by_function.values().flatten() {
                b.push(EntryKind::ExampleTitle, l, 0, title);
            }
            b.push(EntryKind::Summary, l, 0, &level.summary);
            b.push(EntryKind::Scope, l, 0, &level.scope);
            // How the scope differs with company size is found as part of the scope.
            for (_, line) in level.company_size.lines() {
                b.push(EntryKind::Scope, l, 0, line);
            }
            b.push(EntryKind::DecisionScope, l, 0, &level.decision_scope);
            for (i, duty) in level.responsibilities.iter().enumerate() {
                b.push(EntryKind::Responsibility, l, i, duty);
            }
            for (i, reference) in level.skills.iter().enumerate() {
                if let Some(skill) = ladder.skill(&reference.skill) {
                    b.push(EntryKind::Skill, l, i, &skill.name);
                }
            }
            for (i, reference) in level.skills.iter().enumerate() {
                for statement in reference.expectations.iter().chain(&reference.examples) {
                    b.push(EntryKind::Expectation, l, i, statement);
                }
            }
            for (i, reference) in level.skills.iter().enumerate() {
                if let Some(skill) = ladder.skill(&reference.skill)
                    && described.insert(skill.id.as_str())
                {
                    b.push(EntryKind::SkillDescription, l, i, &skill.description);
                }
            }
            for (i, reference) in level.skills.iter().enumerate() {
                if let Some(category) = ladder
                    .skill(&reference.skill)
                    .and_then(|s| ladder.category(&s.category))
                    && categories_seen.insert(category.id.as_str())
                {
                    b.push(EntryKind::Category, l, i, &category.name);
                }
            }
            if let Some(education) = &level.education {
                for (i, text) in [&education.typical, &education.preferred, &education.note]
                    .into_iter()
                    .enumerate()
                {
                    b.push(EntryKind::Education, l, i, text);
                }
            }
            for (i, advice) in level.move_up.iter().enumerate() {
                b.push(EntryKind::MoveUp, l, i, advice);
            }
        }
        // Skills no level expects are still part of the catalogue, and findable.
        for (i, skill) in ladder.skills().iter().enumerate() {
            if !described.contains(skill.id.as_str()) {
                b.push(EntryKind::CatalogueSkill, NO_LEVEL, i, &skill.name);
                b.push(EntryKind::CatalogueSkill, NO_LEVEL, i, &skill.description);
            }
        }
        SearchIndex::from_builder(b)
    }

    /// An index over arbitrary `(kind, level, item, text)` entries, kept in the given order
    /// (which is the tie-break order). A hook for tests and benchmarks.
    #[doc(hidden)]
    pub fn from_entries<'a>(
        entries: impl IntoIterator<Item = (EntryKind, usize, usize, &'a str)>,
    ) -> SearchIndex {
        let mut b = Builder::default();
        for (kind, level, item, text) in entries {
            b.push(kind, level, item, text);
        }
        SearchIndex::from_builder(b)
    }

    fn from_builder(b: Builder) -> SearchIndex {
        let mut text_entries = vec![Vec::new(); b.texts.len()];
        for (e, entry) in b.entries.iter().enumerate() {
            text_entries[entry.text as usize].push(e);
        }
        let folded = b
            .texts
            .iter()
            .map(|t| t.chars().map(fold).collect::<String>().into_boxed_str())
            .collect();
        let levels = b
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntryKind::Level)
            .map(|(i, _)| i)
            .collect();
        SearchIndex {
            entries: b.entries,
            texts: b.texts,
            folded,
            text_entries,
            levels,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
        }
    }

    /// Every entry, in ladder order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// How many different texts the entries share; the cost of a full scan grows with this.
    /// A hook for tests and benchmarks.
    #[doc(hidden)]
    pub fn distinct_texts(&self) -> usize {
        self.texts.len()
    }

    /// The cleaned text of an entry: one line, no control characters.
    pub fn text(&self, entry: &Entry) -> &str {
        &self.texts[entry.text as usize]
    }

    /// Every match for `query`, scanning the whole index.
    pub fn search(&self, query: &str) -> Matches {
        self.search_from(None, query, &|| false).unwrap_or_default()
    }

    /// Every match for `query`. When `query` extends `previous.query()` (a character typed at
    /// the end), only the texts that matched before are tried again: a longer query can only
    /// match a subset. Otherwise the whole index is scanned. The result is the same either way.
    /// A hook for tests and benchmarks: the explorer narrows through [`QueryTrail`].
    #[doc(hidden)]
    pub fn refine(&self, previous: &Matches, query: &str) -> Matches {
        self.search_from(Some(previous), query, &|| false)
            .unwrap_or_default()
    }

    /// [`SearchIndex::refine`] (or [`SearchIndex::search`] without `previous`) that gives up,
    /// returning `None`, soon after `cancelled()` turns true. It is asked every few hundred
    /// texts, from every scanning thread.
    pub fn search_from(
        &self,
        previous: Option<&Matches>,
        query: &str,
        cancelled: &Cancel<'_>,
    ) -> Option<Matches> {
        let terms = terms_of(query);
        if terms.is_empty() {
            return Some(Matches {
                query: query.to_owned(),
                texts: Vec::new(),
                ranked: self
                    .levels
                    .iter()
                    .map(|&entry| Ranked { entry, score: 0 })
                    .collect(),
            });
        }
        let narrowing = previous.filter(|p| {
            // An empty previous query listed levels only, not every text.
            !p.query.trim().is_empty() && query.starts_with(p.query.as_str())
        });
        let texts = match narrowing {
            Some(p) => {
                // The query grew at its end: earlier terms are unchanged, the last one may
                // have grown, and new terms may follow.
                let old = terms_of(&p.query);
                let (keep, from) = if terms.starts_with(&old) {
                    (Keep::Total, old.len())
                } else if terms.starts_with(&old[..old.len() - 1]) {
                    (Keep::AllButLast, old.len() - 1)
                } else {
                    (Keep::Nothing, 0)
                };
                self.scan(
                    &terms[from..],
                    keep,
                    p.texts.len(),
                    |i| p.texts[i],
                    cancelled,
                )?
            }
            None => self.scan(
                &terms,
                Keep::Nothing,
                self.texts.len(),
                |i| Scored {
                    text: i as u32, // text ids fit u32 by construction
                    total: 0,
                    last: 0,
                },
                cancelled,
            )?,
        };
        let mut ranked = Vec::with_capacity(texts.len());
        for scored in &texts {
            for &entry in &self.text_entries[scored.text as usize] {
                ranked.push(Ranked {
                    entry,
                    score: scored.total + self.entries[entry].kind.bonus(),
                });
            }
        }
        if cancelled() {
            return None;
        }
        ranked.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        Some(Matches {
            query: query.to_owned(),
            texts,
            ranked,
        })
    }

    /// Scores candidates `candidate(0..count)` (ascending text ids) against `terms`, keeping
    /// what `keep` says of their previous score, on several threads when there are many.
    /// Returns the matching ones in the same order.
    fn scan(
        &self,
        terms: &[Term],
        keep: Keep,
        count: usize,
        candidate: impl Fn(usize) -> Scored + Sync,
        cancelled: &Cancel<'_>,
    ) -> Option<Vec<Scored>> {
        let run = |range: std::ops::Range<usize>| -> Option<Vec<Scored>> {
            let mut found = Vec::new();
            for (n, i) in range.enumerate() {
                if n % CANCEL_CHECK_EVERY == 0 && cancelled() {
                    return None;
                }
                let before = candidate(i);
                let mut scored = Scored {
                    text: before.text,
                    total: match keep {
                        Keep::Nothing => 0,
                        Keep::Total => before.total,
                        Keep::AllButLast => before.total - before.last,
                    },
                    last: before.last,
                };
                // Building a matcher is the costly part of scoring (see `fresh_matcher`):
                // build none for a text that some term cannot match.
                let possible = terms
                    .iter()
                    .all(|term| is_subsequence(&term.pattern, self.haystack(before.text, term)));
                if !possible {
                    continue;
                }
                let matched = terms.iter().try_for_each(|term| {
                    let share = self.score(scored.text, term)?;
                    scored.total += share;
                    scored.last = share;
                    Some(())
                });
                if matched.is_some() {
                    found.push(scored);
                }
            }
            Some(found)
        };
        if self.threads < 2 || count < PARALLEL_MIN {
            return run(0..count);
        }
        let chunk = count.div_ceil(self.threads);
        let parts: Vec<Option<Vec<Scored>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..count)
                .step_by(chunk)
                .skip(1)
                .map(|start| {
                    let run = &run;
                    scope.spawn(move || run(start..(start + chunk).min(count)))
                })
                .collect();
            // The calling thread takes the first chunk itself.
            let mut parts = vec![run(0..chunk.min(count))];
            // A panic in a scan thread is a bug in matching, not bad input; the scope would
            // re-raise it anyway.
            parts.extend(handles.into_iter().map(|h| h.join().unwrap_or(None)));
            parts
        });
        let mut all = Vec::with_capacity(parts.iter().flatten().map(Vec::len).sum());
        for part in parts {
            all.extend(part?);
        }
        Some(all)
    }

    fn score(&self, text: u32, term: &Term) -> Option<i64> {
        fresh_matcher()
            .fuzzy(self.haystack(text, term), &term.pattern, false)
            .map(|(score, _)| score)
    }

    fn haystack(&self, text: u32, term: &Term) -> &str {
        if term.exact {
            &self.texts[text as usize]
        } else {
            &self.folded[text as usize]
        }
    }

    /// The matched char positions of `query` in the entry's text, for highlighting.
    pub fn highlight(&self, entry: &Entry, query: &str) -> Vec<usize> {
        let mut indices = Vec::new();
        for term in terms_of(query) {
            if let Some((_, found)) =
                fresh_matcher().fuzzy(self.haystack(entry.text, &term), &term.pattern, true)
            {
                indices.extend(found);
            }
        }
        indices.sort_unstable();
        indices.dedup();
        indices
    }

    /// The first `limit` hits of `matches` with their highlighted characters.
    pub fn hits(&self, matches: &Matches, limit: usize) -> Vec<Hit<'_>> {
        matches
            .ranked
            .iter()
            .take(limit)
            .map(|r| self.hit(r, matches.query()))
            .collect()
    }

    /// One ranked match ready for display.
    pub fn hit(&self, ranked: &Ranked, query: &str) -> Hit<'_> {
        let entry = &self.entries[ranked.entry];
        Hit {
            entry,
            text: self.text(entry),
            score: ranked.score,
            indices: if query.trim().is_empty() {
                Vec::new()
            } else {
                self.highlight(entry, query)
            },
        }
    }
}

/// The results of the successive prefixes of what is being typed, so that typing a character
/// narrows the last result and deleting one goes back to a result already computed.
#[derive(Debug, Default)]
pub struct QueryTrail {
    trail: Vec<Arc<Matches>>,
}

/// Enough for any query a person types; beyond it the oldest prefixes are forgotten.
const TRAIL_MAX: usize = 64;

impl QueryTrail {
    pub fn new() -> QueryTrail {
        QueryTrail::default()
    }

    /// The matches for `query`, reusing or narrowing earlier results where it can; `None` if
    /// `cancelled()` turned true first.
    pub fn search(
        &mut self,
        index: &SearchIndex,
        query: &str,
        cancelled: &Cancel<'_>,
    ) -> Option<Arc<Matches>> {
        while self
            .trail
            .last()
            .is_some_and(|top| !query.starts_with(top.query()))
        {
            self.trail.pop();
        }
        if let Some(top) = self.trail.last()
            && top.query() == query
        {
            return Some(Arc::clone(top));
        }
        let matches =
            Arc::new(index.search_from(self.trail.last().map(|m| m.as_ref()), query, cancelled)?);
        if self.trail.len() == TRAIL_MAX {
            self.trail.remove(0);
        }
        self.trail.push(Arc::clone(&matches));
        Some(matches)
    }
}

/// Cuts `text` to at most `width` columns around its first highlighted character, marking cuts
/// with `…`, and moves `indices` (char positions) to match. Text that fits is returned whole.
pub fn snippet(text: &str, indices: &[usize], width: usize) -> (String, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    let col = |c: char| c.width().unwrap_or(0);
    let total: usize = chars.iter().map(|&c| col(c)).sum();
    if total <= width {
        return (text.to_owned(), indices.to_vec());
    }
    if width <= 2 {
        // No room for `…` marks: the first columns that fit.
        let mut taken = 0;
        let kept: String = chars
            .iter()
            .take_while(|&&c| {
                taken += col(c);
                taken <= width
            })
            .collect();
        let count = kept.chars().count();
        return (
            kept,
            indices.iter().copied().filter(|&i| i < count).collect(),
        );
    }
    // Start a little before the first match, at a word start when one is near.
    let first = indices.first().copied().unwrap_or(0).min(chars.len());
    let lead = width / 4;
    let mut start = first;
    let mut used = 0;
    while start > 0 && used + col(chars[start - 1]) <= lead {
        start -= 1;
        used += col(chars[start]);
    }
    if let Some(space) = chars[start..first].iter().position(|c| c.is_whitespace()) {
        start += space + 1;
    }
    // Never leave room unused at the end by starting too late.
    let mut tail: usize = chars[start..].iter().map(|&c| col(c)).sum();
    while start > 0 && tail + col(chars[start - 1]) < width {
        start -= 1;
        tail += col(chars[start]);
    }
    let prefix = usize::from(start > 0);
    let budget = width.saturating_sub(prefix);
    // Keep a column for the closing `…` unless the rest fits.
    let budget = if tail <= budget {
        budget
    } else {
        budget.saturating_sub(1)
    };
    let mut end = start;
    let mut taken = 0;
    while end < chars.len() && taken + col(chars[end]) <= budget {
        taken += col(chars[end]);
        end += 1;
    }
    let mut out = String::with_capacity(width * 4);
    if prefix == 1 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    let moved = indices
        .iter()
        .filter(|&&i| i >= start && i < end)
        .map(|&i| i - start + prefix)
        .collect();
    (out, moved)
}

#[cfg(test)]
mod tests;
