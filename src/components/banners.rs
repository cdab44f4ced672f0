//! The backup reminder's banner (storage problems and set-aside data have theirs in
//! [`crate::components::notices`], fetched when one applies); the toast
//! (in the page flow under the header, so it never covers a control); and the watcher
//! that sets the app badge and sends opted-in reminders when an action comes due.

use yew::prelude::*;

use crate::components::data_panel::download_backup;
use crate::components::lazy::{Lazy, Part};
use crate::core::data::backup::backup_reminder_due;
use crate::core::data::model::{ActionKey, ProcessId};
use crate::core::planning::today::Group;
use crate::hooks::{use_app, AppContext};
use crate::services::reminders;
use crate::state::{Msg, StorageStatus};

pub(crate) fn backup_button(app: &AppContext, testid: &'static str) -> Html {
    let onclick = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| download_backup(&app))
    };
    html! {
        <button type="button" class="av-btn av-btn-primary" {onclick} data-testid={testid}>
            { "Download backup" }
        </button>
    }
}

#[component]
pub fn Banners() -> Html {
    let app = use_app();
    use_due_watcher(&app);
    let state = &app.state;

    // Storage problems and set-aside data are rare: their banners come in a chunk of their own,
    // fetched only when one applies.
    let notices = (state.storage != StorageStatus::Saving || state.quarantined.is_some())
        .then(|| html! { <Lazy part={Part::Notices} quiet=true /> });

    // The storage banners already offer a backup; a second offer would only add noise.
    let storage_offers_backup = matches!(
        state.storage,
        StorageStatus::InMemory { .. } | StorageStatus::Full
    );
    let reminder_banner = if !state.backup_reminder_later
        && !storage_offers_backup
        && backup_reminder_due(&state.data, state.now)
    {
        // Hidden only for this visit: the reminder comes back.
        let later = app.callback(|_: MouseEvent| Msg::PutOffBackupReminder);
        let text = match state.data.last_export_at {
            Some(_) => "Your last backup is more than 30 days old. A fresh one protects you if this browser's data is cleared.",
            None => "You have not downloaded a backup yet. A backup file protects your interviews if this browser's data is cleared.",
        };
        html! {
            <div class="av-banner av-banner-warn" role="status" data-testid="banner-backup-reminder">
                <p>{ text }</p>
                <div class="av-actions-row">
                    { backup_button(&app, "banner-reminder-download") }
                    <button type="button" class="av-btn" onclick={later} data-testid="banner-reminder-later">{ "Later" }</button>
                </div>
            </div>
        }
    } else {
        html! {}
    };

    html! {
        <div class="av-banners">
            { notices }
            { reminder_banner }
            { toast(&app) }
        </div>
    }
}

/// The visible twin of the live region: in the flow of the page, not floating over it.
/// Screen readers hear the live region in `app.rs`; this copy is hidden from them.
fn toast(app: &AppContext) -> Html {
    let state = &app.state;
    let Some(text) = state.announcement.clone() else {
        return html! {};
    };
    let undo = state
        .undo
        .is_some()
        .then(|| app.callback(|_: MouseEvent| Msg::Undo));
    let close = app.callback(|_: MouseEvent| Msg::ClearAnnouncement);
    html! {
        <div class="av-toast" data-testid="toast">
            <span aria-hidden="true">{ text }</span>
            <span class="av-actions-row">
                if let Some(onclick) = undo {
                    <button type="button" class="av-btn-link" data-testid="undo" {onclick}>{ "Undo" }</button>
                }
                <button type="button" class="av-btn-link" aria-label="Dismiss this message" onclick={close}>{ "✕" }</button>
            </span>
        </div>
    }
}

/// Keeps the app badge at the number of actions due now, and when a new one comes due
/// while the page is open, sends one notification (only if the user turned them on).
#[hook]
fn use_due_watcher(app: &AppContext) {
    let state = app.state.clone();
    let today = app.today.clone();
    let seen = use_mut_ref(|| None::<Vec<(ProcessId, ActionKey)>>);
    // Worked out after the render, when the plan or the minute changed.
    use_effect_with((state.data_version, state.now), move |_| {
        let due: Vec<(ProcessId, ActionKey, String)> = {
            today
                .rows
                .iter()
                .filter(|row| matches!(row.group, Group::Overdue | Group::Today))
                .filter(|row| row.action.earliest <= state.now)
                .map(|row| {
                    let company = state
                        .process(row.action.process)
                        .map(|p| p.company.clone())
                        .unwrap_or_default();
                    (
                        row.action.process,
                        row.action.key(),
                        format!("{} · {company}", row.action.kind.label()),
                    )
                })
                .collect()
        };
        reminders::set_badge(due.len());
        let current: Vec<(ProcessId, ActionKey)> = due
            .iter()
            .map(|(process, key, _)| (*process, *key))
            .collect();
        let mut seen = seen.borrow_mut();
        // The first look only records what is already due: no notification at load.
        if let Some(before) = seen.as_ref() {
            let fresh: Vec<&String> = due
                .iter()
                .filter(|(process, key, _)| !before.contains(&(*process, *key)))
                .map(|(_, _, label)| label)
                .collect();
            if let Some(first) = fresh.first() {
                let title = if fresh.len() == 1 {
                    "A follow-up is due".to_string()
                } else {
                    format!("{} follow-ups are due", fresh.len())
                };
                reminders::notify(&title, first);
            }
        }
        *seen = Some(current);
    });
}
