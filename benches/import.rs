//! `rungs import csv` in the core: a 100,000-row sheet (1,000 levels in 10 tracks, 100 skills
//! each, one statement per row) read, built into a ladder and written as TOML text, without
//! touching the disk.
//!
//! Run: `cargo bench --bench import`

use std::fmt::Write;

use rungs::import::{CsvOptions, import_csv};

fn main() {
    divan::main();
}

/// The sheet: a header and `levels` × `skills` rows.
fn sheet(levels: usize, skills: usize) -> String {
    let mut text = String::from("Track,Level,Category,Skill,Proficiency,Expectation\n");
    for l in 0..levels {
        for s in 0..skills {
            let _ = writeln!(
                text,
                "Track {},Level {l},Category {},Skill {s},{},\"At level {l}, skill {s} means planning, writing and reviewing; see \"\"the guide\"\".\"",
                l / 100,
                s % 8,
                1 + (l + s) % 4,
            );
        }
    }
    text
}

#[divan::bench(sample_count = 10)]
fn csv_100k_rows(bencher: divan::Bencher) {
    let text = sheet(1_000, 100);
    bencher.bench(|| {
        import_csv(
            "sheet.csv",
            divan::black_box(text.as_bytes()),
            &CsvOptions::default(),
        )
        .expect("imports")
    });
}
