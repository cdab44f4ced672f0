//! Browser test: the `Intl` zone resolver agrees with the fixed rule table around clock
//! changes, knows nothing of unknown zones and lists the browser's zones; installed as the
//! planner's resolver, its cached tables agree with it and cover zones the table lacks.
#![cfg(target_arch = "wasm32")]

use afterview::core::app::settings_form::parse_zone;
use afterview::core::data::invite::zones::{RuleTable, ZoneResolver};
use afterview::core::data::settings::{ZoneName, ZoneSetting};
use afterview::core::planning::zone::{device_zone_name, NamedZone, UserZone};
use afterview::services::intl_zone::{
    device_zone, install, learn_device_zone, supported_zones, IntlZones,
};
use chrono::{Duration, NaiveDateTime, Offset, TimeZone};
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

#[wasm_bindgen_test]
fn canonical_names_come_from_intl() {
    let intl = IntlZones::new();
    assert_eq!(
        intl.canonical_name("europe/berlin").as_deref(),
        Some("Europe/Berlin")
    );
    assert_eq!(intl.canonical_name("Mars/Olympus"), None);
}

#[wasm_bindgen_test]
fn installed_tables_agree_with_intl_all_year() {
    install();
    let intl = IntlZones::new();
    // Zones with changes in both hemispheres, half hours, and one the rule table lacks.
    for zone in [
        "Europe/Berlin",
        "America/New_York",
        "Australia/Adelaide",
        "America/Santiago",
        "Asia/Kathmandu",
    ] {
        let table = NamedZone::resolve(ZoneName::parse(zone).expect("name")).expect(zone);
        let mut at = moment("2026-01-01 00:00");
        let end = moment("2027-01-01 00:00");
        while at < end {
            assert_eq!(
                Some(table.offset_at(&at)),
                intl.offset_at_utc(zone, at),
                "{zone} at {at}"
            );
            at += Duration::minutes(6 * 60 + 7);
        }
    }
    // The settings field takes a zone only the browser knows, in the browser's spelling
    // (Chromium lists Kathmandu under its older name, Asia/Katmandu).
    let Ok(ZoneSetting::Named { name }) = parse_zone("asia/kathmandu") else {
        panic!("a named zone");
    };
    assert!(
        supported_zones().iter().any(|z| z == name.as_str()),
        "{name}"
    );
    let kathmandu = UserZone::from_setting(ZoneSetting::Named { name });
    assert_eq!(
        kathmandu
            .offset_from_utc_datetime(&moment("2026-07-01 12:00"))
            .fix()
            .local_minus_utc(),
        5 * 3600 + 45 * 60
    );
    assert!(parse_zone("Asia/Atlantis").is_err());
}

#[wasm_bindgen_test]
fn the_device_zone_reads_from_a_table_that_agrees_with_the_device_clock() {
    // Start-up only installs the resolver; the device's name is learned after the first screen.
    install();
    learn_device_zone();
    let name = device_zone().expect("the browser names its zone");
    assert_eq!(
        device_zone_name().map(|n| n.as_str().to_string()),
        Some(name)
    );
    let device = UserZone::from_setting(ZoneSetting::Device);
    assert!(matches!(device, UserZone::Named(_)), "{device:?}");
    let mut at = moment("2026-01-01 00:00");
    for _ in 0..60 {
        assert_eq!(
            device.offset_from_utc_datetime(&at).fix(),
            chrono::Local.offset_from_utc_datetime(&at),
            "{at}"
        );
        // Before the name is learned the platform clock is read instead: the same offsets.
        assert_eq!(
            UserZone::Device.offset_from_utc_datetime(&at).fix(),
            device.offset_from_utc_datetime(&at).fix(),
            "{at}"
        );
        at += Duration::days(6);
    }
}
