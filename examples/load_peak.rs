//! Peak memory of loading the generated large ladder (1,000 levels, 100,000 skill
//! references), beside the TOML parser alone on the same files. One run per process, so
//! each figure is that path's own peak: `VmHWM` from `/proc/self/status` (Linux).
//!
//! Run: `cargo run --release --example load_peak -- load|parse|none`

use rungs::ladder::{Ladder, generate};

fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let what = std::env::args().nth(1).unwrap_or_else(|| "load".into());
    let sources = generate::large_ladder(1_000, 100_000, 500);
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let before = peak_kb().unwrap_or(0);
    match what.as_str() {
        // Generation only, to subtract from the other two when timing them.
        "none" => {}
        "parse" => {
            for source in &sources {
                let doc = toml::de::DeTable::parse(&source.text).expect("parses");
                std::hint::black_box(&doc);
            }
        }
        _ => {
            let ladder = Ladder::from_sources(&sources).expect("valid");
            std::hint::black_box(&ladder);
        }
    }
    let after = peak_kb().unwrap_or(0);
    println!(
        "{what}: {:.2} MB of TOML; peak {:.1} MB (before: {:.1} MB)",
        bytes as f64 / 1e6,
        after as f64 / 1e3,
        before as f64 / 1e3
    );
}
