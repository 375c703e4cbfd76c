//! Where the explorer opens: where the person left off. The last level viewed is kept in
//! `$XDG_STATE_HOME/rungs/last-level` (one level id), written atomically on the way out. A
//! file that is missing, unreadable or names no level of this ladder means the first rung:
//! never an error, never a reason not to start. It is read as content and plans are (see
//! `files.rs`): a regular file of a few KB at most, so a FIFO or a huge file put there means
//! no last level rather than a start-up or a quit that hangs or fills memory.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::files::read_regular;

/// The longest id read back; anything longer is not one of ours.
const MAX_ID: usize = 200;

/// The largest state file read: an id and its line break need far less.
const STATE_FILE_LIMIT: u64 = 4 * 1024;

/// `$XDG_STATE_HOME/rungs/last-level`, or `~/.local/state/rungs/last-level`.
pub fn last_level_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .and_then(|dirs| dirs.state_dir())
        .map(|dir| dir.join("rungs").join("last-level"))
}

/// The level id kept at `path`, if the file holds one.
pub fn read_last_level(path: &Path) -> Option<String> {
    let bytes = read_regular(path, STATE_FILE_LIMIT).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let id = text.trim();
    let plausible = !id.is_empty()
        && id.len() <= MAX_ID
        && !id.chars().any(|c| c.is_control() || c.is_whitespace());
    plausible.then(|| id.to_owned())
}

/// Keeps `id` at `path`: written to a temporary file beside it and renamed over it, so the
/// file is never half-written. It is not synced to disk: after a crash the worst case is an
/// empty file, which opens the first rung, and a sync would add a millisecond to every quit.
/// A file that already says `id` is left as it is (a read costs less than a new file).
pub fn write_last_level(path: &Path, id: &str) -> std::io::Result<()> {
    let text = format!("{id}\n");
    if read_regular(path, STATE_FILE_LIMIT).is_ok_and(|kept| kept == text.as_bytes()) {
        return Ok(());
    }
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("the state file has no folder"))?;
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(text.as_bytes())?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The level the explorer opens on: the plan's current level (`plan_current`), else the last
/// level viewed.
pub fn opening_level(plan_current: Option<String>, state: Option<&Path>) -> Option<String> {
    plan_current.or_else(|| state.and_then(read_last_level))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_level_round_trips_and_is_replaced_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state").join("rungs").join("last-level");
        assert_eq!(read_last_level(&path), None, "no file yet");
        write_last_level(&path, "director").expect("written");
        assert_eq!(read_last_level(&path).as_deref(), Some("director"));
        write_last_level(&path, "vp").expect("written again");
        assert_eq!(read_last_level(&path).as_deref(), Some("vp"));
        // Only the file itself is left in the folder: the temporary one was renamed over it.
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("folder"))
            .expect("listed")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["last-level"]);
    }

    #[cfg(unix)]
    #[test]
    fn the_same_level_again_leaves_the_file_as_it_is() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("last-level");
        write_last_level(&path, "director").expect("written");
        let inode = std::fs::metadata(&path).expect("there").ino();
        write_last_level(&path, "director").expect("kept");
        assert_eq!(std::fs::metadata(&path).expect("there").ino(), inode);
        // Anything else in the file is replaced (a new file renamed over it).
        std::fs::write(&path, "director").expect("written without its line break");
        write_last_level(&path, "director").expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "director\n");
    }

    #[test]
    fn an_unreadable_or_odd_file_means_no_level() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("last-level");
        for text in ["", "   \n", "two words", "evil\u{1b}[31m", &"x".repeat(500)] {
            std::fs::write(&path, text).expect("written");
            assert_eq!(read_last_level(&path), None, "{text:?}");
        }
        // A folder where the file should be: still nothing, and no panic.
        let folder = dir.path().join("a-folder");
        std::fs::create_dir(&folder).expect("folder");
        assert_eq!(read_last_level(&folder), None);
    }

    #[test]
    fn an_oversized_file_means_no_level_even_when_it_starts_with_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("last-level");
        // A plausible id followed by blank lines past the limit: the file is not read at all.
        let text = format!("director{}", "\n".repeat(STATE_FILE_LIMIT as usize));
        std::fs::write(&path, text).expect("written");
        assert_eq!(read_last_level(&path), None);
        // Within the limit the same id is read.
        std::fs::write(&path, "director\n\n").expect("written");
        assert_eq!(read_last_level(&path).as_deref(), Some("director"));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_means_no_level_and_is_never_opened() {
        use std::io::Write as _;
        use std::os::unix::fs::OpenOptionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("last-level");
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        // A writer that offers a valid id to whoever opens the FIFO for reading: a read of
        // the FIFO would get "director".
        let writer_path = path.clone();
        let writer = std::thread::spawn(move || {
            let mut fifo = std::fs::OpenOptions::new()
                .write(true)
                .open(&writer_path)
                .expect("opened for writing");
            let _ = fifo.write_all(b"director\n");
        });
        assert_eq!(read_last_level(&path), None, "the FIFO was read");
        // Opened here without waiting, which lets the writer go on, so the thread ends.
        let release = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&path)
            .expect("opened for reading");
        writer.join().expect("writer");
        drop(release);
        // On the way out the FIFO is replaced by a file, without waiting on it.
        write_last_level(&path, "vp").expect("written");
        assert_eq!(read_last_level(&path).as_deref(), Some("vp"));
    }

    #[test]
    fn the_plans_current_level_comes_before_the_last_level_viewed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("last-level");
        write_last_level(&path, "manager").expect("written");
        assert_eq!(
            opening_level(Some("director".into()), Some(&path)).as_deref(),
            Some("director")
        );
        assert_eq!(opening_level(None, Some(&path)).as_deref(), Some("manager"));
        assert_eq!(opening_level(None, None), None);
    }
}
