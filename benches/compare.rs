//! `compare` on the generated ladder of 1,000 levels (100,000 skill references, 500 skills):
//! about 100 skills a level, so each pair merges two lists of ~100 skills.
//!
//! Run: `cargo bench --bench compare`
//!
//! - `sample_of_1000_pairs`: one iteration compares a fixed, deterministic sample of 1,000
//!   pairs (a stride walk over all 1,000,000 ordered pairs, so it holds same-track and
//!   cross-track pairs and a few pairs of a level with itself); time per pair = time / 1,000.
//! - `every_pair_once`: the full sweep, all 1,000 × 1,000 ordered pairs, timed once.

use std::sync::LazyLock;

use divan::counter::ItemsCount;
use rungs::Ladder;
use rungs::compare::compare;
use rungs::ladder::generate;

fn main() {
    divan::main();
}

static LADDER: LazyLock<Ladder> = LazyLock::new(|| {
    Ladder::from_sources(&generate::large_ladder(1_000, 100_000, 500)).expect("valid")
});

const SAMPLE: usize = 1_000;

/// Pairs `(i, j)` from a stride walk: pair number `k * 999_983 mod 1,000,000` (a prime
/// stride, so every pair is distinct), split into A and B indices.
fn sample_pairs(levels: usize) -> Vec<(usize, usize)> {
    let total = levels * levels;
    (0..SAMPLE)
        .map(|k| {
            let p = (k * 999_983 + 7) % total;
            (p / levels, p % levels)
        })
        .collect()
}

#[divan::bench]
fn sample_of_1000_pairs(bencher: divan::Bencher) {
    let ladder = &*LADDER;
    let levels = ladder.levels();
    let pairs = sample_pairs(levels.len());
    bencher.counter(ItemsCount::new(pairs.len())).bench(|| {
        for &(i, j) in &pairs {
            divan::black_box(compare(ladder, &levels[i], &levels[j]));
        }
    });
}

#[divan::bench(sample_count = 1, sample_size = 1)]
fn every_pair_once(bencher: divan::Bencher) {
    let ladder = &*LADDER;
    let levels = ladder.levels();
    bencher
        .counter(ItemsCount::new(levels.len() * levels.len()))
        .bench(|| {
            for a in levels {
                for b in levels {
                    divan::black_box(compare(ladder, a, b));
                }
            }
        });
}
