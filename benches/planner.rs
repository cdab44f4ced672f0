//! Times `plan` over 10,000 synthetic processes (3 rounds, 2 interviewers each).
//!
//! Run with `cargo bench --bench planner`; prints min, median and p90 in milliseconds.

use std::hint::black_box;
use std::time::Instant;

use afterview::core::calendar::BusinessCalendar;
use afterview::core::planner::{plan, plan_with_calendar, synthetic_processes};
use afterview::core::settings::Settings;
use chrono::DateTime;

const PROCESSES: usize = 10_000;
const RUNS: usize = 51;

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

fn main() {
    let Ok(now) = DateTime::parse_from_rfc3339("2025-03-06T18:00:00+01:00") else {
        eprintln!("bad benchmark clock");
        return;
    };
    let processes = synthetic_processes(PROCESSES, now);
    let settings = Settings::default();

    let mut timings = Vec::with_capacity(RUNS);
    let mut actions = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let planned = plan(black_box(&processes), black_box(&settings), black_box(&now));
        timings.push(started.elapsed().as_secs_f64() * 1000.0);
        actions = planned.len();
    }
    report("plan", timings, actions);

    let calendar = BusinessCalendar::from_settings(&settings);
    let mut timings = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let planned = plan_with_calendar(black_box(&processes), &calendar, black_box(&now));
        timings.push(started.elapsed().as_secs_f64() * 1000.0);
        actions = planned.len();
    }
    report("plan_with_calendar", timings, actions);
}
