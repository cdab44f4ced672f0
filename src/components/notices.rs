//! Banners for what goes wrong with storage: unavailable, read-only, full, and stored data that
//! could not be read and was set aside. Rare, so in a chunk of its own (see
//! [`crate::components::lazy`]), fetched only when one applies.

use yew::prelude::*;

use crate::components::banners::backup_button;
use crate::hooks::use_app;
use crate::services::files;
use crate::state::{Msg, StorageStatus};

/// A file name for the set-aside text, from its storage key (which carries the date).
fn quarantine_file_name(key: &str) -> String {
    let safe: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{safe}.txt")
}

#[component]
pub fn Notices() -> Html {
    let app = use_app();
    // Hidden only for this visit: the set-aside text stays stored.
    let quarantine_dismissed = use_state(|| false);
    let state = &app.state;

    let storage_banner = match &state.storage {
        StorageStatus::Saving => html! {},
        StorageStatus::InMemory { why } => html! {
            <div class="av-banner av-banner-error" role="alert" data-testid="banner-storage-unavailable">
                <p>
                    <strong>{ "Storage is unavailable " }</strong>
                    { format!("({why}). Your changes last only while this page stays open, so download a backup before you leave.") }
                </p>
                <div class="av-actions-row">{ backup_button(&app, "banner-storage-download") }</div>
            </div>
        },
        StorageStatus::ReadOnly { found } => html! {
            <div class="av-banner av-banner-warn" role="status" data-testid="banner-read-only">
                <p>
                    <strong>{ "Read-only: " }</strong>
                    { format!("the saved data uses format version {found}, written by a newer Afterview. You can look through it here, but nothing you change will be saved. Open the newer version to keep editing.") }
                </p>
            </div>
        },
        StorageStatus::Full => html! {
            <div class="av-banner av-banner-error" role="alert" data-testid="banner-storage-full">
                <p>
                    <strong>{ "Browser storage is full. " }</strong>
                    { "Your latest changes are kept only while this page stays open. Download a backup now; deleting interviews you no longer need frees space." }
                </p>
                <div class="av-actions-row">{ backup_button(&app, "banner-full-download") }</div>
            </div>
        },
    };

    let quarantine_banner = match (&state.quarantined, *quarantine_dismissed) {
        (Some((key, raw)), false) => {
            let download = {
                let app = app.clone();
                let name = quarantine_file_name(key);
                let raw = raw.clone();
                Callback::from(move |_: MouseEvent| {
                    let sentence = match files::download(&name, "text/plain;charset=utf-8", &raw) {
                        Ok(()) => format!("Downloaded the unreadable data as {name}."),
                        Err(why) => why,
                    };
                    app.dispatch(Msg::Announce(sentence));
                })
            };
            let dismiss = {
                let quarantine_dismissed = quarantine_dismissed.clone();
                Callback::from(move |_: MouseEvent| quarantine_dismissed.set(true))
            };
            let where_kept = if matches!(state.storage, StorageStatus::InMemory { .. }) {
                "It could not be copied aside, so nothing will be written over it during this visit.".to_string()
            } else {
                format!("It is kept untouched in this browser under the storage key “{key}”.")
            };
            html! {
                <div class="av-banner av-banner-warn" role="alert" data-testid="banner-quarantine">
                    <p>
                        <strong>{ "Some saved data could not be read. " }</strong>
                        { where_kept }
                        { " Afterview started empty. You can download that text to inspect it or to keep it." }
                    </p>
                    <div class="av-actions-row">
                        <button type="button" class="av-btn" onclick={download} data-testid="banner-quarantine-download">
                            { "Download the unreadable data" }
                        </button>
                        <button type="button" class="av-btn-link" onclick={dismiss} data-testid="banner-quarantine-dismiss">
                            { "Dismiss (the stored copy stays)" }
                        </button>
                    </div>
                </div>
            }
        }
        _ => html! {},
    };

    html! {
        <>
            { storage_banner }
            { quarantine_banner }
        </>
    }
}
