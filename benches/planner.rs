//! Times `plan` over 500 synthetic processes (a heavy user: 3 rounds, 2 interviewers each), the
//! size of the browser budget, on a fixed clock and in a named zone (Europe/Berlin, read from
//! the resolved zone tables).
//!
//! Run with `cargo bench --bench planner`; prints min, median and p90 in milliseconds per plan,
//! plus a digest of the planned actions so an optimisation can be checked to change nothing.
//! `PLANNER_BENCH_PROCESSES` changes the number of processes (10,000 shows memory effects the
//! browser figure does not have). The budget is the browser figure (`tests/wasm_bench.rs`):
//! for a closer native proxy build like the browser does, with
//! `CARGO_PROFILE_BENCH_OPT_LEVEL=z CARGO_PROFILE_BENCH_LTO=true`.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::hint::black_box;
use std::time::Instant;

use afterview::core::data::model::Process;
use afterview::core::data::settings::{Settings, ZoneName};
use afterview::core::planning::action::Action;
use afterview::core::planning::calendar::BusinessCalendar;
use afterview::core::planning::planner::{plan, plan_with_calendar};
use afterview::core::planning::zone::{NamedZone, UserZone};
use chrono::{DateTime, TimeZone};
use synthetic::synthetic_processes;

const PROCESSES: usize = 500;
/// Timed samples per variant; `PLANNER_BENCH_RUNS` overrides it (e.g. 1 under valgrind).
const RUNS: usize = 51;
/// Plans per timed sample, so one sample is long enough to time well.
const PLANS_PER_SAMPLE: usize = 10;

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
        .max(1)
}

fn percentile(sorted: &[f64], fraction: f64) -> f64 {
    let index = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// A fingerprint of every field of every action, in order (the Debug form covers them all).
fn digest(actions: &[Action]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for action in actions {
        format!("{action:?}").hash(&mut hasher);
    }
    hasher.finish()
}

/// Prints the digest of one plan, then times `RUNS` samples of `PLANS_PER_SAMPLE` plans each.
fn measure<Tz: TimeZone>(
    label: &str,
    processes: &[Process],
    calendar: &BusinessCalendar,
    now: &DateTime<Tz>,
) {
    let planned = plan_with_calendar(processes, calendar, now);
    let mut timings: Vec<f64> = (0..setting("PLANNER_BENCH_RUNS", RUNS))
        .map(|_| {
            let started = Instant::now();
            for _ in 0..PLANS_PER_SAMPLE {
                black_box(plan_with_calendar(
                    black_box(processes),
                    calendar,
                    black_box(now),
                ));
            }
            started.elapsed().as_secs_f64() * 1000.0 / PLANS_PER_SAMPLE as f64
        })
        .collect();
    timings.sort_by(f64::total_cmp);
    println!(
        "{label}: {} processes -> {} actions (digest {:016x}); {} samples: min {:.3} ms, median {:.3} ms, p90 {:.3} ms",
        processes.len(),
        planned.len(),
        digest(&planned),
        timings.len(),
        percentile(&timings, 0.0),
        percentile(&timings, 0.5),
        percentile(&timings, 0.9),
    );
}

fn main() {
    let Ok(now) = DateTime::parse_from_rfc3339("2025-03-06T18:00:00+01:00") else {
        eprintln!("bad benchmark clock");
        return;
    };
    let processes = synthetic_processes(setting("PLANNER_BENCH_PROCESSES", PROCESSES), now);
    let settings = Settings::default();
    let calendar = BusinessCalendar::from_settings(&settings);
    // `plan` itself builds the calendar each time: check it plans the same.
    let planned = plan(&processes, &settings, &now);
    println!("digest of plan: {:016x}", digest(&planned));
    measure("fixed +01:00", &processes, &calendar, &now);

    let Some(berlin) = ZoneName::parse("Europe/Berlin")
        .ok()
        .and_then(NamedZone::resolve)
    else {
        eprintln!("Europe/Berlin is not resolved");
        return;
    };
    measure(
        "Europe/Berlin",
        &processes,
        &calendar,
        &now.with_timezone(&UserZone::Named(berlin)),
    );
}
