//! Times `plan` over 10,000 synthetic processes (3 rounds, 2 interviewers each).
//!
//! Run with `cargo bench --bench planner`; prints min, median and p90 in milliseconds,
//! plus a digest of the planned actions so an optimisation can be checked to change nothing.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::hint::black_box;
use std::time::Instant;

use afterview::core::data::settings::Settings;
use afterview::core::planning::action::Action;
use afterview::core::planning::calendar::BusinessCalendar;
use afterview::core::planning::planner::{plan, plan_with_calendar};
use chrono::DateTime;
use synthetic::synthetic_processes;

const PROCESSES: usize = 10_000;
/// Timed runs per variant; `PLANNER_BENCH_RUNS` overrides it (e.g. 1 under valgrind).
const RUNS: usize = 51;

fn runs() -> usize {
    std::env::var("PLANNER_BENCH_RUNS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(RUNS)
        .max(1)
}

fn percentile(sorted: &[f64], fraction: f64) -> f64 {
    let index = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn report(label: &str, mut timings: Vec<f64>, actions: usize) {
    timings.sort_by(f64::total_cmp);
    println!(
        "{label}: {PROCESSES} processes -> {actions} actions; {} runs: min {:.3} ms, median {:.3} ms, p90 {:.3} ms",
        timings.len(),
        percentile(&timings, 0.0),
        percentile(&timings, 0.5),
        percentile(&timings, 0.9),
    );
}

/// A fingerprint of every field of every action, in order (the Debug form covers them all).
fn digest(actions: &[Action]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for action in actions {
        format!("{action:?}").hash(&mut hasher);
    }
    hasher.finish()
}

fn main() {
    let Ok(now) = DateTime::parse_from_rfc3339("2025-03-06T18:00:00+01:00") else {
        eprintln!("bad benchmark clock");
        return;
    };
    let processes = synthetic_processes(PROCESSES, now);
    let settings = Settings::default();

    let planned = plan(&processes, &settings, &now);
    println!("digest of the plan: {:016x}", digest(&planned));

    let mut timings = Vec::with_capacity(runs());
    let mut actions = 0;
    for _ in 0..runs() {
        let started = Instant::now();
        let planned = plan(black_box(&processes), black_box(&settings), black_box(&now));
        timings.push(started.elapsed().as_secs_f64() * 1000.0);
        actions = planned.len();
    }
    report("plan", timings, actions);

    let calendar = BusinessCalendar::from_settings(&settings);
    let mut timings = Vec::with_capacity(runs());
    for _ in 0..runs() {
        let started = Instant::now();
        let planned = plan_with_calendar(black_box(&processes), &calendar, black_box(&now));
        timings.push(started.elapsed().as_secs_f64() * 1000.0);
        actions = planned.len();
    }
    report("plan_with_calendar", timings, actions);
}
