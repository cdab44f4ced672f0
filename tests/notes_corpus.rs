//! Notes written in varied real styles, each with the sentence a draft makes of it
//! (tests/notes/corpus.tsv: field, what was typed, expected sentence).
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

use afterview::core::writing::drafts::preview::{self, Preview};

const CORPUS: &str = include_str!("notes/corpus.tsv");

fn sentence(field: &str, typed: &str) -> String {
    let preview: Option<Preview> = match field {
        "discussed" => preview::discussed(typed),
        "detail" => preview::detail(typed),
        "to_tell" => preview::to_tell(typed),
        "why_fit" => preview::why_fit(typed),
        other => panic!("unknown field {other:?} in the notes corpus"),
    };
    preview.map(|p| p.sentence).unwrap_or_default()
}

#[test]
fn every_note_reads_as_expected() {
    let mut rows = 0;
    let mut wrong = Vec::new();
    for line in CORPUS.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(field), Some(typed), Some(expected)) =
            (fields.next(), fields.next(), fields.next())
        else {
            panic!("malformed corpus line {line:?}");
        };
        rows += 1;
        let got = sentence(field, typed);
        if got != expected {
            wrong.push(format!(
                "{field} {typed:?}\n  expected: {expected}\n  got:      {got}"
            ));
        }
    }
    assert!(rows >= 150, "only {rows} notes in the corpus");
    assert!(
        wrong.is_empty(),
        "{} of {rows} notes differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
