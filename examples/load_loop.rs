//! Loads the generated large ladder a few times, for profiling (`perf record`).
fn main() {
    let sources = rungs::ladder::generate::large_ladder(1_000, 100_000, 500);
    for _ in 0..5 {
        let ladder = rungs::ladder::Ladder::from_sources(&sources).expect("valid");
        std::hint::black_box(&ladder);
    }
}
