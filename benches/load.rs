//! Load + validate: the built-in ladder, and a generated ladder at the scale of a national
//! occupation database (1,000 levels, 100,000 skill references).
//!
//! Run: `cargo bench --bench load`

use rungs::ladder::{Ladder, embedded_sources, generate};

fn main() {
    divan::main();
}

#[divan::bench]
fn embedded_ladder(bencher: divan::Bencher) {
    let sources = embedded_sources();
    bencher.bench(|| Ladder::from_sources(divan::black_box(&sources)).expect("valid"));
}

#[divan::bench(sample_count = 20)]
fn large_ladder_1000_levels_100k_refs(bencher: divan::Bencher) {
    let sources = generate::large_ladder(1_000, 100_000, 500);
    bencher.bench(|| Ladder::from_sources(divan::black_box(&sources)).expect("valid"));
}

/// The floor for the row above: the spanned TOML parser alone on the same files, building
/// each file's whole document, with nothing read from it.
#[divan::bench(sample_count = 20)]
fn large_ladder_toml_parse_only(bencher: divan::Bencher) {
    let sources = generate::large_ladder(1_000, 100_000, 500);
    bencher.bench(|| {
        for source in divan::black_box(&sources) {
            let doc = toml::de::DeTable::parse(&source.text).expect("parses");
            divan::black_box(&doc);
        }
    });
}

/// What the explorer and commands do at start-up with the built-in ladder: unpack the packed
/// form `build.rs` prepared (every rule is checked at test time).
#[divan::bench]
fn embedded_ladder_trusted() -> Ladder {
    Ladder::embedded().expect("valid")
}
