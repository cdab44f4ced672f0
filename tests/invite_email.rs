//! The pasted-email extractor against a corpus of interview announcements with the fields a
//! reader would take from each. Prints the hit rate per field and holds each above a floor.

use afterview::core::app::contacts_form::PointChoice;
use afterview::core::data::invite::email::{extract, EmailFacts};
use afterview::core::data::invite::zones::RuleTable;
use afterview::core::data::invite::{read_invitation, InviteContext, InviteError, Outcome, Source};
use afterview::core::data::model::{ContactRole, RoundFormat};
use afterview::core::planning::zone::UserZone;
use chrono::{FixedOffset, NaiveDate};

const CORPUS: &str = include_str!("fixtures/invite/emails.txt");
const HOLDOUT: &str = include_str!("fixtures/invite/emails_holdout.txt");

struct Case {
    id: String,
    today: NaiveDate,
    expected: Vec<(String, String)>,
    text: String,
}

fn cases() -> Vec<Case> {
    parse(CORPUS)
}

fn parse(corpus: &str) -> Vec<Case> {
    corpus
        .split("\n### ")
        .skip(1)
        .map(|chunk| {
            let (head, text) = chunk.split_once("\n---\n").expect("entry has a --- line");
            let mut lines = head.lines();
            let id = lines.next().unwrap_or_default().trim().to_string();
            let expected: Vec<(String, String)> = lines
                .filter_map(|line| line.split_once(':'))
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                .collect();
            let today = expected
                .iter()
                .find(|(k, _)| k == "today")
                .and_then(|(_, v)| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
                .expect("entry has today");
            Case {
                id,
                today,
                expected,
                text: text.to_string(),
            }
        })
        .collect()
}

const FIELDS: [&str; 8] = [
    "date", "start", "end", "zone", "people", "emails", "link", "phone",
];

fn expected_people(value: &str) -> Vec<(String, String)> {
    value
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('<') {
            Some((name, address)) => (
                name.trim().to_string(),
                address.trim_end_matches('>').trim().to_string(),
            ),
            None => (p.to_string(), String::new()),
        })
        .collect()
}

fn sorted<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    items.sort();
    items
}

/// Whether the extractor got one field of one case right (empty expected = nothing found).
fn hit(field: &str, expected: &str, facts: &EmailFacts) -> bool {
    let time =
        |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    match field {
        "date" => facts.date.map(|d| d.to_string()).unwrap_or_default() == expected,
        "start" => time(facts.start) == expected,
        "end" => time(facts.end) == expected,
        "zone" => facts.zone.clone().unwrap_or_default() == expected,
        "people" => {
            let want = sorted(
                expected_people(expected)
                    .into_iter()
                    .map(|(n, _)| n)
                    .collect(),
            );
            let got = sorted(facts.people.iter().map(|p| p.0.clone()).collect());
            want == got
        }
        "emails" => {
            let want = sorted(
                expected_people(expected)
                    .into_iter()
                    .map(|(_, e)| e)
                    .filter(|e| !e.is_empty())
                    .collect(),
            );
            let got = sorted(
                facts
                    .people
                    .iter()
                    .map(|p| p.2.clone())
                    .filter(|e| !e.is_empty())
                    .collect(),
            );
            want == got
        }
        "link" => facts.link == expected,
        "phone" => facts.phone == expected,
        _ => false,
    }
}

/// Hits per field over a corpus, printing the rates and every miss.
fn measure(name: &str, cases: &[Case]) -> Vec<f64> {
    let mut hits = [0usize; FIELDS.len()];
    let mut misses: Vec<String> = Vec::new();
    for case in cases {
        let facts = extract(&case.text, case.today);
        for (index, field) in FIELDS.iter().enumerate() {
            let source = if *field == "emails" { "people" } else { field };
            let expected = case
                .expected
                .iter()
                .find(|(k, _)| k == source)
                .map(|(_, v)| v.as_str())
                .unwrap_or_else(|| panic!("entry {} lacks {source}", case.id));
            if hit(field, expected, &facts) {
                hits[index] += 1;
            } else {
                misses.push(format!(
                    "{} {field}: expected {expected:?}, got {facts:?}",
                    case.id
                ));
            }
        }
    }
    let total = cases.len();
    println!("{name}: extractor hit rate on {total} emails");
    for (index, field) in FIELDS.iter().enumerate() {
        println!(
            "  {field:<7} {:>3}/{total} = {:.0}%",
            hits[index],
            100.0 * hits[index] as f64 / total as f64
        );
    }
    for miss in &misses {
        println!("  miss {miss}");
    }
    hits.iter().map(|h| *h as f64 / total as f64).collect()
}

#[test]
fn corpus_hit_rate_per_field() {
    let cases = cases();
    assert!(
        cases.len() >= 60,
        "the corpus holds {} announcements",
        cases.len()
    );
    let rates = measure("corpus", &cases);
    // Floors just under the measured rates: a rule change that loses ground fails here.
    for (index, field) in FIELDS.iter().enumerate() {
        assert!(
            rates[index] >= 0.95,
            "{field}: {:.2} under 0.95",
            rates[index]
        );
    }
}

#[test]
fn held_out_hit_rate_per_field() {
    let cases = parse(HOLDOUT);
    assert!(cases.len() >= 20);
    let rates = measure("held out", &cases);
    for (index, field) in FIELDS.iter().enumerate() {
        assert!(
            rates[index] >= 0.9,
            "{field}: {:.2} under 0.9",
            rates[index]
        );
    }
}

fn context(today: NaiveDate) -> InviteContext<'static> {
    InviteContext {
        user_email: "sam.rivera@mailbox.example",
        user_zone: UserZone::Fixed(FixedOffset::east_opt(3600).expect("offset")),
        today,
        existing: &[],
        zones: &RuleTable,
    }
}

fn case(id: &str) -> Case {
    cases()
        .into_iter()
        .find(|c| c.id == id)
        .expect("corpus entry")
}

#[test]
fn an_email_becomes_a_prefilled_form() {
    let first = case("01");
    let prefill = read_invitation(&first.text, &context(first.today)).expect("readable");
    assert_eq!(prefill.source, Source::Email);
    assert_eq!(prefill.outcome, Outcome::New);
    let round = &prefill.form.rounds[0];
    // 14:30 CET in March (before the change) is 14:30 at the user's +01:00.
    assert_eq!(
        (
            round.date.as_str(),
            round.start.as_str(),
            round.end.as_str()
        ),
        ("2026-03-03", "14:30", "15:15")
    );
    assert_eq!(round.format, RoundFormat::Video);
    let names: Vec<&str> = round.interviewers.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Maria Okafor", "Tom Becker"]);
    assert_eq!(round.interviewers[0].title, "Head of Design");
    assert!(prefill
        .form
        .notes
        .contains("https://northwind.zoom.us/j/83412345678"));
}

#[test]
fn what_is_missing_is_said() {
    let sparse = case("16");
    let prefill = read_invitation(&sparse.text, &context(sparse.today)).expect("a date is there");
    assert!(
        prefill.missing.iter().any(|m| m.contains("No interviewer")),
        "{:?}",
        prefill.missing
    );
    assert!(prefill.missing.iter().any(|m| m.contains("No end time")));
    assert!(prefill.missing.iter().any(|m| m.contains("No time zone")));
    let nothing = case("17");
    assert_eq!(
        read_invitation(&nothing.text, &context(nothing.today)),
        Err(InviteError::NothingFound)
    );
}

#[test]
fn a_named_zone_is_kept_with_its_wall_time() {
    // 10:00 Eastern on 31 March is summer time (-04:00); the round keeps the zone, so the
    // form shows 10:00 in America/New_York rather than 15:00 at the user's +01:00.
    let eastern = case("41");
    let prefill = read_invitation(&eastern.text, &context(eastern.today)).expect("readable");
    assert_eq!(prefill.form.rounds[0].start, "10:00");
    assert_eq!(prefill.form.rounds[0].zone, "America/New_York");
    assert_eq!(
        prefill.rounds[0].start.map(|s| s.to_rfc3339()).as_deref(),
        Some("2026-03-31T10:00:00-04:00")
    );
}

#[test]
fn a_teams_interview_without_its_link_is_a_video_call_despite_a_phone_in_the_signature() {
    let text = "Subject: Interview invitation\n\nDear Inês,\n\nWe would like to invite you to a video \
                interview on Tuesday 15 December 2026 from 14:30 to 15:30 (CET) via Microsoft Teams. \
                You will meet Dr. Henrik Järvinen, Head of Product Analytics, and Zoë Müller, Senior \
                Data Scientist.\n\nBest regards,\nAna-Sofía Núñez\nTalent Acquisition Coordinator\n\
                ana-sofia.nunez@pohjola.example\n+358 40 123 4567\n";
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).expect("a day");
    let prefill = read_invitation(text, &context(today)).expect("read");
    let round = &prefill.form.rounds[0];
    assert_eq!(round.format, RoundFormat::Video);
    for person in &round.interviewers {
        assert!(
            !person.title.ends_with([',', ';', ':', '.']),
            "{:?}",
            person.title
        );
    }
}

const PANEL_ANNOUNCEMENT: &str = "Subject: Interview invitation\n\nDear Inês,\n\nWe would like to \
    invite you to a video interview on Tuesday 15 December 2026 from 14:30 to 15:30 (CET) via \
    Microsoft Teams. You will meet Dr. Henrik Järvinen, Head of Product Analytics, and Zoë \
    Müller, Senior Data Scientist.\n\nBest regards,\nAna-Sofía Núñez\nTalent Acquisition \
    Coordinator\nana-sofia.nunez@pohjola.example\n+358 40 123 4567\n";

#[test]
fn an_earned_title_stays_with_the_name_so_the_greeting_can_use_it() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 4).expect("a day");
    let prefill = read_invitation(PANEL_ANNOUNCEMENT, &context(today)).expect("read");
    let names: Vec<&str> = prefill.form.rounds[0]
        .interviewers
        .iter()
        .map(|person| person.name.as_str())
        .collect();
    assert_eq!(names, ["Dr Henrik Järvinen", "Zoë Müller"]);
    // Courtesy titles are still left out.
    let facts = extract(
        "Subject: Call\n\nYou will speak with Ms. Priya Raman, Engineering Manager, on \
         Friday 18 December 2026 at 11:00.\n",
        today,
    );
    assert_eq!(facts.people[0].0, "Priya Raman");
}

#[test]
fn whoever_sent_the_announcement_is_kept_as_a_contact_with_their_role() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 4).expect("a day");
    let prefill = read_invitation(PANEL_ANNOUNCEMENT, &context(today)).expect("read");
    let contacts = &prefill.contacts.contacts;
    assert_eq!(contacts.len(), 1, "{contacts:?}");
    assert_eq!(contacts[0].name, "Ana-Sofía Núñez");
    assert_eq!(contacts[0].title, "Talent Acquisition Coordinator");
    assert_eq!(contacts[0].email, "ana-sofia.nunez@pohjola.example");
    assert_eq!(contacts[0].role, ContactRole::Coordinator);
    // The number in her signature is hers, not the video call's, and she is whom the user
    // writes to about the process.
    assert_eq!(contacts[0].phone, "+358 40 123 4567");
    assert!(
        !prefill.form.notes.contains("+358"),
        "{}",
        prefill.form.notes
    );
    assert_eq!(prefill.contacts.point, PointChoice::NewContact(0));
    assert!(prefill
        .found
        .iter()
        .any(|line| line.contains("Ana-Sofía Núñez") && line.contains("coordinator")));
    assert!(prefill.filled_fields().contains(&"contacts"));

    // A recruiter signing off.
    let recruiter = "From: Lena Park <lena.park@acme.example>\nSubject: Next step\n\nHi Sam,\n\n\
        You'll meet Tomás Ruiz, Staff Engineer, on Monday 14 December 2026 at 10:00.\n\n\
        Best,\nLena Park\nSenior Technical Recruiter\n";
    let prefill = read_invitation(recruiter, &context(today)).expect("read");
    assert_eq!(prefill.contacts.contacts[0].role, ContactRole::Recruiter);
    assert_eq!(prefill.contacts.contacts[0].email, "lena.park@acme.example");
}

#[test]
fn a_sender_who_is_met_or_is_the_user_is_not_a_contact() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 4).expect("a day");
    let interviewer = "From: Omar Haddad <omar@lumen.example>\nSubject: Our call\n\nHi Sam,\n\n\
        I'll call you on Wednesday 16 December 2026 at 15:00 for a first conversation.\n\n\
        Best,\nOmar Haddad\nHead of Data\n";
    let prefill = read_invitation(interviewer, &context(today)).expect("read");
    assert_eq!(
        prefill.form.rounds[0].interviewers[0].name, "Omar Haddad",
        "the writer is the interviewer"
    );
    assert!(prefill.contacts.contacts.is_empty());

    let forwarded = "From: Sam Rivera <sam.rivera@mailbox.example>\nSubject: Fwd: interview\n\n\
        You will meet Jana Novák on Thursday 17 December 2026 at 9:30.\n";
    let prefill = read_invitation(forwarded, &context(today)).expect("read");
    assert!(prefill.contacts.contacts.is_empty());
}

#[test]
fn a_time_arranged_in_another_zone_also_says_what_it_is_at_home() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 4).expect("a day");
    let mut in_new_york = context(today);
    in_new_york.user_zone = UserZone::Fixed(FixedOffset::west_opt(5 * 3600).expect("offset"));
    let prefill = read_invitation(PANEL_ANNOUNCEMENT, &in_new_york).expect("read");
    let when = prefill
        .found
        .iter()
        .find(|line| line.starts_with("When:"))
        .expect("a when line");
    assert!(
        when.ends_with("14:30–15:30 (Europe/Berlin; 08:30–09:30 your time)."),
        "{when}"
    );
    // At home (Berlin is +01:00 in December, like the default context) nothing is added.
    let prefill = read_invitation(PANEL_ANNOUNCEMENT, &context(today)).expect("read");
    assert!(prefill
        .found
        .iter()
        .any(|line| line.ends_with("14:30–15:30 (Europe/Berlin).")));
}
