//! The "People who handle the process" part of the process form: recruiter, HR and other
//! contacts, and the point of contact. It edits a `core::contacts_form::ContactsForm`;
//! validation and ids live there.

use crate::core::sort;
use yew::prelude::*;

use crate::core::app::contacts_form::{ContactDraft, ContactsForm, PointChoice};
use crate::core::app::form::FieldError;
use crate::core::data::model::{ContactRole, PersonId, Process};

/// The interviewers of a saved process, for the point-of-contact choice.
pub fn saved_interviewers(process: &Process) -> Vec<(PersonId, String)> {
    let mut people: Vec<(PersonId, String)> = process
        .rounds
        .iter()
        .flat_map(|round| round.interviewers.iter())
        .filter(|person| !person.name.trim().is_empty())
        .map(|person| {
            let label = if person.title.trim().is_empty() {
                person.name.trim().to_string()
            } else {
                format!("{} ({})", person.name.trim(), person.title.trim())
            };
            (PersonId::from(person.id), label)
        })
        .collect();
    // Someone who sat on several rounds is offered once.
    sort::sort_by_key(&mut people, |(id, _)| *id);
    people.dedup_by_key(|(id, _)| *id);
    people
}

#[derive(Clone, PartialEq, Properties)]
pub struct ContactsEditorProps {
    pub value: ContactsForm,
    /// Interviewers already saved, who can be the point of contact: (id, "Name (title)").
    pub interviewers: Vec<(PersonId, String)>,
    pub errors: Vec<FieldError>,
    pub on_change: Callback<ContactsForm>,
}

#[component]
pub fn ContactsEditor(props: &ContactsEditorProps) -> Html {
    let value = props.value.clone();
    let change = |apply: fn(&mut ContactDraft, String), row: usize| {
        let value = value.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let mut next = value.clone();
            if let Some(draft) = next.contacts.get_mut(row) {
                apply(draft, input.value());
            }
            on_change.emit(next);
        })
    };
    let error = |field: String| props.errors.iter().find(|e| e.field == field).cloned();
    let text = |row: usize,
                key: &str,
                label: &str,
                kind: &str,
                current: &str,
                apply: fn(&mut ContactDraft, String)| {
        let id = format!("av-contact-{row}-{key}");
        let problem = error(format!("contact-{row}-{key}"));
        let error_id = format!("{id}-error");
        html! {
            <div class="av-field">
                <label for={id.clone()}>{ label }</label>
                <input id={id.clone()} type={kind.to_string()} value={current.to_string()} oninput={change(apply, row)}
                    aria-invalid={problem.is_some().to_string()} aria-describedby={problem.as_ref().map(|_| error_id.clone())} />
                if let Some(problem) = problem { <span class="av-error" id={error_id}>{ problem.message }</span> }
            </div>
        }
    };
    let add = {
        let value = value.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = value.clone();
            next.contacts.push(ContactDraft::default());
            on_change.emit(next);
        })
    };
    let on_point = {
        let value = value.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let mut next = value.clone();
            next.point = ContactsForm::parse_choice(&select.value());
            on_change.emit(next);
        })
    };
    let current_point = ContactsForm::choice_value(value.point);
    let option = |choice: PointChoice, label: String| {
        let key = ContactsForm::choice_value(choice);
        html! { <option value={key.clone()} selected={key == current_point}>{ label }</option> }
    };
    html! {
        <fieldset class="av-fieldset av-contacts" data-testid="contacts-editor">
            <legend>{ "People who handle the process" }</legend>
            <p class="av-hint">{ "Recruiter, HR or a coordinator: inquiries and replies go to them rather than to an interviewer." }</p>
            { for value.contacts.iter().enumerate().map(|(row, draft)| {
                let role_id = format!("av-contact-{row}-role");
                let on_role = {
                    let value = value.clone();
                    let on_change = props.on_change.clone();
                    Callback::from(move |event: Event| {
                        let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
                        let mut next = value.clone();
                        if let Some(draft) = next.contacts.get_mut(row) {
                            draft.role = ContactRole::ALL
                                .into_iter()
                                .find(|role| role.slug() == select.value())
                                .unwrap_or_default();
                        }
                        on_change.emit(next);
                    })
                };
                let on_phone = {
                    let value = value.clone();
                    let on_change = props.on_change.clone();
                    Callback::from(move |event: Event| {
                        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                        let mut next = value.clone();
                        if let Some(draft) = next.contacts.get_mut(row) {
                            draft.spoke_by_phone = input.checked();
                        }
                        on_change.emit(next);
                    })
                };
                let remove = {
                    let value = value.clone();
                    let on_change = props.on_change.clone();
                    Callback::from(move |_: MouseEvent| {
                        let mut next = value.clone();
                        next.contacts.remove(row);
                        next.point = match next.point {
                            PointChoice::NewContact(chosen) if chosen == row => PointChoice::Automatic,
                            PointChoice::NewContact(chosen) if chosen > row => PointChoice::NewContact(chosen - 1),
                            other => other,
                        };
                        on_change.emit(next);
                    })
                };
                html! {
                    <div class="av-contact" key={format!("contact-{row}")}>
                        <div class="av-grid-2">
                            <div class="av-field">
                                <label for={role_id.clone()}>{ "Role" }</label>
                                <select id={role_id} onchange={on_role}>
                                    { for ContactRole::ALL.into_iter().map(|role| html! {
                                        <option value={role.slug()} selected={role == draft.role}>{ role.label() }</option>
                                    }) }
                                </select>
                            </div>
                            { text(row, "name", "Name", "text", &draft.name, |d, v| d.name = v) }
                            { text(row, "title", "Job title", "text", &draft.title, |d, v| d.title = v) }
                            { text(row, "email", "Email", "email", &draft.email, |d, v| d.email = v) }
                            { text(row, "phone", "Phone", "tel", &draft.phone, |d, v| d.phone = v) }
                            { text(row, "linkedin", "LinkedIn", "text", &draft.linkedin, |d, v| d.linkedin = v) }
                        </div>
                        <div class="av-actions-row">
                            <label class="av-check">
                                <input type="checkbox" checked={draft.spoke_by_phone} onchange={on_phone} />
                                { " We have spoken by phone" }
                            </label>
                            <button type="button" class="av-btn av-btn-danger" onclick={remove}>{ format!("Remove contact {}", row + 1) }</button>
                        </div>
                    </div>
                }
            }) }
            <div class="av-actions-row">
                <button type="button" class="av-btn" onclick={add}>{ "Add contact" }</button>
            </div>
            <div class="av-field">
                <label for="av-point-of-contact">{ "Point of contact" }</label>
                <select id="av-point-of-contact" onchange={on_point}>
                    { option(PointChoice::Automatic, "Automatic (recruiter or HR first)".to_string()) }
                    { for value.contacts.iter().enumerate().filter(|(_, d)| !d.name.trim().is_empty()).map(|(row, draft)| {
                        let choice = draft.id.map_or(PointChoice::NewContact(row), PointChoice::Person);
                        option(choice, format!("{} ({})", draft.name.trim(), draft.role.label()))
                    }) }
                    { for props.interviewers.iter().map(|(id, label)| option(PointChoice::Person(*id), label.clone())) }
                </select>
            </div>
        </fieldset>
    }
}
