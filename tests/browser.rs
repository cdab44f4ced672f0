//! Browser tests (wasm-bindgen-test in headless Chromium): Yew's reducer wrapper, the localStorage
//! adapter's failure handling, and the App rendering the planner's actions.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use afterview::app::{App, AppProps};
use afterview::core::data::model::ProcessId;
use afterview::core::data::sample::sample_process;
use afterview::core::data::storage::{
    data_key, encode, is_quarantine_key, AppData, SCHEMA_VERSION,
};
use afterview::services::storage::Store;
use afterview::state::{AppState, Msg, StorageStatus, View};
use chrono::{DateTime, FixedOffset};
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-19T18:30:00+01:00").expect("test time")
}

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("test browser has localStorage")
}

fn fresh_state() -> Rc<AppState> {
    Rc::new(AppState::new(
        AppData::default(),
        now(),
        StorageStatus::Saving,
    ))
}

// The reducer's messages are tested natively (tests/state.rs); here only Yew's wrapper.
#[wasm_bindgen_test]
fn reducer_ignores_a_tick_to_the_same_minute() {
    let state = fresh_state();
    let same = state.clone().reduce(Msg::Tick(now()));
    assert!(
        Rc::ptr_eq(&state, &same),
        "no re-render for an unchanged clock"
    );
}

#[wasm_bindgen_test]
fn store_round_trips_and_sets_unreadable_data_aside() {
    let store = Store::new("browser-test-a");
    storage().remove_item(&store.key()).ok();
    let mut data = AppData::default();
    data.processes.push(sample_process(ProcessId(1), now()));
    store.save_text(&encode(&data, now())).expect("saved");
    let opened = store.open(now());
    assert_eq!(opened.data, data);
    assert_eq!(opened.status, StorageStatus::Saving);

    storage()
        .set_item(&store.key(), "{not json")
        .expect("write garbage");
    let opened = store.open(now());
    assert!(opened.data.processes.is_empty());
    let (key, raw) = opened.quarantined.expect("garbage kept aside");
    assert!(is_quarantine_key("browser-test-a", &key));
    assert_eq!(raw, "{not json");
    assert_eq!(
        storage().get_item(&key).ok().flatten().as_deref(),
        Some("{not json")
    );
    assert!(opened.notice.is_some());
    storage().remove_item(&key).ok();
    storage().remove_item(&store.key()).ok();
}

#[wasm_bindgen_test]
fn store_opens_newer_data_read_only() {
    let store = Store::new("browser-test-b");
    let newer = encode(&AppData::default(), now()).replace(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        "\"schema_version\":99",
    );
    storage().set_item(&store.key(), &newer).expect("write");
    let opened = store.open(now());
    assert_eq!(opened.status, StorageStatus::ReadOnly { found: 99 });
    storage().remove_item(&store.key()).ok();
}

async fn render_app(namespace: &str) -> web_sys::Element {
    let document = gloo::utils::document();
    let host = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    yew::Renderer::<App>::with_root_and_props(
        host.clone(),
        AppProps {
            namespace: namespace.to_string().into(),
            compact: false,
            theme: None,
            initial_view: View::Today,
            opened: Default::default(),
        },
    )
    .render();
    // Let Yew's scheduler run the first render.
    yew::platform::time::sleep(Duration::ZERO).await;
    host
}

/// The element `selector` finds in `host`, once the app has drawn it: Today, the welcome and the
/// views loaded on first use arrive a few event-loop turns after the first render.
async fn drawn(host: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    for _ in 0..100 {
        if let Some(found) = host.query_selector(selector).ok().flatten() {
            return Some(found);
        }
        yew::platform::time::sleep(Duration::ZERO).await;
    }
    None
}

#[wasm_bindgen_test]
async fn first_visit_shows_onboarding() {
    storage().remove_item(&data_key("browser-test-c")).ok();
    let host = render_app("browser-test-c").await;
    let text = host.text_content().unwrap_or_default();
    assert!(text.contains("Afterview"));
    assert!(
        drawn(&host, "#av-onboard-name").await.is_some(),
        "the welcome asks for a name"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn stored_interviews_render_as_actions_with_their_data_attributes() {
    let mut data = AppData::default();
    data.settings.onboarded = true;
    data.settings.name = "Ada".into();
    let real_now = chrono::Utc::now().fixed_offset();
    data.processes.push(sample_process(ProcessId(1), real_now));
    storage()
        .set_item(&data_key("browser-test-d"), &encode(&data, real_now))
        .expect("seed storage");
    let host = render_app("browser-test-d").await;
    // Today is drawn a task after the frame around it.
    assert!(
        drawn(&host, "[data-kind=\"thank-you\"]").await.is_some(),
        "Today shows the thank-you notes"
    );
    let thanks = host
        .query_selector_all("[data-kind=\"thank-you\"]")
        .expect("query");
    assert_eq!(thanks.length(), 2, "two interviewers, two thank-you notes");
    let first: web_sys::Element =
        wasm_bindgen::JsCast::unchecked_into(thanks.get(0).expect("first"));
    assert_eq!(first.get_attribute("data-process").as_deref(), Some("1"));
    assert!(first
        .get_attribute("data-rule")
        .unwrap_or_default()
        .contains("T1"));
    assert_eq!(first.get_attribute("data-due").map(|d| d.len()), Some(10));
    host.remove();
    storage().remove_item(&data_key("browser-test-d")).ok();
}
