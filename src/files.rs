//! Reading files rungs did not write (content, plans, the config file): only regular files,
//! each with a size limit, so that a FIFO, a device or a huge file cannot hang rungs or eat
//! the machine's memory.

use std::fmt;
use std::io::Read;
use std::path::Path;

/// The largest content file rungs reads. The built-in ladder's largest file is about 40 KB,
/// so this leaves room for a company's whole ladder in one file.
pub const CONTENT_FILE_LIMIT: u64 = 4 * 1024 * 1024;

/// The largest plan file rungs reads: about 15,000 items with notes.
pub const PLAN_FILE_LIMIT: u64 = 4 * 1024 * 1024;

/// The largest config file rungs reads (a key table and a theme fit in a few KB).
pub const CONFIG_FILE_LIMIT: u64 = 1024 * 1024;

/// Why a file was not read. The path is the caller's to add.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// Not a regular file: what it is instead ("a FIFO", "a device", …).
    NotRegular(&'static str),
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(std::io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "no such file"),
            ReadError::NotRegular(kind) => write!(
                f,
                "not a regular file ({kind}); rungs reads only regular files"
            ),
            ReadError::TooLarge { size, limit } => write!(
                f,
                "too large: {} (the limit is {})",
                human_size(*size),
                human_size(*limit)
            ),
            ReadError::Io(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for ReadError {}

fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        format!("{:.1} MB", bytes as f64 / MIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

/// What a non-regular file is, in words.
fn kind_of(file_type: std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "not a plain file"
}

/// Reads the whole file at `path` (symbolic links followed) if it is a regular file of at most
/// `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    read_regular_into(path, limit, &mut bytes)?;
    Ok(bytes)
}

/// As [`read_regular`], into `bytes` (emptied first), so that one buffer can serve many files.
pub fn read_regular_into(path: &Path, limit: u64, bytes: &mut Vec<u8>) -> Result<(), ReadError> {
    bytes.clear();
    let not_found_or = |error: std::io::Error| {
        if error.kind() == std::io::ErrorKind::NotFound {
            ReadError::NotFound
        } else {
            ReadError::Io(error)
        }
    };
    // Looked at before opening: opening a FIFO for reading waits for a writer, and a socket
    // cannot be opened at all.
    let meta = std::fs::metadata(path).map_err(not_found_or)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should the path be swapped for a FIFO after the check above, opening still returns.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(not_found_or)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    bytes.reserve(meta.len() as usize);
    // One byte past the limit tells a file that grew since it was measured.
    file.take(limit + 1)
        .read_to_end(bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_and_a_missing_file_are_refused_by_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(matches!(
            read_regular(dir.path(), 10),
            Err(ReadError::NotRegular("a folder"))
        ));
        assert!(matches!(
            read_regular(&dir.path().join("none"), 10),
            Err(ReadError::NotFound)
        ));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_and_one_at_it_is_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("f");
        std::fs::write(&path, "12345").expect("write");
        assert_eq!(read_regular(&path, 5).expect("at the limit"), b"12345");
        let error = read_regular(&path, 4).expect_err("over");
        assert!(matches!(error, ReadError::TooLarge { size: 5, limit: 4 }));
        assert_eq!(
            error.to_string(),
            "too large: 5 bytes (the limit is 4 bytes)"
        );
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_refused_without_reading() {
        let error = read_regular(Path::new("/dev/zero"), 10).expect_err("a device");
        assert!(
            matches!(error, ReadError::NotRegular("a device")),
            "{error}"
        );
    }
}
