//! A cache file whose header and checksum are right but whose body declares far more levels
//! than it holds is refused and rebuilt, without reserving memory for what it claims.
//!
//! This file is a test binary of its own because it counts allocations: the largest single
//! request made while the forged cache is read is kept by the allocator below.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use rungs::ladder::{CacheUse, Ladder, Level, generate};

/// The system allocator, remembering the largest block asked for.
struct Largest;

static LARGEST: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Largest {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LARGEST.fetch_max(new_size, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Largest = Largest;

/// Marker, format and key; the checksum of the body follows.
const HEADER_BEFORE_CHECKSUM: usize = 12 + 4 + 32;

const GIB: usize = 1 << 30;

#[test]
fn a_cache_declaring_millions_of_levels_is_rebuilt_without_reserving_for_them() {
    let content = tempfile::tempdir().expect("temp dir");
    for file in generate::large_ladder(3, 12, 4) {
        let name = Path::new(&file.name).file_name().expect("file name");
        std::fs::write(content.path().join(name), &file.text).expect("written");
    }
    let cache = tempfile::tempdir().expect("temp dir");
    let (original, how) = Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    assert_eq!(how, CacheUse::Rebuilt);
    let entries: Vec<_> = std::fs::read_dir(cache.path())
        .expect("listed")
        .flatten()
        .collect();
    assert_eq!(entries.len(), 1);
    let file = entries[0].path();
    let real = std::fs::read(&file).expect("read");

    // Enough levels declared that room for them would take more than a gigabyte, and enough
    // bytes after the count that the count passes the "no more items than bytes" check.
    let declared = GIB / std::mem::size_of::<Level>() + 1;
    let mut body = vec![
        0, // an empty text region (every string below is empty)
        1, // the ladder's description is there
        0, 0, // empty name and description
        0, // the default scale
        0, // no extra fields
        0, 0, 0, 0, // no families, tracks, categories, skills
    ];
    let mut count = declared as u64;
    while count >= 0x80 {
        body.push((count as u8) | 0x80);
        count >>= 7;
    }
    body.push(count as u8);
    // What follows is no level at all (a length that never ends), so decoding stops at once.
    body.resize(body.len() + declared, 0xff);

    let mut forged = real[..HEADER_BEFORE_CHECKSUM].to_vec();
    forged.extend_from_slice(&xxhash_rust::xxh3::xxh3_128(&body).to_le_bytes());
    forged.extend_from_slice(&body);
    std::fs::write(&file, &forged).expect("written");

    LARGEST.store(0, Ordering::Relaxed);
    let (ladder, how) = Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    let largest = LARGEST.load(Ordering::Relaxed);
    assert_eq!(how, CacheUse::Rebuilt, "the forged cache was refused");
    assert_eq!(ladder.levels(), original.levels());
    // Reading the forged file itself takes about its size; nothing near the gigabyte claimed.
    assert!(
        largest < forged.len() * 4,
        "the largest allocation was {largest} bytes for a {} byte cache file",
        forged.len()
    );
    let (_, how) = Ladder::from_folder_cached(content.path(), cache.path()).expect("valid");
    assert_eq!(how, CacheUse::Hit, "the rebuilt cache is used next time");
}
