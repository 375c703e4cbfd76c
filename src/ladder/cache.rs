//! A cache of validated ladders, so that a large content folder that has not changed starts
//! as fast as a small one.
//!
//! The key is a 128-bit XXH3 hash of everything that decides the result: the cache format,
//! rungs' version, and each file's name and text. A cache file holds a marker, the format,
//! its key, a checksum of its body and the body (the ladder in the packed form of
//! `packed.rs`); it is used only if all of these match and the body unpacks whole. Any change
//! to the folder (one byte) makes a new key, and anything else (a truncated or damaged file,
//! a stale format, a file that is not a rungs cache) falls back to the full validation, which
//! then rewrites the cache. The folder is always read in full to compute the key (one file at
//! a time, not kept); the cache saves parsing and validation only.
//!
//! XXH3 rather than a cryptographic hash: the key only has to change when the folder does
//! (anyone who can write the cache folder could write any cache anyway), and XXH3 reads the
//! 5.8 MB of the large generated ladder in well under a millisecond.

use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use super::{Ladder, Problem, SourceFile, packed, read_folder};

/// Bumped whenever the shape of a cache file, of the packed form or of the model changes
/// (5: the packed form keeps its strings in one text region).
const FORMAT: u32 = 5;

/// The first bytes of every cache file.
const MARKER: &[u8; 12] = b"rungs-cache\n";

/// The file name's extension; older caches (`.json`) are pruned like stale ones.
const EXTENSION: &str = "bin";

/// Where rungs keeps its cache: `$XDG_CACHE_HOME/rungs` (or the platform's equivalent).
pub fn default_cache_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.cache_dir().join("rungs"))
}

/// The key of a folder's files: 32 hex digits.
pub fn cache_key(sources: &[SourceFile]) -> String {
    let mut hash = key_hash();
    for source in sources {
        add_file(&mut hash, source.name.as_bytes(), source.text.as_bytes());
    }
    format!("{:032x}", hash.digest128())
}

/// A key's hash before the files: the format and rungs' version.
fn key_hash() -> Xxh3 {
    let mut hash = Xxh3::new();
    hash.update(&FORMAT.to_le_bytes());
    hash.update(env!("CARGO_PKG_VERSION").as_bytes());
    hash
}

fn add_file(hash: &mut Xxh3, name: &[u8], text: &[u8]) {
    for part in [name, text] {
        hash.update(&(part.len() as u64).to_le_bytes());
        hash.update(part);
    }
}

/// The key of the folder at `dir` as [`read_folder`] reads it, reading one file at a time
/// into one buffer: a cache hit needs only the hash of the files, not their text kept (5.8 MB
/// of fresh memory for the large generated ladder). `None` when the folder does not read
/// cleanly; the full load then says why.
fn folder_key(dir: &Path) -> Option<String> {
    use crate::files::{CONTENT_FILE_LIMIT, read_regular_into};
    let paths = super::source::toml_files(dir)?;
    if paths.is_empty() {
        return None;
    }
    let mut hash = key_hash();
    let mut text = Vec::new();
    for path in paths {
        read_regular_into(&path, CONTENT_FILE_LIMIT, &mut text).ok()?;
        add_file(&mut hash, path.display().to_string().as_bytes(), &text);
    }
    Some(format!("{:032x}", hash.digest128()))
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
        if let Some(key) = folder_key(dir) {
            let path = cache_dir.join(format!("{key}.{EXTENSION}"));
            if let Some(ladder) = read_cache(&path, &key) {
                return Ok((ladder, CacheUse::Hit));
            }
        }
        // The key of the very text validated (the folder may have changed since it was
        // hashed), so that a cache file always holds the ladder of its key's content.
        let sources = read_folder(dir)?;
        let key = cache_key(&sources);
        let path = cache_dir.join(format!("{key}.{EXTENSION}"));
        let ladder = Ladder::from_sources(&sources)?;
        write_cache(cache_dir, &path, &key, &ladder);
        Ok((ladder, CacheUse::Rebuilt))
    }
}

/// The ladder in the cache file at `path`, if it is a whole, unchanged cache of `key`.
fn read_cache(path: &Path, key: &str) -> Option<Ladder> {
    // A regular file of bounded size only: a FIFO put there would otherwise hold the start
    // forever. A larger cache is ignored, and the folder validated as if there were none.
    let bytes = crate::files::read_regular(path, CACHE_FILE_LIMIT).ok()?;
    let parts = unpack_cache(&bytes, key)?;
    Some(Ladder::assemble(
        parts.ladder?,
        parts.families,
        parts.tracks,
        parts.categories,
        parts.skills,
        parts.levels,
        parts.sources,
    ))
}

/// The largest cache file read: the packed form of a content folder is smaller than its text,
/// so this holds folders of many times the 4 MB file limit.
const CACHE_FILE_LIMIT: u64 = 64 * 1024 * 1024;

/// The header of a cache file: marker, format, key (32 hex digits), checksum of the body.
const HEADER: usize = MARKER.len() + 4 + 32 + 16;

/// The ladder's parts in a cache file's bytes, if they are a whole, unchanged cache of `key`.
pub(crate) fn unpack_cache(bytes: &[u8], key: &str) -> Option<super::model::ContentFile> {
    let (header, body) = bytes.split_at_checked(HEADER)?;
    let (marker, rest) = header.split_at(MARKER.len());
    let (format, rest) = rest.split_at(4);
    let (stored_key, checksum) = rest.split_at(32);
    if marker != MARKER
        || format != FORMAT.to_le_bytes()
        || stored_key != key.as_bytes()
        || checksum != xxh3_128(body).to_le_bytes()
    {
        return None;
    }
    packed::unpack(body)
}

/// Writes the cache file whole or not at all (a temporary file renamed into place); a cache
/// that cannot be written only costs the next start its speed.
fn write_cache(cache_dir: &Path, path: &Path, key: &str, ladder: &Ladder) {
    let mut body = Vec::with_capacity(1 << 20);
    packed::pack_parts(
        &ladder.info,
        &ladder.families,
        &ladder.tracks,
        &ladder.categories,
        &ladder.skills,
        &ladder.levels,
        &ladder.sources,
        &mut body,
    );
    let write = || -> std::io::Result<()> {
        use std::io::Write;
        std::fs::create_dir_all(cache_dir)?;
        let mut file = tempfile::NamedTempFile::new_in(cache_dir)?;
        let out = file.as_file_mut();
        out.write_all(MARKER)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(key.as_bytes())?;
        out.write_all(&xxh3_128(&body).to_le_bytes())?;
        out.write_all(&body)?;
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
        .filter(|p| p.extension().is_some_and(|e| e == EXTENSION || e == "json") && p != keep)
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    cached.sort();
    let excess = (cached.len() + 1).saturating_sub(KEEP);
    for (_, old) in cached.into_iter().take(excess) {
        let _ = std::fs::remove_file(old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::generate;

    #[test]
    fn a_folder_hashed_file_by_file_has_the_key_of_its_files_read_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("more")).expect("folder");
        for (i, file) in generate::large_ladder(20, 200, 10).into_iter().enumerate() {
            let name = std::path::Path::new(&file.name).file_name().expect("name");
            let folder = if i == 0 {
                dir.path().join("more")
            } else {
                dir.path().into()
            };
            std::fs::write(folder.join(name), &file.text).expect("written");
        }
        let sources = read_folder(dir.path()).expect("read");
        assert!(sources.len() > 1);
        assert_eq!(folder_key(dir.path()), Some(cache_key(&sources)));
        assert_eq!(folder_key(&dir.path().join("nothing-here")), None);
    }
}
