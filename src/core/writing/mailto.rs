//! Sending helpers: `mailto:` URLs (RFC 6068) for drafts, and parsing them back.
//!
//! Mail clients and browsers cut long `mailto:` URLs unpredictably, so a URL
//! over [`MAILTO_LIMIT`] characters is refused and the UI offers Copy instead.

use std::fmt::Write as _;

/// The longest `mailto:` URL we hand to the browser.
pub const MAILTO_LIMIT: usize = 2000;

/// Why no `mailto:` URL could be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailtoError {
    /// The URL would be `length` characters, over `limit`: copy the text instead.
    TooLong { length: usize, limit: usize },
    /// The recipient is not an email address (no `@`, or blank between commas).
    InvalidAddress(String),
}

impl std::fmt::Display for MailtoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MailtoError::TooLong { length, limit } => write!(
                f,
                "The message is too long to open in a mail app ({length} of at most {limit} characters); copy it instead."
            ),
            MailtoError::InvalidAddress(address) => {
                write!(f, "\"{address}\" is not an email address.")
            }
        }
    }
}

impl std::error::Error for MailtoError {}

/// RFC 3986 unreserved characters: the only ones left as they are in header values.
fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// Percent-encodes UTF-8 bytes, keeping unreserved characters and those in `keep`.
fn encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if is_unreserved(byte) || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Every line break (LF, CR or CRLF) becomes CRLF, as RFC 6068 asks for bodies.
fn crlf_lines(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

/// Builds `mailto:to?subject=...&body=...`. `to` may hold several addresses
/// separated by commas; an empty `to` leaves the recipient to the mail app.
/// An empty subject or body is left out.
pub fn mailto_url(to: &str, subject: &str, body: &str) -> Result<String, MailtoError> {
    let addresses: Vec<&str> = if to.trim().is_empty() {
        Vec::new()
    } else {
        to.split(',').map(str::trim).collect()
    };
    if let Some(bad) = addresses
        .iter()
        .find(|address| address.is_empty() || !address.contains('@') || address.contains(' '))
    {
        return Err(MailtoError::InvalidAddress((*bad).to_string()));
    }
    let mut url = String::from("mailto:");
    let encoded: Vec<String> = addresses
        .iter()
        .map(|address| encode(address, b"@"))
        .collect();
    url.push_str(&encoded.join(","));

    let mut fields = Vec::new();
    if !subject.is_empty() {
        fields.push(format!("subject={}", encode(subject, b"")));
    }
    if !body.is_empty() {
        fields.push(format!("body={}", encode(&crlf_lines(body), b"")));
    }
    if !fields.is_empty() {
        url.push('?');
        url.push_str(&fields.join("&"));
    }
    let length = url.chars().count();
    if length > MAILTO_LIMIT {
        return Err(MailtoError::TooLong {
            length,
            limit: MAILTO_LIMIT,
        });
    }
    Ok(url)
}
