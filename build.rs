//! Prepares the built-in ladder for a fast start: the TOML files in `content/` are merged and
//! written in the packed form of `src/ladder/packed.rs`, which `Ladder::embedded` unpacks at
//! run time.
//!
//! Nothing is validated here; the test suite checks every rule on the same files. If a file
//! cannot be read or parsed, an empty file is written and the binary falls back to the full loader,
//! which reports the problem with its line and column.

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/ladder/model.rs"]
mod model;

#[allow(dead_code)]
#[path = "src/ladder/packed.rs"]
mod packed;

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=src/ladder/model.rs");
    println!("cargo:rerun-if-changed=src/ladder/packed.rs");
    let out_dir = std::env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let packed = merged_content(Path::new("content"))
        .map(|content| packed::pack(&content))
        .unwrap_or_default();
    if let Err(e) = std::fs::write(out_dir.join("embedded-ladder.bin"), packed) {
        panic!("cannot write the prepared ladder to OUT_DIR: {e}");
    }
}

fn merged_content(dir: &Path) -> Option<model::ContentFile> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    let mut merged = model::ContentFile::default();
    for path in paths {
        let text = std::fs::read_to_string(&path).ok()?;
        let file: model::ContentFile = toml::from_str(&text).ok()?;
        merged.ladder = merged.ladder.or(file.ladder);
        merged.tracks.extend(file.tracks);
        merged.categories.extend(file.categories);
        merged.skills.extend(file.skills);
        merged.levels.extend(file.levels);
        merged.sources.extend(file.sources);
        merged.families.extend(file.families);
    }
    Some(merged)
}
