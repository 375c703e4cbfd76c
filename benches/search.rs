//! Search: per-keystroke query time on the built-in ladder and on a generated ladder at the
//! scale of a national occupation database.
//!
//! Run: `cargo bench --bench search`
//!
//! Indexes:
//! - `default`: the built-in ladder.
//! - `large`: `generate::large_ladder(1_000, 100_000, 500)`, indexed as the explorer would:
//!   111,500 entries (100,000 skill names, one per skill reference). Many share a text (a
//!   skill name repeats at every level asking for it), and matching runs once per distinct
//!   text.
//! - `distinct`: the same 111,500 entries, each text made unique by appending ` #N` (its
//!   position), so that every entry is matched: the worst case, and the same lines fzf sees
//!   in the comparison (`cargo run --release --example search_lines`).
//!
//! For each index, a query is typed one character at a time. `fresh` times a full scan for
//! each prefix; `typed` times the step the explorer takes on a keystroke, narrowing the result
//! of the previous prefix. Both return the complete ranked result, not just the top rows.

use std::sync::LazyLock;

use rungs::ladder::{Ladder, generate};
use rungs::search::{Matches, SearchIndex};

fn main() {
    divan::main();
}

static DEFAULT: LazyLock<SearchIndex> =
    LazyLock::new(|| SearchIndex::new(&Ladder::embedded().expect("the built-in ladder is valid")));

static LARGE_LADDER: LazyLock<Ladder> = LazyLock::new(|| {
    Ladder::from_sources(&generate::large_ladder(1_000, 100_000, 500)).expect("valid")
});

static LARGE: LazyLock<SearchIndex> = LazyLock::new(|| SearchIndex::new(&LARGE_LADDER));

static DISTINCT: LazyLock<SearchIndex> = LazyLock::new(|| {
    let texts = distinct_texts(&LARGE);
    SearchIndex::from_entries(
        LARGE
            .entries()
            .iter()
            .zip(&texts)
            .map(|(e, t)| (e.kind, e.level, e.item, t.as_str())),
    )
});

/// Each entry's text with ` #N` appended: every line unique.
pub fn distinct_texts(index: &SearchIndex) -> Vec<String> {
    index
        .entries()
        .iter()
        .enumerate()
        .map(|(i, e)| format!("{} #{i}", index.text(e)))
        .collect()
}

/// Prefixes of the typed queries. On the generated ladder `e` and every prefix of `skill`
/// match 90 % or more of the entries (the 100,000 skill names among them).
const DEFAULT_TYPED: &[&str] = &["e", "n", "ne", "neg", "nego", "negot", "negoti", "negotiat"];
const LARGE_TYPED: &[&str] = &[
    "e", "s", "sk", "ski", "skil", "skill", "skill ", "skill 4", "skill 42",
];

/// The result of the prefix one character shorter, as the explorer holds it when a key comes.
fn previous(index: &SearchIndex, query: &str) -> Matches {
    let mut shorter = query.to_owned();
    shorter.pop();
    index.search(&shorter)
}

#[divan::bench(args = DEFAULT_TYPED)]
fn default_fresh(bencher: divan::Bencher, query: &str) {
    let index = &*DEFAULT;
    bencher.bench(|| index.search(divan::black_box(query)));
}

#[divan::bench(args = DEFAULT_TYPED)]
fn default_typed(bencher: divan::Bencher, query: &str) {
    let index = &*DEFAULT;
    let before = previous(index, query);
    bencher.bench(|| index.refine(&before, divan::black_box(query)));
}

#[divan::bench(args = LARGE_TYPED, sample_count = 20)]
fn large_fresh(bencher: divan::Bencher, query: &str) {
    let index = &*LARGE;
    bencher.bench(|| index.search(divan::black_box(query)));
}

#[divan::bench(args = LARGE_TYPED, sample_count = 20)]
fn large_typed(bencher: divan::Bencher, query: &str) {
    let index = &*LARGE;
    let before = previous(index, query);
    bencher.bench(|| index.refine(&before, divan::black_box(query)));
}

#[divan::bench(args = LARGE_TYPED, sample_count = 20)]
fn distinct_fresh(bencher: divan::Bencher, query: &str) {
    let index = &*DISTINCT;
    bencher.bench(|| index.search(divan::black_box(query)));
}

#[divan::bench(args = LARGE_TYPED, sample_count = 20)]
fn distinct_typed(bencher: divan::Bencher, query: &str) {
    let index = &*DISTINCT;
    let before = previous(index, query);
    bencher.bench(|| index.refine(&before, divan::black_box(query)));
}
