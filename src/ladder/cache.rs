//! A cache of validated ladders, so that a large content folder that has not changed starts
//! as fast as a small one.
//!
//! The key is a SHA-256 of everything that decides the result: the cache format, rungs'
//! version, and each file's name and text. A cache file holds its key and is used only if the
//! key inside matches the key of the folder as read now and the file deserializes whole; any
//! change to the folder (one byte) makes a new key, and anything else (a truncated file, a
//! stale format) falls back to the full validation, which then rewrites the cache. The folder
//! is always read in full to compute the key; the cache saves parsing and validation only.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::model::{Category, Family, LadderInfo, Level, Skill, Source, Track};
use super::{Ladder, Problem, SourceFile, read_folder};

/// Bumped whenever the shape of a cache file or of the model changes.
const FORMAT: u32 = 2;

/// Where rungs keeps its cache: `$XDG_CACHE_HOME/rungs` (or the platform's equivalent).
pub fn default_cache_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.cache_dir().join("rungs"))
}

/// The key of a folder's files.
pub fn cache_key(sources: &[SourceFile]) -> String {
    let mut hash = Sha256::new();
    hash.update(FORMAT.to_le_bytes());
    hash.update(env!("CARGO_PKG_VERSION").as_bytes());
    for source in sources {
        for part in [source.name.as_bytes(), source.text.as_bytes()] {
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part);
        }
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Serialize)]
struct CacheOut<'a> {
    format: u32,
    key: &'a str,
    ladder: &'a LadderInfo,
    families: &'a [Family],
    tracks: &'a [Track],
    categories: &'a [Category],
    skills: &'a [Skill],
    levels: &'a [Level],
    sources: &'a [Source],
}

#[derive(Deserialize)]
struct CacheIn {
    format: u32,
    key: String,
    ladder: LadderInfo,
    families: Vec<Family>,
    tracks: Vec<Track>,
    categories: Vec<Category>,
    skills: Vec<Skill>,
    levels: Vec<Level>,
    sources: Vec<Source>,
}

/// How a cached load went, for benchmarks and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheUse {
    /// The cache held this folder's ladder.
    Hit,
    /// Validated in full; the cache was written (or could not be, which is not an error).
    Rebuilt,
}

impl Ladder {
    /// A content folder through the cache in [`default_cache_dir`] (or validated in full
    /// when there is no such place): what `--content DIR` loads.
    pub fn from_folder_with_cache(dir: &Path) -> Result<Ladder, Vec<Problem>> {
        match default_cache_dir() {
            Some(cache_dir) => Ladder::from_folder_cached(dir, &cache_dir).map(|(l, _)| l),
            None => Ladder::from_folder(dir),
        }
    }

    /// A content folder, from the cache in `cache_dir` when it holds this exact folder,
    /// otherwise validated in full (and cached). Problems are reported as by
    /// [`Ladder::from_folder`]; a folder with problems is never cached.
    pub fn from_folder_cached(
        dir: &Path,
        cache_dir: &Path,
    ) -> Result<(Ladder, CacheUse), Vec<Problem>> {
        let sources = read_folder(dir)?;
        let key = cache_key(&sources);
        let path = cache_dir.join(format!("{key}.json"));
        if let Some(ladder) = read_cache(&path, &key) {
            return Ok((ladder, CacheUse::Hit));
        }
        let ladder = Ladder::from_sources(&sources)?;
        write_cache(cache_dir, &path, &key, &ladder);
        Ok((ladder, CacheUse::Rebuilt))
    }
}

fn read_cache(path: &Path, key: &str) -> Option<Ladder> {
    let bytes = std::fs::read(path).ok()?;
    let cached: CacheIn = serde_json::from_slice(&bytes).ok()?;
    if cached.format != FORMAT || cached.key != key {
        return None;
    }
    Some(Ladder::assemble(
        cached.ladder,
        cached.families,
        cached.tracks,
        cached.categories,
        cached.skills,
        cached.levels,
        cached.sources,
    ))
}

/// Writes the cache file whole or not at all (a temporary file renamed into place); a cache
/// that cannot be written only costs the next start its speed.
fn write_cache(cache_dir: &Path, path: &Path, key: &str, ladder: &Ladder) {
    let out = CacheOut {
        format: FORMAT,
        key,
        ladder: &ladder.info,
        families: &ladder.families,
        tracks: &ladder.tracks,
        categories: &ladder.categories,
        skills: &ladder.skills,
        levels: &ladder.levels,
        sources: &ladder.sources,
    };
    let write = || -> std::io::Result<()> {
        use std::io::Write;
        std::fs::create_dir_all(cache_dir)?;
        let mut file = tempfile::NamedTempFile::new_in(cache_dir)?;
        let mut writer = std::io::BufWriter::new(file.as_file_mut());
        serde_json::to_writer(&mut writer, &out).map_err(std::io::Error::other)?;
        writer.flush()?;
        drop(writer);
        file.persist(path).map_err(|e| e.error)?;
        Ok(())
    };
    if write().is_ok() {
        prune(cache_dir, path);
    }
}

/// Keeps the cache small: the newest few ladders stay, older ones go.
fn prune(cache_dir: &Path, keep: &Path) {
    const KEEP: usize = 8;
    let Ok(entries) = std::fs::read_dir(cache_dir) else {
        return;
    };
    let mut cached: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && p != keep)
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    cached.sort();
    let excess = (cached.len() + 1).saturating_sub(KEEP);
    for (_, old) in cached.into_iter().take(excess) {
        let _ = std::fs::remove_file(old);
    }
}
