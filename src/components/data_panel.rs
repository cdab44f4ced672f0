//! Backup export and import, CSV and calendar export, storage persistence.
//!
//! Every import is read and checked completely before anything changes; the user then sees
//! what it would do and confirms, and the result replaces the data in one message.

use crate::core::dates;
use std::rc::Rc;

use chrono::{DateTime, FixedOffset};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::data::backup::{
    backup_file_name, default_import_mode, parse_backup, preview, ImportError, ImportMode,
    MAX_DOCUMENT_BYTES,
};
use crate::core::data::csv_io::{
    actions_to_csv, import_tracker_csv, processes_to_csv, CsvError, TrackerImport,
};
use crate::core::data::ics::{actions_to_ics, calendar_actions, ics_file_name};
use crate::core::data::storage::AppData;
use crate::hooks::{use_app, AppContext};
use crate::services::files;
use crate::services::storage::Store;
use crate::state::{with_kit, Msg, Waiter};

/// Downloads a backup of the current data and records the export (which resets the
/// reminder). Used by this panel and by the banners.
pub fn download_backup(app: &AppContext) {
    // The backup's writer comes with the reducer's chunk, usually here long before a click.
    let app = app.clone();
    with_kit(Waiter::Person, move |kit| {
        let now = app.state.now;
        let mut data = app.state.data.clone();
        let text = (kit.export_backup)(&mut data, now);
        let name = backup_file_name(now);
        match (kit.download)(&name, "application/json", &text) {
            Ok(()) => {
                app.dispatch(Msg::Exported(now));
                app.dispatch(Msg::Announce(format!("Backup saved as {name}.")));
            }
            Err(why) => app.dispatch(Msg::Announce(why)),
        }
    });
}

/// Offers a text file for download and says how it went.
fn offer_file(app: &AppContext, name: &str, mime: &str, contents: &str) {
    let sentence = match files::download(name, mime, contents) {
        Ok(()) => format!("Downloaded {name}."),
        Err(why) => why,
    };
    app.dispatch(Msg::Announce(sentence));
}

fn dated_name(stem: &str, now: DateTime<FixedOffset>, extension: &str) -> String {
    format!("{stem}-{}.{extension}", dates::iso_date(now.date_naive()))
}

/// The chosen file of a file input, with its name and size in bytes.
fn chosen_file(event: &Event) -> Option<(HtmlInputElement, web_sys::File)> {
    let input: HtmlInputElement = event.target_dyn_into()?;
    let file = input.files().and_then(|files| files.get(0))?;
    Some((input, file))
}

/// Reads a file as text (the browser decodes it as UTF-8).
async fn read_text(file: web_sys::File) -> Result<String, String> {
    let value = JsFuture::from(file.text())
        .await
        .map_err(|_| "The browser could not read that file. Try choosing it again.".to_string())?;
    value
        .as_string()
        .ok_or_else(|| "The file did not contain text.".to_string())
}

/// Progress of a backup import.
#[derive(Clone, PartialEq)]
enum BackupImport {
    Idle,
    Reading,
    Failed(String),
    Ready {
        file_name: String,
        incoming: Rc<AppData>,
        mode: ImportMode,
    },
}

/// Progress of a CSV import from another tracker.
#[derive(Clone, PartialEq)]
enum CsvImport {
    Idle,
    Reading,
    Failed(String),
    Ready {
        file_name: String,
        found: Rc<TrackerImport>,
    },
}

fn clear_input(input: &NodeRef) {
    if let Some(input) = input.cast::<HtmlInputElement>() {
        input.set_value("");
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

#[component]
pub fn DataPanel() -> Html {
    let app = use_app();
    let backup_import = use_state(|| BackupImport::Idle);
    let csv_import = use_state(|| CsvImport::Idle);
    let persistence = use_state(|| None::<String>);
    let backup_input = use_node_ref();
    let csv_input = use_node_ref();

    let state = &app.state;
    let now = state.now;
    let writable = state.can_write();

    let on_download = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| download_backup(&app))
    };

    let on_backup_file = {
        let (backup_import, default_mode) =
            (backup_import.clone(), default_import_mode(&state.data));
        Callback::from(move |event: Event| {
            let Some((_, file)) = chosen_file(&event) else {
                return;
            };
            let file_name = file.name();
            // Refuse a huge file before reading it into memory.
            let bytes = file.size();
            if bytes > MAX_DOCUMENT_BYTES as f64 {
                let error = ImportError::TooLarge {
                    bytes: bytes as usize,
                    limit: MAX_DOCUMENT_BYTES,
                };
                backup_import.set(BackupImport::Failed(error.to_string()));
                return;
            }
            backup_import.set(BackupImport::Reading);
            let backup_import = backup_import.clone();
            spawn_local(async move {
                let outcome = match read_text(file).await {
                    Ok(text) => match parse_backup(&text) {
                        Ok(incoming) => BackupImport::Ready {
                            file_name,
                            incoming: Rc::new(incoming),
                            mode: default_mode,
                        },
                        Err(error) => BackupImport::Failed(error.to_string()),
                    },
                    Err(why) => BackupImport::Failed(why),
                };
                backup_import.set(outcome);
            });
        })
    };

    let on_csv_file = {
        let csv_import = csv_import.clone();
        let app = app.clone();
        Callback::from(move |event: Event| {
            let Some((_, file)) = chosen_file(&event) else {
                return;
            };
            let file_name = file.name();
            let bytes = file.size();
            if bytes > MAX_DOCUMENT_BYTES as f64 {
                let error = CsvError::TooLarge {
                    bytes: bytes as usize,
                    limit: MAX_DOCUMENT_BYTES,
                };
                csv_import.set(CsvImport::Failed(error.to_string()));
                return;
            }
            csv_import.set(CsvImport::Reading);
            let csv_import = csv_import.clone();
            // Ids are assigned again on confirm, so a snapshot of the data is enough here.
            let data = app.state.data.clone();
            spawn_local(async move {
                let outcome = match read_text(file).await {
                    Ok(text) => match import_tracker_csv(&text, &data, now) {
                        Ok(found) => CsvImport::Ready {
                            file_name,
                            found: Rc::new(found),
                        },
                        Err(error) => CsvImport::Failed(error.to_string()),
                    },
                    Err(why) => CsvImport::Failed(why),
                };
                csv_import.set(outcome);
            });
        })
    };

    let on_processes_csv = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = processes_to_csv(&app.state.data, &app.plan);
            let name = dated_name("afterview-interviews", app.state.now, "csv");
            offer_file(&app, &name, "text/csv;charset=utf-8", &csv);
        })
    };
    let on_actions_csv = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = actions_to_csv(&app.plan, &app.state.data.processes);
            let name = dated_name("afterview-follow-ups", app.state.now, "csv");
            offer_file(&app, &name, "text/csv;charset=utf-8", &csv);
        })
    };

    let calendar_actions = calendar_actions(&app.plan);
    let calendar_count = calendar_actions.len();
    let on_calendar = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let ics = actions_to_ics(&calendar_actions, &app.state.data.processes, app.state.now);
            let name = ics_file_name(app.state.now);
            offer_file(&app, &name, "text/calendar;charset=utf-8", &ics);
        })
    };

    let on_persist = {
        let app = app.clone();
        let persistence = persistence.clone();
        Callback::from(move |_: MouseEvent| {
            let app = app.clone();
            let persistence = persistence.clone();
            persistence.set(Some("Asking the browser…".into()));
            spawn_local(async move {
                let sentence = match Store::request_persistence().await {
                    Ok(true) => "The browser agreed: it will not clear this data on its own to free space.".to_string(),
                    Ok(false) => "The browser said no for now. Browsers often decide by how much you use a site; keep downloading backups.".to_string(),
                    Err(why) => why,
                };
                app.dispatch(Msg::Announce(sentence.clone()));
                persistence.set(Some(sentence));
            });
        })
    };

    html! {
        <section class="av-section av-card av-data" aria-labelledby="av-data-title" data-testid="data-panel">
            <h2 id="av-data-title" class="av-section-title">{ "Your data" }</h2>
            <p class="av-hint">
                { "Everything you enter stays in this browser on this device. Nothing is sent anywhere, so clearing site data or switching browsers loses it unless you keep a backup file." }
            </p>
            if !writable {
                <p class="av-banner av-banner-warn" role="status">
                    { "This data belongs to a newer version of Afterview, so imports are turned off here. Downloading still works." }
                </p>
            }

            <div class="av-data-group">
                <h3 class="av-data-heading">{ "Backup" }</h3>
                <p class="av-hint">{ "A backup is one file holding all your interviews and settings. Keep it somewhere safe; you can bring it back here or into another browser." }</p>
                <div class="av-actions-row">
                    <button type="button" class="av-btn av-btn-primary" onclick={on_download} data-testid="download-backup">
                        { "Download backup" }
                    </button>
                </div>
                { last_export_line(state.data.last_export_at) }
                <div class="av-field">
                    <label for="av-import-backup">{ "Import backup" }</label>
                    <input
                        id="av-import-backup"
                        type="file"
                        accept=".json,application/json"
                        disabled={!writable}
                        ref={backup_input.clone()}
                        aria-describedby="av-import-backup-hint"
                        onchange={on_backup_file}
                        data-testid="import-backup"
                    />
                    <span id="av-import-backup-hint" class="av-hint">{ "Pick a file Afterview exported. You will see what changes before anything is applied." }</span>
                </div>
                { backup_import_view(&app, &backup_import, &backup_input) }
            </div>

            <div class="av-data-group">
                <h3 class="av-data-heading">{ "Spreadsheets" }</h3>
                <p class="av-hint">{ "CSV files open in any spreadsheet program. They are a copy to read, not a backup: import them back with the tracker import below, not as a backup." }</p>
                <div class="av-actions-row">
                    <button type="button" class="av-btn" onclick={on_processes_csv} data-testid="export-processes-csv">
                        { "Export interviews (CSV)" }
                    </button>
                    <button type="button" class="av-btn" onclick={on_actions_csv} data-testid="export-actions-csv">
                        { "Export follow-ups (CSV)" }
                    </button>
                </div>
                <div class="av-field">
                    <label for="av-import-csv">{ "Import CSV from another tracker" }</label>
                    <input
                        id="av-import-csv"
                        type="file"
                        accept=".csv,text/csv"
                        disabled={!writable}
                        ref={csv_input.clone()}
                        aria-describedby="av-import-csv-hint"
                        onchange={on_csv_file}
                        data-testid="import-csv"
                    />
                    <span id="av-import-csv-hint" class="av-hint">{ "The first row must name the columns; Company and Job title are needed, and Applied date, Status, Job URL and Notes are used when present. Each row becomes a new interview." }</span>
                </div>
                { csv_import_view(&app, &csv_import, &csv_input) }
            </div>

            <div class="av-data-group">
                <h3 class="av-data-heading">{ "Calendar" }</h3>
                <p class="av-hint">
                    { "Adds each planned follow-up to your calendar app at its due time, with a reminder half an hour before. Importing a newer file updates the same events rather than adding copies." }
                </p>
                <div class="av-actions-row">
                    <button type="button" class="av-btn" onclick={on_calendar} disabled={calendar_count == 0} aria-describedby="av-calendar-count" data-testid="export-ics">
                        { "Export calendar (.ics)" }
                    </button>
                    <span id="av-calendar-count" class="av-hint">
                        { if calendar_count == 0 {
                            "No follow-ups are planned ahead right now.".to_string()
                        } else {
                            format!("{} ahead.", plural(calendar_count, "follow-up", "follow-ups"))
                        } }
                    </span>
                </div>
            </div>

            <div class="av-data-group">
                <h3 class="av-data-heading">{ "Keeping the data" }</h3>
                <p class="av-hint">
                    { "When a device runs short of space, a browser may clear data of sites you rarely open. You can ask it to treat Afterview's data as something to keep. The browser decides, and a backup file is still the surest copy." }
                </p>
                <div class="av-actions-row">
                    <button type="button" class="av-btn" onclick={on_persist} data-testid="request-persistence">
                        { "Ask the browser to keep this data" }
                    </button>
                </div>
                if let Some(sentence) = (*persistence).clone() {
                    <p role="status" data-testid="persistence-result">{ sentence }</p>
                }
            </div>
        </section>
    }
}

fn last_export_line(last: Option<DateTime<FixedOffset>>) -> Html {
    let text = match last {
        Some(at) => format!(
            "Last backup: {}, {}.",
            dates::short_date(at.date_naive()),
            dates::clock(at.time())
        ),
        None => "No backup downloaded yet.".to_string(),
    };
    html! { <p class="av-hint" data-testid="last-export">{ text }</p> }
}

fn backup_import_view(
    app: &AppContext,
    import: &UseStateHandle<BackupImport>,
    input: &NodeRef,
) -> Html {
    let cancel = {
        let import = import.clone();
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            import.set(BackupImport::Idle);
            clear_input(&input);
        })
    };
    match &**import {
        BackupImport::Idle => html! {},
        BackupImport::Reading => html! { <p role="status">{ "Reading the file…" }</p> },
        BackupImport::Failed(message) => html! {
            <div class="av-banner av-banner-error" role="alert" data-testid="import-backup-error">
                <p>{ message.clone() }</p>
                <div class="av-actions-row">
                    <button type="button" class="av-btn" onclick={cancel}>{ "Close" }</button>
                </div>
            </div>
        },
        BackupImport::Ready {
            file_name,
            incoming,
            mode,
        } => {
            let mode = *mode;
            let state = &app.state;
            let outcome = preview(&state.data, incoming, mode, state.now);
            let nothing_changes = outcome.added.is_empty()
                && outcome.updated.is_empty()
                && outcome.removed.is_empty()
                && !outcome.settings_changed;
            let removed_names: Vec<String> = outcome
                .removed
                .iter()
                .filter_map(|id| state.data.process(*id))
                .map(|process| process.company.clone())
                .collect();
            let set_mode = |mode: ImportMode| {
                let import = import.clone();
                Callback::from(move |_: Event| {
                    if let BackupImport::Ready {
                        file_name,
                        incoming,
                        ..
                    } = &*import
                    {
                        import.set(BackupImport::Ready {
                            file_name: file_name.clone(),
                            incoming: incoming.clone(),
                            mode,
                        });
                    }
                })
            };
            let confirm = {
                let app = app.clone();
                let import = import.clone();
                let input = input.clone();
                let incoming = incoming.clone();
                Callback::from(move |_: MouseEvent| {
                    // The reducer applies it against the data as it is then, in one change.
                    app.dispatch(Msg::ImportBackup {
                        incoming: Box::new((*incoming).clone()),
                        mode,
                    });
                    import.set(BackupImport::Idle);
                    clear_input(&input);
                })
            };
            html! {
                <div class="av-card av-import-preview" role="region" aria-labelledby="av-import-preview-title" data-testid="import-backup-preview">
                    <h4 id="av-import-preview-title">{ format!("Importing {file_name}") }</h4>
                    <fieldset class="av-fieldset">
                        <legend>{ "How to combine it with what is here" }</legend>
                        <label class="av-check">
                            <input type="radio" name="av-import-mode" value="merge" checked={mode == ImportMode::Merge} onchange={set_mode(ImportMode::Merge)} />
                            { "Merge: add what is new, take newer versions, delete nothing" }
                        </label>
                        <label class="av-check">
                            <input type="radio" name="av-import-mode" value="replace" checked={mode == ImportMode::Replace} onchange={set_mode(ImportMode::Replace)} />
                            { "Replace: make this browser's data exactly the file's" }
                        </label>
                    </fieldset>
                    <ul class="av-import-counts" aria-live="polite">
                        <li>{ format!("{} added", plural(outcome.added.len(), "interview", "interviews")) }</li>
                        <li>{ format!("{} updated", plural(outcome.updated.len(), "interview", "interviews")) }</li>
                        <li>{ if outcome.unchanged.len() == 1 { "1 interview left as it is".to_string() } else { format!("{} interviews left as they are", outcome.unchanged.len()) } }</li>
                        <li>{ format!("{} removed", plural(outcome.removed.len(), "interview", "interviews")) }</li>
                        <li>{ if outcome.settings_changed { "Your settings change to the file's." } else { "Your settings stay as they are." } }</li>
                    </ul>
                    if !removed_names.is_empty() {
                        <p class="av-error">{ format!("These will be deleted: {}.", removed_names.join(", ")) }</p>
                    }
                    if nothing_changes {
                        <p>{ "This file holds nothing new for this browser." }</p>
                    }
                    <div class="av-actions-row">
                        <button type="button" class="av-btn av-btn-primary" onclick={confirm} disabled={nothing_changes} data-testid="import-backup-confirm">
                            { if mode == ImportMode::Replace { "Replace my data" } else { "Merge into my data" } }
                        </button>
                        <button type="button" class="av-btn" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                </div>
            }
        }
    }
}

fn csv_import_view(app: &AppContext, import: &UseStateHandle<CsvImport>, input: &NodeRef) -> Html {
    let cancel = {
        let import = import.clone();
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            import.set(CsvImport::Idle);
            clear_input(&input);
        })
    };
    match &**import {
        CsvImport::Idle => html! {},
        CsvImport::Reading => html! { <p role="status">{ "Reading the file…" }</p> },
        CsvImport::Failed(message) => html! {
            <div class="av-banner av-banner-error" role="alert" data-testid="import-csv-error">
                <p>{ message.clone() }</p>
                <div class="av-actions-row">
                    <button type="button" class="av-btn" onclick={cancel}>{ "Close" }</button>
                </div>
            </div>
        },
        CsvImport::Ready { file_name, found } => {
            let count = found.processes.len();
            let confirm = {
                let app = app.clone();
                let import = import.clone();
                let input = input.clone();
                let found = found.clone();
                Callback::from(move |_: MouseEvent| {
                    // The reducer numbers them: another tab may have used ids since the preview.
                    app.dispatch(Msg::ImportProcesses(found.processes.clone()));
                    import.set(CsvImport::Idle);
                    clear_input(&input);
                })
            };
            html! {
                <div class="av-card av-import-preview" role="region" aria-labelledby="av-csv-preview-title" data-testid="import-csv-preview">
                    <h4 id="av-csv-preview-title">{ format!("Importing {file_name}") }</h4>
                    <p>{ if count == 0 {
                        "No row could be used, so there is nothing to add.".to_string()
                    } else {
                        format!("{} can be added.", plural(count, "interview", "interviews"))
                    } }</p>
                    if !found.problems.is_empty() {
                        <p>{ "Worth checking before you add them:" }</p>
                        <ul class="av-import-problems" data-testid="import-csv-problems">
                            { for found.problems.iter().map(|problem| html! {
                                // The message already names the row and whether it was left out.
                                <li data-row={problem.row.to_string()} data-skipped={problem.skipped.to_string()}>
                                    { problem.message.clone() }
                                </li>
                            }) }
                        </ul>
                    }
                    <div class="av-actions-row">
                        <button type="button" class="av-btn av-btn-primary" onclick={confirm} disabled={count == 0} data-testid="import-csv-confirm">
                            { format!("Add {}", plural(count, "interview", "interviews")) }
                        </button>
                        <button type="button" class="av-btn" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                </div>
            }
        }
    }
}
