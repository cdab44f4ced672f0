#![cfg(target_arch = "wasm32")]
//! Browser benchmarks (wasm-bindgen-test in headless Chromium, meant for `--release`): the
//! planner over 500 synthetic processes (a heavy user; budget 1 ms), on a fixed clock and in a
//! named zone read through the browser's `Intl` tables as the app does, and saving 1,000
//! processes to localStorage.
//!
//! Each test prints one line `BENCH name=... median_ms=...` that `scripts/bench.sh` parses:
//! `cargo test --release --target wasm32-unknown-unknown --test wasm_bench -- --nocapture`.

#[path = "support/synthetic.rs"]
mod synthetic;

use afterview::core::data::settings::{Settings, ZoneName, ZoneSetting};
use afterview::core::data::storage::{data_key, decode, encode, AppData};
use afterview::core::planning::planner::plan;
use afterview::core::planning::zone::UserZone;
use chrono::{DateTime, FixedOffset, TimeZone};
use synthetic::synthetic_processes;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 25;
/// Plans run untimed before the samples: V8 first runs wasm from its baseline compiler and
/// swaps in optimised code for hot functions while they run, so the first samples would
/// time the switch rather than the planner. The first plan of the page is reported apart.
const WARM_UP_PLANS: usize = 200;
/// Plans per timed sample: outside a cross-origin-isolated page `performance.now()` is coarsened
/// to 0.1 ms, too coarse for one plan of 500 processes, so each sample times a batch.
const PLANS_PER_SAMPLE: usize = 10;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2025-03-06T18:00:00+01:00").expect("fixed benchmark clock")
}

fn performance() -> web_sys::Performance {
    web_sys::window()
        .and_then(|window| window.performance())
        .expect("the test browser has window.performance")
}

/// Runs `work` RUNS times, timing each run with `performance.now()`; returns sorted timings.
fn time_runs(mut work: impl FnMut()) -> Vec<f64> {
    let clock = performance();
    let mut timings: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = clock.now();
            work();
            clock.now() - started
        })
        .collect();
    timings.sort_by(f64::total_cmp);
    timings
}

fn report(name: &str, processes: usize, timings: &[f64]) {
    report_with(name, processes, timings, "");
}

/// [`report`] with `extra` (` key=value` pairs) at the end of the line.
fn report_with(name: &str, processes: usize, timings: &[f64], extra: &str) {
    let at = |fraction: f64| timings[((timings.len() - 1) as f64 * fraction).round() as usize];
    console_log!(
        "BENCH name={name} processes={processes} runs={} min_ms={:.3} median_ms={:.3} p90_ms={:.3}{extra}",
        timings.len(),
        at(0.0),
        at(0.5),
        at(0.9),
    );
}

/// Times batches of plans of `processes` at `now` after a warm-up; returns sorted per-plan
/// timings, the number of actions planned and how long the first plan took.
fn time_plans<Tz: TimeZone>(
    processes: &[afterview::core::data::model::Process],
    settings: &Settings,
    now: &DateTime<Tz>,
) -> (Vec<f64>, usize, f64) {
    let clock = performance();
    let started = clock.now();
    let mut actions =
        std::hint::black_box(plan(std::hint::black_box(processes), settings, now)).len();
    let first = clock.now() - started;
    for _ in 0..WARM_UP_PLANS {
        actions = std::hint::black_box(plan(std::hint::black_box(processes), settings, now)).len();
    }
    let mut timings: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = clock.now();
            for _ in 0..PLANS_PER_SAMPLE {
                actions =
                    std::hint::black_box(plan(std::hint::black_box(processes), settings, now))
                        .len();
            }
            (clock.now() - started) / PLANS_PER_SAMPLE as f64
        })
        .collect();
    timings.sort_by(f64::total_cmp);
    (timings, actions, first)
}

#[wasm_bindgen_test]
fn plan_five_hundred_processes() {
    let processes = synthetic_processes(500, now());
    let (timings, actions, first) = time_plans(&processes, &Settings::default(), &now());
    // The synthetic processes are recent and mostly active: the planner must find work.
    assert!(actions > 0, "the planner found nothing to do");
    report_with(
        "wasm_plan",
        processes.len(),
        &timings,
        &format!(" first_ms={first:.3}"),
    );
}

#[wasm_bindgen_test]
fn plan_five_hundred_processes_in_a_named_zone() {
    // As in the app: `Intl` answers zone questions, resolved once into offset tables.
    afterview::services::intl_zone::install();
    let settings = Settings {
        time_zone: ZoneSetting::Named {
            name: ZoneName::parse("Europe/Berlin").expect("a zone name"),
        },
        ..Settings::default()
    };
    let zone = UserZone::from_setting(settings.time_zone);
    assert!(
        matches!(zone, UserZone::Named(_)),
        "the browser knows Berlin"
    );
    let now = now().with_timezone(&zone);
    let processes = synthetic_processes(500, now.fixed_offset());
    // The first plan resolves the years in use from `Intl` (once per page in the app too).
    let first = plan(&processes, &settings, &now);
    let (timings, actions, _) = time_plans(&processes, &settings, &now);
    assert_eq!(actions, first.len(), "every plan plans the same");
    report("wasm_plan_named_zone", processes.len(), &timings);
}

#[wasm_bindgen_test]
fn encode_and_store_one_thousand_processes() {
    let data = AppData {
        processes: synthetic_processes(1_000, now()),
        ..AppData::default()
    };
    let storage = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .expect("the test browser has localStorage");
    // A namespace of its own so the benchmark never touches a real user's key.
    let key = data_key("bench");
    let timings = time_runs(|| {
        let text = encode(&data, now());
        storage
            .set_item(&key, &text)
            .expect("1,000 processes fit in localStorage");
    });
    let stored = storage.get_item(&key).ok().flatten().unwrap_or_default();
    let _ = storage.remove_item(&key);
    let read_back = decode(&stored).expect("what was stored decodes");
    assert_eq!(read_back.data.processes.len(), 1_000);
    report("wasm_encode_store", data.processes.len(), &timings);
}
