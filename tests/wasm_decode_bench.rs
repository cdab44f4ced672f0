#![cfg(target_arch = "wasm32")]
//! Browser benchmark of start-up decoding (wasm-bindgen-test in headless Chromium, meant for
//! `--release`): reading 1,000 stored processes, as the app does when it opens.
//!
//! Prints `BENCH name=wasm_decode ... median_ms=...`:
//! `cargo test --release --target wasm32-unknown-unknown --test wasm_decode_bench -- --nocapture`.

#[path = "support/synthetic.rs"]
mod synthetic;

use afterview::core::data::settings::Settings;
use afterview::core::data::storage::{decode, encode, AppData};
use chrono::{DateTime, FixedOffset};
use synthetic::synthetic_processes;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 15;

#[wasm_bindgen_test]
fn decode_one_thousand_processes() {
    let now: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2025-03-06T18:00:00+01:00").expect("fixed benchmark clock");
    let data = AppData {
        settings: Settings {
            onboarded: true,
            ..Settings::default()
        },
        processes: synthetic_processes(1_000, now),
        ..AppData::default()
    };
    let text = encode(&data, now);
    let clock = web_sys::window()
        .and_then(|window| window.performance())
        .expect("the test browser has window.performance");
    let mut timings: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = clock.now();
            let read = decode(std::hint::black_box(&text)).expect("what was written decodes");
            let elapsed = clock.now() - started;
            assert_eq!(read.data.processes.len(), 1_000);
            elapsed
        })
        .collect();
    timings.sort_by(f64::total_cmp);
    console_log!(
        "BENCH name=wasm_decode processes=1000 bytes={} runs={RUNS} min_ms={:.3} median_ms={:.3} p90_ms={:.3}",
        text.len(),
        timings[0],
        timings[RUNS / 2],
        timings[RUNS * 9 / 10],
    );
}
