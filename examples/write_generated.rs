//! Writes the generated large ladder (1,000 levels, 100,000 skill references, 500 skills)
//! into a folder, to start `rungs --content DIR` on it by hand (profiles, `perf stat`).
//!
//! `cargo run --release --example write_generated -- DIR`

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: write_generated DIR");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for file in rungs::ladder::generate::large_ladder(1000, 100_000, 500) {
        let path = dir.join(file.name.trim_start_matches("generated/"));
        if let Err(e) = std::fs::write(&path, file.text) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
