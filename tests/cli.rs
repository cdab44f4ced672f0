//! Runs the documented example through `afterview-plan` and checks its documented output.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_afterview-plan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start afterview-plan: {error}"));
    if let Some(mut input) = child.stdin.take() {
        // The binary may exit before reading (bad arguments): ignore a closed pipe.
        let _ = input.write_all(stdin.as_bytes());
    }
    child
        .wait_with_output()
        .unwrap_or_else(|error| panic!("afterview-plan did not finish: {error}"))
}

/// The last ```json block of a document.
fn last_json_block(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let block = text
        .split("```json\n")
        .last()
        .and_then(|rest| rest.split("\n```").next())
        .unwrap_or_else(|| panic!("{path} has no json block"));
    serde_json::from_str(block).unwrap_or_else(|error| panic!("{path} example: {error}"))
}

fn docs(name: &str) -> String {
    format!("{}/docs/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn documented_example_produces_documented_output() {
    let backup = last_json_block(&docs("backup-format.md"));
    let expected = last_json_block(&docs("afterview-plan.md"));
    let output = run(&["--now", "2025-03-07T08:30:00+01:00"], &backup.to_string());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let actual: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("output is not JSON: {error}"));
    assert_eq!(actual, expected);
    // The example exercises a thank-you, a LinkedIn invite, documents and an inquiry.
    let kinds: Vec<&str> = actual["actions"]
        .as_array()
        .map(|list| list.iter().filter_map(|a| a["kind"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        kinds,
        [
            "thank-you",
            "linkedin-connect",
            "send-documents",
            "status-inquiry"
        ]
    );
}

#[test]
fn bad_arguments_and_input_exit_with_status_two() {
    let backup = last_json_block(&docs("backup-format.md")).to_string();
    let cases: [(&[&str], &str, &str); 5] = [
        (&[], backup.as_str(), "--now is required"),
        (&["--now"], backup.as_str(), "--now needs a value"),
        (
            &["--now", "yesterday"],
            backup.as_str(),
            "not an RFC 3339 time",
        ),
        (&["--later"], backup.as_str(), "unknown argument"),
        (
            &["--now", "2025-03-07T08:30:00Z"],
            "{ not json",
            "not a readable",
        ),
    ];
    for (args, input, message) in cases {
        let output = run(args, input);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty());
    }
    let help = run(&["--help"], "");
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--now"));
}

/// Every time in the output is RFC 3339, or the input is refused: never a five-digit year.
#[test]
fn far_years_are_refused_and_every_printed_time_is_rfc_3339() {
    let backup = last_json_block(&docs("backup-format.md"));
    let output = run(&["--now", "9999-12-31T10:00:00Z"], &backup.to_string());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("outside the years 1900 to 2200"));

    let mut far = backup.clone();
    far["data"]["processes"][0]["rounds"][0]["start"] = "9999-12-31T09:00:00+01:00".into();
    far["data"]["processes"][0]["rounds"][0]["end"] = "9999-12-31T10:00:00+01:00".into();
    let output = run(&["--now", "2025-03-07T08:30:00+01:00"], &far.to_string());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("a date in the year 9999"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // At the last year kept, the plan's times still read back as RFC 3339.
    let mut late = backup;
    late["data"]["processes"][0]["rounds"][0]["start"] = "2200-12-31T09:00:00+01:00".into();
    late["data"]["processes"][0]["rounds"][0]["end"] = "2200-12-31T10:00:00+01:00".into();
    let output = run(&["--now", "2200-12-31T12:00:00+01:00"], &late.to_string());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let plan: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let actions = plan["actions"].as_array().expect("actions");
    assert!(!actions.is_empty());
    for action in actions {
        for field in ["earliest", "due", "latest"] {
            let text = action[field].as_str().expect("time");
            assert!(
                chrono::DateTime::parse_from_rfc3339(text).is_ok() && text.len() >= 20,
                "{field}: {text}"
            );
        }
    }
}
