//! Writes the texts of the generated ladder's search entries, one per line, for comparing
//! `rungs` search with `fzf --filter` (see BENCHMARKS.md).
//!
//! Run: `cargo run --release --example search_lines -- DIR`
//! Writes `DIR/large.txt` (each entry's text, repeats included) and `DIR/distinct.txt` (each
//! text with ` #N` appended, as the `distinct` index of `benches/search.rs`).

use std::io::Write;

use rungs::ladder::{Ladder, generate};
use rungs::search::SearchIndex;

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let dir = std::path::Path::new(&dir);
    let ladder = match Ladder::from_sources(&generate::large_ladder(1_000, 100_000, 500)) {
        Ok(ladder) => ladder,
        Err(problems) => {
            eprintln!("generated ladder invalid: {} problems", problems.len());
            std::process::exit(1);
        }
    };
    let index = SearchIndex::new(&ladder);
    let mut large = std::io::BufWriter::new(std::fs::File::create(dir.join("large.txt"))?);
    let mut distinct = std::io::BufWriter::new(std::fs::File::create(dir.join("distinct.txt"))?);
    for (i, entry) in index.entries().iter().enumerate() {
        let text = index.text(entry);
        writeln!(large, "{text}")?;
        writeln!(distinct, "{text} #{i}")?;
    }
    large.flush()?;
    distinct.flush()?;
    // How much of the index each benchmarked query matches.
    for query in [
        "e", "s", "sk", "ski", "skil", "skill", "skill 4", "skill 42",
    ] {
        eprintln!("{query:>9}: {} matches", index.search(query).len());
    }
    eprintln!(
        "{} entries ({} distinct texts) written to {}",
        index.entries().len(),
        index.distinct_texts(),
        dir.display()
    );
    Ok(())
}
