//! Wrapping every built-in ladder text (level summaries, scopes, responsibilities,
//! expectations, examples, skill descriptions and rubric lines) at 60 columns: rungs's
//! `text::wrap` (through the explorer's `common::wrap`) beside `textwrap::wrap` with
//! textwrap's own optimal fit, the same options and no lead, so the ratio holds on any machine.
//!
//! Run: `cargo bench --bench wrap`

use std::sync::LazyLock;

use divan::counter::ItemsCount;
use rungs::Ladder;

fn main() {
    divan::main();
}

const COLUMNS: usize = 60;

static TEXTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let ladder = Ladder::embedded_validated().expect("the built-in ladder is valid");
    let mut texts = Vec::new();
    for level in ladder.levels() {
        texts.extend([
            level.summary.clone(),
            level.scope.clone(),
            level.decision_scope.clone(),
        ]);
        texts.extend(level.responsibilities.iter().cloned());
        for reference in &level.skills {
            texts.extend(reference.expectations.iter().cloned());
            texts.extend(reference.examples.iter().cloned());
        }
    }
    for skill in ladder.skills() {
        texts.push(skill.description.clone());
        texts.extend(skill.rubric.iter().map(|line| line.text.clone()));
    }
    texts
});

#[divan::bench]
fn rungs_wrap(bencher: divan::Bencher<'_, '_>) {
    let texts = &*TEXTS;
    bencher.counter(ItemsCount::new(texts.len())).bench(|| {
        texts
            .iter()
            .map(|text| rungs::tui::view::common::wrap(divan::black_box(text), COLUMNS, "").len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn textwrap_optimal_fit(bencher: divan::Bencher<'_, '_>) {
    let texts = &*TEXTS;
    let options =
        textwrap::Options::new(COLUMNS).word_splitter(textwrap::WordSplitter::NoHyphenation);
    bencher.counter(ItemsCount::new(texts.len())).bench(|| {
        texts
            .iter()
            .map(|text| textwrap::wrap(divan::black_box(text), &options).len())
            .sum::<usize>()
    });
}
