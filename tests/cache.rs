//! The cache of validated ladders: used only for the exact folder it was built from.

use std::path::Path;

use rungs::ladder::{CacheUse, Ladder, generate};

/// A content folder holding `files`.
fn folder(files: &[rungs::ladder::SourceFile]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for file in files {
        let name = Path::new(&file.name).file_name().expect("file name");
        std::fs::write(dir.path().join(name), &file.text).expect("written");
    }
    dir
}

fn levels(ladder: &Ladder) -> Vec<(String, String, usize)> {
    ladder
        .levels()
        .iter()
        .map(|l| (l.id.clone(), l.title.clone(), l.skills.len()))
        .collect()
}

#[test]
fn a_second_load_comes_from_the_cache_and_equals_the_validated_ladder() {
    let content = folder(&generate::large_ladder(30, 600, 40));
    let cache = tempfile::tempdir().unwrap();
    let (first, how) = Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    assert_eq!(how, CacheUse::Rebuilt);
    let (second, how) = Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    assert_eq!(how, CacheUse::Hit);
    let validated = Ladder::from_folder(content.path()).expect("valid");
    assert_eq!(levels(&second), levels(&validated));
    assert_eq!(second.levels(), validated.levels());
    assert_eq!(second.skills(), validated.skills());
    assert_eq!(levels(&first), levels(&second));
}

#[test]
fn a_one_byte_change_rebuilds_and_reports_like_a_fresh_load() {
    let content = folder(&generate::large_ladder(30, 600, 40));
    let cache = tempfile::tempdir().unwrap();
    Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    let path = content.path().join("levels-000.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    // "Level 7 title" becomes "Level 8 title": one byte.
    let changed = text.replacen("Level 7 title", "Level 8 title", 1);
    assert_eq!(changed.len(), text.len());
    std::fs::write(&path, &changed).unwrap();
    let (ladder, how) = Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    assert_eq!(how, CacheUse::Rebuilt);
    assert_eq!(
        ladder.level("level-7").map(|l| l.title.as_str()),
        Some("Level 8 title")
    );

    // A change that breaks the folder is reported, never hidden by an older cache.
    std::fs::write(&path, changed.replacen("rank = 1\n", "rank = \"1\"\n", 1)).unwrap();
    let problems = Ladder::from_folder_cached(content.path(), cache.path()).unwrap_err();
    assert!(
        problems[0]
            .message
            .contains("`rank` must be a whole number"),
        "{problems:#?}"
    );
}

/// The one cache file in `cache`.
fn only_cache_file(cache: &Path) -> std::path::PathBuf {
    let entries: Vec<_> = std::fs::read_dir(cache).unwrap().flatten().collect();
    assert_eq!(entries.len(), 1, "one cache file, no temporary left");
    entries[0].path()
}

/// Damages the cache of a small folder with `damage`, then checks the next load validates the
/// folder in full (never trusting the damaged file) and rewrites a cache that works.
fn damaged_cache_is_rebuilt(damage: impl FnOnce(&mut Vec<u8>)) {
    let content = folder(&generate::large_ladder(10, 100, 20));
    let cache = tempfile::tempdir().unwrap();
    let (original, _) = Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    let file = only_cache_file(cache.path());
    let mut bytes = std::fs::read(&file).unwrap();
    damage(&mut bytes);
    std::fs::write(&file, &bytes).unwrap();
    let (ladder, how) = Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    assert_eq!(how, CacheUse::Rebuilt);
    assert_eq!(ladder.levels(), original.levels());
    let (_, how) = Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    assert_eq!(how, CacheUse::Hit, "the rebuilt cache is used next time");
    assert_eq!(only_cache_file(cache.path()), file);
}

#[test]
fn a_truncated_cache_file_is_rebuilt_not_trusted() {
    damaged_cache_is_rebuilt(|bytes| bytes.truncate(bytes.len() / 2));
    damaged_cache_is_rebuilt(|bytes| bytes.truncate(20));
    damaged_cache_is_rebuilt(Vec::clear);
}

#[test]
fn a_cache_file_with_one_byte_changed_is_rebuilt_not_trusted() {
    // A byte inside a level's title, far from the header: the body still unpacks, so only
    // the checksum can tell.
    damaged_cache_is_rebuilt(|bytes| {
        let at = bytes
            .windows(13)
            .position(|w| w == b"Level 7 title")
            .expect("a title in the cache");
        bytes[at + 6] = b'8';
    });
    damaged_cache_is_rebuilt(|bytes| {
        let last = bytes.len() - 1;
        bytes[last] ^= 0x01;
    });
}

#[test]
fn a_foreign_file_in_the_cache_place_is_rebuilt_not_trusted() {
    damaged_cache_is_rebuilt(|bytes| *bytes = b"{\"format\": 2, \"key\": \"\"}".to_vec());
    // The same body behind another format number.
    damaged_cache_is_rebuilt(|bytes| bytes[12] = bytes[12].wrapping_add(1));
}

/// Where a cache file's body starts: after the marker, format, key and checksum.
const BODY: usize = 12 + 4 + 32 + 16;

/// Replaces a cache file's body with what `change` makes of it, under a checksum that
/// matches, so that only the unpacking itself can refuse it.
fn forge_body(bytes: &mut Vec<u8>, change: impl FnOnce(&mut Vec<u8>)) {
    let mut body = bytes.split_off(BODY);
    change(&mut body);
    let checksum = xxhash_rust::xxh3::xxh3_128(&body).to_le_bytes();
    bytes[BODY - 16..].copy_from_slice(&checksum);
    bytes.extend_from_slice(&body);
}

/// The length of the text region a body starts with, and how many bytes that length takes.
fn text_region(body: &[u8]) -> (usize, usize) {
    let mut len = 0;
    for (i, byte) in body.iter().enumerate() {
        len |= usize::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return (len, i + 1);
        }
    }
    panic!("a body starts with the length of its text region");
}

#[test]
fn a_forged_cache_whose_text_is_not_utf8_or_not_within_the_file_is_rebuilt() {
    // Forging alone, with the body unchanged, leaves a cache that is used.
    let content = folder(&generate::large_ladder(10, 100, 20));
    let cache = tempfile::tempdir().unwrap();
    Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    let file = only_cache_file(cache.path());
    let mut bytes = std::fs::read(&file).unwrap();
    forge_body(&mut bytes, |_| {});
    std::fs::write(&file, &bytes).unwrap();
    let (_, how) = Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    assert_eq!(how, CacheUse::Hit);

    // Invalid UTF-8 inside a title.
    damaged_cache_is_rebuilt(|bytes| {
        forge_body(bytes, |body| {
            let at = body
                .windows(13)
                .position(|w| w == b"Level 7 title")
                .expect("a title in the cache");
            body[at + 6] = 0xff;
        });
    });
    // A text region said to run one byte past the end of the file, or far past it.
    for extra in [1, 1 << 40] {
        damaged_cache_is_rebuilt(|bytes| {
            forge_body(bytes, |body| {
                let (_, len_bytes) = text_region(body);
                let mut claimed = body.len() - len_bytes + extra;
                let mut forged = Vec::new();
                while claimed >= 0x80 {
                    forged.push((claimed as u8) | 0x80);
                    claimed >>= 7;
                }
                forged.push(claimed as u8);
                forged.extend_from_slice(&body[len_bytes..]);
                *body = forged;
            });
        });
    }
    // One byte of text fewer: the last strings run past the region into the stream.
    damaged_cache_is_rebuilt(|bytes| {
        forge_body(bytes, |body| {
            let (len, len_bytes) = text_region(body);
            assert!(len > 0 && len < 0x80 << 7, "{len}");
            body.remove(len_bytes + len - 1);
            if len_bytes == 2 {
                // The two-byte length, one less (the low seven bits first).
                let shorter = len - 1;
                body[0] = (shorter as u8 & 0x7f) | 0x80;
                body[1] = (shorter >> 7) as u8;
            } else {
                body[0] -= 1;
            }
        });
    });
}

#[test]
fn a_fifo_in_the_cache_place_is_never_opened_and_a_cache_file_takes_its_place() {
    let content = folder(&generate::large_ladder(10, 100, 20));
    let cache = tempfile::tempdir().unwrap();
    Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    let file = only_cache_file(cache.path());
    std::fs::remove_file(&file).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&file)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // Opening a FIFO for reading waits for a writer that never comes: the load runs on a
    // thread so that a regression fails here instead of hanging the suite.
    let (content_path, cache_path) = (content.path().to_owned(), cache.path().to_owned());
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let loaded = Ladder::from_folder_cached(&content_path, &cache_path).map(|(_, how)| how);
        let _ = done.send(loaded.ok());
    });
    let how = finished
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("the load ends without waiting on the FIFO");
    assert_eq!(how, Some(CacheUse::Rebuilt));
    assert!(
        std::fs::metadata(&file).unwrap().is_file(),
        "the cache file replaced the FIFO"
    );
}
