//! Keeps the split between the core and the interface: no component parses a date or a time,
//! does date arithmetic, or allocates an id; and the core names no web type.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// What only the core may do, as it reads in source.
const CORE_ONLY: [(&str, &str); 10] = [
    ("parse_date(", "parses a date"),
    ("parse_time(", "parses a time"),
    ("parse_local_datetime(", "parses a date and time"),
    ("parse_from_str(", "parses a date or time"),
    ("parse_from_rfc3339(", "parses a date and time"),
    ("Duration::", "does date arithmetic"),
    ("TimeDelta::", "does date arithmetic"),
    ("checked_add_signed(", "does date arithmetic"),
    ("next_process_id(", "allocates an id"),
    ("next_local_id(", "allocates an id"),
];

/// Names that only the browser layer may use.
const WEB_TYPES: [&str; 5] = ["yew::", "web_sys::", "js_sys::", "wasm_bindgen", "gloo::"];

fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).expect("readable source");
            found.push((path.display().to_string(), text));
        }
    }
    found
}

/// Lines of code, without comments (a comment may say what the core does).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(index, line)| (index + 1, line))
}

#[test]
fn components_leave_dates_rules_and_ids_to_the_core() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for (path, text) in sources(&root.join("src/components")) {
        for (number, line) in code_lines(&text) {
            for (pattern, what) in CORE_ONLY {
                if line.contains(pattern) {
                    problems.push(format!("{path}:{number} {what}: {}", line.trim()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "move these into src/core:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_core_uses_no_web_types() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for (path, text) in sources(&root.join("src/core")) {
        for (number, line) in code_lines(&text) {
            for name in WEB_TYPES {
                if line.contains(name) {
                    problems.push(format!("{path}:{number}: {}", line.trim()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the core must stay web-free:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_core_module_says_what_it_owns() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let missing: Vec<String> = sources(&root.join("src"))
        .into_iter()
        .filter(|(_, text)| !text.trim_start().starts_with("//!"))
        .map(|(path, _)| path)
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a //! line:\n{}",
        missing.join("\n")
    );
}
