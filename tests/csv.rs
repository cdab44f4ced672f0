//! CSV export of processes and actions, and import of tracker exports.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[path = "fixtures/storage/support.rs"]
mod support;

use afterview::core::data::csv_io::{
    actions_to_csv, import_tracker_csv, map_status, parse_date, processes_to_csv, CsvError,
};
use afterview::core::data::model::{ActionKind, Process, ProcessId, ProcessStatus};
use afterview::core::data::storage::AppData;
use chrono::NaiveDate;
use common::at;
use support::action;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test date")
}

fn sample() -> AppData {
    let mut data = AppData::default();
    let mut first = Process::new(ProcessId(1), "Smith, Jones & Co", "Analyst \"II\"");
    first.notes = "Met twice.\nSecond line, with comma".into();
    first.applied_on = Some(day(2025, 2, 1));
    first.job_url = "https://jobs.example/42".into();
    let mut second = Process::new(ProcessId(2), "=HYPERLINK(\"x\")", "Engineer");
    second.status = ProcessStatus::Rejected;
    data.processes = vec![first, second];
    data
}

#[test]
fn process_export_reimports_with_the_same_fields() {
    let data = sample();
    let actions = vec![
        action(
            1,
            ActionKind::StatusInquiry,
            None,
            None,
            "2025-03-20T10:00:00+01:00",
            2,
        ),
        action(
            1,
            ActionKind::ThankYou,
            Some(1),
            None,
            "2025-03-05T10:00:00+01:00",
            1,
        ),
    ];
    let text = processes_to_csv(&data, &actions);
    assert!(text.starts_with("Company Name,Job Title,Status,"));
    // The earliest due action is the next one.
    assert!(text.contains("Thank-you note,2025-03-05 10:00 +01:00"));
    // A formula-looking company is defused for spreadsheets.
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""));

    let imported = import_tracker_csv(&text, &AppData::default(), at("2025-04-01T00:00:00Z"))
        .expect("own export reads back");
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    assert_eq!(imported.processes.len(), 2);
    for (original, back) in data.processes.iter().zip(&imported.processes) {
        assert_eq!(back.company, original.company);
        assert_eq!(back.role, original.role);
        assert_eq!(back.notes, original.notes);
        assert_eq!(back.job_url, original.job_url);
        assert_eq!(back.applied_on, original.applied_on);
        assert_eq!(back.status, original.status);
    }
}

#[test]
fn action_export_has_one_row_per_action_with_its_explanation() {
    let data = sample();
    let actions = vec![
        action(
            1,
            ActionKind::ThankYou,
            None,
            None,
            "2025-03-05T10:00:00+01:00",
            1,
        ),
        action(
            2,
            ActionKind::RejectionReply,
            None,
            None,
            "2025-03-06T10:00:00+01:00",
            3,
        ),
    ];
    let text = actions_to_csv(&actions, &data.processes);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(&header[2], "Action");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "Smith, Jones & Co");
    assert_eq!(&rows[0][2], "Thank-you note");
    assert_eq!(&rows[0][6], "2025-03-04 10:00 +01:00");
    assert_eq!(&rows[0][8], "2025-03-06 10:00 +01:00");
    assert_eq!(&rows[0][9], "T1 T13");
    assert_eq!(&rows[0][10], actions[0].explanation());
    assert_eq!(&rows[1][2], "Reply to the rejection");
}

#[test]
fn tracker_import_reads_columns_in_any_order_and_case() {
    let text = "\u{feff}notes,STATUS,company name,Salary,job title,Applied Date,Archived,Job URL,Status Date\n\
        \"Referral, via Ana\nsecond line\",Interviewing,Contoso,90k,Data analyst,03/14/2025,no,https://c.example,2025-03-20\n\
        ,offer,Litware,,PM,14/03/2025,,,\n\
        ,Ghosted,Fabrikam,,Analyst,\"Mar 3, 2025\",,,\n\
        ,applied,Tailspin,,Engineer,2025-02-01,yes,,\n";
    let mut existing = AppData::default();
    existing
        .processes
        .push(Process::new(ProcessId(4), "Old", "Job"));
    let result =
        import_tracker_csv(text, &existing, at("2025-04-01T12:00:00+02:00")).expect("reads");
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    let p = &result.processes;
    assert_eq!(p.len(), 4);
    assert_eq!(p[0].id, ProcessId(5), "ids continue after existing ones");
    assert_eq!(p[0].company, "Contoso");
    assert_eq!(p[0].notes, "Referral, via Ana\nsecond line");
    assert_eq!(p[0].status, ProcessStatus::Active);
    assert_eq!(p[0].applied_on, Some(day(2025, 3, 14)));
    assert_eq!(p[0].job_url, "https://c.example");
    assert_eq!(p[0].updated_at, Some(at("2025-03-20T00:00:00+02:00")));
    assert_eq!(p[1].status, ProcessStatus::Offer);
    assert_eq!(p[1].applied_on, Some(day(2025, 3, 14)));
    assert_eq!(p[2].status, ProcessStatus::MovedOn);
    assert_eq!(p[2].applied_on, Some(day(2025, 3, 3)));
    assert_eq!(
        p[3].status,
        ProcessStatus::MovedOn,
        "archived and still open"
    );
}

#[test]
fn bad_rows_are_reported_by_row_number_and_good_rows_still_import() {
    let text = "Company Name,Job Title,Applied Date,Status\n\
        Contoso,Analyst,2025-01-05,Applied\n\
        ,Orphan title,,\n\
        Litware,PM,not a date,Applied\n\
        \"Quoted\nacross lines\",Engineer,,Mystery status\n\
        Fabrikam,,,\n\
        ,,,\n\
        Wingtip,Designer,5.2.2025,rejected\n";
    let result =
        import_tracker_csv(text, &AppData::default(), at("2025-04-01T00:00:00Z")).expect("reads");
    let companies: Vec<&str> = result
        .processes
        .iter()
        .map(|p| p.company.as_str())
        .collect();
    assert_eq!(companies, vec!["Contoso", "Quoted across lines", "Wingtip"]);
    assert_eq!(result.processes[2].applied_on, Some(day(2025, 2, 5)));
    assert_eq!(result.processes[2].status, ProcessStatus::Rejected);

    let summary: Vec<(usize, bool)> = result.problems.iter().map(|p| (p.row, p.skipped)).collect();
    assert_eq!(summary, vec![(3, true), (4, true), (5, false), (6, true)]);
    assert!(result.problems[0]
        .message
        .starts_with("Row 3 was skipped: it has no company name"));
    assert!(result.problems[1].message.contains("\"not a date\""));
    assert!(result.problems[2].message.contains("imported as Active"));
}

#[test]
fn files_without_the_needed_columns_or_too_large_are_refused() {
    assert_eq!(
        import_tracker_csv(
            "Name,Date\nx,y\n",
            &AppData::default(),
            at("2025-04-01T00:00:00Z")
        ),
        Err(CsvError::MissingColumns {
            missing: vec!["Company Name", "Job Title"]
        })
    );
    let huge = format!("Company Name,Job Title\n{}", "a,b\n".repeat(1_200_000));
    assert!(matches!(
        import_tracker_csv(&huge, &AppData::default(), at("2025-04-01T00:00:00Z")),
        Err(CsvError::TooLarge { .. })
    ));
}

#[test]
fn semicolon_files_and_hostile_cells_are_handled() {
    let text = "Company Name;Job Title;Notes\n\"A\u{7}cme\u{202e}\";'=cmd;\"ok\u{0}\"\n";
    let result =
        import_tracker_csv(text, &AppData::default(), at("2025-04-01T00:00:00Z")).expect("reads");
    assert_eq!(result.processes[0].company, "Acme");
    assert_eq!(result.processes[0].role, "=cmd");
    assert_eq!(result.processes[0].notes, "ok");
}

#[test]
fn dates_and_statuses_in_common_forms() {
    for (text, expected) in [
        ("2025-03-14", day(2025, 3, 14)),
        ("2025/03/14", day(2025, 3, 14)),
        ("3/14/2025", day(2025, 3, 14)),
        ("3/14/25", day(2025, 3, 14)),
        ("14/3/2025", day(2025, 3, 14)),
        ("14.03.2025", day(2025, 3, 14)),
        ("March 14, 2025", day(2025, 3, 14)),
        ("14 Mar 2025", day(2025, 3, 14)),
        ("2025-03-14T09:30:00+01:00", day(2025, 3, 14)),
        ("2025-03-14 09:30", day(2025, 3, 14)),
    ] {
        assert_eq!(parse_date(text), Some(expected), "{text}");
    }
    for bad in ["", "soon", "13/13/2025", "2025-02-30", "1/2/345"] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
    assert_eq!(map_status("Phone_Screen"), Some(ProcessStatus::Active));
    assert_eq!(map_status("Not Selected"), Some(ProcessStatus::Rejected));
    assert_eq!(map_status("withdrew"), Some(ProcessStatus::Withdrawn));
    assert_eq!(map_status("Moved on"), Some(ProcessStatus::MovedOn));
    assert_eq!(map_status("Offer"), Some(ProcessStatus::Offer));
    assert_eq!(map_status("maybe"), None);
}

#[test]
fn tracker_notes_keep_the_free_text_limit_not_the_one_line_limit() {
    let long_notes = "n".repeat(5_000);
    let text = format!("Company,Title,Notes\nAcme,Analyst,{long_notes}\n");
    let imported =
        import_tracker_csv(&text, &AppData::default(), at("2025-04-01T00:00:00Z")).expect("reads");
    assert_eq!(imported.processes[0].notes.chars().count(), 5_000);
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);

    let too_long = "n".repeat(20_001);
    let text = format!("Company,Title,Notes\nAcme,Analyst,{too_long}\n");
    let imported =
        import_tracker_csv(&text, &AppData::default(), at("2025-04-01T00:00:00Z")).expect("reads");
    assert_eq!(imported.processes[0].notes.chars().count(), 20_000);
    assert_eq!(
        imported.problems[0].message,
        "Row 2: The notes were shortened to 20000 characters."
    );
}

#[test]
fn action_export_states_are_words_a_person_uses() {
    use afterview::core::planning::action::ActionState;
    let data = sample();
    let states = [
        ActionState::DueToday,
        ActionState::Late,
        ActionState::Open,
        ActionState::Upcoming,
    ];
    let actions: Vec<_> = states
        .iter()
        .map(|state| {
            let mut one = action(
                1,
                ActionKind::ThankYou,
                None,
                None,
                "2025-03-05T10:00:00+01:00",
                1,
            );
            one.state = *state;
            one
        })
        .collect();
    let text = actions_to_csv(&actions, &data.processes);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&reader.headers().expect("header")[5], "State");
    let cells: Vec<String> = reader
        .records()
        .map(|row| row.expect("row")[5].to_string())
        .collect();
    assert_eq!(cells, ["Due today", "Late", "Open now", "Upcoming"]);
}
