//! Counting a folder's renames with inotify (Linux), to see how many times a plan is saved:
//! every save renames a new file over the plan.

use std::path::Path;

/// Counts the renames onto files of one folder (a save renames its temporary file over the
/// plan), through inotify: the kernel queues one event per rename as it happens. Creations
/// are watched too, though not counted: inotify merges an event into the one queued just
/// before it when they are alike, and each save creates its temporary file (a new name)
/// before its rename, so no two renames are next to each other in the queue.
pub struct Renames {
    fd: std::os::fd::OwnedFd,
}

impl Renames {
    pub fn watch(dir: &Path) -> Renames {
        use std::os::fd::FromRawFd;
        use std::os::unix::ffi::OsStrExt;
        let raw = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
        assert!(
            raw >= 0,
            "inotify_init1: {}",
            std::io::Error::last_os_error()
        );
        let fd = unsafe { std::os::fd::OwnedFd::from_raw_fd(raw) };
        let name = std::ffi::CString::new(dir.as_os_str().as_bytes()).expect("no NUL");
        let watch = unsafe {
            libc::inotify_add_watch(raw, name.as_ptr(), libc::IN_CREATE | libc::IN_MOVED_TO)
        };
        assert!(
            watch >= 0,
            "inotify_add_watch: {}",
            std::io::Error::last_os_error()
        );
        Renames { fd }
    }

    /// The renames onto `name` since the last call.
    pub fn onto(&self, name: &str) -> usize {
        use std::os::fd::AsRawFd;
        const HEAD: usize = std::mem::size_of::<libc::inotify_event>();
        let mut count = 0;
        let mut buffer = vec![0u8; 64 * 1024];
        loop {
            let read = unsafe {
                libc::read(
                    self.fd.as_raw_fd(),
                    buffer.as_mut_ptr().cast(),
                    buffer.len(),
                )
            };
            if read < 0 {
                let error = std::io::Error::last_os_error();
                assert_eq!(error.kind(), std::io::ErrorKind::WouldBlock, "{error}");
                return count;
            }
            let events = &buffer[..read as usize];
            let mut at = 0;
            while at + HEAD <= events.len() {
                // wd, mask, cookie, then the length of the NUL-padded name that follows.
                let field = |i: usize| {
                    let bytes = &events[at + 4 * i..at + 4 * i + 4];
                    u32::from_ne_bytes(bytes.try_into().expect("four bytes"))
                };
                let (mask, len) = (field(1), field(3) as usize);
                let raw_name = &events[at + HEAD..at + HEAD + len];
                let event_name = raw_name.split(|&b| b == 0).next().unwrap_or_default();
                if mask & libc::IN_MOVED_TO != 0 && event_name == name.as_bytes() {
                    count += 1;
                }
                at += HEAD + len;
            }
        }
    }
}
