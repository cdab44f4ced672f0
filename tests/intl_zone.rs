//! Browser test: the `Intl` zone resolver agrees with the fixed rule table around clock
//! changes, knows nothing of unknown zones and lists the browser's zones.
#![cfg(target_arch = "wasm32")]

use afterview::core::data::invite::zones::{RuleTable, ZoneResolver};
use afterview::services::intl_zone::{supported_zones, IntlZones};
use chrono::NaiveDateTime;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn moment(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("test moment")
}

#[wasm_bindgen_test]
fn intl_offsets_match_the_rule_table() {
    let intl = IntlZones::new();
    let zones = [
        "Europe/Berlin",
        "America/New_York",
        "Europe/London",
        "Asia/Tokyo",
        "Australia/Sydney",
    ];
    let instants = [
        "2026-01-15 12:00",
        "2026-03-08 06:59",
        "2026-03-08 07:00",
        "2026-03-29 00:59",
        "2026-03-29 01:00",
        "2026-04-04 15:59",
        "2026-04-04 16:00",
        "2026-07-01 12:00",
        "2026-10-03 16:00",
        "2026-10-25 01:00",
        "2026-11-01 06:00",
    ];
    for zone in zones {
        for at in instants {
            assert_eq!(
                intl.offset_at_utc(zone, moment(at)),
                RuleTable.offset_at_utc(zone, moment(at)),
                "{zone} at {at}"
            );
        }
    }
    let gap = intl
        .offset_for_local("Europe/Berlin", moment("2026-03-29 02:30"))
        .expect("known zone");
    assert!(gap.in_gap);
}

#[wasm_bindgen_test]
fn unknown_zones_and_the_zone_list() {
    let intl = IntlZones::new();
    assert_eq!(
        intl.offset_at_utc("Mars/Olympus", moment("2026-01-01 00:00")),
        None
    );
    let zones = supported_zones();
    assert!(
        zones.iter().any(|z| z == "Europe/Berlin"),
        "{} zones",
        zones.len()
    );
}
