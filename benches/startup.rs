//! Time from process start to the first frame drawn, in a pseudo-terminal, for the explorer
//! (built-in and generated ladder) side by side with a minimal ratatui app that draws one
//! frame. Each run starts the program with `RUNGS_EXIT_AFTER_FIRST_FRAME=1` and waits for it
//! to exit, so the figure also holds setting up and restoring the terminal, for both alike.
//!
//! Needs the minimal app built first: `cargo build --release --example minimal_frame`.
//! Also prints the peak resident memory at the first frame (Linux).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn main() {
    report_memory();
    divan::main();
}

fn minimal_app() -> PathBuf {
    // target/release/deps/startup-… → target/release/examples/minimal_frame
    let exe = std::env::current_exe().expect("bench path");
    let release = exe.parent().and_then(Path::parent).expect("target/release");
    let path = release.join("examples").join("minimal_frame");
    assert!(
        path.exists(),
        "build the yardstick first: cargo build --release --example minimal_frame"
    );
    path
}

fn generated_content() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        for file in rungs::ladder::generate::large_ladder(1000, 100_000, 500) {
            let path = dir.path().join(file.name.trim_start_matches("generated/"));
            std::fs::write(path, file.text).expect("write generated ladder");
        }
        dir
    })
    .path()
}

/// Runs `program` in a fresh 120×40 PTY until it exits; returns everything it printed.
fn run_in_pty(program: &Path, args: &[&str], stats: bool) -> String {
    run_with_cache(
        program,
        args,
        stats,
        &std::env::temp_dir().join("rungs-bench-cache"),
    )
}

/// As [`run_in_pty`], with rungs' cache of validated ladders in `cache` (`XDG_CACHE_HOME`).
fn run_with_cache(program: &Path, args: &[&str], stats: bool, cache: &Path) -> String {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut command = CommandBuilder::new(program);
    command.args(args);
    command.env("TERM", "xterm-256color");
    command.env(
        "RUNGS_EXIT_AFTER_FIRST_FRAME",
        if stats { "stats" } else { "1" },
    );
    command.env(
        "XDG_CONFIG_HOME",
        std::env::temp_dir().join("rungs-bench-no-config"),
    );
    command.env("XDG_CACHE_HOME", cache);
    let mut child = pty.slave.spawn_command(command).expect("spawn");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    // Drain the output on a thread so the child never blocks on a full PTY buffer.
    let drain = std::thread::spawn(move || {
        let mut all = Vec::new();
        let _ = reader.read_to_end(&mut all);
        all
    });
    let status = child.wait().expect("wait");
    drop(pty.master);
    let output = drain.join().unwrap_or_default();
    assert!(status.success(), "{} failed", program.display());
    String::from_utf8_lossy(&output).into_owned()
}

fn rungs() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_rungs"))
}

fn report_memory() {
    for (what, args) in [
        ("built-in ladder", vec![]),
        (
            "generated ladder",
            vec![
                "--content",
                generated_content().to_str().unwrap_or_default(),
            ],
        ),
    ] {
        let output = run_in_pty(rungs(), &args, true);
        let figure = output
            .lines()
            .find_map(|l| l.split("peak_rss=").nth(1))
            .unwrap_or("not reported")
            .trim()
            .to_owned();
        println!("peak resident memory at the first frame, {what}: {figure}");
    }
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn minimal_ratatui_app() {
    run_in_pty(&minimal_app(), &[], false);
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn rungs_built_in_ladder() {
    run_in_pty(rungs(), &[], false);
}

/// A first start on the generated ladder: every run gets an empty cache, so it validates the
/// folder in full and writes the cache.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn rungs_generated_ladder(bencher: divan::Bencher) {
    let dir = generated_content().to_str().unwrap_or_default().to_owned();
    bencher
        .with_inputs(|| tempfile::tempdir().expect("empty cache"))
        .bench_values(|cache| {
            run_with_cache(rungs(), &["--content", &dir], false, cache.path());
            cache
        });
}

/// A second start on the unchanged generated ladder: the cache holds it.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn rungs_generated_ladder_from_cache(bencher: divan::Bencher) {
    let dir = generated_content().to_str().unwrap_or_default().to_owned();
    let cache = tempfile::tempdir().expect("cache");
    run_with_cache(rungs(), &["--content", &dir], false, cache.path());
    bencher.bench(|| run_with_cache(rungs(), &["--content", &dir], false, cache.path()));
}
