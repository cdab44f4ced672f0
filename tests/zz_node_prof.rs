#![cfg(target_arch = "wasm32")]
#[path = "support/synthetic.rs"]
mod synthetic;
use afterview::core::data::settings::Settings;
use afterview::core::planning::planner::plan;
use chrono::DateTime;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn prof() {
    let now = DateTime::parse_from_rfc3339("2025-03-06T18:00:00+01:00").unwrap();
    let processes = synthetic::synthetic_processes(500, now);
    let settings = Settings::default();
    let start = js_sys::Date::now();
    let mut n = 0;
    let mut best = f64::MAX;
    let mut batches = Vec::new();
    while js_sys::Date::now() - start < 4000.0 {
        let t = js_sys::Date::now();
        for _ in 0..20 {
            std::hint::black_box(plan(std::hint::black_box(&processes), &settings, &now));
        }
        let per = (js_sys::Date::now() - t) / 20.0;
        best = best.min(per);
        batches.push(per);
        n += 20;
    }
    batches.sort_by(f64::total_cmp);
    console_log!(
        "PLANS {} per plan {:.3} ms; best batch {:.3} ms; median batch {:.3}",
        n,
        (js_sys::Date::now() - start) / n as f64,
        best,
        batches[batches.len() / 2]
    );
}
