//! mailto: URLs built per RFC 6068 and parsed back.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use afterview::core::writing::mailto::{mailto_url, MailtoError, MAILTO_LIMIT};
use common::parse_mailto;

fn round_trip(to: &str, subject: &str, body: &str) {
    let url = mailto_url(to, subject, body).expect("fits");
    assert!(url.starts_with("mailto:"));
    assert!(url.is_ascii(), "{url}");
    let parsed = parse_mailto(&url).expect("parses");
    assert_eq!(
        parsed,
        (to.to_string(), subject.to_string(), body.to_string()),
        "{url}"
    );
}

#[test]
fn plain_message_round_trips() {
    round_trip(
        "dana@lumen.example",
        "Thank you",
        "Dear Dana,\n\nThanks.\n\nSam",
    );
}

#[test]
fn special_characters_round_trip() {
    round_trip(
        "zoë.müller@exämple.org",
        "Q&A? 100% #1 + more = fine / ok",
        "Café & crème: 50% off?\nLine #2 + a=b&c=d\n\n— Renée Ørsted 👋",
    );
}

#[test]
fn reserved_characters_are_encoded_in_values() {
    let url = mailto_url("a@b.example", "a&b?c#d%e+f g", "x\ny").expect("fits");
    assert_eq!(
        url,
        "mailto:a@b.example?subject=a%26b%3Fc%23d%25e%2Bf%20g&body=x%0D%0Ay"
    );
}

#[test]
fn line_breaks_become_crlf() {
    let url = mailto_url("a@b.example", "", "one\ntwo\r\nthree\rfour").expect("fits");
    assert!(
        url.ends_with("body=one%0D%0Atwo%0D%0Athree%0D%0Afour"),
        "{url}"
    );
    let (_, subject, body) = parse_mailto(&url).expect("parses");
    assert_eq!(subject, "");
    assert_eq!(body, "one\ntwo\nthree\nfour");
}

#[test]
fn non_ascii_is_utf8_percent_encoded() {
    let url = mailto_url("a@b.example", "é", "").expect("fits");
    assert_eq!(url, "mailto:a@b.example?subject=%C3%A9");
}

#[test]
fn empty_parts_are_left_out() {
    assert_eq!(mailto_url("", "", ""), Ok("mailto:".to_string()));
    assert_eq!(
        mailto_url("", "Hi", ""),
        Ok("mailto:?subject=Hi".to_string())
    );
    round_trip("", "Hi", "Body");
}

#[test]
fn several_recipients_are_kept() {
    let url = mailto_url("a@b.example, c@d.example", "Hi", "").expect("fits");
    assert_eq!(url, "mailto:a@b.example,c@d.example?subject=Hi");
    let (to, _, _) = parse_mailto(&url).expect("parses");
    assert_eq!(to, "a@b.example,c@d.example");
    let extra = parse_mailto("mailto:a@b.example?to=c%40d.example&subject=Hi").expect("parses");
    assert_eq!(extra.0, "a@b.example,c@d.example");
}

#[test]
fn too_long_urls_are_refused_with_their_length() {
    let body = "a".repeat(MAILTO_LIMIT);
    match mailto_url("a@b.example", "Hi", &body) {
        Err(MailtoError::TooLong { length, limit }) => {
            assert_eq!(limit, 2000);
            assert_eq!(
                length,
                "mailto:a@b.example?subject=Hi&body=".len() + MAILTO_LIMIT
            );
        }
        other => panic!("expected TooLong, got {other:?}"),
    }
    // Encoding counts: 500 spaces are 1500 characters of %20.
    let spaces = " ".repeat(500);
    assert!(mailto_url("a@b.example", "", &spaces).is_ok());
    let more = " ".repeat(700);
    assert!(matches!(
        mailto_url("a@b.example", "", &more),
        Err(MailtoError::TooLong { .. })
    ));
}

#[test]
fn bad_addresses_are_refused() {
    assert!(matches!(
        mailto_url("not an address", "", ""),
        Err(MailtoError::InvalidAddress(_))
    ));
    assert!(matches!(
        mailto_url("a@b.example,,c@d.example", "", ""),
        Err(MailtoError::InvalidAddress(_))
    ));
}

#[test]
fn malformed_urls_do_not_parse() {
    assert_eq!(parse_mailto("http://example.org"), None);
    assert_eq!(parse_mailto("mailto:a@b?subject=%zz"), None);
    assert_eq!(parse_mailto("mailto:a@b?subject=%+1"), None);
    assert_eq!(parse_mailto("mailto:a@b?subject=%C3"), None);
    assert_eq!(parse_mailto("mai"), None);
    assert_eq!(
        parse_mailto("MAILTO:a@b?Subject=Hi&x-custom=1"),
        Some(("a@b".to_string(), "Hi".to_string(), String::new()))
    );
}

proptest::proptest! {
    #[test]
    fn any_text_round_trips(subject in "\\PC{0,40}", body in "(\\PC|\n|\r){0,80}") {
        let url = mailto_url("a@b.example", &subject, &body).expect("short texts fit");
        let (to, parsed_subject, parsed_body) = parse_mailto(&url).expect("parses");
        let normalised = body.replace("\r\n", "\n").replace('\r', "\n");
        proptest::prop_assert_eq!(to, "a@b.example");
        proptest::prop_assert_eq!(parsed_subject, subject);
        proptest::prop_assert_eq!(parsed_body, normalised);
    }
}
