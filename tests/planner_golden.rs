//! The plan of 500 synthetic processes, compared line by line with a committed golden copy,
//! so a change made for speed (or anything else) cannot alter a single action unnoticed.
//!
//! Two plans: the browser benchmark's (default settings, a fixed +01:00 clock) and one read
//! in Europe/Berlin through the resolved zone tables, with holidays, across the March 2025
//! clock change. When a change to the plan is intended, regenerate the copies with
//! `AFTERVIEW_BLESS=1 cargo test --test planner_golden` and review the diff.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;

use afterview::core::data::settings::{Settings, ZoneName, ZoneSetting};
use afterview::core::planning::action::Action;
use afterview::core::planning::planner::plan;
use afterview::core::planning::zone::UserZone;
use chrono::{DateTime, FixedOffset, NaiveDate};
use synthetic::synthetic_processes;

fn moment(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap_or_else(|error| panic!("bad time {text}: {error}"))
}

/// One line per action: the Debug form names every field, the reason's too.
fn dump(actions: &[Action]) -> String {
    actions
        .iter()
        .map(|action| format!("{action:?}\n"))
        .collect()
}

fn check_against(name: &str, actual: &str) {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "planner",
        name,
    ]
    .iter()
    .collect();
    if std::env::var_os("AFTERVIEW_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("fixture folder")).expect("fixture folder");
        std::fs::write(&path, actual).expect("golden copy written");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("golden copy {} unreadable: {error}", path.display()));
    let (expected_lines, actual_lines): (Vec<&str>, Vec<&str>) =
        (expected.lines().collect(), actual.lines().collect());
    for (number, (want, got)) in expected_lines.iter().zip(&actual_lines).enumerate() {
        assert_eq!(got, want, "{name}: action {} differs", number + 1);
    }
    assert_eq!(
        actual_lines.len(),
        expected_lines.len(),
        "{name}: number of actions differs"
    );
}

#[test]
fn five_hundred_processes_plan_as_before_on_a_fixed_clock() {
    let now = moment("2025-03-06T18:00:00+01:00");
    let processes = synthetic_processes(500, now);
    let actions = plan(&processes, &Settings::default(), &now);
    assert!(actions.len() > 500, "only {} actions", actions.len());
    check_against("synthetic_500_fixed.txt", &dump(&actions));
}

#[test]
fn five_hundred_processes_plan_as_before_in_berlin_with_holidays() {
    let name = ZoneName::parse("Europe/Berlin").expect("a zone name");
    let mut settings = Settings {
        time_zone: ZoneSetting::Named { name },
        ..Settings::default()
    };
    settings.holidays = ["2025-03-10", "2025-03-21", "2025-04-18", "2025-04-21"]
        .iter()
        .map(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date"))
        .collect();
    let zone = UserZone::from_setting(settings.time_zone);
    assert!(matches!(zone, UserZone::Named(_)), "Berlin resolves");
    // Two weeks before the clock change of 30 March: windows run across it.
    let now = moment("2025-03-20T18:00:00+01:00");
    let processes = synthetic_processes(500, now);
    let actions = plan(&processes, &settings, &now.with_timezone(&zone));
    assert!(actions.len() > 500, "only {} actions", actions.len());
    check_against("synthetic_500_berlin.txt", &dump(&actions));
}
